"""The JUnit XML report of a run (``--junit FILE``), for Jenkins, GitLab and GitHub.

One ``<testsuite>`` per input (``file`` names it; ``id`` is its place among all the run's
inputs, kept by a shard so that shards' reports merge back into order) and one
``<testcase>`` per input and output format (``convert``), or per file (``check``, named
``accessibility``), with the input as ``classname``; the root is named after the command
(and the shard: ``debate-export convert (shard 1 of 4)``). A record that cannot be converted, a clash or an unwritable file
fails every format's case with the message; an accessibility error (or, with
``--fail-on warning``, a warning) fails the case of the format that has it, with every
finding in the text; an internal error or a crashed worker is an ``<error>``; a file
skipped by a walk, one unchanged since the last run (its outputs up to date), or one not
reached before an interruption, is ``<skipped>``. Validated in
our tests against the JUnit schema Jenkins uses (junit-10.xsd). Written with the
``junitparser`` library, which also reads and merges such reports.
"""

from __future__ import annotations

import io

from junitparser import Attr, Error, Failure, JUnitXml, Skipped, TestCase, TestSuite

from exporter.batch import Entry, Run
from exporter.diagnostics import Severity
from exporter.printable import printable

UNCHANGED = "unchanged since the last run: its outputs are up to date"


class _Suite(TestSuite):
    file = Attr()  # the input: GitHub's and GitLab's reporters link to it
    id = Attr()  # the input's place among all the run's inputs (junit-10.xsd: from 0)


def root_name(command: str, shard: str | None = None) -> str:
    """The ``<testsuites>`` name: the command, and the shard (``1 of 4``) if one."""
    return f"debate-export {command}" + (f" (shard {shard})" if shard else "")


def to_bytes(run: Run, formats: tuple[str, ...]) -> bytes:
    root = JUnitXml(name=root_name(run.command, None if run.shard is None else f"{run.shard.index} of {run.shard.count}"))
    for entry in run.entries:
        suite = _Suite(_name(entry.source.display))
        suite.file = _name(entry.source.display)
        suite.id = str(entry.source.index)
        cases = (
            [_case(entry, name, run) for name in formats]
            if run.command == "convert"
            else [_case(entry, None, run)]
        )
        suite.add_testcases(cases)  # counts its tests, failures, errors and skipped
        suite.time = round(entry.seconds, 3)  # per input: the formats are made together
        root.append(suite)  # not add_testsuite, which compares each with every other: quadratic
    suites = list(root)
    for attribute in ("tests", "failures", "errors"):  # junit-10.xsd has no skipped here
        setattr(root, attribute, sum(getattr(suite, attribute) for suite in suites))
    root.time = round(run.seconds, 3)
    return write(root)


def write(root: JUnitXml) -> bytes:
    """A report as the file holds it (indented, UTF-8)."""
    stream = io.BytesIO()
    root.write(stream, pretty=True)
    return stream.getvalue()


def _case(entry: Entry, fmt: str | None, run: Run) -> TestCase:
    case = TestCase(fmt or "accessibility", _name(entry.source.display))
    outcome = entry.outcome
    paths = [str(file.path) for file in entry.written if file.format == fmt]
    if fmt is None:
        paths = [entry.source.display]
    findings = [f for path in paths for f in (outcome.findings.get(path, []) if outcome else [])]
    failure = entry.failure
    if entry.status == "skipped":
        case.result = [
            Skipped(_name(outcome.skipped_because if outcome and outcome.skipped_because else "skipped"))
        ]
    elif entry.status == "unchanged":
        case.result = [Skipped(UNCHANGED, "unchanged")]
    elif entry.status == "interrupted":
        signal = run.interrupted.name if run.interrupted else "a signal"
        case.result = [Skipped(f"not finished: the run was interrupted ({signal})")]
    elif failure is not None and failure.kind in ("internal", "crash"):
        case.result = [
            _result(Error, failure.message, failure.kind, [*failure.lines, failure.traceback or ""])
        ]
    elif failure is not None and failure.kind not in ("audit", "warning"):
        case.result = [_result(Failure, failure.message, failure.kind, list(failure.lines))]
    elif failure is not None:
        limit = Severity.ERROR if failure.kind == "audit" else Severity.WARNING
        flagged = [f for f in findings if f.severity >= limit]
        if failure.kind == "warning":
            flagged += [d for d in outcome.diagnostics if d.severity >= limit] if outcome else []
        if flagged:
            message = f"{len(flagged)} {'accessibility error' if limit is Severity.ERROR else 'warning'}(s); first: {flagged[0]}"
            case.result = [_result(Failure, message, failure.kind, [str(f) for f in flagged])]
    if paths and entry.written:
        case.system_out = _body(
            "\n".join([*paths, *(str(f) for f in findings if f.severity >= Severity.WARNING)])
        )
    return case


def _result(kind: type, message: str, category: str, lines: list[str]) -> Failure | Error:
    result = kind(_name(message), category)
    result.text = _body("\n".join(line for line in lines if line))
    return result


def _name(value: str) -> str:
    """One line XML 1.0 can hold: control characters and undecodable bytes escaped."""
    return printable(value)


def _body(value: str) -> str:
    return "\n".join(printable(line) for line in value.split("\n"))
