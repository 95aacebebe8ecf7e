"""The "At a glance" part: the sitting's facts, who spoke by party, and each division's result.

Tables here say something or are left out: the party table only when the record gives a
party for someone; the divisions table lists each division with its counts and result,
the division linked to where it stands in the debate, and the debate it was in when the
record holds several. Labels, results and counts are the tool's words, in the interface's
language (dates and numbers by CLDR); the house, place, chairs, parties and debates' titles
are the record's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from exporter import document as d
from exporter import model as m
from exporter import summarise
from exporter.compose.inlines import labelled
from exporter.compose.proceedings import Path, division_title, side_label
from exporter.compose.sitting import SittingDebate
from exporter.interface import Interface
from exporter.summarise.glance import NO_PARTY


@dataclass(frozen=True)
class DivisionResult:
    """One division as "At a glance" gives it."""

    title: str  # "Division 232", in the interface's language
    anchor: str | None  # its heading in the debate
    debate: str | None  # the title of the debate it was in, when the record holds several
    counts: tuple[tuple[str, int], ...]  # (side as the record names it, votes), in the record's order
    result: str  # "Noes, majority 55"; "Tied" when the counts are equal; "" when not counted

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["counts"] = [{"side": side, "value": value} for side, value in self.counts]
        return data


def division_results(
    debate: m.Debate, anchors: dict[Path, str], debates: list[SittingDebate], ui: Interface
) -> list[DivisionResult]:
    """Every division of ``debate`` in reading order; ``anchors`` are the divisions' headings
    by path, ``debates`` the sitting's debates (named only when there are several)."""
    found: list[DivisionResult] = []
    for path, division in _divisions(debate.sections, ()):
        holder = next((unit for unit in debates if unit.holds(path)), None)
        counts = tuple((count.side, count.value) for count in division.counts)
        found.append(
            DivisionResult(
                title=division_title(division, ui),
                anchor=anchors.get(path),
                debate=holder.title if holder is not None and len(debates) > 1 else None,
                counts=counts,
                result=_result(counts, ui),
            )
        )
    return found


def glance_facts(
    glance: summarise.AtAGlance, ui: Interface, named: Callable[[str], d.Text] = d.Text
) -> list[tuple[str, d.Text]]:
    """The known facts of the sitting as (label, value) rows; the values the record gives
    (house, place, chairs) in its language, the ones the tool writes in the interface's;
    ``named`` gives a house's or place's name its language (compose.front.as_named)."""
    chairs = "; ".join(glance.chairs)
    rows: list[tuple[str, d.Text | None]] = [
        (ui.gettext("Date"), ui.text(ui.date(glance.date, "long")) if glance.date else None),
        (ui.gettext("House"), named(glance.house) if glance.house else None),
        (ui.gettext("Location"), named(glance.location) if glance.location else None),
        # A label, not a count: "Chairs" when several took the chair.
        (
            ui.gettext("Chair") if len(glance.chairs) < 2 else ui.gettext("Chairs"),
            d.Text(chairs) if chairs else None,
        ),
        *_times(glance, ui),
        # counts of none say nothing (a record of divisions alone): left out
        (ui.gettext("Speakers"), ui.text(ui.number(glance.speakers)) if glance.speakers else None),
        (
            ui.gettext("Contributions"),
            ui.text(ui.number(glance.contributions)) if glance.contributions else None,
        ),
        (ui.gettext("Words"), ui.text(ui.number(glance.words)) if glance.words else None),
    ]
    return [(label, value) for label, value in rows if value is not None]


def _times(glance: summarise.AtAGlance, ui: Interface) -> list[tuple[str, d.Text | None]]:
    """The times as what they are: the sitting's start and adjournment where the record states
    them (with the duration between, suspensions said to be included), else the first and
    last times the record gives, never presented as the sitting's."""
    if glance.began and glance.adjourned:
        span = ui.gettext("{start} to {end}").format(start=glance.began, end=glance.adjourned)
        rows: list[tuple[str, d.Text | None]] = [(ui.gettext("Time"), ui.text(span))]
        if glance.duration_minutes:
            length = duration(glance.duration_minutes, ui)
            if glance.suspended:
                length = ui.gettext("{duration}, including suspensions").format(duration=length)
            rows.append((ui.gettext("Duration"), ui.text(length)))
        return rows
    last = glance.end if glance.end != glance.start else None
    if not (glance.began or glance.adjourned or last):
        return [(ui.gettext("Time recorded"), ui.text(glance.start) if glance.start else None)]
    return [
        (ui.gettext("Began"), ui.text(glance.began))
        if glance.began
        else (ui.gettext("First time recorded"), ui.text(glance.start) if glance.start else None),
        (ui.gettext("Adjourned"), ui.text(glance.adjourned))
        if glance.adjourned
        else (ui.gettext("Last time recorded"), ui.text(last) if last else None),
    ]


def duration(minutes: int, ui: Interface) -> str:
    """ "1 hour 15 minutes", "45 minutes", in the interface's language and plural forms."""
    hours, minutes = divmod(minutes, 60)
    parts = [ui.ngettext("{count} hour", "{count} hours", hours)] if hours else []
    if minutes or not hours:
        parts.append(ui.ngettext("{count} minute", "{count} minutes", minutes))
    return " ".join(parts)


def glance_blocks(
    glance: summarise.AtAGlance,
    divisions: list[DivisionResult],
    table_number: Callable[[], str],
    ui: Interface,
    named: Callable[[str], d.Text] = d.Text,
) -> list[d.Block]:
    blocks: list[d.Block] = []
    facts = glance_facts(glance, ui, named)
    if facts:
        items = tuple(d.ListItem((d.Paragraph(labelled(ui, label, value)),)) for label, value in facts)
        blocks.append(d.BulletList(items))
    if any(row.party != NO_PARTY for row in glance.parties):
        header = (
            ui.gettext("Party"),
            ui.gettext("Speakers"),
            ui.gettext("Contributions"),
            ui.gettext("Words"),
        )
        no_party = ui.text(ui.gettext("No party in the record"))
        rows = tuple(
            (
                d.text_cell(no_party if row.party == NO_PARTY else row.party, "row"),
                *(d.text_cell(ui.number(value)) for value in (row.speakers, row.contributions, row.words)),
            )
            for row in glance.parties
        )
        caption = ui.gettext("Table {number}: contributions and words spoken, by party")
        blocks.append(
            d.Table(
                caption=caption.format(number=table_number()),
                head=(d.header_row(*(ui.text(label) for label in header)),),
                rows=rows,
                widths=(0.4, 0.2, 0.2, 0.2),
                caption_lang=ui.lang,
            )
        )
    if divisions:
        blocks.append(divisions_table(divisions, table_number(), ui))
    return blocks


def divisions_table(divisions: list[DivisionResult], number: int | str, ui: Interface) -> d.Table:
    """Division, the debate it was in (when named), a column per lobby, and the result."""
    sides = list(dict.fromkeys(side.lower() for result in divisions for side, _ in result.counts))
    with_debate = any(result.debate for result in divisions)
    header = [
        ui.gettext("Division"),
        *([ui.gettext("Debate")] if with_debate else []),
        *(side_label(side, ui) for side in sides),
        ui.gettext("Result"),
    ]
    rows = []
    for result in divisions:
        title: d.Inline = (
            ui.link(
                f"#{result.anchor}",
                (ui.text(result.title),),
                ui.gettext("Go to {target}").format(target=result.title),
            )
            if result.anchor
            else ui.text(result.title)
        )
        votes = {side.lower(): value for side, value in result.counts}
        cells = [
            d.Cell((d.Paragraph((title,)),), scope="row"),
            *([d.text_cell(result.debate or "")] if with_debate else []),
            *(d.text_cell(ui.number(votes[side]) if side in votes else "") for side in sides),
            d.text_cell(ui.text(result.result)),
        ]
        rows.append(tuple(cells))
    # Widths from content: "Division 232" on one line; a lobby's count is short, but its name
    # ("Not contents", "Yn erbyn") must fit, each word whole; the result keeps at least a fifth
    # of the width.
    first = max(0.16, max(len(result.title) for result in divisions) * 0.018)
    debate = 0.26 if with_debate else 0.0
    room = 1.0 - first - debate - 0.2
    labels = [side_label(side, ui) for side in sides]
    longest_word = max((len(word) for label in labels for word in label.split()), default=0)
    lobby = min(
        max(0.1, max((len(label) for label in labels), default=0) * 0.013, longest_word * 0.02 + 0.025),
        room / max(len(sides), 1),
    )
    widths = (
        first,
        *((debate,) if with_debate else ()),
        *(lobby,) * len(sides),
        1.0 - first - debate - lobby * len(sides),
    )
    caption = ui.gettext("Table {number}: divisions, with the votes cast in each lobby and the result")
    return d.Table(
        caption=caption.format(number=number),
        head=(d.header_row(*(ui.text(label) for label in header)),),
        rows=tuple(rows),
        anchor="divisions-table",
        widths=widths,
        caption_lang=ui.lang,
    )


def _divisions(items: tuple[m.Item, ...], path: Path) -> list[tuple[Path, m.Division]]:
    found: list[tuple[Path, m.Division]] = []
    for index, item in enumerate(items):
        if isinstance(item, m.Section):
            found.extend(_divisions(item.items, (*path, index)))
        elif isinstance(item, m.Division):
            found.append(((*path, index), item))
    return found


def _result(counts: tuple[tuple[str, int], ...], ui: Interface) -> str:
    """The lobby with the most votes and its majority over the next; "Tied" when the two
    largest are equal (the chair's casting vote, which the record gives in words, decides)."""
    if len(counts) < 2:
        return ""
    ranked = sorted(counts, key=lambda count: -count[1])
    (side, most), (_, next_most) = ranked[0], ranked[1]
    if most == next_most:
        return ui.gettext("Tied")
    return ui.gettext("{side}, majority {majority}").format(
        side=side_label(side, ui), majority=ui.number(most - next_most)
    )
