"""Web addresses in the text become links, their text the address as spoken.

A reader of the Word file or the PDF can follow an address only if it is a real link
(GOV.UK guidance; WCAG 2.4.4; our DOCX rule LNK-BARE-001). The words stay the speaker's: the
link's text is the address exactly as the record has it, and only the link target is
completed (``www.gov.uk`` goes to ``http://www.gov.uk``). Addresses are found by linkify-it-py
(the link finder of markdown-it), as GitHub-flavoured Markdown's autolinks find them: with a
scheme (``https://``, ``ftp://``) or starting ``www.``; bare domains and e-mail addresses are
left as text. Trailing punctuation stays outside the link. The link's description (the PDF
``/Contents``, Word's tooltip) is the tool's words, in the interface's language.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

from linkify_it import LinkifyIt

from exporter import document as d
from exporter.interface import Interface

_INLINE_TUPLES = ("children",)  # the fields of tree nodes that hold inlines


@cache
def _finder() -> LinkifyIt:
    return LinkifyIt(options={"fuzzy_link": True, "fuzzy_email": False, "fuzzy_ip": False})


def link_addresses(document: d.Document, ui: Interface) -> d.Document:
    """The document with every web address outside a link made a link."""
    describe = ui.gettext("Web address: {address}")  # the link's description, in ui.lang
    blocks = tuple(_node(block, (describe, ui.lang)) for block in document.blocks)
    return dataclasses.replace(document, blocks=blocks)


def _node(node: Any, describe: tuple[str, str | None]) -> Any:
    if isinstance(node, tuple):
        return tuple(_node(item, describe) for item in node)
    if not dataclasses.is_dataclass(node) or isinstance(node, (type, d.Link)):
        return node
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(node):
        value = getattr(node, field.name)
        if field.name in _INLINE_TUPLES and isinstance(value, tuple):
            new: Any = tuple(part for inline in value for part in _inline(inline, describe))
        elif isinstance(value, tuple) or dataclasses.is_dataclass(value):
            new = _node(value, describe)
        else:
            continue
        if new != value:
            changes[field.name] = new
    return dataclasses.replace(node, **changes) if changes else node


def _inline(inline: Any, describe: tuple[str, str | None]) -> tuple[Any, ...]:
    if isinstance(inline, d.NoteRef):
        return (_node(inline, describe),)
    if not isinstance(inline, d.Text) or ("://" not in inline.text and "www." not in inline.text.lower()):
        return (inline,)
    matches = [
        found
        for found in _finder().match(inline.text) or []
        if found.schema or found.text.lower().startswith("www.")
    ]
    if not matches:
        return (inline,)
    parts: list[Any] = []
    position = 0
    for found in matches:
        if found.index > position:
            parts.append(dataclasses.replace(inline, text=inline.text[position : found.index]))
        spoken = dataclasses.replace(inline, text=found.text)
        message, lang = describe
        parts.append(d.Link(found.url, (spoken,), message.format(address=found.text), lang))
        position = found.last_index
    if position < len(inline.text):
        parts.append(dataclasses.replace(inline, text=inline.text[position:]))
    return tuple(parts)
