"""Package parts python-docx does not manage for us, and the final byte-stable zip.

* word/footnotes.xml (python-docx 1.2 has no footnote API);
* word/fontTable.xml, naming only the briefing's font;
* docProps/core.xml and docProps/app.xml, written whole so that nothing of the
  template's (creator "python-docx", 2013 dates, revision, "Microsoft Macintosh Word")
  survives, and nothing comes from the clock;
* the zip itself, rewritten with fixed timestamps and a fixed member order.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTNOTES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
EPOCH_ISO = "1980-01-01T00:00:00Z"  # used when a briefing has no sitting date

_LEFTOVER_RELTYPES = (
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)
_LEFTOVER_PACKAGE_RELTYPES = (RT.THUMBNAIL,)


def drop_template_leftovers(document: DocxDocument) -> None:
    """Remove template parts a briefing never uses (stylesWithEffects, customXml, thumbnail).

    An unreferenced part is not written on save, so dropping its relationship removes it.
    """
    part = document.part
    for r_id, rel in sorted(part.rels.items()):
        if rel.reltype in _LEFTOVER_RELTYPES:
            part.drop_rel(r_id)
    package_rels = part.package.rels
    for r_id in [r_id for r_id, rel in package_rels.items() if rel.reltype in _LEFTOVER_PACKAGE_RELTYPES]:
        del package_rels[r_id]


def add_footnotes_part(document: DocxDocument) -> XmlPart:
    """Create word/footnotes.xml with Word's two obligatory separator notes (ids -1 and 0)."""
    xml = (
        f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    package = document.part.package
    footnotes = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_CONTENT_TYPE, parse_xml(xml), package)
    document.part.relate_to(footnotes, RT.FOOTNOTES)
    return footnotes


class Hyperlinks:
    """The external hyperlink relationships (ECMA-376 Part 2, 9.3) of each part, looked up
    by address.

    python-docx's ``Part.relate_to`` finds an existing relationship by comparing the new one
    with every relationship of the part, and numbers a new one by trying ``rId1``, ``rId2``
    ... in turn: for a day with a link in every speech, 123,000 comparisons, and the Word
    writer grew faster than the day. Here each part's addresses are a dictionary, and the
    number of the last relationship added is where the search for a free one starts; the ids
    are python-docx's (the lowest free number), as relationships are only ever added while
    writing, so that the same tree gives the same bytes."""

    def __init__(self) -> None:
        self._ids: dict[int, dict[str, str]] = {}  # id(part) -> address -> rId
        self._free: dict[int, int] = {}  # id(part) -> no rId below rId<n> is free

    def r_id(self, part: Part, address: str) -> str:
        """The id of ``part``'s relationship to ``address``, added if it has none."""
        key = id(part)
        known = self._ids.get(key)
        if known is None:
            known = self._ids[key] = {
                rel.target_ref: r_id
                for r_id, rel in part.rels.items()
                if rel.is_external and rel.reltype == RT.HYPERLINK
            }
            self._free[key] = 1
        found = known.get(address)
        if found is not None:
            return found
        rels = part.rels
        number = self._free[key]
        while f"rId{number}" in rels:
            number += 1
        found = known[address] = f"rId{number}"
        self._free[key] = number + 1
        rels.add_relationship(RT.HYPERLINK, address, found, is_external=True)
        return found


def declare_separators(settings: etree._Element) -> None:
    """settings.xml names the separator notes, as Word itself writes it (w:footnotePr
    comes just before w:compat in CT_Settings)."""
    footnote_pr = parse_xml(
        f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    compat = settings.find(f"{{{W_NS}}}compat")
    if compat is not None:
        compat.addprevious(footnote_pr)
    else:
        settings.append(footnote_pr)


def core_xml(
    *, title: str, subject: str, keywords: str, language: str, author: str, date: str | None
) -> bytes:
    stamp = f"{date}T00:00:00Z" if date else EPOCH_ISO

    def el(tag: str, value: str) -> str:
        return f"<{tag}>{escape(value)}</{tag}>" if value else ""

    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{el('dc:title', title)}{el('dc:subject', subject)}{el('dc:creator', author)}"
        f"{el('cp:keywords', keywords)}{el('dc:language', language)}{el('cp:lastModifiedBy', author)}"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def app_xml(application: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{escape(application)}</Application><DocSecurity>0</DocSecurity></Properties>"
    ).encode()


def font_table_xml(font: str) -> bytes:
    """The one font the briefing uses; the template's table lists Cambria, Calibri and more."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<w:fonts xmlns:w="{W_NS}"><w:font w:name="{escape(font, {chr(34): "&quot;"})}">'
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>'
    ).encode()


def stable_zip(data: bytes, replacements: dict[str, bytes]) -> bytes:
    """Rewrite the package: fixed dates and modes, [Content_Types].xml first, the rest sorted."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    ordered = sorted(names, key=lambda name: (name != "[Content_Types].xml", name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, replacements.get(name, source.read(name)))
    return out.getvalue()


def settings_for(settings: etree._Element, language: str) -> None:
    """Point the theme-font language at the document's and drop the preview picture flag
    and any w:updateFields: every field is written with its result, so that Word never asks
    to update fields when the file opens (a prompt at open is a barrier; DOCX-RULES
    UK-TOC-001)."""
    for name in ("savePreviewPicture", "updateFields"):
        for element in settings.findall(f"{{{W_NS}}}{name}"):
            settings.remove(element)
    for element in settings.findall(f"{{{W_NS}}}rsids"):
        settings.remove(element)  # editing-session ids from the template's author
    for element in settings.findall(f"{{{W_NS}}}themeFontLang"):
        element.attrib.clear()
        element.set(f"{{{W_NS}}}val", language)


def page_colour(document: etree._Element, settings: etree._Element, colour: str | None) -> None:
    """Set the page colour: w:background first in w:document (ECMA-376 17.2.1), and
    w:displayBackgroundShape in the settings, without which Word shows a white page
    (17.15.1.34); it goes after w:zoom in CT_Settings' order. None leaves the page white."""
    if colour is None:
        return
    background = etree.Element(f"{{{W_NS}}}background")
    background.set(f"{{{W_NS}}}color", colour)
    document.insert(0, background)
    display = etree.Element(f"{{{W_NS}}}displayBackgroundShape")
    earlier = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
               "doNotDisplayPageBoundaries")  # fmt: skip
    position = 0
    for index, child in enumerate(settings):
        if etree.QName(child).localname in earlier:
            position = index + 1
    settings.insert(position, display)
