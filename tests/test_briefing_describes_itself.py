"""What a briefing says about itself is true of the briefing made.

The Sources section says what the tool added to the record (the licence note, where the
licence allows no adaptation, and the note on how the briefing was made). Those statements are
read from the parts the briefing holds, never from the options asked for: ``--summary none``
makes a briefing with no summary and no key points, a record with no speeches has no Speakers
table, and the notes say so. Read from the written files by independent readers.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import needs
from exporter.cli import main
from parlparse_lookalikes import OA_REPS_DAY


def convert(record: Path, out: Path, *options: str) -> Path:
    result = CliRunner().invoke(main, ["convert", str(record), "-o", str(out), "-q", *options])
    assert result.exit_code == 0, result.output
    return out


def page_words(page: Path) -> str:
    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(text).split())


def headings(page: Path) -> list[str]:
    found = re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", page.read_text(encoding="utf-8"), flags=re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found]


def adapted_note(text: str) -> str:
    """The licence note's list of what the briefing adds to the record."""
    found = re.search(r"This briefing adapts the record \(([^)]*)\)", text)
    assert found, text[-600:]
    return found[1]


@pytest.fixture
def australian_day(tmp_path: Path) -> Path:
    """A sitting of the Australian House of Representatives: its licence (CC BY-NC-ND)
    allows no adapted material to be shared, so Sources says what the briefing adapts."""
    record = tmp_path / "reps.xml"
    record.write_text(OA_REPS_DAY, encoding="utf-8")
    return record


@pytest.mark.parametrize(
    ("summary", "adds", "parts"),
    [
        # too short a day for key points: the note no longer claims them
        ("auto", "a summary and headings", {"Summary"}),
        ("none", "headings", set()),
    ],
)
def test_the_licence_note_names_only_the_parts_the_briefing_holds(
    australian_day: Path, tmp_path: Path, summary: str, adds: str, parts: set[str]
) -> None:
    out = convert(australian_day, tmp_path / summary, "--summary", summary, "-f", "html")
    page = out / "reps.html"
    assert {"Summary", "Key points"} & set(headings(page)) == parts
    assert adapted_note(page_words(page)) == adds


@needs("pandoc")
@needs("pdftotext")
def test_word_and_pdf_say_the_same_as_the_page(australian_day: Path, tmp_path: Path) -> None:
    out = convert(australian_day, tmp_path, "--summary", "none", "-f", "docx,pdf")
    word = subprocess.run(
        ["pandoc", "-t", "plain", "--wrap=none", str(out / "reps.docx")], capture_output=True, text=True, check=True
    ).stdout
    pdf = subprocess.run(["pdftotext", str(out / "reps.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    for text in (word, " ".join(pdf.split())):
        assert adapted_note(" ".join(text.split())) == "headings"
        assert "a summary" not in text and "key points" not in text


def test_a_record_with_no_speeches_is_not_said_to_give_its_speeches(tmp_path: Path) -> None:
    record = tmp_path / "suspended.yaml"
    record.write_text(
        "title: Sitting suspended\nlanguage: en-GB\ndate: 2024-01-10\nsections:\n  - title: Business\n"
        "    items:\n      - type: procedural\n        paragraphs: [\"The sitting was suspended.\"]\n",
        encoding="utf-8",
    )
    page = convert(record, tmp_path / "out", "-f", "html") / "suspended.html"
    text = page_words(page)
    assert "<table" not in page.read_text(encoding="utf-8")  # nothing to tabulate: no Speakers table
    made = re.search(r"This briefing was made from the record by debate-exporter \S+ (.*?navigation\.)", text)
    assert made and made[1] == "Headings were added for navigation."


def test_a_debate_says_its_speeches_are_as_recorded_and_its_tables_added(australian_day: Path, tmp_path: Path) -> None:
    text = page_words(convert(australian_day, tmp_path, "-f", "html") / "reps.html")
    assert "Speeches are given as recorded; headings and tables were added for navigation." in text


def test_the_welsh_interface_says_the_same(australian_day: Path, tmp_path: Path) -> None:
    out = convert(australian_day, tmp_path, "--summary", "none", "--ui-language", "cy", "-f", "html")
    text = page_words(out / "reps.html")
    assert "addasu'r cofnod (penawdau)" in text and "crynodeb" not in text.split("Ffynonellau")[-1]
