"""The keys a style file may hold, their types, and the checks on each value.

``validate_shape`` refuses unknown keys and values of the wrong type, naming each by its
place (``colours.text``, ``headings.sizes[2]``); ``build`` turns checked data into a
``Style`` and applies the rules that relate one value to another: sizes, measure, fonts,
and contrast by the WCAG formula (``styles.contrast``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from exporter.errors import InputError
from exporter.styles.contrast import contrast_ratio, required_ratio
from exporter.styles.model import (
    ALIGNMENTS,
    CONTRAST_LEVELS,
    EMPHASIS,
    HEADING_LEVELS,
    PAGE_SIZES,
    PDF_FAMILIES,
    WEIGHTS,
    Body,
    Colours,
    Fonts,
    Headings,
    Margins,
    Page,
    Style,
)

Number = (int, float)
COLOUR = re.compile(r"^#?([0-9A-Fa-f]{6})$")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MIN_BODY_SIZE = 12.0  # GOV.UK, RNIB and BDA
MIN_LINE_SPACING = 1.5  # WCAG 1.4.8 (AAA) and the BDA
MIN_FRAME = 60.0  # millimetres of text width and height a page must leave

# key -> kind: "str", "number", "integer", "colour", "size" (a name or [width, height]),
# "numbers" / "strings" (lists of 1 to HEADING_LEVELS), or a nested table.
SCHEMA: dict[str, Any] = {
    "name": "str",
    "description": "str",
    "extends": "str",
    "contrast": "str",
    "page": {
        "size": "size",
        "margins": {"top": "number", "right": "number", "bottom": "number", "left": "number"},
    },
    "fonts": {"word": "str", "pdf": "str"},
    "body": {
        "size": "number",
        "line_spacing": "number",
        "paragraph_spacing": "number",
        "letter_spacing": "number",
        "word_spacing": "number",
        "measure": "integer",
        "alignment": "str",
        "emphasis": "str",
    },
    "headings": {"sizes": "numbers", "weights": "strings"},
    "colours": {
        "text": "colour",
        "background": "colour",
        "link": "colour",
        "heading": "colour",
        "table_header": "colour",
        "table_header_background": "colour",
    },
}


class Problems:
    """Collects located problems in one style file; ``rename`` maps a key path to the name
    the file itself uses (a legacy YAML key)."""

    def __init__(
        self,
        source: str,
        rename: Callable[[str], str] | None = None,
        line_of: Callable[[str], int | None] | None = None,
    ) -> None:
        self.source = source
        self.rename = rename or (lambda place: place)
        self.line_of = line_of or (lambda place: None)  # the line a place is set on, if known
        self.found: list[InputError] = []
        self.inherited: dict[str, str] = {}  # place -> the profile it comes from (extends)

    def add(self, place: str, message: str) -> None:
        origin = self.inherited.get(place.split("[")[0])
        if origin is not None:
            message += f" (this setting comes from {origin})"
        self.found.append(InputError(message, self.source, self.rename(place), self.line_of(place)))


def _is_number(value: object) -> bool:
    return isinstance(value, Number) and not isinstance(value, bool)


def _type_name(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)  # fmt: skip


def validate_shape(
    data: dict[str, Any], problems: Problems, schema: dict[str, Any] = SCHEMA, prefix: str = ""
) -> None:
    """Refuse unknown keys and values of the wrong type, each with its place; each is taken
    out of ``data``, so that ``build`` can go on to find the file's other problems."""
    for key, value in list(data.items()):
        before = len(problems.found)
        _check_key(key, value, problems, schema, prefix)
        if len(problems.found) > before and not (isinstance(schema.get(key), dict) and isinstance(value, dict)):
            del data[key]


def _check_key(key: str, value: object, problems: Problems, schema: dict[str, Any], prefix: str) -> None:
    place = f"{prefix}{key}"
    kind = schema.get(key)
    if kind is None:
        known = ", ".join(schema)
        problems.add(place, f"unknown setting (known here: {known})")
    elif isinstance(kind, dict):
        if isinstance(value, dict):
            validate_shape(value, problems, kind, place + ".")
        else:
            problems.add(place, f"should be a table of settings, not {_type_name(value)}")
    else:
        _check_kind(kind, value, place, problems)


def _check_kind(kind: str, value: object, place: str, problems: Problems) -> None:
    if kind == "str" and not isinstance(value, str):
        problems.add(place, f"should be a string, not {_type_name(value)}")
    elif kind == "number" and not _is_number(value):
        problems.add(place, f"should be a number, not {_type_name(value)}")
    elif kind == "integer" and (not _is_number(value) or value != int(value)):  # type: ignore[call-overload]
        problems.add(place, f"should be a whole number, not {value!r}")
    elif kind == "colour" and not (isinstance(value, str) and COLOUR.match(value)):
        problems.add(place, f'should be a colour written "#RRGGBB" (six hex digits), not {value!r}')
    elif kind == "size":
        ok = isinstance(value, str) or (
            isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value)
        )
        if not ok:
            problems.add(place, f"should be a paper size ({', '.join(PAGE_SIZES)}) or [width, height] in mm")
    elif kind in ("numbers", "strings"):
        if not isinstance(value, list) or not 1 <= len(value) <= HEADING_LEVELS:
            what = "sizes in points" if kind == "numbers" else f"weights ({' or '.join(WEIGHTS)})"
            problems.add(place, f"should be a list of 1 to {HEADING_LEVELS} {what}, one per heading level")
            return
        for index, item in enumerate(value):
            if kind == "numbers" and not _is_number(item):
                problems.add(f"{place}[{index}]", f"should be a size in points, not {item!r}")
            elif kind == "strings" and not isinstance(item, str):
                problems.add(f"{place}[{index}]", f"should be a string, not {_type_name(item)}")


# --- building the style ------------------------------------------------------------


def build(data: dict[str, Any], problems: Problems) -> Style | None:
    """The Style that fully resolved, shape-checked data describes, or None after adding
    each broken rule to ``problems``."""
    default = Style()
    page = _page(data.get("page", {}), default.page, problems)
    fonts = Fonts(**{**vars(default.fonts), **data.get("fonts", {})})
    body_data = dict(data.get("body", {}))
    if "measure" in body_data:
        body_data["measure"] = int(body_data["measure"])
    body = Body(**{**vars(default.body), **body_data})
    headings_data = data.get("headings", {})
    headings = Headings(
        tuple(float(size) for size in headings_data.get("sizes", default.headings.sizes)),
        tuple(headings_data.get("weights", default.headings.weights)),
    )
    colours = Colours(
        **{
            key: "#" + _hex(value)
            for key, value in {**vars(default.colours), **data.get("colours", {})}.items()
        }
    )
    style = Style(
        name=data.get("name", default.name),
        description=data.get("description", ""),
        contrast=data.get("contrast", default.contrast),
        page=page,
        fonts=fonts,
        body=body,
        headings=headings,
        colours=colours,
    )
    before = len(problems.found)
    _check_choices(style, problems)
    _check_body(style, problems)
    _check_headings(style, problems)
    if style.contrast in CONTRAST_LEVELS:  # the thresholds need a known level
        _check_contrast(style, problems)
    return style if len(problems.found) == before else None


def _hex(value: str) -> str:
    match = COLOUR.match(value)
    assert match is not None  # validate_shape checked it
    return match.group(1).upper()


def _page(data: dict[str, Any], default: Page, problems: Problems) -> Page:
    size = data.get("size", default.size)
    if isinstance(size, str):
        if size not in PAGE_SIZES:
            matched = next((name for name in PAGE_SIZES if name.lower() == size.lower()), None)
            if matched is None:
                problems.add(
                    "page.size",
                    f"unknown paper size {size!r} (known: {', '.join(PAGE_SIZES)}, or [width, height] in mm)",
                )
                matched = default.size
            size = matched
        width, height = PAGE_SIZES[size]
    else:
        width, height = float(size[0]), float(size[1])
        size = "custom"
        if not (74 <= width <= 1200 and 74 <= height <= 1200):
            problems.add("page.size", "a page is between 74 and 1200 mm each way")
    margins = Margins(
        **{**vars(default.margins), **{k: float(v) for k, v in data.get("margins", {}).items()}}
    )
    for side, value in vars(margins).items():
        if not 5 <= value <= 100:
            problems.add(f"page.margins.{side}", f"a margin is between 5 and 100 mm, not {value:g}")
    if width - margins.left - margins.right < MIN_FRAME or height - margins.top - margins.bottom < MIN_FRAME:
        problems.add("page.margins", f"the margins leave less than {MIN_FRAME:g} mm of the page for text")
    return Page(size, width, height, margins)


def _check_choices(style: Style, problems: Problems) -> None:
    if style.contrast not in CONTRAST_LEVELS:
        problems.add("contrast", f"is a WCAG level, {' or '.join(CONTRAST_LEVELS)}, not {style.contrast!r}")
    if not NAME.match(style.name):
        problems.add("name", "is letters, digits, '.', '_' and '-', starting with a letter or digit")
    word = style.fonts.word
    if not word.strip() or len(word) > 31 or any(ord(char) < 32 for char in word):
        problems.add("fonts.word", "is the name of a font installed with Word, at most 31 characters")
    if style.fonts.pdf not in PDF_FAMILIES:
        problems.add("fonts.pdf", f"is a bundled font: {', '.join(PDF_FAMILIES)}")
    body = style.body
    if body.alignment in ("justify", "justified", "both", "distribute"):
        problems.add(
            "body.alignment", "justified text fails WCAG 1.4.8 and GOV.UK, RNIB and BDA guidance: use left"
        )
    elif body.alignment not in ALIGNMENTS:
        problems.add("body.alignment", f"is {' or '.join(ALIGNMENTS)}, not {body.alignment!r}")
    if body.emphasis not in EMPHASIS:
        problems.add("body.emphasis", f"is {' or '.join(EMPHASIS)}, not {body.emphasis!r}")
    elif body.emphasis == "italic" and "italic" not in PDF_FAMILIES.get(style.fonts.pdf, ("italic",)):
        problems.add("body.emphasis", f'{style.fonts.pdf} is bundled without italics: use emphasis = "bold"')


def _check_body(style: Style, problems: Problems) -> None:
    body = style.body
    if body.size < MIN_BODY_SIZE:
        problems.add(
            "body.size",
            f"body text under {MIN_BODY_SIZE:g} pt fails GOV.UK, RNIB and BDA guidance ({body.size:g} pt)",
        )
    elif body.size > 72:
        problems.add("body.size", f"is at most 72 pt, not {body.size:g}")
    if body.line_spacing < MIN_LINE_SPACING:
        problems.add(
            "body.line_spacing", f"line spacing under {MIN_LINE_SPACING:g} fails WCAG 1.4.8 and the BDA guide"
        )
    elif body.line_spacing > 3:
        problems.add("body.line_spacing", "is at most 3 (times the font size)")
    if not 0 <= body.paragraph_spacing <= 72:
        problems.add("body.paragraph_spacing", "is between 0 and 72 points")
    if body.letter_spacing < 0:
        problems.add("body.letter_spacing", "condensed text is harder to read (RNIB): use 0 or more")
    elif body.letter_spacing > 0.5:
        problems.add("body.letter_spacing", "is at most 0.5 em")
    if not 0 <= body.word_spacing <= 1:
        problems.add("body.word_spacing", "is between 0 and 1 em")
    if not 30 <= body.measure <= 120:
        problems.add(
            "body.measure",
            f"is the longest line, 30 to 120 characters (BDA and RNIB: 60 to 70), not {body.measure}",
        )


def _check_headings(style: Style, problems: Problems) -> None:
    """None below the body size, none larger than the level above (a deeper heading never
    looks more important), and each set apart from body text by size or weight."""
    sizes, weights = style.headings.sizes, style.headings.weights
    for index, size in enumerate(sizes):
        place = f"headings.sizes[{index}]"
        if size < style.body.size:
            problems.add(place, f"heading level {index + 1} is smaller than the body text")
        elif index and size > sizes[index - 1]:
            problems.add(place, f"heading level {index + 1} is larger than level {index}")
        elif size > 96:
            problems.add(place, "is at most 96 pt")
    for index, weight in enumerate(weights):
        if weight not in WEIGHTS:
            problems.add(f"headings.weights[{index}]", f"is {' or '.join(WEIGHTS)}, not {weight!r}")
    if problems.found:
        return
    for level in range(1, HEADING_LEVELS + 1):
        if style.heading_size(level) <= style.body.size and not style.heading_bold(level):
            problems.add(
                "headings", f"heading level {level} would look like body text: make it larger or bold"
            )
            break


def _check_contrast(style: Style, problems: Problems) -> None:
    """Each colour of text against what it is drawn on, at the size it is drawn (WCAG 1.4.3,
    or 1.4.6 for AAA profiles): body text, links and header cells at the body size (header
    cells bold), headings at the smallest heading size."""
    colours, level, body = style.colours, style.contrast, style.body.size
    smallest = min(
        range(1, HEADING_LEVELS + 1), key=lambda lvl: (style.heading_size(lvl), style.heading_bold(lvl))
    )
    pairs = (
        ("colours.text", colours.text, "background", colours.background, body, False),
        ("colours.link", colours.link, "background", colours.background, body, False),
        ("colours.heading", colours.heading, "background", colours.background,
         style.heading_size(smallest), style.heading_bold(smallest)),
        ("colours.table_header", colours.table_header, "table_header_background",
         colours.table_header_background, body, True),
    )  # fmt: skip
    for place, foreground, ground_name, ground, size, bold in pairs:
        ratio = contrast_ratio(foreground, ground)
        needed = required_ratio(size, bold, level)
        if ratio + 1e-9 < needed:
            problems.add(
                place,
                f"contrast of {place.split('.')[1]} {foreground} on {ground_name} {ground} is {ratio:.2f}:1, "
                f"below the {needed:g}:1 WCAG {level} needs for {size:g} pt{' bold' if bold else ''} text",
            )
