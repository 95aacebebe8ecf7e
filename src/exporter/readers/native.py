"""Our own record format, JSON or YAML (described by ``debate-export schema``)."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.language.resolve import format_default
from exporter.model import Debate
from exporter.options import ReadOptions
from exporter.record import DEFAULT_LANGUAGE, from_dict


class _RecordLoader(yaml.SafeLoader):
    """YAML 1.1 reads ``14:30`` as the number 870: times must stay strings."""


_RecordLoader.yaml_implicit_resolvers = {
    key: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    ]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(0|[1-9][0-9_]*)$"), list("-+0123456789")
)
_RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?([0-9][0-9_]*)?\.[0-9_]+([eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)


def load_data(data: bytes, source: str) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text (byte {err.start})", source) from None
    if text.lstrip().startswith(("{", "[")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(
                f"not valid JSON: {err.msg}", source, f"line {err.lineno} column {err.colno}"
            ) from None
    try:
        return yaml.load(text, Loader=_RecordLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        place = f"line {mark.line + 1} column {mark.column + 1}" if mark else None
        problem = getattr(err, "problem", None) or str(err)
        raise InputError(f"not valid YAML: {problem}", source, place) from None


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
