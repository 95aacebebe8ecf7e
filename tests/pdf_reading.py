"""Helpers for the PDF tests: write a briefing tree, and read the result with independent
tools (pikepdf for the structure and parent trees, poppler for text and tagged text)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import pikepdf

from exporter.diagnostics import Reporter
from exporter.document import Document
from exporter.options import WriteOptions
from exporter.writers.pdf import write

VERAPDF = Path(
    os.environ.get("VERAPDF", Path(__file__).resolve().parents[2] / "shared/tools/verapdf/verapdf-ua")
)


def write_pdf(document: Document, reporter: Reporter | None = None) -> bytes:
    return write(document, WriteOptions(), reporter or Reporter("test"))


def poppler(tool: str, data: bytes, *args: str, tmp: Path) -> str:
    path = tmp / "briefing.pdf"
    path.write_bytes(data)
    result = subprocess.run([tool, *args, str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def poppler_file(tool: str, data: bytes, *args: str, tmp: Path) -> str:
    """For tools that print to stdout and take no output file (pdfinfo)."""
    path = tmp / "briefing.pdf"
    path.write_bytes(data)
    result = subprocess.run([tool, *args, str(path)], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Node:
    """A structure element read back with pikepdf."""

    type: str
    obj: pikepdf.Dictionary
    kids: list[Node] = field(default_factory=list)
    mcids: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID)
    annotations: list[pikepdf.Dictionary] = field(default_factory=list)

    def walk(self) -> list[Node]:
        found = [self]
        for kid in self.kids:
            found.extend(kid.walk())
        return found

    def find(self, type_: str) -> list[Node]:
        return [node for node in self.walk() if node.type == type_]


def structure_tree(pdf: pikepdf.Pdf) -> Node:
    page_index = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}

    def read(obj: pikepdf.Dictionary, page: int | None) -> Node:
        node = Node(str(obj.get("/S")).lstrip("/"), obj)
        own_page = page_index[obj["/Pg"].objgen] if "/Pg" in obj else page
        kids = obj.get("/K")
        for kid in list(kids) if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                node.mcids.append((own_page, kid))
            elif kid.get("/Type") == "/MCR":
                node.mcids.append((page_index[kid["/Pg"].objgen], int(kid["/MCID"])))
            elif kid.get("/Type") == "/OBJR":
                node.annotations.append(kid["/Obj"])
            else:
                node.kids.append(read(kid, own_page))
        return node

    return read(pdf.Root.StructTreeRoot.K, None)


def elements(pdf: pikepdf.Pdf, type_: str) -> list[pikepdf.Dictionary]:
    """The structure elements of ``type_`` ("Table", "TH"...), in the tree's order."""
    found: list[pikepdf.Dictionary] = []

    def visit(node: pikepdf.Object) -> None:
        if isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if "/" + type_ == node.S:
                found.append(node)
            kids = node.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                visit(kid)

    visit(pdf.Root.StructTreeRoot.K)
    return found


def open_pdf(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(BytesIO(data))


def verapdf(path: Path) -> dict | None:
    """veraPDF's PDF/UA-1 verdict on a file, or None when veraPDF is not installed."""
    verdicts = verapdf_many([path])
    return None if verdicts is None else verdicts[str(path)]


def verapdf_many(paths: list[Path]) -> dict[str, dict] | None:
    """veraPDF's verdict on each file, keyed by its path, from one JVM for them all (a JVM
    start costs more than validating a briefing); None when veraPDF is not installed."""
    if not VERAPDF.exists() or shutil.which("java") is None:
        return None
    result = subprocess.run([str(VERAPDF), *map(str, paths)], capture_output=True, check=False, timeout=1800)
    if result.returncode not in (0, 1):  # 1: some file is not compliant, which the caller judges
        raise RuntimeError(f"veraPDF failed: {result.stderr.decode('utf-8', 'replace')[-2000:]}")
    verdicts = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines() if line.strip()]
    return {verdict["file"]: verdict for verdict in verdicts}


_ELEMENT_LINE = re.compile(r"^(\s*)(\w+)(?: \((?:block|inline)\))?:?$")


def element_texts(struct_text: str) -> list[tuple[str, str]]:
    """(type, text) of each element in ``pdfinfo -struct-text`` output, in order; an
    element's text joins all its own marked-content strings, over lines and pages."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[int, int]] = []  # (indent, index into found)
    for line in struct_text.splitlines():
        indent = len(line) - len(line.lstrip())
        stripped = line.strip()
        if stripped.startswith('"') and stripped.endswith('"') and len(stripped) >= 2:
            while stack and stack[-1][0] >= indent:
                stack.pop()
            if stack:
                index = stack[-1][1]
                found[index] = (found[index][0], found[index][1] + stripped[1:-1])
            continue
        match = _ELEMENT_LINE.match(line)
        if match:
            while stack and stack[-1][0] >= indent:
                stack.pop()
            found.append((match.group(2), ""))
            stack.append((indent, len(found) - 1))
    return found
