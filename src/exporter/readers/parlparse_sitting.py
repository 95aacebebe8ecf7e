"""Which sitting a ParlParse file records: its parliament profile, date and reference.

Only the record decides, never its file name (a Public Bill Committee file keeps the date
of the committee's first sitting in its name): ParlParse has no date or house element, but

- every id is ``uk.org.publicwhip/<type>/<date><rev>.<colnum>.<n>``; the ``<type>`` names
  the series (``debate``, ``westminhall``, ``lords``, ``wrans``, ``wms``, ``standing``,
  ``spor``, ``spwa``, ``ni``, ``senedd/en``...) and the date is the sitting's. Committee ids
  carry the sitting part's name instead, ``standing<first date>_<letters>_<sitting>-<part>_
  <date><rev>``, whose last date is the sitting's;
- the ``url`` attributes point at the official record's pages, whose addresses tell the
  series (:func:`exporter.parliaments.by_url`) and often the date;
- OpenAustralia files reuse the UK id types (``debate`` for the House of Representatives,
  ``lords`` for the Senate): their root element (``<debates>``) and their Parliament of
  Australia addresses decide;
- written answers and statements of both Houses share the ``wrans`` and ``wms`` types: the
  addresses, the speakers' ids (``…/lord/…``) and the question numbers (``HL1234``) tell
  the Lords from the Commons.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from exporter import parliaments
from exporter.parliaments import Profile
from exporter.readers._xml import local

_GID = re.compile(r"^uk\.org\.publicwhip/(?P<type>[a-z]+(?:/[a-z]{2})?)/(?P<rest>\S+)$")
_DAY = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?P<rev>[a-z]?)(?:\.|$)")
_SITTING_PART = re.compile(
    r"^standing(?P<first>\d{4}-\d{2}-\d{2})_(?P<letters>[A-Za-z0-9]+)_(?P<number>\d+)-(?P<part>\d+)_"
    r"(?P<date>\d{4}-\d{2}-\d{2})(?P<rev>[a-z]?)(?:\.|$)"
)

# the series each id type may belong to; the first is taken when nothing else tells
_SERIES: dict[str, tuple[str, ...]] = {
    "debate": ("uk-commons",),
    "westminhall": ("uk-commons-westminster-hall",),
    "wrans": ("uk-commons-written-answers", "uk-lords-written-answers"),
    "wms": ("uk-commons-written-statements", "uk-lords-written-statements"),
    "lords": ("uk-lords", "uk-lords-grand-committee"),
    "lordswrans": ("uk-lords-written-answers",),
    "lordswms": ("uk-lords-written-statements",),
    "standing": ("uk-commons-public-bill-committee", "uk-commons-standing-committee"),
    "spor": ("scottish-parliament",),
    "sp": ("scottish-parliament",),
    "spwa": ("scottish-parliament-written-answers",),
    "ni": ("ni-assembly",),
    "senedd/en": ("senedd",),
    "senedd/cy": ("senedd-cy",),
}
_AUSTRALIAN: dict[str, str] = {"debate": "au-representatives", "lords": "au-senate"}
_AUSTRALIAN_URL = re.compile(r"aph\.gov\.au/|openaustralia\.org", re.I)

# dates in the official record's addresses
_URL_DATES = (
    re.compile(r"/cmhansrd/cm(?P<y>\d\d)(?P<m>\d\d)(?P<d>\d\d)/"),  # Commons Hansard: /cm091028/
    re.compile(r"/cmpublic/[^/]+/(?P<y>\d\d)(?P<m>\d\d)(?P<d>\d\d)/"),  # Public Bill Committees
    re.compile(r"Date(?:%3A|:)(?P<d>\d{1,2})(?:%2F|/)(?P<m>\d{1,2})(?:%2F|/)(?P<Y>\d{4})"),  # ParlInfo
    re.compile(r"/(?:or|wa)-(?P<y>\d\d)/s?(?:or|wa)(?P<m>\d\d)(?P<d>\d\d)"),  # Scottish Parliament
)


@dataclass(frozen=True)
class Sitting:
    profile: Profile | None
    date: dt.date | None
    reference: str | None  # "uk.org.publicwhip/westminhall/2009-10-28a": the file's own reference
    committee: str | None = None  # a standing committee's letter ("A"), from its sitting ids
    date_from: str | None = None  # "ids" or "addresses": where the date was read

    @property
    def house(self) -> str | None:
        return self.profile.house if self.profile else None

    @property
    def location(self) -> str | None:
        return self.profile.location if self.profile else None


def sitting_of(root: etree._Element) -> Sitting:
    """The sitting a ParlParse or OpenAustralia file records, from the record alone."""
    gids, urls, lords_evidence, commons_evidence, grand_committee = _evidence(root)
    first = next((m for gid in gids if (m := _GID.match(gid))), None)
    kind = first.group("type") if first else None
    australian = local(root) == "debates" or any(_AUSTRALIAN_URL.search(url) for url in urls)
    committee: str | None = None
    date: dt.date | None = None
    reference: str | None = None
    if first is not None:
        rest = first.group("rest")
        part = _SITTING_PART.match(rest)
        day = _DAY.match(rest)
        if part is not None:
            date = _date(part.group("date"))
            letters = part.group("letters")
            committee = letters.upper() if len(letters) == 1 and letters.isalpha() else None
            reference = f"uk.org.publicwhip/{kind}/{rest.split('.')[0]}"
        elif day is not None:
            date = _date(day.group("date"))
            reference = f"uk.org.publicwhip/{kind}/{day.group('date')}{day.group('rev')}"
    profile = _profile(kind, urls, australian, committee, lords_evidence > commons_evidence)
    if kind == "lords" and grand_committee and not australian:  # every column printed "GC…"
        profile = parliaments.find("uk-lords-grand-committee")
    date_from = "ids" if date else None
    if date is None:
        date = _url_date(urls)
        date_from = "addresses" if date else None
    return Sitting(profile, date, reference, committee, date_from)


def _evidence(root: etree._Element) -> tuple[list[str], list[str], int, int, bool]:
    """The ids and addresses of the file's headings and speeches, how many speakers and
    question numbers are of the Lords and of the Commons, and whether every column is a
    Grand Committee's ("GC12")."""
    gids: list[str] = []
    urls: list[str] = []
    houses: Counter[str] = Counter()
    columns: Counter[bool] = Counter()
    for element in root:
        name = local(element)
        if name in ("major-heading", "minor-heading", "oral-heading", "speech", "ques", "reply", "division"):
            if element.get("id"):
                gids.append(element.get("id", ""))
            if element.get("url"):
                urls.append(element.get("url", ""))
            if element.get("colnum"):
                columns[element.get("colnum", "").strip().upper().startswith("GC")] += 1
            speaker = element.get("speakerid") or element.get("person_id") or ""
            if "/lord/" in speaker:
                houses["lords"] += 1
            elif "/member/" in speaker:
                houses["commons"] += 1
            if name == "ques":
                for paragraph in element.iter("p"):
                    number = paragraph.get("qnum") or ""
                    if number:
                        houses["lords" if number.upper().startswith("HL") else "commons"] += 1
        elif name == "source" and element.get("url"):
            urls.append(element.get("url", ""))
    return gids, urls, houses["lords"], houses["commons"], bool(columns[True]) and not columns[False]


def _profile(
    kind: str | None, urls: list[str], australian: bool, committee: str | None, lords: bool
) -> Profile | None:
    named = [found for url in urls if (found := parliaments.by_url(url)) is not None]
    if australian:
        chambers = [p for p in named if p.key in _AUSTRALIAN.values()]
        if chambers:
            return Counter(chambers).most_common(1)[0][0]
        return parliaments.find(_AUSTRALIAN.get(kind or ""))
    if kind is None:  # no ids: the addresses alone
        return Counter(named).most_common(1)[0][0] if named else None
    allowed = _SERIES.get(kind)
    if not allowed:
        return None
    if kind == "standing":
        return parliaments.find(allowed[1] if committee else allowed[0])
    votes = Counter(p.key for p in named if p.key in allowed)
    if votes:
        return parliaments.find(votes.most_common(1)[0][0])
    if lords and len(allowed) > 1 and kind in ("wrans", "wms"):
        return parliaments.find(allowed[1])
    return parliaments.find(allowed[0])


def _url_date(urls: list[str]) -> dt.date | None:
    found: Counter[dt.date] = Counter()
    for url in urls:
        for pattern in _URL_DATES:
            match = pattern.search(url)
            if match is None:
                continue
            parts = match.groupdict()
            year = int(parts["Y"]) if parts.get("Y") else 2000 + int(parts["y"])
            try:
                found[dt.date(year, int(parts["m"]), int(parts["d"]))] += 1
            except ValueError:
                continue
            break
    return found.most_common(1)[0][0] if found else None


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None

