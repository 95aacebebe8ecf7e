"""The page: A4 frame, footer furniture ("Page N of M", an artifact) and the canvas that
carries the tagger and writes structure and metadata when the document is saved."""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable
from io import BytesIO
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfdoc import PDFObjectReference
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import _listWrapOn

from exporter.options import Style
from exporter.writers.pdf.contents import PageReferences
from exporter.writers.pdf.fonts import BODY_FACE, string_width
from exporter.writers.pdf.tagging.emit import Metadata, emit_metadata, emit_structure
from exporter.writers.pdf.tagging.marked import Tagger
from exporter.writers.pdf.tagging.structure import StructElem

PAGE_TOTAL_FORM = "PageTotal"
PRODUCER = "debate-exporter (ReportLab)"


class TaggedCanvas(Canvas):
    """A canvas that knows the tagger, counts link annotations, records the page of each
    destination (for contents entries' page numbers) and finishes the structure."""

    def __init__(
        self,
        *args: Any,
        tagger: Tagger,
        finish: Callable[[TaggedCanvas], None],
        references: PageReferences | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.tagger = tagger
        self.references = references
        self.link_count = 0
        self.uri_actions: dict[int, PDFObjectReference] = {}
        self._finish = finish

    def bookmarkHorizontal(self, key: str, relativeX: float, relativeY: float, **kw: Any) -> None:
        if self.references is not None:
            self.references.record(key, self.getPageNumber())
        super().bookmarkHorizontal(key, relativeX, relativeY, **kw)

    def save(self) -> None:
        self._finish(self)
        super().save()


def _timestamp(date: str | None) -> TimeStamp:
    """A fixed creation date from the sitting's date, so equal trees give equal bytes."""
    stamp = TimeStamp(invariant=1)
    if date:
        try:
            parsed = time.strptime(date[:10], "%Y-%m-%d")
        except ValueError:
            return stamp
        stamp.t = calendar.timegm(parsed)
        stamp.lt = time.gmtime(stamp.t)
        stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def frame_height(style: Style) -> float:
    return A4[1] - 2 * style.margin_cm * cm


class _Footer:
    """Draws "Page N of M" as a pagination artifact; M is a form filled in at the end."""

    def __init__(self, style: Style, tagger: Tagger) -> None:
        self.style = style
        self.tagger = tagger

    def __call__(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        margin = self.style.margin_cm * cm
        size = self.style.body_size
        text = f"Page {canvas.getPageNumber()} of "
        canvas._code.append(self.tagger.begin_artifact("Pagination", "Footer"))
        canvas.saveState()
        canvas.setFillColor(HexColor("#" + self.style.text_colour))
        canvas.setFont(BODY_FACE, size)
        y = margin / 2
        canvas.drawString(margin, y, text)
        canvas.translate(margin + string_width(text, BODY_FACE, size), y)
        canvas.doForm(PAGE_TOTAL_FORM)
        canvas.restoreState()
        canvas._code.append(self.tagger.end_artifact())


class KeepWithNext(KeepTogether):
    """Headings (and a table's caption) kept with the start of what follows them: they move
    to the next page only when what follows cannot begin on this one (two lines of a
    paragraph, a table's header and first row). ReportLab's KeepTogether moves the whole
    group whenever it is taller than what is left of the page, which leaves most of a page
    empty before every long table or paragraph that follows a heading."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content: list[Flowable] = self._content[:]
        if aH + 1e-6 >= self._H or len(content) < 2:
            return content
        *before, last = content
        _, height = _listWrapOn(before, aW, self.canv)
        room = aH - height - max(last.getSpaceBefore(), before[-1].getSpaceAfter())
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        if at_top or (room > 0 and last.split(aW, room)):
            return content
        return [FrameBreak(), *content]


def build_pdf(
    story: list[Flowable],
    metadata: Metadata,
    style: Style,
    tagger: Tagger,
    root: StructElem,
    references: PageReferences | None = None,
) -> bytes:
    """Lay the story out on A4 and write the PDF. With ``references`` (contents entries
    that show page numbers), the layout takes a second pass (ReportLab's multiBuild) once
    the pages are known; every pass starts the tagging afresh."""
    margin = style.margin_cm * cm
    buffer = BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=metadata.title,
        author=metadata.author,
        subject=metadata.subject,
        keywords=metadata.keywords,
        creator="debate-exporter",
        producer=PRODUCER,
        lang=metadata.language,
        displayDocTitle=1,
        invariant=1,
        initialFontName=BODY_FACE,
        initialFontSize=style.body_size,
    )
    frame = Frame(
        margin,
        margin,
        A4[0] - 2 * margin,
        A4[1] - 2 * margin,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_Footer(style, tagger))])
    template.keepTogetherClass = KeepWithNext

    def finish(canvas: TaggedCanvas) -> None:
        total = len(canvas._doc.Pages.pages)
        canvas.beginForm(PAGE_TOTAL_FORM)
        canvas.setFillColor(HexColor("#" + style.text_colour))
        canvas.setFont(BODY_FACE, style.body_size)
        canvas.drawString(0, 0, str(total))
        canvas.endForm()
        canvas.showOutline()
        canvas._doc._timeStamp = _timestamp(metadata.date)
        if tagger.tagged:
            emit_structure(canvas._doc, root, tagger)
        emit_metadata(canvas._doc, metadata, tagger.tagged)

    def canvasmaker(*args: Any, **kwargs: Any) -> TaggedCanvas:
        tagger.begin_pass(root)  # each layout pass makes a new canvas and draws everything again
        return TaggedCanvas(*args, tagger=tagger, finish=finish, references=references, **kwargs)

    if references is None:
        template.build(story, canvasmaker=canvasmaker)
    else:
        template.multiBuild([references, *story], maxPasses=4, canvasmaker=canvasmaker)
    return buffer.getvalue()
