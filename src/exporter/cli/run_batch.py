"""How a run of ``convert`` or ``check`` is driven, reported and ended."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import click

from exporter import batch
from exporter.batch import interrupts, junit, report
from exporter.batch.inputs import Plan, UsageProblem
from exporter.batch.pool import usable_cores
from exporter.cli.console import Stream
from exporter.cli.program import ProgramRun
from exporter.cli.progress import Progress
from exporter.errors import ExitStatus
from exporter.output_set import OutputSetError, PlannedFile, write_set


def usage_problem(problem: UsageProblem) -> NoReturn:
    err = Stream(sys.stderr)
    for line in problem.lines:
        err.line(f"error: {line}")
    sys.exit(ExitStatus.USAGE)


def drive(
    command: str,
    collect: Callable[[], Plan],
    start: Callable[[Plan, interrupts.InterruptGuard, Progress], batch.Run],
    *,
    progress: Progress,
    report_path: Path | None,
    junit_path: Path | None,
    formats: tuple[str, ...] = (),
    nothing_found: str,
    after: Callable[[batch.Run], None] | None = None,
) -> NoReturn:
    """Collect the inputs and run ``start`` under an interrupt guard, then write the
    reports, print the summary (or what finished, if interrupted) and exit with the
    run's status. ``collect`` raises ``UsageProblem`` for arguments that cannot make a run."""
    err = progress.err
    try:
        with interrupts.InterruptGuard() as guard:
            try:
                plan = collect()
            except UsageProblem as problem:
                usage_problem(problem)
            try:
                run = start(plan, guard, progress)
            finally:
                progress.close()
            written = _write_reports(run, formats, report_path, junit_path, guard, err)
            if _process_ends_after():
                guard.settle()  # all is on disk: a signal from here on ends the process, as by default
            _tell(run, plan, progress, nothing_found, after)
            status = report.exit_status(run)
    except interrupts.Interrupted as signal:  # while collecting the inputs or writing the reports
        err.line(f"interrupted by {signal.name}; no partial files left")
        sys.exit(signal.exit_status)
    sys.exit(status if written or status else ExitStatus.FAILED)


def _process_ends_after() -> bool:
    """Whether the command runs as the ``debate-export`` program (``exporter.cli.run`` passes a
    ``ProgramRun`` as click's ``obj``), whose process ends when it returns, rather than in
    someone else's process (click's ``CliRunner``, a caller of ``main``), whose signal handlers
    are not ours to change."""
    context = click.get_current_context(silent=True)
    return context is not None and context.find_object(ProgramRun) is not None


def _tell(
    run: batch.Run,
    plan: Plan,
    progress: Progress,
    nothing_found: str,
    after: Callable[[batch.Run], None] | None,
) -> None:
    """Print what the run did: ``after``'s output, then the summary, or what finished."""
    err = progress.err
    if after is not None:
        after(run)
    for line in run.problems:
        err.line(f"{'error' if run.manifest_failed and line == run.problems[-1] else 'warning'}: {line}")
    if progress.mode != "quiet" and run.interrupted is None:
        for line in progress.leftover_lines(run):
            err.line(line)
    if run.interrupted is not None:
        err.line(_interrupted_line(run))
    elif run.found_nothing:
        skipped = run.count("skipped")
        found = (
            f" ({skipped} file{'s' if skipped != 1 else ''} skipped: {_skip_reasons(run)})" if skipped else ""
        )
        err.line(f"{nothing_found} in {', '.join(plan.searched) or 'the arguments'}{found}")
    elif progress.mode != "quiet":
        err.line(progress.summary(run))
    if progress.out.failed is not None and not err.failed:
        err.line(
            f"note: standard output could not be written ({progress.out.failed.strerror or progress.out.failed}); its lines were dropped"
        )


def default_jobs(jobs: int | None) -> int:
    return jobs or usable_cores()


def _write_reports(
    run: batch.Run,
    formats: tuple[str, ...],
    report_path: Path | None,
    junit_path: Path | None,
    guard: interrupts.InterruptGuard,
    err: Stream,
) -> bool:
    made = []
    if report_path is not None:
        made.append(PlannedFile(report_path, report.to_bytes(run)))
    if junit_path is not None:
        made.append(PlannedFile(junit_path, junit.to_bytes(run, formats)))
    ok = True
    for planned in made:  # each report on its own: one that cannot be written does not lose the other
        try:
            write_set([planned], hold=guard.held)
        except OutputSetError as error:
            err.line(f"error: {error}")
            ok = False
    return ok


def _skip_reasons(run: batch.Run) -> str:
    reasons = {e.outcome.skipped_because for e in run.entries if e.outcome and e.outcome.skipped_because}
    return "; ".join(sorted(reasons)) or "not records"


def _interrupted_line(run: batch.Run) -> str:
    assert run.interrupted is not None
    total = len(run.entries)
    finished = total - run.count("interrupted")
    verb = "converted" if run.command == "convert" else "checked"
    parts = [f"{run.count(verb)} {verb}", f"{run.count('failed')} failed"]
    if run.count("unchanged"):
        parts.append(f"{run.count('unchanged')} skipped unchanged")
    if run.count("skipped"):
        parts.append(f"{run.count('skipped')} skipped")
    return (
        f"interrupted by {run.interrupted.name}: {finished} of {total} inputs finished ({', '.join(parts)}); "
        f"{run.count('interrupted')} not {verb}; no partial files left"
    )
