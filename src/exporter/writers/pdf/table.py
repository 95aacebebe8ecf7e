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

from collections.abc import Callable, Sequence
from dataclasses import replace

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from exporter.tables.widths import column_widths
from exporter.writers.pdf.table_cells import Box
from exporter.writers.pdf.tagging.marked import Tagger

PADDING = 5.0
RULE_COLOUR = "#505A5F"
HEADER_SHADE = "#F3F2F1"  # when the style gives none
REPEAT_LIMIT = 1 / 3  # header rows taller than this share of the frame are not repeated
_EPSILON = 1e-6


class _Layout:
    """A table's cells with their rows, measured once for a width; parts of the table that
    break over pages are windows onto it (``TableBlock``), so a long table is measured once,
    not once for each page it runs onto."""

    def __init__(
        self,
        boxes: list[Box],
        rows: int,
        columns: int,
        header_rows: int,
        given: Sequence[float] | None,
        widths: list[float] | None = None,
    ) -> None:
        self.boxes = boxes
        self.rows = rows
        self.columns = columns
        # a part cut inside the header rows (the first of them taller than a page) holds fewer
        # rows than the table has header rows
        self.header_rows = min(header_rows, rows)
        self.given = given
        self.widths = widths
        self.by_row: list[list[Box]] = [[] for _ in range(rows)]
        for box in boxes:
            self.by_row[box.row].append(box)
        # rows a cell spans across the top of: the table cannot break before them
        self.crossed = {r for box in boxes if box.rowspan > 1 for r in range(box.row + 1, box.end)}
        self.heights: list[float] = []
        self.tops: list[float] = []  # tops[r]: the height of rows 0..r-1
        self._measured_width: float | None = None
        self._artifacts: list[Box] | None = None

    def column_widths(self, width: float) -> list[float]:
        if self.widths is None or abs(sum(self.widths) - width) > 0.01:
            found = column_widths(
                self.columns,
                ((range(box.column, box.column + box.colspan), box) for box in self.boxes),
                width,
                lambda box: box.content.measure()[0] + 2 * PADDING,
                lambda box: box.content.measure()[1] + 2 * PADDING,
                self.given,
            )
            self.widths = found.columns
        return self.widths

    def inner(self, box: Box, width: float) -> float:
        widths = self.column_widths(width)
        return sum(widths[box.column : box.column + box.colspan]) - 2 * PADDING

    def measure(self, width: float) -> None:
        """Row heights: a row as tall as its tallest cell; a cell spanning rows that needs
        more than they have makes the last of them taller."""
        if self._measured_width is not None and abs(self._measured_width - width) < 0.01:
            return
        heights = [2 * PADDING] * self.rows
        spanning = []
        for box in self.boxes:
            need = box.content.height(self.inner(box, width)) + 2 * PADDING
            if box.rowspan == 1:
                heights[box.row] = max(heights[box.row], need)
            else:
                spanning.append((box, need))
        for box, need in sorted(spanning, key=lambda item: item[0].rowspan):
            have = sum(heights[box.row : box.end])
            if need > have:
                heights[box.end - 1] += need - have
        self.heights = heights
        self.tops = [0.0]
        for height in heights:
            self.tops.append(self.tops[-1] + height)
        self._measured_width = width

    def artifacts(self) -> list[Box]:
        """The header rows again, as page furniture: drawn atop each following page, heard once."""
        if self._artifacts is None:
            self._artifacts = [
                replace(box, content=box.content.as_artifact())
                for row in self.by_row[: self.header_rows]
                for box in row
            ]
        return self._artifacts


class TableBlock(Flowable):
    """Rows ``start`` to ``end`` of a table, below its header rows drawn again as furniture
    when ``repeated`` (a part after a page break)."""

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
        header_fill: str = HEADER_SHADE,
        layout: _Layout | None = None,
        start: int = 0,
        end: int | None = None,
        repeated: bool = False,
        repeat: bool = True,
    ) -> None:
        super().__init__()
        self.layout = layout or _Layout(boxes, rows, columns, header_rows, given)
        self.start = start
        self.end = self.layout.rows if end is None else end
        self.repeated = repeated  # the header rows drawn again at the top
        self.repeat = repeat  # header rows are repeated after a page break
        self.max_height = max_height  # the frame's height
        self.on_unrepeated = on_unrepeated
        self.header_fill = header_fill  # '#RRGGBB', the style's table_header_background

    # --- measuring ---------------------------------------------------------------

    def _measure(self, width: float) -> None:
        layout = self.layout
        layout.measure(width)
        head = layout.tops[layout.header_rows]
        if self.repeat and layout.header_rows and head > self.max_height * REPEAT_LIMIT:
            self.repeat = False
            if self.on_unrepeated is not None:
                self.on_unrepeated()
                self.on_unrepeated = None

    def _head_height(self) -> float:
        return self.layout.tops[self.layout.header_rows] if self.repeated else 0.0

    def _span_height(self, start: int, end: int) -> float:
        return self.layout.tops[end] - self.layout.tops[start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._measure(availWidth)
        self.width = availWidth
        self.height = self._head_height() + self._span_height(self.start, self.end)
        return availWidth, self.height

    # --- breaking over pages -------------------------------------------------------

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._measure(availWidth)
        layout = self.layout
        head = self._head_height()
        if head + self._span_height(self.start, self.end) <= availHeight + _EPSILON:
            return [self]
        # what each page of this part must hold first: the header rows, when they repeat
        sticky = self.repeat and layout.header_rows > 0 and (self.repeated or self.start == 0)
        fixed = layout.tops[layout.header_rows] if sticky else 0.0
        first_row = layout.header_rows if sticky and self.start == 0 else self.start
        best = 0
        for row in range(first_row + 1, self.end):
            if head + self._span_height(self.start, row) > availHeight + _EPSILON:
                break
            if row not in layout.crossed:
                best = row
        if best:
            return [self._part(self.start, best, self.repeated), self._part(best, self.end, self.repeat)]
        band_end = next((r for r in range(first_row + 1, self.end) if r not in layout.crossed), self.end)
        fresh = availHeight >= self.max_height - _EPSILON
        if not fresh and fixed + self._span_height(first_row, band_end) <= self.max_height + _EPSILON:
            return []  # the first band fits on the next page: let it go there whole
        room = availHeight - fixed
        if not fresh and room < 3 * self._smallest_leading() + 2 * PADDING:
            return []  # too little room to start a band that needs pages of its own
        return self._split_inside(first_row, room, availWidth)

    def _smallest_leading(self) -> float:
        return min((b.style.leading for box in self.layout.boxes for b in box.content.blocks), default=12.0)

    def _part(self, start: int, end: int, repeated: bool, layout: _Layout | None = None) -> TableBlock:
        return TableBlock(
            [],
            0,
            0,
            0,
            max_height=self.max_height,
            header_fill=self.header_fill,
            layout=layout or self.layout,
            start=start,
            end=end,
            repeated=repeated,
            repeat=self.repeat,
        )

    def _split_inside(self, first_row: int, room: float, width: float) -> list[Flowable]:
        """Break within the rows, ``room`` points below the top of ``first_row`` (under the
        header rows that stay on this page): cells across the break keep the lines that fit
        and carry the rest to the next part. Each part gets a layout of its own, which keeps
        the header rows at its top, to draw them or not."""
        layout = self.layout
        at = layout.tops[first_row] + room  # the break, from the top of the layout
        row = next(r for r in range(first_row, self.end) if layout.tops[r + 1] > at + _EPSILON)
        if row > first_row and at - layout.tops[row] < 2 * PADDING + self._smallest_leading():
            row -= 1  # too close to the row's top for a line: break in the row above
        above: list[Box] = []
        below: list[Box] = []
        for here in range(self.start, self.end):
            for box in layout.by_row[here]:
                if box.row < first_row or box.end <= row:
                    above.append(box)
                elif box.row > row:
                    below.append(box)
                else:
                    inner = layout.inner(box, width)
                    top, tail = box.content.split(inner, at - layout.tops[box.row] - 2 * PADDING)
                    above.append(replace(box, content=top, rowspan=row - box.row + 1))
                    below.append(replace(box, content=tail, row=row, rowspan=box.end - row))
        header = [box for r in range(layout.header_rows) for box in layout.by_row[r]]
        offset = layout.header_rows
        if self.start == 0:  # the header rows are this part's own
            first = self._layout(above, row + 1)
            first_start = 0
        else:
            first = self._layout(header + [replace(b, row=b.row - self.start + offset) for b in above], 0)
            first_start = offset
        rest = self._layout(header + [replace(b, row=b.row - row + offset) for b in below], 0)
        return [
            self._part(first_start, first.rows, self.repeated, first),
            self._part(offset, rest.rows, self.repeat, rest),
        ]

    def _layout(self, boxes: list[Box], rows: int) -> _Layout:
        """A layout for a part made by breaking inside rows, with this table's columns."""
        rows = max([rows, *(box.end for box in boxes)])
        layout = _Layout(boxes, rows, self.layout.columns, self.layout.header_rows, self.layout.given)
        layout.widths = self.layout.widths
        layout._artifacts = self.layout.artifacts()
        return layout

    # --- drawing -------------------------------------------------------------------

    def _placed(self) -> list[tuple[Box, int]]:
        """The boxes this part draws, each with its row in the part."""
        layout = self.layout
        placed: list[tuple[Box, int]] = []
        if self.repeated:
            placed.extend((box, box.row) for box in layout.artifacts())
        shift = (layout.header_rows if self.repeated else 0) - self.start
        for row in range(self.start, self.end):
            placed.extend((box, row + shift) for box in layout.by_row[row])
        return placed

    def _row_heights(self) -> list[float]:
        layout = self.layout
        head = layout.heights[: layout.header_rows] if self.repeated else []
        return [*head, *layout.heights[self.start : self.end]]

    def draw(self) -> None:
        canvas = self.canv
        if canvas.measuring:  # a layout pass that only finds where headings fall draws nothing
            return
        tagger: Tagger = canvas.tagger
        widths = self.layout.column_widths(self.width)
        heights = self._row_heights()
        lefts = [sum(widths[:column]) for column in range(self.layout.columns + 1)]
        tops = [self.height]
        for height in heights:
            tops.append(tops[-1] - height)
        placed = self._placed()
        if not getattr(canvas, "measuring", False):  # a pass that only finds where headings fall
            self._draw_furniture(tagger, placed, lefts, tops)
        for box, row in placed:
            inner = sum(widths[box.column : box.column + box.colspan]) - 2 * PADDING
            box.content.draw(canvas, lefts[box.column] + PADDING, tops[row] - PADDING, inner)

    def _draw_furniture(
        self, tagger: Tagger, placed: list[tuple[Box, int]], lefts: list[float], tops: list[float]
    ) -> None:
        canvas = self.canv
        canvas._code.append(tagger.begin_artifact())
        canvas.saveState()
        canvas.setFillColor(HexColor(self.header_fill))
        for box, row in placed:
            if box.shaded:
                x0, x1 = lefts[box.column], lefts[box.column + box.colspan]
                y0, y1 = tops[row + box.rowspan], tops[row]
                canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
        canvas.setStrokeColor(HexColor(RULE_COLOUR))
        canvas.setLineWidth(0.75)
        canvas.line(0, self.height, self.width, self.height)
        canvas.line(0, 0, 0, self.height)
        for box, row in placed:  # each cell's right and bottom edges: merged cells show merged
            x0, x1 = lefts[box.column], lefts[box.column + box.colspan]
            y0, y1 = tops[row + box.rowspan], tops[row]
            canvas.line(x1, y0, x1, y1)
            canvas.line(x0, y0, x1, y0)
        canvas.restoreState()
        canvas._code.append(tagger.end_artifact())
