"""Key points: what each member who spoke at substance said, in their own words.

For one debate, a heading per member and up to ``KEY_POINTS_PER_SPEAKER`` points each; for
several (a sitting day), a heading per debate and in it a list of its members, each with their
best point (``DAY_KEY_POINTS_PER_SPEAKER``), all within ``DAY_KEY_POINT_SHARE`` of the words
spoken, so that a day's front matter stays short. Who spoke at substance is
exporter.summarise.keypoints' measured threshold. No sentence is given twice: a key point never
repeats a sentence of the summary, nor another key point.
"""

from __future__ import annotations

from typing import Any

from exporter import document as d
from exporter import model as m
from exporter import summarise
from exporter.compose.anchors import Anchors
from exporter.compose.inlines import filled
from exporter.compose.quoting import Quoting
from exporter.compose.sitting import Grouping

KEY_POINTS_PER_SPEAKER = 3  # in a record of one debate
DAY_KEY_POINTS_PER_SPEAKER = 1  # in each debate of a record of several
# A sitting day's key points quote at most this share of its words, so that the front matter
# leaves the debates within the first tenth of the pages (the shared days quote 1.6% to 3.1%;
# a day of many one-speech items, 5.7%).
DAY_KEY_POINT_SHARE = 0.04


def words_phrase(count: int) -> str:
    """ "13,112 words", "1 word"."""
    return f"{count:,} word" if count == 1 else f"{count:,} words"


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
    blocks: list[d.Block] = []
    parts_out: list[dict[str, Any]] = []
    if not grouping.several:
        for member in summarise.key_points(debate, KEY_POINTS_PER_SPEAKER, ranked, leave_out=in_summary):
            items, parts = quoting.items(member.points)
            anchor = anchors.make(f"points-{member.speaker_name}")
            blocks += [d.Heading(3, (d.Text(member.speaker_name),), anchor), d.BulletList(tuple(items))]
            parts_out.append(_key_point_part(member, None, parts))
    by_debate, dropped = (
        _day_key_points(debate, ranked, grouping, in_summary) if grouping.several else ([], 0)
    )
    for unit, members in zip(grouping.debates if grouping.several else [], by_debate, strict=True):
        if not members:
            continue
        day_items = []
        for member in members:
            item, parts = quoting.item(member.speaker_name, member.points, debate=unit.title)
            day_items.append(item)
            parts_out.append(_key_point_part(member, unit.title, parts))
        blocks.append(d.Heading(3, (d.Text(unit.title),), anchors.make(f"points-{unit.title}")))
        blocks.append(d.BulletList(tuple(day_items)))
    if blocks:
        speakers = d.Link(
            "#speakers-table", (d.Text("Speakers table"),), description="Go to the Speakers table"
        )
        words = words_phrase(summarise.SUBSTANCE_WORDS)
        if dropped:
            note = filled(
                "Key points are given for the members who said most in each debate (at least {words}, in "
                "speeches of their own), within {share} of the words spoken, and never repeat a sentence of "
                "the summary; everyone who spoke is in the {speakers}.",
                words=words,
                share=f"{DAY_KEY_POINT_SHARE:.0%}",
                speakers=speakers,
            )
        else:
            note = filled(
                "Key points are given for members who said at least {words} in a debate, in speeches of "
                "their own, and never repeat a sentence of the summary; everyone who spoke is in the "
                "{speakers}.",
                words=words,
                speakers=speakers,
            )
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
    return sum(len(point.text.split()) for point in member.points)


def _key_point_part(
    member: summarise.KeyPoints, debate: str | None, parts: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "speaker": member.speaker_id,
        "speaker_name": member.speaker_name,
        "debate": debate,
        "points": parts,
    }
