"""veraPDF's PDF/UA-1 verdict on our PDFs, at several page counts and on the hard cases.

Skipped when veraPDF is absent (set VERAPDF to its path; CI has it at
../shared/tools/verapdf/verapdf-ua). Our own checker must agree with veraPDF on each file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_trees import big_table_briefing, long_briefing, seed_briefing
from exporter.checks.pdf import check
from exporter.diagnostics import Reporter
from exporter.document import Document, Heading, Paragraph, Text
from exporter.options import WriteOptions
from exporter.styles import load_style
from exporter.writers.pdf import write
from pdf_reading import VERAPDF, verapdf, write_pdf

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
    "seed": lambda: seed_briefing(),
    "40-pages": lambda: long_briefing(40),
    "long-url": lambda: seed_briefing(long_url=True),
    "table-over-pages": lambda: big_table_briefing(150),
    "missing-glyphs": lambda: SCRIPTS,
    "large-print": lambda: seed_briefing(sections=3),
}
STYLES = {"large-print": "large-print"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_verapdf_finds_no_failed_check(case: str, tmp_path: Path) -> None:
    style = load_style(STYLES.get(case, "standard"))
    data = write(CASES[case](), WriteOptions(style=style), Reporter(case))
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(data)
    verdict = verapdf(path)
    assert verdict is not None
    assert verdict["failed_checks"] == 0, verdict["failed_rules"]
    assert verdict["compliant"] is True
    assert check(data, path.name) == []


def test_verapdf_passes_a_200_page_briefing(tmp_path: Path) -> None:
    path = tmp_path / "200-pages.pdf"
    path.write_bytes(write_pdf(long_briefing(200)))
    verdict = verapdf(path)
    assert verdict is not None and verdict["failed_checks"] == 0, verdict
