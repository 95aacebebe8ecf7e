"""A table's structure elements (ISO 32000-1 14.8.4.3.4, 14.8.5.7; ISO 14289-1 7.5).

``Table`` holds a ``Caption``, then ``THead`` with the header rows and ``TBody`` with the
rest (a table with no header rows, or only header rows, has its ``TR`` straight under
``Table``: a ``THead`` needs a ``TBody``, ISO 14289-1 via veraPDF 7.2-14); each ``TR``
holds the ``TH`` and ``TD`` cells that begin in that row. Attributes of the Table owner:

- ``Scope`` on every ``TH``: ``Column``, ``Row`` or ``Both``, as the tree says what it labels;
- ``ColSpan`` and ``RowSpan`` on a cell spanning more than one column or row;
- where the headers are irregular (``tables.tree.irregular``: several header rows, or a
  header cell that spans), every ``TH`` has an ``/ID`` and every cell a ``Headers`` array
  naming its header cells (``tables.tree.headers_of``);
- ``Summary`` on the ``Table`` when the tree gives one (a table the record gives no header).

Languages: the ``Caption`` has the caption's ``/Lang`` when it is not the document's. A
summary in another language than the document's (English words in a Slovak briefing) is
the ``Table``'s own text, so the ``Table`` takes the summary's ``/Lang`` and each of its
children the language of what it holds, the caption's or the document's (ISO 32000-1
14.9.2: a structure element's language holds for its text, attributes included, except where
an element inside it says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter import document as doc
from exporter.tables.grid import Grid
from exporter.tables.tree import headers_of, irregular
from exporter.writers.pdf.tagging.structure import AttributeValue, StructElem, TextString

SCOPES = {"column": "Column", "row": "Row", "both": "Both"}


@dataclass(frozen=True)
class TaggedTable:
    table: StructElem
    caption: StructElem
    cells: list[StructElem]  # one per cell, in the order of grid.placed


def tag_table(
    parent: StructElem, table: doc.Table, grid: Grid[doc.Cell], prefix: str, language: str
) -> TaggedTable:
    """The elements of ``table``, laid out as ``grid``; ``prefix`` makes its cells' /IDs
    unique in the document, ``language`` is the document's."""
    attributes: dict[str, AttributeValue] | None = None
    summary = doc.plain_text(table.summary).strip()
    if summary:
        attributes = {"O": "Table", "Summary": TextString(summary)}
    # the language of the Table's children, when the Table itself takes the summary's
    inner = (language or None) if summary and table.summary_lang else None
    element = parent.child("Table", attributes=attributes, lang=table.summary_lang if summary else None)
    caption = element.child("Caption", lang=table.caption_lang or inner)
    head = len(table.head)
    explicit = irregular(table, grid)
    ids = (
        {id(p): f"{prefix}-r{p.row + 1}c{p.column + 1}" for p in grid.placed if p.cell.scope}
        if explicit
        else {}
    )
    groups = {}
    if head and grid.rows > head:  # a THead needs a TBody beside it (veraPDF 7.2-14)
        groups = {"head": element.child("THead", lang=inner), "body": element.child("TBody", lang=inner)}
    rows: list[StructElem] = []
    for row in range(grid.rows):
        group = groups.get("head" if row < head else "body")
        rows.append(group.child("TR") if group is not None else element.child("TR", lang=inner))
    cells = []
    for here in grid.placed:
        cell_attributes: dict[str, AttributeValue] = {"O": "Table"}
        if here.cell.scope:
            cell_attributes["Scope"] = SCOPES.get(here.cell.scope, "Column")
        if here.colspan > 1:
            cell_attributes["ColSpan"] = here.colspan
        if here.rowspan > 1:
            cell_attributes["RowSpan"] = here.rowspan
        if explicit:
            headers = tuple(ids[id(h)] for h in headers_of(here, grid) if id(h) in ids)
            if headers:
                cell_attributes["Headers"] = headers
        kind = "TH" if here.cell.scope else "TD"
        attributes_or_none = cell_attributes if len(cell_attributes) > 1 else None
        cells.append(rows[here.row].child(kind, attributes=attributes_or_none, element_id=ids.get(id(here))))
    return TaggedTable(element, caption, cells)
