from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import Phase, settings

from shared_briefings import Briefings

# Hypothesis: "ci" is derandomised (a fixed seed, no example database) and quick; "long"
# searches thousands of examples locally (HYPOTHESIS_PROFILE=long).
settings.register_profile("ci", derandomize=True, database=None, max_examples=30, deadline=None, print_blob=True)
settings.register_profile(
    "long", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "2000")), deadline=None, print_blob=True
)
settings.register_profile(  # while working: random, no shrinking, the first failure as drawn
    "dev", max_examples=60, deadline=None, phases=[Phase.explicit, Phase.generate], database=None
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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


@pytest.fixture(autouse=True)
def strict_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every conversion in the tests fails on a composing fault in the briefing tree
    (exporter.validation), where a user's run would repair it and warn."""
    monkeypatch.setenv("DEBATE_EXPORT_STRICT_TREE", "1")


@pytest.fixture(scope="session")
def briefings(tmp_path_factory: pytest.TempPathFactory) -> Briefings:
    """Briefings of records converted once a session with the default options (shared_briefings)."""
    return Briefings(tmp_path_factory.mktemp("shared-briefings"))
