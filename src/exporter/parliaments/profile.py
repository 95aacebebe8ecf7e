"""What one parliament's series of records is: the data a parliament profile holds.

A profile is plain, frozen data. It names the parliament and the series (house and
place of sitting), who publishes the official record and under what licence, how the
record's columns are marked, which citation forms the parliament's records are cited in
(each naming where that form is set out), the addresses of the official record and how
to link an item of the record by its id. Readers choose a profile for each debate and
store its key in :attr:`exporter.model.Debate.profile`; citations and the briefing's
Sources section only read it. Nothing here does I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The layouts a citation form can take; each is written out by :mod:`exporter.citations`.
#: ``oscola`` ``HC Deb 28 October 2009, col 71WH``; ``short`` Hansard's own reference,
#: ``HC Deb 28 October 2009 c71WH``; ``harvard`` Cite Them Right's Hansard form;
#: ``aglc`` ``Commonwealth, Parliamentary Debates, Senate, 20 September 2007, 12 (Name)``;
#: ``official-report`` the Scottish Parliament's own ``Official Report, 28 October 2009;
#: c 20529``; ``neutral`` parliament, sitting, date, column and URL, for a parliament whose
#: own form could not be sourced.
STYLES = ("oscola", "short", "harvard", "aglc", "official-report", "neutral")

#: The words a briefing can call a contribution by (:func:`exporter.compose.names.kind_label`
#: writes each out in the interface's language): the name of each kind of speech in the debate
#: model (:class:`exporter.model.SpeechKind`), and "interjection", the Parliament of Australia's
#: word for a remark made while another member has the call, which Westminster's records call
#: an intervention (the Australian Hansard's own word, as OpenAustralia marks it:
#: ``talktype="interjection"``).
CONTRIBUTION_WORDS = (
    "speech",
    "intervention",
    "interjection",
    "question",
    "answer",
    "statement",
    "point_of_order",
)

#: What a citation's pinpoint is: the column, the page, the question's number, or none.
PINPOINTS = ("column", "page", "question", "none")

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Licence:
    """The terms the official record is published under.

    ``adaptation`` is whether the licence lets adapted material (a briefing with a
    summary and headings is one) be shared; ``attribution`` is the statement the licence
    asks re-users to print, when it asks for one.
    """

    name: str
    url: str
    adaptation: bool
    source: str  # where these terms are stated
    attribution: str | None = None


@dataclass(frozen=True)
class ColumnMark:
    """How a series marks its column numbers: ``WH`` after the number (``98WH``), or
    ``WA`` before it (``WA171``). A column printed with its mark keeps it; one printed
    bare gets the series' mark, once."""

    mark: str
    prefix: bool = False

    def printed(self, column: str) -> str:
        """``"98"`` -> ``"98WH"``; ``"98WH"`` stays ``"98WH"``; ``"171WA"`` -> ``"WA171"``."""
        text = column.strip()
        bare = text
        if bare.upper().startswith(self.mark):
            bare = bare[len(self.mark) :].strip()
        elif bare.upper().endswith(self.mark):
            bare = bare[: -len(self.mark)].strip()
        if not bare.isdigit():
            return text  # not a number we understand: kept as printed
        return f"{self.mark}{bare}" if self.prefix else f"{bare}{self.mark}"


@dataclass(frozen=True)
class CitationForm:
    """One way a parliament's records are cited.

    ``style`` is the layout (one of :data:`STYLES`); ``head`` the words that name the
    series in that layout, which may hold placeholders filled from the debate:
    ``{bill}`` (a committee's bill), ``{committee}`` (a committee's designation),
    ``{house}``, ``{location}``, ``{parliament}``. A form whose placeholders the record
    cannot fill is not used for that record. ``pinpoint`` says what points into the
    record (see :data:`PINPOINTS`); ``source`` names where the form is set out.
    """

    style: str
    head: str
    source: str
    pinpoint: str = "column"

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"unknown citation style {self.style!r}")
        if self.pinpoint not in PINPOINTS:
            raise ValueError(f"unknown pinpoint {self.pinpoint!r}")

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(_PLACEHOLDER.findall(self.head))

    def head_for(self, facts: dict[str, str | None]) -> str | None:
        """The head with its placeholders filled, or None when a fact is missing.

        The neutral form is never unusable: it is a list of parts separated by ", ", and a
        part whose fact the record lacks is left out, as is a part that repeats the one
        before it ("Scottish Parliament, Scottish Parliament")."""
        if self.style == "neutral":
            parts: list[str] = []
            for part in self.head.split(", "):
                filled = _fill(part, facts)
                if filled and (not parts or parts[-1] != filled):
                    parts.append(filled)
            return ", ".join(parts)
        return _fill(self.head, facts)


def _fill(template: str, facts: dict[str, str | None]) -> str | None:
    values = {name: facts.get(name) for name in _PLACEHOLDER.findall(template)}
    if any(not value for value in values.values()):
        return None
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), template)


@dataclass(frozen=True)
class IdLink:
    """How to link an item of the record from its id: ids starting with ``prefix`` link
    to ``item`` (``{id}`` is the rest of the id); a day reference to ``day`` (``{date}``
    is its ISO date)."""

    prefix: str
    item: str
    day: str | None = None

    def url(self, identifier: str) -> str | None:
        if not identifier.startswith(self.prefix):
            return None
        rest = identifier[len(self.prefix) :]
        if "." in rest:
            return self.item.format(id=rest)
        if self.day and re.match(r"^\d{4}-\d{2}-\d{2}[a-z]?$", rest):
            return self.day.format(date=rest[:10])
        return None


@dataclass(frozen=True)
class OralQuestions:
    """How a series' record shows an oral question when it gives the question no number
    (a Commons question carries its number, ``oral-qnum``; a Lords one does not): the
    question is the first speech of a section whose heading matches ``heading``, when its
    first words match ``opening``. Both are regular expressions, matched case-insensitively:
    ``heading`` against the whole heading, ``opening`` at the start of the speech."""

    heading: str
    opening: str

    def heads(self, title: str) -> bool:
        """Whether a section with this heading holds one oral question."""
        return re.fullmatch(self.heading, " ".join(title.split()), re.IGNORECASE) is not None

    def asks(self, text: str) -> bool:
        """Whether a speech that begins with ``text`` asks the question."""
        return re.match(self.opening, text.lstrip(), re.IGNORECASE) is not None


@dataclass(frozen=True)
class Formula:
    """A line of the record's own procedure, which no member speaks ("On Question, Bill
    read a second time", "Question put and agreed to.", "[Interruption.]"): ``start`` is a
    regular expression for the words the line begins with, ``kind`` the value of
    :class:`exporter.model.ProceduralKind` it is (``decision``, ``motion``,
    ``interruption``...). Readers of text without structure (a copied web page) tell such
    lines from a member's words by them."""

    start: str
    kind: str = "decision"

    def __post_init__(self) -> None:
        re.compile(self.start)  # a bad pattern fails where the profile is written


@dataclass(frozen=True)
class Profile:
    """One parliament and series: the Commons chamber, Westminster Hall, Lords written
    answers, a Public Bill Committee, the Senate of Australia...

    ``citations`` lists the forms the series is cited in, the parliament's own (the
    default) first. ``houses`` and ``locations`` are the names records give the house and
    the place of sitting, the first of each as the briefing shows it (``locations`` may
    include ``None`` for records that name no place). ``record_urls`` are regular
    expressions matching the official record's web pages for this series. ``guess`` says
    whether a record that names only its house and place may be taken to belong here
    (not for a "Senate" that could be any parliament's). ``countries`` are the ISO 3166-1
    codes (alpha-2 and alpha-3, lower case) of the parliament's country, as Akoma Ntoso's
    ``FRBRcountry`` gives them: a record that names its country and one of ``houses`` is
    taken as this (:func:`exporter.parliaments.in_country`). A parliament whose record is
    published in two languages (the Senedd's) has a profile for each, with the same houses,
    places and addresses in both languages: the record's ``language`` chooses between them.
    ``chair_titles``, ``office_words`` and ``minister_titles`` are how that language's record
    prints the chair's office, an office held by a named member and a minister's office.
    taken as this (:func:`exporter.parliaments.in_country`). ``seats`` says whether its
    members sit for a constituency, which the record prints in brackets after the name
    (not the Lords: there the bracket is the party). ``procedure`` lists the formulas of
    the record's own procedural lines (:class:`Formula`).
    """

    key: str
    parliament: str
    houses: tuple[str, ...]
    locations: tuple[str | None, ...]
    publisher: str
    licence: Licence | None
    citations: tuple[CitationForm, ...]
    language: str = "en-GB"
    column_mark: ColumnMark | None = None
    record_urls: tuple[str, ...] = ()
    link: IdLink | None = None
    guess: bool = True  # whether a record naming only this house and place may be taken as this
    countries: tuple[str, ...] = ()  # ISO 3166-1 codes a record may give for the parliament's country
    # the office of whoever presides as the record prints it (a speech's role or label), in
    # the profile's language, for records that do not otherwise mark the chair: their words
    # keep order (exporter.summarise), and "Title (Name)" is that office held by Name
    chair_titles: tuple[str, ...] = ()
    # what the parliament calls a kind of contribution where its word is not the kind's own
    # name: (kind, word) pairs, kinds of exporter.model.SpeechKind, words of CONTRIBUTION_WORDS
    contribution_words: tuple[tuple[str, str], ...] = ()
    # how the record shows an oral question it gives no number (the Lords'), if it has them
    oral_questions: OralQuestions | None = None
    # the words a printed office opens with in the profile's language ("The First Minister
    # (Mark Drakeford)", Welsh "Y Prif Weinidog (Mark Drakeford)"): "Office (Name)" is told
    # from "Name (Constituency)" by them (exporter.readers.hansard_api_speakers)
    office_words: tuple[str, ...] = ("The",)
    # words naming a minister's office in the profile's language, beyond the English ones the
    # summariser knows ("minister", "secretary of state"...): the minister who replies is
    # always represented in a summary (exporter.summarise.roles)
    minister_titles: tuple[str, ...] = ()
    seats: bool = True  # whether members sit for a constituency the record prints
    procedure: tuple[Formula, ...] = ()  # the record's procedural formulas

    def __post_init__(self) -> None:
        if not self.citations:
            raise ValueError(f"profile {self.key!r} offers no citation form")
        styles = [form.style for form in self.citations]
        if len(set(styles)) != len(styles):
            raise ValueError(f"profile {self.key!r} offers a citation style twice")
        for kind, word in self.contribution_words:
            if kind not in CONTRIBUTION_WORDS or word not in CONTRIBUTION_WORDS:
                raise ValueError(f"profile {self.key!r} names a contribution {kind!r} as {word!r}")

    @property
    def house(self) -> str | None:
        return self.houses[0] if self.houses else None

    @property
    def location(self) -> str | None:
        return self.locations[0] if self.locations else None

    @property
    def default_form(self) -> CitationForm:
        return self.citations[0]

    def form(self, style: str) -> CitationForm | None:
        return next((form for form in self.citations if form.style == style), None)

    def contribution_word(self, kind: str) -> str:
        """What this parliament calls a kind of contribution (a ``SpeechKind`` value): its own
        word where ``contribution_words`` gives one ("intervention" -> "interjection" in
        Australia), else the kind's name; one of :data:`CONTRIBUTION_WORDS`."""
        return dict(self.contribution_words).get(kind, kind)

    def matches_url(self, url: str) -> bool:
        return any(re.search(pattern, url) for pattern in self.record_urls)
