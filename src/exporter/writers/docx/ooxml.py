"""WordprocessingML elements python-docx has no API for, named after the schema.

Each function builds one element (with lxml via python-docx's OxmlElement, so the
result can be appended to python-docx's own trees) and knows nothing of briefings.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
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


def _el(tag: str, **attrs: str) -> etree._Element:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def bookmark_start(bookmark_id: int, name: str) -> etree._Element:
    return _el("w:bookmarkStart", id=str(bookmark_id), name=name)


def bookmark_end(bookmark_id: int) -> etree._Element:
    return _el("w:bookmarkEnd", id=str(bookmark_id))


def hyperlink_external(r_id: str, tooltip: str | None) -> etree._Element:
    element = OxmlElement("w:hyperlink")
    element.set(qn("r:id"), r_id)
    element.set(qn("w:history"), "1")
    if tooltip:
        element.set(qn("w:tooltip"), tooltip)
    return element


def hyperlink_internal(anchor: str, tooltip: str | None) -> etree._Element:
    element = _el("w:hyperlink", anchor=anchor, history="1")
    if tooltip:
        element.set(qn("w:tooltip"), tooltip)
    return element


def r(text: str | None = None) -> etree._Element:
    """A run, with its text in a w:t (space preserved only when it matters)."""
    run = OxmlElement("w:r")
    if text is not None:
        run.append(t(text))
    return run


def t(text: str) -> etree._Element:
    element = OxmlElement("w:t")
    element.text = text
    if text != text.strip():
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


def r_pr(
    *,
    style_id: str | None = None,
    bold: bool = False,
    italic: bool = False,
    superscript: bool = False,
    lang: dict[str, str] | None = None,
) -> etree._Element | None:
    """A w:rPr with its children in schema order, or None when there is nothing to say."""
    rpr = OxmlElement("w:rPr")
    if style_id:
        rpr.append(_el("w:rStyle", val=style_id))
    if bold:
        rpr.append(OxmlElement("w:b"))
        rpr.append(OxmlElement("w:bCs"))
    if italic:
        rpr.append(OxmlElement("w:i"))
        rpr.append(OxmlElement("w:iCs"))
    if superscript:
        rpr.append(_el("w:vertAlign", val="superscript"))
    if lang:
        rpr.append(_el("w:lang", **lang))
    return rpr if len(rpr) else None


def fld_char(kind: str) -> etree._Element:
    """A run holding a complex-field character: begin, separate or end."""
    run = OxmlElement("w:r")
    run.append(_el("w:fldChar", fldCharType=kind))
    return run


def instr_text(instruction: str) -> etree._Element:
    run = OxmlElement("w:r")
    element = OxmlElement("w:instrText")
    element.text = instruction
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(element)
    return run


def complex_field(instruction: str, result: str | None = None) -> list[etree._Element]:
    """The runs of a complex field (ECMA-376 Part 1, 17.16.2): begin, its instruction, then
    (when ``result`` is given) separate and the result as last computed ("" for one that Word
    fills in), then end."""
    runs = [fld_char("begin"), instr_text(instruction)]
    if result is not None:
        runs.append(fld_char("separate"))
        if result:
            runs.append(r(result))
    runs.append(fld_char("end"))
    return runs


def field_argument(text: str) -> str:
    """Text for a quoted field argument, its backslashes and quotes escaped (17.16.1)."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def fld_simple(instruction: str, result: str) -> etree._Element:
    element = _el("w:fldSimple", instr=instruction)
    element.append(r(result))
    return element


def footnote_reference(footnote_id: int, style_id: str) -> etree._Element:
    run = OxmlElement("w:r")
    run.append(r_pr(style_id=style_id))
    run.append(_el("w:footnoteReference", id=str(footnote_id)))
    return run


def footnote_ref_mark(style_id: str) -> etree._Element:
    """The number shown at the start of the note itself."""
    run = OxmlElement("w:r")
    run.append(r_pr(style_id=style_id))
    run.append(OxmlElement("w:footnoteRef"))
    return run


def num_pr(num_id: int, level: int) -> etree._Element:
    element = OxmlElement("w:numPr")
    element.append(_el("w:ilvl", val=str(level)))
    element.append(_el("w:numId", val=str(num_id)))
    return element


def tr_pr_tbl_header() -> etree._Element:
    """Repeat the row as a header on each page; also what makes LibreOffice tag it TH."""
    tr_pr = OxmlElement("w:trPr")
    tr_pr.append(OxmlElement("w:tblHeader"))
    tr_pr.append(OxmlElement("w:cantSplit"))
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
