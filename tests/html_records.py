"""The records the HTML tests convert: the seed, the samples, every shared record and the test
records in other languages (Welsh, Chinese, Turkish: the tool's words translated or tagged).

Each is read and composed once per test run, into Word and HTML together
(``briefings(path)``, cached), so the outline, wording and browser tests share the work.
The shared records and seed are found beside the repository (``../shared``); tests that
need them skip when they are not there.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import lxml.html
from lxml import etree

from conftest import DATA, ROOT, SAMPLES
from exporter import model as m
from exporter.diagnostics import Reporter
from exporter.errors import ExporterError
from exporter.options import WriteOptions
from exporter.pipeline import Job, read_debate, render
from exporter.styles import load_style

SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "westminster-hall-2022-02-23-cse-organised-networks.txt"
SUFFIXES = (".json", ".yaml", ".yml", ".xml", ".txt")


def records() -> list[Path]:
    """The seed, the samples, the language test records and every shared record, in a
    stable order."""
    found = sorted(p for p in SAMPLES.iterdir() if p.suffix in SUFFIXES)
    found += sorted(p for p in (DATA / "language").iterdir() if p.suffix in SUFFIXES)
    if SEED.exists():
        found.insert(0, SEED)
    if (SHARED / "records").is_dir():
        found += sorted(p for p in (SHARED / "records").rglob("*") if p.suffix in SUFFIXES)
    return found


def name_of(path: Path) -> str:
    return path.name


@cache
def debate_of(path: Path) -> m.Debate | str:
    """The record as read, or why the reader refuses it."""
    try:
        return read_debate(path, Job(), Reporter(str(path)))[0]
    except ExporterError as error:
        return str(error)


@cache
def briefings(path: Path, style: str = "standard") -> dict[str, bytes] | str:
    """Word and HTML briefings of one record (HTML only under another style), or why the
    record is refused."""
    debate = debate_of(path)
    if isinstance(debate, str):
        return debate
    formats = ("docx", "html") if style == "standard" else ("html",)
    job = Job(formats=formats, strict_tree=True, write=WriteOptions(style=load_style(style, Reporter())))
    return render(debate, job, Reporter(str(path)))


# --- reading an HTML briefing back -------------------------------------------------------------

BLOCK_TAGS = ("p", "li", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div")


def page(data: bytes) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(data)


def outline(data: bytes) -> list[tuple[int, str]]:
    """(level, words) of each heading, in reading order, as assistive technology reads them:
    ``<hN>`` and ``role="heading"`` with ``aria-level``."""
    found = []
    for element in page(data).iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("role") == "heading":
            level = int(element.get("aria-level", "2"))
        elif element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(element.tag[1])
        else:
            continue
        found.append((level, " ".join(shown_text(element).split())))
    return found


def shown_text(element: etree._Element) -> str:
    """The words a reader sees, without the note marks' hidden words."""
    element = _copy(element)
    for hidden in element.xpath(".//*[contains(concat(' ', @class, ' '), ' visually-hidden ')]"):
        _drop(hidden)
    return str(element.text_content())


def main_words(data: bytes) -> str:
    """The words of ``<main>`` with one space between blocks and no note marks, spaces collapsed."""
    main = _copy(page(data).find(".//main"))
    for mark in main.xpath(".//a[@role='doc-noteref']"):
        _drop(mark)
    for element in main.iter(*BLOCK_TAGS):
        element.text = " " + (element.text or "")
        element.tail = " " + (element.tail or "")
    return " ".join(str(main.text_content()).split())


def word_outline(docx: bytes) -> list[tuple[int, str]]:
    """(level, words) of each Word heading: paragraphs in styles Heading 1 to 9."""
    import io
    import zipfile

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    found = []
    for p in body.iter(f"{w}p"):
        style = p.find(f"{w}pPr/{w}pStyle")
        value = style.get(f"{w}val", "") if style is not None else ""
        if value.startswith("Heading") and value[7:].isdigit():
            found.append((int(value[7:]), " ".join("".join(t.text or "" for t in p.iter(f"{w}t")).split())))
    return found


def _copy(element: etree._Element) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode"))


def _drop(element: etree._Element) -> None:
    """Remove an element, keeping the text after it."""
    parent = element.getparent()
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
