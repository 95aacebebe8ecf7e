"""The Speakers part: who took part, as a table with a header row and a caption.

Everyone who spoke is here, whether or not they have key points. A column the record
gives no value for in any row is left out (a Lords day has no constituencies), and a cell
is empty where the record is silent about one speaker: the table never fills a gap with
words of its own ("Not recorded", "None").
"""

from __future__ import annotations

from collections import Counter

from exporter import document as d
from exporter import model as m

# Each column: its header and its share of the width when every column is shown.
_COLUMNS = (("Name", 0.26), ("Constituency", 0.22), ("Party", 0.18), ("Role", 0.18), ("Contributions", 0.16))


def contributions(debate: m.Debate) -> Counter[str]:
    return Counter(s.speaker for s in m.speeches(debate) if s.speaker is not None)


def speakers_table(debate: m.Debate, number: int) -> d.Table:
    counts = contributions(debate)
    rows: list[tuple[str | None, ...]] = [
        (speaker.name, speaker.constituency, speaker.party, speaker.role, str(counts.get(speaker.id, 0)))
        for speaker in debate.speakers
    ]
    unnamed = Counter(s.label or "Unknown speaker" for s in m.speeches(debate) if s.speaker is None)
    rows.extend((label, None, None, None, str(count)) for label, count in sorted(unnamed.items()))
    kept = [i for i in range(len(_COLUMNS)) if any(row[i] for row in rows) or i in (0, len(_COLUMNS) - 1)]
    return d.Table(
        caption=f"Table {number}: speakers in this debate, with the number of times each spoke",
        head=(d.header_row(*(_COLUMNS[i][0] for i in kept)),),
        rows=tuple(tuple(_cell(row[i], i == 0) for i in kept) for row in rows),
        anchor="speakers-table",
        widths=tuple(_COLUMNS[i][1] for i in kept),
    )


def _cell(value: str | None, name: bool) -> d.Cell:
    """A value, or an empty cell where the record is silent; the speaker's name labels the row."""
    return d.text_cell(value or "", "row" if name else None)
