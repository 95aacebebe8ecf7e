"""Incremental runs: skip what is up to date, record what was made, report and prune leftovers.

An input is **up to date**, and skipped as unchanged, when the output folder's manifest
(``manifest``) has a record of it that is done, made with this run's recipe (``recipe``:
the same tool, options and files they name), from bytes with the same SHA-256 as the
input's now, and every output it lists is in place, a regular file with its recorded size
and SHA-256 (an output deleted or edited by hand is made again). ``--force`` takes nothing
as up to date. Hashing is done in threads (``hashlib`` releases the GIL), reading each
file once.

After each input is converted its record is replaced: the files now in place, the bytes
the worker actually read (``Outcome.input_sha256``), and, as ``stale``, files an earlier
conversion of it made that this one did not. A failed input is never recorded as done: one
that wrote nothing keeps its old record (still true of the old files); one that wrote files
(an audit error under ``--fail-on``, a set half replaced) is recorded not done. The
manifest is saved at the end, and every ``CHECKPOINT_SECONDS`` meanwhile, always whole and
only after the files it lists are in place.

**Leftovers** are outputs no input of this run makes any more: those of an input that is
gone (not among this run's inputs, and not on disk where it was last seen: an input left
out by ``--exclude`` is not gone) and the stale files of the others. They are reported; with
``--prune`` they are removed, if they still hold what was written (a file changed since is
left, and no longer tracked), with any folder that removing them leaves empty. A leftover
that another input now makes, in this manifest or another shard's in the same folder, is
that input's, and is neither reported nor removed. A shard's manifest only holds its own
share, so ``--prune`` on a shard touches only its share.

A manifest is kept for an archive (``keeps_manifest``): a run given a folder or a list of
inputs (``@FILE``, ``@-``), or a shard, starts one; any run into an output folder that has
one uses it. A run of files named on their own into a folder without one leaves none: a
one-off conversion leaves only its briefings.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from exporter.batch import Entry, Written
from exporter.batch.inputs import Source, clash_key
from exporter.batch.manifest import Manifest, ManifestError, Output, Record, file_name, is_manifest_name, load
from exporter.batch.recipe import fingerprint
from exporter.batch.shards import Shard
from exporter.output_set import OutputSetError, PlannedFile, write_set

CHECKPOINT_SECONDS = 30.0
Hold = Callable[[], AbstractContextManager[object]]


def keeps_manifest(arguments: Sequence[str], out_dir: Path, shard: Shard | None) -> bool:
    """Whether a run keeps the output folder's manifest: it has one already, or the run is
    an archive's (a folder or a list among its ``arguments``, or a shard)."""
    if shard is not None or os.path.lexists(out_dir / file_name(shard)):
        return True
    return any((argument.startswith("@") and len(argument) > 1) or os.path.isdir(argument) for argument in arguments)


@dataclass(frozen=True)
class Leftover:
    """An output no input of the run makes any more. ``why``: ``input-gone`` or
    ``no-longer-made``; ``removed``: removed by ``--prune``; ``note``: why it was left."""

    path: Path
    input: str
    why: str
    removed: bool = False
    note: str | None = None


@dataclass(frozen=True)
class UpToDate:
    """An input skipped as unchanged: its files in place and the reader that read it."""

    written: list[Written]
    input_format: str | None


class Incremental:
    """The manifest of ``out_dir`` (``shard``'s) through one run of ``convert``."""

    def __init__(
        self, out_dir: Path, shard: Shard | None, made_with: dict[str, Any], *, force: bool, prune: bool
    ):
        self.out_dir, self.force, self.prune = out_dir, force, prune
        self.path = out_dir / file_name(shard)
        self.fingerprint = fingerprint(made_with)
        self.problem: str | None = None  # the old manifest could not be read
        self.save_problem: str | None = None
        try:
            self.manifest = load(self.path, shard)
        except ManifestError as error:
            self.problem = f"{self.path}: {error}; it is replaced, and every input converted afresh"
            self.manifest = Manifest(shard)
        self.manifest.recipes[self.fingerprint] = made_with
        self._saved_at = time.monotonic()
        self._changed = False

    # --- before the run ---------------------------------------------------------

    def up_to_date(self, sources: Sequence[Source], threads: int = 4) -> dict[int, UpToDate]:
        """The inputs (by position in ``sources``) whose outputs are up to date."""
        if self.force:
            return {}
        candidates = {}
        for position, source in enumerate(sources):
            record = self.manifest.records.get(source.relative)
            if (
                source.path is not None
                and source.problem is None
                and record is not None
                and record.done
                and record.made_with == self.fingerprint
            ):
                candidates[position] = (source, record)
        wanted = [source.path for source, _ in candidates.values()]
        wanted += [self._output_path(out) for _, record in candidates.values() for out in record.outputs]
        with ThreadPoolExecutor(max(1, threads)) as pool:
            digests = dict(zip(wanted, pool.map(_digest, wanted), strict=True))
        found = {}
        for position, (source, record) in candidates.items():
            assert source.path is not None
            digest = digests[source.path]
            if digest is None or digest[0] != record.sha256:
                continue
            placed = [(self._output_path(out), out) for out in record.outputs]
            if all(digests[path] == (out.sha256, out.bytes) for path, out in placed):
                found[position] = UpToDate(
                    [Written(path, out.format, out.bytes, out.sha256) for path, out in placed],
                    record.input_format,
                )
                self._seen_at(record, source)
        return found

    def owners(self, sources: Sequence[Source]) -> dict[str, str]:
        """Who made each output the manifests of the folder list as current (by
        ``inputs.clash_key``): an input of this run by its ``display``, another by its path
        as recorded, from the output folder (another shard's by its manifest's name); the
        outputs of an input that is gone (renamed, removed) are leftovers, nobody's. A record read from standard
        input, named from its title, must not silently replace one of them."""
        displays = {source.relative: source.display for source in sources if source.path is not None}
        owners = {
            clash_key(self._output_path(out)): displays.get(key) or os.path.normpath(self.out_dir / record.input)
            for key, record in self.manifest.records.items()
            if key in displays or self._input_exists(record)  # a gone input's files are leftovers
            for out in record.outputs
        }
        for name, other in _other_manifests(self.out_dir, self.path):
            for path in other:
                owners.setdefault(clash_key(self._output_path_of(path)), f"an input of {name}")
        return owners

    # --- as each input finishes -------------------------------------------------

    def record(self, entry: Entry) -> None:
        """Replace the record of ``entry``'s input with what this run did to it."""
        source, outcome = entry.source, entry.outcome
        if source.path is None or outcome is None:
            return  # standard input: nothing to compare with next time
        old = self.manifest.records.get(source.relative)
        if entry.written and outcome.input_sha256 is not None:
            outputs = [self._output(file) for file in entry.written]
            if entry.status != "converted" and old is not None:  # a set half replaced: the rest is old
                outputs += _not_in(old.outputs, outputs)
            earlier = [] if old is None else [*old.outputs, *old.stale]
            self.manifest.records[source.relative] = Record(
                input=self._input(source),
                sha256=outcome.input_sha256,
                made_with=self.fingerprint,
                input_format=outcome.input_format,
                done=entry.status == "converted",
                outputs=outputs,
                stale=_unique(_not_in(earlier, outputs)),
            )
        elif entry.status == "skipped" and old is not None:  # no longer a record: its files are stale
            old.stale, old.outputs, old.done = _unique([*old.outputs, *old.stale]), [], False
        else:
            return  # failed before writing: the old record is still true of the old files
        self._changed = True

    def checkpoint(self, hold: Hold) -> None:
        """Save the manifest if it changed and the last save is ``CHECKPOINT_SECONDS`` old."""
        if self._changed and time.monotonic() - self._saved_at >= CHECKPOINT_SECONDS:
            self.save(hold)

    # --- after the run ----------------------------------------------------------

    def finish(self, sources: Sequence[Source], hold: Hold) -> list[Leftover]:
        """Report the leftovers (removing them with ``--prune``) and save the manifest."""
        present = {source.relative for source in sources if source.path is not None}
        records = self.manifest.records
        gone = {
            key for key, record in records.items() if key not in present and not self._input_exists(record)
        }
        leftovers: list[Leftover] = []
        with hold():
            claimed = self._claimed(gone)
            for key in sorted(records):
                record = records[key]
                tracked = _unique([*record.outputs, *record.stale]) if key in gone else record.stale
                kept = []
                for out in tracked:
                    path = self._output_path(out)
                    if clash_key(path) in claimed or not os.path.lexists(path):
                        continue  # another input's now, or already removed: no longer tracked
                    found, keep = self._leftover(
                        path, out, key, "input-gone" if key in gone else "no-longer-made"
                    )
                    leftovers.append(found)
                    if keep:
                        kept.append(out)
                if key not in gone:
                    record.stale = kept
                elif kept:
                    record.outputs = [out for out in record.outputs if out in kept]
                    record.stale = [out for out in record.stale if out in kept]
                else:
                    del records[key]
            self.save(hold)
        return sorted(leftovers, key=lambda item: str(item.path))

    def save(self, hold: Hold) -> None:
        """Write the manifest whole, if it says anything new."""
        data = self.manifest.to_bytes()
        self._saved_at, self._changed = time.monotonic(), False
        with contextlib.suppress(OSError):
            if self.path.read_bytes() == data:
                return
        if not self.manifest.records and not os.path.lexists(self.path):
            return
        try:
            write_set([PlannedFile(self.path, data)], hold=hold)
        except OutputSetError as error:
            self.save_problem = (
                f"{self.path}: cannot save the manifest: {error}; the next run converts every input again"
            )

    # --- helpers ----------------------------------------------------------------

    def _leftover(self, path: Path, out: Output, key: str, why: str) -> tuple[Leftover, bool]:
        """The leftover at ``path``, removed with ``--prune``; and whether to keep tracking it."""
        if not self.prune:
            return Leftover(path, key, why), True
        if _digest(path) != (out.sha256, out.bytes):
            return Leftover(
                path, key, why, note="left: changed since it was written; no longer tracked"
            ), False
        try:
            path.unlink()
        except OSError as error:
            return Leftover(path, key, why, note=f"cannot remove it: {error.strerror or error}"), True
        self._remove_empty_folders(path.parent)
        return Leftover(path, key, why, removed=True), False

    def _remove_empty_folders(self, folder: Path) -> None:
        top = os.path.realpath(self.out_dir)
        while os.path.realpath(folder) != top and os.path.realpath(folder).startswith(top + os.sep):
            try:
                folder.rmdir()
            except OSError:
                return
            folder = folder.parent

    def _claimed(self, gone: set[str]) -> set[str]:
        """Every output that a record of this manifest (but the ``gone`` ones), or another
        shard's manifest in the same folder, says is its current one."""
        claimed = {
            clash_key(self._output_path(out))
            for key, record in self.manifest.records.items()
            if key not in gone
            for out in record.outputs
        }
        for _, other in _other_manifests(self.out_dir, self.path):
            claimed.update(clash_key(self._output_path_of(path)) for path in other)
        return claimed

    def _seen_at(self, record: Record, source: Source) -> None:
        where = self._input(source)
        if record.input != where:
            record.input, self._changed = where, True

    def _input(self, source: Source) -> str:
        assert source.path is not None
        try:
            return Path(
                os.path.relpath(os.path.realpath(source.path), os.path.realpath(self.out_dir))
            ).as_posix()
        except ValueError:  # Windows: another drive
            return Path(os.path.abspath(source.path)).as_posix()

    def _input_exists(self, record: Record) -> bool:
        return os.path.lexists(
            os.path.join(os.path.realpath(self.out_dir), *PurePosixPath(record.input).parts)
        )

    def _output(self, file: Written) -> Output:
        relative = file.path.relative_to(self.out_dir).as_posix()
        return Output(relative, file.format, file.size, file.sha256)

    def _output_path(self, out: Output) -> Path:
        return self._output_path_of(out.path)

    def _output_path_of(self, relative: str) -> Path:
        return self.out_dir.joinpath(*PurePosixPath(relative).parts)


def _digest(path: Path) -> tuple[str, int] | None:
    """(SHA-256, size) of a regular file's content; None for anything else."""
    try:
        with open(path, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return None
            digest, size = hashlib.sha256(), 0
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
    except OSError:
        return None
    return digest.hexdigest(), size


def _not_in(outputs: Iterable[Output], made: Iterable[Output]) -> list[Output]:
    taken = {clash_key(Path(out.path)) for out in made}
    return [out for out in outputs if clash_key(Path(out.path)) not in taken]


def _unique(outputs: Iterable[Output]) -> list[Output]:
    seen: dict[str, Output] = {}
    for out in outputs:
        seen.setdefault(clash_key(Path(out.path)), out)
    return list(seen.values())


def _other_manifests(out_dir: Path, mine: Path) -> list[tuple[str, list[str]]]:
    """Each other manifest in ``out_dir`` (by name) with the current outputs it lists
    (unreadable ones: none)."""
    found = []
    with contextlib.suppress(OSError):
        for entry in sorted(os.scandir(out_dir), key=lambda e: e.name):
            if not is_manifest_name(entry.name) or entry.name == mine.name:
                continue
            try:
                data = json.loads(Path(entry.path).read_bytes())
                found.append(
                    (
                        entry.name,
                        [str(out["path"]) for record in data["inputs"].values() for out in record["outputs"]],
                    )
                )
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue
    return found
