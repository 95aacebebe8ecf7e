"""What an input's outputs are made with: the tool and the options, as one fingerprint.

An incremental run (``manifest``) skips an input only when its outputs were made from the
same bytes with the same recipe. The recipe has two parts:

- **the tool**: its version, a SHA-256 of its own code and data (every file of the
  ``exporter`` package but compiled bytecode, so that a build from an unreleased commit is
  told from another with the same version), and the installed version of each of its
  runtime dependencies (ReportLab, python-docx, lxml, Babel… shape the bytes too);
- **the options** of the ``Job`` that shape outputs, found by walking the ``Job``
  dataclass, so that an option added later is covered without a change here: every field,
  nested dataclasses (the resolved style profile, whatever file it came from) field by
  field, and a file an option names (``--people``) by the SHA-256 of its content, never its
  path; and the audit policy (``--fail-on``), which decides whether an input passed.
  ``max_input_size`` only decides whether an input is read at all, so it is left out.

The fingerprint is the SHA-256 of the recipe as canonical JSON (sorted keys, no spaces):
the same on every machine for the same tool and options.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any

import exporter
from exporter import __version__
from exporter.pipeline import Job

DISTRIBUTION = "debate-exporter"
NOT_SHAPING = frozenset({"read.max_input_size"})  # dotted Job fields that never change an output
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def recipe(job: Job, fail_on: str | None) -> dict[str, Any]:
    """The tool and the options as plain JSON data. Raises OSError if a file an option
    names cannot be read."""
    return {"tool": tool(), "options": {"job": _canonical(job, ""), "audit": fail_on}}


def fingerprint(made_with: dict[str, Any]) -> str:
    """The SHA-256 (hex) of a recipe, as canonical JSON."""
    text = json.dumps(made_with, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


@lru_cache(maxsize=1)
def tool() -> dict[str, Any]:
    """This installation of debate-export: version, code digest, dependencies' versions."""
    return {
        "name": "debate-export",
        "version": __version__,
        "code": code_digest(),
        "dependencies": dependencies(),
    }


def code_digest() -> str:
    """SHA-256 over every file of the ``exporter`` package (relative path and content), in
    path order; compiled bytecode and caches left out."""
    package = Path(exporter.__file__).resolve().parent
    digest = hashlib.sha256()
    files = sorted(
        (path.relative_to(package).as_posix(), path)
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo")
    )
    for name, path in files:
        data = path.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()


def dependencies() -> dict[str, str]:
    """The installed version of each runtime dependency of debate-exporter (those of an
    extra left out; one not installed, as a dependency for older Pythons, is left out)."""
    try:
        required = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return {}
    found = {}
    for requirement in required:
        marker = requirement.partition(";")[2]
        match = _NAME.match(requirement)
        if match is None or "extra" in marker:
            continue
        name = match.group(0).lower().replace("_", "-")
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return dict(sorted(found.items()))


def _canonical(value: Any, where: str) -> Any:
    """``value`` as JSON data: dataclasses field by field, paths by their file's content."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {}
        for item in dataclasses.fields(value):
            place = f"{where}.{item.name}" if where else item.name
            if place not in NOT_SHAPING:
                fields[item.name] = _canonical(getattr(value, item.name), place)
        return fields
    if isinstance(value, PurePath):
        return {"sha256": _file_digest(Path(value))}
    if isinstance(value, enum.Enum):
        return _canonical(value.value, where)
    if isinstance(value, (tuple, list)):
        return [_canonical(item, where) for item in value]
    if isinstance(value, dict):
        return {str(key): _canonical(item, where) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"{where}: cannot fingerprint a {type(value).__name__}")  # a new kind of option


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
