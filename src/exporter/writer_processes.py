"""The writers of one briefing tree, one after another here or side by side in forked processes.

``write_formats(document, formats, options, reporter, processes)`` gives each format's bytes.
With ``processes`` of 1, one format, or no ``fork`` (Windows; macOS, where forking is unsafe),
or other threads running in this process, every writer runs here, in the order given. Otherwise
the formats are dealt round-robin into ``processes`` groups: this process writes the first
group, and each other group is written by a child forked after compose, so the briefing tree
reaches the child as this process's memory (copy-on-write; frozen with ``gc.freeze`` so that
the child's collector does not copy it page by page), not pickled: pickling and unpickling the
Commons day's tree would take about 80 ms, and starting the batch pool's fork server, which
imports every reader, writer and checker, 0.6 to 0.9 s (benchmarks/bench_day.py). Only each
format's bytes and diagnostics come back, pickled through a pipe.

The result is what running the writers here would give: the same bytes (a writer's output
depends only on the tree and the options), the diagnostics in the order of ``formats``, and,
if a writer fails, the error of the first failing format in that order (the diagnostics of the
formats before it kept, as when they run one after another). The caller writes no file until
every format is made, so a failure or an interruption leaves no partial output.

Signals: a child ignores SIGINT and SIGHUP (Ctrl-C reaches the whole process group and is this
process's to handle) and ends on SIGTERM. When this process is interrupted (``Interrupted``
from ``exporter.batch.interrupts``, or any other exception) while the children work, they are
ended and waited for before the exception goes on: none outlives the run.

``writer_processes(jobs, inputs)`` decides how many processes one input's writers get.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from exporter import document as d
from exporter.diagnostics import Diagnostic, Reporter
from exporter.errors import OutputError
from exporter.formats import output_format
from exporter.options import WriteOptions
from exporter.writers.guard import guarded

_HELD = tuple(getattr(signal, name) for name in ("SIGINT", "SIGHUP", "SIGTERM") if hasattr(signal, name))
_IGNORED = tuple(getattr(signal, name) for name in ("SIGINT", "SIGHUP") if hasattr(signal, name))


def writer_processes(jobs: int, inputs: int) -> int:
    """Processes for the writers of each input, given ``jobs`` (``-j``) and the number of
    inputs to convert: all of them for a single input; otherwise 1, as a batch of several
    inputs is already parallel by input (each input in a worker of the batch's pool)."""
    return max(1, jobs) if inputs == 1 else 1


@dataclass
class Made:
    """One format's result: its bytes, or the error that stopped its writer (with the
    traceback text when it came from a child); the diagnostics it reported either way."""

    format: str
    data: bytes | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: BaseException | None = None
    trace: str | None = None


class WriterTraceback(Exception):
    """The traceback of an error raised in a child, kept as the cause of the error re-raised
    here (shown with ``--debug``)."""


def write_formats(
    document: d.Document,
    formats: Sequence[str],
    options: WriteOptions,
    reporter: Reporter,
    processes: int = 1,
) -> dict[str, bytes]:
    """Every format's bytes, keyed by format name in the order of ``formats``; at most
    ``processes`` processes (this one included) write at once. Diagnostics go to
    ``reporter`` in the order of ``formats``. Raises the first failing format's
    ``OutputError`` (``writers.guard``); a child that stops without an answer (killed, out
    of memory) is an ``OutputError`` naming its formats."""
    groups = [list(formats[start::processes]) for start in range(min(processes, len(formats)))]
    if len(groups) <= 1 or not _can_fork():
        return _collect([_write(name, document, options, reporter.source) for name in formats], reporter)
    for name in formats:
        output_format(name).load()  # imported once here, before forking, not in every child
    children: list[tuple[list[str], BaseProcess, Connection]] = []
    try:
        with _frozen_heap(), _children_ignore_ctrl_c():
            for group in groups[1:]:
                children.append((group, *_start(group, document, options, reporter.source)))
        made = {m.format: m for m in _write_group(groups[0], document, options, reporter.source)}
        for group, process, answer in children:
            made.update((m.format, m) for m in _answer(group, process, answer, reporter.source))
    finally:
        for _group, process, answer in children:
            answer.close()
            if process.is_alive():
                process.terminate()
            process.join()
    return _collect([made[name] for name in formats if name in made], reporter)


def _write(name: str, document: d.Document, options: WriteOptions, source: str | None) -> Made:
    """One writer, with its own reporter; its failure is kept, not raised."""
    reporter = Reporter(source)
    made = Made(name, diagnostics=reporter.diagnostics)
    try:
        made.data = guarded(
            name, partial(output_format(name).load().write, document, options, reporter), document, source
        )
    except Exception as error:  # an OutputError from guard; anything else is a bug, kept the same way
        made.error = error
    return made


def _write_group(
    names: Sequence[str], document: d.Document, options: WriteOptions, source: str | None
) -> list[Made]:
    """The writers of one group in order, stopping after the first that fails (the formats
    after it are never reached when the writers run one after another either)."""
    made = []
    for name in names:
        made.append(_write(name, document, options, source))
        if made[-1].error is not None:
            break
    return made


def _collect(made: Sequence[Made], reporter: Reporter) -> dict[str, bytes]:
    """The bytes of each format; diagnostics to ``reporter`` in order up to the first
    failure, which is raised."""
    found = {}
    for result in made:
        reporter.diagnostics.extend(result.diagnostics)
        if result.error is not None:
            if result.trace is not None:
                raise result.error from WriterTraceback(result.trace)
            raise result.error
        assert result.data is not None
        found[result.format] = result.data
    return found


def _start(
    names: list[str], document: d.Document, options: WriteOptions, source: str | None
) -> tuple[BaseProcess, Connection]:
    context = multiprocessing.get_context("fork")
    answer, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, names, document, options, source), daemon=True)
    process.start()
    send.close()
    return process, answer


def _child(
    send: Connection, names: list[str], document: d.Document, options: WriteOptions, source: str | None
) -> None:
    """A child's whole life: write its group, send what was made (errors as text if they
    cannot be pickled) and end."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    made = _write_group(names, document, options, source)
    for result in made:
        if result.error is not None:
            result.trace = "".join(traceback.format_exception(result.error))
            result.error.__cause__ = result.error.__context__ = None
            result.error.__traceback__ = None
    try:
        send.send(made)
    except Exception:  # an error that does not pickle: its line and traceback go as text
        for result in made:
            if result.error is not None:
                result.error = OutputError(str(result.error), source)
        send.send(made)
    send.close()


def _answer(names: list[str], process: BaseProcess, answer: Connection, source: str | None) -> list[Made]:
    try:
        made: list[Made] = answer.recv()
        return made
    except EOFError:
        process.join()
        code = process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        if code == -9:  # SIGKILL: the kernel's OOM killer, most often
            how += ", perhaps out of memory"
        writers = " and ".join(names)
        error = OutputError(f"the process writing the {writers} stopped ({how}); nothing written", source)
        return [Made(names[0], error=error)]


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


@contextlib.contextmanager
def _children_ignore_ctrl_c() -> Iterator[None]:
    """Children forked in this block start with SIGINT and SIGHUP ignored and SIGTERM at its
    default (ending them), whatever this process's handlers are. The signals are blocked
    meanwhile, so one that comes is delivered here, to this process's handler, at the end
    of the block (a child unblocks SIGTERM as it starts)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    handlers = {
        signum: signal.signal(signum, signal.SIG_IGN if signum in _IGNORED else signal.SIG_DFL)
        for signum in _HELD
    }
    try:
        yield
    finally:
        for signum, handler in handlers.items():
            if handler is not None:
                signal.signal(signum, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
