"""ParlParse ``<division>`` elements as model divisions.

Commons: ``divisioncount ayes noes`` and ``mplist``/``mpname``; Lords: ``content
not-content`` and ``lordlist``/``lord``; OpenAustralia: ``memberlist``/``member``; the
devolved bodies: ``msplist``, ``mslist``, ``mlalist``. Committee files have no
``<division>``: a ``<divisioncount id divnumber ayes noes>`` holds the lists itself.
Tellers are kept, and so are proxies: ``proxy`` gives the id of the member who cast the
vote, named from ``names`` (every member the file names, by id) when the file names them.
"""

from __future__ import annotations

import re

from lxml import etree

from exporter.diagnostics import Reporter
from exporter.model import Block, Count, Division, Paragraph, Vote
from exporter.readers._html import element_runs, table_block
from exporter.readers._xml import local

_LISTS = frozenset({"mplist", "lordlist", "memberlist", "msplist", "mslist", "mlalist"})
_TELLER_NOTE = re.compile(r"\s*\[Tellers?\]\s*$", re.IGNORECASE)
_PERSON_ATTRIBUTES = ("person_id", "memberid", "id", "speakerid")
_NOT_COUNTS = frozenset({"id", "divnumber", "url", "divdate", "time", "colnum", "nospeaker"})


def division_from(
    element: etree._Element,
    column: str | None,
    time: str | None,
    url: str | None,
    reporter: Reporter,
    names: dict[str, str] | None = None,
) -> Division:
    counts: list[Count] = []
    votes: list[Vote] = []
    description: list[Block] = []
    if local(element) == "divisioncount":  # a committee's division: counts on the element itself
        counts.extend(_counts(element, reporter))
    for child in element:
        name = local(child)
        if name == "divisioncount":
            counts.extend(_counts(child, reporter))
        elif name in _LISTS:
            votes.extend(_votes(child, names or {}))
        elif name == "p":
            runs = element_runs(child)
            if runs:
                description.append(Paragraph(runs))
        elif name == "table":
            description.append(table_block(child))
        elif name:
            reporter.warn(
                "parlparse-division-element",
                f"<{name}> inside a division is not understood; its text is kept as description",
                f"line {child.sourceline}",
            )
            runs = element_runs(child)
            if runs:
                description.append(Paragraph(runs))
    return Division(
        counts=tuple(counts),
        votes=tuple(votes),
        id=element.get("id") or None,
        number=element.get("divnumber") or None,
        time=time,
        column=column,
        url=url,
        description=tuple(description),
    )


def _counts(element: etree._Element, reporter: Reporter) -> list[Count]:
    counts = []
    for side, value in element.attrib.items():
        if side.startswith("teller") or side in _NOT_COUNTS:  # OpenAustralia's teller counts too
            continue
        try:
            counts.append(Count(str(side), int(value)))
        except ValueError:
            reporter.warn(
                "parlparse-division-count",
                f"division count {side}={value!r} is not a number and is left out",
                f"line {element.sourceline}",
            )
    return counts


def _votes(element: etree._Element, names: dict[str, str]) -> list[Vote]:
    lobby = element.get("vote") or ""
    votes = []
    for member in element:
        if not local(member):
            continue
        name = " ".join("".join(member.itertext()).split())
        teller = member.get("teller") == "yes" or bool(_TELLER_NOTE.search(name))
        person = next((member.get(a) for a in _PERSON_ATTRIBUTES if member.get(a)), None)
        votes.append(
            Vote(
                name=_TELLER_NOTE.sub("", name),
                side=member.get("vote") or lobby,
                speaker=person,
                teller=teller,
                proxy=_named(member.get("proxy"), names),
            )
        )
    return votes


def _named(person: str | None, names: dict[str, str]) -> str | None:
    """A proxy by name when the file names them, else by the id the record gives."""
    if not person:
        return None
    return names.get(person.strip(), person.strip())
