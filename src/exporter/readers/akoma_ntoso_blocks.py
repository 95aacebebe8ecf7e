"""Akoma Ntoso block content: the paragraphs, lists, quotations and tables inside a
speech or a procedural element, and the containers that make sections."""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from exporter.model import Block, Paragraph, ParagraphStyle, Run, Table
from exporter.readers._xml import local
from exporter.readers.akoma_ntoso_inline import NoteText, inline_notes, inline_runs

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
    rows: list[tuple[tuple[Run, ...], ...]] = []
    header_rows = 0
    for row in element.iter():
        if local(row) != "tr":
            continue
        cells = [cell for cell in row if local(cell) in ("td", "th")]
        if not cells:
            continue
        if len(rows) == header_rows and all(local(cell) == "th" for cell in cells):
            header_rows += 1
        rows.append(tuple(inline_runs(cell, notes, language) for cell in cells))
    return Table(tuple(rows), header_rows=header_rows) if rows else None


def lang_of(element: etree._Element, language: str) -> str | None:
    lang = element.get("{http://www.w3.org/XML/1998/namespace}lang")
    return lang if lang and lang != language else None
