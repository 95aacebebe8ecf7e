"""Issue 5 end to end: every summary sentence and key point links to its speech and is cited."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from conftest import DATA
from exporter.cli import main

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WESTMINSTER_HALL = DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml"
LORDS = DATA / "parlparse" / "daylord2009-10-29a-excerpt.xml"
HANSARD_API = DATA / "hansard-api" / "commons_adjournment_oil_refining_2026-01-14.json"


def quoted_items(sentences: list[dict]) -> int:
    """How many list items quote ``sentences``: sentences of one speech that sit together
    are one item, with one link and one footnote."""
    items = 0
    previous = None
    for sentence in sentences:
        place = (sentence["speech"], sentence.get("debate"))
        items += place != previous
        previous = place
    return items


def cited_items(briefing: dict) -> int:
    return quoted_items(briefing["summary"]) + sum(quoted_items(k["points"]) for k in briefing["key_points"])


def convert(tmp_path: Path, source: Path, *options: str) -> Path:
    result = CliRunner().invoke(
        main, ["convert", str(source), "-o", str(tmp_path), "-f", "docx,pdf,json", *options]
    )
    assert result.exit_code == 0, result.output
    return tmp_path / source.stem


@pytest.mark.parametrize(
    ("source", "pattern"),
    [
        (WESTMINSTER_HALL, r"^HC Deb 28 October 2009, cols? \d+(–\d+)?WH$"),
        (LORDS, r"^HL Deb 29 October 2009, cols? \d+(–\d+)?$"),
        (HANSARD_API, r"^HC Deb 14 January 2026, vol 778, cols? \d+(–\d+)?$"),
    ],
)
def test_summary_sentences_carry_oscola_citations_with_real_columns(
    tmp_path: Path, source: Path, pattern: str
) -> None:
    stem = convert(tmp_path, source)
    data = json.loads(stem.with_suffix(".json").read_text())
    summary = data["briefing"]["summary"]
    assert summary
    spoken = {}

    def collect(items: list) -> None:
        for item in items:
            if "items" in item:
                collect(item["items"])
            elif item.get("type") == "speech":
                spoken[item.get("id")] = item

    collect(data["sections"])
    for sentence in summary + [p for k in data["briefing"]["key_points"] for p in k["points"]]:
        assert re.match(pattern, sentence["citation"]), sentence["citation"]
        speech = spoken[sentence["speech"]]
        column = sentence["citation"].rsplit(" ", 1)[-1]
        assert speech.get("column") and speech["column"].rstrip("WH") in column
        text = json.dumps(speech["paragraphs"], ensure_ascii=False)
        assert all(word in text for word in sentence["text"].split()[:6])


def test_docx_summary_items_link_to_their_speech_and_cite_it_in_a_footnote(tmp_path: Path) -> None:
    from lxml import etree

    stem = convert(tmp_path, WESTMINSTER_HALL)
    with zipfile.ZipFile(stem.with_suffix(".docx")) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    footnotes = {n.get(f"{W}id"): "".join(n.itertext()) for n in notes.iter(f"{W}footnote")}
    items = [p for p in body.iter(f"{W}p") if p.find(f"{W}r/{W}footnoteReference") is not None]
    data = json.loads(stem.with_suffix(".json").read_text())
    assert len(items) == cited_items(data["briefing"])
    for paragraph in items:
        anchors = [h.get(f"{W}anchor") for h in paragraph.iter(f"{W}hyperlink") if h.get(f"{W}anchor")]
        assert anchors and all(anchor in bookmarks for anchor in anchors)
        [reference] = paragraph.iter(f"{W}footnoteReference")
        assert footnotes[reference.get(f"{W}id")].strip().startswith("HC Deb 28 October 2009, col")


def test_pdf_summary_items_link_to_their_speech_and_cite_it(tmp_path: Path) -> None:
    stem = convert(tmp_path, WESTMINSTER_HALL)
    data = json.loads(stem.with_suffix(".json").read_text())
    cited = cited_items(data["briefing"])
    with pikepdf.open(stem.with_suffix(".pdf")) as pdf:
        pages = {page.obj.objgen for page in pdf.pages}
        internal = 0
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                action = annot.get("/A")
                dest = annot.get("/Dest")
                if dest is None and action is not None and action.get("/S") == "/GoTo":
                    dest = action.get("/D")
                if dest is None:
                    continue
                assert isinstance(dest, pikepdf.Array) and dest[0].objgen in pages  # it goes somewhere real
                internal += 1
    # a link to the speech and one to the note, for every cited sentence (wrapped links may add more)
    assert internal >= 2 * cited
