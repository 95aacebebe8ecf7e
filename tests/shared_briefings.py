"""One conversion per record for the whole test session, shared by the tests that read it.

The shared records are big (a sitting day is 100 pages of PDF), and several tests read the
same briefing of one: the language test reads each one's DOCX and PDF, the summary tests
the JSON of the Commons and Lords days. ``Briefings.get`` converts a record once, with the
default options, to DOCX, PDF and JSON, and starts ``pdfinfo -struct-text`` on its PDF as
soon as it is written. Given the records still to come, it converts the next one while
poppler reads this one (poppler's structure text of a sitting day takes as long as the
conversion), so the two run side by side on two cores.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

FORMATS = ("docx", "pdf", "json")


@dataclass
class Briefing:
    """A record converted with the default options: ``files`` by format, empty when the
    conversion failed (``exit_code`` and ``output`` say why)."""

    record: Path
    exit_code: int
    output: str
    files: dict[str, bytes]
    folder: Path
    pdf_path: Path | None = None
    _poppler: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _struct_text: str | None = field(default=None, repr=False)

    def struct_text(self) -> str:
        """``pdfinfo -struct-text`` of the PDF (poppler's reading of its structure tree)."""
        if self._struct_text is None:
            if self._poppler is None:
                raise RuntimeError(f"{self.record.name}: no PDF was written, or poppler is not installed")
            self._poppler.wait()
            text_file = self.folder / "struct-text.txt"
            if self._poppler.returncode != 0:
                raise RuntimeError(f"pdfinfo -struct-text failed on {self.pdf_path}")
            self._struct_text = text_file.read_text(encoding="utf-8")
            self._poppler = None
        return self._struct_text


class Briefings:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.done: dict[Path, Briefing] = {}

    def get(self, record: Path, coming: Sequence[Path] = ()) -> Briefing:
        """The briefing of ``record``; the first record of ``coming`` not yet converted is
        converted too, while poppler reads this one's PDF."""
        found = self._convert(record)
        later = list(coming)
        if record in later:
            later = later[later.index(record) + 1 :]
        following = next((path for path in later if path not in self.done), None)
        if following is not None:
            self._convert(following)
        return found

    def _convert(self, record: Path) -> Briefing:
        if record in self.done:
            return self.done[record]
        folder = self.root / f"{len(self.done):03d}-{record.stem}"
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("DEBATE_EXPORT_STRICT_TREE", "1")  # as conftest.strict_tree does for each test
            result = CliRunner().invoke(
                main, ["convert", str(record), "-o", str(folder), "-f", ",".join(FORMATS), "-v"]
            )
        written = {path.suffix[1:]: path for path in folder.iterdir()} if result.exit_code == 0 else {}
        assert result.exit_code != 0 or sorted(written) == sorted(FORMATS), (record, sorted(written))
        files = {fmt: path.read_bytes() for fmt, path in written.items()}
        briefing = Briefing(record, result.exit_code, result.output, files, folder, written.get("pdf"))
        if briefing.pdf_path is not None and shutil.which("pdfinfo"):
            with open(folder / "struct-text.txt", "wb") as out:
                briefing._poppler = subprocess.Popen(
                    ["pdfinfo", "-struct-text", str(briefing.pdf_path)], stdout=out, stderr=subprocess.DEVNULL
                )
        self.done[record] = briefing
        return briefing
