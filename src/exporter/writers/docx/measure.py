"""The text width of a Word briefing: the style's measure in characters of its Word font.

Word lays out text itself with a font the reader has, so the width cannot be measured
from a bundled font; it comes from the font's average character width, weighted by
English letter frequencies as the TrueType OS/2 table (versions 0-2) defines
xAvgCharWidth. The figures were measured from metric-compatible fonts: Liberation Sans
2.1 for Arial and Helvetica, Carlito for Calibri. A font not listed is taken at Arial's
width. Figures are per 1000 units of the em.

Word cannot be told the most characters a line may hold, and a line of narrow letters holds
more than the average: the width is therefore LONGEST_LINE of the measure. Measured on the
seed briefing (LibreOffice with Liberation Sans), a width of N average characters gave
lines of up to 1.04-1.05 N characters (median 0.93 N); at 0.95 N the longest lines are about
N characters.
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
LONGEST_LINE = 0.95


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
    wanted = round(style.body.measure * LONGEST_LINE * average_char_twips(style))
    text = min(room, wanted) if style.body.measure else room
    return width, height, left + (room - text) // 2, text


def width_scale(style: Style) -> float:
    """How much wider than Arial the style's Word font sets text, letter spacing included
    (1.0 for Arial): to size table columns from Arial's metrics."""
    return average_char_twips(style) / (ARIAL / 1000 * style.body.size * 20)
