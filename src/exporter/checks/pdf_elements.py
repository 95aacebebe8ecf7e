"""Rules about what structure elements contain: figures, tables, lists and notes.

Each rule looks at one element and its element kids, after role mapping; ids follow the
ISO 14289-1 clause (7.3 figures, 7.5 tables, 7.6 lists, 7.9 notes), as in exporter.checks.pdf.
"""

from __future__ import annotations

from collections.abc import Callable

from exporter.checks.pdf_structure import Element

ELEMENT_RULES: dict[str, str] = {
    "PDFUA-7.3-figure-alt": "every Figure has /Alt or /ActualText",
    "PDFUA-7.5-table-headers": "every Table has TH header cells",
    "PDFUA-7.5-table-regular": "every row of a Table has the same number of cells",
    "PDFUA-7.6-list-structure": "L holds LI (or Caption, L); LI holds Lbl and LBody",
    "PDFUA-7.9-note-id": "every Note has a unique /ID",
}

Report = Callable[[str, str, str], None]  # (rule id, message, location)


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


def check_elements(elements: list[Element], resolve: Callable[[str], str], report: Report) -> None:
    note_ids: set[str] = set()
    for index, element in enumerate(elements):
        kind = resolve(element.type)
        where = f"structure element {index} (/{element.type})"
        if kind == "Figure" and not (
            str(element.obj.get("/Alt", "")) or str(element.obj.get("/ActualText", ""))
        ):
            report("PDFUA-7.3-figure-alt", "a Figure has no /Alt text", where)
        elif kind == "Table":
            rows = _rows(element, resolve)
            cells = [
                [resolve(cell.type) for cell in row.children if resolve(cell.type) in ("TH", "TD")]
                for row in rows
            ]
            if not any("TH" in row for row in cells):
                report("PDFUA-7.5-table-headers", "a Table has no TH header cells", where)
            widths = sorted({len(row) for row in cells})
            if len(widths) > 1:
                report("PDFUA-7.5-table-regular", f"a Table's rows have {widths} cells", where)
        elif kind == "L":
            strays = sorted({resolve(c.type) for c in element.children} - {"LI", "Caption", "L"})
            if strays:
                report("PDFUA-7.6-list-structure", f"a list holds {strays} besides LI", where)
        elif kind == "LI":
            strays = sorted({resolve(c.type) for c in element.children} - {"Lbl", "LBody"})
            if strays:
                report("PDFUA-7.6-list-structure", f"a list item holds {strays} besides Lbl and LBody", where)
        elif kind == "Note":
            note_id = str(element.obj.get("/ID", ""))
            if not note_id or note_id in note_ids:
                report("PDFUA-7.9-note-id", "a Note has no /ID, or one another Note has", where)
            note_ids.add(note_id)
