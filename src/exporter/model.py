"""The debate model: what every reader produces and composing consumes.

Plain, immutable data with no I/O and no knowledge of any input or output format.
Optional facts are ``None`` when the record does not give them: nothing here is
ever invented by a reader to fill a gap.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Union


class SpeechKind(str, Enum):
    SPEECH = "speech"
    INTERVENTION = "intervention"
    QUESTION = "question"
    ANSWER = "answer"
    STATEMENT = "statement"
    POINT_OF_ORDER = "point_of_order"


class ProceduralKind(str, Enum):
    CHAIR = "chair"  # the chair's remarks and rulings ("Order.")
    DECISION = "decision"  # "Question put and agreed to."
    MOTION = "motion"  # the text of a motion or amendment
    INTERRUPTION = "interruption"  # applause, laughter, a sitting suspended
    NOTE = "note"  # editorial notes in the record
    TIME = "time"  # a bare time stamp in the record
    OTHER = "other"


class ParagraphStyle(str, Enum):
    BODY = "body"
    QUOTE = "quote"  # quoted matter, indented in the record
    MOTION = "motion"  # motion text within a speech


@dataclass(frozen=True)
class Run:
    """A stretch of text with one set of inline properties."""

    text: str
    emphasis: bool = False
    strong: bool = False
    superscript: bool = False
    link: str | None = None  # an external URL
    lang: str | None = None  # BCP 47 tag when it differs from the debate's language


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: ParagraphStyle = ParagraphStyle.BODY
    lang: str | None = None  # when the whole paragraph is in another language

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


class HeaderScope(str, Enum):
    """What a header cell labels (HTML ``scope``, ISO 32000 ``Scope``)."""

    COLUMN = "column"
    ROW = "row"
    BOTH = "both"


@dataclass(frozen=True)
class TableCell:
    """A cell as the record gives it: its paragraphs (none when empty), how many columns and
    rows it spans, and, for a header cell, what it labels (None: a data cell)."""

    paragraphs: tuple[Paragraph, ...] = ()
    colspan: int = 1
    rowspan: int = 1
    header: HeaderScope | None = None

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.paragraphs)

    @property
    def runs(self) -> tuple[Run, ...]:
        return tuple(run for p in self.paragraphs for run in p.runs)


@dataclass(frozen=True)
class Table:
    """A table inside a speech (a schedule, a list of amendments, written-answer figures).

    Rows of cells as the record gives them, spans included (``exporter.tables.grid`` lays
    them out); the first ``header_rows`` rows are the table's column headings, as the
    record marks or plainly shows them; a body cell with a ``header`` scope labels its row.
    A table whose record shows no header has ``header_rows`` 0 and no header cells.
    """

    rows: tuple[tuple[TableCell, ...], ...]
    header_rows: int = 0
    caption: str | None = None

    @property
    def text(self) -> str:
        return " ".join(cell.text for row in self.rows for cell in row)


@dataclass(frozen=True)
class ListEntry:
    """One item of a list: its paragraphs, and its label as printed ("1.", "(a)") when the
    record gives one (a ``<dt>`` of a definition list)."""

    paragraphs: tuple[Paragraph, ...]
    label: str | None = None


@dataclass(frozen=True)
class ListBlock:
    """A list the record marks as one (``<dl>``, ``<ul>``, ``<ol>``), item by item."""

    items: tuple[ListEntry, ...]
    ordered: bool = False

    @property
    def text(self) -> str:
        return " ".join(
            " ".join(part for part in (item.label, *(p.text for p in item.paragraphs)) if part)
            for item in self.items
        )


Block = Union[Paragraph, Table, ListBlock]


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    constituency: str | None = None
    party: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Speech:
    id: str | None
    speaker: str | None  # a Speaker.id, or None when the record names no member
    paragraphs: tuple[Block, ...]
    kind: SpeechKind = SpeechKind.SPEECH
    label: str | None = None  # the name as printed, when there is no speaker id
    role: str | None = None  # the office spoken in, when it differs from the speaker's
    time: str | None = None  # "HH:MM" or "HH:MM:SS", 24-hour, normalised by the reader
    column: str | None = None  # as printed: "98", "98WH", "WA12"
    url: str | None = None
    lang: str | None = None
    number: str | None = None  # the question's number as printed (an oral question, a UIN)
    chair: bool = False  # the record marks the speaker as in the chair (ParlaMint ana="#chair")
    guest: bool = False  # the record marks the speaker as a guest, not a member (ParlaMint ana="#guest")


@dataclass(frozen=True)
class Procedural:
    paragraphs: tuple[Block, ...]
    kind: ProceduralKind = ProceduralKind.OTHER
    id: str | None = None
    time: str | None = None
    column: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Vote:
    name: str
    side: str  # the lobby as the record names it: "aye", "no", "content", "not-content"
    speaker: str | None = None
    teller: bool = False
    proxy: str | None = None  # who cast a proxy vote for this member, as recorded


@dataclass(frozen=True)
class Count:
    side: str
    value: int


@dataclass(frozen=True)
class Division:
    counts: tuple[Count, ...]
    votes: tuple[Vote, ...] = ()
    id: str | None = None
    number: str | None = None
    time: str | None = None
    column: str | None = None
    url: str | None = None
    description: tuple[Block, ...] = ()  # the question, and the result as recorded


@dataclass(frozen=True)
class Section:
    """A part of the sitting. ``title`` is its heading as the record gives it, or ``""``
    for a section the record leaves unnamed (no heading is shown for it, none invented)."""

    title: str
    items: tuple[Item, ...]
    id: str | None = None
    chair: str | None = None  # the chair's name ("Mr. Joe Benton"; see chair_name), apart from the title
    time: str | None = None
    column: str | None = None
    url: str | None = None


Item = Union[Speech, Procedural, Division, Section]


@dataclass(frozen=True)
class Source:
    publisher: str | None = None
    url: str | None = None
    volume: str | None = None
    licence: str | None = None
    reference: str | None = None  # the record's own identifier (a gid, an ExtId, a FRBR URI)
    citation: str | None = None  # a citation as the record gives it, if it gives one
    # the columns the record states the whole debate is printed in, first and last, as
    # columns are printed ("300" and "313" from historic Hansard's "cc300-13")
    first_column: str | None = None
    last_column: str | None = None
    superseded: bool = False  # the record says a later version of it exists
    successor: str | None = None  # that later version, when it can be named (a file, a reference)


@dataclass(frozen=True)
class Debate:
    # as the record gives it; "" when it gives none (the briefing is then titled from the house
    # and date in the interface's language: exporter.compose.names.debate_title)
    title: str
    sections: tuple[Section, ...]
    speakers: tuple[Speaker, ...] = ()
    date: dt.date | None = None
    house: str | None = None  # "House of Commons", "House of Lords", "National Assembly"
    location: str | None = None  # "Westminster Hall", "Commons Chamber"
    chair: str | None = None  # the chair's name (see chair_name)
    department: str | None = None
    # BCP 47, as the record gives it; None when it does not say (the composer then takes the
    # parliament's language or identifies it from the text: exporter.language)
    language: str | None = None
    source: Source = field(default_factory=Source)
    summary: tuple[Paragraph, ...] = ()  # an editorial summary written by a person
    profile: str | None = None  # the parliament profile's key (exporter.parliaments), set by the reader
    bill: str | None = None  # the bill a committee sitting considered, as the record names it
    committee: str | None = None  # a committee's designation in its citation ("A" of Standing Committee A)

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        if speaker_id is None:
            return None
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        return None


_CHAIR_NOTE = re.compile(
    r"^\s*[\[(]?\s*(?P<name>.*?)\s*(?:\bin\s+the\s+chair\b)?\s*[\])]?[\s.]*$", re.IGNORECASE | re.DOTALL
)


def chair_name(note: str) -> str:
    """The chair's name from the record's chair note, as ``Section.chair`` and
    ``Debate.chair`` hold it: "[Mr. Joe Benton in the Chair]" -> "Mr. Joe Benton"; a
    name alone stays as it is. White space is collapsed; "" when the note names no one."""
    match = _CHAIR_NOTE.match(note)
    name = match.group("name") if match else note
    return " ".join(name.split())


def walk_items(items: tuple[Item, ...]) -> list[Item]:
    """Every item in reading order, descending into nested sections."""
    found: list[Item] = []
    for item in items:
        found.append(item)
        if isinstance(item, Section):
            found.extend(walk_items(item.items))
    return found


def speeches(debate: Debate) -> list[Speech]:
    return [item for item in walk_items(debate.sections) if isinstance(item, Speech)]


def block_runs(block: Block) -> tuple[Run, ...]:
    """Every run of a block, in reading order (a list item's label as a run of its own)."""
    if isinstance(block, Paragraph):
        return block.runs
    if isinstance(block, ListBlock):
        runs: list[Run] = []
        for item in block.items:
            if item.label:
                runs.append(Run(item.label))
            runs.extend(run for paragraph in item.paragraphs for run in paragraph.runs)
        return tuple(runs)
    return tuple(run for row in block.rows for cell in row for run in cell.runs)
