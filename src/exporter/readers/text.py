"""Debate text copied from a web page (Hansard, Parallel Parliament, TheyWorkForYou).

What a copy holds: a title line, a few lines of sitting details (department, date,
location), speaker lines and the paragraphs of each speech, mixed with the site's
furniture. Speaker lines come in the forms these sites print::

    Kim Leadbeater Portrait Kim Leadbeater (Batley and Spen) (Lab)
    Rachel Maclean Portrait The Parliamentary Under-Secretary of State for the Home Department (Rachel Maclean)
    Kim Leadbeater (Batley and Spen) (Lab)
    The Minister for Safeguarding (Rachel Maclean):

Site furniture ("- Hansard - -", "Read Full debate", the Parallel Parliament notice,
share links) is dropped. Nothing is invented: a fact the text does not give stays unset.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from exporter.cleaning import Cleaning, needs_cleaning
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.model import Debate, Paragraph, Run, Section, Source, Speaker, Speech
from exporter.options import ReadOptions
from exporter.readers.parties import expand_party

_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_DATE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})$",
    re.I,
)
_LOCATIONS = {
    "westminster hall": ("House of Commons", "Westminster Hall"),
    "commons chamber": ("House of Commons", "Commons Chamber"),
    "lords chamber": ("House of Lords", "Lords Chamber"),
    "grand committee": ("House of Lords", "Grand Committee"),
}
_FURNITURE = (
    re.compile(r"^-?\s*Hansard\s*(-\s*)*$"),
    re.compile(r"^Full Debate:.*$", re.I),
    re.compile(r"^Read Full debate\b.*$", re.I),
    re.compile(r"^.+ Excerpts$"),
    re.compile(r"^\(\d+ (?:years?|months?|days?|weeks?)(?:, \d+ (?:years?|months?|days?|weeks?))* ago\)$"),
    re.compile(r"^This information is provided by Parallel Parliament\b.*$", re.I),
    re.compile(r"^Westminster Hall is an alternative Chamber for MPs\b.*$", re.I),
    re.compile(r"^Each debate is chaired by an MP from the Panel of Chairs\b.*$", re.I),
    re.compile(
        r"^(Share|Copy link|Share this (specific )?contribution|Link to this (debate|speech)|Hansard)$", re.I
    ),
    re.compile(r"^(View all|Read) .* contributions?$", re.I),
)
_DEPARTMENT = re.compile(r"^Department:\s*(.+)$", re.I)
_PORTRAIT = re.compile(r"^(?P<short>.+?) Portrait (?P<rest>.+)$")
_MEMBER = re.compile(r"^(?P<name>[^()]+?) \((?P<constituency>[^()]+)\) \((?P<party>[^()]+)\):?$")
_OFFICE = re.compile(r"^(?P<office>(?:The|Madam|Mr|Mrs|Ms|Dame|Sir)\b[^()]*?) \((?P<name>[^()]+)\):?$")
_CHAIR_NOTE = re.compile(r"^\[(?P<name>.+) in the Chair\]$")
_TIME = re.compile(r"^(\d{1,2})[.:](\d{2})\s*(am|pm)?$", re.I)


@dataclass
class _Draft:
    speaker: str | None
    role: str | None
    time: str | None
    lines: list[str] = field(default_factory=list)


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text (byte {err.start})", source) from None
    text = _cleaned(text, reporter)
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    title_index = next((i for i, line in enumerate(lines) if line), None)
    if title_index is None:
        raise InputError("the file is empty", source)
    title = re.sub(r"\s+Debate$", "", " ".join(lines[title_index].split()))

    date: dt.date | None = None
    house = location = department = chair = None
    speakers: dict[str, Speaker] = {}
    drafts: list[_Draft] = []
    pending_time: str | None = None

    for number, raw in enumerate(lines[title_index + 1 :], start=title_index + 2):
        line = " ".join(raw.split())  # web copies put no-break spaces in dates and notices
        if not line or any(pattern.match(line) for pattern in _FURNITURE):
            continue
        if line == title and not drafts:
            continue
        if (match := _DEPARTMENT.match(line)) and not drafts:
            department = match.group(1).strip()
            continue
        if (match := _DATE.match(line)) and date is None:
            date = _date(match, source, number)
            continue
        if line.lower() in _LOCATIONS and location is None:
            house, location = _LOCATIONS[line.lower()]
            continue
        if match := _CHAIR_NOTE.match(line):
            chair = match.group("name")
            continue
        if match := _TIME.match(line):
            pending_time = _time(match)
            continue
        if found := _speaker_line(line):
            speaker, role = found
            speakers.setdefault(speaker.id, speaker)
            drafts.append(_Draft(speaker.id, role, pending_time))
            pending_time = None
            continue
        if not drafts:
            if date is None and location is None:
                continue  # preamble text we cannot place: not part of the debate
            raise InputError(f'text before the first speaker line: "{line[:60]}"', source, f"line {number}")
        drafts[-1].lines.append(raw)

    if not drafts:
        raise InputError("no speaker lines found (expected e.g. 'Name (Constituency) (Party)')", source)
    items = tuple(
        Speech(
            id=f"speech-{index}",
            speaker=draft.speaker,
            role=draft.role,
            time=draft.time,
            paragraphs=tuple(Paragraph((Run(text),)) for text in draft.lines),
        )
        for index, draft in enumerate(drafts, start=1)
    )
    return Debate(
        title=title,
        date=date,
        house=house,
        location=location,
        chair=chair,
        department=department,
        speakers=tuple(speakers.values()),
        sections=(Section(title=title, items=items, chair=chair),),
        source=Source(
            publisher="UK Parliament (Hansard)" if house else None,
            licence="Open Parliament Licence v3.0" if house else None,
        ),
    )


def _cleaned(text: str, reporter: Reporter) -> str:
    """Text without terminal escape sequences and characters XML cannot hold, line by line
    so that the warning names the line (a speaker line must be clean to be recognised)."""
    if not needs_cleaning(text):
        return text
    cleaning = Cleaning()
    lines = text.split("\n")
    cleaned = "\n".join(cleaning.clean(line, f"line {number}") for number, line in enumerate(lines, 1))
    cleaning.report(reporter)
    return cleaned


def _speaker_line(line: str) -> tuple[Speaker, str | None] | None:
    """A speaker line, as a speaker and the office spoken in; None if it is not one."""
    short = None
    if match := _PORTRAIT.match(line):
        short, line = match.group("short").strip(), match.group("rest").strip()
    if (match := _MEMBER.match(line)) and len(match.group("party")) <= 40:
        name = match.group("name").strip()
        speaker = Speaker(
            id=_slug(name),
            name=name,
            constituency=match.group("constituency").strip(),
            party=expand_party(match.group("party").strip()),
        )
        return speaker, None
    if match := _OFFICE.match(line):
        name = match.group("name").strip()
        if short is None and not line.endswith(":") and len(line) > 120:
            return None
        return Speaker(id=_slug(name), name=name), match.group("office").strip()
    if short is not None:
        return Speaker(id=_slug(short), name=short), None
    return None


def _date(match: re.Match[str], source: str, number: int) -> dt.date:
    day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(f'"{match.group(0)}" is not a real date', source, f"line {number}") from None


def _time(match: re.Match[str]) -> str:
    hour, minute, half = int(match.group(1)), int(match.group(2)), (match.group(3) or "").lower()
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "speaker"
