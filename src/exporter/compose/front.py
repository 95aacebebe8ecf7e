"""The opening and closing parts: title, the sitting's details, and Sources."""

from __future__ import annotations

from exporter import __version__
from exporter import document as d
from exporter import model as m
from exporter.compose.inlines import labelled
from exporter.interface import Interface
from exporter.language import tags

OPEN_PARLIAMENT_LICENCE = (
    "https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/"
)
UK_HOUSES = ("house of commons", "house of lords")
# Citation forms and licence names are data, written in English whatever the interface
# language (OSCOLA and the parliaments' own forms); they are tagged so where the document
# is in another language.
CITATION_LANGUAGE = "en-GB"


def english(text: str, document_language: str) -> d.Text:
    """Text that is English whatever the interface (a citation, a licence's name)."""
    return d.Text(
        text, lang=None if tags.same_language(CITATION_LANGUAGE, document_language) else CITATION_LANGUAGE
    )


def details(debate: m.Debate, ui: Interface) -> list[d.Block]:
    date = d.Text(ui.date(debate.date), lang=ui.lang) if debate.date else None
    facts: list[tuple[str, str | d.Text | None]] = [
        (ui.gettext("House"), debate.house),
        (ui.gettext("Location"), debate.location),
        (ui.gettext("Date"), date),
        (ui.gettext("Chair"), debate.chair),
        (ui.gettext("Department"), debate.department),
    ]
    return [d.Paragraph(labelled(ui, label, value), role="details") for label, value in facts if value]


def is_uk_parliament(debate: m.Debate) -> bool:
    licence = (debate.source.licence or "").lower()
    return "open parliament" in licence or (debate.house or "").lower() in UK_HOUSES


def sources(debate: m.Debate, citation: str | None, ui: Interface) -> list[d.Block]:
    source = debate.source
    language = debate.language or ""
    blocks: list[d.Block] = []
    record: list[d.Inline] = [ui.text(ui.gettext("Official record: "), strong=True)]
    name = citation or source.citation or debate.title
    named = english(name, language) if citation else d.Text(name)
    if source.url:
        label = f"{name} ({source.publisher})" if source.publisher else name
        text = d.Text(label, lang=named.lang)
        description = ui.gettext("The official record: {name}").format(name=label)
        record.append(d.Link(source.url, (text,), description=description))
    else:
        record.append(d.Text(f"{name}, {source.publisher}" if source.publisher else name, lang=named.lang))
    if source.reference and source.reference != source.url:
        record.extend(ui.mixed(ui.gettext(". Record identifier: {reference}"), reference=source.reference))
    blocks.append(d.Paragraph(tuple(record), role="body"))
    if source.volume:
        blocks.append(d.Paragraph(labelled(ui, ui.gettext("Volume"), source.volume), role="body"))
    if is_uk_parliament(debate):
        licence = d.Link(
            OPEN_PARLIAMENT_LICENCE,
            (english("Open Parliament Licence v3.0", language),),
            description=ui.gettext("The Open Parliament Licence v3.0"),
        )
        sentence = ui.gettext("Contains Parliamentary information licensed under the {licence}.")
        before, _, after = sentence.partition("{licence}")
        blocks.append(
            d.Paragraph((ui.text(before), licence, *([ui.text(after)] if after else [])), role="body")
        )
    elif source.licence:
        blocks.append(d.Paragraph(labelled(ui, ui.gettext("Licence"), source.licence), role="body"))
    made = ui.gettext(
        "This briefing was made from the record by debate-exporter {version}. "
        "Speeches are given as recorded; headings and tables were added for navigation."
    )
    blocks.append(d.Paragraph((ui.text(made.format(version=__version__)),), role="body"))
    return blocks
