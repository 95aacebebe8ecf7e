"""Superseded ParlParse files: ``latest="no"`` says a later version of the record exists.

ParlParse writes a new file for each revision of a sitting's record (``answers2009-10-26a.xml``,
``…26b.xml``, …) and marks all but the newest ``latest="no"``. An old file's
``<gidredirect newgid>`` elements name the revision that replaced it. A briefing made from
a superseded file says so; it names the later file when that sits in the same folder
(the one marked ``latest="yes"``, else the newest there), and otherwise the revision the
redirects name.
"""

from __future__ import annotations

import glob
import re
from pathlib import Path

from lxml import etree

from exporter.readers._xml import local

_NAME = re.compile(r"^(?P<stem>.*?\d{4}-\d{2}-\d{2})(?P<rev>[a-z])\.xml$")
_NEW_GID = re.compile(r"^(?P<prefix>uk\.org\.publicwhip/[a-z/]+/\d{4}-\d{2}-\d{2}[a-z])\.")
_PEEK = 4096


def later_version(root: etree._Element, source: str) -> tuple[bool, str | None]:
    """(whether the file says it is superseded, the later version's name when known)."""
    if (root.get("latest") or "").strip().lower() != "no":
        return False, None
    return True, _sibling(source) or _redirected(root)


def _sibling(source: str) -> str | None:
    path = Path(source)
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        later = sorted(
            candidate
            for candidate in path.parent.glob(f"{glob.escape(match.group('stem'))}?.xml")
            if candidate.name > path.name and _NAME.match(candidate.name)
        )
    except OSError:
        return None
    if not later:
        return None
    latest = [candidate for candidate in later if _says_latest(candidate)]
    return (latest or later)[-1].name


def _says_latest(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(_PEEK)
    except OSError:
        return False
    return re.search(rb"<(publicwhip|debates)\b[^>]*\blatest=\"yes\"", head) is not None


def _redirected(root: etree._Element) -> str | None:
    revisions = set()
    for element in root:
        if local(element) == "gidredirect" and (match := _NEW_GID.match(element.get("newgid") or "")):
            revisions.add(match.group("prefix"))
    return max(revisions) if revisions else None
