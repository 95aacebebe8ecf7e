"""At-a-glance figures (exporter.summarise.glance)."""

from __future__ import annotations

import datetime as dt

from exporter.compose.glance import glance_facts
from exporter.interface import interface_for
from exporter.model import Debate, Item, Paragraph, Procedural, ProceduralKind, Run, Section, Speaker
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


def test_first_and_last_times_recorded_are_no_duration() -> None:
    """The stamps mark speeches, not the sitting's start and adjournment: no duration is
    claimed from them."""
    facts = glance(load_debate(DEATH_PENALTY))
    assert facts.chair == "Mr. Joe Benton"  # from "[Mr. Joe Benton in the Chair]"
    assert (facts.start, facts.end, facts.duration_minutes) == ("09:30", "10:45", None)
    assert (facts.began, facts.adjourned) == (None, None)
    assert facts.speakers == 11
    assert facts.contributions == 26


def _timed(*times: str | None) -> Debate:
    items = tuple(speech(f"s{n}", "m1", "Words here.", time=time) for n, time in enumerate(times))
    return Debate("Timed", (Section("Timed", items),), (Speaker("m1", "A Member", party="Labour"),))


def test_a_sitting_past_midnight() -> None:
    facts = glance(_timed("22:30", "23:59:30", "01:15:00"))
    assert (facts.start, facts.end, facts.duration_minutes) == ("22:30", "01:15", None)


def test_stamps_out_of_order_give_no_duration() -> None:
    assert glance(_timed("10:30", "09:00")).duration_minutes is None


def test_unusable_or_missing_stamps_are_ignored() -> None:
    facts = glance(_timed(None, "unknown", "25:00", "11:00"))
    assert (facts.start, facts.end, facts.duration_minutes) == ("11:00", "11:00", None)
    assert worded(facts)["Time recorded"] == "11:00"  # one time: neither first nor last
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
    assert (facts.start, facts.end) == ("14:00", "15:30")
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
    assert (rows["First time recorded"], rows["Last time recorded"]) == ("09:30", "10:45")
    assert "Time" not in rows and "Duration" not in rows
    assert rows["Contributions"] == "26"
    assert all(value for value in rows.values())
    assert [(row.party, row.speakers, row.contributions) for row in facts.parties] == [
        ("No party in the record", 11, 26)
    ]
    welsh = worded(facts, "cy")
    assert welsh["Dyddiad"] == "28 Hydref 2009"
    assert (welsh["Yr amser cyntaf a gofnodwyd"], welsh["Yr amser olaf a gofnodwyd"]) == ("09:30", "10:45")


def test_an_empty_record_has_only_what_it_states() -> None:
    facts = glance(Debate("Nothing", (Section("Nothing", ()),)))
    assert (facts.date, facts.chair, facts.duration_minutes, facts.speakers, facts.parties) == (
        None,
        None,
        None,
        0,
        (),
    )
    assert worded(facts) == {}  # counts of none say nothing


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


def _sitting(*notes: tuple[str | None, str], speech_after: bool = False) -> Debate:
    """A sitting: procedural notes (time stamp, text), a speech at 10:15, more notes."""
    items: list[Item] = [speech("s1", "m1", "Words here.", time="10:15")]
    for stamp, text in notes:
        paragraphs = (Paragraph((Run(text),)),) if text else ()
        kind = ProceduralKind.TIME if stamp and not text else ProceduralKind.OTHER
        note = Procedural(paragraphs, kind, time=stamp)
        if text.lower().startswith(("the house met", "the meeting began", "dechreuodd")):
            items.insert(0, note)
        else:
            items.append(note)
    if speech_after:
        items.append(speech("s2", "m1", "More words.", time="16:00"))
    return Debate("Sitting", (Section("Sitting", tuple(items)),), (Speaker("m1", "A Member"),))


def test_a_sitting_the_record_says_began_and_adjourned_has_a_duration() -> None:
    facts = glance(_sitting((None, "The House met at 10.02 am."), (None, "House adjourned at 2.45 pm.")))
    assert (facts.began, facts.adjourned, facts.duration_minutes) == ("10:02", "14:45", 283)
    rows = worded(facts)
    assert (rows["Time"], rows["Duration"]) == ("10:02 to 14:45", "4 hours 43 minutes")
    welsh = worded(facts, "cy")
    assert welsh["Amser"] == "10:02 i 14:45"


def test_suspensions_are_said_to_be_included() -> None:
    facts = glance(
        _sitting(
            (None, "The meeting began at 09:30."),
            (None, "Sitting suspended for a Division in the House."),
            (None, "The Committee rose at 5 pm."),
        )
    )
    assert facts.suspended and facts.duration_minutes == 450
    assert worded(facts)["Duration"] == "7 hours 30 minutes, including suspensions"
    assert worded(facts, "cy")["Hyd"] == "7 awr 30 munud, gan gynnwys ataliadau"


def test_an_adjournment_is_the_sitting_s_only_when_it_says_so() -> None:
    # a time stamp, then "House adjourned.": the stamp is the adjournment's (the Hansard API's layout)
    stamped = glance(_sitting(("19:34", ""), (None, "House adjourned.")))
    assert stamped.adjourned == "19:34"
    rows = worded(stamped)
    assert (rows["First time recorded"], rows["Adjourned"]) == ("10:15", "19:34")
    assert "Duration" not in rows  # when the sitting began, the record does not say
    # not the sitting's end: a debate adjourned, an adjournment till another day, speeches after it,
    # a time that could be morning or night
    for notes, after in (
        (((None, "Debate adjourned at 6.30 pm."),), False),
        (((None, "Adjourned till this day at 2 pm."),), False),
        (((None, "House adjourned at 2.45 pm."),), True),
        (((None, "House adjourned at 10.30."),), False),
        (((None, "The House met at half-past Two o'clock."),), False),
    ):
        facts = glance(_sitting(*notes, speech_after=after))
        assert (facts.began, facts.adjourned, facts.duration_minutes) == (None, None, None), notes


def test_the_senedd_s_welsh_record_states_its_times() -> None:
    facts = glance(
        _sitting((None, "Dechreuodd y cyfarfod am 13:30."), (None, "Daeth y cyfarfod i ben am 17:02."))
    )
    assert (facts.began, facts.adjourned, facts.duration_minutes) == ("13:30", "17:02", 212)
