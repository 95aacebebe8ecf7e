"""Rules about tagged tables (ISO 14289-1 7.5; Matterhorn Protocol checkpoint 15), knowing
spans: a cell covers the columns and rows its ``ColSpan`` and ``RowSpan`` attributes say.

- ``PDFUA-7.5-table-headers``: a Table has TH cells; a Table without any whose ``Summary``
  says why (a record that gives the table no header) is reported as
  ``PDFUA-7.5-table-summary``, a warning quoting it, not an error;
- ``PDFUA-7.5-table-regular``: laid out with their spans, the rows cover the same number of
  columns, and no two cells cover one slot;
- ``PDFUA-7.5-th-scope``: in a table not organised with ``Headers`` and ``/ID``, every TH has
  a ``Scope`` (Matterhorn 15-003);
- ``PDFUA-7.5-headers-ids``: every ``Headers`` entry is the ``/ID`` of a TH of the table;
- ``PDFUA-7.2-table-groups``: a ``THead`` or ``TFoot`` goes with a ``TBody`` (ISO 32000-1
  14.8.4.3.4; veraPDF's 7.2-14).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import pikepdf

from exporter.checks.pdf_structure import Element
from exporter.diagnostics import Severity
from exporter.tables.grid import lay_out

TABLE_RULES: dict[str, str] = {
    "PDFUA-7.5-table-headers": "every Table has TH header cells",
    "PDFUA-7.5-table-summary": "a Table with no TH cells says why in its Summary (a warning)",
    "PDFUA-7.5-table-regular": "laid out with their spans, the rows of a Table cover the same columns",
    "PDFUA-7.5-th-scope": "every TH has a Scope, unless the table uses Headers and IDs",
    "PDFUA-7.5-headers-ids": "every Headers entry is the /ID of a TH of the same table",
    "PDFUA-7.2-table-groups": "a Table with a THead or TFoot has a TBody",
}


class Report(Protocol):
    def __call__(self, code: str, message: str, location: str, severity: Severity = ...) -> None: ...


@dataclass(frozen=True)
class _Cell:
    kind: str  # TH or TD
    colspan: int
    rowspan: int
    attributes: dict[str, pikepdf.Object]
    element: Element


def check_table(table: Element, resolve: Callable[[str], str], report: Report, where: str) -> None:
    groups = {resolve(child.type) for child in table.children}
    if groups & {"THead", "TFoot"} and "TBody" not in groups:
        report("PDFUA-7.2-table-groups", "a Table has a THead or TFoot but no TBody", where)
    rows = [
        [_cell(cell, resolve) for cell in row.children if resolve(cell.type) in ("TH", "TD")]
        for row in _rows(table, resolve)
    ]
    cells = [cell for row in rows for cell in row]
    if not any(cell.kind == "TH" for cell in cells):
        summary = _text(_attributes(table.obj).get("/Summary"))
        if summary:
            report(
                "PDFUA-7.5-table-summary",
                f"a Table has no TH header cells; its Summary says: {summary!r}",
                where,
                Severity.WARNING,
            )
        else:
            report("PDFUA-7.5-table-headers", "a Table has no TH header cells", where)
    grid = lay_out(rows)
    if not grid.adds_up:
        fault = grid.faults[0]
        report("PDFUA-7.5-table-regular", f"row {fault.row + 1}: {fault.message}", where)
    ids = {_text(cell.element.obj.get("/ID")) for cell in cells if cell.kind == "TH"} - {""}
    uses_headers = any("/Headers" in cell.attributes for cell in cells)
    for cell in cells:
        if cell.kind == "TH" and not uses_headers and "/Scope" not in cell.attributes:
            report("PDFUA-7.5-th-scope", "a TH has no Scope and the table has no Headers", where)
        headers = cell.attributes.get("/Headers")
        for name in list(headers) if isinstance(headers, pikepdf.Array) else []:
            if _text(name) not in ids:
                report("PDFUA-7.5-headers-ids", f"Headers names {_text(name)!r}, no TH of this table", where)


def _rows(table: Element, resolve: Callable[[str], str]) -> list[Element]:
    """A table's TR elements, directly or inside THead, TBody and TFoot."""
    rows: list[Element] = []
    for child in table.children:
        kind = resolve(child.type)
        if kind == "TR":
            rows.append(child)
        elif kind in ("THead", "TBody", "TFoot"):
            rows.extend(row for row in child.children if resolve(row.type) == "TR")
    return rows


def _attributes(obj: pikepdf.Dictionary) -> dict[str, pikepdf.Object]:
    """The element's attributes of every owner: /A is a dictionary, or an array of them
    (each maybe followed by a revision number)."""
    found: dict[str, pikepdf.Object] = {}
    raw = obj.get("/A")
    for item in list(raw) if isinstance(raw, pikepdf.Array) else [raw]:
        if isinstance(item, pikepdf.Dictionary):
            found.update({key: value for key, value in item.items() if key != "/O"})
    return found


def _cell(element: Element, resolve: Callable[[str], str]) -> _Cell:
    attributes = _attributes(element.obj)
    return _Cell(
        resolve(element.type),
        _number(attributes.get("/ColSpan")),
        _number(attributes.get("/RowSpan")),
        attributes,
        element,
    )


def _number(value: object) -> int:
    try:
        return max(int(value), 1)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1


def _text(value: object) -> str:
    return str(value) if value is not None else ""
