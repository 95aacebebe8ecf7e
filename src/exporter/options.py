"""Frozen option sets, one per pipeline stage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ReadOptions:
    people: Path | None = None  # a speaker directory (ParlaMint listPerson, people.json)


@dataclass(frozen=True)
class ComposeOptions:
    summary: str = "auto"  # auto | editorial | none
    summary_words: int = 250
    citation: str = "auto"  # auto (the parliament's own form) or a layout in exporter.citations.STYLES


HEADING_LEVELS = 9  # Word's Heading 1-9; deeper headings take the size of level 9


@dataclass(frozen=True)
class Style:
    """Typography for one briefing style; numbers from GOV.UK, RNIB and the BDA."""

    name: str = "standard"
    body_size: float = 12.0  # points
    # points, one per heading level from 1; levels beyond the last given take the last size
    heading_sizes: tuple[float, ...] = (20.0, 16.0, 14.0, 13.0, 12.0, 12.0, 12.0, 12.0, 12.0)
    line_spacing: float = 1.5
    paragraph_after: float = 8.0  # points
    text_colour: str = "0B0C0C"  # 19.6:1 on white
    link_colour: str = "1D70B8"  # 5.17:1 on white
    margin_cm: float = 2.54
    docx_font: str = "Arial"

    def heading_size(self, level: int) -> float:
        """The size in points of a heading at ``level`` (1-based, any depth)."""
        return self.heading_sizes[min(max(level, 1), len(self.heading_sizes)) - 1]


@dataclass(frozen=True)
class WriteOptions:
    style: Style = Style()
