"""UK Parliament Hansard API debate JSON (``GET /debates/debate/{ExtId}.json``) to a Debate.

The response is ``{Overview, Navigator, Items, ChildDebates}``. ``Overview`` gives the
title (its stray leading spaces dropped), date, house, location, volume and ExtId. The
debate becomes one section; each of ``ChildDebates`` (the same shape, recursively) a
section inside it, because a parent may hold nothing but its children.

``Items`` are read in ``OrderInSection`` order, never by ``Timecode``, which is not
monotonic. A ``Contribution`` with a ``MemberId`` is a speech: ``AttributedTo`` is parsed
into name, office, constituency and party (see :mod:`exporter.readers.hansard_api_speakers`);
the long form appears only on a member's first contribution, so what it tells is carried
to their later ones by MemberId. The chair ("Madam Deputy Speaker (Caroline Nokes)") is the
member named in brackets, speaking in that office. ``Value`` is HTML; paragraphs are
separated by blank lines or ``<p>``; a contribution attributed to no member ("Several hon.
Members") keeps its printed attribution as the speech's label; ``HRSTag`` quote tags make quotations, amendment
tags motion text. A contribution with no ``MemberId`` is procedural text, except a bare
column marker. Column markers (``hs_ColumnNumber`` items, or ``<span class="column-number"
data-column-number>`` inside a ``Value``) give the column of whatever follows them.
``Timestamp`` items are kept as time stamps. The first chair note ("[Sir Roger Gale in the
Chair]") gives the section's chair by name.

**Interventions** are not flagged in this format; they are inferred from alternating
speakers as described in :mod:`exporter.readers.hansard_exchanges`: a short speech by
another member between two by the same member who holds the floor, never in question
time, which a debate's ``HRSTag`` names (``hs_3OralAnswers``, ``hs_6bDepartment``,
``hs_8Question``, ``hs_2cUrgentQuestion``, ``hs_2cStatement``: the questions on a
statement) or its heading and speeches show. Lords debates are left alone, because Lords
question time (Minister, peer, Minister) has the same shape.

The divisions-only response (``/debates/divisions/{ExtId}.json``, a JSON list) is
refused with a message saying what it is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from exporter import parliaments
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.json_yaml import decode, load_json
from exporter.model import (
    Debate,
    Item,
    Paragraph,
    ParagraphStyle,
    Procedural,
    ProceduralKind,
    Run,
    Section,
    Source,
    Speaker,
    Speech,
    SpeechKind,
    chair_name,
)
from exporter.options import ReadOptions
from exporter.readers._html import html_blocks
from exporter.readers.hansard_api_conventions import is_chair_role, normalise_time, procedural_kind
from exporter.readers.hansard_api_speakers import Attribution, parse_attribution
from exporter.readers.hansard_exchanges import asks_questions, with_interventions

PUBLISHER = "UK Parliament Hansard"
LICENCE = "Open Parliament Licence v3.0"
SITE = "https://hansard.parliament.uk"

_HOUSES = {"commons": "House of Commons", "lords": "House of Lords"}
_COLUMN_MARKER = re.compile(
    r"<span\b[^>]*\bclass\s*=\s*[\"'][^\"']*\bcolumn-number\b[^>]*>", re.IGNORECASE | re.DOTALL
)
_COLUMN_VALUE = re.compile(
    r"data-column-number\s*=\s*[\"']([^\"']+)[\"']|\bid\s*=\s*[\"']([^\"']+)[\"']", re.I
)
_EMPTY_SPAN = re.compile(r"^\s*(<span\b[^>]*>\s*</span>\s*)+$", re.IGNORECASE | re.DOTALL)
_QUOTE_TAGS = re.compile(r"^hs_(quote|QuoteAllIndent|Quote\w*|indent\w*)$", re.IGNORECASE)
_MOTION_TAGS = re.compile(r"^hs_(AmendmentLevel\d|Amendment\w*|Motion\w*|Clause\w*)$", re.IGNORECASE)
_QUESTION_TAGS = re.compile(r"^hs_(Question|8Question)$", re.IGNORECASE)
# a debate's HRSTag naming question time (parlparse's pyscraper/new_hansard.py lists the tags)
_QUESTION_TIME_TAGS = re.compile(
    r"^hs_\w*?(OralAnswers|Department|Question|UrgentQuestion|Statement)$", re.IGNORECASE
)


@dataclass
class _State:
    """What carries from item to item: the column, and who each member is."""

    source: str
    reporter: Reporter
    column: str | None = None
    speakers: dict[str, Speaker] = field(default_factory=dict)
    question_time: set[str] = field(default_factory=set)  # ExtIds of debates HRSTag names question time


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    """Read one Hansard API debate response into a Debate."""
    value = _load(data, source)
    if isinstance(value, list):
        if value and all(isinstance(v, Mapping) and "AyesCount" in v for v in value):
            raise InputError(
                "this is a Hansard API divisions list (/debates/divisions/{ExtId}.json), which holds "
                "vote counts but no debate; read the debate itself (/debates/debate/{ExtId}.json)",
                source,
            )
        raise InputError("a JSON list is not a Hansard API debate (expected an object with Overview)", source)
    if not isinstance(value, Mapping) or not isinstance(value.get("Overview"), Mapping):
        raise InputError("not a Hansard API debate: no Overview object", source, "/Overview")
    overview = value["Overview"]
    house = _HOUSES.get(str(overview.get("House") or "").strip().lower()) or _text(overview.get("House"))
    state = _State(source, reporter)
    section = _section(value, "", state)
    if house != "House of Lords":
        section = with_interventions(
            section,
            lambda speech, _chair: is_chair_role(speech.role),
            lambda debate: debate.id in state.question_time or asks_questions(debate),
        )
    date = _date(overview.get("Date"), source, "/Overview/Date")
    ext_id = _text(overview.get("ExtId"))
    volume = overview.get("VolumeNo")
    return Debate(
        title=section.title,
        sections=(section,),
        speakers=tuple(state.speakers.values()),
        date=date,
        house=house,
        location=_text(overview.get("Location")),
        language="en-GB",  # the API serves the UK Parliament's Hansard, in British English
        profile=_profile(house, _text(overview.get("Location"))),
        source=Source(
            publisher=PUBLISHER,
            url=_page_url(overview, date, ext_id, section.title),
            volume=str(volume) if volume not in (None, "") else None,
            licence=LICENCE,
            reference=ext_id,
        ),
    )


def _profile(house: str | None, location: str | None) -> str | None:
    """The UK Parliament series a debate belongs to, from its House and Location."""
    found = parliaments.match(house, location)
    return found.key if found is not None else None


def _load(data: bytes, source: str) -> Any:
    return load_json(decode(data, source), source)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _date(value: Any, source: str, pointer: str) -> dt.date | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"date {text!r} is not an ISO date", source, pointer) from None


def _page_url(
    overview: Mapping[str, Any], date: dt.date | None, ext_id: str | None, title: str
) -> str | None:
    """The debate's page on hansard.parliament.uk, built the way the site builds it."""
    house = _text(overview.get("House"))
    if not (house and date and ext_id):
        return None
    slug = "".join(re.findall(r"[A-Za-z0-9]+", title))
    return f"{SITE}/{house}/{date.isoformat()}/debates/{ext_id}/{slug}"


def _section(debate: Mapping[str, Any], pointer: str, state: _State) -> Section:
    overview = debate.get("Overview")
    if not isinstance(overview, Mapping):
        raise InputError("a debate without an Overview object", state.source, f"{pointer}/Overview")
    title = _text(overview.get("Title"))
    ext_id = _text(overview.get("ExtId"))
    if ext_id and _QUESTION_TIME_TAGS.match(_text(overview.get("HRSTag")) or ""):
        state.question_time.add(ext_id)
    if title is None:
        raise InputError("the debate has no Title", state.source, f"{pointer}/Overview/Title")
    items = debate.get("Items") or []
    if not isinstance(items, list):
        raise InputError("Items is not a list", state.source, f"{pointer}/Items")
    ordered = sorted(
        ((index, item) for index, item in enumerate(items) if isinstance(item, Mapping)),
        key=lambda pair: (_order(pair[1]), pair[0]),
    )
    found: list[Item] = []
    chair: str | None = None
    for index, item in ordered:
        for read_item in _item(item, f"{pointer}/Items/{index}", state):
            if chair is None and isinstance(read_item, Procedural) and read_item.kind is ProceduralKind.CHAIR:
                # "[Sir Roger Gale in the Chair]" belongs to the section, as the chair's name
                chair = chair_name(read_item.paragraphs[0].text) or None
            else:
                found.append(read_item)
    children = debate.get("ChildDebates") or []
    if not isinstance(children, list):
        raise InputError("ChildDebates is not a list", state.source, f"{pointer}/ChildDebates")
    for index, child in enumerate(children):
        if isinstance(child, Mapping):
            found.append(_section(child, f"{pointer}/ChildDebates/{index}", state))
        else:
            state.reporter.warn(
                "hansard-api-child",
                "a child debate that is not an object is skipped",
                f"{pointer}/ChildDebates/{index}",
            )
    first_column = next((i.column for i in found if isinstance(i, (Speech, Procedural)) and i.column), None)
    return Section(
        title=title, items=tuple(found), id=ext_id, chair=chair, column=first_column
    )


def _order(item: Mapping[str, Any]) -> float:
    order = item.get("OrderInSection")
    return float(order) if isinstance(order, (int, float)) else float("inf")


def _item(item: Mapping[str, Any], pointer: str, state: _State) -> list[Item]:
    kind = _text(item.get("ItemType")) or ""
    value = str(item.get("Value") or "")
    if kind == "Timestamp":
        time = normalise_time(value)
        if time is None:
            state.reporter.warn("hansard-api-time", f"time stamp {value!r} is not a clock time", pointer)
            blocks = html_blocks(value)
            return [Procedural(tuple(blocks), ProceduralKind.OTHER, id=_item_id(item))] if blocks else []
        return [Procedural((Paragraph((Run(time),)),), ProceduralKind.TIME, id=_item_id(item), time=time)]
    if kind != "Contribution":
        state.reporter.warn(
            "hansard-api-item",
            f"ItemType {kind!r} is not known; its text is kept as procedural text",
            pointer,
        )
    column = state.column
    markers = _markers(value)
    if markers:
        state.column = markers[-1]
        if _EMPTY_SPAN.match(value):
            return []
        if value.lstrip().lower().startswith("<span") and _COLUMN_MARKER.match(value.lstrip()):
            column = markers[0]  # a marker before any text starts this item's column
    tag = _text(item.get("HRSTag")) or ""
    blocks = html_blocks(value, _style(tag))
    if not blocks:
        return []
    time = _timecode(item.get("Timecode"))
    member = item.get("MemberId")
    printed = _text(item.get("AttributedTo"))
    if member in (None, 0, "0", "") and printed:  # "Several hon. Members": named, but no one member
        return [
            Speech(
                id=_item_id(item),
                speaker=None,
                paragraphs=tuple(blocks),
                label=printed,
                time=time,
                column=column,
            )
        ]
    if member in (None, 0, "0", ""):
        text = " ".join(block.text for block in blocks)
        return [Procedural(tuple(blocks), procedural_kind(text), id=_item_id(item), time=time, column=column)]
    speaker_id = str(member)
    attribution = parse_attribution(printed or "")
    _remember(state, speaker_id, attribution)
    return [
        Speech(
            id=_item_id(item),
            speaker=speaker_id,
            paragraphs=tuple(blocks),
            kind=SpeechKind.QUESTION if _QUESTION_TAGS.match(tag) else SpeechKind.SPEECH,
            role=attribution.role,
            time=time,
            column=column,
            number=_text(item.get("UIN")) or None,
        )
    ]


def _remember(state: _State, speaker_id: str, attribution: Attribution) -> None:
    """Record what this attribution tells about a member, keeping what earlier ones told."""
    name = attribution.name
    known = state.speakers.get(speaker_id)
    if known is None:
        state.speakers[speaker_id] = Speaker(
            id=speaker_id,
            name=name or f"Member {speaker_id}",
            constituency=attribution.constituency,
            party=attribution.party,
            role=attribution.chair_role,
        )
        return
    state.speakers[speaker_id] = replace(
        known,
        name=known.name if known.name and not known.name.startswith("Member ") else name or known.name,
        constituency=known.constituency or attribution.constituency,
        party=known.party or attribution.party,
        role=known.role or attribution.chair_role,
    )


def _markers(value: str) -> list[str]:
    columns = []
    for marker in _COLUMN_MARKER.finditer(value):
        found = _COLUMN_VALUE.search(marker.group(0))
        if found:
            columns.append((found.group(1) or found.group(2)).strip())
    return [column for column in columns if column]


def _style(tag: str) -> ParagraphStyle:
    if _QUOTE_TAGS.match(tag):
        return ParagraphStyle.QUOTE
    if _MOTION_TAGS.match(tag):
        return ParagraphStyle.MOTION
    return ParagraphStyle.BODY


def _timecode(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    return normalise_time(text.partition("T")[2] or text)


def _item_id(item: Mapping[str, Any]) -> str | None:
    return _text(item.get("ExternalId")) or (
        f"item-{item['ItemId']}" if item.get("ItemId") is not None else None
    )

