"""What PDF/UA tagging costs: the same briefing written tagged and untagged.

Untagged is the same layout and drawing with a tagger that emits nothing (no marked
content, structure tree, parent tree or OBJRs), so the difference is the tagging layer
alone. Briefings of about 40 and 200 A4 pages are built from the seed debate by
repetition (tests/golden_trees.py). Prints pages, file sizes, the median and best of
several runs (CPU time of this process, so that other work on the machine counts
less), and the overhead; the aim is at most 15%.

    python benchmarks/bench_pdf_tagging.py [--runs N] [--pages 40 200]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from exporter.diagnostics import Reporter  # noqa: E402
from exporter.options import WriteOptions  # noqa: E402
from exporter.writers.pdf import render  # noqa: E402
from golden_trees import long_briefing  # noqa: E402


def measure(pages: int, runs: int) -> dict[bool, tuple[list[float], bytes]]:
    """Alternate untagged and tagged runs, so that a busy machine slows both alike."""
    document = long_briefing(pages)
    results: dict[bool, tuple[list[float], bytes]] = {False: ([], b""), True: ([], b"")}
    for _ in range(runs):
        for tagged in (False, True):
            gc.collect()  # start each run with no garbage left by the one before
            start = time.process_time()
            data = render(document, WriteOptions(), Reporter("bench"), tagged=tagged)
            elapsed = time.process_time() - start
            results[tagged] = (results[tagged][0] + [elapsed], data)
    return results


def page_count(data: bytes) -> int:
    return data.count(b"/Type /Page\n") or data.count(b"/Type /Page ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pages", type=int, nargs="+", default=[40, 200])
    args = parser.parse_args()
    measure(5, 1)  # warm up: font loading and imports
    print(f"{'pages':>6} {'variant':>9} {'median s':>9} {'best s':>7} {'size KB':>8}")
    for pages in args.pages:
        results = measure(pages, args.runs)
        for tagged in (False, True):
            times, data = results[tagged]
            variant = "tagged" if tagged else "untagged"
            print(
                f"{page_count(data):>6} {variant:>9} {statistics.median(times):>9.3f} {min(times):>7.3f}"
                f" {len(data) / 1024:>8.0f}"
            )
        untagged, tagged_times = results[False][0], results[True][0]
        by_median = statistics.median(tagged_times) / statistics.median(untagged) * 100 - 100
        by_best = min(tagged_times) / min(untagged) * 100 - 100
        print(f"{'':>6} {'overhead':>9} {by_median:>8.1f}% {by_best:>6.1f}%  (median, best)")


if __name__ == "__main__":
    main()
