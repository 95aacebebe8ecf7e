"""The options ``convert`` and ``check`` share (imported when the command line starts: light)."""

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


def batch_options(include_help: str) -> Callable[[F], F]:
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
                    help="Worker processes [default: the usable cores].",
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
