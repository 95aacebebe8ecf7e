"""Every golden tree through every output format, each read back by an independent reader.

The trees are tests/golden_trees.py; the formats are the registry's, so a new writer is
tested here the day it is registered. What each reader sees is compared with the tree
itself: the headings and their levels (Word through pandoc, the PDF through poppler's
structure tree and pikepdf's outline), the tree (the JSON writers through ``from_json``),
and the accessibility checks (ours, and veraPDF on every PDF in one run).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from conftest import needs
from exporter import checks
from exporter import document as d
from exporter.diagnostics import Reporter, Severity
from exporter.document_json import from_json
from exporter.formats import OUTPUT_FORMATS, output_format
from exporter.options import WriteOptions
from exporter.validation import problems_of
from golden_trees import GOLDEN
from pdf_reading import VERAPDF, poppler_file, verapdf_many

FORMATS = [fmt.name for fmt in OUTPUT_FORMATS]
TREES = sorted(GOLDEN)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

Outline = list[tuple[int, str]]  # (level, text) of each heading, in reading order


@pytest.fixture(scope="module")
def written() -> dict[tuple[str, str], bytes]:
    return {
        (tree, fmt): output_format(fmt).load().write(GOLDEN[tree](), WriteOptions(), Reporter(tree))
        for tree in TREES
        for fmt in FORMATS
    }


def headings_of(document: d.Document) -> Outline:
    return [
        (b.level, d.plain_text(b.children))
        for b in d.walk_blocks(document.blocks)
        if isinstance(b, d.Heading)
    ]


def pdf_headings_of(document: d.Document) -> Outline:
    """The tree's headings, and the "Notes" heading the PDF writer adds when there are notes."""
    has_notes = any(isinstance(node, d.NoteRef) for node in all_nodes(document))
    return headings_of(document) + ([(2, "Notes")] if has_notes else [])


def all_nodes(node: object) -> list[object]:
    """Every node of a tree, in document order, table cells and notes included."""
    found = [node]
    for value in vars(node).values():
        for item in value if isinstance(value, tuple) else (value,):
            for child in item if isinstance(item, tuple) else (item,):
                if type(child) in d.NODE_TYPES:
                    found.extend(all_nodes(child))
    return found


# --- the trees themselves ---------------------------------------------------------------


def test_the_golden_trees_use_every_node_type_and_paragraph_role() -> None:
    seen: set[str] = set()
    roles: set[str] = set()
    for build in GOLDEN.values():
        for node in all_nodes(build()):
            seen.add(type(node).__name__)
            if isinstance(node, d.Paragraph):
                roles.add(node.role)
    assert seen == {node_type.__name__ for node_type in d.NODE_TYPES}
    assert roles == set(d.PARAGRAPH_ROLES)


@pytest.mark.parametrize("tree", TREES)
def test_each_golden_tree_keeps_the_contract(tree: str) -> None:
    assert problems_of(GOLDEN[tree]()) == []


# --- every tree through every format --------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("tree", TREES)
def test_every_format_writes_every_tree_the_same_way_twice(
    written: dict[tuple[str, str], bytes], tree: str, fmt: str
) -> None:
    data = written[tree, fmt]
    assert data
    assert output_format(fmt).load().write(GOLDEN[tree](), WriteOptions(), Reporter(tree)) == data


@pytest.mark.parametrize("tree", TREES)
def test_the_json_writers_give_back_the_tree(written: dict[tuple[str, str], bytes], tree: str) -> None:
    expected = GOLDEN[tree]()
    assert from_json(written[tree, "tree"]) == expected
    record = json.loads(written[tree, "json"])
    assert from_json(record["briefing"]["document"]) == expected


@pytest.mark.parametrize("tree", TREES)
def test_word_has_every_heading_at_its_level(written: dict[tuple[str, str], bytes], tree: str) -> None:
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(written[tree, "docx"])).read("word/document.xml"))
    found = []
    for p in body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val", "").startswith("Heading"):
            text = "".join(t.text or "" for t in p.iter(f"{W}t"))
            found.append((int(style.get(f"{W}val")[7:]), text))
    assert found == headings_of(GOLDEN[tree]())


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("tree", TREES)
def test_pandoc_reads_the_word_headings_at_their_levels(
    written: dict[tuple[str, str], bytes], tree: str, tmp_path: Path
) -> None:
    assert pandoc_headings(written[tree, "docx"], tmp_path) == headings_of(GOLDEN[tree]())


@needs("pdfinfo")
@pytest.mark.parametrize("tree", TREES)
def test_the_pdf_structure_tree_has_every_heading_at_its_level(
    written: dict[tuple[str, str], bytes], tree: str, tmp_path: Path
) -> None:
    tagged = poppler_file("pdfinfo", written[tree, "pdf"], "-struct-text", tmp=tmp_path)
    assert struct_headings(tagged) == pdf_headings_of(GOLDEN[tree]())


@pytest.mark.parametrize("tree", TREES)
def test_the_pdf_outline_follows_the_headings(written: dict[tuple[str, str], bytes], tree: str) -> None:
    assert pdf_outline(written[tree, "pdf"]) == pdf_headings_of(GOLDEN[tree]())


@pytest.mark.parametrize("tree", TREES)
def test_word_and_pdf_pass_our_checks(written: dict[tuple[str, str], bytes], tree: str) -> None:
    for fmt in ("docx", "pdf"):
        found = checks.check(written[tree, fmt], f"{tree}.{fmt}")
        assert [str(x) for x in found if x.severity >= Severity.WARNING] == []


@pytest.mark.skipif(not VERAPDF.exists(), reason="veraPDF is not installed (set VERAPDF)")
def test_verapdf_passes_every_golden_pdf(written: dict[tuple[str, str], bytes], tmp_path: Path) -> None:
    paths = []
    for tree in TREES:
        path = tmp_path / f"{tree}.pdf"
        path.write_bytes(written[tree, "pdf"])
        paths.append(path)
    verdicts = verapdf_many(paths)
    assert verdicts is not None
    failed = {
        path.name: verdicts[str(path)]["failed_rules"]
        for path in paths
        if not verdicts[str(path)]["compliant"]
    }
    assert failed == {}


# --- independent readers ----------------------------------------------------------------------


def pandoc_headings(docx: bytes, tmp: Path) -> Outline:
    path = tmp / "briefing.docx"
    path.write_bytes(docx)
    tree = json.loads(
        subprocess.run(["pandoc", "-t", "json", str(path)], capture_output=True, check=True).stdout
    )
    return [(block["c"][0], _stringify(block["c"][2])) for block in tree["blocks"] if block["t"] == "Header"]


def _stringify(inlines: list[dict]) -> str:
    parts = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif kind in ("Emph", "Strong", "Underline", "SmallCaps", "Superscript", "Subscript"):
            parts.append(_stringify(content))
        elif kind in ("Span", "Link", "Quoted"):
            parts.append(_stringify(content[1]))
    return "".join(parts)


def struct_headings(struct_text: str) -> Outline:
    """(level, text) of each heading in ``pdfinfo -struct-text`` output: Hn is level n; an
    unnumbered H is as deep as the Sect elements around it."""
    found: Outline = []
    stack: list[tuple[int, str]] = []  # (indent, element type) of the open elements
    current: int | None = None  # index into found of the heading whose text is being read
    for line in struct_text.splitlines():
        indent = len(line) - len(line.lstrip())
        stripped = line.strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if current is not None and not any(kind in ("H", *HN) for _, kind in stack):
            current = None
        if stripped.startswith('"') and stripped.endswith('"'):
            if current is not None:
                found[current] = (found[current][0], found[current][1] + stripped[1:-1])
            continue
        kind = stripped.split(" ")[0].rstrip(":")
        stack.append((indent, kind))
        if kind in HN:
            found.append((int(kind[1]), ""))
            current = len(found) - 1
        elif kind == "H":
            found.append((sum(1 for _, k in stack if k == "Sect"), ""))
            current = len(found) - 1
    return found


HN = ("H1", "H2", "H3", "H4", "H5", "H6")


def pdf_outline(data: bytes) -> Outline:
    with pikepdf.open(io.BytesIO(data)) as pdf, pdf.open_outline() as outline:
        found: Outline = []

        def walk(items: list[pikepdf.OutlineItem], level: int) -> None:
            for item in items:
                found.append((level, item.title))
                walk(item.children, level + 1)

        walk(outline.root, 1)
    return found
