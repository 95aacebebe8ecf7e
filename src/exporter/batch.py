"""Many inputs: expand folders, convert each input on its own, and keep going after a failure."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from exporter.errors import ExporterError, InputError
from exporter.pipeline import Job, Result, convert

# Files a folder is searched for; what each is, is still told by its content.
INPUT_SUFFIXES = (".json", ".yaml", ".yml", ".xml", ".txt", ".akn")


@dataclass
class Failure:
    source: str
    error: ExporterError


@dataclass
class BatchReport:
    results: list[Result] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def expand(inputs: Iterable[Path]) -> list[Path]:
    """Folders become the debate records inside them (sorted, hidden files skipped)."""
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in INPUT_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found


def run(
    inputs: Iterable[Path],
    out_dir: Path,
    job: Job,
    on_result: Callable[[Result], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    debug: bool = False,
) -> BatchReport:
    report = BatchReport()
    paths = expand(inputs)
    stems: dict[str, Path] = {}
    for path in paths:
        if not path.exists():
            _fail(report, Failure(str(path), InputError("no such file or folder", str(path))), on_failure)
            continue
        clash = stems.get(path.stem)
        if clash is not None:
            error = InputError(
                f"its briefing would overwrite the one made from {clash}; convert it separately or rename it",
                str(path),
            )
            _fail(report, Failure(str(path), error), on_failure)
            continue
        stems[path.stem] = path
        try:
            result = convert(path, out_dir, job)
        except ExporterError as error:
            if debug:
                raise
            _fail(report, Failure(str(path), error), on_failure)
            continue
        except (Exception, RecursionError) as error:  # a bug must not stop the rest of a batch
            if debug:
                raise
            message = f"internal error ({type(error).__name__}: {error}); rerun with --debug for details"
            _fail(report, Failure(str(path), ExporterError(message, str(path))), on_failure)
            continue
        report.results.append(result)
        if on_result:
            on_result(result)
    return report


def _fail(report: BatchReport, failure: Failure, on_failure: Callable[[Failure], None] | None) -> None:
    report.failures.append(failure)
    if on_failure:
        on_failure(failure)
