"""Typed lists in a record ("* item", "- item", "1. item", "a) item") become real lists.

Records transcribed from print keep bullets and numbers as characters; a screen reader
then announces no list, and Word's checker flags them (LIST-MANUAL-001, in
``checks/docx_rules_structure.py``: a typed bullet is a list item; typed numbers are when
the next paragraph carries the next one). What is gathered, among paragraphs of one role
(a speech's words, or the procedure between speeches, item after item):

- bulleted paragraphs: a run of two or more; one alone when its mark is a bullet
  proper (``*``, ``•``…) and not a dash, which may open a sentence. A paragraph that
  opens with a bullet and holds the same bullet again between words ("* Roads. * Water.")
  is a list the record ran together: one item at each bullet;
- numbered paragraphs that count up by one (``3.``, ``4.``; ``a)``, ``b)``): a list
  numbered by the writer when it counts 1, 2, 3…; any other count keeps its typed labels at
  the start of its items, as a record's own labelled list does (``proceedings._list``). A
  lone "1. What progress…" question stays a paragraph.
"""

from __future__ import annotations

import dataclasses
import re

from exporter import document as d

_DASHES = "-–"
_BULLET = re.compile(r"^\s*([*•·‣▪◦\-–])\s+")
_NUMBER = re.compile(r"^\s*\(?(\d{1,3}|[a-z])[.)]\s+")


def gather_lists(blocks: list[d.Block]) -> list[d.Block]:
    """``blocks`` with each run of typed list items as one list (see the module's doc)."""
    out: list[d.Block] = []
    i = 0
    while i < len(blocks):
        run = _bullet_run(blocks, i) or _number_run(blocks, i)
        if run:
            items, ordered, taken = run
            out.append(d.BulletList(tuple(d.ListItem((p,)) for p in items), ordered=ordered))
            i += taken
        else:
            out.append(blocks[i])
            i += 1
    return out


def gather_cell_lists(paragraphs: tuple[d.Paragraph, ...]) -> tuple[d.Paragraph | d.BulletList, ...]:
    """A data cell's paragraphs with its typed lists gathered (a header cell's are labels)."""
    return tuple(
        block for block in gather_lists(list(paragraphs)) if isinstance(block, (d.Paragraph, d.BulletList))
    )


def _text_of(block: d.Block) -> str | None:
    return d.plain_text(block.children) if isinstance(block, d.Paragraph) else None


def _bullet_run(blocks: list[d.Block], start: int) -> tuple[list[d.Paragraph], bool, int] | None:
    first = blocks[start]
    text = _text_of(first)
    match = _BULLET.match(text) if text is not None else None
    if match is None or not isinstance(first, d.Paragraph):
        return None
    paragraphs: list[d.Paragraph] = []
    for block in blocks[start:]:
        text = _text_of(block)
        if text is None or not _BULLET.match(text) or block.role != first.role:  # type: ignore[union-attr]
            break
        paragraphs.append(block)  # type: ignore[arg-type]
    if len(paragraphs) == 1 and match.group(1) in _DASHES:
        return None  # a lone dash may open a sentence, or a line of dialogue
    items = [item for p in paragraphs for item in _items(p)]
    return items, False, len(paragraphs)


def _items(paragraph: d.Paragraph) -> list[d.Paragraph]:
    """The items of a bulleted paragraph: one, or one at each of its bullets when it holds
    its bullet (not a dash) again between words."""
    mark = _BULLET.match(d.plain_text(paragraph.children)).group(1)  # type: ignore[union-attr]
    item = _strip(paragraph, _BULLET)
    if mark in _DASHES:
        return [item]
    between = re.compile(rf"\s+{re.escape(mark)}\s+")
    items: list[list[d.Inline]] = [[]]
    for inline in item.children:
        if not isinstance(inline, d.Text) or not between.search(inline.text):
            items[-1].append(inline)
            continue
        pieces = between.split(inline.text)
        for index, piece in enumerate(pieces):
            if index:
                items.append([])
            if piece:
                items[-1].append(dataclasses.replace(inline, text=piece))
    return [dataclasses.replace(item, children=tuple(children)) for children in items if children]


def _ordinal(label: str) -> int:
    return int(label) if label.isdigit() else ord(label) - ord("a") + 1


def _number_run(blocks: list[d.Block], start: int) -> tuple[list[d.Paragraph], bool, int] | None:
    paragraphs: list[d.Paragraph] = []
    labels: list[str] = []
    for block in blocks[start:]:
        text = _text_of(block)
        match = _NUMBER.match(text) if text is not None else None
        if match is None or (paragraphs and block.role != paragraphs[0].role):  # type: ignore[union-attr]
            break
        label = match.group(1)
        if labels and (label.isdigit() != labels[0].isdigit() or _ordinal(label) != _ordinal(labels[-1]) + 1):
            break
        paragraphs.append(block)  # type: ignore[arg-type]
        labels.append(label)
    if len(paragraphs) < 2:
        return None
    counted = labels[0] == "1"  # 1, 2, 3: the writer numbers them
    items = [_strip(p, _NUMBER) if counted else _trim(p) for p in paragraphs]
    return items, counted, len(paragraphs)


def _strip(paragraph: d.Paragraph, marker: re.Pattern[str]) -> d.Paragraph:
    """The paragraph without its typed marker, which lives in the first text inline."""
    children = list(paragraph.children)
    first = children[0]
    if isinstance(first, d.Text):
        rest = marker.sub("", first.text, count=1)
        children[0] = dataclasses.replace(first, text=rest)
        if not rest:
            children.pop(0)
    return dataclasses.replace(paragraph, children=tuple(children))


def _trim(paragraph: d.Paragraph) -> d.Paragraph:
    """The paragraph with its typed label kept, without the spaces before it."""
    first = paragraph.children[0]
    if isinstance(first, d.Text) and first.text != first.text.lstrip():
        children = (dataclasses.replace(first, text=first.text.lstrip()), *paragraph.children[1:])
        return dataclasses.replace(paragraph, children=children)
    return paragraph
