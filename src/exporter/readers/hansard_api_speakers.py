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
(Alasdair Morgan)"), so the ParlParse reader shares this parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exporter.readers.parties import expand_party, is_party

_TRAILING_GROUP = re.compile(r"\s*\(([^()]*)\)\s*$")
_OFFICE = re.compile(
    r"^(the |madam |mr\.? |mrs\.? |ms\.? |dame |sir )?(deputy )?"
    r"(speaker|chair|chairman|chairwoman|presiding officer|lord speaker|llywydd)\b"
    r"|^the\s",
    re.IGNORECASE,
)
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


def parse_attribution(text: str) -> Attribution:
    """Split a printed attribution into name, office, constituency and party."""
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
    if not groups and _OFFICE.match(head) and _CHAIR.search(head):
        return Attribution(name=head, role=head, party=party)  # "Mr Speaker": the office alone
    if groups and _OFFICE.match(head):
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
