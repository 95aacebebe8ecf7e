"""The HTML writer beside the others, and beside pandoc's HTML of the same briefing.

For a day file (the Commons day of 28 October 2009, from ../shared/records) and a 40-page
briefing: CPU time to write HTML, Word and PDF from the same tree (median and best of several
runs) and sizes; then pandoc's standalone HTML made from our own Word briefing (the nearest
peer: no other tool makes an HTML briefing from debate records), timed the same way, and, when
headless Chromium and axe-core are installed (tests/html_browser.py), axe-core's violations of
WCAG 2.0-2.2 A/AA and best practices on both pages.

    python benchmarks/bench_html.py [--runs N]
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from exporter import document as d  # noqa: E402
from exporter.compose import compose  # noqa: E402
from exporter.diagnostics import Reporter  # noqa: E402
from exporter.options import ComposeOptions, WriteOptions  # noqa: E402
from exporter.pipeline import Job, read_debate  # noqa: E402
from exporter.validation import validate  # noqa: E402
from exporter.writers import docx, html, pdf  # noqa: E402
from golden_trees import long_briefing  # noqa: E402
from html_browser import browser, missing_browser  # noqa: E402

DAY = ROOT.parent / "shared" / "records" / "parlparse" / "debates2009-10-28c.xml"


def timed(write: Callable[[], bytes], runs: int) -> tuple[list[float], bytes]:
    times, data = [], b""
    for _ in range(runs):
        gc.collect()
        start = _cpu()
        data = write()
        times.append(_cpu() - start)
    return times, data


def _cpu() -> float:
    """CPU seconds of this process and of the programs it ran (pandoc)."""
    spent = os.times()
    return spent.user + spent.system + spent.children_user + spent.children_system


def show(label: str, times: list[float], data: bytes) -> None:
    print(f"  {label:<28} {statistics.median(times):7.2f} s {min(times):7.2f} s {len(data) / 1024:9.0f} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    trees: list[tuple[str, d.Document]] = [("40-page briefing", long_briefing(40))]
    if DAY.exists():
        reporter = Reporter(str(DAY))
        debate = read_debate(DAY, Job(), reporter)[0]
        trees.insert(0, (DAY.name, validate(compose(debate, ComposeOptions(), reporter).document, reporter)))
    axe_pages: list[tuple[str, bytes]] = []
    for name, tree in trees:
        print(f"{name}: {'median':>36} {'best':>9} {'size':>12}")
        made = {}
        for label, module in (("HTML (ours)", html), ("Word (ours)", docx), ("PDF (ours)", pdf)):
            times, data = timed(
                lambda module=module, tree=tree: module.write(tree, WriteOptions(), Reporter()), args.runs
            )
            made[label] = data
            show(label, times, data)
        if shutil.which("pandoc"):
            with tempfile.TemporaryDirectory() as folder:
                source = Path(folder) / "briefing.docx"
                source.write_bytes(made["Word (ours)"])
                command = ["pandoc", "--standalone", "-t", "html", str(source)]
                times, data = timed(
                    lambda command=command: subprocess.run(command, capture_output=True, check=True).stdout,
                    args.runs,
                )
            show("pandoc HTML (from our Word)", times, data)
            axe_pages += [(f"{name}: ours", made["HTML (ours)"]), (f"{name}: pandoc", data)]
    reason = missing_browser()
    if reason:
        print(f"axe-core: not run ({reason})")
        return
    with tempfile.TemporaryDirectory() as folder, browser() as session:
        print("axe-core (WCAG 2.0-2.2 A/AA, best practices): violations by rule (nodes)")
        for n, (label, data) in enumerate(axe_pages):
            path = Path(folder) / f"{n}.html"
            path.write_bytes(data)
            violations = session.axe(path)
            summary = ", ".join(f"{v['id']} ({len(v['nodes'])})" for v in violations) or "none"
            print(f"  {label}: {summary}")


if __name__ == "__main__":
    main()
