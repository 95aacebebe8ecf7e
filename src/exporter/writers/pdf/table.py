"""A table flowable: cells drawn merged over the slots they span, tagged TH/TD by the writer.

Layout, in points:

- column widths from content (``exporter.tables.widths``): no column narrower than its
  longest word, the rest shared by how much text each column holds, or as the tree gives;
- a row is as tall as its tallest cell; a cell spanning rows that needs more height than
  its rows have makes the last of them taller;
- a page breaks between rows where no cell spans across the break; the header rows are
  repeated at the top of each following page, drawn as artifacts so that a screen reader
  hears them once, unless together they take more than a third of the frame: then they are
  not repeated (``on_unrepeated`` is told) and break like body rows;
- a band of rows too tall for a page (one tall row, or rows joined by a span) breaks
  between lines of text, each cell keeping its element on both pages.

Rules and the header shading are artifacts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from exporter.tables.widths import column_widths
from exporter.writers.pdf.flowables import TextBlock
from exporter.writers.pdf.fonts import string_width
from exporter.writers.pdf.tagging.marked import Tagger

PADDING = 5.0
RULE_COLOUR = "#505A5F"
HEADER_SHADE = "#F3F2F1"  # when the style gives none
REPEAT_LIMIT = 1 / 3  # header rows taller than this share of the frame are not repeated
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
                    width = string_width(part, run.face, run.size)
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


class TableBlock(Flowable):
    def __init__(
        self,
        boxes: list[Box],
        rows: int,
        columns: int,
        header_rows: int,
        *,
        given: Sequence[float] | None = None,
        max_height: float = 1e9,
        on_unrepeated: Callable[[], None] | None = None,
        repeat: bool = True,
        widths: list[float] | None = None,
        header_fill: str = HEADER_SHADE,
    ) -> None:
        super().__init__()
        self.boxes = boxes
        self.rows = rows
        self.columns = columns
        self.header_rows = header_rows  # the leading rows repeated on each page
        self.given = given
        self.max_height = max_height  # the frame's height
        self.on_unrepeated = on_unrepeated
        self.repeat = repeat
        self._widths = widths
        self.header_fill = header_fill  # '#RRGGBB', the style's table_header_background
        self._row_heights: list[float] = []

    # --- measuring ---------------------------------------------------------------

    def _column_widths(self, width: float) -> list[float]:
        if self._widths is None or abs(sum(self._widths) - width) > 0.01:
            found = column_widths(
                self.columns,
                ((range(box.column, box.column + box.colspan), box) for box in self.boxes),
                width,
                lambda box: box.content.measure()[0] + 2 * PADDING,
                lambda box: box.content.measure()[1] + 2 * PADDING,
                self.given,
            )
            self._widths = found.columns
        return self._widths

    def _inner(self, box: Box, widths: list[float]) -> float:
        return sum(widths[box.column : box.column + box.colspan]) - 2 * PADDING

    def _measure(self, width: float) -> None:
        widths = self._column_widths(width)
        heights = [2 * PADDING] * self.rows
        spanning = []
        for box in self.boxes:
            need = box.content.height(self._inner(box, widths)) + 2 * PADDING
            if box.rowspan == 1:
                heights[box.row] = max(heights[box.row], need)
            else:
                spanning.append((box, need))
        for box, need in sorted(spanning, key=lambda item: item[0].rowspan):
            have = sum(heights[box.row : box.end])
            if need > have:
                heights[box.end - 1] += need - have
        self._row_heights = heights
        head = sum(heights[: self.header_rows])
        if self.repeat and self.header_rows and head > self.max_height * REPEAT_LIMIT:
            self.repeat = False
            if self.on_unrepeated is not None:
                self.on_unrepeated()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._measure(availWidth)
        self.width = availWidth
        self.height = sum(self._row_heights)
        return availWidth, self.height

    # --- breaking over pages -------------------------------------------------------

    def _sticky(self) -> int:
        return self.header_rows if self.repeat else 0

    def _clean_break(self, row: int) -> bool:
        """Whether the table can break before ``row``: no cell spans across it."""
        return not any(box.row < row < box.end for box in self.boxes)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._measure(availWidth)
        heights = self._row_heights
        if sum(heights) <= availHeight + _EPSILON:
            return [self]
        sticky = self._sticky()
        best, used = 0, 0.0
        for row in range(1, self.rows):
            used += heights[row - 1]
            if used > availHeight + _EPSILON:
                break
            if row > sticky and self._clean_break(row):
                best = row
        if best:
            return [self._first(best), self._rest(best)]
        band_end = next(row for row in range(sticky + 1, self.rows + 1) if self._clean_break(row))
        band = (
            sum(heights[:band_end]) if not sticky else sum(heights[:sticky]) + sum(heights[sticky:band_end])
        )
        fresh = availHeight >= self.max_height - _EPSILON
        if not fresh and band <= self.max_height + _EPSILON:
            return []  # the first band fits on the next page: let it go there whole
        room = availHeight - sum(heights[:sticky])
        if not fresh and room < 3 * self._smallest_leading() + 2 * PADDING:
            return []  # too little room to start a band that needs pages of its own
        return self._split_inside(room, availWidth)

    def _smallest_leading(self) -> float:
        return min((b.style.leading for box in self.boxes for b in box.content.blocks), default=12.0)

    def _part(self, boxes: list[Box], rows: int, header_rows: int) -> TableBlock:
        return TableBlock(
            boxes,
            rows,
            self.columns,
            header_rows,
            given=self.given,
            max_height=self.max_height,
            repeat=self.repeat,
            widths=self._widths,
            header_fill=self.header_fill,
        )

    def _first(self, end: int) -> TableBlock:
        return self._part([box for box in self.boxes if box.row < end], end, self.header_rows)

    def _repeated(self) -> list[Box]:
        """The header rows again, as page furniture, for the top of the next part."""
        sticky = self._sticky()
        return [replace(box, content=box.content.as_artifact()) for box in self.boxes if box.row < sticky]

    def _rest(self, start: int) -> TableBlock:
        sticky = self._sticky()
        shift = start - sticky
        moved = [replace(box, row=box.row - shift) for box in self.boxes if box.row >= start]
        return self._part(self._repeated() + moved, self.rows - shift, sticky)

    def _split_inside(self, room: float, width: float) -> list[Flowable]:
        """Break within the rows at ``room`` points below the repeated header: cells across
        the break keep the lines that fit and carry the rest to the next part."""
        heights, sticky = self._row_heights, self._sticky()
        widths = self._column_widths(width)
        tops = [sum(heights[:row]) for row in range(self.rows + 1)]
        at = tops[sticky] + room  # the break, from the table's top
        row = next(r for r in range(sticky, self.rows) if tops[r + 1] > at + _EPSILON)
        if row > sticky and at - tops[row] < 2 * PADDING + self._smallest_leading():
            row -= 1  # too close to the row's top for a line: break in the row above
        first: list[Box] = []
        rest: list[Box] = []
        for box in self.boxes:
            if box.end <= row or box.row < sticky:
                first.append(box)
            elif box.row > row:
                rest.append(replace(box, row=box.row - row + sticky))
            else:
                inner = self._inner(box, widths)
                head, tail = box.content.split(inner, at - tops[box.row] - 2 * PADDING)
                first.append(replace(box, content=head, rowspan=row - box.row + 1))
                rest.append(replace(box, content=tail, row=sticky, rowspan=box.end - row))
        return [
            self._part(first, row + 1, self.header_rows),
            self._part(self._repeated() + rest, self.rows - row + sticky, sticky),
        ]

    # --- drawing -------------------------------------------------------------------

    def draw(self) -> None:
        canvas = self.canv
        tagger: Tagger = canvas.tagger
        widths = self._column_widths(self.width)
        lefts = [sum(widths[:column]) for column in range(self.columns + 1)]
        tops = [self.height - sum(self._row_heights[:row]) for row in range(self.rows + 1)]
        self._draw_furniture(tagger, lefts, tops)
        for box in sorted(self.boxes, key=lambda b: (b.row, b.column)):
            box.content.draw(
                canvas, lefts[box.column] + PADDING, tops[box.row] - PADDING, self._inner(box, widths)
            )

    def _draw_furniture(self, tagger: Tagger, lefts: list[float], tops: list[float]) -> None:
        canvas = self.canv
        canvas._code.append(tagger.begin_artifact())
        canvas.saveState()
        canvas.setFillColor(HexColor(self.header_fill))
        for box in self.boxes:
            if box.shaded:
                x0, x1 = lefts[box.column], lefts[box.column + box.colspan]
                canvas.rect(x0, tops[box.end], x1 - x0, tops[box.row] - tops[box.end], stroke=0, fill=1)
        canvas.setStrokeColor(HexColor(RULE_COLOUR))
        canvas.setLineWidth(0.75)
        canvas.line(0, self.height, self.width, self.height)
        canvas.line(0, 0, 0, self.height)
        for box in self.boxes:  # each cell's right and bottom edges: merged cells show merged
            x0, x1 = lefts[box.column], lefts[box.column + box.colspan]
            y0, y1 = tops[box.end], tops[box.row]
            canvas.line(x1, y0, x1, y1)
            canvas.line(x0, y0, x1, y0)
        canvas.restoreState()
        canvas._code.append(tagger.end_artifact())
