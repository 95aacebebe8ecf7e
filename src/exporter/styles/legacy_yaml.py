"""Style files in the YAML of version 0.1 (flat keys), read for one more release.

Read safely and by the YAML 1.2 rules, like every YAML path (ruamel.yaml's safe loader, through
its node graph): a colour is taken as the characters written, so ``text_colour: 000000``, which
YAML reads as the number 0, is the colour #000000 and never a crash. Each key maps to its place in the TOML layout;
problems are reported under the key the file uses, with its line.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode

from exporter.errors import InputError

# legacy key -> places in the TOML layout (0.1 drew headings and header cells in the text colour)
LEGACY_KEYS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "body_size": ("body.size",),
    "heading_sizes": ("headings.sizes",),
    "line_spacing": ("body.line_spacing",),
    "paragraph_after": ("body.paragraph_spacing",),
    "text_colour": ("colours.text", "colours.heading", "colours.table_header"),
    "link_colour": ("colours.link",),
    "margin_cm": ("page.margins",),
    "docx_font": ("fonts.word",),
}
COLOUR_KEYS = ("text_colour", "link_colour")


def read_legacy_yaml(text: str, source: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The style's data in the TOML layout, and for each place the legacy key and line it
    came from (for messages). Raises InputError for YAML that is not a mapping of known keys."""
    loader = YAML(typ="safe", pure=True)
    try:
        root = loader.compose(text)
    except (MarkedYAMLError, YAMLError) as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        raise InputError(f"not valid YAML: {getattr(err, 'problem', None) or err}", source, where) from None
    if root is None:
        return {}, {}
    if not isinstance(root, MappingNode):
        raise InputError("a style is a mapping of settings", source)
    constructor = loader.constructor
    data: dict[str, Any] = {}
    places: dict[str, str] = {}
    for key_node, value_node in root.value:
        key = str(key_node.value)
        where = f"line {key_node.start_mark.line + 1}: {key}"
        if key not in LEGACY_KEYS:
            raise InputError(f"unknown style setting (known: {', '.join(LEGACY_KEYS)})", source, where)
        if key in COLOUR_KEYS and isinstance(value_node, ScalarNode):
            value: Any = value_node.value  # as written: 000000 stays six digits
        else:
            value = constructor.construct_object(value_node, deep=True)
        for place in LEGACY_KEYS[key]:
            if key == "margin_cm":
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    value = {side: value * 10 for side in ("top", "right", "bottom", "left")}
                for side in ("top", "right", "bottom", "left"):
                    places[f"page.margins.{side}"] = where
            _put(data, place, value)
            places[place] = where
    return data, places


def _put(data: dict[str, Any], place: str, value: Any) -> None:
    *tables, last = place.split(".")
    for table in tables:
        data = data.setdefault(table, {})
    data[last] = value
