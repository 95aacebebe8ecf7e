"""Measuring for ``bench_day.py``: whole processes (time, CPU, peak memory) and our stages in-process.

Peak memory of a process tree is read two ways, because each misses what the other sees:

- ``ru_maxrss`` from ``os.wait4`` (read by benchmarks/launch.py, which says why it takes a
  launcher): the kernel's own high-water mark of resident memory, exact however short the
  peak, covering the descendants the command waited for. But for a tree it is the largest
  single process (Linux folds a reaped child's peak in as a maximum, not a sum; getrusage(2)),
  so a pool of workers alive at once is under-counted.
- psutil sampling, every 10 ms, of the summed resident memory of the command and all its
  descendants: sees workers running together, may miss a peak shorter than the interval.
  Only when psutil (in the ``bench`` extra) is installed.

A sum of resident sizes counts a page shared by several processes once in each: the pages of
a child forked after compose (``exporter.side_by_side``) that still hold its parent's
briefing tree and libraries, copy-on-write, are counted twice. So the sampler also sums each
process's proportional set size (PSS, Linux: a shared page's size divided among the processes
that share it), which adds up to the memory the tree really holds; where the platform does not
tell, that figure is left out. With ``-j 1`` (one process) the three agree to within the
sampling; with the writers in forked children, the RSS sum is the cautious upper bound and the
PSS sum the true total.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exporter import summarise
from exporter.compose import compose
from exporter.diagnostics import Reporter
from exporter.formats import output_format
from exporter.pipeline import Job, fewer_collections, read_debate, write_atomically
from exporter.side_by_side import write_formats
from exporter.validation import validate

psutil: Any
try:
    psutil = importlib.import_module("psutil")
except ImportError:  # the sampled tree figure is then left out
    psutil = None

SAMPLE_INTERVAL = 0.010  # seconds
LAUNCHER = Path(__file__).resolve().with_name("launch.py")


@dataclass(frozen=True)
class ProcessRun:
    """One whole process: wall and CPU seconds, peak resident bytes (see the module doc)."""

    wall: float
    cpu: float  # user + system, of the process and the descendants it waited for
    peak_rss: int  # ru_maxrss: the largest single process of the tree
    tree_rss: int | None  # the largest sampled sum over the tree; None without psutil
    tree_pss: int | None = None  # the largest sampled sum of PSS; None where not told


class ProcessFailed(RuntimeError):
    pass


def run_process(command: Sequence[str], cwd: Path | None = None) -> ProcessRun:
    """Run ``command`` to its end through ``launch.py``, output discarded; raises ProcessFailed
    on a non-zero exit. Wall and CPU time and ru_maxrss are the command's own, read by the
    launcher; the sampled tree sum covers the launcher's descendants, not the launcher."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [sys.executable, str(LAUNCHER), *command], cwd=cwd, stdout=subprocess.PIPE, stderr=errors
        )
        sampler = _TreeSampler(process.pid) if psutil is not None else None
        output, _ = process.communicate()
        tree, pss = sampler.stop() if sampler is not None else (None, None)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            raise ProcessFailed(f"{command[0]} exited {process.returncode}: {' / '.join(message)}")
    usage = json.loads(output)
    return ProcessRun(usage["wall"], usage["cpu"], usage["maxrss"], tree, pss)


class _TreeSampler:
    """The largest summed RSS, and summed PSS, of a process's descendants, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        self.peak = 0
        self.peak_pss = 0  # stays 0 where psutil tells no PSS (not Linux)
        self._done = threading.Event()
        self._root = psutil.Process(pid)
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.is_set():
            total = proportional = 0
            try:
                processes = self._root.children(recursive=True)
            except psutil.Error:  # the launcher has ended
                break
            for process in processes:
                try:
                    total += process.memory_info().rss
                    proportional += getattr(process.memory_full_info(), "pss", 0)
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self.peak_pss = max(self.peak_pss, proportional)
            self._done.wait(SAMPLE_INTERVAL)

    def stop(self) -> tuple[int, int | None]:
        self._done.set()
        self._thread.join()
        return self.peak, self.peak_pss or None


STAGES = ("read", "compose", "summarise", "validate", "write docx", "write pdf", "write files")
# The same writers again, side by side in processes forked after compose, as ``-j 2`` runs
# them for a single input (``exporter.side_by_side``): instead of the writers' stages, not
# added to them. CPU time includes the children's.
SIDE_BY_SIDE = "writers side by side (-j 2)"


@dataclass
class StageClock:
    """Wall and CPU seconds of each stage of one in-process conversion."""

    wall: dict[str, float]
    cpu: dict[str, float]

    def add(self, stage: str, wall: float, cpu: float) -> None:
        self.wall[stage] = self.wall.get(stage, 0.0) + wall
        self.cpu[stage] = self.cpu.get(stage, 0.0) + cpu

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - wall, time.process_time() - cpu)


def stage_times(path: Path, formats: Sequence[str], out_dir: Path) -> StageClock:
    """Convert ``path`` as ``debate-export convert PATH -f FORMATS`` does (pipeline.convert and
    pipeline.render with the default Job), timing each stage. ``compose`` excludes ``summarise``: the summariser's
    entry points (ranking, summarise, key_points, glance) are timed where compose calls them."""
    gc.collect()  # no garbage of an earlier run charged to this one
    with fewer_collections():  # as pipeline.convert collects garbage
        return _stage_times(path, formats, out_dir)


def _stage_times(path: Path, formats: Sequence[str], out_dir: Path) -> StageClock:
    clock = StageClock({}, {})
    job = Job(formats=tuple(formats))
    reporter = Reporter(str(path))
    with clock.stage("read"):
        debate, _ = read_debate(path, job, reporter)
    with _timing_summariser(clock):
        wall, cpu = time.perf_counter(), time.process_time()
        briefing = compose(debate, job.compose, reporter)
        compose_wall, compose_cpu = time.perf_counter() - wall, time.process_time() - cpu
    clock.add("compose", compose_wall - clock.wall["summarise"], compose_cpu - clock.cpu["summarise"])
    with clock.stage("validate"):
        document = validate(briefing.document, reporter, strict=job.strict_tree)
    outputs: dict[str, bytes] = {}
    for name in formats:
        writer = output_format(name).load()
        with clock.stage(f"write {name}"):
            outputs[name] = writer.write(document, job.write, reporter)
    with clock.stage("write files"):
        for name, data in outputs.items():
            write_atomically(out_dir / f"{path.stem}{output_format(name).extension}", data)
    if len(formats) > 1 and threading.active_count() == 1:  # else write_formats would not fork
        before, wall = os.times(), time.perf_counter()
        side_by_side = write_formats(document, formats, job.write, Reporter(str(path)), processes=2)
        after = os.times()
        cpu = sum(after[:4]) - sum(before[:4])  # this process's and its waited-for children's
        clock.add(SIDE_BY_SIDE, time.perf_counter() - wall, cpu)
        assert side_by_side == outputs, "the writers side by side made other bytes"
    return clock


@contextmanager
def _timing_summariser(clock: StageClock) -> Iterator[None]:
    """Time the summariser's entry points as the composer calls them (``summarise.X``); a call
    made from inside another (``summarise`` ranking a debate itself) is not counted twice."""
    clock.add("summarise", 0.0, 0.0)
    originals: dict[str, Callable[..., Any]] = {
        name: getattr(summarise, name) for name in ("ranking", "summarise", "key_points", "glance")
    }
    depth = [0]

    def timed(function: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if depth[0]:
                return function(*args, **kwargs)
            depth[0] += 1
            try:
                with clock.stage("summarise"):
                    return function(*args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    try:
        for name, function in originals.items():
            setattr(summarise, name, timed(function))
        yield
    finally:
        for name, function in originals.items():
            setattr(summarise, name, function)
