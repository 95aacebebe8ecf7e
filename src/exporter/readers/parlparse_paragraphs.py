"""A ParlParse speech's paragraphs, and its procedural text in groups.

``p class="italic"`` is the record's own procedure ("Amendment 96 withdrawn.", "Moved by
Lord Bach"); ``pwmotiontext`` marks motion text; ``class="indent"`` a quotation. Older
files italicise procedure, modern ones do not, so a group's kind comes from its italic
lines when it has any and from its wording otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from exporter.diagnostics import Reporter
from exporter.model import Block, Item, Paragraph, ParagraphStyle, Procedural, ProceduralKind
from exporter.readers._html import element_runs, table_block
from exporter.readers._xml import local
from exporter.readers.hansard_api_conventions import procedural_kind

# pwmotiontext values that mark motion text; "unrecognized" marks the rest of that stretch
_MOTION_TEXT = frozenset({"yes", "moved", "quot", "lines"})


@dataclass
class Part:
    """One block of a speech, with what the record says about it."""

    block: Block
    italic: bool = False
    motion: bool = False


def paragraph_parts(element: etree._Element, reporter: Reporter, emphasis: bool = False) -> list[Part]:
    """The blocks of a ``<speech>``: paragraphs (empty ones left out) and tables."""
    parts: list[Part] = []
    for child in element:
        name = local(child)
        if name == "table":
            parts.append(Part(table_block(child)))
            continue
        if not name:
            continue
        runs = element_runs(child, emphasis=emphasis)
        if not runs:
            continue
        if name != "p":
            reporter.warn(
                "parlparse-speech-element",
                f"<{name}> inside a speech is read as a paragraph",
                f"line {child.sourceline}",
            )
        classes = (child.get("class") or "").lower()
        italic = classes == "italic"
        motion = (child.get("pwmotiontext") or "").lower() in _MOTION_TEXT
        if italic:
            style = ParagraphStyle.BODY
        elif motion:
            style = ParagraphStyle.MOTION
        elif classes == "indent":
            style = ParagraphStyle.QUOTE
        else:
            style = ParagraphStyle.BODY
        parts.append(Part(Paragraph(runs, style), italic=italic, motion=motion))
    return parts


def procedurals(
    parts: list[Part], gid: str | None, time: str | None, column: str | None, url: str | None
) -> list[Item]:
    """Procedural text in groups: a new group at each italic line that follows other
    text, or that turns from one kind of procedure to another ("Amendment 106A not
    moved." then "Amendment 107", "Moved by Lord Tunnicliffe")."""
    groups: list[tuple[ProceduralKind | None, list[Part]]] = []
    for part in parts:
        kind = procedural_kind(part.block.text) if part.italic else None
        if not groups:
            groups.append((kind, []))
        else:
            group_kind, group = groups[-1]
            previous = group[-1]
            if part.italic and (not previous.italic or (kind != group_kind and group_kind is not None)):
                groups.append((kind, []))
            elif group_kind is None and kind is not None:
                groups[-1] = (kind, group)
        groups[-1][1].append(part)
    items: list[Item] = []
    for index, (kind, group) in enumerate(groups):
        if kind is None:  # modern files do not italicise procedure: judge by the wording
            kind = procedural_kind(group[0].block.text, motion_text=any(part.motion for part in group))
        elif kind is ProceduralKind.OTHER and any(part.motion for part in group):
            kind = ProceduralKind.MOTION
        items.append(
            Procedural(
                paragraphs=tuple(part.block for part in group),
                kind=kind,
                id=gid if index == 0 else None,
                time=time,
                column=column,
                url=url,
            )
        )
    return items
