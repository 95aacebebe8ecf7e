"""Citations of the official record, and links to it, in the form each parliament uses.

What differs between parliaments is data in their profile (:mod:`exporter.parliaments`):
which forms their records are cited in, the words that name the series in each
(``HC Deb``, ``Child Poverty Bill Deb``, ``Commonwealth, Parliamentary Debates, Senate``),
how columns are marked. This module only lays a form out. Every citation is built from
what the record states: a volume, column or date the record lacks is left out, never
guessed.

The layouts (:data:`exporter.parliaments.STYLES`):

``oscola`` (OSCOLA 4th edition)
    ``HC Deb 23 February 2022, vol 709, col 98WH``; ``HL Deb 29 October 2009, col WA171``;
    ranges with the series mark once, ``cols 15–16WS``; a Public Bill Committee by its
    bill, ``Child Poverty Bill Deb 29 October 2009, col 213``; ``SC Deb (A) …``.
``short``
    Hansard's own reference: ``HC Deb 23 February 2022 vol 709 c98WH``; ranges ``cc973–76``.
``harvard``
    Cite Them Right's form, without an access date (output must not depend on the day it is
    made): ``Hansard HC Deb. vol. 709 col. 98WH, 23 February 2022. Available at: https://…``.
``aglc`` (Australian Guide to Legal Citation, 4th edition, rule 7.5.1)
    ``Commonwealth, Parliamentary Debates, Senate, 20 September 2007, 12 (Name of Speaker)``;
    the pinpoint is left out when the record has no page.
``official-report`` (the Scottish Parliament's own cross-references)
    ``Official Report, 28 October 2009; c 20529``; ``Official Report, Written Answers,
    26 October 2009; S3W-28257``.
``neutral``
    For a parliament whose own form could not be sourced: parliament, sitting, date,
    column, URL: ``Northern Ireland Assembly, 12 October 2009, https://…``.

Column ranges are shortened as in the Chicago Manual (a range from a number under 100, or
from a multiple of 100, is written in full; otherwise the second number drops the leading
digits it shares, keeping at least two): ``973–76``, ``98–102``, ``1099–101``,
``100–104``. Page ranges (``aglc``) are written in full.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from exporter import parliaments
from exporter.model import Debate, Division, Procedural, Section, Speech, walk_items
from exporter.parliaments import CitationForm, Profile

#: The choices of ``--citation``: ``auto`` (the parliament's own form) and every layout.
STYLES = ("auto", *parliaments.STYLES)
EN_DASH = "–"

_COLUMN = re.compile(r"^\s*(?P<prefix>WA|GC|WS)?\s*(?P<number>\d+)\s*(?P<suffix>WH|WS|WA|GC|W)?\s*$", re.I)
_PREFIX_MARKS = ("WA", "GC")  # printed before the number in Hansard; others after


@dataclass(frozen=True)
class Column:
    """A column as printed, taken apart: ``98WH`` is (``""``, 98, ``WH``)."""

    prefix: str
    number: int
    suffix: str


@dataclass(frozen=True)
class Choice:
    """The form a debate is cited in, and why it is not the one asked for (or None)."""

    form: CitationForm
    profile: Profile
    head: str
    note: str | None = None


def choose(debate: Debate, style: str = "auto") -> Choice:
    """The citation form for ``debate``: the one ``style`` names when the debate's profile
    offers it and the record has what it needs, else the profile's own first form that
    can be filled, else the neutral form. Raises ValueError for a style that is no
    layout at all."""
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r}; choose one of {', '.join(STYLES)}")
    profile = parliaments.profile_of(debate)
    facts = _facts(debate, profile)
    wanted = profile.default_form if style == "auto" else profile.form(style)
    note = None
    if wanted is None:
        offered = ", ".join(form.style for form in profile.citations)
        note = f"the {profile.key} profile offers {offered}, not {style}"
    elif (head := wanted.head_for(facts)) is not None:
        return Choice(wanted, profile, head)
    else:
        missing = ", ".join(name for name in wanted.placeholders if not facts.get(name))
        note = f"{wanted.style} needs the record's {missing}, which it does not give"
    for form in profile.citations:
        if (head := form.head_for(facts)) is not None:
            return Choice(form, profile, head, f"{note}; cited in {form.style}")
    generic = parliaments.GENERIC.default_form
    return Choice(generic, profile, generic.head_for(facts) or "", f"{note}; cited in neutral")


def cite(debate: Debate, speech: Speech | None, style: str = "auto") -> str:
    """The citation of one speech, or of the whole debate when ``speech`` is None."""
    if speech is None:
        columns = debate_columns(debate)
    elif speech.column:
        columns = [speech.column]
    else:
        columns = []
    return cite_columns(debate, columns, style, speech.url if speech else None, speech)


def cite_columns(
    debate: Debate,
    columns: list[str],
    style: str = "auto",
    url: str | None = None,
    speech: Speech | None = None,
) -> str:
    """The citation of a passage printed in ``columns`` (as printed, in any order); a
    ``speech`` gives the speaker and question number the form may name."""
    choice = choose(debate, style)
    form, head = choice.form, choice.head
    date = sitting_date(debate.date)
    volume = debate.source.volume
    span = column_span(debate, columns, full=form.pinpoint == "page")
    many = _count(span) > 1
    if form.pinpoint == "question":
        pinpoint = speech.number if speech is not None and speech.number else None
    elif form.pinpoint == "none":
        pinpoint = None
    else:
        pinpoint = span or None
    link = url or record_url(debate, speech)
    if form.style == "oscola":
        first = " ".join(part for part in (head, date) if part)
        return _join(
            ", ", first, volume and f"vol {volume}", pinpoint and f"{'cols' if many else 'col'} {span}"
        )
    if form.style == "short":
        return _join(
            " ", head, date, volume and f"vol {volume}", pinpoint and f"{'cc' if many else 'c'}{span}"
        )
    if form.style == "harvard":
        where = _join(
            " ",
            f"Hansard {head}.",
            volume and f"vol. {volume}",
            pinpoint and f"{'cols.' if many else 'col.'} {span}",
        )
        text = f"{where}, {date}." if date else f"{where}."
        return f"{text} Available at: {link}" if link else text
    if form.style == "aglc":
        text = _join(", ", head, date, pinpoint)
        who = _speaker(debate, speech)
        return f"{text} ({who})" if who else text
    if form.style == "official-report":
        if pinpoint and form.pinpoint == "column":
            pinpoint = f"{'cc' if many else 'c'} {span}"
        text = _join(", ", head, date)
        return f"{text}; {pinpoint}" if pinpoint else text
    if pinpoint and form.pinpoint == "column":
        pinpoint = f"{'cols' if many else 'col'} {span}"
    elif pinpoint and form.pinpoint == "page":
        pinpoint = f"{'pp' if many else 'p'} {span}"
    elif pinpoint and form.pinpoint == "question":
        pinpoint = f"question {pinpoint}"
    return _join(", ", head, date, pinpoint, link)


def column_span(debate: Debate, columns: list[str], full: bool = False) -> str:
    """The columns a passage runs over, first to last: ``98WH``, ``973–76``, ``WA12–14``.

    Records mark only the column where each item begins, so a passage is taken to run from
    its lowest column to its highest. Columns of different series (``98WH`` and ``12WS``),
    or not numbers at all, are listed separately, joined by commas. ``full`` writes the
    second number of a range in full (page ranges)."""
    profile = parliaments.profile_of(debate)
    series: dict[tuple[str, str], list[int]] = {}
    others: list[str] = []
    for text in columns:
        if not text.strip():
            continue
        column = _column(profile, text)
        if isinstance(column, Column):
            series.setdefault((column.prefix, column.suffix), []).append(column.number)
        elif column not in others:
            others.append(column)
    spans = [
        _range(prefix, suffix, min(numbers), max(numbers), full)
        for (prefix, suffix), numbers in series.items()
    ]
    return ", ".join(spans + others)


def debate_columns(debate: Debate) -> list[str]:
    """Every column the record gives for the debate, in reading order: the first and last
    it states for the whole debate (historic Hansard's "cc300-13"), and each item's."""
    found: list[str] = [column for column in (debate.source.first_column,) if column]
    for item in walk_items(debate.sections):
        if isinstance(item, (Speech, Procedural, Division, Section)) and item.column:
            found.append(item.column)
    if debate.source.last_column:
        found.append(debate.source.last_column)
    return list(dict.fromkeys(found))


def record_url(debate: Debate, speech: Speech | None) -> str | None:
    """The official record's page for a speech (or the debate): the record's own link first,
    then a link built from the item's id by the profile's pattern (TheyWorkForYou,
    OpenAustralia), then the debate's source page."""
    profile = parliaments.profile_of(debate)
    if speech is not None:
        if speech.url:
            return speech.url
        if speech.id and (link := parliaments.link_for(speech.id, profile)):
            return link
    if debate.source.url:
        return debate.source.url
    if debate.source.reference:
        return parliaments.link_for(debate.source.reference, profile)
    return None


def theyworkforyou_url(gid: str) -> str | None:
    """``uk.org.publicwhip/westminhall/2009-10-28a.1.0`` to its page on TheyWorkForYou; a
    gid naming only the day (``…/2009-10-28a``) links to that day."""
    return parliaments.link_for(gid)


def sitting_date(date: dt.date | None) -> str | None:
    """A sitting date in words, as citations print it: ``23 February 2022``."""
    return f"{date.day} {date:%B %Y}" if date else None


def _facts(debate: Debate, profile: Profile) -> dict[str, str | None]:
    return {
        "bill": debate.bill,
        "committee": debate.committee,
        "house": debate.house,
        "location": debate.location,
        "parliament": profile.parliament or None,
    }


def _speaker(debate: Debate, speech: Speech | None) -> str | None:
    if speech is None:
        return None
    speaker = debate.speaker(speech.speaker)
    name = speaker.name if speaker else speech.label
    role = speech.role or (speaker.role if speaker else None)
    if name and role and role.lower() not in name.lower():
        return f"{name}, {role}"
    return name or role


def _join(separator: str, *parts: str | None) -> str:
    return separator.join(part for part in parts if part)


def _column(profile: Profile, text: str) -> Column | str:
    """A column taken apart, with the series mark of the profile when the record omits it."""
    match = _COLUMN.match(text)
    if match is None:
        return text.strip()  # not a column number we understand: kept as printed
    mark = (match.group("prefix") or match.group("suffix") or "").upper()
    own = profile.column_mark
    if not mark and own is not None:
        mark = own.mark
    if not mark:
        return Column("", int(match.group("number")), "")
    prefix = own.prefix if own is not None and own.mark == mark else mark in _PREFIX_MARKS
    number = int(match.group("number"))
    return Column(mark, number, "") if prefix else Column("", number, mark)


def _range(prefix: str, suffix: str, first: int, last: int, full: bool = False) -> str:
    if first == last:
        return f"{prefix}{first}{suffix}"
    return f"{prefix}{first}{EN_DASH}{last if full else _elide(first, last)}{suffix}"


def _elide(first: int, last: int) -> str:
    start, end = str(first), str(last)
    if first < 100 or first % 100 == 0 or len(start) != len(end):
        return end
    return end[min(_shared(start, end), len(end) - 2) :]


def _shared(start: str, end: str) -> int:
    shared = 0
    for a, b in zip(start, end, strict=False):
        if a != b:
            break
        shared += 1
    return shared


def _count(span: str) -> int:
    """How many columns a span covers: "col" for one, "cols" for more."""
    return 2 if EN_DASH in span or "," in span else (1 if span else 0)
