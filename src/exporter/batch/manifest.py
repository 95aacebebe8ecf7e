"""The manifest of an output folder: what each output was made from, for incremental runs.

``convert`` keeps one in the output folder (``-o``), ``.debate-export-manifest.json``, or
``.debate-export-manifest-K-of-N.json`` for ``--shard K/N`` (each shard its own, so shards
can share a folder). One record per input, keyed by the input's path inside the folder it
was found in (``Source.relative``, which is also where its outputs go under ``-o``):

- ``input``: the input's path relative to the output folder, as last seen (POSIX), so that
  the manifest reads the same on every checkout and an input that is gone can be told;
- ``sha256``: the SHA-256 of the input's bytes that were converted;
- ``made_with``: the fingerprint of the recipe (``recipe``: tool and options) it was made
  with; the recipes themselves are kept once, under ``made_with`` at the top;
- ``input_format``: the reader that read it;
- ``done``: False when its last conversion failed after writing files (an audit error,
  a set half replaced): such a record is never taken as up to date;
- ``outputs``: the files it made, each with its path relative to the output folder, format,
  size in bytes and SHA-256, as written;
- ``stale``: files an earlier conversion of it made that the last one did not (a ``--split``
  piece whose debate is gone, a format no longer asked for): reported, and removed with
  ``--prune``.

The file is JSON with sorted keys, two-space indents and only ASCII (other characters as
``\\u`` escapes, so a file name that is not UTF-8 survives), so two runs that record the same
things write the same bytes. It is written whole or not at all (``output_set``), and only
ever records files already in place, so an interruption or a crash leaves it true: at
worst it forgets work, which the next run does again. Its JSON Schema:
``schemas/manifest.schema.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path, PurePosixPath
from typing import Any

from exporter.batch.shards import Shard

FORMAT = "debate-export-manifest/1"
STEM = ".debate-export-manifest"


def file_name(shard: Shard | None) -> str:
    """The manifest's name in the output folder, for a whole run or one shard."""
    return f"{STEM}.json" if shard is None else f"{STEM}-{shard.index}-of-{shard.count}.json"


def is_manifest_name(name: str) -> bool:
    return name.startswith(STEM) and name.endswith(".json")


class ManifestError(Exception):
    """A manifest that cannot be read or is not one (its message says why)."""


@dataclass(frozen=True)
class Output:
    """A file an input made: ``path`` relative to the output folder (POSIX)."""

    path: str
    format: str
    bytes: int
    sha256: str

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "bytes": self.bytes, "sha256": self.sha256}


@dataclass
class Record:
    """What one input made, and from what (see the module's description of each field)."""

    input: str
    sha256: str
    made_with: str
    input_format: str | None
    done: bool
    outputs: list[Output] = field(default_factory=list)
    stale: list[Output] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "sha256": self.sha256,
            "made_with": self.made_with,
            "input_format": self.input_format,
            "done": self.done,
            "outputs": [output.as_json() for output in self.outputs],
            "stale": [output.as_json() for output in sorted(self.stale, key=lambda o: o.path)],
        }


@dataclass
class Manifest:
    """The records of one output folder (one shard's), keyed by input, and the recipes
    they were made with, keyed by fingerprint."""

    shard: Shard | None = None
    records: dict[str, Record] = field(default_factory=dict)
    recipes: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        """The manifest as JSON; recipes no record uses are left out."""
        used = {record.made_with for record in self.records.values()}
        data = {
            "format": FORMAT,
            "shard": None if self.shard is None else str(self.shard),
            "made_with": {key: value for key, value in self.recipes.items() if key in used},
            "inputs": {key: record.as_json() for key, record in self.records.items()},
        }
        return (json.dumps(data, sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the manifest."""
    loaded: dict[str, Any] = json.loads(
        files("exporter").joinpath("schemas/manifest.schema.json").read_text("utf-8")
    )
    return loaded


def load(path: Path, shard: Shard | None) -> Manifest:
    """The manifest at ``path``; an empty one if there is none. Raises ManifestError for a
    file that cannot be read or is not a manifest of this format and shard."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return Manifest(shard)
    except (OSError, ValueError) as error:
        raise ManifestError(f"cannot be read ({getattr(error, 'strerror', None) or error})") from None
    try:
        if data["format"] != FORMAT:
            raise ManifestError(f"is in another format ({data['format']!r}, not {FORMAT})")
        if data["shard"] != (None if shard is None else str(shard)):
            raise ManifestError(f"belongs to shard {data['shard']}, not {shard}")
        records = {str(key): _record(value) for key, value in data["inputs"].items()}
        recipes = {str(key): dict(value) for key, value in data["made_with"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ManifestError(
            f"is not a manifest this version can read ({type(error).__name__}: {error})"
        ) from None
    return Manifest(shard, records, recipes)


def _record(data: dict[str, Any]) -> Record:
    return Record(
        input=str(data["input"]),
        sha256=str(data["sha256"]),
        made_with=str(data["made_with"]),
        input_format=None if data["input_format"] is None else str(data["input_format"]),
        done=bool(data["done"]),
        outputs=[_output(item) for item in data["outputs"]],
        stale=[_output(item) for item in data["stale"]],
    )


def _output(data: dict[str, Any]) -> Output:
    path = str(data["path"])
    pieces = re.split(r"[\\/]", path)  # as Windows reads it too
    if not path or PurePosixPath(path).is_absolute() or ".." in pieces or ":" in pieces[0] or not pieces[0]:
        raise ValueError(f"{path!r} is not a path inside the output folder")  # --prune removes what is listed
    return Output(path, str(data["format"]), int(data["bytes"]), str(data["sha256"]))
