"""Speaker directories (``--people``): names, constituencies and parties by speaker id.

Two published layouts are read, told apart by content:

- a ParlaMint ``listPerson`` (``<listPerson>``, or a corpus root ``<teiCorpus>`` that holds or
  ``xi:include``s it). Party names come from the ``listOrg`` beside it
  (``ParlaMint-XX-listOrg.xml``, or one the corpus root includes); the party is the
  ``affiliation role="member"`` to a political party whose ``from``/``to`` cover the sitting;
- a TheyWorkForYou ``people.json`` (Popolo: ``persons``, ``memberships``, ``organizations``,
  ``posts``), keyed by person id (``uk.org.publicwhip/person/10001``) and by membership id
  (``uk.org.publicwhip/member/40``, ``.../lord/100001``), the ids older ParlParse files use.

Both are also keyed by the UK Parliament Members API id where they record it (ParlaMint's
``idno`` members.parliament.uk address, people.json's ``datadotparl_id``): the ``MemberId``
of the Hansard API reader's speakers.

``Directory.apply`` only fills in: a name the record prints, or a party it states, is kept;
ids the directory does not know are left exactly as the record gives them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from exporter.errors import InputError
from exporter.invisible import reads_as_nothing
from exporter.json_yaml import decode, load_json
from exporter.model import Debate, Speaker
from exporter.readers import _xml
from exporter.readers._xml import local, text_of

_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_MEMBERS_API = re.compile(r"^https?://members\.parliament\.uk/member/(\d+)(?:/|$)")
_PARTY_ROLES = frozenset({"politicalParty", "parliamentaryGroup", "party"})


@dataclass(frozen=True)
class Tenure:
    """What is true of a person between two dates (ISO strings; None is open-ended)."""

    start: str | None
    end: str | None
    name: str | None = None
    party: str | None = None
    constituency: str | None = None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        iso = day.isoformat()
        # partial dates ("2010", "2010-05") in people.json cover their whole year or month
        return (self.start is None or self.start <= iso) and (
            self.end is None or iso[: len(self.end)] <= self.end
        )


@dataclass(frozen=True)
class Person:
    id: str
    tenures: tuple[Tenure, ...]

    def facts(self, day: dt.date | None) -> tuple[str | None, str | None, str | None]:
        """Name, party and constituency on ``day``; each only if the directory is sure."""
        return (
            _settled(tenure.name for tenure in self.tenures if tenure.covers(day)),
            _settled(tenure.party for tenure in self.tenures if tenure.covers(day)),
            _settled(tenure.constituency for tenure in self.tenures if tenure.covers(day)),
        )


def _settled(values: Iterable[str | None]) -> str | None:
    """The one value given, or None when the directory gives none or disagrees with itself."""
    found = {value for value in values if value}
    return found.pop() if len(found) == 1 else None


class Directory:
    """People by every id a record may name them by, with what is true of them when."""

    def __init__(self, people: dict[str, Person], source: str) -> None:
        self._people = people
        self.source = source

    def __len__(self) -> int:
        return len({person.id for person in self._people.values()})

    def lookup(self, speaker_id: str, day: dt.date | None = None) -> Speaker | None:
        person = self._people.get(speaker_id)
        if person is None:
            return None
        name, party, constituency = person.facts(day)
        if reads_as_nothing(name):  # no name (U+200B is none): the id, as for a person with none
            name = speaker_id
        return Speaker(speaker_id, name or speaker_id, constituency=constituency, party=party)

    def apply(self, debate: Debate) -> Debate:
        speakers = tuple(self._fill(speaker, debate.date) for speaker in debate.speakers)
        return replace(debate, speakers=speakers)

    def _fill(self, speaker: Speaker, day: dt.date | None) -> Speaker:
        found = self.lookup(speaker.id, day)
        if found is None:
            return speaker
        # A reader that knows only an id names the speaker by it ("LindsayHoyle", "Member 4123").
        printed_name = speaker.name and speaker.name not in (speaker.id, f"Member {speaker.id}")
        return replace(
            speaker,
            name=speaker.name if printed_name or found.name == found.id else found.name,
            constituency=speaker.constituency or found.constituency,
            party=speaker.party or found.party,
        )


def load(path: Path) -> Directory:
    """Read a speaker directory, whichever of the two layouts it is in."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the speaker directory: {err.strerror}", source) from None
    head = data[:1024].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return Directory(_popolo(data, source), source)
    if head.startswith(b"<"):
        return Directory(_parlamint(path, data, source), source)
    raise InputError(
        "not a speaker directory: expected a ParlaMint listPerson (XML) or a TheyWorkForYou people.json",
        source,
        "line 1",
    )


# --- TheyWorkForYou people.json ----------------------------------------------


def _popolo(data: bytes, source: str) -> dict[str, Person]:
    document = load_json(decode(data, source), source)
    if not isinstance(document, dict) or not isinstance(document.get("persons"), list):
        raise InputError('a people.json needs a "persons" list (and "memberships")', source, "/persons")
    organisations = {org.get("id"): org.get("name") for org in _dicts(document, "organizations")}
    areas = {
        post.get("id"): (post["area"].get("name") if isinstance(post.get("area"), dict) else None)
        for post in _dicts(document, "posts")
    }
    names: dict[str, list[Tenure]] = {}
    aliases: dict[str, str] = {}  # another id of a person -> their person id
    for person in _dicts(document, "persons"):
        person_id = person.get("id")
        if not isinstance(person_id, str):
            continue
        if isinstance(person.get("redirect"), str):
            aliases[person_id] = person["redirect"]
            continue
        for identifier in person.get("identifiers") or []:
            # the Members API id, which the Hansard API gives as MemberId
            if isinstance(identifier, dict) and identifier.get("scheme") == "datadotparl_id":
                aliases.setdefault(str(identifier.get("identifier")), person_id)
        names[person_id] = [
            Tenure(_date(name.get("start_date")), _date(name.get("end_date")), name=_popolo_name(name))
            for name in person.get("other_names") or []
            if isinstance(name, dict) and name.get("note") == "Main"
        ]
    tenures: dict[str, list[Tenure]] = {person_id: list(found) for person_id, found in names.items()}
    for membership in _dicts(document, "memberships"):
        person_id = membership.get("person_id")
        if not isinstance(person_id, str) or person_id not in tenures:
            continue
        if isinstance(membership.get("id"), str):
            aliases[membership["id"]] = person_id
        tenures[person_id].append(
            Tenure(
                _date(membership.get("start_date")),
                _date(membership.get("end_date")),
                party=organisations.get(membership.get("on_behalf_of_id")),
                constituency=areas.get(membership.get("post_id")),
            )
        )
    people = {person_id: Person(person_id, tuple(found)) for person_id, found in tenures.items()}
    return _with_aliases(people, aliases)


def _with_aliases(people: dict[str, Person], aliases: dict[str, str]) -> dict[str, Person]:
    for alias, person_id in aliases.items():
        if person_id in people:
            people.setdefault(alias, people[person_id])
    return people


def _dicts(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = document.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _popolo_name(name: dict[str, Any]) -> str | None:
    if isinstance(name.get("family_name"), str):
        parts = [name.get("given_name"), name["family_name"]]
        return " ".join(str(part) for part in parts if part)
    lordname, of = name.get("lordname"), name.get("lordofname")
    prefix = name.get("honorific_prefix")
    if lordname:
        title = f"{lordname} of {of}" if of else str(lordname)
    elif of and prefix:
        title = f"of {of}"
    else:
        return str(name["name"]) if isinstance(name.get("name"), str) else None
    return f"{prefix} {title}" if prefix else title


def _date(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


# --- ParlaMint listPerson / listOrg --------------------------------------------


def _parlamint(path: Path, data: bytes, source: str) -> dict[str, Person]:
    root = _xml.parse(data, source)
    persons = [node for node in root.iter() if local(node) == "person"]
    orgs = [node for node in root.iter() if local(node) == "org"]
    for included in _includes(root, path):
        included_root = _xml.parse(included.read_bytes(), str(included))
        persons.extend(node for node in included_root.iter() if local(node) == "person")
        orgs.extend(node for node in included_root.iter() if local(node) == "org")
    if not persons:
        raise InputError(f"no <person> in this <{local(root)}>: not a ParlaMint listPerson", source, "line 1")
    if not orgs:
        sibling = _sibling_list_org(path)
        if sibling is not None:
            orgs.extend(
                node for node in _xml.parse(sibling.read_bytes(), str(sibling)).iter() if local(node) == "org"
            )
    return _tei_people(persons, orgs)


def in_record(root: etree._Element) -> Directory | None:
    """The people a ParlaMint record lists itself (a ``listPerson`` in its header, with the
    parties of its ``listOrg``), or None when it lists none."""
    persons = [node for node in root.iter() if local(node) == "person" and node.get(_XML_ID)]
    if not persons:
        return None
    orgs = [node for node in root.iter() if local(node) == "org"]
    return Directory(_tei_people(persons, orgs), "the record's listPerson")


def cached(path: Path) -> Directory:
    """:func:`load`, read once per path in a process (a ParlaMint listPerson takes about half
    a second; a reader consults it for every sitting of a batch), and again once the file
    changes (its modification time or size), so that a long-lived process never uses an
    old version."""
    found = path.stat()
    return _cached(path, found.st_mtime_ns, found.st_size)


@lru_cache(maxsize=4)
def _cached(path: Path, _modified: int, _size: int) -> Directory:
    return load(path)


def _tei_people(persons: list[etree._Element], orgs: list[etree._Element]) -> dict[str, Person]:
    parties = {
        org.get(_XML_ID): _org_name(org)
        for org in orgs
        if org.get(_XML_ID) and org.get("role") in _PARTY_ROLES
    }
    people: dict[str, Person] = {}
    aliases: dict[str, str] = {}
    for person in persons:
        person_id = person.get(_XML_ID)
        if person_id:
            people[person_id] = Person(person_id, tuple(_tei_tenures(person, parties)))
            for idno in person:
                # https://members.parliament.uk/member/3684/contact: the Hansard API's MemberId
                found = _MEMBERS_API.match(text_of(idno)) if local(idno) == "idno" else None
                if found:
                    aliases.setdefault(found.group(1), person_id)
    return _with_aliases(people, aliases)


def _includes(root: etree._Element, path: Path) -> list[Path]:
    """Files an ``xi:include`` brings in, if they are listPerson/listOrg files beside this one."""
    found: list[Path] = []
    for node in root.iter():
        if local(node) != "include":
            continue
        href = node.get("href") or ""
        name = Path(href).name
        # only a plain file name in the same folder: a directory never reaches elsewhere
        if href != name or not ("listPerson" in name or "listOrg" in name):
            continue
        candidate = path.parent / name
        if candidate.is_file():
            found.append(candidate)
    return found


def _sibling_list_org(path: Path) -> Path | None:
    if "listPerson" in path.name:
        candidate = path.with_name(path.name.replace("listPerson", "listOrg"))
        if candidate.is_file():
            return candidate
    matches = sorted(path.parent.glob("*listOrg*.xml"))
    return matches[0] if len(matches) == 1 else None


def _org_name(org: etree._Element) -> str | None:
    names = [node for node in org if local(node) == "orgName"]
    names.sort(
        key=lambda node: (
            0 if node.get("full") in ("yes", None) else 1,
            0 if node.get(_XML_LANG) in (None, "en") else 1,
        )
    )
    return text_of(names[0]) if names else None


def _tei_tenures(person: etree._Element, parties: dict[str | None, str | None]) -> list[Tenure]:
    tenures: list[Tenure] = []
    for child in person:
        name = local(child)
        if name == "persName":
            tenures.append(Tenure(_date(child.get("from")), _date(child.get("to")), name=_pers_name(child)))
        elif name == "affiliation" and child.get("role") == "member":
            reference = (child.get("ref") or "").lstrip("#")
            if reference in parties:
                tenures.append(
                    Tenure(_date(child.get("from")), _date(child.get("to")), party=parties[reference])
                )
    return tenures


def _pers_name(pers_name: etree._Element) -> str | None:
    parts: dict[str, list[str]] = {}
    for child in pers_name:
        if local(child) in ("forename", "surname", "nameLink", "addName", "roleName"):
            parts.setdefault(local(child), []).append(text_of(child))
    if not parts:
        return text_of(pers_name) or None
    ordered = parts.get("forename", []) + parts.get("nameLink", []) + parts.get("surname", [])
    return " ".join(part for part in ordered if part) or None
