"""Structure elements, named after ISO 32000-1 14.7 (logical structure).

The writer creates elements while it visits the briefing tree, before layout; an element
joins its parent's /K only when its first content is drawn ("attach on first content").
Drawing happens in reading order, so the kids end up in reading order too, and a
paragraph split over pages stays one element whose kids are on two pages.

A layout may take several passes (contents entries with page numbers need a second):
each pass draws everything again, so each pass starts from a tree with nothing attached
(``StructElem.detach_all``), and only the last pass's attachments are written. However
many passes there are, each element is attached once, and each piece of content is
referred to once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

# The standard structure types of ISO 32000-1 14.8.4 that we use; nothing needs a RoleMap.
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


@dataclass(frozen=True)
class MarkedContentRef:
    """An MCR: marked-content id ``mcid`` on page ``page`` (0-based)."""

    page: int
    mcid: int


@dataclass(frozen=True)
class ObjectRef:
    """An OBJR: an annotation (by ReportLab's internal name) drawn on ``page``."""

    page: int
    annotation: str


Kid = Union["StructElem", MarkedContentRef, ObjectRef]


@dataclass(frozen=True)
class TextString:
    """An attribute value written as a PDF text string (a Table's /Summary), not a name."""

    value: str


# An attribute value (ISO 32000-1 14.8.5): a name (str), a number (int), a text string, or
# an array of text strings (a cell's /Headers: the /IDs of its header cells).
AttributeValue = Union[str, int, TextString, tuple[str, ...]]


@dataclass(eq=False)
class StructElem:
    type: str
    parent: StructElem | None = None
    lang: str | None = None
    alt: str | None = None
    actual_text: str | None = None  # what a drawn substitute stands for (a missing glyph)
    element_id: str | None = None  # /ID, required on Note (ISO 14289-1 7.9)
    attributes: dict[str, AttributeValue] | None = None  # /A, e.g. {"O": "Table", "Scope": "Column"}
    kids: list[Kid] = field(default_factory=list)
    attached: bool = False

    def __post_init__(self) -> None:
        if self.type not in STANDARD_TYPES:
            raise ValueError(f"{self.type!r} is not a standard structure type")

    def child(self, type_: str, **kwargs: object) -> StructElem:
        return StructElem(type_, parent=self, **kwargs)  # type: ignore[arg-type]

    def attach(self) -> None:
        """Join the parent's kids, and the parent its own parent's, the first time."""
        if self.attached:
            return
        if self.parent is not None:
            self.parent.attach()
            self.parent.kids.append(self)
        self.attached = True

    def detach_all(self) -> None:
        """Forget every attachment below this element (its kids, theirs, and so on), as
        before the first content was drawn: for a new layout pass. This element keeps its
        own place (the root stays attached)."""
        kids = self.kids
        self.kids = []
        for kid in kids:
            if isinstance(kid, StructElem):
                kid.detach_all()
                kid.attached = False

    def first_page(self) -> int | None:
        for kid in self.kids:
            if isinstance(kid, (MarkedContentRef, ObjectRef)):
                return kid.page
            page = kid.first_page()
            if page is not None:
                return page
        return None

    def walk(self) -> list[StructElem]:
        """This element and its attached descendants, in document order."""
        found = [self]
        for kid in self.kids:
            if isinstance(kid, StructElem):
                found.extend(kid.walk())
        return found


def document_root(lang: str) -> StructElem:
    root = StructElem("Document", lang=lang)
    root.attached = True
    return root
