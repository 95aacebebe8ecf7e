"""The ParlaMint TEI reader: header metadata, utterances, events, and each trap listed for
the format in the shared records README (section 4)."""

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
    Paragraph,
    Procedural,
    ProceduralKind,
    Section,
    Speech,
    block_runs,
    speeches,
    walk_items,
)
from exporter.options import ReadOptions
from exporter.people import load
from exporter.readers import parlamint
from exporter.readers.parlamint_names import fold, read_printed_who

GB = DATA / "parlamint" / "gb_ParlaMint-GB_2022-07-21-commons_trimmed.xml"
SK = DATA / "parlamint" / "sk_ParlaMint-SK_2019-12-04-t7m54.xml"
TR = DATA / "parlamint" / "tr_ParlaMint-TR_2022-11-17-tbmm-T27.xml"
CZ = DATA / "parlamint" / "cz_ParlaMint-CZ_2023-07-26-ps2021-071-07-000-000_trimmed.xml"
BG_CASE = DATA / "parlamint" / "parlamint-bg-meeting-as-house.xml"
LIST_PERSON = DATA / "people" / "parlamint-gb" / "ParlaMint-GB-listPerson.xml"
SHARED = SHARED_ROOT / "records" / "parlamint"
TEI = "http://www.tei-c.org/ns/1.0"


def read(
    data: bytes, source: str = "test.xml", options: ReadOptions | None = None
) -> tuple[Debate, Reporter]:
    reporter = Reporter(source)
    return parlamint.read(data, source, options or ReadOptions(), reporter), reporter


def read_file(path: Path) -> Debate:
    return read(path.read_bytes(), str(path))[0]


def small(body: str, lang: str = "en") -> bytes:
    return f"""<TEI xmlns="{TEI}" xml:id="T1" xml:lang="{lang}"><teiHeader><fileDesc><titleStmt>
      <title type="main" xml:lang="{lang}">A sitting</title></titleStmt></fileDesc></teiHeader>
      <text><body><div type="debateSection"><head>Business</head>{body}</div></body></text></TEI>""".encode()


# --- nothing spoken is lost ----------------------------------------------------------


def source_paragraphs(data: bytes) -> list[list[str]]:
    """An independent reading: the words of each <seg> of each <u>."""
    root = etree.fromstring(data)
    segs = root.xpath("//*[local-name()='u']/*[local-name()='seg']")
    return [re.findall(r"\w+", seg.xpath("string()")) for seg in segs]


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


def assert_every_speaker_appears(data: bytes, debate: Debate) -> None:
    """Every ``who`` of the record is a speaker of some speech (an id as itself; a printed
    name as a label, or as the one id speaker of that name), none shown as a bare id."""
    root = etree.fromstring(data)
    shown = {s.speaker for s in speeches(debate)} | {s.label for s in speeches(debate)}
    names = {fold(s.name): s.id for s in debate.speakers}
    for who in {u.get("who") for u in root.xpath("//*[local-name()='u']") if u.get("who")}:
        if who.startswith("#"):
            assert who[1:] in shown
            speaker = debate.speaker(who[1:])
            assert speaker is not None and speaker.name != who[1:], f"{who} shown as its id"
        else:
            printed = read_printed_who(who)
            assert who in shown or printed.name in shown or names.get(fold(printed.name)) in shown, who


@pytest.mark.parametrize("path", [GB, SK, TR, CZ, BG_CASE], ids=["gb-trimmed", "sk", "tr", "cz-trimmed", "bg-case"])
def test_nothing_spoken_is_lost_and_every_speaker_appears(path: Path) -> None:
    data = path.read_bytes()
    debate = read(data, str(path))[0]
    assert_nothing_spoken_lost(data, debate)
    assert_every_speaker_appears(data, debate)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared records are not here")
@pytest.mark.parametrize(
    "name",
    [
        "bg_ParlaMint-BG_2022-07-29-sample.xml",
        "gb_ParlaMint-GB_2022-07-21-commons.xml",
        "sk_ParlaMint-SK_2019-12-04-t7m54.xml",
    ],
)
def test_shared_records_lose_nothing(name: str) -> None:
    data = (SHARED / name).read_bytes()
    debate = read(data, name)[0]
    assert_nothing_spoken_lost(data, debate)
    assert_every_speaker_appears(data, debate)
    assert record.from_dict(record.to_dict(debate), name) == debate
    assert all(s.title.strip() == s.title for s in walk_items(debate.sections) if isinstance(s, Section))


# --- metadata ------------------------------------------------------------------------


def test_header_gives_title_date_house_place_source_and_licence() -> None:
    debate = read_file(GB)
    assert debate.title == "Minutes of the House of Commons, Daily Session 2022-07-21"  # the sub-title
    assert debate.profile == "uk-commons"
    assert debate.date is not None and debate.date.isoformat() == "2022-07-21"
    assert debate.house == "House of Commons"  # meeting corresp="#parliament.HC"
    assert debate.location == "Commons Chamber"
    assert debate.language == "en"  # the tag as given
    source = debate.source
    assert (
        source.url
        == "https://hansard-api.parliament.uk/debates/debate/41f5a1c4-1776-4978-99e0-490733031be1.xml"
    )
    assert source.licence == "http://creativecommons.org/licenses/by/4.0/"
    assert source.publisher == "CLARIN research infrastructure"
    assert source.volume == "718"
    assert source.reference == "ParlaMint-GB_2022-07-21-commons"


def test_a_header_without_a_title_is_left_untitled_and_says_so() -> None:
    debate, reporter = read(SK.read_bytes())
    assert debate.title == ""  # the briefing names it (exporter.compose.names.debate_title)
    assert debate.house == "National Council of the Slovak Republic"  # from the corpus id: no meeting corresp
    assert debate.language == "sk"
    assert debate.date is not None and debate.date.isoformat() == "2019-12-04"
    assert "PARLAMINT_NO_TITLE" in [d.code for d in reporter.diagnostics]


def test_detected_by_content() -> None:
    found = formats.detect(GB.read_bytes())
    assert found is not None and found.name == "parlamint"


def test_divs_are_sections_titled_by_head() -> None:
    debate = read_file(GB)
    assert [s.title for s in debate.sections] == [
        "Speaker's Statement",
        "Free Trade Agreement: India",
        "",  # the sample's third div has no head: no title is made up
    ]


def test_a_div_without_head_is_an_unnamed_section() -> None:
    debate, reporter = read(SK.read_bytes())
    assert [s.title for s in debate.sections] == [""]
    assert not any("Untitled" in d.message for d in reporter.diagnostics)


# --- traps (records README section 4) --------------------------------------------------


def test_trap_1_who_ids_are_resolved_by_a_listperson_with_party_by_date() -> None:
    debate = read(GB.read_bytes(), options=ReadOptions(people=LIST_PERSON))[0]
    named = load(LIST_PERSON).apply(debate)
    assert named.speaker("EleanorLaing").name == "Eleanor Fulton Laing"  # type: ignore[union-attr]
    assert named.speaker("EleanorLaing").party == "Conservative"  # type: ignore[union-attr]
    hoyle = named.speaker("LindsayHoyle")
    assert hoyle is not None and hoyle.name == "Lindsay Hoyle" and hoyle.party is None  # Labour only to 2019


def test_trap_2_a_raw_name_in_who_is_the_id_speaker_of_that_name_with_the_office_printed() -> None:
    debate = read_file(SK)
    printed = [s for s in speeches(debate) if s.role == "podpredseda NR SR"]
    assert len(printed) == 3 and {s.speaker for s in printed} == {"AndrejHrnčiar.1973"}
    assert all(s.label is None for s in speeches(debate))


def test_a_raw_name_of_no_id_speaker_is_shown_as_printed_name_then_office() -> None:
    body = '<u who="Novák, Jan, minister"><seg>Slovo.</seg></u><u who="#A.B"><seg>Druhé.</seg></u>'
    first = speeches(read(small(body, "sk"))[0])[0]
    assert first.speaker is None and first.label == "Jan Novák, minister"


def test_trap_2_diacritics_in_ids_are_kept() -> None:
    debate = read_file(SK)
    assert {s.id for s in debate.speakers} == {
        "AndrejHrnčiar.1973",
        "JanaBittóCigániková.1983",
        "PeterKresák.1954",
    }


def test_trap_3_chair_role_and_procedural_text_inside_an_utterance() -> None:
    debate = read_file(GB)
    hoyle = next(s for s in speeches(debate) if s.speaker == "LindsayHoyle")
    # ana="#chair" is a flag; the composer words it in the interface's language
    assert hoyle.chair and hoyle.role is None
    blackman = next(s for s in speeches(debate) if s.speaker == "RobertBlackman")
    assert not blackman.chair and blackman.role is None
    last = debate.sections[-1].items
    laing = [i for i in last if isinstance(i, Speech) and i.speaker == "EleanorLaing"]
    assert len(laing) == 1 and "Question put" not in " ".join(p.text for p in laing[0].paragraphs)  # type: ignore[union-attr]
    decision = last[last.index(laing[0]) + 1]
    assert isinstance(decision, Procedural) and decision.kind is ProceduralKind.DECISION
    assert decision.paragraphs[0].text == "Question put and agreed to."  # type: ignore[union-attr]


def test_trap_4_events_inside_a_seg_keep_the_words_either_side_in_one_paragraph() -> None:
    debate = read_file(SK)
    chair = [s for s in speeches(debate) if s.speaker == "AndrejHrnčiar.1973"][-2]
    assert len(chair.paragraphs) == 1
    paragraph = chair.paragraphs[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text == (
        "Pán poslanec Kresák, musíte stlačiť tlačítko na procedurálny návrh. To je to veľké tlačítko. "
        "[Smiech v sále.] Tak nech sa páči."
    )
    assert [run.text for run in paragraph.runs if run.emphasis] == ["[Smiech v sále.]"]


def test_trap_4_events_between_utterances_are_procedural() -> None:
    debate = read_file(SK)
    kinds = {
        i.paragraphs[0].text: i.kind  # type: ignore[union-attr]
        for i in walk_items(debate.sections)
        if isinstance(i, Procedural)
    }
    assert kinds["Zasmiatie sa v sále."] is ProceduralKind.INTERRUPTION  # vocal
    assert kinds["Krátka prestávka."] is ProceduralKind.INTERRUPTION  # incident
    assert kinds["Reakcia z pléna."] is ProceduralKind.INTERRUPTION
    assert kinds["Po prestávke."] is ProceduralKind.NOTE


def test_events_between_segments_stay_inside_the_speech_as_bracketed_paragraphs() -> None:
    body = (
        '<u who="#A"><seg>First point.</seg><kinesic type="applause"><desc>Applause</desc></kinesic>'
        "<seg>Second point.</seg></u>"
    )
    speech = speeches(read(small(body))[0])[0]
    assert [(p.text, p.runs[0].emphasis) for p in speech.paragraphs] == [  # type: ignore[union-attr]
        ("First point.", False),
        ("[Applause]", True),
        ("Second point.", False),
    ]


def test_trap_5_end_of_section_notes_are_dropped_and_gaps_are_noted() -> None:
    debate, reporter = read(GB.read_bytes())
    texts = [i.paragraphs[0].text for i in walk_items(debate.sections) if isinstance(i, Procedural)]  # type: ignore[union-attr]
    assert not any("End of debateSection" in text for text in texts)
    gaps = [text for text in texts if text.startswith("[Part of the record is left out here")]
    assert len(gaps) == 2
    codes = [d.code for d in reporter.diagnostics]
    assert "PARLAMINT_END_NOTES_DROPPED" in codes and "PARLAMINT_GAPS" in codes


def test_trap_6_missing_full_stops_are_not_invented() -> None:
    debate = read_file(GB)
    hoyle = next(s for s in speeches(debate) if s.speaker == "LindsayHoyle")
    assert hoyle.paragraphs[0].text.endswith("leaving the House Service in September")  # type: ignore[union-attr]


def test_trap_7_language_per_segment_and_inline() -> None:
    body = (
        '<u who="#A"><seg>English words.</seg><seg xml:lang="cy">Diolch yn fawr.</seg>'
        '<seg>She said <foreign xml:lang="fr">merci</foreign> twice.</seg></u>'
    )
    speech = speeches(read(small(body))[0])[0]
    first, welsh, mixed = speech.paragraphs
    assert isinstance(first, Paragraph) and first.lang is None
    assert isinstance(welsh, Paragraph) and welsh.lang == "cy"
    assert isinstance(mixed, Paragraph) and [(r.text, r.lang) for r in mixed.runs] == [
        ("She said ", None),
        ("merci", "fr"),
        (" twice.", None),
    ]


def test_annotated_corpus_tokens_are_joined_as_spoken() -> None:
    body = """<u who="#A"><seg><s><name type="PER">
        <w lemma="Penny">Penny</w>
        <w join="right" lemma="Young">Young</w></name>
        <pc>,</pc> <w>is</w> <w join="right">retiring</w>
        <linkGrp type="UD-SYN"><link ana="ud-syn:root" target="#a #b"/></linkGrp>
        <pc>.</pc></s><s><w>She</w><w>said</w>
        <vocal type="laughter"><desc>Laughter</desc></vocal>
        <w join="right">yes</w><pc>!</pc></s></seg></u>"""
    speech = speeches(read(small(body))[0])[0]
    assert speech.paragraphs[0].text == "Penny Young, is retiring. She said [Laughter] yes!"  # type: ignore[union-attr]


def test_utterances_without_who_are_unattributed_text_never_dropped_nor_an_unknown_speaker() -> None:
    debate = read(small("<u><seg>Hear, hear.</seg></u><u><seg>Order!</seg></u>"))[0]
    assert speeches(debate) == []
    [text] = debate.sections[0].items
    assert isinstance(text, Procedural) and [p.text for p in text.paragraphs] == ["Hear, hear.", "Order!"]  # type: ignore[union-attr]


def test_malformed_xml_is_an_input_error_with_its_line() -> None:
    with pytest.raises(InputError) as caught:
        read(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n<body></text>\n</TEI>')
    assert caught.value.location == "line 3"


def test_a_corpus_root_without_sittings_is_refused_clearly() -> None:
    corpus = f'<teiCorpus xmlns="{TEI}" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="a.xml"/></teiCorpus>'
    with pytest.raises(InputError, match="holds no sitting"):
        read(corpus.encode())


def test_reads_round_trip_through_our_record_format() -> None:
    for path in (GB, SK, TR, CZ, BG_CASE):
        debate = read_file(path)
        assert record.from_dict(record.to_dict(debate), str(path)) == debate
