"""The briefing's styles.xml and numbering.xml, written whole from the style profile.

python-docx's template ships ~270 styles in Cambria/Calibri theme fonts, with blue
headings (4F81BD is 4.0:1 on white) and US English. Patching that many styles is
fragile, so the parts' contents are replaced by a small set where every style names
its font and colour explicitly and no style refers to a theme font. Every style that
sets a size also sets its letter spacing (``w:spacing`` in twentieths of a point, from
the profile's em); Word has no word spacing. Header cells' text is in the Table Heading
paragraph style and their shading is set on each cell: a table style's ``firstRow``
formatting (``w:tblStylePr``) loses to the Normal style's colour in Word and LibreOffice
(ECMA-376 17.7.2: table styles come first in the hierarchy), which could leave white text
on a white page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from exporter.styles.model import HEADING_LEVELS, Style, hex_digits

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# style ids used by the writer; names are Word's built-in names so Word, LibreOffice
# and pandoc recognise them (built-in names are stored in lower case by Word).
# Heading 1-9 carry outline levels 0-8: Word's navigation pane, its TOC field, pandoc and
# LibreOffice's tagged PDF all read the level from them (ECMA-376 17.3.1.20 outlineLvl).
HEADING_IDS = tuple(f"Heading{level}" for level in range(1, HEADING_LEVELS + 1))
TOC_IDS = tuple(f"TOC{level}" for level in range(1, HEADING_LEVELS + 1))
ROLE_IDS = {
    "body": "BodyText",
    "details": "Details",
    "quote": "Quote",
    "procedural": "Procedural",
    "source": "Source",
    "summary": "Summary",
    "caption": "Caption",
}
LIST_BULLET_ID = "ListBullet"
LIST_NUMBER_ID = "ListNumber"
LIST_CONTINUE_IDS = ("ListContinue", "ListContinue2", "ListContinue3")
HYPERLINK_ID = "Hyperlink"
FOOTNOTE_TEXT_ID = "FootnoteText"
FOOTNOTE_REFERENCE_ID = "FootnoteReference"
FOOTER_ID = "Footer"
TABLE_GRID_ID = "TableGrid"
TABLE_HEADING_ID = "TableHeading"

BULLET_NUM_ID = 1  # the one shared bullet list instance; ordered lists get their own
BULLET_ABSTRACT_ID = 0
DECIMAL_ABSTRACT_ID = 1
LIST_LEVELS = 3
_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")
_CJK = ("zh", "ja", "ko")
_RTL = ("ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv")


@dataclass(frozen=True)
class _Para:
    style_id: str
    name: str
    size: float | None = None  # points; None keeps the body size
    bold: bool = False
    based_on: str | None = "Normal"
    extra_ppr: str = ""
    colour: str | None = None


def half_points(points: float) -> int:
    return round(points * 2)


def twips(points: float) -> int:
    return round(points * 20)


def _colour(value: str) -> str:
    """'#0b0c0c' -> '0B0C0C', as w:color and w:shd want it."""
    digits = hex_digits(value)
    if not _HEX.match(digits):
        raise ValueError(f"style colour must be six hex digits, not {value!r}")
    return digits


def letter_spacing(style: Style, size: float) -> int:
    """w:spacing/@w:val of run properties: the profile's letter spacing in twentieths of a
    point at ``size`` points (ECMA-376 17.3.2.35)."""
    return round(style.body.letter_spacing * size * 20)


def _spacing(style: Style, size: float) -> str:
    value = letter_spacing(style, size)
    return f'<w:spacing w:val="{value}"/>' if value else ""


def _lang_attrs(language: str) -> str:
    return " ".join(f"w:{name}={quoteattr(value)}" for name, value in lang_attributes(language).items())


def _rfonts(font: str) -> str:
    f = quoteattr(font)
    return f"<w:rFonts w:ascii={f} w:hAnsi={f} w:eastAsia={f} w:cs={f}/>"


def _rpr(style: Style, size: float | None = None, bold: bool = False, colour: str | None = None) -> str:
    points = size if size is not None else style.body_size
    sz = half_points(points)
    b = "<w:b/><w:bCs/>" if bold else ""
    c = _colour(colour or style.colours.text)
    return (
        f'<w:rPr>{_rfonts(style.fonts.word)}{b}<w:color w:val="{c}"/>{_spacing(style, points)}'
        f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>'
    )


def _paragraph_styles(style: Style) -> tuple[_Para, ...]:
    after = twips(style.body.paragraph_spacing)
    indent = 720  # half an inch: quoted matter stands out by position, not italics
    headings = tuple(
        _Para(
            HEADING_IDS[i],
            f"heading {i + 1}",
            size=style.heading_size(i + 1),
            bold=style.heading_bold(i + 1),
            colour=style.colours.heading,
            extra_ppr=f'<w:keepNext/><w:keepLines/><w:spacing w:before="{twips(style.heading_size(i + 1))}" '
            f'w:after="{after}"/><w:outlineLvl w:val="{i}"/>',
        )
        for i in range(HEADING_LEVELS)
    )
    # A contents entry is its heading's words, linked, with no page number (writer.visit_contents).
    tocs = tuple(
        _Para(
            TOC_IDS[i],
            f"toc {i + 1}",
            extra_ppr=f'<w:spacing w:after="{after // 2}"/><w:ind w:left="{i * 360}"/>',
        )
        for i in range(HEADING_LEVELS)
    )
    roles = (
        _Para("BodyText", "Body Text"),
        _Para("Details", "Details"),
        _Para("Quote", "Quote", extra_ppr=f'<w:ind w:left="{indent}" w:right="{indent}"/>'),
        _Para("Procedural", "Procedural", extra_ppr=f'<w:ind w:left="{indent // 2}"/>'),
        _Para("Source", "Source"),
        _Para("Summary", "Summary"),
        _Para("Caption", "caption", bold=True, extra_ppr="<w:keepNext/>"),
        _Para(TABLE_HEADING_ID, "Table Heading", bold=True, colour=style.colours.table_header),
        _Para(LIST_BULLET_ID, "List Bullet", extra_ppr=_list_ppr(BULLET_NUM_ID)),
        _Para(LIST_NUMBER_ID, "List Number"),
        *(
            _Para(LIST_CONTINUE_IDS[i], "List Continue" + (f" {i + 1}" if i else ""), extra_ppr=_indent(i))
            for i in range(LIST_LEVELS)
        ),
        _Para(FOOTNOTE_TEXT_ID, "footnote text", extra_ppr='<w:spacing w:after="0"/>'),
        _Para(FOOTER_ID, "footer", extra_ppr='<w:spacing w:after="0"/><w:jc w:val="center"/>'),
    )
    return headings + tocs + roles


def _indent(level: int) -> str:
    """The text indent of a list level, matching numbering_xml's w:ind."""
    return f'<w:ind w:left="{720 * (level + 1)}"/>'


def _list_ppr(num_id: int) -> str:
    return f'<w:numPr><w:numId w:val="{num_id}"/></w:numPr>'


def _paragraph_style_xml(style: Style, para: _Para) -> str:
    based = f'<w:basedOn w:val="{para.based_on}"/>' if para.based_on else ""
    nxt = '<w:next w:val="Normal"/>' if para.style_id in HEADING_IDS else ""
    ppr = f"<w:pPr>{para.extra_ppr}</w:pPr>" if para.extra_ppr else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{para.style_id}"><w:name w:val="{para.name}"/>{based}{nxt}'
        f'<w:uiPriority w:val="9"/><w:qFormat/>{ppr}{_rpr(style, para.size, para.bold, para.colour)}</w:style>'
    )


def styles_xml(style: Style, language: str) -> str:
    """The whole of word/styles.xml for one briefing style and document language."""
    line = round(240 * style.body.line_spacing)
    after = twips(style.body.paragraph_spacing)
    colours = style.colours
    text = _colour(colours.text)
    link = _colour(colours.link)
    body_sz = half_points(style.body_size)
    font = _rfonts(style.fonts.word)
    body_spacing = _spacing(style, style.body_size)
    parts = [
        f'<w:styles xmlns:w="{W_NS}">',
        "<w:docDefaults><w:rPrDefault><w:rPr>",
        font,
        f'<w:color w:val="{text}"/>{body_spacing}<w:sz w:val="{body_sz}"/><w:szCs w:val="{body_sz}"/>',
        f"<w:lang {_lang_attrs(language)}/>",
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>",
        f'<w:spacing w:after="{after}" w:line="{line}" w:lineRule="auto"/><w:jc w:val="left"/>',
        "</w:pPr></w:pPrDefault></w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>',
        f'<w:pPr><w:spacing w:after="{after}" w:line="{line}" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>',
        _rpr(style),
        "</w:style>",
    ]
    parts.extend(_paragraph_style_xml(style, para) for para in _paragraph_styles(style))
    parts.extend(
        [
            '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
            '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
            f'<w:style w:type="character" w:styleId="{HYPERLINK_ID}"><w:name w:val="Hyperlink"/>'
            f'<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:rPr>{font}'
            f'<w:color w:val="{link}"/><w:u w:val="single"/></w:rPr></w:style>',
            f'<w:style w:type="character" w:styleId="{FOOTNOTE_REFERENCE_ID}"><w:name w:val="footnote reference"/>'
            f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr>{font}'
            f'<w:color w:val="{text}"/><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
            '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
            f'<w:style w:type="table" w:styleId="{TABLE_GRID_ID}"><w:name w:val="Table Grid"/>'
            '<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:before="60" w:after="60" w:line="300" '
            f'w:lineRule="auto"/></w:pPr><w:rPr>{font}<w:color w:val="{text}"/></w:rPr>'
            f"<w:tblPr>{_grid_borders(text)}</w:tblPr></w:style>",
            '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
            "<w:semiHidden/></w:style>",
            "</w:styles>",
        ]
    )
    return "".join(parts)


def _grid_borders(colour: str) -> str:
    edges = "".join(
        f'<w:{edge} w:val="single" w:sz="8" w:space="0" w:color="{colour}"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return f"<w:tblBorders>{edges}</w:tblBorders>"


def page_colour(style: Style) -> str | None:
    """Word's page colour (w:background), or None for a white page, which Word shows anyway."""
    colour = _colour(style.colours.background)
    return None if colour == "FFFFFF" else colour


def header_cell_fill(style: Style) -> str:
    """The shading of header cells, six hex digits."""
    return _colour(style.colours.table_header_background)


#: Word's w:numFmt for each way a record's labels count (document.NUMBERINGS)
_NUM_FORMATS = {
    "decimal": "decimal",
    "lower-alpha": "lowerLetter",
    "upper-alpha": "upperLetter",
    "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman",
}


@dataclass(frozen=True)
class LabelFormat:
    """How a list numbered by the record's labels is numbered in Word: its count's format
    (``numbering``, one of ``document.NUMBERINGS``), the text around the count ("(" and ")"
    for "(a)"), and the first number."""

    numbering: str
    before: str
    after: str
    start: int

    @property
    def level_text(self) -> str:
        """The w:lvlText: "(%1)" for "(a)"."""
        return self.before + "%1" + self.after


def numbering_xml(style: Style, ordered_lists: Sequence[LabelFormat | None]) -> str:
    """Bullet and decimal list definitions, plus one w:num per ordered list so each restarts
    at 1; a list numbered by the record's labels (a ``LabelFormat`` in ``ordered_lists``)
    gets a definition whose first level prints them as the record does ("(%1)" in lower
    letters) and a w:num that starts at its first label's number."""
    font = _rfonts(style.fonts.word)
    bullets = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{("•", "◦", "▪")[i]}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr>'
        f"<w:rPr>{font}</w:rPr></w:lvl>"
        for i in range(LIST_LEVELS)
    )

    def decimals(first: LabelFormat | None = None) -> str:
        levels = []
        for i in range(LIST_LEVELS):
            number_format = ("decimal", "lowerLetter", "lowerRoman")[i]
            text = f"%{i + 1}."
            hanging = 360
            if i == 0 and first is not None:
                number_format, text = _NUM_FORMATS[first.numbering], first.level_text
                hanging = 720 if len(first.before + first.after) > 1 or first.numbering.endswith("roman") else 360
            levels.append(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
                f"<w:lvlText w:val={quoteattr(text)}/><w:lvlJc w:val=\"left\"/>"
                f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="{hanging}"/></w:pPr><w:rPr>{font}</w:rPr></w:lvl>'
            )
        return "".join(levels)

    # one definition for each way of labelling, in the order first met
    formats: list[tuple[str, str]] = []
    for fmt in ordered_lists:
        key = (fmt.numbering, fmt.level_text) if fmt is not None else None
        if key is not None and key not in formats:
            formats.append(key)
    labelled = "".join(
        f'<w:abstractNum w:abstractNumId="{DECIMAL_ABSTRACT_ID + 1 + index}">'
        '<w:multiLevelType w:val="hybridMultilevel"/>'
        f"{decimals(next(f for f in ordered_lists if f is not None and (f.numbering, f.level_text) == key))}"
        "</w:abstractNum>"
        for index, key in enumerate(formats)
    )
    nums = [f'<w:num w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="{BULLET_ABSTRACT_ID}"/></w:num>']
    for n, fmt in enumerate(ordered_lists):
        abstract = DECIMAL_ABSTRACT_ID
        start = 1
        if fmt is not None:
            abstract = DECIMAL_ABSTRACT_ID + 1 + formats.index((fmt.numbering, fmt.level_text))
            start = fmt.start
        nums.append(
            f'<w:num w:numId="{ordered_num_id(n)}"><w:abstractNumId w:val="{abstract}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
        )
    return (
        f'<w:numbering xmlns:w="{W_NS}">'
        f'<w:abstractNum w:abstractNumId="{BULLET_ABSTRACT_ID}"><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{bullets}</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="{DECIMAL_ABSTRACT_ID}"><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{decimals()}</w:abstractNum>{labelled}{''.join(nums)}</w:numbering>"
    )


def ordered_num_id(index: int) -> int:
    """The w:numId of the index-th ordered list (0-based); 1 is the bullet list."""
    return index + 2


def lang_attributes(language: str) -> dict[str, str]:
    """Attributes for a run's w:lang (local names), matching the docDefaults policy."""
    primary = language.split("-")[0].lower()
    attrs = {"val": language}
    if primary in _CJK:
        attrs["eastAsia"] = language
    if primary in _RTL:
        attrs["bidi"] = language
    return attrs
