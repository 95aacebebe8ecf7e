"""What tables cost: a day of written answers (87 tables with titles, spans and header rows)
and a 2,000-row division list, to Word and PDF, beside pandoc converting the same tables.

The written answers come from ../shared/records when present, else from the excerpt in
tests/data/tables. Our side is composing once, then each writer (CPU time of this process);
pandoc's is reading the same tables as HTML (colspan and rowspan kept) and writing .docx
(CPU time of the child process). Prints the median and best of several runs.

    python benchmarks/bench_tables.py [--runs N]
"""

from __future__ import annotations

import argparse
import gc
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from exporter.compose import compose  # noqa: E402
from exporter.diagnostics import Reporter  # noqa: E402
from exporter.document import Document  # noqa: E402
from exporter.options import ComposeOptions, ReadOptions, WriteOptions  # noqa: E402
from exporter.readers import parlparse  # noqa: E402
from exporter.writers import docx, pdf  # noqa: E402
from golden_trees import big_table_briefing  # noqa: E402

SHARED = ROOT.parent / "shared" / "records" / "parlparse" / "wrans_answers2009-10-27c.xml"
EXCERPT = ROOT / "tests" / "data" / "tables" / "wrans-tables-2009-10-27c-excerpt.xml"


def written_answers() -> tuple[Path, Document]:
    path = SHARED if SHARED.exists() else EXCERPT
    debate = parlparse.read(path.read_bytes(), str(path), ReadOptions(), Reporter("bench"))
    return path, compose(debate, ComposeOptions(summary="none"), Reporter("bench")).document


def tables_as_html(path: Path) -> bytes:
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    body = "".join(etree.tostring(t, encoding="unicode") for t in root.iter("table"))
    return f"<html><head><title>Tables</title></head><body>{body}</body></html>".encode()


def ours(write: Callable[..., bytes], document: Document) -> Callable[[], float]:
    def run() -> float:
        gc.collect()
        start = time.process_time()
        write(document, WriteOptions(), Reporter("bench"))
        return time.process_time() - start

    return run


def pandoc(html: bytes, folder: Path) -> Callable[[], float]:
    source, target = folder / "tables.html", folder / "tables.docx"
    source.write_bytes(html)

    def run() -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(["pandoc", "-f", "html", "-t", "docx", "-o", str(target), str(source)], check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path, answers = written_answers()
    division = big_table_briefing(2000)
    jobs: list[tuple[str, Callable[[], float]]] = [
        (f"{path.name}: Word", ours(docx.write, answers)),
        (f"{path.name}: PDF", ours(pdf.write, answers)),
        ("2,000-row division list: Word", ours(docx.write, division)),
        ("2,000-row division list: PDF", ours(pdf.write, division)),
    ]
    with tempfile.TemporaryDirectory() as folder:
        if shutil.which("pandoc"):
            jobs.append(("pandoc, the same tables: HTML to Word", pandoc(tables_as_html(path), Path(folder))))
        for _name, run in jobs:
            run()  # warm up: imports, fonts
        print(f"{'job':<58} {'median s':>9} {'best s':>7}")
        for name, run in jobs:
            times = [run() for _ in range(args.runs)]
            print(f"{name:<58} {statistics.median(times):9.2f} {min(times):7.2f}")


if __name__ == "__main__":
    main()
