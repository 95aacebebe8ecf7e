"""The page: A4 frame, footer furniture ("Page N of M", an artifact) and the canvas that
carries the tagger and writes structure and metadata when the document is saved."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfdoc import PDFObjectReference
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from exporter.options import Style
from exporter.writers.pdf.fonts import BODY_FACE, string_width
from exporter.writers.pdf.reproducible import timestamp, with_content_id, without_source_date_epoch
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


def build_pdf(
    story: list[Flowable], metadata: Metadata, style: Style, tagger: Tagger, root: StructElem
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
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_Footer(style, tagger))])

    def finish(canvas: TaggedCanvas) -> None:
        total = len(canvas._doc.Pages.pages)
        canvas.beginForm(PAGE_TOTAL_FORM)
        canvas.setFillColor(HexColor("#" + style.text_colour))
        canvas.setFont(BODY_FACE, style.body_size)
        canvas.drawString(0, 0, str(total))
        canvas.endForm()
        canvas.showOutline()
        canvas._doc._timeStamp = timestamp(metadata.date)
        if tagger.tagged:
            emit_structure(canvas._doc, root, tagger)
        emit_metadata(canvas._doc, metadata, tagger.tagged)

    def canvasmaker(*args: Any, **kwargs: Any) -> TaggedCanvas:
        return TaggedCanvas(*args, tagger=tagger, finish=finish, **kwargs)

    with without_source_date_epoch():
        template.build(story, canvasmaker=canvasmaker)
    return with_content_id(buffer.getvalue())
