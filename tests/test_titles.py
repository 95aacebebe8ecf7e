"""Titles are the record's, or the briefing's in the interface's language: a reader never makes
one of its own from the house and the date ("House of Lords, 29 October 2009" in a Welsh
briefing), nor names a section in the tool's English words ("Proceedings", "Divisions")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main
from exporter.diagnostics import Reporter
from exporter.formats import detect
from exporter.model import Debate, Division, Section, walk_items
from exporter.options import ReadOptions

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]
LORDS = DATA / "parlparse" / "daylord2009-10-29a-excerpt.xml"
HALL = DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml"
LORDS_ANSWERS = DATA / "parlparse" / "lordswrans2009-10-26a-excerpt.xml"
RECORDS = sorted(
    path
    for folder in (
        "parlparse",
        "parlparse-cases",
        "hansard-api",
        "akoma-ntoso",
        "parlamint",
        "web-text",
        "language",
    )
    for path in (DATA / folder).iterdir()
    if path.suffix in (".xml", ".json", ".yaml", ".txt") and "divisions_for_debate" not in path.name
) + sorted((ROOT / "samples").glob("*.[ty]*"))
TOOL_WORDS = {"proceedings", "debate", "divisions", "untitled debate", "untitled section", "debate record"}


def title_of(record: Path, tmp_path: Path, *options: str) -> str:
    result = CliRunner().invoke(
        main, ["convert", str(record), "-o", str(tmp_path), "-f", "html", "-q", *options]
    )
    assert result.exit_code == 0, result.output
    page = (tmp_path / f"{record.stem}.html").read_text(encoding="utf-8")
    match = re.search(r"<title>([^<]*)</title>", page)
    assert match is not None
    return match.group(1)


def test_a_day_file_is_titled_by_the_briefing_in_the_interface_s_language(tmp_path: Path) -> None:
    assert title_of(LORDS, tmp_path / "en") == "House of Lords, 29 October 2009"
    assert title_of(LORDS, tmp_path / "cy", "--ui-language", "cy") == "House of Lords, 29 Hydref 2009"


def test_a_place_apart_from_the_chamber_is_named_in_the_title(tmp_path: Path) -> None:
    assert title_of(HALL, tmp_path / "hall") == "House of Commons, Westminster Hall, 28 October 2009"
    assert title_of(HALL, tmp_path / "cy", "--ui-language", "cy") == (
        "House of Commons, Westminster Hall, 28 Hydref 2009"
    )
    assert title_of(LORDS_ANSWERS, tmp_path / "wa") == "House of Lords, Written Answers, 26 October 2009"


def test_a_web_copy_without_a_title_is_titled_by_the_briefing(tmp_path: Path) -> None:
    copy = tmp_path / "untitled.txt"
    copy.write_text(
        "HC Deb 16 January 2001 vol 361 cc300-13\n\nMr. Arthur Example (Northtown)\n\n"
        "I beg to move that the Bill be read a Second time.\n",
        encoding="utf-8",
    )
    assert _read(copy).title == ""
    assert title_of(copy, tmp_path / "cy", "--ui-language", "cy") == "House of Commons, 16 Ionawr 2001"


def test_akoma_ntoso_divisions_outside_the_debate_get_no_english_heading() -> None:
    record = (DATA / "akoma-ntoso" / "oasis_ke_debate_bungeni_2011-06-10.xml").read_text(encoding="utf-8")
    moved = record.replace('href="#summary_1" refersTo="#dbsect_2"', 'href="#nowhere" refersTo="#nowhere"')
    assert moved != record
    debate = _read_text(moved, "moved.xml")
    holding = [s for s in _sections(debate) if any(isinstance(i, Division) for i in s.items)]
    titles = [section.title for section in holding]
    assert "" in titles and "Divisions" not in titles  # unnamed: each division has its own heading


@pytest.mark.parametrize("record", RECORDS, ids=lambda path: path.name)
def test_no_reader_makes_a_title_of_its_own(record: Path) -> None:
    """Every title a reader gives is the record's: never the sitting's date written out by the
    reader (unless the record prints it), never the tool's word for a part."""
    debate = _read(record)
    source = record.read_bytes().decode("utf-8", errors="replace")
    for title in (debate.title, *(section.title for section in _sections(debate))):
        assert title.strip().lower() not in TOOL_WORDS, (record.name, title)
        if debate.date is not None:
            for written in _written_dates(debate.date):
                if written in title:
                    assert written in source, (record.name, title)


def _written_dates(date: dt.date) -> tuple[str, ...]:
    return (f"{date.day} {date:%B %Y}", f"{date:%B} {date.day}, {date.year}", date.isoformat())


def _sections(debate: Debate) -> list[Section]:
    return [item for item in walk_items(debate.sections) if isinstance(item, Section)]


def _read(path: Path) -> Debate:
    return _read_text(path.read_text(encoding="utf-8", errors="replace"), str(path), path.read_bytes())


def _read_text(text: str, source: str, data: bytes | None = None) -> Debate:
    data = data if data is not None else text.encode("utf-8")
    found = detect(data)
    assert found is not None, source
    debate: Debate = found.load().read(data, source, ReadOptions(), Reporter(source))
    return debate
