"""Debates for the summariser's tests: whole real debates stored in our record format.

The JSON files in tests/data/summarise/ hold debates as the readers gave them (see
tests/data/README.md), written out with ``exporter.record``; reading them back needs only
our own record reader, so these tests do not depend on the format readers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exporter.diagnostics import Reporter
from exporter.model import Debate, Paragraph, Run, Speech, SpeechKind
from exporter.options import ReadOptions
from exporter.readers import native

DATA = Path(__file__).parent / "data" / "summarise"
WAREHAM = "westminhall_2009-10-28_wareham.json"
DEATH_PENALTY = "westminhall_2009-10-28_death_penalty.json"
OIL_REFINING = "commons_2026-01-14_oil_refining.json"


def load_debate(name: str) -> Debate:
    """A stored debate, in our record format."""
    path = DATA / name
    return native.read(path.read_bytes(), str(path), ReadOptions(), Reporter(str(path)))


def speech(
    speech_id: str, speaker: str | None, *texts: str, kind: SpeechKind = SpeechKind.SPEECH, **fields: Any
) -> Speech:
    """A speech of one paragraph per text, for debates written out in a test."""
    blocks = tuple(Paragraph((Run(text),)) for text in texts)
    return Speech(id=speech_id, speaker=speaker, paragraphs=blocks, kind=kind, **fields)
