"""A ParlParse speech's blocks, where a member's words end, and procedural text in groups.

Blocks: ``<p>`` paragraphs (``pwmotiontext`` -> motion style, ``class="indent"`` ->
quotation), ``<table>`` tables, and lists the record marks as lists: OpenAustralia's
``<dl>`` (each ``<dt>`` the label of the ``<dd>`` after it: "1.", "2."), ``<ul>`` and
``<ol>``.

**Where a member's words end.** A paragraph's class never ends a speech: ``italic`` marks
sub-headings in a statement ("Preparation for the G20 finance ministers' meeting"),
quotations, a motion's text, a document incorporated with leave, as well as the record's
own procedure. What ends a member's words is the record's wording: a formula by which
the House disposes of business — "Question put and agreed to.", "Amendment 96 withdrawn.",
"Moved by Lord Borrie", "The Assembly divided: …", "Resolved,", "Debate adjourned." —
after which Hansard never resumes a member's words without naming them again. That
paragraph and everything after it in the ``<speech>`` is procedure (:func:`closing_at`).
Notes that do not dispose of anything ("Leave granted.", "(Mr Speaker in the Chair)",
"The list read as follows—") stay in place.

Older files italicise procedure, modern ones do not, so a procedural group's kind comes
from its italic lines when it has any and from its wording otherwise.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace

from lxml import etree

from exporter.diagnostics import Reporter
from exporter.model import (
    Block,
    Item,
    ListBlock,
    ListEntry,
    Paragraph,
    ParagraphStyle,
    Procedural,
    ProceduralKind,
    Run,
)
from exporter.readers._html import element_runs, table_block
from exporter.readers._xml import local
from exporter.readers.hansard_api_conventions import procedural_kind

# pwmotiontext values that mark motion text; "unrecognized" marks the rest of that stretch
_MOTION_TEXT = frozenset({"yes", "moved", "quot", "lines"})
_LISTS = frozenset({"dl", "ul", "ol"})
_BLOCKS = _LISTS | {"table"}

# formulas by which business is disposed of: after one, the member is not speaking
_CLOSING = re.compile(
    r"^(?:"
    r"(?:main )?question put\b.*"
    r"|question (?:accordingly )?(?:agreed to|negatived)\b.*"
    r"|amendments? [\w().,/ –-]{1,60}? (?:withdrawn|agreed(?: to)?|disagreed(?: to)?|not moved|negatived|made)\.?"
    r"|moved by .{1,120}"
    r"|motion made\b.*"
    r"|(?:the )?(?:house|committee|assembly|senate|parliament|chamber|council) divided\b.*"
    r"|division no\.?\s*\d*\.?"
    r"|resolved\b\s*(?:\([^)]*\))?\s*[,:].*"
    r"|ordered,.*"
    r"|debate (?:\(on motion by [^)]*\) )?adjourned\b.*"
    r"|(?:the )?bill (?:was )?read a (?:first|second|third) time\b.*"
    r"|(?:new )?(?:clause|schedule) [\w ]{1,20} (?:ordered to stand part of the bill|agreed to)\b.*"
    r"|the (?:chairman|chair|speaker|deputy speaker) adjourned the committee\b.*"
    r"|adjourned (?:till|until|at)\b.*"
    r"|(?:the )?(?:house|assembly|committee|sitting) adjourned\b.*"
    r")$",
    re.IGNORECASE | re.DOTALL,
)


# the words _CLOSING can begin with
_CLOSING_STARTS = frozenset(
    [
        "main",
        "question",
        "amendment",
        "amendments",
        "moved",
        "motion",
        "the",
        "house",
        "committee",
        "assembly",
        "senate",
        "parliament",
        "chamber",
        "council",
        "division",
        "resolved",
        "ordered",
        "debate",
        "bill",
        "new",
        "clause",
        "schedule",
        "adjourned",
        "sitting",
    ]
)


@dataclass
class Part:
    """One block of a speech, with what the record says about it."""

    block: Block
    italic: bool = False
    motion: bool = False

    @property
    def text(self) -> str:
        return self.block.text


def paragraph_parts(element: etree._Element, reporter: Reporter) -> list[Part]:
    """The blocks of a ``<speech>`` (or ``<ques>``/``<reply>``): paragraphs (empty ones
    left out), tables and lists."""
    parts: list[Part] = []
    for child in _unwrapped(element):
        name = local(child)
        if not name:
            continue
        if name == "table":
            parts.append(Part(table_block(child)))
            continue
        if name in _LISTS:
            listed = list_block(child)
            if listed.items:
                parts.append(Part(listed))
            continue
        runs = element_runs(child)
        if not runs:
            continue
        if name != "p":
            reporter.warn(
                "parlparse-speech-element",
                f"<{name}> inside a speech is read as a paragraph",
                f"line {child.sourceline}",
            )
        classes = (child.get("class") or "").lower()
        italic = classes == "italic" or _all_italic(child)
        motion = (child.get("pwmotiontext") or "").lower() in _MOTION_TEXT
        if motion:
            style = ParagraphStyle.MOTION
        elif classes == "indent":
            style = ParagraphStyle.QUOTE
        else:
            style = ParagraphStyle.BODY
        parts.append(Part(Paragraph(runs, style), italic=italic, motion=motion))
    return parts


def _unwrapped(element: etree._Element) -> list[etree._Element]:
    """The speech's children, with a paragraph that holds a table or a list (Scottish
    written answers write ``<p><table>…</table></p>``) split around it: the text before,
    the table, the text after."""
    children: list[etree._Element] = []
    for child in element:
        if child.tag != "p" or not any(
            inner.tag in _BLOCKS for inner in child
        ):  # ParlParse has no namespaces
            children.append(child)
            continue
        current = etree.Element("p", dict(child.attrib))
        current.text = child.text
        for inner in child:
            if local(inner) in _BLOCKS:
                children.append(current)
                children.append(inner)
                current = etree.Element("p", dict(child.attrib))
                current.text = inner.tail
            else:
                current.append(copy.deepcopy(inner))
        children.append(current)
    return children


def list_block(element: etree._Element) -> ListBlock:
    """``<dl>`` (labels from ``<dt>``), ``<ul>`` or ``<ol>`` as a list block."""
    name = local(element)
    entries: list[ListEntry] = []
    label: str | None = None
    for child in element:
        child_name = local(child)
        if child_name == "dt":
            if label is not None:  # a term with no description: an item of its own
                entries.append(ListEntry((), label))
            label = " ".join("".join(child.itertext()).split()) or None
        elif child_name in ("dd", "li"):
            entries.append(ListEntry(_item_paragraphs(child), label))
            label = None
    if label is not None:
        entries.append(ListEntry((), label))
    return ListBlock(tuple(entries), ordered=name == "ol")


def _item_paragraphs(element: etree._Element) -> tuple[Paragraph, ...]:
    """A list item's paragraphs: its text, its ``<p>`` children, and the items of a list
    nested in it, each a paragraph that begins with its label ("(a) before the issue…")."""
    paragraphs: list[Paragraph] = []
    for child in _unwrapped_item(element):
        name = local(child)
        if name in _LISTS:
            for entry in list_block(child).items:
                for index, paragraph in enumerate(entry.paragraphs or (Paragraph(()),)):
                    runs = paragraph.runs
                    if index == 0 and entry.label:
                        runs = (Run(f"{entry.label} "), *runs)
                    if runs:
                        paragraphs.append(replace(paragraph, runs=runs))
        elif runs := element_runs(child):  # text, and any table in an item, as a paragraph
            paragraphs.append(Paragraph(runs))
    return tuple(paragraphs)


def _unwrapped_item(element: etree._Element) -> list[etree._Element]:
    """A list item's content as a run of paragraphs and nested lists, in order."""
    pieces: list[etree._Element] = []
    current = etree.Element("p")
    current.text = element.text
    for child in element:
        if local(child) in _LISTS or local(child) == "p":
            pieces.append(current)
            pieces.append(child)
            current = etree.Element("p")
            current.text = child.tail
        else:
            current.append(copy.deepcopy(child))
    pieces.append(current)
    return pieces


def _all_italic(element: etree._Element) -> bool:
    """A paragraph whose whole text sits in an italic span (committee files' procedure)."""
    if (element.text or "").strip() or len(element) == 0:
        return False
    return all(
        local(child) == "span"
        and "italic" in (child.get("class") or "").lower()
        and not (child.tail or "").strip()
        for child in element
    )


def closing_at(parts: list[Part]) -> int | None:
    """Where a member's words end: the first paragraph after their first that disposes of
    business by the record's wording, or None when they speak to the end."""
    for index, part in enumerate(parts):
        if index and isinstance(part.block, Paragraph) and closes(part.block.text):
            return index
    return None


def closes(text: str) -> bool:
    """Whether a paragraph is one of the formulas by which business is disposed of."""
    words = text.split(maxsplit=1)
    if not words or words[0].lower().strip(",:") not in _CLOSING_STARTS:
        return False  # most paragraphs: not worth the expression
    return bool(_CLOSING.match(" ".join(text.split())))


def emphasised(part: Part) -> Block:
    """An italic paragraph kept in a member's speech, in italics as the record prints it."""
    block = part.block
    if not part.italic or not isinstance(block, Paragraph):
        return block
    return replace(block, runs=tuple(replace(run, emphasis=True) for run in block.runs))


def procedurals(
    parts: list[Part], gid: str | None, time: str | None, column: str | None, url: str | None
) -> list[Item]:
    """Procedural text in groups: a new group at each italic line that follows other
    text, or that turns from one kind of procedure to another ("Amendment 106A not
    moved." then "Amendment 107", "Moved by Lord Tunnicliffe")."""
    groups: list[tuple[ProceduralKind | None, list[Part]]] = []
    for part in parts:
        kind = procedural_kind(part.text) if part.italic else None
        if not groups:
            groups.append((kind, []))
        else:
            group_kind, group = groups[-1]
            previous = group[-1]
            if part.italic and (not previous.italic or (kind != group_kind and group_kind is not None)):
                groups.append((kind, []))
            elif group_kind is None and kind is not None:
                groups[-1] = (kind, group)
        groups[-1][1].append(part)
    items: list[Item] = []
    for index, (kind, group) in enumerate(groups):
        if kind is None:  # modern files do not italicise procedure: judge by the wording
            kind = procedural_kind(group[0].text, motion_text=any(part.motion for part in group))
        elif kind is ProceduralKind.OTHER and any(part.motion for part in group):
            kind = ProceduralKind.MOTION
        items.append(
            Procedural(
                paragraphs=tuple(part.block for part in group),
                kind=kind,
                id=gid if index == 0 else None,
                time=time,
                column=column,
                url=url,
            )
        )
    return items
