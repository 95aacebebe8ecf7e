"""What a run converts, and where each input's outputs go.

Arguments are files; folders, walked recursively (hidden files and folders skipped,
symbolic links to folders not followed, the output folder never walked into);
``@FILE`` and ``@-``: paths one a line, from a file or standard input (relative to the
current folder, as ``xargs`` reads them); and ``-``: one record on standard input, as
pandoc reads it. Standard input and lists are read with the run's size cap
(``input_files.read_stream``, ``--max-input-size``); files are read by the workers, which
refuse what is not a regular file (``input_files.read_input``). ``--include``/``--exclude`` take gitignore-style patterns (``*.xml``,
``drafts/``, ``parlparse/**/*.xml``, via the ``pathspec`` library) matched against each
file's path inside the folder given; they apply to files found by walking, never to a
file named explicitly.

The outputs of a file found in a folder mirror the folder's tree under ``-o``; a file
named on its own, and standard input, go to the top of ``-o``. Two inputs that would write
the same file (names compared as a case-insensitive file system would) are an error
before anything is written, and so is an output that would overwrite an input.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pathspec

from exporter.errors import InputError
from exporter.file_names import fit, room_for
from exporter.formats import FOLDER_PATTERNS, output_format
from exporter.input_files import DEFAULT_MAX_INPUT_SIZE, read_stream

if TYPE_CHECKING:
    from exporter.batch.shards import Shard

DEFAULT_INCLUDE = FOLDER_PATTERNS
STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Source:
    """One input of a run.

    ``display`` names it in messages and reports (the path as found, or ``<stdin>``);
    ``out_dir`` is the folder its outputs go to; ``explicit`` is False for a file found
    by walking a folder (skipped, not failed, when its format cannot be told); ``stem``
    names its outputs (None: from the record's title, for standard input); ``problem``
    is why it cannot even be read (a missing file); ``relative`` is its path (POSIX)
    inside the folder it was found in, or its name when named on its own: where its outputs
    go under ``-o``, the key of its record in the manifest (``manifest``) and what its shard
    is chosen by (``shards``); ``index`` is its place among all the run's inputs, from 0
    (kept by a shard, so that shards' reports merge back into order).
    """

    display: str
    path: Path | None
    out_dir: Path
    explicit: bool
    stem: str | None
    data: bytes | None = None
    size: int = 0
    problem: str | None = None
    relative: str = ""
    index: int = 0


@dataclass(frozen=True)
class Plan:
    """The inputs of a run, in order; with ``--shard``, this job's share of ``total``."""

    sources: list[Source]
    searched: list[str]  # the arguments, as given: "no debate records found in …"
    shard: Shard | None = None
    total: int = -1  # inputs of the whole run, before a shard took its share (-1: len(sources))

    @property
    def whole(self) -> int:
        """How many inputs the whole run has (all shards together)."""
        return len(self.sources) if self.total < 0 else self.total


class UsageProblem(Exception):
    """The arguments cannot make a run (clashing outputs, standard input twice)."""

    def __init__(self, lines: list[str]):
        super().__init__(lines[0])
        self.lines = lines


def collect(
    arguments: Sequence[str],
    out_dir: Path,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    name: str | None = None,
    stdin: BinaryIO | None = None,
    max_input_size: int | None = DEFAULT_MAX_INPUT_SIZE,
) -> Plan:
    """Every input the arguments name, in order, each once; standard input and lists are read
    here, at most ``max_input_size`` bytes each (None: no cap). Raises ``UsageProblem``."""
    reads_stdin = [a for a in arguments if a in (STDIN, "@-")]
    if len(reads_stdin) > 1:
        raise UsageProblem(["standard input can be read once: give - (a record) or @- (a list), once"])
    if name is not None and STDIN not in arguments:
        raise UsageProblem(["--name names the record read from standard input (-); give - too"])
    wanted = pathspec.GitIgnoreSpec.from_lines(include or DEFAULT_INCLUDE)
    unwanted = pathspec.GitIgnoreSpec.from_lines(exclude)
    sources: list[Source] = []
    seen: set[str] = set()
    for argument in arguments:
        if argument == STDIN:
            sources.append(_standard_input(stdin, out_dir, name, max_input_size))
            continue
        for path in _listed(argument, stdin, max_input_size):
            for source in _sources(path, out_dir, wanted, unwanted):
                key = os.path.normcase(os.path.realpath(source.path)) if source.path else source.display
                if key not in seen:
                    seen.add(key)
                    sources.append(source)
    numbered = [replace(source, index=index) for index, source in enumerate(sources)]
    return Plan(numbered, [a for a in arguments if a != STDIN])


def _standard_input(stdin: BinaryIO | None, out_dir: Path, name: str | None, cap: int | None) -> Source:
    """The record on standard input; one that cannot be read, or is too large, fails alone."""
    try:
        data = read_stream(stdin, cap, STDIN_NAME) if stdin is not None else b""
    except InputError as error:
        return Source(STDIN_NAME, None, out_dir, True, name, problem=error.message)
    return Source(STDIN_NAME, None, out_dir, True, name, data, len(data))


def _listed(argument: str, stdin: BinaryIO | None, cap: int | None) -> Iterator[Path]:
    if not argument.startswith("@") or len(argument) == 1:
        yield Path(argument)
        return
    listed = "standard input" if argument == "@-" else argument[1:]
    try:
        if argument == "@-":
            data = read_stream(stdin, cap, listed) if stdin is not None else b""
        else:  # a pipe is fine here (`@<(git ls-files)`), a device is stopped by the cap
            with open(argument[1:], "rb") as stream:
                data = read_stream(stream, cap, listed)
    except OSError as error:
        raise UsageProblem([f"{listed}: cannot read the list: {error.strerror or error}"]) from None
    except InputError as error:
        raise UsageProblem([f"{listed}: cannot read the list: {error.message}"]) from None
    for line in data.splitlines():
        if line.strip():
            yield Path(os.fsdecode(line))


def _sources(
    path: Path, out_dir: Path, wanted: pathspec.PathSpec, unwanted: pathspec.PathSpec
) -> Iterator[Source]:
    if path.is_dir():
        for found in sorted(_walk(path, out_dir, wanted, unwanted), key=lambda p: p.relative_to(path).parts):
            inner = found.relative_to(path)
            yield Source(
                str(found),
                found,
                out_dir / inner.parent,
                False,
                found.stem,
                size=_size(found),
                relative=inner.as_posix(),
            )
    elif path.exists():
        yield Source(str(path), path, out_dir, True, path.stem, size=_size(path), relative=path.name)
    else:
        yield Source(
            str(path), path, out_dir, True, path.stem, problem="no such file or folder", relative=path.name
        )


def _walk(top: Path, out_dir: Path, wanted: pathspec.PathSpec, unwanted: pathspec.PathSpec) -> Iterator[Path]:
    """Files under ``top`` (the caller sorts them: by their path's parts, so that the
    order is the same however the inputs are found, and a shard can be put back in place)."""
    skip = os.path.realpath(out_dir) if _inside(out_dir, top) else None
    for folder, subfolders, files in os.walk(top):
        here = Path(folder)
        relative = here.relative_to(top)
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".")
            and not unwanted.match_file(f"{(relative / name).as_posix()}/")
            and os.path.realpath(here / name) != skip
        )
        for name in sorted(files):
            inner = (relative / name).as_posix()
            if not name.startswith(".") and wanted.match_file(inner) and not unwanted.match_file(inner):
                yield here / name


def _inside(folder: Path, top: Path) -> bool:
    inner, outer = os.path.realpath(folder), os.path.realpath(top)
    return inner != outer and inner.startswith(outer.rstrip(os.sep) + os.sep)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def clashes(sources: Iterable[Source], formats: Sequence[str]) -> list[str]:
    """Each pair of inputs that would write the same file, and each output that would
    overwrite an input, as one line."""
    inputs = {os.path.realpath(s.path): s for s in sources if s.path is not None and s.problem is None}
    owners: dict[str, tuple[Source, Path]] = {}
    problems: list[str] = []
    reported: set[tuple[str, str]] = set()
    for source in sources:
        if source.stem is None or source.problem is not None:
            continue  # named from its title: checked when it is written
        for name in formats:
            target = source.out_dir / fit(source.stem, output_format(name).extension, room=room_for(formats))
            overwritten = inputs.get(os.path.realpath(target))
            if overwritten is not None:
                problems.append(
                    f"{source.display}: its output {target} would overwrite the input {overwritten.display}"
                )
            first = owners.setdefault(clash_key(target), (source, target))
            if first[0] is not source and (first[0].display, source.display) not in reported:
                reported.add((first[0].display, source.display))
                problems.append(
                    f"{first[0].display} and {source.display} would both write {first[1]}"
                    + ("" if first[1] == target else f" (and {target}: file systems that ignore case)")
                )
    if problems:
        problems.append("give them separate -o folders, rename one, or leave one out (--exclude)")
    return problems


def clash_key(path: Path) -> str:
    """Paths that name one file on a case-insensitive file system (Windows, macOS) are equal."""
    return unicodedata.normalize("NFC", os.path.normpath(str(path))).casefold()
