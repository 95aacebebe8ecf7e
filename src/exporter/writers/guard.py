"""The writers' last line: a failure inside a writer becomes one located error, never
"internal error".

Text is cleaned where it enters the model (``exporter.cleaning``), so a writer should never
meet a character XML 1.0 cannot hold; if one arrives by another road (a style file, a
composed label), or a writer fails for another reason, the input still fails on one line
that names the output format, the heading under which the fault lies, and the cause.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from exporter import document as d
from exporter.errors import ExporterError, OutputError, without_reprs

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def guarded(name: str, write: Callable[[], bytes], document: d.Document, source: str | None) -> bytes:
    """``write()``, with any failure but our own errors turned into an OutputError."""
    try:
        return write()
    except ExporterError:
        raise
    except (Exception, RecursionError) as error:
        place, cause = locate(document)
        detail = cause or without_reprs(f"{type(error).__name__}: {error}")[:300]
        raise OutputError(f"the {name} writer cannot write this briefing: {detail}", source, place) from error


def locate(document: d.Document) -> tuple[str | None, str | None]:
    """Where the first text XML cannot hold is (the heading it is under) and what it is."""
    heading = "the title"
    found: list[tuple[str, str]] = []

    def visit(node: Any) -> None:
        nonlocal heading
        if found:
            return
        if isinstance(node, str):
            match = _NOT_XML.search(node)
            if match:
                found.append((heading, f"U+{ord(match.group()):04X}"))
            return
        if isinstance(node, tuple):
            for item in node:
                visit(item)
            return
        if isinstance(node, d.Heading):
            heading = f'the heading "{d.plain_text(node.children)[:60]}"'
        if dataclasses.is_dataclass(node) and not isinstance(node, type):
            for field in dataclasses.fields(node):
                visit(getattr(node, field.name))

    visit(document.title)
    visit(document.blocks)
    if not found:
        return None, None
    place, character = found[0]
    return f"under {place}", f"the text holds {character}, which XML 1.0 cannot hold"
