"""Render a briefing tree as an accessible .docx with python-docx.

A ``Writer`` (document.Visitor): one ``visit_`` method per node type of
exporter.document; a node type without one raises document.UnknownNodeError, so a new
node cannot be dropped silently. Accessibility was settled when the tree was composed;
this module only maps each node onto the Word structure that assistive technology and
PDF export understand: built-in Heading 1-9 styles with their outline levels and
bookmarks, a pre-rendered TOC field, real footnotes and list numbering, tables written
out without merged cells under one header row marked with w:tblHeader.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from typing import cast

import docx
from docx.document import Document as DocxDocument
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.text.paragraph import CT_P
from docx.shared import Twips
from lxml import etree

from exporter import document as doc
from exporter.diagnostics import Reporter
from exporter.options import HEADING_LEVELS, WriteOptions
from exporter.tables.tree import regular_table, table_grid
from exporter.tables.written_out import WrittenOut, written_out
from exporter.writers.base import Writer
from exporter.writers.docx import measure, ooxml, parts, styles
from exporter.writers.docx.tables import column_twips

APPLICATION = "debate-exporter"
_SPACES = re.compile(r"\s+")
_MAX_LIST_LEVEL = styles.LIST_LEVELS - 1


def write(document: doc.Document, options: WriteOptions, reporter: Reporter) -> bytes:
    """The briefing as .docx bytes; identical trees give identical bytes."""
    return DocxWriter(document, options, reporter).render()


def _clean(text: str) -> str:
    """One space wherever the tree has a run of white space (no spacing by blanks)."""
    return _SPACES.sub(" ", text)


@dataclass(frozen=True)
class _Inline:
    """What inline nodes inherit from where they sit."""

    lang: str | None = None  # the paragraph's language, when not the document's
    bold: bool = False  # header cells
    style_id: str | None = None  # a character style (Hyperlink)
    part: XmlPart | None = None  # the part relationships go to (footnotes); None: the body
    in_note: bool = False  # Word cannot nest footnotes
    in_link: bool = False  # nor hyperlinks
    drop_notes: bool = False  # a spanning cell written again: its notes are where it was first


class DocxWriter(Writer):
    name = "the Word writer"

    def __init__(self, document: doc.Document, options: WriteOptions, reporter: Reporter) -> None:
        super().__init__(document, options, reporter)
        self.style = options.style
        self.docx: DocxDocument = docx.Document()
        self.bookmarks = self._bookmark_names()  # tree anchor -> bookmark name
        # The headings the contents lists: each gets a TC field, which Word's TOC field is
        # built from, so that Word's own update lists the same entries (never the speeches).
        self.listed = {
            entry.anchor: entry
            for block in doc.walk_blocks(document.blocks)
            if isinstance(block, doc.Contents)
            for entry in block.entries
        }
        self._bookmark_id = 0
        self._footnotes: XmlPart | None = None
        self.hyperlinks = parts.Hyperlinks()  # each part's external links, by address
        self._ordered_lists: list[styles.LabelFormat | None] = []
        self._sect_pr = self.docx.element.body.find(_w("sectPr"))
        self._page = measure.page_geometry(self.style)  # width, height, left margin, text width

    # --- whole document -------------------------------------------------------

    def render(self) -> bytes:
        parts.drop_template_leftovers(self.docx)
        self._replace_styles()
        self._set_page()
        self._set_footer()
        parts.settings_for(self.docx.settings.element, self.document.language)
        parts.page_colour(self.docx.element, self.docx.settings.element, styles.page_colour(self.style))
        self._ordered_lists = []  # listed as lists are visited, to hand out their w:numId
        self.visit(self.document)
        # one w:num for each ordered list written (a cell written out in every row it spans
        # writes its lists again)
        self._replace_numbering()
        buffer = io.BytesIO()
        self.docx.save(buffer)
        core = parts.core_xml(
            title=self.document.title,
            subject=self.document.subject,
            keywords="; ".join(self.document.keywords),
            language=self.document.language,
            author=self.document.author,
            date=self.document.date,
        )
        replacements = {
            "docProps/core.xml": core,
            "docProps/app.xml": parts.app_xml(APPLICATION),
            "word/fontTable.xml": parts.font_table_xml(self.style.fonts.word),
        }
        return parts.stable_zip(buffer.getvalue(), replacements)

    def visit_document(self, node: doc.Document) -> None:
        self.visit_each(node.blocks)

    def _replace_styles(self) -> None:
        _replace_children(self.docx.styles.element, styles.styles_xml(self.style, self.document.language))

    def _replace_numbering(self) -> None:
        numbering = self.docx.part.numbering_part.element
        _replace_children(numbering, styles.numbering_xml(self.style, self._ordered_lists))

    def _set_page(self) -> None:
        """The page size and margins; the side margins hold the text to the measure."""
        section = self.docx.sections[0]
        width, height, left, text = self._page
        margins = self.style.page.margins
        section.page_width, section.page_height = Twips(width), Twips(height)
        section.left_margin, section.right_margin = Twips(left), Twips(width - left - text)
        section.top_margin = Twips(round(margins.top * measure.TWIPS_PER_MM))
        section.bottom_margin = Twips(round(margins.bottom * measure.TWIPS_PER_MM))

    def _set_footer(self) -> None:
        """ "Page N of M" in the interface's language: the label's ``{page}`` and ``{pages}``
        become PAGE and NUMPAGES fields, its words runs tagged with their language."""
        paragraph = self.docx.sections[0].footer.paragraphs[0]
        paragraph.style = self.docx.styles.get_by_id(styles.FOOTER_ID, 1)
        p = paragraph._p
        lang = self._lang(self.document.label_lang("page"))
        fields = {"{page}": " PAGE ", "{pages}": " NUMPAGES "}
        for piece in re.split(r"(\{page\}|\{pages\})", self.document.label("page")):
            if piece in fields:
                p.append(ooxml.fld_simple(fields[piece], "1"))
            elif piece:
                p.append(self._run(piece, lang=lang))

    def _text_width(self) -> int:
        return self._page[3]

    # --- anchors ------------------------------------------------------------------

    def _bookmark_names(self) -> dict[str, str]:
        """A bookmark name for every anchor, named before rendering so links may point
        forward; in document order, so the names are the same from run to run."""
        names: dict[str, str] = {}
        taken: set[str] = set()
        for block in doc.walk_blocks(self.document.blocks):
            if isinstance(block, (doc.Heading, doc.Table)) and block.anchor and block.anchor not in names:
                names[block.anchor] = ooxml.bookmark_name(block.anchor, taken)
        return names

    def _bookmark(self, p: etree._Element, anchor: str | None) -> None:
        if not anchor or anchor not in self.bookmarks:
            return
        self._bookmark_id += 1
        ppr = p.find(_w("pPr"))
        start = ooxml.bookmark_start(self._bookmark_id, self.bookmarks[anchor])
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(ooxml.bookmark_end(self._bookmark_id))

    # --- blocks -------------------------------------------------------------------

    def _paragraph(self, style_id: str) -> CT_P:
        """A new body paragraph in one of our styles (ids from styles.py).

        Document.add_paragraph searches the body for w:sectPr on every call, which makes
        long debates quadratic; inserting before the one sectPr we hold is constant time.
        """
        p = cast(CT_P, ooxml.p(style_id))
        self._sect_pr.addprevious(p)
        return p

    def visit_heading(self, node: doc.Heading) -> None:
        """Heading N for level N; Word has nine, so a deeper heading is Heading 9."""
        level = min(max(node.level, 1), HEADING_LEVELS)
        if level != node.level:
            self.reporter.warn(
                "DOCX-HEADING-LEVEL",
                f"heading level {node.level} rendered as Heading {level} (Word has Heading 1 to {HEADING_LEVELS})",
                f"heading {node.anchor!r}",
            )
        p = self._paragraph(styles.HEADING_IDS[level - 1])
        self.visit_inlines(p, node.children, _Inline())
        entry = self.listed.get(node.anchor)
        if entry is not None:
            entry_level = min(max(entry.level, 1), HEADING_LEVELS)
            # TC "text" \f C \l N: a contents entry of type C (the TOC field's) at level N
            for run in ooxml.complex_field(f' TC "{ooxml.field_argument(_clean(entry.text))}" \\f C \\l {entry_level} '):
                p.append(run)
        self._bookmark(p, node.anchor)

    def visit_paragraph(
        self, node: doc.Paragraph, list_item: tuple[int, int] | None = None, continues: int | None = None
    ) -> None:
        """A paragraph; ``list_item`` = (numId, level) starts a list item, ``continues``
        = level sets a later paragraph of an item at its indent, without a marker."""
        style_id = styles.ROLE_IDS.get(node.role)
        if style_id is None:
            self.reporter.warn("DOCX-ROLE", f"unknown paragraph role {node.role!r} rendered as body text")
            style_id = styles.ROLE_IDS["body"]
        if list_item is not None:
            num_id, level = list_item
            style_id = styles.LIST_BULLET_ID if num_id == styles.BULLET_NUM_ID else styles.LIST_NUMBER_ID
        elif continues is not None:
            style_id = styles.LIST_CONTINUE_IDS[continues]
        p = self._paragraph(style_id)
        if list_item is not None:
            p.get_or_add_pPr().append(ooxml.num_pr(*list_item))
        self.visit_inlines(p, node.children, _Inline(lang=node.lang))

    def _num_id(self, node: doc.BulletList) -> int:
        """The list's w:numId: the one bullet list instance, or a new one for each ordered
        list, so that its numbers start at 1, or, for a list numbered by the record's labels,
        at its first label's number in the labels' own format (``styles.LabelFormat``)."""
        if not node.ordered:
            return styles.BULLET_NUM_ID
        affixes = doc.label_affixes(node)
        label_format = None
        if node.numbering is not None and affixes is not None:
            label_format = styles.LabelFormat(node.numbering, affixes[0], affixes[1], node.start)
        self._ordered_lists.append(label_format)
        return styles.ordered_num_id(len(self._ordered_lists) - 1)

    def visit_bullet_list(self, node: doc.BulletList, level: int = 0) -> None:
        num_id = self._num_id(node)
        for item in node.items:
            self.visit(item, num_id, level)

    def visit_list_item(self, node: doc.ListItem, num_id: int, level: int) -> None:
        shown_level = min(level, _MAX_LIST_LEVEL)
        for index, block in enumerate(node.blocks):
            if isinstance(block, doc.Paragraph) and index == 0:
                self.visit(block, list_item=(num_id, shown_level))
            elif isinstance(block, doc.Paragraph):
                self.visit(block, continues=shown_level)
            elif isinstance(block, doc.BulletList):
                self.visit(block, level + 1)
            else:  # a table in a list item stands at full width, after the item's text
                self.visit(block)

    def visit_table(self, node: doc.Table) -> None:
        """The caption, then the table written out without merged cells (MS-TBL-002): one
        header row marked w:tblHeader, joined labels, spans repeated (exporter.tables.
        written_out), widths from content; the rows of notes that end it follow it."""
        grid = table_grid(node)
        if not grid.adds_up:
            self.reporter.warn(
                "DOCX-TABLE-GRID",
                f"table {node.caption!r}: {grid.faults[0].message}; spans cut to fit, short rows padded",
            )
            node = regular_table(node)
        flat = written_out(
            node, self.document.label("header_levels"), self.document.label_lang("header_levels")
        )
        if flat.columns == 0 or not (flat.rows or flat.header):
            self.reporter.warn("DOCX-TABLE-EMPTY", f"table {node.caption!r} has no cells; left out")
            return
        caption = self._paragraph(styles.ROLE_IDS["caption"])
        caption.append(self._run(_clean(node.caption), lang=self._lang(node.caption_lang)))
        self._bookmark(caption, node.anchor)
        header = 1 if flat.header is not None else 0
        twips = column_twips(
            flat, self._text_width(), self.style.body.size, measure.width_scale(self.style), node.widths
        )
        # the grid made whole, each cell already its column's width, with lxml: python-docx's
        # Table.rows and Row.cells rebuild the cell grid on every call (a 2,000-row division
        # list took seconds), and setting each cell's width through it took a third of the
        # time of the Commons day's tables
        tbl = ooxml.tbl(header + len(flat.rows), twips, styles.TABLE_GRID_ID)
        self._sect_pr.addprevious(tbl)
        self._table_properties(tbl, node, twips, flat)
        trs = tbl.findall(_TR)
        if flat.header is not None:
            for tc, label in zip(trs[0].iterchildren(_TC), flat.header, strict=True):
                self._header_cell(tc, label)
            trs[0].insert(0, ooxml.tr_pr_tbl_header())
        for tr, slots in zip(trs[header:], flat.rows, strict=True):
            for tc, slot in zip(tr.iterchildren(_TC), slots, strict=True):
                if slot is not None:
                    self.visit(slot.cell, tc, slot.first)
        for note in flat.notes:
            for paragraph in note.blocks:
                self.visit(paragraph)

    def visit_cell(self, node: doc.Cell, tc: etree._Element, first: bool = True) -> None:
        """A cell's paragraphs in ``tc``, a list's items as list paragraphs (``w:numPr``, so
        that Word and its readers announce a list); a repeat of a spanning cell (``first``
        False) leaves its footnotes to the first."""
        placed: list[etree._Element] = []

        def add(paragraph: doc.Paragraph, style_id: str | None = None, num: tuple[int, int] | None = None) -> None:
            p = tc.find(_P) if not placed else tc.add_p()
            placed.append(p)
            if style_id is not None:
                p.style = style_id
            if num is not None:
                p.get_or_add_pPr().append(ooxml.num_pr(*num))
            context = _Inline(lang=paragraph.lang, bold=node.scope == "column", drop_notes=not first)
            self.visit_inlines(p, paragraph.children, context)

        for block in node.blocks:
            if isinstance(block, doc.Paragraph):
                add(block)
                continue
            num_id = self._num_id(block)
            style_id = styles.LIST_BULLET_ID if num_id == styles.BULLET_NUM_ID else styles.LIST_NUMBER_ID
            for item in block.items:
                inner = [b for b in doc.walk_blocks(item.blocks) if isinstance(b, doc.Paragraph)]
                for index, paragraph in enumerate(inner):
                    if index == 0:
                        add(paragraph, style_id, (num_id, 0))
                    else:
                        add(paragraph, styles.LIST_CONTINUE_IDS[0])

    def _header_cell(self, tc: etree._Element, label: tuple[doc.Inline, ...]) -> None:
        """A cell of the header row: its label (joined levels, each in its own language) on
        the style's header colours (see styles.py)."""
        tc.p_lst[0].style = styles.TABLE_HEADING_ID
        ooxml.cell_shading(tc.get_or_add_tcPr(), styles.header_cell_fill(self.style))
        self.visit_inlines(tc.p_lst[0], label, _Inline(bold=True))

    def _table_properties(self, tbl: etree._Element, node: doc.Table, twips: list[int], flat: WrittenOut) -> None:
        """Complete tblPr (after its style: width, layout, look, caption, and a description only
        when the table has something to say beyond its caption)."""
        tbl_pr = tbl.find(_w("tblPr"))
        # schema order inside tblPr: tblStyle, tblW, ..., tblLayout, tblCellMar, tblLook, tblCaption, tblDescription
        tbl_pr.append(ooxml.tbl_w(sum(twips)))
        tbl_pr.append(ooxml.tbl_layout_fixed())
        tbl_pr.append(ooxml.tbl_look(first_row=flat.header is not None, first_column=flat.row_headers))
        tbl_pr.append(ooxml.tbl_caption(_clean(node.caption)))
        # an attribute: OOXML gives its text no language of its own (w:lang is a run's)
        summary = doc.plain_text(node.summary).strip()
        if summary:
            tbl_pr.append(ooxml.tbl_description(_clean(summary)))

    def visit_contents(self, node: doc.Contents) -> None:
        """A TOC field whose result is written out whole, so that the file needs no update
        when it opens (no w:updateFields: Word's "Update the fields?" prompt is a barrier,
        and Protected View cannot answer it) and LibreOffice and pandoc, which do not rebuild
        a field, show it as it is. Each entry is a link to its heading's bookmark, with no
        page number (a page Word has not laid out cannot be written; the \\n switch keeps a
        later update in Word page-less too, DOCX-RULES UK-TOC-001). Word builds the field
        from the TC fields of the listed headings (\\f C, the levels the entries reach), so
        that updating it lists the same entries."""
        entries = [entry for entry in node.entries if entry.anchor in self.bookmarks]
        for entry in node.entries:
            if entry.anchor not in self.bookmarks:
                self.reporter.warn(
                    "DOCX-TOC-ANCHOR",
                    f"contents entry {entry.text!r} points to no heading",
                    f"#{entry.anchor}",
                )
        if not entries:
            self.reporter.warn("DOCX-TOC-EMPTY", "the contents has no entries and was left out")
            return
        deepest = min(max(max(entry.level for entry in entries), 1), HEADING_LEVELS)
        for index, entry in enumerate(entries):
            self.visit(entry, index == 0, index == len(entries) - 1, deepest)

    def visit_contents_entry(self, node: doc.ContentsEntry, first: bool, last: bool, deepest: int) -> None:
        level = min(max(node.level, 1), HEADING_LEVELS)
        p = self._paragraph(styles.TOC_IDS[level - 1])
        if first:
            p.append(ooxml.fld_char("begin"))
            p.append(ooxml.instr_text(f' TOC \\f C \\l "1-{deepest}" \\h \\z \\n '))
            p.append(ooxml.fld_char("separate"))
        bookmark = self.bookmarks[node.anchor]
        link = ooxml.hyperlink_internal(bookmark, None)
        link.append(self._run(_clean(node.text), style_id=styles.HYPERLINK_ID, lang=self._lang(node.lang)))
        p.append(link)
        if last:
            p.append(ooxml.fld_char("end"))

    # --- inlines ------------------------------------------------------------------

    def visit_inlines(
        self, parent: etree._Element, inlines: tuple[doc.Inline, ...], context: _Inline
    ) -> None:
        for inline in inlines:
            self.visit(inline, parent, context)

    @staticmethod
    def _lang(language: str | None) -> dict[str, str] | None:
        """w:lang attributes for text in ``language``; None for the document's own."""
        return styles.lang_attributes(language) if language else None

    def _run(self, text: str, **props: object) -> etree._Element:
        run = ooxml.r(text)
        rpr = ooxml.r_pr(**props)  # type: ignore[arg-type]
        if rpr is not None:
            run.insert(0, rpr)
        return run

    def visit_text(self, node: doc.Text, parent: etree._Element, context: _Inline) -> None:
        language = node.lang or context.lang
        parent.append(
            self._run(
                _clean(node.text),
                style_id=context.style_id,
                bold=context.bold or node.strong or (node.emphasis and self.style.emphasis_bold),
                italic=node.emphasis and not self.style.emphasis_bold,
                superscript=node.superscript,
                lang=styles.lang_attributes(language) if language else None,
            )
        )

    def visit_link(self, node: doc.Link, parent: etree._Element, context: _Inline) -> None:
        if context.in_link:  # a link inside a link: Word cannot nest them; keep the words
            self.visit_inlines(parent, node.children, context)
            return
        if not self.resolves(node):  # keep the words; a link to nowhere would fail LNK-REL-001
            self.reporter.warn(
                "DOCX-LINK-ANCHOR", f"link {node.text!r} points to no heading or table", node.target
            )
            self.visit_inlines(parent, node.children, context)
            return
        if node.internal:
            link = ooxml.hyperlink_internal(self.bookmarks[node.target[1:]], node.description)
        else:
            r_id = self.hyperlinks.r_id(context.part or self.docx.part, node.target)
            link = ooxml.hyperlink_external(r_id, node.description)
        self.visit_inlines(link, node.children, replace(context, style_id=styles.HYPERLINK_ID, in_link=True))
        parent.append(link)

    def visit_note_ref(self, node: doc.NoteRef, parent: etree._Element, context: _Inline) -> None:
        if context.drop_notes:
            return
        if context.in_note:  # a note inside a note: Word cannot nest them, so keep the words inline
            self.reporter.warn("DOCX-NOTE-NESTED", "a footnote inside a footnote was set inline")
            parent.append(self._run(" (" + _clean(doc.plain_text(node.children)) + ")"))
            return
        if self._footnotes is None:
            self._footnotes = parts.add_footnotes_part(self.docx)
            parts.declare_separators(self.docx.settings.element)
        note = self.note(node)
        footnote = etree.SubElement(self._footnotes.element, _w("footnote"))
        footnote.set(_w("id"), str(note.number))
        paragraph = etree.SubElement(footnote, _w("p"))
        etree.SubElement(etree.SubElement(paragraph, _w("pPr")), _w("pStyle")).set(
            _w("val"), styles.FOOTNOTE_TEXT_ID
        )
        paragraph.append(ooxml.footnote_ref_mark(styles.FOOTNOTE_REFERENCE_ID))
        paragraph.append(ooxml.r(" "))
        self.visit_inlines(paragraph, node.children, _Inline(part=self._footnotes, in_note=True))
        parent.append(ooxml.footnote_reference(note.number, styles.FOOTNOTE_REFERENCE_ID))


def _w(local: str) -> str:
    return f"{{{styles.W_NS}}}{local}"


_TR, _TC, _P = _w("tr"), _w("tc"), _w("p")


def _replace_children(root: etree._Element, xml: str) -> None:
    new = parse_xml(xml.encode("utf-8"))
    for child in list(root):
        root.remove(child)
    for child in list(new):
        root.append(child)
