"""The PDF writer, read back with independent tools: pikepdf, pdfinfo and pdftotext."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pikepdf
import pytest

from conftest import needs
from exporter.checks.pdf import check as check_pdf
from exporter.diagnostics import Reporter
from exporter.document import Cell, Document, Heading, Link, Paragraph, Table, Text, header_row, text_cell
from golden_trees import (
    KIM,
    LONG_URL,
    SPEECH,
    TITLE,
    big_table_briefing,
    long_briefing,
    sections_for,
    seed_briefing,
)
from pdf_reading import (
    Node,
    element_texts,
    open_pdf,
    poppler,
    poppler_file,
    squash,
    structure_tree,
    write_pdf,
)

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    return write_pdf(seed_briefing())


@pytest.fixture(scope="module")
def forty_pages() -> bytes:
    return write_pdf(long_briefing(40))


def test_same_tree_gives_identical_bytes(seed_pdf: bytes) -> None:
    assert write_pdf(seed_briefing()) == seed_pdf


def test_metadata_title_language_and_creation_date_come_from_the_document(seed_pdf: bytes) -> None:
    with open_pdf(seed_pdf) as pdf:
        assert str(pdf.docinfo["/Title"]) == TITLE
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20220223")
        assert str(pdf.Root.Lang) == "en-GB"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.Root.MarkInfo.Marked is True
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == TITLE
            assert xmp["pdfuaid:part"] == "1"


@needs("pdfinfo")
def test_outline_and_tagged_text_read_as_the_briefing(seed_pdf: bytes, tmp_path: Path) -> None:
    tagged = poppler_file("pdfinfo", seed_pdf, "-struct-text", tmp=tmp_path)
    lines = [line.strip() for line in tagged.splitlines()]
    assert lines[lines.index("H1 (block)") + 1] == f'"{TITLE}"'
    assert '"Members debated child sexual exploitation by organised networks."' in lines
    # three column headers, and the three speakers' names as row headers
    assert tagged.count("TH:") == 6 and '"Speaker"' in lines and '"Constituency"' in lines
    kim = next(i for i, line in enumerate(lines) if line == f'"{KIM}"' and lines[i - 1] == "H3 (block)")
    assert lines[kim + 1] == "P (block)"
    assert lines[kim + 2].startswith('"I welcome the opportunity')


@needs("pdftotext")
def test_every_word_of_every_speech_is_extracted_in_order(seed_pdf: bytes, tmp_path: Path) -> None:
    text = squash(poppler("pdftotext", seed_pdf, tmp=tmp_path))
    assert re.search(r"Page 1 of \d ", text + " ")
    text = re.sub(r" ?Page \d+ of \d+ ?", " ", text)  # the footer (an artifact) where a page breaks
    assert "Justice delayed is justice denied. Currently victims have to wait too long" in text
    position = 0
    for paragraph in SPEECH:
        position = text.index(squash(paragraph), position)


@needs("pdfinfo")
def test_structure_text_never_glues_the_words_at_a_line_end(forty_pages: bytes, tmp_path: Path) -> None:
    """Each P's tagged text, joined over lines and pages as a screen reader does, is the speech."""
    tagged = poppler_file("pdfinfo", forty_pages, "-struct-text", tmp=tmp_path)
    texts = [text.strip() for element, text in element_texts(tagged) if element == "P"]
    for paragraph in SPEECH:
        assert texts.count(paragraph) == sections_for(40)
    assert "denied.Currently" not in tagged


def test_a_paragraph_split_over_pages_stays_one_p(forty_pages: bytes) -> None:
    with open_pdf(forty_pages) as pdf:
        tree = structure_tree(pdf)
        split = [p for p in tree.find("P") if len({page for page, _mcid in p.mcids}) > 1]
        assert split, "some paragraph should run over a page break in a 40-page briefing"
        assert 36 <= len(pdf.pages) <= 44


def test_parent_tree_maps_every_mcid_to_the_element_holding_it(forty_pages: bytes) -> None:
    with open_pdf(forty_pages) as pdf:
        tree = structure_tree(pdf)
        nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
        parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for node in tree.walk():
            for page, mcid in node.mcids:
                entry = parent_tree[int(pdf.pages[page].obj.StructParents)]
                assert entry[mcid].objgen == node.obj.objgen
            for annotation in node.annotations:
                assert parent_tree[int(annotation.StructParent)].objgen == node.obj.objgen


def test_only_embedded_truetype_fonts_with_tounicode(forty_pages: bytes) -> None:
    with open_pdf(forty_pages) as pdf:
        fonts = {font.objgen: font for page in pdf.pages for font in page.Resources.Font.values()}
        assert len(fonts) >= 3
        for font in fonts.values():
            base = str(font.BaseFont).lstrip("/").split("+")[-1]
            assert base not in STANDARD_14
            assert font.Subtype == "/TrueType"
            assert "/FontFile2" in font.FontDescriptor and "/ToUnicode" in font


def test_links_are_tagged_with_contents_and_struct_parent(seed_pdf: bytes) -> None:
    with open_pdf(seed_pdf) as pdf:
        tree = structure_tree(pdf)
        links = tree.find("Link")
        annotations = [a for page in pdf.pages for a in page.get("/Annots", [])]
        assert all(page.Tabs == "/S" for page in pdf.pages if "/Annots" in page)
        assert len(annotations) == sum(len(link.annotations) for link in links)
        for link in links:
            assert link.mcids, "the link's visible text is inside the Link element"
            for annotation in link.annotations:
                assert str(annotation.Contents)
                assert "/StructParent" in annotation
        hansard = [a for a in annotations if "/A" in a and "hansard" in str(a.A.URI)]
        assert hansard and str(hansard[0].Contents) == "Read this speech in Hansard"
        internal = [a for a in annotations if "/Dest" in a]
        assert internal, "contents entries and notes link inside the document"


def test_a_link_wrapped_over_two_lines_is_two_annotations_in_one_link() -> None:
    words = "the full record of this debate in the official report of the House of Commons"
    document = Document(
        "Wrapped link", "en-GB",
        (Heading(1, (Text("Wrapped link"),), "t"),
         Paragraph((Text("Read " * 12), Link("https://hansard.parliament.uk/x", (Text(words),), "Hansard"))),),
    )  # fmt: skip
    with open_pdf(write_pdf(document)) as pdf:
        (link,) = structure_tree(pdf).find("Link")
        assert len(link.annotations) == 2
        assert {str(a.Contents) for a in link.annotations} == {"Hansard"}


def test_a_200000_character_url_wraps_instead_of_failing() -> None:
    data = write_pdf(seed_briefing(long_url=True))
    with open_pdf(data) as pdf:
        assert len(pdf.pages) > 60
        long_link = max(structure_tree(pdf).find("Link"), key=lambda link: len(link.annotations))
        assert len(long_link.annotations) > 2000
        actions = {a.A.objgen for a in long_link.annotations}
        assert len(actions) == 1, "one URI action shared by every line of the link"
        assert str(long_link.annotations[0].A.URI) == LONG_URL
    assert len(data) < 5_000_000


def test_lists_tables_contents_and_notes_have_their_structure(seed_pdf: bytes) -> None:
    with open_pdf(seed_pdf) as pdf:
        tree = structure_tree(pdf)
    (bullets,) = tree.find("L")
    assert [kid.type for kid in bullets.kids] == ["LI"] * 3
    assert [kid.type for kid in bullets.kids[0].kids] == ["Lbl", "LBody"]
    (table,) = tree.find("Table")
    assert [kid.type for kid in table.kids] == ["Caption", "THead", "TBody"]
    assert [kid.type for kid in table.kids[1].kids] == ["TR"]
    assert [kid.type for kid in table.kids[2].kids] == ["TR"] * 3
    header = table.kids[1].kids[0].kids
    assert [cell.type for cell in header] == ["TH"] * 3
    assert all(cell.obj.A.Scope == "/Column" for cell in header)
    first_row = table.kids[2].kids[0].kids
    assert [cell.type for cell in first_row] == ["TH", "TD", "TD"] and first_row[0].obj.A.Scope == "/Row"
    (toc,) = tree.find("TOC")
    assert {kid.type for kid in toc.kids} == {"TOCI"}
    assert toc.kids[0].kids[0].type == "Reference" and toc.kids[0].kids[0].kids[0].type == "Link"
    notes = tree.find("Note")
    assert notes and all(str(note.obj.ID).startswith("note-") for note in notes)
    assert tree.find("Reference")


def test_headings_are_in_order_and_bookmarks_follow_them(seed_pdf: bytes) -> None:
    with open_pdf(seed_pdf) as pdf:
        levels = [node.type for node in structure_tree(pdf).walk() if node.type in ("H1", "H2", "H3")]
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
    assert levels[0] == "H1" and levels.count("H1") == 1
    assert titles == [TITLE]
    with open_pdf(seed_pdf) as pdf, pdf.open_outline() as outline:
        second = [child.title for child in outline.root[0].children]
    assert second[:3] == ["Summary", "Contents", "Speakers"]


def test_welsh_is_a_span_with_its_language(seed_pdf: bytes) -> None:
    with open_pdf(seed_pdf) as pdf:
        spans = [node for node in structure_tree(pdf).find("Span") if "/Lang" in node.obj]
        assert [str(span.obj.Lang) for span in spans] == ["cy"]


def test_a_table_over_pages_repeats_its_header_as_an_artifact(tmp_path: Path) -> None:
    data = write_pdf(big_table_briefing(120))
    with open_pdf(data) as pdf:
        assert len(pdf.pages) > 2
        (table,) = structure_tree(pdf).find("Table")
        assert len(table.find("TH")) == 2, "the repeated header row is not read again"
    if shutil.which("pdftotext") is None:
        return
    text = poppler("pdftotext", data, tmp=tmp_path)
    assert all("Constituency" in page for page in text.split("\f")[:-1])


def test_characters_no_font_has_are_reported_and_fallbacks_draw_the_rest() -> None:
    document = Document(
        "Scripts", "en-GB",
        (Heading(1, (Text("Scripts"),), "t"),
         Paragraph((Text("Greek αβγ, Chinese 中文, Hindi हिन्दी, Egyptian 𓀀, arrow →"),))),
    )  # fmt: skip
    reporter = Reporter("scripts")
    data = write_pdf(document, reporter)
    by_code = {d.code: d.message for d in reporter.diagnostics}
    assert set(by_code) == {"PDF-GLYPH-001", "PDF-SHAPE-001"}
    assert "U+13000" in by_code["PDF-GLYPH-001"]
    assert not any(char in by_code["PDF-GLYPH-001"] for char in "α中ह")
    assert "ह" in by_code["PDF-SHAPE-001"]
    with open_pdf(data) as pdf:
        faces = {str(font.BaseFont).split("+")[-1] for font in pdf.pages[0].Resources.Font.values()}
        spans = [n for n in structure_tree(pdf).find("Span") if "/ActualText" in n.obj]
        assert {"DejaVuSans", "DroidSansFallback", "Lohit-Devanagari"} <= faces
        assert [str(span.obj.ActualText) for span in spans] == ["𓀀"]


def test_an_unknown_block_fails_loudly() -> None:
    document = Document("x", "en-GB", (Heading(1, (Text("x"),), "t"), "not a block"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cannot render"):
        write_pdf(document)


def table_rows(table: Node) -> list[Node]:
    """A structure tree Table's TR elements, straight under it or in THead and TBody."""
    rows = []
    for kid in table.kids:
        rows.extend([kid] if kid.type == "TR" else [row for row in kid.kids if row.type == "TR"])
    return rows


def test_ragged_table_rows_become_regular_rows() -> None:
    document = Document(
        "Ragged", "en-GB",
        (Heading(1, (Text("Ragged"),), "t"),
         Table("Votes", (header_row("Member", "Vote"),),
               ((Cell(()), text_cell("Aye")), (text_cell("Lord A"),),
                (text_cell("Lord B"), text_cell("No"), text_cell("teller"))))),
    )  # fmt: skip
    reporter = Reporter("ragged")
    data = write_pdf(document, reporter)
    with open_pdf(data) as pdf:
        (table,) = structure_tree(pdf).find("Table")
        rows = table_rows(table)
        assert [[cell.type for cell in row.kids] for row in rows] == [["TH", "TH", "TD"]] + [["TD"] * 3] * 3
    assert [d.code for d in reporter.diagnostics] == ["PDF-TABLE-001"]
    assert check_pdf(data, "ragged.pdf") == []


@needs("pdfinfo")
def test_page_numbers_are_artifacts_not_text(seed_pdf: bytes, tmp_path: Path) -> None:
    tagged = poppler_file("pdfinfo", seed_pdf, "-struct-text", tmp=tmp_path)
    assert "Page 1 of" not in tagged
    with open_pdf(seed_pdf) as pdf:
        content = pdf.pages[0].Contents.read_bytes()
    assert b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC" in content


def test_large_print_style_sets_the_sizes_and_still_passes() -> None:
    from exporter.options import WriteOptions
    from exporter.styles import load_style
    from exporter.writers.pdf import write

    data = write(seed_briefing(), WriteOptions(style=load_style("large-print")), Reporter("large"))
    with open_pdf(data) as pdf:
        sizes = {
            float(operands[1])
            for page in pdf.pages
            for operands, operator in pikepdf.parse_content_stream(page)
            if str(operator) == "Tf"
        }
    assert {18.0, 30.0, 26.0, 24.0} <= sizes and min(sizes) >= 18.0 * 0.7
    assert check_pdf(data, "large-print.pdf") == []


def test_a_table_row_taller_than_a_page_splits_between_lines() -> None:
    long_text = " ".join(SPEECH * 3)
    document = Document(
        "Tall row", "en-GB",
        (Heading(1, (Text("Tall row"),), "t"),
         Table("Speeches", (header_row("Member", "Words"),),
               ((text_cell("Kim Leadbeater"), text_cell(long_text)),
                (text_cell("Sarah Champion"), text_cell("Short."))), widths=(0.3, 0.7))),
    )  # fmt: skip
    data = write_pdf(document)
    with open_pdf(data) as pdf:
        assert len(pdf.pages) >= 2
        (table,) = structure_tree(pdf).find("Table")
        rows = table_rows(table)
        assert len(rows) == 3 and [len(row.kids) for row in rows] == [2, 2, 2]
        long_cell = rows[1].kids[1]
        assert len({page for page, _mcid in long_cell.mcids}) >= 2
    assert check_pdf(data, "tall.pdf") == []


def test_a_link_to_a_missing_anchor_keeps_its_words_and_warns() -> None:
    document = Document(
        "Dangling", "en-GB",
        (Heading(1, (Text("Dangling"),), "t"),
         Paragraph((Text("See "), Link("#nowhere", (Text("the division"),)), Text("."))),
         Paragraph((Text("Soft\u00adhyphen and zero\u200bwidth."),))),
    )  # fmt: skip
    reporter = Reporter("dangling")
    data = write_pdf(document, reporter)
    assert [d.code for d in reporter.diagnostics] == ["PDF-LINK-001"]
    with open_pdf(data) as pdf:
        assert not structure_tree(pdf).find("Link")
    assert check_pdf(data, "dangling.pdf") == []


def test_an_empty_briefing_still_makes_a_page_with_its_title() -> None:
    with open_pdf(write_pdf(Document("Nothing said", "en-GB", ()))) as pdf:
        assert len(pdf.pages) == 1
        assert [node.type for node in structure_tree(pdf).kids] == ["H1"]


def test_a_skipped_heading_level_does_not_stop_writing() -> None:
    document = Document("x", "en-GB", (Heading(1, (Text("x"),), "a"), Heading(3, (Text("y"),), "b")))
    data = write_pdf(document)
    assert "PDFUA-7.4-heading-order" in {d.code for d in check_pdf(data, "skip.pdf")}


def test_bytes_do_not_depend_on_the_process(seed_pdf: bytes) -> None:
    import hashlib
    import os
    import subprocess
    import sys

    program = (
        "import sys, hashlib; sys.path.insert(0, 'tests');"
        "from golden_trees import seed_briefing; from pdf_reading import write_pdf;"
        "print(hashlib.sha256(write_pdf(seed_briefing())).hexdigest())"
    )
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=root, env=env, capture_output=True, check=True
    )
    assert result.stdout.decode().strip() == hashlib.sha256(seed_pdf).hexdigest()


def test_a_paragraph_in_another_language_carries_its_lang() -> None:
    document = Document(
        "Senedd", "en-GB",
        (Heading(1, (Text("Senedd"),), "t"), Paragraph((Text("Bore da, Llywydd."),), lang="cy")),
    )  # fmt: skip
    with open_pdf(write_pdf(document)) as pdf:
        (paragraph,) = structure_tree(pdf).find("P")
        assert str(paragraph.obj.Lang) == "cy"
