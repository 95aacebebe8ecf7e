"""Composing: one debate in, one format-neutral briefing document out.

The briefing reads: the title (H1) and the sitting's details; Summary; At a glance;
Key points; Contents; Speakers; the debate itself (a heading per section and per
speech, each speech followed by its source, as deep as the record nests); Sources. In a
record of several debates (a sitting day), Speakers comes after the debates, before Sources.
Contents lists the front parts and the sections of the debate (``CONTENTS_DEPTH``), not
its speeches: a day file has hundreds, which the PDF outline and Word's navigation pane list.
The document's language is resolved first (exporter.language), and the tool's own words are
in the interface's language (exporter.interface), tagged where that is not the document's.
Everything a writer needs to be accessible (title, language, heading levels, header
rows, link text) is settled here. Speeches are keyed once (``compose.keys``) and found
by key from then on.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from exporter import document as d
from exporter import model as m
from exporter import parliaments, record
from exporter.citations import choose, cite, cite_columns, debate_columns, record_url
from exporter.cleaning import reads_as_nothing
from exporter.compose.anchors import Anchors
from exporter.compose.front import Adaptations, details, sources
from exporter.compose.inlines import shared_lang
from exporter.compose.keys import key_speeches
from exporter.compose.links import link_addresses
from exporter.compose.names import debate_title
from exporter.compose.proceedings import ProceedingsContext, SpeechSource, heading_anchors, proceedings
from exporter.compose.speakers import contributions, speakers_table
from exporter.compose.substance import substance
from exporter.compose.table_numbers import TableNumbers
from exporter.diagnostics import Reporter
from exporter.interface import Interface, interface_for
from exporter.language.resolve import resolve
from exporter.options import ComposeOptions


@dataclass(frozen=True)
class Briefing:
    document: d.Document  # carries the record and these parts as ``record``, for ``-f json``
    parts: dict[str, Any]  # the composed parts as data


# Contents lists the front parts and the sections of the debate to this level (a sitting's
# debates, a department's questions and their topics); deeper sections and every speech are
# in the PDF outline and Word's navigation pane.
CONTENTS_DEPTH = 4

# The front parts' anchors, in reading order, made before any other anchor so that a section
# called "Summary" never takes the front part's. Their headings are in the interface's language.
_FRONT = ("summary", "at-a-glance", "key-points", "contents", "speakers", "sources")


def parliament_language(debate: m.Debate) -> str | None:
    """The language of the parliament profile the debate belongs to, when it belongs to a
    known one (``exporter.parliaments``); None for a debate of no known parliament."""
    profile = parliaments.profile_of(debate)
    return profile.language if profile is not parliaments.GENERIC else None


def compose(debate: m.Debate, options: ComposeOptions, reporter: Reporter) -> Briefing:
    """Raises exporter.interface.UnknownInterfaceLanguage when ``options.ui_language``
    names a language with no catalog."""
    debate = resolve(debate, parliament_language(debate), reporter)
    language = debate.language or ""
    ui = interface_for(language, options.ui_language)
    used = parliaments.profile_of(debate)  # -f json states the profile used, matched or named
    as_read = dataclasses.replace(debate, profile=None if used is parliaments.GENERIC else used.key)
    # (the record as read otherwise: an untitled sitting stays untitled in -f json)
    title = debate_title(debate, ui)
    made_title = title if reads_as_nothing(debate.title) else None
    if made_title:  # named by the tool: everything after says the same
        debate = dataclasses.replace(debate, title=d.plain_text(title))
    anchors = Anchors()
    anchors.make("title")
    front = {key: anchors.make(key) for key in _FRONT}
    keys = key_speeches(debate, anchors)
    debate = keys.debate
    tables = TableNumbers()  # numbered in reading order once the tree's order is final

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
    # summary can link to each debate.
    context = ProceedingsContext(
        debate,
        keys.anchor,
        heading_anchors(debate, anchors.make),
        source_of,
        tables,
        ui,
        reporter,
    )
    found = substance(context, options, keys, anchors, reporter)

    def heading(message: str, key: str) -> d.Heading:
        return d.Heading(2, (ui.text(message),), front[key])

    # A part with nothing to say is left out, heading and all (a record of divisions alone
    # has no one to summarise and no Speakers table; --summary none asks for no summary).
    body: list[d.Block] = (
        [heading(ui.gettext("Summary"), "summary"), *found.summary_blocks] if found.summary_blocks else []
    )
    body.extend(found.glance_blocks(front["at-a-glance"], tables.placeholder, ui))
    body.extend(found.key_points(front["key-points"], ui))
    speakers = speakers_table(debate, tables.placeholder(), ui) if m.speeches(debate) else None
    debate_blocks = proceedings(context)
    debate_citation = cite_columns(debate, debate_columns(debate), options.citation)
    # One debate: who took part comes before it. A sitting day: the table of everyone who spoke
    # is an index at the back, as in a book, so that the debates begin early.
    who: list[d.Block] = [heading(ui.gettext("Speakers"), "speakers"), speakers] if speakers else []
    # what Sources says the briefing adds is read from the parts as made, never from the options
    adaptations = Adaptations.of(
        [*body, *who],
        front["summary"],
        front["key-points"],
        editorial=found.summary_kind == "editorial",
        speeches=bool(m.speeches(debate)),
    )
    closing: list[d.Block] = [heading(ui.gettext("Sources"), "sources")]
    closing.extend(sources(debate, debate_citation, ui, adaptations, made_title))

    after_contents = [*debate_blocks, *who, *closing] if found.several else [*who, *debate_blocks, *closing]
    listed = {*front.values(), *context.anchors.sections.values()}
    contents = d.Contents(
        tuple(
            d.ContentsEntry(
                block.level, d.plain_text(block.children), block.anchor, shared_lang(block.children)
            )
            for block in (*body, *after_contents)
            if isinstance(block, d.Heading) and block.anchor in listed and block.level <= CONTENTS_DEPTH
        )
    )
    blocks = tables.number(
        (
            d.Heading(1, title, "title"),
            *details(debate, ui),
            *body,
            heading(ui.gettext("Contents"), "contents"),
            contents,
            *after_contents,
        ),
        reporter,
    )
    counts = contributions(debate)
    parts = {
        **found.parts(),
        "speakers": [
            {"id": s.id, "heading": s.name, "contributions": counts.get(s.id, 0)} for s in debate.speakers
        ],
        "citation": debate_citation,
        "language": language,
        "interface_language": ui.language,
    }
    document = d.Document(
        title=debate.title,
        language=language,
        blocks=blocks,
        subject=_subject(debate, ui),
        keywords=_keywords(debate, ui),
        date=debate.date.isoformat() if debate.date else None,
        labels=_labels(ui),
        labels_lang=ui.lang,
        # every speech under its key, so that each part's "speech" names one in this record
        record={**record.to_dict(keys.keyed(as_read)), "briefing": parts},
    )
    return Briefing(link_addresses(document, ui), parts)


def briefing_name(debate: m.Debate, options: ComposeOptions) -> tuple[str, str | None]:
    """What a record read from standard input is named after: the briefing's title as plain
    text, as ``compose`` makes it (the record's, else the house and date in the interface's
    language), and the sitting's date as the briefing writes it ("28 October 2009",
    in the interface's language), or None for a record with no date."""
    quiet = Reporter()
    debate = resolve(debate, parliament_language(debate), quiet)
    ui = interface_for(debate.language or "", options.ui_language)
    date = d.plain_text((ui.text(ui.date(debate.date, "long")),)) if debate.date else None
    return d.plain_text(debate_title(debate, ui)), date


def _subject(debate: m.Debate, ui: Interface) -> str:
    where = debate.location or debate.house or ui.gettext("Parliament")
    if debate.date:
        subject = ui.gettext("Briefing on the debate \u201c{title}\u201d, {place} on {date}")
        return subject.format(title=debate.title, place=where, date=ui.date(debate.date))
    return ui.gettext("Briefing on the debate \u201c{title}\u201d, {place}").format(
        title=debate.title, place=where
    )


def _keywords(debate: m.Debate, ui: Interface) -> tuple[str, ...]:
    words = [ui.gettext("parliamentary debate"), ui.gettext("briefing")]
    words.extend(w for w in (debate.house, debate.location, debate.department) if w)
    return tuple(dict.fromkeys(words))


def _labels(ui: Interface) -> tuple[tuple[str, str], ...]:
    """The words writers add themselves (document.WRITER_LABELS), in the interface's language."""
    return (
        ("page", ui.gettext("Page {page} of {pages}")),
        ("notes", ui.gettext("Notes")),
        ("note", ui.gettext("Note {number}")),
        ("back_to_text", ui.gettext("Back to text")),
        ("back_to_note", ui.gettext("Back to where note {number} is referenced")),
        ("go_to", ui.gettext("Go to {target}")),
        ("skip", ui.gettext("Skip to main content")),
        ("top", ui.gettext("Back to top")),
        ("contents", ui.gettext("Contents")),
        # a table's header label joined to the one below it, where Word writes header rows as one
        ("header_levels", ui.gettext("{upper}: {lower}")),
    )


__all__ = ["Briefing", "compose"]
