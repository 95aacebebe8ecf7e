"""What a worker does with one input: everything but writing files.

Runs in a worker process (or in the main process when there is one input): reads,
composes and renders, audits if asked, and returns an ``Outcome`` with the files'
bytes. It never raises for a bad input or a bug, so one input never stops the others;
the parent writes the files (``output_set``), so an interrupted worker leaves nothing.
Everything in and out is plain data, picklable for the trip between processes.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
import time
import traceback
from dataclasses import dataclass, field

from exporter import checks
from exporter.batch.inputs import Source
from exporter.diagnostics import Diagnostic, Reporter
from exporter.errors import ExporterError, OutputError, RecordErrors, UnknownFormatError
from exporter.formats import INPUT_FORMATS, OUTPUT_FORMATS
from exporter.input_files import read_input
from exporter.pipeline import (
    Job,
    OutputFile,
    audit_files,
    fewer_collections,
    parse_debate,
    render_files,
    stem_from_title,
)

CHECKED = ("docx", "pdf", "html")  # the checkers' modules in exporter.checks


@dataclass(frozen=True)
class Settings:
    """What every task of a run shares."""

    job: Job = Job()
    audit: bool = False  # run the accessibility checks on every output
    debug: bool = False  # keep the traceback of an internal error
    processes: int = 1  # for one input's writers and audits (``side_by_side``)


@dataclass(frozen=True)
class Failure:
    """Why an input failed: ``kind`` is input, output, audit, clash, internal or crash;
    ``lines`` one line per problem, each naming the file and the place."""

    kind: str
    lines: tuple[str, ...]
    traceback: str | None = None

    @property
    def message(self) -> str:
        return self.lines[0]


@dataclass
class Outcome:
    """What became of one input. ``status``: converted, checked, failed or skipped (or
    unchanged, given by the parent to an input it did not send); ``findings``: the audit's,
    per output path; ``input_sha256``: the SHA-256 of the input's bytes as read (what an
    incremental run records); ``peak_memory``: the worker's peak resident memory so far,
    in bytes (0 where the platform does not tell)."""

    status: str
    input_format: str | None = None
    files: list[OutputFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    findings: dict[str, list[Diagnostic]] = field(default_factory=dict)
    failure: Failure | None = None
    skipped_because: str | None = None
    input_sha256: str | None = None
    seconds: float = 0.0
    worker: int = 0
    peak_memory: int = 0


def load_libraries() -> None:
    """Import every reader, writer and checker, so that a worker pays for it once."""
    for reader in INPUT_FORMATS:
        reader.load()
    for writer in OUTPUT_FORMATS:
        writer.load()
    for name in CHECKED:
        importlib.import_module(f"exporter.checks.{name}")


def preload_modules() -> list[str]:
    """The modules ``load_libraries`` imports, for a fork server to import before forking."""
    return [
        "exporter.batch.work",
        *(f"exporter.readers.{fmt.module}" for fmt in INPUT_FORMATS),
        *(f"exporter.writers.{fmt.module}" for fmt in OUTPUT_FORMATS),
        *(f"exporter.checks.{name}" for name in CHECKED),
    ]


def convert_source(source: Source, settings: Settings) -> Outcome:
    """Read, compose and render one input (and audit what it makes, if asked), with the
    cyclic garbage collector run less often meanwhile (``pipeline.fewer_collections``)."""
    with fewer_collections():
        return _convert_source(source, settings)


def _convert_source(source: Source, settings: Settings) -> Outcome:
    started = time.perf_counter()
    reporter = Reporter(source.display)
    outcome = Outcome("converted", diagnostics=reporter.diagnostics)
    try:
        if source.problem is not None:
            raise ExporterError(source.problem, source.display)
        if source.path is None:
            data, name = source.data or b"", source.display
        else:  # read here, not by read_debate, to record what exactly was converted
            data, name = read_input(source.path, settings.job.read.max_input_size), str(source.path)
        outcome.input_sha256 = hashlib.sha256(data).hexdigest()
        debate, fmt = parse_debate(data, name, settings.job, reporter)
        outcome.input_format = fmt.name
        stem = source.stem or stem_from_title(debate, settings.job)
        outcome.files = render_files(debate, stem, settings.job, reporter, settings.processes)
        if settings.audit:
            places = [str(source.out_dir / file.name) for file in outcome.files]
            found = audit_files(
                [(f.data, where) for f, where in zip(outcome.files, places, strict=True)], settings.processes
            )
            outcome.findings.update(zip(places, found, strict=True))
    except UnknownFormatError as error:
        if source.explicit:
            outcome.failure = _failure(error, source, settings)
        else:
            outcome.status, outcome.skipped_because = "skipped", error.message
    except Exception as error:  # a bug must not stop the rest of a batch (RecursionError included)
        outcome.failure = _failure(error, source, settings)
    if outcome.failure is not None or outcome.status == "skipped":
        outcome.files = []
        outcome.status = "failed" if outcome.failure else outcome.status
    return _finish(outcome, started)


def check_source(source: Source, settings: Settings) -> Outcome:
    """Audit one .docx, PDF or HTML file (``debate-export check``)."""
    started = time.perf_counter()
    outcome = Outcome("checked")
    try:
        if source.problem is not None:
            raise ExporterError(source.problem, source.display)
        assert source.path is not None
        data = read_input(source.path, None)  # a regular file, not changing; no size cap for briefings
        if checks.kind_of(data) is None and not source.explicit:
            outcome.status, outcome.skipped_because = "skipped", checks.not_ours(data)
        else:
            outcome.findings[source.display] = checks.check(data, source.display)
    except Exception as error:
        outcome.status, outcome.failure = "failed", _failure(error, source, settings)
    return _finish(outcome, started)


def _failure(error: Exception, source: Source, settings: Settings) -> Failure:
    trace = traceback.format_exc() if settings.debug else None
    if isinstance(error, RecordErrors):
        return Failure("input", tuple(error.lines()), trace)
    if isinstance(error, ExporterError):
        return Failure("output" if isinstance(error, OutputError) else "input", (str(error),), trace)
    message = (
        f"{source.display}: internal error ({type(error).__name__}: {error}); rerun with --debug for details"
    )
    return Failure("internal", (message,), trace)


def _finish(outcome: Outcome, started: float) -> Outcome:
    outcome.seconds = time.perf_counter() - started
    outcome.worker = os.getpid()
    outcome.peak_memory = peak_memory()
    return outcome


def peak_memory() -> int:
    """This process's peak resident memory in bytes (0 where the platform does not tell)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
