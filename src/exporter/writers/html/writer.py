"""Render a briefing tree as one self-contained, accessible HTML page.

A ``Writer`` (document.Visitor): one ``visit_`` method per node type, each building lxml
elements (text is set on elements, never pasted into markup, so it is always escaped).
The page follows HTML's own semantics, checked by axe-core and the Nu Html Checker:

- ``lang`` on ``<html>`` and on every part in another language (WCAG 3.1.1, 3.1.2);
  ``<title>`` is the briefing's title (2.4.2); a skip link to ``<main>`` (2.4.1);
- landmarks: ``<header>`` holds the title (the one ``<h1>``) and the sitting's details,
  ``<main>`` everything else, the contents as a ``<nav>`` labelled by its heading, a
  ``<footer>`` with a link back to the top;
- headings at the tree's levels, as in the Word briefing: ``<h1>``-``<h6>``, deeper ones
  ``role="heading"`` with ``aria-level``; each heading opens a ``<section>`` holding what
  follows it up to the next heading of its level or above, so a speech is a section under
  its speaker heading;
- tables with a ``<caption>``, ``<th scope>``, real ``colspan`` and ``rowspan``, and
  ``headers``/``id`` where scopes alone would not tell a cell its headers (WCAG H43), in a
  labelled region that scrolls on its own on a narrow screen (1.4.10); a table the record
  gives no header is described (``aria-describedby``) by a note saying so;
- notes as DPUB-ARIA endnotes (``doc-noteref``, a ``doc-endnotes`` section of list items,
  each with a ``doc-backlink``), their marks at least 24 by 24 CSS px (2.5.8).

The style profile becomes the inline style sheet (``css.py``); ids, the writer's own words
and language tags are ``names.py``'s, text and hrefs ``markup.py``'s. Only http, https,
mailto and ftp links are written; other schemes (``javascript:``) keep their words without
the link. Relative column widths are left to the browser, which sizes columns to their
content and so lets a table fit a narrow screen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from exporter import __version__
from exporter import document as doc
from exporter.diagnostics import Reporter
from exporter.options import WriteOptions
from exporter.tables.tree import headers_of, irregular, regular_table, table_grid
from exporter.writers.base import Writer
from exporter.writers.html import css, markup
from exporter.writers.html.names import Names

DOCTYPE = "<!DOCTYPE html>"
DEEPEST_STYLED = 9  # headings deeper than this look like level 9, as in Word


def write(document: doc.Document, options: WriteOptions, reporter: Reporter) -> bytes:
    """The briefing as a UTF-8 HTML page; identical trees and options give identical bytes."""
    return HtmlWriter(document, options, reporter).render()


@dataclass(frozen=True)
class _Inline:
    """What inline nodes inherit from where they sit."""

    lang: str  # the language in force here
    in_link: bool = False  # HTML cannot nest links
    in_note: bool = False  # notes do not nest


class HtmlWriter(Writer):
    name = "the HTML writer"

    def __init__(self, document: doc.Document, options: WriteOptions, reporter: Reporter) -> None:
        super().__init__(document, options, reporter)
        self.style = options.style
        self.names = Names(document, reporter)
        self.ids = self.names.ids  # tree anchor -> HTML id
        self._new_id = self.names.new_id
        self._tables = 0  # tables written so far, for their header cells' ids
        self._language = self.names.language
        self._note_ids: dict[int, tuple[str, str]] = {}  # note number -> (mark id, note id)
        self._dropped = 0  # characters HTML cannot hold

    # --- whole document -----------------------------------------------------------

    def render(self) -> bytes:
        root = self.visit(self.document)
        if self._dropped:
            self.reporter.warn(
                "HTML-TEXT-CHARS",
                f"{self._dropped} control or noncharacter code point(s) left out: HTML cannot hold them",
            )
        markup.break_lines(root)
        text = etree.tostring(root, method="html", encoding="unicode", doctype=DOCTYPE)
        return (text + "\n").encode("utf-8")

    def visit_document(self, node: doc.Document) -> etree._Element:
        html = etree.Element("html", lang=self._language)
        self._head(etree.SubElement(html, "head"), node)
        body = etree.SubElement(html, "body")
        main_id = self._new_id("main")
        skip = self._label_element(body, "a", "skip", href=f"#{main_id}")
        skip.set("class", "skip-link")
        context = _Inline(self._language)
        blocks = list(node.blocks)
        header = etree.SubElement(body, "header")
        taken = self._title_block(header, blocks, context)
        main = etree.SubElement(body, "main", id=main_id, tabindex="-1")
        self._sections(main, blocks[taken:], context)
        self._endnotes(main, context)
        top = header.find("h1")  # "Back to top" leads to the title, or to the main content
        if top is None:
            body.remove(header)
            top = main
        elif not top.get("id"):
            top.set("id", self._new_id("title"))
        footer = etree.SubElement(body, "footer")
        self._label_element(etree.SubElement(footer, "p"), "a", "top", href=f"#{top.get('id')}")
        return html

    def _head(self, head: etree._Element, node: doc.Document) -> None:
        etree.SubElement(head, "meta", charset="utf-8")
        etree.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
        title = etree.SubElement(head, "title")
        title.text = self._clean(node.title).strip() or self._clean(self._first_heading()) or "Briefing"
        metadata = (
            ("description", node.subject),
            ("keywords", ", ".join(node.keywords)),
            ("author", node.author),
            ("generator", f"debate-exporter {__version__}"),
            ("dcterms.date", node.date or ""),
        )
        for name, content in metadata:
            if self._clean(content).strip():
                etree.SubElement(head, "meta", name=name, content=self._clean(content).strip())
        style = etree.SubElement(head, "style")
        style.text = "\n" + css.stylesheet(self.style)

    def _first_heading(self) -> str:
        for block in doc.walk_blocks(self.document.blocks):
            if isinstance(block, doc.Heading):
                return doc.plain_text(block.children)
        return ""

    def _title_block(self, header: etree._Element, blocks: list[doc.Block], context: _Inline) -> int:
        """Put the title and the sitting's details in the header; how many blocks it took.
        A tree with no level-1 heading gets one from its title, so the page has its ``<h1>``."""
        if blocks and isinstance(blocks[0], doc.Heading) and blocks[0].level == 1:
            header.append(self.visit(blocks[0], context))
            taken = 1
            while taken < len(blocks):
                block = blocks[taken]
                if not (isinstance(block, doc.Paragraph) and block.role == "details"):
                    break
                header.append(self.visit(block, context))
                taken += 1
            return taken
        if not any(isinstance(b, doc.Heading) and b.level == 1 for b in doc.walk_blocks(blocks)):
            h1 = etree.SubElement(header, "h1", id=self._new_id("title"))
            h1.text = self._clean(self.document.title).strip() or "Briefing"
            self.reporter.info("HTML-TITLE-HEADING", "the tree has no level-1 heading: the title is the <h1>")
        return 0

    def _sections(self, main: etree._Element, blocks: list[doc.Block], context: _Inline) -> None:
        """Each heading opens a section holding what follows, up to the next heading of its
        level or above; a section that starts with the contents is the page's ``<nav>``."""
        open_sections: list[tuple[int, etree._Element]] = [(0, main)]
        index = 0
        while index < len(blocks):
            block = blocks[index]
            index += 1
            if not isinstance(block, doc.Heading):
                open_sections[-1][1].append(self.visit(block, context))
                continue
            while open_sections[-1][0] >= block.level:
                open_sections.pop()
            heading = self.visit(block, context)
            contents = blocks[index] if index < len(blocks) else None
            if isinstance(contents, doc.Contents) and heading.get("id"):
                section = etree.SubElement(open_sections[-1][1], "nav")
                section.set("aria-labelledby", heading.get("id"))
                section.append(heading)
                section.append(self.visit(contents, context, True))
                index += 1
            else:
                section = etree.SubElement(open_sections[-1][1], "section")
                section.append(heading)
            open_sections.append((block.level, section))

    # --- blocks ---------------------------------------------------------------------

    def visit_heading(self, node: doc.Heading, context: _Inline) -> etree._Element:
        level = max(node.level, 1)
        if level <= 6:
            element = etree.Element(f"h{level}")
        else:  # HTML has six heading elements; ARIA headings go as deep as the tree
            element = etree.Element("p", role="heading")
            element.set("aria-level", str(level))
            element.set("class", f"h{min(level, DEEPEST_STYLED)}")
        if node.anchor in self.ids:
            element.set("id", self.ids[node.anchor])
        self.inlines(element, node.children, context)
        return element

    def visit_paragraph(self, node: doc.Paragraph, context: _Inline) -> etree._Element:
        if node.role not in doc.PARAGRAPH_ROLES:
            self.reporter.warn("HTML-ROLE", f"unknown paragraph role {node.role!r} rendered as body text")
        p = etree.Element("p")
        if node.role != "body" and node.role in doc.PARAGRAPH_ROLES:
            p.set("class", node.role)
        lang = self._part_lang(node.lang, context, p)
        self.inlines(p, node.children, replace(context, lang=lang))
        if node.role == "quote":
            quote_element = etree.Element("blockquote")
            quote_element.append(p)
            return quote_element
        return p

    def visit_bullet_list(self, node: doc.BulletList, context: _Inline) -> etree._Element:
        """``ul``, or ``ol`` for a numbered list; a list numbered by the record's labels
        ("(a)", "(ii)") is an ``ol`` of class ``labelled`` whose items begin with their label
        as text and show no marker of their own, so that each label is read once, as printed;
        its ``type`` and ``start`` say how the labels count."""
        element = etree.Element("ol" if node.ordered else "ul")
        if node.numbering is not None:
            element.set("class", "labelled")
            element.set("type", _OL_TYPES[node.numbering])  # how it counts, for what reads no CSS
            if node.start != 1:
                element.set("start", str(node.start))
        for item in node.items:
            element.append(self.visit(item, context))
        return element

    def visit_list_item(self, node: doc.ListItem, context: _Inline) -> etree._Element:
        li = etree.Element("li")
        for block in node.blocks:
            li.append(self.visit(block, context))
        if node.label is not None:
            _label_first_paragraph(li, node.label)
        return li

    def visit_table(self, node: doc.Table, context: _Inline) -> etree._Element:
        """A captioned table in a region of its own, which scrolls sideways when the table is
        wider than the screen (WCAG 1.4.10 lets data tables scroll in two dimensions); the
        region can take focus so that keyboard users can scroll it too."""
        caption_id = self._new_id("caption")
        region = etree.Element("div", role="region", tabindex="0")
        region.set("class", "table")
        region.set("aria-labelledby", caption_id)
        table = etree.SubElement(region, "table")
        if node.anchor and node.anchor in self.ids:
            table.set("id", self.ids[node.anchor])
        caption = etree.SubElement(table, "caption", id=caption_id)
        caption.text = self._clean(node.caption).strip()
        self._part_lang(node.caption_lang, context, caption)  # a caption in another language
        if not caption.text:
            self.reporter.warn("HTML-TABLE-CAPTION", "a table has no caption")
        # the grid must add up: a short row or a span that does not fit would put words under
        # the wrong header
        grid = table_grid(node)
        if not grid.adds_up:
            self.reporter.warn(
                "HTML-TABLE-GRID",
                f"table {node.caption!r}: {grid.faults[0].message}; spans cut to fit, short rows padded",
            )
            node = regular_table(node)
            grid = table_grid(node)
        if node.summary:  # what the cells do not say (the record gives the table no header)
            note = etree.SubElement(region, "p", id=self._new_id("table-note"))
            note.set("class", "table-note")
            # the note says its words' language; a text in the document's then says its own
            lang = self._part_lang(node.summary_lang, context, note)
            texts = tuple(
                replace(text, lang=self.document.language) if node.summary_lang and not text.lang else text
                for text in node.summary
            )
            self.inlines(note, texts, replace(context, lang=lang))
            table.set("aria-describedby", note.get("id", ""))
        explicit = irregular(node, grid)
        self._tables += 1
        ids = {
            id(p): self._new_id(f"t{self._tables}-r{p.row + 1}c{p.column + 1}")
            for p in grid.placed
            if p.cell.scope and explicit
        }
        groups = [etree.SubElement(table, "thead")] if node.head else []
        groups.append(etree.SubElement(table, "tbody"))
        rows = [etree.SubElement(groups[0 if r < len(node.head) else -1], "tr") for r in range(grid.rows)]
        for here in grid.placed:
            cell = self.visit(here.cell, context)
            if here.colspan > 1:
                cell.set("colspan", str(here.colspan))
            if here.rowspan > 1:
                cell.set("rowspan", str(here.rowspan))
            if id(here) in ids:
                cell.set("id", ids[id(here)])
            if explicit:
                named = [ids[id(h)] for h in headers_of(here, grid) if id(h) in ids]
                if named:
                    cell.set("headers", " ".join(named))
            rows[here.row].append(cell)
        return region

    def visit_cell(self, node: doc.Cell, context: _Inline) -> etree._Element:
        """A header cell is a ``<th>`` with the scope it has (``col``, ``row``; one that labels
        both has none, and its cells name it with ``headers``); a data cell a ``<td>``. A cell
        of several paragraphs has a ``<p>`` each, a list its ``<ul>``/``<ol>``."""
        if node.scope:
            cell = etree.Element("th")
            scope = {"column": "col", "row": "row"}.get(node.scope)
            if scope:
                cell.set("scope", scope)
        else:
            cell = etree.Element("td")
        only = node.blocks[0] if len(node.blocks) == 1 else None
        if isinstance(only, doc.Paragraph):
            lang = self._part_lang(only.lang, context, cell)
            self.inlines(cell, only.children, replace(context, lang=lang))
        else:
            for block in node.blocks:
                cell.append(self.visit(block, context))
        return cell

    def visit_contents(self, node: doc.Contents, context: _Inline, in_nav: bool = False) -> etree._Element:
        """The contents as nested lists, one level per heading level; outside a section of
        its own it is a ``<nav>`` labelled "Contents"."""
        root = etree.Element("ul")
        root.set("class", "contents")
        if node.entries:
            base = min(entry.level for entry in node.entries)
            open_lists: list[tuple[int, etree._Element]] = [(base, root)]
            for entry in node.entries:
                while len(open_lists) > 1 and open_lists[-1][0] > entry.level:
                    open_lists.pop()
                depth, current = open_lists[-1]
                if entry.level > depth and len(current):  # one level deeper, under the last entry
                    current = etree.SubElement(current[-1], "ul")
                    open_lists.append((depth + 1, current))
                current.append(self.visit(entry, context))
        if in_nav:
            return root
        nav = etree.Element("nav")
        self._label_attribute(nav, "aria-label", "contents")
        nav.append(root)
        return nav

    def visit_contents_entry(self, node: doc.ContentsEntry, context: _Inline) -> etree._Element:
        li = etree.Element("li")
        self._part_lang(node.lang, context, li)  # an entry in another language
        text = self._clean(node.text).strip()
        if node.anchor in self.ids:
            etree.SubElement(li, "a", href=f"#{self.ids[node.anchor]}").text = text
        else:
            self.reporter.warn("HTML-CONTENTS-ANCHOR", f"contents entry {node.text!r} points to no heading")
            li.text = text
        return li

    # --- inlines --------------------------------------------------------------------

    def inlines(self, parent: etree._Element, inlines: tuple[doc.Inline, ...], context: _Inline) -> None:
        for inline in inlines:
            self.visit(inline, parent, context)

    def visit_text(self, node: doc.Text, parent: etree._Element, context: _Inline) -> None:
        text = self._clean(node.text)
        if not text:
            return
        tags = [
            tag
            for tag, on in (("sup", node.superscript), ("strong", node.strong), ("em", node.emphasis))
            if on
        ]
        lang = self.names.language_tag(node.lang, "a run of text") if node.lang else None
        if lang and markup.same_language(lang, context.lang):
            lang = None
        if not tags and not lang:
            markup.append_text(parent, text)
            return
        outer = inner = etree.SubElement(parent, (tags or ["span"])[0])
        if lang:
            outer.set("lang", lang)
        for tag in tags[1:]:
            inner = etree.SubElement(inner, tag)
        inner.text = text

    def visit_link(self, node: doc.Link, parent: etree._Element, context: _Inline) -> None:
        if context.in_link:  # HTML cannot nest links: keep the words
            self.inlines(parent, node.children, context)
            return
        if node.internal:
            href = f"#{self.ids[node.target[1:]]}" if node.target[1:] in self.ids else None
            problem = "points to no heading or table"
        else:
            href = markup.safe_href(self._clean(node.target))
            problem = f"has a scheme HTML briefings do not link to ({', '.join(markup.LINK_SCHEMES)} only)"
        if href is None:
            self.reporter.warn(
                "HTML-LINK", f"link {node.text!r} {problem}: its words are kept", node.target[:80]
            )
            self.inlines(parent, node.children, context)
            return
        link = etree.SubElement(parent, "a", href=href)
        self.inlines(link, node.children, replace(context, in_link=True))
        if not "".join(link.itertext()).strip():  # a link must say where it goes
            link.text = self._clean(node.description or (node.target if not node.internal else "")) or href
            if node.description and node.description_lang:  # the tool's words, in their language
                self._part_lang(node.description_lang, context, link)

    def visit_note_ref(self, node: doc.NoteRef, parent: etree._Element, context: _Inline) -> None:
        if context.in_note or context.in_link:  # notes do not nest, and a link cannot hold one
            self.reporter.warn("HTML-NOTE-NESTED", "a note inside a note or a link was set inline")
            markup.append_text(parent, " (" + self._clean(doc.plain_text(node.children)).strip() + ")")
            return
        number = self.note(node).number
        mark_id, note_id = self._new_id(f"noteref-{number}"), self._new_id(f"note-{number}")
        self._note_ids[number] = (mark_id, note_id)
        mark = etree.SubElement(parent, "a", href=f"#{note_id}", id=mark_id, role="doc-noteref")
        mark.set("class", "noteref")
        self._label_element(mark, "span", "note", number=number).set("class", "visually-hidden")
        shown = etree.SubElement(mark, "span")
        shown.set("aria-hidden", "true")
        shown.text = str(number)

    def _endnotes(self, main: etree._Element, context: _Inline) -> None:
        """The notes in a ``doc-endnotes`` section after the rest, at the level of the
        briefing's sections, each with a ``doc-backlink`` to its mark."""
        if not self.notes:
            return
        heading_id = self._new_id("notes")
        section = etree.SubElement(main, "section", role="doc-endnotes")
        section.set("class", "notes")
        section.set("aria-labelledby", heading_id)
        has_title = any(isinstance(b, doc.Heading) and b.level == 1 for b in self.document.blocks)
        self._label_element(section, "h2" if has_title else "h1", "notes", id=heading_id)
        listing = etree.SubElement(section, "ol")
        for note in self.notes:
            mark_id, note_id = self._note_ids[note.number]
            p = etree.SubElement(etree.SubElement(listing, "li", id=note_id), "p")
            self.inlines(p, note.children, replace(context, in_note=True))
            markup.append_text(p, " ")
            back = self._label_element(p, "a", "back_to_text", href=f"#{mark_id}", role="doc-backlink")
            back.set("class", "backlink")
            hidden = etree.SubElement(back, "span")
            hidden.set("class", "visually-hidden")
            hidden.text = f" ({self.names.label('note', number=note.number)[0]})"

    # --- ids, words and languages ------------------------------------------------------

    def _clean(self, text: str) -> str:
        """One space for each run of white space; characters HTML cannot hold left out."""
        cleaned, dropped = markup.clean_text(text)
        self._dropped += dropped
        return cleaned

    def _label_element(
        self, parent: etree._Element, tag: str, key: str, number: int | None = None, **attributes: str
    ) -> etree._Element:
        """An element holding one of the writer's own words, marked with their language."""
        element = etree.SubElement(parent, tag, **attributes)
        element.text, lang = (
            self.names.label(key, number=number) if number is not None else self.names.label(key)
        )
        if lang:
            element.set("lang", lang)
        return element

    def _label_attribute(self, element: etree._Element, attribute: str, key: str) -> None:
        """A label as an attribute: its language cannot be marked without marking the
        element's content too, so it is not."""
        element.set(attribute, self.names.label(key)[0])

    def _part_lang(self, lang: str | None, context: _Inline, element: etree._Element) -> str:
        """Mark ``element`` with ``lang`` when it differs from what is in force; the language then."""
        tag = self.names.language_tag(lang, "a paragraph") if lang else None
        if tag and not markup.same_language(tag, context.lang):
            element.set("lang", tag)
            return tag
        return context.lang


# the ol type for each way a record's labels count (document.NUMBERINGS)
_OL_TYPES = {"decimal": "1", "lower-alpha": "a", "upper-alpha": "A", "lower-roman": "i", "upper-roman": "I"}


def _label_first_paragraph(li: etree._Element, label: str) -> None:
    """Put an item's label, as text, at the start of its first paragraph (the item itself
    when it has none)."""
    paragraph = next(iter(li.iter("p")), li)
    span = etree.Element("span")
    span.set("class", "list-label")
    span.text = label
    span.tail = " " + (paragraph.text or "")
    paragraph.text = None
    paragraph.insert(0, span)
