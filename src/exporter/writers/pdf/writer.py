"""Visits the briefing tree and builds the platypus story with its structure elements.

A ``Writer`` (document.Visitor), one ``visit_`` method per node type. Every block gets
its structure element here, named after ISO 32000 (H1-H6 or Sect/H, P, BlockQuote,
L/LI/Lbl/LBody, Table/TR/TH/TD/Caption, TOC/TOCI/Reference/Link, Note); the flowables
only draw them. Headings keep the tree's levels at any depth (``tagging.headings``), and
the outline follows them. Notes are gathered into a "Notes" section at the end of the
document, each with a link back to where it is referenced.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from reportlab.platypus import Flowable

from exporter import document as doc
from exporter.diagnostics import Reporter
from exporter.language import tags
from exporter.options import WriteOptions
from exporter.styles.model import hex_digits
from exporter.tables.tree import regular_table, table_grid
from exporter.writers.base import Writer
from exporter.writers.pdf.contents import ContentsLine, PageReferences, number_run
from exporter.writers.pdf.flowables import BlockStyle, OutlineEntry, TextBlock
from exporter.writers.pdf.fonts import (
    TextWidths,
    average_char_width,
    face_for,
    register_fonts,
    segment_by_font,
)
from exporter.writers.pdf.lines import LinkTarget, Run, run_width
from exporter.writers.pdf.page import PRODUCER, build_pdf, frame_height
from exporter.writers.pdf.table import TableBlock
from exporter.writers.pdf.table_cells import Box, CellContent
from exporter.writers.pdf.tagging.emit import Metadata
from exporter.writers.pdf.tagging.headings import Headings
from exporter.writers.pdf.tagging.marked import Tagger, UntaggedTagger
from exporter.writers.pdf.tagging.structure import StructElem, document_root
from exporter.writers.pdf.tagging.tables import tag_table

LIST_INDENT = 20.0
# ListNumbering (ISO 32000-1 table 347) for each way a record's labels count (document.NUMBERINGS)
_LIST_NUMBERING = {
    "decimal": "Decimal",
    "lower-alpha": "LowerAlpha",
    "upper-alpha": "UpperAlpha",
    "lower-roman": "LowerRoman",
    "upper-roman": "UpperRoman",
}
QUOTE_INDENT = 24.0
_WHITESPACE = re.compile(r"[\t\n\r\f\v\u2028\u2029\u0085]")

GLYPH_CODE = "PDF-GLYPH-001"
TABLE_CODE = "PDF-TABLE-001"
LINK_CODE = "PDF-LINK-001"
SHAPING_CODE = "PDF-SHAPE-001"


def clean_text(text: str) -> str:
    """Line breaks become spaces; control and format characters (soft hyphens, zero-width
    marks) go, as the layout breaks lines itself and shapes nothing."""
    text = _WHITESPACE.sub(" ", text)
    if text.isprintable():  # no character of category C (nor Z but the space): nothing to remove
        return text
    return "".join(char for char in text if unicodedata.category(char) not in ("Cc", "Cf"))


@dataclass(frozen=True)
class _Inline:
    """What inline nodes inherit from their block."""

    parent: StructElem  # the block's element
    size: float
    strong: bool = False
    colour: str | None = None  # '#RRGGBB'; None: the style's text colour


class PdfWriter(Writer):
    name = "the PDF writer"

    def __init__(
        self, document: doc.Document, options: WriteOptions, reporter: Reporter, *, tagged: bool = True
    ) -> None:
        super().__init__(document, options, reporter)
        self.style = options.style
        self.tagged = tagged
        self.root = document_root(document.language)
        self.headings = Headings(self.root, doc.heading_depth(document))
        self.location = ""
        self.missing: dict[str, set[str]] = {}
        self.unshaped: dict[str, set[str]] = {}
        self.outline_level = 0
        self.tables = 0  # tables written so far, for their cells' element ids
        self.references = PageReferences()  # the page of each heading the contents lists
        self.family = self.style.fonts.pdf
        self.widths = TextWidths()  # every string measured once per face and size
        body = self.style.body
        self.space_after = body.paragraph_spacing
        self.body = BlockStyle(
            body.size, body.size * body.line_spacing, space_after=self.space_after, measure=body.measure
        )

    def render(self) -> bytes:
        register_fonts(self.family)
        story = self.visit(self.document)
        tagger = Tagger() if self.tagged else UntaggedTagger()
        references = self.references if self.references.watched else None
        return build_pdf(
            story,
            _metadata(self.document),
            self.style,
            tagger,
            self.root,
            self.average_char(),
            references,
            self.document.label("page"),
            self.document.label_lang("page"),
        )

    def average_char(self) -> float:
        """The width of an average character of body text, its letter and word spacing
        included (a space is 166 in 1000 characters of English), in points."""
        body = self.style.body
        average = average_char_width(face_for(False, False, self.family), body.size)
        return average + body.size * (body.letter_spacing + 0.166 * body.word_spacing)

    # --- blocks ----------------------------------------------------------------

    def visit_document(self, node: doc.Document) -> list[Flowable]:
        story: list[Flowable] = []
        for index, block in enumerate(node.blocks):
            self.location = f"blocks[{index}]"
            story.extend(self.visit(block, self.headings.container(), 0.0))
        self.location = "notes"  # anchors made here start "pdf-", apart from the tree's
        story.extend(self.notes_section())
        if not story:  # a PDF needs a page: an empty briefing shows its title
            story.extend(self.visit(doc.Heading(1, (doc.Text(node.title),), "title")))
        for location, chars in self.missing.items():
            listed = ", ".join(f"'{char}' (U+{ord(char):04X})" for char in sorted(chars))
            self.reporter.warn(
                GLYPH_CODE,
                f"no bundled font can draw {listed}; drawn as \u25a1 (the text keeps them)",
                location,
            )
        for location, chars in self.unshaped.items():
            sample = "".join(sorted(chars))[:12]
            self.reporter.warn(
                SHAPING_CODE,
                f"text in a script that needs shaping or right-to-left order ({sample}) is drawn letter by"
                " letter in reading order; the tagged text is right, check the look",
                location,
            )
        return story

    def visit_heading(
        self, heading: doc.Heading, _parent: object = None, _indent: float = 0.0
    ) -> list[Flowable]:
        level = max(heading.level, 1)
        size = self.style.heading_size(level)
        element = self.headings.open(level)
        title = doc.plain_text(heading.children)
        style = BlockStyle(
            size,
            size * 1.3,
            space_before=0.0 if level == 1 else size * 0.9,
            space_after=self.space_after,
            measure=self.body.measure,
        )
        bold = self.style.heading_bold(level)
        runs = self.runs(heading.children, _Inline(element, size, bold, self.style.colours.heading))
        # Outlines cannot skip a level (ReportLab refuses); a skipped heading level is the
        # validation's and the checker's finding, not a reason to fail writing.
        outline_level = min(level, self.outline_level + 1)
        self.outline_level = outline_level
        outline = OutlineEntry(title, heading.anchor, outline_level)
        return [TextBlock(runs, element, style, outline=outline, keep_with_next=True)]

    def visit_paragraph(self, paragraph: doc.Paragraph, parent: StructElem, indent: float) -> list[Flowable]:
        quote = paragraph.role == "quote"
        element = parent.child("BlockQuote" if quote else "P", lang=paragraph.lang)
        indent += QUOTE_INDENT if quote else 0.0
        style = replace(self.body, indent=indent)
        runs = self.runs(paragraph.children, _Inline(element, style.size, strong=paragraph.role == "caption"))
        return [TextBlock(runs, element, style)]

    def visit_bullet_list(self, bullets: doc.BulletList, parent: StructElem, indent: float) -> list[Flowable]:
        """L (ListNumbering Disc, Decimal, or how the record's labels count) > LI > Lbl, LBody
        (ISO 32000-1 14.8.4.3.3). A list numbered by the record's labels has each label as its
        item's Lbl, as printed ("(a)", "(ii)"), and indents its items past the widest."""
        if bullets.numbering is not None:
            numbering = _LIST_NUMBERING[bullets.numbering]
            labels = [item.label or "" for item in bullets.items]
        else:
            numbering = "Decimal" if bullets.ordered else "Disc"
            labels = [f"{n}." if bullets.ordered else "\u2022" for n in range(1, len(bullets.items) + 1)]
        step = LIST_INDENT
        if bullets.numbering is not None and labels:
            widest = max(run_width(label, self._label_run(label, None)) for label in labels)
            step = max(LIST_INDENT, widest + self.body.size * 0.5)
        list_element = parent.child("L", attributes={"O": "List", "ListNumbering": numbering})
        story: list[Flowable] = []
        for item, label in zip(bullets.items, labels, strict=True):
            story.extend(self.visit(item, list_element, label, indent + step))
        if story and isinstance(story[-1], TextBlock):
            story[-1].spaceAfter = self.space_after
        return story

    def _label_run(self, label: str, owner: StructElem | None) -> Run:
        return Run(
            label,
            face_for(False, False, self.family),
            self.body.size,
            hex_digits(self.style.colours.text),
            owner=owner,
            char_space=self.spacing(self.body.size)[0],
            word_space=self.spacing(self.body.size)[1],
            widths=self.widths,
        )

    def visit_list_item(
        self, item: doc.ListItem, list_element: StructElem, label: str, indent: float
    ) -> list[Flowable]:
        item_element = list_element.child("LI")
        label_run = self._label_run(label, item_element.child("Lbl"))
        body = item_element.child("LBody")
        flowables: list[Flowable] = []
        for block in item.blocks:
            flowables.extend(self.visit(block, body, indent))
        first_text = next((f for f in flowables if isinstance(f, TextBlock)), None)
        if first_text is not None and first_text.label is None:
            first_text.label = label_run
        for flowable in flowables:
            if isinstance(flowable, TextBlock):
                flowable.spaceAfter = self.space_after / 2
                if flowable.style.measure:  # the label and its space count in the line
                    measure = max(flowable.style.measure - len(label) - 1, 1)
                    flowable.style = replace(flowable.style, measure=measure)
        return flowables

    def visit_table(self, table: doc.Table, parent: StructElem, _indent: float = 0.0) -> list[Flowable]:
        """Table > Caption, THead > TR > TH, TBody > TR > TH/TD (ISO 32000-1 14.8.4.3.4),
        spans kept as ColSpan/RowSpan and drawn merged (``table_tagging``)."""
        grid = table_grid(table)
        if not grid.placed:  # nothing to show, and a table without cells fails PDF/UA
            self.reporter.warn(TABLE_CODE, f"table {table.caption!r} has no cells; left out", self.location)
            return []
        if not grid.adds_up:  # PDF/UA tables are regular (veraPDF 7.2-42, 7.2-43)
            self.reporter.warn(
                TABLE_CODE,
                f"table {table.caption!r}: {grid.faults[0].message}; spans cut to fit, short rows padded",
                self.location,
            )
            table = regular_table(table)
            grid = table_grid(table)
        self.tables += 1
        tagged = tag_table(parent, table, grid, f"t{self.tables}", self.document.language)
        caption_style = replace(self.body, space_before=4.0, space_after=4.0)
        caption_runs = self.runs((doc.Text(table.caption),), _Inline(tagged.caption, self.body.size, True))
        anchors = (table.anchor,) if table.anchor else ()
        caption = TextBlock(
            caption_runs, tagged.caption, caption_style, destinations=anchors, keep_with_next=True
        )
        cell_style = BlockStyle(self.body.size, self.body.leading, measure=self.body.measure)
        boxes = [
            Box(
                self.visit(here.cell, element, cell_style, _shaded(here.cell, here.row < len(table.head))),
                here.row,
                here.column,
                here.rowspan,
                here.colspan,
                shaded=_shaded(here.cell, here.row < len(table.head)),
            )
            for here, element in zip(grid.placed, tagged.cells, strict=True)
        ]
        location = self.location

        def unrepeated() -> None:
            self.reporter.warn(
                TABLE_CODE,
                f"the header rows of table {table.caption!r} take more than a third of the page: "
                "they are not repeated after a page break",
                location,
            )

        block = TableBlock(
            boxes,
            grid.rows,
            grid.columns,
            len(table.head),
            given=table.widths,
            max_height=frame_height(self.style),
            on_unrepeated=unrepeated,
            header_fill=self.style.colours.table_header_background,
        )
        block.spaceAfter = self.space_after * 2
        return [caption, block]

    def visit_cell(self, cell: doc.Cell, element: StructElem, style: BlockStyle, shaded: bool) -> CellContent:
        """A cell's paragraphs: one straight in its TH or TD, several each a P inside it, a
        list an L (ISO 32000-1 14.8.4.3.3) inside it. Column headers are bold; a cell on the
        header shade takes the style's header text colour."""
        strong = cell.scope in ("column", "both")
        colour = self.style.colours.table_header if shaded else None
        only = cell.blocks[0] if len(cell.blocks) == 1 and isinstance(cell.blocks[0], doc.Paragraph) else None
        if not cell.blocks or only is not None:
            children = only.children if only is not None else ()
            if only is not None and only.lang:
                element.lang = only.lang
            runs = self.runs(children, _Inline(element, style.size, strong, colour))
            return CellContent([TextBlock(runs, element, style)])
        blocks: list[TextBlock] = []
        for block in cell.blocks:
            if isinstance(block, doc.BulletList):  # a data cell's list: L > LI > Lbl, LBody
                blocks.extend(f for f in self.visit(block, element, 0.0) if isinstance(f, TextBlock))
                continue
            p = element.child("P", lang=block.lang)
            runs = self.runs(block.children, _Inline(p, style.size, strong, colour))
            blocks.append(TextBlock(runs, p, style))
        return CellContent(blocks)

    def visit_contents(
        self, contents: doc.Contents, parent: StructElem, _indent: float = 0.0
    ) -> list[Flowable]:
        toc = parent.child("TOC")
        story: list[Flowable] = [self.visit(entry, toc) for entry in contents.entries]
        if story:
            story[-1].spaceAfter = self.space_after * 2
        return story

    def visit_contents_entry(self, entry: doc.ContentsEntry, toc: StructElem) -> TextBlock:
        """The entry's words linked to its heading, and (``ContentsLine``) the heading's page
        after a second layout pass."""
        item = toc.child("TOCI", lang=entry.lang)
        indent = (max(entry.level, 1) - 1) * LIST_INDENT
        style = replace(self.body, indent=indent, space_after=2.0)
        if entry.anchor in self.anchors:
            link_lang = self.document.label_lang("go_to")  # the /Contents' language, "Go to …"
            link = item.child("Reference").child("Link", lang=link_lang)
            target = LinkTarget("#" + entry.anchor, self.document.label("go_to", target=entry.text), link)
            words = self._words_in(link, link_lang, entry.lang)
            runs = self.text_runs(entry.text, self.body.size, False, False, words, target, link, link=True)
            return ContentsLine(
                runs,
                item,
                style,
                anchor=entry.anchor,
                number=number_run(runs[0], face_for(False, False, self.family), link),
                leader_colour=hex_digits(self.style.colours.text),
                references=self.references,
                max_height=frame_height(self.style),
            )
        else:
            self.reporter.warn(LINK_CODE, f"contents entry #{entry.anchor} has no target here", self.location)
            runs = self.text_runs(entry.text, self.body.size, False, False, None, None, item)
        return TextBlock(runs, item, style)

    def notes_section(self) -> list[Flowable]:
        if not self.notes:
            return []
        level = 2 if any(isinstance(b, doc.Heading) and b.level == 1 for b in self.document.blocks) else 1
        notes_heading = doc.Text(self.document.label("notes"), lang=self.document.label_lang("notes"))
        story: list[Flowable] = self.visit(doc.Heading(level, (notes_heading,), "pdf-notes"))
        for note in self.notes:  # a note's own notes join the end of the list as they are met
            element = self.headings.container().child("Note", element_id=f"note-{note.number}")
            runs = self.text_runs(f"{note.number}. ", self.body.size, False, False, None, None, element)
            runs += self.runs(note.children, _Inline(element, self.body.size))
            back_lang = self.document.label_lang("back_to_note")  # the /Contents' language
            back = element.child("Link", lang=back_lang)
            target = LinkTarget(
                f"#pdf-noteref-{note.number}", self.document.label("back_to_note", number=note.number), back
            )
            runs += self.text_runs(" ", self.body.size, False, False, None, None, element)
            back_words = self._words_in(back, back_lang, self.document.label_lang("back_to_text"))
            runs += self.text_runs(
                self.document.label("back_to_text"),
                self.body.size,
                False,
                False,
                back_words,
                target,
                back,
                link=True,
            )
            story.append(TextBlock(runs, element, self.body, destinations=(f"pdf-note-{note.number}",)))
        return story

    # --- inlines ---------------------------------------------------------------

    def runs(self, inlines: tuple[doc.Inline, ...], context: _Inline) -> list[Run]:
        runs: list[Run] = []
        for inline in inlines:
            runs += self.visit(inline, context)
        return runs

    def visit_text(self, node: doc.Text, context: _Inline) -> list[Run]:
        owner = context.parent.child("Span", lang=node.lang) if node.lang else None
        return self.text_runs(
            node.text,
            context.size,
            context.strong or node.strong,
            node.emphasis,
            owner,
            None,
            context.parent,
            superscript=node.superscript,
            colour=context.colour,
        )

    def visit_link(self, node: doc.Link, context: _Inline) -> list[Run]:
        if not self.resolves(node):
            # A link to nowhere would make the PDF unwritable; keep its words, drop the link.
            self.reporter.warn(LINK_CODE, f"link to {node.target} has no target here", self.location)
            return self.runs(node.children, context)
        # The Link's /Lang is its /Contents' (ISO 32000-1 14.9.2: a structure element's
        # language holds for the annotations it owns), its words each in their own
        link_lang = node.description_lang if node.description else None
        element = context.parent.child("Link", lang=link_lang)
        target = LinkTarget(node.target, node.description or node.text, element)
        runs: list[Run] = []
        for child in node.children:
            if not isinstance(child, doc.Text):  # only text can be a link's words
                runs += self.visit(child, context)
                continue
            owner = self._words_in(element, link_lang, child.lang)
            runs += self.text_runs(
                child.text,
                context.size,
                context.strong or child.strong,
                child.emphasis,
                owner,
                target,
                context.parent,
                superscript=child.superscript,
                link=True,
            )
        return runs

    def _words_in(self, link: StructElem, link_lang: str | None, words_lang: str | None) -> StructElem:
        """Where a link's words go: the Link itself when they are in its language, else a
        Span in theirs (``None``: the document's), so that a Link marked with its
        description's language does not lend it to words in another."""
        if link_lang is None:
            return link.child("Span", lang=words_lang) if words_lang else link
        own = words_lang or self.document.language
        return link if tags.same_language(own, link_lang) else link.child("Span", lang=own)

    def visit_note_ref(self, node: doc.NoteRef, context: _Inline) -> list[Run]:
        number = self.note(node).number
        # the number's /Contents ("Note 1") is in the interface's language; the digit in any
        element = context.parent.child("Reference").child("Link", lang=self.document.label_lang("note"))
        target = LinkTarget(f"#pdf-note-{number}", self.document.label("note", number=number), element)
        return self.text_runs(
            str(number),
            context.size,
            context.strong,
            False,
            element,
            target,
            context.parent,
            superscript=True,
            link=True,
            destination=f"pdf-noteref-{number}",
        )

    def spacing(self, size: float) -> tuple[float, float]:
        """Letter and word spacing in points for text of ``size`` (the style gives em)."""
        body = self.style.body
        return body.letter_spacing * size, body.word_spacing * size

    def text_runs(
        self,
        text: str,
        size: float,
        strong: bool,
        emphasis: bool,
        owner: StructElem | None,
        target: LinkTarget | None,
        parent: StructElem,
        *,
        superscript: bool = False,
        link: bool = False,
        destination: str | None = None,
        colour: str | None = None,
    ) -> list[Run]:
        """Runs of ``text``, one per font it needs; emphasis is italic or bold as the style
        says, links take the link colour, other text ``colour`` or the text colour."""
        missing: set[str] = set()
        unshaped: set[str] = set()
        bold_emphasis = emphasis and self.style.emphasis_bold
        face = face_for(strong or bold_emphasis, emphasis and not bold_emphasis, self.family)
        run_size = size * 0.7 if superscript else size
        rise = size * 0.38 if superscript else 0.0
        colours = self.style.colours
        drawn = hex_digits(colours.link if link else colour or colours.text)
        char_space, word_space = self.spacing(run_size)
        runs = []
        for segment in segment_by_font(clean_text(text), face, missing, unshaped):
            segment_owner = owner
            if segment.actual_text is not None:
                segment_owner = (owner or parent).child("Span", actual_text=segment.actual_text)
            runs.append(
                Run(
                    segment.text,
                    segment.face,
                    run_size,
                    drawn,
                    rise,
                    link,
                    segment_owner,
                    target,
                    destination,
                    char_space,
                    word_space,
                    widths=self.widths,
                )
            )
        if missing:
            self.missing.setdefault(self.location, set()).update(missing)
        if unshaped - missing:
            self.unshaped.setdefault(self.location, set()).update(unshaped - missing)
        return runs


def _shaded(cell: doc.Cell, in_head: bool) -> bool:
    """A cell drawn on the header shade: a column header, or any cell of a header row."""
    return in_head or cell.scope in ("column", "both")


def _metadata(document: doc.Document) -> Metadata:
    date = (document.date or "2000-01-01")[:10]
    return Metadata(
        title=document.title,
        language=document.language,
        author=document.author,
        subject=document.subject,
        keywords=", ".join(document.keywords),
        date=f"{date}T00:00:00Z",
        producer=PRODUCER,
    )


def render(
    document: doc.Document, options: WriteOptions, reporter: Reporter, *, tagged: bool = True
) -> bytes:
    """Write the PDF; ``tagged=False`` gives the same layout with no tags (for benchmarks)."""
    return PdfWriter(document, options, reporter, tagged=tagged).render()


def write(document: doc.Document, options: WriteOptions, reporter: Reporter) -> bytes:
    return PdfWriter(document, options, reporter).render()
