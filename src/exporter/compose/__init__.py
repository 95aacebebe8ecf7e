"""Composing: one debate in, one format-neutral briefing document out.

The briefing reads: the title (H1) and the sitting's details; Summary; At a glance;
Key points; Contents; Speakers; the debate itself (a heading per section and per
speech, each speech followed by its source, as deep as the record nests); Sources. In a
record of several debates (a sitting day), Speakers comes after the debates, before Sources.
Contents lists the front parts and the sections of the debate (``CONTENTS_DEPTH``), not
its speeches: a day file has hundreds, which the PDF outline and Word's navigation pane list.
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
from exporter.compose.proceedings import ProceedingsContext, SpeechSource, heading_anchors, proceedings
from exporter.compose.speakers import contributions, speakers_table
from exporter.compose.substance import substance
from exporter.diagnostics import Reporter
from exporter.options import ComposeOptions


@dataclass(frozen=True)
class Briefing:
    document: d.Document  # carries the record and these parts as ``record``, for ``-f json``
    parts: dict[str, Any]  # the composed parts as data


# Contents lists the front parts and the sections of the debate to this level (a sitting's
# debates, a department's questions and their topics); deeper sections and every speech are
# in the PDF outline and Word's navigation pane.
CONTENTS_DEPTH = 4

# The front parts, in reading order: each heading's words and anchor, made before any other
# anchor so that a section called "Summary" never takes the front part's.
_FRONT = (
    ("summary", "Summary"),
    ("at-a-glance", "At a glance"),
    ("key-points", "Key points"),
    ("contents", "Contents"),
    ("speakers", "Speakers"),
    ("sources", "Sources"),
)


def compose(debate: m.Debate, options: ComposeOptions, reporter: Reporter) -> Briefing:
    as_read = debate
    anchors = Anchors()
    anchors.make("title")
    front = {key: anchors.make(key) for key, _ in _FRONT}
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

    # Every heading of the proceedings has its anchor before anything is laid out, so that the
    # summary can link to each debate; tables are numbered in reading order.
    context = ProceedingsContext(
        debate,
        keys.anchor,
        heading_anchors(debate, anchors.make),
        source_of,
        lambda: next(table_counter),
        reporter,
    )
    found = substance(context, options, keys, anchors, reporter)

    body: list[d.Block] = [d.Heading(2, (d.Text("Summary"),), front["summary"]), *found.summary_blocks]
    body.extend(found.glance_blocks(front["at-a-glance"], lambda: next(table_counter)))
    body.extend(found.key_points(front["key-points"]))
    speakers_heading = d.Heading(2, (d.Text("Speakers"),), front["speakers"])
    speakers = speakers_table(debate, next(table_counter))
    debate_blocks = proceedings(context)
    debate_citation = cite_columns(debate, debate_columns(debate), options.citation)
    closing: list[d.Block] = [d.Heading(2, (d.Text("Sources"),), front["sources"])]
    closing.extend(sources(debate, debate_citation))

    # One debate: who took part comes before it. A sitting day: the table of everyone who spoke
    # is an index at the back, as in a book, so that the debates begin early.
    who: list[d.Block] = [speakers_heading, speakers]
    after_contents = [*debate_blocks, *who, *closing] if found.several else [*who, *debate_blocks, *closing]
    listed = {*front.values(), *context.anchors.sections.values()}
    contents = d.Contents(
        tuple(
            d.ContentsEntry(block.level, d.plain_text(block.children), block.anchor)
            for block in (*body, *after_contents)
            if isinstance(block, d.Heading) and block.anchor in listed and block.level <= CONTENTS_DEPTH
        )
    )
    blocks: list[d.Block] = [
        d.Heading(1, (d.Text(debate.title),), "title"),
        *details(debate),
        *body,
        d.Heading(2, (d.Text("Contents"),), front["contents"]),
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


def _subject(debate: m.Debate) -> str:
    where = debate.location or debate.house or "Parliament"
    when = f" on {long_date(debate.date)}" if debate.date else ""
    return f"Briefing on the debate \u201c{debate.title}\u201d, {where}{when}"


def _keywords(debate: m.Debate) -> tuple[str, ...]:
    words = ["parliamentary debate", "briefing"]
    words.extend(w for w in (debate.house, debate.location, debate.department) if w)
    return tuple(dict.fromkeys(words))


__all__ = ["Briefing", "compose"]
