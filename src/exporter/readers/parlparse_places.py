"""Where and when a ParlParse file sat: read from its gids, else from its file name.

ParlParse has no date or house element. Every id is ``uk.org.publicwhip/<type>/<date><rev>.
<colnum>.<n>``; the ``<type>`` names the house and the place, and the file names follow the
same scheme (``westminster2009-10-28a.xml``, ``daylord2009-10-29a.xml``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_GID = re.compile(
    r"^uk\.org\.publicwhip/(?P<type>[a-z]+(?:/[a-z]+)?)/(?P<date>\d{4}-\d{2}-\d{2})(?P<rev>[a-z]?)"
)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Place:
    house: str | None
    location: str | None
    column_suffix: str = ""  # how printed columns are marked: "WH" for Westminster Hall


_PLACES: dict[str, Place] = {
    "debate": Place("House of Commons", "Commons Chamber"),
    "westminhall": Place("House of Commons", "Westminster Hall", "WH"),
    "wrans": Place("House of Commons", "Written Answers", "W"),
    "wms": Place("House of Commons", "Written Ministerial Statements", "WS"),
    "standing": Place("House of Commons", "Public Bill Committee"),
    "lords": Place("House of Lords", "Lords Chamber"),
    "lordswrans": Place("House of Lords", "Written Answers", "WA"),
    "lordswms": Place("House of Lords", "Written Ministerial Statements", "WS"),
    "spor": Place("Scottish Parliament", None),
    "sp": Place("Scottish Parliament", None),
    "spwa": Place("Scottish Parliament", "Written Answers"),
    "ni": Place("Northern Ireland Assembly", None),
    "senedd/en": Place("Senedd Cymru – Welsh Parliament", None),
    "senedd/cy": Place("Senedd Cymru – Welsh Parliament", None),
}

# file name stems as parlparse writes them, for files whose ids say nothing
_FILE_STEMS: tuple[tuple[str, str], ...] = (
    ("westminster", "westminhall"),
    ("westminhall", "westminhall"),
    ("daylord", "lords"),
    ("lordswrans", "lordswrans"),
    ("lordswms", "lordswms"),
    ("lords", "lords"),
    ("debates", "debate"),
    ("answers", "wrans"),
    ("wrans", "wrans"),
    ("ministerial", "wms"),
    ("wms", "wms"),
    ("standing", "standing"),
    ("spor", "spor"),
    ("senedd", "senedd/en"),
    ("ni", "ni"),
)

# OpenAustralia (root <debates>) reuses the publicwhip id scheme for the federal chambers
_AUSTRALIAN_PLACES: dict[str, Place] = {
    "debate": Place("House of Representatives", None),
    "lords": Place("Senate", None),
}

UNKNOWN_PLACE = Place(None, None)


@dataclass(frozen=True)
class Sitting:
    kind: str | None  # the gid type: "westminhall", "lords", "debate"...
    date: dt.date | None
    prefix: str | None  # "uk.org.publicwhip/westminhall/2009-10-28a": the file's own reference
    place: Place


def sitting_of(gids: list[str], file_name: str, australian: bool = False) -> Sitting:
    """The sitting a file records, from its first recognisable gid or its name."""
    places = {**_PLACES, **_AUSTRALIAN_PLACES} if australian else _PLACES
    for gid in gids:
        match = _GID.match(gid)
        if match:
            kind = match.group("type")
            date = _date(match.group("date"))
            prefix = f"uk.org.publicwhip/{kind}/{match.group('date')}{match.group('rev')}"
            return Sitting(kind, date, prefix, places.get(kind, UNKNOWN_PLACE))
    name = file_name.replace("\\", "/").rpartition("/")[2].lower()
    kind = next((kind for stem, kind in _FILE_STEMS if name.startswith(stem)), None)
    found = _DATE.search(name)
    date = _date(found.group(0)) if found else None
    place = places.get(kind, UNKNOWN_PLACE) if kind else UNKNOWN_PLACE
    return Sitting(kind, date, None, place)


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
