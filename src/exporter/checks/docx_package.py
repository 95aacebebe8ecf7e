"""A .docx opened for checking: safe parsing, parts, relationships, text and numbering.

The rules read the package only through this module (and docx_styles for effective
formatting), so each rule is a few lines about WordprocessingML, not about zip files.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from lxml import etree

from exporter.errors import InputError

if TYPE_CHECKING:
    from exporter.checks.docx_styles import Styles

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"  # ISO 29500 Strict
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {
    "w": W,
    "r": R,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
STORY_RELS = ("header", "footer", "footnotes", "endnotes")
MAX_PART_BYTES = 256 * 1024 * 1024  # refuse zip bombs before inflating them
MAX_PACKAGE_BYTES = 1024 * 1024 * 1024

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=True
)


def w(local: str) -> str:
    return f"{{{W}}}{local}"


def is_on(element: etree._Element | None) -> bool | None:
    """A toggle property (w:b, w:i, w:tblHeader ...): None when absent."""
    if element is None:
        return None
    return element.get(w("val"), "true").lower() not in ("0", "false", "off", "none")


@dataclass(frozen=True)
class Relationship:
    type: str
    target: str
    external: bool


class DocxPackage:
    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError) as err:
            raise InputError(f"not a readable .docx: the zip archive is damaged or cut short ({err})", source) from None
        self.names = set(self.zip.namelist())
        total = sum(info.file_size for info in self.zip.infolist())
        if total > MAX_PACKAGE_BYTES or any(i.file_size > MAX_PART_BYTES for i in self.zip.infolist()):
            raise InputError("the package inflates to an implausible size (zip bomb?)", source)
        self._parsed: dict[str, etree._Element | None] = {}
        self._rels: dict[str, dict[str, Relationship]] = {}
        self.main = self._main_part_name()
        root = self.part(self.main)
        if root is not None and etree.QName(root).namespace == STRICT_W:
            raise InputError(
                "Strict Open XML is not checked; save it as a Word Document (.docx, transitional)",
                source,
                self.main,
            )
        if root is None or root.find(w("body")) is None:
            raise InputError(f"{self.main} has no w:body", source, self.main)
        self.document = root
        self.body = root.find(w("body"))

    # --- parts and relationships -------------------------------------------------

    def part(self, name: str) -> etree._Element | None:
        """The parsed root of a part, or None when the package lacks it."""
        if name not in self._parsed:
            if name not in self.names:
                self._parsed[name] = None
            else:
                try:
                    raw = self.zip.read(name)
                except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as err:
                    raise InputError(f"damaged zip member: {err}", self.source, name) from None
                try:
                    self._parsed[name] = etree.fromstring(raw, _PARSER)
                except etree.XMLSyntaxError as err:
                    line = f"{name} line {err.lineno}" if err.lineno else name
                    raise InputError(f"not well-formed XML: {err.msg}", self.source, line) from None
        return self._parsed[name]

    def _main_part_name(self) -> str:
        rels = self.rels_of("")
        for rel in rels.values():
            if rel.type == OFFICE_DOCUMENT and rel.target in self.names:
                return rel.target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise InputError("no main document part (word/document.xml is missing)", self.source)

    def rels_of(self, part_name: str) -> dict[str, Relationship]:
        """Relationships of a part ("" for the package), targets resolved to member names."""
        if part_name not in self._rels:  # rules ask once per hyperlink
            self._rels[part_name] = self._read_rels(part_name)
        return self._rels[part_name]

    def _read_rels(self, part_name: str) -> dict[str, Relationship]:
        folder, base = posixpath.split(part_name)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        root = self.part(rels_name)
        found: dict[str, Relationship] = {}
        if root is None:
            return found
        for rel in root.iter(f"{{{PR}}}Relationship"):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
                if target.startswith(".."):
                    target = rel.get("Target", "").lstrip("/")
            found[rel.get("Id", "")] = Relationship(rel.get("Type", ""), target, external)
        return found

    @cached_property
    def main_rels(self) -> dict[str, Relationship]:
        return self.rels_of(self.main)

    def related(self, kind: str) -> list[str]:
        """Member names of the main part's related parts of one kind (header, footer, styles ...)."""
        suffix = f"/relationships/{kind}"
        return sorted(
            rel.target for rel in self.main_rels.values() if rel.type.endswith(suffix) and not rel.external
        )

    def story_parts(self) -> list[tuple[str, etree._Element]]:
        """The main document and every header, footer and note part, with their names."""
        stories = [(self.main, self.document)]
        for kind in STORY_RELS:
            for name in self.related(kind):
                root = self.part(name)
                if root is not None:
                    stories.append((name, root))
        return stories

    def related_part(self, kind: str) -> etree._Element | None:
        names = self.related(kind)
        return self.part(names[0]) if names else None

    @cached_property
    def core(self) -> etree._Element | None:
        for rel in self.rels_of("").values():
            if rel.type.endswith("/core-properties"):
                return self.part(rel.target)
        return self.part("docProps/core.xml")

    def core_text(self, tag: str) -> str | None:
        """Text of one core property (``dc:title``), None when absent."""
        if self.core is None:
            return None
        element = self.core.find(tag, NS)
        return None if element is None else (element.text or "")

    @cached_property
    def styles(self) -> Styles:
        from exporter.checks.docx_styles import Styles  # styles resolution needs this module

        return Styles(self)

    # --- document content ----------------------------------------------------------

    @cached_property
    def paragraphs(self) -> list[etree._Element]:
        """Every paragraph of the main story in reading order (tables included)."""
        return list(self.body.iter(w("p")))

    @cached_property
    def paragraph_numbers(self) -> dict[etree._Element, int]:
        return {p: n for n, p in enumerate(self.paragraphs, start=1)}

    def where(self, p: etree._Element) -> str:
        number = self.paragraph_numbers.get(p)
        return f"paragraph {number}" if number else "paragraph"

    @cached_property
    def tables(self) -> list[etree._Element]:
        return list(self.body.iter(w("tbl")))

    @cached_property
    def bookmarks(self) -> set[str]:
        return {b.get(w("name"), "") for b in self.document.iter(w("bookmarkStart"))}

    def words(self) -> int:
        return sum(len(text_of(p).split()) for p in self.paragraphs)


def text_of(element: etree._Element) -> str:
    """Visible text: w:t (not deleted w:delText, not field codes), tabs as \\t."""
    parts: list[str] = []
    for node in element.iter(w("t"), w("tab"), w("noBreakHyphen")):
        if node.tag == w("t"):
            parts.append(node.text or "")
        elif node.tag == w("tab") and node.getparent() is not None and node.getparent().tag == w("r"):
            parts.append("\t")
        elif node.tag == w("noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def runs_outside_fields(p: etree._Element) -> Iterator[tuple[etree._Element, bool]]:
    """Each run of a paragraph, with whether it is inside a field (code or result)."""
    depth = 0
    for run in p.iter(w("r")):
        for char in run.iter(w("fldChar")):
            kind = char.get(w("fldCharType"))
            if kind == "begin":
                depth += 1
            elif kind == "end":
                depth = max(depth - 1, 0)
        parent = run.getparent()
        in_simple = False
        while parent is not None and parent is not p:
            if parent.tag == w("fldSimple"):
                in_simple = True
                break
            parent = parent.getparent()
        yield run, depth > 0 or in_simple


def field_instructions(root: etree._Element) -> Iterator[str]:
    """Every field instruction in a story: complex fields' instrText and w:fldSimple/@w:instr."""
    for simple in root.iter(w("fldSimple")):
        yield simple.get(w("instr"), "")
    for instr in root.iter(w("instrText")):
        yield instr.text or ""
