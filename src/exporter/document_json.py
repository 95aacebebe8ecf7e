"""The briefing tree's JSON form, both ways: for golden files, tests and ``--dump-tree``.

Each node is an object naming its type, ``{"node": "Heading", "level": 2, "anchor":
"summary", "children": [{"node": "Text", "text": "Summary"}]}``, with the fields of
``exporter.document`` under their own names; a field at its default value is left out,
lists of nodes are arrays. ``Document.record`` (the source record carried for ``-f
json``) is not part of the tree and is left out. ``from_json(to_json(tree)) == tree``.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from exporter import document as d

NODE_CLASSES: dict[str, type] = {cls.__name__: cls for cls in d.NODE_TYPES}
_NOT_IN_THE_TREE = frozenset({"record"})


class TreeError(ValueError):
    """JSON that is not a briefing tree; the message starts with the place (``$.blocks[3]``)."""


class TreeJSON(d.Visitor):
    """The tree as JSON data, one method per node type (so a new node type fails here too)."""

    name = "the tree's JSON form"

    def visit_document(self, node: d.Document) -> dict[str, Any]:
        return _node(node, blocks=self.visit_each(node.blocks))

    def visit_heading(self, node: d.Heading) -> dict[str, Any]:
        return _node(node, children=self.visit_each(node.children))

    def visit_paragraph(self, node: d.Paragraph) -> dict[str, Any]:
        return _node(node, children=self.visit_each(node.children))

    def visit_bullet_list(self, node: d.BulletList) -> dict[str, Any]:
        return _node(node, items=self.visit_each(node.items))

    def visit_list_item(self, node: d.ListItem) -> dict[str, Any]:
        return _node(node, blocks=self.visit_each(node.blocks))

    def visit_table(self, node: d.Table) -> dict[str, Any]:
        return _node(
            node,
            head=[self.visit_each(row) for row in node.head],
            rows=[self.visit_each(row) for row in node.rows],
            **({"summary": self.visit_each(node.summary)} if node.summary else {}),
        )

    def visit_cell(self, node: d.Cell) -> dict[str, Any]:
        return _node(node, blocks=self.visit_each(node.blocks))

    def visit_contents(self, node: d.Contents) -> dict[str, Any]:
        return _node(node, entries=self.visit_each(node.entries))

    def visit_contents_entry(self, node: d.ContentsEntry) -> dict[str, Any]:
        return _node(node)

    def visit_text(self, node: d.Text) -> dict[str, Any]:
        return _node(node)

    def visit_link(self, node: d.Link) -> dict[str, Any]:
        return _node(node, children=self.visit_each(node.children))

    def visit_note_ref(self, node: d.NoteRef) -> dict[str, Any]:
        return _node(node, children=self.visit_each(node.children))


def _node(node: Any, **visited: Any) -> dict[str, Any]:
    """A node's JSON object: its type, then each field not at its default value, with the
    fields that hold nodes given already visited."""
    data: dict[str, Any] = {"node": type(node).__name__}
    for f in dataclasses.fields(node):
        if f.name in _NOT_IN_THE_TREE:
            continue
        value = visited[f.name] if f.name in visited else getattr(node, f.name)
        if f.name not in visited and f.default is not dataclasses.MISSING and value == f.default:
            continue
        data[f.name] = _plain(value)
    return data


def _plain(value: Any) -> Any:
    """Tuples (of anything but nodes, which are visited) as JSON arrays, at any depth."""
    return [_plain(item) for item in value] if isinstance(value, tuple) else value


def to_json(document: d.Document) -> dict[str, Any]:
    """The tree as plain JSON data."""
    data: dict[str, Any] = TreeJSON(document).visit(document)
    return data


def dumps(data: dict[str, Any], indent: int = 1) -> bytes:
    """JSON data (a tree's, or a record's) as UTF-8 text, indented, ending in a newline;
    the same data gives the same bytes."""
    return (json.dumps(data, ensure_ascii=False, indent=indent) + "\n").encode("utf-8")


def from_json(data: Any) -> d.Document:
    """Read a tree back from its JSON form (parsed JSON data, or JSON text).

    Raises TreeError naming the place of the first problem: an unknown node type, an
    unknown or missing field, or a document that is not a Document node.
    """
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except ValueError as err:
            raise TreeError(f"$: not JSON ({err})") from None
    document = _read(data, "$")
    if not isinstance(document, d.Document):
        raise TreeError(f"$: a tree is a Document node, not {type(document).__name__}")
    return document


def _read(value: Any, place: str) -> Any:
    if isinstance(value, list):
        return tuple(_read(item, f"{place}[{index}]") for index, item in enumerate(value))
    if not isinstance(value, dict):
        return value
    name = value.get("node")
    cls = NODE_CLASSES.get(name) if isinstance(name, str) else None
    if cls is None:
        raise TreeError(f"{place}: unknown node type {name!r} (known: {', '.join(NODE_CLASSES)})")
    known = {f.name: f for f in dataclasses.fields(cls) if f.name not in _NOT_IN_THE_TREE}
    unknown = sorted(set(value) - set(known) - {"node"})
    if unknown:
        raise TreeError(f"{place}: {name} has no field {unknown[0]!r} (fields: {', '.join(known)})")
    missing = [
        n
        for n, f in known.items()
        if n not in value and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise TreeError(f"{place}: {name} needs {missing[0]!r}")
    fields = {key: _read(item, f"{place}.{key}") for key, item in value.items() if key != "node"}
    return cls(**fields)
