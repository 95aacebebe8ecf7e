"""Property-based tests (Hypothesis): nothing valid crashes, nothing odd gets through.

Every conversion to DOCX, PDF and JSON either succeeds (the DOCX and the PDF with no error
from ``debate-export check``, the JSON valid against the schema and reading back to the same
debate) or fails with located lines naming the file, exit 1, no traceback and no file
written. Valid records must succeed.

Profiles (``HYPOTHESIS_PROFILE``): ``ci`` (the default) is derandomised, a fixed seed and no
example database, and runs in well under a minute; ``long`` searches thousands of examples,
to run locally: ``HYPOTHESIS_PROFILE=long pytest tests/test_properties.py``. A failure found
becomes an ordinary regression test (tests/test_odd_input.py, test_input_boundaries.py).

Hypothesis also draws literals from the project's own modules imported so far when the
package is installed editable (``pip install -e``): a local run's examples then depend on
which tests ran before. CI installs the package (``pip install '.[test]'``), so it draws the
same examples on every run of the same code.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator

from exporter import checks, parliaments, record
from exporter import model as m
from exporter.cli import main
from exporter.compose.anchors import Anchors
from exporter.compose.keys import key_speeches
from exporter.diagnostics import Reporter, Severity
from exporter.pipeline import Job, read_debate
from strategies import encoded, mutated_inputs, records

FORMATS = "docx,pdf,json"


def convert(folder: Path, name: str, data: bytes) -> tuple[int, str, Path, Path]:
    source = folder / "in" / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data)
    out = folder / "out"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out), "-f", FORMATS, "-q"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr, source, out


def assert_succeeded_cleanly(source: Path, out: Path) -> None:
    stem = source.stem
    for suffix in (".docx", ".pdf"):
        path = out / f"{stem}{suffix}"
        errors = [str(d) for d in checks.check(path.read_bytes(), path.name) if d.severity is Severity.ERROR]
        assert errors == [], errors
    written = out / f"{stem}.json"
    data = json.loads(written.read_text("utf-8"))
    problems = list(Draft202012Validator(record.schema()).iter_errors(data))
    assert problems == [], problems[0].message
    original, _ = read_debate(source, Job(), Reporter(str(source)))
    again, _ = read_debate(written, Job(), Reporter(str(written)))
    if original.language in (None, "und"):  # the record's is the briefing's, resolved (issue 15)
        assert again.language == data["briefing"]["language"]
        original = dataclasses.replace(original, language=again.language)
    if original.profile is None:  # a profile matched from house, place or address is written as used
        used = parliaments.profile_of(original)
        original = dataclasses.replace(original, profile=None if used is parliaments.GENERIC else used.key)
    assert again == keyed(original)


def keyed(debate: m.Debate) -> m.Debate:
    """The debate as -f json writes it: every speech under its key (the record's id, else the
    one the briefing gives it), so that the briefing's parts name speeches of the record."""
    return dataclasses.replace(debate, sections=key_speeches(debate, Anchors()).debate.sections)


def assert_failed_cleanly(status: int, stderr: str, source: Path, out: Path) -> None:
    assert status == 1, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines, "a failure says why"
    assert all(line.startswith(f"error: {source}: ") for line in lines), stderr
    assert "internal error" not in stderr and "Traceback" not in stderr
    assert not out.exists() or not any(out.iterdir()), "no partial output"


@settings(
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ]
)
@given(records())
def test_every_valid_record_converts_and_passes_the_checks(tmp_path_factory, data: dict) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("valid")
    status, stderr, source, out = convert(folder, "record.json", encoded(data))
    if not _holds_content(data["sections"]):  # valid, but nothing to brief: refused in one line
        assert_failed_cleanly(status, stderr, source, out)
        assert "the file holds no headings, speeches or divisions" in stderr or "only headings" in stderr
        return
    assert status == 0, stderr
    assert_succeeded_cleanly(source, out)


def _holds_content(items: list[dict]) -> bool:
    """Whether a record's sections hold a speech, procedure or division anywhere."""
    return any(
        _holds_content(item["items"]) if item.get("type", "section") == "section" else True for item in items
    )


@settings(
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ]
)
@given(mutated_inputs())
def test_every_mutated_real_record_converts_cleanly_or_fails_on_located_lines(tmp_path_factory, case) -> None:  # type: ignore[no-untyped-def]
    name, data = case
    folder = tmp_path_factory.mktemp("mutated")
    status, stderr, source, out = convert(folder, name, data)
    if status == 0:
        assert_succeeded_cleanly(source, out)
    else:
        assert_failed_cleanly(status, stderr, source, out)
