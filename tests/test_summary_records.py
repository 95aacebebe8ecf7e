"""Summaries of whole sitting days, checked from the record itself and the briefing's JSON.

The checks read the ParlParse XML with lxml, not with our reader, and look at the summary and
key points the command line writes; none of them uses the summariser's own judgement of a
sentence. They need the shared records beside the repository (../shared/records/, ../shared/cases/)
and are skipped without them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import ROOT
from exporter.cli import main
from shared_briefings import Briefings

SHARED = ROOT.parent / "shared"
COMMONS = SHARED / "records" / "parlparse" / "debates2009-10-28c.xml"
LORDS = SHARED / "records" / "parlparse" / "lords_daylord2009-10-29a.xml"
STEMS = SHARED / "cases" / "parlparse-oral-question-stems-in-summary.xml"

# Asking leave ("I beg leave to ask the Question …", "I seek leave to incorporate …",
# "I beg leave to withdraw the amendment") or moving a motion or amendment ("I beg to move").
LEAVE_OR_MOTION = re.compile(
    r"\b(?:beg|seek|ask)s?\s+(?:the\s+)?leave\b|\bbeg\s+to\s+move\b|\bwith\s+the\s+leave\s+of\b"
    r"|^I\s+(?:formally\s+)?move\b",
    re.IGNORECASE,
)
# Passed over before the first word: opening quotes and brackets, and the C1 controls that
# Windows-1252 quotes become in files declared ISO-8859-1.
OPENING = "\"'“‘([ \u0091\u0092\u0093\u0094"


def record(path: Path) -> dict[str, etree._Element]:
    """Every speech of a ParlParse file by its id, read with lxml alone."""
    parser = etree.XMLParser(resolve_entities=True, no_network=True, load_dtd=False)
    tree = etree.parse(str(path), parser)
    return {speech.get("id"): speech for speech in tree.iter("speech")}


def printed_question(speech: etree._Element) -> bool:
    """The record marks the speech as a question read from the order paper."""
    return bool(speech.get("oral-qnum")) or any(p.get("qnum") for p in speech.iter("p"))


DEFAULT_WORDS = 250  # convert --summary-words's default


def briefing(tmp_path: Path, source: Path, words: int, briefings: Briefings | None) -> dict:
    """The composed parts of the JSON briefing of ``source``; with ``briefings``, one
    conversion a session at the default length, shared with the language tests."""
    if briefings is not None and words == DEFAULT_WORDS:
        shared = briefings.get(source)
        assert shared.exit_code == 0, shared.output
        default: dict = json.loads(shared.files["json"])["briefing"]
        return default
    result = CliRunner().invoke(
        main, ["convert", str(source), "-o", str(tmp_path), "-f", "json", "--summary-words", str(words), "-q"]
    )
    assert result.exit_code == 0, result.output
    data: dict = json.loads((tmp_path / f"{source.stem}.json").read_text(encoding="utf-8"))["briefing"]
    return data


def quoted(data: dict) -> list[dict]:
    """The summary's sentences and every key point."""
    return data["summary"] + [point for speaker in data["key_points"] for point in speaker["points"]]


def starts_mid_clause(text: str) -> bool:
    start = text.lstrip(OPENING)
    return not start or start[0].islower() or start[0] in "—–-…,;:" or start.startswith("...")


pytestmark = pytest.mark.skipif(
    not COMMONS.exists(), reason="the shared records are not beside the repository"
)


@pytest.mark.parametrize("source", [COMMONS, LORDS], ids=["commons", "lords"])
@pytest.mark.parametrize("words", [250, 1500])
def test_no_printed_question_leave_motion_or_mid_clause_sentence_is_quoted(
    tmp_path: Path, source: Path, words: int, briefings: Briefings
) -> None:
    speeches = record(source)
    data = briefing(tmp_path, source, words, briefings)
    assert data["summary_kind"] == "automatic" and data["summary"]
    for sentence in quoted(data):
        text = sentence["text"]
        speech = speeches[sentence["speech"]]  # every sentence comes from a speech of the record
        assert not printed_question(speech), text
        assert not LEAVE_OR_MOTION.search(text), text
        assert not starts_mid_clause(text), text
        assert re.search(r"[.?!…][\"'”’)\]\u0092\u0094]*$", text), text  # a whole sentence, not a lead-in


@pytest.mark.parametrize("source", [COMMONS, LORDS], ids=["commons", "lords"])
def test_a_sitting_day_summary_covers_the_day(tmp_path: Path, source: Path, briefings: Briefings) -> None:
    """Sentences from each third of the day, measured in words spoken, in record order."""
    before: dict[str, int] = {}
    spoken = 0
    for speech_id, speech in record(source).items():
        before[speech_id] = spoken
        spoken += len(" ".join(speech.itertext()).split())
    data = briefing(tmp_path, source, DEFAULT_WORDS, briefings)
    thirds = {min(2, 3 * before[s["speech"]] // spoken) for s in data["summary"]}
    assert thirds == {0, 1, 2}
    speakers = [s["speaker"] for s in data["summary"]]
    assert max(speakers.count(s) for s in speakers) <= len(speakers) / 2  # no one dominates


@pytest.mark.skipif(not STEMS.exists(), reason="the shared cases are not beside the repository")
def test_oral_questions_are_summarised_by_their_answers_and_exchanges(tmp_path: Path) -> None:
    speeches = record(STEMS)
    ministers = {s.get("speakerid") for s in speeches.values() if s.get("speakeroffice")}
    data = briefing(tmp_path, STEMS, DEFAULT_WORDS, None)
    summary = data["summary"]
    assert summary
    assert not any(printed_question(speeches[s["speech"]]) for s in quoted(data))
    answers = [s for s in summary if speeches[s["speech"]].get("speakerid") in ministers]
    exchanges = [s for s in summary if speeches[s["speech"]].get("speakerid") not in ministers]
    assert answers and exchanges  # the Ministers' answers, and members' own supplementaries
    assert not any(s["text"].startswith(("What recent assessment", "What progress")) for s in summary)
