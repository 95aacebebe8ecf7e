"""Akoma Ntoso block content: the paragraphs, lists, quotations and tables inside a
speech or a procedural element, and the containers that make sections."""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from exporter.model import Block, HeaderScope, Paragraph, ParagraphStyle, Run, Table, TableCell
from exporter.readers._xml import local
from exporter.readers.akoma_ntoso_inline import NoteText, inline_notes, inline_runs
from exporter.readers.html_table import MAX_COLSPAN, MAX_ROWSPAN
from exporter.readers.table_headers import visible_headers

SPECIALISED = frozenset(
    {
        "address",
        "adjournment",
        "administrationOfOath",
        "communication",
        "declarationOfVote",
        "ministerialStatements",
        "nationalInterest",
        "noticesOfMotion",
        "oralStatements",
        "papers",
        "personalStatements",
        "petitions",
        "pointOfOrder",
        "prayers",
        "proceduralMotions",
        "questions",
        "resolutions",
        "rollCall",
        "writtenStatements",
    }
)
CONTAINERS = SPECIALISED | {"debateSection"}
LISTS = frozenset({"blockList", "ul", "ol", "list"})
QUOTES = frozenset({"quotedText", "quotedStructure", "embeddedStructure", "blockContainer"})


def has_blocks(element: etree._Element) -> bool:
    return any(local(child) in ("p", "table") or local(child) in LISTS for child in element)


def blocks(element: etree._Element, notes: NoteText, language: str) -> list[Block]:
    found: list[Block] = []
    for child in element:
        name = local(child)
        if name in ("from", "heading", "num") or not name:
            continue
        if name == "table":
            table = _table(child, notes, language)
            if table is not None:
                found.append(table)
        elif name in LISTS:
            found.extend(blocks(child, notes, language) or paragraph_list(child, notes, language))
        elif name in QUOTES:
            found.extend(
                restyle(
                    blocks(child, notes, language) or paragraph_list(child, notes, language),
                    ParagraphStyle.QUOTE,
                )
            )
        elif name in ("scene", "narrative", "summary"):
            found.extend(restyle(paragraph_list(child, notes, language), None, emphasis=True))
        elif name == "item" or name in CONTAINERS:
            found.extend(blocks(child, notes, language) or paragraph_list(child, notes, language))
        else:
            found.extend(paragraph_list(child, notes, language))
    return found


def paragraph_list(element: etree._Element, notes: NoteText, language: str) -> list[Block]:
    runs = inline_runs(element, notes, language)
    cited: list[Block] = [
        Paragraph((Run(f"[{text}]", emphasis=True),)) for text in inline_notes(element, notes)
    ]
    if not runs:
        return cited
    return [Paragraph(runs, lang=lang_of(element, language)), *cited]


def restyle(blocks: list[Block], style: ParagraphStyle | None, emphasis: bool = False) -> list[Block]:
    restyled: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            if emphasis:
                block = replace(block, runs=tuple(replace(run, emphasis=True) for run in block.runs))
            if style is not None:
                block = replace(block, style=style)
        restyled.append(block)
    return restyled


def _table(element: etree._Element, notes: NoteText, language: str) -> Table | None:
    """An AKN ``table`` (HTML-like: ``tr`` of ``th``/``td`` with ``colspan``/``rowspan``):
    leading rows of ``th`` cells are the header rows; a ``th`` after them labels its row;
    a table that marks no header gets the one it plainly shows."""
    rows: list[tuple[TableCell, ...]] = []
    header_rows = 0
    for row in element.iter():
        if local(row) != "tr":
            continue
        cells = [cell for cell in row if local(cell) in ("td", "th")]
        if not cells:
            continue
        heads = len(rows) == header_rows and all(
            local(c) == "th" or not "".join(c.itertext()).strip() for c in cells
        )
        if heads and any(local(c) == "th" for c in cells):
            header_rows += 1
        rows.append(tuple(_cell(cell, notes, language, len(rows) < header_rows) for cell in cells))
    if not rows:
        return None
    if header_rows == len(rows):
        header_rows = 0
    return visible_headers(Table(tuple(rows), header_rows=header_rows))


def _cell(cell: etree._Element, notes: NoteText, language: str, in_header_row: bool) -> TableCell:
    content = blocks(cell, notes, language) if has_blocks(cell) else paragraph_list(cell, notes, language)
    paragraphs = tuple(b for b in content if isinstance(b, Paragraph) and b.text.strip())
    header = None
    if local(cell) == "th":
        header = HeaderScope.COLUMN if in_header_row else HeaderScope.ROW
    colspan, rowspan = _span(cell.get("colspan"), MAX_COLSPAN), _span(cell.get("rowspan"), MAX_ROWSPAN)
    return TableCell(paragraphs, colspan, rowspan, header)


def _span(value: str | None, most: int) -> int:
    try:
        return min(max(int((value or "1").strip()), 1), most)
    except ValueError:
        return 1


def lang_of(element: etree._Element, language: str) -> str | None:
    lang = element.get("{http://www.w3.org/XML/1998/namespace}lang")
    return lang if lang and lang != language else None
