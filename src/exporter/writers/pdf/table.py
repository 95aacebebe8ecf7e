"""A table flowable whose cells are tagged TextBlocks (TH with /Scope /Column, TD).

Rows never split; a table split over pages repeats its header row on the next page, drawn
as an artifact so that a screen reader hears the header cells once. Rules and the header
shading are artifacts too.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from exporter.writers.pdf.flowables import TextBlock
from exporter.writers.pdf.tagging.marked import Tagger

PADDING = 5.0
RULE_COLOUR = "#505A5F"
HEADER_SHADE = "#F3F2F1"  # when the style gives none


class TableBlock(Flowable):
    def __init__(
        self,
        header: list[TextBlock],
        rows: list[list[TextBlock]],
        fractions: list[float],
        *,
        max_height: float = 1e9,
        repeated_header: bool = False,
        header_fill: str = HEADER_SHADE,
    ) -> None:
        super().__init__()
        self.max_height = max_height  # the frame's height: a taller row must split
        self.header = header
        self.rows = rows
        self.fractions = fractions
        self.repeated_header = repeated_header
        self.header_fill = header_fill  # '#RRGGBB', the style's table_header_background
        self._row_heights: list[float] = []
        self._column_widths: list[float] = []

    def _measure(self, width: float) -> None:
        self._column_widths = [width * fraction for fraction in self.fractions]
        self._row_heights = []
        for row in [self.header, *self.rows]:
            heights = [
                cell.wrap(column - 2 * PADDING, 1e9)[1]
                for cell, column in zip(row, self._column_widths, strict=False)
            ]
            self._row_heights.append(max(heights, default=0.0) + 2 * PADDING)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._measure(availWidth)
        self.width = availWidth
        self.height = sum(self._row_heights)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._measure(availWidth)
        used = self._row_heights[0]
        fitting = 0
        for height in self._row_heights[1:]:
            if used + height > availHeight + 1e-6:
                break
            used += height
            fitting += 1
        if fitting == len(self.rows):
            return [self]
        if fitting == 0:
            if self._row_heights[0] + self._row_heights[1] <= self.max_height:
                return []  # the row fits on a fresh page: let it move there whole
            return self._split_first_row(availHeight - self._row_heights[0])
        return [self._part(self.header, self.rows[:fitting]), self._rest(self.rows[fitting:])]

    def _part(
        self, header: list[TextBlock], rows: list[list[TextBlock]], repeated: bool = False
    ) -> TableBlock:
        return TableBlock(
            header,
            rows,
            self.fractions,
            max_height=self.max_height,
            repeated_header=repeated,
            header_fill=self.header_fill,
        )

    def _rest(self, rows: list[list[TextBlock]]) -> TableBlock:
        return self._part([cell.as_artifact() for cell in self.header], rows, repeated=True)

    def _split_first_row(self, room: float) -> list[Flowable]:
        """A row taller than a page splits between lines; its cells keep their TD elements,
        and a cell with nothing left is an empty artifact on the next page."""
        heads: list[TextBlock] = []
        tails: list[TextBlock] = []
        for cell, column in zip(self.rows[0], self._column_widths, strict=False):
            parts = cell.split(column - 2 * PADDING, room - 2 * PADDING)
            if not parts:
                return []
            heads.append(parts[0])
            tails.append(parts[1] if len(parts) > 1 else TextBlock([], None, cell.style))
        return [self._part(self.header, [heads]), self._rest([tails, *self.rows[1:]])]

    def draw(self) -> None:
        canvas = self.canv
        if canvas.measuring:  # a layout pass that only finds where headings fall draws nothing
            return
        tagger: Tagger = canvas.tagger
        self._draw_furniture(tagger)
        top = self.height
        for row, height in zip([self.header, *self.rows], self._row_heights, strict=False):
            x = 0.0
            for cell, column in zip(row, self._column_widths, strict=False):
                cell.wrap(column - 2 * PADDING, 1e9)
                cell.drawOn(canvas, x + PADDING, top - PADDING - cell.height)
                x += column
            top -= height

    def _draw_furniture(self, tagger: Tagger) -> None:
        canvas = self.canv
        canvas._code.append(tagger.begin_artifact())
        canvas.saveState()
        canvas.setFillColor(HexColor(self.header_fill))
        header_height = self._row_heights[0]
        canvas.rect(0, self.height - header_height, self.width, header_height, stroke=0, fill=1)
        canvas.setStrokeColor(HexColor(RULE_COLOUR))
        canvas.setLineWidth(0.75)
        y = self.height
        for height in [0.0, *self._row_heights]:
            y -= height
            canvas.line(0, y, self.width, y)
        x = 0.0
        for column in [0.0, *self._column_widths]:
            x += column
            canvas.line(x, 0, x, self.height)
        canvas.restoreState()
        canvas._code.append(tagger.end_artifact())
