"""Heading structure elements at any depth, as PDF/UA-1 allows them (ISO 14289-1 7.4).

ISO 32000-1 has numbered headings H1-H6 and an unnumbered H whose level is its
nesting: each H is the first kid of a Sect, and a deeper heading's Sect sits inside the
one above. PDF/UA-1 accepts either, but not both in one document (7.4.4: "all documents
shall be either strongly or weakly structured, but not both"; veraPDF rules 7.4.4-2 and
7.4.4-3). So a briefing whose headings go no deeper than six is weakly structured, H1-H6
with the blocks after each heading beside it; a deeper one is strongly structured as a
whole: every heading is an H opening its own Sect, nested by level, at most one H per
Sect (7.4.4-1), and the blocks after a heading go inside its Sect.
"""

from __future__ import annotations

from exporter.writers.pdf.tagging.structure import StructElem

NUMBERED_LEVELS = 6


class Headings:
    def __init__(self, root: StructElem, depth: int) -> None:
        """``depth``: the deepest heading level the document has."""
        self.root = root
        self.strong = depth > NUMBERED_LEVELS
        self._sections: list[StructElem] = []  # the open Sect of each level, outermost first

    def open(self, level: int) -> StructElem:
        """The structure element of a heading at ``level`` (1-based); in a strongly
        structured document it also opens the Sect that the blocks after it go into."""
        if not self.strong:
            return self.root.child(f"H{min(max(level, 1), NUMBERED_LEVELS)}")
        del self._sections[max(level, 1) - 1 :]
        section = self.container().child("Sect")
        self._sections.append(section)
        return section.child("H")

    def container(self) -> StructElem:
        """Where a block goes: the Sect of the latest heading, or the document."""
        return self._sections[-1] if self._sections else self.root
