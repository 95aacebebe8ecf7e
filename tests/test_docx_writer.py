"""The Word writer, tested through its output: the package's XML, pandoc, LibreOffice and our checker."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from exporter.checks.docx import check
from exporter.diagnostics import Reporter, Severity
from exporter.document import (
    Contents,
    ContentsEntry,
    Document,
    Heading,
    Link,
    NoteRef,
    Paragraph,
    Table,
    Text,
    header_row,
    text_cell,
)
from exporter.options import Style, WriteOptions
from exporter.styles.model import Body, Headings, Margins, Page
from exporter.writers.docx import write
from golden_trees import HANSARD_URL, energy_bill

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R, "dc": "http://purl.org/dc/elements/1.1/", "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties", "dcterms": "http://purl.org/dc/terms/", "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}  # fmt: skip
LARGE_PRINT = Style(
    name="large-print",
    body=Body(size=18, paragraph_spacing=12),
    headings=Headings(sizes=(28, 24, 21)),
    page=Page(margins=Margins(20, 20, 20, 20)),
)


def render(document: Document | None = None, options: WriteOptions | None = None) -> tuple[bytes, Reporter]:
    reporter = Reporter("test")
    data = write(document or energy_bill(), options or WriteOptions(), reporter)
    return data, reporter


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {
            name: etree.fromstring(package.read(name))
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        }


def q(local: str) -> str:
    prefix, name = local.split(":")
    return f"{{{NS[prefix]}}}{name}"


@pytest.fixture(scope="module")
def sample() -> bytes:
    return render()[0]


@pytest.fixture(scope="module")
def xml(sample: bytes) -> dict[str, etree._Element]:
    return parts(sample)


def body_paragraphs(xml: dict[str, etree._Element]) -> list[etree._Element]:
    return xml["word/document.xml"].findall("w:body/w:p", NS)


def style_of(p: etree._Element) -> str | None:
    element = p.find("w:pPr/w:pStyle", NS)
    return None if element is None else element.get(q("w:val"))


def text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(q("w:t")))


# --- headings, bookmarks, contents ---------------------------------------------------


def test_headings_use_builtin_heading_styles_with_bookmarks(xml: dict[str, etree._Element]) -> None:
    headings = [
        (style_of(p), text(p)) for p in body_paragraphs(xml) if (style_of(p) or "").startswith("Heading")
    ]
    assert headings == [
        ("Heading1", "Energy Bill: second reading"),
        ("Heading2", "Summary"),
        ("Heading2", "Proceedings"),
        ("Heading3", "Division 12"),
    ]
    names = {
        s.get(q("w:styleId")): s.find("w:name", NS).get(q("w:val"))
        for s in xml["word/styles.xml"].iter(q("w:style"))
    }
    assert [names[f"Heading{n}"] for n in (1, 2, 3)] == ["heading 1", "heading 2", "heading 3"]
    assert "Title" not in names
    bookmarks = [b.get(q("w:name")) for b in xml["word/document.xml"].iter(q("w:bookmarkStart"))]
    assert bookmarks == ["energy_bill", "summary", "proceedings", "division_12", "division_12_table"]


def test_internal_link_points_at_the_heading_bookmark(xml: dict[str, etree._Element]) -> None:
    summary = next(p for p in body_paragraphs(xml) if style_of(p) == "Summary")
    link = summary.find("w:hyperlink", NS)
    assert link.get(q("w:anchor")) == "division_12"
    assert link.get(q("w:tooltip")) == "Go to the division result"
    assert link.find("w:r/w:rPr/w:rStyle", NS).get(q("w:val")) == "Hyperlink"


def test_contents_is_a_toc_field_with_prerendered_linked_entries(xml: dict[str, etree._Element]) -> None:
    toc = [p for p in body_paragraphs(xml) if (style_of(p) or "").startswith("TOC")]
    assert [style_of(p) for p in toc] == ["TOC2", "TOC2", "TOC3"]
    kinds = [c.get(q("w:fldCharType")) for p in toc for c in p.iter(q("w:fldChar"))]
    # one TOC field whose result is written out whole: no field inside it left for Word to fill
    assert kinds == ["begin", "separate", "end"]
    # \n: page-less entries, so that an update in Word lists them as they are written here
    assert toc[0].find(".//w:instrText", NS).text == ' TOC \\f C \\l "1-3" \\h \\z \\n '
    anchors = [p.find("w:hyperlink", NS).get(q("w:anchor")) for p in toc]
    assert [p.find("w:hyperlink//w:instrText", NS) for p in toc] == [None] * 3
    # Word builds the field from a TC field in each listed heading, so its update lists the same
    tc = [i.text for i in xml["word/document.xml"].iter(q("w:instrText")) if i.text.startswith(" TC ")]
    assert tc == [' TC "Summary" \\f C \\l 2 ', ' TC "Proceedings" \\f C \\l 2 ', ' TC "Division 12" \\f C \\l 3 ']
    # nothing to update, so Word never asks "Update the fields?" when the file opens
    assert xml["word/settings.xml"].find("w:updateFields", NS) is None
    assert anchors == ["summary", "proceedings", "division_12"]
    assert [text(p.find("w:hyperlink", NS)) for p in toc] == ["Summary", "Proceedings", "Division 12"]


def test_bookmark_names_are_valid_unique_and_short() -> None:
    long_anchor = "a" * 60
    document = Document(
        "T",
        "en-GB",
        (
            Heading(1, (Text("One"),), "1st reading"),
            Heading(2, (Text("Two"),), "first-reading"),
            Heading(2, (Text("Three"),), "first reading"),
            Heading(2, (Text("Four"),), long_anchor),
            Heading(2, (Text("Five"),), long_anchor + "b"),
            Paragraph((Link("#first reading", (Text("to three"),)),)),
        ),
    )
    xml = parts(render(document)[0])
    names = [b.get(q("w:name")) for b in xml["word/document.xml"].iter(q("w:bookmarkStart"))]
    assert names[:3] == ["h_1st_reading", "first_reading", "first_reading_2"]
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", n) for n in names)
    assert len({n.lower() for n in names}) == len(names)
    link = xml["word/document.xml"].find(".//w:hyperlink", NS)
    assert link.get(q("w:anchor")) == "first_reading_2"


def test_link_to_a_missing_anchor_keeps_its_words_and_warns() -> None:
    document = Document(
        "T", "en-GB", (Heading(1, (Text("T"),), "t"), Paragraph((Link("#nowhere", (Text("gone"),)),)))
    )
    data, reporter = render(document)
    body = parts(data)["word/document.xml"]
    assert body.find(".//w:hyperlink", NS) is None
    assert "gone" in text(body)
    assert [d.code for d in reporter.diagnostics] == ["DOCX-LINK-ANCHOR"]


# --- paragraphs and inlines ------------------------------------------------------------


def test_paragraph_roles_get_their_own_styles(xml: dict[str, etree._Element]) -> None:
    used = {style_of(p) for p in body_paragraphs(xml)}
    assert {"Details", "Summary", "Procedural", "BodyText", "Quote", "Caption", "Source"} <= used
    quote = xml["word/styles.xml"].find("w:style[@w:styleId='Quote']", NS)
    assert quote.find("w:pPr/w:ind", NS).get(q("w:left")) == "720"
    assert quote.find(".//w:i", NS) is None


def test_caption_paragraph_comes_just_before_its_table(xml: dict[str, etree._Element]) -> None:
    table = xml["word/document.xml"].find("w:body/w:tbl", NS)
    caption = table.getprevious()
    assert style_of(caption) == "Caption"
    assert text(caption) == "Division 12: result of the vote"


def test_text_formatting_and_language_become_run_properties(xml: dict[str, etree._Element]) -> None:
    runs = {text(r): r.find("w:rPr", NS) for r in xml["word/document.xml"].iter(q("w:r")) if text(r)}
    assert runs["first"].find("w:b", NS) is not None
    assert runs["lively"].find("w:i", NS) is not None
    assert runs["2"].find("w:vertAlign", NS).get(q("w:val")) == "superscript"
    assert runs["Cymru am byth"].find("w:lang", NS).get(q("w:val")) == "cy"
    assert runs["Heddiw rydym yn trafod y Bil."].find("w:lang", NS).get(q("w:val")) == "cy"
    assert runs["The motto reads "] is None


def test_external_links_are_relationships_styled_as_hyperlinks(xml: dict[str, etree._Element]) -> None:
    source = next(p for p in body_paragraphs(xml) if style_of(p) == "Source")
    link = source.find("w:hyperlink", NS)
    rels = {r.get("Id"): r for r in xml["word/_rels/document.xml.rels"].findall("pr:Relationship", NS)}
    rel = rels[link.get(q("r:id"))]
    assert rel.get("Target") == HANSARD_URL and rel.get("TargetMode") == "External"
    style = xml["word/styles.xml"].find("w:style[@w:styleId='Hyperlink']", NS)
    assert style.find("w:rPr/w:u", NS).get(q("w:val")) == "single"
    assert style.find("w:rPr/w:color", NS).get(q("w:val")) == "1D70B8"


def test_note_becomes_a_real_footnote_with_its_link(sample: bytes, xml: dict[str, etree._Element]) -> None:
    ref = xml["word/document.xml"].find(".//w:footnoteReference", NS)
    assert ref.get(q("w:id")) == "1"
    assert ref.getparent().find("w:rPr/w:rStyle", NS).get(q("w:val")) == "FootnoteReference"
    notes = xml["word/footnotes.xml"].findall("w:footnote", NS)
    assert [(n.get(q("w:id")), n.get(q("w:type"))) for n in notes] == [
        ("-1", "separator"),
        ("0", "continuationSeparator"),
        ("1", None),
    ]
    assert text(notes[2]).strip() == "See the official report of the debate."
    note_link = notes[2].find(".//w:hyperlink", NS)
    note_rels = {
        r.get("Id"): r.get("Target")
        for r in xml["word/_rels/footnotes.xml.rels"].findall("pr:Relationship", NS)
    }
    assert note_rels[note_link.get(q("r:id"))] == HANSARD_URL
    types = xml["[Content_Types].xml"]
    assert any(
        o.get("PartName") == "/word/footnotes.xml" and o.get("ContentType").endswith("footnotes+xml")
        for o in types
    )
    rel_types = [r.get("Type") for r in xml["word/_rels/document.xml.rels"].findall("pr:Relationship", NS)]
    assert f"{R}/footnotes" in rel_types
    style_ids = {s.get(q("w:styleId")) for s in xml["word/styles.xml"].iter(q("w:style"))}
    assert {"FootnoteText", "FootnoteReference"} <= style_ids
    declared = xml["word/settings.xml"].findall("w:footnotePr/w:footnote", NS)
    assert [f.get(q("w:id")) for f in declared] == ["-1", "0"]


def test_white_space_is_never_used_for_spacing() -> None:
    document = Document("T", "en-GB", (Heading(1, (Text("T"),), "t"), Paragraph((Text("a    b\n\tc"),))))
    body = parts(render(document)[0])["word/document.xml"]
    assert "a b c" in text(body)
    assert all(
        text(p).strip() or p.find(".//w:fldChar", NS) is not None
        for p in body.iter(q("w:p"))
        if p.getparent().tag == q("w:body")
    )


# --- lists and tables ------------------------------------------------------------------


def test_lists_use_numbering_not_typed_bullets(xml: dict[str, etree._Element]) -> None:
    items = [
        (style_of(p), p.find("w:pPr/w:numPr", NS), text(p))
        for p in body_paragraphs(xml)
        if style_of(p) in ("ListBullet", "ListNumber")
    ]
    levels = [
        (s, n.find("w:numId", NS).get(q("w:val")), n.find("w:ilvl", NS).get(q("w:val")), t)
        for s, n, t in items
    ]
    assert levels == [
        ("ListBullet", "1", "0", "Clause 1 sets the target"),
        ("ListBullet", "1", "0", "Clause 2 sets the duty"),
        ("ListBullet", "1", "1", "including reporting"),
        ("ListNumber", "2", "0", "First amendment"),
        ("ListNumber", "2", "0", "Second amendment"),
    ]
    numbering = xml["word/numbering.xml"]
    formats = {
        a.get(q("w:abstractNumId")): a.find("w:lvl/w:numFmt", NS).get(q("w:val"))
        for a in numbering.findall("w:abstractNum", NS)
    }
    assert sorted(formats.values()) == ["bullet", "decimal"]


def test_later_paragraphs_of_a_list_item_are_indented_without_a_marker(
    xml: dict[str, etree._Element],
) -> None:
    continued = next(p for p in body_paragraphs(xml) if text(p) == "It removes clause 3.")
    assert style_of(continued) == "ListContinue"
    assert continued.find("w:pPr/w:numPr", NS) is None
    style = xml["word/styles.xml"].find("w:style[@w:styleId='ListContinue']", NS)
    assert style.find("w:pPr/w:ind", NS).get(q("w:left")) == "720"


def test_table_has_header_row_caption_description_and_widths(xml: dict[str, etree._Element]) -> None:
    tbl = xml["word/document.xml"].find("w:body/w:tbl", NS)
    tbl_pr = tbl.find("w:tblPr", NS)
    assert tbl_pr.find("w:tblCaption", NS).get(q("w:val")) == "Division 12: result of the vote"
    assert tbl_pr.find("w:tblDescription", NS) is None  # the caption once: no description repeating it
    look = {etree.QName(k).localname: v for k, v in tbl_pr.find("w:tblLook", NS).attrib.items()}
    assert look == {  # the lobbies label their rows: the first column is a header column
        "val": "04A0",
        "firstRow": "1",
        "lastRow": "0",
        "firstColumn": "1",
        "lastColumn": "0",
        "noHBand": "0",
        "noVBand": "1",
    }
    rows = tbl.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
    assert all(c.find(".//w:b", NS) is not None for c in rows[0].findall("w:tc", NS))
    assert tbl.find(".//w:gridSpan", NS) is None and tbl.find(".//w:vMerge", NS) is None
    widths = [int(g.get(q("w:w"))) for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert widths == [5286, 2265]  # 0.7 / 0.3 of the 7551-twip text width (75 characters of 12 pt Arial)
    grid = xml["word/styles.xml"].find("w:style[@w:styleId='TableGrid']", NS)
    borders = grid.find("w:tblPr/w:tblBorders", NS)
    assert {b.get(q("w:color")) for b in borders} == {"0B0C0C"} and len(borders) == 6


def test_a_ragged_table_is_made_regular_with_a_warning_and_no_words_joined() -> None:
    bad = Table(
        "Bad",
        (header_row("A", "B"),),
        ((text_cell("1"),), (text_cell("2"), text_cell("3"), text_cell("4"))),
    )
    data, reporter = render(Document("T", "en-GB", (Heading(1, (Text("T"),), "t"), bad)))
    rows = parts(data)["word/document.xml"].findall(".//w:tr", NS)
    assert [[text(tc) for tc in tr.findall("w:tc", NS)] for tr in rows] == [
        ["A", "B", ""],
        ["1", "", ""],
        ["2", "3", "4"],
    ]
    assert [d.code for d in reporter.diagnostics] == ["DOCX-TABLE-GRID"]


# --- package, styles, page ---------------------------------------------------------------


def test_document_properties_come_from_the_tree_not_the_template(xml: dict[str, etree._Element]) -> None:
    core = xml["docProps/core.xml"]
    values = {etree.QName(e).localname: e.text for e in core}
    assert values == {
        "title": "Energy Bill: second reading",
        "subject": "House of Commons debate, 10 January 2024",
        "creator": "Briefing Unit",
        "keywords": "Energy Bill; second reading",
        "language": "en-GB",
        "lastModifiedBy": "Briefing Unit",
        "created": "2024-01-10T00:00:00Z",
        "modified": "2024-01-10T00:00:00Z",
    }
    assert "Microsoft" not in etree.tostring(xml["docProps/app.xml"]).decode()


def test_font_table_names_only_the_briefing_font(xml: dict[str, etree._Element]) -> None:
    fonts = [f.get(q("w:name")) for f in xml["word/fontTable.xml"].findall("w:font", NS)]
    assert fonts == ["Arial"]


def test_headings_keep_their_level_to_nine_and_deeper_ones_are_reported() -> None:
    levels = [*range(1, 10), 10, 11]
    document = Document(
        "T",
        "en-GB",
        (
            *(Heading(n, (Text(f"Level {n}"),), f"h{n}") for n in levels),
            Paragraph((Text("x"),), role="aside"),
        ),
    )
    data, reporter = render(document)
    paragraphs = body_paragraphs(parts(data))
    assert [style_of(p) for p in paragraphs] == [
        *(f"Heading{n}" for n in range(1, 10)),
        "Heading9",
        "Heading9",
        "BodyText",
    ]
    assert [d.code for d in reporter.diagnostics] == ["DOCX-HEADING-LEVEL", "DOCX-HEADING-LEVEL", "DOCX-ROLE"]
    styles = parts(data)["word/styles.xml"]
    outline = {
        s.get(q("w:styleId")): s.find("w:pPr/w:outlineLvl", NS).get(q("w:val"))
        for s in styles.findall("w:style", NS)
        if s.find("w:pPr/w:outlineLvl", NS) is not None
    }
    assert outline == {f"Heading{n}": str(n - 1) for n in range(1, 10)}


def test_template_leftover_parts_are_gone(sample: bytes) -> None:
    names = zipfile.ZipFile(io.BytesIO(sample)).namelist()
    assert names[0] == "[Content_Types].xml"
    assert not [n for n in names if "stylesWithEffects" in n or "customXml" in n or "thumbnail" in n]


def test_styles_set_language_font_colour_size_and_spacing(xml: dict[str, etree._Element]) -> None:
    styles = xml["word/styles.xml"]
    raw = etree.tostring(styles).decode()
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(q("w:val")) == "en-GB"
    assert not re.search(r"Cambria|Calibri|Theme\"|w:asciiTheme|w:hAnsiTheme", raw)
    fonts = styles.findall(".//w:rFonts", NS)
    assert fonts and all(
        {f.get(q(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Arial"} for f in fonts
    )
    colours = {
        s.get(q("w:styleId")): s.find("w:rPr/w:color", NS).get(q("w:val"))
        for s in styles.findall("w:style", NS)
        if s.find("w:rPr/w:color", NS) is not None
    }
    assert set(colours.values()) == {"0B0C0C", "1D70B8"} and colours["Hyperlink"] == "1D70B8"
    assert colours["Heading1"] == colours["Heading3"] == "0B0C0C"
    sizes = {
        s: styles.find(f"w:style[@w:styleId='{s}']/w:rPr/w:sz", NS).get(q("w:val"))
        for s in ("Normal", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading9")
    }
    assert sizes == {
        "Normal": "24",
        "Heading1": "40",
        "Heading2": "32",
        "Heading3": "28",
        "Heading4": "26",
        "Heading5": "24",
        "Heading9": "24",
    }
    spacing = styles.find("w:style[@w:styleId='Normal']/w:pPr/w:spacing", NS)
    assert (spacing.get(q("w:line")), spacing.get(q("w:lineRule")), spacing.get(q("w:after"))) == (
        "360",
        "auto",
        "160",
    )
    assert {j.get(q("w:val")) for j in styles.iter(q("w:jc"))} <= {"left", "center"}


def test_large_print_style_scales_the_type() -> None:
    styles = parts(render(options=WriteOptions(style=LARGE_PRINT))[0])["word/styles.xml"]
    sizes = [
        styles.find(f"w:style[@w:styleId='{s}']/w:rPr/w:sz", NS).get(q("w:val"))
        for s in ("Normal", "Heading1", "Heading2", "Heading3")
    ]
    assert sizes == ["36", "56", "48", "42"]


def test_page_is_a4_with_a_page_n_of_m_footer(xml: dict[str, etree._Element]) -> None:
    sect = xml["word/document.xml"].find("w:body/w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    assert (size.get(q("w:w")), size.get(q("w:h"))) == ("11906", "16838")
    margins = sect.find("w:pgMar", NS)
    left, right = int(margins.get(q("w:left"))), int(margins.get(q("w:right")))
    assert abs(left - right) <= 1 and left >= 1440  # at least 2.54 cm; wider to hold the measure
    footer = xml["word/footer1.xml"]
    assert style_of(footer.find("w:p", NS)) == "Footer"
    assert [f.get(q("w:instr")) for f in footer.iter(q("w:fldSimple"))] == [" PAGE ", " NUMPAGES "]
    assert text(footer).startswith("Page 1 of 1")
    centred = xml["word/styles.xml"].find("w:style[@w:styleId='Footer']/w:pPr/w:jc", NS)
    assert centred.get(q("w:val")) == "center"


def test_same_tree_gives_identical_bytes_with_fixed_zip_dates(sample: bytes) -> None:
    again, _ = render()
    assert again == sample
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(sample)).infolist()} == {
        (1980, 1, 1, 0, 0, 0)
    }


def test_undated_tree_gets_a_fixed_epoch() -> None:
    document = Document("T", "en-GB", (Heading(1, (Text("T"),), "t"),))
    core = parts(render(document)[0])["docProps/core.xml"]
    assert core.find("dcterms:created", NS).text == "1980-01-01T00:00:00Z"


@dataclass(frozen=True)
class Mystery:
    children: tuple[Text, ...] = ()


def test_unknown_block_or_inline_raises_type_error() -> None:
    with pytest.raises(TypeError, match="Mystery"):
        render(Document("T", "en-GB", (Mystery(),)))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Mystery"):
        render(Document("T", "en-GB", (Paragraph((Mystery(),)),)))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Mystery"):
        render(Document("T", "en-GB", (Paragraph((Link(HANSARD_URL, (Mystery(),)),)),)))  # type: ignore[arg-type]


# --- independent readers and our own checker -----------------------------------------------


def test_output_passes_the_docx_check_without_errors_or_warnings(sample: bytes) -> None:
    for data in (sample, render(options=WriteOptions(style=LARGE_PRINT))[0], render(energy_bill(700))[0]):
        serious = [d for d in check(data, "out.docx") if d.severity >= Severity.WARNING]
        assert serious == []


def test_contents_without_matching_headings_is_left_out_with_a_warning() -> None:
    document = Document(
        "T", "en-GB", (Heading(1, (Text("T"),), "t"), Contents((ContentsEntry(2, "Gone", "gone"),)))
    )
    data, reporter = render(document)
    assert parts(data)["word/document.xml"].find(".//w:fldChar", NS) is None
    assert [d.code for d in reporter.diagnostics] == ["DOCX-TOC-ANCHOR", "DOCX-TOC-EMPTY"]


def test_nested_note_is_set_inline_with_a_warning() -> None:
    inner = NoteRef((Text("inner"),))
    document = Document(
        "T", "en-GB", (Heading(1, (Text("T"),), "t"), Paragraph((Text("x"), NoteRef((Text("outer"), inner)))))
    )
    data, reporter = render(document)
    assert "outer (inner)" in text(parts(data)["word/footnotes.xml"])
    assert [d.code for d in reporter.diagnostics] == ["DOCX-NOTE-NESTED"]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
def test_pandoc_reads_headings_links_lists_table_and_note(sample: bytes, tmp_path: Path) -> None:
    path = tmp_path / "briefing.docx"
    path.write_bytes(sample)
    markdown = subprocess.run(
        ["pandoc", "-t", "markdown", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "# Energy Bill: second reading" in markdown.splitlines()
    assert "## Summary" in markdown and "### Division 12" in markdown
    assert "[a\ndivision](#division-12)" in markdown or "[a division](#division-12)" in markdown
    assert "-   Clause 1 sets the target" in markdown and "1.  First amendment" in markdown
    assert "[^1]" in markdown
    tree = json.loads(
        subprocess.run(["pandoc", "-t", "json", str(path)], capture_output=True, text=True, check=True).stdout
    )
    kinds = [block["t"] for block in tree["blocks"]]
    assert (
        kinds.count("Header") == 4 and "Table" in kinds and "BulletList" in kinds and "OrderedList" in kinds
    )
    assert tree["blocks"][0]["c"][0] == 1


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfinfo") is None, reason="LibreOffice/poppler absent"
)
def test_libreoffice_tagged_pdf_has_headings_table_headers_and_contents(
    sample: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "briefing.docx"
    path.write_bytes(sample)
    export = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            export,
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    pdf = tmp_path / "briefing.pdf"
    structure = subprocess.run(
        ["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    tags = [re.split(r"[ :]", line.strip())[0] for line in structure.splitlines()]
    for tag in ("H1", "H2", "H3", "TH", "TD", "TOC", "TOCI", "L", "LI", "Link", "Note"):
        assert tag in tags, tag
    assert tags.count("TH") == 2
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Energy Bill: second reading$", info, re.M)
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Page 1 of" in words and "Proceedings" in words
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(pdf) as opened:  # the docDefaults language becomes the PDF's /Lang
        assert str(opened.Root.Lang) == "en-GB"
        assert bool(opened.Root.ViewerPreferences.DisplayDocTitle)


def test_python_docx_reopens_the_output_and_sees_the_structure(sample: bytes) -> None:
    import docx

    reopened = docx.Document(io.BytesIO(sample))
    assert reopened.core_properties.title == "Energy Bill: second reading"
    assert [p.style.name for p in reopened.paragraphs if p.style.name.startswith("Heading")] == [
        "Heading 1",
        "Heading 2",
        "Heading 2",
        "Heading 3",
    ]
    assert reopened.tables[0].rows[0].cells[0].text == "Lobby"
    assert reopened.sections[0].page_width.twips == 11906


def test_document_without_notes_has_no_footnotes_part() -> None:
    document = Document("T", "en-GB", (Heading(1, (Text("T"),), "t"), Paragraph((Text("x"),))))
    names = zipfile.ZipFile(io.BytesIO(render(document)[0])).namelist()
    assert "word/footnotes.xml" not in names


def test_caption_role_paragraph_uses_the_caption_style() -> None:
    document = Document(
        "T", "en-GB", (Heading(1, (Text("T"),), "t"), Paragraph((Text("Votes by lobby"),), role="caption"))
    )
    paragraphs = body_paragraphs(parts(render(document)[0]))
    assert [style_of(p) for p in paragraphs] == ["Heading1", "Caption"]
