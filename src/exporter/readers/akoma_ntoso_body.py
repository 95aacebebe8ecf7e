"""Akoma Ntoso ``<debateBody>``: sections, speeches, procedural text and divisions.

Sections are ``debateSection`` and the specialised containers (``prayers``, ``questions``,
``adjournment``...). A section is titled by its ``<heading>``; a specialised container
without one by its kind (``Prayers``). A ``debateSection`` with an empty heading, or only
an internal ``name`` ("InizioSeduta", "opening"), is an unnamed section: no heading is
shown for it and none is invented. Nested inside another section it only groups its
content, which joins its parent's. Content outside any container forms unnamed sections
in reading order.

A narrative that holds only a ``recordedTime`` (the Italian Senate's "InizioSeduta") is
kept as that time. Punctuation a speaker label leaves at the start of the speech (the
Senate's ``<from>PRESIDENTE</from><p>. La seduta è aperta``) is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from exporter.diagnostics import Reporter
from exporter.invisible import reads_as_nothing
from exporter.model import (
    Block,
    Division,
    Item,
    Paragraph,
    Procedural,
    ProceduralKind,
    Section,
    Speaker,
    Speech,
    SpeechKind,
)
from exporter.readers._runs import runs_without_stray_lead
from exporter.readers._xml import first_child, first_descendant, local
from exporter.readers.akoma_ntoso_blocks import (
    CONTAINERS,
    LISTS,
    QUOTES,
    SPECIALISED,
    blocks,
    has_blocks,
    lang_of,
    paragraph_list,
)
from exporter.readers.akoma_ntoso_inline import plain

_SPEECHES = {"speech": SpeechKind.SPEECH, "question": SpeechKind.QUESTION, "answer": SpeechKind.ANSWER}
_PROCEDURAL = {
    "narrative": ProceduralKind.NOTE,
    "scene": ProceduralKind.INTERRUPTION,
    "summary": ProceduralKind.DECISION,
    "other": ProceduralKind.OTHER,
    "p": ProceduralKind.OTHER,
    "subheading": ProceduralKind.NOTE,
    "num": ProceduralKind.NOTE,
}
_FROM_END = re.compile(r"[\s:]+$|\s*\.\s*-\s*$")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def ref(value: str | None) -> str | None:
    """An AKN reference (``#alfa`` or, in some files, ``alfa``) as a bare id."""
    if not value:
        return None
    return value.strip().lstrip("#") or None


def element_id(element: etree._Element) -> str | None:
    return element.get("eId") or element.get("id") or element.get("GUID")


def clock(value: str | None) -> str | None:
    """``14:03:00`` or ``2011-06-10T10:02:00+02:00`` as ``HH:MM[:SS]``."""
    if not value:
        return None
    match = _CLOCK.search(value.split("T", 1)[-1])
    if match is None:
        return None
    hours, minutes, seconds = match.groups()
    text = f"{int(hours):02d}:{minutes}"
    return f"{text}:{seconds}" if seconds else text


@dataclass
class BodyContext:
    source: str
    reporter: Reporter
    language: str
    persons: dict[str, str]  # TLCPerson id -> showAs
    roles: dict[str, str]  # TLCRole id -> showAs
    notes: dict[str, str]  # note id -> its text
    divisions_at: dict[str, list[Division]]  # element id -> divisions recorded there
    divisions_after: dict[str, list[Division]]  # section id -> divisions about it
    speakers: dict[str, Speaker] = field(default_factory=dict)

    def divisions_about(self, section_id: str | None) -> list[Division]:
        return self.divisions_after.pop(section_id, []) if section_id else []

    def note_text(self, note_ref: etree._Element) -> str | None:
        text = self.notes.get(ref(note_ref.get("href")) or "")
        marker = note_ref.get("marker")
        if text and marker:
            return f"Note {marker}: {text}"
        return text or (f"Note {marker}" if marker else None)


def body_sections(body: etree._Element, ctx: BodyContext, debate_title: str) -> list[Section]:
    """Top-level sections in reading order; content outside any container forms unnamed ones."""
    sections: list[Section] = []
    loose: list[Item] = []
    for child in body:
        if local(child) in CONTAINERS:
            if loose:
                sections.append(Section("", tuple(loose)))
                loose = []
            sections.append(_section(child, ctx, _title(child)))
        else:
            loose.extend(_child_items(child, ctx))
    if loose:
        sections.append(Section("", tuple(loose)))
    return _unwrap(sections, debate_title)


def _unwrap(sections: list[Section], debate_title: str) -> list[Section]:
    """A lone top-level section that only repeats the debate's title is a wrapper (the
    ZA record's "PROCEEDINGS OF THE NATIONAL ASSEMBLY"): its sections become the debates,
    so headings do not nest a level deeper than the record means and --split can split."""
    if len(sections) != 1 or sections[0].title != debate_title:
        return sections
    wrapper = sections[0]
    if not any(isinstance(item, Section) for item in wrapper.items):
        return sections
    lifted: list[Section] = []
    leading: list[Item] = []
    for item in wrapper.items:
        if isinstance(item, Section):
            lifted.append(item)
        elif lifted:
            lifted[-1] = replace(lifted[-1], items=lifted[-1].items + (item,))
        else:
            leading.append(item)
    opening = [replace(wrapper, items=tuple(leading))] if leading else []
    return opening + lifted


def _title(element: etree._Element) -> str:
    """The heading; else a specialised container's kind (``prayers``); else none: a
    section's ``name`` is an internal name ("InizioSeduta"), never a heading."""
    heading = first_child(element, "heading")
    if heading is not None and plain(heading):
        return plain(heading)
    if local(element) in SPECIALISED:
        return _humanise(local(element))
    return ""


def _section(element: etree._Element, ctx: BodyContext, title: str) -> Section:
    items = _items(element, ctx)
    section_id = element_id(element)
    items.extend(ctx.divisions_about(section_id))
    return Section(title, tuple(items), id=section_id, time=_first_time(first_child(element, "heading")))


def _items(container: etree._Element, ctx: BodyContext) -> list[Item]:
    items: list[Item] = []
    seen_heading = False
    for child in container:
        name = local(child)
        if name == "heading" and not seen_heading:
            seen_heading = True
            continue
        if name == "debateSection" and not _title(child):
            items.extend(_items(child, ctx))
            items.extend(ctx.divisions_about(element_id(child)))
        elif name in CONTAINERS:
            items.append(_section(child, ctx, _title(child)))
        else:
            items.extend(_child_items(child, ctx))
    return items


def _child_items(child: etree._Element, ctx: BodyContext) -> list[Item]:
    """One body element as items, with any division recorded at it in its place."""
    name = local(child)
    divisions = _divisions_at(child, ctx)
    item: Item | None = None
    if name in _SPEECHES:
        item = _speech(child, _SPEECHES[name], ctx)
    elif name == "heading":
        item = _procedural(child, ProceduralKind.NOTE, ctx)
    elif name in _PROCEDURAL or name in LISTS or name in QUOTES or name == "table":
        kind = _PROCEDURAL.get(name, ProceduralKind.OTHER)
        if kind is ProceduralKind.OTHER and _only_time(child):
            kind = ProceduralKind.TIME
        item = _procedural(child, kind, ctx)
    elif name and plain(child):
        ctx.reporter.warn(
            "AKN_UNKNOWN_ELEMENT",
            f"<{name}> is not a known debate element; its text is kept as procedural text",
            f"line {child.sourceline}",
        )
        item = _procedural(child, ProceduralKind.OTHER, ctx)
    if divisions and name in ("summary", "other", "narrative"):
        # the division's description is this element's text: keep it once, there
        described = [_with_description(d, item) for d in divisions]
        return list(described)
    found: list[Item] = [item] if item is not None else []
    return found + divisions


def _with_description(division: Division, item: Item | None) -> Division:
    if not isinstance(item, Procedural):
        return division
    return replace(division, description=item.paragraphs + division.description, time=item.time)


def _divisions_at(element: etree._Element, ctx: BodyContext) -> list[Division]:
    found: list[Division] = []
    for node in element.iter():
        node_id = element_id(node) if isinstance(node.tag, str) else None
        if node_id and node_id in ctx.divisions_at:
            found.extend(ctx.divisions_at.pop(node_id))
    return found


def _speech(element: etree._Element, kind: SpeechKind, ctx: BodyContext) -> Speech:
    by = ref(element.get("by"))
    as_ = ref(element.get("as")) or ref(element.get("refersTo"))
    label_el = first_child(element, "from")
    label = _FROM_END.sub("", plain(label_el)) if label_el is not None else None
    person_el = first_descendant(label_el, "person")
    role_el = first_descendant(label_el, "role")
    printed_role = plain(role_el) if role_el is not None else None
    speaker_id: str | None = None
    role = ctx.roles.get(as_ or "") or printed_role or None
    if by and by in ctx.persons:
        speaker_id = by
        _add_speaker(ctx, Speaker(by, ctx.persons[by]))
    elif by and by in ctx.roles:
        role = role or ctx.roles[by]
        label = label or ctx.roles[by]
    elif by:
        ctx.reporter.warn(
            "AKN_UNKNOWN_SPEAKER_REF",
            f'by="#{by}" names no TLCPerson; the speaker is shown as printed',
            f"line {element.sourceline}",
        )
        speaker_id = by
        printed = plain(person_el) if person_el is not None else label
        _add_speaker(ctx, Speaker(by, by if reads_as_nothing(printed) else printed or by))
    paragraphs = blocks(element, ctx.note_text, ctx.language)
    if label_el is not None and paragraphs:
        paragraphs[0] = _without_label_punctuation(paragraphs[0])
    return Speech(
        id=element_id(element),
        speaker=speaker_id,
        paragraphs=tuple(paragraphs),
        kind=kind,
        label=None if speaker_id else (label or "Unknown speaker"),
        role=role,
        time=_first_time(element),
        lang=lang_of(element, ctx.language),
    )


def _without_label_punctuation(block: Block) -> Block:
    """The first paragraph of a speech without the ". " its speaker label left at its start
    ("PRESIDENTE. La seduta è aperta" marked up as ``<from>PRESIDENTE</from><p>. La seduta``);
    an ellipsis ("... e quindi") is the speaker's and stays."""
    if not isinstance(block, Paragraph) or not block.runs:
        return block
    return replace(block, runs=runs_without_stray_lead(block.runs))


def _add_speaker(ctx: BodyContext, speaker: Speaker) -> None:
    ctx.speakers.setdefault(speaker.id, speaker)


def _procedural(element: etree._Element, kind: ProceduralKind, ctx: BodyContext) -> Procedural | None:
    reader = blocks if has_blocks(element) else paragraph_list
    found = reader(element, ctx.note_text, ctx.language)
    if not found:
        time = _first_time(element)
        # a narrative holding only a recordedTime ("InizioSeduta"): the time is kept
        return Procedural((), ProceduralKind.TIME, element_id(element), time) if time else None
    return Procedural(tuple(found), kind=kind, id=element_id(element), time=_first_time(element))


def _only_time(element: etree._Element) -> bool:
    times = [node for node in element.iter() if local(node) == "recordedTime"]
    if not times:
        return False
    return " ".join(plain(node) for node in times) == plain(element)


def _first_time(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    for node in element.iter():
        if local(node) == "recordedTime":
            return clock(node.get("time"))
    return None


def _humanise(name: str) -> str:
    """``pointOfOrder`` -> ``Point of order``: the container's meaning, in words."""
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()
    return words[:1].upper() + words[1:]
