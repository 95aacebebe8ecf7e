"""The "At a glance" part: the sitting's facts, who spoke by party, and each division's result.

Tables here say something or are left out: the party table only when the record gives a
party for someone; the divisions table lists each division with its counts and result,
the division linked to where it stands in the debate, and the debate it was in when the
record holds several.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from exporter import document as d
from exporter import model as m
from exporter import summarise
from exporter.compose.proceedings import Path, division_title, side_label
from exporter.compose.sitting import SittingDebate
from exporter.summarise.glance import NO_PARTY


@dataclass(frozen=True)
class DivisionResult:
    """One division as "At a glance" gives it."""

    title: str  # "Division 232"
    anchor: str | None  # its heading in the debate
    debate: str | None  # the title of the debate it was in, when the record holds several
    counts: tuple[tuple[str, int], ...]  # (side as the record names it, votes), in the record's order
    result: str  # "Noes, majority 55"; "Tied" when the counts are equal; "" when not counted

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["counts"] = [{"side": side, "value": value} for side, value in self.counts]
        return data


def division_results(
    debate: m.Debate, anchors: dict[Path, str], debates: list[SittingDebate]
) -> list[DivisionResult]:
    """Every division of ``debate`` in reading order; ``anchors`` are the divisions' headings
    by path, ``debates`` the sitting's debates (named only when there are several)."""
    found: list[DivisionResult] = []
    for path, division in _divisions(debate.sections, ()):
        holder = next((unit for unit in debates if unit.holds(path)), None)
        counts = tuple((count.side, count.value) for count in division.counts)
        found.append(
            DivisionResult(
                title=division_title(division),
                anchor=anchors.get(path),
                debate=holder.title if holder is not None and len(debates) > 1 else None,
                counts=counts,
                result=_result(counts),
            )
        )
    return found


def glance_blocks(
    glance: summarise.AtAGlance, divisions: list[DivisionResult], table_number: Callable[[], int]
) -> list[d.Block]:
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
    if any(row.party != NO_PARTY for row in glance.parties):
        blocks.append(
            d.Table(
                caption=f"Table {table_number()}: contributions and words spoken, by party",
                head=(d.header_row("Party", "Speakers", "Contributions", "Words"),),
                rows=tuple(
                    (d.text_cell(str(row[0]), "row"), *(d.text_cell(str(v)) for v in row[1:]))
                    for row in glance.party_rows()
                ),
                widths=(0.4, 0.2, 0.2, 0.2),
            )
        )
    if divisions:
        blocks.append(divisions_table(divisions, table_number()))
    return blocks


def divisions_table(divisions: list[DivisionResult], number: int) -> d.Table:
    """Division, the debate it was in (when named), a column per lobby, and the result."""
    sides = list(dict.fromkeys(side.lower() for result in divisions for side, _ in result.counts))
    with_debate = any(result.debate for result in divisions)
    header = [
        "Division",
        *(["Debate"] if with_debate else []),
        *(side_label(side) for side in sides),
        "Result",
    ]
    rows = []
    for result in divisions:
        title: d.Inline = (
            d.Link(f"#{result.anchor}", (d.Text(result.title),), description=f"Go to {result.title}")
            if result.anchor
            else d.Text(result.title)
        )
        votes = {side.lower(): value for side, value in result.counts}
        cells = [
            d.Cell((d.Paragraph((title,)),), scope="row"),
            *([d.text_cell(result.debate or "")] if with_debate else []),
            *(d.text_cell(str(votes[side]) if side in votes else "") for side in sides),
            d.text_cell(result.result or ""),
        ]
        rows.append(tuple(cells))
    # Widths from content: "Division 232" on one line; a lobby's count is short, but its name
    # ("Not contents") must fit; the result keeps at least a fifth of the width.
    first = max(0.16, max(len(result.title) for result in divisions) * 0.018)
    debate = 0.26 if with_debate else 0.0
    room = 1.0 - first - debate - 0.2
    lobby = min(
        max(0.1, max((len(side_label(side)) for side in sides), default=0) * 0.013), room / max(len(sides), 1)
    )
    widths = (
        first,
        *((debate,) if with_debate else ()),
        *(lobby,) * len(sides),
        1.0 - first - debate - lobby * len(sides),
    )
    return d.Table(
        caption=f"Table {number}: divisions, with the votes cast in each lobby and the result",
        head=(d.header_row(*header),),
        rows=tuple(rows),
        anchor="divisions-table",
        widths=widths,
    )


def _divisions(items: tuple[m.Item, ...], path: Path) -> list[tuple[Path, m.Division]]:
    found: list[tuple[Path, m.Division]] = []
    for index, item in enumerate(items):
        if isinstance(item, m.Section):
            found.extend(_divisions(item.items, (*path, index)))
        elif isinstance(item, m.Division):
            found.append(((*path, index), item))
    return found


def _result(counts: tuple[tuple[str, int], ...]) -> str:
    """The lobby with the most votes and its majority over the next; "Tied" when the two
    largest are equal (the chair's casting vote, which the record gives in words, decides)."""
    if len(counts) < 2:
        return ""
    ranked = sorted(counts, key=lambda count: -count[1])
    (side, most), (_, next_most) = ranked[0], ranked[1]
    if most == next_most:
        return "Tied"
    return f"{side_label(side)}, majority {most - next_most}"
