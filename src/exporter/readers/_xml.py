"""Safe XML parsing shared by the XML readers.

External entities, DTD loading and network access are off. Internal DTD entities
(the ``&mdash;`` of old ParlParse files) are expanded, but a document whose text and
attribute values come to more than ``MAX_EXPANSION`` characters per byte of the file (at
least ``MIN_EXPANSION_BUDGET``: without entities they are never more than its size), or
that nests absurdly deep, is refused.
"""

from __future__ import annotations

import re

from lxml import etree

from exporter.errors import InputError

MAX_DEPTH = 200
MAX_EXPANSION = 20  # characters of text and attribute values per byte of the input, at most
MIN_EXPANSION_BUDGET = 10_000  # characters any input may hold, however small (a few entities in a tiny file)
_ENTITY_DECL = re.compile(rb"<!ENTITY\s+%?\s*[\w.-]+\s+(?:SYSTEM|PUBLIC)\b", re.I)


def parse(data: bytes, source: str) -> etree._Element:
    """Parse ``data`` into an element tree, or raise an InputError naming the line."""
    if _ENTITY_DECL.search(data[: 1 << 20]):
        raise InputError("external entities are not allowed", source, _line_of(data, _ENTITY_DECL))
    parser = etree.XMLParser(
        resolve_entities="internal",
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        line = f"line {err.lineno}" if err.lineno else None
        message = str(err.msg or err).split(" (line")[0]
        if "amplification" in message or "entity reference loop" in message:
            message = "entities expand to far more text than the file holds (entity amplification)"
        elif "Excessive depth" in message:
            message = "elements nest too deep"
        else:
            message = f"not well-formed XML: {message.split(', line ')[0]}"
        raise InputError(message, source, line) from None
    if root is None:
        raise InputError("empty XML document", source)
    _check_size(root, data, source)
    return root


def _check_size(root: etree._Element, data: bytes, source: str) -> None:
    budget = max(MAX_EXPANSION * len(data), MIN_EXPANSION_BUDGET)
    total = 0
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(
                f"elements nest deeper than {MAX_DEPTH} levels", source, f"line {element.sourceline}"
            )
        total += len(element.text or "") + len(element.tail or "")
        total += sum(len(value) for value in element.attrib.values())
        if total > budget:
            raise InputError(
                "entities expand to far more text than the file holds (entity amplification)", source
            )
        stack.extend((child, depth + 1) for child in element)


def _line_of(data: bytes, pattern: re.Pattern[bytes]) -> str | None:
    match = pattern.search(data)
    if match is None:
        return None
    newline = b"\n"
    return f"line {data.count(newline, 0, match.start()) + 1}"


def local(element: etree._Element) -> str:
    """An element's name without its namespace (Akoma Ntoso comes in three)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def first_child(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first child with this local name, whatever its namespace."""
    if element is None:
        return None
    return next((c for c in element if local(c) == name), None)


def first_descendant(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first element below (or at) ``element`` with this local name."""
    if element is None:
        return None
    return next((n for n in element.iter() if local(n) == name), None)


def text_of(element: etree._Element) -> str:
    """All text inside an element, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())
