"""How long `debate-export check` takes over a large Word briefing (the target is under 10 s).

The briefing is the test suite's golden tree energy_bill with 3,000 extra paragraphs, written
by our DOCX writer. Prints its size and the best and median of several
runs (wall clock and CPU time).

    python benchmarks/bench_check_docx.py [--runs N] [--paragraphs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from exporter.checks.docx import check  # noqa: E402
from exporter.diagnostics import Reporter  # noqa: E402
from exporter.options import WriteOptions  # noqa: E402
from exporter.writers.docx import write  # noqa: E402
from golden_trees import energy_bill  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--paragraphs", type=int, default=3000)
    args = parser.parse_args()
    data = write(energy_bill(args.paragraphs), WriteOptions(), Reporter())
    walls, cpus = [], []
    for _ in range(args.runs):
        wall, cpu = time.perf_counter(), time.process_time()
        check(data, "big.docx")
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    print(f"{args.paragraphs} extra paragraphs, {len(data) / 1e6:.2f} MB .docx, {args.runs} runs")
    print(f"wall: best {min(walls):.2f} s, median {statistics.median(walls):.2f} s")
    print(f"cpu:  best {min(cpus):.2f} s, median {statistics.median(cpus):.2f} s")


if __name__ == "__main__":
    main()
