"""One accessibility fault per checker rule, injected into a known-good .docx.

Each fault edits the XML of a package our writer produced (``good_docx``); the checker
test asserts that exactly the named rule fires on it. FAULTS maps a rule id to its fault.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable
from functools import lru_cache

from lxml import etree

from exporter.diagnostics import Reporter
from exporter.options import WriteOptions
from exporter.writers.docx import write
from golden_trees import HANSARD_URL, energy_bill

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
DOC = "word/document.xml"
STYLES = "word/styles.xml"
CORE = "docProps/core.xml"
Edit = Callable[[etree._Element], None]


@lru_cache(maxsize=1)
def good_docx() -> bytes:
    return write(energy_bill(), WriteOptions(), Reporter("good.docx"))


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def fragment(xml: str) -> etree._Element:
    """Parse a WordprocessingML fragment written with the usual prefixes."""
    declarations = " ".join(f'xmlns:{p}="{u}"' for p, u in NS.items() if p not in ("pr", "ct"))
    return etree.fromstring(f"<root {declarations}>{xml}</root>")[0]


def edit_parts(data: bytes, edits: dict[str, Edit], added: dict[str, bytes] | None = None) -> bytes:
    """A copy of the package with each named part's XML changed in place by its edit."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            raw = source.read(name)
            if name in edits:
                root = etree.fromstring(raw)
                edits[name](root)
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(name, raw)
        for name, raw in (added or {}).items():
            target.writestr(name, raw)
    return out.getvalue()


def fault(part: str, edit: Edit) -> Callable[[], bytes]:
    return lambda: edit_parts(good_docx(), {part: edit})


# --- small editing helpers -----------------------------------------------------------


def paragraphs_with_style(root: etree._Element, style_id: str) -> list[etree._Element]:
    return [p for p in root.iter(q("w:p")) if p.find(f"w:pPr/w:pStyle[@w:val='{style_id}']", NS) is not None]


def style_id(p: etree._Element) -> str:
    element = p.find("w:pPr/w:pStyle", NS)
    return "" if element is None else element.get(q("w:val"), "")


def set_text(element: etree._Element, text: str) -> None:
    texts = list(element.iter(q("w:t")))
    texts[0].text = text
    for extra in texts[1:]:
        extra.text = ""


def append_paragraph(xml: str) -> Edit:
    def edit(root: etree._Element) -> None:
        body = root.find("w:body", NS)
        body.find("w:sectPr", NS).addprevious(fragment(xml))

    return edit


def body_text(text: str, style: str = "BodyText") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def drawing(descr: str | None, kind: str = "inline", decorative: bool = False) -> str:
    alt = f' descr="{descr}"' if descr is not None else ""
    ext = (
        '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
        '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
        "</a:ext></a:extLst>"
        if decorative
        else ""
    )
    return (
        f'<w:p><w:r><w:drawing><wp:{kind}><wp:extent cx="9525" cy="9525"/>'
        f'<wp:docPr id="50" name="Picture 1"{alt}>{ext}</wp:docPr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic>'
        f"</wp:{kind}></w:drawing></w:r></w:p>"
    )


def style_rpr(style_id: str, xml: str) -> Edit:
    def edit(root: etree._Element) -> None:
        rpr = root.find(f"w:style[@w:styleId='{style_id}']/w:rPr", NS)
        rpr.insert(1, fragment(xml))

    return edit


def replace_in_styles(old: str, new: str) -> Callable[[], bytes]:
    def edit(root: etree._Element) -> None:
        for element in root.iter():
            for key, value in element.attrib.items():
                if value == old:
                    element.set(key, new)

    return fault(STYLES, edit)


def first_table(root: etree._Element) -> etree._Element:
    return root.find("w:body/w:tbl", NS)


def core_text(tag: str, value: str | None) -> Callable[[], bytes]:
    def edit(root: etree._Element) -> None:
        element = root.find(tag, NS)
        if value is None:
            root.remove(element)
        else:
            element.text = value

    return fault(CORE, edit)


def default_lang(value: str | None) -> Callable[[], bytes]:
    def edit(root: etree._Element) -> None:
        lang = root.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
        if value is None:
            lang.getparent().remove(lang)
        else:
            lang.set(q("w:val"), value)

    return fault(STYLES, edit)


# --- the faults ------------------------------------------------------------------------


def _no_header_row(root: etree._Element) -> None:
    tr_pr = first_table(root).find("w:tr/w:trPr", NS)
    tr_pr.remove(tr_pr.find("w:tblHeader", NS))


def _look_off(root: etree._Element) -> None:
    look = first_table(root).find("w:tblPr/w:tblLook", NS)
    look.set(q("w:firstRow"), "0")
    look.set(q("w:val"), "0400")


def _empty_header_cell(root: etree._Element) -> None:
    set_text(first_table(root).findall("w:tr/w:tc", NS)[1], "")  # not the corner: the first holds a label


def _no_header_row_explained(root: etree._Element) -> None:
    _no_header_row(root)
    tbl_pr = first_table(root).find("w:tblPr", NS)
    tbl_pr.append(fragment('<w:tblDescription w:val="The record gives this table no header row."/>'))


def _untitled_control(root: etree._Element) -> None:
    p = paragraphs_with_style(root, "Procedural")[0]
    sdt = fragment("<w:sdt><w:sdtPr><w:id w:val='7'/></w:sdtPr><w:sdtContent/></w:sdt>")
    p.addprevious(sdt)
    sdt.find("w:sdtContent", NS).append(p)


def _headings_to_body(root: etree._Element) -> None:
    for level in (1, 2, 3):
        for p in paragraphs_with_style(root, f"Heading{level}"):
            p.find("w:pPr/w:pStyle", NS).set(q("w:val"), "BodyText")


def _skip_level(root: etree._Element) -> None:
    paragraphs_with_style(root, "Heading2")[0].find("w:pPr/w:pStyle", NS).set(q("w:val"), "Heading3")


def _title_style(root: etree._Element) -> None:
    paragraphs_with_style(root, "Heading1")[0].find("w:pPr/w:pStyle", NS).set(q("w:val"), "Title")


def _add_title_style(root: etree._Element) -> None:
    root.append(fragment('<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'))


def _link_text(text: str, external: bool) -> Edit:
    def edit(root: etree._Element) -> None:
        selector = "@r:id" if external else "@w:anchor"
        links = root.find("w:body", NS).iterfind(f"w:p/w:hyperlink[{selector}]", NS)
        link = next(h for h in links if not style_id(h.getparent()).startswith("TOC"))
        set_text(link, text)

    return edit


def _two_empty_paragraphs(root: etree._Element) -> None:
    for _ in range(2):
        append_paragraph("<w:p/>")(root)


def _broken_anchor(root: etree._Element) -> None:
    paragraphs_with_style(root, "Summary")[0].find("w:hyperlink", NS).set(q("w:anchor"), "nowhere")


def _merged_cell(root: etree._Element) -> None:
    tc_pr = first_table(root).findall("w:tr", NS)[1].find("w:tc/w:tcPr", NS)
    tc_pr.append(fragment('<w:gridSpan w:val="2"/>'))


def _nested_table(root: etree._Element) -> None:
    table = first_table(root)
    cell = table.findall("w:tr", NS)[1].find("w:tc", NS)
    cell.insert(1, copy.deepcopy(table))


def _blank_row(root: etree._Element) -> None:
    table = first_table(root)
    row = copy.deepcopy(table.findall("w:tr", NS)[1])
    for t in row.iter(q("w:t")):
        t.text = ""
    table.append(row)


def _no_caption(root: etree._Element) -> None:
    table = first_table(root)
    tbl_pr = table.find("w:tblPr", NS)
    for tag in ("w:tblCaption", "w:tblDescription"):
        for found in tbl_pr.findall(tag, NS):
            tbl_pr.remove(found)
    table.getprevious().find("w:pPr/w:pStyle", NS).set(q("w:val"), "BodyText")


def _low_contrast(root: etree._Element) -> None:
    run = paragraphs_with_style(root, "Procedural")[0].find("w:r", NS)
    run.insert(0, fragment('<w:rPr><w:color w:val="999999"/></w:rPr>'))


def _justified(root: etree._Element) -> None:
    paragraphs_with_style(root, "Procedural")[0].find("w:pPr", NS).append(fragment('<w:jc w:val="both"/>'))


def _no_toc_long(root: etree._Element) -> None:
    for p in paragraphs_with_style(root, "TOC2") + paragraphs_with_style(root, "TOC3"):
        p.getparent().remove(p)
    append_paragraph(body_text(" ".join(["word"] * 5001)))(root)


def _empty_toc(root: etree._Element) -> None:
    entries = paragraphs_with_style(root, "TOC2") + paragraphs_with_style(root, "TOC3")
    entries[0].addprevious(
        fragment(
            '<w:p><w:pPr><w:pStyle w:val="TOC2"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        )
    )
    for p in entries:
        p.getparent().remove(p)


def _no_page_field(root: etree._Element) -> None:
    p = root.find("w:p", NS)
    for child in list(p):
        if child.tag != q("w:pPr"):
            p.remove(child)
    p.append(fragment("<w:r><w:t>Energy Bill briefing</w:t></w:r>"))


def _letter_paper(root: etree._Element) -> None:
    size = root.find("w:body/w:sectPr/w:pgSz", NS)
    size.set(q("w:w"), "12240")
    size.set(q("w:h"), "15840")


def _normal_single_spacing(root: etree._Element) -> None:
    root.find("w:style[@w:styleId='Normal']/w:pPr/w:spacing", NS).set(q("w:line"), "240")


def _hidden_page_colour(root: etree._Element) -> None:
    root.insert(0, fragment('<w:background w:color="FBF5E6"/>'))  # no w:displayBackgroundShape


def _protected(root: etree._Element) -> None:
    root.insert(0, fragment('<w:documentProtection w:edit="readOnly" w:enforcement="1"/>'))


def _update_fields(root: etree._Element) -> None:
    root.append(fragment('<w:updateFields w:val="true"/>'))


def _watermark() -> bytes:
    header = (
        f'<w:hdr xmlns:w="{W}" xmlns:v="{NS["v"]}"><w:p><w:r><w:pict>'
        '<v:shape id="PowerPlusWaterMarkObject357831064" type="#_x0000_t136"><v:textpath string="DRAFT"/></v:shape>'
        "</w:pict></w:r></w:p></w:hdr>"
    ).encode()
    rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"

    def rels(root: etree._Element) -> None:
        root.append(etree.Element(q("pr:Relationship"), Id="rId99", Type=rel_type, Target="header1.xml"))

    def types(root: etree._Element) -> None:
        root.append(etree.Element(q("ct:Override"), PartName="/word/header1.xml", ContentType=content_type))

    def sect(root: etree._Element) -> None:
        reference = fragment('<w:headerReference w:type="default" r:id="rId99"/>')
        root.find("w:body/w:sectPr", NS).insert(0, reference)

    edits = {"word/_rels/document.xml.rels": rels, "[Content_Types].xml": types, DOC: sect}
    return edit_parts(good_docx(), edits, {"word/header1.xml": header})


FAULTS: dict[str, Callable[[], bytes]] = {
    "MS-ALT-001": fault(DOC, append_paragraph(drawing(None))),
    "MS-ALT-002": fault(DOC, append_paragraph(drawing("division-chart.png"))),
    "ALT-LEN-001": fault(DOC, append_paragraph(drawing("A bar chart of the votes. " * 12))),
    "MS-TBL-001": fault(DOC, _no_header_row),
    "TBL-LOOK-001": fault(DOC, _look_off),
    "TBL-HDR-EMPTY-001": fault(DOC, _empty_header_cell),
    "TBL-HDR-NONE-001": fault(DOC, _no_header_row_explained),
    "MS-CC-001": fault(DOC, _untitled_control),
    "MS-HDG-001": fault(DOC, _headings_to_body),
    "MS-HDG-002": fault(DOC, _skip_level),
    "HDG-EMPTY-001": fault(DOC, lambda root: set_text(paragraphs_with_style(root, "Heading2")[1], "")),
    "HDG-LEN-001": fault(
        DOC, lambda root: set_text(paragraphs_with_style(root, "Heading2")[1], "Proceedings " * 11)
    ),
    "HDG-TITLE-001": lambda: edit_parts(good_docx(), {DOC: _title_style, STYLES: _add_title_style}),
    "MS-LNK-001": fault(DOC, _link_text("click here", external=False)),
    "MS-LNK-002": fault(DOC, _link_text(HANSARD_URL, external=True)),
    "LNK-REL-001": fault(DOC, _broken_anchor),
    "LNK-BARE-001": fault(
        DOC, append_paragraph(body_text("The list is at https://example.org/members today."))
    ),
    "MS-TBL-002": fault(DOC, _merged_cell),
    "MS-TBL-003": fault(DOC, _nested_table),
    "MS-TBL-004": fault(DOC, _blank_row),
    "TBL-CAP-001": fault(DOC, _no_caption),
    "MS-OBJ-001": fault(DOC, append_paragraph(drawing("Chart of the votes", kind="anchor"))),
    "MS-OBJ-002": fault(
        DOC,
        append_paragraph(
            "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed aside</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
        ),
    ),
    "MS-BLANK-001": fault(DOC, append_paragraph(body_text("Ayes    310"))),
    "MS-BLANK-002": fault(DOC, _two_empty_paragraphs),
    "MS-CON-001": fault(DOC, _low_contrast),
    "MS-WMK-001": _watermark,
    "LIST-MANUAL-001": fault(DOC, append_paragraph(body_text("• a typed bullet"))),
    "DOC-TITLE-001": core_text("dc:title", ""),
    "DOC-LANG-001": default_lang(None),
    "DOC-LANG-002": default_lang("English"),
    "DOC-LANG-003": core_text("dc:language", None),
    "UK-TOC-001": fault(DOC, _no_toc_long),
    "TOC-EMPTY-001": fault(DOC, _empty_toc),
    "HF-PAGE-001": fault("word/footer1.xml", _no_page_field),
    "BDA-SPACE-001": fault(STYLES, _normal_single_spacing),
    "UK-ALIGN-001": fault(DOC, _justified),
    "UK-FONT-001": replace_in_styles("24", "20"),
    "UK-FONT-002": replace_in_styles("Arial", "Times New Roman"),
    "UK-SPACE-002": fault(STYLES, style_rpr("BodyText", '<w:spacing w:val="-20"/>')),
    "PAGE-COLOUR-001": fault(DOC, _hidden_page_colour),
    "UK-EMPH-001": fault(STYLES, style_rpr("BodyText", "<w:i/>")),
    "UK-EMPH-002": fault(STYLES, style_rpr("BodyText", '<w:u w:val="single"/>')),
    "UK-EMPH-003": fault(STYLES, style_rpr("BodyText", "<w:caps/>")),
    "PAGE-A4-001": fault(DOC, _letter_paper),
    "META-001": core_text("dc:creator", "python-docx"),
    "PROT-EDIT-001": fault("word/settings.xml", _protected),
    "OPEN-PROMPT-001": fault("word/settings.xml", _update_fields),
}
