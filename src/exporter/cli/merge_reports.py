"""``debate-export merge-reports``: the shards' JSON and JUnit reports joined into one of each."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from exporter.cli.console import Stream
from exporter.errors import ExitStatus

EXAMPLES = """
\b
Examples:
  debate-export merge-reports reports/ --report report.json --junit junit.xml
  debate-export merge-reports report-1.json report-2.json junit-1.xml junit-2.xml --report all.json
"""


@click.command("merge-reports", epilog=EXAMPLES)
@click.argument("paths", nargs=-1, required=True, metavar="REPORT|FOLDER...", type=click.Path(path_type=Path))
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the merged JSON report here.",
)
@click.option(
    "--junit",
    "junit_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the merged JUnit XML report here.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only failures.")
def merge_reports(
    paths: tuple[Path, ...], report_path: Path | None, junit_path: Path | None, quiet: bool
) -> None:
    """Join the reports of a run's shards (--shard K/N) into the whole run's.

    REPORT is a --report (JSON) or --junit (XML) file of convert or check, told apart by
    content; a FOLDER is searched for them (*.json, *.xml). The merged reports are those a
    whole run would have written, apart from times. The reports must make one whole run:
    every shard once, every input in one shard. Prints each failed input and a summary, and
    exits as the whole run would: 0 passed, 1 an input failed (or the reports do not make
    one whole run), 2 a report cannot be read (a file that is not a report of ours, a JSON
    report not valid against its schema, included).
    """
    from exporter.batch import merge, report
    from exporter.output_set import OutputSetError, PlannedFile, write_set

    err = Stream(sys.stderr)
    found_json, found_junit = _read_all(_files(paths), err)
    if report_path is not None and not found_json:
        _stop(err, "--report: no JSON reports given to merge", ExitStatus.USAGE)
    if junit_path is not None and not found_junit:
        _stop(err, "--junit: no JUnit reports given to merge", ExitStatus.USAGE)
    try:
        merged = merge.merge_json(found_json) if found_json else None
        indexes = None if merged is None else {entry["index"] for entry in merged["inputs"]}
        junit_data = merge.merge_junit(found_junit, indexes) if found_junit else None
    except merge.MergeProblem as problem:
        for line in problem.lines:
            err.line(f"error: {line}")
        sys.exit(ExitStatus.FAILED)
    made = []
    if report_path is not None and merged is not None:
        made.append(PlannedFile(report_path, report.dump(merged)))
    if junit_path is not None and junit_data is not None:
        made.append(PlannedFile(junit_path, junit_data))
    for planned in made:
        try:
            write_set([planned])
        except OutputSetError as error:
            _stop(err, str(error), ExitStatus.FAILED)
    shards = len(found_json or found_junit)
    if merged is not None:
        for entry in merged["inputs"]:
            if entry["status"] == "failed" and entry["failure"]:
                for line in entry["failure"]["lines"]:
                    err.line(f"error: {line}")
        if not quiet:
            err.line(_summary(merged, shards))
        sys.exit(merged["exit_status"])
    failures = sum(suite.failures + suite.errors for item in found_junit for suite in item.suites)
    if not quiet:
        tests = sum(suite.tests for item in found_junit for suite in item.suites)
        err.line(f"merged {shards} shard{'s' if shards != 1 else ''}: {tests} tests, {failures} failed")
    sys.exit(ExitStatus.FAILED if failures else ExitStatus.OK)


def _files(paths: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    (p for p in path.rglob("*") if p.suffix in (".json", ".xml") and p.is_file()),
                    key=lambda p: p.relative_to(path).parts,
                )
            )
        else:
            found.append(path)
    return found


def _read_all(files: list[Path], err: Stream) -> tuple[list[tuple[str, dict[str, Any]]], list[Any]]:
    from lxml import etree

    from exporter.batch import merge

    found_json: list[tuple[str, dict[str, Any]]] = []
    found_junit = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=True)
    for file in files:
        try:
            data = file.read_bytes()
        except OSError as error:
            _stop(err, f"{file}: cannot read it: {error.strerror or error}", ExitStatus.USAGE)
        start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        try:
            if start == b"{":
                loaded = json.loads(data)
                merge.check_json_report(str(file), loaded)  # a file that is not a report is unreadable
                found_json.append((str(file), loaded))
            elif start == b"<":
                found_junit.append(merge.read_junit(str(file), etree.fromstring(data, parser)))
            else:
                _stop(err, f"{file}: neither a JSON nor a JUnit XML report", ExitStatus.USAGE)
        except (ValueError, etree.XMLSyntaxError) as error:
            _stop(err, f"{file}: cannot be read as a report: {error}", ExitStatus.USAGE)
        except merge.MergeProblem as problem:
            _stop(err, problem.lines[0], ExitStatus.USAGE)
    if not files:
        _stop(err, "no reports found in the folders given", ExitStatus.USAGE)
    return found_json, found_junit


def _summary(merged: dict[str, Any], shards: int) -> str:
    counts = merged["counts"]
    verb = "converted" if merged["command"] == "convert" else "checked"
    parts = [f"{counts[verb]} {verb}", f"{counts['failed']} failed"]
    if counts["unchanged"]:
        parts.append(f"{counts['unchanged']} skipped unchanged")
    if counts["skipped"]:
        parts.append(f"{counts['skipped']} skipped")
    if counts["interrupted"]:
        parts.append(f"{counts['interrupted']} interrupted")
    removed = sum(1 for item in merged["leftovers"] if item["removed"])
    if merged["leftovers"]:
        parts.append(
            f"{removed} leftover outputs removed"
            if removed
            else f"{len(merged['leftovers'])} leftover outputs"
        )
    return f"merged {shards} shard{'s' if shards != 1 else ''}: {', '.join(parts)} ({merged['status']})"


def _stop(err: Stream, line: str, status: int) -> Any:
    err.line(f"error: {line}")
    sys.exit(status)
