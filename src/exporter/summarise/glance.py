"""At a glance: the facts of a sitting that a reader wants before reading any of it.

Only what the record states is given; anything it lacks is ``None``. These are data: the
briefing words them in the interface's language (exporter.compose.glance). Counting rules:

- a contribution is one speech, whether its speaker came by id or only by printed name
  ("Father Paul Kelly", "Several hon. Members"), as the Speakers table counts them;
- the speakers are the members identified by id and the names printed for the others, one
  each, as the Speakers table lists them;
- words are the words of those speeches, quotations and tables included;
- the times recorded run from the first time stamp (in reading order) to the latest; a
  stamp earlier than the one before is taken to have passed midnight (once) only when the
  one before is in the evening (18:00 or later) and it is early in the morning (before
  09:00): a second venue's morning (Australia's Main Committee after the Chamber) is not a
  new day. These are the first and last times the record gives, not the sitting's: its
  last stamp is that of its last speech, not of the adjournment;
- when the sitting began and adjourned is given only as the record states it
  (exporter.summarise.sitting_times), and the duration only when it states both: from
  those two times, suspensions included (``suspended`` says the record notes one).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from exporter import parliaments
from exporter.language.segment import count_words
from exporter.model import (
    Debate,
    Division,
    Item,
    Procedural,
    Section,
    Speech,
    block_runs,
    chair_name,
    walk_items,
)
from exporter.summarise import roles
from exporter.summarise.sitting_times import stated_times

NO_PARTY = "No party in the record"

_EVENING = 18 * 3600  # a stamp after one this late, and before _EARLY, is past midnight
_EARLY = 9 * 3600
_TIME = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")


@dataclass(frozen=True)
class PartyRow:
    party: str
    speakers: int
    contributions: int
    words: int


@dataclass(frozen=True)
class AtAGlance:
    date: dt.date | None
    house: str | None
    location: str | None
    chairs: tuple[str, ...]  # everyone who chaired, by name, in the order they took the chair
    start: str | None  # "HH:MM", the first time recorded (a time stamp)
    end: str | None  # "HH:MM", the latest time recorded
    duration_minutes: int | None  # from the sitting's start to its adjournment, both as stated
    speakers: int
    contributions: int
    words: int
    parties: tuple[PartyRow, ...]  # most contributions first
    began: str | None = None  # "HH:MM", when the record says the sitting began ("met at 10.02 am")
    adjourned: str | None = None  # "HH:MM", when it says the sitting adjourned ("adjourned at 2.45 pm")
    suspended: bool = False  # the record says the sitting was suspended (the duration includes it)

    @property
    def chair(self) -> str | None:
        """The first to take the chair."""
        return self.chairs[0] if self.chairs else None


def glance(debate: Debate) -> AtAGlance:
    items = walk_items(debate.sections)
    speeches = [item for item in items if isinstance(item, Speech)]
    start, end = _span(items)
    stated = stated_times(
        items,
        {
            index: seconds
            for index, item in enumerate(items)
            if isinstance(item, Procedural) and (seconds := _seconds(item.time)) is not None
        },
    )
    duration = _duration(stated.began, stated.adjourned)
    by_party: dict[str, tuple[set[str], int, int]] = {}
    total_words = 0
    for speech in speeches:
        speaker = debate.speaker(speech.speaker)
        party = (speaker.party if speaker else None) or NO_PARTY
        words = sum(count_words(run.text) for block in speech.paragraphs for run in block_runs(block))
        members, contributions, party_words = by_party.get(party, (set(), 0, 0))
        members.add(_who(speech))
        by_party[party] = (members, contributions + 1, party_words + words)
        total_words += words
    rows = sorted(
        (PartyRow(party, len(members), count, words) for party, (members, count, words) in by_party.items()),
        key=lambda row: (-row.contributions, -row.words, row.party == NO_PARTY, row.party),
    )
    return AtAGlance(
        date=debate.date,
        house=debate.house,
        location=debate.location,
        chairs=_chairs(debate, items),
        start=start,
        end=end,
        duration_minutes=duration,
        speakers=len({_who(speech) for speech in speeches}),
        contributions=len(speeches),
        words=total_words,
        parties=tuple(rows),
        began=_clock(stated.began) if stated.began is not None else None,
        adjourned=_clock(stated.adjourned) if stated.adjourned is not None else None,
        suspended=stated.suspended,
    )


def _who(speech: Speech) -> str:
    """One key per speaker: the id, else the printed name (as the Speakers table lists them)."""
    return f"id:{speech.speaker}" if speech.speaker is not None else f"name:{speech.label or ''}"


def _chairs(debate: Debate, items: list[Item]) -> tuple[str, ...]:
    """Everyone the chair notes name (the sitting's, then each section's), by name; when no
    note names anyone, those who spoke from the chair, as the record names them."""
    notes = [debate.chair, *(item.chair for item in items if isinstance(item, Section))]
    named = [name for note in notes if note and (name := chair_name(note))]
    if not named:
        titles = parliaments.profile_of(debate).chair_titles  # the chair's office, in the record's language
        named = [
            name
            for item in items
            if isinstance(item, Speech)
            and roles.is_chair(debate.speaker(item.speaker), item, chair_titles=titles)
            and (name := roles.display_name(debate.speaker(item.speaker), item))
        ]
    return tuple(dict.fromkeys(named))


def _span(items: list[Item]) -> tuple[str | None, str | None]:
    """The first time recorded and the latest (past midnight where the stamps say so)."""
    stamps = [
        seconds
        for item in items
        if isinstance(item, (Speech, Procedural, Division, Section))
        and (seconds := _seconds(item.time)) is not None
    ]
    if not stamps:
        return None, None
    unwrapped: list[int] = []
    offset = 0
    for stamp in stamps:
        if unwrapped and not offset and unwrapped[-1] >= _EVENING > stamp and stamp < _EARLY:
            offset = 86400  # past midnight
        unwrapped.append(stamp + offset)
    return _clock(unwrapped[0]), _clock(max(unwrapped))


def _duration(began: int | None, adjourned: int | None) -> int | None:
    """Minutes from the stated start to the stated adjournment; an adjournment earlier on the
    clock than the start is after midnight."""
    if began is None or adjourned is None:
        return None
    return round(((adjourned - began) % 86400) / 60)


def _seconds(time: str | None) -> int | None:
    match = _TIME.match(time or "")
    if match is None:
        return None
    hours, minutes, seconds = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        return None
    return hours * 3600 + minutes * 60 + seconds


def _clock(seconds: int) -> str:
    seconds %= 86400
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
