"""The outline of a ParlParse file: which section each item of the record falls in.

``major-heading`` and ``oral-heading`` open a top-level section, ``minor-heading`` a
section inside the open major one (Westminster Hall files have only minor headings, so
theirs are top-level). A heading with no text opens nothing: what follows it stays in the
section before. Words before the first heading form an opening section, which
:meth:`Outline.sections` titles with the bill a committee's record names, else leaves
unnamed (no heading is shown for it; none is invented).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exporter.model import Item, Section


@dataclass
class OpenSection:
    title: str
    chair: str | None = None
    id: str | None = None
    time: str | None = None
    column: str | None = None
    url: str | None = None
    items: list[Item] = field(default_factory=list)

    def close(self) -> Section:
        return Section(self.title, tuple(self.items), self.id, self.chair, self.time, self.column, self.url)


class Outline:
    def __init__(self) -> None:
        self._top: list[OpenSection] = []  # top-level sections, in reading order
        self._major: OpenSection | None = None
        self._minor: OpenSection | None = None

    @property
    def empty(self) -> bool:
        return not self._top

    @property
    def opens_untitled(self) -> bool:
        """Whether the record has words before its first heading."""
        return bool(self._top) and not self._top[0].title

    def current(self) -> OpenSection:
        """The section the next item falls in."""
        if self._minor is not None:
            return self._minor
        if self._major is not None:
            return self._major
        if not self._top:
            self._top.append(OpenSection(title=""))  # the sitting's opening, before any heading
        return self._top[-1]

    def open_major(self, heading: OpenSection) -> None:
        self._close_minor()
        if not heading.title:  # an empty heading opens nothing: what follows stays where it is
            return
        self._major = heading
        self._top.append(heading)

    def open_minor(self, heading: OpenSection) -> None:
        self._close_minor()
        if not heading.title:
            return
        self._minor = heading
        if self._major is None:
            self._top.append(heading)

    def sections(self, title: str, front: list[Item]) -> list[OpenSection]:
        """The top-level sections, the opening titled ``title`` ("" leaves it unnamed) and
        ``front`` (a committee's member list) put first."""
        self._close_minor()
        self._major = None
        merged: list[OpenSection] = []
        for stretch in self._top:
            if not stretch.title and merged:  # an untitled stretch continues the section before
                merged[-1].items.extend(stretch.items)
            else:
                merged.append(stretch)
        if merged and not merged[0].title:
            merged[0].title = title  # the bill a committee considered; else left unnamed
        if merged:
            merged[0].items[:0] = front
        return merged

    def _close_minor(self) -> None:
        if self._minor is None:
            return
        if self._major is not None:
            self._major.items.append(self._minor.close())
        self._minor = None
