"""Frozen option sets, one per pipeline stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from exporter.input_files import DEFAULT_MAX_INPUT_SIZE
from exporter.styles.model import HEADING_LEVELS, Style

__all__ = ["HEADING_LEVELS", "ComposeOptions", "ReadOptions", "Style", "WriteOptions"]


@dataclass(frozen=True)
class ReadOptions:
    people: Path | None = None  # a speaker directory (ParlaMint listPerson, people.json)
    max_input_size: int | None = DEFAULT_MAX_INPUT_SIZE  # bytes; None: no cap


@dataclass(frozen=True)
class ComposeOptions:
    summary: str = "auto"  # auto | editorial | none
    summary_words: int = 250
    citation: str = "auto"  # auto (the parliament's own form) or a layout in exporter.citations.STYLES
    # The language of the words the tool adds (--ui-language), a BCP 47 tag with a catalog
    # in exporter.interface; None: the document's language when its catalog is complete,
    # else English.
    ui_language: str | None = None


@dataclass(frozen=True)
class WriteOptions:
    style: Style = field(default_factory=Style)
