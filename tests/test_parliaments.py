"""Parliament profiles (exporter.parliaments): data per parliament and series, read by
citations and the Sources section, kept by our record format."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA
from exporter import document as d
from exporter import parliaments, record
from exporter.citations import choose, cite, cite_columns
from exporter.cli import main
from exporter.compose import compose
from exporter.diagnostics import Reporter
from exporter.errors import RecordErrors
from exporter.model import Debate, ListBlock, ListEntry, Paragraph, Run, Section, Source, Speaker, Speech
from exporter.options import ComposeOptions
from exporter.parliaments import ColumnMark


def debate(profile: str | None, **fields) -> Debate:
    date = fields.pop("date", dt.date(2009, 10, 29))
    items = fields.pop("items", ())
    fields.setdefault("language", "en-GB")  # a record in our format that gives none is en-GB
    return Debate("A sitting", (Section("A sitting", items),), date=date, profile=profile, **fields)


def speech(column: str | None = None, **fields) -> Speech:
    return Speech("s1", fields.pop("speaker", None), (Paragraph((Run("Words."),)),), column=column, **fields)


# --- the registry ---------------------------------------------------------------------------


def test_every_form_and_licence_names_its_source() -> None:
    for profile in parliaments.PROFILES:
        assert profile.citations, profile.key
        for form in profile.citations:
            assert form.source.strip(), (profile.key, form.style)
        if profile.licence is not None:
            assert profile.licence.source.strip() and profile.licence.url.startswith("https://")


def test_every_profile_can_always_cite_in_some_form() -> None:
    for profile in parliaments.PROFILES:
        assert any(form.head_for({}) is not None for form in profile.citations), profile.key


def test_keys_are_unique_and_found() -> None:
    keys = parliaments.keys()
    assert len(keys) == len(set(keys))
    assert parliaments.find("uk-lords-written-answers").column_mark == ColumnMark("WA", prefix=True)
    assert parliaments.find("nowhere") is None


@pytest.mark.parametrize(
    ("house", "location", "key"),
    [
        ("House of Commons", "Westminster Hall", "uk-commons-westminster-hall"),
        ("Commons", "Commons Chamber", "uk-commons"),
        ("House of Commons", None, "uk-commons"),
        ("House of Commons", "Somewhere new", "uk-commons"),
        ("House of Lords", "Grand Committee", "uk-lords-grand-committee"),
        ("House of Lords", "Written Answers", "uk-lords-written-answers"),
        ("Scottish Parliament", None, "scottish-parliament"),
        ("Scottish Parliament", "Written Answers", "scottish-parliament-written-answers"),
        ("Senedd Cymru - Welsh Parliament", None, "senedd"),
        ("Senedd Cymru", None, "senedd"),  # no language given: the first version
        ("Senedd", "Cyfarfod Llawn", "senedd"),
        ("Senate", None, None),  # any parliament's senate: only a reader that knows says which
        ("National Assembly", None, None),
        (None, "Westminster Hall", None),
    ],
)
def test_a_house_and_place_match_a_profile(house: str | None, location: str | None, key: str | None) -> None:
    found = parliaments.match(house, location)
    assert (found.key if found else None) == key


@pytest.mark.parametrize(
    ("url", "key"),
    [
        (
            "http://www.publications.parliament.uk/pa/cm200809/cmhansrd/cm091028/halltext/91028h0001.htm#1",
            "uk-commons-westminster-hall",
        ),
        (
            "http://www.publications.parliament.uk/pa/ld200809/ldhansrd/text/91026w0001.htm#0910",
            "uk-lords-written-answers",
        ),
        (
            "http://www.publications.parliament.uk/pa/ld200809/ldhansrd/text/91026-wms0001.htm#09",
            "uk-lords-written-statements",
        ),
        ("http://www.publications.parliament.uk/pa/ld200809/ldhansrd/text/91026-0001.htm", "uk-lords"),
        (
            "http://www.publications.parliament.uk/pa/cm200809/cmpublic/childpoverty/091029/am/91029s01.htm",
            "uk-commons-public-bill-committee",
        ),
        (
            "http://parlinfo.aph.gov.au/parlInfo/search/display/display.w3p;query=Dataset%3Ahansards,"
            "hansards80%20Date%3A20%2F9%2F2007;rec=0",
            "au-senate",
        ),
        ("https://example.org/hansard", None),
    ],
)
def test_official_record_addresses_name_their_series(url: str, key: str | None) -> None:
    found = parliaments.by_url(url)
    assert (found.key if found else None) == key


@pytest.mark.parametrize(
    ("house", "url", "language", "key"),
    [
        ("Senedd Cymru", None, "cy", "senedd-cy"),
        ("Senedd Cymru", None, "en-GB", "senedd"),
        ("Senedd", None, "cy", "senedd-cy"),
        ("Senedd", None, "en-GB", "senedd"),
        ("Welsh Parliament", None, "cy", "senedd-cy"),
        ("Senedd Cymru – Welsh Parliament", None, "cy-GB", "senedd-cy"),
        ("Senedd Cymru – Welsh Parliament", None, "en", "senedd"),
        (None, "https://record.senedd.cymru/Plenary/13769", "cy", "senedd-cy"),
        (None, "https://record.senedd.cymru/Plenary/13769", "en-GB", "senedd"),
        (None, "https://record.senedd.wales/Plenary/13769", "cy", "senedd-cy"),
        (None, "https://record.senedd.wales/Plenary/13769", "en-GB", "senedd"),
        (None, "https://record.assembly.wales/Plenary/5107", "en-GB", "senedd"),
        (None, "https://cofnod.cynulliad.cymru/Plenary/5107", "cy", "senedd-cy"),
        ("Scottish Parliament", None, "cy", "scottish-parliament"),  # no Welsh version: the one there is
        (None, "https://example.org/record", "cy", "generic"),
    ],
)
def test_a_record_s_profile_is_found_from_its_house_or_address_in_either_language_and_its_language_chooses_the_version(
    house: str | None, url: str | None, language: str, key: str
) -> None:
    """A record in our format that names no profile: the house's names in the parliament's
    languages, else the official record's hosts in each, find the parliament; the record's
    language chooses the version of its profile."""
    found = parliaments.profile_of(debate(None, house=house, language=language, source=Source(url=url)))
    assert found.key == key


def test_a_welsh_record_in_our_format_gets_the_welsh_senedd_profile_in_its_sources() -> None:
    found = record.from_dict(
        (
            {
                "format": "debate-exporter/1",
                "title": "Cwestiynau i'r Prif Weinidog",
                "date": "2024-03-12",
                "house": "Senedd Cymru",
                "language": "cy",
                "source": {"url": "https://record.senedd.cymru/Plenary/13769"},
                "speakers": [{"id": "a", "name": "Aelod Enghreifftiol"}],
                "sections": [
                    {"title": "Cwestiynau", "items": [{"type": "speech", "speaker": "a", "paragraphs": ["Diolch."]}]}
                ],
            }
        ),
        "senedd.json",
    )
    assert parliaments.profile_of(found).key == "senedd-cy"
    document = compose(found, ComposeOptions(summary="none"), Reporter()).document
    text = " ".join(d.plain_text(b.children) for b in document.blocks if isinstance(b, d.Paragraph))
    assert "Senedd Cymru – Welsh Parliament" in text  # the parliament, named
    assert "Cofnod y Trafodion" in text  # its publisher, in the record's language


@pytest.mark.parametrize(
    ("mark", "column", "printed"),
    [
        (ColumnMark("WH"), "98", "98WH"),
        (ColumnMark("WH"), "98WH", "98WH"),
        (ColumnMark("WS"), "15WS", "15WS"),
        (ColumnMark("W"), "209W", "209W"),
        (ColumnMark("WA", prefix=True), "171", "WA171"),
        (ColumnMark("WA", prefix=True), "171WA", "WA171"),
        (ColumnMark("WA", prefix=True), "WA 171", "WA171"),
        (ColumnMark("WH"), "n/a", "n/a"),
    ],
)
def test_a_column_gets_its_series_mark_once(mark: ColumnMark, column: str, printed: str) -> None:
    assert mark.printed(column) == printed


# --- citations in each parliament's form -------------------------------------------------------


def test_oscola_forms_of_westminster_series() -> None:
    assert cite(debate("uk-commons-westminster-hall", date=dt.date(2009, 10, 28)), speech("71")) == (
        "HC Deb 28 October 2009, col 71WH"
    )
    assert cite(debate("uk-lords-written-answers"), speech("171")) == "HL Deb 29 October 2009, col WA171"
    statements = debate("uk-commons-written-statements", date=dt.date(2009, 10, 28))
    assert cite_columns(statements, ["15WS", "16WS"]) == "HC Deb 28 October 2009, cols 15–16WS"
    assert cite(debate("uk-commons-written-answers", date=dt.date(2009, 10, 27)), speech("209W")) == (
        "HC Deb 27 October 2009, col 209W"
    )


def test_committees_are_cited_by_their_bill_or_letter() -> None:
    committee = debate("uk-commons-public-bill-committee", bill="Child Poverty Bill")
    assert cite(committee, speech("213")) == "Child Poverty Bill Deb 29 October 2009, col 213"
    standing = debate("uk-commons-standing-committee", committee="A", date=dt.date(1998, 5, 13))
    assert cite(standing, speech("345")) == "SC Deb (A) 13 May 1998, col 345"


def test_a_form_whose_facts_the_record_lacks_is_not_used() -> None:
    nameless = debate(
        "uk-commons-public-bill-committee", house="House of Commons", location="Public Bill Committee"
    )
    assert choose(nameless).form.style == "neutral"
    assert "bill" in (choose(nameless).note or "")
    assert cite(nameless, speech("213")) == (
        "Parliament of the United Kingdom, House of Commons, Public Bill Committee, 29 October 2009, col 213"
    )


def test_aglc_for_the_parliament_of_australia_without_a_page_the_record_lacks() -> None:
    senate = debate(
        "au-senate",
        date=dt.date(2007, 9, 20),
        house="Senate",
        speakers=(Speaker("uk.org.publicwhip/lord/100232", "John Odin Wentworth Watson"),),
    )
    assert cite(senate, speech(speaker="uk.org.publicwhip/lord/100232")) == (
        "Commonwealth, Parliamentary Debates, Senate, 20 September 2007 (John Odin Wentworth Watson)"
    )
    assert cite(senate, None) == "Commonwealth, Parliamentary Debates, Senate, 20 September 2007"
    assert (
        cite_columns(senate, ["39", "140"])
        == "Commonwealth, Parliamentary Debates, Senate, 20 September 2007, 39–140"
    )


def test_scottish_written_answers_are_pinpointed_by_question_number() -> None:
    answers = debate("scottish-parliament-written-answers", date=dt.date(2009, 10, 26))
    assert (
        cite(answers, speech(number="S3W-28257"))
        == "Official Report, Written Answers, 26 October 2009; S3W-28257"
    )
    assert cite(answers, speech(number="S3W-28257"), "neutral") == (
        "Scottish Parliament, 26 October 2009, question S3W-28257"
    )


def test_a_parliament_whose_form_cannot_be_sourced_gets_the_neutral_form_with_its_url() -> None:
    assembly = debate("ni-assembly", date=dt.date(2009, 10, 12), source=Source(url="https://example.org/ni"))
    assert cite(assembly, None) == "Northern Ireland Assembly, 12 October 2009, https://example.org/ni"
    assert choose(assembly, "oscola").form.style == "neutral"


# --- the Sources section reads the profile --------------------------------------------------------


def sources_text(debate: Debate, options: ComposeOptions | None = None) -> tuple[str, Reporter]:
    reporter = Reporter("test")
    briefing = compose(debate, options or ComposeOptions(summary="none"), reporter)
    blocks = list(briefing.document.blocks)
    start = next(
        i for i, b in enumerate(blocks) if isinstance(b, d.Heading) and d.plain_text(b.children) == "Sources"
    )
    text = " ".join(d.plain_text(b.children) for b in blocks[start:] if isinstance(b, d.Paragraph))
    return text, reporter


def test_sources_give_the_parliaments_licence_and_never_another() -> None:
    uk, _ = sources_text(debate("uk-commons", house="House of Commons"))
    assert "Contains Parliamentary information licensed under the Open Parliament Licence v3.0." in uk
    australian, reporter = sources_text(debate("au-representatives", house="House of Representatives"))
    assert "Open Parliament" not in australian
    assert "Parliament of Australia (Hansard)" in australian
    assert "CC BY-NC-ND 3.0 AU" in australian
    assert "does not allow adapted material to be shared" in australian
    assert any(x.code == "licence-no-adaptation" for x in reporter.diagnostics)
    northern_irish, _ = sources_text(debate("ni-assembly"))
    assert "Licence" not in northern_irish and "licensed" not in northern_irish


def test_a_form_the_profile_does_not_offer_is_warned_about() -> None:
    _, reporter = sources_text(debate("au-senate"), ComposeOptions(summary="none", citation="oscola"))
    assert [x.message for x in reporter.diagnostics if x.code == "citation-form"] == [
        "citations: the au-senate profile offers aglc, neutral, not oscola; cited in aglc"
    ]


# --- our record format keeps the profile -----------------------------------------------------------


def test_profile_bill_and_committee_round_trip_through_our_json() -> None:
    original = debate("uk-commons-public-bill-committee", bill="Child Poverty Bill", committee=None)
    data = json.loads(json.dumps(record.to_dict(original)))
    assert data["profile"] == "uk-commons-public-bill-committee"
    assert record.from_dict(data, "r.json") == original


def test_an_unknown_profile_is_a_record_error() -> None:
    data = record.to_dict(debate("uk-commons"))
    data["profile"] = "atlantis"
    with pytest.raises(RecordErrors) as raised:
        record.from_dict(data, "r.json")
    assert "profile" in str(raised.value.lines()[0]) and "atlantis" in raised.value.lines()[0]


def test_lists_and_superseded_records_round_trip_through_our_json() -> None:
    listed = ListBlock(
        (
            ListEntry((Paragraph((Run("First instrument."),)),), "1."),
            ListEntry((Paragraph((Run("Second."),)),), "2."),
        ),
        ordered=False,
    )
    original = Debate(
        "A sitting",
        (Section("A sitting", (Speech("s1", None, (listed,), label="A Member"),)),),
        source=Source(superseded=True, successor="answers2009-10-26f.xml"),
        language="en-GB",
        profile="uk-commons-written-answers",
    )
    data = json.loads(json.dumps(record.to_dict(original)))
    assert data["source"] == {"superseded": True, "successor": "answers2009-10-26f.xml"}
    assert data["sections"][0]["items"][0]["paragraphs"][0] == {
        "list": {
            "items": [
                {"label": "1.", "paragraphs": ["First instrument."]},
                {"label": "2.", "paragraphs": ["Second."]},
            ]
        }
    }
    assert record.from_dict(data, "r.json") == original


@pytest.mark.parametrize(
    ("name", "text", "profile"),
    [
        ("web.txt", (DATA / "web-text" / "hansard-lookalike.txt").read_text(encoding="utf-8"), "uk-commons"),
        (
            "hall.yaml",
            "format: debate-exporter/1\ntitle: T\ndate: 2022-02-23\nhouse: House of Commons\n"
            "location: Westminster Hall\nsections:\n  - title: S\n"
            "    items: [{type: procedural, paragraphs: [Sitting.]}]\n",
            "uk-commons-westminster-hall",
        ),
        (
            "nowhere.yaml",
            "format: debate-exporter/1\ntitle: T\nhouse: Parliament of Nowhere\nsections:\n  - title: S\n"
            "    items: [{type: procedural, paragraphs: [Sitting.]}]\n",
            None,
        ),
    ],
)
def test_the_written_record_states_the_profile_its_house_and_place_matched(
    tmp_path: Path, name: str, text: str, profile: str | None
) -> None:
    # Found by a newcomer's trial: -f json wrote "profile": null for web text and our own
    # records though a profile was matched and used (citations, licence, column marks).
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "out" / f"{source.stem}.json").read_text(encoding="utf-8"))
    assert written.get("profile") == profile
