"""The Speakers part: who took part, as a table with a header row and a caption."""

from __future__ import annotations

from collections import Counter

from exporter import document as d
from exporter import model as m

NOT_RECORDED = "Not recorded"


def contributions(debate: m.Debate) -> Counter[str]:
    return Counter(s.speaker for s in m.speeches(debate) if s.speaker is not None)


def speakers_table(debate: m.Debate, number: int) -> d.Table:
    counts = contributions(debate)
    header = d.header_row("Name", "Constituency", "Party", "Role", "Contributions")
    rows = []
    for speaker in debate.speakers:
        values = (
            speaker.name,
            speaker.constituency or NOT_RECORDED,
            speaker.party or NOT_RECORDED,
            speaker.role or NOT_RECORDED,
            str(counts.get(speaker.id, 0)),
        )
        rows.append(_row(values))
    unnamed = Counter(s.label or "Unknown speaker" for s in m.speeches(debate) if s.speaker is None)
    for label, count in sorted(unnamed.items()):
        values = (label, NOT_RECORDED, NOT_RECORDED, NOT_RECORDED, str(count))
        rows.append(_row(values))
    return d.Table(
        caption=f"Table {number}: speakers in this debate, with the number of times each spoke",
        head=(header,),
        rows=tuple(rows),
        anchor="speakers-table",
        widths=(0.22, 0.22, 0.2, 0.16, 0.2),
    )


def _row(values: tuple[str, ...]) -> tuple[d.Cell, ...]:
    """A speaker's row: the name labels it."""
    return (d.text_cell(values[0], "row"), *(d.text_cell(value) for value in values[1:]))
