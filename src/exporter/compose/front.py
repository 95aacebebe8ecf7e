"""The opening and closing parts: title, the sitting's details, and Sources.

What the Sources section says about the official record (who publishes it, under which
licence, what that licence asks and allows) comes from the debate's parliament profile
(:mod:`exporter.parliaments`); nothing here names a parliament.
"""

from __future__ import annotations

from exporter import __version__, parliaments
from exporter import document as d
from exporter import model as m
from exporter.compose.inlines import labelled
from exporter.compose.names import long_date


def details(debate: m.Debate) -> list[d.Block]:
    profile = parliaments.profile_of(debate)
    parliament = profile.parliament or None
    if parliament and debate.house and parliament.lower() == debate.house.lower():
        parliament = None  # "Scottish Parliament" is both
    facts = [
        ("Parliament", parliament),
        ("House", debate.house),
        ("Location", debate.location),
        ("Bill", debate.bill if debate.bill and debate.bill != debate.title else None),
        ("Date", long_date(debate.date) if debate.date else None),
        ("Chair", debate.chair),
        ("Department", debate.department),
    ]
    blocks: list[d.Block] = [
        d.Paragraph(labelled(label, value), role="details") for label, value in facts if value
    ]
    if debate.source.superseded:
        blocks.append(d.Paragraph((d.Text(superseded_note(debate.source)),), role="details"))
    return blocks


def superseded_note(source: m.Source) -> str:
    """ "Not the latest version of this record: …", naming the later one when known."""
    later = f" ({source.successor})" if source.successor else ""
    return f"Not the latest version of this record: a later version exists{later}."


def sources(debate: m.Debate, citation: str | None) -> list[d.Block]:
    profile = parliaments.profile_of(debate)
    source = debate.source
    publisher = profile.publisher or source.publisher
    blocks: list[d.Block] = []
    record: list[d.Inline] = [d.Text("Official record: ", strong=True)]
    name = citation or source.citation or debate.title
    label = f"{name} ({publisher})" if publisher else name
    if source.url:
        record.append(d.Link(source.url, (d.Text(label),), description=f"The official record: {label}"))
    else:
        record.append(d.Text(label))
    if source.publisher and source.publisher != publisher:
        record.append(d.Text(f". Read from the record as {source.publisher} publishes it"))
    if source.reference and source.reference != source.url:
        record.append(d.Text(f". Record identifier: {source.reference}"))
    blocks.append(d.Paragraph(tuple(record), role="body"))
    if source.volume:
        blocks.append(d.Paragraph(labelled("Volume", source.volume), role="body"))
    if source.superseded:
        blocks.append(d.Paragraph((d.Text(superseded_note(source)),), role="body"))
    blocks.extend(_licence(profile.licence, source.licence))
    blocks.append(
        d.Paragraph(
            (
                d.Text(
                    f"This briefing was made from the record by debate-exporter {__version__}. "
                    "Speeches are given as recorded; headings and tables were added for navigation."
                ),
            ),
            role="body",
        )
    )
    return blocks


def _licence(licence: parliaments.Licence | None, stated: str | None) -> list[d.Block]:
    """The licence the profile names, with the attribution it asks for; else the licence
    the record states; else nothing (a licence is never assumed)."""
    if licence is None:
        return [d.Paragraph(labelled("Licence", stated), role="body")] if stated else []
    link = d.Link(licence.url, (d.Text(licence.name),), description=f"The {licence.name}")
    statement = licence.attribution or f"Licensed under the {licence.name}."
    before, found, after = statement.partition(licence.name)
    inlines: list[d.Inline] = []
    if found:
        if before:
            inlines.append(d.Text(before))
        inlines.append(link)
        if after:
            inlines.append(d.Text(after))
    else:
        inlines.extend((d.Text(f"{statement} Licence: "), link, d.Text(".")))
    blocks: list[d.Block] = [d.Paragraph(tuple(inlines), role="body")]
    if not licence.adaptation:
        blocks.append(
            d.Paragraph(
                (
                    d.Text(
                        "This licence does not allow adapted material to be shared. This briefing adapts "
                        "the record (a summary, key points and headings): keep it for your own study, or "
                        "ask the publisher before you share it."
                    ),
                ),
                role="body",
            )
        )
    return blocks
