"""The opening and closing parts: title, the sitting's details, and Sources.

What the Sources section says about the official record (who publishes it, under which
licence, what that licence asks and allows) comes from the debate's parliament profile
(:mod:`exporter.parliaments`); nothing here names a parliament. The tool's own words are
in the interface's language (:mod:`exporter.interface`); what profiles hold as data
(citation forms, a licence's name and the attribution it asks for) is English whatever the
interface, and tagged so in a briefing in another language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from exporter import __version__, parliaments
from exporter import document as d
from exporter import model as m
from exporter.compose.inlines import labelled
from exporter.interface import Interface
from exporter.language import tags

# Citation forms and licences are data, written in English (OSCOLA, the parliaments' own
# forms, the licences' own words); tagged so where the document is in another language.
DATA_LANGUAGE = "en-GB"


def english(text: str, document_language: str) -> d.Text:
    """Text that is English whatever the interface (a citation, a licence's name)."""
    return d.Text(text, lang=None if tags.same_language(DATA_LANGUAGE, document_language) else DATA_LANGUAGE)


def as_named(text: str, debate: m.Debate) -> d.Text:
    """A parliament's, house's or place's name as the debate gives it: the profile's own name
    for it is English data (a reader may take the house from the profile: ParlaMint's corpus
    code), tagged so in a briefing in another language; a name the record gives is the
    record's."""
    profile = parliaments.profile_of(debate)
    if text in (profile.parliament, profile.house, profile.location):
        return english(text, debate.language or "")
    return d.Text(text)


def details(debate: m.Debate, ui: Interface) -> list[d.Block]:
    profile = parliaments.profile_of(debate)
    parliament = profile.parliament or None
    if parliament and debate.house and parliament.lower() == debate.house.lower():
        parliament = None  # "Scottish Parliament" is both
    date = d.Text(ui.date(debate.date), lang=ui.lang) if debate.date else None
    facts: list[tuple[str, str | d.Text | None]] = [
        (ui.gettext("Parliament"), as_named(parliament, debate) if parliament else None),
        (ui.gettext("House"), as_named(debate.house, debate) if debate.house else None),
        (ui.gettext("Location"), as_named(debate.location, debate) if debate.location else None),
        (ui.gettext("Bill"), debate.bill if debate.bill and debate.bill != debate.title else None),
        (ui.gettext("Date"), date),
        (ui.gettext("Chair"), debate.chair),
        (ui.gettext("Department"), debate.department),
    ]
    blocks: list[d.Block] = [
        d.Paragraph(labelled(ui, label, value), role="details") for label, value in facts if value
    ]
    if debate.source.superseded:
        blocks.append(d.Paragraph(superseded_note(debate.source, ui), role="details"))
    return blocks


def superseded_note(source: m.Source, ui: Interface) -> tuple[d.Inline, ...]:
    """ "Not the latest version of this record: …", naming the later one when known."""
    if source.successor:
        message = ui.gettext("Not the latest version of this record: a later version exists ({later}).")
        return ui.mixed(message, later=source.successor)
    return (ui.text(ui.gettext("Not the latest version of this record: a later version exists.")),)


@dataclass(frozen=True)
class Adaptations:
    """What the tool added to the record in the briefing as made, read from its blocks, so
    that what the Sources section says of the briefing is true of it (``--summary none``
    makes a briefing with no summary; a record with no speeches, one with no Speakers
    table). Headings are always added (the title, the parts', the speakers')."""

    summary: bool  # a Summary part the tool made (not the record editors' own summary)
    key_points: bool  # a Key points part
    tables: bool  # a table the tool made (Speakers, At a glance), not the record's
    speeches: bool  # the proceedings hold a speech

    @classmethod
    def of(
        cls,
        blocks: Sequence[d.Block],
        summary_anchor: str,
        key_points_anchor: str,
        editorial: bool,
        speeches: bool,
    ) -> Adaptations:
        """``blocks``: the parts the tool composes around the record's proceedings (they
        hold none of the record's own tables); the anchors: those of the two parts' headings;
        ``editorial``: the Summary part is the record's own summary, given as it is;
        ``speeches``: the proceedings hold a speech."""
        anchors = {block.anchor for block in blocks if isinstance(block, d.Heading)}
        return cls(
            summary=summary_anchor in anchors and not editorial,
            key_points=key_points_anchor in anchors,
            tables=any(isinstance(block, d.Table) for block in d.walk_blocks(tuple(blocks))),
            speeches=speeches,
        )


def sources(
    debate: m.Debate,
    citation: str | None,
    ui: Interface,
    adaptations: Adaptations,
    title: tuple[d.Inline, ...] | None = None,
) -> list[d.Block]:
    """The Sources section's blocks. ``adaptations``: what the briefing adds to the record,
    which its notes name; ``title`` is the title the tool gave a debate the record leaves
    untitled (exporter.compose.names.debate_title), each part in its own language; None when
    the record titles it."""
    profile = parliaments.profile_of(debate)
    source = debate.source
    language = debate.language or ""
    publisher = profile.publisher or source.publisher
    blocks: list[d.Block] = []
    record: list[d.Inline] = [ui.text(ui.gettext("Official record: "), strong=True)]
    words = _record_name(debate, citation, publisher, ui, title)
    if source.url:
        label = "".join(text.text for text in words)
        description = ui.gettext("The official record: {name}").format(name=label)
        record.append(ui.link(source.url, words, description))
    else:
        record.extend(words)
    if source.publisher and source.publisher != publisher:
        message = ui.gettext(". Read from the record as {publisher} publishes it")
        record.extend(ui.mixed(message, publisher=source.publisher))
    if source.reference and source.reference != source.url:
        identifier = ui.mixed(ui.gettext("Record identifier: {reference}"), reference=source.reference)
        record.append(ui.text(". "))
        if _is_address(source.reference):  # a link that says what it is, the address given
            text = d.plain_text(identifier)
            record.append(ui.link(source.reference, _texts(identifier), text))
        else:
            record.extend(identifier)
    blocks.append(d.Paragraph(tuple(record), role="body"))
    if source.volume:
        blocks.append(d.Paragraph(labelled(ui, ui.gettext("Volume"), source.volume), role="body"))
    if source.superseded:
        blocks.append(d.Paragraph(superseded_note(source, ui), role="body"))
    blocks.extend(_licence(profile.licence, source.licence, ui, language, adaptations))
    made = _made_note(adaptations, ui)
    blocks.append(d.Paragraph((ui.text(made.format(version=__version__)),), role="body"))
    return blocks


def _made_note(adaptations: Adaptations, ui: Interface) -> str:
    """What made the briefing and what it adds, each combination one whole sentence."""
    if adaptations.speeches and adaptations.tables:
        return ui.gettext(
            "This briefing was made from the record by debate-exporter {version}. "
            "Speeches are given as recorded; headings and tables were added for navigation."
        )
    if adaptations.speeches:
        return ui.gettext(
            "This briefing was made from the record by debate-exporter {version}. "
            "Speeches are given as recorded; headings were added for navigation."
        )
    if adaptations.tables:
        return ui.gettext(
            "This briefing was made from the record by debate-exporter {version}. "
            "Headings and tables were added for navigation."
        )
    return ui.gettext(
        "This briefing was made from the record by debate-exporter {version}. "
        "Headings were added for navigation."
    )


def _record_name(
    debate: m.Debate,
    citation: str | None,
    publisher: str | None,
    ui: Interface,
    made_title: tuple[d.Inline, ...] | None,
) -> tuple[d.Text, ...]:
    """How the Sources section names the official record, each part in its own language: the
    citation (data, English), else the one the record gives, else the debate's title (the
    record's, or the one the tool made from its house and date, its words in the
    interface's language); then who publishes it (a profile's name is English data, a
    record's is the record's)."""
    language = debate.language or ""
    source = debate.source
    name: tuple[d.Inline, ...]
    if citation:
        name = (english(citation, language),)
    elif source.citation:
        name = (d.Text(source.citation),)
    elif made_title:
        name = made_title
    else:
        name = (d.Text(debate.title),)
    if publisher:
        from_profile = publisher == parliaments.profile_of(debate).publisher
        who = english(publisher, language) if from_profile else d.Text(publisher)
        name = ui.mixed(ui.gettext("{name} ({publisher})"), name=name, publisher=who)
    return tuple(text for text in name if isinstance(text, d.Text))


def _licence(
    licence: parliaments.Licence | None,
    stated: str | None,
    ui: Interface,
    language: str,
    adaptations: Adaptations,
) -> list[d.Block]:
    """The licence the profile names, with the attribution it asks for (in the licence's
    own words); else the licence the record states; else nothing (never assumed)."""
    if licence is None:
        if not stated:
            return []
        if _is_address(stated):  # the licence's address: a link that says what it leads to
            words = ui.mixed(ui.gettext("The licence: {name}"), name=stated)
            link = ui.link(stated, _texts(words), d.plain_text(words))
            return [d.Paragraph((link,), role="body")]
        return [d.Paragraph(labelled(ui, ui.gettext("Licence"), stated), role="body")]
    description = ui.gettext("The licence: {name}").format(name=licence.name)
    link = ui.link(licence.url, (english(licence.name, language),), description)
    inlines: list[d.Inline] = []
    if licence.attribution:
        before, found, after = licence.attribution.partition(licence.name)
        if found:
            inlines.extend([*([english(before, language)] if before else []), link])
            inlines.extend([english(after, language)] if after else [])
        else:
            inlines.extend((english(licence.attribution, language), d.Text(" "), link))
    else:
        inlines.extend(ui.mixed(ui.gettext("Licensed under the {licence}."), licence=link))
    blocks: list[d.Block] = [d.Paragraph(tuple(inlines), role="body")]
    if not licence.adaptation:
        blocks.append(d.Paragraph((ui.text(_adapted_warning(adaptations, ui)),), role="body"))
    return blocks


def _adapted_warning(adaptations: Adaptations, ui: Interface) -> str:
    """That the licence allows no adapted material to be shared, naming what this briefing
    adds: each combination one whole sentence to translate."""
    if adaptations.summary and adaptations.key_points:
        return ui.gettext(
            "This licence does not allow adapted material to be shared. This briefing adapts "
            "the record (a summary, key points and headings): keep it for your own study, or "
            "ask the publisher before you share it."
        )
    if adaptations.summary:
        return ui.gettext(
            "This licence does not allow adapted material to be shared. This briefing adapts "
            "the record (a summary and headings): keep it for your own study, or ask the "
            "publisher before you share it."
        )
    if adaptations.key_points:
        return ui.gettext(
            "This licence does not allow adapted material to be shared. This briefing adapts "
            "the record (key points and headings): keep it for your own study, or ask the "
            "publisher before you share it."
        )
    return ui.gettext(
        "This licence does not allow adapted material to be shared. This briefing adapts the "
        "record (headings): keep it for your own study, or ask the publisher before you share it."
    )


def _is_address(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def _texts(inlines: tuple[d.Inline, ...]) -> tuple[d.Text, ...]:
    """A message's pieces as a link's text: a link's words are what it leads to, with its
    address in them where the address is what a reader may need (WCAG 2.4.4; a bare address
    as a link's whole text is read out character by character)."""
    return tuple(piece for piece in inlines if isinstance(piece, d.Text))
