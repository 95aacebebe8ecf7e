"""Typed lists in a record ("* item", "1. item") become real lists in the briefing.

Records transcribed from print keep bullets and numbers as characters; a screen reader
then announces no list, and Word's checker flags them (LIST-MANUAL-001). Only runs of
two or more bulleted paragraphs, or numbers counting up from 1, are taken as lists,
so a lone "1. What progress…" question stays a paragraph.
"""

from __future__ import annotations

import re

from exporter import document as d

_BULLET = re.compile(r"^\s*[*•·‣▪◦\-–]\s+")
_NUMBER = re.compile(r"^\s*\(?(\d{1,3})[.)]\s+")


def gather_lists(blocks: list[d.Block]) -> list[d.Block]:
    out: list[d.Block] = []
    i = 0
    while i < len(blocks):
        run = _bullet_run(blocks, i) or _number_run(blocks, i)
        if run:
            items, ordered = run
            out.append(d.BulletList(tuple(d.ListItem((p,)) for p in items), ordered=ordered))
            i += len(items)
        else:
            out.append(blocks[i])
            i += 1
    return out


def _bullet_run(blocks: list[d.Block], start: int) -> tuple[list[d.Paragraph], bool] | None:
    items = []
    for block in blocks[start:]:
        if not isinstance(block, d.Paragraph) or not _BULLET.match(d.plain_text(block.children)):
            break
        items.append(_strip(block, _BULLET))
    return (items, False) if len(items) >= 2 else None


def _number_run(blocks: list[d.Block], start: int) -> tuple[list[d.Paragraph], bool] | None:
    items: list[d.Paragraph] = []
    for block in blocks[start:]:
        if not isinstance(block, d.Paragraph):
            break
        match = _NUMBER.match(d.plain_text(block.children))
        if not match or int(match.group(1)) != len(items) + 1:
            break
        items.append(_strip(block, _NUMBER))
    return (items, True) if len(items) >= 2 else None


def _strip(paragraph: d.Paragraph, marker: re.Pattern[str]) -> d.Paragraph:
    """The paragraph without its typed marker, which lives in the first text inline."""
    children = list(paragraph.children)
    first = children[0]
    if isinstance(first, d.Text):
        rest = marker.sub("", first.text, count=1)
        children[0] = d.Text(rest, first.emphasis, first.strong, first.superscript, first.lang)
        if not rest:
            children.pop(0)
    return d.Paragraph(tuple(children), paragraph.role, paragraph.lang)
