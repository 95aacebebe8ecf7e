"""The Hansard API reader, one test per trap in the records README (section 2), on the real sample."""

from __future__ import annotations

import copy
import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from exporter import formats, record
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.model import (
    Debate,
    Paragraph,
    ParagraphStyle,
    Procedural,
    ProceduralKind,
    Section,
    Speech,
    SpeechKind,
    speeches,
    walk_items,
)
from exporter.options import ReadOptions
from exporter.readers import hansard_api, native
from exporter.readers._html import html_blocks, merge_runs
from exporter.readers.hansard_api_speakers import parse_attribution
from exporter.readers.parties import expand_party

DATA = Path(__file__).parent / "data" / "hansard-api"
DEBATE = DATA / "commons_adjournment_oil_refining_2026-01-14.json"
DIVISIONS = DATA / "commons_divisions_for_debate_sentencing_bill_2026-01-20.json"


def sample() -> dict[str, Any]:
    return json.loads(DEBATE.read_text(encoding="utf-8"))


def read_json(value: Any) -> Debate:
    return hansard_api.read(json.dumps(value).encode(), "test.json", ReadOptions(), Reporter("test.json"))


def read_sample() -> Debate:
    return hansard_api.read(DEBATE.read_bytes(), str(DEBATE), ReadOptions(), Reporter(str(DEBATE)))


def by_member(debate: Debate, member: str) -> list[Speech]:
    return [s for s in speeches(debate) if s.speaker == member]


# --- the overview ----------------------------------------------------------------------------


def test_overview_gives_title_date_house_location_volume_and_source() -> None:
    debate = read_sample()
    assert debate.title == "Oil Refining Sector"
    assert debate.date == dt.date(2026, 1, 14)
    assert (debate.house, debate.location) == ("House of Commons", "Commons Chamber")
    assert debate.source.volume == "778"
    assert debate.source.publisher == "UK Parliament Hansard"
    assert debate.source.licence == "Open Parliament Licence v3.0"
    assert debate.source.reference == "69FFB3CB-33EF-41DD-94B0-E8685BEB39EF"
    assert debate.source.url == (
        "https://hansard.parliament.uk/Commons/2026-01-14/debates/69FFB3CB-33EF-41DD-94B0-E8685BEB39EF/OilRefiningSector"
    )


def test_titles_lose_stray_leading_spaces() -> None:  # trap 6
    value = sample()
    value["Overview"]["Title"] = " Ukraine"
    assert read_json(value).title == "Ukraine"


# --- trap 1: HTML in strings ------------------------------------------------------------------


def test_html_values_become_runs_and_paragraphs() -> None:
    debate = read_sample()
    motion = next(
        i
        for i in walk_items(debate.sections)
        if isinstance(i, Procedural) and i.kind is ProceduralKind.MOTION
    )
    runs = motion.paragraphs[0].runs
    assert [(r.text, r.emphasis) for r in runs] == [
        ("Motion made, and Question proposed, ", True),
        ("That this House do now adjourn.", False),
        ("—(Stephen Morgan.)", True),
    ]
    opening = by_member(debate, "3957")[0]
    assert len(opening.paragraphs) == 2  # "\r\n\r\n" separates paragraphs
    assert opening.paragraphs[1].text.startswith("Before I turn to the specific issue")


def test_nested_emphasis_and_block_html_are_read() -> None:
    blocks = html_blocks("<em><em>The House divided:</em></em>")
    assert [(r.text, r.emphasis) for r in blocks[0].runs] == [("The House divided:", True)]
    blocks = html_blocks(
        "<p>One <strong>two</strong></p><p>Three&nbsp;four</p><blockquote>Quoted</blockquote>"
    )
    assert [b.text for b in blocks] == ["One two", "Three\u00a0four", "Quoted"]
    assert blocks[2].style is ParagraphStyle.QUOTE


def test_adjacent_runs_alike_are_merged_and_whitespace_collapsed() -> None:
    from exporter.model import Run

    runs = merge_runs(
        [Run("  Beverley Freem", emphasis=True), Run("e", emphasis=True), Run("n Bill  ", emphasis=True)]
    )
    assert runs == (Run("Beverley Freemen Bill", emphasis=True),)
    assert merge_runs([Run("a "), Run(" ", strong=True), Run(" b")]) == (Run("a b"),)


# --- trap 2: parsing AttributedTo ------------------------------------------------------------------


def test_constituency_and_party_are_carried_from_the_first_contribution() -> None:
    debate = read_sample()
    vickers = debate.speaker("3957")
    assert (vickers.name, vickers.constituency, vickers.party) == (
        "Martin Vickers",
        "Brigg and Immingham",
        "Conservative",
    )
    later = by_member(debate, "3957")[1]
    assert later.speaker == "3957"  # "Martin Vickers" alone, the same member
    assert debate.speaker("5196").party == "Labour"


def test_constituency_learnt_later_is_kept_for_the_member() -> None:
    value = sample()
    items = value["Items"]
    items[3]["AttributedTo"], items[5]["AttributedTo"] = items[5]["AttributedTo"], items[3]["AttributedTo"]
    vickers = read_json(value).speaker("3957")
    assert (vickers.constituency, vickers.party) == ("Brigg and Immingham", "Conservative")


def test_chair_form_names_the_member_in_the_chair() -> None:
    debate = read_sample()
    chair = by_member(debate, "4048")[0]
    assert chair.role == "Madam Deputy Speaker"
    assert chair.kind is SpeechKind.SPEECH
    speaker = debate.speaker("4048")
    assert (speaker.name, speaker.role) == ("Caroline Nokes", "Deputy Speaker")


@pytest.mark.parametrize(
    ("text", "name", "role", "constituency", "party"),
    [
        ("Sir Edward Leigh (Gainsborough) (Con)", "Sir Edward Leigh", None, "Gainsborough", "Conservative"),
        ("Lord Hanson of Flint (Lab)", "Lord Hanson of Flint", None, None, "Labour"),
        (
            "The Minister for Industry (Chris McDonald)",
            "Chris McDonald",
            "The Minister for Industry",
            None,
            None,
        ),
        ("The Earl of Erroll (CB)", "The Earl of Erroll", None, None, "Crossbench"),
        ("Jim Shannon (Strangford) (DUP)", "Jim Shannon", None, "Strangford", "Democratic Unionist Party"),
        ("Mr Speaker", "Mr Speaker", "Mr Speaker", None, None),
        ("Sir Christopher Chope (in the Chair)", "Sir Christopher Chope", "Chair", None, None),
    ],
)
def test_attribution_forms(
    text: str, name: str, role: str | None, constituency: str | None, party: str | None
) -> None:
    found = parse_attribution(text)
    assert (found.name, found.role, found.constituency, found.party) == (name, role, constituency, party)


def test_party_abbreviations_expand_and_unknown_ones_stay_as_printed() -> None:
    assert [expand_party(p) for p in ("Lab", "Con", "LD", "SNP", "PC", "Ind", "Reform", "Speaker")] == [
        "Labour",
        "Conservative",
        "Liberal Democrat",
        "Scottish National Party",
        "Plaid Cymru",
        "Independent",
        "Reform UK",
        "Speaker",
    ]
    assert expand_party(" Xyz ") == "Xyz"


# --- trap 3: null MemberId ---------------------------------------------------------------------------


def test_null_member_items_are_procedural_and_timestamps_are_kept() -> None:
    items = read_sample().sections[0].items
    assert isinstance(items[0], Procedural) and items[0].kind is ProceduralKind.MOTION
    assert isinstance(items[1], Procedural) and items[1].kind is ProceduralKind.TIME
    assert (items[1].time, items[1].paragraphs[0].text) == ("19:00:00", "19:00:00")


# --- trap 4: non-monotonic Timecode -----------------------------------------------------------------------


def test_items_follow_order_in_section_not_time_or_position() -> None:
    value = sample()
    value["Items"].reverse()
    debate = read_json(value)
    assert [s.speaker for s in speeches(debate)] == ["3957", "345", "3957", "5196", "4048"]
    assert [s.time for s in speeches(debate)][:3] == ["18:59:53", "18:10:14", "19:04:28"]


# --- trap 5: nesting -------------------------------------------------------------------------------------------


def test_child_debates_are_nested_sections() -> None:
    child = sample()
    parent = {
        "Overview": dict(child["Overview"], Title="Adjournment", ExtId="PARENT"),
        "Navigator": [],
        "Items": [],
        "ChildDebates": [child],
    }
    debate = read_json(parent)
    assert debate.title == "Adjournment"
    nested = debate.sections[0].items[0]
    assert isinstance(nested, Section) and nested.title == "Oil Refining Sector"
    assert len(speeches(debate)) == 5
    assert debate.speaker("3957").constituency == "Brigg and Immingham"


# --- trap 7: interventions are not flagged ------------------------------------------------------------------------


def test_interventions_are_inferred_from_alternating_speakers() -> None:
    kinds = [(s.speaker, s.kind) for s in speeches(read_sample())]
    assert kinds == [
        ("3957", SpeechKind.SPEECH),
        ("345", SpeechKind.INTERVENTION),
        ("3957", SpeechKind.SPEECH),
        ("5196", SpeechKind.SPEECH),  # the record ends before Martin Vickers resumes: not guessed
        ("4048", SpeechKind.SPEECH),
    ]


def test_lords_debates_are_not_given_inferred_interventions() -> None:
    value = sample()
    value["Overview"]["House"] = "Lords"
    assert {s.kind for s in speeches(read_json(value))} == {SpeechKind.SPEECH}


# --- columns ---------------------------------------------------------------------------------------------------------


def test_column_items_and_inline_markers_set_the_column_of_what_follows() -> None:
    value = sample()
    marker = '<span class="column-number" data-column-number="1038"></span>'
    value["Items"][5]["Value"] = value["Items"][5]["Value"].replace(
        " We are exporting", marker + " We are exporting"
    )
    debate = read_json(value)
    columns = [s.column for s in speeches(debate)]
    assert columns == ["1037", "1037", "1037", "1038", "1038"]
    resumed = by_member(debate, "3957")[1]
    assert "father of the house, who makes" in resumed.paragraphs[0].text.lower()
    assert "important point and strengthens the argument I was trying to make. We are exporting" in (
        resumed.paragraphs[0].text
    )


def test_quote_items_are_quotations() -> None:
    value = sample()
    value["Items"][5]["HRSTag"] = "hs_quote"
    resumed = by_member(read_json(value), "3957")[1]
    assert all(isinstance(p, Paragraph) and p.style is ParagraphStyle.QUOTE for p in resumed.paragraphs)


# --- refusals ------------------------------------------------------------------------------------------------------------


def test_divisions_only_response_is_refused_saying_what_it_is() -> None:
    with pytest.raises(InputError, match="divisions list"):
        hansard_api.read(DIVISIONS.read_bytes(), str(DIVISIONS), ReadOptions(), Reporter())


def test_invalid_json_is_refused_with_a_line() -> None:
    with pytest.raises(InputError) as caught:
        hansard_api.read(b'{"Overview": {\n"Title": }', "bad.json", ReadOptions(), Reporter())
    assert caught.value.location == "line 2 column 10"


def test_missing_title_is_refused_with_a_pointer() -> None:
    value = sample()
    del value["Overview"]["Title"]
    with pytest.raises(InputError) as caught:
        read_json(value)
    assert caught.value.location == "/Overview/Title"


def test_detected_by_content() -> None:
    found = formats.detect(DEBATE.read_bytes())
    assert found is not None and found.name == "hansard-api"


# --- nothing spoken is lost ----------------------------------------------------------------------------------------------------


def independent_words(value: dict[str, Any]) -> tuple[list[str], set[str]]:
    """Every Contribution's words (tags stripped by a regular expression) in OrderInSection order,
    and every printed attribution."""
    words: list[str] = []
    names: set[str] = set()
    for item in sorted(value["Items"], key=lambda i: i["OrderInSection"]):
        if item["ItemType"] != "Contribution":
            continue
        words.extend(html.unescape(re.sub(r"<[^>]+>", "", item["Value"] or "")).split())
        if item["AttributedTo"]:
            names.add(item["AttributedTo"])
    return words, names


def test_nothing_spoken_is_lost() -> None:
    value = sample()
    expected, names = independent_words(copy.deepcopy(value))
    debate = read_json(value)
    found = [
        word
        for item in walk_items(debate.sections)
        if isinstance(item, (Speech, Procedural))
        and not (isinstance(item, Procedural) and item.kind is ProceduralKind.TIME)
        for block in item.paragraphs
        for word in block.text.split()
    ]
    assert found == expected  # every word, in order: the sample holds no markup that moves words
    for printed in names:  # each printed attribution names a speaker the model holds
        assert any(speaker.name in printed for speaker in debate.speakers), printed


def test_round_trip_through_our_json_gives_the_same_debate() -> None:
    debate = read_sample()
    data = json.dumps(record.to_dict(debate), ensure_ascii=False).encode("utf-8")
    assert native.read(data, "record.json", ReadOptions(), Reporter()) == debate


def test_chair_note_item_becomes_the_sections_chair() -> None:
    value = sample()
    note = dict(value["Items"][1], Value="[Sir Roger Gale in the Chair]", OrderInSection=1, ExternalId="x")
    value["Items"].insert(1, note)
    section = read_json(value).sections[0]
    assert section.chair == "Sir Roger Gale"  # the chair's name, not the note
    assert section.column == "1037"
    assert not any(
        isinstance(i, Procedural) and "in the Chair" in i.paragraphs[0].text for i in section.items
    )


def test_a_contribution_attributed_to_no_member_keeps_its_printed_name() -> None:
    value = sample()
    value["Items"].append(
        dict(
            value["Items"][-1],
            MemberId=None,
            AttributedTo="Several hon. Members",
            Value="<em>rose—</em>",
            OrderInSection=9,
        )
    )
    several = speeches(read_json(value))[-1]
    assert (several.speaker, several.label, several.paragraphs[0].text) == (
        None,
        "Several hon. Members",
        "rose—",
    )


def test_divisions_list_is_detected_so_it_is_refused_clearly() -> None:
    found = formats.detect(DIVISIONS.read_bytes())
    assert found is not None and found.name == "hansard-api"


def test_a_question_keeps_its_uin() -> None:
    value = sample()
    contribution = next(item for item in value["Items"] if item.get("MemberId"))
    contribution["UIN"] = "904342"
    debate = read_json(value)
    numbered = [s for s in speeches(debate) if s.number]
    assert [s.number for s in numbered] == ["904342"]
