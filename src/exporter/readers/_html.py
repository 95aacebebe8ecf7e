"""Inline markup to model runs, paragraphs and tables.

Shared by the readers whose records carry HTML-like inline markup: ParlParse ``<p>``
content (``i``/``I``/``b``/``em``/``strong``/``sup``/``phrase``/``a``/``span class=Italic``)
and the HTML fragments in Hansard API ``Value`` strings. Elements we do not style keep
their text: nothing inside a paragraph is ever dropped.

Runs are normalised once, here: whitespace collapsed as HTML collapses it, adjacent runs
with the same properties joined (so ParlParse's split ``<I>Beverley Freem</I><I>e</I>``
becomes one run), whitespace-only runs unstyled, and the paragraph's ends trimmed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from lxml import etree, html

from exporter.model import Block, Paragraph, ParagraphStyle, Run, Table
from exporter.readers._runs import merge_runs
from exporter.readers.html_table import html_table

_EMPHASIS = frozenset({"i", "em", "cite", "var", "dfn"})
_STRONG = frozenset({"b", "strong"})
_SUPERSCRIPT = frozenset({"sup"})
_BLOCK = frozenset({"p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED = frozenset({"script", "style", "place-holder"})
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # not \s: a no-break space is deliberate
_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")


@dataclass(frozen=True)
class _Look:
    emphasis: bool = False
    strong: bool = False
    superscript: bool = False
    link: str | None = None

    def run(self, text: str) -> Run:
        return Run(text, self.emphasis, self.strong, self.superscript, self.link)


def _name(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2].lower() if isinstance(tag, str) else ""


def _look_inside(element: etree._Element, look: _Look) -> _Look:
    name = _name(element)
    classes = (element.get("class") or "").lower().split()
    if name in _EMPHASIS or "italic" in classes:
        look = replace(look, emphasis=True)
    if name in _STRONG or "bold" in classes:
        look = replace(look, strong=True)
    if name in _SUPERSCRIPT:
        look = replace(look, superscript=True)
    if name == "a":
        href = (element.get("href") or "").strip()
        if href.startswith(_LINK_SCHEMES):
            look = replace(look, link=href)
    return look


def element_runs(element: etree._Element, *, emphasis: bool = False) -> tuple[Run, ...]:
    """The runs of an element's mixed content (its own tail excluded), normalised."""
    return merge_runs(_runs_inside(element, _Look(emphasis=emphasis)))


def _runs_inside(element: etree._Element, look: _Look) -> Iterator[Run]:
    if element.text:
        yield look.run(element.text)
    for child in element:
        name = _name(child)
        if name and name not in _SKIPPED:
            if name == "br":
                yield look.run(" ")
            else:
                yield from _runs_inside(child, _look_inside(child, look))
        if child.tail:
            yield look.run(child.tail)


def element_paragraphs(element: etree._Element) -> tuple[Paragraph, ...]:
    """The paragraphs of an element's mixed content (a table cell's): one per block
    element (``p``, ``div``...) and one for the text around them; ``br`` is a space, as
    it is in ``element_runs`` (ParlParse breaks lines inside sentences). Empty ones are
    left out."""
    pieces: list[list[Run]] = [[]]

    def walk(node: etree._Element, look: _Look) -> None:
        if node.text:
            pieces[-1].append(look.run(node.text))
        for child in node:
            name = _name(child)
            if name == "br":
                pieces[-1].append(look.run(" "))
            elif name in _BLOCK:
                pieces.append([])
                walk(child, _look_inside(child, look))
                pieces.append([])
            elif name and name not in _SKIPPED:
                walk(child, _look_inside(child, look))
            if child.tail:
                pieces[-1].append(look.run(child.tail))

    walk(element, _Look())
    return tuple(Paragraph(runs) for runs in map(merge_runs, pieces) if runs)


def table_block(element: etree._Element) -> Table:
    """A ``<table>`` as a model table, spans and headers as the record has them
    (``exporter.readers.html_table``)."""
    return html_table(element, element_paragraphs)


@dataclass
class _Pending:
    runs: list[Run]
    style: ParagraphStyle


def html_blocks(fragment: str, style: ParagraphStyle = ParagraphStyle.BODY) -> list[Block]:
    """Paragraphs and tables of an HTML fragment.

    Paragraphs end at block elements (``p``, ``div``...) and at blank lines in the text,
    which is how Hansard API ``Value`` strings separate paragraphs (``\\r\\n\\r\\n``).
    """
    if not fragment.strip():
        return []
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        container = html.fragment_fromstring(fragment, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):
        return [Paragraph(merge_runs([Run(fragment)]), style)] if fragment.strip() else []
    blocks: list[Block] = []
    pending = _Pending([], style)

    def flush() -> None:
        runs = merge_runs(pending.runs)
        if runs:
            blocks.append(Paragraph(runs, pending.style))
        pending.runs = []

    def text(value: str, look: _Look) -> None:
        pieces = _BLANK_LINE.split(value)
        for index, piece in enumerate(pieces):
            if index:
                flush()
            pending.runs.append(look.run(piece))

    def walk(element: etree._Element, look: _Look) -> None:
        if element.text:
            text(element.text, look)
        for child in element:
            name = _name(child)
            if name == "table":
                flush()
                blocks.append(table_block(child))
            elif name == "br":
                pending.runs.append(look.run(" "))
            elif name in _BLOCK:
                flush()
                outer = pending.style
                if name == "blockquote":
                    pending.style = ParagraphStyle.QUOTE
                walk(child, _look_inside(child, look))
                flush()
                pending.style = outer
            elif name and name not in _SKIPPED:
                walk(child, _look_inside(child, look))
            if child.tail:
                text(child.tail, look)

    walk(container, _Look())
    flush()
    return blocks
