"""Reading an HTML page for the checks: the rule registry, the page, and what ARIA says an
element is (its name, heading level, landmark), in the common cases of ARIA in HTML and
accname 1.2, without a browser."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree

from exporter.diagnostics import Severity

HEADINGS = {f"h{level}": level for level in range(1, 7)}
LANDMARK_ROLES = frozenset(
    ["banner", "navigation", "main", "contentinfo", "complementary", "region", "search", "form",
     "doc-endnotes", "doc-toc"]
)  # fmt: skip
DEPRECATED_ROLES = frozenset(["doc-endnote", "doc-biblioentry", "directory"])  # DPUB-ARIA 1.1, ARIA 1.2
SCOPES = frozenset(["col", "row", "colgroup", "rowgroup"])


@dataclass(frozen=True)
class Finding:
    message: str
    location: str | None = None


@dataclass(frozen=True)
class Page:
    """A parsed page: its root element and every element in document order."""

    root: etree._Element
    elements: tuple[etree._Element, ...]

    @property
    def body(self) -> etree._Element | None:
        return self.root.find("body")

    def ids(self) -> Counter[str]:
        return Counter(e.get("id") for e in self.elements if e.get("id"))


RuleCheck = Callable[[Page], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    check: RuleCheck


RULES: list[Rule] = []


def rule(rule_id: str, severity: Severity, summary: str) -> Callable[[RuleCheck], RuleCheck]:
    def register(check: RuleCheck) -> RuleCheck:
        RULES.append(Rule(rule_id, severity, summary, check))
        return check

    return register


# --- reading a page -------------------------------------------------------------------


def where(element: etree._Element) -> str:
    """``line 12 <h3 id="speech-1">``: where a finding is, for a reader with the source open."""
    ident = f' id="{element.get("id")}"' if element.get("id") else ""
    return f"line {element.sourceline} <{element.tag}{ident}>"


def text_of(element: etree._Element) -> str:
    """The words an element shows, ``alt`` text of its images included, spaces collapsed."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str):
            return
        if node.tag == "img":
            parts.append(node.get("alt") or "")
        elif node.tag not in ("script", "style", "template"):
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

    walk(element)
    return " ".join("".join(parts).split())


def accessible_name(element: etree._Element, page: Page) -> str:
    """An element's name (ARIA accname, the common cases): aria-labelledby, aria-label, then
    its own words."""
    labelled_by = (element.get("aria-labelledby") or "").split()
    if labelled_by:
        named = {e.get("id"): e for e in page.elements if e.get("id") in labelled_by}
        text = " ".join(text_of(named[i]) for i in labelled_by if i in named)
        if text.strip():
            return text.strip()
    if (element.get("aria-label") or "").strip():
        return " ".join((element.get("aria-label") or "").split())
    return text_of(element)


def heading_level(element: etree._Element) -> int | None:
    if element.get("role") == "heading":
        level = element.get("aria-level") or "2"
        return int(level) if level.isdigit() else 2
    return HEADINGS.get(element.tag)


def headings(page: Page) -> list[tuple[int, etree._Element]]:
    return [(level, e) for e in page.elements if (level := heading_level(e)) is not None]


def landmark(element: etree._Element) -> str | None:
    """The landmark an element is, if any (ARIA in HTML: header and footer are banner and
    contentinfo only outside article, aside, main, nav and section)."""
    role = element.get("role")
    if role:
        return role if role in LANDMARK_ROLES else None
    if element.tag in ("header", "footer"):
        if any(a.tag in ("article", "aside", "main", "nav", "section") for a in element.iterancestors()):
            return None
        return "banner" if element.tag == "header" else "contentinfo"
    if element.tag == "section":
        has_name = element.get("aria-label") or element.get("aria-labelledby")
        return "region" if has_name else None
    return {"nav": "navigation", "main": "main", "aside": "complementary"}.get(element.tag)
