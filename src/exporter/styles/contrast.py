"""WCAG 2.2 contrast: relative luminance, contrast ratio and the ratio text needs.

Relative luminance and contrast ratio as defined in WCAG 2.2's glossary (sRGB channels
linearised with the 0.04045 threshold of IEC 61966-2-1; for 8-bit values the WCAG 2.0
figure 0.03928 gives the same results). Large text is at least 18 pt, or 14 pt bold
(SC 1.4.3); it needs 3:1 at AA and 4.5:1 at AAA, other text 4.5:1 and 7:1 (SC 1.4.6).
"""

from __future__ import annotations

from exporter.styles.model import CONTRAST_LEVELS


def luminance(hex_colour: str) -> float:
    """Relative luminance of '#RRGGBB' or 'RRGGBB', from 0 (black) to 1 (white).

    Raises ValueError for anything but six hex digits."""
    digits = hex_colour.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"not a six-digit hex colour: {hex_colour!r}")
    channels = []
    for index in (0, 2, 4):
        value = int(digits[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's: 1 to 21."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_large_text(size: float, bold: bool) -> bool:
    """At least 18 pt, or at least 14 pt and bold (WCAG 2.2, "large scale" text)."""
    return size >= 18 or (bold and size >= 14)


def required_ratio(size: float, bold: bool, level: str = "AA") -> float:
    """The least contrast text of this size and weight needs at WCAG level AA or AAA."""
    normal, large = CONTRAST_LEVELS[level]
    return large if is_large_text(size, bold) else normal
