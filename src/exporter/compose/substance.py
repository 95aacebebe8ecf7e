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
from exporter.compose.inlines import inlines
from exporter.compose.keys import SpeechKeys
from exporter.compose.names import long_date, plural, speaker_name
from exporter.compose.proceedings import SpeechSource
from exporter.diagnostics import Reporter
from exporter.options import ComposeOptions


@dataclass
class Substance:
    summary_blocks: list[d.Block]
    summary_parts: list[dict[str, Any]]
    summary_kind: str  # editorial | automatic | speakers | none
    key_point_blocks: list[tuple[str, list[d.Block]]] = field(default_factory=list)
    key_point_parts: list[dict[str, Any]] = field(default_factory=list)
    glance: summarise.AtAGlance | None = None

    def extra_blocks(self, anchors: Anchors, table_number: Callable[[], int]) -> list[d.Block]:
        blocks: list[d.Block] = []
        if self.glance is not None:
            blocks.append(d.Heading(2, (d.Text("At a glance"),), anchors.make("at-a-glance")))
            blocks.extend(_glance_blocks(self.glance, table_number))
        if self.key_point_blocks:
            blocks.append(d.Heading(2, (d.Text("Key points by speaker"),), anchors.make("key-points")))
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
) -> Substance:
    """``debate`` is keyed (``keys.debate``): each sentence finds its speech by key."""
    by_key = {speech.id: speech for speech in m.speeches(debate)}

    def cited(sentence: summarise.SummarySentence) -> tuple[tuple[d.Inline, ...], dict[str, Any]]:
        speech = by_key[sentence.speech_id]
        source = source_of(speech)
        name = speaker_name(debate, speech)
        note: tuple[d.Inline, ...]
        if source.citation and source.url:
            note = (
                d.Link(
                    source.url, (d.Text(source.citation),), description=f"Official record: {source.citation}"
                ),
            )
        else:
            note = (d.Text(source.citation or f"Speech by {name}"),)
        content: tuple[d.Inline, ...] = (
            d.Text(sentence.text, lang=sentence.lang if sentence.lang != debate.language else None),
            d.Text(" ("),
            d.Link(
                f"#{keys.anchor(speech)}",
                (d.Text(sentence.speaker_name),),
                description=f"Go to the speech by {sentence.speaker_name}",
            ),
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
        return content, part

    # Ranked once, here, for both the summary and the key points: the summariser keeps nothing
    # between calls.
    ranked = summarise.ranking(debate) if options.summary != "none" else None
    found = _summary(debate, options, cited, keys, ranked)
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


def _summary(
    debate: m.Debate,
    options: ComposeOptions,
    cited: Callable[[summarise.SummarySentence], tuple[tuple[d.Inline, ...], dict[str, Any]]],
    keys: SpeechKeys,
    ranked: summarise.Ranking | None,
) -> Substance:
    if options.summary == "none":
        return Substance([d.Paragraph((d.Text("No summary was requested for this briefing."),))], [], "none")
    if debate.summary:
        blocks: list[d.Block] = [
            d.Paragraph((d.Text("This summary was written by the record's editors."),), role="details")
        ]
        blocks.extend(d.Paragraph(inlines(p.runs, debate.language), role="summary") for p in debate.summary)
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
            intro = d.Paragraph(
                (
                    d.Text(
                        "Sentences chosen automatically from the speeches, in the speakers' own words, "
                        "each linked to its speech and cited."
                    ),
                ),
                role="details",
            )
            return Substance([intro, d.BulletList(tuple(items))], parts, "automatic")
    return _who_spoke(debate, keys)


def summary_length(debate: m.Debate, requested: int) -> int:
    """The words asked for, but never more than a quarter of a short debate: a summary
    half as long as what it summarises saves the reader nothing."""
    spoken = sum(len(block.text.split()) for speech in m.speeches(debate) for block in speech.paragraphs)
    return max(40, min(requested, spoken // 4))


def _who_spoke(debate: m.Debate, keys: SpeechKeys) -> Substance:
    """Without a summary to give, say who spoke, each name linked to their first speech."""
    all_speeches = m.speeches(debate)
    first: dict[str, m.Speech] = {}
    counts: dict[str, int] = {}
    for speech in all_speeches:
        key = speech.speaker or speech.label or "Unknown speaker"
        first.setdefault(key, speech)
        counts[key] = counts.get(key, 0) + 1
    when = f" on {long_date(debate.date)}" if debate.date else ""
    intro = d.Paragraph(
        (d.Text(f"{plural(len(all_speeches), 'contribution')} from {plural(len(first), 'speaker')}{when}."),),
        role="summary",
    )
    items, parts = [], []
    for key, speech in first.items():
        name = speaker_name(debate, speech)
        sentence = f"{name} spoke {_times(counts[key])}."
        items.append(
            d.ListItem(
                (
                    d.Paragraph(
                        (
                            d.Link(
                                f"#{keys.anchor(speech)}",
                                (d.Text(name),),
                                description=f"Go to the first speech by {name}",
                            ),
                            d.Text(f" spoke {_times(counts[key])}."),
                        ),
                        role="summary",
                    ),
                )
            )
        )
        parts.append({"text": sentence, "speech": keys.record_id(speech.id), "speaker": speech.speaker})
    blocks: list[d.Block] = [intro]
    if items:
        blocks.append(d.BulletList(tuple(items)))
    return Substance(blocks, parts, "speakers")


def _glance_json(glance: summarise.AtAGlance) -> dict[str, Any]:
    data = dataclasses.asdict(glance)
    data["date"] = glance.date.isoformat() if glance.date else None
    return data


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _glance_blocks(glance: summarise.AtAGlance, table_number: Callable[[], int]) -> list[d.Block]:
    blocks: list[d.Block] = []
    facts = glance.facts()
    if facts:
        blocks.append(
            d.BulletList(
                tuple(
                    d.ListItem((d.Paragraph((d.Text(f"{label}: ", strong=True), d.Text(value))),))
                    for label, value in facts
                )
            )
        )
    rows = glance.party_rows()
    if rows:
        blocks.append(
            d.Table(
                caption=f"Table {table_number()}: contributions and words spoken, by party",
                head=(d.header_row("Party", "Speakers", "Contributions", "Words"),),
                rows=tuple(
                    (d.text_cell(str(row[0]), "row"), *(d.text_cell(str(v)) for v in row[1:])) for row in rows
                ),
                widths=(0.4, 0.2, 0.2, 0.2),
            )
        )
    return blocks
