"""The text width of a Word briefing: the style's measure in characters of its Word font.

Word lays out text itself with a font the reader has, so the width cannot be measured
from a bundled font; it comes from the font's average character width, weighted by
English letter frequencies as the TrueType OS/2 table (versions 0-2) defines
xAvgCharWidth. The figures were measured from metric-compatible fonts: Liberation Sans
2.1 for Arial and Helvetica, Carlito for Calibri. A font not listed is taken at Arial's
width. Figures are per 1000 units of the em.
"""

from __future__ import annotations

from exporter.styles.model import Style

ARIAL = 441.6
AVERAGE_WIDTHS = {
    "arial": ARIAL,
    "helvetica": ARIAL,
    "liberation sans": ARIAL,
    "arimo": ARIAL,
    "calibri": 408.4,
    "carlito": 408.4,
}
TWIPS_PER_MM = 1440 / 25.4


def average_char_twips(style: Style) -> float:
    """The width of an average character of body text in twips, letter spacing included
    (Word has no word spacing)."""
    em = AVERAGE_WIDTHS.get(style.fonts.word.strip().lower(), ARIAL) / 1000
    body = style.body
    return (em + body.letter_spacing) * body.size * 20


def page_geometry(style: Style) -> tuple[int, int, int, int]:
    """(page width, page height, left margin, text width) in twips: ``measure`` average
    characters, within the side margins, centred on the page."""
    page = style.page
    width, height = round(page.width * TWIPS_PER_MM), round(page.height * TWIPS_PER_MM)
    left = round(page.margins.left * TWIPS_PER_MM)
    room = width - left - round(page.margins.right * TWIPS_PER_MM)
    text = min(room, round(style.body.measure * average_char_twips(style))) if style.body.measure else room
    return width, height, left + (room - text) // 2, text
