"""Word table layout: column widths from content for a table written out without spans.

Word lays a fixed-layout table (``w:tblLayout fixed``) out on its ``w:tblGrid``, so the
widths are settled here: no column narrower than its longest word (measured with Arial's
metrics, which are Helvetica's, in ReportLab's font tables, scaled to the style's Word font
by ``measure.width_scale``, with a small margin), the rest shared by how much text each
column holds (``exporter.tables.widths``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from exporter import document as d
from exporter.tables.grid import lay_out
from exporter.tables.widths import column_widths
from exporter.tables.written_out import WrittenOut

CELL_MARGINS = 2 * 108  # twips: the left and right cell margins of our table styles
FONT_MARGIN = 1.05  # Word's own rounding of text widths, and fonts whose average misleads


@dataclass(frozen=True)
class _Measured:
    text: str
    bold: bool
    colspan: int = 1
    rowspan: int = 1


def _twips(text: str, bold: bool, size: float, scale: float) -> float:
    face = "Helvetica-Bold" if bold else "Helvetica"
    return stringWidth(text, face, size) * 20 * scale * FONT_MARGIN


def column_twips(
    table: WrittenOut, total: int, size: float, scale: float = 1.0, given: Sequence[float] | None = None
) -> list[int]:
    """Widths in twips of the written-out table's columns, summing to ``total``; ``size`` is
    the text size in points, ``scale`` the Word font's width against Arial's, ``given`` the
    tree's relative widths, if any."""
    rows: list[list[_Measured]] = []
    if table.header is not None:
        rows.append([_Measured(d.plain_text(label), True) for label in table.header])
    for slots in table.rows:
        rows.append([_Measured(d.cell_text(slot.cell) if slot else "", False) for slot in slots])
    grid = lay_out(rows)
    if grid.columns != table.columns:  # a table of empty rows: nothing to measure
        return _exact([total / max(table.columns, 1)] * table.columns, total)

    def longest_word(cell: _Measured) -> float:
        words = cell.text.split()
        return max((_twips(word, cell.bold, size, scale) for word in words), default=0.0) + CELL_MARGINS

    def one_line(cell: _Measured) -> float:
        return _twips(cell.text, cell.bold, size, scale) + CELL_MARGINS

    cells = ((p.columns, p.cell) for p in grid.placed)
    widths = column_widths(grid.columns, cells, float(total), longest_word, one_line, given)
    return _exact(widths.columns, total)


def _exact(widths: list[float], total: int) -> list[int]:
    """Whole twips that add up to ``total`` exactly (the last column takes the rounding)."""
    rounded = [round(w) for w in widths]
    if rounded:
        rounded[-1] += total - sum(rounded)
    return rounded
