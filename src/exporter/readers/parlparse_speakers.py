"""Who speaks in a ParlParse file, from what the file itself says about them.

A ``<speech>`` names its speaker by id (``speakerid``/``person_id``) and as printed
(``speakername``). The printed name may carry more: "Bill Aitken (Glasgow) (Con)" (the
Scottish Parliament, a member's first words; TheyWorkForYou written answers) gives the
constituency and the party; "The Deputy Presiding Officer (Alasdair Morgan)" the office.
In a Welsh record the office is printed in Welsh, "Y Llywydd (Elin Jones)": the words that
open an office and the chair's titles are the series' profile's
(:mod:`exporter.parliaments`), in its language. A member printed once in full and later by surname ("Dr Richard Simpson (Mid Scotland and
Fife) (Lab)", then "Dr Simpson") keeps the full name. Other facts come from the text: a
``<phrase class="honfriend">`` ("the hon. Member for Orkney and Shetland (Mr. Carmichael)")
names a member's seat; a committee's member list gives constituency, party and office.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from exporter.invisible import reads_as_nothing
from exporter.model import Speaker
from exporter.parliaments import Profile
from exporter.readers._xml import local, text_of
from exporter.readers.hansard_api_speakers import Attribution, parse_attribution

UNKNOWN_SPEAKER = "Unknown speaker"
_HONFRIEND_SEAT = re.compile(r"\bMember for (.+?)\s*\(")
_NAMED_IDS = ("person_id", "speakerid", "memberid", "id")
_NAMED = frozenset({"mpname", "lord", "member", "mspname", "msname", "mlaname"})


class Speakers:
    """The speakers met so far, by id, each with everything the file says of them."""

    def __init__(self, root: etree._Element, profile: Profile | None = None) -> None:
        self.by_id: dict[str, Speaker] = {}
        self._full: set[str] = set()  # ids whose name came printed with constituency or party
        self.seats = _seats_named(root)
        self.profile = profile  # the series': how its record prints an office, in its language

    def speaker_of(self, element: etree._Element) -> tuple[str | None, str | None, str | None]:
        """(speaker id, printed label when there is no id, office spoken in)."""
        person = element.get("person_id") or element.get("speakerid") or ""
        printed = " ".join((element.get("speakername") or "").split())
        if reads_as_nothing(printed):  # "&#8203;" names no one, as a missing speakername does
            printed = ""
        role = " ".join((element.get("speakeroffice") or "").split()) or None
        as_printed = printed
        constituency = party = None
        if "(" in printed:
            attribution = attributed(printed, self.profile)
            printed = attribution.name
            role = role or attribution.role
            constituency, party = attribution.constituency, attribution.party
        if not person or person == "unknown":
            # no id: the name stays as printed, with what it says of the speaker
            # ("Father Paul Kelly (St Michael's Roman Catholic Church, Linlithgow)"), unless it
            # is an office with the name in brackets ("The Deputy Presiding Officer (Alasdair Morgan)")
            return None, (printed if role else as_printed) or UNKNOWN_SPEAKER, role
        self._remember(person, printed, constituency, party)
        return person, None, role

    def _remember(self, person: str, printed: str, constituency: str | None, party: str | None) -> None:
        full = bool(constituency or party)
        known = self.by_id.get(person)
        if known is None:
            self.by_id[person] = Speaker(
                id=person,
                name=printed or person,
                constituency=constituency or self.seats.get(person),
                party=party,
            )
            if full:
                self._full.add(person)
            return
        if printed and known.name == person:  # first met with no name printed, now with one
            known = self.by_id[person] = replace(known, name=printed)
        if not full:
            return  # a later, shorter printing adds nothing
        name = printed if printed and person not in self._full else known.name
        self._full.add(person)
        updated = replace(
            known, name=name, constituency=known.constituency or constituency, party=known.party or party
        )
        if updated != known:
            self.by_id[person] = updated

    def enrich(self, person: str, **facts: str | None) -> None:
        """Add facts (constituency, party, role) a speaker lacks, from elsewhere in the file."""
        known = self.by_id.get(person)
        if known is None:
            return
        missing = {key: value for key, value in facts.items() if value and not getattr(known, key)}
        if missing:
            self.by_id[person] = replace(known, **missing)


def attributed(printed: str, profile: Profile | None) -> Attribution:
    """A printed attribution taken apart in the words of the series' language."""
    if profile is None:
        return parse_attribution(printed)
    return parse_attribution(printed, profile.office_words, profile.chair_titles)


def names_by_id(root: etree._Element, profile: Profile | None = None) -> dict[str, str]:
    """Every member the file names, by id: speakers by their printed name, voters and
    committee members by theirs (used to name who cast a proxy vote)."""
    names: dict[str, str] = {}
    named = root.xpath("./*[@speakername] | ./division/*/* | ./divisioncount/*/* | ./committee//mpname")
    for element in named:
        person = next((element.get(a) for a in _NAMED_IDS if element.get(a)), None)
        if not person or "/" not in person:
            continue
        name = element.get("speakername") or element.get("membername")
        if not name and local(element) in _NAMED:
            name = text_of(element)
        if name and person not in names:
            names[person] = " ".join(attributed(name, profile).name.split()) if "(" in name else name.strip()
    return names


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
