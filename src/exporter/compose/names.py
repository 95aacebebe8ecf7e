"""How people and dates are written in a briefing."""

from __future__ import annotations

import datetime as dt

from exporter import model as m

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def long_date(date: dt.date) -> str:
    """ "Wednesday 23 February 2022", the same whatever the machine's locale."""
    return f"{_DAYS[date.weekday()]} {date.day} {_MONTHS[date.month - 1]} {date.year}"


def speaker_name(debate: m.Debate, speech: m.Speech) -> str:
    """The heading for a speech: "Kim Leadbeater (Labour, Batley and Spen)"."""
    speaker = debate.speaker(speech.speaker)
    if speaker is None:
        return speech.label or "Unknown speaker"
    details = ", ".join(part for part in (speaker.party, speaker.constituency) if part)
    name = f"{speaker.name} ({details})" if details else speaker.name
    role = speech.role or speaker.role
    if role and role.lower() not in name.lower():
        name = f"{name}, {role}"
    return name


def short_name(debate: m.Debate, speech: m.Speech) -> str:
    speaker = debate.speaker(speech.speaker)
    if speaker is None:
        return speech.label or "Unknown speaker"
    return speaker.name


KIND_LABELS = {
    m.SpeechKind.SPEECH: "Speech",
    m.SpeechKind.INTERVENTION: "Intervention",
    m.SpeechKind.QUESTION: "Question",
    m.SpeechKind.ANSWER: "Answer",
    m.SpeechKind.STATEMENT: "Statement",
    m.SpeechKind.POINT_OF_ORDER: "Point of order",
}


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
