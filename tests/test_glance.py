"""At-a-glance figures (exporter.summarise.glance)."""

from __future__ import annotations

import datetime as dt

from exporter.compose.glance import glance_facts
from exporter.interface import interface_for
from exporter.model import Debate, Procedural, ProceduralKind, Section, Speaker
from exporter.summarise import AtAGlance, PartyRow, glance
from summarise_debates import DEATH_PENALTY, OIL_REFINING, load_debate, speech


def worded(facts: AtAGlance, language: str = "en-GB") -> dict[str, str]:
    """The facts as the briefing words them, in the interface for ``language``."""
    return {label: value.text for label, value in glance_facts(facts, interface_for(language))}


def test_hansard_api_debate_at_a_glance() -> None:
    facts = glance(load_debate(OIL_REFINING))
    assert facts.date == dt.date(2026, 1, 14)
    assert facts.house == "House of Commons"
    assert facts.location == "Commons Chamber"
    assert facts.chair == "Caroline Nokes"  # no chair note: the member who spoke from the Chair
    assert facts.speakers == 4
    assert facts.contributions == 5
    assert facts.parties[:2] == (
        PartyRow("Conservative", 2, 3, facts.parties[0].words),
        PartyRow("Labour", 1, 1, facts.parties[1].words),
    )
    assert facts.parties[-1].party == "No party in the record"
    assert sum(row.words for row in facts.parties) == facts.words > 300


def test_duration_runs_from_first_to_last_time_stamp_in_reading_order() -> None:
    facts = glance(load_debate(DEATH_PENALTY))
    assert facts.chair == "Mr. Joe Benton"  # from "[Mr. Joe Benton in the Chair]"
    assert (facts.start, facts.end, facts.duration_minutes) == ("09:30", "10:45", 75)
    assert facts.speakers == 11
    assert facts.contributions == 26


def _timed(*times: str | None) -> Debate:
    items = tuple(speech(f"s{n}", "m1", "Words here.", time=time) for n, time in enumerate(times))
    return Debate("Timed", (Section("Timed", items),), (Speaker("m1", "A Member", party="Labour"),))


def test_a_sitting_past_midnight() -> None:
    facts = glance(_timed("22:30", "23:59:30", "01:15:00"))
    assert (facts.start, facts.end, facts.duration_minutes) == ("22:30", "01:15", 165)


def test_stamps_out_of_order_give_no_duration() -> None:
    assert glance(_timed("10:30", "09:00")).duration_minutes is None


def test_unusable_or_missing_stamps_are_ignored() -> None:
    facts = glance(_timed(None, "unknown", "25:00", "11:00"))
    assert (facts.start, facts.end, facts.duration_minutes) == ("11:00", "11:00", 0)
    assert glance(_timed(None)).duration_minutes is None


def test_procedural_time_stamps_count_and_so_do_speakers_known_only_by_printed_name() -> None:
    items = (
        Procedural((), ProceduralKind.TIME, time="14:00"),
        speech("s1", "m1", "One two three."),
        speech("s2", None, "Let us pray.", label="Father Paul Kelly"),
        speech("s3", None, "Hear, hear.", label="Hon. Members"),
        speech("s4", None, "Hear, hear.", label="Hon. Members"),
        Procedural((), ProceduralKind.TIME, time="15:30"),
    )
    debate = Debate("D", (Section("D", items),), (Speaker("m1", "A Member"),))
    facts = glance(debate)
    assert facts.duration_minutes == 90
    # as the Speakers table lists them: three rows, four contributions
    assert (facts.speakers, facts.contributions, facts.words) == (3, 4, 10)


def test_out_of_order_stamps_run_from_the_first_to_the_latest_with_no_duration() -> None:
    facts = glance(_timed("18:59:53", "18:10:14", "19:04:28"))
    assert (facts.start, facts.end, facts.duration_minutes) == ("18:59", "19:04", None)
    assert "Duration" not in worded(facts)


def test_facts_as_the_briefing_words_them() -> None:
    facts = glance(load_debate(DEATH_PENALTY))
    rows = worded(facts)
    assert rows["Date"] == "28 October 2009"
    assert rows["Location"] == "Westminster Hall"
    assert rows["Time"] == "09:30 to 10:45"
    assert rows["Duration"] == "1 hour 15 minutes"
    assert rows["Contributions"] == "26"
    assert all(value for value in rows.values())
    assert [(row.party, row.speakers, row.contributions) for row in facts.parties] == [
        ("No party in the record", 11, 26)
    ]
    welsh = worded(facts, "cy")
    assert welsh["Dyddiad"] == "28 Hydref 2009"
    assert welsh["Amser"] == "09:30 i 10:45"


def test_an_empty_record_has_only_what_it_states() -> None:
    facts = glance(Debate("Nothing", (Section("Nothing", ()),)))
    assert (facts.date, facts.chair, facts.duration_minutes, facts.speakers, facts.parties) == (
        None,
        None,
        None,
        0,
        (),
    )
    assert worded(facts) == {"Speakers": "0", "Contributions": "0", "Words": "0"}


def test_a_chair_the_record_names_nobody_is_not_given_a_name_of_the_tools() -> None:
    """The summariser adds no words of its own ("Unnamed speaker"): a chair who spoke but whose
    name the record does not give is left out of the chairs; the briefing words what it must
    (exporter.compose) in the interface's language."""
    from exporter.model import Paragraph, Run, Speech
    from exporter.summarise import roles

    chair = Speech(None, None, (Paragraph((Run("Order."),)),), role="Chair")
    assert roles.display_name(None, chair) == ""
    facts = glance(Debate("Sitting", (Section("Sitting", (chair,)),)))
    assert facts.chairs == () and "Chair" not in worded(facts)
