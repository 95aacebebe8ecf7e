"""veraPDF's PDF/UA-1 verdict on our PDFs, at several page counts and on the hard cases.

Skipped when veraPDF is absent (set VERAPDF to its path; CI has it at
../shared/tools/verapdf/verapdf-ua). Our own checker must agree with veraPDF on each file.
Every file is written first and validated by one veraPDF run. The golden trees are
validated in tests/test_golden_trees.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.checks.pdf import check
from exporter.diagnostics import Reporter
from exporter.document import Document, Heading, Paragraph, Text
from exporter.options import WriteOptions
from exporter.styles import load_style
from exporter.writers.pdf import write
from golden_trees import long_briefing, seed_briefing
from pdf_reading import VERAPDF, verapdf_many

pytestmark = pytest.mark.skipif(not VERAPDF.exists(), reason="veraPDF is not installed (set VERAPDF)")

SCRIPTS = Document(
    "Scripts",
    "en-GB",
    (
        Heading(1, (Text("Scripts"),), "t"),
        Paragraph((Text("Greek αβγ, Cyrillic Дом, Hebrew שלום, Hindi हिन्दी, Chinese 中文, Egyptian 𓀀, →"),)),
    ),
)

CASES = {
    "40-pages": lambda: long_briefing(40),
    "200-pages": lambda: long_briefing(200),
    "long-url": lambda: seed_briefing(long_url=True),
    "missing-glyphs": lambda: SCRIPTS,
    "large-print": lambda: seed_briefing(sections=3),
}
STYLES = {"large-print": "large-print"}


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, bytes]]:
    folder = tmp_path_factory.mktemp("verapdf")
    written: dict[str, tuple[Path, bytes]] = {}
    for case, build in CASES.items():
        style = load_style(STYLES.get(case, "standard"))
        data = write(build(), WriteOptions(style=style), Reporter(case))
        path = folder / f"{case}.pdf"
        path.write_bytes(data)
        written[case] = (path, data)
    found = verapdf_many([path for path, _data in written.values()])
    assert found is not None
    return {case: (found[str(path)], data) for case, (path, data) in written.items()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_verapdf_finds_no_failed_check(verdicts: dict[str, tuple[dict, bytes]], case: str) -> None:
    verdict, data = verdicts[case]
    assert verdict["failed_checks"] == 0, verdict["failed_rules"]
    assert verdict["compliant"] is True
    assert check(data, f"{case}.pdf") == []
