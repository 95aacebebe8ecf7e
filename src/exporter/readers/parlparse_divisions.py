"""ParlParse ``<division>`` elements as model divisions.

Commons: ``divisioncount ayes noes`` and ``mplist``/``mpname``; Lords: ``content
not-content`` and ``lordlist``/``lord``; OpenAustralia: ``memberlist``/``member``; the
devolved bodies: ``msplist``, ``mslist``, ``mlalist``. Tellers and proxies are kept.
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
_PERSON_ATTRIBUTES = ("person_id", "id", "memberid", "speakerid")


def division_from(
    element: etree._Element, column: str | None, time: str | None, url: str | None, reporter: Reporter
) -> Division:
    counts: list[Count] = []
    votes: list[Vote] = []
    description: list[Block] = []
    for child in element:
        name = local(child)
        if name == "divisioncount":
            counts.extend(_counts(child, reporter))
        elif name in _LISTS:
            votes.extend(_votes(child))
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
        if side.startswith("teller"):  # OpenAustralia's teller counts are not lobby totals
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


def _votes(element: etree._Element) -> list[Vote]:
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
                proxy=member.get("proxy") or None,
            )
        )
    return votes
