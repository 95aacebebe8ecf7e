"""House rule: dependencies point one way (cli -> pipeline -> readers -> model; writers -> document)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "exporter"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("exporter")}


def modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", modules("writers"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_writers_see_only_the_briefing_document(path: Path) -> None:
    forbidden = ("exporter.model", "exporter.readers", "exporter.compose", "exporter.record", "exporter.cli")
    assert not [name for name in imports_of(path) if name.startswith(forbidden)]


@pytest.mark.parametrize("path", modules("readers"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_readers_never_know_writers(path: Path) -> None:
    forbidden = (
        "exporter.writers",
        "exporter.compose",
        "exporter.document",
        "exporter.cli",
        "exporter.checks",
    )
    assert not [name for name in imports_of(path) if name.startswith(forbidden)]


def test_nothing_imports_the_cli() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path.name == "__main__.py" or "cli" in path.relative_to(PACKAGE).parts:
            continue
        assert "exporter.cli" not in imports_of(path), path


def test_the_model_and_document_know_no_formats() -> None:
    for name in ("model.py", "document.py"):
        assert imports_of(PACKAGE / name) == set(), name


@pytest.mark.parametrize("name", ["document_json.py", "validation.py", "writers/base.py"])
def test_the_tree_modules_see_only_the_tree(name: str) -> None:
    forbidden = ("exporter.model", "exporter.readers", "exporter.compose", "exporter.record", "exporter.cli")
    assert not [found for found in imports_of(PACKAGE / name) if found.startswith(forbidden)]


@pytest.mark.parametrize("path", modules("styles"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_style_model_knows_no_format(path: Path) -> None:
    """Style profiles are format-neutral: every writer (and the HTML one to come) renders them."""
    allowed = ("exporter.styles", "exporter.errors", "exporter.diagnostics")
    assert [name for name in imports_of(path) if not name.startswith(allowed)] == []
