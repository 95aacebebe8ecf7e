"""Composing: one debate in, one format-neutral briefing document out.

The briefing reads: the title (H1) and the sitting's details; Summary; At a glance;
Key points; Contents; Speakers; the debate itself (a heading per section and per
speech, each speech followed by its source, as deep as the record nests); Sources.
Everything a writer needs to be accessible (title, language, heading levels, header
rows, link text) is settled here. Speeches are keyed once (``compose.keys``) and found
by key from then on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from exporter import document as d
from exporter import model as m
from exporter import record
from exporter.citations import choose, cite, cite_columns, debate_columns, record_url
from exporter.compose.anchors import Anchors
from exporter.compose.front import details, sources
from exporter.compose.keys import key_speeches
from exporter.compose.names import long_date
from exporter.compose.proceedings import ProceedingsContext, SpeechSource, proceedings
from exporter.compose.speakers import contributions, speakers_table
from exporter.compose.substance import Substance, substance
from exporter.diagnostics import Reporter
from exporter.options import ComposeOptions


@dataclass(frozen=True)
class Briefing:
    document: d.Document  # carries the record and these parts as ``record``, for ``-f json``
    parts: dict[str, Any]  # the composed parts as data


CONTENTS_DEPTH = 3  # Contents lists headings to this level; the PDF outline and Word's pane list all


def compose(debate: m.Debate, options: ComposeOptions, reporter: Reporter) -> Briefing:
    as_read = debate
    anchors = Anchors()
    anchors.make("title")
    keys = key_speeches(debate, anchors)
    debate = keys.debate
    table_counter = iter(range(1, 10_000))

    citation = choose(debate, options.citation)
    if citation.note:
        reporter.warn("citation-form", f"citations: {citation.note}")
    if citation.profile.licence is not None and not citation.profile.licence.adaptation:
        reporter.warn(
            "licence-no-adaptation",
            f"the record's licence ({citation.profile.licence.name}) does not allow adapted material to be "
            "shared; the briefing says so in its Sources",
        )

    def source_of(speech: m.Speech) -> SpeechSource:
        return SpeechSource(cite(debate, speech, options.citation), record_url(debate, speech))

    found = substance(debate, options, keys, source_of, reporter)

    body: list[d.Block] = []
    body.extend(_summary(anchors, found))
    body.extend(found.extra_blocks(anchors, lambda: next(table_counter)))
    speakers_heading = d.Heading(2, (d.Text("Speakers"),), anchors.make("speakers"))
    speakers = speakers_table(debate, next(table_counter))
    context = ProceedingsContext(
        debate, keys.anchor, anchors.make, source_of, lambda: next(table_counter), reporter
    )
    debate_blocks = proceedings(context)
    debate_citation = cite_columns(debate, debate_columns(debate), options.citation)
    closing: list[d.Block] = [d.Heading(2, (d.Text("Sources"),), anchors.make("sources"))]
    closing.extend(sources(debate, debate_citation))

    after_contents = [speakers_heading, speakers, *debate_blocks, *closing]
    contents_heading = d.Heading(2, (d.Text("Contents"),), anchors.make("contents"))
    listed = [b for b in (*body, *after_contents) if isinstance(b, d.Heading) and b.level <= CONTENTS_DEPTH]
    contents = d.Contents(tuple(d.ContentsEntry(h.level, d.plain_text(h.children), h.anchor) for h in listed))
    blocks: list[d.Block] = [
        d.Heading(1, (d.Text(debate.title),), "title"),
        *details(debate),
        *body,
        contents_heading,
        contents,
        *after_contents,
    ]
    counts = contributions(debate)
    parts = {
        **found.parts(),
        "speakers": [
            {"id": s.id, "heading": s.name, "contributions": counts.get(s.id, 0)} for s in debate.speakers
        ],
        "citation": debate_citation,
    }
    document = d.Document(
        title=debate.title,
        language=debate.language,
        blocks=tuple(blocks),
        subject=_subject(debate),
        keywords=_keywords(debate),
        date=debate.date.isoformat() if debate.date else None,
        record={**record.to_dict(as_read), "briefing": parts},
    )
    return Briefing(document, parts)


def _summary(anchors: Anchors, found: Substance) -> list[d.Block]:
    return [d.Heading(2, (d.Text("Summary"),), anchors.make("summary")), *found.summary_blocks]


def _subject(debate: m.Debate) -> str:
    where = debate.location or debate.house or "Parliament"
    when = f" on {long_date(debate.date)}" if debate.date else ""
    return f"Briefing on the debate \u201c{debate.title}\u201d, {where}{when}"


def _keywords(debate: m.Debate) -> tuple[str, ...]:
    words = ["parliamentary debate", "briefing"]
    words.extend(w for w in (debate.house, debate.location, debate.department) if w)
    return tuple(dict.fromkeys(words))


__all__ = ["Briefing", "compose"]
