"""Audits an HTML page for what WCAG 2.2 lets be checked without a browser.

``check(data, source)`` parses the page with lxml's HTML parser (no network, no scripts)
and returns one Diagnostic per breach, coded with the rule id; ``rules()`` lists every rule.
Rule ids are ``HTML-<area>-<n>`` as the Word rules are named; each summary names the WCAG
2.2 success criterion it serves. What needs a browser (contrast, reflow, target size,
focus) is left to axe-core in the tests; this is what ``debate-export check`` can say
about any HTML file, ours or not, on any machine.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from exporter.checks import html_rules  # noqa: F401 - importing the rules registers them
from exporter.checks.html_page import RULES, Page, Rule
from exporter.diagnostics import Diagnostic
from exporter.errors import InputError

__all__ = ["RULES", "Rule", "check", "is_html", "rules"]


def rules() -> list[Rule]:
    """Every rule, sorted by id."""
    return sorted(RULES, key=lambda r: r.id)


def is_html(data: bytes) -> bool:
    """An HTML page, told by its first bytes: a doctype or an ``<html>`` element."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def check(data: bytes, source: str) -> list[Diagnostic]:
    """Diagnostics for one HTML page; a file that is not HTML raises InputError."""
    if not is_html(data):
        raise InputError("not an HTML page (no <!DOCTYPE html> or <html> at the start)", source)
    try:
        root = lxml.html.document_fromstring(data, parser=lxml.html.HTMLParser(no_network=True))
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"not a readable HTML page: {error}", source) from error
    page = Page(root, tuple(e for e in root.iter() if isinstance(e.tag, str)))
    found = []
    for each in rules():
        for finding in each.check(page):
            found.append(Diagnostic(each.id, each.severity, finding.message, source, finding.location))
    return found
