"""The seed debate's Word briefing, read by independent readers and by our own check."""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEED_RECORD, SEED_TEXT, needs
from exporter.cli import main


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    result = CliRunner().invoke(main, ["convert", str(SEED_RECORD), "-o", str(out), "-f", "docx"])
    assert result.exit_code == 0, result.output
    return out / f"{SEED_RECORD.stem}.docx"


@needs("pandoc")
def test_pandoc_reads_title_speaker_heading_and_speech(seed_docx: Path) -> None:
    markdown = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "markdown", "--wrap=none", str(seed_docx)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = markdown.splitlines()
    assert "# Child Sexual Exploitation by Organised Networks" in lines
    speaker = [line for line in lines if line.startswith("### Kim Leadbeater")]
    assert "### Kim Leadbeater (Labour, Batley and Spen)" in speaker
    assert "Justice delayed is justice denied. Currently victims have to wait too long" in markdown


@needs("pandoc")
def test_pandoc_sees_the_outline_in_order(seed_docx: Path) -> None:
    ast = json.loads(
        subprocess.run(
            ["pandoc", "-f", "docx", "-t", "json", str(seed_docx)], capture_output=True, text=True, check=True
        ).stdout
    )
    levels = [block["c"][0] for block in ast["blocks"] if block["t"] == "Header"]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    assert any(block["t"] == "Table" for block in ast["blocks"])


def test_our_check_passes_the_seed_with_no_errors_or_warnings(seed_docx: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--json", "--strict", str(seed_docx)])
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.output)
    assert report["counts"]["error"] == 0 and report["counts"]["warning"] == 0


def test_the_seed_text_briefing_passes_too(tmp_path: Path, runner: CliRunner) -> None:
    assert runner.invoke(main, ["convert", str(SEED_TEXT), "-o", str(tmp_path), "-f", "docx"]).exit_code == 0
    result = runner.invoke(main, ["check", "--strict", str(tmp_path / f"{SEED_TEXT.stem}.docx")])
    assert result.exit_code == 0, result.output


def test_a_naive_python_docx_document_fails_check(tmp_path: Path, runner: CliRunner) -> None:
    import docx
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(picture, format="PNG")
    picture.seek(0)
    document = docx.Document()
    document.add_heading("Naive", level=0)
    document.add_paragraph("Some text.")
    document.add_picture(picture)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(1, 0).text, table.cell(1, 1).text = (
        "a",
        "b",
        "1",
        "2",
    )
    path = tmp_path / "naive.docx"
    document.save(str(path))
    result = runner.invoke(main, ["check", "--json", str(path)])
    assert result.exit_code == 1
    codes = {f["code"] for f in json.loads(result.output)[0]["findings"] if f["severity"] == "error"}
    assert {"MS-ALT-001", "MS-TBL-001", "DOC-TITLE-001"} <= codes


@needs("soffice")
@needs("pdfinfo")
def test_libreoffice_tagged_pdf_shows_headings_and_header_cells(seed_docx: Path, tmp_path: Path) -> None:
    options = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            options,
            "--outdir",
            str(tmp_path),
            str(seed_docx),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    pdf = tmp_path / seed_docx.with_suffix(".pdf").name
    structure = subprocess.run(
        ["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    tags = {line.strip().split(" ")[0].rstrip(":") for line in structure.splitlines()}
    assert {"H1", "H2", "H3", "Table", "TR", "TH", "TD", "Link"} <= tags
    # the heading's words, whichever lines LibreOffice's layout (in whatever font stands in
    # for Arial here) breaks them over: each line is a quoted string of its own
    said = " ".join(" ".join(re.findall(r'^\s*"(.*)"$', structure, re.M)).split())
    assert "Child Sexual Exploitation by Organised" in said
