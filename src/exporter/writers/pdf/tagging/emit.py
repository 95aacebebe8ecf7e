"""Writes the logical structure into ReportLab's PDF document just before it is saved.

StructTreeRoot, one dictionary per structure element (ISO 32000-1 14.7.2), the parent tree
(14.7.4.4) with /StructParents on every page and /StructParent on every link annotation,
/Tabs /S on pages with annotations, /MarkInfo, and XMP metadata with dc:title and
pdfuaid:part 1 (ISO 14289-1 5, 7.1). Untagged output gets none of the structure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    XMP,
    PDFArray,
    PDFDictionary,
    PDFDocument,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFPage,
    PDFString,
)

from exporter.writers.pdf.tagging.marked import Tagger
from exporter.writers.pdf.tagging.structure import (
    AttributeValue,
    MarkedContentRef,
    ObjectRef,
    StructElem,
    TextString,
)

# ReportLab's page dictionary writes only the keys it knows; these two must be allowed.
_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]


class LinkAnnotation(PDFObject):
    """A /Link annotation with the /Contents and /StructParent that PDF/UA asks of it."""

    def __init__(self, rect: tuple[float, float, float, float], contents: str) -> None:
        self.rect = rect
        self.contents = contents
        self.action: PDFObjectReference | None = None  # a URI action shared by one link's annotations
        self.destination: PDFObject | None = None
        self.struct_parent: int | None = None

    def format(self, document: PDFDocument) -> bytes:
        entries: dict[str, object] = {
            "Type": PDFName("Annot"),
            "Subtype": PDFName("Link"),
            "Rect": PDFArray([round(value, 2) for value in self.rect]),
            "Border": PDFArray([0, 0, 0]),
            "F": 4,
            "Contents": PDFString(self.contents),
        }
        if self.struct_parent is not None:
            entries["StructParent"] = self.struct_parent
        if self.action is not None:
            entries["A"] = self.action
        else:
            entries["Dest"] = self.destination
        return PDFDictionary(entries).format(document)


def uri_action(doc: PDFDocument, uri: str) -> PDFObjectReference:
    """One indirect URI action per link, so that a link wrapped over many lines (a very long
    URL) stores its address once, not once per line."""
    # URI strings are 7-bit ASCII (ISO 32000-1 12.6.4.7): percent-encode the rest.
    ascii_uri = quote(uri, safe="".join(chr(c) for c in range(33, 127)))
    action = PDFDictionary({"S": PDFName("URI"), "URI": PDFString(ascii_uri)})
    return doc.Reference(action)


@dataclass(frozen=True)
class Metadata:
    title: str
    language: str
    author: str
    subject: str
    keywords: str
    date: str  # ISO 8601, e.g. "2022-02-23T00:00:00Z"
    producer: str


class _Direct(PDFObject):
    """An object that writes its own text. Thousands of structure elements format several
    times faster this way than as nested PDFDictionary objects, which keeps the cost of
    tagging within budget; every object it refers to is registered before saving."""

    def __init__(self, render: Callable[[Callable[[str], str], Callable[[str], str]], str]) -> None:
        self.render = render

    def format(self, document: PDFDocument) -> bytes:
        numbers = document.idToObjectNumberAndVersion

        def ref(name: str) -> str:
            return f"{numbers[name][0]} 0 R"

        def text(value: str) -> str:
            return PDFString(value).format(document).decode("latin-1")

        return self.render(ref, text).encode("latin-1")


def _element_object(element: StructElem, names: dict[int, str], doc: PDFDocument) -> _Direct:
    page = element.first_page()
    parent = names[id(element.parent)] if element.parent else "StructTreeRoot"

    def render(ref: Callable[[str], str], text: Callable[[str], str]) -> str:
        parts = [f"<< /Type /StructElem /S /{element.type} /P {ref(parent)}"]
        if page is not None:
            parts.append(f" /Pg {ref(f'Page{page + 1}')}")
        kids: list[str] = []
        for kid in element.kids:
            if isinstance(kid, StructElem):
                kids.append(ref(names[id(kid)]))
            elif isinstance(kid, MarkedContentRef):
                if kid.page == page:
                    kids.append(str(kid.mcid))
                else:
                    kids.append(f"<< /Type /MCR /Pg {ref(f'Page{kid.page + 1}')} /MCID {kid.mcid} >>")
            elif isinstance(kid, ObjectRef):
                annotation = ref(doc.annotationName(kid.annotation))
                kids.append(f"<< /Type /OBJR /Obj {annotation} /Pg {ref(f'Page{kid.page + 1}')} >>")
        parts.append(f" /K [{' '.join(kids)}]")
        for key, value in (
            ("Lang", element.lang),
            ("Alt", element.alt),
            ("ActualText", element.actual_text),
            ("ID", element.element_id),
        ):
            if value:
                parts.append(f" /{key} {text(value)}")
        if element.attributes:
            attributes = " ".join(
                f"/{key} {_attribute(value, text)}" for key, value in element.attributes.items()
            )
            parts.append(f" /A << {attributes} >>")
        parts.append(" >>")
        return "".join(parts)

    return _Direct(render)


def _attribute(value: AttributeValue, text: Callable[[str], str]) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, TextString):
        return text(value.value)
    if isinstance(value, tuple):
        return "[" + " ".join(text(item) for item in value) + "]"
    return f"/{value}"


def _id_tree(names: dict[int, str], elements: list[StructElem]) -> _Direct | None:
    """The /IDTree name tree (ISO 32000-1 14.7.2): every element /ID to its element, keys
    sorted, as one leaf; None when no element has an /ID."""
    identified = sorted((e.element_id, names[id(e)]) for e in elements if e.element_id)
    if not identified:
        return None

    def render(ref: Callable[[str], str], text: Callable[[str], str]) -> str:
        pairs = " ".join(f"{text(key)} {ref(name)}" for key, name in identified)
        return f"<< /Names [{pairs}] >>"

    return _Direct(render)


def _parent_tree(names: dict[int, str], tagger: Tagger, page_count: int) -> _Direct:
    """The parent tree as one flat /Nums array: annotations first, then one array per page."""

    def render(ref: Callable[[str], str], _text: Callable[[str], str]) -> str:
        nums: list[str] = []
        for key, (_name, owner) in enumerate(tagger.annotation_owners):
            nums.append(f"{key} {ref(names[id(owner)])}")
        first_page_key = len(tagger.annotation_owners)
        for index in range(page_count):
            owners = tagger.page_owners[index] if index < len(tagger.page_owners) else []
            mapped = " ".join(ref(names[id(owner)]) for owner in owners)
            nums.append(f"{first_page_key + index} [{mapped}]")
        return "<< /Nums [" + "\n".join(nums) + "] >>"

    return _Direct(render)


def emit_structure(doc: PDFDocument, root: StructElem, tagger: Tagger) -> None:
    pages: list[PDFPage] = list(doc.Pages.pages)
    elements = root.walk()
    names = {id(element): f"SE{index}" for index, element in enumerate(elements)}
    for element in elements:
        doc.Reference(_element_object(element, names, doc), names[id(element)])
    first_page_key = len(tagger.annotation_owners)
    for index, page in enumerate(pages):
        page.__NoDefault__ = _PAGE_KEYS
        page.StructParents = first_page_key + index
        page.Tabs = PDFName("S") if page.Annots else None
    parent_tree = doc.Reference(_parent_tree(names, tagger, len(pages)), "ParentTree")
    entries = {
        "Type": PDFName("StructTreeRoot"),
        "K": PDFObjectReference(names[id(root)]),
        "ParentTree": parent_tree,
        "ParentTreeNextKey": first_page_key + len(pages),
    }
    id_tree = _id_tree(names, elements)
    if id_tree is not None:
        entries["IDTree"] = doc.Reference(id_tree, "IDTree")
    tree_root = PDFDictionary(entries)
    doc.Catalog.StructTreeRoot = doc.Reference(tree_root, "StructTreeRoot")
    doc.Catalog.MarkInfo = PDFDictionary({"Marked": "true"})


def emit_metadata(doc: PDFDocument, metadata: Metadata, tagged: bool) -> None:
    def xmp_packet(_doc: PDFDocument) -> bytes:
        pdfua = (
            '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
            "<pdfuaid:part>1</pdfuaid:part></rdf:Description>"
            if tagged
            else ""
        )
        title, language = escape(metadata.title), escape(metadata.language)
        return (
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            "<dc:format>application/pdf</dc:format>"
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
            f"<dc:creator><rdf:Seq><rdf:li>{escape(metadata.author)}</rdf:li></rdf:Seq></dc:creator>"
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(metadata.subject)}'
            "</rdf:li></rdf:Alt></dc:description>"
            f"<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>"
            "</rdf:Description>"
            '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
            f"<pdf:Keywords>{escape(metadata.keywords)}</pdf:Keywords>"
            f"<pdf:Producer>{escape(metadata.producer)}</pdf:Producer></rdf:Description>"
            '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
            f"<xmp:CreateDate>{metadata.date}</xmp:CreateDate>"
            f"<xmp:ModifyDate>{metadata.date}</xmp:ModifyDate></rdf:Description>"
            f"{pdfua}</rdf:RDF></x:xmpmeta>"
            '<?xpacket end="w"?>'
        ).encode()

    doc.Catalog.Metadata = XMP(creator=xmp_packet)
