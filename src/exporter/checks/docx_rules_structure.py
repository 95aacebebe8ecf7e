"""Structure rules of DOCX-RULES.md: images, objects, content controls, headings, links,
lists, contents and page numbers (tables are in docx_rules_tables)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from exporter.checks.docx_package import (
    HYPERLINK_REL,
    NS,
    DocxPackage,
    field_instructions,
    runs_outside_fields,
    text_of,
    w,
)
from exporter.checks.docx_registry import Finding, quoted, rule
from exporter.diagnostics import Severity
from exporter.invisible import reads_as_nothing

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
IMAGE_EXTENSION = re.compile(r"\.(png|jpe?g|gif|bmp|tiff?|svg|emf|wmf|webp|heic)\b", re.I)
DEFAULT_PICTURE_NAME = re.compile(r"^\s*(picture|image|graphic|grafik|bild|figure)\s*\d*\s*$", re.I)
ALT_MAX = 250
GENERIC_LINK_TEXT = frozenset(
    [
        "here",
        "click here",
        "click",
        "read more",
        "more",
        "more info",
        "more information",
        "learn more",
        "link",
        "this link",
        "this",
        "this page",
        "page",
        "website",
        "url",
        "details",
        "continue",
        "go",
        "find out more",
    ]
)
URL = re.compile(r"(https?://|www\.)\S+", re.I)
TYPED_BULLET = re.compile(r"^\s*[•◦▪▫■□●○‣⁃·*\-–]\s")
TYPED_NUMBER = re.compile(r"^\s*(\d{1,3}|[a-z])[.)]\s")
HEADING_MAX = 120
TOC_WORDS = 5000
HDG_WARNING_WORDS = 500


# --- images -----------------------------------------------------------------------


def _drawings(package: DocxPackage) -> Iterator[tuple[str, str, etree._Element]]:
    """(part name, position, wp:docPr) for every drawing in every story."""
    for name, root in package.story_parts():
        for n, doc_pr in enumerate(root.iter(f"{{{NS['wp']}}}docPr"), start=1):
            yield name, f"{name} drawing {n}", doc_pr


def _is_decorative(doc_pr: etree._Element) -> bool:
    for ext in doc_pr.iterfind("a:extLst/a:ext", NS):
        if ext.get("uri") == DECORATIVE_URI:
            flag = ext.find("adec:decorative", NS)
            if flag is not None and flag.get("val") in ("1", "true"):
                return True
    return False


@rule("MS-ALT-001", Severity.ERROR, "All non-text content has alt text (or is marked decorative)")
def missing_alt_text(package: DocxPackage) -> Iterator[Finding]:
    for _name, where, doc_pr in _drawings(package):
        alt = (doc_pr.get("descr") or doc_pr.get("title") or "").strip()
        if not alt and not _is_decorative(doc_pr):
            yield Finding("picture or object has no alt text and is not marked decorative", where)
    for name, root in package.story_parts():
        for shape in root.iter(f"{{{NS['v']}}}shape"):
            if shape.find("v:imagedata", NS) is not None and not (shape.get("alt") or "").strip():
                yield Finding("VML picture has no alt text", f"{name} shape {shape.get('id', '')}".strip())


@rule("MS-ALT-002", Severity.ERROR, "Alt text is not a file name or a default picture name")
def file_name_alt_text(package: DocxPackage) -> Iterator[Finding]:
    for _name, where, doc_pr in _drawings(package):
        alt = (doc_pr.get("descr") or doc_pr.get("title") or "").strip()
        if alt and (IMAGE_EXTENSION.search(alt) or DEFAULT_PICTURE_NAME.match(alt)):
            yield Finding(f"alt text {quoted(alt)} is a file or default name, not a description", where)


@rule("ALT-LEN-001", Severity.TIP, f"Alt text is short (at most {ALT_MAX} characters)")
def long_alt_text(package: DocxPackage) -> Iterator[Finding]:
    for _name, where, doc_pr in _drawings(package):
        alt = (doc_pr.get("descr") or "").strip()
        if len(alt) > ALT_MAX:
            yield Finding(f"alt text is {len(alt)} characters; put long detail in the body text", where)


@rule("MS-OBJ-001", Severity.WARNING, "Objects are placed inline with text")
def floating_objects(package: DocxPackage) -> Iterator[Finding]:
    for name, root in package.story_parts():
        for n, _anchor in enumerate(root.iter(f"{{{NS['wp']}}}anchor"), start=1):
            yield Finding(
                "a drawing floats (wp:anchor); place it in line with text", f"{name} floating object {n}"
            )


@rule("MS-OBJ-002", Severity.WARNING, "No text boxes (their reading order is lost)")
def text_boxes(package: DocxPackage) -> Iterator[Finding]:
    for name, root in package.story_parts():
        for n, _box in enumerate(root.iter(w("txbxContent")), start=1):
            yield Finding("text in a text box is read out of order or not at all", f"{name} text box {n}")


@rule("MS-WMK-001", Severity.WARNING, "No image watermarks")
def watermarks(package: DocxPackage) -> Iterator[Finding]:
    for name in package.related("header"):
        root = package.part(name)
        for shape in root.iter(f"{{{NS['v']}}}shape") if root is not None else ():
            if "PowerPlusWaterMarkObject" in (shape.get("id") or ""):
                yield Finding("a watermark carries content screen readers do not announce", name)


# --- content controls -------------------------------------------------------------


@rule("MS-CC-001", Severity.ERROR, "Content controls have titles")
def content_control_titles(package: DocxPackage) -> Iterator[Finding]:
    for name, root in package.story_parts():
        for n, sdt_pr in enumerate(root.iter(w("sdtPr")), start=1):
            if sdt_pr.find(w("docPartObj")) is not None:
                continue  # TOC and building-block wrappers
            alias = sdt_pr.find(w("alias"))
            if alias is None or not (alias.get(w("val")) or "").strip():
                yield Finding("content control has no title (w:alias)", f"{name} content control {n}")


# --- headings ---------------------------------------------------------------------


def _headings(package: DocxPackage) -> list[tuple[etree._Element, int]]:
    styles = package.styles
    found = []
    for p in package.paragraphs:
        level = styles.heading_level(p)
        if level is not None:
            found.append((p, level))
    return found


@rule(
    "MS-HDG-001", Severity.TIP, f"The document uses heading styles (warning over {HDG_WARNING_WORDS} words)"
)
def uses_headings(package: DocxPackage) -> Iterator[Finding]:
    if _headings(package):
        return
    words = package.words()
    severity = Severity.WARNING if words > HDG_WARNING_WORDS else Severity.TIP
    yield Finding(f"no paragraph uses a heading style ({words} words)", None, severity)


@rule("MS-HDG-002", Severity.WARNING, "Headings are in order (no skipped levels)")
def heading_order(package: DocxPackage) -> Iterator[Finding]:
    previous = None
    for p, level in _headings(package):
        if previous is not None and level > previous + 1:
            yield Finding(f"heading level {level} follows level {previous}", package.where(p))
        previous = level


@rule("HDG-EMPTY-001", Severity.WARNING, "No empty headings")
def empty_headings(package: DocxPackage) -> Iterator[Finding]:
    for p, level in _headings(package):
        if reads_as_nothing(text_of(p)):  # spaces, U+200B, U+FEFF, a soft hyphen: no words
            yield Finding(f"empty heading (level {level})", package.where(p))


@rule("HDG-LEN-001", Severity.TIP, f"Headings are short (at most {HEADING_MAX} characters)")
def long_headings(package: DocxPackage) -> Iterator[Finding]:
    for p, _level in _headings(package):
        text = text_of(p).strip()
        if len(text) > HEADING_MAX:
            yield Finding(f"heading is {len(text)} characters long", package.where(p))


@rule("HDG-TITLE-001", Severity.TIP, "The title is a real heading (Heading 1), not the Title style")
def title_style(package: DocxPackage) -> Iterator[Finding]:
    styles = package.styles
    if any(level == 1 for _p, level in _headings(package)):
        return
    for p in package.paragraphs:
        if styles.name(styles.paragraph_style(p)) == "title":
            yield Finding(
                "the Title style is not a heading: PDF export tags it P; use Heading 1", package.where(p)
            )
            return


# --- links ------------------------------------------------------------------------


def _hyperlinks(package: DocxPackage) -> Iterator[tuple[str, etree._Element, str]]:
    for name, root in package.story_parts():
        for n, link in enumerate(root.iter(w("hyperlink")), start=1):
            where = package.where(link.getparent()) if name == package.main else f"{name} link {n}"
            yield name, link, where


@rule("MS-LNK-001", Severity.WARNING, "Hyperlink text is meaningful")
def link_text(package: DocxPackage) -> Iterator[Finding]:
    for _name, link, where in _hyperlinks(package):
        text = " ".join(text_of(link).split())
        if not text:
            yield Finding("link has no text", where)
        elif text.lower().strip(" .:!>»") in GENERIC_LINK_TEXT:
            yield Finding(f"link text {quoted(text)} does not say where it goes", where)


@rule("MS-LNK-002", Severity.TIP, "Link text is not the raw URL")
def url_link_text(package: DocxPackage) -> Iterator[Finding]:
    for name, link, where in _hyperlinks(package):
        text = text_of(link).strip()
        rel = package.rels_of(name).get(link.get(f"{{{NS['r']}}}id", ""))
        if text and (URL.fullmatch(text) or (rel is not None and text == rel.target)):
            yield Finding(f"link text is the address {quoted(text)}; describe the destination", where)


@rule("LNK-REL-001", Severity.ERROR, "Hyperlinks resolve (external relationship or existing bookmark)")
def link_targets(package: DocxPackage) -> Iterator[Finding]:
    for name, link, where in _hyperlinks(package):
        r_id = link.get(f"{{{NS['r']}}}id")
        anchor = link.get(w("anchor"))
        if r_id:
            rel = package.rels_of(name).get(r_id)
            if rel is None or rel.type != HYPERLINK_REL or not rel.external:
                yield Finding(f"link relationship {r_id} is missing or not an external hyperlink", where)
        elif anchor is not None:
            if anchor not in package.bookmarks:
                yield Finding(f"link points to bookmark {quoted(anchor)}, which does not exist", where)
        else:
            yield Finding("link has neither a target nor an anchor", where)


@rule("LNK-BARE-001", Severity.WARNING, "Web addresses in the text are real links")
def bare_urls(package: DocxPackage) -> Iterator[Finding]:
    for p in package.paragraphs:
        for run, in_field in runs_outside_fields(p):
            if in_field or any(a.tag == w("hyperlink") for a in run.iterancestors()):
                continue
            match = URL.search(text_of(run))
            if match:
                address = match.group(0).rstrip('.,;:)!?\x27"')
                yield Finding(f"address {quoted(address)} is text, not a link", package.where(p))
                break


# --- lists, contents, page numbers ------------------------------------------------


@rule("LIST-MANUAL-001", Severity.WARNING, "Lists use list formatting, not typed bullets or numbers")
def manual_lists(package: DocxPackage) -> Iterator[Finding]:
    """A typed bullet is a list item on its own; a typed number only when the next paragraph
    carries the next number. Debate records are full of lone numbers that are not lists: an
    order-paper question "1. What progress ...", a quoted subsection "(1) The Act ..."."""
    styles = package.styles
    numbers: list[tuple[etree._Element, int] | None] = []
    for p in package.paragraphs:
        text = text_of(p)
        if styles.paragraph_format(p).numbered:
            numbers.append(None)
            continue
        if TYPED_BULLET.match(text):
            yield Finding("typed bullet; use a list style", package.where(p))
        match = TYPED_NUMBER.match(text)
        numbers.append((p, _ordinal(match.group(1))) if match else None)
    for first, second in zip(numbers, numbers[1:], strict=False):
        if first is not None and second is not None and second[1] == first[1] + 1:
            yield Finding("typed numbers; use a numbered list style", package.where(first[0]))


def _ordinal(label: str) -> int:
    return int(label) if label.isdigit() else ord(label) - ord("a") + 1


def _toc_fields(package: DocxPackage) -> Iterator[tuple[etree._Element, str]]:
    """(first paragraph, result text) for each complex TOC field in the main story."""
    state = None  # None, "code" or "result"
    start = None
    is_toc = False
    result: list[str] = []
    for p in package.paragraphs:
        for node in p.iter(w("fldChar"), w("instrText"), w("t")):
            if node.tag == w("fldChar"):
                kind = node.get(w("fldCharType"))
                if kind == "begin" and state is None:
                    state, start, is_toc, result = "code", p, False, []
                elif kind == "separate" and state == "code":
                    state = "result"
                elif kind == "end" and state is not None:
                    if is_toc:
                        yield start, "".join(result)
                    state = None
            elif node.tag == w("instrText") and state == "code":
                is_toc = is_toc or (node.text or "").strip().upper().startswith("TOC")
            elif node.tag == w("t") and state == "result":
                result.append(node.text or "")
    for simple in package.body.iter(w("fldSimple")):
        if simple.get(w("instr"), "").strip().upper().startswith("TOC"):
            yield simple.getparent(), text_of(simple)


@rule("UK-TOC-001", Severity.TIP, f"Long documents (over {TOC_WORDS} words) have a table of contents")
def has_contents(package: DocxPackage) -> Iterator[Finding]:
    words = package.words()
    if words <= TOC_WORDS:
        return
    if any(True for _ in _toc_fields(package)):
        return
    for gallery in package.body.iter(w("docPartGallery")):
        if (gallery.get(w("val")) or "").lower() == "table of contents":
            return
    yield Finding(f"{words} words and no table of contents")


@rule("TOC-EMPTY-001", Severity.WARNING, "The table of contents has entries readable without Word")
def empty_contents(package: DocxPackage) -> Iterator[Finding]:
    for start, text in _toc_fields(package):
        if not text.strip():
            yield Finding("contents field has no entries until Word updates it", package.where(start))


@rule("OPEN-PROMPT-001", Severity.WARNING, "The file asks nothing when it opens (no w:updateFields)")
def asks_to_update_fields(package: DocxPackage) -> Iterator[Finding]:
    """``w:updateFields`` (ECMA-376 Part 1, 17.15.1.91) makes Word ask "This document contains
    fields that may refer to other files. Update the fields?" at every opening: a dialog
    before the document, which Protected View cannot answer. Write fields with their results."""
    settings = package.related_part("settings")
    update = settings.find(w("updateFields")) if settings is not None else None
    if update is not None and update.get(w("val"), "true").lower() in ("1", "true", "on"):
        yield Finding("w:updateFields: Word asks to update the fields when the file opens", "word/settings.xml")


@rule("HF-PAGE-001", Severity.TIP, "Headers or footers show the page number")
def page_numbers(package: DocxPackage) -> Iterator[Finding]:
    for name in package.related("header") + package.related("footer"):
        root = package.part(name)
        if root is not None and any(
            re.match(r"\s*PAGE\b", instruction, re.I) for instruction in field_instructions(root)
        ):
            return
    yield Finding("no PAGE field in any header or footer")
