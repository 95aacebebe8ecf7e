"""The debate itself: section headings, a heading per speech, its words and its source."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from exporter import document as d
from exporter import model as m
from exporter.compose.inlines import inlines, labelled
from exporter.compose.lists import gather_lists
from exporter.compose.names import KIND_LABELS, plural, speaker_name
from exporter.compose.tables import TableOrigin, briefing_table
from exporter.diagnostics import Reporter

_PROCEDURAL_ROLE = "procedural"


@dataclass(frozen=True)
class SpeechSource:
    """Where a speech can be found: its citation and its page in the official record."""

    citation: str | None
    url: str | None


Path = tuple[int, ...]  # an item's place: indexes from the top-level sections down


@dataclass(frozen=True)
class HeadingAnchors:
    """The anchor of each section's heading and of each division's, by the item's path (a
    section with no title has no heading, and no entry). Made in one walk before anything
    is laid out, so that the summary can link to a debate before the debate is written."""

    sections: dict[Path, str] = field(default_factory=dict)
    divisions: dict[Path, str] = field(default_factory=dict)


def heading_anchors(debate: m.Debate, make: Callable[[str], str]) -> HeadingAnchors:
    found = HeadingAnchors()

    def walk(items: tuple[m.Item, ...], path: Path) -> None:
        for index, item in enumerate(items):
            place = (*path, index)
            if isinstance(item, m.Section):
                if item.title.strip():
                    found.sections[place] = make(item.title)
                walk(item.items, place)
            elif isinstance(item, m.Division):
                found.divisions[place] = make(division_title(item))

    walk(shown_sections(debate), ())
    return found


@dataclass
class ProceedingsContext:
    debate: m.Debate
    speech_anchor: Callable[[m.Speech], str]  # by the speech's key (compose.keys)
    anchors: HeadingAnchors
    source_of: Callable[[m.Speech], SpeechSource]
    table_number: Callable[[], int]
    reporter: Reporter


def shown_sections(debate: m.Debate) -> tuple[m.Section, ...]:
    """The top-level sections as the briefing heads them: one debate whose heading repeats
    the title is "The debate", which reads better than the title twice."""
    sections = debate.sections
    if len(sections) == 1 and sections[0].title.strip().lower() == debate.title.strip().lower():
        return (dataclasses.replace(sections[0], title="The debate"),)
    return sections


def proceedings(ctx: ProceedingsContext) -> list[d.Block]:
    blocks: list[d.Block] = []
    for index, section in enumerate(shown_sections(ctx.debate)):
        blocks.extend(_section(ctx, section, 2, (index,)))
    return blocks


def _section(ctx: ProceedingsContext, section: m.Section, level: int, path: Path) -> list[d.Block]:
    """A section's heading at ``level`` and its items one level below. A section whose
    title is blank (an empty heading in the record) adds no heading, and so no contents
    entry: its items stand at its own level."""
    blocks: list[d.Block] = []
    if section.title.strip():
        blocks.append(d.Heading(level, (d.Text(section.title),), ctx.anchors.sections[path]))
        level += 1
    chair = m.chair_name(section.chair) if section.chair else ""
    if chair:
        blocks.append(d.Paragraph(labelled("Chair", chair), role="details"))
    for index, item in enumerate(section.items):
        if isinstance(item, m.Section):
            blocks.extend(_section(ctx, item, level, (*path, index)))
        elif isinstance(item, m.Speech):
            blocks.extend(_speech(ctx, item, level))
        elif isinstance(item, m.Procedural) and item.kind is m.ProceduralKind.TIME and item.time:
            blocks.append(d.Paragraph((d.Text(f"Time: {item.time[:5]}"),), role=_PROCEDURAL_ROLE))
        elif isinstance(item, m.Procedural):
            origin = TableOrigin(
                f"procedural item {item.id}" if item.id else f"section {section.title!r}",
                _passage_citation(ctx, item.column, item.url) if item.column else None,
            )
            blocks.extend(_blocks(ctx, item.paragraphs, role=_PROCEDURAL_ROLE, origin=origin))
        elif isinstance(item, m.Division):
            blocks.extend(_division(ctx, item, level, (*path, index)))
        else:
            raise TypeError(f"unknown item {type(item).__name__}")
    return blocks


def _speech(ctx: ProceedingsContext, speech: m.Speech, level: int) -> list[d.Block]:
    heading = d.Heading(level, (d.Text(speaker_name(ctx.debate, speech)),), ctx.speech_anchor(speech))
    blocks: list[d.Block] = [heading]
    origin = TableOrigin(
        f"speech {speech.id}" if speech.id else f"speech of {d.plain_text(heading.children)}",
        ctx.source_of(speech).citation,
    )
    blocks.extend(_blocks(ctx, speech.paragraphs, role="body", lang=speech.lang, origin=origin))
    source_line = _source_line(ctx, speech)
    if source_line:
        blocks.append(d.Paragraph(source_line, role="source"))
    return blocks


def _source_line(ctx: ProceedingsContext, speech: m.Speech) -> tuple[d.Inline, ...]:
    facts = []
    if speech.kind is not m.SpeechKind.SPEECH:
        facts.append(KIND_LABELS[speech.kind])
    if speech.number:
        facts.append(f"Question number {speech.number}")
    if speech.time:
        facts.append(f"Time: {speech.time[:5]}")
    source = ctx.source_of(speech)
    inlines_: list[d.Inline] = []
    if facts:
        inlines_.append(d.Text(". ".join(facts) + ". "))
    if source.citation and source.url:
        inlines_.append(d.Text("Source: "))
        inlines_.append(
            d.Link(
                source.url,
                (d.Text(source.citation),),
                description=f"This speech in the official record: {source.citation}",
            )
        )
    elif source.citation:
        inlines_.append(d.Text(f"Source: {source.citation}"))
    elif source.url:
        inlines_.append(
            d.Link(
                source.url,
                (d.Text("This speech in the official record"),),
                description="This speech in the official record",
            )
        )
    if speech.column and not source.citation:
        inlines_.append(d.Text(f" Column {speech.column}."))
    return tuple(inlines_)


def _blocks(
    ctx: ProceedingsContext,
    blocks: tuple[m.Block, ...],
    role: str,
    lang: str | None = None,
    origin: TableOrigin | None = None,
) -> list[d.Block]:
    out: list[d.Block] = []
    for block in blocks:
        if isinstance(block, m.Paragraph):
            if block.text.strip():
                out.append(_paragraph(ctx, block, role, lang))
        elif isinstance(block, m.ListBlock):
            if block.items:
                out.append(_list(ctx, block, role, lang))
        else:
            table = briefing_table(
                block,
                ctx.table_number,
                ctx.debate.language,
                origin or TableOrigin("the record"),
                ctx.reporter,
            )
            if table is not None:
                out.append(table)
    return gather_lists(out)


def _paragraph(
    ctx: ProceedingsContext, block: m.Paragraph, role: str, lang: str | None, label: str | None = None
) -> d.Paragraph:
    language = ctx.debate.language
    paragraph_role = "quote" if block.style is m.ParagraphStyle.QUOTE else role
    paragraph_lang = block.lang or lang
    children = inlines(block.runs, paragraph_lang or language)
    if label:
        children = (d.Text(f"{label} "), *children)
    return d.Paragraph(
        children,
        role=paragraph_role,
        lang=paragraph_lang if paragraph_lang and paragraph_lang != language else None,
    )


def _list(ctx: ProceedingsContext, block: m.ListBlock, role: str, lang: str | None) -> d.BulletList:
    """A list the record marks as one. Labels that count 1., 2., 3. make a numbered list
    (the writer numbers it); any other label ("(a)", a term) stays at the start of its item."""
    labels = [(item.label or "").strip() for item in block.items]
    counted = all(label.rstrip(".)") == str(n) for n, label in enumerate(labels, start=1))
    ordered = block.ordered or counted
    items = []
    for item, label in zip(block.items, labels, strict=True):
        shown = None if counted or not label else label
        paragraphs = [p for p in item.paragraphs if p.text.strip()] or [m.Paragraph(())]
        blocks = tuple(
            _paragraph(ctx, p, role, lang, shown if index == 0 else None)
            for index, p in enumerate(paragraphs)
        )
        items.append(d.ListItem(blocks))
    return d.BulletList(tuple(items), ordered=ordered)


def _passage_citation(ctx: ProceedingsContext, column: str, url: str | None) -> str | None:
    """The citation of a passage no member speaks (procedure, a division) by its column."""
    return ctx.source_of(m.Speech(None, None, (), column=column, url=url)).citation


def _division(ctx: ProceedingsContext, division: m.Division, level: int, path: Path) -> list[d.Block]:
    title = division_title(division)
    counts = ", ".join(f"{side_label(c.side)} {c.value}" for c in division.counts)
    blocks: list[d.Block] = [
        d.Heading(level, (d.Text(f"{title}: {counts}" if counts else title),), ctx.anchors.divisions[path]),
    ]
    origin = TableOrigin(
        f"division {division.id or title}",
        _passage_citation(ctx, division.column, division.url) if division.column else None,
    )
    blocks.extend(_blocks(ctx, division.description, role=_PROCEDURAL_ROLE, origin=origin))
    if division.time:
        blocks.append(d.Paragraph((d.Text(f"Time: {division.time[:5]}."),), role="source"))
    if division.votes:
        notes = [_vote_note(vote) for vote in division.votes]
        with_notes = any(notes)
        labels = ["Member", "Vote", *(["Note"] if with_notes else [])]
        rows = []
        for vote, note in zip(division.votes, notes, strict=True):
            cells = [d.text_cell(vote.name, "row"), d.text_cell(_vote(vote.side))]
            if with_notes:
                cells.append(d.text_cell(note))  # an empty cell, never "None"
            rows.append(tuple(cells))
        number = ctx.table_number()
        blocks.append(
            d.Table(
                caption=f"Table {number}: how members voted in {title.lower()} "
                f"({plural(len(division.votes), 'recorded vote')})",
                head=(d.header_row(*labels),),
                rows=tuple(rows),
                widths=(0.5, 0.25, 0.25) if with_notes else (0.6, 0.4),
            )
        )
    return blocks


def division_title(division: m.Division) -> str:
    """ "Division 232", or "Division" when the record gives no number."""
    return f"Division {division.number}" if division.number else "Division"


def side_label(side: str) -> str:
    """How a lobby is named: "Ayes", "Not contents", "Abstentions"."""
    return {
        "aye": "Ayes",
        "ayes": "Ayes",
        "no": "Noes",
        "noes": "Noes",
        "content": "Contents",
        "not-content": "Not contents",
        "for": "For",
        "against": "Against",
        "abstentions": "Abstentions",
        "spoiledvotes": "Spoiled votes",
    }.get(side.lower(), side.capitalize())


def _vote(side: str) -> str:
    return {"aye": "Aye", "no": "No", "content": "Content", "not-content": "Not content"}.get(
        side.lower(), side.capitalize()
    )


def _vote_note(vote: m.Vote) -> str:
    """ "Teller", "Proxy vote cast by Bell Ribeiro-Addy"; "" when the record notes nothing."""
    notes = []
    if vote.teller:
        notes.append("Teller")
    if vote.proxy:
        if _is_id(vote.proxy):
            notes.append(f"Proxy vote; the record names the member who cast it only by id ({vote.proxy})")
        else:
            notes.append(f"Proxy vote cast by {vote.proxy}")
    return "; ".join(notes)


def _is_id(text: str) -> bool:
    return "/" in text and " " not in text.strip()
