"""Debate text copied from a web page: Hansard, historic Hansard, Parallel Parliament
(debate pages, Ministerial Extracts, an MP's debates page) and TheyWorkForYou.

A copy holds a title, the sitting's details, speaker lines and the paragraphs of each
speech, mixed with the site's furniture; :mod:`text_lines` tells the lines apart. Here:

- the **title** is the debate's: the last heading-like line before the sitting's details
  (an MP's debates page names itself first, the debate after); a copy with none is left
  untitled, and the briefing names it from its house and date;
- text before the first speaker line is kept as the debate's **introduction** (a motion
  read out, a notice), never dropped;
- a **speaker line** starts a speech; "Mr. Hanson" alone is the member named in full
  earlier ("Mr. David Hanson (Delyn)") when exactly one such member spoke, otherwise a
  speaker of their own; a name alone that is a member's already given in full
  ("Martin Vickers" after "Martin Vickers (Brigg and Immingham) (Con)", "Chris McDonald"
  after "The Minister for Industry (Chris McDonald)") is a new speech by that member;
- in the Lords (the house the text names; the parliament's profile says its members sit
  for no constituency) the bracket after a name is the party: "Lord Henley (Con)";
  "The Parliamentary Under-Secretary of State, Ministry of Justice (Lord Bach) (Lab)" is
  Lord Bach, Labour, speaking in that office, one speaker with "Lord Bach (Lab)";
- a line where the layout puts a speaker line but which cannot be read as one (also a
  name alone that is no member's given in full) is **warned about and kept as text**, and
  the words after it are given to no one until the next speaker line: words are never
  given to the wrong member;
- a line in the **record's procedural formulas** of the house (the profile's
  ``procedure``: "Question put and agreed to.", "On Question, Bill read a second time",
  "[Interruption.]") is the record's, not the last speaker's; after an interruption the
  same member speaks on;
- an oral question read from the order paper ("1. What steps …") is a question with its
  number, and the next member's speech its answer;
- historic Hansard's reference ("HC Deb 16 January 2001 vol 361 cc300-13") gives the
  house, date, volume and the columns of the whole debate (300 to 313); a bare column
  number between paragraphs marks where the following speeches are printed. A copy
  without such marks gives no speech a column: where a speech is printed is not known.

Nothing is invented: a fact the text does not give stays unset.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from exporter import parliaments
from exporter.cleaning import Cleaning, needs_cleaning
from exporter.diagnostics import Reporter
from exporter.errors import InputError, UnknownFormatError
from exporter.json_yaml import decode
from exporter.model import (
    Debate,
    Paragraph,
    Procedural,
    ProceduralKind,
    Run,
    Section,
    Source,
    Speaker,
    Speech,
    SpeechKind,
)
from exporter.options import ReadOptions
from exporter.readers import text_lines as tl


@dataclass
class _Draft:
    speaker: str | None  # None: words of no one's (after a speaker line that could not be read)
    office: str | None
    time: str | None
    column: str | None
    lines: list[str] = field(default_factory=list)
    kind: str | None = None  # for words of no one's: the procedural kind its formula says
    resumed: bool = False  # the member speaking on after an interruption


@dataclass
class _Sitting:
    title: str = ""
    date: dt.date | None = None
    house: str | None = None
    location: str | None = None
    department: str | None = None
    chair: str | None = None
    volume: str | None = None
    citation: str | None = None
    url: str | None = None
    columns: tuple[int, int] | None = None  # the range a historic reference gives
    first_column: str | None = None  # that range, as columns are printed
    last_column: str | None = None
    column_mark: str = ""
    time: str | None = None  # a time printed before the first speech


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    text = decode(data, source)  # UTF-8, or UTF-16 or UTF-32 with a byte order mark
    text = _cleaned(text, reporter)
    # web copies put no-break spaces in dates and notices
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    if not any(lines):
        raise InputError("the file is empty", source)
    following = _following(lines)
    first_speaker = _first_speaker(lines, following)
    sitting = _Sitting()
    intro = _preamble(lines[: len(lines) if first_speaker is None else first_speaker], sitting, source)
    if first_speaker is None:
        # Not debate text at all (a licence, notes): a folder walk skips it rather than failing.
        raise UnknownFormatError("no speaker lines found (expected e.g. 'Name (Constituency) (Party)')", source)
    speakers: dict[str, Speaker] = {}
    drafts = _speeches(lines, first_speaker, following, sitting, speakers, reporter, source)
    items: list[Speech | Procedural] = []
    if intro:
        items.append(Procedural(tuple(Paragraph((Run(line),)) for line in intro), ProceduralKind.NOTE, "introduction"))
    items.extend(_items(drafts))
    # the page's own title; a copy without one is titled by the briefing, from its house and
    # date in the interface's language (exporter.compose.names.debate_title)
    title = sitting.title
    return Debate(
        title=title,
        date=sitting.date,
        house=sitting.house,
        location=sitting.location,
        chair=sitting.chair,
        department=sitting.department,
        speakers=tuple(speakers.values()),
        sections=(Section(title=title, items=tuple(items), chair=sitting.chair),),
        source=Source(
            publisher="UK Parliament (Hansard)" if sitting.house else None,
            url=sitting.url,
            volume=sitting.volume,
            licence="Open Parliament Licence v3.0" if sitting.house else None,
            citation=sitting.citation,
            first_column=sitting.first_column,
            last_column=sitting.last_column,
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


def _following(lines: list[str]) -> list[str | None]:
    """For each line, the next non-empty line (or None)."""
    found: list[str | None] = [None] * len(lines)
    upcoming: str | None = None
    for index in range(len(lines) - 1, -1, -1):
        found[index] = upcoming
        if lines[index]:
            upcoming = lines[index]
    return found


def _is_furniture(line: str) -> bool:
    return any(pattern.match(line) for pattern in tl.FURNITURE)


def _first_speaker(lines: list[str], following: list[str | None]) -> int | None:
    for index, line in enumerate(lines):
        if line and not _is_furniture(line) and not _fact(line) and tl.read_speaker_line(line, following[index]):
            return index
    return None


def _fact(line: str) -> bool:
    return bool(
        tl.dated_line(line)
        or tl.REFERENCE.match(line)
        or line.lower() in tl.LOCATIONS
        or tl.DEPARTMENT.match(line)
        or tl.CHAIR_NOTE.match(line)
        or tl.TIME.match(line)
        or tl.URL.match(line)
    )


def _preamble(lines: list[str], sitting: _Sitting, source: str) -> list[str]:
    """Read the sitting's details and title from the lines before the first speaker; the
    rest is the introduction."""
    headings: list[tuple[int, str]] = []  # heading-like lines, by position
    first_fact: int | None = None
    kept: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line or _is_furniture(line) or tl.PAGE_TITLE.match(line):
            continue
        if _detail(line, sitting, source, number):
            first_fact = first_fact or number
            continue
        if _heading_like(line):
            headings.append((number, line))
        kept.append((number, line))
    before = [h for h in headings if first_fact is None or h[0] < first_fact]
    chosen = (before[-1] if before else headings[0]) if headings else None
    if chosen is not None:
        sitting.title = re.sub(r"\s+Debate$", "", chosen[1])
    same = {sitting.title.lower(), f"{sitting.title} debate".lower()}
    return [
        line
        for number, line in kept
        if line.lower() not in same and not (chosen and number < chosen[0] and (number, line) in headings)
    ]


def _heading_like(line: str) -> bool:
    return len(line) <= 150 and not re.search(r"[.?!:;,]$", line) and not line.startswith(("(", "["))


def _detail(line: str, sitting: _Sitting, source: str, number: int) -> bool:
    """Take a sitting's detail from the line; False if it gives none."""
    if dated := tl.dated_line(line):
        match, offset, volume, place = dated
        if sitting.date is None:
            sitting.date = _date(match, offset, source, number)
        sitting.volume = sitting.volume or volume
        if place:
            sitting.house, sitting.location = tl.LOCATIONS[place.lower()]
        return True
    if found := tl.REFERENCE.match(line):
        _reference(found, sitting, source, number)
        return True
    if line.lower() in tl.LOCATIONS:
        if sitting.location is None:
            sitting.house, sitting.location = tl.LOCATIONS[line.lower()]
        return True
    if found := tl.DEPARTMENT.match(line):
        sitting.department = found.group(1).strip()
        return True
    if found := tl.CHAIR_NOTE.match(line):
        sitting.chair = sitting.chair or found["name"]
        return True
    if tl.URL.match(line):
        sitting.url = sitting.url or line
        return True
    if found := tl.TIME.match(line):
        sitting.time = tl.clock(found)
        return True
    return False


def _reference(found: re.Match[str], sitting: _Sitting, source: str, number: int) -> None:
    """Historic Hansard's reference: house, date, volume, columns (and the series they mark)."""
    sitting.citation = sitting.citation or found.group(0)
    sitting.house = sitting.house or ("House of Commons" if found["house"].upper() == "HC" else "House of Lords")
    day = tl.DATE.match(found["date"])
    if day and sitting.date is None:
        sitting.date = _date(day, 1, source, number)
    sitting.volume = sitting.volume or found["volume"]
    mark = (found["prefix"] or found["suffix"] or "").upper()
    sitting.column_mark = mark
    if mark in tl.COLUMN_SERIES and sitting.location is None:
        sitting.location = tl.COLUMN_SERIES[mark]
    first = int(found["first"])
    last_text = found["last"] or found["first"]
    # "cc300-13": the second number drops the digits it shares with the first
    last = int(str(first)[: max(0, len(str(first)) - len(last_text))] + last_text)
    sitting.columns = (first, max(first, last))
    # as the column marks are read (citations put a series mark where the series prints it)
    sitting.first_column, sitting.last_column = (f"{number}{mark}" for number in sitting.columns)


@dataclass(frozen=True)
class _House:
    """What the house's profile says about reading its text: whether a bracket after a
    member's name can be a constituency, and the record's procedural formulas."""

    seats: bool
    procedure: tuple[parliaments.Formula, ...]


def _house(sitting: _Sitting) -> _House:
    """The house's reading rules; for a copy that names no house, those of every house
    (a formula of one house is no member's words in another)."""
    profile = parliaments.match(sitting.house, sitting.location)
    if profile is not None:
        return _House(profile.seats, profile.procedure)
    every = {formula: None for each in parliaments.PROFILES for formula in each.procedure}
    return _House(True, tuple(every))


def _speeches(
    lines: list[str],
    start: int,
    following: list[str | None],
    sitting: _Sitting,
    speakers: dict[str, Speaker],
    reporter: Reporter,
    source: str,
) -> list[_Draft]:
    drafts: list[_Draft] = []
    house = _house(sitting)
    time = sitting.time
    # the reference's first column is where the first speech is printed only when the copy
    # keeps the column marks; without them no speech's column is known
    marks = any(_column_mark(line, sitting) is not None for line in lines[start:])
    column = sitting.first_column if marks else None
    skip_line = False  # the next non-empty line belongs to the speaker line before it
    offices: dict[str, set[str]] = {}  # an office printed with a member's name: who held it
    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        if not line:
            continue
        if skip_line:
            skip_line = False
            continue
        if (cited := tl.citation_column(line)) and drafts and drafts[-1].column is None:
            drafts[-1].column = cited
            continue
        if _is_furniture(line):
            continue
        if found := tl.TIME.match(line):
            time = tl.clock(found)
            continue
        if found := tl.CHAIR_NOTE.match(line):
            sitting.chair = sitting.chair or found["name"]
            drafts.append(_Draft(None, None, None, None, [line]))
            continue
        if (marked := _column_mark(line, sitting)) is not None:
            column = marked
            continue
        member, office = _member_named(line, speakers, offices)
        speaker_line = None if member else tl.read_speaker_line(line, following[index], house.seats)
        if member is not None or speaker_line is not None:
            speaker = member or _speaker(speaker_line, speakers, reporter, number)  # type: ignore[arg-type]
            office = speaker_line.office if speaker_line else office
            if office and speaker.name != office and not tl.is_chair_title(office):
                offices.setdefault(office, set()).add(speaker.id)
            drafts.append(_Draft(speaker.id, office, time, column))
            time = None
            below = following[index] or ""
            # TheyWorkForYou's party-and-seat or office line under the name is part of the speaker line
            skip_line = speaker_line is not None and (
                (speaker_line.party is not None and tl.is_party_line(below))
                or (speaker_line.office == below and tl.is_office_line(below))
            )
            continue
        if kind := tl.procedural(line, house.procedure):
            # "Question put and agreed to.": the record's, not the last speaker's words
            speaking = drafts[-1].speaker if drafts else None
            drafts.append(_Draft(None, None, None, column, [line], kind))
            if kind == ProceduralKind.INTERRUPTION.value and speaking is not None:
                drafts.append(_Draft(speaking, None, None, column, resumed=True))  # the member speaks on
            continue
        if tl.speaker_like(line, following[index]) or tl.bare_name(line) or tl.is_office_line(line):
            reporter.warn(
                "TEXT_SPEAKER_LINE_UNREAD",
                f'"{line[:80]}" stands where a speaker line would but cannot be read as one '
                "(or names no member, or office, given with a member's name before it): kept as text, "
                "and the words after it are given to no one until the next speaker line",
                f"line {number}",
            )
            drafts.append(_Draft(None, None, time, column, [line]))
            continue
        if not drafts:
            drafts.append(_Draft(None, None, time, column))
        drafts[-1].lines.append(line)
    return [draft for draft in drafts if draft.lines or not draft.resumed]


def _member_named(
    line: str, speakers: dict[str, Speaker], offices: dict[str, set[str]]
) -> tuple[Speaker | None, str | None]:
    """The member a line names alone when they were given in full before it, exactly as
    printed: by name ("Martin Vickers" after "Martin Vickers (Brigg and Immingham) (Con)"),
    or by an office printed before with one member's name and no other's ("The Prime
    Minister" after "The Prime Minister (Keir Starmer)"; not the chair's title), with the
    office it names."""
    printed = line.rstrip(":").strip()
    holders = offices.get(printed, set())
    if len(holders) == 1:
        return speakers.get(next(iter(holders))), printed
    name = tl.bare_name(line)
    named = [speaker for speaker in speakers.values() if speaker.name == name]
    return (named[0] if name is not None and len(named) == 1 else None), None


def _column_mark(line: str, sitting: _Sitting) -> str | None:
    """A bare column number inside the range a historic reference gives."""
    found = tl.COLUMN.match(line)
    if sitting.columns is None or found is None:
        return None
    number = int(found.group(1))
    first, last = sitting.columns
    return f"{number}{sitting.column_mark}" if first <= number <= last else None


def _speaker(line: tl.SpeakerLine, speakers: dict[str, Speaker], reporter: Reporter, number: int) -> Speaker:
    """The speaker a line names: a bare "Mr. Hanson" is the one member of that surname named
    in full earlier, else a speaker of their own."""
    if line.short:
        surname = line.name.split()[-1].lower()
        matches = [
            s for s in speakers.values() if s.id != line.key and s.name.split()[-1].lower() == surname
        ]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            reporter.warn(
                "TEXT_SPEAKER_AMBIGUOUS",
                f'"{line.name}" could be any of {", ".join(s.name for s in matches)}: shown as printed',
                f"line {number}",
            )
    known = speakers.get(line.key)
    if known is None:
        known = speakers[line.key] = Speaker(line.key, line.name, line.constituency, line.party)
    elif (line.constituency and not known.constituency) or (line.party and not known.party):
        known = speakers[line.key] = Speaker(
            known.id, known.name, known.constituency or line.constituency, known.party or line.party
        )
    return known


def _items(drafts: list[_Draft]) -> list[Speech | Procedural]:
    """Speeches, and words of no one's as text. An oral question from the order paper ("1.
    What steps …") is a question with its number; then, while the same two members
    alternate, the asker's supplementaries are questions and the other's replies answers."""
    items: list[Speech | Procedural] = []
    pair: tuple[str, str | None] | None = None  # (asker, answerer) of the exchange under way
    for draft in drafts:
        paragraphs = tuple(Paragraph((Run(text),)) for text in draft.lines)
        if draft.speaker is None:
            # a formula's kind holds for its own line only; words of no one's after it are other text
            procedure = ProceduralKind(draft.kind) if draft.kind and len(draft.lines) == 1 else ProceduralKind.OTHER
            if paragraphs:
                items.append(Procedural(paragraphs, procedure, time=draft.time, column=draft.column))
            continue
        kind, number = SpeechKind.SPEECH, None
        if found := tl.QUESTION.match(draft.lines[0] if draft.lines else ""):
            kind, number, pair = SpeechKind.QUESTION, found["number"], (draft.speaker, None)
        elif pair is not None and pair[1] is None and draft.speaker != pair[0]:
            kind, pair = SpeechKind.ANSWER, (pair[0], draft.speaker)
        elif pair is not None and draft.speaker in pair:
            kind = SpeechKind.QUESTION if draft.speaker == pair[0] else SpeechKind.ANSWER
        else:
            pair = None
        items.append(
            Speech(
                id=f"speech-{sum(isinstance(i, Speech) for i in items) + 1}",
                speaker=draft.speaker,
                paragraphs=paragraphs,
                kind=kind,
                role=draft.office,
                time=draft.time,
                column=draft.column,
                number=number,
            )
        )
    return items


def _date(match: re.Match[str], offset: int, source: str, number: int) -> dt.date:
    try:
        return tl.sitting_date(match, offset)
    except ValueError:
        raise InputError(f'"{match.group(0)}" is not a real date', source, f"line {number}") from None
