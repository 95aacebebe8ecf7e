"""Tables read back from the files we write, by readers that are not ours: pandoc's reading of
a .docx, poppler's (``pdfinfo -struct-text``) and pikepdf's of a tagged PDF; and the grid of
an HTML-like table in a source record, worked out here from its colspans and rowspans."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

# --- Word, through pandoc ------------------------------------------------------------------


@dataclass
class WordTable:
    caption: str
    columns: int
    header: list[list[str]]  # header rows, one text per cell
    body: list[list[str]]


def pandoc_tables(docx: bytes, tmp: Path) -> list[WordTable]:
    path = tmp / "tables.docx"
    path.write_bytes(docx)
    tree = json.loads(
        subprocess.run(["pandoc", "-t", "json", str(path)], capture_output=True, check=True).stdout
    )
    tables = []
    for block in tree["blocks"]:
        if block["t"] != "Table":
            continue
        _attr, caption, colspecs, head, bodies, _foot = block["c"]
        header = [_row(row) for row in head[1]]
        body = [_row(row) for part in bodies for row in part[3]]
        tables.append(WordTable(_blocks_text(caption[1]), len(colspecs), header, body))
    return tables


def _row(row: list) -> list[str]:
    return [_blocks_text(cell[4]) for cell in row[1]]


def _blocks_text(blocks: list) -> str:
    """The words of a cell's blocks: its paragraphs, and its lists' items (a data cell's typed
    list is a list)."""
    parts = []
    for block in blocks:
        if block["t"] in ("Plain", "Para"):
            parts.append(_inlines_text(block["c"]))
        elif block["t"] in ("BulletList", "OrderedList"):
            items = block["c"] if block["t"] == "BulletList" else block["c"][1]
            parts.extend(_blocks_text(item) for item in items)
    return " ".join(parts)


def _inlines_text(inlines: list) -> str:
    parts = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif kind in ("Emph", "Strong", "Underline", "Superscript", "Subscript", "SmallCaps"):
            parts.append(_inlines_text(content))
        elif kind in ("Span", "Link", "Quoted"):
            parts.append(_inlines_text(content[1]))
    return " ".join("".join(parts).split())


# --- PDF, through poppler's structure tree -------------------------------------------------


@dataclass
class Element:
    type: str
    id: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    text: str = ""
    kids: list[Element] = field(default_factory=list)

    def walk(self) -> list[Element]:
        found = [self]
        for kid in self.kids:
            found.extend(kid.walk())
        return found

    def find(self, type_: str) -> list[Element]:
        return [e for e in self.walk() if e.type == type_]

    def all_text(self) -> str:
        return " ".join(
            " ".join(part for part in [self.text, *(k.all_text() for k in self.kids)] if part).split()
        )


_ELEMENT = re.compile(r"^(\w+)(?: <([^>]*)>)?(?: \((?:block|inline)\))?:?$")
_ATTRIBUTE = re.compile(r"^/(\w+) (.*)$")


def struct_tree(struct_text: str) -> Element:
    """The structure tree as ``pdfinfo -struct-text`` prints it: elements, their /ID, the
    attributes it lists under them, and their text."""
    root = Element("root")
    stack: list[tuple[int, Element]] = [(-1, root)]
    for line in struct_text.splitlines():
        indent = len(line) - len(line.lstrip())
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith('"') and stripped.endswith('"') and len(stripped) >= 2:
            while len(stack) > 1 and stack[-1][0] >= indent:
                stack.pop()
            owner = stack[-1][1]
            owner.text = " ".join(f"{owner.text} {stripped[1:-1]}".split())
            continue
        attribute = _ATTRIBUTE.match(stripped)
        if attribute:
            while len(stack) > 1 and stack[-1][0] >= indent:
                stack.pop()
            stack[-1][1].attributes[attribute.group(1)] = attribute.group(2)
            continue
        match = _ELEMENT.match(stripped)
        if not match:
            continue
        while len(stack) > 1 and stack[-1][0] >= indent:
            stack.pop()
        element = Element(match.group(1), match.group(2))
        stack[-1][1].kids.append(element)
        stack.append((indent, element))
    return root


@dataclass
class PdfTable:
    caption: str
    head: list[list[Element]]  # rows of TH/TD elements inside THead
    body: list[list[Element]]
    summary: str | None

    @property
    def rows(self) -> list[list[Element]]:
        return self.head + self.body

    @property
    def columns(self) -> int:
        return grid_width([[(_span(c, "ColSpan"), _span(c, "RowSpan")) for c in row] for row in self.rows])


def pdf_tables(struct_text: str) -> list[PdfTable]:
    tables = []
    for table in struct_tree(struct_text).find("Table"):
        caption = next((k.all_text() for k in table.kids if k.type == "Caption"), "")
        head: list[list[Element]] = []
        body: list[list[Element]] = []
        for kid in table.kids:
            rows = [kid] if kid.type == "TR" else [r for r in kid.kids if r.type == "TR"]
            target = head if kid.type == "THead" else body
            target.extend([c for c in row.kids if c.type in ("TH", "TD")] for row in rows)
        tables.append(PdfTable(caption, head, body, table.attributes.get("Summary")))
    return tables


def _span(cell: Element, name: str) -> int:
    return int(cell.attributes.get(name, "1"))


# --- the source's grid ------------------------------------------------------------------------


def grid_width(rows: list[list[tuple[int, int]]]) -> int:
    """How many columns rows of (colspan, rowspan) cover, as HTML lays them out."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for colspan, rowspan in row:
            while (r, c) in taken:
                c += 1
            for rr in range(r, r + max(rowspan, 1)):
                for cc in range(c, c + max(colspan, 1)):
                    taken.add((rr, cc))
            c += max(colspan, 1)
    return max((c + 1 for _, c in taken), default=0)


def columns_with_words(rows: list[list[tuple[int, int, bool]]]) -> int:
    """How many columns rows of (colspan, rowspan, has words) cover with words somewhere, as
    HTML lays them out: a column no cell with words covers is a layout column of the page."""
    taken: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(rows):
        c = 0
        for colspan, rowspan, words in row:
            while (r, c) in taken:
                c += 1
            for rr in range(r, r + max(rowspan, 1)):
                for cc in range(c, c + max(colspan, 1)):
                    taken[rr, cc] = words
            c += max(colspan, 1)
    return len({c for (_, c), words in taken.items() if words})
