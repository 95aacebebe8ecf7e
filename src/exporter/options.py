"""Frozen option sets, one per pipeline stage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exporter.input_files import DEFAULT_MAX_INPUT_SIZE


@dataclass(frozen=True)
class ReadOptions:
    people: Path | None = None  # a speaker directory (ParlaMint listPerson, people.json)
    max_input_size: int | None = DEFAULT_MAX_INPUT_SIZE  # bytes; None: no cap


@dataclass(frozen=True)
class ComposeOptions:
    summary: str = "auto"  # auto | editorial | none
    summary_words: int = 250
    citation: str = "oscola"  # oscola | short | harvard


@dataclass(frozen=True)
class Style:
    """Typography for one briefing style; numbers from GOV.UK, RNIB and the BDA."""

    name: str = "standard"
    body_size: float = 12.0  # points
    heading_sizes: tuple[float, float, float] = (20.0, 16.0, 14.0)
    line_spacing: float = 1.5
    paragraph_after: float = 8.0  # points
    text_colour: str = "0B0C0C"  # 19.6:1 on white
    link_colour: str = "1D70B8"  # 5.17:1 on white
    margin_cm: float = 2.54
    docx_font: str = "Arial"


@dataclass(frozen=True)
class WriteOptions:
    style: Style = Style()
