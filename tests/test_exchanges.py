"""Interventions and question time: a speech is labelled an intervention only when a member
gave way during another member's speech, never in question time (oral questions, Prime
Minister's questions, urgent questions, the questions on a statement), never to or by the
chair, never in a short exchange (exporter.readers.hansard_exchanges)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from exporter.cli import main
from exporter.diagnostics import Reporter
from exporter.model import Debate, Speech, SpeechKind, speeches
from exporter.options import ReadOptions
from exporter.readers import hansard_api, parlparse

DATA = Path(__file__).parent / "data"
COMMONS_DAY = DATA / "parlparse" / "debates2009-10-28c-excerpt.xml"
COMMITTEE = DATA / "parlparse" / "standing2009-10-20_CHILDPOV_07-0_2009-10-29a-excerpt.xml"
OIL_REFINING = DATA / "hansard-api" / "commons_adjournment_oil_refining_2026-01-14.json"
SHARED_DAY = (
    Path(__file__).resolve().parents[2] / "shared" / "records" / "parlparse" / "debates2009-10-28c.xml"
)


def read(path: Path) -> Debate:
    return parlparse.read(path.read_bytes(), str(path), ReadOptions(), Reporter(str(path)))


def read_xml(text: str) -> Debate:
    return parlparse.read(text.encode("utf-8"), "test.xml", ReadOptions(), Reporter("test.xml"))


def kind_of(debate: Debate, gid_tail: str) -> SpeechKind:
    return next(s.kind for s in speeches(debate) if s.id and s.id.endswith(gid_tail))


def by_name(debate: Debate, name: str) -> list[Speech]:
    return [s for s in speeches(debate) if (speaker := debate.speaker(s.speaker)) and speaker.name == name]


# --- question time -------------------------------------------------------------------------------------


def test_oral_questions_and_prime_ministers_questions_have_no_interventions() -> None:
    """Turner asks, Jowell answers, Turner asks again; Cameron and Brown trade six questions and
    answers: questions and supplementaries, not members giving way."""
    debate = read(COMMONS_DAY)
    for name in ("Andrew Turner", "Tessa Jowell", "Francis Maude", "David Cameron", "Gordon Brown"):
        assert {s.kind for s in by_name(debate, name)} <= {SpeechKind.SPEECH, SpeechKind.QUESTION}, name
    # the record numbers the questions on the order paper: those it says are questions
    assert kind_of(debate, "267.7") is SpeechKind.QUESTION  # oral-qnum="1", Operation Miser
    assert kind_of(debate, "276.10") is SpeechKind.QUESTION  # Q1, Engagements
    assert kind_of(debate, "277.3") is SpeechKind.SPEECH  # Cameron's first question: not numbered, unmarked


def test_the_questions_on_a_statement_have_no_interventions() -> None:
    debate = read(COMMONS_DAY)
    assert kind_of(debate, "292.0") is SpeechKind.SPEECH  # Brian Jenkins, on the Nimrod Review statement
    made = read_xml(
        _day(
            "Afghanistan",
            (
                "m1",
                "Bob Ainsworth",
                "With permission, Mr. Speaker, I shall make a statement on Afghanistan. " + _words(300),
            ),
            ("m2", "Liam Fox", "What does the Secretary of State say to the families? " + _words(60)),
            ("m1", "Bob Ainsworth", _words(120)),
            ("m3", "Nick Harvey", "Will he publish the report? " + _words(40)),
            ("m1", "Bob Ainsworth", _words(150)),
        )
    )
    assert {s.kind for s in speeches(made)} == {SpeechKind.SPEECH}
    urgent = read_xml(
        _day(
            "Swine Flu Vaccine",
            (
                "m2",
                "Andrew Lansley",
                "(Urgent Question): To ask the Secretary of State for Health if he will make a statement.",
            ),
            ("m1", "Andy Burnham", _words(400)),
            ("m2", "Andrew Lansley", _words(150)),
            ("m1", "Andy Burnham", _words(150)),
        )
    )
    assert {s.kind for s in speeches(urgent)} == {SpeechKind.SPEECH}


def test_question_time_headings_name_question_time() -> None:
    for heading in ("Engagements", "Topical Questions", "Business of the House", "Urgent Question"):
        debate = read_xml(_day(heading, *_giving_way()))
        assert {s.kind for s in speeches(debate)} == {SpeechKind.SPEECH}, heading
    debate = read_xml(_day("Local Spending Reports", *_giving_way()))
    assert [s.kind for s in speeches(debate)][1] is SpeechKind.INTERVENTION


def test_hansard_api_question_time_is_named_by_its_section_type_or_heading() -> None:
    for tag in ("hs_2cStatement", "hs_2cUrgentQuestion", "hs_8Question", "hs_6bDepartment"):
        value = _oil_refining()
        value["Overview"]["HRSTag"] = tag
        assert SpeechKind.INTERVENTION not in {s.kind for s in speeches(_read_json(value))}, tag
    value = _oil_refining()
    value["Overview"]["Title"] = "Engagements"
    assert SpeechKind.INTERVENTION not in {s.kind for s in speeches(_read_json(value))}
    # the adjournment debate itself keeps its intervention (Sir Edward Leigh gives way to no one)
    assert [s.kind for s in speeches(_read_json(_oil_refining()))].count(SpeechKind.INTERVENTION) == 1


# --- debates ----------------------------------------------------------------------------------------------


def test_a_member_who_gives_way_in_a_debate_is_intervened_on() -> None:
    debate = read(COMMONS_DAY)
    assert kind_of(debate, "303.0") is SpeechKind.INTERVENTION  # Letwin, during Spelman's opening
    assert kind_of(debate, "304.0") is SpeechKind.INTERVENTION
    assert kind_of(debate, "303.1") is SpeechKind.SPEECH


def test_the_chair_neither_intervenes_nor_is_intervened_on() -> None:
    debate = read(COMMONS_DAY)
    assert kind_of(debate, "298.0") is SpeechKind.SPEECH  # Chope's point of order between two rulings
    assert kind_of(debate, "397.2") is SpeechKind.SPEECH  # "Mr. Speaker" (a name that is an office)
    committee = read(COMMITTEE)
    assert kind_of(committee, "2.3") is SpeechKind.SPEECH  # Robert Key, the committee's chairman
    assert kind_of(committee, "2.6") is SpeechKind.INTERVENTION  # Karen Buck, during Selous's speech


def test_a_short_exchange_is_not_a_member_giving_way() -> None:
    short = read_xml(
        _day(
            "Local Spending Reports",
            ("m1", "Caroline Spelman", _words(60)),
            ("m2", "Oliver Letwin", _words(30)),
            ("m1", "Caroline Spelman", _words(50)),
        )
    )
    assert {s.kind for s in speeches(short)} == {SpeechKind.SPEECH}


# --- the briefing ---------------------------------------------------------------------------------------


def test_prime_ministers_questions_in_the_briefing(tmp_path: Path) -> None:
    """Through the command line: no "Intervention" label in question time, and the Leader of
    the Opposition, who asked six questions, has his key points."""
    result = CliRunner().invoke(
        main, ["convert", str(COMMONS_DAY), "-o", str(tmp_path), "-f", "html,json", "-q"]
    )
    assert result.exit_code == 0, result.output
    page = (tmp_path / f"{COMMONS_DAY.stem}.html").read_text(encoding="utf-8")
    questions = page[page.index('id="oral-answers-to-questions"') : page.index('id="points-of-order"')]
    assert "Intervention" not in re.sub(r"<[^>]+>", " ", questions)
    briefing = json.loads((tmp_path / f"{COMMONS_DAY.stem}.json").read_text(encoding="utf-8"))["briefing"]
    with_points = {entry["speaker_name"] for entry in briefing["key_points"]}
    assert {"David Cameron", "Gordon Brown"} <= with_points


def test_the_shared_commons_day_labels_no_question_time_speech_an_intervention() -> None:
    if not SHARED_DAY.exists():
        pytest.skip("the shared records are not beside the repository")
    debate = read(SHARED_DAY)
    question_time = [
        s for s in speeches(debate) if s.id and (267, 0) <= _column(s.id) < (297, 0)
    ]  # Cabinet Office, Prime Minister, the Nimrod Review statement
    assert question_time and SpeechKind.INTERVENTION not in {s.kind for s in question_time}
    assert sum(s.kind is SpeechKind.INTERVENTION for s in speeches(debate)) == 110


# --- helpers ------------------------------------------------------------------------------------------------


def _words(count: int) -> str:
    return " ".join(["words"] * (count - 1) + ["end."])


def _giving_way() -> tuple[tuple[str, str, str], ...]:
    return (
        ("m1", "Caroline Spelman", _words(400)),
        ("m2", "Oliver Letwin", "Will my hon. Friend give way? " + _words(30)),
        ("m1", "Caroline Spelman", _words(300)),
    )


def _day(heading: str, *said: tuple[str, str, str]) -> str:
    gid = "uk.org.publicwhip/debate/2009-10-28c"
    speeches_xml = "".join(
        f'<speech id="{gid}.300.{n}" speakerid="uk.org.publicwhip/member/{member}" speakername="{name}" '
        f'colnum="300"><p>{text}</p></speech>'
        for n, (member, name, text) in enumerate(said, start=1)
    )
    return (
        f'<publicwhip><major-heading id="{gid}.300.0" nospeaker="true" colnum="300">{heading}</major-heading>'
        f"{speeches_xml}</publicwhip>"
    )


def _oil_refining() -> dict[str, Any]:
    value: dict[str, Any] = json.loads(OIL_REFINING.read_text(encoding="utf-8"))
    return value


def _read_json(value: dict[str, Any]) -> Debate:
    return hansard_api.read(json.dumps(value).encode(), "test.json", ReadOptions(), Reporter("test.json"))


def _column(gid: str) -> tuple[int, int]:
    column, number = gid.rsplit(".", 2)[-2:]
    return int(column), int(number)
