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
- numbered paragraphs that count up by one with the same marks around the count
  (``3.``, ``4.``; ``a)``, ``b)``; ``(i)``, ``(ii)``; ``(A)``, ``(B)``): a list numbered by the
  writer when it counts 1., 2., 3.; any other count is numbered by the record's own labels
  (:func:`label_numbering`), each label taken off its item's text and kept as the item's
  number, so that it is said once, as a list's number, and never as a bullet followed by the
  label. A lone "1. What progress…" question stays a paragraph.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from exporter import document as d

_DASHES = "-–"
_BULLET = re.compile(r"^\s*([*•·‣▪◦\-–])\s+")
# a typed label: a count (digits, a letter, a roman numeral; capitals only in brackets) with
# the marks around it, then a space
_NUMBER = re.compile(
    r"^\s*(?P<label>\((?:\d{1,3}|[a-z]|[ivxlc]{1,6}|[A-Z]|[IVXLC]{1,6})\)|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)])\s+"
)
_LABEL_PARTS = re.compile(r"^(?P<before>\(?)(?P<count>[0-9]+|[A-Za-z]+)(?P<after>[.)]?)$")
_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


@dataclass(frozen=True)
class LabelNumbering:
    """How a list's labels count: ``numbering`` (``document.NUMBERINGS``) from ``start``;
    ``plain`` when they are 1., 2., 3. from one, which any writer numbers alike."""

    numbering: str
    start: int
    plain: bool


def label_numbering(labels: list[str]) -> LabelNumbering | None:
    """How ``labels`` (as printed: "(a)", "b)", "iv.", "5.") count, when every one is the one
    before it plus one in the same numbering with the same marks around it; None when they do
    not (terms, gaps, a lone label, mixed marks). A letter that is also a roman numeral counts
    as whichever the sequence bears out ("(i)", "(ii)" roman; "(h)", "(i)" letters)."""
    parts = [_LABEL_PARTS.match(label.strip()) for label in labels]
    if len(labels) < 2 or any(part is None for part in parts):
        return None
    marks = {(part["before"], part["after"]) for part in parts if part is not None}
    if len(marks) != 1 or marks == {("", "")} or marks == {("(", "")}:
        return None
    counts = [part["count"] for part in parts if part is not None]
    for numbering in d.NUMBERINGS:
        ordinals = [_ordinal_in(numbering, count) for count in counts]
        first = ordinals[0]
        if first is not None and ordinals == list(range(first, first + len(counts))):
            plain = numbering == "decimal" and first == 1 and marks == {("", ".")}
            return LabelNumbering(numbering, first, plain)
    return None


def _ordinal_in(numbering: str, count: str) -> int | None:
    """``count``'s number in ``numbering``, or None when it is not one of its counters."""
    if numbering == "decimal":
        return int(count) if count.isdigit() else None
    upper = numbering.startswith("upper")
    if count != (count.upper() if upper else count.lower()) or count.isdigit():
        return None
    if numbering.endswith("alpha"):
        return ord(count.lower()) - ord("a") + 1 if len(count) == 1 else None
    if not _ROMAN.match(count.lower()) or not count:
        return None
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    for here, after in zip(count.lower(), [*count.lower()[1:], ""], strict=True):
        value = values[here]
        total += -value if after and values[after] > value else value
    return total


def gather_lists(blocks: list[d.Block]) -> list[d.Block]:
    """``blocks`` with each run of typed list items as one list (see the module's doc)."""
    out: list[d.Block] = []
    i = 0
    while i < len(blocks):
        bullets = _bullet_run(blocks, i)
        numbered = None if bullets else _number_run(blocks, i)
        if bullets:
            items, taken = bullets
            out.append(d.BulletList(tuple(d.ListItem((p,)) for p in items)))
            i += taken
        elif numbered and all(_strip(p, _NUMBER) is not p for p in numbered[0]):
            paragraphs, counted, labels = numbered
            out.append(labelled_list([_strip(p, _NUMBER) for p in paragraphs], labels, counted))
            i += len(paragraphs)
        else:
            out.append(blocks[i])
            i += 1
    return out


def labelled_list(
    items: Sequence[d.Paragraph | tuple[d.Block, ...]], labels: list[str], counted: LabelNumbering
) -> d.BulletList:
    """A list of items (each a paragraph, or an item's blocks) without their labels, numbered
    as ``labels`` count: by the writer when they are 1., 2., 3.; else by the labels themselves,
    kept on the items (``document.BulletList``)."""
    blocks = [item if isinstance(item, tuple) else (item,) for item in items]
    if counted.plain:
        return d.BulletList(tuple(d.ListItem(b) for b in blocks), ordered=True)
    return d.BulletList(
        tuple(d.ListItem(b, label=label.strip()) for b, label in zip(blocks, labels, strict=True)),
        ordered=True,
        numbering=counted.numbering,
        start=counted.start,
    )


def gather_cell_lists(paragraphs: tuple[d.Paragraph, ...]) -> tuple[d.Paragraph | d.BulletList, ...]:
    """A data cell's paragraphs with its typed lists gathered (a header cell's are labels)."""
    return tuple(
        block for block in gather_lists(list(paragraphs)) if isinstance(block, (d.Paragraph, d.BulletList))
    )


def _text_of(block: d.Block) -> str | None:
    return d.plain_text(block.children) if isinstance(block, d.Paragraph) else None


def _bullet_run(blocks: list[d.Block], start: int) -> tuple[list[d.Paragraph], int] | None:
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
    return items, len(paragraphs)


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


def _number_run(
    blocks: list[d.Block], start: int
) -> tuple[list[d.Paragraph], LabelNumbering, list[str]] | None:
    """The typed numbered paragraphs from ``start`` that count up by one, as list items: a
    run of at least two (see the module's notes)."""
    paragraphs: list[d.Paragraph] = []
    labels: list[str] = []
    found: LabelNumbering | None = None
    for block in blocks[start:]:
        text = _text_of(block)
        match = _NUMBER.match(text) if text is not None else None
        if match is None or (paragraphs and block.role != paragraphs[0].role):  # type: ignore[union-attr]
            break
        counted = label_numbering([*labels, match["label"]]) if labels else None
        if labels and counted is None:
            break
        paragraphs.append(block)  # type: ignore[arg-type]
        labels.append(match["label"])
        found = counted
    if len(paragraphs) < 2 or found is None:
        return None
    return paragraphs, found, labels


def _strip(paragraph: d.Paragraph, marker: re.Pattern[str]) -> d.Paragraph:
    """The paragraph without its typed marker and the space after it, which may run over
    more than one text inline (an italic "(a)", then " In the UK"). A marker that reaches
    into anything but text is left as it is."""
    match = marker.match(d.plain_text(paragraph.children))
    if match is None:
        return paragraph
    left = match.end()
    children = list(paragraph.children)
    while left and children:
        first = children[0]
        if not isinstance(first, d.Text):
            return paragraph
        if len(first.text) > left:
            children[0] = dataclasses.replace(first, text=first.text[left:])
            break
        left -= len(first.text)
        children.pop(0)
    return dataclasses.replace(paragraph, children=tuple(children))
