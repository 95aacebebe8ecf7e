"""Issue 13, done when: every ParlaMint, Akoma Ntoso and web-text record (the shared ones,
the cases and the look-alikes here) converts with no empty heading, no placeholder, no id
shown as a name without a warning, and a Word file with no error by our checker. (The PDFs
of the same records are checked by tests/test_pdf_records.py, with veraPDF.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from exporter import checks
from exporter.compose import compose
from exporter.diagnostics import Reporter, Severity
from exporter.options import ComposeOptions
from exporter.pipeline import Job, read_debate, render
from exporter.validation import validate

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
LOCAL = [
    path
    for folder in ("parlamint", "akoma-ntoso", "web-text")
    for path in sorted((DATA / folder).iterdir())
    if path.suffix in (".xml", ".txt")
]
SHARED_RECORDS = sorted(
    [p for folder in ("parlamint", "akoma-ntoso", "web-text") for p in (SHARED / "records" / folder).glob("*.*")]
    + [p for p in (SHARED / "cases").glob("*") if p.name.startswith(("parlamint-", "akn-", "text-parallel"))]
) if SHARED.is_dir() else []
ALL = LOCAL + [p for p in SHARED_RECORDS if p.suffix in (".xml", ".txt")]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name[:50])
def test_record_converts_with_no_empty_heading_placeholder_or_bare_id(path: Path) -> None:
    reporter = Reporter(path.name)
    debate, _fmt = read_debate(path, Job(), reporter)
    document = compose(debate, ComposeOptions(), reporter).document
    validate(document, reporter, strict=True)  # an empty heading is a composing fault: it raises
    assert not [d for d in reporter.diagnostics if d.code.startswith("TREE-")]
    shown = repr(document)
    for placeholder in ("Untitled", "Unknown speaker", "[ParlaMint SAMPLE]"):
        assert placeholder not in shown, placeholder
    warned = " ".join(d.message for d in reporter.diagnostics if d.severity >= Severity.WARNING)
    for speaker in debate.speakers:
        if speaker.name == speaker.id:  # shown by its id: only ever with a warning naming it
            assert speaker.id in warned, speaker.id


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name[:50])
def test_record_makes_a_word_file_with_no_error(path: Path) -> None:
    reporter = Reporter(path.name)
    debate, _fmt = read_debate(path, Job(), reporter)
    docx = render(debate, Job(formats=("docx",), strict_tree=True), reporter)["docx"]
    errors = [d for d in checks.check(docx, path.name) if d.severity >= Severity.ERROR]
    assert errors == []
