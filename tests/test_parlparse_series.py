"""Every ParlParse series read faithfully: the series, house and date from the record, the
parliament's citation form, and every spoken word and named speaker kept.

Trimmed real files are in tests/data/parlparse/ (tests/data/README.md); look-alikes of the
series whose text we may not copy are in tests/parlparse_lookalikes.py; the whole shared
records are read from ../shared when it is present.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import DATA, ROOT
from exporter import document as d
from exporter import parliaments
from exporter.citations import choose, cite
from exporter.cli import main
from exporter.compose import compose
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.model import (
    Debate,
    Division,
    ListBlock,
    Paragraph,
    Procedural,
    ProceduralKind,
    Speech,
    SpeechKind,
    Table,
    speeches,
    walk_items,
)
from exporter.options import ComposeOptions, ReadOptions
from exporter.readers import parlparse
from exporter.readers.parlparse_charrefs import TABLE, UNMAPPED
from exporter.readers.table_headers import TITLE_JOINER
from exporter.summarise.candidates import collect
from parlparse_lookalikes import (
    NI_DAY,
    OA_REPS_DAY,
    OA_SENATE_NOTICE,
    OLD_STANDING_COMMITTEE,
    SENEDD_DAY,
    SENEDD_DAY_CY,
    SENEDD_DAY_EN_OFFICES,
)

PARLPARSE = DATA / "parlparse"
SHARED = ROOT.parent / "shared" / "records" / "parlparse"


def read(path: Path) -> tuple[Debate, Reporter]:
    reporter = Reporter(path.name)
    return parlparse.read(path.read_bytes(), str(path), ReadOptions(), reporter), reporter


def read_text(text: str, name: str = "lookalike.xml") -> tuple[Debate, Reporter]:
    reporter = Reporter(name)
    return parlparse.read(text.encode("utf-8"), name, ReadOptions(), reporter), reporter


def by_id(debate: Debate, tail: str) -> Speech:
    return next(s for s in speeches(debate) if s.id and s.id.endswith(tail))


# --- House of Lords: written answers and written statements ------------------------------------------


def test_lords_written_answers_are_the_lords_and_cited_with_wa_before_the_column() -> None:
    debate, _ = read(PARLPARSE / "lordswrans2009-10-26a-excerpt.xml")
    assert (debate.house, debate.location, debate.profile) == (
        "House of Lords",
        "Written Answers",
        "uk-lords-written-answers",
    )
    question, answer = by_id(debate, "101.1"), by_id(debate, "101.2")
    assert (question.kind, question.number, question.column) == (SpeechKind.QUESTION, "HL5669", "WA101")
    assert (debate.speaker(question.speaker).name, debate.speaker(answer.speaker).name) == (
        "Lord Moonie",
        "Baroness Taylor of Bolton",
    )
    assert answer.kind is SpeechKind.ANSWER
    assert answer.number == "HL5669"  # the question it answers
    assert cite(debate, question) == "HL Deb 26 October 2009, col WA101"
    assert cite(debate, answer) == f"HL Deb 26 October 2009, col {answer.column}"  # the Lords cite a column
    assert cite(debate, None) == "HL Deb 26 October 2009, cols WA101–08"
    assert any(isinstance(block, Table) for block in by_id(debate, "108.3").paragraphs)
    assert debate.title == ""  # the briefing names it, in its language (tests/test_titles.py)


def test_lords_written_statements_are_cited_with_ws_before_the_column() -> None:
    debate, _ = read(PARLPARSE / "lordswms2009-10-26a-excerpt.xml")
    assert debate.profile == "uk-lords-written-statements"
    statement = speeches(debate)[0]
    assert statement.column == "WS87"
    assert cite(debate, statement) == "HL Deb 26 October 2009, col WS87"


# --- the Scottish Parliament ---------------------------------------------------------------------------


def test_scottish_parliament_names_give_constituency_and_party_and_keep_the_full_name() -> None:
    debate, _ = read(PARLPARSE / "sp2009-10-28-excerpt.xml")
    assert (debate.house, debate.profile, debate.date) == (
        "Scottish Parliament",
        "scottish-parliament",
        dt.date(2009, 10, 28),
    )
    simpson = debate.speaker("uk.org.publicwhip/member/80386")
    # printed "Dr Richard Simpson (Mid Scotland and Fife) (Lab)" first, then "Dr Simpson"
    assert (simpson.name, simpson.constituency, simpson.party) == (
        "Dr Richard Simpson",
        "Mid Scotland and Fife",
        "Labour",
    )
    assert by_id(debate, "20578.1").speaker == "uk.org.publicwhip/member/80386"
    chair = by_id(debate, "20529.2")
    assert (debate.speaker(chair.speaker).name, chair.role) == (
        "Alasdair Morgan",
        "The Deputy Presiding Officer",
    )
    reflection = by_id(debate, "20529.3")
    assert reflection.speaker is None
    assert reflection.label == "Father Paul Kelly (St Michael's Roman Catholic Church, Linlithgow)"


def test_scottish_parliament_is_cited_as_its_official_report_cites_itself() -> None:
    debate, _ = read(PARLPARSE / "sp2009-10-28-excerpt.xml")
    assert cite(debate, by_id(debate, "20529.3")) == "Official Report, 28 October 2009; c 20529"
    assert cite(debate, by_id(debate, "20529.3"), "neutral").startswith(
        "Scottish Parliament, Meeting of the Parliament, 28 October 2009, col 20529, http://www.scottish.parliament.uk/"
    )


def test_scottish_written_answers_keep_their_question_numbers() -> None:
    debate, reporter = read(PARLPARSE / "spwa2009-10-26-excerpt.xml")
    assert debate.profile == "scottish-parliament-written-answers"
    question = by_id(debate, "S3W-28257.q0")
    assert (question.kind, question.number) == (SpeechKind.QUESTION, "S3W-28257")
    peacock = debate.speaker(question.speaker)
    assert (peacock.name, peacock.constituency, peacock.party) == (
        "Peter Peacock",
        "Highlands and Islands",
        "Labour",
    )
    assert cite(debate, question) == "Official Report, Written Answers, 26 October 2009; S3W-28257"
    grouped = [by_id(debate, "S3W-28168.q0"), by_id(debate, "S3W-28169.q1"), by_id(debate, "S3W-28169.r0")]
    assert [s.kind for s in grouped] == [SpeechKind.QUESTION, SpeechKind.QUESTION, SpeechKind.ANSWER]
    # an answer carries the number of the question it answers, so a quoted answer can be traced
    answer = by_id(debate, "S3W-28257.r0")
    assert (answer.kind, answer.number) == (SpeechKind.ANSWER, "S3W-28257")
    assert cite(debate, answer) == "Official Report, Written Answers, 26 October 2009; S3W-28257"
    assert grouped[2].number == "S3W-28168, S3W-28169"  # one answer to two questions
    assert cite(debate, grouped[2]) == "Official Report, Written Answers, 26 October 2009; S3W-28168, S3W-28169"
    assert by_id(debate, "S3W-27778.r0").number == "S3W-27778"
    document = compose(debate, ComposeOptions(summary="none"), Reporter()).document
    lines = [d.plain_text(b.children) for b in document.blocks if isinstance(b, d.Paragraph) and b.role == "source"]
    assert any(line.startswith("Answer to question S3W-28257. ") for line in lines)
    assert any(line.startswith("Answer to questions S3W-28168, S3W-28169. ") for line in lines)
    assert any(line.startswith("Question. Question number S3W-28257. ") for line in lines)
    assert any(isinstance(b, Table) for b in by_id(debate, "S3W-27778.r0").paragraphs)
    assert debate.source.url == "http://www.scottish.parliament.uk/business/pqa/wa-09/wa1026.htm"
    assert not [x for x in reporter.diagnostics if x.code == "parlparse-unknown-element"]


# --- Public Bill Committee: its division; an old standing committee ---------------------------------------


def test_a_committee_division_is_a_division_with_its_votes() -> None:
    debate, _ = read(PARLPARSE / "standing2009-10-20_CHILDPOV_05-0_2009-10-27a-excerpt.xml")
    assert (debate.date, debate.chair) == (dt.date(2009, 10, 27), "Robert Key")
    division = next(item for item in walk_items(debate.sections) if isinstance(item, Division))
    assert division.number == "1"
    assert [(c.side, c.value) for c in division.counts] == [("ayes", 5), ("noes", 11)]
    assert len(division.votes) == 16 and division.votes[0].name == "Baron, Mr. John"
    assert division.votes[0].speaker == "uk.org.publicwhip/member/1409"
    decisions = [
        i
        for i in walk_items(debate.sections)
        if isinstance(i, Procedural) and i.kind is ProceduralKind.DECISION
    ]
    assert any(p.text == "Question accordingly negatived." for item in decisions for p in item.paragraphs)
    goodman = [m for m in debate.speakers if m.id == "uk.org.publicwhip/member/1421"]
    assert not goodman  # a member who does not speak is in the member list, not among the speakers


def test_an_old_standing_committee_is_cited_by_its_letter() -> None:
    debate, _ = read_text(OLD_STANDING_COMMITTEE)
    assert (debate.profile, debate.committee, debate.location) == (
        "uk-commons-standing-committee",
        "A",
        "Standing Committee A",
    )
    assert cite(debate, speeches(debate)[0]) == "SC Deb (A) 13 May 1998, col 345"


# --- Northern Ireland Assembly, Senedd ----------------------------------------------------------------------


def test_northern_ireland_italics_do_not_end_a_speech_but_question_put_does() -> None:
    debate, _ = read_text(NI_DAY)
    (speech,) = speeches(debate)
    texts = [block.text for block in speech.paragraphs]
    assert texts == [
        "I beg to move",
        "That this Assembly notes the example report.",
        "I welcome the opportunity to propose the motion.",
        "(Mr Deputy Speaker [Mr Example] in the Chair)",
        "The report deserves our attention, and I commend it to the House.",
    ]
    after = [i for i in walk_items(debate.sections) if isinstance(i, Procedural)][-1]
    assert [p.text for p in after.paragraphs] == ["Question put.", "The Assembly divided: Ayes 35; Noes 41."]
    assert (debate.house, debate.profile) == ("Northern Ireland Assembly", "ni-assembly")
    assert (
        cite(debate, None)
        == "Northern Ireland Assembly, 12 October 2009, https://www.theyworkforyou.com/ni/?d=2009-10-12"
    )
    document = compose(debate, ComposeOptions(summary="none"), Reporter()).document
    assert "licen" not in " ".join(
        d.plain_text(b.children) for b in document.blocks if isinstance(b, d.Paragraph)
    )


def test_the_senedd() -> None:
    debate, _ = read_text(SENEDD_DAY)
    assert (debate.house, debate.profile, debate.date) == (
        "Senedd Cymru – Welsh Parliament",
        "senedd",
        dt.date(2021, 6, 8),
    )
    assert cite(debate, speeches(debate)[0]) == (
        "Senedd Cymru – Welsh Parliament, 8 June 2021, https://record.senedd.wales/Plenary/1#A1"
    )


@pytest.mark.parametrize(
    ("text", "profile", "chair", "minister", "deputy"),
    [
        (SENEDD_DAY_CY, "senedd-cy", "Y Llywydd", "Y Prif Weinidog", "Y Dirprwy Lywydd"),
        (SENEDD_DAY_EN_OFFICES, "senedd", "The Llywydd", "The First Minister", "The Deputy Presiding Officer"),
    ],
    ids=["cy", "en"],
)
def test_the_senedd_s_offices_in_either_language_are_offices_and_its_chair_is_the_chair(
    text: str, profile: str, chair: str, minister: str, deputy: str, tmp_path: Path
) -> None:
    """ "Y Llywydd (Elin Jones)" is Elin Jones speaking as Llywydd, never a member named "Y
    Llywydd" for the seat "Elin Jones"; the chair's words are never the debate's substance,
    and those who chaired are named At a glance."""
    debate, _ = read_text(text)
    assert debate.profile == profile
    assert [(p.name, p.constituency) for p in debate.speakers] == [
        ("Gwen Enghraifft", None),
        ("Rhian Example", None),
        ("Dafydd Sampl", None),
        ("Huw Esiampl", None),
    ]
    assert [s.role for s in speeches(debate)] == [chair, None, minister, deputy]
    found = collect(debate)  # the First Minister, in either language, is the minister who replies
    assert {c.sentence.speaker_id for c in found if c.minister} == {"uk.org.publicwhip/person/99102"}
    assert {c.sentence.speaker_id for c in found if c.chair} == {
        "uk.org.publicwhip/person/99100",
        "uk.org.publicwhip/person/99103",
    }
    record = tmp_path / "senedd.xml"
    record.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(record), "-o", str(tmp_path), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    briefing = json.loads((tmp_path / "senedd.json").read_text(encoding="utf-8"))["briefing"]
    quoted = {sentence["speech"] for sentence in briefing["summary"]}
    assert quoted and not quoted & {by_id(debate, ".1.1").id, by_id(debate, ".1.4").id}
    assert briefing["at_a_glance"]["chairs"] == ["Gwen Enghraifft", "Huw Esiampl"]
    assert [s["heading"] for s in briefing["speakers"]][0].startswith("Gwen Enghraifft")


# --- OpenAustralia: decided by its root and its addresses ---------------------------------------------------


def test_openaustralia_days_are_the_parliament_of_australia_whatever_their_id_prefixes() -> None:
    reps, _ = read_text(OA_REPS_DAY)
    senate, _ = read_text(OA_SENATE_NOTICE)
    assert (reps.house, reps.profile, reps.source.licence) == (
        "House of Representatives",
        "au-representatives",
        parliaments.find("au-representatives").licence.name,
    )
    assert senate.house == "Senate"
    # the same ids under a <publicwhip> root are still Australian: the addresses say so
    as_publicwhip = OA_REPS_DAY.replace("<debates>", "<publicwhip>").replace("</debates>", "</publicwhip>")
    assert read_text(as_publicwhip)[0].profile == "au-representatives"
    # and UK ids of the same type, with UK addresses, are the Commons
    uk = OA_REPS_DAY.replace("<debates>", "<publicwhip>").replace("</debates>", "</publicwhip>")
    uk = re.sub(r'url="http://parlinfo[^"]*"', 'url=""', uk)
    assert read_text(uk)[0].profile == "uk-commons"


# --- facts from the record: versions ---------------------------------------------------------------------


def _version(revision: str, latest: str, redirect_to: str | None = None) -> str:
    redirect = (
        f'<gidredirect oldgid="uk.org.publicwhip/wrans/2009-10-26{revision}.1.0" '
        f'newgid="uk.org.publicwhip/wrans/2009-10-26{redirect_to}.1.0" matchtype="perfectmatch"/>'
        if redirect_to
        else ""
    )
    return (
        f'<publicwhip scrapeversion="{revision}" latest="{latest}">{redirect}'
        f'<minor-heading id="uk.org.publicwhip/wrans/2009-10-26{revision}.1.0" colnum="1W">Example</minor-heading>'
        f'<ques id="uk.org.publicwhip/wrans/2009-10-26{revision}.1.1" speakerid="uk.org.publicwhip/member/1" '
        f'speakername="A Member" colnum="1W"><p qnum="1">To ask something.</p></ques></publicwhip>'
    )


def test_a_superseded_file_names_the_latest_version_in_its_folder(tmp_path: Path) -> None:
    for revision, latest in (("a", "no"), ("b", "no"), ("c", "yes")):
        (tmp_path / f"answers2009-10-26{revision}.xml").write_text(
            _version(revision, latest, "b"), encoding="utf-8"
        )
    debate, reporter = read(tmp_path / "answers2009-10-26a.xml")
    assert (debate.source.superseded, debate.source.successor) == (True, "answers2009-10-26c.xml")
    assert any(
        x.code == "parlparse-superseded" and "answers2009-10-26c.xml" in x.message
        for x in reporter.diagnostics
    )
    document = compose(debate, ComposeOptions(summary="none"), Reporter()).document
    said = [d.plain_text(b.children) for b in document.blocks if isinstance(b, d.Paragraph)]
    assert "Not the latest version of this record: a later version exists (answers2009-10-26c.xml)." in said
    latest, _ = read(tmp_path / "answers2009-10-26c.xml")
    assert (latest.source.superseded, latest.source.successor) == (False, None)


def test_a_superseded_file_alone_names_the_revision_its_redirects_give(tmp_path: Path) -> None:
    (tmp_path / "answers2009-10-26a.xml").write_text(_version("a", "no", "b"), encoding="utf-8")
    debate, _ = read(tmp_path / "answers2009-10-26a.xml")
    assert debate.source.successor == "uk.org.publicwhip/wrans/2009-10-26b"


def test_a_file_of_nothing_but_redirects_is_refused_naming_its_successor(tmp_path: Path) -> None:
    path = tmp_path / "debates2009-10-27c.xml"
    path.write_text(
        '<publicwhip latest="no"><gidredirect oldgid="uk.org.publicwhip/debate/2009-10-27c.1.0" '
        'newgid="uk.org.publicwhip/debate/2009-10-27d.1.0" matchtype="perfectmatch"/></publicwhip>',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="only redirects to a later version"):
        read(path)


# --- Windows-1252 character numbers ------------------------------------------------------------------------


def test_every_windows_1252_number_maps_as_browsers_map_it_and_the_unmapped_five_are_removed() -> None:
    assert UNMAPPED == (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    assert (TABLE[0x80], TABLE[0x85], TABLE[0x91], TABLE[0x96], TABLE[0x9F]) == ("€", "…", "‘", "–", "Ÿ")
    refs = "".join(f"&#{code};" for code in range(0x80, 0xA0))
    debate, reporter = read_text(
        '<publicwhip><minor-heading id="uk.org.publicwhip/debate/2009-10-28a.1.0">T</minor-heading>'
        f'<speech id="uk.org.publicwhip/debate/2009-10-28a.1.1" speakerid="uk.org.publicwhip/member/1" '
        f'speakername="A Member"><p>[{refs}]</p></speech></publicwhip>'
    )
    text = speeches(debate)[0].paragraphs[0].text
    assert text == "[" + "".join(TABLE[code] for code in range(0x80, 0xA0)) + "]"
    assert len(text) == 2 + 32 - 5
    removed = [x for x in reporter.diagnostics if x.code == "text-removed-characters"]
    assert len(removed) == 1 and "removed 5 character(s)" in removed[0].message


# --- fidelity: every spoken word and every named speaker -----------------------------------------------------


_BROWSER = {code: bytes([code]).decode("cp1252", "ignore") for code in range(0x80, 0xA0)}
_APART = frozenset({"dt", "dd", "li", "tr", "td", "th", "table", "dl", "ul", "ol"})


def source_blocks(root: etree._Element) -> list[list[str]]:
    """An independent reading: the words of every block of every speech, question and
    answer, in order; list items and table cells apart; Windows-1252 numbers decoded as
    Windows-1252."""
    return [_words(block) for block in root.xpath("/*/speech/* | /*/ques/* | /*/reply/*")]


def _words(element: etree._Element) -> list[str]:
    texts: list[str] = []

    def walk(node: etree._Element) -> None:
        apart = isinstance(node.tag, str) and node.tag in _APART
        if apart:
            texts.append(" ")
        texts.append(node.text or "")
        for child in node:
            walk(child)
            texts.append(child.tail or "")
        if apart:
            texts.append(" ")

    walk(element)
    return "".join(texts).translate(_BROWSER).split()


def model_words(debate: Debate) -> list[str]:
    words: list[str] = []
    for item in walk_items(debate.sections):
        if isinstance(item, (Speech, Procedural)):
            for block in item.paragraphs:
                if isinstance(block, Table):
                    # full-width title rows are the table's caption, joined by a dash (issue 14)
                    words.extend((block.caption or "").replace(TITLE_JOINER, " ").split())
                    for row in block.rows:
                        for cell in row:
                            words.extend("".join(run.text for run in cell.runs).split())
                else:
                    for run_text in _block_text(block):
                        words.extend(run_text.split())
    return words


def _block_text(block: object) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, ListBlock):
        return [
            text for item in block.items for text in (item.label or "", *(p.text for p in item.paragraphs))
        ]
    return []


def assert_faithful(data: bytes, debate: Debate) -> None:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=True, load_dtd=False, no_network=True))
    joined = " " + " ".join(model_words(debate)) + " "
    position = in_order = windows = 0
    for words in source_blocks(root):
        for start in range(0, max(len(words) - 5, 1), 6):
            run = " ".join(words[start : start + 6])
            if not run:
                continue
            windows += 1
            at = joined.find(" " + run + " ", position)
            if at >= 0:
                in_order += 1
                position = at + 1
    assert in_order == windows, f"{in_order} of {windows} runs of words found in order"
    model = {s.id: s for s in speeches(debate)}
    for element in root.xpath("/*/speech | /*/ques | /*/reply"):
        printed = element.get("speakername")
        person = element.get("person_id") or element.get("speakerid")
        if not printed and (element.get("nospeaker") or "").lower() == "true":
            continue  # procedural text
        speech = model.get(element.get("id"))
        assert speech is not None, f"no speech for {element.get('id')} ({printed})"
        if person and person != "unknown":
            assert speech.speaker == person, element.get("id")
            assert debate.speaker(person) is not None and debate.speaker(person).name
            if "(" in printed:  # an office with its holder's name is never taken for the name
                assert debate.speaker(person).name != speech.role, element.get("id")  # "Y Llywydd (Elin Jones)"
        else:
            assert speech.label, element.get("id")


def assert_cited_in_its_parliaments_form(debate: Debate) -> None:
    """In the parliament's own form; another only when the record lacks what it needs."""
    profile = parliaments.profile_of(debate)
    citation = cite(debate, None)
    choice = choose(debate)
    assert choice.form is profile.default_form or "needs the record's" in (choice.note or "")
    assert choice.head and citation.startswith(choice.head), (citation, choice.head)
    if debate.date:
        assert f"{debate.date.day} {debate.date:%B %Y}" in citation


def assert_no_empty_heading_and_no_none(debate: Debate) -> None:
    document = compose(debate, ComposeOptions(summary="none"), Reporter()).document
    for block in document.blocks:
        if isinstance(block, d.Heading):
            assert d.plain_text(block.children).strip()
        if isinstance(block, d.Table):
            assert all(d.cell_text(c) != "None" for row in block.rows for c in row)


TRIMMED = sorted(PARLPARSE.glob("*.xml")) + sorted((DATA / "parlparse-cases").glob("*.xml"))


@pytest.mark.parametrize("path", TRIMMED, ids=lambda p: p.name)
def test_trimmed_records_keep_every_word_and_speaker(path: Path) -> None:
    debate, _ = read(path)
    assert_faithful(path.read_bytes(), debate)
    assert_cited_in_its_parliaments_form(debate)
    assert_no_empty_heading_and_no_none(debate)


@pytest.mark.parametrize(
    "text",
    [OA_REPS_DAY, OA_SENATE_NOTICE, NI_DAY, SENEDD_DAY, SENEDD_DAY_CY, SENEDD_DAY_EN_OFFICES, OLD_STANDING_COMMITTEE],
    ids=lambda t: t[60:100],
)
def test_lookalike_records_keep_every_word_and_speaker(text: str) -> None:
    debate, _ = read_text(text)
    assert_faithful(text.encode("utf-8"), debate)
    assert_cited_in_its_parliaments_form(debate)
    assert_no_empty_heading_and_no_none(debate)


SHARED_RECORDS = sorted(SHARED.glob("*.xml")) if SHARED.is_dir() else []


@pytest.mark.skipif(
    not SHARED_RECORDS, reason="the shared records (../shared/records/parlparse) are not present"
)
@pytest.mark.parametrize("path", SHARED_RECORDS, ids=lambda p: p.name)
def test_every_shared_record_keeps_every_word_and_speaker_and_is_cited_in_its_form(path: Path) -> None:
    debate, reporter = read(path)
    assert_faithful(path.read_bytes(), debate)
    assert_cited_in_its_parliaments_form(debate)
    assert_no_empty_heading_and_no_none(debate)
    assert debate.date is not None and debate.profile is not None
    assert not [x for x in reporter.diagnostics if x.code == "parlparse-unknown-element"]


@pytest.mark.skipif(
    not SHARED_RECORDS, reason="the shared records (../shared/records/parlparse) are not present"
)
def test_shared_records_series_and_citations() -> None:
    expected = {
        "debates2009-10-28c.xml": ("uk-commons", "HC Deb 28 October 2009, cols 267–417"),
        "lords_daylord2009-10-29a.xml": ("uk-lords", "HL Deb 29 October 2009, cols 1265–328"),
        "westminhall_westminster2009-10-28a.xml": (
            "uk-commons-westminster-hall",
            "HC Deb 28 October 2009, cols 71–139WH",
        ),
        "wms_ministerial2009-10-28a.xml": (
            "uk-commons-written-statements",
            "HC Deb 28 October 2009, cols 13–20WS",
        ),
        "wrans_answers2009-10-27c.xml": (
            "uk-commons-written-answers",
            "HC Deb 27 October 2009, cols 209–346W",
        ),
        "standing2009-10-20_CHILDPOV_07-0_2009-10-29a.xml": (
            "uk-commons-public-bill-committee",
            "Child Poverty Bill Deb 29 October 2009, cols 213–34",
        ),
        "openaustralia_representatives_2007-09-20.xml": (
            "au-representatives",
            "Commonwealth, Parliamentary Debates, House of Representatives, 20 September 2007",
        ),
    }
    for name, (profile, citation) in expected.items():
        debate, _ = read(SHARED / name)
        assert (debate.profile, cite(debate, None)) == (profile, citation), name


def test_modern_written_answers_tell_the_lords_by_their_question_numbers_and_addresses() -> None:
    lords = (
        '<publicwhip><major-heading id="uk.org.publicwhip/wrans/2021-01-05.HL11593.mh">Health</major-heading>'
        '<ques id="uk.org.publicwhip/wrans/2021-01-05.HL11593.q0" person_id="uk.org.publicwhip/person/1" '
        'speakername="A Peer" url="https://questions-statements.parliament.uk/written-questions/detail/'
        '2021-01-05/HL11593"><p qnum="HL11593">To ask Her Majesty\'s Government something.</p></ques>'
        '<reply id="uk.org.publicwhip/wrans/2021-01-05.HL11593.r0" person_id="uk.org.publicwhip/person/2" '
        'speakername="A Minister"><p>An answer.</p></reply></publicwhip>'
    )
    debate, _ = read_text(lords)
    assert (debate.house, debate.profile) == ("House of Lords", "uk-lords-written-answers")
    assert speeches(debate)[0].number == "HL11593"
    commons = lords.replace("HL11593", "123456")
    assert read_text(commons)[0].profile == "uk-commons-written-answers"


def test_a_lords_file_whose_columns_are_all_grand_committee_columns_is_the_grand_committee() -> None:
    day = (
        '<publicwhip><major-heading id="uk.org.publicwhip/lords/2009-07-02a.GC148.0" colnum="GC148">Bill</major-heading>'
        '<speech id="uk.org.publicwhip/lords/2009-07-02a.GC148.1" speakerid="uk.org.publicwhip/lord/1" '
        'speakername="Lord Example" colnum="GC148"><p>My Lords, words.</p></speech></publicwhip>'
    )
    debate, _ = read_text(day)
    assert (debate.location, debate.profile) == ("Grand Committee", "uk-lords-grand-committee")
    assert cite(debate, speeches(debate)[0]) == "HL Deb 2 July 2009, col GC148"
