"""Marked-content sequences (ISO 32000-1 14.6) and the MCIDs that tie them to the tree.

Each ``begin`` hands out the next MCID on the page, records which element owns it (this
record becomes the page's entry in the parent tree) and returns the BDC operator. The
untagged variant returns no operators, so the layout is the same either way (it is what
the tagging-cost benchmark compares against).
"""

from __future__ import annotations

from exporter.writers.pdf.tagging.structure import MarkedContentRef, ObjectRef, StructElem


class Tagger:
    tagged = True

    def __init__(self) -> None:
        self.page_owners: list[list[StructElem]] = []  # page -> MCID -> owning element
        self.annotation_owners: list[tuple[str, StructElem]] = []  # StructParent key order

    def begin_pass(self, root: StructElem) -> None:
        """Start a layout pass afresh: no marked content, no annotations, nothing attached
        under ``root``, so that a pass that draws everything again records it once."""
        self.page_owners = []
        self.annotation_owners = []
        root.detach_all()

    def _owners(self, page: int) -> list[StructElem]:
        while len(self.page_owners) <= page:
            self.page_owners.append([])
        return self.page_owners[page]

    def begin(self, page: int, element: StructElem) -> str:
        element.attach()
        owners = self._owners(page)
        mcid = len(owners)
        owners.append(element)
        element.kids.append(MarkedContentRef(page, mcid))
        return f"/{element.type} <</MCID {mcid}>> BDC"

    def end(self) -> str:
        return "EMC"

    def begin_artifact(self, kind: str = "Layout", subtype: str | None = None, lang: str | None = None) -> str:
        """An artifact's BDC; ``lang`` (a BCP 47 tag) when its words are not in the document's
        language (a property list's /Lang, ISO 32000-1 14.9.2.2)."""
        properties = f"/Type /{kind}"
        if subtype:
            properties += f" /Subtype /{subtype}"
        if lang:
            properties += f" /Lang ({_literal(lang)})"
        return f"/Artifact <<{properties}>> BDC"

    def end_artifact(self) -> str:
        return "EMC"

    def annotation(self, page: int, element: StructElem, name: str) -> int | None:
        """Put an annotation (OBJR) in ``element``; return its /StructParent key."""
        element.attach()
        element.kids.append(ObjectRef(page, name))
        self.annotation_owners.append((name, element))
        return len(self.annotation_owners) - 1


class UntaggedTagger(Tagger):
    """Emits nothing: the same layout with no marked content, for measuring tagging cost."""

    tagged = False

    def begin(self, page: int, element: StructElem) -> str:
        return ""

    def end(self) -> str:
        return ""

    def begin_artifact(self, kind: str = "Layout", subtype: str | None = None, lang: str | None = None) -> str:
        return ""

    def end_artifact(self) -> str:
        return ""

    def annotation(self, page: int, element: StructElem, name: str) -> int | None:
        return None


def _literal(text: str) -> str:
    """``text`` escaped for a PDF literal string (ISO 32000-1 7.3.4.2)."""
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
