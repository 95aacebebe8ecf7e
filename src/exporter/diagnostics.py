"""Warnings as data: typed, located, with stable codes. Never printed here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from exporter.errors import one_line
from exporter.printable import printable


class Severity(IntEnum):
    INFO = 0
    TIP = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    source: str | None = None
    location: str | None = None

    def __str__(self) -> str:
        location = one_line(self.location) if self.location else None
        source = printable(self.source) if self.source else None  # a file name may hold a newline
        where = ": ".join(part for part in (source, location) if part)
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.severity.label}: {self.code}: {one_line(self.message)}"

    def as_json(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "severity": self.severity.label,
            "message": self.message,
            "source": self.source,
            "location": self.location,
        }


class Reporter:
    """Collects diagnostics during one conversion."""

    def __init__(self, source: str | None = None) -> None:
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self._tallies: dict[str, tuple[int, int]] = {}  # code -> (index in diagnostics, count)
        self._messages: dict[str, Callable[[int], str]] = {}

    def report(self, code: str, severity: Severity, message: str, location: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(code, severity, message, self.source, location))

    def warn(self, code: str, message: str, location: str | None = None) -> None:
        self.report(code, Severity.WARNING, message, location)

    def info(self, code: str, message: str, location: str | None = None) -> None:
        self.report(code, Severity.INFO, message, location)

    def tally(
        self, code: str, count: int, message: Callable[[int], str], location: str | None = None
    ) -> None:
        """One warning per code for the whole input, however many places report it: the counts
        add up, the first place and the first message's details are kept. ``message`` turns
        the total count into the warning's text."""
        if count <= 0:
            return
        if code not in self._tallies:
            self._tallies[code] = (len(self.diagnostics), count)
            self.diagnostics.append(Diagnostic(code, Severity.WARNING, message(count), self.source, location))
            self._messages[code] = message
            return
        index, total = self._tallies[code]
        total += count
        self._tallies[code] = (index, total)
        first = self.diagnostics[index]
        self.diagnostics[index] = Diagnostic(
            code, Severity.WARNING, self._messages[code](total), first.source, first.location
        )
