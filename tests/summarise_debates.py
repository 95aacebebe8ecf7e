"""Debates for the summariser's tests, built as model objects from trimmed real records.

The JSON files in tests/data/summarise/ hold debates as the readers gave them (see
tests/data/README.md); building the model here keeps these tests independent of any reader.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from exporter.model import (
    Debate,
    Item,
    Paragraph,
    ParagraphStyle,
    Procedural,
    ProceduralKind,
    Run,
    Section,
    Source,
    Speaker,
    Speech,
    SpeechKind,
)

DATA = Path(__file__).parent / "data" / "summarise"
WAREHAM = "westminhall_2009-10-28_wareham.json"
DEATH_PENALTY = "westminhall_2009-10-28_death_penalty.json"
OIL_REFINING = "commons_2026-01-14_oil_refining.json"


def load_debate(name: str) -> Debate:
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    return Debate(
        title=data["title"],
        sections=tuple(_section(section) for section in data["sections"]),
        speakers=tuple(Speaker(**speaker) for speaker in data["speakers"]),
        date=dt.date.fromisoformat(data["date"]),
        house=data["house"],
        location=data["location"],
        chair=data["chair"],
        source=Source(**data["source"]),
    )


def paragraphs(texts: list[dict[str, str]]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph((Run(p["text"]),), ParagraphStyle(p["style"])) for p in texts)


def _section(data: dict[str, Any]) -> Section:
    return Section(
        title=data["title"],
        items=tuple(_item(item) for item in data["items"]),
        id=data["id"],
        chair=data["chair"],
        time=data["time"],
        column=data["column"],
        url=data["url"],
    )


def _item(data: dict[str, Any]) -> Item:
    if data["type"] == "procedural":
        return Procedural(
            paragraphs(data["paragraphs"]),
            ProceduralKind(data["kind"]),
            id=data["id"],
            time=data["time"],
            column=data["column"],
        )
    return Speech(
        id=data["id"],
        speaker=data["speaker"],
        paragraphs=paragraphs(data["paragraphs"]),
        kind=SpeechKind(data["kind"]),
        label=data["label"],
        role=data["role"],
        time=data["time"],
        column=data["column"],
        url=data["url"],
    )


def speech(
    speech_id: str, speaker: str | None, *texts: str, kind: SpeechKind = SpeechKind.SPEECH, **fields: Any
) -> Speech:
    """A speech of one paragraph per text, for debates written out in a test."""
    blocks = tuple(Paragraph((Run(text),)) for text in texts)
    return Speech(id=speech_id, speaker=speaker, paragraphs=blocks, kind=kind, **fields)
