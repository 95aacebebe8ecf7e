"""Our own record format, JSON or YAML (described by ``debate-export schema``)."""

from __future__ import annotations

from typing import Any

from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.json_yaml import decode, load_json, load_yaml
from exporter.language.resolve import format_default
from exporter.model import Debate
from exporter.options import ReadOptions
from exporter.record import DEFAULT_LANGUAGE, from_dict


def load_data(data: bytes, source: str) -> Any:
    """A record's data: JSON when it starts with ``{`` or ``[``, else YAML 1.2."""
    text = decode(data, source)
    if text.lstrip().startswith(("{", "[")):
        return load_json(text, source)
    return load_yaml(text, source)


def read(data: bytes, source: str, options: ReadOptions, reporter: Reporter) -> Debate:
    loaded = load_data(data, source)
    if not isinstance(loaded, dict):
        raise InputError("a debate record must be a JSON object or YAML mapping", source)
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
