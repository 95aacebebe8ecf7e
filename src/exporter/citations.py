"""Citations of the official record, and links to it.

Three styles, each built only from what the record states: a volume or a column the record
lacks is left out, never guessed.

``oscola`` (the default; OSCOLA 4th edition, 2.6.2 and 3.6)
    ``HC Deb 23 February 2022, vol 709, col 98WH``; ``HL Deb 29 October 2009, col 1234``;
    ranges ``cols 973–76``. The house is ``HC``/``HL``, the sitting date is in words, and the
    column carries the record's series mark: suffix ``WH`` (Westminster Hall), ``WS``
    (written statements), ``W`` (Commons written answers); prefix ``WA`` (Lords written
    answers) and ``GC`` (Lords Grand Committee).
``short``
    Hansard's own compact form, as printed on hansard.parliament.uk:
    ``HC Deb 23 February 2022 vol 709 c98WH``; ranges ``cc973–76``.
``harvard``
    Cite Them Right's form for Hansard, without an access date (our output does not depend on
    the day it is made): ``Hansard HC Deb. vol. 709 col. 98WH, 23 February 2022. Available at:
    https://…`` (the URL when the record has one).

Houses other than the two at Westminster are named in full (``National Assembly Deb 20
September 2012``), except the Scottish Parliament's Official Report in OSCOLA (``SP OR 3 May
2012, col 12``).

Column ranges are shortened as in the Chicago Manual (a range from a number under 100, or from
a multiple of 100, is written in full; otherwise the second number drops the leading digits it
shares, keeping at least two): ``973–76``, ``98–102``, ``1099–101``, ``100–104``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from exporter.model import Debate, Division, Procedural, Section, Speech, walk_items

STYLES = ("oscola", "short", "harvard")
EN_DASH = "–"

_HOUSES = {"house of commons": "HC", "commons": "HC", "house of lords": "HL", "lords": "HL"}
_COLUMN = re.compile(r"^\s*(?P<prefix>WA|GC)?\s*(?P<number>\d+)\s*(?P<suffix>WH|WS|WA|GC|W)?\s*$", re.I)
_GID = re.compile(r"^uk\.org\.publicwhip/(?P<type>[a-z]+)/(?P<id>\d{4}-\d{2}-\d{2}[a-z]?(?:\.[\w.]+)?)$")
TWFY_SECTIONS = {
    "debate": "debates",
    "westminhall": "whall",
    "lords": "lords",
    "wrans": "wrans",
    "wms": "wms",
}
TWFY = "https://www.theyworkforyou.com"


@dataclass(frozen=True)
class Column:
    """A column as printed, taken apart: ``98WH`` is (``""``, 98, ``WH``)."""

    prefix: str
    number: int
    suffix: str


def cite(debate: Debate, speech: Speech | None, style: str = "oscola") -> str:
    """The citation of one speech, or of the whole debate when ``speech`` is None."""
    if speech is None:
        columns = debate_columns(debate)
    elif speech.column:
        columns = [speech.column]
    else:
        columns = []
    return cite_columns(debate, columns, style, speech.url if speech else None)


def cite_columns(debate: Debate, columns: list[str], style: str = "oscola", url: str | None = None) -> str:
    """The citation of a passage printed in ``columns`` (as printed, in any order)."""
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r}; choose one of {', '.join(STYLES)}")
    house = _house(debate.house, style)
    date = sitting_date(debate.date)
    volume = debate.source.volume
    span = column_span(debate, columns)
    count = _count(debate, columns)
    if style == "oscola":
        head = " ".join(part for part in (house, date) if part)
        parts = [
            head,
            f"vol {volume}" if volume else None,
            f"{'cols' if count > 1 else 'col'} {span}" if span else None,
        ]
        return ", ".join(part for part in parts if part)
    if style == "short":
        parts = [
            house,
            date,
            f"vol {volume}" if volume else None,
            f"{'cc' if count > 1 else 'c'}{span}" if span else None,
        ]
        return " ".join(part for part in parts if part)
    where = " ".join(
        part
        for part in (
            f"Hansard {house}.",
            f"vol. {volume}" if volume else None,
            f"{'cols.' if count > 1 else 'col.'} {span}" if span else None,
        )
        if part
    )
    text = f"{where}, {date}." if date else f"{where}."
    link = url or record_url(debate, None)
    return f"{text} Available at: {link}" if link else text


def column_span(debate: Debate, columns: list[str]) -> str:
    """The columns a passage runs over, first to last: ``98WH``, ``973–76``, ``WA12–14``.

    Records mark only the column where each item begins, so a passage is taken to run from
    its lowest column to its highest. Columns of different series (``98WH`` and ``12WS``),
    or not numbers at all, are listed separately, joined by commas."""
    series: dict[tuple[str, str], list[int]] = {}
    others: list[str] = []
    for text in columns:
        if not text.strip():
            continue
        column = _column(debate, text)
        if isinstance(column, Column):
            series.setdefault((column.prefix, column.suffix), []).append(column.number)
        elif column not in others:
            others.append(column)
    spans = [
        _range(prefix, suffix, min(numbers), max(numbers)) for (prefix, suffix), numbers in series.items()
    ]
    return ", ".join(spans + others)


def debate_columns(debate: Debate) -> list[str]:
    """Every column the record gives for the debate, in reading order."""
    found: list[str] = []
    for item in walk_items(debate.sections):
        if isinstance(item, (Speech, Procedural, Division, Section)) and item.column:
            found.append(item.column)
    return list(dict.fromkeys(found))


def record_url(debate: Debate, speech: Speech | None) -> str | None:
    """The official record's page for a speech (or the debate): the record's own link first,
    then a TheyWorkForYou link built from a ParlParse gid, then the debate's source page."""
    if speech is not None:
        if speech.url:
            return speech.url
        if speech.id and (link := theyworkforyou_url(speech.id)):
            return link
    if debate.source.url:
        return debate.source.url
    return theyworkforyou_url(debate.source.reference) if debate.source.reference else None


def theyworkforyou_url(gid: str) -> str | None:
    """``uk.org.publicwhip/westminhall/2009-10-28a.1.0`` to its page on TheyWorkForYou; a
    gid naming only the day (``…/2009-10-28a``) links to that day."""
    match = _GID.match(gid.strip())
    if match is None or match.group("type") not in TWFY_SECTIONS:
        return None
    section = TWFY_SECTIONS[match.group("type")]
    ident = match.group("id")
    if "." in ident:
        return f"{TWFY}/{section}/?id={ident}"
    return f"{TWFY}/{section}/?d={ident[:10]}"


def _house(house: str | None, style: str) -> str | None:
    if house is None:
        return None
    short = _HOUSES.get(house.strip().lower())
    if short:
        return f"{short} Deb"
    if style == "oscola" and house.strip().lower() == "scottish parliament":
        return "SP OR"
    return f"{house.strip()} Deb"


def _column(debate: Debate, text: str) -> Column | str:
    """A column with the series mark the debate's place implies when the record omits it."""
    match = _COLUMN.match(text)
    if match is None:
        return text.strip()  # not a column number we understand: kept as printed
    prefix = (match.group("prefix") or "").upper()
    suffix = (match.group("suffix") or "").upper()
    lords = (debate.house or "").strip().lower() in ("house of lords", "lords")
    if suffix in ("WA", "GC"):
        prefix, suffix = suffix, ""  # a Lords mark is printed before the number
    if not prefix and not suffix:
        prefix, suffix = _implied_mark(debate.location, lords)
    return Column(prefix, int(match.group("number")), suffix)


def _implied_mark(location: str | None, lords: bool) -> tuple[str, str]:
    place = (location or "").strip().lower()
    if place == "westminster hall":
        return "", "WH"
    if "written statement" in place or "written ministerial statement" in place:
        return "", "WS"
    if "written answer" in place:
        return ("WA", "") if lords else ("", "W")
    if lords and place == "grand committee":
        return "GC", ""
    return "", ""


def _range(prefix: str, suffix: str, first: int, last: int) -> str:
    if first == last:
        return f"{prefix}{first}{suffix}"
    return f"{prefix}{first}{EN_DASH}{_elide(first, last)}{suffix}"


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


def _count(debate: Debate, columns: list[str]) -> int:
    """How many columns the passage spans: "col" for one, "cols" for more."""
    span = column_span(debate, columns)
    return 2 if EN_DASH in span or "," in span else (1 if span else 0)


def sitting_date(date: dt.date | None) -> str | None:
    """A sitting date in words, as citations print it: ``23 February 2022``."""
    return f"{date.day} {date:%B %Y}" if date else None
