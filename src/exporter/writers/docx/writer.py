"""Render a briefing tree as an accessible .docx with python-docx.

A visitor: one method per node type of exporter.document; a node type without a
method raises TypeError, so a new node cannot be dropped silently. Accessibility was
settled when the tree was composed; this module only maps each node onto the Word
structure that assistive technology and PDF export understand (built-in heading
styles with bookmarks, a pre-rendered TOC field, real footnotes and list numbering,
header rows marked with w:tblHeader).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import cast

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm, Twips
from docx.table import Table as DocxTable
from lxml import etree

from exporter import document as doc
from exporter.diagnostics import Reporter
from exporter.options import WriteOptions
from exporter.writers.docx import ooxml, parts, styles

A4_WIDTH, A4_HEIGHT = 11906, 16838  # twips
APPLICATION = "debate-exporter"
_SPACES = re.compile(r"\s+")
_MAX_LIST_LEVEL = styles.LIST_LEVELS - 1


def write(document: doc.Document, options: WriteOptions, reporter: Reporter) -> bytes:
    """The briefing as .docx bytes; identical trees give identical bytes."""
    return _DocxWriter(document, options, reporter).render()


def _clean(text: str) -> str:
    """One space wherever the tree has a run of white space (no spacing by blanks)."""
    return _SPACES.sub(" ", text)


class _DocxWriter:
    def __init__(self, tree: doc.Document, options: WriteOptions, reporter: Reporter) -> None:
        self.tree = tree
        self.style = options.style
        self.reporter = reporter
        self.docx: DocxDocument = docx.Document()
        self.bookmarks: dict[str, str] = {}  # tree anchor -> bookmark name
        self._bookmark_id = 0
        self._footnote_id = 0
        self._footnotes: XmlPart | None = None
        self._ordered_lists = 0
        self._sect_pr = self.docx.element.body.find(_w("sectPr"))
        self._collect_anchors(tree.blocks, set())
        self.block_visitors: dict[type, Callable[..., None]] = {
            doc.Heading: self.visit_heading,
            doc.Paragraph: self.visit_paragraph,
            doc.BulletList: self.visit_bullet_list,
            doc.Table: self.visit_table,
            doc.Contents: self.visit_contents,
        }

    # --- whole document -------------------------------------------------------

    def render(self) -> bytes:
        parts.drop_template_leftovers(self.docx)
        self._replace_styles()
        self._set_page()
        self._set_footer()
        parts.settings_for(self.docx.settings.element, self.tree.language)
        self._count_ordered_lists(self.tree.blocks)
        self._replace_numbering()
        self.visit_blocks(self.tree.blocks)
        buffer = io.BytesIO()
        self.docx.save(buffer)
        core = parts.core_xml(
            title=self.tree.title,
            subject=self.tree.subject,
            keywords="; ".join(self.tree.keywords),
            language=self.tree.language,
            author=self.tree.author,
            date=self.tree.date,
        )
        replacements = {
            "docProps/core.xml": core,
            "docProps/app.xml": parts.app_xml(APPLICATION),
            "word/fontTable.xml": parts.font_table_xml(self.style.docx_font),
        }
        return parts.stable_zip(buffer.getvalue(), replacements)

    def _replace_styles(self) -> None:
        _replace_children(self.docx.styles.element, styles.styles_xml(self.style, self.tree.language))

    def _replace_numbering(self) -> None:
        numbering = self.docx.part.numbering_part.element
        _replace_children(numbering, styles.numbering_xml(self.style, self._ordered_lists))
        self._ordered_lists = 0  # re-counted as lists are visited, to hand out their w:numId

    def _set_page(self) -> None:
        section = self.docx.sections[0]
        section.page_width, section.page_height = Twips(A4_WIDTH), Twips(A4_HEIGHT)
        margin = Cm(self.style.margin_cm)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin

    def _set_footer(self) -> None:
        paragraph = self.docx.sections[0].footer.paragraphs[0]
        paragraph.style = self.docx.styles.get_by_id(styles.FOOTER_ID, 1)
        p = paragraph._p
        p.append(ooxml.r("Page "))
        p.append(ooxml.fld_simple(" PAGE ", "1"))
        p.append(ooxml.r(" of "))
        p.append(ooxml.fld_simple(" NUMPAGES ", "1"))

    def _text_width(self) -> int:
        return A4_WIDTH - 2 * round(self.style.margin_cm * 567)

    # --- anchors ------------------------------------------------------------------

    def _collect_anchors(self, blocks: tuple[doc.Block, ...], taken: set[str]) -> None:
        """Name every bookmark before rendering, so links may point forward."""
        for block in blocks:
            anchor = None
            if isinstance(block, (doc.Heading, doc.Table)):
                anchor = block.anchor
            elif isinstance(block, doc.BulletList):
                for item in block.items:
                    self._collect_anchors(item.blocks, taken)
            if anchor and anchor not in self.bookmarks:
                self.bookmarks[anchor] = ooxml.bookmark_name(anchor, taken)

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

    def visit_blocks(self, blocks: tuple[doc.Block, ...]) -> None:
        for block in blocks:
            visitor = self.block_visitors.get(type(block))
            if visitor is None:
                raise TypeError(f"the Word writer cannot render a {type(block).__name__} block")
            visitor(block)

    def _paragraph(self, style_id: str) -> CT_P:
        """A new body paragraph in one of our styles (ids from styles.py).

        Document.add_paragraph searches the body for w:sectPr on every call, which makes
        long debates quadratic; inserting before the one sectPr we hold is constant time.
        """
        p = cast(CT_P, OxmlElement("w:p"))
        p.style = style_id
        self._sect_pr.addprevious(p)
        return p

    def visit_heading(self, heading: doc.Heading) -> None:
        level = min(max(heading.level, 1), 3)
        if level != heading.level:
            self.reporter.warn(
                "DOCX-HEADING-LEVEL",
                f"heading level {heading.level} rendered as Heading {level}",
                f"heading {heading.anchor!r}",
            )
        p = self._paragraph(styles.HEADING_IDS[level - 1])
        self.visit_inlines(p, heading.children, lang=None, footnotes_allowed=True)
        self._bookmark(p, heading.anchor)

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
        self.visit_inlines(p, node.children, lang=node.lang, footnotes_allowed=True)

    def visit_bullet_list(self, node: doc.BulletList, level: int = 0) -> None:
        if node.ordered:
            num_id = styles.ordered_num_id(self._ordered_lists)
            self._ordered_lists += 1
        else:
            num_id = styles.BULLET_NUM_ID
        shown_level = min(level, _MAX_LIST_LEVEL)
        for item in node.items:
            for index, block in enumerate(item.blocks):
                if isinstance(block, doc.Paragraph) and index == 0:
                    self.visit_paragraph(block, list_item=(num_id, shown_level))
                elif isinstance(block, doc.Paragraph):
                    self.visit_paragraph(block, continues=shown_level)
                elif isinstance(block, doc.BulletList):
                    self.visit_bullet_list(block, level + 1)
                else:  # a table in a list item stands at full width, after the item's text
                    self.visit_blocks((block,))

    def _count_ordered_lists(self, blocks: tuple[doc.Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, doc.BulletList):
                self._ordered_lists += int(block.ordered)
                for item in block.items:
                    self._count_ordered_lists(item.blocks)

    def visit_table(self, node: doc.Table) -> None:
        caption = self._paragraph(styles.ROLE_IDS["caption"])
        caption.append(ooxml.r(_clean(node.caption)))
        self._bookmark(caption, node.anchor)
        columns = len(node.header)
        if any(len(row) != columns for row in node.rows):
            raise ValueError(f"table {node.caption!r}: every row must have {columns} cells, like its header")
        table = self.docx.add_table(rows=1 + len(node.rows), cols=columns)
        table.style = self.docx.styles.get_by_id(styles.TABLE_GRID_ID, 3)
        twips = self._table_properties(table, node)
        # the oxml layer: python-docx's Table.rows and Row.cells rebuild the cell grid on
        # every call, which made a 2,000-row division list take seconds
        trs = table._tbl.tr_lst
        for row_index, (tr, cells) in enumerate(zip(trs, (node.header, *node.rows), strict=True)):
            for tc, content, width in zip(tr.tc_lst, cells, twips, strict=True):
                tc.width = Twips(width)
                self.visit_inlines(
                    tc.p_lst[0], content.children, lang=None, footnotes_allowed=True, bold=row_index == 0
                )
        trs[0].insert(0, ooxml.tr_pr_tbl_header())

    def _table_properties(self, table: DocxTable, node: doc.Table) -> list[int]:
        """Set tblPr (style, width, look, caption) and the grid; the column widths in twips."""
        tbl = table._tbl
        tbl_pr = tbl.tblPr
        for look in tbl_pr.findall(_w("tblLook")):
            tbl_pr.remove(look)
        for width in tbl_pr.findall(_w("tblW")):
            tbl_pr.remove(width)
        total = self._text_width()
        widths = node.widths or tuple(1 / len(node.header) for _ in node.header)
        if len(widths) != len(node.header):
            raise ValueError(f"table {node.caption!r}: {len(widths)} widths for {len(node.header)} columns")
        scale = sum(widths) or 1.0
        twips = [round(total * w / scale) for w in widths]
        # schema order inside tblPr: tblStyle, tblW, ..., tblLayout, tblCellMar, tblLook, tblCaption, tblDescription
        style = tbl_pr.find(_w("tblStyle"))
        anchor_at = style if style is not None else None
        width_el = ooxml.tbl_w(sum(twips))
        if anchor_at is not None:
            anchor_at.addnext(width_el)
        else:
            tbl_pr.insert(0, width_el)
        tbl_pr.append(ooxml.tbl_layout_fixed())
        tbl_pr.append(ooxml.tbl_look_header_row())
        tbl_pr.append(ooxml.tbl_caption(_clean(node.caption)))
        tbl_pr.append(ooxml.tbl_description(_clean(node.caption)))
        for grid_col, width in zip(tbl.tblGrid.findall(_w("gridCol")), twips, strict=True):
            grid_col.set(_w("w"), str(width))
        return twips

    def visit_contents(self, node: doc.Contents) -> None:
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
        for index, entry in enumerate(entries):
            level = min(max(entry.level, 1), 3)
            p = self._paragraph(styles.TOC_IDS[level - 1])
            if index == 0:
                p.append(ooxml.fld_char("begin"))
                p.append(ooxml.instr_text(' TOC \\o "1-3" \\h \\z \\u '))
                p.append(ooxml.fld_char("separate"))
            link = ooxml.hyperlink_internal(self.bookmarks[entry.anchor], None)
            link.append(self._run(_clean(entry.text), style_id=styles.HYPERLINK_ID))
            p.append(link)
            if index == len(entries) - 1:
                p.append(ooxml.fld_char("end"))

    # --- inlines ------------------------------------------------------------------

    def visit_inlines(
        self,
        parent: etree._Element,
        inlines: tuple[doc.Inline, ...],
        *,
        lang: str | None,
        footnotes_allowed: bool,
        bold: bool = False,
        style_id: str | None = None,
        part: XmlPart | None = None,
    ) -> None:
        for inline in inlines:
            if isinstance(inline, doc.Text):
                parent.append(self._text_run(inline, lang, bold, style_id))
            elif isinstance(inline, doc.Link):
                self._link(parent, inline, lang, bold, part)
            elif isinstance(inline, doc.NoteRef):
                if footnotes_allowed:
                    parent.append(self._footnote(inline))
                else:  # a note inside a note: Word cannot nest them, so keep the words inline
                    self.reporter.warn("DOCX-NOTE-NESTED", "a footnote inside a footnote was set inline")
                    parent.append(self._run(" (" + _clean(doc.plain_text(inline.children)) + ")"))
            else:
                raise TypeError(f"the Word writer cannot render a {type(inline).__name__} inline")

    def _run(self, text: str, **props: object) -> etree._Element:
        run = ooxml.r(text)
        rpr = ooxml.r_pr(**props)  # type: ignore[arg-type]
        if rpr is not None:
            run.insert(0, rpr)
        return run

    def _text_run(self, node: doc.Text, lang: str | None, bold: bool, style_id: str | None) -> etree._Element:
        language = node.lang or lang
        return self._run(
            _clean(node.text),
            style_id=style_id,
            bold=bold or node.strong,
            italic=node.emphasis,
            superscript=node.superscript,
            lang=styles.lang_attributes(language) if language else None,
        )

    def _link(
        self, parent: etree._Element, node: doc.Link, lang: str | None, bold: bool, part: XmlPart | None
    ) -> None:
        for child in node.children:
            if not isinstance(child, doc.Text):
                raise TypeError(f"the Word writer cannot render a {type(child).__name__} inside a link")
        if node.internal:
            name = self.bookmarks.get(node.target[1:])
            if name is None:  # keep the words; a link to nowhere would fail LNK-REL-001
                self.reporter.warn(
                    "DOCX-LINK-ANCHOR", f"link {node.text!r} points to no heading or table", node.target
                )
                for child in node.children:
                    parent.append(self._text_run(child, lang, bold, None))
                return
            link = ooxml.hyperlink_internal(name, node.description)
        else:
            r_id = (part or self.docx.part).relate_to(node.target, RT.HYPERLINK, is_external=True)
            link = ooxml.hyperlink_external(r_id, node.description)
        for child in node.children:
            link.append(self._text_run(child, lang, bold, styles.HYPERLINK_ID))
        parent.append(link)

    def _footnote(self, node: doc.NoteRef) -> etree._Element:
        if self._footnotes is None:
            self._footnotes = parts.add_footnotes_part(self.docx)
            parts.declare_separators(self.docx.settings.element)
        self._footnote_id += 1
        footnote = etree.SubElement(self._footnotes.element, _w("footnote"))
        footnote.set(_w("id"), str(self._footnote_id))
        paragraph = etree.SubElement(footnote, _w("p"))
        etree.SubElement(etree.SubElement(paragraph, _w("pPr")), _w("pStyle")).set(
            _w("val"), styles.FOOTNOTE_TEXT_ID
        )
        paragraph.append(ooxml.footnote_ref_mark(styles.FOOTNOTE_REFERENCE_ID))
        paragraph.append(ooxml.r(" "))
        self.visit_inlines(paragraph, node.children, lang=None, footnotes_allowed=False, part=self._footnotes)
        return ooxml.footnote_reference(self._footnote_id, styles.FOOTNOTE_REFERENCE_ID)


def _w(local: str) -> str:
    return f"{{{styles.W_NS}}}{local}"


def _replace_children(root: etree._Element, xml: str) -> None:
    new = parse_xml(xml.encode("utf-8"))
    for child in list(root):
        root.remove(child)
    for child in list(new):
        root.append(child)
