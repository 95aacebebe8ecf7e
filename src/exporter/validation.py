"""Validation of the briefing tree before any writer sees it.

Checks a tree against the contract in ``exporter.document``: text in the title and in
every heading (text that reads as nothing, such as a lone U+200B, is none:
``exporter.invisible``), heading levels that start at 1 and never skip, unique anchors that every
internal link and contents entry resolves to, table grids that add up (spans included,
every row as wide as the table, one width per column; header cells with text and a
scope), known paragraph roles, notes that do not nest, links that hold text.

Each problem has a cause. What comes from the record (a section with no title, a
table with no cells, a debate with no title) is the record's: a warning, and the tree
is repaired so every writer still makes an accessible file. What the composer alone
decides (levels, anchors, links, grids, roles) can only be a composing bug: outside
tests it is reported and repaired the same way, so a user still gets a good file; in
strict mode, which the tests turn on (``DEBATE_EXPORT_STRICT_TREE=1``, or
``validate(..., strict=True)``), it raises ``TreeContractError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from exporter import document as d
from exporter.diagnostics import Reporter
from exporter.errors import ExporterError
from exporter.invisible import reads_as_nothing
from exporter.tables.tree import regular_table, table_grid

UNTITLED_SECTION = "Untitled section"


class Cause(str, Enum):
    RECORD = "record"  # the record lacks something: a warning
    COMPOSER = "composer"  # only a composing bug can do this: fails in strict mode


# Every problem the validation finds, with whose it is and what it is.
RULES: dict[str, tuple[Cause, str]] = {
    "TREE-TITLE-EMPTY": (Cause.RECORD, "the document has a title"),
    "TREE-LANGUAGE-EMPTY": (Cause.COMPOSER, "the document has a language"),
    "TREE-HEADING-FIRST": (Cause.COMPOSER, "the first heading is level 1"),
    "TREE-HEADING-LEVEL": (Cause.COMPOSER, "heading levels are 1 or more"),
    "TREE-HEADING-SKIP": (Cause.COMPOSER, "a heading is at most one level deeper than the one before"),
    "TREE-HEADING-EMPTY": (Cause.RECORD, "every heading has text"),
    "TREE-ANCHOR-EMPTY": (Cause.COMPOSER, "every heading has an anchor"),
    "TREE-ANCHOR-DUPLICATE": (Cause.COMPOSER, "anchors are unique"),
    "TREE-ROLE": (Cause.COMPOSER, "paragraph roles are known"),
    "TREE-LIST-EMPTY": (Cause.COMPOSER, "a list has items"),
    "TREE-LIST-ITEM-EMPTY": (Cause.COMPOSER, "a list item has content"),
    "TREE-TABLE-EMPTY": (Cause.RECORD, "a table has cells"),
    "TREE-TABLE-CAPTION": (Cause.COMPOSER, "every table has a caption"),
    "TREE-TABLE-GRID": (Cause.COMPOSER, "a table's cells, spans included, cover its grid exactly"),
    "TREE-TABLE-WIDTHS": (Cause.COMPOSER, "a table gives one positive width per column, or none"),
    "TREE-TABLE-SCOPE": (
        Cause.COMPOSER,
        "a header cell has text and a known scope; header rows hold headers",
    ),
    "TREE-CELL-CONTENT": (Cause.COMPOSER, "a table cell holds paragraphs"),
    "TREE-CONTENTS-EMPTY": (Cause.COMPOSER, "the contents has entries"),
    "TREE-CONTENTS-ANCHOR": (Cause.COMPOSER, "every contents entry points to an anchor"),
    "TREE-CONTENTS-LEVEL": (Cause.COMPOSER, "contents levels are 1 or more"),
    "TREE-CONTENTS-TEXT": (Cause.COMPOSER, "every contents entry has its heading's text"),
    "TREE-CONTENTS-TARGET": (Cause.COMPOSER, "a contents entry points to a heading, which has a page"),
    "TREE-CONTENTS-DUPLICATE": (Cause.COMPOSER, "a heading is listed in the contents once"),
    "TREE-LINK-CONTENT": (Cause.COMPOSER, "a link holds only text"),
    "TREE-LINK-ANCHOR": (Cause.COMPOSER, "every internal link points to an anchor"),
    "TREE-LINK-TEXT": (Cause.COMPOSER, "every link has words"),
    "TREE-NOTE-NESTED": (Cause.COMPOSER, "notes do not nest"),
}


@dataclass(frozen=True)
class Problem:
    code: str
    cause: Cause
    message: str  # what is wrong, then what was done about it
    location: str  # the place in the tree: "blocks[12].items[0].blocks[1] (after #summary)"


class TreeContractError(ExporterError):
    """The composer built a tree that breaks the contract (strict mode only)."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{first.code}: {first.message}{more}", None, first.location)
        self.problems = problems


def validate(document: d.Document, reporter: Reporter, *, strict: bool = False) -> d.Document:
    """The tree, checked and repaired: every problem is reported once on ``reporter`` as a
    warning (code ``TREE-...``, located by its path in the tree); the tree returned has
    each problem repaired as its message says. Unchanged parts are the same objects.

    Raises TreeContractError, in strict mode, if any problem is a composing fault; raises
    document.UnknownNodeError for a node type the contract does not know.
    """
    validator = _Validator(document)
    repaired = validator.check()
    for problem in validator.problems:
        suffix = " (a composing fault: please report it)" if problem.cause is Cause.COMPOSER else ""
        reporter.warn(problem.code, problem.message + suffix, problem.location)
    faults = [p for p in validator.problems if p.cause is Cause.COMPOSER]
    if strict and faults:
        raise TreeContractError(faults)
    return repaired


def fallback_title(document: d.Document) -> str:
    """A title for a debate whose record gives none: its date when known. Never "Untitled
    ...", which readers and Word's checker take for a placeholder (DOC-TITLE-001)."""
    return f"Debate of {document.date}" if document.date else "Debate briefing"


def problems_of(document: d.Document) -> list[Problem]:
    """Every problem in a tree, without repairing or reporting (for tests and tools)."""
    validator = _Validator(document)
    validator.check()
    return validator.problems


class _Validator(d.Visitor):
    """Each visit returns the nodes that replace the one visited: itself when it is
    sound, a repaired copy, several (a link unwrapped into its words) or none (dropped)."""

    name = "the tree validation"

    def __init__(self, document: d.Document) -> None:
        super().__init__(document)
        self.problems: list[Problem] = []
        self._path: list[str] = []
        self._previous_level = 0
        self._anchors_seen: set[str] = set()
        self._in_note = False
        self._last_anchor = ""  # the anchor of the latest heading passed
        self._title = document.title
        self._heading_texts = {  # anchor -> words, for contents entries
            b.anchor: "" if reads_as_nothing(words := d.plain_text(b.children)) else words.strip()
            for b in d.walk_blocks(document.blocks)
            if isinstance(b, d.Heading)
        }
        self._listed: set[str] = set()  # the anchors contents entries have pointed to so far

    def check(self) -> d.Document:
        (document,) = self.visit(self.document)
        result: d.Document = document
        return result

    # --- bookkeeping ---------------------------------------------------------------

    def _problem(self, code: str, message: str) -> None:
        where = ".".join(self._path) or "document"
        if self._last_anchor:  # so a reader can find the place in the briefing too
            where += f" (after #{self._last_anchor})"
        self.problems.append(Problem(code, RULES[code][0], message, where))

    @contextmanager
    def _at(self, step: str) -> Iterator[None]:
        self._path.append(step)
        try:
            yield
        finally:
            self._path.pop()

    def _each(self, nodes: tuple[Any, ...], field: str, *args: Any) -> tuple[Any, ...]:
        """Visit each node under ``field[i]``; the same tuple when nothing changed."""
        out: list[Any] = []
        for index, node in enumerate(nodes):
            with self._at(f"{field}[{index}]"):
                out.extend(self.visit(node, *args))
        if len(out) == len(nodes) and all(a is b for a, b in zip(out, nodes, strict=True)):
            return nodes
        return tuple(out)

    def _unique_anchor(self, anchor: str) -> str:
        candidate, n = anchor, 2
        while candidate in self._anchors_seen:
            candidate, n = f"{anchor}-{n}", n + 1
        self._anchors_seen.add(candidate)
        return candidate

    def _anchor(self, anchor: str, what: str) -> str:
        if anchor in self._anchors_seen:
            unique = self._unique_anchor(anchor)
            self._problem(
                "TREE-ANCHOR-DUPLICATE",
                f"{what} repeats the anchor {anchor!r}; renamed {unique!r} (links go to the first)",
            )
            return unique
        self._anchors_seen.add(anchor)
        return anchor

    # --- document and blocks -------------------------------------------------------

    def visit_document(self, node: d.Document) -> tuple[d.Document]:
        changes: dict[str, Any] = {}
        if reads_as_nothing(node.title):
            self._title = changes["title"] = fallback_title(node)
            self._problem("TREE-TITLE-EMPTY", f"the debate has no title; called {self._title!r}")
        if not node.language.strip():
            changes["language"] = "und"
            self._problem("TREE-LANGUAGE-EMPTY", "the document has no language; set 'und'")
        blocks = self._each(node.blocks, "blocks")
        if blocks is not node.blocks:
            changes["blocks"] = blocks
        return (replace(node, **changes) if changes else node,)

    def visit_heading(self, node: d.Heading) -> tuple[d.Heading]:
        changes: dict[str, Any] = {}
        level = node.level
        if self._previous_level == 0 and level != 1:
            self._problem("TREE-HEADING-FIRST", f"the first heading is level {level}; made 1")
            level = 1
        elif level < 1:
            self._problem("TREE-HEADING-LEVEL", f"heading level {level}; made 1")
            level = 1
        elif level > self._previous_level + 1:
            fixed = self._previous_level + 1
            self._problem(
                "TREE-HEADING-SKIP",
                f"a level {level} heading follows level {self._previous_level}; made {fixed}",
            )
            level = fixed
        if level != node.level:
            changes["level"] = level
        self._previous_level = level
        if not node.anchor:
            changes["anchor"] = self._unique_anchor(f"heading-{len(self._anchors_seen) + 1}")
            self._problem("TREE-ANCHOR-EMPTY", f"a heading has no anchor; given {changes['anchor']!r}")
        else:
            anchor = self._anchor(node.anchor, "a heading")
            if anchor != node.anchor:
                changes["anchor"] = anchor
        children = self._each(node.children, "children")
        if reads_as_nothing(d.plain_text(children)):
            words = self._title if level == 1 else UNTITLED_SECTION
            self._problem("TREE-HEADING-EMPTY", f"a level {level} heading has no text; shown as {words!r}")
            children = (*children, d.Text(words))
        if children is not node.children:
            changes["children"] = children
        self._last_anchor = changes.get("anchor", node.anchor)
        return (replace(node, **changes) if changes else node,)

    def visit_paragraph(self, node: d.Paragraph) -> tuple[d.Paragraph]:
        changes: dict[str, Any] = {}
        if node.role not in d.PARAGRAPH_ROLES:
            self._problem("TREE-ROLE", f"unknown paragraph role {node.role!r}; made 'body'")
            changes["role"] = "body"
        children = self._each(node.children, "children")
        if children is not node.children:
            changes["children"] = children
        return (replace(node, **changes) if changes else node,)

    def visit_bullet_list(self, node: d.BulletList) -> tuple[d.BulletList, ...]:
        items = self._each(node.items, "items")
        if not items:
            self._problem("TREE-LIST-EMPTY", "a list has no items; left out")
            return ()
        return (node if items is node.items else replace(node, items=items),)

    def visit_list_item(self, node: d.ListItem) -> tuple[d.ListItem, ...]:
        blocks = self._each(node.blocks, "blocks")
        if not blocks:
            self._problem("TREE-LIST-ITEM-EMPTY", "a list item is empty; left out")
            return ()
        return (node if blocks is node.blocks else replace(node, blocks=blocks),)

    def visit_table(self, node: d.Table) -> tuple[d.Table, ...]:
        if not any(node.head) and not any(node.rows):
            self._problem("TREE-TABLE-EMPTY", f"table {node.caption!r} has no cells; left out")
            return ()
        changes: dict[str, Any] = {}
        if reads_as_nothing(node.caption):
            self._problem("TREE-TABLE-CAPTION", "a table has no caption; captioned 'Table'")
            changes["caption"] = "Table"
        if node.anchor:
            anchor = self._anchor(node.anchor, f"table {node.caption!r}")
            if anchor != node.anchor:
                changes["anchor"] = anchor
        head = tuple(self._row(row, "head", index, True) for index, row in enumerate(node.head))
        rows = tuple(self._row(row, "rows", index, False) for index, row in enumerate(node.rows))
        grid = table_grid(d.Table(node.caption, head, rows))
        if not grid.adds_up:
            fault = grid.faults[0]
            more = f" (and {len(grid.faults) - 1} more)" if len(grid.faults) > 1 else ""
            self._problem(
                "TREE-TABLE-GRID",
                f"table {node.caption!r}, row {fault.row + 1}: {fault.message}{more}; spans cut to fit, "
                "short rows padded with empty cells",
            )
            whole = regular_table(d.Table(node.caption, head, rows))
            head, rows = whole.head, whole.rows
        if any(new is not old for new, old in zip(head, node.head, strict=True)):
            changes["head"] = head
        if any(new is not old for new, old in zip(rows, node.rows, strict=True)):
            changes["rows"] = rows
        if node.widths is not None and (len(node.widths) != grid.columns or any(w <= 0 for w in node.widths)):
            self._problem(
                "TREE-TABLE-WIDTHS",
                f"table {node.caption!r} gives {len(node.widths)} widths for {grid.columns} columns; "
                "widths taken from the content",
            )
            changes["widths"] = None
        return (replace(node, **changes) if changes else node,)

    def _row(self, row: tuple[d.Cell, ...], part: str, index: int, in_head: bool) -> tuple[d.Cell, ...]:
        with self._at(f"{part}[{index}]"):
            return self._each(row, "cells", in_head)

    def visit_cell(self, node: d.Cell, in_head: bool = False) -> tuple[d.Cell]:
        changes: dict[str, Any] = {}
        blocks = node.blocks
        header = in_head or node.scope is not None
        if not all(_cell_block(block, header) for block in blocks):
            self._problem(
                "TREE-CELL-CONTENT",
                "a table cell holds more than paragraphs (and, in a data cell, lists of paragraphs); "
                "its inlines made a paragraph",
            )
            blocks = _as_paragraphs(blocks)
        blocks = self._each(blocks, "blocks")
        if blocks is not node.blocks:
            changes["blocks"] = blocks
        text = any(not reads_as_nothing(d.plain_text(p.children)) for p in d.walk_blocks(blocks) if isinstance(p, d.Paragraph))
        scope = node.scope
        if scope is not None and scope not in d.HEADER_SCOPES:
            self._problem("TREE-TABLE-SCOPE", f"a header cell has the unknown scope {scope!r}; made 'column'")
            scope = "column"
        if scope is not None and not text:
            self._problem("TREE-TABLE-SCOPE", "an empty cell is marked a header; made a data cell")
            scope = None
        elif scope is None and text and in_head:
            self._problem("TREE-TABLE-SCOPE", "a cell with text in a header row has no scope; made 'column'")
            scope = "column"
        if scope != node.scope:
            changes["scope"] = scope
        return (replace(node, **changes) if changes else node,)

    def visit_contents(self, node: d.Contents) -> tuple[d.Contents, ...]:
        entries = self._each(node.entries, "entries")
        if not entries:
            self._problem("TREE-CONTENTS-EMPTY", "the contents has no entries; left out")
            return ()
        return (node if entries is node.entries else replace(node, entries=entries),)

    def visit_contents_entry(self, node: d.ContentsEntry) -> tuple[d.ContentsEntry, ...]:
        if node.anchor not in self.anchors:
            self._problem(
                "TREE-CONTENTS-ANCHOR",
                f"contents entry {node.text!r} points to #{node.anchor}, which is nowhere; left out",
            )
            return ()
        if node.anchor not in self._heading_texts:
            self._problem(
                "TREE-CONTENTS-TARGET",
                f"contents entry {node.text!r} points to #{node.anchor}, which is no heading; left out",
            )
            return ()
        if node.anchor in self._listed:
            self._problem(
                "TREE-CONTENTS-DUPLICATE", f"contents entry {node.text!r} lists #{node.anchor} again; left out"
            )
            return ()
        self._listed.add(node.anchor)
        changes: dict[str, Any] = {}
        if node.level < 1:
            self._problem("TREE-CONTENTS-LEVEL", f"contents entry level {node.level}; made 1")
            changes["level"] = 1
        if reads_as_nothing(node.text):
            heading = self._heading_texts.get(node.anchor, "")
            if heading:
                self._problem(
                    "TREE-CONTENTS-TEXT", f"the contents entry for {heading!r} has no text; given it"
                )
            # an untitled heading is reported where it stands; its entry follows its repair
            changes["text"] = heading or (self._title if node.level == 1 else UNTITLED_SECTION)
        return (replace(node, **changes) if changes else node,)

    # --- inlines -------------------------------------------------------------------

    def visit_text(self, node: d.Text) -> tuple[d.Text]:
        return (node,)

    def visit_link(self, node: d.Link) -> tuple[d.Inline, ...]:
        children = node.children
        if not all(isinstance(child, d.Text) for child in children):
            self._problem(
                "TREE-LINK-CONTENT",
                f"link to {node.target} holds more than text; kept its words",
            )
            children = (d.Text(d.plain_text(children)),)
        if not self.resolves(node):
            self._problem(
                "TREE-LINK-ANCHOR",
                f"link {node.text!r} points to {node.target}, which is nowhere; kept its words, unlinked",
            )
            return children
        if reads_as_nothing(d.plain_text(children)):
            words = node.description or node.target
            self._problem("TREE-LINK-TEXT", f"a link to {node.target} has no words; shown as {words!r}")
            children = (d.Text(words),)
        return (node if children is node.children else replace(node, children=children),)

    def visit_note_ref(self, node: d.NoteRef) -> tuple[d.Inline, ...]:
        if self._in_note:
            self._problem("TREE-NOTE-NESTED", "a note inside a note; set inline in brackets")
            return (d.Text(f" ({d.plain_text(node.children)})"),)
        self._in_note = True
        try:
            children = self._each(node.children, "children")
        finally:
            self._in_note = False
        return (node if children is node.children else replace(node, children=children),)


def _cell_block(block: Any, header: bool) -> bool:
    """What a cell may hold: paragraphs; a data cell lists of paragraphs too."""
    if isinstance(block, d.Paragraph):
        return True
    return (
        not header
        and isinstance(block, d.BulletList)
        and all(isinstance(inner, d.Paragraph) for item in block.items for inner in item.blocks)
    )


def _as_paragraphs(content: tuple[Any, ...]) -> tuple[d.Paragraph, ...]:
    """A cell's content as paragraphs: inline nodes in a row gather into one paragraph; a
    block that is not a paragraph keeps its inline children, if it has any."""
    paragraphs: list[d.Paragraph] = []
    pending: list[d.Inline] = []
    for node in content:
        if isinstance(node, (d.Text, d.Link, d.NoteRef)):
            pending.append(node)
            continue
        if pending:
            paragraphs.append(d.Paragraph(tuple(pending)))
            pending = []
        if isinstance(node, d.Paragraph):
            paragraphs.append(node)
        elif isinstance(node, d.BulletList):  # its items' words, each a paragraph
            paragraphs.extend(b for b in d.walk_blocks((node,)) if isinstance(b, d.Paragraph))
        elif isinstance(getattr(node, "children", None), tuple):
            paragraphs.append(d.Paragraph(node.children))
    if pending:
        paragraphs.append(d.Paragraph(tuple(pending)))
    return tuple(paragraphs)
