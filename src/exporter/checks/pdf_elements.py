"""Rules about what structure elements contain: figures, tables, lists and notes.

Each rule looks at one element and its element kids, after role mapping; ids follow the
ISO 14289-1 clause (7.3 figures, 7.5 tables in exporter.checks.pdf_tables, 7.6 lists, 7.9
notes), as in exporter.checks.pdf.
"""

from __future__ import annotations

from collections.abc import Callable

from exporter.checks.pdf_structure import Element
from exporter.checks.pdf_tables import TABLE_RULES, Report, check_table

ELEMENT_RULES: dict[str, str] = {
    "PDFUA-7.3-figure-alt": "every Figure has /Alt or /ActualText",
    **TABLE_RULES,
    "PDFUA-7.6-list-structure": "L holds LI (or Caption, L); LI holds Lbl and LBody",
    "PDFUA-7.9-note-id": "every Note has a unique /ID",
}


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
            check_table(element, resolve, report, where)
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
