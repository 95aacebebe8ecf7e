"""ParlaMint TEI ``<body>``: divisions into sections, utterances into speeches.

Between utterances, ``note``, ``incident``, ``kinesic``, ``vocal`` and ``gap`` are procedural
items. Inside a ``seg`` they become a bracketed, emphasised run so the words either side
stay one paragraph. Two artefacts of the corpus are handled, and reported as info:

- "End of debateSection." notes mark the end of a ``div`` and are dropped;
- ``gap`` elements (the SAMPLING marks of sample files) become a note that part of the
  record is missing, so a reader is never led to think the text is complete.

Procedural formulas the GB corpus keeps inside the chair's ``u`` ("Question put and
agreed to.", as a segment of its own, and not always marked ``#chair``) are lifted out as
decisions, splitting the utterance around them; only in English records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from exporter.diagnostics import Reporter
from exporter.model import (
    Block,
    Item,
    Paragraph,
    Procedural,
    ProceduralKind,
    Run,
    Section,
    Speaker,
    Speech,
    Table,
)
from exporter.readers._runs import merge_runs
from exporter.readers._sections import UNTITLED, TopLevelSections
from exporter.readers._xml import local, text_of
from exporter.readers.tei_table import tei_table

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_EVENTS = {
    "note": ProceduralKind.NOTE,
    "incident": ProceduralKind.INTERRUPTION,
    "kinesic": ProceduralKind.INTERRUPTION,
    "vocal": ProceduralKind.INTERRUPTION,
    "gap": ProceduralKind.NOTE,
}
_ROLES = {"chair": "Chair", "guest": "Guest"}
_END_OF_SECTION = re.compile(r"^end of debate ?section\.?$", re.I)
_DECISION = re.compile(
    r"^(Question (put|proposed|agreed|accordingly|negatived|that)|Motion made|Resolved[,.]|Ordered[,.]"
    r"|The House divided|Main Question|Bill (read|accordingly|to be)|Amendment (made|agreed|negatived)"
    r"|Clause \d+ (ordered|agreed)|House adjourned)",
)
_TOKENS = frozenset({"w", "pc"})
_ANNOTATION = frozenset({"linkGrp", "link", "spanGrp", "span"})  # syntax and analyses, not words
UNKNOWN_SPEAKER = "Unknown speaker"


@dataclass
class BodyContext:
    reporter: Reporter
    language: str
    speakers: dict[str, Speaker] = field(default_factory=dict)
    dropped_end_notes: int = 0
    gaps: int = 0


def body_sections(body: etree._Element, ctx: BodyContext, debate_title: str) -> list[Section]:
    """Top-level sections; a ``div`` with no ``head`` gets the nearest honest title."""
    top = TopLevelSections(
        debate_title, ctx.reporter, "PARLAMINT_UNTITLED_SECTION", "a division has no <head>"
    )
    for child in body:
        if local(child) == "div":
            top.flush()  # loose items before this division come first, in reading order
            top.add(_section(child, ctx, top.untitled))
        else:
            top.add_loose(_items_of(child, ctx))
    return top.finish()


def _section(div: etree._Element, ctx: BodyContext, untitled: Callable[[], str]) -> Section:
    heads = [child for child in div if local(child) == "head" and text_of(child)]
    title = text_of(heads[0]) if heads else untitled()
    items: list[Item] = []
    for child in div:
        name = local(child)
        if heads and child is heads[0]:
            continue
        if name == "head" and text_of(child):
            items.append(Procedural((Paragraph((Run(text_of(child)),)),), ProceduralKind.NOTE, _id(child)))
        elif name == "div":
            items.append(_section(child, ctx, lambda: UNTITLED))
        else:
            items.extend(_items_of(child, ctx))
    return Section(title, tuple(items), id=_id(div))


def _items_of(element: etree._Element, ctx: BodyContext) -> list[Item]:
    name = local(element)
    if name == "u":
        return _utterance(element, ctx)
    if name == "table":
        table = _table(element, ctx)
        return [Procedural((table,), ProceduralKind.OTHER, _id(element))] if table is not None else []
    if name in _EVENTS:
        event = _event(element, ctx)
        return [event] if event is not None else []
    if name and text_of(element):
        ctx.reporter.warn(
            "PARLAMINT_UNKNOWN_ELEMENT",
            f"<{name}> is not a known ParlaMint element; its text is kept as a note",
            f"line {element.sourceline}",
        )
        return [Procedural((Paragraph((Run(text_of(element)),)),), ProceduralKind.OTHER, _id(element))]
    return []


def _event(element: etree._Element, ctx: BodyContext) -> Procedural | None:
    name = local(element)
    text = _event_text(element)
    if name == "note" and _END_OF_SECTION.match(text):
        ctx.dropped_end_notes += 1
        return None
    if name == "gap":
        ctx.gaps += 1
        text = _gap_text(element)
    if not text:
        return None
    kind = _EVENTS[name]
    if name == "note" and element.get("type") == "time":
        kind = ProceduralKind.TIME
    return Procedural((Paragraph((Run(text),), lang=_lang(element, ctx)),), kind, _id(element))


def _event_text(element: etree._Element) -> str:
    """An event's words: its ``desc`` when it has one, else its own text."""
    desc = next((child for child in element if local(child) == "desc"), None)
    return text_of(desc if desc is not None else element)


def _gap_text(element: etree._Element) -> str:
    desc = _event_text(element)
    if desc.upper() == "SAMPLING":
        return "[Part of the record is left out here: this file is a ParlaMint sample]"
    reason = element.get("reason")
    detail = desc or reason
    if detail:
        return f"[Part of the record is missing here: {detail}]"
    return "[Part of the record is missing here]"


def _utterance(u: etree._Element, ctx: BodyContext) -> list[Item]:
    speaker_id, label = _who(u, ctx)
    kinds = [token.lstrip("#") for token in (u.get("ana") or "").split()]
    role = next((_ROLES[kind] for kind in kinds if kind in _ROLES), None)
    lang = _lang(u, ctx)
    items: list[Item] = []
    paragraphs: list[Block] = []
    part = 0

    def flush() -> None:
        nonlocal part, paragraphs
        if not paragraphs:
            return
        base = _id(u)
        items.append(
            Speech(
                id=base if part == 0 or base is None else f"{base}.{part}",
                speaker=speaker_id,
                paragraphs=tuple(paragraphs),
                label=label,
                role=role,
                lang=lang,
            )
        )
        part += 1
        paragraphs = []

    for child in u:
        name = local(child)
        if name == "seg":
            paragraph = _paragraph(child, ctx)
            if paragraph is None:
                continue
            if _is_decision(paragraph, ctx):
                flush()
                items.append(Procedural((paragraph,), ProceduralKind.DECISION, _id(child)))
            else:
                paragraphs.append(paragraph)
        elif name == "table":
            table = _table(child, ctx)
            if table is not None:
                paragraphs.append(table)
        elif name in _EVENTS:
            # an event between segments: its own paragraph, bracketed, inside the speech
            text = _gap_text(child) if name == "gap" else _event_text(child)
            if name == "note" and _END_OF_SECTION.match(text):
                ctx.dropped_end_notes += 1
            elif text:
                paragraphs.append(Paragraph((Run(_bracket(text), emphasis=True),)))
        elif name and text_of(child):
            paragraphs.append(Paragraph((Run(text_of(child)),)))
    flush()
    if not items:
        # an utterance with no words is still a turn the record shows
        items.append(Speech(id=_id(u), speaker=speaker_id, paragraphs=(), label=label, role=role, lang=lang))
    return items


def _table(element: etree._Element, ctx: BodyContext) -> Table | None:
    """A ``table`` in the transcript, each cell read as a segment is."""

    def cell_paragraphs(cell: etree._Element) -> tuple[Paragraph, ...]:
        paragraph = _paragraph(cell, ctx)
        return (paragraph,) if paragraph is not None else ()

    return tei_table(element, cell_paragraphs)


def _who(u: etree._Element, ctx: BodyContext) -> tuple[str | None, str | None]:
    who = " ".join((u.get("who") or "").split())
    if who.startswith("#") and len(who) > 1 and " " not in who:
        speaker_id = who[1:]
        ctx.speakers.setdefault(speaker_id, Speaker(speaker_id, speaker_id))
        return speaker_id, None
    if who:
        # some corpora print a name, not a reference: show it as printed
        return None, who.lstrip("#")
    return None, UNKNOWN_SPEAKER


def _paragraph(seg: etree._Element, ctx: BodyContext) -> Paragraph | None:
    tokenised = any(local(node) in _TOKENS for node in seg.iter())
    pieces = _seg_runs(seg, None, ctx.language, tokenised)
    runs = merge_runs(pieces)
    if not runs:
        return None
    return Paragraph(runs, lang=_lang(seg, ctx))


def _seg_runs(element: etree._Element, lang: str | None, language: str, tokenised: bool) -> list[Run]:
    """The runs of a segment. In the annotated corpus (``.ana.xml``) the words are ``w`` and
    ``pc`` tokens whose spacing is their ``join`` attribute, and whitespace between elements
    is only indentation."""
    pieces: list[Run] = []
    if element.text and not tokenised:
        pieces.append(Run(element.text, lang=lang))
    for child in element:
        name = local(child)
        if name in _EVENTS:
            text = _gap_text(child) if name == "gap" else _event_text(child)
            if text:
                pieces.append(Run(_bracket(text) + (" " if tokenised else ""), emphasis=True, lang=lang))
        elif name in _TOKENS:
            space = "" if child.get("join") == "right" else " "
            pieces.append(Run((child.text or "") + space, lang=_run_lang(child, lang, language)))
        elif name and name not in _ANNOTATION:
            pieces.extend(_seg_runs(child, _run_lang(child, lang, language), language, tokenised))
        if child.tail and not tokenised:
            pieces.append(Run(child.tail, lang=lang))
    return pieces


def _run_lang(element: etree._Element, inherited: str | None, language: str) -> str | None:
    lang = element.get(XML_LANG)
    return inherited if lang is None or lang == language else lang


def _bracket(text: str) -> str:
    return text if text.startswith("[") and text.endswith("]") else f"[{text}]"


def _is_decision(paragraph: Paragraph, ctx: BodyContext) -> bool:
    text = paragraph.text
    english = (paragraph.lang or ctx.language).lower().startswith("en")
    return english and len(text) < 200 and _DECISION.match(text) is not None


def _lang(element: etree._Element, ctx: BodyContext) -> str | None:
    lang = element.get(XML_LANG)
    return lang if lang and lang != ctx.language else None


def _id(element: etree._Element) -> str | None:
    return element.get(XML_ID)
