"""Our own record format, JSON or YAML (described by ``debate-export schema``)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from exporter.diagnostics import Reporter
from exporter.errors import InputError, UnknownFormatError
from exporter.json_yaml import decode, load_json, load_yaml, what_it_is
from exporter.language.resolve import format_default
from exporter.model import Debate
from exporter.options import ReadOptions
from exporter.record import DEFAULT_LANGUAGE, from_dict


def load_data(data: bytes, source: str) -> Any:
    """A record's data: JSON when it starts with ``{`` or ``[``, else YAML 1.2."""
    return _load(data, source)[0]


def _load(data: bytes, source: str) -> tuple[Any, str]:
    """The data, and which of JSON and YAML it was read as."""
    text = decode(data, source)
    if not text.strip():
        raise InputError("the file is empty", source)
    if text.lstrip().startswith(("{", "[")):
        return load_json(text, source), "JSON"
    with contextlib.suppress(ValueError):  # null, a number, a string: JSON, and no record
        return json.loads(text), "JSON"
    return load_yaml(text, source), "YAML"


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    loaded, language = _load(data, source)
    if not isinstance(loaded, dict) or not loaded:
        # Not a record at all: a folder walk skips it, a file named on its own fails with this.
        what = "an empty mapping" if loaded == {} and language == "YAML" else what_it_is(loaded)
        if language == "YAML" and loaded is None:
            what = "empty (nothing but comments or document markers)"
        raise UnknownFormatError(
            f"the {language} is {what}, not a debate record (an object with its sections)",
            source,
        )
    debate = from_dict(loaded, source)
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
