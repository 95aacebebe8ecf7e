"""Audits a PDF against the machine-checkable core of PDF/UA-1 (ISO 14289-1).

Rule ids are ``PDFUA-<clause>-<what>``: the clause of ISO 14289-1 that the condition
belongs to (5 identification, 7.1 general, 7.2 text/language, 7.4 headings, 7.18 annotations,
7.21 fonts), then a short name of the condition. Every finding is an ERROR, a conformance
failure, but one: a table with no header cells whose Summary says why is a WARNING. ``PDFUA-7.1-parent-tree`` checks what veraPDF does not: that the parent
tree maps each MCID and link annotation to the element that really holds it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from io import BytesIO

import pikepdf
from lxml import etree

from exporter.checks.pdf_elements import ELEMENT_RULES, check_elements
from exporter.checks.pdf_structure import (
    StructureFacts,
    key_of,
    read_content,
    read_number_tree,
    read_structure,
)
from exporter.diagnostics import Diagnostic, Severity
from exporter.errors import InputError, without_reprs
from exporter.invisible import reads_as_nothing

STANDARD_TYPES = frozenset(
    [
        "Document",
        "Part",
        "Art",
        "Sect",
        "Div",
        "BlockQuote",
        "Caption",
        "TOC",
        "TOCI",
        "Index",
        "NonStruct",
        "Private",
        "P",
        "H",
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Table",
        "TR",
        "TH",
        "TD",
        "THead",
        "TBody",
        "TFoot",
        "Span",
        "Quote",
        "Note",
        "Reference",
        "BibEntry",
        "Code",
        "Link",
        "Annot",
        "Ruby",
        "Warichu",
        "RB",
        "RT",
        "RP",
        "WT",
        "WP",
        "Figure",
        "Formula",
        "Form",
    ]
)
HEADINGS = {f"H{level}": level for level in range(1, 7)}
_NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}

RULES: dict[str, str] = {
    "PDFUA-5-pdfuaid": "XMP metadata identifies the file as PDF/UA-1 (pdfuaid:part 1)",
    "PDFUA-7.1-metadata": "the catalog has an XMP /Metadata stream",
    "PDFUA-7.1-title": "the XMP metadata has a dc:title",
    "PDFUA-7.1-display-doc-title": "/ViewerPreferences /DisplayDocTitle is true",
    "PDFUA-7.1-marked": "/MarkInfo /Marked is true and /Suspects is not",
    "PDFUA-7.1-struct-tree": "the catalog has a /StructTreeRoot with a /ParentTree",
    "PDFUA-7.1-untagged-content": "every painting operator is tagged content or an artifact",
    "PDFUA-7.1-artifact-nesting": "no tagged content inside an artifact",
    "PDFUA-7.1-unbalanced": "marked-content sections are balanced",
    "PDFUA-7.1-text-object": "marked-content sections do not cross BT/ET",
    "PDFUA-7.1-mcid-unique": "MCIDs are unique on a page",
    "PDFUA-7.1-struct-parents": "every page with marked content has /StructParents",
    "PDFUA-7.1-parent-tree": "the parent tree maps each MCID and annotation to the element that holds it",
    "PDFUA-7.1-standard-type": "structure types are standard or role-mapped to a standard type",
    "PDFUA-7.1-role-map": "the role map has no identity or circular entries",
    "PDFUA-7.2-lang": "the catalog has a /Lang",
    "PDFUA-7.4-heading-order": "headings start at H1 and never skip a level",
    "PDFUA-7.4-empty-heading": "no heading is empty",
    "PDFUA-7.4-heading-kinds": "numbered headings (H1-H6) and unnumbered H are not both used",
    "PDFUA-7.4-one-h": "no element holds more than one H (each H heads its own Sect)",
    "PDFUA-7.18.3-tabs": "pages with annotations have /Tabs /S",
    "PDFUA-7.18.5-contents": "link annotations have /Contents",
    "PDFUA-7.18.5-tagged": "link annotations sit in a Link element (OBJR) with a /StructParent",
    "PDFUA-7.21-embedded": "every font is embedded",
    "PDFUA-7.21-tounicode": "every font has a /ToUnicode map",
    **ELEMENT_RULES,
}


class _Findings:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[Diagnostic] = []

    def add(
        self, code: str, message: str, location: str | None = None, severity: Severity = Severity.ERROR
    ) -> None:
        self.items.append(Diagnostic(code, severity, message, self.source, location))


def check(data: bytes, source: str) -> list[Diagnostic]:
    try:
        pdf = pikepdf.open(BytesIO(data))
    except pikepdf.PdfError as error:
        raise InputError(f"not a readable PDF: {without_reprs(str(error))}", source) from error
    repairs = pdf.get_warnings()
    if repairs:  # qpdf rebuilt what it could: what we would check is not the file as written
        pdf.close()
        details = [without_reprs(str(r)) for r in repairs]
        detail = next((d for d in details if d != "file is damaged"), details[0])
        raise InputError(f"the PDF is damaged; it can be read only by repairing it ({detail})", source)
    findings = _Findings(source)
    with pdf:
        root = pdf.Root
        if not isinstance(root, pikepdf.Dictionary):
            raise InputError("the PDF has no document catalog", source)
        _check_catalog(root, findings)
        role_map = _check_role_map(root, findings)
        facts = read_structure(root)
        _check_types_and_headings(facts, role_map, findings)
        check_elements(facts.elements, lambda type_: _resolve(type_, role_map), findings.add)
        _check_pages(pdf, root, facts, role_map, findings)
        _check_fonts(pdf, findings)
    return findings.items


def _check_catalog(root: pikepdf.Dictionary, findings: _Findings) -> None:
    lang = root.get("/Lang")
    if lang is None or not str(lang).strip():
        findings.add("PDFUA-7.2-lang", "the catalog has no /Lang", "catalog")
    mark_info = root.get("/MarkInfo")
    if not isinstance(mark_info, pikepdf.Dictionary) or mark_info.get("/Marked") is not True:
        findings.add("PDFUA-7.1-marked", "the catalog's /MarkInfo does not say /Marked true", "catalog")
    elif mark_info.get("/Suspects") is True:
        findings.add("PDFUA-7.1-marked", "the catalog's /MarkInfo says /Suspects true", "catalog")
    preferences = root.get("/ViewerPreferences")
    if not isinstance(preferences, pikepdf.Dictionary) or preferences.get("/DisplayDocTitle") is not True:
        findings.add(
            "PDFUA-7.1-display-doc-title", "/ViewerPreferences /DisplayDocTitle is not true", "catalog"
        )
    tree = root.get("/StructTreeRoot")
    if not isinstance(tree, pikepdf.Dictionary) or "/ParentTree" not in tree:
        findings.add("PDFUA-7.1-struct-tree", "no /StructTreeRoot with a /ParentTree", "catalog")
    metadata = root.get("/Metadata")
    if not isinstance(metadata, pikepdf.Stream):
        findings.add("PDFUA-7.1-metadata", "the catalog has no /Metadata stream", "catalog")
        return
    try:
        xmp = etree.fromstring(
            metadata.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as error:
        findings.add("PDFUA-7.1-metadata", f"the XMP metadata is not well-formed XML: {error}", "catalog")
        return
    titles = [text for text in xmp.xpath("//dc:title//text()", namespaces=_NS) if not reads_as_nothing(text)]
    if not titles:
        findings.add("PDFUA-7.1-title", "the XMP metadata has no dc:title", "catalog /Metadata")
    parts = xmp.xpath("//pdfuaid:part/text() | //@pdfuaid:part", namespaces=_NS)
    if not any(str(part).strip() == "1" for part in parts):
        findings.add("PDFUA-5-pdfuaid", "the XMP metadata does not say pdfuaid:part 1", "catalog /Metadata")


def _check_role_map(root: pikepdf.Dictionary, findings: _Findings) -> dict[str, str]:
    tree = root.get("/StructTreeRoot")
    raw = tree.get("/RoleMap") if isinstance(tree, pikepdf.Dictionary) else None
    role_map: dict[str, str] = {}
    if isinstance(raw, pikepdf.Dictionary):
        for key, value in raw.items():
            role_map[key.lstrip("/")] = str(value).lstrip("/")
    for name, target in role_map.items():
        if name == target:
            findings.add(
                "PDFUA-7.1-role-map", f"the role map maps /{name} to itself", "StructTreeRoot /RoleMap"
            )
            continue
        seen = {name}
        while target in role_map and target not in STANDARD_TYPES:
            if target in seen:
                findings.add(
                    "PDFUA-7.1-role-map", f"the role map is circular from /{name}", "StructTreeRoot /RoleMap"
                )
                break
            seen.add(target)
            target = role_map[target]
    return role_map


def _resolve(type_: str, role_map: dict[str, str]) -> str:
    seen: set[str] = set()
    while type_ not in STANDARD_TYPES and type_ in role_map and type_ not in seen:
        seen.add(type_)
        type_ = role_map[type_]
    return type_


def _check_types_and_headings(facts: StructureFacts, role_map: dict[str, str], findings: _Findings) -> None:
    """Standard types, and headings as ISO 14289-1 7.4 has them: numbered H1-H6 that start at
    H1 and never skip (7.4.2), or unnumbered H, one per element, their level their nesting
    (7.4.4), never both kinds in one document."""
    if facts.cycles:
        findings.add("PDFUA-7.1-struct-tree", "the structure tree contains a cycle", "StructTreeRoot")
    previous = 0
    first_numbered: str | None = None
    first_unnumbered: str | None = None
    for index, element in enumerate(facts.elements):
        resolved = _resolve(element.type, role_map)
        where = f"structure element {index} (/{element.type})"
        if resolved not in STANDARD_TYPES:
            findings.add(
                "PDFUA-7.1-standard-type", f"/{element.type} is not a standard structure type", where
            )
            continue
        if sum(_resolve(kid.type, role_map) == "H" for kid in element.children) > 1:
            findings.add("PDFUA-7.4-one-h", f"/{element.type} holds more than one H", where)
        level = HEADINGS.get(resolved)
        if level is None and resolved != "H":
            continue
        if not element.has_kids:
            findings.add("PDFUA-7.4-empty-heading", f"heading /{element.type} is empty", where)
        if level is None:
            first_unnumbered = first_unnumbered or where
            continue
        first_numbered = first_numbered or where
        if level > previous + 1:
            expected = "H1 first" if previous == 0 else f"at most H{previous + 1} after H{previous}"
            findings.add("PDFUA-7.4-heading-order", f"/{element.type} where {expected} was expected", where)
        previous = level
    if first_numbered and first_unnumbered:
        findings.add(
            "PDFUA-7.4-heading-kinds",
            f"numbered headings ({first_numbered}) and H ({first_unnumbered}) in one document",
            "StructTreeRoot",
        )


def _check_pages(
    pdf: pikepdf.Pdf,
    root: pikepdf.Dictionary,
    facts: StructureFacts,
    role_map: dict[str, str],
    findings: _Findings,
) -> None:
    tree = root.get("/StructTreeRoot")
    parent_tree = read_number_tree(tree.get("/ParentTree")) if isinstance(tree, pikepdf.Dictionary) else {}
    for number, page in enumerate(pdf.pages, start=1):
        where = f"page {number}"
        content = read_content(page)
        if content.untagged_painting:
            ops = ", ".join(sorted(set(content.untagged_painting)))
            findings.add(
                "PDFUA-7.1-untagged-content",
                f"{len(content.untagged_painting)} painting operator(s) ({ops}) neither tagged nor artifact",
                where,
            )
        if content.tagged_in_artifact:
            findings.add("PDFUA-7.1-artifact-nesting", "tagged content inside an artifact", where)
        if content.unbalanced:
            findings.add("PDFUA-7.1-unbalanced", f"{content.unbalanced} unbalanced BDC/BMC/EMC", where)
        if content.crossing_text:
            findings.add(
                "PDFUA-7.1-text-object", f"{content.crossing_text} marked section(s) cross BT/ET", where
            )
        duplicates = sorted(mcid for mcid, count in Counter(content.mcids).items() if count > 1)
        if duplicates:
            findings.add("PDFUA-7.1-mcid-unique", f"MCIDs used twice: {duplicates[:10]}", where)
        _check_page_parent_tree(page, content.mcids, parent_tree, facts, findings, where)
        _check_annotations(page, parent_tree, facts, role_map, findings, where)


def _check_page_parent_tree(
    page: pikepdf.Page,
    mcids: list[int],
    parent_tree: dict[int, pikepdf.Object],
    facts: StructureFacts,
    findings: _Findings,
    where: str,
) -> None:
    if not mcids:
        return
    key = page.obj.get("/StructParents")
    if key is None:
        findings.add("PDFUA-7.1-struct-parents", "the page has marked content but no /StructParents", where)
        return
    entry = parent_tree.get(int(key))
    if not isinstance(entry, pikepdf.Array):
        findings.add("PDFUA-7.1-parent-tree", f"the parent tree has no array for /StructParents {key}", where)
        return
    page_key = page.obj.objgen
    wrong = []
    for mcid in sorted(set(mcids)):
        holder = facts.mcid_owner.get((page_key, mcid))
        mapped = (
            key_of(entry[mcid]) if mcid < len(entry) and isinstance(entry[mcid], pikepdf.Object) else None
        )
        if holder is None or mapped != holder:
            wrong.append(mcid)
    if wrong:
        findings.add(
            "PDFUA-7.1-parent-tree",
            f"the parent tree maps MCID(s) {wrong[:10]} to an element that does not hold them",
            where,
        )


def _check_annotations(
    page: pikepdf.Page,
    parent_tree: dict[int, pikepdf.Object],
    facts: StructureFacts,
    role_map: dict[str, str],
    findings: _Findings,
    where: str,
) -> None:
    annotations = page.obj.get("/Annots")
    if not isinstance(annotations, pikepdf.Array) or len(annotations) == 0:
        return
    if page.obj.get("/Tabs") != "/S":
        findings.add("PDFUA-7.18.3-tabs", "the page has annotations but no /Tabs /S", where)
    types = facts.by_key
    for index, annotation in enumerate(annotations):
        if annotation.get("/Subtype") != "/Link":
            continue
        here = f"{where}, annotation {index + 1}"
        contents = annotation.get("/Contents")
        if contents is None or not str(contents).strip():
            findings.add("PDFUA-7.18.5-contents", "link annotation without /Contents", here)
        holder = facts.annotation_owner.get(annotation.objgen)
        element = types.get(holder) if holder else None
        if element is None or _resolve(element.type, role_map) != "Link":
            findings.add("PDFUA-7.18.5-tagged", "link annotation is not in a Link element (no OBJR)", here)
            continue
        struct_parent = annotation.get("/StructParent")
        if struct_parent is None:
            findings.add("PDFUA-7.18.5-tagged", "link annotation has no /StructParent", here)
            continue
        mapped = parent_tree.get(int(struct_parent))
        if not isinstance(mapped, pikepdf.Object) or key_of(mapped) != holder:
            findings.add("PDFUA-7.1-parent-tree", "the parent tree maps this link to another element", here)


def _fonts_of(
    resources: pikepdf.Object | None, seen: set[tuple[int, int]]
) -> Iterator[tuple[str, pikepdf.Dictionary]]:
    if not isinstance(resources, pikepdf.Dictionary):
        return
    fonts = resources.get("/Font")
    if isinstance(fonts, pikepdf.Dictionary):
        for name, font in fonts.items():
            if isinstance(font, pikepdf.Dictionary) and font.objgen not in seen:
                seen.add(font.objgen)
                yield name, font
    xobjects = resources.get("/XObject")
    if isinstance(xobjects, pikepdf.Dictionary):
        for _name, xobject in xobjects.items():
            if xobject.objgen not in seen and xobject.get("/Subtype") == "/Form":
                seen.add(xobject.objgen)
                yield from _fonts_of(xobject.get("/Resources"), seen)


def _check_fonts(pdf: pikepdf.Pdf, findings: _Findings) -> None:
    seen: set[tuple[int, int]] = set()
    for number, page in enumerate(pdf.pages, start=1):
        for name, font in _fonts_of(page.obj.get("/Resources"), seen):
            base = str(font.get("/BaseFont", name)).lstrip("/")
            where = f"page {number}, font {base}"
            descriptor_holder: pikepdf.Object = font
            if font.get("/Subtype") == "/Type0":
                descendants = font.get("/DescendantFonts")
                descriptor_holder = descendants[0] if isinstance(descendants, pikepdf.Array) else font
            if font.get("/Subtype") != "/Type3":
                descriptor = descriptor_holder.get("/FontDescriptor")
                embedded = isinstance(descriptor, pikepdf.Dictionary) and any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                if not embedded:
                    findings.add("PDFUA-7.21-embedded", f"font {base} is not embedded", where)
            if "/ToUnicode" not in font:
                findings.add("PDFUA-7.21-tounicode", f"font {base} has no /ToUnicode map", where)
