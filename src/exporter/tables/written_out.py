"""A table written out without spans, for formats that should not merge cells (Word).

Word's accessibility guidance (and our rule MS-TBL-002) asks for simple tables: no merged
cells, one header row. So every figure keeps the full name of its column:

- the header rows become one header row whose labels join their levels, top to bottom
  ("2024-25: Number", with the separator the writer gives in the interface's language,
  ``Document.label("header_levels")``); a label spanning columns stands over each column it
  covers, its footnotes in the first; a label spanning header rows is said once; each
  level keeps its own language;
- in the body, a cell spanning columns or rows is repeated in each slot it covers, except a
  cell across the whole width (a group's title), which is written once, in the first
  column; such rows at the end of the table (its notes: "Source: ...", "(1) ...") are
  taken out of the grid, to be written after the table;
- rows with nothing in them are left out.

The tree is not changed: PDF and HTML keep the spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from exporter import document as d
from exporter.tables.grid import Grid
from exporter.tables.tree import table_grid

LEVEL_JOINER = d.WRITER_LABELS["header_levels"]  # "{upper}: {lower}"
_LEVEL = re.compile(r"\{(upper|lower)\}")


@dataclass(frozen=True)
class Slot:
    cell: d.Cell
    first: bool  # the first slot the cell covers (where its notes go); False for a repeat


@dataclass(frozen=True)
class WrittenOut:
    columns: int
    # one label per column, levels joined, as inlines in their languages; None: no header rows
    header: tuple[tuple[d.Inline, ...], ...] | None
    rows: tuple[tuple[Slot | None, ...], ...]  # the body; None for an empty slot
    row_headers: bool  # the first column labels the rows
    notes: tuple[d.Cell, ...] = ()  # the cells of the full-width rows that end the table


def written_out(table: d.Table, joiner: str = LEVEL_JOINER, joiner_lang: str | None = None) -> WrittenOut:
    """``table`` without spans; ``joiner`` joins a header label to the one below it, its
    ``{upper}`` and ``{lower}`` the two labels, its own words in ``joiner_lang`` when that is
    not the document's language."""
    grid = table_grid(table)
    head = len(table.head)
    header: tuple[tuple[d.Inline, ...], ...] | None = None
    if head:
        labels = []
        for column in range(grid.columns):
            levels: list[tuple[str, tuple[d.Inline, ...]]] = []
            seen: list[int] = []
            for row in range(head):
                here = grid.at(row, column)
                if here is None or id(here) in seen:
                    continue
                seen.append(id(here))
                text = d.cell_text(here.cell)
                if text and (not levels or levels[-1][0] != text):
                    levels.append((text, _label(here.cell, notes=column == here.column)))
            labels.append(_joined([inlines for _text, inlines in levels], joiner, joiner_lang))
        header = tuple(labels)
    rows: list[tuple[Slot | None, ...]] = []
    end = grid.rows
    notes: list[d.Cell] = []
    while end > head + 1 and (note := _across(grid, end - 1)) is not None:
        notes.insert(0, note)
        end -= 1
    for row in range(head, end):
        slots: list[Slot | None] = []
        for column in range(grid.columns):
            here = grid.at(row, column)
            whole_width = here is not None and here.colspan == grid.columns and grid.columns > 1
            if here is None or not d.cell_text(here.cell) or (whole_width and column != here.column):
                slots.append(None)
            else:
                slots.append(Slot(here.cell, row == here.row and column == here.column))
        if any(slots):
            rows.append(tuple(slots))
    row_headers = any(
        p.row >= head and p.column == 0 and p.colspan < grid.columns and p.cell.scope in ("row", "both")
        for p in grid.placed
    )
    return WrittenOut(
        grid.columns, header, tuple(rows), row_headers, tuple(n for n in notes if d.cell_text(n))
    )


def _label(cell: d.Cell, notes: bool) -> tuple[d.Inline, ...]:
    """A header cell's words as one run of inlines: its paragraphs joined by a space, each
    text carrying its paragraph's language; its footnotes only where ``notes``."""
    found: list[d.Inline] = []
    for paragraph in d.cell_paragraphs(cell):
        if not d.plain_text(paragraph.children).strip():
            continue
        if found:
            found.append(d.Text(" "))
        for inline in paragraph.children:
            if isinstance(inline, d.NoteRef) and not notes:
                continue
            if isinstance(inline, d.Text) and inline.lang is None and paragraph.lang:
                inline = replace(inline, lang=paragraph.lang)
            found.append(inline)
    return tuple(found)


def _joined(levels: list[tuple[d.Inline, ...]], joiner: str, lang: str | None) -> tuple[d.Inline, ...]:
    """The levels of a column's label, top to bottom, each joined to the next by ``joiner``."""
    if not levels:
        return ()
    label = levels[0]
    for lower in levels[1:]:
        pieces: list[d.Inline] = []
        for index, part in enumerate(_LEVEL.split(joiner)):
            if index % 2:
                pieces.extend(label if part == "upper" else lower)
            elif part:
                pieces.append(d.Text(part, lang=lang))
        label = tuple(pieces)
    return label


def _across(grid: Grid[d.Cell], row: int) -> d.Cell | None:
    """The cell of ``row`` when it is one cell across the whole width, begun in that row."""
    here = grid.at(row, 0)
    if (
        here is None
        or grid.columns < 2
        or here.colspan != grid.columns
        or here.row != row
        or here.rowspan != 1
    ):
        return None
    return here.cell
