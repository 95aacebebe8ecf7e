"""ParlaMint TEI (CLARIN parliamentary corpora) to a Debate.

Reads one sitting (``<TEI>``), or the first ``<TEI>`` inside a ``<teiCorpus>``. Supported:

- ``teiHeader``: ``titleStmt/title[@type="main"]``, ``meeting`` (house from its
  ``corresp``, e.g. ``#parliament.HC``), ``setting`` (date and place names),
  ``sourceDesc/bibl`` (the parliament's URI, the printed reference and volume),
  ``publicationStmt`` (publisher, ``availability/licence``), ``xml:lang``;
- ``text/body``: ``div`` with ``head`` as sections; ``u`` with ``who`` (a ``#id`` reference,
  or a raw name some corpora print instead) and ``ana`` (``#chair``, ``#regular``,
  ``#guest``); ``seg`` as paragraphs with their own ``xml:lang``; ``note``, ``incident``,
  ``kinesic``, ``vocal`` and ``gap`` between utterances and inside segments.

Speaker names, parties and constituencies are not in the transcript: the ``who`` ids stay
as names until a ParlaMint ``listPerson`` is given with ``--people`` (exporter.people).
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.model import Debate, Source
from exporter.options import ReadOptions
from exporter.readers import _xml
from exporter.readers._xml import first_child, first_descendant, local, text_of
from exporter.readers.parlamint_body import XML_ID, XML_LANG, BodyContext, body_sections

# the ParlaMint organisation ids of the houses, as their names
_HOUSES = {
    "parliament.HC": "House of Commons",
    "parliament.HL": "House of Lords",
}
_VOLUME = re.compile(r"\bVolume\s+(\d+)\b", re.I)


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    root = _xml.parse(data, source)
    tei = _sitting(root, source)
    header = first_child(tei, "teiHeader")
    body = first_descendant(first_child(tei, "text"), "body")
    if body is None:
        raise InputError("<TEI> has no <text>/<body>", source, f"line {tei.sourceline}")
    language = tei.get(XML_LANG) or root.get(XML_LANG)
    ctx = BodyContext(reporter=reporter, language=language or "")
    title = _title(header, language or "")
    if not title:
        reporter.warn("PARLAMINT_NO_TITLE", "the header gives no main title; using the file's id", "line 1")
        title = tei.get(XML_ID) or "Untitled sitting"
    sections = body_sections(body, ctx, title)
    if ctx.dropped_end_notes:
        reporter.info(
            "PARLAMINT_END_NOTES_DROPPED",
            f'dropped {ctx.dropped_end_notes} "End of debateSection." notes (corpus artefacts)',
        )
    if ctx.gaps:
        reporter.warn(
            "PARLAMINT_GAPS",
            f"{ctx.gaps} gap(s) in the record (e.g. SAMPLING): each is shown as a note where it falls",
        )
    if ctx.speakers and options.people is None:
        reporter.info(
            "PARLAMINT_SPEAKER_IDS",
            "speakers are shown by their ParlaMint ids; give the corpus listPerson with --people for names",
        )
    return Debate(
        title=title,
        sections=tuple(sections),
        speakers=tuple(ctx.speakers.values()),
        date=_date(header),
        house=_house(header),
        location=_location(header),
        language=language,
        source=_source(header, tei),
    )


def _sitting(root: etree._Element, source: str) -> etree._Element:
    if local(root) == "TEI":
        return root
    if local(root) == "teiCorpus":
        for node in root.iter():
            if local(node) == "TEI":
                return node
        raise InputError(
            "this <teiCorpus> holds no sitting: its sittings are separate files (xi:include); "
            "convert those, or give this file with --people",
            source,
            "line 1",
        )
    raise InputError(f"expected a <TEI> root, found <{local(root)}>", source, "line 1")


def _all(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [node for node in element.iter() if local(node) == name]


def _title(header: etree._Element | None, language: str) -> str:
    title_stmt = first_descendant(header, "titleStmt")
    titles = [title for title in _all(title_stmt, "title") if title.get("type") in ("main", None)]
    titles.sort(key=lambda title: 0 if title.get(XML_LANG) in (None, language) else 1)
    return text_of(titles[0]) if titles else ""


def _date(header: etree._Element | None) -> dt.date | None:
    for container in ("setting", "bibl"):
        found = first_descendant(first_descendant(header, container), "date")
        value = (found.get("when") or found.get("from") or "") if found is not None else ""
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            continue
    return None


def _house(header: etree._Element | None) -> str | None:
    meetings = _all(first_descendant(header, "titleStmt"), "meeting")
    for meeting in meetings:
        for reference in (meeting.get("corresp") or "").split():
            house = _HOUSES.get(reference.lstrip("#"))
            if house:
                return house
    for meeting in meetings:
        text = text_of(meeting)
        if text and not text.replace(".", "").isdigit():
            return text
    return None


def _location(header: etree._Element | None) -> str | None:
    names = _all(first_descendant(header, "setting"), "name")
    for kind in ("place", "address", "city"):
        found = [text_of(name) for name in names if name.get("type") == kind and text_of(name)]
        if found:
            # the last place name is the most precise ("Westminster", then "Commons Chamber")
            return found[-1]
    return None


def _source(header: etree._Element | None, tei: etree._Element) -> Source:
    bibl = first_descendant(first_descendant(header, "sourceDesc"), "bibl")
    idnos = [idno for idno in _all(bibl, "idno") if idno.get("type") == "URI"]
    idnos.sort(key=lambda idno: 0 if idno.get("subtype") == "parliament" else 1)
    publication = first_descendant(header, "publicationStmt")
    publisher = first_descendant(first_child(publication, "publisher"), "orgName")
    licence = first_descendant(publication, "licence")
    citation_el = first_child(bibl, "title")
    citation = text_of(citation_el) if citation_el is not None else None
    volume = _VOLUME.search(citation or "")
    return Source(
        publisher=text_of(publisher) if publisher is not None else None,
        url=text_of(idnos[0]) if idnos else None,
        volume=volume.group(1) if volume else None,
        licence=text_of(licence) if licence is not None and text_of(licence) else None,
        reference=tei.get(XML_ID),
        citation=citation or None,
    )
