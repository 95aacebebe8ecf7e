"""JSON and YAML parsed safely, for every path that reads them (records, format detection,
speaker directories, style files).

- JSON as RFC 8259 has it (strictly: a raw control character in a string is an error), from
  UTF-8 with or without a byte order mark, or from UTF-16 or UTF-32 when a byte order mark
  makes the encoding unambiguous (RFC 8259 section 8.1 lets a parser accept these; Windows
  tools write them). YAML alike (YAML 1.2 section 5.2: UTF-8, UTF-16 or UTF-32, told by the
  byte order mark). Text in UTF-16 or UTF-32 without one is refused, saying so.
- YAML by the 1.2 rules (ruamel.yaml's safe loader, pure Python so that every machine reads
  alike): ``no``, ``yes``, ``on`` and ``off`` are strings, so are times such as ``14:30`` and
  numbers with leading zeros; only ``true``/``false`` are booleans. YAML 1.2's core schema has
  no timestamps, so ``2022-02-23`` stays a string too and the record checks it as a date.
  Duplicate keys are an error. Aliases that expand to far more data than the file holds
  ("billion laughs"), or that refer to the node holding them, are refused.
- Either nests at most ``MAX_DEPTH`` lists and objects deep.

Every failure is an ``InputError`` naming the line and column.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from exporter.errors import InputError

MAX_DEPTH = 100  # lists and objects; our record format needs about 2 per section level
MAX_EXPANSION = 20  # YAML aliases may expand the data at most this many times the text's size


# Byte order marks, longest first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF8, "utf-8-sig"),
)
_NAMES = {"utf-32": "UTF-32", "utf-16": "UTF-16", "utf-8-sig": "UTF-8"}


def encoding_of(data: bytes) -> str | None:
    """The Python codec a byte order mark at the start of ``data`` names (``utf-16``,
    ``utf-32``, ``utf-8-sig``: each removes its mark), or None when there is none."""
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def as_utf8(data: bytes) -> bytes:
    """``data`` re-encoded as UTF-8 when a UTF-16 or UTF-32 byte order mark says what it is
    (for looking at its content); otherwise ``data`` itself."""
    codec = encoding_of(data)
    if codec in ("utf-16", "utf-32"):
        try:
            return data.decode(codec).encode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            return data
    return data


def decode(data: bytes, source: str) -> str:
    """The text of ``data``, without its byte order mark: UTF-8, or UTF-16 or UTF-32 when a
    byte order mark says so (RFC 8259 section 8.1, YAML 1.2 section 5.2).

    Raises InputError naming the byte (and line) where the text stops being valid in its
    encoding, and saying when it looks like UTF-16 or UTF-32 with no byte order mark."""
    codec = encoding_of(data)
    if codec is None and looks_wide(data):
        raise InputError(
            "not UTF-8 text: it looks like UTF-16 or UTF-32 without a byte order mark; save it as "
            "UTF-8, or as UTF-16 with a byte order mark",
            source,
        )
    codec = codec or "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        if codec != "utf-8-sig":
            name = _NAMES[codec]
            raise InputError(
                f"not {name} text, though it starts with a {name} byte order mark (byte {err.start})", source
            ) from None
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(f"not UTF-8 text (byte {err.start})", source, f"line {line}") from None


def looks_wide(data: bytes) -> bool:
    """Whether ``data`` starts as text written two or four bytes a character would, with no
    byte order mark: a NUL byte among the first four beside a character that is not one (the
    test of RFC 4627 section 3; UTF-8 text never starts with a NUL)."""
    head = data[:4]
    return len(head) == 4 and 0 in head and any(head) and encoding_of(data) is None


def load_json(text: str, source: str) -> Any:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            f"not valid JSON: {err.msg}", source, f"line {err.lineno} column {err.colno}"
        ) from None
    except RecursionError:
        raise InputError(f"lists and objects nest deeper than {MAX_DEPTH} levels", source) from None
    except ValueError as err:  # a number of more than 4300 digits
        raise InputError(f"not valid JSON: {err}", source) from None
    check_depth(value, source)
    return value


class _Constructor(SafeConstructor):
    """YAML 1.2 core schema: a date-like scalar stays the string it is."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def load_yaml(text: str, source: str) -> Any:
    loader = YAML(typ="safe", pure=True)
    loader.Constructor = _Constructor
    try:
        value = loader.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        place = f"line {mark.line + 1} column {mark.column + 1}" if mark else None
        problem = " ".join(str(err.problem or err.context or "").split())
        raise InputError(f"not valid YAML: {problem}", source, place) from None
    except RecursionError:
        raise InputError(f"lists and mappings nest deeper than {MAX_DEPTH} levels", source) from None
    except (YAMLError, ValueError) as err:
        raise InputError(f"not valid YAML: {' '.join(str(err).split())}", source) from None
    _check_expansion(value, len(text), source)
    check_depth(value, source)
    return value


def what_it_is(value: Any) -> str:
    """What a parsed JSON or YAML document holds at its top, in words: "null", "a number
    (3)", "a string", "true", "an empty list", "a list", "an empty object", "an object"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"a number ({value!r:.20})"
    if isinstance(value, str):
        return "an empty string" if not value else "a string"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    return "an object" if value else "an empty object"


def value_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """The line (from 1) where each value of a JSON or YAML document starts, by its path of
    keys and indexes (``("sections", 0, "items")``): for saying where a problem is. JSON is
    YAML 1.2 here, so one composer serves both; {} when it cannot be composed."""
    try:
        root = YAML(typ="safe", pure=True).compose(text)
    except (YAMLError, ValueError, RecursionError):
        return {}
    lines: dict[tuple[str | int, ...], int] = {}
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(root, ())] if root is not None else []
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        lines[path] = node.start_mark.line + 1
        if id(node) in seen:  # an alias: its node is walked once
            continue
        seen.add(id(node))
        if isinstance(node.value, list):
            for index, child in enumerate(node.value):
                if isinstance(child, tuple):  # a mapping's (key, value)
                    key, value = child
                    step: tuple[str | int, ...] = (*path, str(key.value))
                    lines[step] = key.start_mark.line + 1
                    stack.append((value, step))
                else:
                    stack.append((child, (*path, index)))
    return lines


def check_depth(value: Any, source: str) -> None:
    """Raise if lists and objects nest deeper than ``MAX_DEPTH`` (without recursing)."""
    stack: list[tuple[Any, int, str]] = [(value, 0, "")]
    while stack:
        node, depth, path = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        if depth >= MAX_DEPTH:
            top = re.match(r"[^.\[]*(\[\d+\])?", path)
            raise InputError(
                f"lists and objects nest deeper than {MAX_DEPTH} levels below here",
                source,
                top and top.group() or None,
            )
        children = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in children:
            if isinstance(child, (dict, list)):
                step = f"[{key}]" if isinstance(key, int) else (f".{key}" if path else str(key))
                stack.append((child, depth + 1, path + step))


def _check_expansion(value: Any, size: int, source: str) -> None:
    """Count the nodes a reader would walk, sharing counts for aliased nodes."""
    budget = MAX_EXPANSION * size + 10_000
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        node, done = stack.pop()
        if not isinstance(node, (dict, list)) or (id(node) in sizes and not done):
            continue
        children = list(node.values()) if isinstance(node, dict) else node
        if done:
            open_nodes.discard(id(node))
            total = 1 + sum(sizes.get(id(c), 1) for c in children)
            if total > budget:
                raise InputError(
                    "aliases expand to far more data than the file holds (alias amplification)", source
                )
            sizes[id(node)] = total
            continue
        if id(node) in open_nodes:
            raise InputError("an alias refers to the node that holds it (a cycle)", source)
        open_nodes.add(id(node))
        stack.append((node, True))
        for child in children:
            if isinstance(child, (dict, list)):
                if id(child) in open_nodes:
                    raise InputError("an alias refers to the node that holds it (a cycle)", source)
                stack.append((child, False))
