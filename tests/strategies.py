"""Hypothesis strategies: valid records in our format, and real records mutated.

``records()`` draws records the schema accepts: any Unicode (right-to-left scripts, combining
marks, emoji, zero-width and bidi controls, characters XML cannot hold and lone surrogates,
which ``json.dumps`` writes as escapes), empty and huge fields, sections nested up to the
limit we read, odd but real dates, every item and paragraph form, empty and ragged tables,
cells with spans (fitting the grid or not) and header scopes.

``mutated_inputs()`` takes the real records in samples/ and tests/data/ and damages them at
the byte level (flips, insertions, deletions, truncation) or the element level (a JSON/YAML
node deleted, duplicated, retyped or given odd text; an XML element removed, duplicated,
emptied or renamed).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
REAL_INPUTS = sorted(
    [p for p in (ROOT / "samples").iterdir() if p.is_file()]
    + [
        p
        for folder in ("parlparse", "hansard-api", "akoma-ntoso", "parlamint", "odd-input")
        for p in (ROOT / "tests" / "data" / folder).iterdir()
        if p.stat().st_size < 70_000
    ]
)

ODD = [
    "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x1b[0m", "\x1f", "\ufffe", "\uffff", "\ud800", "\udfff",
    "\u200b", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2066", "\u00ad", "\u3164", "\u0301", "\u20dd",
    "\u0085", "\u2028", "\u00a0", "\t", "\r\n", "  ",
]  # fmt: skip
SCRIPTS = [
    "שלום עולם", "مرحبا بالعالم", "Здравствуйте", "Γειά σου", "नमस्ते", "中文段落", "日本語",
    "한국어", "ไทย", "👩🏽‍⚖️🏛️", "Diolch yn fawr", "e\u0301te\u0301", "𓀀", "ﷺ",
]  # fmt: skip
WORDS = [
    "the",
    "government",
    "minister",
    "house",
    "member",
    "debate",
    "people",
    "country",
    "support",
    "bill",
    "clause",
    "motion",
    "question",
    "answer",
    "local",
    "council",
    "funding",
    "school",
    "hospital",
    "police",
    "victims",
    "justice",
    "report",
    "committee",
    "amendment",
    "vote",
    "agree",
    "important",
    "issue",
    "year",
    "million",
    "pounds",
    "constituents",
]
LANGUAGES = ["en-GB", "cy", "nb", "no", "ar", "he", "zh-Hans", "sr-Latn-RS", "de-CH", "und", "fr", "hi", "ja"]


def odd_text(max_size: int = 40, nonempty: bool = False) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.text(min_size=int(nonempty), max_size=max_size),
        st.sampled_from(ODD),
        st.sampled_from(SCRIPTS),
        st.text(alphabet=st.characters(), min_size=int(nonempty), max_size=8),
    )
    return st.lists(piece, min_size=int(nonempty), max_size=4).map("".join)


def sentences() -> st.SearchStrategy[str]:
    sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=18).map(
        lambda words: " ".join(words).capitalize() + "."
    )
    return st.lists(sentence, min_size=1, max_size=5).map(" ".join)


def texts() -> st.SearchStrategy[str]:
    """Mostly sentences (the summariser gets work), sometimes odd, empty or huge."""
    return st.one_of(
        sentences(),
        sentences(),
        odd_text(),
        st.just(""),
        st.builds(lambda a, b: f"{a} {b}", sentences(), odd_text()),
        st.builds(lambda s, n: " ".join([s] * n), sentences(), st.integers(50, 400)),  # huge
        st.just("See https://www.gov.uk/guidance/example, or www.parliament.uk."),
    )


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def runs() -> st.SearchStrategy[Any]:
    run = st.fixed_dictionaries(
        {"text": texts()},
        optional={
            "emphasis": st.booleans(),
            "strong": st.booleans(),
            "superscript": st.booleans(),
            "link": optional(
                st.sampled_from(["https://example.org/a?b=c&d", "http://x.test/é", "mailto:a@b.c"])
            ),
            "lang": optional(st.sampled_from(LANGUAGES)),
        },
    )
    return st.one_of(texts(), st.lists(st.one_of(texts(), run), max_size=4))


def tables() -> st.SearchStrategy[dict[str, Any]]:
    spanned = st.fixed_dictionaries(  # a cell with spans (fitting the grid or not), a header scope
        {},
        optional={
            "text": texts(),
            "colspan": st.integers(1, 4),
            "rowspan": st.integers(1, 4),
            "header": st.sampled_from(["column", "row", "both", "none"]),
        },
    )
    cell = st.one_of(
        texts(), st.lists(st.one_of(texts(), st.fixed_dictionaries({"text": texts()})), max_size=2), spanned
    )
    rows = st.lists(st.lists(cell, max_size=6), max_size=6)  # empty, ragged, spans that overrun
    return st.fixed_dictionaries(
        {"rows": rows}, optional={"header_rows": st.integers(0, 3), "caption": optional(texts())}
    ).map(lambda table: {"table": table})


def paragraphs() -> st.SearchStrategy[Any]:
    styled = st.fixed_dictionaries(
        {"runs": runs().map(lambda r: r if isinstance(r, list) else [r])},
        optional={
            "style": st.sampled_from(["body", "quote", "motion"]),
            "lang": optional(st.sampled_from(LANGUAGES)),
        },
    )
    return st.one_of(texts(), texts(), styled, tables())


times = st.one_of(
    st.none(), st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59)),
    st.builds(lambda h, m, s: f"{h:02d}:{m:02d}:{s:02d}", st.integers(0, 23), st.integers(0, 59), st.integers(0, 59)),
)  # fmt: skip
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
urls = optional(st.sampled_from(["https://hansard.parliament.uk/x", "https://example.org/" + "a" * 300]))


def items(speaker_ids: list[str], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    common = {"id": optional(odd_text(12)), "time": times, "column": optional(odd_text(6)), "url": urls}
    speaker = st.sampled_from(speaker_ids) if speaker_ids else st.none()
    speech = st.fixed_dictionaries(
        {"type": st.just("speech"), "paragraphs": st.lists(paragraphs(), max_size=4)},
        optional={
            **common,
            "speaker": speaker,
            "label": optional(odd_text(20)),
            "kind": st.sampled_from(
                ["speech", "intervention", "question", "answer", "statement", "point_of_order"]
            ),
            "role": optional(odd_text(20)),
            "lang": optional(st.sampled_from(LANGUAGES)),
            "number": optional(odd_text(6)),
        },
    )
    procedural = st.fixed_dictionaries(
        {"type": st.just("procedural"), "paragraphs": st.lists(paragraphs(), max_size=2)},
        optional={
            **common,
            "kind": st.sampled_from(["chair", "decision", "motion", "interruption", "note", "time", "other"]),
        },
    )
    side = st.sampled_from(["aye", "no", "content", "not-content", "\u200b", "abstain"])
    vote = st.fixed_dictionaries(
        {"name": odd_text(20, nonempty=True), "side": side},
        optional={"speaker": speaker, "teller": st.booleans(), "proxy": optional(odd_text(10))},
    )
    division = st.fixed_dictionaries(
        {"type": st.just("division"), "counts": st.lists(st.fixed_dictionaries({"side": side, "value": st.integers(0, 10**6)}), max_size=3)},
        optional={**common, "number": optional(odd_text(4)), "votes": st.lists(vote, max_size=6), "description": st.lists(paragraphs(), max_size=2)},
    )  # fmt: skip
    leaves = [speech, speech, speech, procedural, division]
    if depth > 0:
        leaves.append(sections(speaker_ids, depth - 1, nested=True))
    return st.one_of(*leaves)


def sections(speaker_ids: list[str], depth: int, nested: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            **({"type": st.just("section")} if nested else {}),
            "title": odd_text(30, nonempty=True),
            "items": st.lists(st.deferred(lambda: items(speaker_ids, depth)), max_size=4),
        },
        optional={"id": optional(odd_text(8)), "chair": optional(odd_text(20)), "time": times, "column": optional(odd_text(6)), "url": urls},
    )  # fmt: skip


def deep_section(depth: int) -> dict[str, Any]:
    item: dict[str, Any] = {"type": "speech", "label": "A Member", "paragraphs": ["Deep in the record."]}
    for level in range(depth):
        item = {"type": "section", "title": f"Level {depth - level}", "items": [item]}
    return {"title": "Deep", "items": [item]}


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    """A record ``debate-export schema`` accepts."""
    ids = draw(st.lists(odd_text(12, nonempty=True), max_size=5, unique=True))
    speakers = [
        {"id": i, "name": draw(odd_text(20, nonempty=True)), **draw(st.fixed_dictionaries({}, optional={
            "constituency": optional(odd_text(20)), "party": optional(odd_text(12)), "role": optional(odd_text(20))}))}
        for i in ids
    ]  # fmt: skip
    record: dict[str, Any] = {"title": draw(odd_text(60, nonempty=True)), "speakers": speakers}
    record["sections"] = draw(st.lists(sections(ids, depth=draw(st.integers(0, 3))), max_size=3))
    if draw(st.integers(0, 9)) == 0:
        record["sections"].append(deep_section(draw(st.integers(4, 38))))
    extra = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "format": st.just("debate-exporter/1"),
                "date": dates.map(lambda d: d.isoformat()),
                "house": optional(odd_text(20)),
                "location": optional(odd_text(20)),
                "chair": optional(odd_text(20)),
                "department": optional(odd_text(20)),
                "language": st.sampled_from(LANGUAGES),
                "summary": st.lists(paragraphs().filter(lambda p: not (isinstance(p, dict) and "table" in p)), max_size=3),
                "source": st.fixed_dictionaries({}, optional={k: optional(odd_text(20)) for k in ("publisher", "volume", "licence", "reference", "citation")}),
            },
        )
    )  # fmt: skip
    record.update(extra)
    return record


def encoded(record: dict[str, Any]) -> bytes:
    """JSON with every character outside ASCII escaped: surrogates travel as ``\\ud800``."""
    return json.dumps(record, ensure_ascii=True).encode("ascii")


# --- real records, mutated -------------------------------------------------------------------


@st.composite
def mutated_inputs(draw: st.DrawFn) -> tuple[str, bytes]:
    path = draw(st.sampled_from(REAL_INPUTS))
    data = path.read_bytes()
    if draw(st.booleans()):
        return path.name, draw(_byte_mutation(data))
    if path.suffix == ".xml":
        return path.name, _xml_mutation(data, draw)
    if path.suffix in (".json", ".yaml", ".yml"):
        return path.name, _data_mutation(path, data, draw)
    return path.name, draw(_byte_mutation(data))


def _byte_mutation(data: bytes) -> st.SearchStrategy[bytes]:
    def flip(position: int, value: int) -> bytes:
        at = position % len(data)
        return data[:at] + bytes([value]) + data[at + 1 :]

    def insert(position: int, junk: bytes) -> bytes:
        at = position % (len(data) + 1)
        return data[:at] + junk + data[at:]

    def delete(position: int, length: int) -> bytes:
        at = position % len(data)
        return data[:at] + data[at + length :]

    position = st.integers(0, 10**7)
    return st.one_of(
        st.builds(flip, position, st.integers(0, 255)),
        st.builds(insert, position, st.one_of(st.binary(max_size=16), st.sampled_from([b"\x00", b"\xff\xfe", b"<", b"{", b"&#7;", b"&#x1F600;", b"]]>", b"\n---\n", b"&bogus;"]))),
        st.builds(delete, position, st.integers(1, 200)),
        st.integers(0, len(data)).map(lambda n: data[:n]),
    )  # fmt: skip


def _xml_mutation(data: bytes, draw: st.DrawFn) -> bytes:
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.fromstring(data, parser)
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    target = draw(st.sampled_from(elements))
    action = draw(st.sampled_from(["remove", "duplicate", "empty", "rename", "text", "attribute"]))
    parent = target.getparent()
    if action == "remove" and parent is not None:
        parent.remove(target)
    elif action == "duplicate" and parent is not None:
        parent.insert(parent.index(target), copy.deepcopy(target))
    elif action == "empty":
        target.clear()
    elif action == "rename":
        target.tag = draw(
            st.sampled_from(["speech", "p", "minor-heading", "u", "seg", "debateSection", "bogus"])
        )
    elif action == "text":
        target.text = _xml_safe(draw(odd_text()))
    else:
        names = list(target.attrib) or ["id"]
        target.set(draw(st.sampled_from(names)), _xml_safe(draw(odd_text(20))))
    return bytes(etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8"))


def _xml_safe(text: str) -> str:
    return "".join(
        c
        for c in text
        if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c > "\uffff"
    )


def _data_mutation(path: Path, data: bytes, draw: st.DrawFn) -> bytes:
    from exporter.readers.native import load_data

    value = load_data(data, path.name)
    containers: list[Any] = []
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, (dict, list)) and node:
            containers.append(node)
            stack.extend(node.values() if isinstance(node, dict) else node)
    if containers:
        node = draw(st.sampled_from(containers))
        key = draw(st.sampled_from(list(node) if isinstance(node, dict) else list(range(len(node)))))
        action = draw(st.sampled_from(["delete", "duplicate", "retype", "text", "null", "list"]))
        if action == "delete":
            del node[key]
        elif action == "duplicate" and isinstance(node, list):
            node.insert(key, json.loads(json.dumps(node[key])))
        elif action == "retype":
            node[key] = draw(st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans()))
        elif action == "text":
            node[key] = draw(odd_text())
        elif action == "null":
            node[key] = None
        else:
            node[key] = [node[key]]
    return json.dumps(value, ensure_ascii=True).encode("ascii")
