"""TheyWorkForYou / ParlParse XML (``<publicwhip>``, OpenAustralia ``<debates>``) to a Debate.

One file is one sitting. Its headings become sections: ``major-heading`` and
``oral-heading`` open a top-level section, ``minor-heading`` a section inside the open
major one (Westminster Hall files have only minor headings, so theirs are top-level). A
chair note in a heading ("[Mr. Joe Benton in the Chair] — Title") goes to
``Section.chair``. Date, house and place come from the gids, else the file name.

``<speech>``: ``speakerid`` / ``person_id`` (the speaker's id), ``speakername``,
``speakeroffice`` (the office spoken in), ``type`` (speech, intervention, question,
answer, statement, point of order; OpenAustralia ``talktype``), ``colnum``, ``time``,
``url``, ``id`` (the gid). ``speakerid="unknown"`` keeps its printed name as the speech's
label ("Several hon. Members"); no name at all is labelled "Unknown speaker".
``nospeaker`` speeches are procedural text. So is everything in a member's speech from
its first ``p class="italic"`` on ("Amendment 96 withdrawn.", then the next amendment's
text): Hansard never resumes a member's words without naming them again. A speech that
is all italic ("rose—") stays the member's, in italics.

Paragraphs: ``pwmotiontext`` -> motion style, ``class="indent"`` -> quotation; inline
``i``/``I``/``em``/``b``/``strong``/``sup``/``a href``/``span class=Italic``; ``phrase``
and unknown inline elements keep their text; ``<table>`` -> a table. Constituencies
named in ``<phrase class="honfriend">`` ("the hon. Member for Orkney and Shetland (Mr.
Carmichael)") fill in the speaker's constituency. ``<place-holder colnum|time>`` between speeches gives the column or time of what follows
when it has none of its own. OpenAustralia's ``<bills>`` is a note. ``<division>`` -> a division (see
:mod:`exporter.readers.parlparse_divisions`). House of Commons files without ``type``
attributes get interventions inferred (:mod:`exporter.readers.hansard_api_conventions`);
Lords files do not, as Lords question time (Minister, peer, Minister) has the same shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.model import (
    Debate,
    Item,
    Paragraph,
    Procedural,
    ProceduralKind,
    Section,
    Source,
    Speaker,
    Speech,
    SpeechKind,
)
from exporter.options import ReadOptions
from exporter.readers._html import element_runs
from exporter.readers._xml import local, parse, text_of
from exporter.readers.hansard_api_conventions import (
    CHAIR_NOTE,
    infer_interventions,
    is_chair_role,
    normalise_time,
)
from exporter.readers.hansard_api_speakers import parse_attribution
from exporter.readers.parlparse_divisions import division_from
from exporter.readers.parlparse_paragraphs import paragraph_parts, procedurals
from exporter.readers.parlparse_places import Sitting, sitting_of

PUBLISHER = "TheyWorkForYou"
LICENCE = "Open Parliament Licence v3.0"
UNKNOWN_SPEAKER = "Unknown speaker"

_KINDS = {
    "intervention": SpeechKind.INTERVENTION,
    "interjection": SpeechKind.INTERVENTION,
    "supplementaryquestion": SpeechKind.QUESTION,
    "question": SpeechKind.QUESTION,
    "answer": SpeechKind.ANSWER,
    "statement": SpeechKind.STATEMENT,
    "pointoforder": SpeechKind.POINT_OF_ORDER,
}
_TITLE_EDGES = " \t\r\n—–-:"
_HONFRIEND_SEAT = re.compile(r"\bMember for (.+?)\s*\(")
_HEADINGS = frozenset({"major-heading", "oral-heading", "minor-heading"})
_IGNORED = frozenset({"gidredirect"})


@dataclass
class _OpenSection:
    title: str
    chair: str | None = None
    id: str | None = None
    time: str | None = None
    column: str | None = None
    url: str | None = None
    items: list[Item] = field(default_factory=list)

    def close(self) -> Section:
        return Section(self.title, tuple(self.items), self.id, self.chair, self.time, self.column, self.url)


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    """Read one ParlParse file (one sitting) into a Debate."""
    root = parse(data, source)
    if local(root) not in ("publicwhip", "debates"):
        raise InputError(
            f"not a ParlParse file: the root element is <{local(root)}>, not <publicwhip> or <debates>",
            source,
            f"line {root.sourceline}",
        )
    gids = [element.get("id", "") for element in root if local(element) in _HEADINGS | {"speech"}]
    sitting = sitting_of(gids, source, australian=local(root) == "debates")
    day = _DayReader(sitting, source, reporter, _seats_named(root))
    for element in root:
        day.take(element)
    return day.debate()


def _seats_named(root: etree._Element) -> dict[str, str]:
    """Constituencies the text itself names for member ids, via honfriend phrases."""
    seats: dict[str, str] = {}
    for phrase in root.iter("phrase"):
        if phrase.get("class") != "honfriend":
            continue
        person = phrase.get("person_id") or phrase.get("id")
        match = _HONFRIEND_SEAT.search(text_of(phrase))
        if person and match and person not in seats:
            seats[person] = match.group(1).strip()
    return seats


class _DayReader:
    def __init__(self, sitting: Sitting, source: str, reporter: Reporter, seats: dict[str, str]) -> None:
        self.sitting = sitting
        self.source = source
        self.reporter = reporter
        self.seats = seats
        self.speakers: dict[str, Speaker] = {}
        self.sections: list[Section | None] = []  # None marks where the preamble goes
        self.preamble: _OpenSection | None = None
        self.major: _OpenSection | None = None
        self.minor: _OpenSection | None = None
        self.typed = False  # whether speeches carry ParlParse's `type`
        self.first_url: str | None = None
        self.column_hint: str | None = None  # from <place-holder colnum>, for elements without one
        self.time_hint: str | None = None

    # --- structure ---------------------------------------------------------------

    def take(self, element: etree._Element) -> None:
        name = local(element)
        if not name or name in _IGNORED:
            return
        if name == "place-holder":  # a column or time that holds for what follows
            self.column_hint = self._column(element) or self.column_hint
            self.time_hint = self._time(element) or self.time_hint
            return
        if name in ("major-heading", "oral-heading"):
            self._close_minor()
            self._close_major()
            self.major = self._heading(element)
        elif name == "minor-heading":
            self._close_minor()
            self.minor = self._heading(element)
        elif name == "speech":
            self._current().items.extend(self._speech(element))
        elif name == "bills":
            self._bills(element)
        elif name == "division":
            self._current().items.append(
                division_from(
                    element, self._column(element), self._time(element), self._url(element), self.reporter
                )
            )
        else:
            self._unknown(element, name)

    def _current(self) -> _OpenSection:
        if self.minor is not None:
            return self.minor
        if self.major is not None:
            return self.major
        if self.preamble is None:
            self.preamble = _OpenSection(title="")
            self.sections.append(None)
        return self.preamble

    def _close_minor(self) -> None:
        if self.minor is None:
            return
        section = self.minor.close()
        self.minor = None
        if self.major is not None:
            self.major.items.append(section)
        else:
            self.sections.append(section)

    def _close_major(self) -> None:
        if self.major is not None:
            self.sections.append(self.major.close())
            self.major = None

    def _heading(self, element: etree._Element) -> _OpenSection:
        text = text_of(element)
        chair_match = CHAIR_NOTE.search(text)
        chair = chair_match.group(0) if chair_match else None
        title = CHAIR_NOTE.sub(" ", text) if chair else text
        title = " ".join(title.split()).strip(_TITLE_EDGES)
        if not title:
            title = chair or ""
        return _OpenSection(
            title=title,
            chair=chair,
            id=element.get("id") or None,
            time=self._time(element),
            column=self._column(element),
            url=self._url(element),
        )

    def _bills(self, element: etree._Element) -> None:
        """OpenAustralia's list of the bills a debate concerns: a note, each bill linked."""
        paragraphs = []
        for bill in element.iter("bill"):
            runs = element_runs(bill)
            url = (bill.get("url") or "").strip()
            if runs and url.startswith(("http://", "https://")):
                runs = tuple(replace(run, link=run.link or url) for run in runs)
            if runs:
                paragraphs.append(Paragraph(runs))
        if paragraphs:
            self._current().items.append(Procedural(tuple(paragraphs), ProceduralKind.NOTE))

    def _unknown(self, element: etree._Element, name: str) -> None:
        where = f"line {element.sourceline}"
        runs = element_runs(element)
        self.reporter.warn(
            "parlparse-unknown-element",
            f"<{name}> is not a ParlParse element this reader knows"
            + ("; its text is kept as procedural text" if runs else "; it holds no text and is skipped"),
            where,
        )
        if runs:
            self._current().items.append(Procedural((Paragraph(runs),), id=element.get("id") or None))

    # --- attributes --------------------------------------------------------------

    def _column(self, element: etree._Element) -> str | None:
        if element.get("colnum") is None:
            return self.column_hint
        colnum = (element.get("colnum") or "").strip()
        return f"{colnum}{self.sitting.place.column_suffix}" if colnum else None

    def _time(self, element: etree._Element) -> str | None:
        value = element.get("time")
        if value is None:
            return self.time_hint
        time = normalise_time(value)
        if time is None and value and value.strip().lower() not in ("unknown", ""):
            self.reporter.warn(
                "parlparse-time",
                f"time {value!r} is not a clock time and is left out",
                f"line {element.sourceline}",
            )
        return time

    def _url(self, element: etree._Element) -> str | None:
        url = (element.get("url") or "").strip() or None
        if url and self.first_url is None:
            self.first_url = url
        return url

    # --- speeches ----------------------------------------------------------------

    def _speech(self, element: etree._Element) -> list[Item]:
        gid = element.get("id") or None
        column, time, url = self._column(element), self._time(element), self._url(element)
        kind_text = (element.get("type") or element.get("talktype") or "").strip()
        if kind_text:
            self.typed = True
        nospeaker = (element.get("nospeaker") or "").lower() == "true"
        if nospeaker and not element.get("speakername"):
            return procedurals(paragraph_parts(element, self.reporter), gid, time, column, url)
        # modern files mark "Several hon. Members rose—" nospeaker *and* name them
        speaker, label, role = self._speaker(element)
        parts = paragraph_parts(element, self.reporter)
        first_italic = next((i for i, part in enumerate(parts) if part.italic), None)
        if first_italic == 0 and all(part.italic for part in parts):
            parts = paragraph_parts(
                element, self.reporter, emphasis=True
            )  # "rose—": the member's, in italics
            first_italic = None
        spoken = parts if not first_italic else parts[:first_italic]
        speech = Speech(
            id=gid,
            speaker=speaker,
            paragraphs=tuple(part.block for part in spoken),
            kind=_kind(kind_text),
            label=label,
            role=role,
            time=time,
            column=column,
            url=url,
            number=_question_number(element),
        )
        items: list[Item] = [speech]
        if first_italic:
            items.extend(procedurals(parts[first_italic:], None, time, column, url))
        return items

    def _speaker(self, element: etree._Element) -> tuple[str | None, str | None, str | None]:
        """(speaker id, printed label when there is no id, office spoken in)."""
        person = element.get("person_id") or element.get("speakerid") or ""
        printed = " ".join((element.get("speakername") or "").split())
        role = " ".join((element.get("speakeroffice") or "").split()) or None
        if "(" in printed:
            attribution = parse_attribution(printed)
            if attribution.role:  # "The Deputy Presiding Officer (Alasdair Morgan)"
                printed, role = attribution.name, role or attribution.role
        if not person or person == "unknown":
            return None, printed or UNKNOWN_SPEAKER, role
        if person not in self.speakers:
            self.speakers[person] = Speaker(
                id=person, name=printed or person, constituency=self.seats.get(person)
            )
        return person, None, role

    # --- the debate ----------------------------------------------------------------

    def debate(self) -> Debate:
        self._close_minor()
        self._close_major()
        title = self._title()
        # Lords question time (Minister, peer, Minister) has the shape of an intervention
        sitting_commons = self.sitting.place.house == "House of Commons"
        sections: list[Section] = []
        for section in self.sections:
            if section is None:
                assert self.preamble is not None
                section = replace(self.preamble.close(), title=title if title else "Proceedings")
            if not self.typed and sitting_commons:
                section = self._with_interventions(section, section.chair)
            sections.append(section)
        if not sections:
            raise InputError("the file holds no headings, speeches or divisions", self.source)
        if len(sections) == 1 and self.preamble is None:
            title = sections[0].title
        sitting = self.sitting
        return Debate(
            title=title or sections[0].title,
            sections=tuple(sections),
            speakers=tuple(self.speakers.values()),
            date=sitting.date,
            house=sitting.place.house,
            location=sitting.place.location,
            chair=sections[0].chair if len(sections) == 1 else None,
            # ParlParse series are English, but for the Senedd's Welsh record (senedd/cy)
            language="cy" if (sitting.kind or "").endswith("/cy") else "en-GB",
            source=Source(
                publisher=PUBLISHER,
                url=self.first_url.partition("#")[0] if self.first_url else None,
                licence=LICENCE,
                reference=sitting.prefix,
            ),
        )

    def _title(self) -> str:
        """ "Westminster Hall, 28 October 2009": the sitting, for a file of several debates."""
        place = self.sitting.place
        where = (
            place.location
            if place.location not in (None, "Commons Chamber", "Lords Chamber")
            else place.house
        )
        when = f"{self.sitting.date.day} {self.sitting.date:%B %Y}" if self.sitting.date else None
        return ", ".join(part for part in (where, when) if part)

    def _with_interventions(self, section: Section, chair: str | None) -> Section:
        chair = section.chair or chair

        def is_chair(speech: Speech) -> bool:
            if is_chair_role(speech.role):
                return True
            speaker = self.speakers.get(speech.speaker or "")
            surname = speaker.name.split()[-1] if speaker and speaker.name.split() else None
            return bool(chair and surname and re.search(rf"\b{re.escape(surname)}\b", chair))

        items = tuple(
            self._with_interventions(item, chair) if isinstance(item, Section) else item
            for item in section.items
        )
        return replace(section, items=infer_interventions(items, is_chair))


def _kind(type_text: str) -> SpeechKind:
    words = type_text.lower().split()
    key = words[-1] if words else ""
    return _KINDS.get(key, SpeechKind.SPEECH)


def _question_number(element: etree._Element) -> str | None:
    """The oral question's number: on the speech (modern files) or its first paragraph."""
    number = element.get("oral-qnum") or next(
        (p.get("qnum") for p in element.iter("p") if p.get("qnum")), None
    )
    return number.strip() or None if number else None
