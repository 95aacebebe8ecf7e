"""A table cell's content and place, as the PDF table lays them out (``table.py``).

``CellContent`` stacks a cell's paragraphs (one TextBlock each) and breaks them between
lines where a row must break; ``Box`` is a cell where it sits in a table or a part of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from exporter.writers.pdf.flowables import TextBlock

PARAGRAPH_GAP = 0.4  # between the paragraphs of a cell, in lines of text
_EPSILON = 1e-6
_SPACES = re.compile(r"( +)")


class CellContent:
    """A cell's paragraphs, one TextBlock each, stacked."""

    def __init__(self, blocks: list[TextBlock]) -> None:
        self.blocks = blocks
        self._measured: tuple[float, float] | None = None

    def _gap(self) -> float:
        return self.blocks[0].style.size * PARAGRAPH_GAP if self.blocks else 0.0

    def height(self, width: float) -> float:
        heights = [block.wrap(width, 1e9)[1] for block in self.blocks]
        filled = [h for h in heights if h > 0]
        return sum(filled) + self._gap() * max(len(filled) - 1, 0)

    def split(self, width: float, room: float) -> tuple[CellContent, CellContent]:
        """The lines that fit in ``room`` points, and the rest."""
        head: list[TextBlock] = []
        used = 0.0
        for index, block in enumerate(self.blocks):
            height = block.wrap(width, 1e9)[1]
            if used + height <= room + _EPSILON:
                head.append(block)
                used += height + (self._gap() if height else 0.0)
                continue
            fitting = max(int((room - used + _EPSILON) // block.style.leading), 0)
            first, rest = block.split_lines(width, fitting)
            head.append(first)
            return CellContent(head), CellContent([rest, *self.blocks[index + 1 :]])
        return CellContent(head), CellContent([])

    def as_artifact(self) -> CellContent:
        return CellContent([block.as_artifact() for block in self.blocks])

    def measure(self) -> tuple[float, float]:
        """(longest word, widest paragraph set on one line), in points."""
        if self._measured is None:
            self._measured = self._measure()
        return self._measured

    def _measure(self) -> tuple[float, float]:
        longest, widest = 0.0, 0.0
        for block in self.blocks:
            word, line = 0.0, 0.0
            for run in block.runs:
                for part in _SPACES.split(run.text):
                    if not part:
                        continue
                    width = run.widths.width(part, run.face, run.size)
                    line += width
                    if part[0] == " ":
                        longest, word = max(longest, word), 0.0
                    else:
                        word += width
            longest, widest = max(longest, word), max(widest, line + block.style.indent)
        return longest, widest

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        for block in self.blocks:
            height = block.wrap(width, 1e9)[1]
            block.drawOn(canvas, x, top - height)
            if height:
                top -= height + self._gap()


@dataclass(frozen=True)
class Box:
    """A cell where it sits in this part of the table (0-based row and column)."""

    content: CellContent
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    shaded: bool = False  # a column header: drawn on the header shade

    @property
    def end(self) -> int:
        return self.row + self.rowspan
