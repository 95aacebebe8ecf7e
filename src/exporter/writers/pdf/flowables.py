"""Platypus flowables that know their structure element and tag what they draw.

A TextBlock owns the element of its block (P, H2, TH, Caption, TOCI ...); each run may
name an inline element of its own (Link, Span, Reference, Lbl). Drawing opens one
marked-content sequence per change of owner, inside the text object so that no sequence
crosses BT/ET; underlines and rules are drawn outside it as artifacts. Split parts share
their element, so a paragraph across two pages is one P with kids on both pages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from exporter.writers.pdf.lines import Line, LinkTarget, Piece, Run, break_lines, run_width
from exporter.writers.pdf.tagging.emit import LinkAnnotation, uri_action
from exporter.writers.pdf.tagging.marked import Tagger
from exporter.writers.pdf.tagging.structure import StructElem

if TYPE_CHECKING:
    from exporter.writers.pdf.page import TaggedCanvas


@dataclass(frozen=True)
class OutlineEntry:
    """A heading's bookmark: the outline follows the headings."""

    title: str
    anchor: str
    level: int  # 1-based heading level


@dataclass(frozen=True)
class BlockStyle:
    size: float
    leading: float
    indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    measure: int = 0  # the most characters a line holds; 0: no limit but the width


def _tagger(canvas: Canvas) -> Tagger:
    return cast("TaggedCanvas", canvas).tagger


class TextBlock(Flowable):
    def __init__(
        self,
        runs: list[Run],
        element: StructElem | None,
        style: BlockStyle,
        *,
        label: Run | None = None,
        outline: OutlineEntry | None = None,
        destinations: tuple[str, ...] = (),
        keep_with_next: bool = False,
        lines: list[Line] | None = None,
        artifact: bool = False,
    ) -> None:
        super().__init__()
        self.runs = runs
        self.element = element
        self.style = style
        self.label = label
        self.outline = outline
        self.destinations = destinations
        self.keepWithNext = keep_with_next
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.artifact = artifact or element is None
        self._fixed_lines = lines
        self._lines: dict[float, list[Line]] = {}  # broken once per width (points)

    def _part(self, lines: list[Line], first: bool) -> TextBlock:
        style = replace(
            self.style,
            space_before=self.style.space_before if first else 0.0,
            space_after=0.0 if first else self.style.space_after,
        )
        return TextBlock(
            self.runs,
            self.element,
            style,
            label=self.label if first else None,
            outline=self.outline if first else None,
            destinations=self.destinations if first else (),
            lines=lines,
            artifact=self.artifact,
        )

    def split_lines(self, width: float, count: int) -> tuple[TextBlock, TextBlock]:
        """The first ``count`` lines and the rest, both drawn into this block's element, with
        no widow or orphan control: where a table row must break, its cells break with it."""
        lines = self.lines_for(width)
        return self._part(lines[:count], True), self._part(lines[count:], False)

    def as_artifact(self) -> TextBlock:
        """The same text drawn again as page furniture (a table's repeated header row)."""
        return TextBlock(self.runs, None, self.style, artifact=True)

    def lines_for(self, width: float) -> list[Line]:
        """The block's lines in a frame ``width`` points wide: broken once for each width
        asked (layout asks again and again, and both layout passes ask), or the lines this
        part of a split block was given."""
        if self._fixed_lines is not None:
            return self._fixed_lines
        lines = self._lines.get(width)
        if lines is None:
            lines = break_lines(self.runs, max(width - self.style.indent, 1.0), self.style.measure)
            self._lines[width] = lines
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines_for(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines_for(availWidth)
        fitting = int((availHeight + 1e-6) // self.style.leading)
        if fitting >= len(lines):
            return [self]
        # Keep at least two lines together on each side of a page break, where possible.
        if fitting < 2 or (len(lines) - fitting < 2 and fitting - 1 < 2):
            return []
        if len(lines) - fitting < 2:
            fitting -= 1
        return [self._part(lines[:fitting], True), self._part(lines[fitting:], False)]

    def draw(self) -> None:
        canvas = self.canv
        if cast("TaggedCanvas", canvas).measuring:  # a pass that only finds where headings fall
            for anchor in (*self.destinations, *((self.outline.anchor,) if self.outline else ())):
                canvas.bookmarkHorizontal(anchor, 0, self.height)
            return
        tagger = _tagger(canvas)
        page = canvas.getPageNumber() - 1
        style = self.style
        lines = self.lines_for(self.width)
        decorated = any(run.destination or run.underline or run.link is not None for run in self.runs)
        if not lines and not self.artifact and self.element is not None and self.element.type in ("TD", "TH"):
            self.element.attach()  # an empty table cell still takes its place in its row
        for anchor in self.destinations:
            canvas.bookmarkHorizontal(anchor, 0, self.height)
        if self.outline is not None:
            canvas.bookmarkHorizontal(self.outline.anchor, 0, self.height)
            canvas.addOutlineEntry(self.outline.title, self.outline.anchor, self.outline.level - 1, False)

        if self.artifact:
            canvas._code.append(tagger.begin_artifact())
        text = canvas.beginText()
        state = _TextState(text, tagger, page, self.element, self.artifact)
        # The baseline sits so that the line's extra leading is shared above and below.
        baseline_drop = (style.leading + style.size * 0.7) / 2
        for index, line in enumerate(lines):
            baseline = self.height - index * style.leading - baseline_drop
            if index == 0 and self.label is not None:
                label_width = _width(self.label)
                text.setTextOrigin(style.indent - label_width - style.size * 0.5, baseline)
                state.show(Piece(self.label.text, self.label, label_width))
            text.setTextOrigin(style.indent, baseline)
            pieces = line.pieces + line.trailing
            if pieces:  # consecutive pieces of one run are shown with one operator
                shown, texts = pieces[0].run, list[str]()
                for piece in pieces:
                    if piece.run is not shown:
                        state.show_text("".join(texts), shown)
                        shown, texts = piece.run, []
                    texts.append(piece.text)
                state.show_text("".join(texts), shown)
            if decorated:
                self._decorate(line, style.indent, baseline, state)
        state.close()
        canvas.drawText(text)
        if self.artifact:
            canvas._code.append(tagger.end_artifact())
        self._draw_underlines(state.underlines, tagger)
        if not self.artifact:  # a repeated header row's link is followed where it first appears
            self._annotate(_merge_spans(state.link_spans), tagger, page)

    def _decorate(self, line: Line, x: float, baseline: float, state: _TextState) -> None:
        """Where ``line``'s runs bind a destination, and its underlines and link rectangles,
        from ``x`` (points) on; spaces where the line breaks are neither underlined nor linked."""
        canvas = self.canv
        for at_break, pieces in ((False, line.pieces), (True, line.trailing)):
            for piece in pieces:
                run = piece.run
                if run.destination:
                    canvas.bookmarkHorizontal(run.destination, x, baseline + self.style.size)
                if not (at_break and piece.is_space):
                    if run.underline:
                        state.underlines.append((x, x + piece.width, baseline, run))
                    if run.link is not None:
                        state.link_spans.append((run.link, x, x + piece.width, baseline, run))
                x += piece.width

    def _draw_underlines(self, underlines: list[tuple[float, float, float, Run]], tagger: Tagger) -> None:
        if not underlines:
            return
        canvas = self.canv
        canvas._code.append(tagger.begin_artifact())
        canvas.saveState()
        for start, end, baseline, run in underlines:
            canvas.setStrokeColor(HexColor("#" + run.colour))
            canvas.setLineWidth(max(run.size / 16, 0.6))
            drop = run.size * 0.12 - run.rise
            canvas.line(start, baseline - drop, end, baseline - drop)
        canvas.restoreState()
        canvas._code.append(tagger.end_artifact())

    def _annotate(self, spans: list[Span], tagger: Tagger, page: int) -> None:
        """One annotation per line a link occupies, all in the link's one Link element."""
        canvas = self.canv
        for link, start, end, baseline, run in spans:
            x1, y1 = canvas.absolutePosition(start, baseline + run.rise - run.size * 0.3)
            x2, y2 = canvas.absolutePosition(end, baseline + run.rise + run.size * 0.95)
            annotation = LinkAnnotation((x1, y1, x2, y2), link.description)
            if link.internal:
                annotation.destination = canvas._bookmarkReference(link.target[1:])
            else:
                actions = canvas.uri_actions
                if id(link) not in actions:
                    actions[id(link)] = uri_action(canvas._doc, link.target)
                annotation.action = actions[id(link)]
            canvas.link_count += 1
            name = f"Link{canvas.link_count}"
            canvas._addAnnotation(annotation, name=name)
            if not self.artifact and link.element is not None:
                annotation.struct_parent = tagger.annotation(page, link.element, name)


def _width(run: Run) -> float:
    return run_width(run.text, run)


Span = tuple[LinkTarget, float, float, float, Run]


class _TextState:
    """What the text object has set so far, so that each operator is written only on change."""

    def __init__(
        self, text: PDFTextObject, tagger: Tagger, page: int, element: StructElem | None, artifact: bool
    ) -> None:
        self.text = text
        self.tagger = tagger
        self.page = page
        self.element = element
        self.artifact = artifact
        self.owner: StructElem | None = None
        self.font: tuple[str, float] | None = None
        self.colour: str | None = None
        self.rise = 0.0
        self.spacing = (0.0, 0.0)  # (Tc, Tw)
        self.underlines: list[tuple[float, float, float, Run]] = []
        self.link_spans: list[Span] = []

    def show(self, piece: Piece) -> None:
        self.show_text(piece.text, piece.run)

    def show_text(self, shown: str, run: Run) -> None:
        text = self.text
        owner = run.owner or self.element
        if not self.artifact and owner is not None and owner is not self.owner:
            if self.owner is not None:
                text._code.append(self.tagger.end())
            text._code.append(self.tagger.begin(self.page, owner))
            self.owner = owner
        if self.font != (run.face, run.size):
            text.setFont(run.face, run.size)
            self.font = (run.face, run.size)
        if self.colour != run.colour:
            text.setFillColor(HexColor("#" + run.colour))
            self.colour = run.colour
        if self.rise != run.rise:
            text.setRise(run.rise)
            self.rise = run.rise
        if self.spacing != (run.char_space, run.word_space):
            if self.spacing[0] != run.char_space:
                text.setCharSpace(run.char_space)
            if self.spacing[1] != run.word_space:
                text.setWordSpace(run.word_space)
            self.spacing = (run.char_space, run.word_space)
        text.textOut(shown)

    def close(self) -> None:
        if self.owner is not None:
            self.text._code.append(self.tagger.end())
            self.owner = None


def _merge_spans(
    spans: list[Span],
) -> list[Span]:
    """Join the pieces of one link on one line (words of a link) into one rectangle."""
    merged: list[Span] = []
    for span in spans:
        if merged:
            last = merged[-1]
            if last[0] is span[0] and last[3] == span[3] and abs(last[2] - span[1]) < 0.01:
                merged[-1] = (last[0], last[1], span[2], last[3], last[4])
                continue
        merged.append(span)
    return merged
