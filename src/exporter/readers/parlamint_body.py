"""ParlaMint TEI ``<body>``: divisions into sections, utterances into speeches.

- A ``div`` is a section titled by its ``head``; one without a ``head`` is an unnamed
  section (no heading is invented for it).
- A ``u`` with a ``who`` is a speech of that speaker (:mod:`parlamint_names`); the
  ``note type="speaker"`` printed before it names them as the record prints the name.
  Consecutive utterances of one speaker, with nothing said or done between them, are one
  speech under one heading with one source line. Words with no ``who`` are unattributed
  text, never an "Unknown speaker".
- Chair notes (``note type="president"``/``"chair"``, or "[X in the Chair]") set the
  section's chair (and the sitting's, the first time); a later change of chair is kept
  as a note where it happens.
- ``note``, ``incident``, ``kinesic``, ``vocal`` and ``gap`` between utterances are
  procedural items; inside a ``seg`` they become a bracketed, emphasised run so the words
  either side stay one paragraph. A time note (``note type="time"``) keeps its time.

Two artefacts of the corpus are handled, and reported: "End of debateSection." notes are
dropped; ``gap`` elements (the SAMPLING marks of sample files) become a note that part of
the record is missing. Procedural formulas the GB corpus keeps inside the chair's ``u``
("Question put and agreed to.") are lifted out as decisions, in English records only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from exporter.diagnostics import Reporter
from exporter.model import Block, Item, Paragraph, Procedural, ProceduralKind, Run, Section, Speech, Table
from exporter.readers._runs import merge_runs, without_stray_lead
from exporter.readers._xml import local, text_of
from exporter.readers.parlamint_names import Printed, SpeakerNames, read_printed_who
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
_CHAIR_NOTES = frozenset({"president", "chair", "chairman", "presiding"})
_IN_THE_CHAIR = re.compile(r"^\[?\s*(?P<name>[^\[\]]+?) in the Chair\s*\]?\.?$")
_CLOCK = re.compile(r"(?<!\d)(\d{1,2})[.:](\d{2})(?!\d)")
_END_OF_SECTION = re.compile(r"^end of debate ?section\.?$", re.I)
_DECISION = re.compile(
    r"^(Question (put|proposed|agreed|accordingly|negatived|that)|Motion made|Resolved[,.]|Ordered[,.]"
    r"|The House divided|Main Question|Bill (read|accordingly|to be)|Amendment (made|agreed|negatived)"
    r"|Clause \d+ (ordered|agreed)|House adjourned)",
)
_TOKENS = frozenset({"w", "pc"})
_ANNOTATION = frozenset({"linkGrp", "link", "spanGrp", "span"})  # syntax and analyses, not words


@dataclass
class BodyContext:
    reporter: Reporter
    language: str
    names: SpeakerNames
    printed_ids: dict[str, str] = field(default_factory=dict)  # id -> name, to match printed names
    chair: str | None = None  # the sitting's first chair
    dropped_end_notes: int = 0
    gaps: int = 0


def body_sections(body: etree._Element, ctx: BodyContext) -> list[Section]:
    """The body's sections in reading order; items outside any ``div`` form unnamed ones."""
    ctx.printed_ids = {
        who[1:]: ctx.names.name_for(who[1:])
        for u in body.iter()
        if local(u) == "u" and (who := (u.get("who") or "").strip()).startswith("#") and " " not in who
    }
    sections: list[Section] = []
    loose: list[etree._Element] = []
    for child in body:
        if local(child) == "div":
            if loose:
                sections.append(_section(loose, ctx, None))
                loose = []
            sections.append(_section(list(child), ctx, child))
        else:
            loose.append(child)
    if loose:
        sections.append(_section(loose, ctx, None))
    return sections


def _section(children: list[etree._Element], ctx: BodyContext, div: etree._Element | None) -> Section:
    heads = [child for child in children if local(child) == "head" and text_of(child)]
    title = text_of(heads[0]) if heads else ""
    items: list[Item] = []
    chair: str | None = None
    speaker_note: etree._Element | None = None
    unattributed: Procedural | None = None  # the last words of no one's, to join the next
    for child in children:
        name = local(child)
        if heads and child is heads[0]:
            continue
        if name == "note" and child.get("type") == "speaker" and text_of(child):
            if speaker_note is not None:
                _add(items, _note(speaker_note, ctx))
            speaker_note = child
            continue
        if name == "u":
            note_text = text_of(speaker_note) if speaker_note is not None else None
            speaker_note = None
            spoken = _utterance(child, ctx, note_text)
            first = spoken[0] if spoken else None
            joins = unattributed is not None and bool(items) and unattributed is items[-1]
            if isinstance(first, Procedural) and _is_unattributed(first) and joins and unattributed:
                # unattributed words straight after unattributed words
                spoken.pop(0)
                joined = unattributed.paragraphs + first.paragraphs
                items[-1] = unattributed = replace(unattributed, paragraphs=joined)
            for item in spoken:
                _add(items, item)
            if spoken and _is_unattributed(spoken[-1]):
                unattributed = items[-1] if isinstance(items[-1], Procedural) else None
            continue
        if (named := _chair_of(child)) is not None:
            if chair is None:
                chair = named
                ctx.chair = ctx.chair or named
                continue
            if named == chair:
                continue
            _add(items, Procedural((Paragraph((Run(text_of(child)),)),), ProceduralKind.CHAIR, _id(child)))
            continue
        if name == "head" and text_of(child):
            _add(items, Procedural((Paragraph((Run(text_of(child)),)),), ProceduralKind.NOTE, _id(child)))
        elif name == "div":
            items.append(_section(list(child), ctx, child))
        else:
            for item in _items_of(child, ctx):
                _add(items, item)
    if speaker_note is not None:
        _add(items, _note(speaker_note, ctx))
    return Section(title, tuple(items), id=_id(div) if div is not None else None, chair=chair)


def _add(items: list[Item], item: Item | None) -> None:
    """Append, joining an utterance to the one before it when both are one speaker's and
    nothing came between them."""
    if item is None:
        return
    last = items[-1] if items else None
    if isinstance(item, Speech) and isinstance(last, Speech) and _same_turn(last, item):
        items[-1] = replace(last, paragraphs=last.paragraphs + item.paragraphs, url=last.url or item.url)
    else:
        items.append(item)


def _is_unattributed(item: Item) -> bool:
    return isinstance(item, Procedural) and item.kind is ProceduralKind.OTHER and item.time is None


def _same_turn(first: Speech, second: Speech) -> bool:
    return (first.speaker, first.label, first.role, first.lang, first.chair) == (
        second.speaker,
        second.label,
        second.role,
        second.lang,
        second.chair,
    ) and (first.speaker is not None or first.label is not None)


def _chair_of(element: etree._Element) -> str | None:
    """The chair a note names, or None when it is no chair note."""
    if local(element) != "note":
        return None
    text = text_of(element)
    if element.get("type") in _CHAIR_NOTES and text:
        return text.strip("[] ")
    found = _IN_THE_CHAIR.match(text)
    return found["name"].strip() if found else None


def _note(element: etree._Element, ctx: BodyContext) -> Procedural | None:
    text = text_of(element)
    if not text:
        return None
    return Procedural((Paragraph((Run(text),), lang=_lang(element, ctx)),), ProceduralKind.NOTE, _id(element))


def _items_of(element: etree._Element, ctx: BodyContext) -> list[Item]:
    name = local(element)
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
    kind, time = _EVENTS[name], None
    if name == "note" and element.get("type") == "time":
        kind, time = ProceduralKind.TIME, _time_of(element, text)
    paragraph = Paragraph((Run(text),), lang=GAP_LANGUAGE if name == "gap" else _lang(element, ctx))
    return Procedural((paragraph,), kind, _id(element), time=time)


def _time_of(element: etree._Element, text: str) -> str | None:
    """A time note's time: a ``time/@when`` inside it, else a bare "14.01" as its text."""
    for node in element.iter():
        when = node.get("when") or ""
        if local(node) == "time" and (found := _CLOCK.search(when.split("T", 1)[-1])):
            return f"{int(found[1]):02d}:{found[2]}"
    found = _CLOCK.fullmatch(text.strip())
    return f"{int(found[1]):02d}:{found[2]}" if found and int(found[1]) < 24 else None


def _event_text(element: etree._Element) -> str:
    """An event's words: its ``desc`` when it has one, else its own text."""
    desc = next((child for child in element if local(child) == "desc"), None)
    return text_of(desc if desc is not None else element)


# The words a gap is given are the reader's, in English, and say so, so that a Bulgarian
# briefing does not read them in a Bulgarian voice (WCAG 2.2 SC 3.1.2).
GAP_LANGUAGE = "en"


def _gap_text(element: etree._Element) -> str:
    desc = _event_text(element)
    if desc.upper() == "SAMPLING":
        return "[Part of the record is left out here: this file is a ParlaMint sample]"
    detail = desc or element.get("reason")
    return (
        f"[Part of the record is missing here: {detail}]"
        if detail
        else "[Part of the record is missing here]"
    )


def _utterance(u: etree._Element, ctx: BodyContext, note: str | None) -> list[Item]:
    speaker_id, label, office = _who(u, ctx, note)
    kinds = [token.lstrip("#") for token in (u.get("ana") or "").split()]
    role = office  # the record's words; its marks #chair and #guest are flags, worded by the composer
    lang = _lang(u, ctx)
    url = (u.get("source") or "").strip() or None
    items: list[Item] = []
    paragraphs: list[Block] = []
    part = 0

    def flush() -> None:
        nonlocal part, paragraphs
        if not paragraphs and items:
            return
        base = _id(u)
        key = base if part == 0 or base is None else f"{base}.{part}"
        if speaker_id is None and label is None:
            if paragraphs:
                items.append(Procedural(tuple(paragraphs), ProceduralKind.OTHER, key))
        else:
            # an utterance with no words is still a turn the record shows
            items.append(
                Speech(
                    key, speaker_id, tuple(paragraphs), label=label, role=role, lang=lang, url=url,
                    chair="chair" in kinds, guest="guest" in kinds,
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
                gap_lang = GAP_LANGUAGE if name == "gap" else None
                paragraphs.append(Paragraph((Run(_bracket(text), emphasis=True, lang=gap_lang),)))
        elif name and text_of(child):
            paragraphs.append(Paragraph((Run(text_of(child)),)))
    if paragraphs or not items:
        flush()
    return items


def _table(element: etree._Element, ctx: BodyContext) -> Table | None:
    """A ``table`` in the transcript, each cell read as a segment is."""

    def cell_paragraphs(cell: etree._Element) -> tuple[Paragraph, ...]:
        paragraph = _paragraph(cell, ctx)
        return (paragraph,) if paragraph is not None else ()

    return tei_table(element, cell_paragraphs)


def _who(u: etree._Element, ctx: BodyContext, note: str | None) -> tuple[str | None, str | None, str | None]:
    """The speaker id (or, failing one, the label as printed) and the office printed."""
    who = " ".join((u.get("who") or "").split())
    if who.startswith("#") and len(who) > 1 and " " not in who:
        speaker, office = ctx.names.speaker(who[1:], note)
        return speaker.id, None, office
    if who:
        printed = read_printed_who(who.lstrip("#"))
        speaker_id = ctx.names.by_printed_name(printed, ctx.printed_ids)
        if speaker_id is not None:
            ctx.names.speaker(speaker_id)
            return speaker_id, None, printed.office
        return None, _label(printed), None
    if note:
        return None, note.strip().rstrip(":").strip(), None
    return None, None, None


def _label(printed: Printed) -> str:
    return f"{printed.name}, {printed.office}" if printed.office else printed.name


def _paragraph(seg: etree._Element, ctx: BodyContext) -> Paragraph | None:
    tokenised = any(local(node) in _TOKENS for node in seg.iter())
    runs = merge_runs(without_stray_lead(_seg_runs(seg, None, ctx.language, tokenised)))
    return Paragraph(runs, lang=_lang(seg, ctx)) if runs else None


def _seg_runs(element: etree._Element, lang: str | None, language: str, tokenised: bool) -> list[Run | None]:
    """The runs of a segment. In the annotated corpus (``.ana.xml``) the words are ``w`` and
    ``pc`` tokens whose spacing is their ``join`` attribute, and whitespace between elements
    is only indentation. ``None`` stands for an event with nothing to show, taken out."""
    pieces: list[Run | None] = []
    if element.text and not tokenised:
        pieces.append(Run(element.text, lang=lang))
    for child in element:
        name = local(child)
        if name in _EVENTS:
            text = _gap_text(child) if name == "gap" else _event_text(child)
            if text:
                run_lang = GAP_LANGUAGE if name == "gap" else lang
                pieces.append(Run(_bracket(text) + (" " if tokenised else ""), emphasis=True, lang=run_lang))
            else:
                pieces.append(None)
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
    english = (paragraph.lang or ctx.language).lower().startswith("en")
    return english and len(paragraph.text) < 200 and _DECISION.match(paragraph.text) is not None


def _lang(element: etree._Element, ctx: BodyContext) -> str | None:
    lang = element.get(XML_LANG)
    return lang if lang and lang != ctx.language else None


def _id(element: etree._Element) -> str | None:
    return element.get(XML_ID)
