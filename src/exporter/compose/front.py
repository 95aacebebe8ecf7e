"""The opening and closing parts: title, the sitting's details, and Sources."""

from __future__ import annotations

from exporter import __version__
from exporter import document as d
from exporter import model as m
from exporter.compose.inlines import labelled
from exporter.compose.names import long_date

OPEN_PARLIAMENT_LICENCE = (
    "https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/"
)
UK_HOUSES = ("house of commons", "house of lords")


def details(debate: m.Debate) -> list[d.Block]:
    facts = [
        ("House", debate.house),
        ("Location", debate.location),
        ("Date", long_date(debate.date) if debate.date else None),
        ("Chair", debate.chair),
        ("Department", debate.department),
    ]
    return [d.Paragraph(labelled(label, value), role="details") for label, value in facts if value]


def is_uk_parliament(debate: m.Debate) -> bool:
    licence = (debate.source.licence or "").lower()
    return "open parliament" in licence or (debate.house or "").lower() in UK_HOUSES


def sources(debate: m.Debate, citation: str | None) -> list[d.Block]:
    source = debate.source
    blocks: list[d.Block] = []
    record: list[d.Inline] = [d.Text("Official record: ", strong=True)]
    name = citation or source.citation or debate.title
    if source.url:
        label = f"{name} ({source.publisher})" if source.publisher else name
        record.append(d.Link(source.url, (d.Text(label),), description=f"The official record: {label}"))
    else:
        record.append(d.Text(f"{name}, {source.publisher}" if source.publisher else name))
    if source.reference and source.reference != source.url:
        record.append(d.Text(f". Record identifier: {source.reference}"))
    blocks.append(d.Paragraph(tuple(record), role="body"))
    if source.volume:
        blocks.append(d.Paragraph(labelled("Volume", source.volume), role="body"))
    if is_uk_parliament(debate):
        blocks.append(
            d.Paragraph(
                (
                    d.Text("Contains Parliamentary information licensed under the "),
                    d.Link(
                        OPEN_PARLIAMENT_LICENCE,
                        (d.Text("Open Parliament Licence v3.0"),),
                        description="The Open Parliament Licence v3.0",
                    ),
                    d.Text("."),
                ),
                role="body",
            )
        )
    elif source.licence:
        blocks.append(d.Paragraph(labelled("Licence", source.licence), role="body"))
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
