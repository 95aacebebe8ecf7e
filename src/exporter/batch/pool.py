"""Worker processes for a run of several inputs, each input converted whole by one worker.

(A single input's formats are written side by side in processes forked after compose
instead, ``exporter.side_by_side``: a fork server would take longer to start than they save.)

``open_pool(jobs, tasks)`` gives a pool with ``submit(function, *args) -> Future``:
module-level functions and picklable arguments, run in worker processes (Pebble's
``ProcessPool``), or in this process when there is one task only (no start-up cost for
the commonest command). ``unordered`` runs a function over many items with only a few in
flight, yielding each result as it comes, so memory does not grow with the batch.

The workers are forked from a fork server that has imported every reader, writer and
checker once (``work.preload_modules``), so starting one is cheap; Windows, which has no
fork server, spawns them and each imports once. A worker ignores Ctrl-C (the parent
decides) and is replaced after ``TASKS_PER_WORKER`` tasks, so a slow leak in a library
cannot grow a long batch's memory; a worker that dies (a crash, the kernel's OOM killer)
fails only the task it was running, and a new one takes its place (Pebble reports it as
``ProcessExpired``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import Any, Protocol, TypeVar

from pebble import ProcessExpired, ProcessPool

from exporter import child_signals
from exporter.batch import work

T = TypeVar("T")
R = TypeVar("R")

TASKS_PER_WORKER = 200  # memory measured flat over 100 inputs; this bounds a slow leak
__all__ = ["ProcessExpired", "Pool", "usable_cores", "open_pool", "unordered"]


class Pool(Protocol):
    """What the batch needs of a pool; ``window`` is how many tasks to keep in flight."""

    window: int

    def submit(self, function: Callable[..., R], *args: Any) -> Future[R]: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, where the platform tells)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def open_pool(jobs: int, tasks: int) -> Pool:
    """A pool of ``min(jobs, tasks)`` worker processes; for one task, this process."""
    workers = max(1, min(jobs, tasks))
    if tasks <= 1:
        return InlinePool()
    return WorkerPool(workers)


class InlinePool:
    """Runs each task at once in this process, when a pool of processes would only cost time."""

    window = 1

    def submit(self, function: Callable[..., R], *args: Any) -> Future[R]:
        future: Future[R] = Future()
        future.set_result(function(*args))
        return future

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


class WorkerPool:
    """``workers`` processes, forked from a fork server that has imported our libraries."""

    def __init__(self, workers: int):
        self.window = workers * 2
        self._started = False
        self._pool = ProcessPool(
            max_workers=workers,
            max_tasks=TASKS_PER_WORKER,
            initializer=work.load_libraries,
            context=_context(),
        )

    def submit(self, function: Callable[..., R], *args: Any) -> Future[R]:
        if self._started:
            return self._pool.schedule(function, args=args)
        # the first task starts the workers: they (and the fork server, which would otherwise
        # die importing with a traceback) leave Ctrl-C to this process, which stops them
        with child_signals.children_start_with(ignored=child_signals.signal_names("SIGINT", "SIGHUP")):
            self._started = True
            return self._pool.schedule(function, args=args)

    def stop(self) -> None:
        """End every worker now; tasks still running are lost (they write nothing)."""
        self._pool.stop()
        self._pool.join()

    def close(self) -> None:
        self._pool.close()
        self._pool.join()


def _context() -> Any:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(work.preload_modules())
    return context


def unordered(
    pool: Pool, function: Callable[..., R], items: Sequence[T], *args: Any
) -> Iterator[tuple[int, Future[R]]]:
    """Run ``function(item, *args)`` for every item, at most ``pool.window`` at a time,
    yielding ``(index, done future)`` as each finishes."""
    pending: dict[Future[R], int] = {}
    queue = iter(range(len(items)))
    for index in queue:
        pending[pool.submit(function, items[index], *args)] = index
        if len(pending) >= pool.window:
            break
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield pending.pop(future), future
            following = next(queue, None)
            if following is not None:
                pending[pool.submit(function, items[following], *args)] = following
