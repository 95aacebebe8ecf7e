"""Headings as deep as the record nests (issue 8; case parlparse-heading-levels.xml).

In a Commons oral-questions file a department (major heading) holds topics (minor
headings) and each topic its questions and answers: the speeches must be one level below
their topic in Word (as pandoc reads it), in the PDF structure tree and in the PDF
outline. A record nesting deeper than Word's nine levels or the PDF's six numbered ones
keeps every level the format can hold.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import DATA, needs
from exporter.checks import check
from exporter.cli import main
from pdf_reading import VERAPDF, poppler_file, verapdf_many
from test_golden_trees import pdf_outline, struct_headings

ORAL_QUESTIONS = DATA / "parlparse" / "commons-oral-questions-heading-levels.xml"
# The debate (level 2) holds the department's topics (3), each its question and answer (4).
EXPECTED = [
    (2, "The debate"),
    (3, "Rural Bus Services"),
    (4, "Alex Example"),
    (4, "Sam Minister"),
    (3, "Rail Fares"),
    (4, "Blair Sample"),
    (4, "Sam Minister"),
    (2, "Sources"),
]


def convert(source: Path, out: Path, *options: str) -> CliRunner:
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out), "-f", "docx,pdf", *options])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def briefing(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("oral-questions")
    convert(ORAL_QUESTIONS, out)
    return {suffix: (out / f"{ORAL_QUESTIONS.stem}.{suffix}").read_bytes() for suffix in ("docx", "pdf")}


def from_the_debate(headings: list[tuple[int, str]]) -> list[tuple[int, str]]:
    start = headings.index((2, "The debate"))
    end = headings.index((2, "Sources"), start)
    return headings[start : end + 1]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_word_speeches_are_one_level_below_their_topic_in_pandocs_outline(
    briefing: dict[str, bytes], tmp_path: Path
) -> None:
    path = tmp_path / "briefing.docx"
    path.write_bytes(briefing["docx"])
    tree = json.loads(
        subprocess.run(["pandoc", "-t", "json", str(path)], capture_output=True, check=True).stdout
    )
    headings = [
        (block["c"][0], " ".join(i["c"] for i in block["c"][2] if i["t"] == "Str"))
        for block in tree["blocks"]
        if block["t"] == "Header"
    ]
    assert from_the_debate(headings) == EXPECTED
    assert headings[0] == (1, "Transport")


@needs("pdfinfo")
def test_pdf_structure_tree_has_speeches_one_level_below_their_topic(
    briefing: dict[str, bytes], tmp_path: Path
) -> None:
    tagged = poppler_file("pdfinfo", briefing["pdf"], "-struct-text", tmp=tmp_path)
    assert from_the_debate(struct_headings(tagged)) == EXPECTED


def test_pdf_outline_has_speeches_one_level_below_their_topic(briefing: dict[str, bytes]) -> None:
    outline = pdf_outline(briefing["pdf"])
    assert from_the_debate(outline) == EXPECTED
    assert outline[0] == (1, "Transport")


def test_both_briefings_pass_the_checks(briefing: dict[str, bytes]) -> None:
    for suffix, data in briefing.items():
        assert [
            str(x) for x in check(data, f"briefing.{suffix}") if x.severity.label in ("error", "warning")
        ] == []


# --- deeper than any format's numbered levels -------------------------------------------------


def nested_record(depth: int) -> dict:
    """A record whose sections nest ``depth`` deep, a speech in each."""

    def section(level: int) -> dict:
        items: list[dict] = [
            {
                "type": "speech",
                "id": f"s{level}",
                "speaker": "kim",
                "paragraphs": [f"Words at depth {level}."],
            }
        ]
        if level < depth:
            items.append({"type": "section", **section(level + 1)})
        return {"title": f"Part {level}", "items": items}

    return {
        "format": "debate-exporter/1",
        "title": "A deeply nested sitting",
        "date": "2023-04-20",
        "speakers": [{"id": "kim", "name": "Kim Example"}],
        "sections": [section(1)],
    }


@pytest.fixture(scope="module")
def deep(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], str]:
    out = tmp_path_factory.mktemp("deep")
    record = out / "deep.yaml"
    record.write_text(json.dumps(nested_record(10)), "utf-8")  # JSON is YAML 1.2
    result = convert(record, out, "-v")
    return {suffix: (out / f"deep.{suffix}").read_bytes() for suffix in ("docx", "pdf")}, result.output


def test_a_record_nesting_ten_deep_keeps_every_level_in_the_pdf(
    deep: tuple[dict[str, bytes], str], tmp_path: Path
) -> None:
    outputs, _log = deep
    outline = pdf_outline(outputs["pdf"])
    parts = [(level, title) for level, title in outline if title.startswith("Part ")]
    assert parts == [(n + 1, f"Part {n}") for n in range(1, 11)]  # the debate is level 2
    speeches = [level for level, title in outline if title == "Kim Example"]
    assert speeches == [n + 2 for n in range(1, 11)]
    assert check(outputs["pdf"], "deep.pdf") == []
    if shutil.which("pdfinfo"):
        tagged = poppler_file("pdfinfo", outputs["pdf"], "-struct-text", tmp=tmp_path)
        assert struct_headings(tagged) == outline  # strongly structured: H nested in Sect
    if VERAPDF.exists():
        path = tmp_path / "deep.pdf"
        path.write_bytes(outputs["pdf"])
        verdicts = verapdf_many([path])
        assert verdicts is not None and verdicts[str(path)]["compliant"], verdicts


def test_word_keeps_nine_levels_and_says_what_it_could_not(deep: tuple[dict[str, bytes], str]) -> None:
    outputs, log = deep
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(outputs["docx"])).read("word/document.xml"))
    styles = [s.get(f"{w}val") for s in body.iter(f"{w}pStyle") if s.get(f"{w}val", "").startswith("Heading")]
    assert {f"Heading{n}" for n in range(1, 10)} <= set(styles)
    assert "DOCX-HEADING-LEVEL" in log and "Heading 9" in log
    assert [str(x) for x in check(outputs["docx"], "deep.docx") if x.severity.label == "error"] == []


def test_the_contents_lists_sections_to_level_four_and_its_field_covers_them(
    deep: tuple[dict[str, bytes], str],
) -> None:
    outputs, _log = deep
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(outputs["docx"])).read("word/document.xml"))
    entries = []
    for p in body.iter(f"{w}p"):
        style = p.find(f"{w}pPr/{w}pStyle")
        if style is not None and style.get(f"{w}val", "").startswith("TOC"):
            entries.append((int(style.get(f"{w}val")[3:]), "".join(t.text or "" for t in p.iter(f"{w}t"))))
    assert (2, "Part 1") in entries and (3, "Part 2") in entries and (4, "Part 3") in entries
    assert not [title for _level, title in entries if title in ("Part 4", "Kim Example")]  # nor speeches
    assert {level for level, _title in entries} == {2, 3, 4}
    instructions = [(t.text or "").strip() for t in body.iter(f"{w}instrText")]
    assert [i for i in instructions if i.startswith("TOC")] == ['TOC \\f C \\l "1-4" \\h \\z \\n']
    # Word builds that field from the TC fields of the listed headings, one each
    tc = [i for i in instructions if i.startswith("TC ")]
    assert tc == [f'TC "{title}" \\f C \\l {level}' for level, title in entries]
