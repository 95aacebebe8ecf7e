"""How people are named in a briefing, and the words for kinds of speech."""

from __future__ import annotations

from exporter import document as d
from exporter import model as m
from exporter import parliaments
from exporter.cleaning import reads_as_nothing
from exporter.compose.front import as_named
from exporter.interface import Interface

# The label readers give a speech whose record names nobody (ParlParse, ParlaMint, Akoma
# Ntoso); it is the tool's word, not the record's, so it is shown in the interface's language.
READER_UNKNOWN = "Unknown speaker"


def unknown_speaker(ui: Interface) -> d.Text:
    return ui.text(ui.gettext("Unknown speaker"))


def debate_title(debate: m.Debate, ui: Interface) -> tuple[d.Inline, ...]:
    """The briefing's title: the record's; when it gives none, the house, the place where it
    is not the house's chamber, and the sitting's date, the date in the interface's language
    ("Senato della Repubblica, 29 November 2022", "House of Commons, Westminster Hall,
    28 October 2009", "…, 29 Tachwedd 2022"), else the record's own identifier, else the
    tool's "Debate record". Each part says its language: the house and place are the
    record's (or the profile's, English), the date and words the tool's. A title that reads
    as nothing (white space, zero-width characters: ``cleaning``) is none."""
    if not reads_as_nothing(debate.title):
        return (d.Text(debate.title),)
    date = ui.text(ui.date(debate.date, "long")) if debate.date else None
    house = as_named(debate.house, debate) if debate.house else None
    place = as_named(debate.location, debate) if _apart(debate) and debate.location else None
    if house and place and date:
        return ui.mixed(ui.gettext("{house}, {place}, {date}"), house=house, place=place, date=date)
    house = house or place
    if house and date:
        return ui.mixed(ui.gettext("{house}, {date}"), house=house, date=date)
    if house:
        return (house,)
    if date is not None:
        return (date,)
    if debate.source.reference:
        return (d.Text(debate.source.reference),)
    return (ui.text(ui.gettext("Debate record")),)


def _apart(debate: m.Debate) -> bool:
    """Whether the debate's place is not the house's own chamber (Westminster Hall, Grand
    Committee, Written Answers), as its parliament profile tells: a profile whose sittings
    may name no place lists the names of its chamber ("Commons Chamber")."""
    location = debate.location
    if not location or location == debate.house:
        return False
    profile = parliaments.profile_of(debate)
    return not (None in profile.locations and location in profile.locations)


def speaker_text(debate: m.Debate, speech: m.Speech, ui: Interface) -> d.Text:
    """The heading for a speech: "Kim Leadbeater (Labour, Batley and Spen)"; the words
    "Unknown speaker", in the interface's language, when the record names nobody."""
    name = speaker_name(debate, speech)
    return unknown_speaker(ui) if name is None else d.Text(name)


def speaker_heading(debate: m.Debate, speech: m.Speech, ui: Interface) -> tuple[d.Text, ...]:
    """The name as ``speaker_text`` gives it, and where the record marks the speaker as in the
    chair or as a guest (ParlaMint ``ana="#chair"``, ``"#guest"``) and names no office, the
    tool's word for that standing, in the interface's language and marked as such, so that a
    Slovak briefing says "Andrej Hrnčiar, Chair" with "Chair" in an English voice, or
    "Andrej Hrnčiar, Cadeirydd" under ``--ui-language cy`` (WCAG 2.2 SC 3.1.2)."""
    name = speaker_text(debate, speech, ui)
    standing = _standing(debate, speech, ui)
    if standing is None or name.lang is not None:  # no standing, or the tool's "Unknown speaker"
        return (name,)
    said = ui.mixed(ui.gettext("{name}, {standing}"), name=name, standing=ui.text(standing))
    return tuple(part for part in said if isinstance(part, d.Text))  # texts only: a link may hold it


def _standing(debate: m.Debate, speech: m.Speech, ui: Interface) -> str | None:
    speaker = debate.speaker(speech.speaker)
    if speech.role or (speaker is not None and speaker.role):
        return None  # the record's own words for the office say it
    if speech.chair:
        return ui.gettext("Chair")
    if speech.guest:
        return ui.gettext("Guest")
    return None


def speaker_name(debate: m.Debate, speech: m.Speech) -> str | None:
    """The name as the record gives it, with party, constituency and role; None when the
    record names nobody."""
    speaker = debate.speaker(speech.speaker)
    if speaker is None:
        return speech.label if speech.label and speech.label != READER_UNKNOWN else None
    details = ", ".join(part for part in (speaker.party, speaker.constituency) if part)
    name = f"{speaker.name} ({details})" if details else speaker.name
    role = speech.role or speaker.role
    if role and role.lower() not in name.lower():
        name = f"{name}, {role}"
    return name


def short_name(debate: m.Debate, speech: m.Speech) -> str | None:
    """The name alone ("Lord Bach"), as the record gives it; None when it names nobody."""
    speaker = debate.speaker(speech.speaker)
    if speaker is None:
        return speech.label if speech.label and speech.label != READER_UNKNOWN else None
    return speaker.name


def kind_label(kind: m.SpeechKind, debate: m.Debate, ui: Interface) -> str:
    """The word for a kind of contribution, in the interface's language: the one the debate's
    parliament uses (its profile's ``contribution_word``: an Australian "Interjection", a
    Commons "Intervention"). Raises KeyError for a word no label is written for here
    (profiles are checked against ``CONTRIBUTION_WORDS`` when made)."""
    labels = {
        "speech": ui.gettext("Speech"),
        "intervention": ui.gettext("Intervention"),
        "interjection": ui.gettext("Interjection"),
        "question": ui.gettext("Question"),
        "answer": ui.gettext("Answer"),
        "statement": ui.gettext("Statement"),
        "point_of_order": ui.gettext("Point of order"),
    }
    return labels[parliaments.profile_of(debate).contribution_word(kind.value)]
