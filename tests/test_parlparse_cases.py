"""The parlparse-* cases of ../shared/cases/README.md ("Reading records faithfully"), each
with its right value.

The UK cases are copied in tests/data/parlparse-cases/ (Open Parliament Licence); the
OpenAustralia ones are Australian Hansard (CC BY-NC-ND), so they are tested with
look-alikes written for the tests (tests/parlparse_lookalikes.py) and, when the shared
folder is present, from ../shared itself.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, ROOT, needs
from exporter import document as d
from exporter.citations import cite
from exporter.cli import main
from exporter.compose import compose
from exporter.diagnostics import Reporter
from exporter.model import (
    Debate,
    Division,
    ListBlock,
    Paragraph,
    Procedural,
    Run,
    Section,
    Speech,
    SpeechKind,
    Table,
    speeches,
    walk_items,
)
from exporter.options import ComposeOptions, ReadOptions
from exporter.readers import parlparse
from parlparse_lookalikes import OA_REPS_DAY, OA_SENATE_NOTICE

CASES = DATA / "parlparse-cases"
SHARED_CASES = ROOT.parent / "shared" / "cases"


def read(path: Path, name: str | None = None) -> tuple[Debate, Reporter]:
    reporter = Reporter(str(path))
    return parlparse.read(path.read_bytes(), name or str(path), ReadOptions(), reporter), reporter


def read_text(text: str, name: str = "lookalike.xml") -> tuple[Debate, Reporter]:
    reporter = Reporter(name)
    return parlparse.read(text.encode("utf-8"), name, ReadOptions(), reporter), reporter


def briefing(debate: Debate) -> tuple[d.Document, Reporter]:
    reporter = Reporter("test")
    return compose(debate, ComposeOptions(), reporter).document, reporter


def sources_text(document: d.Document) -> str:
    blocks = list(document.blocks)
    start = next(
        i for i, b in enumerate(blocks) if isinstance(b, d.Heading) and d.plain_text(b.children) == "Sources"
    )
    return " ".join(d.plain_text(b.children) for b in blocks[start:] if isinstance(b, d.Paragraph))


def shared_case(name: str) -> Path:
    path = SHARED_CASES / name
    if not path.is_file():
        pytest.skip(f"{path} is not present (the shared cases live next to the repository)")
    return path


# --- parlparse-wrans-ques-reply.xml ------------------------------------------------------------


def test_written_answers_are_a_question_by_its_asker_and_an_answer_by_the_minister() -> None:
    debate, reporter = read(CASES / "parlparse-wrans-ques-reply.xml")
    question, answer = speeches(debate)
    assert (question.kind, debate.speaker(question.speaker).name) == (SpeechKind.QUESTION, "Nadine Dorries")
    assert (answer.kind, debate.speaker(answer.speaker).name) == (SpeechKind.ANSWER, "Helen Goodman")
    assert question.number == "295417"
    assert (question.column, answer.column) == ("209W", "209W")
    assert question.url.endswith("91027w0001.htm#09102775001308")
    assert answer.url.endswith("91027w0001.htm#09102775001309")
    assert not any(x.code == "parlparse-unknown-element" for x in reporter.diagnostics)


def test_a_table_in_a_reply_stays_a_table() -> None:
    debate, _ = read(CASES / "parlparse-wrans-ques-reply.xml")
    answer = speeches(debate)[1]
    table = next(block for block in answer.paragraphs if isinstance(block, Table))
    cells = [[cell.text for cell in row] for row in table.rows]
    # the full-width first row is the table's title; the italic row under it its header,
    # over an empty corner, so the first column labels the rows (issue 14)
    assert table.caption == "Cold weather payment triggers at Bedford weather station"
    assert table.header_rows == 1 and cells[0] == ["", "Number"]
    assert cells[1] == ["2002-03", "1"] and cells[7] == ["2008-09", "3"] and len(cells) == 9
    document, _ = briefing(debate)
    shown = [b for b in document.blocks if isinstance(b, d.Table) and "Cold weather" in b.caption]
    assert shown and any(d.cell_text(row[0]) == "2002-03" for row in shown[0].rows)


def test_written_answers_are_cited_with_the_w_mark_once() -> None:
    debate, _ = read(CASES / "parlparse-wrans-ques-reply.xml")
    assert cite(debate, speeches(debate)[0]) == "HC Deb 27 October 2009, col 209W"
    assert cite(debate, None) == "HC Deb 27 October 2009, col 209W"


# --- parlparse-wms-column-suffix.xml -------------------------------------------------------------


def test_written_statements_columns_keep_their_mark_once_and_ranges_print_it_once() -> None:
    debate, _ = read(CASES / "parlparse-wms-column-suffix.xml")
    first, second = speeches(debate)
    assert (first.column, second.column) == ("15WS", "16WS")
    assert cite(debate, first) == "HC Deb 28 October 2009, col 15WS"
    assert cite(debate, None) == "HC Deb 28 October 2009, cols 15–16WS"


# --- parlparse-italic-para-ends-speech.xml ---------------------------------------------------------


def test_an_italic_sub_heading_does_not_end_a_statement() -> None:
    debate, _ = read(CASES / "parlparse-italic-para-ends-speech.xml")
    items = walk_items(debate.sections)
    assert not any(isinstance(item, Procedural) for item in items)
    (statement,) = speeches(debate)
    assert debate.speaker(statement.speaker).name == "Alistair Darling"
    texts = [block.text for block in statement.paragraphs]
    assert texts[1] == "Preparation for the G20 finance ministers' meeting"
    assert texts[2].startswith("Ministers received an update")
    sub_heading = statement.paragraphs[1]
    assert isinstance(sub_heading, Paragraph) and all(run.emphasis for run in sub_heading.runs)


# --- parlparse-cp1252-charrefs.xml --------------------------------------------------------------


def test_windows_1252_character_numbers_are_the_characters_browsers_show() -> None:
    debate, _ = read(CASES / "parlparse-cp1252-charrefs.xml")
    text = speeches(debate)[0].paragraphs[0].text
    assert "going swimming—that kind of stuff" in text
    assert "the child’s parents" in text
    assert not any("\u0080" <= char <= "\u009f" for char in text)


@needs("pdftotext")
def test_windows_1252_punctuation_survives_into_the_pdf(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["convert", str(CASES / "parlparse-cp1252-charrefs.xml"), "-f", "pdf", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "parlparse-cp1252-charrefs.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    flat = " ".join(text.split())
    assert "child’s" in flat and "swimming—that" in flat


# --- parlparse-standing-committee.xml --------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["parlparse-standing-committee.xml", "standing2009-10-20_CHILDPOV_07-0_2009-10-29a.xml"]
)
def test_a_public_bill_committee_sitting_is_read_from_its_own_record(tmp_path: Path, name: str) -> None:
    path = tmp_path / name  # the published name carries the committee's first date: never used
    shutil.copyfile(CASES / "parlparse-standing-committee.xml", path)
    debate, _ = read(path)
    assert debate.title == "Child Poverty Bill"
    assert debate.date == dt.date(2009, 10, 29)
    assert (debate.house, debate.location, debate.chair) == (
        "House of Commons",
        "Public Bill Committee",
        "Robert Key",
    )
    assert cite(debate, speeches(debate)[0]) == "Child Poverty Bill Deb 29 October 2009, col 213"
    selous = debate.speaker("uk.org.publicwhip/member/1399")
    assert (selous.name, selous.constituency, selous.party) == (
        "Andrew Selous",
        "South-West Bedfordshire",
        "Conservative",
    )
    webb = debate.speaker("uk.org.publicwhip/member/1743")
    assert (webb.constituency, webb.party) == ("Northavon", "Liberal Democrat")


def test_the_committee_member_list_is_a_table_with_attendance() -> None:
    debate, _ = read(CASES / "parlparse-standing-committee.xml")
    note = debate.sections[0].items[0]
    assert isinstance(note, Procedural)
    table = note.paragraphs[0]
    assert isinstance(table, Table) and table.header_rows == 1
    rows = [[cell.text for cell in row] for row in table.rows]
    assert rows[0] == ["Member", "Constituency", "Party", "Role", "Attended"]
    assert ["Martin Caton", "", "", "Chair", "No"] in rows
    assert ["Robert Key", "", "", "Chair", "Yes"] in rows
    assert ["Judy Mallaber", "Amber Valley", "Labour", "", "Yes"] in rows
    assert "Committee clerks: Chris Stanton." in note.paragraphs[1].text


# --- parlparse-oa-dl-list-merged.xml ----------------------------------------------------------------


def _check_senate_notice(debate: Debate) -> None:
    (speech,) = speeches(debate)
    assert speech.speaker is not None and speech.kind is SpeechKind.SPEECH
    listed = [block for block in speech.paragraphs if isinstance(block, ListBlock)]
    assert len(listed) == 1 and [item.label for item in listed[0].items] == ["1.", "2."]
    texts = [block.text for block in speech.paragraphs]
    assert any("read as follows" in text for text in texts)
    assert debate.house == "Senate" and debate.profile == "au-senate"
    document, reporter = briefing(debate)
    lists = [b for b in document.blocks if isinstance(b, d.BulletList) and b.ordered]
    assert len(lists) == 1 and len(lists[0].items) == 2
    first = d.plain_text(lists[0].items[0].blocks[0].children)
    assert not first.startswith("1.") and "2005" in first and "2." not in first[-3:]
    sources = sources_text(document)
    assert "Open Parliament" not in sources and "Parliament of Australia" in sources
    assert "does not allow adapted material to be shared" in sources
    assert any(x.code == "licence-no-adaptation" for x in reporter.diagnostics)
    assert cite(debate, None).startswith("Commonwealth, Parliamentary Debates, Senate, 20 September 2007")


def test_openaustralia_lists_are_lists_and_the_speech_stays_whole() -> None:
    debate, _ = read_text(OA_SENATE_NOTICE)
    _check_senate_notice(debate)
    (speech,) = speeches(debate)  # incorporated text stays with the member; "Debate adjourned." does not
    assert speech.paragraphs[-1].text == "Each instrument was examined and found wanting."
    assert debate.source.publisher == "OpenAustralia"


def test_openaustralia_list_case_from_the_shared_folder() -> None:
    debate, _ = read(shared_case("parlparse-oa-dl-list-merged.xml"))
    _check_senate_notice(debate)


# --- parlparse-oa-empty-minor-heading.xml -------------------------------------------------------------


def _no_empty_heading(debate: Debate) -> None:
    document, _ = briefing(debate)
    headings = [b for b in document.blocks if isinstance(b, d.Heading)]
    assert all(d.plain_text(h.children).strip() for h in headings)
    contents = next(b for b in document.blocks if isinstance(b, d.Contents))
    assert all(entry.text.strip() for entry in contents.entries)


def test_an_empty_minor_heading_adds_no_heading_and_no_contents_entry() -> None:
    debate, _ = read_text(OA_REPS_DAY)
    assert [section.title for section in debate.sections] == ["SAMPLE MOTION"]
    assert not any(isinstance(item, type(debate.sections[0])) for item in debate.sections[0].items)
    _no_empty_heading(debate)


def test_empty_minor_heading_case_from_the_shared_folder() -> None:
    debate, _ = read(shared_case("parlparse-oa-empty-minor-heading.xml"))
    _no_empty_heading(debate)
    assert debate.house == "House of Representatives"


# --- parlparse-oa-division-note-none.xml ----------------------------------------------------------------


def _no_none_cell(debate: Debate) -> list[d.Table]:
    document, _ = briefing(debate)
    tables = [b for b in document.blocks if isinstance(b, d.Table)]
    for table in tables:
        for row in (*table.head, *table.rows):
            assert all(d.cell_text(cell) not in ("None", "Not None") for cell in row)
    return tables


def test_a_division_table_never_prints_none() -> None:
    debate, _ = read_text(OA_REPS_DAY)
    division = next(item for item in walk_items(debate.sections) if isinstance(item, Division))
    assert [(c.side, c.value) for c in division.counts] == [("ayes", 3), ("noes", 2)]
    tables = _no_none_cell(debate)
    votes = next(t for t in tables if "how members voted" in t.caption)
    notes = {d.cell_text(row[0]): d.cell_text(row[2]) for row in votes.rows}
    assert notes == {
        "Pat Sample Member": "",
        "Lee Example Member": "Teller",
        "Kim Specimen Member": "",
        "Jo Instance Member": "Teller",
        "Sam Case Member": "",
    }


def test_division_case_from_the_shared_folder() -> None:
    debate, _ = read(shared_case("parlparse-oa-division-note-none.xml"))
    _no_none_cell(debate)


def test_a_division_with_no_notes_has_no_note_column() -> None:
    plain = OA_REPS_DAY.replace(' teller="yes"', "")
    tables = _no_none_cell(read_text(plain)[0])
    votes = next(t for t in tables if "how members voted" in t.caption)
    assert [d.cell_text(c) for c in votes.head[0]] == ["Member", "Vote"]


# --- the cases through the command line, as users run them ------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.glob("*.xml")))
def test_each_case_converts_to_every_format(tmp_path: Path, runner: CliRunner, name: str) -> None:
    result = runner.invoke(
        main, ["convert", str(CASES / name), "-f", "docx,pdf,json", "-o", str(tmp_path), "--check"]
    )
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.iterdir())) == 3


# --- counts and details agree with the body -----------------------------------------------------------------


def test_a_proxy_vote_names_the_member_who_cast_it() -> None:
    day = (
        '<publicwhip><major-heading id="uk.org.publicwhip/debate/2023-03-28d.1.0">Votes</major-heading>'
        '<division id="uk.org.publicwhip/debate/2023-03-28d.2.0" divnumber="7">'
        '<divisioncount ayes="2" noes="0"/><mplist vote="aye">'
        '<mpname person_id="uk.org.publicwhip/person/1" vote="aye" proxy="uk.org.publicwhip/person/2">Ann Example</mpname>'
        '<mpname person_id="uk.org.publicwhip/person/2" vote="aye">Bea Sample</mpname>'
        '<mpname person_id="uk.org.publicwhip/person/3" vote="aye" proxy="uk.org.publicwhip/person/9">Cy Case</mpname>'
        "</mplist></division></publicwhip>"
    )
    debate, _ = read_text(day)
    division = next(item for item in walk_items(debate.sections) if isinstance(item, Division))
    assert [vote.proxy for vote in division.votes] == ["Bea Sample", None, "uk.org.publicwhip/person/9"]
    table = next(t for t in _no_none_cell(debate) if "how members voted" in t.caption)
    notes = [d.cell_text(row[2]) for row in table.rows]
    assert notes[0] == "Proxy vote cast by Bea Sample"
    assert notes[1] == ""
    assert (
        notes[2]
        == "Proxy vote; the record names the member who cast it only by id (uk.org.publicwhip/person/9)"
    )


def test_a_blank_section_title_adds_no_heading_and_no_contents_entry() -> None:
    spoken = Speech("s1", None, (Paragraph((Run("Words."),)),), label="A Member")
    debate = Debate("A day", (Section("A day", (Section("  ", (spoken,)),)),))
    document, _ = briefing(debate)
    headings = [d.plain_text(b.children) for b in document.blocks if isinstance(b, d.Heading)]
    assert "  " not in headings and "" not in headings and "A Member" in headings
    contents = next(b for b in document.blocks if isinstance(b, d.Contents))
    assert all(entry.text.strip() for entry in contents.entries)


@pytest.mark.parametrize("name", ["oa-senate.xml", "oa-reps.xml"])
def test_openaustralia_lookalikes_convert_to_every_format(
    tmp_path: Path, runner: CliRunner, name: str
) -> None:
    source = tmp_path / name
    source.write_text(OA_SENATE_NOTICE if "senate" in name else OA_REPS_DAY, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        main, ["convert", str(source), "-f", "docx,pdf,json", "-o", str(out), "--check", "-v"]
    )
    assert result.exit_code == 0, result.output
    assert "licence-no-adaptation" in result.output
    assert len(list(out.iterdir())) == 3


def test_citation_option_offers_every_form_and_falls_back_with_a_warning(
    tmp_path: Path, runner: CliRunner
) -> None:
    source = tmp_path / "oa-senate.xml"
    source.write_text(OA_SENATE_NOTICE, encoding="utf-8")
    result = runner.invoke(
        main, ["convert", str(source), "-f", "json", "-o", str(tmp_path), "--citation", "oscola", "-v"]
    )
    assert result.exit_code == 0, result.output
    assert "the au-senate profile offers aglc, neutral, not oscola; cited in aglc" in result.output
    data = json.loads((tmp_path / "oa-senate.json").read_text())
    assert data["profile"] == "au-senate"
    assert data["briefing"]["citation"] == "Commonwealth, Parliamentary Debates, Senate, 20 September 2007"
    help_text = runner.invoke(main, ["convert", "--help"]).output
    for style in ("auto", "oscola", "short", "harvard", "aglc", "official-report", "neutral"):
        assert style in help_text
