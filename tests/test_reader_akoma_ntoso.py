"""The Akoma Ntoso reader: metadata, speeches, procedural text, divisions, and each trap
listed for the format in the shared records README (section 3)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA
from conftest import SHARED as SHARED_ROOT
from exporter import formats, record
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.model import (
    Debate,
    Division,
    Paragraph,
    Procedural,
    ProceduralKind,
    Section,
    Speech,
    SpeechKind,
    block_runs,
    speeches,
    walk_items,
)
from exporter.options import ReadOptions
from exporter.readers import akoma_ntoso

BUNGENI = DATA / "akoma-ntoso" / "oasis_ke_debate_bungeni_2011-06-10.xml"
ZA = DATA / "akoma-ntoso" / "za_national_assembly_2012-09-20_trimmed.xml"
SHARED = SHARED_ROOT / "records" / "akoma-ntoso"
AKN_3 = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
CSD03 = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0/CSD03"


def read(data: bytes, source: str = "test.xml") -> tuple[Debate, Reporter]:
    reporter = Reporter(source)
    return akoma_ntoso.read(data, source, ReadOptions(), reporter), reporter


def read_file(path: Path) -> Debate:
    return read(path.read_bytes(), str(path))[0]


def small(body: str, namespace: str | None = AKN_3, references: str = "") -> bytes:
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    return f"""<akomaNtoso{xmlns}><debate name="hansard"><meta>
      <references>
        <TLCPerson eId="kim" href="/p/kim" showAs="Kim Leadbeater"/>
        <TLCRole eId="chair" href="/r/chair" showAs="The Chair"/>{references}
      </references></meta>
      <preface><p><docTitle>A small sitting</docTitle> <docDate date="2022-02-23">23 Feb</docDate></p></preface>
      <debateBody><debateSection eId="s1"><heading>Business</heading>{body}</debateSection></debateBody>
    </debate></akomaNtoso>""".encode()


def only_speech(debate: Debate) -> Speech:
    found = speeches(debate)
    assert len(found) == 1
    return found[0]


# --- nothing spoken is lost ----------------------------------------------------------


def source_paragraphs(data: bytes) -> list[list[str]]:
    """An independent reading: the words of each <p> in a speech, question or answer."""
    root = etree.fromstring(data)
    turns = "local-name()='speech' or local-name()='question' or local-name()='answer'"
    paragraphs = root.xpath(f"//*[{turns}]//*[local-name()='p']")
    return [re.findall(r"\w+", p.xpath("string()")) for p in paragraphs]


def model_words(debate: Debate) -> list[str]:
    text = []
    for item in walk_items(debate.sections):
        if isinstance(item, (Speech, Procedural)):
            text.extend("".join(run.text for run in block_runs(block)) for block in item.paragraphs)
    return re.findall(r"\w+", " ".join(text))


def assert_nothing_spoken_lost(data: bytes, debate: Debate) -> None:
    paragraphs, found = source_paragraphs(data), model_words(debate)
    wanted = [word for paragraph in paragraphs for word in paragraph]
    assert wanted, "the independent reading found no speech text"
    missing = Counter(wanted) - Counter(found)
    assert 1 - sum(missing.values()) / len(wanted) >= 0.99, missing.most_common(10)
    text, place, kept = " " + " ".join(found) + " ", 0, 0
    runs = [" ".join(p[i : i + 6]) for p in paragraphs if p for i in range(max(1, len(p) - 5))]
    for run in runs:
        at = text.find(f" {run} ", place)
        if at >= 0:
            kept, place = kept + 1, at
    assert kept / len(runs) >= 0.99, f"only {kept} of {len(runs)} six-word runs found verbatim and in order"


@pytest.mark.parametrize("path", [BUNGENI, ZA], ids=["bungeni", "za-trimmed"])
def test_nothing_spoken_is_lost(path: Path) -> None:
    data = path.read_bytes()
    assert_nothing_spoken_lost(data, read(data, str(path))[0])


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared records are not here")
@pytest.mark.parametrize(
    "name", ["oasis_ke_debate_bungeni_2011-06-10.xml", "za_national_assembly_2012-09-20_mysociety.xml"]
)
def test_shared_records_lose_nothing_and_name_every_speaker(name: str) -> None:
    data = (SHARED / name).read_bytes()
    debate, _ = read(data, name)
    assert_nothing_spoken_lost(data, debate)
    root = etree.fromstring(data)
    persons = {p.get("eId") or p.get("id") for p in root.xpath("//*[local-name()='TLCPerson']")}
    by_refs = {s.get("by").lstrip("#") for s in root.xpath("//*[@by]")} & persons
    assert by_refs and by_refs <= {speaker.id for speaker in debate.speakers}
    turns = root.xpath("//*[local-name()='speech' or local-name()='question' or local-name()='answer']")
    assert len(speeches(debate)) == len(turns)
    assert record.from_dict(record.to_dict(debate), name) == debate


def test_every_speech_keeps_a_speaker_or_an_honest_label() -> None:
    debate = read_file(BUNGENI)
    for speech in speeches(debate):
        assert speech.speaker is not None or speech.label
    assert {s.name for s in debate.speakers} >= {"Mr. Alfa", "Mr. Beta", "Mr. Kappa", "Mr. Eta"}


# --- metadata ------------------------------------------------------------------------


def test_preface_and_frbr_metadata_become_the_debate_facts() -> None:
    debate = read_file(BUNGENI)
    assert debate.title == "SECOND MEETING, 2011"
    assert debate.date is not None and debate.date.isoformat() == "2011-06-10"
    assert debate.house == "PARLIAMENT OF THE REPUBLIC OF BUNGENI"
    assert debate.language == "en"  # FRBRlanguage "eng" as a BCP 47 tag
    assert debate.source.reference == "/akn/ke/debaterecord/2011-06-10/!main"
    assert debate.source.publisher == "Parliament"
    assert debate.source.citation == "Internal Use Only, no. 333, 2011-06-10"
    assert debate.source.url is None  # FRBR URIs are not web addresses


def test_without_doc_proponent_the_house_is_the_one_the_country_and_title_name() -> None:
    debate = read_file(ZA)
    assert debate.title == "PROCEEDINGS OF THE NATIONAL ASSEMBLY"
    # FRBRauthor names the parliament ("ZA Parliament"), FRBRcountry "za" and the title the house
    assert (debate.house, debate.profile) == ("National Assembly", "za-national-assembly")
    assert debate.source.publisher == "ZA Parliament"
    assert debate.date is not None and debate.date.isoformat() == "2012-09-20"


def test_detected_by_content_in_every_namespace() -> None:
    for namespace in (AKN_3, CSD03, None):
        found = formats.detect(small("<narrative>x</narrative>", namespace))
        assert found is not None and found.name == "akoma-ntoso"


# --- sections and items ----------------------------------------------------------------


def test_sections_nest_with_their_headings_and_untitled_groups_join_their_parent() -> None:
    debate = read_file(BUNGENI)
    titles = [section.title for section in debate.sections]
    # name="opening" is an internal name, not a heading: an unnamed section
    assert titles[:6] == ["", "PRAYERS", "MOTIONS", "QUORUM", "DIVISION", "RECOUT OF VOTES"]
    oral = next(s for s in debate.sections if s.title == "ORAL ANSWERS TO QUESTIONS")
    ministry = oral.items[0]
    assert isinstance(ministry, Section) and ministry.title == "MINISTRY OF EDUCATION AND SPORTS"
    motions = next(s for s in debate.sections if s.title == "MOTIONS")
    # dbsect_1__dbsect_1 has no heading: its speech belongs straight to MOTIONS
    assert isinstance(motions.items[0], Speech)


def test_specialised_containers_are_sections_named_by_their_kind() -> None:
    debate = read_file(ZA)
    prayers = debate.sections[1]
    assert isinstance(prayers, Section) and prayers.title == "Prayers"
    adjournment = [i for i in walk_items(debate.sections) if isinstance(i, Section) and i.id == "adjournment"]
    assert adjournment and adjournment[0].title == "Adjournment"


def test_a_lone_section_repeating_the_debate_title_is_unwrapped() -> None:
    debate = read_file(ZA)
    # <debateSection id="db0"><heading>PROCEEDINGS OF THE NATIONAL ASSEMBLY</heading> wraps the day
    opening = debate.sections[0]
    assert opening.title == debate.title and opening.id == "db0"
    assert [type(item).__name__ for item in opening.items] == ["Procedural"]  # "The House met at 14:03"
    assert [s.id for s in debate.sections[1:]] == ["prayers", "dbs1", "dbs2", "dbs3", "dbs10", "dbs45"]


def test_question_and_answer_keep_their_kind_and_role() -> None:
    debate = read_file(BUNGENI)
    question, answer = [s for s in speeches(debate) if s.kind in (SpeechKind.QUESTION, SpeechKind.ANSWER)]
    assert question.kind is SpeechKind.QUESTION and question.speaker == "kappa"
    assert answer.kind is SpeechKind.ANSWER and answer.speaker == "eta"
    assert answer.role == "Minister for Education and Sports"  # as="#ministerEducation"
    assert len(answer.paragraphs) == 6  # five spoken, and the note one of them cites


def test_narrative_scene_and_summary_are_procedural_of_their_kind() -> None:
    debate = read_file(BUNGENI)
    procedural = {
        item.paragraphs[0].text: item.kind
        for item in walk_items(debate.sections)
        if isinstance(item, Procedural)
    }
    assert procedural["[MR. SPEAKER IN THE CHAIR]"] is ProceduralKind.NOTE
    assert procedural["(Loud consultation)"] is ProceduralKind.INTERRUPTION
    assert procedural["(The Division Bell was rung)"] is ProceduralKind.DECISION
    assert procedural["10.30 a.m."] is ProceduralKind.TIME


def test_recorded_time_is_normalised() -> None:
    bungeni, za = read_file(BUNGENI), read_file(ZA)
    opening = bungeni.sections[0].items[0]
    assert isinstance(opening, Procedural) and opening.time == "10:02:00"  # from 2011-06-10T10:02:00+02:00
    met = za.sections[0].items[0]
    assert isinstance(met, Procedural) and met.time == "14:03:00"
    assert met.paragraphs[0].text == "The House met at 14:03"


def test_voting_in_analysis_becomes_a_division_where_the_record_points() -> None:
    debate = read_file(BUNGENI)
    division_section = next(s for s in debate.sections if s.title == "DIVISION")
    divisions = [i for i in division_section.items if isinstance(i, Division)]
    assert len(divisions) == 1
    vote = divisions[0]
    assert [(c.side, c.value) for c in vote.counts] == [("ayes", 72), ("noes", 34)]
    texts = [block.text for block in vote.description if isinstance(block, Paragraph)]
    assert texts == ["(Question carried by 72 to 56 votes)", "Outcome: Approved"]
    # the summary it points at is its description, not repeated as procedural text
    procedural = [i.paragraphs[0].text for i in division_section.items if isinstance(i, Procedural)]
    assert "(Question carried by 72 to 56 votes)" not in procedural


def test_note_ref_gives_its_note_after_the_paragraph_that_cites_it() -> None:
    debate = read_file(BUNGENI)
    answer = next(s for s in speeches(debate) if s.kind is SpeechKind.ANSWER)
    cited, note = answer.paragraphs[1], answer.paragraphs[2]
    assert isinstance(cited, Paragraph) and isinstance(note, Paragraph)
    assert "teachers in the BES. Whereas members of IAGRAT" in cited.text
    assert [(run.text, run.emphasis) for run in note.runs] == [
        ("[Note 1: BES: definition of Educational System]", True)
    ]


def test_inline_markup_becomes_runs() -> None:
    body = '<speech by="#kim"><from>Kim:</from><p>We <i>must</i> act, <b>now</b>, see <a href="https://example.org/r">the report</a> and x<sup>2</sup>.</p></speech>'
    speech = only_speech(read(small(body))[0])
    runs = speech.paragraphs[0].runs  # type: ignore[union-attr]
    assert [(r.text, r.emphasis, r.strong, r.superscript, r.link) for r in runs] == [
        ("We ", False, False, False, None),
        ("must", True, False, False, None),
        (" act, ", False, False, False, None),
        ("now", False, True, False, None),
        (", see ", False, False, False, None),
        ("the report", False, False, False, "https://example.org/r"),
        (" and x", False, False, False, None),
        ("2", False, False, True, None),
        (".", False, False, False, None),
    ]


# --- traps (records README section 3) --------------------------------------------------


def test_trap_namespace_variants_read_alike() -> None:
    body = '<speech by="#kim" eId="sp1"><from>Kim:</from><p>Words.</p></speech><scene>(Applause)</scene>'
    debates = [read(small(body, namespace))[0] for namespace in (AKN_3, CSD03, None)]
    assert debates[0] == debates[1] == debates[2]
    assert only_speech(debates[0]).paragraphs[0].text == "Words."  # type: ignore[union-attr]


def test_trap_id_attribute_instead_of_eid() -> None:
    debate = read_file(ZA)  # CSD03 draft: id="dbs2", TLCPerson id=...
    new_member = next(i for i in walk_items(debate.sections) if isinstance(i, Section) and i.id == "dbs2")
    assert new_member.title == "NEW MEMBER (Announcement)"
    assert debate.speaker("the-speaker") is not None
    assert debate.speaker("the-speaker").name == "The SPEAKER"  # type: ignore[union-attr]


def test_trap_from_label_loses_trailing_colons_and_keeps_nested_person_and_role() -> None:
    body = (
        '<speech><from>El señor <person refersTo="#x">ASCENCIO</person> (<role>Presidente</role>).- </from>'
        "<p>Se abre la sesión.</p></speech>"
        "<speech><from>\n  Mr. Epsilon:  </from><p>A point.</p></speech>"
    )
    first, second = speeches(read(small(body))[0])
    assert first.label == "El señor ASCENCIO (Presidente)" and first.role == "Presidente"
    assert second.label == "Mr. Epsilon" and second.speaker is None


def test_trap_missing_from_falls_back_to_the_tlcperson() -> None:
    speech = only_speech(read(small('<speech by="#kim"><p>No label printed.</p></speech>'))[0])
    assert speech.speaker == "kim" and speech.label is None
    debate = read(small('<speech by="#kim"><p>x</p></speech>'))[0]
    assert debate.speaker("kim").name == "Kim Leadbeater"  # type: ignore[union-attr]


def test_trap_by_a_role_shows_the_role_and_the_printed_label() -> None:
    speech = only_speech(read(small('<speech by="#chair"><from>The Chair:</from><p>Order.</p></speech>'))[0])
    assert speech.speaker is None and speech.label == "The Chair" and speech.role == "The Chair"


def test_no_speaker_at_all_is_shown_as_unknown_never_dropped() -> None:
    speech = only_speech(read(small("<speech><p>Someone spoke.</p></speech>"))[0])
    assert speech.speaker is None and speech.label == "Unknown speaker"


def test_by_an_unknown_reference_keeps_the_printed_name_and_warns() -> None:
    debate, reporter = read(small('<speech by="#zed"><from>Mr Zed:</from><p>Hello.</p></speech>'))
    assert debate.speaker("zed").name == "Mr Zed"  # type: ignore[union-attr]
    assert [d.code for d in reporter.diagnostics] == ["AKN_UNKNOWN_SPEAKER_REF"]


def test_trap_br_inside_p_is_a_line_wrap_joined_with_a_space() -> None:
    body = '<speech by="#kim"><p>\n   The hon. Member for<br/>Batley and Spen<br />\n  raised   this.</p></speech>'
    speech = only_speech(read(small(body))[0])
    assert speech.paragraphs[0].text == "The hon. Member for Batley and Spen raised this."  # type: ignore[union-attr]


def test_malformed_xml_is_an_input_error_with_its_line() -> None:
    with pytest.raises(InputError) as caught:
        read(b"<akomaNtoso>\n<debate>\n<meta></debate>\n</akomaNtoso>")
    assert caught.value.location == "line 3"


def test_a_document_that_is_not_a_debate_is_refused() -> None:
    with pytest.raises(InputError, match="not a <debate>"):
        read(f'<akomaNtoso xmlns="{AKN_3}"><act/></akomaNtoso>'.encode())


def test_reads_round_trip_through_our_record_format() -> None:
    for path in (BUNGENI, ZA):
        debate = read_file(path)
        assert record.from_dict(record.to_dict(debate), str(path)) == debate
