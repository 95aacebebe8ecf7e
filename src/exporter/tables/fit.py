"""A record's table whose spans reach past its grid, fitted, with a word for each cell cut.

Records give spans that do not fit (a scraper's ``rowspan="5"`` on the last row, a
``colspan`` that runs past the table's right-hand edge, a span over a slot a cell above
covers). The HTML table model (``exporter.tables.grid``) would widen the table or clamp
the span without a word; here, where text enters the model (``exporter.cleaning``), each is
fitted once for every format, and each is said:

- a rowspan past the end of its row group (the header rows, or the body) spans the rows
  left;
- a colspan over a slot a cell above already covers spans the columns free before it;
- a colspan that takes the last cell of its row past every other row of the table (the
  only row that reaches so far) spans to the table's edge, so that the table is not widened
  by empty columns no other row has.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from exporter import model as m
from exporter.tables.grid import Grid, lay_out


@dataclass(frozen=True)
class SpanFit:
    """One cell whose span was cut: where it is (0-based, as the record gives the rows) and
    what was done, in words ("spans 5 rows where 2 are left in the table: it spans 2")."""

    row: int
    column: int
    text: str
    what: str


def fit_spans(table: m.Table) -> tuple[m.Table, list[SpanFit]]:
    """``table`` with every span fitted to its grid, and each cell whose span was cut."""
    grid = lay_out(table.rows, groups=(table.header_rows,))
    fits: list[SpanFit] = []
    for fault in grid.faults:
        if fault.column is None:
            continue  # a short row: padded, as tables in records often are
        placed = grid.at(fault.row, fault.column)
        if placed is None:  # pragma: no cover - a faulted cell always covers its first slot
            continue
        text = placed.cell.text
        if "rows where" in fault.message:
            left = placed.rowspan
            where = "the table" if fault.row + left == grid.rows else (
                "the header rows" if fault.row < table.header_rows else "its row group"
            )
            what = f"spans {placed.cell.rowspan} rows where {left} are left in {where}: it spans {left}"
        else:
            what = f"spans {placed.cell.colspan} columns where {placed.colspan} are free: it spans {placed.colspan}"
        fits.append(SpanFit(fault.row, fault.column, text, what))
    colspans = _past_the_edge(grid, fits)
    if not fits:
        return table, []
    rows = tuple(
        tuple(
            replace(p.cell, rowspan=p.rowspan, colspan=colspans.get((p.row, p.column), p.colspan))
            for p in grid.starting_in(r)
        )
        for r in range(grid.rows)
    )
    return replace(table, rows=rows), sorted(fits, key=lambda fit: (fit.row, fit.column))


def _past_the_edge(grid: Grid[m.TableCell], fits: list[SpanFit]) -> dict[tuple[int, int], int]:
    """The colspan each last cell of a row that reaches past every other row is cut to."""
    cut: dict[tuple[int, int], int] = {}
    for row in range(grid.rows):
        starting = grid.starting_in(row)
        if not starting or starting[-1].colspan < 2:
            continue
        last = starting[-1]
        others = [
            column + 1
            for other in range(grid.rows)
            if other != row
            for column, slot in enumerate(grid.slots[other])
            if slot is not None and slot is not last
        ]
        edge = max(others, default=0)
        if last.column < edge < last.column + last.colspan:
            cut[row, last.column] = edge - last.column
            fits.append(
                SpanFit(
                    row,
                    last.column,
                    last.cell.text,
                    f"spans {last.colspan} columns where the table has {edge}: it spans {edge - last.column}",
                )
            )
    return cut
