"""A whole sitting day to PDF: pages, where the debates begin, and what the contents' page
numbers cost.

    python benchmarks/bench_sitting_day.py [--records DIR] [--repeat N]

For each shared sitting day (``../shared/records``): the briefing's pages, the page its first
debate begins on (issue 16 asks for the first tenth), the pages of its front matter, and the
time to write the PDF (best of N): as made (two layout passes, the first only measuring, for
the contents' page numbers) and the same tree without its contents (one pass), so that the
difference is the cost of the page numbers. Timings are for comparison on one machine, never
assertions.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from io import BytesIO
from pathlib import Path

import pikepdf

from exporter import document as d
from exporter.compose import compose
from exporter.diagnostics import Reporter
from exporter.options import ComposeOptions, WriteOptions
from exporter.pipeline import Job, read_debate
from exporter.validation import validate
from exporter.writers.pdf import write

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RECORDS = ROOT.parent / "shared" / "records"
DAYS = (
    "parlparse/lords_daylord2009-10-29a.xml",
    "parlparse/debates2009-10-28c.xml",
    "parlparse/westminhall_westminster2009-10-28a.xml",
    "parlparse/openaustralia_representatives_2007-09-20.xml",
    "parlparse/wrans_answers2009-10-27c.xml",
    "akoma-ntoso/za_national_assembly_2012-09-20_mysociety.xml",
)


def best_of(repeat: int, document: d.Document) -> tuple[float, bytes]:
    times, data = [], b""
    for _ in range(repeat):
        start = time.perf_counter()
        data = write(document, WriteOptions(), Reporter())
        times.append(time.perf_counter() - start)
    return min(times), data


def first_debate(data: bytes) -> tuple[int, int]:
    """(pages, the page of the first heading after the contents)."""
    with pikepdf.open(BytesIO(data)) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        with pdf.open_outline() as outline:
            top = list(outline.root)
            entries = [
                (e.title, pages[e.destination[0].objgen]) for e in (top[0].children if len(top) == 1 else top)
            ]
        titles = [title for title, _ in entries]
        after = titles.index("Contents") + 1
        if titles[after] == "Speakers":
            after += 1
        return len(pdf.pages), entries[after][1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=Path, default=DEFAULT_RECORDS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        "day                                      pages  debates begin  PDF s (two passes)  without contents"
    )
    for name in DAYS:
        path = args.records / name
        if not path.exists():
            print(f"{name}: not found in {args.records} (the shared records live beside the repository)")
            continue
        debate, _ = read_debate(path, Job(), Reporter())
        document = validate(compose(debate, ComposeOptions(), Reporter()).document, Reporter())
        seconds, data = best_of(args.repeat, document)
        pages, begins = first_debate(data)
        without = dataclasses.replace(
            document, blocks=tuple(b for b in document.blocks if not isinstance(b, d.Contents))
        )
        single, _ = best_of(args.repeat, without)
        print(
            f"{Path(name).name[:40]:40} {pages:6}  page {begins:3} ({begins / pages:4.1%})"
            f"  {seconds:8.2f}            {single:8.2f}"
        )


if __name__ == "__main__":
    main()
