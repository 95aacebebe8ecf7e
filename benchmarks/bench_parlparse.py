"""How long the ParlParse reader takes over a 1 MB sitting (the target is under 0.5 s).

The day is made by repeating the speeches and headings of the Westminster Hall sample
(the shared record when present, else the trimmed copy in tests/data) until the file
passes 1 MB, keeping its ISO-8859-1 declaration and internal DTD. Prints the size, the
best and median of several runs (wall clock, and CPU time, which a busy machine
disturbs less), and how the time splits between parsing the XML and
building the model.

    python benchmarks/bench_parlparse.py [--runs N] [--megabytes M]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from exporter.diagnostics import Reporter
from exporter.model import speeches
from exporter.options import ReadOptions
from exporter.readers import _xml, parlparse

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    ROOT.parent / "shared" / "records" / "parlparse" / "westminhall_westminster2009-10-28a.xml",
    ROOT / "tests" / "data" / "parlparse" / "westminster2009-10-28a-excerpt.xml",
)


def sitting_of_size(megabytes: float) -> tuple[bytes, Path]:
    source = next(path for path in SOURCES if path.is_file())
    data = source.read_bytes()
    head, _, rest = data.partition(b"<publicwhip")
    opening, _, body = rest.partition(b">")
    body = body.rpartition(b"</publicwhip>")[0]
    copies = int(megabytes * 1_000_000 // len(body)) + 1
    return head + b"<publicwhip" + opening + b">" + body * copies + b"</publicwhip>\n", source


def timed(
    action: Callable[[], object], runs: int, clock: Callable[[], float] = time.perf_counter
) -> list[float]:
    times = []
    for _ in range(runs):
        start = clock()
        action()
        times.append(clock() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    data, source = sitting_of_size(args.megabytes)
    debate = parlparse.read(data, "bench.xml", ReadOptions(), Reporter())
    read_times = timed(lambda: parlparse.read(data, "bench.xml", ReadOptions(), Reporter()), args.runs)
    cpu_times = timed(
        lambda: parlparse.read(data, "bench.xml", ReadOptions(), Reporter()), args.runs, time.process_time
    )
    parse_times = timed(lambda: _xml.parse(data, "bench.xml"), args.runs)
    best, median = min(read_times), statistics.median(read_times)
    print(f"source:         {source}")
    print(
        f"input:          {len(data):,} bytes, {len(speeches(debate)):,} speeches, {len(debate.sections)} sections"
    )
    print(f"read (best):    {best:.3f} s   ({len(data) / best / 1e6:.1f} MB/s)")
    print(f"read (median):  {median:.3f} s   over {args.runs} runs")
    print(f"CPU (best):     {min(cpu_times):.3f} s   (process time: less disturbed by a busy machine)")
    print(f"of which parse: {min(parse_times):.3f} s (lxml, safe settings, size checks)")
    print(f"target:         under 0.500 s: {'met' if best < 0.5 else 'NOT MET'}")


if __name__ == "__main__":
    main()
