from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from shared_briefings import Briefings

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


@pytest.fixture(scope="session")
def briefings(tmp_path_factory: pytest.TempPathFactory) -> Briefings:
    """Briefings of records converted once a session with the default options (shared_briefings)."""
    return Briefings(tmp_path_factory.mktemp("shared-briefings"))
