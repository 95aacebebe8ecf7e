"""``debate-export merge-reports``: the reports of a run's shards joined into the whole run's.

Each shard (``--shard K/N``) reports its share, every input with its place in the whole
run (``index`` in the JSON report, the suite's ``id`` in JUnit) and the shard it is
(``shard`` in the JSON report, the root's name in JUnit). Merged, the JSON report is the
one a whole run over the same inputs would write, apart from times: inputs back in order,
counts and status worked out again over all of them (a run fails if any input failed, if
no input was a record, or if a shard failed otherwise; an interrupted shard makes an
interrupted run), the leftovers in path order, ``seconds`` that of the slowest shard. So
is the JUnit report: the suites in order under one root with the totals.

Before anything is merged, the reports must make one whole run: of the same command,
audit policy and tool; every shard 1 to N once and no other; every input of the whole run
in exactly one of them; each JSON report valid against the report's JSON Schema. Anything
else is a ``MergeProblem`` naming the report and what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jsonschema
from junitparser import JUnitXml, TestSuite

from exporter.batch import junit, report

_ROOT = re.compile(r"debate-export (convert|check)(?: \(shard (\d+) of (\d+)\))?")
SAME = ("format", "tool", "command", "fail_on")


class MergeProblem(Exception):
    """The reports given do not make one whole run; ``lines`` says why, one line each."""

    def __init__(self, lines: list[str]):
        super().__init__(lines[0])
        self.lines = lines


@dataclass(frozen=True)
class JUnitReport:
    """A JUnit report read back: its name (for messages), command, shard and suites."""

    name: str
    command: str
    shard: tuple[int, int] | None
    time: float
    suites: list[TestSuite]


def merge_json(reports: Sequence[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """The whole run's report from its shards' (each ``(name, data)``). Raises MergeProblem."""
    if not reports:
        raise MergeProblem(["no JSON reports to merge"])
    for name, data in reports:
        check_json_report(name, data)
    first_name, first = reports[0]
    for name, data in reports[1:]:
        for key in SAME:
            if data[key] != first[key]:
                raise MergeProblem(
                    [
                        f"{name}: its {key} ({data[key]!r}) is not {first_name}'s ({first[key]!r}): not shards of one run"
                    ]
                )
    shards = {name: _shard_of(data) for name, data in reports}
    total = _check_shards([(name, _shard_of(data), len(data["inputs"])) for name, data in reports])
    if total is None:
        wholes = {name: data["shard"]["of_inputs"] for name, data in reports}
        total = wholes[first_name]
        for name, size in wholes.items():
            if size != total:
                raise MergeProblem(
                    [
                        f"{name}: a shard of a run of {size} inputs, {first_name} of {total}: shards of different runs"
                    ]
                )
    ordered = sorted(
        ((entry, name) for name, data in reports for entry in data["inputs"]),
        key=lambda item: item[0]["index"],
    )
    _check_indexes([(entry["index"], name) for entry, name in ordered], total)
    entries = [entry for entry, _ in ordered]
    by_shard = sorted(reports, key=lambda item: (shards[item[0]] or (1, 1))[0])
    interrupted = next((data for _, data in by_shard if data["status"] == "interrupted"), None)
    failed = (
        any(entry["status"] == "failed" for entry in entries)
        or all(entry["status"] == "skipped" for entry in entries)
        or any(data["status"] == "failed" for _, data in reports)
    )
    if interrupted is not None:
        status, exit_status, signal_name = (
            "interrupted",
            interrupted["exit_status"],
            interrupted["interrupted_by"],
        )
    else:
        status, exit_status, signal_name = ("failed", 1, None) if failed else ("passed", 0, None)
    return {
        "format": first["format"],
        "tool": first["tool"],
        "command": first["command"],
        "fail_on": first["fail_on"],
        "status": status,
        "exit_status": exit_status,
        "interrupted_by": signal_name,
        "shard": None,
        "counts": {
            "inputs": len(entries),
            **{name: sum(1 for entry in entries if entry["status"] == name) for name in report.STATUSES},
        },
        "seconds": max(data["seconds"] for _, data in reports),
        "inputs": entries,
        "leftovers": sorted(
            (item for _, data in reports for item in data["leftovers"]), key=lambda i: i["path"]
        ),
        "problems": [line for _, data in by_shard for line in data["problems"]],
    }


def check_json_report(name: str, data: Any) -> None:
    """Raise MergeProblem unless ``data`` (parsed JSON) is a JSON report of ours: valid
    against the report's JSON Schema (``report.schema``)."""
    validator = jsonschema.Draft202012Validator(report.schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the top"
        raise MergeProblem([f"{name}: not a debate-export report ({where}: {error.message})"])


def read_junit(name: str, root: Any) -> JUnitReport:
    """A JUnit report of ours from its parsed root element. Raises MergeProblem."""
    match = _ROOT.fullmatch(root.get("name") or "") if root.tag == "testsuites" else None
    if match is None:
        raise MergeProblem(
            [
                f'{name}: not a JUnit report of debate-export (its root is not <testsuites name="debate-export …">)'
            ]
        )
    xml = JUnitXml.fromroot(root)
    shard = (int(match[2]), int(match[3])) if match[2] else None
    return JUnitReport(name, match[1], shard, float(root.get("time") or 0), list(xml))


def merge_junit(reports: Sequence[JUnitReport], indexes: set[int] | None = None) -> bytes:
    """The whole run's JUnit report from its shards'; ``indexes``, the inputs the merged
    JSON report has, if one was merged too. Raises MergeProblem."""
    if not reports:
        raise MergeProblem(["no JUnit reports to merge"])
    for other in reports[1:]:
        if other.command != reports[0].command:
            raise MergeProblem(
                [f"{other.name}: a report of {other.command}, {reports[0].name} of {reports[0].command}"]
            )
    total = _check_shards([(item.name, item.shard, len(item.suites)) for item in reports])
    numbered = []
    for item in reports:
        for suite in item.suites:
            found = suite._elem.get("id")
            if found is None or not found.isdigit():
                raise MergeProblem(
                    [f"{item.name}: the suite {suite.name!r} has no id (its place in the run)"]
                )
            numbered.append((int(found), item.name, suite))
    numbered.sort(key=lambda found: found[0])
    _check_indexes([(index, name) for index, name, _ in numbered], total if indexes is None else len(indexes))
    if indexes is not None and {index for index, _, _ in numbered} != indexes:
        raise MergeProblem(
            ["the JUnit reports do not hold the inputs the JSON reports do: reports of different runs?"]
        )
    root = JUnitXml(name=junit.root_name(reports[0].command))
    for _, _, suite in numbered:
        root.append(suite)
    suites = [suite for _, _, suite in numbered]
    for attribute in ("tests", "failures", "errors"):
        setattr(root, attribute, sum(getattr(suite, attribute) for suite in suites))
    root.time = max(item.time for item in reports)
    return junit.write(root)


def _shard_of(data: dict[str, Any]) -> tuple[int, int] | None:
    shard = data["shard"]
    return None if shard is None else (shard["index"], shard["count"])


def _check_shards(reports: list[tuple[str, tuple[int, int] | None, int]]) -> int | None:
    """Every shard 1 to N once, or one whole run (each report: its name, shard and number of
    inputs); returns the whole run's size if known."""
    whole = [(name, size) for name, shard, size in reports if shard is None]
    if whole:
        if len(reports) > 1:
            raise MergeProblem([f"{whole[0][0]}: the report of a whole run (no --shard) cannot be merged with others"])
        return whole[0][1]
    counts = sorted({shard[1] for _, shard, _ in reports if shard is not None})
    if len(counts) > 1:
        raise MergeProblem([f"the reports are of different numbers of shards ({', '.join(map(str, counts))})"])
    seen: dict[int, str] = {}
    for name, shard, _ in reports:
        assert shard is not None
        if shard[0] in seen:
            raise MergeProblem([f"{name} and {seen[shard[0]]}: both are shard {shard[0]} of {counts[0]}"])
        seen[shard[0]] = name
    missing = [str(index) for index in range(1, counts[0] + 1) if index not in seen]
    if missing:
        raise MergeProblem(
            [f"no report of shard {', '.join(missing)} of {counts[0]}: its job failed, or its report was not given"]
        )
    return None


def _check_indexes(found: list[tuple[int, str]], total: int | None) -> None:
    """Each input in one report only, and (when the whole run's size is known) every one."""
    for (index, name), (following, other) in zip(found, found[1:], strict=False):
        if index == following:
            raise MergeProblem([f"{name} and {other}: both hold input {index}: not shards of one run"])
    places = [index for index, _ in found]
    expected = total if total is not None else (places[-1] + 1 if places else 0)
    if places != list(range(expected)):
        missing = sorted(set(range(expected)) - set(places))[:5]
        raise MergeProblem(
            [
                f"the reports hold {len(places)} inputs of {expected}; missing: input {', '.join(map(str, missing))}…"
            ]
        )
