"""Many inputs: convert (or check) each on its own in worker processes, keep going after a
failure, write each input's outputs as a whole set, and account for every input.

``convert`` and ``check`` take a ``Plan`` (``inputs.collect``) and return a ``Run``: one
``Entry`` per input, in the order the inputs were given, whatever order they finished in.
Workers (``pool``) do the reading, composing, rendering and auditing (``work``); this
process writes the files (``output_set``), so an interruption can always clean up: under
an ``InterruptGuard`` a signal raises ``Interrupted`` here, the workers are stopped, and
the entries not finished say so. Largest inputs are started first, so that the last to
finish is a small one and every core stays busy to the end.

With an ``Incremental`` (``incremental``), ``convert`` skips the inputs whose outputs are
up to date (status ``unchanged``), records each input's outputs in the output folder's
manifest as its set is written, and reports the outputs no input makes any more.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from exporter.batch import work
from exporter.batch.inputs import Plan, Source, clash_key
from exporter.batch.interrupts import Interrupted, InterruptGuard
from exporter.batch.pool import ProcessExpired, open_pool, unordered
from exporter.batch.work import Failure, Outcome, Settings
from exporter.diagnostics import Diagnostic, Severity
from exporter.output_set import OutputSetError, PlannedFile, write_set
from exporter.side_by_side import processes_per_input

if TYPE_CHECKING:
    from exporter.batch.incremental import Incremental, Leftover, UpToDate
    from exporter.batch.shards import Shard


@dataclass(frozen=True)
class Written:
    """A file now in place: its path, format, size in bytes and SHA-256 (hex)."""

    path: Path
    format: str
    size: int
    sha256: str


@dataclass
class Entry:
    """One input's account: ``status`` is converted, checked, failed, skipped (not a
    record), unchanged (up to date: not converted again) or interrupted (not finished when
    the run was stopped); ``written`` the files now in place;
    ``notes`` what the user should know about them. The outcome keeps no file's bytes once
    written, so a long batch does not hold them all."""

    source: Source
    status: str = "interrupted"
    outcome: Outcome | None = None
    written: list[Written] = field(default_factory=list)
    failure: Failure | None = None
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Conversion diagnostics, then audit findings, in a stable order."""
        if self.outcome is None:
            return []
        found = list(self.outcome.diagnostics)
        for findings in self.outcome.findings.values():
            found.extend(findings)
        return found


@dataclass
class Run:
    """A whole run: ``command`` is convert or check; ``seconds`` its wall-clock time;
    ``shard`` the share it took of ``total`` inputs (``--shard``); ``leftovers`` the outputs
    no input makes any more (incremental runs); ``problems`` what went wrong with the
    manifest (one line each; ``manifest_failed``: it could not be saved)."""

    command: str
    entries: list[Entry]
    fail_on: str | None = None
    seconds: float = 0.0
    interrupted: Interrupted | None = None
    shard: Shard | None = None
    total: int = 0
    leftovers: list[Leftover] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    manifest_failed: bool = False

    def count(self, status: str) -> int:
        return sum(1 for entry in self.entries if entry.status == status)

    @property
    def ok(self) -> bool:
        return self.interrupted is None and not self.count("failed") and not self.manifest_failed

    @property
    def found_nothing(self) -> bool:
        """No input was a record: none given, or every one found was skipped. A shard whose
        share holds none is not a run that found nothing while other shards have inputs:
        the merged report (``merge``) tells."""
        if self.shard is not None and self.total > 0:
            return False
        return all(entry.status == "skipped" for entry in self.entries)


class Events(Protocol):
    """What a progress display hears: the number of inputs to do (and of those skipped as
    unchanged), then each as it finishes."""

    def started(self, total: int, unchanged: int = 0) -> None: ...

    def finished(self, entry: Entry) -> None: ...


def convert(
    plan: Plan,
    settings: Settings,
    *,
    jobs: int,
    fail_on: str | None = None,
    events: Events | None = None,
    guard: InterruptGuard | None = None,
    incremental: Incremental | None = None,
) -> Run:
    """Convert every input of ``plan``; each input's files are written as one set. With
    ``incremental``, inputs whose outputs are up to date are skipped, and the manifest is
    kept (see ``incremental``)."""
    guard = guard or InterruptGuard()
    started = time.perf_counter()
    inputs = {os.path.realpath(s.path) for s in plan.sources if s.path is not None}
    ready = incremental.up_to_date(plan.sources, jobs) if incremental else {}
    claimed = incremental.owners(plan.sources) if incremental else {}  # what the manifest says is whose
    claimed.update({clash_key(w.path): plan.sources[i].display for i, done in ready.items() for w in done.written})

    def finish(entry: Entry) -> None:
        outcome = entry.outcome
        assert outcome is not None
        if outcome.status == "converted":
            started = time.perf_counter()
            entry.failure = _write(entry, outcome, claimed, inputs, guard)
            entry.seconds += time.perf_counter() - started
            outcome.files = []
            if entry.failure is None:
                entry.failure = judge(entry, fail_on, "its briefing fails")
            entry.status = "failed" if entry.failure else "converted"
        if incremental is not None:
            incremental.record(entry)

    def tick() -> None:
        if incremental is not None:
            incremental.checkpoint(guard.held)

    processes = processes_per_input(jobs, len(plan.sources) - len(ready))
    settings = Settings(settings.job, audit=fail_on is not None, debug=settings.debug, processes=processes)
    run = _run("convert", plan, work.convert_source, settings, finish, jobs, fail_on, events, guard, ready, tick)
    if incremental is not None:
        _close(run, plan, incremental, guard)
    run.seconds = time.perf_counter() - started
    return run


def _close(run: Run, plan: Plan, incremental: Incremental, guard: InterruptGuard) -> None:
    """Report the leftovers (pruning them if asked) and save the manifest; after an
    interruption only save it, so that what finished is recorded. Signals are held
    meanwhile; a second one forced through leaves the manifest whole, new or old."""
    try:
        if run.interrupted is None:
            run.leftovers = incremental.finish(plan.sources, guard.held)
        else:
            incremental.save(guard.held)
    except Interrupted as signal:  # forced through while the manifest was written: it is whole or old
        run.interrupted = run.interrupted or signal
    run.problems = [line for line in (incremental.problem, incremental.save_problem) if line]
    run.manifest_failed = incremental.save_problem is not None


def check(
    plan: Plan,
    settings: Settings,
    *,
    jobs: int,
    fail_on: str = "error",
    events: Events | None = None,
    guard: InterruptGuard | None = None,
) -> Run:
    """Audit every .docx and PDF file of ``plan``."""

    def finish(entry: Entry) -> None:
        if entry.status == "checked":
            entry.failure = judge(entry, fail_on, "fails")
            entry.status = "failed" if entry.failure else "checked"

    return _run(
        "check", plan, work.check_source, settings, finish, jobs, fail_on, events, guard or InterruptGuard(), {}
    )


def _run(
    command: str,
    plan: Plan,
    task: Callable[[Source, Settings], Outcome],
    settings: Settings,
    finish: Callable[[Entry], None],
    jobs: int,
    fail_on: str | None,
    events: Events | None,
    guard: InterruptGuard,
    ready: dict[int, UpToDate],
    tick: Callable[[], None] | None = None,
) -> Run:
    """Run ``task`` over the inputs not ``ready`` (up to date), ``finish`` each in this
    process as it comes, then ``tick`` (with the accounts up to date, so an interruption
    there loses nothing)."""
    started = time.perf_counter()
    run = Run(command, [Entry(source) for source in plan.sources], fail_on, shard=plan.shard, total=plan.whole)
    for position, done in ready.items():
        entry = run.entries[position]
        entry.status, entry.written = "unchanged", done.written
        entry.outcome = Outcome("unchanged", input_format=done.input_format)
    if events:
        events.started(len(run.entries) - len(ready), len(ready))
    todo = [i for i in range(len(plan.sources)) if i not in ready]
    order = sorted(todo, key=lambda i: -plan.sources[i].size)
    pool = open_pool(jobs, len(order))
    stopped = False
    try:
        for position, future in unordered(pool, task, [plan.sources[i] for i in order], settings):
            entry = run.entries[order[position]]
            entry.outcome = _outcome(future, entry.source)
            entry.status, entry.failure = entry.outcome.status, entry.outcome.failure
            entry.seconds = entry.outcome.seconds
            try:
                finish(entry)
            except Interrupted:  # a second signal forced through while a set was written
                entry.status, entry.written = "interrupted", []
                raise
            if events:
                events.finished(entry)
            if tick is not None:
                tick()
            guard.raise_pending()
    except Interrupted as signal:
        run.interrupted = signal
        pool.stop()
        stopped = True
    except BaseException:
        pool.stop()
        stopped = True
        raise
    finally:
        if not stopped:
            pool.close()
        run.seconds = time.perf_counter() - started
    return run


def _outcome(future: Future[Outcome], source: Source) -> Outcome:
    try:
        return future.result()
    except ProcessExpired as error:
        code = error.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        if code == -9:
            how += ", perhaps out of memory"
        line = f"{source.display}: the worker process handling it stopped ({how}); the others went on"
        return Outcome("failed", failure=Failure("crash", (line,)))
    except Exception as error:  # the pool itself failed for this task
        line = f"{source.display}: internal error ({type(error).__name__}: {error}); rerun with --debug for details"
        return Outcome("failed", failure=Failure("internal", (line,)))


def _write(
    entry: Entry, outcome: Outcome, claimed: dict[str, str], inputs: set[str], guard: InterruptGuard
) -> Failure | None:
    source = entry.source
    planned = [PlannedFile(source.out_dir / file.name, file.data) for file in outcome.files]
    made = [
        Written(plan.path, file.format, len(file.data), hashlib.sha256(file.data).hexdigest())
        for plan, file in zip(planned, outcome.files, strict=True)
    ]
    for file in planned:
        other = claimed.get(clash_key(file.path))
        if other is not None and other != source.display:
            line = f"{source.display}: its output {file.path} would overwrite the one made from {other}; nothing written"
            return Failure("clash", (line,))
        if os.path.realpath(file.path) in inputs:
            return Failure(
                "clash",
                (f"{source.display}: its output {file.path} would overwrite an input; nothing written",),
            )
    try:
        entry.notes = write_set(planned, hold=guard.held)
    except OutputSetError as error:
        entry.written = [file for file in made if file.path in error.replaced]
        return Failure("output", (str(error),))
    entry.written = made
    for file in planned:
        claimed[clash_key(file.path)] = source.display
    return None


def judge(entry: Entry, fail_on: str | None, fails: str) -> Failure | None:
    """Whether an input that was made fails under ``--fail-on``: any audit error fails it
    (error, warning); with ``warning``, so does any warning, from conversion or the audit."""
    if fail_on in (None, "never") or entry.outcome is None:
        return None
    findings = [f for found in entry.outcome.findings.values() for f in found]
    errors = [f for f in findings if f.severity >= Severity.ERROR]
    if errors:
        line = f"{entry.source.display}: {fails} {len(errors)} accessibility check(s); first: {errors[0]}"
        return Failure("audit", (line,))
    if fail_on == "warning":
        warnings = [d for d in entry.diagnostics if d.severity >= Severity.WARNING]
        if warnings:
            line = f"{entry.source.display}: {len(warnings)} warning(s) with --fail-on warning; first: {warnings[0]}"
            return Failure("warning", (line,))
    return None
