"""A TEI ``<table>`` (P5 14.1.1, as ParlaMint may carry one) as a model table.

``row`` holds ``cell`` elements; ``cols`` and ``rows`` on a cell are its spans; ``role="label"``
on a row or a cell marks labels (``role="data"``, the default, marks data). Leading label rows
are the header rows; a label cell elsewhere labels its row, and a label row after data labels
the columns below it. ``head`` is the table's caption. A table that marks no label gets the
header it plainly shows (``exporter.readers.table_headers``).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from exporter.model import HeaderScope, Paragraph, Table, TableCell
from exporter.readers._xml import local, text_of
from exporter.readers.html_table import MAX_COLSPAN, MAX_ROWSPAN
from exporter.readers.table_headers import visible_headers

CellReader = Callable[[etree._Element], tuple[Paragraph, ...]]


def tei_table(element: etree._Element, paragraphs: CellReader) -> Table | None:
    """The model table of a TEI ``table``, or None when it has no cells;
    ``paragraphs(cell)`` reads a cell's content."""
    rows: list[tuple[TableCell, ...]] = []
    header_rows = 0
    for row in element:
        if local(row) != "row":
            continue
        cells = [cell for cell in row if local(cell) == "cell"]
        if not cells:
            continue
        row_label = row.get("role") == "label"
        if row_label and len(rows) == header_rows:
            header_rows += 1
        rows.append(tuple(_cell(cell, paragraphs, row_label, len(rows) < header_rows) for cell in cells))
    if not rows:
        return None
    if header_rows == len(rows):
        header_rows = 0
        rows = [tuple(TableCell(c.paragraphs, c.colspan, c.rowspan) for c in row) for row in rows]
    head = next((child for child in element if local(child) == "head"), None)
    caption = text_of(head) if head is not None else None
    return visible_headers(Table(tuple(rows), header_rows=header_rows, caption=caption or None))


def _cell(cell: etree._Element, paragraphs: CellReader, row_label: bool, leading: bool) -> TableCell:
    role = cell.get("role") or ("label" if row_label else "data")
    header = None
    if role == "label":
        header = HeaderScope.COLUMN if leading or row_label else HeaderScope.ROW
    return TableCell(
        paragraphs(cell),
        colspan=_span(cell.get("cols"), MAX_COLSPAN),
        rowspan=_span(cell.get("rows"), MAX_ROWSPAN),
        header=header,
    )


def _span(value: str | None, most: int) -> int:
    try:
        return min(max(int((value or "1").strip()), 1), most)
    except ValueError:
        return 1
