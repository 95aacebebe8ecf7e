"""The briefing tree's tables on their grid: where each cell sits, and a table made whole.

Used by validation, which repairs a table whose grid does not add up, and by writers,
which must not fail on a tree that did not pass validation.
"""

from __future__ import annotations

from dataclasses import replace

from exporter import document as d
from exporter.tables.grid import Grid, lay_out, without_rows


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
