"""Top-level sections of a sitting, shared by the readers whose bodies mix sections and loose items.

Items outside any titled container are gathered into a section of their own, so nothing is
dropped. The first such section takes the debate's title (it is the debate's opening); a
later one is called "Untitled section", and the reader is told, never a title invented.
"""

from __future__ import annotations

from exporter.diagnostics import Reporter
from exporter.model import Item, Section

UNTITLED = "Untitled section"


class TopLevelSections:
    def __init__(self, debate_title: str, reporter: Reporter, code: str, what: str) -> None:
        self.debate_title = debate_title
        self.reporter = reporter
        self.code = code  # the diagnostic reported for an untitled section
        self.what = what  # how the reader's format names the missing heading
        self.sections: list[Section] = []
        self._loose: list[Item] = []

    def untitled(self) -> str:
        """The honest title for a section that has none, at this point in the sitting."""
        if not self.sections:
            return self.debate_title
        self.reporter.info(self.code, f'{self.what}: titled "{UNTITLED}"')
        return UNTITLED

    def add_loose(self, items: list[Item]) -> None:
        self._loose.extend(items)

    def add(self, section: Section) -> None:
        self.flush()
        self.sections.append(section)

    def finish(self) -> list[Section]:
        self.flush()
        return self.sections

    def flush(self) -> None:
        """Close the loose items gathered so far into a section; call before titling the next."""
        if self._loose:
            self.sections.append(Section(self.untitled(), tuple(self._loose)))
            self._loose = []
