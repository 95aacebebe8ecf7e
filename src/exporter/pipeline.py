"""One input through the whole pipeline: detect, read, compose, write, check.

Everything for one input is made in memory first; only when every output is ready
are the files written, each to a temporary file renamed into place. A failure
never leaves a partial file and never destroys an earlier good one.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from exporter import checks
from exporter import model as m
from exporter.compose import compose
from exporter.diagnostics import Diagnostic, Reporter, Severity
from exporter.errors import ExporterError, InputError, OutputError, UnknownFormatError
from exporter.formats import INPUT_FORMATS, InputFormat, detect, input_format, output_format
from exporter.options import ComposeOptions, ReadOptions, WriteOptions
from exporter.people import Directory
from exporter.people import load as load_people
from exporter.readers import _xml as xml
from exporter.slugs import slug
from exporter.validation import validate


@dataclass(frozen=True)
class Job:
    formats: tuple[str, ...] = ("docx", "pdf")
    input_format: str = "auto"
    split: bool = False
    check: bool = False  # audit each written file and fail the input on errors
    strict_tree: bool = False  # a composing fault in the briefing tree fails the input (tests)
    read: ReadOptions = ReadOptions()
    compose: ComposeOptions = ComposeOptions()
    write: WriteOptions = WriteOptions()


@dataclass
class Result:
    source: str
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    format: str | None = None


def read_debate(path: Path, job: Job, reporter: Reporter) -> tuple[m.Debate, InputFormat]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", source) from None
    fmt = _choose_format(data, job.input_format, source)
    debate: m.Debate = fmt.load().read(data, source, job.read, reporter)
    if job.read.people is not None:
        debate = _directory(job.read.people).apply(debate)
    return debate, fmt


@lru_cache(maxsize=4)
def _directory(path: Path) -> Directory:
    """A speaker directory is read once per batch, not once per input (a ParlaMint listPerson
    takes about half a second)."""
    return load_people(path)


def _choose_format(data: bytes, requested: str, source: str) -> InputFormat:
    if requested != "auto":
        return input_format(requested)
    if not data.strip():
        raise InputError("the file is empty", source)
    found = detect(data)
    if found is None and data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        xml.parse(data, source)  # raises with the line of the fault when the XML is broken
    if found is None:
        names = ", ".join(f.name for f in INPUT_FORMATS)
        raise UnknownFormatError(
            f"cannot tell the format of this file; name it with --from ({names})", source
        )
    return found


def split_debate(debate: m.Debate) -> list[tuple[str, m.Debate]]:
    """One debate per top-level section, each named by its heading and numbered in order. A
    heading with nothing under it (a banner such as "Oral Answers to Questions" before the
    departments' headings) is no debate: it gets no piece."""
    if len(debate.sections) <= 1:
        return [("", debate)]
    parts = []
    for index, section in enumerate((s for s in debate.sections if _holds_content(s)), start=1):
        used = {s.speaker for s in m.speeches(m.Debate(section.title, (section,))) if s.speaker}
        part = dataclasses.replace(
            debate,
            title=section.title,
            sections=(section,),
            speakers=tuple(s for s in debate.speakers if s.id in used),
            summary=(),
            chair=section.chair or debate.chair,
        )
        parts.append((f"{index:02d}-{_slug(section.title)}", part))
    return parts


def _holds_content(section: m.Section) -> bool:
    """Whether the record has anything under this heading: a speech, procedure, a division,
    or a section that holds one."""
    return any(not isinstance(item, m.Section) or _holds_content(item) for item in section.items)


def _slug(text: str) -> str:
    return slug(text)


def render(debate: m.Debate, job: Job, reporter: Reporter) -> dict[str, bytes]:
    """Every requested output of one debate, as bytes keyed by format name: the debate is
    composed into one briefing tree, validated once, then given to each format's writer."""
    document = validate(compose(debate, job.compose, reporter).document, reporter, strict=job.strict_tree)
    return {name: output_format(name).load().write(document, job.write, reporter) for name in job.formats}


# Allocations between two young collections of Python's cyclic garbage collector while an
# input is converted (CPython's default: 700).
YOUNG_COLLECTION_EVERY = 10_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect cyclic garbage less often while one input is converted, as before afterwards.

    A sitting day is millions of small objects (the debate, its briefing tree, the writers'
    lines and pieces) that live until the files are written; at CPython's default threshold
    the collector scanned them all again seven times for one Commons day, half a second of a
    three-second conversion (benchmarks/bench_day.py). Fourteen times fewer young collections
    leave one full one; what is garbage is still collected, and peak memory is the same (408 MB
    for a synthetic day of 3,000 speeches either way, 1.5 s of CPU less)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG_COLLECTION_EVERY), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def convert(path: Path, out_dir: Path, job: Job, on_progress: Callable[[str], None] | None = None) -> Result:
    """Convert one input. Raises ExporterError; writes nothing unless everything succeeded."""
    with fewer_collections():
        return _convert(path, out_dir, job, on_progress)


def _convert(path: Path, out_dir: Path, job: Job, on_progress: Callable[[str], None] | None) -> Result:
    reporter = Reporter(str(path))
    result = Result(str(path), diagnostics=reporter.diagnostics)
    debate, fmt = read_debate(path, job, reporter)
    result.format = fmt.name
    pieces = split_debate(debate) if job.split else [("", debate)]
    planned: list[tuple[Path, bytes]] = []
    for suffix, piece in pieces:
        stem = f"{path.stem}-{suffix}" if suffix else path.stem
        for name, data in render(piece, job, reporter).items():
            planned.append((out_dir / f"{stem}{output_format(name).extension}", data))
    if job.check:
        for target, data in planned:
            if checks.kind_of(data) is not None:  # what a checker reads: Word, PDF and HTML
                reporter.diagnostics.extend(checks.check(data, str(target)))
        errors = [x for x in reporter.diagnostics if x.severity is Severity.ERROR]
        if errors:
            raise ExporterError(
                f"the briefing fails {len(errors)} accessibility check(s); first: {errors[0]}", str(path)
            )
    for target, data in planned:
        write_atomically(target, data)
        result.written.append(target)
        if on_progress:
            on_progress(str(target))
    return result


def write_atomically(target: Path, data: bytes) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, 0o644)  # mkstemp makes files private; a briefing is for sharing
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror or err}", str(target)) from None
