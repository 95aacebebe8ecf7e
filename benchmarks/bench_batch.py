"""Batch conversion on every core: ``-j 2`` against ``-j 1``, and the workers' memory over a long batch.

The inputs are the shared records (``../shared/records``, when present; else the records in
``tests/data``) and ``samples/``, repeated in turn to ``--inputs`` files (24 by default).
Each run is a whole ``debate-export convert DIR -f docx,pdf -j N -q`` process, as a CI job
runs it; ``-j 1`` and ``-j 2`` alternate, ``--runs`` times each, and the median wall-clock
times and their ratio are printed, with how busy the machine was meanwhile: the share of
all cores busy, and the mean number of runnable tasks (``procs_running`` in ``/proc/stat``,
sampled five times a second; this run's own workers and main process count too, so on an
otherwise idle 2-core machine a -j 2 run shows about 2), and the CPU time the run's own
processes got (main process, fork server, workers: sampled from ``/proc`` by a mark in their
environment), as cores used on average: on a shared machine that is the share the run was
given, and the wall-clock ratio cannot exceed the ratio of those shares. (Linux with
autogroup scheduling, ``/proc/sys/kernel/sched_autogroup_enabled``, shares the cores between
sessions, not processes: while another session keeps the machine busy, a -j 2 run gets no
more CPU than a -j 1 run, and only an idle machine shows what the workers can do.) ``--quiet`` waits
(up to that many seconds) before each run for the rest of the machine to fall idle.
The outputs of ``-j 1`` and ``-j 2`` are compared byte for byte.

Then one batch of ``--long`` inputs (100 by default) runs through the library with two
workers, and each worker's peak resident memory is printed after the 10th input and after
the last: flat memory means the two are about equal.

    python benchmarks/bench_batch.py [--runs 3] [--inputs 24] [--long 100] [--jobs 2] [--quiet SECONDS]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from exporter import batch
from exporter.batch import inputs
from exporter.batch.work import Settings
from exporter.pipeline import Job

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "records"
SUFFIXES = {".xml", ".json", ".yaml", ".yml", ".txt"}


def records() -> list[Path]:
    folder = SHARED if SHARED.is_dir() else ROOT / "tests" / "data"
    found = sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.name != "README.md")
    found += sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in SUFFIXES)
    return found


def repeated(sources: list[Path], count: int, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for index in range(count):
        source = sources[index % len(sources)]
        (folder / f"{index + 1:03d}-{source.name}").write_bytes(source.read_bytes())
    return folder


def busy_jiffies() -> tuple[int, int]:
    """(busy, total) CPU time of the whole machine so far, in clock ticks (Linux)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields) - idle, sum(fields)


def runnable() -> int:
    """Tasks running or ready to run on the whole machine now (Linux; 0 elsewhere)."""
    try:
        for line in Path("/proc/stat").read_text().splitlines():
            if line.startswith("procs_running "):
                return int(line.split()[1]) - 1  # less this reader itself
    except OSError:
        pass
    return 0


def wait_for_quiet(limit: float) -> None:
    """Wait up to ``limit`` seconds until, over two seconds, at most one task is runnable."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        samples = []
        for _ in range(10):
            samples.append(runnable())
            time.sleep(0.2)
        if statistics.mean(samples) <= 1.0:
            return


def cpu_of_marked(mark: bytes, seen: dict[int, int]) -> None:
    """Record the CPU ticks (user + system) so far of every process whose environment has ``mark``."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if mark not in (entry / "environ").read_bytes():
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seen[int(entry.name)] = max(seen.get(int(entry.name), 0), int(fields[11]) + int(fields[12]))


def whole_run(folder: Path, out: Path, jobs: int) -> tuple[float, float, float, float]:
    """Wall-clock seconds of one ``convert`` process, the share of the machine busy meanwhile,
    the mean number of runnable tasks (ours included), and the CPU seconds our processes got."""
    samples: list[int] = []
    ticks: dict[int, int] = {}
    mark = f"BENCH_BATCH_RUN={uuid.uuid4().hex}"
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            samples.append(runnable())
            cpu_of_marked(mark.encode(), ticks)

    sampler = threading.Thread(target=sample, daemon=True)
    busy0, total0 = busy_jiffies()
    started = time.perf_counter()
    sampler.start()
    result = subprocess.run(
        [sys.executable, "-m", "exporter", "convert", str(folder), "-o", str(out), "-f", "docx,pdf", "-j", str(jobs), "-q"],
        capture_output=True,
        env={**os.environ, mark.split("=")[0]: mark.split("=")[1]},
    )  # fmt: skip
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr.decode())
    busy1, total1 = busy_jiffies()
    busy = (busy1 - busy0) / (total1 - total0) if total1 > total0 else float("nan")
    cpu = sum(ticks.values()) / os.sysconf("SC_CLK_TCK")
    return seconds, busy, statistics.mean(samples) if samples else float("nan"), cpu


def same_tree(a: Path, b: Path) -> bool:
    names = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    if names != sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()):
        return False
    return all(filecmp.cmp(a / name, b / name, shallow=False) for name in names)


def speed(sources: list[Path], count: int, runs: int, work: Path, quiet: float) -> None:
    folder = repeated(sources, count, work / "inputs")
    print(
        f"{count} inputs from {len(sources)} records ({sum(p.stat().st_size for p in folder.iterdir()) / 1e6:.1f} MB)"
    )
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    times: dict[int, list[float]] = {1: [], 2: []}
    cores: dict[int, list[float]] = {1: [], 2: []}
    for run in range(runs):
        for jobs in (1, 2):
            if quiet:
                wait_for_quiet(quiet)
            seconds, busy, tasks, cpu = whole_run(folder, work / f"out-{jobs}-{run}", jobs)
            times[jobs].append(seconds)
            cores[jobs].append(cpu / seconds)
            print(
                f"  run {run + 1}, -j {jobs}: {seconds:6.2f} s   machine busy {busy:4.0%}   "
                f"runnable tasks {tasks:4.1f}   our CPU {cpu:5.1f} s = {cpu / seconds:.2f} cores"
            )
    one, two = statistics.median(times[1]), statistics.median(times[2])
    print(f"median -j 1: {one:.2f} s   -j 2: {two:.2f} s   speed-up: {one / two:.2f}x")
    print(
        f"cores our runs got (median): -j 1 {statistics.median(cores[1]):.2f}, -j 2 {statistics.median(cores[2]):.2f}"
    )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"-j 1 and -j 2 outputs byte-identical: {same_tree(work / 'out-1-0', work / 'out-2-0')}")


def memory(sources: list[Path], count: int, jobs: int, work: Path) -> None:
    folder = repeated(sources, count, work / "long")
    plan = inputs.collect([str(folder)], work / "long-out")
    seen: list[tuple[int, int]] = []

    class Events:
        def started(self, total: int, unchanged: int = 0) -> None:
            pass

        def finished(self, entry: batch.Entry) -> None:
            if entry.outcome is not None:
                seen.append((entry.outcome.worker, entry.outcome.peak_memory))

    started = time.perf_counter()
    run = batch.convert(plan, Settings(Job(formats=("docx", "pdf"))), jobs=jobs, events=Events())
    print(f"\n{count} inputs with -j {jobs}: {run.count('converted')} converted, {run.count('failed')} failed "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
    workers = sorted({pid for pid, _ in seen})
    print("peak resident memory per worker (MB): after the 10th input -> after the last")
    for pid in workers:
        mine = [(i, peak) for i, (who, peak) in enumerate(seen, start=1) if who == pid]
        at_10 = next((peak for i, peak in mine if i >= 10), mine[0][1])
        last = mine[-1][1]
        print(
            f"  worker {pid}: {at_10 / 2**20:7.1f} -> {last / 2**20:7.1f}  ({len(mine)} inputs, {(last - at_10) / 2**20:+.1f} MB)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--inputs", type=int, default=24)
    parser.add_argument("--long", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--quiet", type=float, default=0, metavar="SECONDS", help="wait for an idle machine")
    args = parser.parse_args()
    sources = records()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        speed(sources, args.inputs, args.runs, work, args.quiet)
        if args.long:
            memory(sources, args.long, args.jobs, work)


if __name__ == "__main__":
    main()
