"""Visits the briefing tree and builds the platypus story with its structure elements.

Every block gets its structure element here, named after ISO 32000 (H1-H3, P, BlockQuote,
L/LI/Lbl/LBody, Table/TR/TH/TD/Caption, TOC/TOCI/Reference/Link, Note); the flowables
only draw them. Notes are gathered into a "Notes" section at the end of the document,
each with a link back to where it is referenced.
"""

from __future__ import annotations

import re
import unicodedata

from reportlab.platypus import Flowable

from exporter import document as doc
from exporter.diagnostics import Reporter
from exporter.options import Style, WriteOptions
from exporter.writers.pdf.flowables import BlockStyle, OutlineEntry, TextBlock
from exporter.writers.pdf.fonts import face_for, register_fonts, segment_by_font
from exporter.writers.pdf.lines import LinkTarget, Run
from exporter.writers.pdf.page import PRODUCER, build_pdf, frame_height
from exporter.writers.pdf.table import TableBlock
from exporter.writers.pdf.tagging.emit import Metadata
from exporter.writers.pdf.tagging.marked import Tagger, UntaggedTagger
from exporter.writers.pdf.tagging.structure import StructElem, document_root

LIST_INDENT = 20.0
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
    return "".join(char for char in text if unicodedata.category(char) not in ("Cc", "Cf"))


def anchors_of(document: doc.Document) -> set[str]:
    """Every place an internal link may point to: headings, tables and contents targets."""
    found: set[str] = set()
    pending = list(document.blocks)
    while pending:
        block = pending.pop()
        if isinstance(block, doc.Heading) or (isinstance(block, doc.Table) and block.anchor):
            found.add(block.anchor or "")
        elif isinstance(block, doc.BulletList):
            pending.extend(b for item in block.items for b in item.blocks)
    return found


class StoryBuilder:
    def __init__(self, document: doc.Document, style: Style, root: StructElem, reporter: Reporter):
        self.document = document
        self.style = style
        self.root = root
        self.reporter = reporter
        self.notes: list[tuple[int, tuple[doc.Inline, ...]]] = []
        self.location = ""
        self.missing: dict[str, set[str]] = {}
        self.unshaped: dict[str, set[str]] = {}
        self.anchors = anchors_of(document)
        self.outline_level = 0
        size = style.body_size
        self.body = BlockStyle(size, size * style.line_spacing, space_after=style.paragraph_after)

    # --- blocks ----------------------------------------------------------------

    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        for index, block in enumerate(self.document.blocks):
            self.location = f"blocks[{index}]"
            story.extend(self.block(block, self.root, 0.0))
        self.location = "notes"  # anchors made here start "pdf-", apart from the tree's
        story.extend(self.notes_section())
        if not story:  # a PDF needs a page: an empty briefing shows its title
            story.append(self.heading(doc.Heading(1, (doc.Text(self.document.title),), "title")))
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

    def block(self, block: doc.Block, parent: StructElem, indent: float) -> list[Flowable]:
        if isinstance(block, doc.Heading):
            return [self.heading(block)]
        if isinstance(block, doc.Paragraph):
            return [self.paragraph(block, parent, indent)]
        if isinstance(block, doc.BulletList):
            return self.bullet_list(block, parent, indent)
        if isinstance(block, doc.Table):
            return self.table(block, parent)
        if isinstance(block, doc.Contents):
            return self.contents(block, parent)
        raise TypeError(f"the PDF writer cannot render a {type(block).__name__}")

    def heading(self, heading: doc.Heading) -> TextBlock:
        level = min(max(heading.level, 1), 3)
        size = self.style.heading_sizes[level - 1]
        element = self.root.child(f"H{level}")
        title = doc.plain_text(heading.children)
        style = BlockStyle(
            size,
            size * 1.3,
            space_before=0.0 if level == 1 else size * 0.9,
            space_after=self.style.paragraph_after,
        )
        runs = self.runs(heading.children, element, size, strong=True)
        # Outlines cannot skip a level (ReportLab refuses); a skipped heading level is the
        # document checker's finding, not a reason to fail writing.
        outline_level = min(level, self.outline_level + 1)
        self.outline_level = outline_level
        outline = OutlineEntry(title, heading.anchor, outline_level)
        return TextBlock(runs, element, style, outline=outline, keep_with_next=True)

    def paragraph(self, paragraph: doc.Paragraph, parent: StructElem, indent: float) -> TextBlock:
        quote = paragraph.role == "quote"
        element = parent.child("BlockQuote" if quote else "P", lang=paragraph.lang)
        indent += QUOTE_INDENT if quote else 0.0
        style = BlockStyle(self.body.size, self.body.leading, indent, space_after=self.style.paragraph_after)
        strong = paragraph.role == "caption"
        return TextBlock(self.runs(paragraph.children, element, style.size, strong=strong), element, style)

    def bullet_list(self, bullets: doc.BulletList, parent: StructElem, indent: float) -> list[Flowable]:
        numbering = "Decimal" if bullets.ordered else "Disc"
        list_element = parent.child("L", attributes={"O": "List", "ListNumbering": numbering})
        story: list[Flowable] = []
        item_indent = indent + LIST_INDENT
        for number, item in enumerate(bullets.items, start=1):
            item_element = list_element.child("LI")
            label = Run(
                f"{number}." if bullets.ordered else "\u2022",
                face_for(False, False),
                self.body.size,
                self.style.text_colour,
                owner=item_element.child("Lbl"),
            )
            body = item_element.child("LBody")
            flowables: list[Flowable] = []
            for block in item.blocks:
                flowables.extend(self.block(block, body, item_indent))
            first_text = next((f for f in flowables if isinstance(f, TextBlock)), None)
            if first_text is not None and first_text.label is None:
                first_text.label = label
            for flowable in flowables:
                if isinstance(flowable, TextBlock):
                    flowable.spaceAfter = self.style.paragraph_after / 2
            story.extend(flowables)
        if story and isinstance(story[-1], TextBlock):
            story[-1].spaceAfter = self.style.paragraph_after
        return story

    def table(self, table: doc.Table, parent: StructElem) -> list[Flowable]:
        table_element = parent.child("Table")
        caption_element = table_element.child("Caption")
        caption_style = BlockStyle(self.body.size, self.body.leading, space_before=4.0, space_after=4.0)
        caption_runs = self.runs((doc.Text(table.caption),), caption_element, self.body.size, strong=True)
        anchors = (table.anchor,) if table.anchor else ()
        caption = TextBlock(
            caption_runs, caption_element, caption_style, destinations=anchors, keep_with_next=True
        )
        cell_style = BlockStyle(self.body.size, self.body.size * 1.4)
        header_row = table_element.child("TR")
        header = [
            TextBlock(self.runs(cell.children, th, cell_style.size, strong=True), th, cell_style)
            for cell in table.header
            for th in [header_row.child("TH", attributes={"O": "Table", "Scope": "Column"})]
        ]
        rows: list[list[TextBlock]] = []
        for row in table.rows:
            row_element = table_element.child("TR")
            cells = []
            for cell in self.fit_row(row, len(table.header)):
                td = row_element.child("TD")
                cells.append(TextBlock(self.runs(cell.children, td, cell_style.size), td, cell_style))
            rows.append(cells)
        columns = len(table.header)
        fractions = (
            list(table.widths) if table.widths and len(table.widths) == columns else [1 / columns] * columns
        )
        total = sum(fractions)
        fractions = [fraction / total for fraction in fractions]
        block = TableBlock(header, rows, fractions, max_height=frame_height(self.style))
        block.spaceAfter = self.style.paragraph_after * 2
        return [caption, block]

    def fit_row(self, row: tuple[doc.Cell, ...], columns: int) -> tuple[doc.Cell, ...]:
        """As many cells as the header has: PDF/UA tables are regular (veraPDF 7.2-43). Short
        rows get empty cells; cells beyond the header join the last column, with a warning."""
        if len(row) <= columns:
            return (*row, *[doc.Cell(())] * (columns - len(row)))
        self.reporter.warn(
            TABLE_CODE,
            f"a table row has {len(row)} cells for {columns} header cells; the rest join the last",
            self.location,
        )
        joined: list[doc.Inline] = []
        for cell in row[columns - 1 :]:
            joined += [*([doc.Text(" ")] if joined else []), *cell.children]
        return (*row[: columns - 1], doc.Cell(tuple(joined)))

    def contents(self, contents: doc.Contents, parent: StructElem) -> list[Flowable]:
        toc = parent.child("TOC")
        story: list[Flowable] = []
        for entry in contents.entries:
            item = toc.child("TOCI")
            indent = (max(entry.level, 1) - 1) * LIST_INDENT
            style = BlockStyle(self.body.size, self.body.leading, indent, space_after=2.0)
            if entry.anchor in self.anchors:
                link = item.child("Reference").child("Link")
                target = LinkTarget("#" + entry.anchor, f"Go to {entry.text}", link)
                runs = self.text_runs(entry.text, self.body.size, False, False, link, target, link, link=True)
            else:
                self.reporter.warn(
                    LINK_CODE, f"contents entry #{entry.anchor} has no target here", self.location
                )
                runs = self.text_runs(entry.text, self.body.size, False, False, None, None, item)
            story.append(TextBlock(runs, item, style))
        if story:
            story[-1].spaceAfter = self.style.paragraph_after * 2
        return story

    def notes_section(self) -> list[Flowable]:
        if not self.notes:
            return []
        level = 2 if any(isinstance(b, doc.Heading) and b.level == 1 for b in self.document.blocks) else 1
        story: list[Flowable] = [self.heading(doc.Heading(level, (doc.Text("Notes"),), "pdf-notes"))]
        for number, children in self.notes:
            note = self.root.child("Note", element_id=f"note-{number}")
            runs = self.text_runs(f"{number}. ", self.body.size, False, False, None, None, note)
            runs += self.runs(children, note, self.body.size)
            back = note.child("Link")
            target = LinkTarget(f"#pdf-noteref-{number}", f"Back to where note {number} is referenced", back)
            runs += self.text_runs(" ", self.body.size, False, False, None, None, note)
            runs += self.text_runs(
                "Back to text", self.body.size, False, False, back, target, back, link=True
            )
            story.append(TextBlock(runs, note, self.body, destinations=(f"pdf-note-{number}",)))
        return story

    # --- inlines ---------------------------------------------------------------

    def runs(
        self, inlines: tuple[doc.Inline, ...], parent: StructElem, size: float, strong: bool = False
    ) -> list[Run]:
        runs: list[Run] = []
        for inline in inlines:
            if isinstance(inline, doc.Text):
                owner = parent.child("Span", lang=inline.lang) if inline.lang else None
                runs += self.text_runs(
                    inline.text,
                    size,
                    strong or inline.strong,
                    inline.emphasis,
                    owner,
                    None,
                    parent,
                    superscript=inline.superscript,
                )
            elif isinstance(inline, doc.Link) and inline.internal and inline.target[1:] not in self.anchors:
                # A link to nowhere would make the PDF unwritable; keep its words, drop the link.
                self.reporter.warn(LINK_CODE, f"link to {inline.target} has no target here", self.location)
                runs += self.runs(inline.children, parent, size, strong)
            elif isinstance(inline, doc.Link):
                element = parent.child("Link")
                target = LinkTarget(inline.target, inline.description or inline.text, element)
                for child in inline.children:
                    owner = element.child("Span", lang=child.lang) if child.lang else element
                    runs += self.text_runs(
                        child.text,
                        size,
                        strong or child.strong,
                        child.emphasis,
                        owner,
                        target,
                        parent,
                        superscript=child.superscript,
                        link=True,
                    )
            elif isinstance(inline, doc.NoteRef):
                number = len(self.notes) + 1
                self.notes.append((number, inline.children))
                element = parent.child("Reference").child("Link")
                target = LinkTarget(f"#pdf-note-{number}", f"Note {number}", element)
                runs += self.text_runs(
                    str(number),
                    size,
                    strong,
                    False,
                    element,
                    target,
                    parent,
                    superscript=True,
                    link=True,
                    destination=f"pdf-noteref-{number}",
                )
            else:
                raise TypeError(f"the PDF writer cannot render a {type(inline).__name__}")
        return runs

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
    ) -> list[Run]:
        missing: set[str] = set()
        unshaped: set[str] = set()
        face = face_for(strong, emphasis)
        run_size = size * 0.7 if superscript else size
        rise = size * 0.38 if superscript else 0.0
        colour = self.style.link_colour if link else self.style.text_colour
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
                    colour,
                    rise,
                    link,
                    segment_owner,
                    target,
                    destination,
                )
            )
        if missing:
            self.missing.setdefault(self.location, set()).update(missing)
        if unshaped - missing:
            self.unshaped.setdefault(self.location, set()).update(unshaped - missing)
        return runs


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
    register_fonts()
    root = document_root(document.language)
    story = StoryBuilder(document, options.style, root, reporter).build()
    tagger = Tagger() if tagged else UntaggedTagger()
    return build_pdf(story, _metadata(document), options.style, tagger, root)


def write(document: doc.Document, options: WriteOptions, reporter: Reporter) -> bytes:
    return render(document, options, reporter, tagged=True)
