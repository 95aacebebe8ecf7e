"""Reading a tagged PDF's logical structure and content streams with pikepdf.

Gives the checker plain facts: which element holds each marked-content id and annotation
(from the structure tree), what the parent tree says about them, and what each page's
content stream does (marked sections, painting operators outside them, MCIDs).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf

ObjectKey = tuple[int, int]

# Operators that put marks on the page (ISO 32000-1 8.2, 9.4.3); "INLINE IMAGE" is pikepdf's
# name for BI ... ID ... EI.
PAINTING = frozenset(
    {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "INLINE IMAGE"}
)


def key_of(obj: pikepdf.Object) -> ObjectKey | None:
    return obj.objgen if obj.is_indirect else None


@dataclass
class Element:
    obj: pikepdf.Dictionary
    type: str
    depth: int
    mcids: list[tuple[ObjectKey | None, int]] = field(default_factory=list)
    annotations: list[ObjectKey] = field(default_factory=list)
    children: list[Element] = field(default_factory=list)  # the kids that are elements
    has_kids: bool = False


@dataclass
class StructureFacts:
    elements: list[Element] = field(default_factory=list)  # depth-first, document order
    mcid_owner: dict[tuple[ObjectKey | None, int], ObjectKey | None] = field(default_factory=dict)
    annotation_owner: dict[ObjectKey, ObjectKey | None] = field(default_factory=dict)
    cycles: bool = False

    @property
    def by_key(self) -> dict[ObjectKey, Element]:
        if self._by_key is None:
            self._by_key = {key: e for e in self.elements for key in [key_of(e.obj)] if key is not None}
        return self._by_key

    _by_key: dict[ObjectKey, Element] | None = None


def read_structure(root: pikepdf.Dictionary) -> StructureFacts:
    facts = StructureFacts()
    tree = root.get("/StructTreeRoot")
    if not isinstance(tree, pikepdf.Dictionary):
        return facts
    seen: set[ObjectKey] = set()

    def visit(node: pikepdf.Object | None, depth: int, page: ObjectKey | None) -> Element | None:
        if not isinstance(node, pikepdf.Dictionary):
            return None
        key = key_of(node)
        if key is not None:
            if key in seen:
                facts.cycles = True
                return None
            seen.add(key)
        element = Element(node, str(node.get("/S", "")).lstrip("/"), depth)
        facts.elements.append(element)
        own_page = key_of(node["/Pg"]) if "/Pg" in node else page
        kids = node.get("/K")
        kid_list = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
        element.has_kids = bool(kid_list)
        for kid in kid_list:
            if isinstance(kid, int):
                ref = (own_page, int(kid))
                element.mcids.append(ref)
                facts.mcid_owner[ref] = key
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                pg = key_of(kid["/Pg"]) if "/Pg" in kid else own_page
                ref = (pg, int(kid["/MCID"]))
                element.mcids.append(ref)
                facts.mcid_owner[ref] = key
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                annotation = key_of(kid["/Obj"])
                if annotation is not None:
                    element.annotations.append(annotation)
                    facts.annotation_owner[annotation] = key
            else:
                child = visit(kid, depth + 1, own_page)
                if child is not None:
                    element.children.append(child)
        return element

    top = tree.get("/K")
    for kid in list(top) if isinstance(top, pikepdf.Array) else [top]:
        visit(kid, 0, None)
    return facts


def read_number_tree(node: pikepdf.Object | None) -> dict[int, pikepdf.Object]:
    """The entries of a number tree (the parent tree), through /Kids and /Nums."""
    entries: dict[int, pikepdf.Object] = {}
    if not isinstance(node, pikepdf.Dictionary):
        return entries
    nums = node.get("/Nums")
    if isinstance(nums, pikepdf.Array):
        items = list(nums)
        for index in range(0, len(items) - 1, 2):
            entries[int(items[index])] = items[index + 1]
    kids = node.get("/Kids")
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            entries.update(read_number_tree(kid))
    return entries


@dataclass
class ContentFacts:
    mcids: list[int] = field(default_factory=list)
    untagged_painting: list[str] = field(default_factory=list)  # operators painted outside marks
    unbalanced: int = 0  # EMC without a section, or sections left open
    crossing_text: int = 0  # sections that begin inside BT and end outside, or the reverse
    tagged_in_artifact: int = 0


def read_content(page: pikepdf.Page) -> ContentFacts:
    facts = ContentFacts()
    # (is artifact, has MCID, opened inside BT; None once a crossing has been counted)
    stack: list[tuple[bool, bool, bool | None]] = []
    in_text = False
    for instruction in pikepdf.parse_content_stream(page):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            operands, op = [], "INLINE IMAGE"
        else:
            operands, op = list(instruction.operands), str(instruction.operator)
        if op == "BT":
            in_text = True
        elif op == "ET":
            for index, (artifact, has_mcid, opened_in_text) in enumerate(stack):
                if opened_in_text:
                    facts.crossing_text += 1
                    stack[index] = (artifact, has_mcid, None)
            in_text = False
        elif op in ("BDC", "BMC"):
            tag = str(operands[0]) if operands else ""
            mcid = None
            if op == "BDC" and len(operands) > 1 and isinstance(operands[1], pikepdf.Dictionary):
                value = operands[1].get("/MCID")
                mcid = int(value) if value is not None else None
            artifact = tag == "/Artifact"
            if mcid is not None:
                facts.mcids.append(mcid)
                if any(is_artifact for is_artifact, _m, _t in stack):
                    facts.tagged_in_artifact += 1
            stack.append((artifact, mcid is not None, in_text))
        elif op == "EMC":
            if not stack:
                facts.unbalanced += 1
                continue
            _artifact, _mcid, opened_in_text = stack.pop()
            if opened_in_text is not None and opened_in_text != in_text:
                facts.crossing_text += 1
        elif op in PAINTING and not any(artifact or has_mcid for artifact, has_mcid, _t in stack):
            facts.untagged_painting.append(op)
    facts.unbalanced += len(stack)
    return facts
