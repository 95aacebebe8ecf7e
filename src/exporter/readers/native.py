"""Our own record format, JSON or YAML (described by ``debate-export schema``)."""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

from exporter.diagnostics import Reporter
from exporter.errors import InputError, RecordErrors, UnknownFormatError
from exporter.json_yaml import decode, load_json, load_yaml, value_lines, what_it_is
from exporter.language.resolve import format_default
from exporter.model import Debate
from exporter.options import ReadOptions
from exporter.record import DEFAULT_LANGUAGE, from_dict


def load_data(data: bytes, source: str) -> Any:
    """A record's data: JSON when it starts with ``{`` or ``[``, else YAML 1.2."""
    return _load(data, source)[0]


def _load(data: bytes, source: str) -> tuple[Any, str, str]:
    """The data, which of JSON and YAML it was read as, and its text."""
    text = decode(data, source)
    if not text.strip():
        raise InputError("the file is empty", source)
    if text.lstrip().startswith(("{", "[")):
        return load_json(text, source), "JSON", text
    with contextlib.suppress(ValueError):  # null, a number, a string: JSON, and no record
        return json.loads(text), "JSON", text
    return load_yaml(text, source), "YAML", text


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    loaded, language, text = _load(data, source)
    if not isinstance(loaded, dict) or not loaded:
        # Not a record at all: a folder walk skips it, a file named on its own fails with this.
        what = "an empty mapping" if loaded == {} and language == "YAML" else what_it_is(loaded)
        if language == "YAML" and loaded is None:
            what = "empty (nothing but comments or document markers)"
        raise UnknownFormatError(
            f"the {language} is {what}, not a debate record (an object with its sections)",
            source,
        )
    try:
        debate = from_dict(loaded, source)
    except RecordErrors as errors:
        raise _with_lines(errors, text) from None
    if not debate.title:
        reporter.warn(
            "RECORD_NO_TITLE",
            "the record gives no title; the briefing is titled from its house and date",
            "title",
        )
    if "language" not in loaded:
        # The format's documented default (en-GB) holds unless the text is plainly another
        # language: a Chinese transcript is not declared English.
        debate = format_default(debate, DEFAULT_LANGUAGE, reporter)
    return debate


_UNKNOWN_KEY = re.compile(r'unknown key "([^"]+)"')
_STEP = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def _with_lines(errors: RecordErrors, text: str) -> RecordErrors:
    """Each problem with the line it is on (shown ``sections[0].items[2].speaker (line 14)``):
    the line of the value, or of the nearest part of the record that holds it (a missing
    key: its object's; an unknown key: its own). A record on one line gains nothing by it."""
    if "\n" not in text.strip():
        return errors
    lines = value_lines(text)
    if not lines:
        return errors
    located = []
    for problem in errors.problems:
        place = problem.location or ""
        path: tuple[str | int, ...] = tuple(
            int(index) if index else key for index, key in _STEP.findall(place)
        )
        unknown = _UNKNOWN_KEY.match(problem.message)
        if unknown and place != "(record)":  # the line of the misspelt key, not of its object
            path = (*path, unknown.group(1))
        elif unknown:
            path = (unknown.group(1),)
        while path and path not in lines:
            path = path[:-1]
        if path and place:
            where = None if place == "(record)" else place  # "line 2" says it all
            problem = InputError(problem.message, problem.source, where, lines[path])
        located.append(problem)
    return RecordErrors(located)
