"""A resolved style written back as a TOML style file (``debate-export styles show``).

Laid out as the shipped files are (tables in a fixed order, lists and margins on one
line); every string and number is written by tomli-w, which escapes what TOML needs.
Whole-number floats are written as integers (``size = 12``, not ``12.0``). The result
loads to the same style.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import tomli_w

from exporter.styles.model import Style


def to_data(style: Style) -> dict[str, Any]:
    """The style in the TOML layout: top-level keys, then [page], [fonts], [body],
    [headings] and [colours]."""
    data = asdict(style)
    page = data["page"]
    size = page.pop("size")
    width, height = page.pop("width"), page.pop("height")
    page_out = {"size": size if size != "custom" else [width, height], "margins": page["margins"]}
    out: dict[str, Any] = {
        "name": style.name,
        "description": style.description,
        "contrast": style.contrast,
        "page": page_out,
        "fonts": data["fonts"],
        "body": data["body"],
        "headings": {"sizes": list(style.headings.sizes), "weights": list(style.headings.weights)},
        "colours": data["colours"],
    }
    if not style.description:
        del out["description"]
    return _tidy(out)


def _tidy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _tidy(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_tidy(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_value(item)}" for key, item in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return tomli_w.dumps({"v": value})[len("v = ") :].rstrip("\n")


def to_toml(style: Style) -> str:
    """The whole style as a TOML document, every setting given."""
    lines = [f"# Style profile {style.name}, fully resolved by debate-export."]
    for key, value in to_data(style).items():
        if isinstance(value, dict):
            lines.append(f"\n[{key}]")
            lines.extend(f"{name} = {_value(item)}" for name, item in value.items())
        else:
            lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines) + "\n"
