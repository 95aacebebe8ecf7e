"""Issue 16: a briefing a researcher can use on a whole sitting day.

Done when: on the shared Lords day the debate starts in the first tenth of the PDF's pages,
the PDF contents has page numbers, no table cell says "None" or "Not recorded" and no column
is empty; on the shared Commons day the summary is grouped under its debates' titles and every
summary sentence links to its speech; key points never repeat a summary sentence in any shared
record; veraPDF and the DOCX rules still pass. The shared records live beside the repository
(``../shared``); the tests that need them skip when it is not there. The golden sitting day
(tests/golden_trees.py) checks the PDF contents and its tagging without them.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import docx
import docx.table
import pikepdf
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from lxml import etree

from conftest import ROOT, SAMPLES, needs
from exporter import checks
from exporter.cli import main
from exporter.compose import compose
from exporter.diagnostics import Reporter, Severity
from exporter.document_json import from_json
from exporter.options import ComposeOptions
from exporter.pipeline import Job, read_debate
from golden_trees import sitting_day
from pdf_reading import (
    VERAPDF,
    element_texts,
    open_pdf,
    poppler_file,
    structure_tree,
    verapdf_many,
    write_pdf,
)

SHARED = ROOT.parent / "shared" / "records"
LORDS = SHARED / "parlparse" / "lords_daylord2009-10-29a.xml"
COMMONS = SHARED / "parlparse" / "debates2009-10-28c.xml"
WESTMINSTER_HALL = SHARED / "parlparse" / "westminhall_westminster2009-10-28a.xml"
SHARED_RECORDS = (
    sorted(
        p
        for p in SHARED.glob("*/*.*")
        if p.suffix in (".xml", ".json", ".txt") and "divisions_for" not in p.name
    )
    if SHARED.is_dir()
    else []
)
FILLER = re.compile(r"^\s*(none|not recorded)\s*$", re.IGNORECASE)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not present (the shared records live next to the repository)")
    return path


def convert(record: Path, out: Path, *options: str) -> dict[str, Path]:
    result = CliRunner().invoke(main, ["convert", str(record), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return {path.suffix.lstrip(".") if ".tree" not in path.name else "tree": path for path in out.iterdir()}


@pytest.fixture(scope="module")
def lords(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("lords")
    return convert(shared(LORDS), out, "-f", "docx,pdf,json,tree")


@pytest.fixture(scope="module")
def commons(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("commons")
    return convert(shared(COMMONS), out, "-f", "docx,json,tree")


# --- reading the PDF back --------------------------------------------------------------------


def outline(pdf: pikepdf.Pdf, nested: bool = False) -> list[tuple[str, int]]:
    """(title, page number) of each outline entry under the title (and, ``nested``, under
    those), in order."""
    pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}

    def walk(entries: list) -> list[tuple[str, int]]:
        found = []
        for entry in entries:
            found.append((entry.title, pages[entry.destination[0].objgen]))
            if nested:
                found += walk(list(entry.children))
        return found

    with pdf.open_outline() as tree:
        top = list(tree.root)
        return walk(top[0].children if len(top) == 1 else top)


def contents_entries(data: bytes, tmp: Path) -> list[tuple[str, int | None, int]]:
    """Each contents entry of a PDF: (its words, the page number it shows, the page its link
    goes to), from the structure tree (TOC > TOCI > Reference > Link) and its tagged text."""
    with open_pdf(data) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        (toc,) = structure_tree(pdf).find("TOC")
        targets = []
        for item in toc.kids:
            assert item.type == "TOCI"
            (reference,) = item.kids
            (link,) = reference.kids
            assert (reference.type, link.type) == ("Reference", "Link")
            destinations = {pages[annotation["/Dest"][0].objgen] for annotation in link.annotations}
            assert len(destinations) == 1  # the words and the number go to the same heading
            targets.append(destinations.pop())
    elements = element_texts(poppler_file("pdfinfo", data, "-struct-text", tmp=tmp))
    start = elements.index(("TOC", ""))
    texts = [text for kind, text in elements[start:] if kind == "Link"][: len(targets)]
    found = []
    for text, target in zip(texts, targets, strict=True):
        match = re.fullmatch(r"(.*?)(\d+)?", text.strip())
        assert match is not None
        found.append((match.group(1).strip(), int(match.group(2)) if match.group(2) else None, target))
    return found


# --- the golden sitting day --------------------------------------------------------------------


@needs("pdfinfo")
def test_the_pdf_contents_gives_each_heading_its_page_after_a_second_pass(tmp_path: Path) -> None:
    document = sitting_day(speeches=12)
    data = write_pdf(document)
    entries = contents_entries(data, tmp_path)
    assert [text for text, _shown, _target in entries] == [
        "Summary",
        "At a glance",
        "Key points",
        "Government: Debts \u2014 Question",
        "Coroners and Justice Bill",
        "Report (4th Day)",
        "Speakers",
        "Sources",
    ]
    assert all(shown == target for _text, shown, target in entries), entries
    assert len({target for _text, _shown, target in entries}) > 3  # the headings are on several pages
    with open_pdf(data) as pdf:
        by_title = dict(outline(pdf, nested=True))
    assert [(text, by_title[text]) for text, _shown, _target in entries] == [
        (text, shown) for text, shown, _target in entries
    ]


def test_two_layout_passes_attach_each_structure_element_once() -> None:
    data = write_pdf(sitting_day(speeches=12))
    with open_pdf(data) as pdf:
        tree = structure_tree(pdf)
        nodes = tree.walk()
        assert len({node.obj.objgen for node in nodes}) == len(nodes)  # no element twice
        mcids = [mcid for node in nodes for mcid in node.mcids]
        assert len(set(mcids)) == len(mcids)  # no content referred to twice
        annotations = [annotation.objgen for node in nodes for annotation in node.annotations]
        assert len(set(annotations)) == len(annotations)
        on_pages = sum(len(page.get("/Annots", [])) for page in pdf.pages)
        assert len(annotations) == on_pages  # every link annotation, once, in the tree
        nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
        page_arrays = [nums[i + 1] for i in range(0, len(nums), 2) if isinstance(nums[i + 1], pikepdf.Array)]
        assert sum(len(array) for array in page_arrays) == len(mcids)
        assert len(tree.find("TOCI")) == 8
        assert len(tree.find("P")) >= 4 * 12  # each speech's paragraphs, once


def test_the_same_tree_gives_the_same_bytes_after_two_passes() -> None:
    assert write_pdf(sitting_day()) == write_pdf(sitting_day())


# --- the Lords day ----------------------------------------------------------------------------


def test_lords_day_the_debate_begins_in_the_first_tenth_of_the_pages(lords: dict[str, Path]) -> None:
    with pikepdf.open(lords["pdf"]) as pdf:
        pages = len(pdf.pages)
        entries = outline(pdf)
    titles = [title for title, _page in entries]
    first_debate = entries[titles.index("Contents") + 1]
    assert first_debate[0] == "Government: Debts \u2014 Question"
    assert pages >= 100 and first_debate[1] <= pages / 10, (first_debate, pages)
    assert titles[-3:] == ["Speakers", "Sources", "Notes"]  # a day's speakers are an index at the back


@needs("pdfinfo")
def test_lords_day_contents_lists_debates_and_sections_with_their_pages(
    lords: dict[str, Path], tmp_path: Path
) -> None:
    entries = contents_entries(lords["pdf"].read_bytes(), tmp_path)
    assert all(shown is not None and shown == target for _text, shown, target in entries), entries
    texts = [text for text, _shown, _target in entries]
    assert "Coroners and Justice Bill" in texts and "Report (4th Day)" in texts
    assert not {"Lord Myners", "Lord Bach", "Baroness Royall of Blaisdon"} & set(texts)  # no speech
    assert len(texts) < 30


def docx_tables(path: Path) -> list[list[list[str]]]:
    return [
        [[cell.text for cell in row.cells] for row in table.rows] for table in docx.Document(str(path)).tables
    ]


def has_header_row(table: docx.table.Table) -> bool:
    first = table._tbl.tr_lst[0]
    return first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None


@needs("pdfinfo")
def test_lords_day_tables_say_something(lords: dict[str, Path], tmp_path: Path) -> None:
    found = docx.Document(str(lords["docx"])).tables
    tables = docx_tables(lords["docx"])
    assert found
    for table in found:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        # a table the record gives no header row keeps none (the Lords' schedules of repeals)
        header, body = (
            (rows[0], rows[1:])
            if has_header_row(table)
            else ([f"column {n + 1}" for n in range(len(rows[0]))], rows)
        )
        assert all(header) and body
        for column, label in enumerate(header):
            assert any(row[column].strip() for row in body), f"column {label!r} is empty"
        assert not [cell for row in rows for cell in row if FILLER.match(cell)]
    elements = element_texts(poppler_file("pdfinfo", lords["pdf"].read_bytes(), "-struct-text", tmp=tmp_path))
    assert not [text for kind, text in elements if kind in ("TD", "TH") and FILLER.match(text)]
    speakers = next(rows for rows in tables if rows[0][0] == "Name")
    assert speakers[0] == ["Name", "Contributions"]  # a Lords day gives no constituency, party or role


def test_lords_day_at_a_glance_gives_the_division_result(lords: dict[str, Path]) -> None:
    glance = json.loads(lords["json"].read_text())["briefing"]["at_a_glance"]
    (division,) = glance["divisions"]
    assert division["debate"] == "Coroners and Justice Bill"
    assert [(c["side"], c["value"]) for c in division["counts"]] == [("content", 56), ("not-content", 74)]
    assert division["result"] == "Not contents, majority 18"
    rows = next(rows for rows in docx_tables(lords["docx"]) if rows[0][0] == "Division")
    assert rows[1] == ["Division 1", "Coroners and Justice Bill", "56", "74", "Not contents, majority 18"]


def test_lords_day_passes_the_word_rules_and_verapdf(lords: dict[str, Path]) -> None:
    for path in (lords["docx"], lords["pdf"]):
        assert [
            str(d) for d in checks.check(path.read_bytes(), path.name) if d.severity >= Severity.ERROR
        ] == []
    verdicts = verapdf_many([lords["pdf"]])
    if verdicts is None:
        pytest.skip("veraPDF is not installed (set VERAPDF)")
    assert verdicts[str(lords["pdf"])]["failed_checks"] == 0, verdicts


# --- the Commons day --------------------------------------------------------------------------


def summary_part(blocks: tuple) -> tuple:
    start = next(i for i, b in enumerate(blocks) if getattr(b, "anchor", None) == "summary")
    end = next(i for i, b in enumerate(blocks) if i > start and getattr(b, "level", 0) == 2)
    return blocks[start + 1 : end]


def test_commons_day_summary_is_grouped_under_its_debates_titles(commons: dict[str, Path]) -> None:
    from exporter import document as d

    document = from_json(commons["tree"].read_bytes())
    part = summary_part(document.blocks)
    headings = [d.plain_text(b.children) for b in part if isinstance(b, d.Heading)]
    assert headings[0] == "In this record" and len(headings) > 3
    data = json.loads(commons["json"].read_text())["briefing"]
    debates = [debate["title"] for debate in data["debates"]]
    assert "Local Spending Reports" in debates and "Future of the Territorial Army" in debates
    assert "Opposition Day \u2014 [20th Allotted Day]" not in debates  # it gathers debates, is none
    assert set(headings[1:]) <= set(debates)
    section_titles = {
        d.plain_text(b.children) for b in d.walk_blocks(document.blocks) if isinstance(b, d.Heading)
    }
    assert set(debates) <= section_titles
    # each sentence sits under the title of the debate it was said in
    for sentence in data["summary"]:
        assert sentence["debate"] in headings[1:]
    # "In this record" names each debate with its opening speaker and its length in words
    listed = next(b for b in part if isinstance(b, d.BulletList))
    lines = [d.plain_text(item.blocks[0].children) for item in listed.items]
    assert len(lines) == len(debates)
    assert all(re.search(r": opened by .+; [\d,]+ words?$", line) for line in lines), lines


def test_commons_day_every_summary_sentence_links_to_its_speech(commons: dict[str, Path]) -> None:
    from exporter import document as d

    document = from_json(commons["tree"].read_bytes())
    blocks = list(d.walk_blocks(document.blocks))
    following: dict[str, str] = {}  # a heading's anchor -> the words under it, to the next heading
    current = None
    for block in blocks:
        if isinstance(block, d.Heading):
            current = block.anchor
            following[current] = ""
        elif isinstance(block, d.Paragraph) and current is not None:
            following[current] += " " + d.plain_text(block.children)
    items = [
        block
        for block in summary_part(document.blocks)
        if isinstance(block, d.BulletList) and block.items[0].blocks[0].role == "summary"
    ]
    sentences = json.loads(commons["json"].read_text())["briefing"]["summary"]
    paragraphs = [item.blocks[0] for block in items for item in block.items]
    for sentence in sentences:
        (paragraph,) = [p for p in paragraphs if sentence["text"] in d.plain_text(p.children)]
        links = [inline for inline in paragraph.children if isinstance(inline, d.Link) and inline.internal]
        assert links, sentence["text"]
        assert sentence["text"] in following[links[-1].target[1:]]  # the speech it was said in
        assert sum(isinstance(inline, d.NoteRef) for inline in paragraph.children) == 1  # cited once
    # and in Word, each of those items is a hyperlink to a bookmark on a heading
    with zipfile.ZipFile(commons["docx"]) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    bookmarks = {
        b.get(f"{W}name")
        for p in body.iter(f"{W}p")
        for b in p.iter(f"{W}bookmarkStart")
        if "Heading"
        in str(p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") if p.find(f"{W}pPr/{W}pStyle") is not None else "")
    }
    summary_items = [
        p for p in body.iter(f"{W}p") if any(s["text"][:40] in "".join(p.itertext()) for s in sentences)
    ]
    assert len(summary_items) >= len({s["speech"] for s in sentences})
    for p in summary_items:
        if p.find(f".//{W}footnoteReference") is not None:
            anchors = [h.get(f"{W}anchor") for h in p.iter(f"{W}hyperlink") if h.get(f"{W}anchor")]
            assert anchors and set(anchors) <= bookmarks


def test_commons_day_key_points_are_grouped_by_debate_then_member(commons: dict[str, Path]) -> None:
    data = json.loads(commons["json"].read_text())["briefing"]
    debates = [debate["title"] for debate in data["debates"]]
    order = [debates.index(entry["debate"]) for entry in data["key_points"]]
    assert order == sorted(order) and len(set(order)) > 3
    for debate in set(order):
        members = [
            entry["speaker"] for entry in data["key_points"] if debates.index(entry["debate"]) == debate
        ]
        assert len(members) == len(set(members))  # each member once in each debate


# --- every shared record ----------------------------------------------------------------------


@pytest.mark.parametrize("path", SHARED_RECORDS, ids=lambda p: p.name[:48])
def test_key_points_never_repeat_a_summary_sentence(path: Path) -> None:
    reporter = Reporter(path.name)
    try:
        debate, _fmt = read_debate(path, Job(), reporter)
    except Exception as error:  # a record the readers refuse by design says so elsewhere
        pytest.skip(f"not a debate: {error}")
    parts = compose(debate, ComposeOptions(), reporter).parts
    summary = {sentence["text"] for sentence in parts["summary"]}
    points = [point["text"] for entry in parts["key_points"] for point in entry["points"]]
    assert not summary & set(points)
    assert len(points) == len(set(points))  # nor a key point twice


@pytest.mark.parametrize("path", SHARED_RECORDS, ids=lambda p: p.name[:48])
def test_every_shared_record_makes_a_word_file_that_passes_the_rules(path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(path), "-o", str(tmp_path), "-f", "docx", "-q"])
    if result.exit_code != 0:
        assert "no debate" in result.output or "text before the first speaker" in result.output, result.output
        pytest.skip("refused by design")
    (made,) = tmp_path.glob("*.docx")
    assert [str(d) for d in checks.check(made.read_bytes(), made.name) if d.severity >= Severity.ERROR] == []


# --- chairs, and the editorial summary --------------------------------------------------------


def test_every_chair_is_named_from_the_chair_notes(tmp_path: Path) -> None:
    made = convert(shared(WESTMINSTER_HALL), tmp_path, "-f", "json,tree")
    glance = json.loads(made["json"].read_text())["briefing"]["at_a_glance"]
    assert glance["chairs"] == ["Mr. Joe Benton", "Dr. William McCrea"]
    from exporter import document as d

    document = from_json(made["tree"].read_bytes())
    texts = [d.plain_text(b.children) for b in d.walk_blocks(document.blocks) if isinstance(b, d.Paragraph)]
    assert "Chairs: Mr. Joe Benton; Dr. William McCrea" in texts
    assert "Chair: Mr. Joe Benton" in texts and "Chair: Dr. William McCrea" in texts
    assert not [text for text in texts if "in the Chair]" in text and text.startswith("Chair")]


def test_summary_editorial_without_an_editorial_summary_says_so(tmp_path: Path) -> None:
    record = SAMPLES / "westminster-hall-2022-02-23.yaml"
    result = CliRunner().invoke(
        main, ["convert", str(record), "-o", str(tmp_path), "-f", "json", "--summary", "editorial", "-v"]
    )
    assert result.exit_code == 0, result.output
    assert "summary-editorial-missing" in result.output and "no editorial summary" in result.output
    assert (
        json.loads((tmp_path / f"{record.stem}.json").read_text())["briefing"]["summary_kind"] == "speakers"
    )


@pytest.mark.skipif(not VERAPDF.exists(), reason="veraPDF is not installed (set VERAPDF)")
def test_the_golden_sitting_day_passes_verapdf(tmp_path: Path) -> None:
    path = tmp_path / "day.pdf"
    path.write_bytes(write_pdf(sitting_day(speeches=12)))
    verdicts = verapdf_many([path])
    assert verdicts is not None and verdicts[str(path)]["failed_checks"] == 0, verdicts
