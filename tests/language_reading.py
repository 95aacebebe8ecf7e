"""Reading back the language of every piece of text in a written briefing, with
independent readers: the DOCX XML (w:lang on runs, the docDefaults) and the PDF structure
tree (pikepdf for /Lang, inherited down the tree; poppler's ``pdfinfo -struct-text`` for
the text of each element, in the same order)."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from lxml import etree

from pdf_reading import Node, structure_tree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Piece:
    text: str
    lang: str  # the language it is in, as the file declares it (inherited where not its own)
    where: str  # the paragraph style (DOCX) or the element type (PDF)


def docx_pieces(data: bytes, part: str = "word/document.xml") -> list[Piece]:
    """Each run's text with its language: its own w:lang, else the document default."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
        root = etree.fromstring(package.read(part))
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    document_lang = default.get(f"{W}val") if default is not None else ""
    pieces = []
    for paragraph in root.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        where = style.get(f"{W}val") if style is not None else ""
        for run in paragraph.iter(f"{W}r"):
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            if not text:
                continue
            lang = run.find(f"{W}rPr/{W}lang")
            pieces.append(Piece(text, lang.get(f"{W}val") if lang is not None else document_lang, where))
    return pieces


@dataclass
class _Tagged:
    type: str
    texts: list[str] = field(default_factory=list)
    kids: list[_Tagged] = field(default_factory=list)


_ELEMENT = re.compile(r"^( *)(\w+)(?: <[^>]*>)?(?: \((?:block|inline)\))?:?$")
_TEXT = re.compile(r'^( *)"(.*)"$')


def _tagged(struct_text: str) -> _Tagged:
    """The element tree of ``pdfinfo -struct-text`` output, each element with its own texts."""
    root = _Tagged("root")
    stack: list[tuple[int, _Tagged]] = [(-1, root)]
    for line in struct_text.splitlines():
        element = _ELEMENT.match(line)
        text = _TEXT.match(line)
        if element and not line.strip().startswith("Object"):
            depth = len(element.group(1))
            while stack[-1][0] >= depth:
                stack.pop()
            node = _Tagged(element.group(2))
            stack[-1][1].kids.append(node)
            stack.append((depth, node))
        elif text:
            depth = len(text.group(1))
            while stack[-1][0] >= depth:
                stack.pop()
            stack[-1][1].texts.append(text.group(2))
    return root.kids[0]


def pdf_pieces(data: bytes, tmp: Path) -> list[Piece]:
    """Each element's own text with its language: its /Lang, else its nearest ancestor's."""
    path = tmp / "briefing.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, check=True, text=True)
    return pdf_pieces_read(path, out.stdout)


def pdf_pieces_read(path: Path, struct_text: str) -> list[Piece]:
    """``pdf_pieces`` of a PDF file whose ``pdfinfo -struct-text`` output is already read."""
    with pikepdf.open(path) as pdf:
        tree = structure_tree(pdf)
        pieces: list[Piece] = []

        def walk(node: Node, tagged: _Tagged, inherited: str) -> None:
            assert node.type == tagged.type, (node.type, tagged.type)
            lang = str(node.obj.get("/Lang", inherited))
            pieces.extend(Piece(text, lang, node.type) for text in tagged.texts if text)
            assert len(node.kids) == len(tagged.kids), node.type
            for kid, tagged_kid in zip(node.kids, tagged.kids, strict=True):
                walk(kid, tagged_kid, lang)

        walk(tree, _tagged(struct_text), "")
    return pieces
