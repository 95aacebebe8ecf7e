"""ParlaMint TEI (CLARIN parliamentary corpora) to a Debate.

Reads one sitting (``<TEI>``), or the first ``<TEI>`` inside a ``<teiCorpus>``. From the
``teiHeader``:

- the **title**: the sitting's sub-title (``titleStmt/title[@type="sub"]``) in the
  record's language, else in any; else the source's title (``sourceDesc/bibl/title``);
  never the corpus title ("… ParlaMint-BG (2022-07-29) [ParlaMint SAMPLE]"). A sitting
  with neither is titled by its house and date, with a warning;
- the **house**: the organisation the ``meeting`` elements point to (``corresp``) and the
  chamber they are marked with (``#parla.uni``/``lower``/``upper``), through the corpus
  the sitting's id names (``ParlaMint-BG``; :mod:`exporter.parliaments.parlamint`), which
  also chooses the parliament's profile; else the English name the record's own
  ``listOrg`` gives that organisation. A ``meeting``'s text ("2022-07-29", "47 народно
  събрание") is a sitting or term label, never the house;
- the **date** (``setting``/``bibl`` ``date``), **place** (``setting/name``), the
  parliament's URL and printed reference (``sourceDesc/bibl``), the publisher and licence
  (``publicationStmt``) and ``xml:lang`` as the record gives it.

The body (sections, utterances, events) is read by :mod:`parlamint_body`; speakers are
named by :mod:`parlamint_names` (the record's or ``--people``'s listPerson, the printed
speaker notes, else the id spelt out, with a warning).
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from exporter import parliaments, people
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.model import Debate, Source
from exporter.options import ReadOptions
from exporter.parliaments import parlamint as corpora
from exporter.readers import _xml
from exporter.readers._xml import first_child, first_descendant, local, text_of
from exporter.readers.parlamint_body import XML_ID, XML_LANG, BodyContext, body_sections
from exporter.readers.parlamint_names import SpeakerNames

_VOLUME = re.compile(r"\bVolume\s+(\d+)\b", re.I)


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    root = _xml.parse(data, source)
    tei = _sitting(root, source)
    header = first_child(tei, "teiHeader")
    body = first_descendant(first_child(tei, "text"), "body")
    if body is None:
        raise InputError("<TEI> has no <text>/<body>", source, f"line {tei.sourceline}")
    text_el = first_child(tei, "text")
    language = tei.get(XML_LANG) or (text_el.get(XML_LANG) if text_el is not None else None)
    language = language or root.get(XML_LANG)  # None when the record does not say (never invented)
    corpus = corpora.corpus_of(tei.get(XML_ID)) or corpora.corpus_of(root.get(XML_ID))
    date = _date(header)
    profile, house = _house(header, root, corpus, reporter)
    directories = [found for found in (people.in_record(root),) if found is not None]
    if options.people is not None:
        directories.append(people.cached(options.people))
    names = SpeakerNames(reporter, date, corpus.person_ids if corpus else None, tuple(directories))
    ctx = BodyContext(reporter=reporter, language=language or "", names=names)
    sections = body_sections(body, ctx)
    names.report()
    _report_artefacts(ctx, reporter)
    title = _title(header, language or "")
    if not title:
        # Left empty, never invented here: the briefing names the sitting from its house and
        # date in the interface's language (exporter.compose.names.debate_title).
        reporter.warn(
            "PARLAMINT_NO_TITLE",
            "the header gives the sitting no sub-title or source title; the briefing is titled "
            "from its house and date",
            "line 1",
        )
    return Debate(
        title=title,
        sections=tuple(sections),
        speakers=tuple(names.speakers.values()),
        date=date,
        house=house,
        location=_location(header),
        chair=ctx.chair,
        language=language,
        source=_source(header, tei, language or ""),
        profile=profile,
    )


def _report_artefacts(ctx: BodyContext, reporter: Reporter) -> None:
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


def _in_language(elements: list[etree._Element], language: str) -> str:
    """The text of the first element in ``language`` (or of no stated language), else the first."""
    texts = [(node.get(XML_LANG), text_of(node)) for node in elements if text_of(node)]
    base = language.split("-")[0].lower()
    for lang, text in texts:
        if lang is None or lang.split("-")[0].lower() == base:
            return text
    return texts[0][1] if texts else ""


def _title(header: etree._Element | None, language: str) -> str:
    title_stmt = first_descendant(first_descendant(header, "fileDesc"), "titleStmt")
    subs = [title for title in _all(title_stmt, "title") if title.get("type") == "sub"]
    if subs:
        return _in_language(subs, language)
    bibl = first_descendant(first_descendant(header, "sourceDesc"), "bibl")
    return _in_language([node for node in bibl if local(node) == "title"] if bibl is not None else [], language)


def _date(header: etree._Element | None) -> dt.date | None:
    for container in ("setting", "bibl"):
        found = first_descendant(first_descendant(header, container), "date")
        value = (found.get("when") or found.get("from") or "") if found is not None else ""
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            continue
    return None


def _house(
    header: etree._Element | None,
    root: etree._Element,
    corpus: corpora.Corpus | None,
    reporter: Reporter,
) -> tuple[str | None, str | None]:
    """The profile key and the house, from the organisation and chamber the meetings name."""
    meetings = _all(first_descendant(header, "titleStmt"), "meeting")
    chamber = organisation = None
    for meeting in meetings:
        tokens = [token.lstrip("#") for token in (meeting.get("ana") or "").split()]
        chamber = chamber or next(
            (token.split(".", 1)[1] for token in tokens if token in ("parla.uni", "parla.lower", "parla.upper")),
            None,
        )
        organisation = organisation or next(
            (ref.lstrip("#") for ref in (meeting.get("corresp") or "").split()), None
        )
    if corpus is not None:
        profile = parliaments.find(corpus.profile_key(chamber, organisation))
        if profile is not None:
            return profile.key, profile.house
    named = _organisation_name(root, organisation)
    if named is None:
        reporter.info(
            "PARLAMINT_HOUSE_UNKNOWN",
            "the sitting's corpus is not one this version knows and the record names no house; "
            "the house is left out",
        )
    return None, named


def _organisation_name(root: etree._Element, organisation: str | None) -> str | None:
    """The English name the record's own listOrg gives an organisation."""
    if not organisation:
        return None
    for org in root.iter():
        if local(org) == "org" and org.get(XML_ID) == organisation:
            names = [node for node in org if local(node) == "orgName" and node.get("full") in (None, "yes")]
            return _in_language(names, "en") or None
    return None


def _location(header: etree._Element | None) -> str | None:
    names = _all(first_descendant(header, "setting"), "name")
    for kind in ("place", "address", "city"):
        found = [text_of(name) for name in names if name.get("type") == kind and text_of(name)]
        if found:
            # the last place name is the most precise ("Westminster", then "Commons Chamber")
            return found[-1]
    return None


def _source(header: etree._Element | None, tei: etree._Element, language: str) -> Source:
    bibl = first_descendant(first_descendant(header, "sourceDesc"), "bibl")
    idnos = [idno for idno in _all(bibl, "idno") if idno.get("type") == "URI"]
    idnos.sort(key=lambda idno: 0 if idno.get("subtype") == "parliament" else 1)
    publication = first_descendant(header, "publicationStmt")
    publishers = _all(first_child(publication, "publisher"), "orgName")
    licence = first_descendant(publication, "licence")
    citation = _in_language([node for node in bibl if local(node) == "title"] if bibl is not None else [], language)
    volume = _VOLUME.search(citation or "")
    return Source(
        publisher=_in_language(publishers, language) or None,
        url=text_of(idnos[0]) if idnos else None,
        volume=volume.group(1) if volume else None,
        licence=text_of(licence) if licence is not None and text_of(licence) else None,
        reference=tei.get(XML_ID),
        citation=citation or None,
    )
