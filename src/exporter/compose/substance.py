"""The briefing's substance: the summary, key points per speaker and the figures at a glance.

Every automatic summary sentence and key point is the speaker's own words, followed
by a link to the speech it comes from and a footnote citing the official record.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from exporter import document as d
from exporter import model as m
from exporter import summarise
from exporter.compose.anchors import Anchors
from exporter.compose.front import english
from exporter.compose.inlines import inlines, labelled
from exporter.compose.keys import SpeechKeys
from exporter.compose.names import speaker_name, speaker_text
from exporter.compose.proceedings import SpeechSource
from exporter.diagnostics import Reporter
from exporter.interface import Interface
from exporter.language.segment import count_words
from exporter.options import ComposeOptions
from exporter.summarise.glance import NO_PARTY


@dataclass
class Substance:
    summary_blocks: list[d.Block]
    summary_parts: list[dict[str, Any]]
    summary_kind: str  # editorial | automatic | speakers | none
    key_point_blocks: list[tuple[str, list[d.Block]]] = field(default_factory=list)
    key_point_parts: list[dict[str, Any]] = field(default_factory=list)
    glance: summarise.AtAGlance | None = None

    def extra_blocks(self, anchors: Anchors, table_number: Callable[[], int], ui: Interface) -> list[d.Block]:
        blocks: list[d.Block] = []
        if self.glance is not None:
            heading = ui.text(ui.gettext("At a glance"))
            blocks.append(d.Heading(2, (heading,), anchors.make("at-a-glance")))
            blocks.extend(_glance_blocks(self.glance, table_number, ui))
        if self.key_point_blocks:
            heading = ui.text(ui.gettext("Key points by speaker"))
            blocks.append(d.Heading(2, (heading,), anchors.make("key-points")))
            for name, points in self.key_point_blocks:
                blocks.append(d.Heading(3, (d.Text(name),), anchors.make(f"points-{name}")))
                blocks.extend(points)
        return blocks

    def parts(self) -> dict[str, Any]:
        data: dict[str, Any] = {"summary_kind": self.summary_kind, "summary": self.summary_parts}
        data["key_points"] = self.key_point_parts
        if self.glance is not None:
            data["at_a_glance"] = _glance_json(self.glance)
        return data


def substance(
    debate: m.Debate,
    options: ComposeOptions,
    keys: SpeechKeys,
    source_of: Callable[[m.Speech], SpeechSource],
    reporter: Reporter,
    ui: Interface,
) -> Substance:
    """``debate`` is keyed (``keys.debate``) and its language resolved: each sentence finds
    its speech by key, and keeps the language of each of its parts."""
    by_key = {speech.id: speech for speech in m.speeches(debate)}
    language = debate.language or ""

    def cited(sentence: summarise.SummarySentence) -> tuple[tuple[d.Inline, ...], dict[str, Any]]:
        speech = by_key[sentence.speech_id]
        source = source_of(speech)
        note: tuple[d.Inline, ...]
        if source.citation and source.url:
            description = ui.gettext("Official record: {citation}").format(citation=source.citation)
            note = (d.Link(source.url, (english(source.citation, language),), description=description),)
        elif source.citation:
            note = (english(source.citation, language),)
        else:
            note = ui.mixed(ui.gettext("Speech by {name}"), name=speaker_text(debate, speech, ui))
        quoted = _quoted(sentence, language)
        description = ui.gettext("Go to the speech by {name}").format(name=sentence.speaker_name)
        content: tuple[d.Inline, ...] = (
            *quoted,
            d.Text(" ("),
            d.Link(f"#{keys.anchor(speech)}", (d.Text(sentence.speaker_name),), description=description),
            d.Text(")"),
            d.NoteRef(note),
        )
        part = {
            "text": sentence.text,
            "speech": keys.record_id(sentence.speech_id),
            "speaker": sentence.speaker_id,
            "speaker_name": sentence.speaker_name,
            "citation": source.citation,
            "url": source.url,
        }
        if sentence.lang:
            part["lang"] = sentence.lang
        return content, part

    # Ranked once, here, for both the summary and the key points: the summariser keeps nothing
    # between calls.
    ranked = summarise.ranking(debate) if options.summary != "none" else None
    found = _summary(debate, options, cited, keys, ranked, ui)
    if ranked is not None:
        found.glance = summarise.glance(debate)
        for points in summarise.key_points(debate, ranked=ranked):
            items, parts = [], []
            for sentence in points.points:
                content, part = cited(sentence)
                items.append(d.ListItem((d.Paragraph(content, role="summary"),)))
                parts.append(part)
            if items:
                found.key_point_blocks.append((points.speaker_name, [d.BulletList(tuple(items))]))
                found.key_point_parts.append(
                    {"speaker": points.speaker_id, "speaker_name": points.speaker_name, "points": parts}
                )
    return found


def _quoted(sentence: summarise.SummarySentence, language: str) -> tuple[d.Inline, ...]:
    """The sentence as the speaker said it, every part in its own language: the runs of the
    speech it was cut from (a French phrase in a Welsh speech stays tagged French), inside
    the paragraph's or speech's language when that is not the document's."""
    outer = sentence.lang if sentence.lang and sentence.lang != language else None

    def placed(text: d.Text) -> d.Text:
        return dataclasses.replace(text, lang=outer) if outer and text.lang is None else text

    quoted: list[d.Inline] = []
    for inline in inlines(sentence.runs or (m.Run(sentence.text),), sentence.lang or language):
        if isinstance(inline, d.Text):
            quoted.append(placed(inline))
        elif isinstance(inline, d.Link):
            quoted.append(dataclasses.replace(inline, children=tuple(placed(t) for t in inline.children)))
        else:
            quoted.append(inline)
    return tuple(quoted)


def _summary(
    debate: m.Debate,
    options: ComposeOptions,
    cited: Callable[[summarise.SummarySentence], tuple[tuple[d.Inline, ...], dict[str, Any]]],
    keys: SpeechKeys,
    ranked: summarise.Ranking | None,
    ui: Interface,
) -> Substance:
    if options.summary == "none":
        note = ui.text(ui.gettext("No summary was requested for this briefing."))
        return Substance([d.Paragraph((note,))], [], "none")
    language = debate.language or ""
    if debate.summary:
        blocks: list[d.Block] = [
            d.Paragraph(
                (ui.text(ui.gettext("This summary was written by the record's editors.")),), role="details"
            )
        ]
        blocks.extend(
            d.Paragraph(
                inlines(p.runs, p.lang or language),
                role="summary",
                lang=p.lang if p.lang != language else None,
            )
            for p in debate.summary
        )
        parts = [{"text": p.text, "speech": None} for p in debate.summary]
        return Substance(blocks, parts, "editorial")
    if options.summary == "auto":
        words = summary_length(debate, options.summary_words)
        sentences = summarise.summarise(debate, words=words, ranked=ranked)
        if sentences:
            items, parts = [], []
            for sentence in sentences:
                content, part = cited(sentence)
                items.append(d.ListItem((d.Paragraph(content, role="summary"),)))
                parts.append(part)
            intro = ui.gettext(
                "Sentences chosen automatically from the speeches, in the speakers' own words, "
                "each linked to its speech and cited."
            )
            return Substance(
                [d.Paragraph((ui.text(intro),), role="details"), d.BulletList(tuple(items))],
                parts,
                "automatic",
            )
    return _who_spoke(debate, keys, ui)


def summary_length(debate: m.Debate, requested: int) -> int:
    """The words asked for, but never more than a quarter of a short debate: a summary
    half as long as what it summarises saves the reader nothing. Words are counted as
    ``exporter.language.segment.count_words`` does: by characters in scripts written
    without spaces."""
    spoken = sum(count_words(block.text) for speech in m.speeches(debate) for block in speech.paragraphs)
    return max(40, min(requested, spoken // 4))


def _who_spoke(debate: m.Debate, keys: SpeechKeys, ui: Interface) -> Substance:
    """Without a summary to give, say who spoke, each name linked to their first speech."""
    all_speeches = m.speeches(debate)
    first: dict[str, m.Speech] = {}
    counts: dict[str, int] = {}
    for speech in all_speeches:
        key = speech.speaker or speech.label or ""
        first.setdefault(key, speech)
        counts[key] = counts.get(key, 0) + 1
    contributions = ui.ngettext("{count} contribution", "{count} contributions", len(all_speeches))
    speakers = ui.ngettext("{count} speaker", "{count} speakers", len(first))
    if debate.date:
        line = ui.gettext("{contributions} from {speakers} on {date}.").format(
            contributions=contributions, speakers=speakers, date=ui.date(debate.date)
        )
    else:
        line = ui.gettext("{contributions} from {speakers}.").format(
            contributions=contributions, speakers=speakers
        )
    intro = d.Paragraph((ui.text(line),), role="summary")
    items, parts = [], []
    for key, speech in first.items():
        name = speaker_text(debate, speech, ui)
        message = _spoke(counts[key], ui)
        link = d.Link(
            f"#{keys.anchor(speech)}",
            (name,),
            description=ui.gettext("Go to the first speech by {name}").format(name=name.text),
        )
        items.append(d.ListItem((d.Paragraph(ui.mixed(message, name=link), role="summary"),)))
        sentence = message.replace("{name}", speaker_name(debate, speech) or name.text)
        parts.append({"text": sentence, "speech": keys.record_id(speech.id), "speaker": speech.speaker})
    blocks: list[d.Block] = [intro]
    if items:
        blocks.append(d.BulletList(tuple(items)))
    return Substance(blocks, parts, "speakers")


def _glance_json(glance: summarise.AtAGlance) -> dict[str, Any]:
    data = dataclasses.asdict(glance)
    data["date"] = glance.date.isoformat() if glance.date else None
    return data


def _spoke(count: int, ui: Interface) -> str:
    if count == 1:
        return ui.gettext("{name} spoke once.")
    if count == 2:
        return ui.gettext("{name} spoke twice.")
    return ui.ngettext("{name} spoke {count} time.", "{name} spoke {count} times.", count)


def _duration(minutes: int, ui: Interface) -> str:
    hours, minutes = divmod(minutes, 60)
    parts = [ui.ngettext("{count} hour", "{count} hours", hours)] if hours else []
    if minutes or not hours:
        parts.append(ui.ngettext("{count} minute", "{count} minutes", minutes))
    return " ".join(parts)


def _glance_facts(glance: summarise.AtAGlance, ui: Interface) -> list[tuple[str, d.Text]]:
    """The known facts of the sitting as (label, value) rows; the values the record gives
    (house, place, chair) in its language, the ones the tool writes in the interface's."""

    def tool(text: str) -> d.Text:
        return ui.text(text)

    time = None
    if glance.start and glance.end:
        time = tool(ui.gettext("{start} to {end}").format(start=glance.start, end=glance.end))
    elif glance.start:
        time = tool(glance.start)
    rows: list[tuple[str, d.Text | None]] = [
        (ui.gettext("Date"), tool(ui.date(glance.date, "long")) if glance.date else None),
        (ui.gettext("House"), d.Text(glance.house) if glance.house else None),
        (ui.gettext("Location"), d.Text(glance.location) if glance.location else None),
        (ui.gettext("Chair"), d.Text(glance.chair) if glance.chair else None),
        (ui.gettext("Time"), time),
        (
            ui.gettext("Duration"),
            tool(_duration(glance.duration_minutes, ui)) if glance.duration_minutes is not None else None,
        ),
        (ui.gettext("Speakers"), tool(ui.number(glance.speakers))),
        (ui.gettext("Contributions"), tool(ui.number(glance.contributions))),
        (ui.gettext("Words"), tool(ui.number(glance.words))),
    ]
    return [(label, value) for label, value in rows if value is not None]


def _glance_blocks(
    glance: summarise.AtAGlance, table_number: Callable[[], int], ui: Interface
) -> list[d.Block]:
    blocks: list[d.Block] = []
    facts = _glance_facts(glance, ui)
    if facts:
        items = tuple(d.ListItem((d.Paragraph(labelled(ui, label, value)),)) for label, value in facts)
        blocks.append(d.BulletList(items))
    if glance.parties:
        header = (
            ui.gettext("Party"),
            ui.gettext("Speakers"),
            ui.gettext("Contributions"),
            ui.gettext("Words"),
        )
        unknown = ui.text(ui.gettext("Party not recorded"))
        rows = tuple(
            (
                d.Cell((unknown,) if row.party == NO_PARTY else (d.Text(row.party),)),
                *(
                    d.Cell((d.Text(ui.number(value)),))
                    for value in (row.speakers, row.contributions, row.words)
                ),
            )
            for row in glance.parties
        )
        caption = ui.gettext("Table {number}: contributions and words spoken, by party")
        blocks.append(
            d.Table(
                caption=caption.format(number=table_number()),
                header=tuple(d.Cell((ui.text(h),)) for h in header),
                rows=rows,
                widths=(0.4, 0.2, 0.2, 0.2),
                caption_lang=ui.lang,
            )
        )
    return blocks
