"""A table written out without spans, for formats that should not merge cells (Word).

Word's accessibility guidance (and our rule MS-TBL-002) asks for simple tables: no merged
cells, one header row. So every figure keeps the full name of its column:

- the header rows become one header row whose labels join their levels, top to bottom
  ("2024-25: Number"); a label spanning columns stands over each column it covers, a label
  spanning header rows is said once;
- in the body, a cell spanning columns or rows is repeated in each slot it covers, except a
  cell across the whole width (a group's title), which is written once, in the first
  column; such rows at the end of the table (its notes: "Source: ...", "(1) ...") are
  taken out of the grid, to be written after the table;
- rows with nothing in them are left out.

The tree is not changed: PDF and HTML keep the spans.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter import document as d
from exporter.tables.grid import Grid
from exporter.tables.tree import table_grid

LEVEL_JOINER = ": "


@dataclass(frozen=True)
class Slot:
    cell: d.Cell
    first: bool  # the first slot the cell covers (where its notes go); False for a repeat


@dataclass(frozen=True)
class WrittenOut:
    columns: int
    header: tuple[str, ...] | None  # one label per column, levels joined; None: no header rows
    rows: tuple[tuple[Slot | None, ...], ...]  # the body; None for an empty slot
    row_headers: bool  # the first column labels the rows
    notes: tuple[d.Cell, ...] = ()  # the cells of the full-width rows that end the table


def written_out(table: d.Table) -> WrittenOut:
    grid = table_grid(table)
    head = len(table.head)
    header: tuple[str, ...] | None = None
    if head:
        labels = []
        for column in range(grid.columns):
            levels: list[str] = []
            seen: list[int] = []
            for row in range(head):
                here = grid.at(row, column)
                if here is None or id(here) in seen:
                    continue
                seen.append(id(here))
                text = d.cell_text(here.cell)
                if text and (not levels or levels[-1] != text):
                    levels.append(text)
            labels.append(LEVEL_JOINER.join(levels))
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
