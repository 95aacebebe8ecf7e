"""The briefing document: a format-neutral tree that every writer renders.

Composing builds it from a debate; writers see only this. It is a small, closed set
of node types (in the manner of pandoc's AST): a writer that meets a node it does not
know must fail loudly, so a new node exposes every writer that lags behind.
Accessibility is settled here (title, language, heading levels, header rows, link
text), so writers only render.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
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

    @property
    def internal(self) -> bool:
        return self.target.startswith("#")

    @property
    def text(self) -> str:
        return "".join(child.text for child in self.children)


@dataclass(frozen=True)
class NoteRef:
    """A footnote: the mark sits here, the note's content is ``children``."""

    children: tuple[Inline, ...]


Inline = Union[Text, Link, NoteRef]


# --- blocks ------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    level: int  # 1..3 for briefings; never skips a level
    children: tuple[Inline, ...]
    anchor: str  # unique within the document; internal links and the contents point here


@dataclass(frozen=True)
class Paragraph:
    children: tuple[Inline, ...]
    role: str = "body"  # body | details | quote | procedural | source | summary | caption
    lang: str | None = None


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Cell:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Table:
    caption: str  # every table is captioned; it is also the table's description
    header: tuple[Cell, ...]  # one header row; header cells are never empty
    rows: tuple[tuple[Cell, ...], ...]
    anchor: str | None = None
    widths: tuple[float, ...] | None = None  # relative column widths, summing to 1


@dataclass(frozen=True)
class ContentsEntry:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Contents:
    """A table of contents, already written out, each entry linked to its heading."""

    entries: tuple[ContentsEntry, ...]


Block = Union[Heading, Paragraph, BulletList, Table, Contents]


@dataclass(frozen=True)
class Document:
    title: str
    language: str  # BCP 47, e.g. "en-GB"
    blocks: tuple[Block, ...]
    subject: str = ""
    keywords: tuple[str, ...] = ()
    author: str = "debate-exporter"
    date: str | None = None  # ISO date of the sitting, used for deterministic metadata


# --- helpers shared by writers -------------------------------------------------


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The text a reader hears, without footnote content."""
    parts: list[str] = []
    for inline in inlines:
        if isinstance(inline, (Text, Link)):
            parts.append(inline.text)
    return "".join(parts)


def to_json(node: Any) -> Any:
    """Dump any tree node as plain JSON data, for debugging and golden files."""
    if is_dataclass(node) and not isinstance(node, type):
        data: dict[str, Any] = {"node": type(node).__name__}
        for f in fields(node):
            data[f.name] = to_json(getattr(node, f.name))
        return data
    if isinstance(node, (tuple, list)):
        return [to_json(item) for item in node]
    return node
