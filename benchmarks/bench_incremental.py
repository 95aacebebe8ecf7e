"""Incremental runs: the work of a rerun over unchanged inputs against a full run's.

The inputs are the shared records (``../shared/records``, when present; else the records in
``tests/data``) and ``samples/``, repeated in turn to ``--inputs`` files (24 by default), as
``bench_batch.py`` makes them. Each run is a whole ``debate-export convert DIR -o OUT -f
docx,pdf -q --report R`` process, as a CI job runs it, and each is measured by its
wall-clock time and the CPU time its processes got (main process, fork server, workers:
sampled from ``/proc`` by a mark in their environment; Linux). In each of ``--runs``
rounds, into a fresh output folder:

1. a full run (no manifest yet);
2. a rerun over the same inputs: every input unchanged, skipped;
3. a rerun after one input is edited (a comment appended): that one converted again;
4. a rerun with ``--force``: every input converted again.

The medians, and each rerun's share of the full run's CPU time and wall-clock time, are
printed; the issue asks that a rerun over unchanged inputs take a quarter of a full run's
work or less. Every rerun's report is read to show what it did (converted/unchanged).

Then ``--scale`` small inputs (copies of the seed record, ``-f json``) are converted and
rerun, to give the cost of skipping one unchanged input (reading and hashing it and its
outputs, against the manifest) in an archive of that size.

    python benchmarks/bench_incremental.py [--inputs 24] [--runs 3] [--scale 400] [-j N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench_batch import cpu_of_marked, records, repeated

ROOT = Path(__file__).resolve().parent.parent


def convert(folder: Path, out: Path, report: Path, *options: str) -> tuple[float, float, dict[str, int]]:
    """Wall-clock seconds and CPU seconds of one ``convert`` process, and its report's counts."""
    ticks: dict[int, int] = {}
    mark = f"BENCH_INCREMENTAL_RUN={uuid.uuid4().hex}"
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            cpu_of_marked(mark.encode(), ticks)

    sampler = threading.Thread(target=sample, daemon=True)
    command = [sys.executable, "-m", "exporter", "convert", str(folder), "-o", str(out), "-q", "--report", str(report)]
    started = time.perf_counter()
    sampler.start()
    result = subprocess.run(
        [*command, *options], capture_output=True, env={**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    )
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr.decode())
    counts = json.loads(report.read_text())["counts"]
    return seconds, sum(ticks.values()) / os.sysconf("SC_CLK_TCK"), counts


def edit_one(folder: Path) -> Path:
    """Append a comment to one input: new bytes, the same debate."""
    for path in sorted(folder.iterdir()):
        if path.suffix == ".xml":
            path.write_bytes(path.read_bytes() + b"\n<!-- edited -->\n")
            return path
        if path.suffix in (".yaml", ".yml"):
            path.write_bytes(path.read_bytes() + b"\n# edited\n")
            return path
    raise SystemExit("no XML or YAML input to edit")


def rounds(sources: list[Path], count: int, runs: int, jobs: list[str], work: Path) -> None:
    kinds = ("full run", "rerun, unchanged", "rerun, one input edited", "rerun, --force")
    wall: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
    seen: dict[str, dict[str, int]] = {}
    for run in range(runs):
        folder = repeated(sources, count, work / f"inputs-{run}")
        out, report = work / f"out-{run}", work / f"report-{run}.json"
        for kind in kinds:
            if kind == "rerun, one input edited":
                edit_one(folder)
            options = ["-f", "docx,pdf", *jobs, *(["--force"] if kind == "rerun, --force" else [])]
            seconds, used, counts = convert(folder, out, report, *options)
            wall[kind].append(seconds)
            cpu[kind].append(used)
            seen[kind] = counts
            print(f"  round {run + 1}, {kind:<25} {seconds:7.2f} s wall  {used:7.2f} s CPU  "
                  f"({counts['converted']} converted, {counts['unchanged']} unchanged, {counts['failed']} failed)")  # fmt: skip
    full_wall, full_cpu = statistics.median(wall[kinds[0]]), statistics.median(cpu[kinds[0]])
    print(f"\nmedians over {runs} rounds, {count} inputs, -f docx,pdf:")
    print(f"  {'':<25} {'wall s':>8} {'CPU s':>8} {'CPU / full':>11} {'wall / full':>12}")
    for kind in kinds:
        w, c = statistics.median(wall[kind]), statistics.median(cpu[kind])
        print(f"  {kind:<25} {w:8.2f} {c:8.2f} {c / full_cpu:11.1%} {w / full_wall:12.1%}")
    ratio = statistics.median(cpu[kinds[1]]) / full_cpu
    print(f"a rerun over unchanged inputs does {ratio:.1%} of a full run's work (CPU): "
          f"{'within' if ratio <= 0.25 else 'NOT within'} a quarter")  # fmt: skip


def scale(count: int, jobs: list[str], work: Path) -> None:
    folder = work / "scale"
    folder.mkdir()
    data = (ROOT / "samples" / "westminster-hall-2022-02-23.yaml").read_bytes()
    for index in range(count):
        (folder / f"{index:05d}.yaml").write_bytes(data.replace(b"Child Sexual", f"Child {index} Sexual".encode(), 1))
    out, report = work / "scale-out", work / "scale-report.json"
    full = convert(folder, out, report, "-f", "json", *jobs)
    again = convert(folder, out, report, "-f", "json", *jobs)
    empty = work / "empty"
    empty.mkdir()
    (empty / "one.yaml").write_bytes(data)
    start = convert(empty, work / "empty-out", work / "empty.json", "-f", "json", "--force")  # one input: start-up
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"\n{count} small inputs (-f json, {size / 1e6:.1f} MB of outputs and manifest): full run {full[0]:.1f} s wall, "
          f"{full[1]:.1f} s CPU; rerun {again[0]:.2f} s wall, {again[1]:.2f} s CPU ({again[2]['unchanged']} unchanged)")  # fmt: skip
    per = (again[1] - start[1]) / count * 1000
    print(f"  the manifest of {count} inputs: {(out / '.debate-export-manifest.json').stat().st_size / 1e3:.0f} kB; "
          f"skipping one unchanged input costs about {per:.2f} ms of CPU (rerun less a one-input run's start-up, "
          f"{start[1]:.2f} s)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=24)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=int, default=400)
    parser.add_argument("-j", "--jobs", type=int, default=None)
    args = parser.parse_args()
    jobs = ["-j", str(args.jobs)] if args.jobs else []
    sources = records()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        rounds(sources, args.inputs, args.runs, jobs, work)
        if args.scale:
            scale(args.scale, jobs, work)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
