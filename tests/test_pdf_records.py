"""Every PDF the tool makes from samples/ and the test records passes our PDF/UA checker,
and veraPDF when it is installed. The conversion runs through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, SAMPLES, needs
from exporter.checks.pdf import check
from exporter.cli import main
from exporter.diagnostics import Severity
from pdf_reading import VERAPDF, element_texts, poppler, poppler_file, squash, verapdf_many

RECORDS = sorted(
    [path for path in SAMPLES.iterdir() if path.suffix in (".yaml", ".txt", ".json", ".xml")]
    + [
        path
        for folder in ("parlparse", "hansard-api", "akoma-ntoso", "parlamint", "web-text")
        for path in (DATA / folder).iterdir()
        if "divisions_for_debate" not in path.name  # a division list alone is not a debate
    ]
)


@pytest.fixture(scope="module")
def briefings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("briefings")
    made: dict[str, Path] = {}
    for record in RECORDS:
        target = out / record.name
        result = CliRunner().invoke(main, ["convert", str(record), "-o", str(target), "-f", "pdf", "-q"])
        assert result.exit_code == 0, result.output
        (pdf,) = target.glob("*.pdf")
        made[record.name] = pdf
    return made


@pytest.mark.parametrize("record", [path.name for path in RECORDS])
def test_briefing_passes_the_pdf_checker(briefings: dict[str, Path], record: str) -> None:
    pdf = briefings[record]
    found = check(pdf.read_bytes(), pdf.name)
    # the only thing said may be that a table the record gives no header has none (the Lords'
    # schedules of repeals), which the table's /Summary explains
    assert {d.code for d in found} <= {"PDFUA-7.5-table-summary"}
    assert all(d.severity == Severity.WARNING for d in found)


@pytest.fixture(scope="module")
def verdicts(briefings: dict[str, Path]) -> dict[str, dict]:
    found = verapdf_many(list(briefings.values()))  # one JVM for every briefing
    assert found is not None
    return {record: found[str(pdf)] for record, pdf in briefings.items()}


@pytest.mark.skipif(not VERAPDF.exists(), reason="veraPDF is not installed (set VERAPDF)")
@pytest.mark.parametrize("record", [path.name for path in RECORDS])
def test_briefing_passes_verapdf(verdicts: dict[str, dict], record: str) -> None:
    verdict = verdicts[record]
    assert verdict["failed_checks"] == 0, verdict


@needs("pdfinfo")
@needs("pdftotext")
def test_seed_briefing_reads_as_the_issue_asks(briefings: dict[str, Path], tmp_path: Path) -> None:
    """Issue 3, done when: the seed briefing's tagged text shows the title as H1, the summary,
    the speakers table with TH cells, and H3 "Kim Leadbeater ..." followed by its paragraphs."""
    data = briefings["westminster-hall-2022-02-23-web-text.txt"].read_bytes()
    elements = element_texts(poppler_file("pdfinfo", data, "-struct-text", tmp=tmp_path))
    assert elements[1] == ("H1", "Child Sexual Exploitation by Organised Networks")
    assert any(kind == "H2" and text == "Summary" for kind, text in elements)
    assert sum(kind == "TH" for kind, _text in elements) >= 3
    kim = next(
        i for i, (kind, text) in enumerate(elements) if kind == "H3" and text.startswith("Kim Leadbeater (")
    )
    assert elements[kim + 1][0] == "P" and elements[kim + 1][1].startswith("I welcome the opportunity")
    text = squash(poppler("pdftotext", data, tmp=tmp_path))
    assert "Justice delayed is justice denied. Currently victims have to wait too long" in text
