"""The header a table plainly shows when its record marks none.

Many records mark no header cells at all: the Commons written answers that TheyWorkForYou
publishes give every cell as ``<td>``; row 1 is the table's title across the full width,
row 2 the column labels in italics above an empty corner cell. Readers that find no
marked header (no ``th``, ``thead``, ``role="label"``) ask ``visible_headers`` what the
table shows, and take nothing more:

- leading rows that are one cell across the full width are the table's title: the first
  becomes its caption, further ones (a unit: "£", "Number") join it after a dash;
- then leading rows whose every non-empty cell is wholly italic or bold (footnote marks
  aside) and that label more than the first column, above at least one row that is not
  such a row, are the header rows;
- when every header row leaves the first column empty (an empty corner), the first column
  labels the rows: its non-empty cells are row headers.

No header text is ever made up: an empty corner stays an empty, non-header cell, and a
table that shows no header keeps none (composing says so).
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from exporter.model import HeaderScope, Run, Table, TableCell
from exporter.tables.grid import Grid, lay_out

TITLE_JOINER = " \u2014 "


def visible_headers(table: Table) -> Table:
    """``table`` with the title and header rows it plainly shows, if its record marks none;
    otherwise ``table`` unchanged."""
    if table.header_rows or any(cell.header for row in table.rows for cell in row):
        return table
    rows = list(table.rows)
    caption = table.caption
    columns = lay_out(rows).columns
    if caption is None and columns >= 2:
        count = 0
        while count < len(rows) - 1 and _full_width(rows[count], columns):
            count += 1
        titles = [text for row in rows[:count] if (text := " ".join(row[0].text.split()))]
        if titles:
            rows = rows[count:]
            caption = TITLE_JOINER.join(titles)
    grid = lay_out(rows)
    header_rows = 0
    while header_rows < len(rows) and _labels_columns(grid, header_rows):
        header_rows += 1
    if header_rows == len(rows) or (header_rows and _spans_out_of_header(grid, header_rows)):
        header_rows = 0  # labels with no data below them, or rows that do not divide there
    if not header_rows:
        return replace(table, rows=tuple(rows), caption=caption)
    corner_empty = all(_empty_at(grid, r, 0) for r in range(header_rows))
    marked: list[tuple[TableCell, ...]] = []
    for index in range(len(rows)):
        cells = []
        for here in grid.starting_in(index):
            cell = here.cell
            if index < header_rows and cell.text.strip():
                cell = replace(cell, header=HeaderScope.COLUMN)
            elif (
                index >= header_rows and corner_empty and here.column == 0 and here.colspan == 1
            ) and cell.text.strip():
                cell = replace(cell, header=HeaderScope.ROW)
            cells.append(cell)
        marked.append(tuple(cells))
    return Table(tuple(marked), header_rows=header_rows, caption=caption)


def _full_width(row: tuple[TableCell, ...], columns: int) -> bool:
    return len(row) == 1 and row[0].colspan >= columns and row[0].rowspan == 1


def _is_label(cell: TableCell) -> bool:
    """Every word of the cell italic or bold; footnote marks (superscript) and runs with no
    letter or digit do not count either way."""
    words = [run for run in cell.runs if not run.superscript and _has_word(run)]
    return bool(words) and all(run.emphasis or run.strong for run in words)


def _has_word(run: Run) -> bool:
    """Letters, digits or symbols ("£", "%"); spaces and punctuation alone ("(", ", ") are
    neither label nor data."""
    return any(char.isalnum() or unicodedata.category(char).startswith("S") for char in run.text)


def _labels_columns(grid: Grid[TableCell], row: int) -> bool:
    """Whether ``row`` is a row of column labels: its non-empty cells all labels, at least
    one of them beyond the first column."""
    filled = [p for p in grid.starting_in(row) if p.cell.text.strip()]
    return (
        bool(filled)
        and all(_is_label(p.cell) for p in filled)
        and any(p.column + p.colspan > 1 for p in filled)
    )


def _spans_out_of_header(grid: Grid[TableCell], header_rows: int) -> bool:
    """A header cell that spans down into the data: the rows do not divide there."""
    return any(p.row < header_rows < p.row + p.rowspan for p in grid.placed)


def _empty_at(grid: Grid[TableCell], row: int, column: int) -> bool:
    here = grid.at(row, column) if column < grid.columns else None
    return here is None or not here.cell.text.strip()
