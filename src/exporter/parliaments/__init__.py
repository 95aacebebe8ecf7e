"""Parliament profiles: what differs between parliaments, as data, one entry per series.

Each :class:`Profile` says, for one parliament and series (the Commons chamber,
Westminster Hall, Lords written answers, a Public Bill Committee, the Scottish
Parliament, the Senate of Australia...): the parliament and house, who publishes the
official record and under what :class:`Licence` (and whether it allows adaptation), the
addresses of the official record, how its columns are marked (:class:`ColumnMark`:
``W``, ``WA``, ``WS``, ``WH``, ``GC``), how an item is linked from its id
(:class:`IdLink`) and the :class:`CitationForm` s its records are cited in, the
parliament's own first, each naming its source.

How it is used:

- a **reader** decides which profile a debate belongs to, from what the record itself
  says (ids, URLs, the root element, the house it names), and stores the key in
  :attr:`exporter.model.Debate.profile`; :func:`by_url` and :func:`match` help it;
- **citations** (:mod:`exporter.citations`) and the briefing's **Sources** section only
  read the profile, through :func:`profile_of`; no code branches on a parliament's name;
- ``--citation`` chooses among the forms the profile offers (:func:`styles` lists every
  style any profile offers).

A debate whose record names no profile is matched by its house and place
(:func:`match`); one of no known parliament gets :data:`GENERIC`, whose only form is the
neutral one (parliament, sitting, date, URL): an abbreviation is never invented.

Adding a parliament is one entry: a :class:`Profile` in a module of this package (see
``westminster.py``, ``devolved.py``, ``australia.py``, ``europe.py``, ``africa.py``),
listed in :data:`PROFILES`. ``parlamint.py`` maps the ParlaMint corpora to their houses'
profiles.
README.md in this folder walks through it.
"""

from __future__ import annotations

from exporter.model import Debate
from exporter.parliaments import africa, australia, devolved, europe, westminster
from exporter.parliaments.profile import (
    CONTRIBUTION_WORDS,
    PINPOINTS,
    STYLES,
    CitationForm,
    ColumnMark,
    Formula,
    IdLink,
    Licence,
    Profile,
)

#: Every profile, in the order they are tried when matching a house and place or a URL.
PROFILES: tuple[Profile, ...] = (
    *westminster.PROFILES,
    *devolved.PROFILES,
    *australia.PROFILES,
    *europe.PROFILES,
    *africa.PROFILES,
)

#: For a debate of no known parliament: the neutral form only, no licence claimed.
GENERIC = Profile(
    key="generic",
    parliament="",
    houses=(),
    locations=(),
    publisher="",
    licence=None,
    citations=(CitationForm("neutral", "{house}, {location}", westminster.NEUTRAL),),
    guess=False,
)

_BY_KEY = {profile.key: profile for profile in PROFILES}
if len(_BY_KEY) != len(PROFILES):
    raise RuntimeError("two parliament profiles share a key")


def keys() -> tuple[str, ...]:
    """The key of every registered profile."""
    return tuple(_BY_KEY)


def find(key: str | None) -> Profile | None:
    """The profile with this key, or None."""
    return _BY_KEY.get(key) if key else None


def styles() -> tuple[str, ...]:
    """Every citation style some profile offers, in :data:`STYLES` order."""
    offered = {form.style for profile in PROFILES for form in profile.citations}
    return tuple(style for style in STYLES if style in offered)


def _name(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(text.replace("–", "-").replace("—", "-").split()).lower() or None


def match(
    house: str | None, location: str | None, *, language: str | None = None
) -> Profile | None:
    """The profile for a record that names its house and place of sitting, if any fits.

    The house must be one the profile knows (in any of the parliament's languages); the
    place, one of its places, or else the house's own chamber is taken (the profile whose
    places include ``None``). Of a parliament published in two languages, the version in
    the record's ``language`` (a BCP 47 tag) is taken, else the first listed. Profiles
    that do not allow guessing (``guess=False``) are never matched this way."""
    wanted_house, wanted_place = _name(house), _name(location)
    if wanted_house is None:
        return None
    candidates = [p for p in PROFILES if p.guess and wanted_house in {_name(h) for h in p.houses}]
    placed = [p for p in candidates if wanted_place in {_name(place) for place in p.locations}]
    return _in_language(placed or [p for p in candidates if None in p.locations], language)


def by_url(url: str | None, *, language: str | None = None) -> Profile | None:
    """The profile whose official-record addresses match ``url``, if one does; of a
    parliament published in two languages, the version in the record's ``language``."""
    if not url:
        return None
    return _in_language([profile for profile in PROFILES if profile.matches_url(url)], language)


def _in_language(candidates: list[Profile], language: str | None) -> Profile | None:
    """The first candidate whose language is the record's (by primary language subtag:
    ``cy`` and ``cy-GB`` are one), else the first."""
    wanted = _primary(language)
    return next((p for p in candidates if wanted and _primary(p.language) == wanted), None) or next(
        iter(candidates), None
    )


def _primary(tag: str | None) -> str:
    return (tag or "").strip().replace("_", "-").split("-")[0].lower()


def in_country(country: str | None, *names: str | None) -> Profile | None:
    """The profile of a record that names its country (an ISO 3166-1 code, as Akoma Ntoso's
    ``FRBRcountry`` does) and, somewhere in ``names`` (its title, author, proponent), one
    of the profile's houses. A country with a single profile needs no house named; one
    with several (two houses) needs exactly one to be named, else None."""
    code = (country or "").strip().lower()
    candidates = [p for p in PROFILES if code and code in p.countries]
    if len(candidates) == 1:
        return candidates[0]
    texts = [_name(text) or "" for text in names]
    named = [
        p for p in candidates if any((_name(house) or "\0") in text for house in p.houses for text in texts if text)
    ]
    return named[0] if len(named) == 1 else None


def profile_of(debate: Debate) -> Profile:
    """The debate's profile: the one its reader named, else the one its house and place
    match, else the one whose official record its source address is on (each in the
    version of the debate's language), else :data:`GENERIC`."""
    language = debate.language
    return (
        find(debate.profile)
        or match(debate.house, debate.location, language=language)
        or by_url(debate.source.url, language=language)
        or GENERIC
    )


def link_for(identifier: str, profile: Profile | None = None) -> str | None:
    """A link to an item of the record by its id.

    With a ``profile``: its own pattern, else the pattern of another series of the same
    parliament that takes this id (a Commons day file may cite a Westminster Hall gid).
    Without one (or with :data:`GENERIC`): the first profile whose pattern takes it."""
    identifier = identifier.strip()
    if profile is not None and profile.parliament:
        family = [profile] + [p for p in PROFILES if p.parliament == profile.parliament and p is not profile]
    else:
        family = list(PROFILES)
    for candidate in family:
        if candidate.link and (url := candidate.link.url(identifier)):
            return url
    return None


def is_known(key: str) -> bool:
    return key in _BY_KEY


__all__ = [
    "CONTRIBUTION_WORDS",
    "GENERIC",
    "PINPOINTS",
    "PROFILES",
    "STYLES",
    "CitationForm",
    "ColumnMark",
    "Formula",
    "IdLink",
    "Licence",
    "Profile",
    "by_url",
    "find",
    "in_country",
    "is_known",
    "keys",
    "link_for",
    "match",
    "profile_of",
    "styles",
]
