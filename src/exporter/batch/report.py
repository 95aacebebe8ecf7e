"""The JSON report of a run (``--report FILE``), described by ``batch-report.schema.json``.

One entry per input in the order given, with its place among all the run's inputs
(``index``: a shard's report keeps the whole run's, so reports merge back into order), its
status, the files now in place (with their size and SHA-256), its warnings, the audit's
findings per file, and why it failed or was skipped; then the outputs no input makes any
more (``leftovers``, incremental runs) and problems with the manifest. Everything but the
times is the same from run to run, and shards' reports merged (``merge``) are the whole
run's.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from exporter import __version__
from exporter.batch import Entry, Run
from exporter.diagnostics import Diagnostic, Severity

FORMAT = "debate-export-report/1"
STATUSES = ("converted", "checked", "failed", "skipped", "unchanged", "interrupted")


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report."""
    loaded: dict[str, Any] = json.loads(
        files("exporter").joinpath("schemas/batch-report.schema.json").read_text("utf-8")
    )
    return loaded


def exit_status(run: Run) -> int:
    """0 passed; 1 an input failed, or none was a record; 128 + signal when interrupted."""
    if run.interrupted is not None:
        return run.interrupted.exit_status
    return 0 if run.ok and not run.found_nothing else 1


def to_dict(run: Run) -> dict[str, Any]:
    status = exit_status(run)
    return {
        "format": FORMAT,
        "tool": {"name": "debate-export", "version": __version__},
        "command": run.command,
        "fail_on": run.fail_on,
        "status": "interrupted" if run.interrupted else ("passed" if status == 0 else "failed"),
        "exit_status": status,
        "interrupted_by": run.interrupted.name if run.interrupted else None,
        "shard": None
        if run.shard is None
        else {"index": run.shard.index, "count": run.shard.count, "of_inputs": run.total},
        "counts": {"inputs": len(run.entries), **{name: run.count(name) for name in STATUSES}},
        "seconds": round(run.seconds, 3),
        "inputs": [_entry(entry) for entry in run.entries],
        "leftovers": [
            {
                "path": text(str(item.path)),
                "input": text(item.input),
                "why": item.why,
                "removed": item.removed,
                "note": item.note,
            }
            for item in run.leftovers
        ],
        "problems": [text(line) for line in run.problems],
    }


def to_bytes(run: Run) -> bytes:
    return dump(to_dict(run))


def dump(report: dict[str, Any]) -> bytes:
    """A report as the file holds it: UTF-8 JSON, two-space indents, a final newline."""
    return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _entry(entry: Entry) -> dict[str, Any]:
    outcome = entry.outcome
    outputs = [
        {"path": text(str(file.path)), "format": file.format, "bytes": file.size, "sha256": file.sha256}
        for file in entry.written
    ]
    failure = entry.failure
    return {
        "index": entry.source.index,
        "input": text(entry.source.display),
        "status": entry.status,
        "input_format": outcome.input_format if outcome else None,
        "seconds": round(entry.seconds, 3),
        "outputs": outputs,
        "warnings": [
            _diagnostic(d) for d in (outcome.diagnostics if outcome else []) if d.severity >= Severity.WARNING
        ],
        "audit": [
            {
                "path": text(path),
                "counts": {s.label: sum(1 for f in findings if f.severity is s) for s in Severity},
                "findings": [_diagnostic(f) for f in findings],
            }
            for path, findings in (outcome.findings.items() if outcome else ())
        ],
        "failure": None
        if failure is None
        else {
            "kind": failure.kind,
            "message": text(failure.message),
            "lines": [text(x) for x in failure.lines],
        },
        "skipped_because": outcome.skipped_because if outcome else None,
    }


def _diagnostic(diagnostic: Diagnostic) -> dict[str, str | None]:
    return {key: None if value is None else text(value) for key, value in diagnostic.as_json().items()}


def text(value: str) -> str:
    """``value`` as valid Unicode: bytes of a file name that are not UTF-8 become U+FFFD."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
