"""What each style profile costs: a 40-page briefing written to PDF and Word per profile.

The measure (a character cap per line on top of the width), letter and word spacing and the
page colour all touch layout; this prints, per profile, pages, CPU time (median and best of
several runs of this process) and file sizes.

    python benchmarks/bench_styles.py [--runs N] [--pages 40]
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pikepdf  # noqa: E402

from exporter.diagnostics import Reporter  # noqa: E402
from exporter.options import WriteOptions  # noqa: E402
from exporter.styles import available, load_style  # noqa: E402
from exporter.writers import docx, pdf  # noqa: E402
from golden_trees import long_briefing  # noqa: E402


def timed(write: object, runs: int) -> tuple[list[float], bytes]:
    times, data = [], b""
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        data = write()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return times, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args()
    document = long_briefing(args.pages)
    print(f"{'profile':<14} {'pages':>5} {'PDF s (med/best)':>17} {'PDF KB':>7} {'DOCX s (med/best)':>18} {'DOCX KB':>8}")
    for name in available():
        options = WriteOptions(style=load_style(name))
        pdf_times, pdf_data = timed(lambda: pdf.write(document, options, Reporter()), args.runs)  # noqa: B023
        docx_times, docx_data = timed(lambda: docx.write(document, options, Reporter()), args.runs)  # noqa: B023
        with pikepdf.open(io.BytesIO(pdf_data)) as opened:
            pages = len(opened.pages)
        print(
            f"{name:<14} {pages:>5} {statistics.median(pdf_times):>8.2f}/{min(pdf_times):<8.2f}"
            f" {len(pdf_data) // 1024:>7} {statistics.median(docx_times):>9.2f}/{min(docx_times):<8.2f}"
            f" {len(docx_data) // 1024:>8}"
        )


if __name__ == "__main__":
    main()
