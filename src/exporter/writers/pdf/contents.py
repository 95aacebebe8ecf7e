"""Contents entries with the page each heading starts on, found by a second layout pass.

A page number is known only once the document is laid out, and the contents come before
most of the headings they list. ReportLab's ``multiBuild`` lays the story out again while
an indexing flowable says it is not satisfied: ``PageReferences`` is that flowable. On the
first pass the entries draw no numbers and the canvas records the page of every
destination (``TaggedCanvas.bookmarkHorizontal``); on the second, each entry draws its
heading's page. The number has room kept for it from the first pass (``NUMBER_ROOM``), so
the entries break into the same lines both times and the layout does not move: two passes
suffice, and ``multiBuild`` checks it (the pages found must be the pages drawn). The first
pass only measures: the flowables are laid out as ever but record their destinations and draw
nothing (``TaggedCanvas.measuring``), so it costs the layout alone; the file is always a
later pass's.

Each entry is ``TOCI`` > ``Reference`` > ``Link`` (ISO 32000-1 14.8.4.3; PDF/UA-1 7.9 for
Reference and Link): the heading's words and its page number are both in the Link, each
with its own link annotation; the dotted leader between them is an artifact. The tagging
layer starts every pass afresh (``Tagger.begin_pass``), so each element is attached once.
"""

from __future__ import annotations

import dataclasses

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from exporter.writers.pdf.flowables import BlockStyle, TextBlock, _TextState
from exporter.writers.pdf.lines import Line, Piece, Run, run_width
from exporter.writers.pdf.tagging.marked import Tagger
from exporter.writers.pdf.tagging.structure import StructElem

NUMBER_ROOM = "0000"  # the widest page number room is kept for: 9,999 pages
_LEADER_GAP = 4.0  # points between the words, the leader and the number


class PageReferences(Flowable):
    """The page of each destination, as the last pass found it; an indexing flowable of
    no size, put first in the story, that asks for another pass until the pages drawn are
    the pages found."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: dict[str, int] = {}  # anchor -> page (1-based), drawn in this pass
        self.found: dict[str, int] = {}  # anchor -> page, recorded while drawing this pass
        self.watched: set[str] = set()  # the anchors an entry shows the page of
        self.passes = 0  # layout passes begun
        self._satisfied = True

    def page_of(self, anchor: str) -> int | None:
        return self.shown.get(anchor)

    def record(self, anchor: str, page: int) -> None:
        self.found.setdefault(anchor, page)

    # ReportLab's indexing protocol (BaseDocTemplate.multiBuild)
    def isIndexing(self) -> bool:
        return True

    @property
    def measuring(self) -> bool:
        """Whether the pass under way only measures: the first never gives the file."""
        return self.passes == 1

    def beforeBuild(self) -> None:
        self.passes += 1
        self.found = {}

    def afterBuild(self) -> None:
        found = {anchor: self.found.get(anchor) for anchor in self.watched}
        shown = {anchor: self.shown.get(anchor) for anchor in self.watched}
        self._satisfied = not self.measuring and found == shown
        self.shown = {anchor: page for anchor, page in found.items() if page is not None}

    def isSatisfied(self) -> bool:
        return self._satisfied

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        pass


class ContentsLine(TextBlock):
    """One contents entry: its words (linked to the heading), a dotted leader and the
    heading's page at the right margin, on the entry's last line."""

    def __init__(
        self,
        runs: list[Run],
        element: StructElem,
        style: BlockStyle,
        *,
        anchor: str,
        number: Run,
        leader_colour: str,
        references: PageReferences,
        max_height: float,
    ) -> None:
        super().__init__(runs, element, style)
        self.anchor = anchor
        self.number = number  # the page number's font, colour, owner (the Link) and target
        self.leader_colour = leader_colour
        self.references = references
        self.max_height = max_height
        self.room = run_width(NUMBER_ROOM, number) + 2 * _LEADER_GAP
        references.watched.add(anchor)

    def lines_for(self, width: float) -> list[Line]:
        return super().lines_for(max(width - self.room, 1.0))

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # An entry moves to the next page whole, so that its number stays with its words;
        # only one taller than a page is cut, and then its number is left out.
        if len(self.lines_for(availWidth)) * self.style.leading <= self.max_height:
            return []
        return super().split(availWidth, availHeight)

    def draw(self) -> None:
        super().draw()
        if self.canv.measuring:
            return
        page = self.references.page_of(self.anchor)
        lines = self.lines_for(self.width)
        if page is None or not lines:
            return
        canvas = self.canv
        tagger: Tagger = canvas.tagger
        style = self.style
        baseline = self.height - (len(lines) - 1) * style.leading - (style.leading + style.size * 0.7) / 2
        last = lines[-1]
        words_end = style.indent + sum(piece.width for piece in last.pieces)
        text = str(page)
        run = self.number
        width = run_width(text, run)
        x = self.width - width
        self._leader(tagger, words_end + _LEADER_GAP, x - _LEADER_GAP, baseline)
        text_object = canvas.beginText()
        text_object.setTextOrigin(x, baseline)
        state = _TextState(text_object, tagger, canvas.getPageNumber() - 1, self.element, False)
        state.show(Piece(text, run, width))
        state.close()
        canvas.drawText(text_object)
        if run.underline:
            state.underlines.append((x, x + width, baseline, run))
        self._draw_underlines(state.underlines, tagger)
        if run.link is not None:
            self._annotate([(run.link, x, x + width, baseline, run)], tagger, canvas.getPageNumber() - 1)

    def _leader(self, tagger: Tagger, start: float, end: float, baseline: float) -> None:
        """Dots from the words to the number, as page furniture."""
        if end - start < 3 * _LEADER_GAP:
            return
        canvas = self.canv
        canvas._code.append(tagger.begin_artifact())
        canvas.saveState()
        canvas.setStrokeColor(HexColor("#" + self.leader_colour))
        canvas.setLineWidth(1.0)
        canvas.setLineCap(1)  # round caps: zero-length dashes are dots
        canvas.setDash([0.01, 3.5])
        canvas.line(start, baseline, end, baseline)
        canvas.restoreState()
        canvas._code.append(tagger.end_artifact())


def number_run(entry: Run, face: str, link: StructElem) -> Run:
    """How an entry's page number is drawn: as the entry's linked words are (``entry`` is
    one of their runs: size, colour, spacing, the link to the heading), in the body face,
    in the entry's Link element."""
    return dataclasses.replace(entry, text="", face=face, owner=link, destination=None)
