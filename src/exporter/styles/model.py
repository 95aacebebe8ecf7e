"""The style model: one format-neutral description of how a briefing looks.

Every writer renders the same ``Style``: Word (OOXML), PDF (ReportLab) and, later, HTML
(CSS). Units are the ones each property is specified in by the guidance it follows:
points for type sizes and paragraph spacing, a multiple of the font size for line
spacing, em for letter and word spacing (as WCAG 1.4.12 states them), characters for the
measure, millimetres for the page, ``#RRGGBB`` for colours. Numbers follow GOV.UK,
RNIB Clear Print, the British Dyslexia Association's style guide and WCAG 2.2 (see
``../shared/accessibility/TYPOGRAPHY.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEADING_LEVELS = 9  # Word's Heading 1-9; deeper headings take the settings of level 9

# Paper sizes by name, (width, height) in millimetres (ISO 216; ANSI letter and legal).
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "Letter": (215.9, 279.4),
    "Legal": (215.9, 355.6),
}

# The font families bundled for the PDF (embedded, as PDF/UA-1 7.21.4 requires), with the
# faces shipped for each. A family without an italic face can only show emphasis in bold.
PDF_FAMILIES: dict[str, tuple[str, ...]] = {
    "Atkinson Hyperlegible Next": ("regular", "bold", "italic", "bold italic"),
    "DejaVu Sans": ("regular", "bold"),
}

WEIGHTS = ("normal", "bold")  # CSS's keywords; Word and the PDF fonts have these two
EMPHASIS = ("italic", "bold")  # how emphasised words are shown
ALIGNMENTS = ("left",)  # GOV.UK, RNIB, BDA and WCAG 1.4.8: left aligned, never justified
CONTRAST_LEVELS = {"AA": (4.5, 3.0), "AAA": (7.0, 4.5)}  # WCAG 1.4.3 / 1.4.6: (normal, large text)

MM_PER_POINT = 25.4 / 72


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres. Left and right are the least the text keeps from the
    edge: a measure narrower than the page widens them equally."""

    top: float = 25.4
    right: float = 25.4
    bottom: float = 25.4
    left: float = 25.4


@dataclass(frozen=True)
class Page:
    size: str = "A4"  # a name from PAGE_SIZES, or "custom"
    width: float = 210.0  # millimetres
    height: float = 297.0
    margins: Margins = field(default_factory=Margins)

    @property
    def frame_width(self) -> float:
        """The widest the text may be, in millimetres."""
        return self.width - self.margins.left - self.margins.right


@dataclass(frozen=True)
class Fonts:
    word: str = "Arial"  # a font the reader's Word has; Word files do not embed ours
    pdf: str = "Atkinson Hyperlegible Next"  # a key of PDF_FAMILIES, embedded


@dataclass(frozen=True)
class Body:
    size: float = 12.0  # points
    line_spacing: float = 1.5  # times the font size (Word's "multiple", CSS line-height)
    paragraph_spacing: float = 8.0  # points after a paragraph
    letter_spacing: float = 0.0  # em, added after each character (PDF Tc, Word w:spacing, CSS)
    word_spacing: float = 0.0  # em, added to each space (PDF Tw, CSS word-spacing; not Word)
    measure: int = 75  # the longest line, in characters; 0: as wide as the page allows
    alignment: str = "left"
    emphasis: str = "italic"  # italic | bold


@dataclass(frozen=True)
class Headings:
    # points, one per level from 1; levels beyond the last given take the last
    sizes: tuple[float, ...] = (20.0, 16.0, 14.0, 13.0, 12.0, 12.0, 12.0, 12.0, 12.0)
    weights: tuple[str, ...] = ("bold",)  # one per level; levels beyond the last take the last


@dataclass(frozen=True)
class Colours:
    """Six-digit hex colours with their '#'. ``table_header`` is the text of header cells,
    drawn on ``table_header_background``."""

    text: str = "#0B0C0C"  # GOV.UK text, 19.6:1 on white
    background: str = "#FFFFFF"
    link: str = "#1D70B8"  # GOV.UK link, 5.17:1 on white
    heading: str = "#0B0C0C"
    table_header: str = "#0B0C0C"
    table_header_background: str = "#F3F2F1"  # GOV.UK light grey


@dataclass(frozen=True)
class Style:
    """How a briefing looks, for every output format.

    ``contrast`` is the WCAG level the colours are held to when the style is loaded:
    ``AA`` (4.5:1, 3:1 for large text) or ``AAA`` (7:1, 4.5:1 for large text).
    """

    name: str = "standard"
    description: str = ""
    contrast: str = "AA"
    page: Page = field(default_factory=Page)
    fonts: Fonts = field(default_factory=Fonts)
    body: Body = field(default_factory=Body)
    headings: Headings = field(default_factory=Headings)
    colours: Colours = field(default_factory=Colours)

    def heading_size(self, level: int) -> float:
        """The size in points of a heading at ``level`` (1-based, any depth)."""
        sizes = self.headings.sizes
        return sizes[min(max(level, 1), len(sizes)) - 1]

    def heading_bold(self, level: int) -> bool:
        weights = self.headings.weights
        return weights[min(max(level, 1), len(weights)) - 1] == "bold"

    @property
    def body_size(self) -> float:
        return self.body.size

    @property
    def spacing_em(self) -> tuple[float, float]:
        """(letter spacing, word spacing) in em."""
        return self.body.letter_spacing, self.body.word_spacing

    @property
    def emphasis_bold(self) -> bool:
        """Emphasised words are set in bold rather than italics (RNIB, BDA)."""
        return self.body.emphasis == "bold"


def hex_digits(colour: str) -> str:
    """'#0b0c0c' -> '0B0C0C', as Word and ReportLab's HexColor want them."""
    return colour.lstrip("#").upper()
