"""One input through the whole pipeline: detect, read, compose, write, check.

Everything for one input is made in memory first; only when every output is ready
are the files written, as one set (``output_set``): all replace the old ones or none
does. A failure never leaves a partial file and never destroys an earlier good one.
Batches (``exporter.batch``) run the same steps in worker processes.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from exporter import checks
from exporter import model as m
from exporter.cleaning import clean_debate, reads_as_nothing
from exporter.compose import briefing_name, compose
from exporter.diagnostics import Diagnostic, Reporter, Severity
from exporter.errors import ExporterError, InputError, UnknownFormatError
from exporter.file_names import fit, room_for
from exporter.formats import INPUT_FORMATS, InputFormat, detect, input_format, output_format
from exporter.input_files import read_input
from exporter.options import ComposeOptions, ReadOptions, WriteOptions
from exporter.output_set import PlannedFile, write_set
from exporter.people import cached as people_directory  # read once per batch, again if changed
from exporter.readers import _xml as xml
from exporter.side_by_side import Task, side_by_side, write_formats
from exporter.slugs import sitting_slug, slug
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
    data = read_input(path, job.read.max_input_size)
    return parse_debate(data, source, job, reporter)


def parse_debate(data: bytes, source: str, job: Job, reporter: Reporter) -> tuple[m.Debate, InputFormat]:
    """A debate from an input's bytes (a file's, or standard input's), named ``source``: the
    one read step for every input, with its checks (nesting; cleaning, which leaves a title
    that reads as nothing untitled; something to brief). Raises InputError (and its kinds)
    located in ``source``."""
    fmt = _choose_format(data, job.input_format, source)
    debate: m.Debate = fmt.load().read(data, source, job.read, reporter)
    _check_nesting(debate, source)
    debate = clean_debate(debate, reporter)  # text enters the model here
    _check_content(debate, source)
    if job.read.people is not None:
        debate = people_directory(job.read.people).apply(debate)
    return debate, fmt


MAX_SECTION_DEPTH = 40  # what our record format (and its JSON Schema validation) can hold


def _check_nesting(debate: m.Debate, source: str) -> None:
    """Refuse sections nested deeper than ``-f json`` could write and read back."""
    stack = [(section, 1, f"sections[{index}]") for index, section in enumerate(debate.sections)]
    while stack:
        section, depth, place = stack.pop()
        if depth > MAX_SECTION_DEPTH:
            raise InputError(f"sections nest deeper than {MAX_SECTION_DEPTH} levels", source, place)
        for index, item in enumerate(section.items):
            if isinstance(item, m.Section):
                stack.append((item, depth + 1, place if depth > 1 else f"{place}.items[{index}]"))


def _check_content(debate: m.Debate, source: str) -> None:
    """Refuse a record with nothing to brief, whatever its reader: no speech, procedure or
    division under any heading (every format's empty shell: a TEI ``<body/>``, an empty
    ``debateBody``, a Hansard API debate whose ``Items`` are ``[]``, our format's
    ``sections: []``; a record of headings alone). Its briefing would be a title and
    empty parts."""
    items = m.walk_items(debate.sections)
    if any(not isinstance(item, m.Section) for item in items):
        return
    if any(isinstance(item, m.Section) and not reads_as_nothing(item.title) for item in items):
        raise InputError("the file holds only headings: no speeches, proceedings or divisions under them", source)
    raise InputError("the file holds no headings, speeches or divisions", source)


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
    departments' headings) is no debate: it gets no piece. Who is in the chair carries over
    from earlier in the day: a piece's chair is the one its own heading names, else the last
    one named before it (a chair note of an earlier debate, or the sitting's); a change within
    it stays in its sections' notes."""
    if len(debate.sections) <= 1:
        return [("", debate)]
    parts: list[tuple[str, m.Debate]] = []
    in_chair = debate.chair
    index = 0
    for section in debate.sections:
        chair = section.chair or in_chair
        in_chair = _last_chair(section) or in_chair
        if not _holds_content(section):
            continue
        index += 1
        used = {s.speaker for s in m.speeches(m.Debate(section.title, (section,))) if s.speaker}
        part = dataclasses.replace(
            debate,
            title=debate.title if reads_as_nothing(section.title) else section.title,
            sections=(section,),
            speakers=tuple(s for s in debate.speakers if s.id in used),
            summary=(),
            chair=chair,
        )
        parts.append((f"{index:02d}-{_slug(section.title)}", part))
    return parts or [("", debate)]  # nothing under any heading (a debate not read by parse_debate)


def _last_chair(section: m.Section) -> str | None:
    """The last chair a section's notes name, its own or its sub-sections', in reading order."""
    named = [item.chair for item in (section, *m.walk_items(section.items)) if isinstance(item, m.Section)]
    return next((chair for chair in reversed(named) if chair), None)


def _holds_content(section: m.Section) -> bool:
    """Whether the record has anything under this heading: a speech, procedure, a division,
    or a section that holds one."""
    return any(not isinstance(item, m.Section) or _holds_content(item) for item in section.items)


def stem_from_title(debate: m.Debate, job: Job) -> str:
    """A file name stem for a record that has no file name (standard input): its briefing's
    title (an untitled sitting's as the briefing names it) as a slug that keeps every script,
    ending in the sitting's date whole (``slugs.sitting_slug``): two sittings never share a
    name because a long title was cut."""
    return sitting_slug(*briefing_name(debate, job.compose))


def _slug(text: str) -> str:
    return slug(text)


def render(debate: m.Debate, job: Job, reporter: Reporter, processes: int = 1) -> dict[str, bytes]:
    """Every requested output of one debate, as bytes keyed by format name: the debate is
    composed into one briefing tree, validated once, then given to each format's writer, in
    up to ``processes`` processes at once (``side_by_side``; the same bytes however
    many); a writer's failure is one located error (``writers.guard``)."""
    document = validate(compose(debate, job.compose, reporter).document, reporter, strict=job.strict_tree)
    return write_formats(document, job.formats, job.write, reporter, processes)


@dataclass(frozen=True)
class OutputFile:
    """One file of a briefing, made in memory: its name (no folder), format and bytes."""

    name: str
    format: str
    data: bytes


def render_files(
    debate: m.Debate, stem: str, job: Job, reporter: Reporter, processes: int = 1
) -> list[OutputFile]:
    """Every file an input makes: each piece (``--split``) in each format, named after
    ``stem`` and kept within 255 bytes (``file_names.fit``); each piece's writers in up to
    ``processes`` processes at once (``render``)."""
    pieces = split_debate(debate) if job.split else [("", debate)]
    room = room_for(job.formats)
    files = []
    for suffix, piece in pieces:
        for name, data in render(piece, job, reporter, processes).items():
            extension = output_format(name).extension
            files.append(OutputFile(fit(stem, extension, f"-{suffix}" if suffix else "", room), name, data))
    return files


def audit(data: bytes, source: str) -> list[Diagnostic]:
    """The accessibility findings of one written file (none for formats we do not audit)."""
    return checks.check(data, source) if checks.kind_of(data) else []


def audit_files(files: Sequence[tuple[bytes, str]], processes: int = 1) -> list[list[Diagnostic]]:
    """The findings of each ``(data, path)`` in order (``audit``), in up to ``processes``
    processes at once (``side_by_side``)."""
    tasks = [Task(f"the audit of {where}", partial(audit, data, where)) for data, where in files]
    return side_by_side(tasks, processes, None)


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


def convert(path: Path, out_dir: Path, job: Job) -> Result:
    """Convert one input into ``out_dir``. Raises ExporterError; writes nothing unless
    every output was made (and, with ``job.check``, passed the audit)."""
    with fewer_collections():
        return _convert(path, out_dir, job)


def _convert(path: Path, out_dir: Path, job: Job) -> Result:
    reporter = Reporter(str(path))
    result = Result(str(path), diagnostics=reporter.diagnostics)
    debate, fmt = read_debate(path, job, reporter)
    result.format = fmt.name
    planned = [PlannedFile(out_dir / f.name, f.data) for f in render_files(debate, path.stem, job, reporter)]
    if job.check:
        for file in planned:
            reporter.diagnostics.extend(audit(file.data, str(file.path)))
        errors = [x for x in reporter.diagnostics if x.severity is Severity.ERROR]
        if errors:
            raise ExporterError(
                f"the briefing fails {len(errors)} accessibility check(s); first: {errors[0]}", str(path)
            )
    for note in write_set(planned):
        reporter.warn("output-old-version-left", note)
    result.written.extend(file.path for file in planned)
    return result


def write_atomically(target: Path, data: bytes) -> None:
    """Write one file whole or not at all (a set of one; see ``output_set``)."""
    write_set([PlannedFile(target, data)])
