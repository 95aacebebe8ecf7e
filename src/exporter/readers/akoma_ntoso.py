"""Akoma Ntoso ``<debate>`` records (OASIS LegalDocML) to a Debate.

Reads AKN 3.0, the CSD03 draft namespace and files with no namespace alike, by matching
local names; ids may be ``eId`` (3.0) or ``id`` (drafts, SayIt). Supported:

- ``meta``: FRBR Work/Expression (identifier, date, author, language), ``publication``,
  ``references`` (``TLCPerson``, ``TLCRole``, ``TLCOrganization``, ``TLCConcept``,
  ``TLCProcess``), ``notes`` (for ``noteRef``) and ``analysis/parliamentary``
  ``voting``/``recount`` (divisions with their counts, placed where ``href`` points);
- ``preface``/``coverPage``: ``docTitle``, ``docType``, ``docNumber``, ``docDate``,
  ``docProponent``; the title is the record's own (``docTitle``, ``debateBody/@title``,
  ``FRBRalias``, ``docType`` and ``docNumber``, a telling ``debate/@name``, the first
  heading), never "Untitled debate";
- the parliament's profile: by the FRBR addresses (``dati.senato.it``), else by
  ``FRBRcountry`` and the house the record names (``za`` and "National Assembly");
- ``debateBody``: ``debateSection`` and the specialised containers, ``speech``,
  ``question``, ``answer`` (``by``/``as`` resolved through the references, ``from`` as
  printed), ``narrative``, ``scene``, ``summary``, ``other``, loose ``p``, tables and
  lists, ``recordedTime``; inline ``i``/``b``/``sup``/``a``/``noteRef``; ``br`` as a space.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from exporter import parliaments
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.language import tags
from exporter.model import Count, Debate, Division, Paragraph, Run, Section, Source
from exporter.options import ReadOptions
from exporter.readers import _xml
from exporter.readers._xml import first_child, first_descendant, local
from exporter.readers.akoma_ntoso_body import BodyContext, body_sections, element_id, ref
from exporter.readers.akoma_ntoso_inline import plain

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_GENERIC_NAMES = frozenset({"hansard", "debate", "debaterecord", "debate record", "recurso"})


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    root = _xml.parse(data, source)
    if local(root) != "akomaNtoso":
        raise InputError(f"expected an <akomaNtoso> root, found <{local(root)}>", source, "line 1")
    debate_el = first_child(root, "debate")
    if debate_el is None:
        kinds = ", ".join(f"<{local(child)}>" for child in root if local(child)) or "nothing"
        raise InputError(f"Akoma Ntoso document holds {kinds}, not a <debate>", source, "line 1")
    meta = first_child(debate_el, "meta")
    body = first_child(debate_el, "debateBody")
    if body is None:
        raise InputError("<debate> has no <debateBody>", source, f"line {debate_el.sourceline}")
    references = _references(meta)
    language = _language(meta)
    ctx = BodyContext(
        source=source,
        reporter=reporter,
        language=language or "",
        persons=references.get("TLCPerson", {}),
        roles=references.get("TLCRole", {}),
        notes=_notes(meta),
        divisions_at={},
        divisions_after={},
    )
    _place_divisions(meta, body, references, ctx)
    date = _date(debate_el, meta)
    source_facts = _source(meta, references)
    house = _house(debate_el, meta, references)
    title = _title(debate_el, meta, body)
    profile = _profile(debate_el, meta, source_facts, house, title)
    if profile is not None and (house is None or _plain_name(house) not in map(_plain_name, profile.houses)):
        house = profile.house  # the record names the parliament ("ZA Parliament"), its title the house
    if not title:
        # Left empty, never invented here: the briefing names the sitting from its house and
        # date in the interface's language (exporter.compose.names.debate_title).
        reporter.warn(
            "AKN_NO_TITLE",
            "the record gives no title (docTitle, debateBody title, docType, FRBR name or heading); "
            "the briefing is titled from its house and date",
            "line 1",
        )
    sections = body_sections(body, ctx, title)
    leftovers = [d for found in (ctx.divisions_at, ctx.divisions_after) for ds in found.values() for d in ds]
    if leftovers:  # an unnamed section: each division has its heading in the briefing's language
        sections.append(Section("", tuple(leftovers)))
    return Debate(
        title=title,
        sections=tuple(sections),
        speakers=tuple(ctx.speakers.values()),
        date=date,
        house=house,
        language=language,
        source=source_facts,
        profile=profile.key if profile is not None else None,
    )


def _front(debate_el: etree._Element, name: str) -> etree._Element | None:
    """An element of the preface or cover page (or, failing those, anywhere outside meta)."""
    for part in ("preface", "coverPage"):
        found = first_descendant(first_child(debate_el, part), name)
        if found is not None:
            return found
    return None


def _references(meta: etree._Element | None) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    block = first_child(meta, "references")
    if block is None:
        return found
    for entry in block:
        name = local(entry)
        entry_id = element_id(entry)
        if name.startswith("TLC") and entry_id:
            found.setdefault(name, {})[entry_id] = " ".join((entry.get("showAs") or entry_id).split())
    return found


def _notes(meta: etree._Element | None) -> dict[str, str]:
    notes: dict[str, str] = {}
    for block in meta if meta is not None else ():
        if local(block) != "notes":
            continue
        for note in block:
            note_id = element_id(note)
            if note_id:
                notes[note_id] = plain(note)
    return notes


def _language(meta: etree._Element | None) -> str | None:
    """The expression's language as BCP 47: FRBRlanguage holds ISO 639-2 codes ("eng"),
    which ``exporter.language.tags`` maps to their shortest tag ("en"); None when absent."""
    expression = first_descendant(first_child(meta, "identification"), "FRBRExpression")
    language = first_descendant(expression, "FRBRlanguage")
    code = language.get("language") if language is not None else None
    return tags.standard(code) if code else None


def _title(debate_el: etree._Element, meta: etree._Element | None, body: etree._Element) -> str:
    """The record's own title: its ``docTitle``; the ``debateBody``'s ``title``; an FRBR
    alias; its ``docType`` and ``docNumber`` ("Resoconto di Assemblea 12"); the debate's
    ``name`` when it is more than a kind of document; else its first heading."""
    title = _front(debate_el, "docTitle")
    if title is not None and plain(title):
        return plain(title)
    for candidate in (body.get("title"), _frbr(meta, "FRBRalias")):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    doc_type, number = _front(debate_el, "docType"), _front(debate_el, "docNumber")
    if doc_type is not None and plain(doc_type):
        return " ".join(part for part in (plain(doc_type), plain(number) if number is not None else "") if part)
    name = " ".join((debate_el.get("name") or "").split())
    if name and name.lower() not in _GENERIC_NAMES:
        return name
    heading = next((h for h in body.iter() if local(h) == "heading" and plain(h)), None)
    return plain(heading) if heading is not None else ""


def _frbr(meta: etree._Element | None, name: str) -> str | None:
    work = first_descendant(first_child(meta, "identification"), "FRBRWork")
    found = first_descendant(work, name)
    return found.get("value") if found is not None else None


def _plain_name(text: str) -> str:
    return " ".join(text.lower().split())


def _profile(
    debate_el: etree._Element,
    meta: etree._Element | None,
    source: Source,
    house: str | None,
    title: str,
) -> parliaments.Profile | None:
    """The parliament's profile: by the record's addresses, else by its country and the
    house it names (in its proponent, author, title or name)."""
    for url in (source.url, source.reference):
        if found := parliaments.by_url(url):
            return found
    return parliaments.in_country(_frbr(meta, "FRBRcountry"), house, title, debate_el.get("name"))


def _date(debate_el: etree._Element, meta: etree._Element | None) -> dt.date | None:
    candidates: list[str] = []
    doc_date = _front(debate_el, "docDate")
    if doc_date is not None:
        candidates.append(doc_date.get("date") or "")
    work = first_descendant(first_child(meta, "identification"), "FRBRWork")
    for name in ("FRBRthis", "FRBRuri"):
        node = first_descendant(work, name)
        if node is not None:
            candidates.append(node.get("value") or "")
    for candidate in candidates:
        match = _ISO_DATE.search(candidate)
        if match:
            try:
                return dt.date.fromisoformat(match.group(1))
            except ValueError:
                continue
    return None


def _house(
    debate_el: etree._Element, meta: etree._Element | None, references: dict[str, dict[str, str]]
) -> str | None:
    proponent = _front(debate_el, "docProponent")
    if proponent is not None and plain(proponent):
        return plain(proponent)
    return _author(meta, references)


def _author(meta: etree._Element | None, references: dict[str, dict[str, str]]) -> str | None:
    work = first_descendant(first_child(meta, "identification"), "FRBRWork")
    author = first_descendant(work, "FRBRauthor")
    author_id = ref(author.get("href")) if author is not None else None
    return references.get("TLCOrganization", {}).get(author_id or "")


def _source(meta: etree._Element | None, references: dict[str, dict[str, str]]) -> Source:
    identification = first_child(meta, "identification")
    work = first_descendant(identification, "FRBRWork")
    this = first_descendant(work, "FRBRthis")
    uri = first_descendant(work, "FRBRuri")
    reference = (this.get("value") if this is not None else None) or (
        uri.get("value") if uri is not None else None
    )
    urls = [node.get("value") or "" for node in (uri, this) if node is not None]
    url = next((value for value in urls if value.startswith(("http://", "https://"))), None)
    return Source(
        publisher=_author(meta, references),
        url=url,
        reference=reference,
        citation=_publication(meta),
    )


def _publication(meta: etree._Element | None) -> str | None:
    publication = first_child(meta, "publication")
    if publication is None:
        return None
    parts = [publication.get("showAs") or publication.get("name")]
    if publication.get("number"):
        parts.append(f"no. {publication.get('number')}")
    parts.append(publication.get("date"))
    return ", ".join(part for part in parts if part) or None


def _place_divisions(
    meta: etree._Element | None,
    body: etree._Element,
    references: dict[str, dict[str, str]],
    ctx: BodyContext,
) -> None:
    """Queue each ``voting``/``recount`` at the element it points to, or its section."""
    body_ids = {element_id(node) for node in body.iter() if isinstance(node.tag, str)} - {None}
    analysis = first_child(meta, "analysis")
    for node in analysis.iter() if analysis is not None else ():
        if local(node) not in ("voting", "recount"):
            continue
        division = _division(node, references, ctx)
        anchor = ref(node.get("href"))
        about = ref(node.get("refersTo"))
        if anchor and anchor in body_ids:
            ctx.divisions_at.setdefault(anchor, []).append(division)
        else:
            ctx.divisions_after.setdefault(about if about and about in body_ids else "", []).append(division)


def _division(node: etree._Element, references: dict[str, dict[str, str]], ctx: BodyContext) -> Division:
    counts: list[Count] = []
    for count in node:
        if local(count) != "count":
            continue
        value = (count.get("value") or "").strip()
        side = ref(count.get("refersTo")) or element_id(count) or "count"
        if value.isdigit():
            counts.append(Count(side, int(value)))
        else:
            ctx.reporter.warn(
                "AKN_BAD_COUNT", f"count {side!r} has no whole-number value", f"line {count.sourceline}"
            )
    outcome_id = ref(node.get("outcome"))
    outcome = next((names[outcome_id] for names in references.values() if outcome_id in names), None)
    description: list[Paragraph] = []
    if local(node) == "recount":
        description.append(Paragraph((Run("Recount"),)))
    if outcome:
        description.append(Paragraph((Run(f"Outcome: {outcome}"),)))
    return Division(tuple(counts), id=element_id(node), description=tuple(description))
