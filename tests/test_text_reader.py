"""Debate text copied from a web page, with the seed debate as the reference case."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SEED_TEXT
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.formats import detect
from exporter.model import speeches
from exporter.options import ReadOptions
from exporter.readers import text


def read(data: bytes):
    return text.read(data, "pasted.txt", ReadOptions(), Reporter())


def test_seed_sitting_details() -> None:
    debate = read(SEED_TEXT.read_bytes())
    assert debate.title == "Child Sexual Exploitation by Organised Networks"
    assert debate.date == dt.date(2022, 2, 23)
    assert (debate.house, debate.location, debate.department) == (
        "House of Commons",
        "Westminster Hall",
        "Home Office",
    )
    assert debate.language is None  # the page does not say: composing gives the UK Parliament's en-GB


def test_seed_speaker_line_becomes_a_speaker_with_constituency_and_party() -> None:
    debate = read(SEED_TEXT.read_bytes())
    [speaker] = debate.speakers
    assert (speaker.name, speaker.constituency, speaker.party) == (
        "Kim Leadbeater",
        "Batley and Spen",
        "Labour",
    )
    [speech] = speeches(debate)
    assert speech.speaker == speaker.id


def test_seed_site_furniture_is_dropped_and_every_paragraph_kept() -> None:
    debate = read(SEED_TEXT.read_bytes())
    [speech] = speeches(debate)
    paragraphs = [p.text for p in speech.paragraphs]
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("I welcome the opportunity")
    assert "Justice delayed is justice denied. Currently victims have to wait too long" in paragraphs[3]
    joined = " ".join(paragraphs)
    for furniture in ("Hansard -", "Read Full", "Parallel Parliament", "Panel of Chairs", "ago)", "Portrait"):
        assert furniture not in joined


def test_the_seed_is_detected_as_text() -> None:
    fmt = detect(SEED_TEXT.read_bytes())
    assert fmt is not None and fmt.name == "text"


@pytest.mark.parametrize(
    ("abbreviation", "party"),
    [
        ("Lab", "Labour"),
        ("Con", "Conservative"),
        ("LD", "Liberal Democrat"),
        ("SNP", "Scottish National Party"),
    ],
)
def test_party_abbreviations_are_expanded(abbreviation: str, party: str) -> None:
    page = f"A Debate\n\nMonday 3rd January 2022\n\nCommons Chamber\n\nAnn Example Portrait Ann Example (Somewhere) ({abbreviation})\n- Hansard - -\n\nWords.\n"
    debate = read(page.encode())
    assert debate.speakers[0].party == party
    assert debate.location == "Commons Chamber"


def test_minister_lines_and_hansard_style_lines() -> None:
    page = (
        "Policing Debate\n\nThursday 1st December 2022\n\nWestminster Hall\n\n"
        "[Sir Edward Leigh in the Chair]\n\n"
        "2.30 pm\n\n"
        "Sarah Champion (Rotherham) (Lab)\n\nI beg to move.\n\n"
        "Rachel Maclean Portrait The Parliamentary Under-Secretary of State for the Home Department (Rachel Maclean)\n"
        "- Hansard - -\n\nI thank the hon. Member.\n"
    )
    debate = read(page.encode())
    first, second = speeches(debate)
    assert debate.chair == "Sir Edward Leigh"
    assert first.time == "14:30"
    assert debate.speaker(first.speaker).constituency == "Rotherham"
    assert debate.speaker(second.speaker).name == "Rachel Maclean"
    assert second.role == "The Parliamentary Under-Secretary of State for the Home Department"


def test_empty_text_is_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        read(b"  \n\n")


def test_text_without_speaker_lines_is_refused() -> None:
    with pytest.raises(InputError, match="no speaker lines"):
        read(b"Shopping list\n\nWednesday 23rd February 2022\n\nWestminster Hall\n")


def test_impossible_date_names_its_line() -> None:
    with pytest.raises(InputError) as caught:
        read(b"A Debate\n\nMonday 31st February 2022\n")
    assert caught.value.location == "line 3"
