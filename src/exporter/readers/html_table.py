"""An HTML ``<table>`` as a model table, as the record has it: the one table reader of
ParlParse ``<table>`` elements and Hansard API ``Value`` fragments.

Following the HTML Standard's table model (WHATWG HTML 4.9.1-4.9.12): rows come from
``thead``, then ``tbody`` and bare ``tr`` in document order, then ``tfoot``; a nested
table stays inside its cell. ``colspan`` (1-1000) and ``rowspan`` (0-65534; 0 runs to
the end of its row group) are kept; ``th`` is a header cell whose ``scope`` says what it
labels (``col``/``colgroup``: its column; ``row``/``rowgroup``: its row; none: its column
in a header row, its row elsewhere). The header rows are the ``thead`` rows, or else the
leading rows made only of ``th`` cells (and empty ``td`` corners). A table that marks no
header at all gets the one it plainly shows (``exporter.readers.table_headers``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from exporter.model import HeaderScope, Paragraph, Table, TableCell
from exporter.readers.table_headers import visible_headers

MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534
_SCOPES = {
    "col": HeaderScope.COLUMN,
    "colgroup": HeaderScope.COLUMN,
    "row": HeaderScope.ROW,
    "rowgroup": HeaderScope.ROW,
}

CellReader = Callable[[etree._Element], tuple[Paragraph, ...]]


def _name(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2].lower() if isinstance(tag, str) else ""


def html_table(element: etree._Element, paragraphs: CellReader) -> Table:
    """The model table of ``element``; ``paragraphs(cell)`` reads a cell's content."""
    groups = _row_groups(element)
    rows: list[list[_Read]] = []
    for _kind, trs in groups:
        for index, tr in enumerate(trs):
            left = len(trs) - index  # rows to the end of this group, for rowspan="0"
            rows.append([_read(cell, paragraphs, left) for cell in tr if _name(cell) in ("td", "th")])
    if groups and groups[0][0] == "thead":
        header_rows = len(groups[0][1])
    else:
        header_rows = 0
        while header_rows < len(rows) and _all_headers(rows[header_rows]):
            header_rows += 1
        if header_rows == len(rows):  # header cells with no data under them label nothing
            header_rows = 0
    cells = tuple(tuple(read.cell(index < header_rows) for read in row) for index, row in enumerate(rows))
    caption = next((" ".join("".join(c.itertext()).split()) for c in element if _name(c) == "caption"), None)
    return visible_headers(Table(cells, header_rows=header_rows, caption=caption or None))


@dataclass(frozen=True)
class _Read:
    """A cell as read, before the header rows are known."""

    paragraphs: tuple[Paragraph, ...]
    colspan: int
    rowspan: int
    th: bool
    scope: HeaderScope | None  # as the th's scope attribute gives it

    def cell(self, in_header_row: bool) -> TableCell:
        """A ``th`` with no scope labels its column in a header row, its row elsewhere."""
        header = None
        if self.th:
            header = self.scope or (HeaderScope.COLUMN if in_header_row else HeaderScope.ROW)
        return TableCell(self.paragraphs, self.colspan, self.rowspan, header)

    @property
    def empty(self) -> bool:
        return not any(p.text.strip() for p in self.paragraphs)


def _row_groups(table: etree._Element) -> list[tuple[str, list[etree._Element]]]:
    """(kind, rows) in rendering order: thead first, tfoot last, the rest as given."""
    head: list[tuple[str, list[etree._Element]]] = []
    body: list[tuple[str, list[etree._Element]]] = []
    foot: list[tuple[str, list[etree._Element]]] = []
    loose: list[etree._Element] = []
    for child in table:
        name = _name(child)
        if name == "tr":
            loose.append(child)
            continue
        if loose:
            body.append(("tbody", loose))
            loose = []
        if name in ("thead", "tbody", "tfoot"):
            trs = [tr for tr in child if _name(tr) == "tr"]
            if trs:
                (head if name == "thead" and not head else foot if name == "tfoot" else body).append(
                    (name, trs)
                )
    if loose:
        body.append(("tbody", loose))
    return head + body + foot


def _span(value: str | None, low: int, high: int) -> int:
    try:
        number = int((value or "").strip())
    except ValueError:
        return 1
    return min(max(number, low), high)


def _read(cell: etree._Element, paragraphs: CellReader, rows_left: int) -> _Read:
    rowspan = _span(cell.get("rowspan"), 0, MAX_ROWSPAN)
    return _Read(
        paragraphs(cell),
        colspan=_span(cell.get("colspan"), 1, MAX_COLSPAN),
        rowspan=rows_left if rowspan == 0 else rowspan,
        th=_name(cell) == "th",
        scope=_SCOPES.get((cell.get("scope") or "").strip().lower()),
    )


def _all_headers(row: list[_Read]) -> bool:
    """A row of ``th`` cells, with empty ``td`` cells (a corner) between them."""
    return any(read.th for read in row) and all(read.th or read.empty for read in row)
