"""Key points: what each member who spoke at substance said, in their own words.

For one debate, a heading per member and up to ``KEY_POINTS_PER_SPEAKER`` points each; for
several (a sitting day), a heading per debate and in it a list of its members, each with their
best point (``DAY_KEY_POINTS_PER_SPEAKER``), all within ``DAY_KEY_POINT_SHARE`` of the words
spoken, so that a day's front matter stays short. Who spoke at substance is
exporter.summarise.keypoints' measured threshold. No sentence is given twice: a key point never
repeats a sentence of the summary, nor another key point. The note that says so is the tool's
words, in the interface's language; words are counted as exporter.language.segment does (by
characters in scripts written without spaces).
"""

from __future__ import annotations

from typing import Any

from exporter import document as d
from exporter import model as m
from exporter import summarise
from exporter.compose.anchors import Anchors
from exporter.compose.quoting import Quoting
from exporter.compose.sitting import Grouping
from exporter.interface import Interface
from exporter.language.segment import count_words

KEY_POINTS_PER_SPEAKER = 3  # in a record of one debate
DAY_KEY_POINTS_PER_SPEAKER = 1  # in each debate of a record of several
# A sitting day's key points quote at most this share of its words, so that the front matter
# leaves the debates within the first tenth of the pages (the shared days quote 1.6% to 3.1%;
# a day of many one-speech items, 5.7%).
DAY_KEY_POINT_SHARE = 0.04


def words_phrase(count: int, ui: Interface) -> str:
    """ "13,112 words", "1 word", in the interface's language and plural forms."""
    return ui.ngettext("{count} word", "{count} words", count)


def key_points(
    debate: m.Debate,
    ranked: summarise.Ranking,
    quoting: Quoting,
    grouping: Grouping,
    anchors: Anchors,
    in_summary: set[str],
) -> tuple[list[d.Block], list[dict[str, Any]]]:
    """The blocks under the Key points heading and their parts (for ``-f json``): never repeating a sentence of the summary: for one debate, a heading per
    member and up to ``KEY_POINTS_PER_SPEAKER`` points each; for several (a sitting day), a
    heading per debate and in it a list of its members, each with their best point
    (``DAY_KEY_POINTS_PER_SPEAKER``) and all within ``DAY_KEY_POINT_SHARE`` of the words
    spoken, so that a day's front matter stays short."""
    ui = quoting.ui
    blocks: list[d.Block] = []
    parts_out: list[dict[str, Any]] = []
    if not grouping.several:
        for member in summarise.key_points(debate, KEY_POINTS_PER_SPEAKER, ranked, leave_out=in_summary):
            items, parts = quoting.items(member.points)
            name = quoting.speaker(member.points[0])
            anchor = anchors.make(f"points-{name.text}")
            blocks += [d.Heading(3, (name,), anchor), d.BulletList(tuple(items))]
            parts_out.append(_key_point_part(member, name.text, None, parts))
    by_debate, dropped = (
        _day_key_points(debate, ranked, grouping, in_summary) if grouping.several else ([], 0)
    )
    for unit, members in zip(grouping.debates if grouping.several else [], by_debate, strict=True):
        if not members:
            continue
        day_items = []
        for member in members:
            name = quoting.speaker(member.points[0])
            item, parts = quoting.item(name, member.points, debate=unit.title)
            day_items.append(item)
            parts_out.append(_key_point_part(member, name.text, unit.title, parts))
        blocks.append(d.Heading(3, (d.Text(unit.title),), anchors.make(f"points-{unit.title}")))
        blocks.append(d.BulletList(tuple(day_items)))
    if blocks:
        speakers = ui.link(
            "#speakers-table",
            (ui.text(ui.gettext("Speakers table")),),
            ui.gettext("Go to the Speakers table"),
        )
        words = ui.text(words_phrase(summarise.SUBSTANCE_WORDS, ui))
        if dropped:
            message = ui.gettext(
                "Key points are given for the members who said most in each debate (at least {words}, in "
                "speeches of their own), within {share} of the words spoken, and never repeat a sentence of "
                "the summary; everyone who spoke is in the {speakers}."
            )
            note = ui.mixed(
                message, words=words, share=ui.text(ui.percent(DAY_KEY_POINT_SHARE)), speakers=speakers
            )
        else:
            message = ui.gettext(
                "Key points are given for members who said at least {words} in a debate, in speeches of "
                "their own, and never repeat a sentence of the summary; everyone who spoke is in the "
                "{speakers}."
            )
            note = ui.mixed(message, words=words, speakers=speakers)
        return [d.Paragraph(note, role="details"), *blocks], parts_out
    return [], parts_out


def _day_key_points(
    debate: m.Debate, ranked: summarise.Ranking, grouping: Grouping, in_summary: set[str]
) -> tuple[list[list[summarise.KeyPoints]], int]:
    """Each debate's members with their best point, within ``DAY_KEY_POINT_SHARE`` of the
    words spoken: when the points would quote more, the members who said least in their
    debate give way first (they stay in the Speakers table). Also how many gave way."""
    found: list[list[summarise.KeyPoints]] = []
    given = set(in_summary)  # no sentence twice: in the summary, or in another debate's points
    for indexes in grouping.speech_indexes:
        members = summarise.key_points(
            debate, DAY_KEY_POINTS_PER_SPEAKER, ranked, speeches=indexes, leave_out=given
        )
        given.update(point.text for member in members for point in member.points)
        found.append(members)
    budget = DAY_KEY_POINT_SHARE * sum(unit.words for unit in grouping.debates)
    quoted = sum(_words(member) for members in found for member in members)
    by_words = sorted(
        (
            (member.words, number, position)
            for number, members in enumerate(found)
            for position, member in enumerate(members)
        ),
    )
    dropped: set[tuple[int, int]] = set()
    for _, number, position in by_words:
        if quoted <= budget:
            break
        quoted -= _words(found[number][position])
        dropped.add((number, position))
    kept = [
        [member for position, member in enumerate(members) if (number, position) not in dropped]
        for number, members in enumerate(found)
    ]
    return kept, len(dropped)


def _words(member: summarise.KeyPoints) -> int:
    return sum(count_words(point.text) for point in member.points)


def _key_point_part(
    member: summarise.KeyPoints, name: str, debate: str | None, parts: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "speaker": member.speaker_id,
        "speaker_name": name,
        "debate": debate,
        "points": parts,
    }
