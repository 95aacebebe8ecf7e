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
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from exporter.options import Style
from exporter.writers.pdf.fonts import BODY_FACE, segment_by_font, string_width
from exporter.writers.pdf.tagging.emit import Metadata, emit_metadata, emit_structure
from exporter.writers.pdf.tagging.marked import Tagger
from exporter.writers.pdf.tagging.structure import StructElem

PAGE_TOTAL_FORM = "PageTotal"
PRODUCER = "debate-exporter (ReportLab)"


class TaggedCanvas(Canvas):
    """A canvas that knows the tagger, counts link annotations and finishes the structure."""

    def __init__(self, *args: Any, tagger: Tagger, finish: Callable[[TaggedCanvas], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.tagger = tagger
        self.link_count = 0
        self.uri_actions: dict[int, PDFObjectReference] = {}
        self._finish = finish

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
    """Draws "Page N of M" as a pagination artifact; M is a form filled in at the end.

    ``label`` is the footer in the interface's language, with ``{page}`` and ``{pages}``
    ("Tudalen {page} o {pages}"); the words around ``{pages}`` are drawn on either side of
    the form, in whatever order the language puts them."""

    def __init__(self, style: Style, tagger: Tagger, label: str = "Page {page} of {pages}") -> None:
        self.style = style
        self.tagger = tagger
        self.before, _, self.after = label.partition("{pages}")

    def __call__(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        margin = self.style.margin_cm * cm
        size = self.style.body_size
        page = str(canvas.getPageNumber())
        before, after = self.before.replace("{page}", page), self.after.replace("{page}", page)
        canvas._code.append(self.tagger.begin_artifact("Pagination", "Footer"))
        canvas.saveState()
        canvas.setFillColor(HexColor("#" + self.style.text_colour))
        canvas.setFont(BODY_FACE, size)
        y = margin / 2
        x = margin
        for text, form in ((before, True), (after, False)):
            for segment in segment_by_font(text, BODY_FACE, set(), set()):
                canvas.setFont(segment.face, size)
                canvas.drawString(x, y, segment.text)
                x += string_width(segment.text, segment.face, size)
            if form:
                canvas.saveState()
                canvas.translate(x, y)
                canvas.doForm(PAGE_TOTAL_FORM)
                canvas.restoreState()
                x += string_width("8" * 3, BODY_FACE, size) if after else 0.0
        canvas.restoreState()
        canvas._code.append(self.tagger.end_artifact())


def build_pdf(
    story: list[Flowable],
    metadata: Metadata,
    style: Style,
    tagger: Tagger,
    root: StructElem,
    footer: str = "Page {page} of {pages}",
) -> bytes:
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
    template.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=_Footer(style, tagger, footer))]
    )

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
        return TaggedCanvas(*args, tagger=tagger, finish=finish, **kwargs)

    template.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()
