"""A committee sitting's own front matter in ParlParse: ``<bill>``, ``<committee>``, ``<witnesses>``.

Public Bill Committee (and older standing committee) files open with the bill the
committee considers, ``<bill url title>``, and the committee as the printed report lists
it::

    <committee>
      <chairmen><mpname memberid membername attending="true|false">Robert Key</mpname>…</chairmen>
      <mpname memberid membername attending> Selous, Andrew <span class="italic">(South-West
        Bedfordshire)</span> (Con)</mpname>
      <mpname …> Goodman, Helen (Parliamentary Under-Secretary of State for Work and Pensions)</mpname>
      <clerk>Chris Stanton</clerk>
    </committee>

The italic bracket is the member's constituency, a bracket naming a party their party,
another bracket their office. Evidence sessions add ``<witnesses><witness>…``. The list
becomes a note with a table (member, constituency, party, role, attended) at the start of
the sitting, and gives the members who speak their constituency, party and office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from exporter.model import (
    HeaderScope,
    ListBlock,
    ListEntry,
    Paragraph,
    Procedural,
    ProceduralKind,
    Run,
    Section,
    Table,
    TableCell,
)
from exporter.readers._xml import local, text_of
from exporter.readers.parties import expand_party, is_party

_BRACKET = re.compile(r"\(([^()]*)\)")
_CHAIR_NOTE = re.compile(r"^\s*\[?\s*(?P<name>.+?)\s+in\s+the\s+chair\s*\]?\s*$", re.IGNORECASE)
_HEADER = ("Member", "Constituency", "Party", "Role", "Attended")


@dataclass(frozen=True)
class Member:
    id: str | None
    name: str
    constituency: str | None = None
    party: str | None = None
    role: str | None = None
    chair: bool = False
    attending: bool | None = None


@dataclass
class Committee:
    bill: str | None = None
    bill_url: str | None = None
    members: list[Member] = field(default_factory=list)
    clerks: list[str] = field(default_factory=list)
    witnesses: list[str] = field(default_factory=list)

    def member(self, member_id: str | None) -> Member | None:
        return next((m for m in self.members if member_id and m.id == member_id), None)

    def attending_chairs(self) -> list[str]:
        return [m.name for m in self.members if m.chair and m.attending]

    def notes(self) -> list[Procedural]:
        """The member list (a table) and the witnesses (a list), as the record gives them."""
        notes: list[Procedural] = []
        if self.members:
            rows = [tuple(_cell(text, HeaderScope.COLUMN) for text in _HEADER)]
            for member in self.members:
                attended = {True: "Yes", False: "No", None: ""}[member.attending]
                cells = (member.constituency, member.party, member.role, attended)
                rows.append((_cell(member.name, HeaderScope.ROW), *(_cell(text) for text in cells)))
            blocks: list[Paragraph | Table | ListBlock] = [
                Table(
                    tuple(rows),
                    header_rows=1,
                    caption="the members of the committee, as the record lists them",
                )
            ]
            if self.clerks:
                blocks.append(Paragraph((Run(f"Committee clerks: {', '.join(self.clerks)}."),)))
            notes.append(Procedural(tuple(blocks), ProceduralKind.NOTE))
        if self.witnesses:
            entries = tuple(ListEntry((Paragraph((Run(w),)),)) for w in self.witnesses)
            notes.append(
                Procedural((Paragraph((Run("Witnesses:"),)), ListBlock(entries)), ProceduralKind.NOTE)
            )
        return notes


def _cell(text: str | None, header: HeaderScope | None = None) -> TableCell:
    """A cell of the member list; an empty one heads nothing."""
    if not text:
        return TableCell()
    return TableCell((Paragraph((Run(text),)),), header=header)


def read_bill(element: etree._Element, committee: Committee) -> None:
    committee.bill = " ".join((element.get("title") or "").split()) or text_of(element) or None
    url = (element.get("url") or "").strip()
    committee.bill_url = url if url.startswith(("http://", "https://")) else None


def read_committee(element: etree._Element, committee: Committee) -> None:
    for child in element:
        name = local(child)
        if name == "chairmen":
            committee.members.extend(_member(m, chair=True) for m in child if local(m) == "mpname")
        elif name == "mpname":
            committee.members.append(_member(child))
        elif name == "clerk" and text_of(child):
            committee.clerks.append(text_of(child))


def read_witnesses(element: etree._Element, committee: Committee) -> None:
    committee.witnesses.extend(text_of(w) for w in element if local(w) == "witness" and text_of(w))


def committee_chair(committee: Committee, opening: Section) -> str | None:
    """Who chaired the sitting: the chair note it opens with ("[Robert Key in the Chair]"),
    else the one chairman the list marks as attending."""
    for item in opening.items:
        if isinstance(item, Procedural) and item.kind is ProceduralKind.CHAIR:
            for paragraph in item.paragraphs:
                if isinstance(paragraph, Paragraph) and (name := chair_of_note(paragraph.text)):
                    return name
    chairs = committee.attending_chairs()
    return chairs[0] if len(chairs) == 1 else None


def chair_of_note(text: str) -> str | None:
    """ "[Robert Key in the Chair]" -> "Robert Key"."""
    match = _CHAIR_NOTE.match(text)
    return " ".join(match.group("name").split()) if match else None


def _member(element: etree._Element, chair: bool = False) -> Member:
    constituency = None
    for span in element.iter("span"):
        if "italic" in (span.get("class") or "").lower():
            inside = _BRACKET.search(text_of(span))
            constituency = inside.group(1).strip() if inside else text_of(span).strip("() ") or None
    plain = "".join(_plain_text(element))
    party = role = None
    for bracket in _BRACKET.findall(plain):
        bracket = " ".join(bracket.split())
        if not bracket:
            continue
        if is_party(bracket):
            party = expand_party(bracket)
        else:
            role = bracket
    printed = " ".join(_BRACKET.sub(" ", plain).split()).strip(" ,")
    name = " ".join((element.get("membername") or "").split()) or _natural(printed) or text_of(element)
    attending = (element.get("attending") or "").lower()
    return Member(
        id=element.get("memberid") or element.get("person_id") or None,
        name=name,
        constituency=constituency,
        party=party,
        role="Chair" if chair else role,
        chair=chair,
        attending=True if attending == "true" else False if attending == "false" else None,
    )


def _plain_text(element: etree._Element) -> list[str]:
    """The element's text outside its italic spans (which hold the constituency)."""
    parts = [element.text or ""]
    for child in element:
        if not (local(child) == "span" and "italic" in (child.get("class") or "").lower()):
            parts.extend(_plain_text(child))
        parts.append(child.tail or "")
    return parts


def _natural(printed: str) -> str:
    """ "Selous, Andrew" -> "Andrew Selous"; a name without a comma stays as printed."""
    surname, comma, rest = printed.partition(",")
    return f"{rest.strip()} {surname.strip()}" if comma and rest.strip() else printed
