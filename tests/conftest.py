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
# The team's shared records, cases and tools sit beside the repository (``../shared``);
# tests that need them skip where they are not.
SHARED = ROOT.parent / "shared"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def needs(tool: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(shutil.which(tool) is None, reason=f"{tool} is not installed")
