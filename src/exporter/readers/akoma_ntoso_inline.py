"""Akoma Ntoso inline content: mixed text and markup inside a ``<p>`` turned into runs.

The record's whitespace is layout, not content: ``<br/>``, ``<eol/>`` and ``<eop/>`` inside
a paragraph are PDF line and page wraps, so they become a single space, and every run of
whitespace collapses to one space. A line break that only indents the punctuation after it
(the Italian Senate's ``<i>(…)</i>``, a new line, then ``.``) is layout too: no space comes
before that punctuation. A note reference or marker taken out at a paragraph's start
leaves no punctuation behind it (``exporter.readers._runs.without_stray_lead``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from lxml import etree

from exporter.model import Run
from exporter.readers._runs import merge_runs, without_stray_lead
from exporter.readers._xml import local

_SPACE = re.compile(r"\s+")
_INDENTED_PUNCTUATION = re.compile(r"[ \t]*[\r\n]\s*(?=[.,;:!?…)\]])")
_BREAKS = frozenset({"br", "eol", "eop"})
_SKIPPED = frozenset({"img", "authorialNote", "marker", "noteRef"})  # notes: see inline_notes
_EMPHASIS = frozenset({"i", "em"})
_STRONG = frozenset({"b", "strong"})
_SUPERSCRIPT = frozenset({"sup"})

NoteText = Callable[[etree._Element], str | None]


@dataclass(frozen=True)
class _Style:
    emphasis: bool = False
    strong: bool = False
    superscript: bool = False
    link: str | None = None
    lang: str | None = None


def inline_runs(element: etree._Element, note_text: NoteText, language: str) -> tuple[Run, ...]:
    """The runs of ``element``'s content (not its tail), whitespace collapsed and trimmed."""
    return merge_runs(without_stray_lead(_walk(element, _Style(), note_text, language)))


def inline_notes(element: etree._Element, note_text: NoteText) -> list[str]:
    """The texts of the notes a paragraph refers to, in order.

    They are kept out of the paragraph's runs, which hold only the words as spoken; the
    reader gives each note as a paragraph of its own after the one that cites it.
    """
    texts = [note_text(node) for node in element.iter() if local(node) == "noteRef"]
    return [text for text in texts if text]


def _walk(element: etree._Element, style: _Style, note_text: NoteText, language: str) -> Iterator[Run | None]:
    """The runs of ``element``'s content; ``None`` where an element is taken out."""
    if element.text:
        yield _run(_INDENTED_PUNCTUATION.sub("", element.text), style)
    for child in element:
        name = local(child)
        if name in _BREAKS:
            yield _run(" ", style)
        elif name in _SKIPPED:
            yield None
        elif not name:
            pass
        else:
            yield from _walk(child, _child_style(child, name, style, language), note_text, language)
        if child.tail:
            yield _run(_INDENTED_PUNCTUATION.sub("", child.tail), style)


def _child_style(child: etree._Element, name: str, style: _Style, language: str) -> _Style:
    if name in _EMPHASIS:
        return replace(style, emphasis=True)
    if name in _STRONG:
        return replace(style, strong=True)
    if name in _SUPERSCRIPT:
        return replace(style, superscript=True)
    if name == "a":
        href = child.get("href") or ""
        if href.startswith(("http://", "https://", "mailto:")):
            return replace(style, link=href)
    if name == "span" and "italic" in (child.get("class") or "").lower():
        return replace(style, emphasis=True)
    lang = child.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang and lang != language:
        return replace(style, lang=lang)
    return style


def _run(text: str, style: _Style) -> Run:
    return Run(
        text,
        emphasis=style.emphasis,
        strong=style.strong,
        superscript=style.superscript,
        link=style.link,
        lang=style.lang,
    )


def plain(element: etree._Element) -> str:
    """The element's text with whitespace collapsed, breaks as spaces."""
    return " ".join(_text_with_breaks(element).split())


def _text_with_breaks(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append(" " if local(child) in _BREAKS else _text_with_breaks(child))
        parts.append(child.tail or "")
    return "".join(parts)
