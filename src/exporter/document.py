"""The briefing document: a format-neutral tree that every writer renders.

Composing builds it from a debate; writers see only this. It is a small, closed set
of node types (in the manner of pandoc's AST), walked by one visitor base
(``Visitor``, after docutils' ``NodeVisitor``): a writer that meets a node type it has
no ``visit_`` method for fails loudly, so a new node type exposes every writer that
lags behind. Accessibility is settled here (title, language, heading levels, header
rows, link text), so writers only render; ``exporter.validation`` checks a tree
against this contract before any writer sees it.

The contract, as ``exporter.validation`` checks it:

- the document and every heading have text; every table has a caption;
- the first heading is level 1 and a heading is at most one level deeper than the one
  before it; levels have no upper bound (the tree carries the record's nesting, each
  writer maps it onto what its format has: Word Heading 1-9, PDF H1-H6 or nested H);
- anchors are unique, and every internal link points to one; every contents entry points
  to a heading (the place a paginated format gives the page of), each heading at most once;
- a table's cells, spans included, cover its grid exactly (``exporter.tables.tree``): every
  row as wide as the table, no span past the end of the header rows or of the body; a header
  cell has text and a scope, a cell holds paragraphs;
- notes do not nest, and a link holds only text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Union

# --- inlines -----------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str
    emphasis: bool = False
    strong: bool = False
    superscript: bool = False
    lang: str | None = None  # when the text is in another language than the document


@dataclass(frozen=True)
class Link:
    """A link; ``target`` is a URL, or ``#anchor`` for a place in this document."""

    target: str
    children: tuple[Text, ...]
    description: str | None = None  # its purpose in words, for PDF /Contents and tooltips
    # the description's language when not the document's (the tool's words in another
    # interface language): PDF/UA and ISO 32000-1 14.9.2 ask it marked, as WCAG 3.1.2 does
    description_lang: str | None = None

    @property
    def internal(self) -> bool:
        return self.target.startswith("#")

    @property
    def text(self) -> str:
        return "".join(child.text for child in self.children if isinstance(child, Text))


@dataclass(frozen=True)
class NoteRef:
    """A footnote: the mark sits here, the note's content is ``children``."""

    children: tuple[Inline, ...]


Inline = Union[Text, Link, NoteRef]


# --- blocks ------------------------------------------------------------------

PARAGRAPH_ROLES = ("body", "details", "quote", "procedural", "source", "summary", "caption")


@dataclass(frozen=True)
class Heading:
    level: int  # 1 for the title; each level at most one deeper than the heading before
    children: tuple[Inline, ...]
    anchor: str  # unique within the document; internal links and the contents point here


@dataclass(frozen=True)
class Paragraph:
    children: tuple[Inline, ...]
    role: str = "body"  # one of PARAGRAPH_ROLES
    lang: str | None = None


@dataclass(frozen=True)
class ListItem:
    """A list item; ``label`` is its number as the record prints it ("(a)", "ii)", "5."), in a
    list numbered by the record's own labels (``BulletList.numbering``), and nowhere else."""

    blocks: tuple[Block, ...]
    label: str | None = None


#: How a list numbered by the record's labels counts (CSS ``list-style-type`` names): 1, 2, 3;
#: a, b, c; A, B, C; i, ii, iii; I, II, III.
NUMBERINGS = ("decimal", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman")


@dataclass(frozen=True)
class BulletList:
    """A list: bulleted, numbered 1, 2, 3 by the writer (``ordered``), or numbered by the
    record's own labels. Such a list is ``ordered``, says how its labels count
    (``numbering``, one of :data:`NUMBERINGS`) and from where (``start``: 3 for a list whose
    first label is "(c)"), and each item carries its label: the labels are what
    ``counter(numbering, start + i)`` gives with the same text around it ("(" and ")").
    Writers show each label once, as the item's number (never as text before it too)."""

    items: tuple[ListItem, ...]
    ordered: bool = False
    numbering: str | None = None
    start: int = 1


HEADER_SCOPES = ("column", "row", "both")


@dataclass(frozen=True)
class Cell:
    """A table cell: its paragraphs (none when empty) and the columns and rows it spans. A
    data cell may hold lists of paragraphs too (the record's typed "- " lines in a cell).

    A header cell has a ``scope``, what it labels: ``"column"`` (the cells below it, in the
    columns it spans), ``"row"`` (the cells to its right, in the rows it spans) or ``"both"``;
    a data cell has none. Word writes spans out (each covered slot repeats the text), PDF
    and HTML keep them (``ColSpan``/``RowSpan``, ``colspan``/``rowspan``).
    """

    blocks: tuple[Paragraph | BulletList, ...]
    colspan: int = 1
    rowspan: int = 1
    scope: str | None = None  # one of HEADER_SCOPES for a header cell; None for a data cell


@dataclass(frozen=True)
class Table:
    """A captioned table: header rows (``head``, zero or more) above body rows, each a row
    of cells as given, spans included; ``exporter.tables.tree`` says where each cell sits."""

    caption: str  # every table is captioned, once
    head: tuple[tuple[Cell, ...], ...]  # the header rows: they label the columns
    rows: tuple[tuple[Cell, ...], ...]  # the body rows
    anchor: str | None = None
    widths: tuple[float, ...] | None = None  # relative column widths, one per column; None: from content
    caption_lang: str | None = None  # the caption's language, when not the document's
    # what a reader needs to know about the table that its cells do not say (PDF /Summary,
    # Word's table description, the web page's note): that the record gives it no header
    # row, and where it is from; texts, each in its own language (the tool's words, a citation)
    summary: tuple[Text, ...] = ()

    @property
    def summary_lang(self) -> str | None:
        """The language of the summary's own words (its first text), when not the document's:
        the language a format that holds the summary as one string gives it."""
        return next((text.lang for text in self.summary if text.text.strip()), None)


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the contents: a heading's words, linked to it. A writer of a paginated
    format gives the page the heading starts on (the PDF after a second layout pass; Word
    in a field it fills in); writers of formats with no pages give none."""

    level: int
    text: str
    anchor: str  # a heading's
    lang: str | None = None  # the entry's language, when not the document's


@dataclass(frozen=True)
class Contents:
    """A table of contents, already written out, each entry linked to its heading. It lists
    what the composer chose (in a briefing: the front parts and the debate's sections, not
    its speeches), not every heading: writers show it as given, and list every heading in
    their own navigation (the PDF outline, Word's navigation pane)."""

    entries: tuple[ContentsEntry, ...]


Block = Union[Heading, Paragraph, BulletList, Table, Contents]

#: Words a writer adds by itself, not found in the tree: a page footer, the notes section of
#: a format that gathers notes at the end, link descriptions, a web page's skip link and its
#: link back to the top, the name of its contents' navigation. English here; a composed
#: document carries them in its interface language (``Document.labels``).
WRITER_LABELS: Mapping[str, str] = {
    "page": "Page {page} of {pages}",
    "notes": "Notes",
    "note": "Note {number}",
    "back_to_text": "Back to text",
    "back_to_note": "Back to where note {number} is referenced",
    "go_to": "Go to {target}",
    "skip": "Skip to main content",
    "top": "Back to top",
    "contents": "Contents",
    # a table's header rows written as one (Word): a label joined to the one below it
    "header_levels": "{upper}: {lower}",
}
WRITER_LABELS_LANGUAGE = "en"  # the language of WRITER_LABELS


@dataclass(frozen=True)
class Document:
    title: str
    language: str  # BCP 47, e.g. "en-GB"
    blocks: tuple[Block, ...]
    subject: str = ""
    keywords: tuple[str, ...] = ()
    author: str = "debate-exporter"
    date: str | None = None  # ISO date of the sitting, used for deterministic metadata
    # WRITER_LABELS in the interface's language, as (key, text) pairs; a key left out is
    # written in English. ``labels_lang`` is their language when it is not the document's.
    labels: tuple[tuple[str, str], ...] = ()
    labels_lang: str | None = None
    # The debate in our record format, as plain JSON data, with the composed parts under
    # "briefing": what ``-f json`` writes. None for a tree made by hand. It is source data
    # carried alongside the tree, not part of it: left out of the tree's JSON form and of
    # comparisons, and never to be changed by a writer.
    record: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)

    def label(self, key: str, **values: object) -> str:
        """A writer's own words (a key of WRITER_LABELS), with ``{placeholders}`` filled."""
        text = dict(self.labels).get(key) or WRITER_LABELS[key]
        return text.format(**values) if values else text

    def label_lang(self, key: str) -> str | None:
        """The language of ``label(key)`` when it is not the document's: ``labels_lang`` for
        a label the tree carries, English for one it leaves out (in a document not in
        English), else None."""
        if dict(self.labels).get(key):
            return self.labels_lang
        own = self.language.replace("_", "-").split("-")[0].lower()
        return None if own == WRITER_LABELS_LANGUAGE else WRITER_LABELS_LANGUAGE


NODE_TYPES: tuple[type, ...] = (
    Document,
    Heading,
    Paragraph,
    BulletList,
    ListItem,
    Table,
    Cell,
    Contents,
    ContentsEntry,
    Text,
    Link,
    NoteRef,
)


# --- the visitor base --------------------------------------------------------


class UnknownNodeError(TypeError):
    """A visitor met a node type it has no ``visit_`` method for."""


@dataclass(frozen=True)
class Note:
    """A note as the visitor numbered it: 1, 2, 3 ... in reading order."""

    number: int
    children: tuple[Inline, ...]


def visit_method(node_type: type) -> str:
    """The name of the method that visits a node type: ``NoteRef`` -> ``visit_note_ref``."""
    return _method_name(node_type.__name__)


@cache  # a pure function of the name, and dispatch runs once per node of every briefing
def _method_name(class_name: str) -> str:
    return "visit_" + re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()


class Visitor:
    """The one way to walk a briefing tree; every writer, the validation and the JSON form
    derive from it.

    ``visit(node, *context)`` calls ``visit_<node type in snake case>(node, *context)``
    (``visit_heading``, ``visit_bullet_list``, ``visit_note_ref`` ...) and returns what it
    returns; what context a visitor passes down (a parent element, an indent, a language)
    is its own business. A node type without a method raises ``UnknownNodeError`` naming
    the visitor and the type, as docutils' writers do: a node is never dropped silently.

    Shared handling, so that no writer rediscovers it:

    - anchors: ``anchors`` is every place an internal link may point to (heading and
      table anchors, inside lists too), collected before the walk so links may point
      forward; ``resolves(link)`` says whether a link has somewhere to go;
    - notes: ``note(ref)`` numbers a note in reading order and keeps it in ``notes``,
      for writers that gather notes at the end (PDF, HTML) and those that place them
      (Word footnotes) alike.
    """

    #: How a message names this visitor ("the Word writer").
    name = "this visitor"

    def __init__(self, document: Document) -> None:
        self.document = document
        self.anchors: frozenset[str] = anchor_targets(document.blocks)
        self.notes: list[Note] = []

    def visit(self, node: Any, *args: Any, **kwargs: Any) -> Any:
        name = visit_method(type(node))
        method = getattr(self, name, None)
        if method is None:
            raise UnknownNodeError(
                f"{self.name} cannot render a {type(node).__name__} node (it has no {name} method)"
            )
        return method(node, *args, **kwargs)

    def visit_each(self, nodes: Iterable[object], *args: Any, **kwargs: Any) -> list[Any]:
        return [self.visit(node, *args, **kwargs) for node in nodes]

    def resolves(self, link: Link) -> bool:
        """Whether a link has somewhere to go: any URL does; ``#anchor`` only if it is here."""
        return not link.internal or link.target[1:] in self.anchors

    def note(self, ref: NoteRef) -> Note:
        note = Note(len(self.notes) + 1, ref.children)
        self.notes.append(note)
        return note


# --- helpers shared by writers -------------------------------------------------


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The text a reader hears, without footnote content."""
    parts: list[str] = []
    for inline in inlines:
        if isinstance(inline, (Text, Link)):
            parts.append(inline.text)
    return "".join(parts)


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def counter(numbering: str, number: int) -> str:
    """The ``number``-th counter of a numbering (:data:`NUMBERINGS`), as labels print it:
    ``counter("lower-alpha", 3)`` is ``"c"``, ``counter("upper-roman", 4)`` ``"IV"``;
    letters go on as aa, ab… after z (as CSS counts). Raises ValueError for an unknown
    numbering or a number below 1."""
    if number < 1 or numbering not in NUMBERINGS:
        raise ValueError(f"no {numbering!r} counter for {number}")
    if numbering == "decimal":
        return str(number)
    if numbering.endswith("alpha"):
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if numbering.startswith("upper") else letters
    roman = ""
    for value, numeral in _ROMAN:
        while number >= value:
            roman += numeral
            number -= value
    return roman.upper() if numbering.startswith("upper") else roman


def label_affixes(bullets: BulletList) -> tuple[str, str] | None:
    """The text around the counter in a list's labels ("(", ")" for "(a)", "", "." for
    "5."), read from its first item's label; None for a list not numbered by labels, or one
    whose first label is not its counter with text around it."""
    if bullets.numbering is None or not bullets.items or bullets.items[0].label is None:
        return None
    label = bullets.items[0].label
    count = counter(bullets.numbering, bullets.start)
    at = label.find(count)
    return (label[:at], label[at + len(count) :]) if at >= 0 else None


def walk_blocks(blocks: Iterable[Block], cells: bool = False) -> Iterator[Block]:
    """Every block in reading order, descending into list items (and, with ``cells``, into
    the cells of tables: a data cell may hold a list)."""
    for block in blocks:
        yield block
        if isinstance(block, BulletList):
            for item in block.items:
                yield from walk_blocks(item.blocks, cells)
        elif cells and isinstance(block, Table):
            for row in (*block.head, *block.rows):
                for cell in row:
                    yield from walk_blocks(cell.blocks, cells)


def cell_paragraphs(cell: Cell) -> Iterator[Paragraph]:
    """A cell's paragraphs in reading order, those of its lists' items included."""
    for block in walk_blocks(cell.blocks):
        if isinstance(block, Paragraph):
            yield block


def anchor_targets(blocks: Iterable[Block]) -> frozenset[str]:
    """Every anchor a link may point to: headings' and tables'."""
    return frozenset(
        block.anchor for block in walk_blocks(blocks) if isinstance(block, (Heading, Table)) and block.anchor
    )


def cell_text(cell: Cell) -> str:
    """A cell's words, its paragraphs joined by a space."""
    return " ".join(text for text in (plain_text(p.children).strip() for p in cell_paragraphs(cell)) if text)


def text_cell(text: str | Inline | tuple[Inline, ...], scope: str | None = None) -> Cell:
    """A cell of one paragraph: plain ``text`` (the document's language), or inlines as they
    are (a ``Text`` tagged with its own language); an empty cell (heading nothing) when it
    has no words."""
    children = (Text(text),) if isinstance(text, str) else text if isinstance(text, tuple) else (text,)
    if not plain_text(children).strip():
        return Cell(())
    return Cell((Paragraph(children),), scope=scope)


def header_row(*labels: str | Inline) -> tuple[Cell, ...]:
    """A header row of one column label per column."""
    return tuple(text_cell(label, "column") for label in labels)


def heading_depth(document: Document) -> int:
    """The deepest heading level in the document (0 when it has no heading)."""
    return max((b.level for b in walk_blocks(document.blocks) if isinstance(b, Heading)), default=0)
