"""The ParlParse reader, one test per trap in the records README (section 1), on trimmed real files."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import SHARED as SHARED_ROOT
from exporter import formats, record
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.model import (
    Debate,
    Division,
    Paragraph,
    ParagraphStyle,
    Procedural,
    ProceduralKind,
    Section,
    Speech,
    SpeechKind,
    Table,
    TableCell,
    block_runs,
    speeches,
    walk_items,
)
from exporter.options import ReadOptions
from exporter.readers import native, parlparse

DATA = Path(__file__).parent / "data" / "parlparse"
WESTMINSTER_HALL = DATA / "westminster2009-10-28a-excerpt.xml"
LORDS = DATA / "daylord2009-10-29a-excerpt.xml"
MODERN = DATA / "debates2023-03-28d-excerpt.xml"
SHARED = SHARED_ROOT / "records" / "parlparse"


def read(path: Path) -> Debate:
    return parlparse.read(path.read_bytes(), str(path), ReadOptions(), Reporter(str(path)))


def read_text(text: str, name: str = "test.xml") -> tuple[Debate, Reporter]:
    reporter = Reporter(name)
    return parlparse.read(text.encode("utf-8"), name, ReadOptions(), reporter), reporter


def speech_by_id(debate: Debate, gid_tail: str) -> Speech:
    return next(s for s in speeches(debate) if s.id and s.id.endswith(gid_tail))


def items_of(debate: Debate) -> list:
    return walk_items(debate.sections)


# --- trap 1: encoding and entities ---------------------------------------------------


def test_iso_8859_1_file_with_internal_dtd_entities_reads() -> None:
    debate = read(WESTMINSTER_HALL)
    opening = speech_by_id(debate, "71.2").paragraphs[0]
    assert isinstance(opening, Paragraph)
    assert "novelty—perhaps it is even the first time—that" in opening.text
    taylor = speech_by_id(debate, "71.5").paragraphs[0]
    assert '"10 Rillington Place"' in taylor.text
    assert not any("&mdash;" in block.text for s in speeches(debate) for block in s.paragraphs)


def test_modern_utf8_file_without_xml_declaration_reads() -> None:
    debate = read(MODERN)
    question = speech_by_id(debate, "809.9")
    assert "His Majesty’s inspectorate" in question.paragraphs[0].text
    assert "“Serious Further Offences”" in question.paragraphs[0].text


# --- trap 2: time format --------------------------------------------------------------


def test_three_digit_hours_are_normalised_and_unknown_times_are_none() -> None:
    debate = read(WESTMINSTER_HALL)
    assert speech_by_id(debate, "71.2").time == "09:30:00"
    motion = next(i for i in items_of(debate) if isinstance(i, Procedural) and i.id and i.id.endswith("71.1"))
    assert motion.time is None  # time="unknown"
    assert debate.sections[0].time is None
    modern = read(MODERN)
    assert speech_by_id(modern, "809.7").time is None  # time=""
    assert speech_by_id(modern, "907.0").time == "16:00:00"


def test_a_time_that_is_not_a_clock_time_is_reported_not_invented() -> None:
    debate, reporter = read_text(
        '<publicwhip><minor-heading id="uk.org.publicwhip/debate/2020-01-01a.1.0">T</minor-heading>'
        '<speech id="uk.org.publicwhip/debate/2020-01-01a.1.1" speakerid="uk.org.publicwhip/member/1" '
        'speakername="A Member" time="25:99"><p>Words.</p></speech></publicwhip>'
    )
    assert speeches(debate)[0].time is None
    assert [d.code for d in reporter.diagnostics] == ["parlparse-time"]


# --- trap 3: speaker identity can be missing --------------------------------------------


def test_unknown_speaker_keeps_the_printed_collective_name() -> None:
    debate = read(WESTMINSTER_HALL)
    several = speech_by_id(debate, "108.4")
    assert several.speaker is None
    assert several.label == "Several hon. Members"
    assert several.paragraphs[0].text == "rose—"
    assert speech_by_id(read(LORDS), "1274.6").label == "Noble Lords"


def test_modern_nospeaker_speech_that_names_members_is_not_dropped() -> None:
    several = speech_by_id(read(MODERN), "909.2")
    assert (several.speaker, several.label) == (None, "Several hon. Members")


def test_a_speech_with_no_name_at_all_is_labelled_unknown_speaker() -> None:
    debate, _ = read_text(
        '<publicwhip><minor-heading id="uk.org.publicwhip/debate/2020-01-01a.1.0">T</minor-heading>'
        '<speech id="uk.org.publicwhip/debate/2020-01-01a.1.1" speakerid="unknown" error="No match" url="">'
        "<p>Hear, hear.</p></speech></publicwhip>"
    )
    only = speeches(debate)[0]
    assert (only.speaker, only.label, only.url) == (None, "Unknown speaker", None)


# --- trap 4: split inline tags ------------------------------------------------------------


def test_split_italic_tags_become_one_run() -> None:
    debate = read(LORDS)
    motion = next(
        i for i in items_of(debate) if isinstance(i, Procedural) and i.id and i.id.endswith("1277.6")
    )
    title = motion.paragraphs[1]
    assert isinstance(title, Paragraph)
    assert len(title.runs) == 1
    assert title.runs[0].text == "Beverley Freemen Bill [HL]"
    assert title.runs[0].emphasis


def test_inline_styles_links_and_phrases_keep_their_text() -> None:
    debate = read(LORDS)
    runs = [
        run
        for item in items_of(debate)
        if isinstance(item, Procedural)
        for b in item.paragraphs
        for run in block_runs(b)
    ]
    link = next(run for run in runs if run.text == "Main Bill Page")
    assert link.link == "http://services.parliament.uk/bills/2008-09/coronersandjustice.html"
    strong = next(run for run in runs if run.text.startswith("131:"))
    assert strong.strong and not strong.emphasis
    myners = speech_by_id(debate, "1265.2").paragraphs[0]
    assert "On 31 March 2009, the figure stood at £27.7 billion." in myners.text  # phrase class=date


# --- trap 5: chair lines inside headings ------------------------------------------------


def test_chair_note_is_separated_from_the_heading_title() -> None:
    debate = read(WESTMINSTER_HALL)
    first, second = debate.sections[0], debate.sections[1]
    assert (first.title, first.chair) == ("Death Penalty (Global Abolition)", "Mr. Joe Benton")
    assert (second.title, second.chair) == ("Sri Lanka (IDP Camps)", "Dr. William McCrea")
    assert debate.sections[2].chair is None


def test_lords_heading_keeps_its_italic_suffix_as_text() -> None:
    assert read(LORDS).sections[0].title == "Government: Debts — Question"


# --- trap 6: tables inside speeches ------------------------------------------------------


def test_tables_inside_speeches_become_tables() -> None:
    debate = read(LORDS)
    tables = [
        b
        for item in items_of(debate)
        if isinstance(item, Procedural)
        for b in item.paragraphs
        if isinstance(b, Table)
    ]
    assert len(tables) == 3
    first = tables[0]
    assert len(first.rows) == 10 and all(len(row) == 2 for row in first.rows)
    assert first.rows[0][0].text == '"Broadcasting Act 1990 (c. 42)'
    assert first.rows[4][0] == TableCell()  # an empty cell stays an empty cell
    assert first.header_rows == 0  # the record shows no header: none is made up
    assert not any(cell.header for row in first.rows for cell in row)


# --- trap 7: attribute and root variants -------------------------------------------------


def test_speakerid_and_person_id_both_identify_speakers() -> None:
    old = read(WESTMINSTER_HALL)
    assert speech_by_id(old, "71.2").speaker == "uk.org.publicwhip/member/2006"
    assert old.speaker("uk.org.publicwhip/member/2006").name == "Alistair Carmichael"
    modern = read(MODERN)
    assert speech_by_id(modern, "809.8").speaker == "uk.org.publicwhip/person/24815"
    assert modern.speaker("uk.org.publicwhip/person/24815").name == "Dominic Raab"


def test_openaustralia_debates_root_and_talktype_are_read() -> None:
    debate, _ = read_text(
        '<debates><major-heading id="uk.org.publicwhip/debate/2009-11-23.1.1">Bills</major-heading>'
        '<speech id="uk.org.publicwhip/debate/2009-11-23.1.2" speakername="Mr ABBOTT" talktype="interjection" '
        'speakerid="uk.org.publicwhip/member/1"><p>Rubbish!</p></speech></debates>'
    )
    assert speeches(debate)[0].kind is SpeechKind.INTERVENTION


def test_office_packed_into_speakername_is_split() -> None:
    debate, _ = read_text(
        '<publicwhip><major-heading id="uk.org.publicwhip/spor/2004-01-01.1.0">Business</major-heading>'
        '<speech id="uk.org.publicwhip/spor/2004-01-01.1.1" speakername="The Deputy Presiding Officer '
        '(Alasdair Morgan)" speakerid="uk.org.publicwhip/member/80089"><p>Order.</p></speech></publicwhip>'
    )
    speech = speeches(debate)[0]
    assert speech.role == "The Deputy Presiding Officer"
    assert debate.speaker(speech.speaker).name == "Alasdair Morgan"
    assert debate.house == "Scottish Parliament"


# --- speeches, kinds, procedure ------------------------------------------------------------


def test_modern_type_attribute_gives_the_speech_kind() -> None:
    debate = read(MODERN)
    kinds = {
        s.id.rsplit(".", 2)[-2] + "." + s.id.rsplit(".", 1)[-1]: s.kind for s in speeches(debate) if s.id
    }
    assert kinds["809.7"] is SpeechKind.QUESTION
    assert kinds["809.8"] is SpeechKind.ANSWER
    assert kinds["809.9"] is SpeechKind.QUESTION  # Start SupplementaryQuestion
    assert kinds["907.0"] is SpeechKind.INTERVENTION
    assert kinds["961.3"] is SpeechKind.INTERVENTION  # Continuation Intervention
    assert kinds["959.4"] is SpeechKind.POINT_OF_ORDER
    assert kinds["809.11"] is SpeechKind.SPEECH  # no type: never inferred in a typed file


def test_old_commons_file_infers_interventions_between_two_speeches_by_one_member() -> None:
    debate = read(WESTMINSTER_HALL)
    assert speech_by_id(debate, "71.3").kind is SpeechKind.INTERVENTION  # "Come over here!"
    assert speech_by_id(debate, "71.5").kind is SpeechKind.INTERVENTION
    assert speech_by_id(debate, "71.4").kind is SpeechKind.SPEECH
    # "Will the hon. Lady give way?" / "I will, but ..." / the question: the reply is no intervention
    assert speech_by_id(debate, "106.3").kind is SpeechKind.INTERVENTION
    assert speech_by_id(debate, "106.4").kind is SpeechKind.SPEECH


def test_lords_question_time_is_not_mistaken_for_interventions() -> None:
    # speeches, and the oral questions the record's headings show (tests/test_lords_questions.py)
    assert {s.kind for s in speeches(read(LORDS))} <= {SpeechKind.SPEECH, SpeechKind.QUESTION}


def test_nospeaker_speeches_are_procedural_with_a_kind() -> None:
    debate = read(WESTMINSTER_HALL)
    procedure = [i for i in items_of(debate) if isinstance(i, Procedural)]
    motion = procedure[0]
    assert motion.kind is ProceduralKind.MOTION
    assert (
        motion.paragraphs[0].text
        == "Motion made, and Question proposed, That the sitting be now adjourned.—(Mr. Watts.)"
    )
    suspended = next(p for p in procedure if p.paragraphs[0].text.startswith("Sitting suspended"))
    assert suspended.kind is ProceduralKind.INTERRUPTION


def test_italic_lines_end_a_members_speech_and_become_procedure() -> None:
    debate = read(WESTMINSTER_HALL)
    items = debate.sections[2].items
    mole, decision, adjourned = items[-3:]
    assert isinstance(mole, Speech) and mole.id and mole.id.endswith("139.1")
    assert mole.paragraphs[-1].text.startswith("The Department plans")
    assert isinstance(decision, Procedural) and decision.kind is ProceduralKind.DECISION
    assert [p.text for p in decision.paragraphs] == ["Question put and agreed to."]
    assert isinstance(adjourned, Procedural) and adjourned.kind is ProceduralKind.INTERRUPTION
    assert [p.text for p in adjourned.paragraphs] == ["Sitting adjourned."]


def test_a_speech_that_is_all_italic_stays_the_members_in_italics() -> None:
    rose = speech_by_id(read(WESTMINSTER_HALL), "107.1")
    assert rose.speaker == "uk.org.publicwhip/member/1572"
    assert [(r.text, r.emphasis) for r in rose.paragraphs[0].runs] == [("rose—", True)]


def test_motion_text_and_indented_quotations_are_styled() -> None:
    modern = read(MODERN)
    assert speech_by_id(modern, "909.4").paragraphs[-1].style is ParagraphStyle.MOTION
    lords = read(LORDS)
    indented = [  # "That this House resolves …", moved, indented in the record
        block
        for item in walk_items(lords.sections)
        if isinstance(item, Procedural)
        for block in item.paragraphs
        if isinstance(block, Paragraph) and block.text.startswith("That this House resolves")
    ]
    assert indented and {block.style for block in indented} == {ParagraphStyle.QUOTE}
    # an oral question's words, indented as the order paper gives them, are the question itself
    question = speech_by_id(lords, "1265.1")
    assert question.kind is SpeechKind.QUESTION and question.paragraphs[0].style is ParagraphStyle.BODY


def test_constituency_named_in_the_text_fills_in_the_speaker() -> None:
    debate = read(WESTMINSTER_HALL)
    assert debate.speaker("uk.org.publicwhip/member/2006").constituency == "Orkney and Shetland"
    assert debate.speaker("uk.org.publicwhip/member/2006").party is None  # never guessed
    modern = read(MODERN)
    assert modern.speaker("uk.org.publicwhip/person/10785").constituency == "Orkney and Shetland"


# --- divisions ------------------------------------------------------------------------------


def test_lords_division_with_tellers() -> None:
    division = next(i for i in items_of(read(LORDS)) if isinstance(i, Division))
    assert [(c.side, c.value) for c in division.counts] == [("content", 56), ("not-content", 74)]
    assert len(division.votes) == 130
    assert sum(v.side == "content" for v in division.votes) == 56
    tellers = [v.name for v in division.votes if v.teller]
    assert tellers == [
        "Lee of Trafford, L.",
        "Roberts of Llandudno, L.",
        "Davies of Oldham, L.",
        "Tunnicliffe, L.",
    ]
    assert division.number == "1" and division.column == "1298" and division.time == "13:07:00"
    assert division.votes[0].speaker == "uk.org.publicwhip/lord/100004"


def test_commons_division_keeps_proxies() -> None:
    division = next(i for i in items_of(read(MODERN)) if isinstance(i, Division))
    assert [(c.side, c.value) for c in division.counts] == [("ayes", 242), ("noes", 309)]
    abbott = division.votes[0]
    assert (abbott.name, abbott.side, abbott.proxy) == (
        "Diane Abbott",
        "aye",
        "uk.org.publicwhip/person/25856",
    )
    assert [v.name for v in division.votes if v.teller] == ["Julie Marson", "Mike Wood"]


# --- the sitting ------------------------------------------------------------------------------


def test_date_house_and_place_come_from_the_gids() -> None:
    hall = read(WESTMINSTER_HALL)
    assert (hall.date, hall.house, hall.location) == (
        dt.date(2009, 10, 28),
        "House of Commons",
        "Westminster Hall",
    )
    assert hall.title == ""  # a day file has no title: the briefing names it (tests/test_titles.py)
    assert hall.source.publisher == "TheyWorkForYou"
    assert hall.source.licence == "Open Parliament Licence v3.0"
    assert hall.source.reference == "uk.org.publicwhip/westminhall/2009-10-28a"
    assert (
        hall.source.url
        == "http://www.publications.parliament.uk/pa/cm200809/cmhansrd/cm091028/halltext/91028h0001.htm"
    )
    lords = read(LORDS)
    assert (lords.house, lords.location, lords.title) == ("House of Lords", "Lords Chamber", "")


def test_a_file_name_never_gives_the_date_or_the_place() -> None:
    debate, reporter = read_text(
        '<publicwhip><minor-heading id="a">Ferries</minor-heading><speech id="b" speakername="A" '
        'speakerid="uk.org.publicwhip/member/1"><p>Words.</p></speech></publicwhip>',
        name="records/westminster2010-01-12a.xml",
    )
    assert (debate.date, debate.house, debate.location, debate.profile) == (None, None, None, None)
    assert debate.title == "Ferries"  # one debate: its own title
    assert {x.code for x in reporter.diagnostics} == {"parlparse-no-date", "parlparse-series"}


def test_addresses_give_the_series_and_date_when_the_ids_do_not() -> None:
    debate, _ = read_text(
        '<publicwhip><minor-heading id="a" url="http://www.publications.parliament.uk/pa/cm200910/cmhansrd/'
        'cm100112/halltext/100112h0001.htm#1">Ferries</minor-heading></publicwhip>',
        name="records/debates2099-01-01a.xml",
    )
    assert (debate.date, debate.location) == (dt.date(2010, 1, 12), "Westminster Hall")


def test_westminster_hall_has_top_level_minor_headings_and_wh_columns() -> None:
    debate = read(WESTMINSTER_HALL)
    assert [s.title for s in debate.sections] == [
        "Death Penalty (Global Abolition)",
        "Sri Lanka (IDP Camps)",
        "Dartford River Crossing",
    ]
    assert speech_by_id(debate, "71.2").column == "71WH"


def test_minor_headings_nest_in_major_headings() -> None:
    debate = read(MODERN)
    assert [s.title for s in debate.sections] == [
        "Business Before Questions",
        "Oral Answers to Questions",
        "Justice",
    ]
    justice = debate.sections[2]
    nested = [i.title for i in justice.items if isinstance(i, Section)]
    assert nested == ["Violence against Women and Girls", "Clause 7 - Further provisions about removal"]


def test_detected_by_content_not_by_name() -> None:
    for path in (WESTMINSTER_HALL, LORDS, MODERN):
        found = formats.detect(path.read_bytes())
        assert found is not None and found.name == "parlparse"


# --- bad input ----------------------------------------------------------------------------------


def test_malformed_xml_is_refused_with_a_line_number() -> None:
    broken = b'<publicwhip>\n<speech id="x">\n<p>Unclosed\n</speech>\n</publicwhip>\n'
    with pytest.raises(InputError) as caught:
        parlparse.read(broken, "broken.xml", ReadOptions(), Reporter())
    assert caught.value.location and re.fullmatch(r"line \d+", caught.value.location)
    assert "not well-formed" in caught.value.message


def test_other_xml_is_refused_with_what_it_is() -> None:
    with pytest.raises(InputError, match="root element is <TEI>"):
        parlparse.read(b"<TEI><text/></TEI>", "x.xml", ReadOptions(), Reporter())


def test_entity_amplification_is_refused() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE publicwhip [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    )
    for n in range(1, 8):
        prev = "a" if n == 1 else f"e{n - 1}"
        laughs += f'<!ENTITY e{n} "{("&" + prev + ";") * 10}">'.encode()
    laughs += b"]><publicwhip><speech><p>&e7;</p></speech></publicwhip>"
    with pytest.raises(InputError):
        parlparse.read(laughs, "laughs.xml", ReadOptions(), Reporter())


def test_empty_file_is_refused() -> None:
    with pytest.raises(InputError, match="no headings"):
        parlparse.read(b'<publicwhip scrapeversion="a"></publicwhip>', "empty.xml", ReadOptions(), Reporter())


# --- nothing spoken is lost -------------------------------------------------------------------------


def source_words(data: bytes) -> tuple[list[str], set[str]]:
    """An independent reading: every speech paragraph and table cell, in order, by plain lxml."""
    parser = etree.XMLParser(resolve_entities=True, load_dtd=False, no_network=True)
    root = etree.fromstring(data, parser)
    words: list[str] = []
    for block in root.xpath("//speech/p | //speech/table"):
        words.extend("".join(block.itertext()).split())
    names = {s.get("speakername") for s in root.iter("speech") if s.get("speakername")}
    return words, names


def model_words(debate: Debate) -> list[str]:
    words: list[str] = []
    for item in walk_items(debate.sections):
        if isinstance(item, (Speech, Procedural)):
            for block in item.paragraphs:
                if isinstance(block, Table):
                    for row in block.rows:
                        for cell in row:
                            words.extend("".join(r.text for r in cell.runs).split())
                else:
                    words.extend(block.text.split())
    return words


def assert_nothing_spoken_is_lost(data: bytes, debate: Debate) -> None:
    expected, names = source_words(data)
    found = model_words(debate)
    pool: dict[str, int] = {}
    for word in found:
        pool[word] = pool.get(word, 0) + 1
    present = 0
    for word in expected:
        if pool.get(word, 0) > 0:
            pool[word] -= 1
            present += 1
    assert present / len(expected) >= 0.99, f"{present} of {len(expected)} words found"
    joined = " " + " ".join(found) + " "
    position, in_order, windows = 0, 0, 0
    for start in range(0, len(expected) - 5, 6):
        windows += 1
        at = joined.find(" " + " ".join(expected[start : start + 6]) + " ", position)
        if at >= 0:
            in_order += 1
            position = at + 1
    assert in_order / windows >= 0.99, f"{in_order} of {windows} six-word runs found in order"
    shown = {s.name for s in debate.speakers} | {s.label for s in speeches(debate) if s.label}
    assert names <= shown, names - shown


@pytest.mark.parametrize("path", [WESTMINSTER_HALL, LORDS, MODERN], ids=lambda p: p.name)
def test_nothing_spoken_is_lost(path: Path) -> None:
    assert_nothing_spoken_is_lost(path.read_bytes(), read(path))


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared records are not present")
@pytest.mark.parametrize("name", ["westminhall_westminster2009-10-28a.xml", "lords_daylord2009-10-29a.xml"])
def test_full_shared_records_lose_nothing(name: str) -> None:
    data = (SHARED / name).read_bytes()
    debate = parlparse.read(data, name, ReadOptions(), Reporter(name))
    assert_nothing_spoken_is_lost(data, debate)
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=True, load_dtd=False))
    with_speaker = [s for s in root.iter("speech") if s.get("speakername")]
    assert len(speeches(debate)) == len(with_speaker)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared records are not present")
def test_a_one_megabyte_day_reads_whole() -> None:
    # How long it takes is measured by benchmarks/bench_parlparse.py, not asserted here.
    data = (SHARED / "westminhall_westminster2009-10-28a.xml").read_bytes()
    head, _, rest = data.partition(b"<publicwhip")
    opening, _, body = rest.partition(b">")
    body = body.rpartition(b"</publicwhip>")[0]
    copies = 1_000_000 // len(body) + 1
    big = head + b"<publicwhip" + opening + b">" + body * copies + b"</publicwhip>"
    one = parlparse.read(data, "one.xml", ReadOptions(), Reporter())
    many = parlparse.read(big, "big.xml", ReadOptions(), Reporter())
    assert len(speeches(many)) == copies * len(speeches(one))


# --- round trip through our record format ----------------------------------------------------------


@pytest.mark.parametrize("path", [WESTMINSTER_HALL, LORDS, MODERN], ids=lambda p: p.name)
def test_round_trip_through_our_json_gives_the_same_debate(path: Path) -> None:
    debate = read(path)
    data = json.dumps(record.to_dict(debate), ensure_ascii=False).encode("utf-8")
    assert native.read(data, "record.json", ReadOptions(), Reporter()) == debate


def test_a_chair_note_between_speeches_is_chair_procedure() -> None:
    debate, _ = read_text(
        '<publicwhip><minor-heading id="uk.org.publicwhip/debate/2020-01-01a.1.0">T</minor-heading>'
        '<speech id="uk.org.publicwhip/debate/2020-01-01a.1.1" nospeaker="true">'
        '<p class="italic">[Mr Deputy Speaker in the Chair]</p></speech></publicwhip>'
    )
    note = debate.sections[0].items[0]
    assert isinstance(note, Procedural) and note.kind is ProceduralKind.CHAIR


def test_place_holders_give_the_column_and_time_of_what_follows() -> None:
    debate, _ = read_text(
        '<publicwhip><major-heading id="uk.org.publicwhip/spor/2004-01-14.20527.0">Business</major-heading>'
        '<place-holder colnum="20529"/><place-holder time="14:30"/>'
        '<speech id="uk.org.publicwhip/spor/2004-01-14.20529.1" speakername="A" '
        'speakerid="uk.org.publicwhip/member/80001"><p>Words.</p></speech></publicwhip>'
    )
    speech = speeches(debate)[0]
    assert (speech.column, speech.time) == ("20529", "14:30")


def test_openaustralia_chambers_and_bill_lists() -> None:
    debate, reporter = read_text(
        '<debates><major-heading id="uk.org.publicwhip/lords/2000-01-01.1.1">BILLS</major-heading>'
        '<bills><bill id="r1" url="https://www.aph.gov.au/r1">Tax Bill 2000</bill></bills>'
        '<speech id="uk.org.publicwhip/lords/2000-01-01.1.2" speakerid="101" speakername="james" '
        'talktype="speech" time="9:00"><p>This is a speech</p></speech></debates>'
    )
    assert debate.house == "Senate"
    note = debate.sections[0].items[0]
    assert isinstance(note, Procedural) and note.kind is ProceduralKind.NOTE
    assert note.paragraphs[0].runs[0].link == "https://www.aph.gov.au/r1"
    assert speeches(debate)[0].time == "09:00"
    assert reporter.diagnostics == []


def test_oral_question_number_is_kept() -> None:
    debate = read(MODERN)
    first = next(s for s in speeches(debate) if s.id == "uk.org.publicwhip/debate/2023-03-28d.809.7")
    assert first.number == "1"
