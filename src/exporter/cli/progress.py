"""What a batch shows while it runs: a bar, plain lines, or nothing; warnings grouped.

On a terminal a person watches (``console.interactive``), click's progress bar on standard
error: done/total, failures, rate and time left, with failures and warnings printed
above it. In a CI log or a pipe, one plain line per input on standard output. With
``-q``, only the failures. Warnings show at the default verbosity grouped: one line per
file and kind, with the count and the first places (a Lords day's 37 near-identical
warnings make one line); ``-v`` lists each, ``-vv`` adds notes. Failures are always one
``error:`` line per problem on standard error.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO, cast

import click

from exporter.cli.console import Stream, interactive
from exporter.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from exporter.batch import Entry, Run

PLACES_SHOWN = 3
LEFTOVERS_SHOWN = 10


class Progress:
    """``batch.Events`` for the command line. ``mode`` is bar, lines or quiet."""

    def __init__(
        self,
        out: Stream,
        err: Stream,
        *,
        quiet: bool,
        verbosity: int,
        shown: Severity | None = None,
        checking: bool = False,
    ):
        self.out, self.err = out, err
        self.checking = checking  # `check`: findings are the result, printed on standard output
        self.mode = "quiet" if quiet else ("bar" if interactive(err) else "lines")
        self.verbosity = verbosity
        default = Severity.INFO if verbosity >= 2 else Severity.WARNING
        self.shown = shown if shown is not None else default
        self.total = self.done = self.failed = self.unchanged = 0
        self.started_at = time.perf_counter()
        self.bar: Any = None

    # --- batch.Events ---------------------------------------------------------

    def started(self, total: int, unchanged: int = 0) -> None:
        self.total, self.unchanged, self.started_at = total, unchanged, time.perf_counter()
        if unchanged and self.mode == "lines":
            self.out.line(
                f"{_inputs(unchanged)} unchanged since the last run, not converted again "
                f"(--force converts every input); {_inputs(total)} to convert"
            )
        if self.mode == "bar" and total:
            self.bar = click.progressbar(
                iterable=None,
                length=total,
                label="Checking" if self.checking else "Converting",
                show_pos=True,
                show_eta=True,
                item_show_func=self._status,
                file=cast(TextIO, self.err),
            )
            self.bar.__enter__()

    def finished(self, entry: Entry) -> None:
        self.done += 1
        self.failed += entry.status == "failed"
        lines = self._failure_lines(entry)
        warnings = [] if self.mode == "quiet" else self._diagnostic_lines(entry.diagnostics)
        warnings += [f"warning: {note}" for note in entry.notes]
        if self.bar is not None:
            if lines or warnings:
                self.err.write("\r\x1b[2K")
                for line in (*lines, *warnings):
                    self.err.line(line)
            self.bar.update(1)
            return
        if self.mode == "lines":
            for line in warnings if self.checking else ():
                self.out.line(line)
            self.out.line(f"[{self.done}/{self.total}] {self._done_line(entry)}")
        for line in (*lines, *([] if self.checking and self.mode == "lines" else warnings)):
            self.err.line(line)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    # --- what is shown ---------------------------------------------------------

    def _status(self, _item: object) -> str:
        elapsed = time.perf_counter() - self.started_at
        rate = f"{self.done / elapsed:.1f}/s" if elapsed > 0 and self.done else ""
        failed = f"{self.failed} failed" if self.failed else ""
        return "  ".join(part for part in (failed, rate) if part)

    def _done_line(self, entry: Entry) -> str:
        source = entry.source.display
        if entry.status == "skipped":
            why = entry.outcome.skipped_because if entry.outcome else None
            return f"skipped {source}: {why or 'not a record'}"
        if entry.status == "failed" and not entry.written:
            return f"failed {source}"
        if entry.written:
            shown = ", ".join(str(file.path) for file in entry.written)
            return (
                f"{source} -> {shown} ({entry.seconds:.1f} s){' FAILED' if entry.status == 'failed' else ''}"
            )
        counts = _counts(entry.diagnostics)
        verdict = " FAILED" if entry.status == "failed" else ""
        return f"{source}: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, {counts[Severity.TIP]} tips{verdict}"

    def _failure_lines(self, entry: Entry) -> list[str]:
        if entry.failure is None or (self.checking and entry.failure.kind in ("audit", "warning")):
            return []  # `check` prints the findings themselves
        lines = [f"error: {line}" for line in entry.failure.lines]
        if entry.failure.traceback:
            lines.extend(entry.failure.traceback.rstrip("\n").split("\n"))
        return lines

    def _diagnostic_lines(self, diagnostics: Iterable[Diagnostic]) -> list[str]:
        shown = [d for d in diagnostics if d.severity >= self.shown]
        if self.verbosity >= 1:
            return [str(d) for d in shown]
        return grouped(shown)

    def summary(self, run: Run) -> str:
        verb = "converted" if run.command == "convert" else "checked"
        parts = [f"{run.count(verb)} {verb}", f"{run.count('failed')} failed"]
        if run.count("unchanged"):
            parts.append(f"{run.count('unchanged')} skipped unchanged")
        if run.count("skipped"):
            parts.append(f"{run.count('skipped')} skipped")
        shard = f"{run.shard.label} ({run.total} inputs in all): " if run.shard else ""
        line = f"{shard}{', '.join(parts)} in {run.seconds:.1f} s"
        if run.leftovers:
            removed = sum(1 for item in run.leftovers if item.removed)
            line += (
                f"; {removed} leftover output{'s' if removed != 1 else ''} removed"
                if removed
                else f"; {len(run.leftovers)} leftover output{'s' if len(run.leftovers) != 1 else ''} (--prune removes them)"
            )
        return line

    def leftover_lines(self, run: Run) -> list[str]:
        """One line per output no input makes any more (the first few; the report has all)."""
        lines = []
        for item in run.leftovers[:LEFTOVERS_SHOWN]:
            why = f"its input {item.input} is gone" if item.why == "input-gone" else f"{item.input} no longer makes it"
            verb = "removed" if item.removed else "leftover"
            lines.append(f"{verb}: {item.path}: {why}" + (f"; {item.note}" if item.note else ""))
        if len(run.leftovers) > LEFTOVERS_SHOWN:
            lines.append(f"… and {len(run.leftovers) - LEFTOVERS_SHOWN} more leftover outputs (--report lists all)")
        return lines


def grouped(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """One line per file, severity and code: the first message, the count and the first
    few places. A kind that occurs once is shown as it is."""
    groups: dict[tuple[str | None, Severity, str], list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        groups.setdefault((diagnostic.source, diagnostic.severity, diagnostic.code), []).append(diagnostic)
    lines = []
    for found in groups.values():
        first = found[0]
        if len(found) == 1:
            lines.append(str(first))
            continue
        prefix = f"{first.source}: " if first.source else ""
        prefix += f"{first.severity.label}: {first.code}: "
        places = [d.location for d in found if d.location]
        more = "; …" if len(places) > PLACES_SHOWN else ""
        if all(d.message == first.message for d in found):
            where = f": {'; '.join(places[:PLACES_SHOWN])}{more}" if places else ""
            lines.append(f"{prefix}{first.message} ({len(found)} times{where}; -v lists all)")
        else:
            at = f" at {places[0]}" if first.location else ""
            then = (
                f" (then {'; '.join(places[1:PLACES_SHOWN])}{more}; -v lists all)" if len(places) > 1 else ""
            )
            lines.append(f"{prefix}{len(found)} times, first{at}: {first.message}{then}")
    return lines


def _inputs(count: int) -> str:
    return f"{count} input{'s' if count != 1 else ''}"


def _counts(diagnostics: Iterable[Diagnostic]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for diagnostic in diagnostics:
        counts[diagnostic.severity] += 1
    return counts
