"""Style profiles: named YAML files in the package's styles folder, or a path.

``heading_sizes`` gives a size in points per heading level, from level 1, up to 9 of
them; deeper levels take the last size given.
"""

from __future__ import annotations

import dataclasses
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from exporter.errors import InputError
from exporter.options import HEADING_LEVELS, Style


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
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise InputError(f"cannot read style: {err}", str(path)) from None
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
    _check_heading_sizes(style, source)
    if style.body_size < 12:
        raise InputError("body_size below 12 pt fails GOV.UK and RNIB guidance", source, "body_size")
    if style.line_spacing < 1.5:
        raise InputError("line_spacing below 1.5 fails WCAG 1.4.8 and the BDA guide", source, "line_spacing")
    for key in ("text_colour", "link_colour"):
        if _contrast(getattr(style, key)) < 4.5:
            raise InputError("contrast with white is below 4.5:1 (WCAG 1.4.3)", source, key)
    return style


def _check_heading_sizes(style: Style, source: str) -> None:
    """A size per heading level, 1 to 9 of them: none below the body size, none larger
    than the level above (a deeper heading never looks more important)."""
    sizes = style.heading_sizes
    if not isinstance(sizes, tuple) or not 1 <= len(sizes) <= HEADING_LEVELS:
        raise InputError(
            f"heading_sizes is a list of 1 to {HEADING_LEVELS} sizes in points", source, "heading_sizes"
        )
    for index, size in enumerate(sizes):
        where = f"heading_sizes[{index}]"
        if isinstance(size, bool) or not isinstance(size, (int, float)):
            raise InputError(f"a heading size is a number of points, not {size!r}", source, where)
        if size < style.body_size:
            raise InputError(f"heading level {index + 1} is smaller than the body text", source, where)
        if index and size > sizes[index - 1]:
            raise InputError(f"heading level {index + 1} is larger than level {index}", source, where)


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
