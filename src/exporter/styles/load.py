"""Finding, reading and resolving style files.

A name is a shipped profile (``styles/NAME.toml``); anything else is a path. TOML is read
with the standard library's tomllib (tomli on Python 3.10). A file may name a profile it
``extends`` (a shipped name, or a path relative to the file): its tables are merged
key by key over that profile's, lists replaced whole. A YAML file (the 0.1 format) still
loads, with a deprecation warning, until the next release.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from exporter.diagnostics import Reporter
from exporter.errors import InputError, RecordErrors
from exporter.styles.legacy_yaml import read_legacy_yaml
from exporter.styles.model import Style
from exporter.styles.schema import Problems, build, validate_shape

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

YAML_DEPRECATED = "STYLE-YAML-DEPRECATED"
_INDEX = re.compile(r"^(.*?)(\[\d+\])?$")


def styles_dir() -> Path:
    """The shipped profiles: inside the installed package, or the checkout's styles/."""
    packaged = Path(str(files("exporter"))) / "styles"
    if (packaged / "standard.toml").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "styles"  # a source checkout


def available() -> list[str]:
    """The names of the shipped profiles, sorted."""
    return sorted(path.stem for path in styles_dir().glob("*.toml"))


@dataclass(frozen=True)
class ProfileInfo:
    name: str
    description: str
    path: Path


def profiles() -> list[ProfileInfo]:
    """Each shipped profile with its one-line description."""
    found = []
    for name in available():
        style = load_style(name)
        found.append(ProfileInfo(name, style.description, styles_dir() / f"{name}.toml"))
    return found


def load_style(name_or_path: str, reporter: Reporter | None = None) -> Style:
    """The fully resolved, validated style a name or path gives.

    Raises InputError (or RecordErrors, one line per problem) naming the file and the
    place of each problem; a YAML file adds a deprecation warning to ``reporter``."""
    path = _find(name_or_path)
    return _load(path, reporter, seen=())


def _find(name_or_path: str, relative_to: Path | None = None) -> Path:
    shipped = styles_dir() / f"{name_or_path}.toml"
    if "/" not in name_or_path and "\\" not in name_or_path and shipped.is_file():
        return shipped
    path = Path(name_or_path)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if path.is_file():
        return path
    shipped_names = ", ".join(available())
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a style file; the style profiles are {shipped_names}")
    if _is_path(name_or_path):
        raise InputError(
            f"style file {path} not found (no such file); the style profiles are {shipped_names}, "
            "or give the path of a .toml file"
        )
    raise InputError(
        f'no style profile "{name_or_path}"; the style profiles are {shipped_names}, or give the path of a .toml file'
    )


def _is_path(name_or_path: str) -> bool:
    """Whether what the user gave names a file rather than a profile: it has a folder or a
    file extension (``house.toml``, ``./house``)."""
    return "/" in name_or_path or "\\" in name_or_path or Path(name_or_path).suffix != ""


def _load(path: Path, reporter: Reporter | None, seen: tuple[Path, ...]) -> Style:
    data, problems = _read(path, reporter, seen)
    style = build(data, problems)
    if style is None or problems.found:
        _raise(problems)
    assert style is not None
    return style


def _read(path: Path, reporter: Reporter | None, seen: tuple[Path, ...]) -> tuple[dict[str, Any], Problems]:
    """The file's data merged over what it extends, shape-checked, with its problems."""
    source = str(path)
    resolved = path.resolve()
    if resolved in seen:
        raise InputError("extends itself, through " + " -> ".join(p.name for p in seen), source, "extends")
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read style: {getattr(err, 'strerror', None) or err}", source) from None
    places: dict[str, str] = {}
    if path.suffix.lower() in (".yaml", ".yml"):
        data, places = read_legacy_yaml(text, source)
        data.setdefault("extends", "standard")
        if reporter is not None:
            reporter.warn(
                YAML_DEPRECATED,
                f"YAML style files are deprecated and will not load in the next release; convert it with "
                f"`debate-export styles show {source} > {path.with_suffix('.toml').name}`",
            )
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise InputError(f"not valid TOML: {err}", source) from None
    problems = Problems(source, _renamer(places), None if places else _line_of(_toml_lines(text)))
    validate_shape(data, problems)  # takes out what it refuses; build finds the rest
    if path.parent.resolve() != styles_dir().resolve() or path.suffix != ".toml":
        data.setdefault("name", path.stem)
    base_name = data.pop("extends", None)
    if base_name is None:
        return data, problems
    try:
        base_path = _find(base_name, relative_to=path.parent)
    except InputError as err:
        raise InputError(err.message, source, "extends") from None
    base, base_problems = _read(base_path, None, (*seen, resolved))
    if base_problems.found:
        _raise(base_problems)
    base.pop("name", None)
    base.pop("description", None)
    own = set(_places(data))
    problems.inherited = {place: base_name for place in _places(base) if place not in own}
    return _merge(base, data), problems


def _places(data: dict[str, Any], prefix: str = "") -> list[str]:
    """The dotted place of every setting in ``data`` (``body.size``)."""
    found = []
    for key, value in data.items():
        if isinstance(value, dict):
            found.extend(_places(value, f"{prefix}{key}."))
        else:
            found.append(f"{prefix}{key}")
    return found


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _renamer(places: dict[str, str]) -> Any:
    """Map a TOML place to where a legacy YAML file wrote it (``line 4: body_size[2]``)."""
    if not places:
        return None

    def rename(place: str) -> str:
        match = _INDEX.match(place)
        base, index = (match.group(1), match.group(2) or "") if match else (place, "")
        return places[base] + index if base in places else place

    return rename


_TOML_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")
_TOML_PART = re.compile(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""")


def _toml_lines(text: str) -> dict[str, int]:
    """The line (from 1) of each table header and key a TOML file writes, by its dotted
    place (``colours.text``), for saying where a problem is. A plain scan of the lines:
    a key inside a multi-line string is never a setting, and is never looked for."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        header = _TOML_TABLE.match(line)
        if header:
            table = _dotted(header.group(1))
            lines.setdefault(table, number)
            continue
        key = _TOML_KEY.match(line)
        if key:
            lines.setdefault(f"{table}.{_dotted(key.group(1))}" if table else _dotted(key.group(1)), number)
    return lines


def _dotted(key: str) -> str:
    return ".".join(next(part for part in match if part) for match in _TOML_PART.findall(key))


def _line_of(lines: dict[str, int]) -> Any:
    """The line the file sets a place on (``body.size``), or the line of the nearest table
    holding it; None when the file does not write it (a setting it inherits)."""

    def line(place: str) -> int | None:
        match = _INDEX.match(place)
        base = match.group(1) if match else place
        while base and base not in lines:
            base = base.rpartition(".")[0]
        return lines[base] if base else None

    return line


_LINE = re.compile(r"\bline (\d+)")


def _raise(problems: Problems) -> None:
    """Every problem, in the order of the lines they are on (those the file does not write,
    inherited through ``extends``, last)."""
    if len(problems.found) == 1:
        raise problems.found[0]

    def line(problem: InputError) -> int:
        if problem.line is not None:
            return problem.line
        found = _LINE.search(problem.location or "")  # a legacy YAML place: "line 4: body_size"
        return int(found.group(1)) if found else sys.maxsize

    raise RecordErrors(sorted(problems.found, key=line))
