from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED_RECORD = SAMPLES / "westminster-hall-2022-02-23.yaml"
SEED_TEXT = SAMPLES / "westminster-hall-2022-02-23-web-text.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def needs(tool: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(shutil.which(tool) is None, reason=f"{tool} is not installed")


@pytest.fixture(autouse=True)
def strict_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every conversion in the tests fails on a composing fault in the briefing tree
    (exporter.validation), where a user's run would repair it and warn."""
    monkeypatch.setenv("DEBATE_EXPORT_STRICT_TREE", "1")
