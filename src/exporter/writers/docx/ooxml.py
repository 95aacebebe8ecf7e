"""WordprocessingML elements python-docx has no API for, named after the schema.

Each function builds one element and knows nothing of briefings. Elements are made by
python-docx's own XML parser (as its ``OxmlElement`` makes them: the same element classes,
each declaring its prefix's namespace, so the result can be appended to python-docx's
trees), but straight through lxml: a briefing has tens of thousands of runs, and python-docx's
generic construction (parsing each prefixed name, then ``get_or_add_`` for every property)
was a third of the Word writer's time.
"""

from __future__ import annotations

import re
from functools import cache

from docx.oxml.ns import nsmap as NAMESPACES
from docx.oxml.parser import oxml_parser
from lxml import etree

_BOOKMARK_BAD = re.compile(r"[^A-Za-z0-9_]+")
BOOKMARK_MAX = 40


def bookmark_name(anchor: str, taken: set[str]) -> str:
    """A valid, unique Word bookmark name (letter first, [A-Za-z0-9_], at most 40 chars)."""
    base = _BOOKMARK_BAD.sub("_", anchor).strip("_") or "section"
    if not base[0].isalpha():
        base = "h_" + base
    base = base[:BOOKMARK_MAX]
    name, n = base, 1
    while name.lower() in taken:  # Word compares bookmark names without case
        n += 1
        suffix = f"_{n}"
        name = base[: BOOKMARK_MAX - len(suffix)] + suffix
    taken.add(name.lower())
    return name


@cache
def qn(prefixed: str) -> str:
    """The Clark name (``{namespace}local``) of a prefixed name such as ``w:p``."""
    prefix, local = prefixed.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


@cache
def _declaring(prefix: str) -> dict[str, str]:
    return {prefix: NAMESPACES[prefix]}


def element(tag: str) -> etree._Element:
    """A new element ``tag`` (``w:r``) declaring its own namespace, as python-docx's
    ``OxmlElement``."""
    return oxml_parser.makeelement(qn(tag), nsmap=_declaring(tag.split(":", 1)[0]))


def _el(tag: str, **attrs: str) -> etree._Element:
    made = element(tag)
    for name, value in attrs.items():
        made.set(qn(f"w:{name}"), value)
    return made


_P, _PPR, _PSTYLE, _VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")


def p(style_id: str) -> etree._Element:
    """A paragraph in the style ``style_id``: ``w:p/w:pPr/w:pStyle``."""
    paragraph = oxml_parser.makeelement(_P, nsmap=_declaring("w"))
    etree.SubElement(etree.SubElement(paragraph, _PPR), _PSTYLE).set(_VAL, style_id)
    return paragraph


def bookmark_start(bookmark_id: int, name: str) -> etree._Element:
    return _el("w:bookmarkStart", id=str(bookmark_id), name=name)


def bookmark_end(bookmark_id: int) -> etree._Element:
    return _el("w:bookmarkEnd", id=str(bookmark_id))


def hyperlink_external(r_id: str, tooltip: str | None) -> etree._Element:
    made = element("w:hyperlink")
    made.set(qn("r:id"), r_id)
    made.set(qn("w:history"), "1")
    if tooltip:
        made.set(qn("w:tooltip"), tooltip)
    return made


def hyperlink_internal(anchor: str, tooltip: str | None) -> etree._Element:
    made = _el("w:hyperlink", anchor=anchor, history="1")
    if tooltip:
        made.set(qn("w:tooltip"), tooltip)
    return made


def r(text: str | None = None) -> etree._Element:
    """A run, with its text in a w:t (space preserved only when it matters)."""
    run = element("w:r")
    if text is not None:
        run.append(t(text))
    return run


def t(text: str) -> etree._Element:
    made = element("w:t")
    made.text = text
    if text != text.strip():
        made.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return made


def r_pr(
    *,
    style_id: str | None = None,
    bold: bool = False,
    italic: bool = False,
    superscript: bool = False,
    lang: dict[str, str] | None = None,
) -> etree._Element | None:
    """A w:rPr with its children in schema order, or None when there is nothing to say."""
    rpr = element("w:rPr")
    if style_id:
        rpr.append(_el("w:rStyle", val=style_id))
    if bold:
        rpr.append(element("w:b"))
        rpr.append(element("w:bCs"))
    if italic:
        rpr.append(element("w:i"))
        rpr.append(element("w:iCs"))
    if superscript:
        rpr.append(_el("w:vertAlign", val="superscript"))
    if lang:
        rpr.append(_el("w:lang", **lang))
    return rpr if len(rpr) else None


def fld_char(kind: str) -> etree._Element:
    """A run holding a complex-field character: begin, separate or end."""
    run = element("w:r")
    run.append(_el("w:fldChar", fldCharType=kind))
    return run


def instr_text(instruction: str) -> etree._Element:
    run = element("w:r")
    made = element("w:instrText")
    made.text = instruction
    made.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(made)
    return run


def complex_field(instruction: str) -> list[etree._Element]:
    """The runs of a complex field with no result (ECMA-376 Part 1, 17.16.2): begin, its
    instruction, end. For a field that shows nothing (a TC entry)."""
    return [fld_char("begin"), instr_text(instruction), fld_char("end")]


def field_argument(text: str) -> str:
    """Text for a quoted field argument, its backslashes and quotes escaped (17.16.1)."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def fld_simple(instruction: str, result: str) -> etree._Element:
    made = _el("w:fldSimple", instr=instruction)
    made.append(r(result))
    return made


def footnote_reference(footnote_id: int, style_id: str) -> etree._Element:
    run = element("w:r")
    run.append(r_pr(style_id=style_id))
    run.append(_el("w:footnoteReference", id=str(footnote_id)))
    return run


def footnote_ref_mark(style_id: str) -> etree._Element:
    """The number shown at the start of the note itself."""
    run = element("w:r")
    run.append(r_pr(style_id=style_id))
    run.append(element("w:footnoteRef"))
    return run


def num_pr(num_id: int, level: int) -> etree._Element:
    made = element("w:numPr")
    made.append(_el("w:ilvl", val=str(level)))
    made.append(_el("w:numId", val=str(num_id)))
    return made


def tr_pr_tbl_header() -> etree._Element:
    """Repeat the row as a header on each page; also what makes LibreOffice tag it TH."""
    tr_pr = element("w:trPr")
    tr_pr.append(element("w:tblHeader"))
    tr_pr.append(element("w:cantSplit"))
    return tr_pr


def tbl_look(first_row: bool, first_column: bool) -> etree._Element:
    """The table look: header row (0x0020) and first column (0x0080) as the table has them;
    last row/column and vertical banding off (0x0400)."""
    value = 0x0400 | (0x0020 if first_row else 0) | (0x0080 if first_column else 0)
    return _el(
        "w:tblLook",
        val=f"{value:04X}",
        firstRow="1" if first_row else "0",
        lastRow="0",
        firstColumn="1" if first_column else "0",
        lastColumn="0",
        noHBand="0",
        noVBand="1",
    )


def tbl_caption(text: str) -> etree._Element:
    return _el("w:tblCaption", val=text)


def tbl_description(text: str) -> etree._Element:
    return _el("w:tblDescription", val=text)


def tbl_layout_fixed() -> etree._Element:
    return _el("w:tblLayout", type="fixed")


def tbl_w(width_twips: int) -> etree._Element:
    return _el("w:tblW", w=str(width_twips), type="dxa")


def tbl(rows: int, widths: list[int], style_id: str) -> etree._Element:
    """A table of ``rows`` rows and a column for each of ``widths`` (twips) in the table style
    ``style_id``: ``w:tblPr`` holding the style, the grid, and each cell ``w:tcPr/w:tcW`` of
    its column's width and an empty paragraph, as python-docx's ``add_table`` lays a table
    out (17.4.38), parsed whole by its parser."""
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr><w:p/></w:tc>' for width in widths)
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    xml = (
        f'<w:tbl xmlns:w="{NAMESPACES["w"]}"><w:tblPr><w:tblStyle w:val="{style_id}"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{f'<w:tr>{cells}</w:tr>' * rows}</w:tbl>"
    )
    return etree.fromstring(xml, oxml_parser)


_BEFORE_SHD = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders")


def cell_shading(tc_pr: etree._Element, fill: str) -> None:
    """Set a cell's shading (w:shd, clear pattern, ``fill`` as six hex digits) in its place
    in CT_TcPr's sequence, after the width, spans and borders."""
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = _el("w:shd", val="clear", color="auto", fill=fill)
    position = 0
    for index, child in enumerate(tc_pr):
        if etree.QName(child).localname in _BEFORE_SHD:
            position = index + 1
    tc_pr.insert(position, shd)
