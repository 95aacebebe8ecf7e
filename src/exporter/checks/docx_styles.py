"""Effective formatting: docDefaults, then the paragraph style chain, the run style chain,
then direct formatting, as Word resolves it (ECMA-376 Part 1, 17.7.2).

Toggle properties are resolved by "last one wins", not by Word's XOR of toggles across
style layers; the difference only matters for styles that switch bold or italic off
again, which briefings do not use.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from lxml import etree

from exporter.checks.docx_package import NS, DocxPackage, is_on, w

_PPR, _PSTYLE, _VAL = w("pPr"), w("pStyle"), w("val")
THEME_NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


@dataclass(frozen=True)
class RunFormat:
    colour: str | None = None  # six hex digits, or "auto"
    size: int | None = None  # half-points
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False
    font: str | None = None  # the ascii font, theme fonts resolved
    background: str | None = None  # run shading fill or highlight, as hex
    lang: str | None = None
    letter_spacing: int | None = None  # w:spacing/@w:val, twentieths of a point


@dataclass(frozen=True)
class ParagraphFormat:
    outline_level: int | None = None
    numbered: bool = False
    jc: str | None = None
    line: int | None = None
    line_rule: str | None = None
    background: str | None = None


HIGHLIGHTS = {
    "yellow": "FFFF00", "green": "00FF00", "cyan": "00FFFF", "magenta": "FF00FF", "blue": "0000FF",
    "red": "FF0000", "darkBlue": "000080", "darkCyan": "008080", "darkGreen": "008000",
    "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000", "darkGray": "808080",
    "lightGray": "C0C0C0", "black": "000000", "white": "FFFFFF",
}  # fmt: skip


class Styles:
    def __init__(self, package: DocxPackage) -> None:
        self.root = package.related_part("styles")
        self.by_id: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        self.default_character: str | None = None
        if self.root is not None:
            for style in self.root.findall(w("style")):
                style_id = style.get(w("styleId"), "")
                self.by_id[style_id] = style
                if style.get(w("default")) in ("1", "true", "on"):
                    kind = style.get(w("type"))
                    if kind == "paragraph":
                        self.default_paragraph = style_id
                    elif kind == "character":
                        self.default_character = style_id
        self.theme_fonts = _theme_fonts(package)
        self._formats: dict[etree._Element, ParagraphFormat] = {}
        self._run_cache = lru_cache(maxsize=4096)(self._style_run_format)
        self._para_cache = lru_cache(maxsize=4096)(self._style_paragraph_format)

    # --- names and chains -----------------------------------------------------------

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        if style is None:
            return ""
        element = style.find(w("name"))
        return (element.get(w("val"), "") if element is not None else "").lower()

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and its basedOn ancestors, base first; cycles are cut."""
        found: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            found.append(style)
            based = style.find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None
        return list(reversed(found))

    def paragraph_style(self, p: etree._Element) -> str | None:
        ppr = p.find(_PPR)
        element = ppr.find(_PSTYLE) if ppr is not None else None
        if element is not None:
            return element.get(_VAL)
        return self.default_paragraph

    def defaults(self, kind: str) -> etree._Element | None:
        """docDefaults' w:rPr or w:pPr."""
        if self.root is None:
            return None
        return self.root.find(f"w:docDefaults/w:{kind}PrDefault/w:{kind}Pr", NS)

    # --- paragraph formatting -----------------------------------------------------

    def paragraph_format(self, p: etree._Element) -> ParagraphFormat:
        found = self._formats.get(p)
        if found is None:  # several rules ask about every paragraph
            base = self._para_cache(self.paragraph_style(p))
            direct = p.find(w("pPr"))
            found = _apply_ppr(base, direct) if direct is not None else base
            self._formats[p] = found
        return found

    def _style_paragraph_format(self, style_id: str | None) -> ParagraphFormat:
        fmt = _apply_ppr(ParagraphFormat(), self.defaults("p"))
        for style in self.chain(style_id):
            fmt = _apply_ppr(fmt, style.find(w("pPr")))
        if fmt.outline_level is None:
            name = self.name(style_id)
            if name.startswith("heading ") and name[8:].isdigit():
                fmt = replace(fmt, outline_level=int(name[8:]) - 1)
        return fmt

    def style_format(self, style_id: str | None) -> ParagraphFormat:
        """Paragraph formatting a style gives, before any direct formatting."""
        return self._para_cache(style_id)

    def heading_level(self, p: etree._Element) -> int | None:
        """1-based heading level, or None for body text (outline level 9 or none)."""
        level = self.paragraph_format(p).outline_level
        return level + 1 if level is not None and 0 <= level <= 8 else None

    # --- run formatting -----------------------------------------------------------

    def run_format(self, p: etree._Element, run: etree._Element) -> RunFormat:
        rpr = run.find(w("rPr"))
        run_style = None
        if rpr is not None:
            element = rpr.find(w("rStyle"))
            run_style = element.get(w("val")) if element is not None else None
        fmt = self._run_cache(self.paragraph_style(p), run_style)
        return self._apply_rpr(fmt, rpr) if rpr is not None else fmt

    def _style_run_format(self, paragraph_style: str | None, run_style: str | None) -> RunFormat:
        fmt = self._apply_rpr(RunFormat(), self.defaults("r"))
        for style in self.chain(paragraph_style) + self.chain(run_style or self.default_character):
            fmt = self._apply_rpr(fmt, style.find(w("rPr")))
        return fmt

    def _apply_rpr(self, fmt: RunFormat, rpr: etree._Element | None) -> RunFormat:
        if rpr is None:
            return fmt
        changes: dict[str, object] = {}
        for local, attr in (("b", "bold"), ("i", "italic"), ("caps", "caps")):
            value = is_on(rpr.find(w(local)))
            if value is not None:
                changes[attr] = value
        underline = rpr.find(w("u"))
        if underline is not None:
            changes["underline"] = underline.get(w("val"), "single") != "none"
        colour = rpr.find(w("color"))
        if colour is not None and colour.get(w("val")):
            changes["colour"] = colour.get(w("val"), "").upper() if colour.get(w("val")) != "auto" else "auto"
        size = rpr.find(w("sz"))
        if size is not None and (size.get(w("val")) or "").isdigit():
            changes["size"] = int(size.get(w("val"), "0"))
        fonts = rpr.find(w("rFonts"))
        if fonts is not None:
            font = fonts.get(w("ascii"))
            theme = fonts.get(w("asciiTheme"))
            if theme:  # a theme font attribute wins over the explicit name
                font = self.theme_fonts.get("major" if theme.startswith("major") else "minor", font)
            if font:
                changes["font"] = font
        background = _run_background(rpr)
        if background:
            changes["background"] = background
        spacing = rpr.find(w("spacing"))
        if spacing is not None and (spacing.get(w("val")) or "").lstrip("-").isdigit():
            changes["letter_spacing"] = int(spacing.get(w("val"), "0"))
        lang = rpr.find(w("lang"))
        if lang is not None and lang.get(w("val")):
            changes["lang"] = lang.get(w("val"))
        return replace(fmt, **changes) if changes else fmt  # type: ignore[arg-type]


def _apply_ppr(fmt: ParagraphFormat, ppr: etree._Element | None) -> ParagraphFormat:
    if ppr is None:
        return fmt
    changes: dict[str, object] = {}
    outline = ppr.find(w("outlineLvl"))
    if outline is not None and (outline.get(w("val")) or "").isdigit():
        changes["outline_level"] = int(outline.get(w("val"), "9"))
    num = ppr.find(w("numPr"))
    if num is not None:
        num_id = num.find(w("numId"))
        changes["numbered"] = num_id is None or num_id.get(w("val")) != "0"
    jc = ppr.find(w("jc"))
    if jc is not None:
        changes["jc"] = jc.get(w("val"))
    spacing = ppr.find(w("spacing"))
    if spacing is not None and (spacing.get(w("line")) or "").lstrip("-").isdigit():
        changes["line"] = int(spacing.get(w("line"), "0"))
        changes["line_rule"] = spacing.get(w("lineRule"), "auto")
    fill = _fill(ppr.find(w("shd")))
    if fill:
        changes["background"] = fill
    return replace(fmt, **changes) if changes else fmt  # type: ignore[arg-type]


def _fill(shd: etree._Element | None) -> str | None:
    if shd is None:
        return None
    fill = shd.get(w("fill"), "")
    return fill.upper() if len(fill) == 6 and fill.lower() != "auto" else None


def _run_background(rpr: etree._Element) -> str | None:
    highlight = rpr.find(w("highlight"))
    if highlight is not None and highlight.get(w("val")) in HIGHLIGHTS:
        return HIGHLIGHTS[highlight.get(w("val"), "")]
    return _fill(rpr.find(w("shd")))


def cell_background(element: etree._Element) -> str | None:
    """The shading of the innermost table cell holding an element, if any."""
    parent = element.getparent()
    while parent is not None:
        if parent.tag == w("tc"):
            return _fill(parent.find("w:tcPr/w:shd", NS))
        parent = parent.getparent()
    return None


def _theme_fonts(package: DocxPackage) -> dict[str, str]:
    theme = package.related_part("theme")
    fonts: dict[str, str] = {}
    if theme is None:
        return fonts
    for kind in ("major", "minor"):
        latin = theme.find(f".//a:{kind}Font/a:latin", THEME_NS)
        if latin is not None and latin.get("typeface"):
            fonts[kind] = latin.get("typeface", "")
    return fonts
