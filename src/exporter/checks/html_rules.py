"""The rules of the HTML check, each registered with its id, severity and WCAG criterion."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from exporter.checks.docx_registry import quoted
from exporter.checks.docx_rules_structure import GENERIC_LINK_TEXT, URL
from exporter.checks.docx_rules_text import LANGUAGE_TAG
from exporter.checks.html_page import (
    DEPRECATED_ROLES,
    SCOPES,
    Finding,
    Page,
    accessible_name,
    headings,
    landmark,
    rule,
    text_of,
    where,
)
from exporter.diagnostics import Severity
from exporter.invisible import reads_as_nothing

MAX_SCALE = re.compile(r"maximum-scale\s*=\s*([\d.]+)", re.I)

# --- language and title -----------------------------------------------------------------


@rule("HTML-LANG-001", Severity.ERROR, "The page's language is set: <html lang> is a BCP 47 tag (WCAG 3.1.1)")
def page_language(page: Page) -> Iterator[Finding]:
    lang = (page.root.get("lang") or "").strip()
    if not lang:
        yield Finding("<html> has no lang attribute: screen readers cannot choose the voice", "<html>")
    elif not LANGUAGE_TAG.match(lang):
        yield Finding(f"<html lang={quoted(lang)}> is not a BCP 47 language tag", "<html>")


@rule("HTML-LANG-002", Severity.ERROR, "Every part in another language has a valid lang (WCAG 3.1.2)")
def part_languages(page: Page) -> Iterator[Finding]:
    for element in page.elements[1:]:
        lang = element.get("lang")
        if lang is not None and not LANGUAGE_TAG.match(lang.strip()):
            yield Finding(f"lang={quoted(lang)} is not a BCP 47 language tag", where(element))


@rule("HTML-TITLE-001", Severity.ERROR, "The page has a <title> with words (WCAG 2.4.2)")
def page_title(page: Page) -> Iterator[Finding]:
    titles = [
        e for e in page.elements if e.tag == "title" and not any(a.tag == "svg" for a in e.iterancestors())
    ]
    if not titles or reads_as_nothing(text_of(titles[0])):
        yield Finding("the page has no title, or an empty one", "<head>")


# --- headings -------------------------------------------------------------------------


@rule("HTML-HDG-001", Severity.ERROR, "One level-1 heading, and it comes first (WCAG 1.3.1, 2.4.6)")
def one_h1_first(page: Page) -> Iterator[Finding]:
    found = headings(page)
    firsts = [e for level, e in found if level == 1]
    if not firsts:
        yield Finding("the page has no level-1 heading (<h1>)", "<body>")
        return
    for extra in firsts[1:]:
        yield Finding(f"a second level-1 heading: {quoted(text_of(extra))}", where(extra))
    if found[0][0] != 1:
        yield Finding(f"the first heading is level {found[0][0]}, not the <h1>", where(found[0][1]))


@rule("HTML-HDG-002", Severity.ERROR, "Heading levels never skip on the way down (WCAG 1.3.1)")
def heading_order(page: Page) -> Iterator[Finding]:
    previous = 0
    for level, element in headings(page):
        if previous and level > previous + 1:
            yield Finding(f"a level-{level} heading follows a level-{previous} heading", where(element))
        previous = level


@rule("HTML-HDG-003", Severity.ERROR, "No heading is empty (WCAG 2.4.6)")
def empty_headings(page: Page) -> Iterator[Finding]:
    for _level, element in headings(page):
        if reads_as_nothing(accessible_name(element, page)):  # U+200B alone is no name
            yield Finding("an empty heading", where(element))


# --- landmarks and bypass ---------------------------------------------------------------


@rule("HTML-LMK-001", Severity.ERROR, "The page has one main landmark (WCAG 1.3.1, 2.4.1)")
def one_main(page: Page) -> Iterator[Finding]:
    mains = [e for e in page.elements if landmark(e) == "main"]
    if not mains:
        yield Finding("no <main>: the main content cannot be reached directly", "<body>")
    for extra in mains[1:]:
        yield Finding("a second main landmark", where(extra))


@rule("HTML-LMK-002", Severity.WARNING, "All content is inside landmarks, but for a skip link (WCAG 1.3.1)")
def content_in_landmarks(page: Page) -> Iterator[Finding]:
    body = page.body
    if body is None:
        return
    for child in body:
        if not isinstance(child.tag, str) or child.tag in ("script", "template", "noscript", "style"):
            continue
        if landmark(child) or _is_skip_link(child, page) or not _has_content_outside_landmarks(child, page):
            continue
        yield Finding(f"{quoted(text_of(child)[:60])} is outside any landmark", where(child))
    for text in (body.text, *(c.tail for c in body)):
        if text and text.strip():
            yield Finding(f"text {quoted(text.strip())} is outside any landmark", "<body>")


def _has_content_outside_landmarks(element: etree._Element, page: Page) -> bool:
    """True when the element has content that is not inside a landmark (it is to be reported)."""
    if landmark(element) or _is_skip_link(element, page):
        return False
    if (element.text or "").strip() or element.tag in ("img", "svg", "input", "button", "a", "table"):
        return True
    return any(
        isinstance(c.tag, str) and (_has_content_outside_landmarks(c, page) or (c.tail or "").strip())
        for c in element
    )


def _is_skip_link(element: etree._Element, page: Page) -> bool:
    target = (element.get("href") or "") if element.tag == "a" else ""
    return target.startswith("#") and target[1:] in page.ids()


@rule("HTML-LMK-003", Severity.WARNING, "At most one banner and one contentinfo landmark (WCAG 1.3.1)")
def one_banner_one_footer(page: Page) -> Iterator[Finding]:
    for role in ("banner", "contentinfo"):
        for extra in [e for e in page.elements if landmark(e) == role][1:]:
            yield Finding(f"a second {role} landmark", where(extra))


@rule("HTML-SKIP-001", Severity.WARNING, "The first link skips to the main content (WCAG 2.4.1)")
def skip_link(page: Page) -> Iterator[Finding]:
    links = [e for e in page.elements if e.tag == "a" and e.get("href")]
    mains = {e.get("id") for e in page.elements if landmark(e) == "main" and e.get("id")}
    if not links or links[0].get("href", "")[1:] not in mains:
        yield Finding(
            "the first link does not lead to the main landmark", where(links[0]) if links else "<body>"
        )


# --- tables -------------------------------------------------------------------------------


def _data_tables(page: Page) -> Iterator[etree._Element]:
    for table in page.elements:
        if table.tag == "table" and table.get("role") not in ("presentation", "none"):
            yield table


@rule("HTML-TBL-001", Severity.ERROR, "Every data table has a caption with words (WCAG 1.3.1)")
def table_captions(page: Page) -> Iterator[Finding]:
    for table in _data_tables(page):
        caption = table.find("caption")
        named = (
            accessible_name(table, page) if table.get("aria-label") or table.get("aria-labelledby") else ""
        )
        if (caption is None or not text_of(caption)) and not named:
            yield Finding("a table without a caption", where(table))


@rule("HTML-TBL-002", Severity.ERROR, "Every data table has header cells, each with a scope (WCAG 1.3.1)")
def table_headers(page: Page) -> Iterator[Finding]:
    for table in _data_tables(page):
        cells = [c for c in table.iter("th", "td") if _own_table(c) is table]
        headers = [c for c in cells if c.tag == "th"]
        if not headers and not _why_no_headers(table, page):
            yield Finding("a table without header cells (<th>)", where(table))
            continue
        if not headers:
            continue  # HTML-TBL-003
        if any(c.get("headers") for c in cells if c.tag == "td"):
            continue  # headers/id associations label the cells explicitly
        for th in headers:
            if (th.get("scope") or "").lower() not in SCOPES:
                yield Finding(f"header cell {quoted(text_of(th))} has no scope (col or row)", where(th))


@rule(
    "HTML-TBL-003",
    Severity.WARNING,
    "A data table with no header cells says why in its description (the record gives it none)",
)
def explained_missing_headers(page: Page) -> Iterator[Finding]:
    for table in _data_tables(page):
        has_headers = any(c.tag == "th" and _own_table(c) is table for c in table.iter("th"))
        why = _why_no_headers(table, page)
        if not has_headers and why:
            yield Finding(f"a table without header cells; its description says: {quoted(why)}", where(table))


def _why_no_headers(table: etree._Element, page: Page) -> str:
    """The words of the elements the table's ``aria-describedby`` names."""
    described_by = (table.get("aria-describedby") or "").split()
    named = {e.get("id"): e for e in page.elements if e.get("id") in described_by}
    return " ".join(text_of(named[i]) for i in described_by if i in named).strip()


def _own_table(cell: etree._Element) -> etree._Element | None:
    return next((a for a in cell.iterancestors() if a.tag == "table"), None)


# --- links and images ---------------------------------------------------------------------


def _links(page: Page) -> Iterator[etree._Element]:
    return (e for e in page.elements if e.tag == "a" and e.get("href") is not None)


@rule("HTML-LNK-001", Severity.ERROR, "Every link has words that say where it goes (WCAG 2.4.4)")
def link_names(page: Page) -> Iterator[Finding]:
    for link in _links(page):
        if not accessible_name(link, page):
            yield Finding(f"a link to {quoted(link.get('href', ''))} has no text", where(link))


@rule("HTML-LNK-002", Severity.WARNING, "Link text is not generic ('click here') (WCAG 2.4.4)")
def link_text_meaningful(page: Page) -> Iterator[Finding]:
    for link in _links(page):
        name = accessible_name(link, page)
        if name.lower().strip(" .:!>»") in GENERIC_LINK_TEXT:
            yield Finding(f"link text {quoted(name)} does not say where the link goes", where(link))


@rule("HTML-LNK-004", Severity.TIP, "Link text is not a bare address (GOV.UK; the Word rule MS-LNK-002)")
def link_text_not_address(page: Page) -> Iterator[Finding]:
    """A tip, as in the Word rules (MS-LNK-002): an address does say where its link goes
    (WCAG 2.4.4 is met), but is read out character by character. An address a speaker
    gave stays the link's words: a briefing quotes the record; the tool's own links say
    what they lead to."""
    for link in _links(page):
        name = accessible_name(link, page)
        if URL.fullmatch(name) or name == link.get("href"):
            yield Finding(
                f"link text {quoted(name)} is an address, read out character by character", where(link)
            )


@rule(
    "HTML-LNK-003",
    Severity.ERROR,
    "Every link within the page leads to an element that is there (WCAG 2.4.4)",
)
def link_targets(page: Page) -> Iterator[Finding]:
    ids = page.ids()
    for link in _links(page):
        href = link.get("href", "")
        if href.startswith("#") and len(href) > 1 and href[1:] not in ids and href != "#top":
            yield Finding(f"link to {quoted(href)}, which is not in the page", where(link))


@rule(
    "HTML-IMG-001", Severity.ERROR, "Every image has a text alternative, empty when decorative (WCAG 1.1.1)"
)
def image_alt(page: Page) -> Iterator[Finding]:
    for element in page.elements:
        if element.tag in ("img", "area") or (element.tag == "input" and element.get("type") == "image"):
            if element.get("alt") is None and not accessible_name(element, page):
                yield Finding(f"<{element.tag}> without alt text", where(element))
        elif element.get("role") == "img" or (element.tag == "svg" and element.get("role") != "presentation"):
            title = element.find("title")
            unnamed = not accessible_name(element, page) and (title is None or not text_of(title))
            if unnamed and element.get("aria-hidden") != "true":
                yield Finding(f"<{element.tag}> image without a name", where(element))


# --- ids, roles and zoom -------------------------------------------------------------------


@rule("HTML-ID-001", Severity.ERROR, "Ids are unique, so links and labels find their element (WCAG 1.3.1)")
def unique_ids(page: Page) -> Iterator[Finding]:
    for ident, count in sorted(page.ids().items()):
        if count > 1:
            yield Finding(f"id {quoted(ident)} is used {count} times", f'id="{ident}"')


@rule("HTML-ARIA-001", Severity.ERROR, "No deprecated ARIA roles (doc-endnote, doc-biblioentry) (WCAG 4.1.2)")
def deprecated_roles(page: Page) -> Iterator[Finding]:
    for element in page.elements:
        for role in (element.get("role") or "").split():
            if role in DEPRECATED_ROLES:
                yield Finding(f"role {role!r} is deprecated", where(element))


@rule(
    "HTML-ARIA-002", Severity.ERROR, "aria-labelledby and aria-describedby name ids in the page (WCAG 4.1.2)"
)
def aria_references(page: Page) -> Iterator[Finding]:
    ids = page.ids()
    for element in page.elements:
        for attribute in ("aria-labelledby", "aria-describedby"):
            for ident in (element.get(attribute) or "").split():
                if ident not in ids:
                    yield Finding(f"{attribute} names {ident!r}, which is not in the page", where(element))


@rule("HTML-ZOOM-001", Severity.ERROR, "The viewport does not stop readers zooming (WCAG 1.4.4)")
def zoom_allowed(page: Page) -> Iterator[Finding]:
    for meta in page.elements:
        if meta.tag != "meta" or (meta.get("name") or "").lower() != "viewport":
            continue
        content = meta.get("content") or ""
        scale = MAX_SCALE.search(content)
        limited = scale is not None and _number(scale.group(1)) < 2
        if re.search(r"user-scalable\s*=\s*(no|0)\b", content, re.I) or limited:
            yield Finding(f"viewport {quoted(content)} stops zooming", where(meta))


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 10.0  # not a number: browsers ignore it
