"""Web text read faithfully (issue 13): the ``text-*`` case, the shared Parallel Parliament
record, and look-alikes of the layouts people copy (historic Hansard, Hansard,
TheyWorkForYou, an MP's debates page, an unreadable speaker line)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import DATA, SEED_TEXT
from exporter import citations, record
from exporter.diagnostics import Reporter
from exporter.model import Debate, Procedural, ProceduralKind, Speech, SpeechKind, speeches, walk_items
from exporter.options import ReadOptions
from exporter.readers import text

WEB = DATA / "web-text"
CASE = WEB / "text-parallelparliament-split-read-links.txt"
EXTRACTS = WEB / "parallelparliament_2016-06-09_oral-answers-ministerial-extracts.txt"
HISTORIC = WEB / "historic-hansard-lookalike.txt"
HANSARD = WEB / "hansard-lookalike.txt"
TWFY = WEB / "theyworkforyou-lookalike.txt"
MP_PAGE = WEB / "parallelparliament-mp-page-lookalike.txt"
UNREADABLE = WEB / "unreadable-speaker-line-lookalike.txt"
COMMONS_PAGE = WEB / "hansard-commons_2026-01-14_oil-refining-sector.txt"
LORDS_PAGE = WEB / "hansard-lords_2009-10-29_coroners-and-justice-bill.txt"
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "records" / "web-text"


def read(path: Path) -> tuple[Debate, Reporter]:
    reporter = Reporter(path.name)
    return text.read(path.read_bytes(), path.name, ReadOptions(), reporter), reporter


def who(debate: Debate, speech: Speech) -> str:
    speaker = debate.speaker(speech.speaker)
    assert speaker is not None
    return speaker.name


def model_paragraphs(debate: Debate) -> list[str]:
    found = []
    for item in walk_items(debate.sections):
        if isinstance(item, (Speech, Procedural)):
            found.extend(p.text for p in item.paragraphs)  # type: ignore[union-attr]
    return found


def assert_every_spoken_line_kept(path: Path, debate: Debate) -> None:
    """An independent reading: every line of prose (a sentence of 30 characters or more)
    is a paragraph of the model, verbatim and in order."""
    prose = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    prose = [line for line in prose if len(line) >= 30 and line[-1] in ".?!—" and "Parallel Parliament" not in line]
    prose = [line for line in prose if not line.startswith(("Westminster Hall is", "Each debate is", "Hansard source"))]
    kept = model_paragraphs(debate)
    place = 0
    for line in prose:
        assert line in kept[place:], f"lost or out of order: {line[:60]!r}"
        place = kept.index(line, place)


ALL = [CASE, EXTRACTS, HISTORIC, HANSARD, TWFY, MP_PAGE, UNREADABLE, COMMONS_PAGE, LORDS_PAGE, SEED_TEXT]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem[:40])
def test_every_spoken_word_and_every_named_speaker_is_kept(path: Path) -> None:
    debate, _ = read(path)
    assert_every_spoken_line_kept(path, debate)
    for speech in speeches(debate):
        assert speech.speaker is not None and who(debate, speech).strip()
    # Web text gives no language; a record in our format that gives none is en-GB (issue 15).
    assert record.from_dict(record.to_dict(debate), path.name) == replace(debate, language=debate.language or "en-GB")


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared records are not here")
def test_the_shared_web_text_records_keep_every_word() -> None:
    for path in sorted(SHARED.glob("*.txt")):
        debate, _ = read(path)
        assert_every_spoken_line_kept(path, debate)
        assert len(speeches(debate)) >= 2


# --- the case: Parallel Parliament, "Read Hansard Text" on its own line ------------------------


def test_case_converts_a_question_and_its_answer_with_speakers_house_and_date() -> None:
    debate, _ = read(CASE)
    assert debate.title == "Oral Answers to Questions"
    assert (debate.house, debate.location, debate.date) == ("House of Commons", "Commons Chamber", dt.date(2016, 6, 9))
    question, answer = speeches(debate)
    assert question.kind is SpeechKind.QUESTION and question.number == "1"
    assert who(debate, question) == "Stephen Metcalfe"
    assert debate.speaker(question.speaker).constituency == "South Basildon and East Thurrock"  # type: ignore[union-attr]
    assert answer.kind is SpeechKind.ANSWER and who(debate, answer) == "David Evennett"
    assert answer.role == "The Parliamentary Under-Secretary of State for Culture, Media and Sport"
    assert citations.cite(debate, None) == "HC Deb 9 June 2016"


def test_ministerial_extracts_keep_one_identity_per_member_however_printed() -> None:
    debate, _ = read(EXTRACTS)
    names = [who(debate, s) for s in speeches(debate)]
    assert names == ["Stephen Metcalfe", "David Evennett", "Stephen Metcalfe", "David Evennett"]
    assert len(debate.speakers) == 2  # "Mr Evennett" is David Evennett
    kinds = [s.kind for s in speeches(debate)]
    assert kinds == [SpeechKind.QUESTION, SpeechKind.ANSWER, SpeechKind.QUESTION, SpeechKind.ANSWER]
    furniture = " ".join(model_paragraphs(debate))
    for text_ in ("Read Hansard Text", "Excerpts", "Limited Text", "Read Full debate"):
        assert text_ not in furniture


# --- kept-back kinds: other layouts --------------------------------------------------


def test_historic_hansard_reference_gives_house_date_volume_and_columns() -> None:
    debate, _ = read(HISTORIC)
    assert debate.title == "WIDGET SAFETY BILL"
    assert (debate.house, debate.date) == ("House of Commons", dt.date(2001, 1, 16))
    assert debate.source.volume == "361"
    assert debate.source.citation == "HC Deb 16 January 2001 vol 361 cc300-13"
    first, second = speeches(debate)[:2]
    assert (first.column, first.time, second.column) == ("300", "15:31", "301")
    assert citations.cite(debate, second) == "HC Deb 16 January 2001, vol 361, col 301"


def test_historic_hansard_names_constituencies_and_bare_surnames() -> None:
    debate, _ = read(HISTORIC)
    example = debate.speaker("mr-arthur-example")
    assert example is not None and (example.name, example.constituency) == ("Mr. Arthur Example", "Northtown")
    names = [who(debate, s) for s in speeches(debate)]
    assert names == [
        "Mr. Arthur Example",
        "Mr. Bernard Sample",
        "Mr. Arthur Example",  # "Mr. Example" alone
        "Mr. Deputy Speaker",
        "Mr. Bernard Sample",
    ]


def test_text_before_the_first_speaker_is_kept_as_an_introduction() -> None:
    for path in (HISTORIC, HANSARD):
        debate, _ = read(path)
        intro = debate.sections[0].items[0]
        assert isinstance(intro, Procedural)
        assert intro.paragraphs[0].text.startswith("Motion made, and Question proposed")  # type: ignore[union-attr]


def test_a_decision_after_the_last_speech_is_the_records_not_the_speakers() -> None:
    debate, _ = read(HANSARD)
    last = debate.sections[0].items[-1]
    assert isinstance(last, Procedural) and last.kind is ProceduralKind.DECISION
    assert "Question put" not in " ".join(p.text for p in speeches(debate)[-1].paragraphs)  # type: ignore[union-attr]


def test_hansard_page_volume_line_chair_and_minister() -> None:
    debate, _ = read(HANSARD)
    assert (debate.title, debate.date, debate.source.volume) == ("Widget Regulation", dt.date(2026, 1, 14), "778")
    assert debate.location == "Commons Chamber"
    jane, chair, minister = speeches(debate)
    assert debate.speaker(jane.speaker).party == "Labour" and jane.time == "19:01"  # type: ignore[union-attr]
    assert (who(debate, chair), chair.role) == ("Ruth Chair", "Madam Deputy Speaker")
    assert (who(debate, minister), minister.role) == (
        "John Minister",
        "The Parliamentary Under-Secretary of State for Widgets",
    )


def test_theyworkforyou_name_lines_with_party_seat_or_office_below() -> None:
    debate, _ = read(TWFY)
    assert (debate.location, debate.date, debate.chair) == ("Westminster Hall", dt.date(2022, 2, 23), "Sir Roger Chair")
    jane, minister = speeches(debate)
    speaker = debate.speaker(jane.speaker)
    assert speaker is not None and (speaker.party, speaker.constituency) == ("Labour", "Northtown")
    assert minister.role == "The Parliamentary Under-Secretary of State for Widgets"
    assert [p.text for p in jane.paragraphs] == ["I beg to move that this House has considered widget regulation."]  # type: ignore[union-attr]
    assert (jane.column, minister.column) == ("98WH", "101WH")


def test_an_mps_debates_page_is_titled_by_the_debate_not_the_page() -> None:
    debate, _ = read(MP_PAGE)
    assert debate.title == "Widget Crime"
    assert "debates with" not in " ".join(model_paragraphs(debate))
    assert (debate.location, debate.date) == ("Commons Chamber", dt.date(2022, 3, 1))


def test_an_unreadable_speaker_line_is_warned_about_and_its_words_given_to_no_one() -> None:
    debate, reporter = read(UNREADABLE)
    [warning] = [d for d in reporter.diagnostics if d.code == "TEXT_SPEAKER_LINE_UNREAD"]
    assert warning.location == "line 12"
    question, answer = speeches(debate)
    jane_words = " ".join(p.text for p in question.paragraphs)  # type: ignore[union-attr]
    assert "not Jane Example's" not in jane_words
    kept = [i for i in debate.sections[0].items if isinstance(i, Procedural)]
    assert [p.text for p in kept[0].paragraphs] == ["Jo Sample (Southford (Lab)", "These words are not Jane Example's."]  # type: ignore[union-attr]
    assert who(debate, answer) == "John Minister"


def test_an_ambiguous_bare_surname_is_shown_as_printed_with_a_warning() -> None:
    page = (
        "A Debate\n\nHC Deb 16 January 2001 vol 361 cc300-13\n\n"
        "Mr. Ann Smith (Northtown)\n\nFirst words here.\n\n"
        "Mr. Bob Smith (Southford)\n\nSecond words here.\n\n"
        "Mr. Smith\n\nWhose words are these?\n"
    )
    reporter = Reporter("page.txt")
    debate = text.read(page.encode(), "page.txt", ReadOptions(), reporter)
    last = speeches(debate)[-1]
    assert who(debate, last) == "Mr. Smith"
    assert "TEXT_SPEAKER_AMBIGUOUS" in [d.code for d in reporter.diagnostics]


def test_an_ordinary_sentence_in_brackets_is_never_a_speaker_line() -> None:
    page = (
        "A Debate\n\nThursday 9th June 2016\n\nCommons Chamber\n\n"
        "Jane Example (Northtown) (Lab)\n\nThe Government have acted (as promised):\n\nIndeed.\n"
    )
    debate = text.read(page.encode(), "page.txt", ReadOptions(), Reporter())
    [speech] = speeches(debate)
    assert [p.text for p in speech.paragraphs] == ["The Government have acted (as promised):", "Indeed."]  # type: ignore[union-attr]


def test_words_that_look_like_a_page_title_inside_a_speech_are_kept() -> None:
    page = (
        "A Debate\n\nThursday 9th June 2016\n\nCommons Chamber\n\n"
        "Jane Example (Northtown) (Lab)\n\nThe Member debates with passion\n\nRead Full debate\n"
    )
    debate = text.read(page.encode(), "page.txt", ReadOptions(), Reporter())
    assert [p.text for p in speeches(debate)[0].paragraphs] == ["The Member debates with passion"]  # type: ignore[union-attr]


# --- the trial's kinds (fix-web-text): later contributions under a bare name, peers' parties,
# --- historic columns and times, the record's procedural formulas ----------------------------


def read_text(page: str, name: str = "page.txt") -> tuple[Debate, Reporter]:
    reporter = Reporter(name)
    return text.read(page.encode(), name, ReadOptions(), reporter), reporter


def words_of(speech: Speech) -> str:
    return " ".join(p.text for p in speech.paragraphs)  # type: ignore[union-attr]


@pytest.mark.parametrize("share", [True, False], ids=["with-share", "without-share"])
def test_a_bare_name_given_in_full_before_starts_that_members_speech(share: bool) -> None:
    page = COMMONS_PAGE.read_text(encoding="utf-8")
    if not share:
        page = "\n".join(line for line in page.splitlines() if line != "Share")
    debate, reporter = read_text(page, COMMONS_PAGE.name)
    said = [(who(debate, s), words_of(s)[:30]) for s in speeches(debate)]
    assert said == [
        ("Martin Vickers", "It is a pleasure to take part "),
        ("Sir Edward Leigh", "I am grateful to my hon. Frien"),
        ("Martin Vickers", "I thank my right hon. Friend t"),
        ("Brian Leishman", "I thank the hon. Member for se"),
        ("Caroline Nokes", "Order. The hon. Gentleman will"),
    ]
    assert "Father of the House" not in words_of(speeches(debate)[1])  # not Sir Edward Leigh's
    vickers = debate.speaker(speeches(debate)[0].speaker)
    assert vickers is not None and (vickers.constituency, vickers.party) == ("Brigg and Immingham", "Conservative")
    assert len(debate.speakers) == 4 and not reporter.diagnostics


def test_a_minister_named_in_an_office_line_is_the_same_member_under_the_bare_name() -> None:
    page = (
        "Oil Refining Sector\n\nCommons Chamber\n\nVolume 778: debated on Wednesday 14 January 2026\n\n"
        "Martin Vickers (Brigg and Immingham) (Con)\n\nFirst words of the opener.\n\n"
        "The Minister for Industry (Chris McDonald)\n\nThe Minister replies.\n\n"
        "Martin Vickers\n\nWill the Minister give way?\n\n"
        "Chris McDonald\n\nI will not.\n"
    )
    debate, _ = read_text(page)
    names = [who(debate, s) for s in speeches(debate)]
    assert names == ["Martin Vickers", "Chris McDonald", "Martin Vickers", "Chris McDonald"]
    assert [s.role for s in speeches(debate)][1] == "The Minister for Industry"
    assert len(debate.speakers) == 2


@pytest.mark.parametrize("share", [True, False], ids=["with-share", "without-share"])
def test_a_bare_name_of_no_member_given_before_is_warned_about_and_its_words_given_to_no_one(share: bool) -> None:
    below = "Share\n\n" if share else ""
    page = (
        "Oil Refining Sector\n\nCommons Chamber\n\nVolume 778: debated on Wednesday 14 January 2026\n\n"
        f"Martin Vickers (Brigg and Immingham) (Con)\n\n{below}First words of the opener.\n\n"
        f"Melanie Onn\n\n{below}Words whose speaker was never given in full.\n"
    )
    debate, reporter = read_text(page)
    [speech] = speeches(debate)
    assert words_of(speech) == "First words of the opener."
    assert [d.code for d in reporter.diagnostics] == ["TEXT_SPEAKER_LINE_UNREAD"]
    [kept] = [i for i in debate.sections[0].items if isinstance(i, Procedural)]
    assert [p.text for p in kept.paragraphs] == ["Melanie Onn", "Words whose speaker was never given in full."]  # type: ignore[union-attr]


def test_a_peers_bracket_is_the_party_and_an_office_line_names_the_peer() -> None:
    debate, reporter = read(LORDS_PAGE)
    assert (debate.house, debate.location) == ("House of Lords", "Lords Chamber")
    people = [(s.name, s.constituency, s.party) for s in debate.speakers]
    assert people == [
        ("Lord Bach", None, "Labour"),
        ("Lord Thomas of Gresford", None, "Liberal Democrat"),
        ("Lord Hunt of Wirral", None, "Conservative"),
    ]
    first, *_, last = speeches(debate)
    assert first.speaker == last.speaker == "lord-bach"  # one member however printed
    assert (first.role, last.role) == ("The Parliamentary Under-Secretary of State, Ministry of Justice", None)
    assert not reporter.diagnostics


def test_the_text_reader_names_peers_as_the_hansard_api_reader_does() -> None:
    from exporter.readers.hansard_api_speakers import parse_attribution
    from exporter.readers.text_lines import read_speaker_line

    for printed in (
        "Lord Henley (Con)",
        "Baroness Miller of Chilthorne Domer (LD)",
        "The Minister of State, Home Office (Lord Hanson of Flint) (Lab)",
        "The Deputy Speaker (Lord Grantchester) (Lab)",
        "Martin Vickers (Brigg and Immingham) (Con)",
        "The Minister for Industry (Chris McDonald)",
    ):
        line, api = read_speaker_line(printed), parse_attribution(printed)
        assert line is not None
        assert (line.name, line.constituency, line.party, line.office) == (api.name, api.constituency, api.party, api.role)


def test_in_the_lords_a_bracket_is_never_a_constituency() -> None:
    page = (
        "A Bill\n\nLords Chamber\n\nVolume 713: debated on Thursday 29 October 2009\n\n"
        "Lord Example (Ind Soc)\n\nMy Lords, I speak for no party this project knows.\n"
    )
    debate, _ = read_text(page)
    [speaker] = debate.speakers
    assert (speaker.constituency, speaker.party) == (None, "Ind Soc")


def test_historic_hansard_cites_the_whole_range_its_reference_states() -> None:
    debate, _ = read(HISTORIC)
    assert (debate.source.first_column, debate.source.last_column) == ("300", "313")
    assert citations.cite(debate, None) == "HC Deb 16 January 2001, vol 361, cols 300–313"
    assert citations.cite(debate, None, "short") == "HC Deb 16 January 2001 vol 361 cc300–313"


def test_a_historic_copy_without_column_marks_gives_no_speech_a_column() -> None:
    page = "\n".join(line for line in HISTORIC.read_text(encoding="utf-8").splitlines() if line != "301")
    debate, _ = read_text(page)
    assert [s.column for s in speeches(debate)] == [None] * 5
    assert citations.cite(debate, None) == "HC Deb 16 January 2001, vol 361, cols 300–313"
    assert citations.cite(debate, speeches(debate)[0]) == "HC Deb 16 January 2001, vol 361"


HISTORIC_LORDS = (
    "CRIMINAL JUSTICE BILL\nHL Deb 04 March 1999 vol 597 cc1800-2\n{time}\n\n"
    "Lord Example of Northtown\nMy Lords, I beg to move that this Bill be now read a second time.\n\n"
    "Lord Sample\nMy Lords, I thank the noble Lord for introducing the Bill.\n\n"
    "{procedure}\n"
)


@pytest.mark.parametrize(("printed", "clock"), [("3.12 p.m.", "15:12"), ("3.12 pm", "15:12"), ("11.05 a.m.", "11:05")])
def test_historic_times_with_stops_are_times(printed: str, clock: str) -> None:
    debate, _ = read_text(HISTORIC_LORDS.format(time=printed, procedure="On Question, Bill read a second time."))
    first = debate.sections[0].items[0]
    assert isinstance(first, Speech) and first.time == clock  # no "introduction" note before it
    assert citations.cite(debate, None) == "HL Deb 4 March 1999, vol 597, cols 1800–1802"


@pytest.mark.parametrize(
    "procedure",
    [
        "On Question, Bill read a second time, and committed to a Committee of the Whole House.",
        "Amendment 96 withdrawn.",
        "Amendments 101 to 103 agreed.",
        "Motions agreed.",
    ],
)
def test_the_lords_procedural_formulas_are_the_records_not_the_last_peers(procedure: str) -> None:
    debate, _ = read_text(HISTORIC_LORDS.format(time="3.12 p.m.", procedure=procedure))
    last = debate.sections[0].items[-1]
    assert isinstance(last, Procedural) and last.kind is ProceduralKind.DECISION
    assert [p.text for p in last.paragraphs] == [procedure]  # type: ignore[union-attr]
    assert procedure not in words_of(speeches(debate)[-1])


def test_the_lords_page_keeps_amendment_withdrawn_apart_from_lord_bachs_words() -> None:
    debate, _ = read(LORDS_PAGE)
    last = debate.sections[0].items[-1]
    assert isinstance(last, Procedural) and last.kind is ProceduralKind.DECISION
    assert "Amendment 96 withdrawn." not in [p.text for p in speeches(debate)[-1].paragraphs]  # type: ignore[union-attr]
    assert [p.text for p in last.paragraphs] == ["Amendment 96 withdrawn."]  # type: ignore[union-attr]


def test_after_an_interruption_the_same_member_speaks_on() -> None:
    page = (
        "A Debate\n\nCommons Chamber\n\nVolume 778: debated on Wednesday 14 January 2026\n\n"
        "Jane Example (Northtown) (Lab)\n\nI begin.\n\n[Interruption.]\n\nAs I was saying.\n"
    )
    debate, _ = read_text(page)
    first, interruption, second = debate.sections[0].items
    assert isinstance(interruption, Procedural) and interruption.kind is ProceduralKind.INTERRUPTION
    assert isinstance(first, Speech) and isinstance(second, Speech) and first.speaker == second.speaker
    assert words_of(second) == "As I was saying."


def test_a_commons_formula_is_the_records_in_a_copy_naming_no_house() -> None:
    page = "A Debate\n\nJane Example (Northtown) (Lab)\n\nI beg to move.\n\nQuestion put and agreed to.\n"
    debate, _ = read_text(page)
    last = debate.sections[0].items[-1]
    assert isinstance(last, Procedural) and last.kind is ProceduralKind.DECISION


# --- more of the same kinds: names with accents, peers styled "The Earl of …", offices alone,
# --- noon, Hansard's other "Share" wording -------------------------------------------------

COMMONS_HEAD = "A Debate\n\nCommons Chamber\n\nVolume 778: debated on Wednesday 14 January 2026\n\n"
LORDS_HEAD = "A Bill\n\nLords Chamber\n\nVolume 713: debated on Thursday 29 October 2009\n\n"


def test_a_bare_name_with_an_accented_capital_is_that_members_speech() -> None:
    page = COMMONS_HEAD + (
        "Órfhlaith Begley (West Tyrone) (SF)\n\nFirst words.\n\n"
        "Jane Example (Northtown) (Lab)\n\nSecond words.\n\n"
        "Órfhlaith Begley\n\nThird words.\n"
    )
    debate, _ = read_text(page)
    assert [who(debate, s) for s in speeches(debate)] == ["Órfhlaith Begley", "Jane Example", "Órfhlaith Begley"]


@pytest.mark.parametrize(
    ("printed", "name", "party"),
    [
        ("The Earl of Clancarty (CB)", "The Earl of Clancarty", "Crossbench"),
        ("The Lord Bishop of Leeds (Bp)", "The Lord Bishop of Leeds", "Bishops"),
        ("Earl Howe (Con)", "Earl Howe", "Conservative"),
        ("The Countess of Mar (CB)", "The Countess of Mar", "Crossbench"),
        ("Baroness Smith of Basildon (Lab)", "Baroness Smith of Basildon", "Labour"),
    ],
)
def test_peers_styled_with_the_are_peers_with_a_party(printed: str, name: str, party: str) -> None:
    debate, _ = read_text(LORDS_HEAD + f"{printed}\n\nShare\n\nMy Lords, I rise briefly.\n")
    [speaker] = debate.speakers
    assert (speaker.name, speaker.constituency, speaker.party) == (name, None, party)
    from exporter.readers.hansard_api_speakers import parse_attribution

    api = parse_attribution(printed)
    assert (api.name, api.party) == (name, party)  # the Hansard API reader agrees


def test_an_office_alone_after_it_was_printed_with_one_members_name_is_that_member() -> None:
    page = COMMONS_HEAD + (
        "The Prime Minister (Keir Starmer)\n\nFirst answer.\n\n"
        "Jane Example (Northtown) (Lab)\n\nA question.\n\n"
        "The Prime Minister\n\nSecond answer.\n"
    )
    debate, reporter = read_text(page)
    answer = speeches(debate)[-1]
    assert (who(debate, answer), answer.role) == ("Keir Starmer", "The Prime Minister")
    assert not reporter.diagnostics


def test_an_office_alone_held_by_two_members_or_none_before_names_no_one() -> None:
    page = COMMONS_HEAD + (
        "The Minister of State, Home Office (Ann Minister)\n\nFirst answer.\n\n"
        "The Minister of State, Home Office (Bob Minister)\n\nSecond answer.\n\n"
        "The Minister of State, Home Office\n\nWhose answer is this?\n\n"
        "The Secretary of State for Widgets\n\nAnd whose is this?\n"
    )
    debate, reporter = read_text(page)
    assert [who(debate, s) for s in speeches(debate)] == ["Ann Minister", "Bob Minister"]
    assert "Whose answer" not in words_of(speeches(debate)[-1])
    assert [d.location for d in reporter.diagnostics if d.code == "TEXT_SPEAKER_LINE_UNREAD"] == ["line 15", "line 19"]


def test_the_chairs_title_alone_stays_the_chair_not_the_last_named_deputy() -> None:
    page = COMMONS_HEAD + (
        "Madam Deputy Speaker (Caroline Nokes)\n\nOrder.\n\n"
        "Jane Example (Northtown) (Lab)\n\nWords.\n\n"
        "Madam Deputy Speaker\n\nOrder, order.\n"
    )
    debate, _ = read_text(page)
    assert [who(debate, s) for s in speeches(debate)] == ["Caroline Nokes", "Jane Example", "Madam Deputy Speaker"]


@pytest.mark.parametrize(("printed", "clock"), [("12 noon", "12:00"), ("12.31 p.m.", "12:31"), ("12.5 a.m.", None)])
def test_noon_and_other_printed_times(printed: str, clock: str | None) -> None:
    debate, _ = read_text(HISTORIC_LORDS.format(time=printed, procedure="Motion agreed."))
    first = [i for i in debate.sections[0].items if isinstance(i, Speech)][0]
    assert first.time == clock


def test_hansards_longer_share_wording_also_marks_a_speaker_line() -> None:
    page = COMMONS_HEAD + (
        "Jane Example (Northtown) (Lab)\n\nShare this contribution\n\nFirst words.\n\n"
        "Not A Member Given Before\n\nShare this contribution\n\nWords of whom?\n"
    )
    debate, reporter = read_text(page)
    [speech] = speeches(debate)
    assert words_of(speech) == "First words."
    assert [d.code for d in reporter.diagnostics] == ["TEXT_SPEAKER_LINE_UNREAD"]
