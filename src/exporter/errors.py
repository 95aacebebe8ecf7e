"""One error hierarchy. Each error knows where it happened; only the CLI prints."""

from __future__ import annotations

import re
from enum import IntEnum

from exporter.printable import printable


class ExitStatus(IntEnum):
    OK = 0
    FAILED = 1  # some input could not be converted, or a check found errors
    USAGE = 2  # the command line itself was wrong


class ExporterError(Exception):
    """A failure with a file and a place in it, shown to the user as one line."""

    def __init__(self, message: str, source: str | None = None, location: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.location = location

    def __str__(self) -> str:
        message, location = one_line(self.message), one_line(self.location) if self.location else None
        source = printable(self.source) if self.source else None  # a file name may hold a newline
        where = ": ".join(part for part in (source, location) if part)
        return f"{where}: {message}" if where else message


class InputError(ExporterError):
    """The input is not a readable debate record."""


class RecordErrors(InputError):
    """Several problems found in one record; each is reported on its own line."""

    def __init__(self, problems: list[InputError]):
        super().__init__(problems[0].message, problems[0].source, problems[0].location)
        self.problems = problems

    def lines(self) -> list[str]:
        return [str(problem) for problem in self.problems]


class UnknownFormatError(InputError):
    """The input's format could not be recognised."""


class OutputError(ExporterError):
    """A file could not be written."""


_REPR = re.compile(r"(?:stream )?<[^<>]* at 0x[0-9a-fA-F]+[^<>]*>:?\s*")


def without_reprs(message: str) -> str:
    """A library's message without the Python object reprs it names (``<_io.BytesIO object at
    0x7f...>``): a user is told what is wrong, not where it was in our memory."""
    return " ".join(_REPR.sub("", message).split())


def one_line(text: str) -> str:
    """``text`` with every character that is not printable written as an escape (``\\u000a``):
    a message quoting a record's values stays one line, and shows what is invisible."""
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in text
    )
