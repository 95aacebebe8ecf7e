"""The debate itself: section headings, a heading per speech, its words and its source."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from exporter import document as d
from exporter import model as m
from exporter.compose.front import english
from exporter.compose.inlines import inlines, labelled
from exporter.compose.lists import gather_lists, label_numbering, labelled_list
from exporter.compose.names import kind_label, speaker_heading
from exporter.compose.table_numbers import TableNumbers
from exporter.compose.tables import TableOrigin, briefing_table
from exporter.diagnostics import Reporter
from exporter.interface import Interface

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
    """Anchors are made from the record's words (a division's from "Division 232"), the
    same whatever the interface's language."""
    found = HeadingAnchors()

    def walk(items: tuple[m.Item, ...], path: Path) -> None:
        for index, item in enumerate(items):
            place = (*path, index)
            if isinstance(item, m.Section):
                if item.title.strip():
                    found.sections[place] = make(item.title)
                walk(item.items, place)
            elif isinstance(item, m.Division):
                found.divisions[place] = make(f"Division {item.number}" if item.number else "Division")

    walk(shown_sections(debate), ())
    return found


@dataclass
class ProceedingsContext:
    debate: m.Debate  # its language resolved (exporter.language.resolve)
    speech_anchor: Callable[[m.Speech], str]  # by the speech's key (compose.keys)
    anchors: HeadingAnchors
    source_of: Callable[[m.Speech], SpeechSource]
    tables: TableNumbers  # each table's number waits for the tree's final order
    ui: Interface
    reporter: Reporter

    @property
    def language(self) -> str:
        return self.debate.language or ""


# What the one section of a debate whose heading repeats its title is headed (its anchor is
# made from these words); shown in the interface's language.
THE_DEBATE = "The debate"


def repeats_title(debate: m.Debate) -> bool:
    """One debate whose heading repeats the title: "The debate" reads better than the title twice."""
    sections = debate.sections
    return len(sections) == 1 and sections[0].title.strip().lower() == debate.title.strip().lower()


def shown_sections(debate: m.Debate) -> tuple[m.Section, ...]:
    """The top-level sections as the briefing heads them (``repeats_title``)."""
    if repeats_title(debate):
        return (dataclasses.replace(debate.sections[0], title=THE_DEBATE),)
    return debate.sections


def proceedings(ctx: ProceedingsContext) -> list[d.Block]:
    ui = ctx.ui
    the_debate = ui.text(ui.gettext("The debate")) if repeats_title(ctx.debate) else None
    blocks: list[d.Block] = []
    for index, section in enumerate(shown_sections(ctx.debate)):
        blocks.extend(_section(ctx, section, 2, (index,), the_debate))
    return blocks


def _section(
    ctx: ProceedingsContext, section: m.Section, level: int, path: Path, title: d.Text | None = None
) -> list[d.Block]:
    """A section's heading at ``level`` and its items one level below. A section whose
    title is blank (an empty heading in the record) adds no heading, and so no contents
    entry: its items stand at its own level. ``title``: the tool's own words for it."""
    ui = ctx.ui
    blocks: list[d.Block] = []
    heading = title or (d.Text(section.title) if section.title.strip() else None)
    if heading is not None:
        blocks.append(d.Heading(level, (heading,), ctx.anchors.sections[path]))
        level += 1
    chair = m.chair_name(section.chair) if section.chair else ""
    if chair:
        blocks.append(d.Paragraph(labelled(ui, ui.gettext("Chair"), chair), role="details"))
    for index, item in enumerate(section.items):
        if isinstance(item, m.Section):
            blocks.extend(_section(ctx, item, level, (*path, index)))
        elif isinstance(item, m.Speech):
            blocks.extend(_speech(ctx, item, level))
        elif isinstance(item, m.Procedural) and item.kind is m.ProceduralKind.TIME and item.time:
            time = ui.gettext("Time: {time}").format(time=item.time[:5])
            blocks.append(d.Paragraph((ui.text(time),), role=_PROCEDURAL_ROLE))
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
    # a typed list whose lines the record gives as procedural items of their own, one a line
    return gather_lists(blocks)


def _speech(ctx: ProceedingsContext, speech: m.Speech, level: int) -> list[d.Block]:
    heading = d.Heading(level, speaker_heading(ctx.debate, speech, ctx.ui), ctx.speech_anchor(speech))
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
    ui = ctx.ui
    facts = []
    if speech.kind is m.SpeechKind.ANSWER and speech.number:
        # a written answer carries the number(s) of the question(s) it answers
        several = ", " in speech.number
        message = ui.gettext("Answer to questions {numbers}") if several else ui.gettext("Answer to question {number}")
        facts.append(message.format(number=speech.number, numbers=speech.number))
    else:
        if speech.kind is not m.SpeechKind.SPEECH:
            facts.append(kind_label(speech.kind, ctx.debate, ui))
        if speech.number:
            facts.append(ui.gettext("Question number {number}").format(number=speech.number))
    if speech.time:
        facts.append(ui.gettext("Time: {time}").format(time=speech.time[:5]))
    source = ctx.source_of(speech)
    inlines_: list[d.Inline] = []
    if facts:
        inlines_.append(ui.text(". ".join(facts) + ". "))
    if source.citation and source.url:
        inlines_.append(ui.text(ui.gettext("Source: ")))
        description = ui.gettext("This speech in the official record: {citation}")
        inlines_.append(
            ui.link(
                source.url,
                (english(source.citation, ctx.language),),
                description.format(citation=source.citation),
            )
        )
    elif source.citation:
        inlines_.extend(
            ui.mixed(ui.gettext("Source: {citation}"), citation=english(source.citation, ctx.language))
        )
    elif source.url:
        words = ui.gettext("This speech in the official record")
        inlines_.append(ui.link(source.url, (ui.text(words),), words))
    if speech.column and not source.citation:
        inlines_.extend(ui.mixed(ui.gettext(" Column {column}."), column=speech.column))
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
                ctx.tables,
                ctx.ui,
                origin or TableOrigin("the record"),
                ctx.reporter,
            )
            if table is not None:
                out.append(table)
    return gather_lists(out)


def _paragraph(
    ctx: ProceedingsContext, block: m.Paragraph, role: str, lang: str | None, label: str | None = None
) -> d.Paragraph:
    language = ctx.language
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
    """A list the record marks as one. Labels that count ("1.", "2."; "(a)", "(b)"; "(i)",
    "(ii)": ``lists.label_numbering``) number the list, each said once as its item's number;
    any other labels (terms, a gap in the count) stay at the start of their items."""
    labels = [(item.label or "").strip() for item in block.items]
    counted = label_numbering(labels) if all(labels) else None
    items: list[tuple[d.Block, ...]] = []
    for item, label in zip(block.items, labels, strict=True):
        shown = None if counted or not label else label
        paragraphs = [p for p in item.paragraphs if p.text.strip()] or [m.Paragraph(())]
        blocks = tuple(
            _paragraph(ctx, p, role, lang, shown if index == 0 else None)
            for index, p in enumerate(paragraphs)
        )
        items.append(blocks)
    if counted is not None:
        return labelled_list(items, labels, counted)
    return d.BulletList(tuple(d.ListItem(blocks) for blocks in items), ordered=block.ordered)


def _passage_citation(ctx: ProceedingsContext, column: str, url: str | None) -> str | None:
    """The citation of a passage no member speaks (procedure, a division) by its column."""
    return ctx.source_of(m.Speech(None, None, (), column=column, url=url)).citation


def _division(ctx: ProceedingsContext, division: m.Division, level: int, path: Path) -> list[d.Block]:
    ui = ctx.ui
    title = division_title(division, ui)
    counts = ", ".join(
        ui.gettext("{side} {count}").format(side=side_label(c.side, ui), count=ui.number(c.value))
        for c in division.counts
    )
    heading = ui.gettext("{division}: {counts}").format(division=title, counts=counts) if counts else title
    blocks: list[d.Block] = [d.Heading(level, (ui.text(heading),), ctx.anchors.divisions[path])]
    origin = TableOrigin(
        f"division {division.id or title}",
        _passage_citation(ctx, division.column, division.url) if division.column else None,
    )
    blocks.extend(_blocks(ctx, division.description, role=_PROCEDURAL_ROLE, origin=origin))
    if division.time:
        time = ui.gettext("Time: {time}.").format(time=division.time[:5])
        blocks.append(d.Paragraph((ui.text(time),), role="source"))
    if division.votes:
        notes = [_vote_note(vote, ui) for vote in division.votes]
        with_notes = any(notes)
        labels = [ui.gettext("Member"), ui.gettext("Vote")] + ([ui.gettext("Note")] if with_notes else [])
        rows = []
        for vote, note in zip(division.votes, notes, strict=True):
            cells = [d.text_cell(vote.name, "row"), d.text_cell(ui.text(_vote(vote.side, ui)))]
            if with_notes:
                cells.append(d.text_cell(note))  # an empty cell, never "None"
            rows.append(tuple(cells))
        number = ctx.tables.placeholder()
        votes = ui.ngettext("{count} recorded vote", "{count} recorded votes", len(division.votes))
        if division.number:
            caption = ui.gettext("Table {number}: how members voted in division {division} ({votes})")
        else:
            caption = ui.gettext("Table {number}: how members voted in the division ({votes})")
        blocks.append(
            d.Table(
                caption=caption.format(number=number, division=division.number, votes=votes),
                head=(d.header_row(*(ui.text(label) for label in labels)),),
                rows=tuple(rows),
                widths=(0.5, 0.25, 0.25) if with_notes else (0.6, 0.4),
                caption_lang=ui.lang,
            )
        )
    return blocks


def division_title(division: m.Division, ui: Interface) -> str:
    """ "Division 232", or "Division" when the record gives no number."""
    if division.number:
        return ui.gettext("Division {number}").format(number=division.number)
    return ui.gettext("Division")


def side_label(side: str, ui: Interface) -> str:
    """How a lobby is named: "Ayes", "Not contents", "Abstentions" ("Ayes 319")."""
    sides = {
        "aye": ui.pgettext("lobby", "Ayes"),
        "ayes": ui.pgettext("lobby", "Ayes"),
        "no": ui.pgettext("lobby", "Noes"),
        "noes": ui.pgettext("lobby", "Noes"),
        "content": ui.pgettext("lobby", "Contents"),
        "not-content": ui.pgettext("lobby", "Not contents"),
        "for": ui.pgettext("lobby", "For"),
        "against": ui.pgettext("lobby", "Against"),
        "abstentions": ui.pgettext("lobby", "Abstentions"),
        "spoiledvotes": ui.pgettext("lobby", "Spoiled votes"),
    }
    return sides.get(side.lower(), side.capitalize())


def _vote(side: str, ui: Interface) -> str:
    """How one member voted ("Aye")."""
    votes = {
        "aye": ui.pgettext("vote", "Aye"),
        "no": ui.pgettext("vote", "No"),
        "content": ui.pgettext("vote", "Content"),
        "not-content": ui.pgettext("vote", "Not content"),
    }
    return votes.get(side.lower(), side.capitalize())


def _vote_note(vote: m.Vote, ui: Interface) -> tuple[d.Inline, ...]:
    """ "Teller", "Proxy vote cast by Bell Ribeiro-Addy"; nothing when the record notes nothing."""
    notes: list[d.Inline] = []
    if vote.teller:
        notes.append(ui.text(ui.gettext("Teller")))
    if vote.proxy:
        if notes:
            notes.append(ui.text("; "))
        if _is_id(vote.proxy):
            message = ui.gettext("Proxy vote; the record names the member who cast it only by id ({id})")
            notes.extend(ui.mixed(message, id=vote.proxy))
        else:
            notes.extend(ui.mixed(ui.gettext("Proxy vote cast by {name}"), name=vote.proxy))
    return tuple(notes)


def _is_id(text: str) -> bool:
    return "/" in text and " " not in text.strip()
