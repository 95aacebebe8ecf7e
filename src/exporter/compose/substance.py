"""The briefing's substance: the summary, the figures at a glance and the key points.

Every automatic summary sentence and key point is the speaker's own words, every part in its
own language, followed by a link to the speech it comes from and a footnote citing the
official record (exporter.compose.quoting). When the record holds several debates (a
sitting day, exporter.compose.sitting), the summary opens with "In this record", each debate
with its opening speaker and its length, then gives its sentences under each debate's title;
the key points are grouped by debate, then by member. No sentence is given twice: a sentence
in the summary is never a key point too. The tool's own words are in the interface's
language (exporter.interface).
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
from exporter.compose.front import as_named
from exporter.compose.glance import DivisionResult, division_results, glance_blocks
from exporter.compose.inlines import inlines
from exporter.compose.key_points import key_points, words_phrase
from exporter.compose.keys import SpeechKeys
from exporter.compose.names import short_name, speaker_heading, speaker_name
from exporter.compose.proceedings import ProceedingsContext
from exporter.compose.quoting import Quoting
from exporter.compose.sitting import Grouping, sitting_debates
from exporter.diagnostics import Reporter
from exporter.interface import Interface
from exporter.language.segment import count_words
from exporter.options import ComposeOptions


@dataclass
class Substance:
    summary_blocks: list[d.Block]
    summary_parts: list[dict[str, Any]]
    summary_kind: str  # editorial | automatic | speakers | none
    key_point_blocks: list[d.Block] = field(default_factory=list)  # under the "Key points" heading
    key_point_parts: list[dict[str, Any]] = field(default_factory=list)
    glance: summarise.AtAGlance | None = None
    divisions: list[DivisionResult] = field(default_factory=list)
    debates: list[dict[str, Any]] = field(default_factory=list)  # "In this record", as data
    several: bool = False  # the record holds several debates (a sitting day)
    named: Callable[[str], d.Text] = d.Text  # a house's or place's name in its language

    def glance_blocks(self, anchor: str, table_number: Callable[[], str], ui: Interface) -> list[d.Block]:
        if self.glance is None:
            return []
        blocks = glance_blocks(self.glance, self.divisions, table_number, ui, self.named)
        if not blocks:
            return []
        return [d.Heading(2, (ui.text(ui.gettext("At a glance")),), anchor), *blocks]

    def key_points(self, anchor: str, ui: Interface) -> list[d.Block]:
        if not self.key_point_blocks:
            return []
        return [d.Heading(2, (ui.text(ui.gettext("Key points")),), anchor), *self.key_point_blocks]

    def parts(self) -> dict[str, Any]:
        data: dict[str, Any] = {"summary_kind": self.summary_kind, "summary": self.summary_parts}
        data["key_points"] = self.key_point_parts
        if self.debates:
            data["debates"] = self.debates
        if self.glance is not None:
            data["at_a_glance"] = _glance_json(self.glance, self.divisions)
        return data


def substance(
    context: ProceedingsContext,
    options: ComposeOptions,
    keys: SpeechKeys,
    anchors: Anchors,
    reporter: Reporter,
) -> Substance:
    """The summary, glance and key points of ``context.debate`` (keyed, ``keys.debate``, and
    its language resolved); ``context.anchors`` already has each section's and division's
    heading anchor, so the summary can link to a debate before the debate is laid out."""
    debate = context.debate
    ui = context.ui
    debates = sitting_debates(debate)
    index_of = {speech.id: i for i, speech in enumerate(m.speeches(debate))}
    grouping = Grouping(
        debates,
        [context.anchors.sections.get(unit.path) for unit in debates],
        [{index_of[key] for key in unit.speeches if key in index_of} for unit in debates],
    )
    quoting = Quoting(debate, keys, context.source_of, ui)
    # Ranked once, here, for both the summary and the key points: the summariser keeps nothing
    # between calls.
    ranked = summarise.ranking(debate) if options.summary != "none" else None
    found, quoted = _summary(debate, options, quoting, keys, ranked, grouping, anchors, reporter)
    found.several = grouping.several
    if options.summary != "none" and grouping.several:
        found.summary_blocks[1:1] = _in_this_record(debate, grouping, anchors, found, ui)
    if ranked is not None:
        found.glance = summarise.glance(debate)
        found.named = lambda name: as_named(name, debate)
        found.divisions = division_results(debate, context.anchors.divisions, debates, ui)
        found.key_point_blocks, found.key_point_parts = key_points(
            debate, ranked, quoting, grouping, anchors, {s.text for s in quoted}
        )
    return found


# --- the summary ---------------------------------------------------------------------------


def _summary(
    debate: m.Debate,
    options: ComposeOptions,
    quoting: Quoting,
    keys: SpeechKeys,
    ranked: summarise.Ranking | None,
    grouping: Grouping,
    anchors: Anchors,
    reporter: Reporter,
) -> tuple[Substance, list[summarise.SummarySentence]]:
    """The summary's blocks (after its heading) and the sentences it quotes."""
    ui = quoting.ui
    if options.summary == "none":  # no Summary section at all (nor its contents entry)
        return Substance([], [], "none"), []
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
        return Substance(blocks, parts, "editorial"), []
    if options.summary == "editorial":
        reporter.warn(
            "summary-editorial-missing",
            "--summary editorial: the record has no editorial summary; the briefing says who spoke instead",
        )
    if options.summary == "auto":
        words = summary_length(debate, options.summary_words)
        sentences = summarise.summarise(debate, words=words, ranked=ranked)
        if sentences:
            intro = ui.gettext(
                "Sentences chosen automatically from the speeches, in the speakers' own words, "
                "each linked to its speech and cited."
            )
            grouped, parts = _grouped(sentences, quoting, grouping, anchors)
            return Substance(
                [d.Paragraph((ui.text(intro),), role="details"), *grouped], parts, "automatic"
            ), sentences
    return _who_spoke(debate, keys, ui), []


def _grouped(
    sentences: list[summarise.SummarySentence], quoting: Quoting, grouping: Grouping, anchors: Anchors
) -> tuple[list[d.Block], list[dict[str, Any]]]:
    """One list for one debate; under each debate's title (a heading) for several."""
    if not grouping.several:
        items, only = quoting.items(sentences)
        return [d.BulletList(tuple(items))], only
    ui = quoting.ui
    by_debate: dict[int | None, list[summarise.SummarySentence]] = {}
    for sentence in sentences:
        by_debate.setdefault(grouping.of_speech(sentence.speech_id), []).append(sentence)
    blocks: list[d.Block] = []
    parts: list[dict[str, Any]] = []
    order = sorted(by_debate, key=lambda n: len(grouping.debates) if n is None else n)
    for number in order:
        # A debate's title is the record's; sentences from outside any debate are the tool's group.
        title = (
            d.Text(grouping.debates[number].title)
            if number is not None
            else ui.text(ui.gettext("Other business"))
        )
        items, group_parts = quoting.items(by_debate[number], debate=title.text)
        blocks.append(d.Heading(3, (title,), anchors.make(f"summary-{title.text}")))
        blocks.append(d.BulletList(tuple(items)))
        parts.extend(group_parts)
    return blocks, parts


def _in_this_record(
    debate: m.Debate, grouping: Grouping, anchors: Anchors, found: Substance, ui: Interface
) -> list[d.Block]:
    """ "In this record": each debate linked to its heading, with its opening speaker and its
    length in words."""
    items = []
    for unit, anchor in zip(grouping.debates, grouping.anchors, strict=True):
        title: d.Inline = (
            ui.link(
                f"#{anchor}",
                (d.Text(unit.title),),
                ui.gettext("Go to the debate: {title}").format(title=unit.title),
            )
            if anchor
            else d.Text(unit.title)
        )
        opener = short_name(debate, unit.opener) if unit.opener is not None else None
        words = ui.text(words_phrase(unit.words, ui))
        line = (
            ui.mixed(
                ui.gettext("{title}: opened by {speaker}; {words}"), title=title, speaker=opener, words=words
            )
            if opener
            else ui.mixed(ui.gettext("{title}: {words}"), title=title, words=words)
        )
        items.append(d.ListItem((d.Paragraph(line),)))
        found.debates.append(
            {
                "title": unit.title,
                "opened_by": opener,
                "opening_speech": unit.opener.id if unit.opener is not None else None,
                "words": unit.words,
            }
        )
    heading = d.Heading(3, (ui.text(ui.gettext("In this record")),), anchors.make("in-this-record"))
    return [heading, d.BulletList(tuple(items))]


def summary_length(debate: m.Debate, requested: int) -> int:
    """The words asked for, but never more than a quarter of a short debate: a summary
    half as long as what it summarises saves the reader nothing. Words are counted as
    ``exporter.language.segment.count_words`` does: by characters in scripts written
    without spaces."""
    spoken = sum(count_words(block.text) for speech in m.speeches(debate) for block in speech.paragraphs)
    return max(40, min(requested, spoken // 4))


def _who_spoke(debate: m.Debate, keys: SpeechKeys, ui: Interface) -> Substance:
    """Without a summary to give, say who spoke, each name linked to their first speech;
    nothing when no one spoke (a record of divisions alone): a count of none says nothing."""
    all_speeches = m.speeches(debate)
    if not all_speeches:
        return Substance([], [], "speakers")
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
        name = speaker_heading(debate, speech, ui)
        message = _spoke(counts[key], ui)
        link = ui.link(
            f"#{keys.anchor(speech)}",
            name,
            ui.gettext("Go to the first speech by {name}").format(name=d.plain_text(name)),
        )
        items.append(d.ListItem((d.Paragraph(ui.mixed(message, name=link), role="summary"),)))
        sentence = message.replace("{name}", speaker_name(debate, speech) or d.plain_text(name))
        parts.append({"text": sentence, "speech": speech.id, "speaker": speech.speaker})
    blocks: list[d.Block] = [intro]
    if items:
        blocks.append(d.BulletList(tuple(items)))
    return Substance(blocks, parts, "speakers")


def _spoke(count: int, ui: Interface) -> str:
    if count == 1:
        return ui.gettext("{name} spoke once.")
    if count == 2:
        return ui.gettext("{name} spoke twice.")
    return ui.ngettext("{name} spoke {count} time.", "{name} spoke {count} times.", count)


def _glance_json(glance: summarise.AtAGlance, divisions: list[DivisionResult]) -> dict[str, Any]:
    data = dataclasses.asdict(glance)
    data["date"] = glance.date.isoformat() if glance.date else None
    data["divisions"] = [division.as_json() for division in divisions]
    return data
