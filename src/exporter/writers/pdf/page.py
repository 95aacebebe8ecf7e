"""The page: its size, the text frame, the page colour and footer furniture ("Page N of M")
as artifacts, and the canvas that carries the tagger and writes structure and metadata
when the document is saved.

The frame is as wide as the style's measure needs (``text_frame``) and never wider than
the page's margins allow; a narrower frame is centred, widening both side margins.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from typing import Any, cast

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFObjectReference
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.frames import _FUZZ
from reportlab.rl_config import listWrapOnFakeWidth

from exporter.styles.model import Style, hex_digits
from exporter.writers.pdf.contents import PageReferences
from exporter.writers.pdf.fonts import face_for, segment_by_font, string_width
from exporter.writers.pdf.reproducible import timestamp, with_content_id, without_source_date_epoch
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
        measuring: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.tagger = tagger
        self.references = references
        # A layout pass that only finds the page of each destination: flowables record their
        # destinations and draw nothing (contents.PageReferences); its file is never kept.
        self.measuring = measuring
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


def page_size(style: Style) -> tuple[float, float]:
    """The page's width and height in points."""
    return style.page.width * mm, style.page.height * mm


def frame_height(style: Style) -> float:
    margins = style.page.margins
    return (style.page.height - margins.top - margins.bottom) * mm


def text_frame(style: Style, average_char: float) -> tuple[float, float]:
    """(x, width) of the text in points: ``measure`` average characters of body text
    (``average_char`` points each, spacing included), within the side margins, centred."""
    margins = style.page.margins
    room = style.page.frame_width * mm
    width = min(room, style.body.measure * average_char) if style.body.measure else room
    return margins.left * mm + (room - width) / 2, width


def _colour(value: str) -> HexColor:
    return HexColor("#" + hex_digits(value))


class _PageFurniture:
    """Draws the page colour (a Background artifact) and "Page N of M" (a Pagination
    artifact, ISO 32000-1 14.8.2.2); M is a form filled in at the end.

    ``label`` is the footer in the interface's language, with ``{page}`` and ``{pages}``
    ("Tudalen {page} o {pages}"); the words around ``{pages}`` are drawn on either side of
    the form, in whatever order the language puts them; ``lang`` is its language when that
    is not the document's (an English footer in a Slovak briefing)."""

    def __init__(
        self,
        style: Style,
        tagger: Tagger,
        x: float,
        label: str = "Page {page} of {pages}",
        lang: str | None = None,
    ) -> None:
        self.style = style
        self.tagger = tagger
        self.x = x
        self.face = face_for(False, False, style.fonts.pdf)
        self.before, _, self.after = label.partition("{pages}")
        self.lang = lang

    def __call__(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if cast(TaggedCanvas, canvas).measuring:  # a layout pass whose pages are never kept
            return
        colours = self.style.colours
        if hex_digits(colours.background) != "FFFFFF":
            width, height = page_size(self.style)
            canvas._code.append(self.tagger.begin_artifact("Background"))
            canvas.saveState()
            canvas.setFillColor(_colour(colours.background))
            canvas.rect(0, 0, width, height, stroke=0, fill=1)
            canvas.restoreState()
            canvas._code.append(self.tagger.end_artifact())
        size = self.style.body_size
        page = str(canvas.getPageNumber())
        before, after = self.before.replace("{page}", page), self.after.replace("{page}", page)
        canvas._code.append(self.tagger.begin_artifact("Pagination", "Footer", self.lang))
        canvas.saveState()
        canvas.setFillColor(_colour(colours.text))
        canvas.setFont(self.face, size)
        y = min(self.style.page.margins.bottom * mm / 2, self.style.page.margins.bottom * mm - size * 1.5)
        y = max(y, size * 0.5)
        char_space, word_space = (spacing * size for spacing in self.style.spacing_em)
        x = self.x
        for text, form in ((before, True), (after, False)):
            for segment in segment_by_font(text, self.face, set(), set()):
                canvas.setFont(segment.face, size)
                canvas.drawString(x, y, segment.text, charSpace=char_space, wordSpace=word_space)
                x += string_width(segment.text, segment.face, size)
                x += char_space * len(segment.text) + word_space * segment.text.count(" ")
            if form:
                canvas.saveState()
                canvas.translate(x, y)
                canvas.doForm(PAGE_TOTAL_FORM)
                canvas.restoreState()
                x += string_width("8" * 3, self.face, size) + 3 * char_space if after else 0.0
        canvas.restoreState()
        canvas._code.append(self.tagger.end_artifact())


class KeepWithNext(KeepTogether):
    """Headings (and a table's caption) kept with the start of what follows them: they move
    to the next page only when what follows cannot begin on this one (two lines of a
    paragraph, a table's header and first row). ReportLab's KeepTogether moves the whole
    group whenever it is taller than what is left of the page, which leaves most of a page
    empty before every long table or paragraph that follows a heading."""

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        """As KeepTogether's (ReportLab's ``_listWrapOn``, but without the deep copy of the
        frame it makes for flowables that add content to it, which ours never do), and
        remembers each flowable's height, so that ``split`` needs no second layout."""
        placed = [flowable for flowable in self._content if not hasattr(flowable, "frameAction")]
        sizes = [flowable.wrapOn(self.canv, aW, 0xFFFFFFF) for flowable in placed]
        self._heights = [height for _, height in sizes]
        self._H = _stacked(placed, self._heights)
        self._H0 = self._heights[0] if sizes else 0
        self._wrapInfo = aW, aH
        width = max((min(w, aW) if listWrapOnFakeWidth else w for w, h in sizes if h > _FUZZ), default=0)
        return width, 0xFFFFFF  # as KeepTogether: always split

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content: list[Flowable] = self._content[:]
        if aH + 1e-6 >= self._H or len(content) < 2:
            return content
        *before, last = content
        height = _stacked(before, self._heights)
        room = aH - height - max(last.getSpaceBefore(), before[-1].getSpaceAfter())
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        if at_top or (room > 0 and last.split(aW, room)):
            return content
        return [FrameBreak(), *content]


def _stacked(flowables: list[Flowable], heights: list[float]) -> float:
    """The height of ``flowables`` one under another, given each one's wrapped height, as
    ReportLab's ``_listWrapOn`` adds them up: the space between two is the larger of the one's
    space after and the other's space before; an empty flowable takes no space, and one that
    acts on the frame (a break) none and no height of ``heights``."""
    total = 0.0
    after = 0.0
    first = True
    placed = [flowable for flowable in flowables if not hasattr(flowable, "frameAction")]
    for flowable, height in zip(placed, heights[: len(placed)], strict=True):
        if height <= _FUZZ:
            continue
        total += height
        if first:
            first = False
        else:
            total += max(flowable.getSpaceBefore() - after, 0)
        after = flowable.getSpaceAfter()
        total += after
    return total - after


def build_pdf(
    story: list[Flowable],
    metadata: Metadata,
    style: Style,
    tagger: Tagger,
    root: StructElem,
    average_char: float,
    references: PageReferences | None = None,
    footer: str = "Page {page} of {pages}",
    footer_lang: str | None = None,
) -> bytes:
    """Lay out the story on the style's pages; ``average_char`` (points) sets the text
    width from the measure. With ``references`` (contents entries that show page numbers),
    the layout takes a second pass (ReportLab's multiBuild) once the pages are known; every
    pass starts the tagging afresh. ``footer`` is the page footer's words and ``footer_lang``
    their language when not the document's (``_PageFurniture``)."""
    margins = style.page.margins
    width, height = page_size(style)
    x, text_width = text_frame(style, average_char)
    face = face_for(False, False, style.fonts.pdf)
    buffer = BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=x,
        rightMargin=width - x - text_width,
        topMargin=margins.top * mm,
        bottomMargin=margins.bottom * mm,
        title=metadata.title,
        author=metadata.author,
        subject=metadata.subject,
        keywords=metadata.keywords,
        creator="debate-exporter",
        producer=PRODUCER,
        lang=metadata.language,
        displayDocTitle=1,
        invariant=1,
        initialFontName=face,
        initialFontSize=style.body_size,
    )
    frame = Frame(
        x,
        margins.bottom * mm,
        text_width,
        frame_height(style),
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=_PageFurniture(style, tagger, x, footer, footer_lang))]
    )
    template.keepTogetherClass = KeepWithNext

    def finish(canvas: TaggedCanvas) -> None:
        total = len(canvas._doc.Pages.pages)
        canvas.beginForm(PAGE_TOTAL_FORM)
        canvas.setFillColor(_colour(style.colours.text))
        canvas.setFont(face, style.body_size)
        canvas.drawString(0, 0, str(total), charSpace=style.body.letter_spacing * style.body_size)
        canvas.endForm()
        canvas.showOutline()
        canvas._doc._timeStamp = timestamp(metadata.date)
        if tagger.tagged:
            emit_structure(canvas._doc, root, tagger)
        emit_metadata(canvas._doc, metadata, tagger.tagged)

    def canvasmaker(*args: Any, **kwargs: Any) -> TaggedCanvas:
        # Each layout pass makes a new canvas and draws everything again, but the first of
        # several only measures.
        measuring = references is not None and references.measuring
        tagger.begin_pass(root)
        return TaggedCanvas(
            *args, tagger=tagger, finish=finish, references=references, measuring=measuring, **kwargs
        )

    with without_source_date_epoch():
        if references is None:
            template.build(story, canvasmaker=canvasmaker)
        else:
            template.multiBuild([references, *story], maxPasses=4, canvasmaker=canvasmaker)
    return with_content_id(buffer.getvalue())
