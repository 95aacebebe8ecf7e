"""The briefing tree's tables on their grid: where each cell sits, a table made whole, and
which header cells label each cell.

Used by validation, which repairs a table whose grid does not add up, and by writers, which
must not fail on a tree that did not pass validation and which name each cell's headers
where scopes alone would not (PDF ``Headers``, HTML ``headers``).
"""

from __future__ import annotations

from dataclasses import replace

from exporter import document as d
from exporter.tables.grid import Grid, Placed, lay_out, without_rows


def table_grid(table: d.Table) -> Grid[d.Cell]:
    """Where each cell of ``table`` sits, header rows first (a header cell never spans into
    the body); see ``exporter.tables.grid``."""
    return lay_out((*table.head, *table.rows), groups=(len(table.head),))


def regular_table(table: d.Table) -> d.Table:
    """``table`` with a grid that adds up, as validation repairs one: a span that does not
    fit is cut, a row that spans from above cover wholly is left out (the spans over it one
    row shorter), and the holes a short row leaves are filled with empty cells."""
    grid = table_grid(table)
    if grid.adds_up:
        return table
    empty = {r for r in range(grid.rows) if not grid.starting_in(r)}  # rows spans from above cover
    head = len(table.head) - sum(1 for r in empty if r < len(table.head))
    kept = lay_out(
        [
            [replace(p.cell, colspan=p.colspan, rowspan=p.rowspan) for p in row]
            for row in without_rows(grid, empty)
        ],
        groups=(head,),
    )
    laid = [
        tuple(replace(p.cell, colspan=p.colspan, rowspan=p.rowspan) for p in kept.starting_in(r))
        + (d.Cell(()),) * kept.holes(r)
        for r in range(kept.rows)
    ]
    return replace(table, head=tuple(laid[:head]), rows=tuple(laid[head:]))


def irregular(table: d.Table, grid: Grid[d.Cell]) -> bool:
    """Whether scopes alone would not tell each cell its headers: several header rows, a
    header cell spanning columns or rows, or one labelling both its row and its column (the
    case for explicit header associations, WCAG technique H43; ISO 32000-1 14.8.5.7)."""
    return len(table.head) > 1 or any(
        p.cell.scope and (p.colspan > 1 or p.rowspan > 1 or p.cell.scope == "both") for p in grid.placed
    )


def headers_of(here: Placed[d.Cell], grid: Grid[d.Cell]) -> list[Placed[d.Cell]]:
    """The header cells that label ``here``, as HTML's algorithm for assigning header cells
    finds them in a table with scopes: the column headers above it in the columns it covers,
    top to bottom, then the row headers to its left in the rows it covers; each once. A
    cell across the whole width (a note, a group's title) has none: it belongs to no column."""
    found: list[Placed[d.Cell]] = []
    if grid.columns > 1 and here.colspan == grid.columns:
        return found
    for row in range(here.row):
        for column in here.columns:
            cell = grid.at(row, column)
            if (
                cell is not None
                and cell is not here
                and cell.cell.scope in ("column", "both")
                and cell not in found
            ):
                found.append(cell)
    for row in here.rows:
        for column in range(here.column):
            cell = grid.at(row, column)
            if cell is not None and cell.cell.scope in ("row", "both") and cell not in found:
                found.append(cell)
    return found
