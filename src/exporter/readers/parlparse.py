"""TheyWorkForYou / ParlParse XML (``<publicwhip>``, OpenAustralia ``<debates>``) to a Debate.

One file is one sitting of one series: a Commons or Lords day, Westminster Hall, written
answers, written statements, a Public Bill or standing committee sitting, the Scottish
Parliament, the Northern Ireland Assembly, the Senedd, a day of the House of
Representatives or the Senate of Australia. Which series, and the date, come from the
record itself (:mod:`exporter.readers.parlparse_sitting`), never from the file's name; the
series' parliament profile (:mod:`exporter.parliaments`) is set on the debate, with its
house, place, column mark and licence. A file marked ``latest="no"`` says a later
version exists (:mod:`exporter.readers.parlparse_versions`). Windows-1252 character
numbers (``&#146;``) are read as browsers read them (:mod:`exporter.readers.parlparse_charrefs`).

Headings become sections (:mod:`exporter.readers.parlparse_outline`); a heading with no
text opens none. A chair note in a heading ("[Mr. Joe Benton in the Chair] — Title") gives
``Section.chair`` its name ("Mr. Joe Benton").

``<speech>``, and written answers' ``<ques>`` (kind question) and ``<reply>`` (kind answer):
``speakerid``/``person_id``, ``speakername`` (with constituency and party when printed so:
:mod:`exporter.readers.parlparse_speakers`), ``speakeroffice``, ``type`` (OpenAustralia
``talktype``), ``colnum`` (given the series' mark once: ``209W``, ``WA171``), ``time``,
``url``, ``id``; a question's number from ``spid``, ``oral-qnum`` or its paragraph's
``qnum``; a written answer (``<reply>``) that gives none carries the numbers of the questions
it answers, those asked (``<ques>``) since the last answer under the same heading
("S3W-28168, S3W-28169" for one answer to two), so that a quoted answer is cited as its
parliament cites it (the Scottish Official Report by question number). ``nospeaker`` speeches are procedural text, and so is a member's speech from the
first formula that disposes of business on ("Question put and agreed to.", "Amendment 96
withdrawn.": :func:`~exporter.readers.parlparse_paragraphs.closing_at`): a paragraph's
class never ends a speech, and an italic paragraph kept in it stays italic.

Committee files' ``<bill>``, ``<committee>`` and ``<witnesses>`` give the title, the chair,
the members' details and a note listing them (:mod:`exporter.readers.parlparse_committee`);
``<division>`` and a committee's ``<divisioncount>`` are divisions
(:mod:`exporter.readers.parlparse_divisions`); OpenAustralia's ``<bills>`` is a note;
``<place-holder colnum|time>`` gives the column or time of what follows; Scottish written
answers' ``<source url>`` the day's page. A speech with no ``type`` that carries an oral
question's number (``oral-qnum``) is a question. House of Commons files without ``type``
attributes get interventions inferred, never in question time and never for the chair (a
speaker printed as an office, "Mr. Speaker", or named by the chair notes or a committee's
chairman): :mod:`exporter.readers.hansard_exchanges`. Lords files do not, as Lords question
time (Minister, peer, Minister) has the same shape; their oral questions, which the record
does not number, are marked as its profile says the record shows them (a heading ending
"— Question", its first speech asking "To ask Her Majesty's Government …").
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from exporter.cleaning import BLANK_NAME
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.invisible import described, reads_as_nothing
from exporter.model import (
    Debate,
    Item,
    Paragraph,
    Procedural,
    ProceduralKind,
    Section,
    Source,
    Speech,
    SpeechKind,
    chair_name,
)
from exporter.options import ReadOptions
from exporter.readers._html import element_runs
from exporter.readers._xml import local, parse, text_of
from exporter.readers.hansard_api_conventions import (
    CHAIR_NOTE,
    is_chair_role,
    normalise_time,
)
from exporter.readers.hansard_exchanges import with_interventions, with_oral_questions
from exporter.readers.parlparse_charrefs import may_hold_c1, repair
from exporter.readers.parlparse_committee import (
    Committee,
    committee_chair,
    read_bill,
    read_committee,
    read_witnesses,
)
from exporter.readers.parlparse_divisions import division_from
from exporter.readers.parlparse_outline import OpenSection, Outline
from exporter.readers.parlparse_paragraphs import closing_at, emphasised, paragraph_parts, procedurals
from exporter.readers.parlparse_sitting import Sitting, sitting_of
from exporter.readers.parlparse_speakers import UNKNOWN_SPEAKER, Speakers, names_by_id
from exporter.readers.parlparse_versions import later_version

PUBLISHER = "TheyWorkForYou"
AUSTRALIAN_PUBLISHER = "OpenAustralia"
__all__ = ["UNKNOWN_SPEAKER", "read"]

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
_HEADINGS = frozenset({"major-heading", "oral-heading", "minor-heading"})
_SPEECHES = {"speech": None, "ques": SpeechKind.QUESTION, "reply": SpeechKind.ANSWER}
_IGNORED = frozenset({"gidredirect"})


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    """Read one ParlParse file (one sitting) into a Debate."""
    root = parse(data, source)
    if local(root) not in ("publicwhip", "debates"):
        raise InputError(
            f"not a ParlParse file: the root element is <{local(root)}>, not <publicwhip> or <debates>",
            source,
            f"line {root.sourceline}",
        )
    if may_hold_c1(data):
        repair(root, reporter)
    sitting = sitting_of(root)
    if sitting.date is None:
        reporter.warn(
            "parlparse-no-date", "the record's ids and addresses give no sitting date; none is shown"
        )
    if sitting.profile is None:
        reporter.warn(
            "parlparse-series",
            "the record's ids and addresses do not say which parliament or house it is from; none is shown",
        )
    names = names_by_id(root, sitting.profile) if b"proxy=" in data else {}  # wanted only for proxies
    day = _DayReader(sitting, source, reporter, Speakers(root, sitting.profile), names)
    for element in root:
        day.take(element)
    superseded, successor = later_version(root, source)
    if superseded and day.outline.empty:
        raise InputError(
            "the file holds no headings, speeches or divisions, only redirects to a later version of the "
            f"record ({successor or 'not named'})",
            source,
        )
    if superseded:
        reporter.warn(
            "parlparse-superseded",
            'the file is marked latest="no": a later version of this record exists'
            + (f" ({successor})" if successor else ""),
        )
    debate = day.debate()
    return replace(debate, source=replace(debate.source, superseded=superseded, successor=successor))


class _DayReader:
    def __init__(
        self, sitting: Sitting, source: str, reporter: Reporter, speakers: Speakers, names: dict[str, str]
    ) -> None:
        self.sitting = sitting
        self.source = source
        self.reporter = reporter
        self.speakers = speakers
        self.names = names
        self.committee = Committee()
        self.outline = Outline()
        self.typed = False  # whether speeches carry ParlParse's `type`
        self.first_url: str | None = None
        self.column_hint: str | None = None  # from <place-holder colnum>, for elements without one
        self.asked: list[str] = []  # numbers of the written questions not yet answered
        self.time_hint: str | None = None

    # --- structure ---------------------------------------------------------------

    def take(self, element: etree._Element) -> None:
        name = local(element)
        if not name or name in _IGNORED:
            return
        if name == "place-holder":  # a column or time that holds for what follows
            self.column_hint = self._column(element) or self.column_hint
            self.time_hint = self._time(element) or self.time_hint
        elif name in ("major-heading", "oral-heading"):
            self.asked = []
            self.outline.open_major(self._heading(element))
        elif name == "minor-heading":
            self.asked = []
            self.outline.open_minor(self._heading(element))
        elif name in _SPEECHES:
            self.outline.current().items.extend(self._speech(element, _SPEECHES[name]))
        elif name == "bills":
            self._bills(element)
        elif name in ("division", "divisioncount"):
            self.outline.current().items.append(
                division_from(
                    element,
                    self._column(element),
                    self._time(element),
                    self._url(element),
                    self.reporter,
                    self.names,
                )
            )
        elif name == "bill":
            read_bill(element, self.committee)
        elif name == "committee":
            read_committee(element, self.committee)
        elif name == "witnesses":
            read_witnesses(element, self.committee)
        elif name == "source":
            self._url(element)
        else:
            self._unknown(element, name)

    def _heading(self, element: etree._Element) -> OpenSection:
        text = text_of(element)
        chair_match = CHAIR_NOTE.search(text)
        chair = chair_name(chair_match.group(0)) or None if chair_match else None
        title = CHAIR_NOTE.sub(" ", text) if chair else text
        title = " ".join(title.split()).strip(_TITLE_EDGES)
        if not title:
            title = chair_match.group(0) if chair_match else ""
        return OpenSection(
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
            self.outline.current().items.append(Procedural(tuple(paragraphs), ProceduralKind.NOTE))

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
            self.outline.current().items.append(Procedural((Paragraph(runs),), id=element.get("id") or None))

    # --- attributes --------------------------------------------------------------

    def _column(self, element: etree._Element) -> str | None:
        if element.get("colnum") is None:
            return self.column_hint
        colnum = " ".join((element.get("colnum") or "").split())
        profile = self.sitting.profile
        if colnum and profile is not None and profile.column_mark is not None:
            return profile.column_mark.printed(colnum)
        return colnum or None

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

    def _speech(self, element: etree._Element, kind: SpeechKind | None) -> list[Item]:
        gid = element.get("id") or None
        column, time, url = self._column(element), self._time(element), self._url(element)
        kind_text = (element.get("type") or element.get("talktype") or "").strip()
        if kind_text:
            self.typed = True
        nospeaker = (element.get("nospeaker") or "").lower() == "true"
        parts = paragraph_parts(element, self.reporter)
        printed = element.get("speakername")
        if printed and reads_as_nothing(printed):
            self.reporter.warn(
                BLANK_NAME,
                f"the speakername shows nothing ({described(printed)}): read as no name printed",
                f"line {element.sourceline}",
            )
        if nospeaker and reads_as_nothing(printed):
            return procedurals(parts, gid, time, column, url)
        # modern files mark "Several hon. Members rose—" nospeaker *and* name them
        speaker, label, role = self.speakers.speaker_of(element)
        cut = closing_at(parts)
        spoken = parts if cut is None else parts[:cut]
        speech = Speech(
            id=gid,
            speaker=speaker,
            paragraphs=tuple(emphasised(part) for part in spoken),
            kind=kind or _kind(kind_text, element),
            label=label,
            role=role,
            time=time,
            column=column,
            url=url,
            number=self._number(element),
        )
        items: list[Item] = [speech]
        if cut is not None:
            items.extend(procedurals(parts[cut:], None, time, column, url))
        return items

    def _number(self, element: etree._Element) -> str | None:
        """The question's number; for a written answer that gives none, the numbers of the
        questions it answers."""
        number = _question_number(element)
        if local(element) == "ques":
            if number and number not in self.asked:
                self.asked.append(number)
        elif local(element) == "reply":
            number = number or (", ".join(self.asked) or None)
            self.asked = []
        return number

    # --- the debate ----------------------------------------------------------------

    def debate(self) -> Debate:
        if self.outline.empty:
            raise InputError("the file holds no headings, speeches or divisions", self.source)
        # the record's own words only: a committee's bill, else a lone heading; a day file is
        # titled by the briefing, from its house, place and date in the interface's language
        # (exporter.compose.names.debate_title)
        title = self.committee.bill or ""
        opening = self.outline.opens_untitled
        merged = self.outline.sections(title, list(self.committee.notes()))
        profile = self.sitting.profile
        commons = profile is not None and profile.house == "House of Commons"
        sections: list[Section] = []
        chair = committee_chair(self.committee, merged[0].close()) if self.committee.members else None
        for open_section in merged:
            section = open_section.close()
            if not self.typed and commons:
                section = with_interventions(section, self._is_chair, chair=chair)
            if profile is not None and profile.oral_questions is not None:
                section = with_oral_questions(section, profile.oral_questions)
            sections.append(section)
        if len(sections) == 1 and not self.committee.bill and not opening:
            title = sections[0].title
        for speaker_id in self.speakers.by_id:
            member = self.committee.member(speaker_id)
            if member is not None:
                self.speakers.enrich(
                    speaker_id, constituency=member.constituency, party=member.party, role=member.role
                )
        location = self.sitting.location
        if location and self.sitting.committee:
            location = f"{location} {self.sitting.committee}"
        return Debate(
            title=title,
            sections=tuple(sections),
            speakers=tuple(self.speakers.by_id.values()),
            date=self.sitting.date,
            house=self.sitting.house,
            location=location,
            chair=chair if self.committee.members else (sections[0].chair if len(sections) == 1 else None),
            language=profile.language if profile is not None else None,  # the series' language
            source=Source(
                publisher=AUSTRALIAN_PUBLISHER
                if profile is not None and profile.parliament == "Parliament of Australia"
                else PUBLISHER,
                url=self.first_url.partition("#")[0] if self.first_url else None,
                licence=profile.licence.name if profile is not None and profile.licence else None,
                reference=self.sitting.reference,
            ),
            profile=profile.key if profile is not None else None,
            bill=self.committee.bill,
            committee=self.sitting.committee,
        )

    def _is_chair(self, speech: Speech, chair: str | None) -> bool:
        """Whether a speech is the chair's: by the office it is spoken in, by a name that is
        an office ("Mr. Speaker", "The Chairman"), or by the surname of the chair the chair
        notes name."""
        if is_chair_role(speech.role):
            return True
        speaker = self.speakers.by_id.get(speech.speaker or "")
        name = speaker.name if speaker else speech.label or ""
        if is_chair_role(name):
            return True
        surname = name.split()[-1] if speaker and name.split() else None
        return bool(chair and surname and re.search(rf"\b{re.escape(surname)}\b", chair))


def _kind(type_text: str, element: etree._Element) -> SpeechKind:
    """The kind ``type`` (``talktype``) gives; with none, a question when the speech carries
    an oral question's number (``oral-qnum``: the question as the order paper prints it)."""
    words = type_text.lower().split()
    if not words:
        return SpeechKind.QUESTION if (element.get("oral-qnum") or "").strip() else SpeechKind.SPEECH
    return _KINDS.get(words[-1], SpeechKind.SPEECH)


def _question_number(element: etree._Element) -> str | None:
    """The question's number: a Scottish ``spid``, an oral ``oral-qnum``, or the ``qnum`` of
    its paragraph (written questions: ``295417``, ``HL5669``)."""
    number = (
        element.get("spid")
        or element.get("oral-qnum")
        or next((p.get("qnum") for p in element.iter("p") if p.get("qnum")), None)
    )
    return number.strip() or None if number else None
