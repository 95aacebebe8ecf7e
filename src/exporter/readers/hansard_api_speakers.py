"""Who is speaking, from Hansard's printed attribution.

The Hansard API's ``AttributedTo`` packs everything into one string, in forms like:

- ``"Martin Vickers (Brigg and Immingham) (Con)"``: a member's first contribution;
- ``"Martin Vickers"``: later ones (constituency and party are carried over by MemberId);
- ``"Madam Deputy Speaker (Caroline Nokes)"``: the chair, office first, name in brackets;
- ``"The Minister for Industry (Chris McDonald)"``: a minister, same shape;
- ``"Lord Hanson of Flint (Lab)"``: peers have no constituency;
- ``"The Parliamentary Under-Secretary of State for Health (Ashley Dalton) (Lab)"``;
- ``"Sir Christopher Chope (in the Chair)"``: the chair in Westminster Hall.

Assembly records in ParlParse use the office form too ("The Deputy Presiding Officer
(Alasdair Morgan)"), so the ParlParse reader shares this parser, in their language: "Office
(Name)" is told from "Name (Constituency)" by the words an office opens with and the chair's
titles, which the parliament's profile gives for its record's language
(:attr:`exporter.parliaments.Profile.office_words`, ``chair_titles``): the Senedd's Welsh
record prints "Y Llywydd (Elin Jones)" and "Y Prif Weinidog (Mark Drakeford)". The English
forms of address of Westminster's chair ("Madam Deputy Speaker") are known here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exporter.readers.parties import expand_party, is_party

_TRAILING_GROUP = re.compile(r"\s*\(([^()]*)\)\s*$")
_CHAIR_OFFICE = re.compile(
    r"^(the |madam |mr\.? |mrs\.? |ms\.? |dame |sir )?(deputy )?"
    r"(speaker|chair|chairman|chairwoman|presiding officer|lord speaker|llywydd)\b",
    re.IGNORECASE,
)
ENGLISH_OFFICE_WORDS = ("The",)
_CHAIR = re.compile(
    r"\b((deputy |lord )?speaker|chair(man|woman)?|(deputy )?presiding officer|llywydd)\b", re.I
)
_IN_THE_CHAIR = re.compile(r"^in the chair$", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(madam|mr\.?|mrs\.?|ms\.?|the)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    name: str
    role: str | None = None  # the office as printed: "Madam Deputy Speaker"
    constituency: str | None = None
    party: str | None = None  # the full party name

    @property
    def chair_role(self) -> str | None:
        """The chair's office without its form of address: "Deputy Speaker"."""
        if self.role is None or not _CHAIR.search(self.role):
            return None
        return _HONORIFIC.sub("", self.role).strip()


def parse_attribution(
    text: str, office_words: tuple[str, ...] = ENGLISH_OFFICE_WORDS, chair_titles: tuple[str, ...] = ()
) -> Attribution:
    """Split a printed attribution into name, office, constituency and party.

    ``office_words`` are the words an office opens with in the record's language ("The"; the
    Welsh "Y", "Yr"), ``chair_titles`` the chair's offices as it prints them ("Y Llywydd"):
    a head that opens so, followed by a bracket, is an office held by the member the bracket
    names; a head that is a chair's office alone is the chair."""
    head = " ".join(text.split())
    groups: list[str] = []
    while True:
        match = _TRAILING_GROUP.search(head)
        if match is None or match.start() == 0:
            break
        groups.insert(0, " ".join(match.group(1).split()))
        head = head[: match.start()].strip()
    in_the_chair = [group for group in groups if _IN_THE_CHAIR.match(group)]
    if in_the_chair:  # Westminster Hall: "Sir Christopher Chope (in the Chair)"
        groups = [group for group in groups if group not in in_the_chair]
    party = None
    if groups and is_party(groups[-1]):
        party = expand_party(groups.pop())
    titles = {" ".join(title.split()).casefold() for title in chair_titles}
    office = _is_office(head, office_words, titles)
    if not groups and ((office and _CHAIR.search(head)) or head.casefold() in titles):
        return Attribution(name=head, role=head, party=party)  # "Mr Speaker": the office alone
    if groups and office:
        name = groups.pop(0)
        constituency = groups[0] if groups else None
        return Attribution(name=name, role=head, constituency=constituency, party=party)
    if len(groups) >= 2 and party is None:
        # "Name (Constituency) (Party)" with a party this table does not know
        party = groups.pop()
    constituency = ", ".join(groups) if groups else None
    return Attribution(
        name=head, role="Chair" if in_the_chair else None, constituency=constituency, party=party
    )


def _is_office(head: str, office_words: tuple[str, ...], titles: set[str]) -> bool:
    """Whether a printed head is an office (to be followed by its holder's name in brackets):
    the chair's, or one that opens with an office word of the record's language."""
    folded = head.casefold()
    if _CHAIR_OFFICE.match(head) or any(folded == t or folded.startswith(f"{t} ") for t in titles):
        return True
    return any(folded.startswith(f"{word.casefold()} ") for word in office_words)
