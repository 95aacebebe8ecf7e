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
    """A failure with a file and a place in it, shown to the user as one line. ``location``
    is the place (``sections[0].items[2].speaker``, ``colours.text``, ``line 3``); ``line``
    the line of the file it is on, when the place is not a line and the line is known:
    shown after it (``colours.text (line 7)``)."""

    def __init__(
        self, message: str, source: str | None = None, location: str | None = None, line: int | None = None
    ):
        super().__init__(message)
        self.message = message
        self.source = source
        self.location = location
        self.line = line

    def __str__(self) -> str:
        place = self.location
        if self.line is not None:
            place = f"{place} (line {self.line})" if place else f"line {self.line}"
        message, location = one_line(self.message), one_line(place) if place else None
        source = printable(self.source) if self.source else None  # a file name may hold a newline
        where = ": ".join(part for part in (source, location) if part)
        return f"{where}: {message}" if where else message


class InputError(ExporterError):
    """The input is not a readable debate record."""


class RecordErrors(InputError):
    """Several problems found in one record or style file; each is reported on its own line,
    at most ``MAX_LINES`` of them, then one line saying how many more there are
    (``problems`` holds them all)."""

    MAX_LINES = 20

    def __init__(self, problems: list[InputError]):
        super().__init__(problems[0].message, problems[0].source, problems[0].location)
        self.problems = problems

    def lines(self) -> list[str]:
        shown = [str(problem) for problem in self.problems[: self.MAX_LINES]]
        more = len(self.problems) - len(shown)
        if more:
            source = self.problems[0].source
            shown.append(str(ExporterError(f"and {more} more problem{'s' if more > 1 else ''}", source)))
        return shown

    def __str__(self) -> str:
        """The first problem, and how many more there are: one line, for a log."""
        more = len(self.problems) - 1
        first = str(self.problems[0])
        return f"{first} (and {more} more problem{'s' if more > 1 else ''})" if more else first


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
