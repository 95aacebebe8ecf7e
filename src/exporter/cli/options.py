"""The options ``convert`` and ``check`` share, and the values of convert's options
(imported when the command line starts: light; heavier modules are imported when used)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])
FAIL_ON = ("error", "warning", "never")


def _shard(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    from exporter.batch.shards import parse

    try:
        return parse(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def batch_options(include_help: str, jobs_help: str = "Worker processes") -> Callable[[F], F]:
    """-j, --include, --exclude, --shard, --report, --junit: the same for convert and check."""

    def decorate(command: F) -> F:
        for option in reversed(
            (
                click.option(
                    "-j",
                    "--jobs",
                    type=click.IntRange(min=1),
                    default=None,
                    metavar="N",
                    help=f"{jobs_help} [default: the usable cores].",
                ),
                click.option("--include", multiple=True, metavar="GLOB", help=include_help),
                click.option(
                    "--exclude",
                    multiple=True,
                    metavar="GLOB",
                    help="Leave out files and folders found in a folder that match (gitignore syntax; repeatable).",
                ),
                click.option(
                    "--shard",
                    metavar="K/N",
                    callback=_shard,
                    help="Take only share K of N of the inputs, chosen by a hash of each one's path inside its "
                    "folder: N CI jobs, one per shard, cover them all with no overlap (`merge-reports` joins "
                    "their reports).",
                ),
                click.option(
                    "--report",
                    "report_path",
                    type=click.Path(dir_okay=False, path_type=Path),
                    help="Write a JSON report: per input its status, outputs, time, warnings, findings "
                    "(`debate-export schema report`).",
                ),
                click.option(
                    "--junit",
                    "junit_path",
                    type=click.Path(dir_okay=False, path_type=Path),
                    help="Write a JUnit XML report (a test case per input and format) for CI test reporters.",
                ),
            )
        ):
            command = option(command)
        return command

    return decorate


# --- values of convert's options (click callbacks: a bad value is a usage error, exit 2) ---


def output_formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    """``-f docx,pdf``: the output formats named, each once, in the order given."""
    from exporter.formats import OUTPUT_FORMATS

    names = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    known = {f.name for f in OUTPUT_FORMATS}
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise click.BadParameter(f"{', '.join(unknown) or value!r}: choose from {', '.join(sorted(known))}")
    return names


def size(_ctx: click.Context, _param: click.Parameter, value: str) -> int | None:
    """``--max-input-size 512M``: bytes, or None for no cap."""
    from exporter.input_files import parse_size

    try:
        return parse_size(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def ui_language(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``--ui-language``: a BCP 47 tag with an interface catalog (draft or complete)."""
    if value is None:
        return None
    from exporter.interface import shipped as shipped_catalogs
    from exporter.language import tags

    tag = tags.standard(value)
    shipped = shipped_catalogs()
    if tag is None or tags.primary(tag) not in shipped:
        known = ", ".join(f"{c.language}{'' if c.complete else ' (draft)'}" for c in shipped.values())
        raise click.BadParameter(f"{value!r}: no interface catalog for it; choose from {known}")
    return shipped[tags.primary(tag)].language
