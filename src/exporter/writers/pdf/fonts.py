"""Embedded TrueType fonts and the choice of font for each run of text.

Only TrueType fonts are ever used: ReportLab embeds them as subsets with a ToUnicode map,
which PDF/UA-1 (ISO 14289-1 7.21) needs; the standard 14 fonts are never embedded, so no
text, not even a space, may be set in one. Atkinson Hyperlegible Next is the face; DejaVu
Sans draws what it lacks (Greek, Cyrillic, Hebrew, Arabic letters, arrows). A style
profile may choose DejaVu Sans as the face (``FAMILIES``, the names of
exporter.styles.model.PDF_FAMILIES).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "fonts"

_FACES: dict[str, str] = {
    "Atkinson-Regular": "AtkinsonHyperlegibleNext_400Regular.ttf",
    "Atkinson-Bold": "AtkinsonHyperlegibleNext_700Bold.ttf",
    "Atkinson-Italic": "AtkinsonHyperlegibleNext_400Regular_Italic.ttf",
    "Atkinson-BoldItalic": "AtkinsonHyperlegibleNext_700Bold_Italic.ttf",
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "LohitDevanagari": "Lohit-Devanagari.ttf",
    "DroidSansFallback": "DroidSansFallback.ttf",
}

# The fallbacks of each face, in order: DejaVu Sans (italics fall back to upright, as its
# obliques are not bundled), Lohit Devanagari, then Droid Sans Fallback for Chinese,
# Japanese and Korean.
_LATER = ("LohitDevanagari", "DroidSansFallback")
_FALLBACKS: dict[str, tuple[str, ...]] = {
    "Atkinson-Regular": ("DejaVuSans", *_LATER),
    "Atkinson-Italic": ("DejaVuSans", *_LATER),
    "Atkinson-Bold": ("DejaVuSans-Bold", *_LATER),
    "Atkinson-BoldItalic": ("DejaVuSans-Bold", *_LATER),
    "DejaVuSans": _LATER,
    "DejaVuSans-Bold": _LATER,
}

BODY_FACE = "Atkinson-Regular"
DEFAULT_FAMILY = "Atkinson Hyperlegible Next"

# Each bundled family's faces: (regular, bold, italic, bold italic); a family bundled
# without italics draws emphasis upright (the style refuses italic emphasis for it).
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    "Atkinson Hyperlegible Next": (
        "Atkinson-Regular",
        "Atkinson-Bold",
        "Atkinson-Italic",
        "Atkinson-BoldItalic",
    ),
    "DejaVu Sans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans", "DejaVuSans-Bold"),
}

# Letter frequencies per 1000 characters of English text, with the space: the weights the
# TrueType OS/2 table (versions 0-2, xAvgCharWidth) uses for a font's average character width.
AVERAGE_WEIGHTS = {
    "a": 64, "b": 14, "c": 27, "d": 35, "e": 100, "f": 20, "g": 14, "h": 42, "i": 63, "j": 3, "k": 6,
    "l": 35, "m": 20, "n": 56, "o": 56, "p": 17, "q": 4, "r": 49, "s": 56, "t": 71, "u": 31, "v": 10,
    "w": 18, "x": 3, "y": 18, "z": 2, " ": 166,
}  # fmt: skip

# Characters that draw nothing and need no glyph: soft hyphen and zero-width marks.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")

_coverage: dict[str, frozenset[int]] = {}


def _register(name: str) -> frozenset[int]:
    """Register one bundled face with ReportLab, once per process; return what it covers.

    Faces load on first use: the CJK fallback takes a fifth of a second to read, and most
    briefings never need it."""
    if name not in _coverage:
        font = TTFont(name, str(FONT_DIR / _FACES[name]))
        pdfmetrics.registerFont(font)
        _coverage[name] = frozenset(font.face.charToGlyph)
    return _coverage[name]


def register_fonts(family: str = DEFAULT_FAMILY) -> None:
    """Register a family's faces and their first fallbacks (the CJK one waits for use)."""
    for name in FAMILIES[family]:
        _register(name)
        _register(_FALLBACKS[name][0])


def face_for(strong: bool, emphasis: bool, family: str = DEFAULT_FAMILY) -> str:
    """The face of a family for bold (``strong``) and italic (``emphasis``) text."""
    regular, bold, italic, bold_italic = FAMILIES[family]
    if strong and emphasis:
        return bold_italic
    if strong:
        return bold
    if emphasis:
        return italic
    return regular


def average_char_width(face: str, size: float) -> float:
    """The width in points of an average character of English text in ``face`` at ``size``:
    the advance widths of a-z and the space weighted by AVERAGE_WEIGHTS (OS/2 xAvgCharWidth,
    versions 0-2). A measure in characters times this is the width of a line."""
    _register(face)
    total = sum(AVERAGE_WEIGHTS.values())
    return sum(pdfmetrics.stringWidth(c, face, size) * w for c, w in AVERAGE_WEIGHTS.items()) / total


# Drawn in place of a character no bundled font has; the structure keeps the real one.
SUBSTITUTE = "\u25a1"


@dataclass(frozen=True)
class FontSegment:
    text: str
    face: str
    actual_text: str | None = None  # the characters a substitute box stands for


def segment_by_font(text: str, face: str, missing: set[str], unshaped: set[str]) -> list[FontSegment]:
    """Split text into runs each drawable in one font, the face first, then its fallback.

    Characters that need shaping or right-to-left ordering go into ``unshaped``.
    Characters no bundled font has are drawn as a white square (a glyph, so never an
    invisible .notdef) in a segment that carries the real characters as ``actual_text``,
    and are added to ``missing`` so that the writer can warn.
    """
    primary_cover = _register(face)
    if primary_cover.issuperset(map(ord, text)):  # the face draws it all, as most text
        return [FontSegment(text, face)] if text else []
    fallbacks = _FALLBACKS.get(face, ())
    fallback = next((name for name in (face, *fallbacks) if ord(SUBSTITUTE) in _register(name)), face)
    segments: list[FontSegment] = []
    current_face = face
    start = 0
    for index, char in enumerate(text):
        code = ord(char)
        if code in primary_cover or char in _INVISIBLE:
            wanted = face
        else:
            if needs_shaping(char):
                unshaped.add(char)
            wanted = next((name for name in fallbacks if code in _register(name)), "")
            if not wanted:
                missing.add(char)
        if wanted != current_face:
            if index > start:
                segments.append(_segment(text[start:index], current_face, fallback))
            current_face, start = wanted, index
    if start < len(text):
        segments.append(_segment(text[start:], current_face, fallback))
    return segments


def _segment(text: str, face: str, fallback: str) -> FontSegment:
    if face:
        return FontSegment(text, face)
    return FontSegment(SUBSTITUTE * len(text), fallback, actual_text=text)


def needs_shaping(char: str) -> bool:
    """Right-to-left letters (Hebrew, Arabic) and Indic scripts need ordering or shaping that
    this writer does not do: they are drawn in logical order, one glyph per character."""
    return unicodedata.bidirectional(char) in ("R", "AL") or "\u0900" <= char <= "\u0dff"


def string_width(text: str, face: str, size: float) -> float:
    """The advance width of ``text`` in ``face`` at ``size``, in points."""
    return pdfmetrics.stringWidth(text, face, size)


class TextWidths:
    """Advance widths of strings, remembered per face and size, in points.

    A briefing sets the same words thousands of times in a handful of faces and sizes; each
    is measured once per writer, then looked up. The widths are those of ``string_width``
    (ReportLab's, from the font's ``hmtx`` advances), so layout is unchanged. One per writer:
    nothing outlives it."""

    def __init__(self) -> None:
        self._tables: dict[tuple[str, float], dict[str, float]] = {}

    def table(self, face: str, size: float) -> dict[str, float]:
        """The widths measured so far in ``face`` at ``size``, keyed by the string; fill it
        through ``width``."""
        key = (face, size)
        found = self._tables.get(key)
        if found is None:
            found = self._tables[key] = {}
        return found

    def width(self, text: str, face: str, size: float) -> float:
        table = self.table(face, size)
        found = table.get(text)
        if found is None:
            found = table[text] = pdfmetrics.stringWidth(text, face, size)
        return found
