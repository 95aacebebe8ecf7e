"""The Speakers part: who took part, as a table with a header row and a caption."""

from __future__ import annotations

from collections import Counter

from exporter import document as d
from exporter import model as m
from exporter.compose.names import READER_UNKNOWN
from exporter.interface import Interface


def contributions(debate: m.Debate) -> Counter[str]:
    return Counter(s.speaker for s in m.speeches(debate) if s.speaker is not None)


def speakers_table(debate: m.Debate, number: int, ui: Interface) -> d.Table:
    counts = contributions(debate)
    labels = (ui.gettext("Name"), ui.gettext("Constituency"), ui.gettext("Party"), ui.gettext("Role"))
    header = tuple(d.Cell((ui.text(label),)) for label in (*labels, ui.gettext("Contributions")))
    missing = ui.text(ui.gettext("Not recorded"))

    def cell(value: str | None) -> d.Cell:
        return d.Cell((d.Text(value),) if value else (missing,))

    def count(value: int) -> d.Cell:
        return d.Cell((d.Text(ui.number(value)),))

    rows = []
    for speaker in debate.speakers:
        values = (speaker.name, speaker.constituency, speaker.party, speaker.role)
        rows.append((*(cell(value) for value in values), count(counts.get(speaker.id, 0))))
    unnamed = Counter(
        s.label if s.label and s.label != READER_UNKNOWN else ""
        for s in m.speeches(debate)
        if s.speaker is None
    )
    for label, times in sorted(unnamed.items()):
        name = d.Cell((d.Text(label),)) if label else d.Cell((ui.text(ui.gettext("Unknown speaker")),))
        rows.append((name, cell(None), cell(None), cell(None), count(times)))
    caption = ui.gettext("Table {number}: speakers in this debate, with the number of times each spoke")
    return d.Table(
        caption=caption.format(number=number),
        header=header,
        rows=tuple(rows),
        anchor="speakers-table",
        widths=(0.22, 0.22, 0.2, 0.16, 0.2),
        caption_lang=ui.lang,
    )
