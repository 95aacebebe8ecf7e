"""The Speakers part: who took part, as a table with a header row and a caption.

Everyone who spoke is here, whether or not they have key points. A column the record
gives no value for in any row is left out (a Lords day has no constituencies), and a cell
is empty where the record is silent about one speaker: the table never fills a gap with
words of its own ("Not recorded", "None"). The headers and the caption are the tool's
words, in the interface's language; the names, parties and roles are the record's.
"""

from __future__ import annotations

from collections import Counter

from exporter import document as d
from exporter import model as m
from exporter.compose.names import READER_UNKNOWN
from exporter.interface import Interface

# Each column's share of the width when every column is shown: name, constituency, party,
# role, contributions.
_WIDTHS = (0.26, 0.22, 0.18, 0.18, 0.16)


def contributions(debate: m.Debate) -> Counter[str]:
    return Counter(s.speaker for s in m.speeches(debate) if s.speaker is not None)


def speakers_table(debate: m.Debate, number: int | str, ui: Interface) -> d.Table:
    counts = contributions(debate)
    headers = (
        ui.gettext("Name"),
        ui.gettext("Constituency"),
        ui.gettext("Party"),
        ui.gettext("Role"),
        ui.gettext("Contributions"),
    )
    rows: list[tuple[d.Text | None, ...]] = [
        (
            d.Text(speaker.name),
            *(
                d.Text(value) if value else None
                for value in (speaker.constituency, speaker.party, speaker.role)
            ),
            d.Text(ui.number(counts.get(speaker.id, 0))),
        )
        for speaker in debate.speakers
    ]
    unnamed = Counter(
        s.label if s.label and s.label != READER_UNKNOWN else ""
        for s in m.speeches(debate)
        if s.speaker is None
    )
    for label, times in sorted(unnamed.items()):
        name = d.Text(label) if label else ui.text(ui.gettext("Unknown speaker"))
        rows.append((name, None, None, None, d.Text(ui.number(times))))
    last = len(headers) - 1
    kept = [i for i in range(len(headers)) if i in (0, last) or any(row[i] for row in rows)]
    caption = ui.gettext("Table {number}: speakers in this debate, with the number of times each spoke")
    return d.Table(
        caption=caption.format(number=number),
        head=(d.header_row(*(ui.text(headers[i]) for i in kept)),),
        rows=tuple(tuple(_cell(row[i], i == 0) for i in kept) for row in rows),
        anchor="speakers-table",
        widths=tuple(_WIDTHS[i] for i in kept),
        caption_lang=ui.lang,
    )


def _cell(value: d.Text | None, name: bool) -> d.Cell:
    """A value, or an empty cell where the record is silent; the speaker's name labels the row."""
    return d.text_cell(value if value is not None else "", "row" if name else None)
