"""Speaker directories (--people): a ParlaMint listPerson/listOrg pair and a TheyWorkForYou
people.json, both in their published layouts, fill names, constituencies and parties."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import DATA
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.model import Debate, Section, Speaker, Speech
from exporter.options import ReadOptions
from exporter.people import load

PARLAMINT = DATA / "people" / "parlamint-gb"
LIST_PERSON = PARLAMINT / "ParlaMint-GB-listPerson.xml"
LIST_ORG = PARLAMINT / "ParlaMint-GB-listOrg.xml"
PEOPLE_JSON = DATA / "people" / "twfy" / "people.json"
RYAN_2009 = "uk.org.publicwhip/member/1572"  # a membership id, as old ParlParse files give it
RYAN = "uk.org.publicwhip/person/10515"  # the person id modern files give


def debate_with(*speakers: Speaker, date: dt.date | None = dt.date(2009, 10, 28)) -> Debate:
    items = tuple(Speech(id=None, speaker=s.id, paragraphs=()) for s in speakers)
    return Debate(title="A debate", sections=(Section("A debate", items),), speakers=speakers, date=date)


# --- ParlaMint listPerson + listOrg ------------------------------------------------------


def test_parlamint_listperson_names_people_and_finds_party_names_in_the_listorg_beside_it() -> None:
    directory = load(LIST_PERSON)
    laing = directory.lookup("EleanorLaing", dt.date(2022, 7, 21))
    assert laing == Speaker("EleanorLaing", "Eleanor Fulton Laing", party="Conservative")


def test_parlamint_party_is_chosen_by_the_sitting_date() -> None:
    directory = load(LIST_PERSON)
    assert directory.lookup("MayBlood", dt.date(2003, 1, 1)).party == "Crossbench"  # type: ignore[union-attr]
    assert directory.lookup("MayBlood", dt.date(2010, 1, 1)).party == "Labour"  # type: ignore[union-attr]
    # Lindsay Hoyle's Labour affiliation ends in 2019: the directory gives no party after it
    assert directory.lookup("LindsayHoyle", dt.date(2015, 1, 1)).party == "Labour"  # type: ignore[union-attr]
    assert directory.lookup("LindsayHoyle", dt.date(2022, 7, 21)).party is None  # type: ignore[union-attr]


def test_without_a_date_a_party_is_given_only_when_there_is_one() -> None:
    directory = load(LIST_PERSON)
    assert directory.lookup("RobertBlackman").party == "Conservative"  # type: ignore[union-attr]
    assert directory.lookup("MayBlood").party is None  # type: ignore[union-attr]  # two parties over time


def test_parlamint_listperson_without_its_listorg_gives_names_but_no_parties(tmp_path: Path) -> None:
    shutil.copy(LIST_PERSON, tmp_path / LIST_PERSON.name)
    directory = load(tmp_path / LIST_PERSON.name)
    assert directory.lookup("EleanorLaing", dt.date(2022, 7, 21)) == Speaker(
        "EleanorLaing", "Eleanor Fulton Laing"
    )


def test_parlamint_corpus_root_brings_in_its_lists_by_xinclude(tmp_path: Path) -> None:
    # the root holds no <person>: every name found came through an include
    shutil.copy(LIST_PERSON, tmp_path / "ParlaMint-GB-listPerson-copy.xml")
    shutil.copy(LIST_ORG, tmp_path / "ParlaMint-GB-listOrg-copy.xml")
    (tmp_path / "ParlaMint-GB.xml").write_text(
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        "<teiHeader><profileDesc><particDesc>"
        '<xi:include href="ParlaMint-GB-listOrg-copy.xml"/><xi:include href="ParlaMint-GB-listPerson-copy.xml"/>'
        '</particDesc></profileDesc></teiHeader><xi:include href="../elsewhere/ParlaMint-GB-listOrg.xml"/>'
        "</teiCorpus>",
        encoding="utf-8",
    )
    directory = load(tmp_path / "ParlaMint-GB.xml")
    assert directory.lookup("DavidRutley", dt.date(2022, 7, 21)) == Speaker(
        "DavidRutley", "David Rutley", party="Conservative"
    )


def test_parlamint_directory_fills_a_read_sitting() -> None:
    from exporter.readers import parlamint

    path = DATA / "parlamint" / "gb_ParlaMint-GB_2022-07-21-commons_trimmed.xml"
    debate = parlamint.read(path.read_bytes(), str(path), ReadOptions(people=LIST_PERSON), Reporter())
    filled = load(LIST_PERSON).apply(debate)
    assert [(s.id, s.name, s.party) for s in filled.speakers] == [
        ("LindsayHoyle", "Lindsay Hoyle", None),
        ("RobertBlackman", "Robert Blackman", "Conservative"),
        ("DavidRutley", "David Rutley", "Conservative"),
        ("EleanorLaing", "Eleanor Fulton Laing", "Conservative"),
    ]
    assert filled.sections == debate.sections  # only speaker facts change


# --- TheyWorkForYou people.json ------------------------------------------------------------


def test_people_json_fills_name_constituency_and_party_by_membership_id() -> None:
    directory = load(PEOPLE_JSON)
    assert directory.lookup(RYAN_2009, dt.date(2009, 10, 28)) == Speaker(
        RYAN_2009, "Joan Ryan", constituency="Enfield North", party="Labour"
    )


def test_people_json_party_follows_the_membership_of_the_day() -> None:
    directory = load(PEOPLE_JSON)
    assert directory.lookup(RYAN, dt.date(2009, 10, 28)).party == "Labour"  # type: ignore[union-attr]
    assert directory.lookup(RYAN, dt.date(2019, 6, 1)).party == "Change UK - The Independent Group"  # type: ignore[union-attr]
    assert directory.lookup(RYAN, dt.date(2012, 1, 1)).party is None  # type: ignore[union-attr]  # not an MP then


def test_people_json_names_by_date_including_partial_dates() -> None:
    directory = load(PEOPLE_JSON)
    bryant = "uk.org.publicwhip/person/10072"
    assert directory.lookup(bryant, dt.date(2001, 6, 1)).name == "Christopher Bryant"  # type: ignore[union-attr]
    assert directory.lookup(bryant, dt.date(2009, 10, 28)).name == "Chris Bryant"  # type: ignore[union-attr]


def test_people_json_lord_names_and_redirects() -> None:
    directory = load(PEOPLE_JSON)
    myners = directory.lookup("uk.org.publicwhip/lord/100983", dt.date(2009, 10, 29))
    assert myners == Speaker("uk.org.publicwhip/lord/100983", "Lord Myners", party="Labour")
    merged = directory.lookup("uk.org.publicwhip/person/19999", dt.date(2009, 10, 28))
    assert merged is not None and merged.name == "Joan Ryan"


@pytest.mark.skipif(
    not (DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml").is_file(), reason="no ParlParse excerpt"
)
def test_people_json_fills_a_parlparse_day() -> None:
    from exporter.readers import parlparse

    path = DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml"
    debate = parlparse.read(path.read_bytes(), str(path), ReadOptions(), Reporter())
    filled = {s.id: s for s in load(PEOPLE_JSON).apply(debate).speakers}
    carmichael = filled["uk.org.publicwhip/member/2006"]
    assert (carmichael.constituency, carmichael.party) == ("Orkney and Shetland", "Liberal Democrat")
    assert filled["uk.org.publicwhip/member/1779"].constituency == "Rhondda"


# --- apply: fill in, never invent ----------------------------------------------------------


def test_apply_keeps_what_the_record_prints_and_leaves_unknown_ids_alone() -> None:
    printed = Speaker(RYAN_2009, "Ms Joan Ryan", party="Labour (Co-op)")
    stranger = Speaker("uk.org.publicwhip/member/99999", "A. Stranger")
    filled = load(PEOPLE_JSON).apply(debate_with(printed, stranger))
    assert filled.speakers == (
        Speaker(RYAN_2009, "Ms Joan Ryan", constituency="Enfield North", party="Labour (Co-op)"),
        stranger,
    )


def test_apply_replaces_a_name_that_is_only_the_id() -> None:
    filled = load(LIST_PERSON).apply(
        debate_with(Speaker("DavidRutley", "DavidRutley"), date=dt.date(2022, 7, 21))
    )
    assert filled.speakers[0].name == "David Rutley"


# --- refusing what is not a directory ------------------------------------------------------


def test_a_file_that_is_not_a_directory_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("Joan Ryan, Enfield North\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a speaker directory"):
        load(text)


def test_broken_json_is_refused_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "people.json"
    broken.write_text('{\n  "persons": [\n  {"id": }\n]}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(broken)
    assert caught.value.location == "line 3 column 10"


def test_xml_without_people_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a ParlaMint listPerson"):
        load(LIST_ORG)


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load(tmp_path / "absent.json")


# --- through the command line ---------------------------------------------------------------


def test_convert_with_people_puts_names_and_parties_in_the_record(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from exporter.cli import main

    sitting = DATA / "parlamint" / "gb_ParlaMint-GB_2022-07-21-commons_trimmed.xml"
    out = tmp_path / "out"
    args = ["convert", str(sitting), "-o", str(out), "-f", "json", "--people", str(LIST_PERSON)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    written = json.loads((out / f"{sitting.stem}.json").read_text(encoding="utf-8"))
    speakers = {s["id"]: s for s in written["speakers"]}
    assert speakers["DavidRutley"] == {"id": "DavidRutley", "name": "David Rutley", "party": "Conservative"}
    assert speakers["LindsayHoyle"]["name"] == "Lindsay Hoyle" and "party" not in speakers["LindsayHoyle"]


def test_members_api_ids_of_the_hansard_api_find_people_in_either_directory() -> None:
    # ParlaMint: <idno subtype="parliament">https://members.parliament.uk/member/4005/contact</idno>
    blackman = load(LIST_PERSON).lookup("4005", dt.date(2022, 7, 21))
    assert blackman == Speaker("4005", "Robert Blackman", party="Conservative")
    # people.json: "identifiers": [{"scheme": "datadotparl_id", "identifier": "1524"}]
    ryan = load(PEOPLE_JSON).lookup("1524", dt.date(2009, 10, 28))
    assert ryan == Speaker("1524", "Joan Ryan", constituency="Enfield North", party="Labour")


def test_a_placeholder_member_name_gives_way_to_the_directory() -> None:
    directory = load(PEOPLE_JSON)
    [filled] = directory.apply(debate_with(Speaker(RYAN, f"Member {RYAN}"))).speakers
    assert filled.name != f"Member {RYAN}"
    assert filled == directory.lookup(RYAN, dt.date(2009, 10, 28))
