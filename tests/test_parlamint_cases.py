"""ParlaMint read faithfully (issue 13): the ``parlamint-*`` case, the kept-back kinds
(other corpora: TR, CZ), and how speakers are named, merged and left unattributed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import DATA
from exporter import citations, parliaments
from exporter.diagnostics import Reporter
from exporter.model import Debate, Procedural, ProceduralKind, Speech, speeches
from exporter.options import ReadOptions
from exporter.parliaments import parlamint as corpora
from exporter.readers import parlamint
from exporter.readers.parlamint_names import derived_name, read_speaker_note

BG_CASE = DATA / "parlamint" / "parlamint-bg-meeting-as-house.xml"
TR = DATA / "parlamint" / "tr_ParlaMint-TR_2022-11-17-tbmm-T27.xml"
CZ = DATA / "parlamint" / "cz_ParlaMint-CZ_2023-07-26-ps2021-071-07-000-000_trimmed.xml"
GB = DATA / "parlamint" / "gb_ParlaMint-GB_2022-07-21-commons_trimmed.xml"
TEI = "http://www.tei-c.org/ns/1.0"


def read(data: bytes, options: ReadOptions | None = None) -> tuple[Debate, Reporter]:
    reporter = Reporter("test.xml")
    return parlamint.read(data, "test.xml", options or ReadOptions(), reporter), reporter


def sitting(body: str, sitting_id: str = "ParlaMint-BG_2022-07-29", header: str = "") -> bytes:
    return f"""<TEI xmlns="{TEI}" xml:id="{sitting_id}" xml:lang="bg"><teiHeader><fileDesc><titleStmt>
      <title type="sub" xml:lang="bg">Заседание</title>{header}</titleStmt></fileDesc></teiHeader>
      <text><body><div type="debateSection">{body}</div></body></text></TEI>""".encode()


# --- the case: parlamint-bg-meeting-as-house.xml ----------------------------------------


def test_bg_case_house_comes_from_the_corpus_never_the_meeting_label() -> None:
    debate, _ = read(BG_CASE.read_bytes())
    assert debate.house == "National Assembly of the Republic of Bulgaria"
    assert debate.house != "2022-07-29" and "47" not in (debate.house or "")
    assert debate.profile == "bg-national-assembly"
    assert debate.date == dt.date(2022, 7, 29)


def test_bg_case_title_is_the_sittings_own_in_the_records_language() -> None:
    debate, _ = read(BG_CASE.read_bytes())
    assert debate.title.startswith("Стенограм")  # the Bulgarian sub-title
    assert "90 пленарн" in debate.title
    assert "ParlaMint" not in debate.title and "SAMPLE" not in debate.title


def test_bg_case_speaker_is_named_readably_and_the_derivation_is_warned_about() -> None:
    debate, reporter = read(BG_CASE.read_bytes())
    speaker = debate.speaker("IvanovMiroslav")
    assert speaker is not None and speaker.name == "Miroslav Ivanov"
    warnings = [d for d in reporter.diagnostics if d.code == "PARLAMINT_NAMES_FROM_IDS"]
    assert len(warnings) == 1 and "IvanovMiroslav" in warnings[0].message


def test_bg_case_citation_makes_sense_for_that_parliament() -> None:
    debate, _ = read(BG_CASE.read_bytes())
    cited = citations.cite(debate, None)
    assert cited.startswith("National Assembly of the Republic of Bulgaria, 29 July 2022")
    assert "Deb" not in cited and "2022-07-29 " not in cited
    assert cited.endswith("https://www.parliament.bg/bg/plenaryst/ns/55/ID/10693")


def test_a_listperson_given_with_people_names_speakers_without_a_warning(tmp_path: Path) -> None:
    list_person = tmp_path / "ParlaMint-BG-listPerson.xml"
    list_person.write_text(
        f"""<listPerson xmlns="{TEI}"><person xml:id="IvanovMiroslav"><persName>
        <surname>Иванов</surname><forename>Мирослав</forename></persName></person></listPerson>""",
        encoding="utf-8",
    )
    debate, reporter = read(BG_CASE.read_bytes(), ReadOptions(people=list_person))
    assert debate.speaker("IvanovMiroslav").name == "Мирослав Иванов"  # type: ignore[union-attr]
    assert "PARLAMINT_NAMES_FROM_IDS" not in [d.code for d in reporter.diagnostics]


def test_a_listperson_in_the_record_itself_names_its_speakers() -> None:
    header = """</titleStmt></fileDesc><profileDesc><particDesc><listPerson>
      <person xml:id="IvanovMiroslav"><persName><forename>Мирослав</forename><surname>Иванов</surname></persName>
      </person></listPerson></particDesc></profileDesc><fileDesc><titleStmt>"""
    debate, reporter = read(sitting('<u who="#IvanovMiroslav"><seg>Добро утро.</seg></u>', header=header))
    assert debate.speaker("IvanovMiroslav").name == "Мирослав Иванов"  # type: ignore[union-attr]
    assert not [d for d in reporter.diagnostics if d.code.startswith("PARLAMINT_NAMES")]


# --- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker_id", "order", "name"),
    [
        ("IvanovMiroslav", "surname-first", "Miroslav Ivanov"),
        ("LindsayHoyle", "forename-first", "Lindsay Hoyle"),
        ("OlgaRichterova.1985", "forename-first", "Olga Richterova"),
        ("JanaBittóCigániková.1983", "forename-first", "Jana Bittó Cigániková"),
        ("NazırCihangir.İslam", "forename-first", "Nazır Cihangir İslam"),
        ("IvanovMiroslav", None, "Ivanov Miroslav"),  # order not known: the id's own
        ("Member4123", None, None),  # spells no name
        ("X", None, None),
    ],
)
def test_a_name_is_spelt_out_from_an_id_in_the_corpus_order(speaker_id: str, order: str | None, name: str | None) -> None:
    assert derived_name(speaker_id, order) == name


def test_a_printed_speaker_note_gives_the_name_as_printed_and_the_office() -> None:
    printed = read_speaker_note("Místopředsedkyně PSP Olga Richterová", "OlgaRichterova.1985")
    assert (printed.name, printed.office) == ("Olga Richterová", "Místopředsedkyně PSP")
    other = read_speaker_note("ПРЕДСЕДАТЕЛ МИРОСЛАВ ИВАНОВ:", "IvanovMiroslav")
    assert (other.name, other.office) == ("ПРЕДСЕДАТЕЛ МИРОСЛАВ ИВАНОВ", None)  # not the id's script: as printed


def test_speaker_notes_name_speakers_before_their_ids_and_are_not_repeated_as_notes() -> None:
    debate, reporter = read(CZ.read_bytes())
    richterova = debate.speaker("OlgaRichterova.1985")
    assert richterova is not None and richterova.name == "Olga Richterová"  # with its accent
    first = speeches(debate)[0]
    assert first.role == "Místopředsedkyně PSP"
    notes = [i for i in debate.sections[0].items if isinstance(i, Procedural)]
    assert not any("Olga Richterová" in p.text for n in notes for p in n.paragraphs)  # type: ignore[union-attr]
    [warning] = [d for d in reporter.diagnostics if d.code == "PARLAMINT_NAMES_FROM_IDS"]
    assert "TomioOkamura.1972" in warning.message and "OlgaRichterova" not in warning.message


def test_consecutive_utterances_of_one_speaker_are_one_speech_with_one_source() -> None:
    body = (
        '<u who="#IvanovMiroslav" ana="#chair" xml:id="u1" source="https://x/1"><seg>Първо.</seg></u>'
        '<u who="#IvanovMiroslav" ana="#chair" xml:id="u2" source="https://x/2"><seg>Второ.</seg></u>'
        '<kinesic type="applause"><desc>Ръкопляскания.</desc></kinesic>'
        '<u who="#IvanovMiroslav" ana="#chair" xml:id="u3"><seg>Трето.</seg></u>'
        '<u who="#AtanasovaDesislava" xml:id="u4"><seg>Благодаря.</seg></u>'
    )
    debate, _ = read(sitting(body))
    first, second, third = speeches(debate)
    assert [p.text for p in first.paragraphs] == ["Първо.", "Второ."]  # type: ignore[union-attr]
    assert (first.id, first.url) == ("u1", "https://x/1")
    assert second.id == "u3" and third.speaker == "AtanasovaDesislava"  # an event between: a new turn


def test_chair_notes_set_the_chair_and_a_change_of_chair_is_kept_where_it_happens() -> None:
    body = (
        '<note type="president">Nimetullah Erdoğmuş</note><u who="#A.B"><seg>Açıyorum.</seg></u>'
        '<note type="president">Nimetullah Erdoğmuş</note><u who="#A.B"><seg>Devam.</seg></u>'
        '<note type="president">Mustafa Şentop</note><u who="#C.D"><seg>Kapatıyorum.</seg></u>'
    )
    debate, _ = read(sitting(body, "ParlaMint-TR_2022-11-17"))
    assert debate.chair == "Nimetullah Erdoğmuş" and debate.sections[0].chair == "Nimetullah Erdoğmuş"
    changes = [i for i in debate.sections[0].items if isinstance(i, Procedural)]
    assert [(c.kind, c.paragraphs[0].text) for c in changes] == [(ProceduralKind.CHAIR, "Mustafa Şentop")]  # type: ignore[union-attr]
    assert len(speeches(debate)) == 2  # the same chair again is no new turn


# --- kept-back kinds: other corpora ---------------------------------------------------


def test_tr_corpus_house_title_chair_time_speaker_and_date() -> None:
    debate, _ = read(TR.read_bytes())
    assert debate.house == "Grand National Assembly of Turkey"
    assert debate.profile == "tr-grand-national-assembly"
    assert debate.title == "Proceedings of the Turkish Parliament (2022-11-17)"  # no sub-title: the source's
    assert debate.date == dt.date(2022, 11, 17)
    assert debate.chair == "Nimetullah Erdoğmuş"
    [speech] = speeches(debate)
    assert debate.speaker(speech.speaker).name == "Nimetullah Erdoğmuş"  # type: ignore[union-attr]
    time = debate.sections[0].items[0]
    assert isinstance(time, Procedural) and time.kind is ProceduralKind.TIME and time.time == "14:01"


def test_cz_corpus_house_title_speakers_times_and_sources() -> None:
    debate, _ = read(CZ.read_bytes())
    assert (debate.house, debate.profile) == ("Chamber of Deputies", "cz-chamber-of-deputies")
    assert debate.title == "Parlament České republiky, Poslanecká sněmovna, 2023-07-26"
    assert debate.date == dt.date(2023, 7, 26)
    assert [debate.speaker(s.speaker).name for s in speeches(debate)] == [  # type: ignore[union-attr]
        "Olga Richterová",
        "Jan Jakob",
        "Tomio Okamura",
    ]
    assert speeches(debate)[0].url == "https://www.psp.cz/eknih/2021ps/stenprot/071schuz/s071303.htm#r1"
    assert debate.sections[0].items[0].time == "09:00"  # type: ignore[union-attr]
    details = citations.cite(debate, None)
    assert details.startswith("Parliament of the Czech Republic, Chamber of Deputies, 26 July 2023")


def test_gb_corpus_maps_to_the_westminster_profiles() -> None:
    debate, _ = read(GB.read_bytes())
    assert (debate.house, debate.profile) == ("House of Commons", "uk-commons")
    assert citations.cite(debate, None) == "HC Deb 21 July 2022, vol 718"
    lords = GB.read_bytes().replace(b"#parliament.HC", b"#parliament.HL").replace(b"parla.lower", b"parla.upper")
    assert read(lords)[0].profile == "uk-lords"


def test_an_unknown_corpus_takes_the_house_its_own_listorg_names_or_none() -> None:
    header = """<meeting corresp="#XXNA" ana="#parla.uni">12</meeting></titleStmt></fileDesc>
      <profileDesc><particDesc><listOrg><org xml:id="XXNA" role="parliament">
      <orgName full="yes" xml:lang="xx">Xx</orgName><orgName full="yes" xml:lang="en">Assembly of Xland</orgName>
      </org></listOrg></particDesc></profileDesc><fileDesc><titleStmt>"""
    debate, _ = read(sitting('<u who="#A"><seg>x</seg></u>', "ParlaMint-XX_2022-01-01", header))
    assert debate.house == "Assembly of Xland" and debate.profile is None
    bare, reporter = read(sitting('<u who="#A"><seg>x</seg></u>', "ParlaMint-XX_2022-01-01"))
    assert bare.house is None and "PARLAMINT_HOUSE_UNKNOWN" in [d.code for d in reporter.diagnostics]


def test_the_corpus_table_covers_the_parlamint_corpora_and_names_real_profiles() -> None:
    codes = {corpus.code for corpus in corpora.CORPORA}
    assert len(codes) >= 29 and {"BG", "SK", "GB", "IT", "TR", "CZ", "ES-CT", "UA"} <= codes
    for corpus in corpora.CORPORA:
        for chamber, key in corpus.houses:
            assert chamber in corpora.CHAMBERS
            assert parliaments.find(key) is not None, key
    assert corpora.corpus_of("ParlaMint-ES-CT_2022-01-01").code == "ES-CT"  # type: ignore[union-attr]
    assert corpora.corpus_of("ParlaMint-GB-listOrg").code == "GB"  # type: ignore[union-attr]
    assert corpora.corpus_of("not a corpus") is None


def test_unattributed_words_between_speeches_are_text_not_an_unknown_speaker() -> None:
    body = '<u><seg>Шум.</seg></u><u who="#IvanovMiroslav"><seg>Тишина.</seg></u>'
    debate, _ = read(sitting(body))
    first, speech = debate.sections[0].items
    assert isinstance(first, Procedural) and first.paragraphs[0].text == "Шум."  # type: ignore[union-attr]
    assert isinstance(speech, Speech) and speech.label is None
