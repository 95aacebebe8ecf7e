"""Word's contents is written out whole: the file asks nothing when it opens.

A ``w:updateFields`` in settings.xml makes Word ask "This document contains fields that may
refer to other files. Update the fields?" at every opening: a barrier for a screen-reader user,
and Protected View cannot answer it. The contents field carries its result (each entry a link
to its heading's bookmark, with no page number: DOCX-RULES UK-TOC-001, TOC-EMPTY-001), so
nothing needs updating; pandoc and LibreOffice, which never rebuild a field, read it as it is.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEED_RECORD, needs
from exporter.cli import main

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("word-contents")
    result = CliRunner().invoke(main, ["convert", str(SEED_RECORD), "-f", "docx,json", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out / f"{SEED_RECORD.stem}.docx"


def contents_entries(docx: Path) -> list[str]:
    """The entries the tree's contents lists, from the briefing written beside the docx."""
    tree = json.loads(docx.with_suffix(".json").read_text(encoding="utf-8"))["briefing"]["document"]
    contents = next(block for block in tree["blocks"] if block["node"] == "Contents")
    return [entry["text"] for entry in contents["entries"]]


def test_the_file_asks_nothing_when_it_opens(seed_docx: Path) -> None:
    with zipfile.ZipFile(seed_docx) as package:
        settings = package.read("word/settings.xml").decode()
        document = package.read("word/document.xml").decode()
    assert "updateFields" not in settings
    # the contents field has its result, and no field inside it waits for Word (PAGEREF)
    assert " TOC " in document and "PAGEREF" not in document
    begin = document.index("> TOC ")
    separate = document.index('fldCharType="separate"', begin)
    end = document.index('fldCharType="end"', separate)
    assert "<w:hyperlink" in document[separate:end]


@needs("pandoc")
def test_pandoc_reads_the_contents_as_links_to_the_headings(seed_docx: Path) -> None:
    tree = json.loads(
        subprocess.run(["pandoc", "-t", "json", str(seed_docx)], capture_output=True, text=True, check=True).stdout
    )
    headings = {block["c"][1][0] for block in tree["blocks"] if block["t"] == "Header"}
    # the contents: the paragraphs that are one link each, to a heading in this document
    linked = [
        (_words(block["c"][0]["c"][1]), block["c"][0]["c"][2][0])
        for block in tree["blocks"]
        if block["t"] == "Para" and len(block["c"]) == 1 and block["c"][0]["t"] == "Link"
    ]
    entries = contents_entries(seed_docx)
    assert [words for words, _ in linked[: len(entries)]] == entries
    assert all(target.startswith("#") and target[1:] in headings for _, target in linked[: len(entries)])


def _words(inlines: list[dict]) -> str:
    return "".join(" " if inline["t"] in ("Space", "SoftBreak") else inline.get("c", "") for inline in inlines)


@needs("soffice")
@needs("pdfinfo")
def test_libreoffice_lists_the_entries_in_its_tagged_toc(seed_docx: Path, tmp_path: Path) -> None:
    export = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", export,
         "--outdir", str(tmp_path), str(seed_docx)],
        capture_output=True, check=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / seed_docx.with_suffix(".pdf").name
    structure = subprocess.run(
        ["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    start = next(i for i, line in enumerate(structure) if line.strip() == "TOC")
    depth = len(structure[start]) - len(structure[start].lstrip())
    inside = []
    for line in structure[start + 1 :]:
        if len(line) - len(line.lstrip()) <= depth:
            break
        inside.append(line.strip())
    words = [line.strip('"') for line in inside if line.startswith('"')]
    assert words == contents_entries(seed_docx)
    assert inside.count("TOCI") == len(words) and inside.count("Link (inline)") == len(words)
