"""One input's writers, then the audits of its files, side by side in processes forked after compose.

``side_by_side(tasks, processes, source)`` makes each task's value, in the order given, in up
to ``processes`` processes at once. With ``processes`` of 1, one task, no ``fork`` (Windows;
macOS, where forking is unsafe) or another thread running in this process, every task runs
here, in order. Otherwise the tasks are dealt round-robin into ``processes`` groups: this
process runs the first group, and a child forked for each other group runs that one (this
process does, if no process can be forked). The child has this process's memory, the briefing
tree among it, copy-on-write (frozen with ``gc.freeze``, so that the child's collector does not
copy it page by page): nothing is pickled on the way in. Measured on the Commons day of 28 Oct
2009, pickling and unpickling its tree (1.2 MB) would take 80 ms, and starting the batch pool's
fork server, which imports every reader, writer and checker, 0.6 to 0.9 s before a first task
ends; a fork takes milliseconds. Only the values come back, pickled through a pipe.

The values are what running the tasks here would give (a writer's bytes depend only on the
tree and options), and so is the error: that of the first task, in order, that raised (with
the child's traceback as its cause, shown by ``--debug``). A child that stops without an
answer (killed; out of memory) is an ``OutputError`` naming what it was doing. The caller
writes no file until every value is in, so a failure or an interruption leaves no partial
output.

Signals: a child ignores SIGINT and SIGHUP (Ctrl-C reaches the whole process group and is
this process's to handle) and ends on SIGTERM. When this process is interrupted
(``Interrupted``, from ``exporter.batch.interrupts``) or fails while children work, they are
ended and waited for before the exception goes on: none outlives the run.

``processes_per_input(jobs, inputs)`` says how many processes one input gets;
``write_formats`` runs one briefing tree's writers this way.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

from exporter import child_signals
from exporter import document as d
from exporter.diagnostics import Diagnostic, Reporter
from exporter.errors import OutputError
from exporter.formats import output_format
from exporter.options import WriteOptions
from exporter.writers.guard import guarded

T = TypeVar("T")
_IGNORED = child_signals.signal_names("SIGINT", "SIGHUP")  # Ctrl-C is the parent's to handle
_ENDING = child_signals.signal_names("SIGTERM")  # the parent ends a child it no longer waits for
_HELD = (*_IGNORED, *_ENDING)


def processes_per_input(jobs: int, inputs: int) -> int:
    """Processes for each input's writers and audits, given ``jobs`` (``-j``) and the number
    of inputs to convert: all of them for a single input; otherwise 1, as a batch of several
    inputs is already parallel by input (each input in a worker of the batch's pool)."""
    return max(1, jobs) if inputs == 1 else 1


@dataclass(frozen=True)
class Task(Generic[T]):
    """A call to make, and what it is ("the pdf writer") for a message if its process stops."""

    what: str
    call: Callable[[], T]


class ChildTraceback(Exception):
    """The traceback of an error raised in a child, kept as the cause of the error raised here."""


@dataclass
class _Done:
    value: Any = None
    error: BaseException | None = None
    trace: str | None = None


def side_by_side(tasks: Sequence[Task[T]], processes: int, source: str | None) -> list[T]:
    """Each task's value, in order, made in up to ``processes`` processes (this one among
    them). Raises the first task's error, in order, once every task has finished."""
    groups = [list(range(start, len(tasks), processes)) for start in range(min(processes, len(tasks)))]
    if len(groups) <= 1 or not _can_fork():
        return [task.call() for task in tasks]
    done: dict[int, _Done] = {}
    children: list[tuple[list[int], BaseProcess, Connection]] = []
    here = groups[0]
    try:
        with _frozen_heap(), child_signals.children_start_with(_IGNORED, default=_ENDING):
            for group in groups[1:]:
                try:
                    children.append((group, *_start([tasks[i] for i in group])))
                except OSError:  # no process to be had (a limit reached): this one does it
                    here = here + group
        done.update(zip(here, _run([tasks[i] for i in here]), strict=True))
        for group, process, answer in children:
            done.update(zip(group, _answer([tasks[i] for i in group], process, answer, source), strict=True))
    finally:
        for _group, process, answer in children:
            answer.close()
            if process.is_alive():
                process.terminate()
            process.join()
    for index in range(len(tasks)):
        result = done[index]
        if result.error is not None:
            if result.trace is not None:
                raise result.error from ChildTraceback(result.trace)
            raise result.error
    return [done[index].value for index in range(len(tasks))]


def _run(tasks: Sequence[Task[Any]]) -> list[_Done]:
    found = []
    for task in tasks:
        try:
            found.append(_Done(task.call()))
        except Exception as error:  # raised by side_by_side in order, with the others'
            found.append(_Done(error=error))
    return found


def _start(tasks: list[Task[Any]]) -> tuple[BaseProcess, Connection]:
    context = multiprocessing.get_context("fork")
    answer, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, tasks), daemon=True)
    process.start()
    send.close()
    return process, answer


def _child(send: Connection, tasks: list[Task[Any]]) -> None:
    """A child's whole life: run its tasks, send what came of them, end."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    found = _run(tasks)
    for result in found:
        if result.error is not None:
            result.trace = "".join(traceback.format_exception(result.error))
    try:
        send.send(found)
    except Exception:  # an error or value that does not pickle: its line goes as text
        send.send(
            [
                _Done(error=OutputError(f"{task.what}: {result.error or 'no answer'}"))
                for task, result in zip(tasks, found, strict=True)
            ]
        )
    send.close()


def _answer(
    tasks: list[Task[Any]], process: BaseProcess, answer: Connection, source: str | None
) -> list[_Done]:
    try:
        found: list[_Done] = answer.recv()
        return found
    except EOFError:
        process.join()
        code = process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        if code == -9:  # SIGKILL: the kernel's OOM killer, most often
            how += ", perhaps out of memory"
        what = " and ".join(task.what for task in tasks)
        error = OutputError(f"the process running {what} stopped ({how}); nothing written", source)
        return [_Done(error=error) for _task in tasks]


def _can_fork() -> bool:
    """Whether forking is safe here: a platform whose processes fork (not Windows, not
    macOS, whose system libraries are not safe to use in a forked child) and no other
    thread running, whose locks a child would inherit held."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and sys.platform != "darwin"
        and threading.active_count() == 1
    )


@contextlib.contextmanager
def _frozen_heap() -> Iterator[None]:
    """Objects alive now (the briefing tree among them) are left out of the children's
    garbage collections, which would otherwise write to every page that holds one."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# ---- the writers of one briefing tree --------------------------------------------------------


@dataclass
class Made:
    """One writer's result: its bytes or the error that stopped it (with its traceback as
    text, for when it comes from a child), and the diagnostics it reported either way."""

    format: str
    data: bytes | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: Exception | None = None
    trace: str | None = None


def write_formats(
    document: d.Document,
    formats: Sequence[str],
    options: WriteOptions,
    reporter: Reporter,
    processes: int = 1,
) -> dict[str, bytes]:
    """Every format's bytes, keyed by format name in the order of ``formats``, in up to
    ``processes`` processes; the same whatever ``processes``: diagnostics go to ``reporter``
    in the order of ``formats``, and the first failing format's error (an ``OutputError``,
    ``writers.guard``) is raised after the diagnostics of the formats before it."""
    tasks = [
        Task(f"the {name} writer", partial(_write, name, document, options, reporter.source))
        for name in formats
    ]
    found = {}
    for made in side_by_side(tasks, processes, reporter.source):
        reporter.diagnostics.extend(made.diagnostics)
        if made.error is not None:
            if made.error.__traceback__ is None and made.trace is not None:  # it came from a child
                raise made.error from ChildTraceback(made.trace)
            raise made.error
        assert made.data is not None
        found[made.format] = made.data
    return found


def _write(name: str, document: d.Document, options: WriteOptions, source: str | None) -> Made:
    """One writer, with a reporter of its own; its failure is kept, not raised, with the
    diagnostics it reported before it."""
    reporter = Reporter(source)
    made = Made(name, diagnostics=reporter.diagnostics)
    write = partial(output_format(name).load().write, document, options, reporter)
    try:
        made.data = guarded(name, write, document, source)
    except Exception as error:  # an OutputError from guard, or one of ours
        made.error = error
        made.trace = "".join(traceback.format_exception(error))
    return made
