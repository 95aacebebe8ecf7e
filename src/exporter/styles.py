"""Style profiles: named YAML files in the package's styles folder, or a path."""

from __future__ import annotations

import dataclasses
from importlib.resources import files
from pathlib import Path
from typing import Any

from exporter.errors import InputError
from exporter.json_yaml import load_yaml
from exporter.options import Style


def styles_dir() -> Path:
    packaged = Path(str(files("exporter"))) / "styles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "styles"  # a source checkout


def available() -> list[str]:
    return sorted(p.stem for p in styles_dir().glob("*.yaml"))


def load_style(name_or_path: str) -> Style:
    path = Path(name_or_path)
    if not path.is_file():
        path = styles_dir() / f"{name_or_path}.yaml"
        if not path.is_file():
            raise InputError(f'no style "{name_or_path}" (known: {", ".join(available())}, or a YAML file)')
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read style: {err}", str(path)) from None
    data = load_yaml(text, str(path)) or {}
    return _style(data, str(path))


def _style(data: Any, source: str) -> Style:
    if not isinstance(data, dict):
        raise InputError("a style must be a YAML mapping", source)
    known = {f.name: f for f in dataclasses.fields(Style)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise InputError(f"unknown style setting (known: {', '.join(known)})", source, str(key))
        values[key] = tuple(value) if isinstance(value, list) else value
    style = Style(**values)
    if style.body_size < 12:
        raise InputError("body_size below 12 pt fails GOV.UK and RNIB guidance", source, "body_size")
    if style.line_spacing < 1.5:
        raise InputError("line_spacing below 1.5 fails WCAG 1.4.8 and the BDA guide", source, "line_spacing")
    for key in ("text_colour", "link_colour"):
        if _contrast(getattr(style, key)) < 4.5:
            raise InputError("contrast with white is below 4.5:1 (WCAG 1.4.3)", source, key)
    return style


def _contrast(hex_colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    try:
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return 0.0
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)
