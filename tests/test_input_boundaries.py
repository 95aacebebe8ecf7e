"""What is read and what is refused at the edges: files that are not regular files, inputs
too large, an input that changes while read, SOURCE_DATE_EPOCH, and the writers' last line."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEED_RECORD
from exporter import input_files
from exporter import model as m
from exporter.cli import main
from exporter.diagnostics import Reporter
from exporter.errors import InputError, OutputError
from exporter.pipeline import Job, read_debate, render

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="devices and FIFOs are POSIX")


def one_error(result_stderr: str) -> str:
    lines = [line for line in result_stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result_stderr
    return lines[0]


@posix_only
def test_a_device_is_refused_with_one_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["convert", "/dev/zero", "-o", str(tmp_path)])
    assert result.exit_code == 1
    line = one_error(result.stderr)
    assert line == "error: /dev/zero: a character device, not a regular file: only regular files are read"


@posix_only
def test_a_fifo_with_no_writer_is_refused_without_hanging(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    outcome: dict[str, object] = {}
    worker = threading.Thread(
        target=lambda: outcome.setdefault(
            "result", runner.invoke(main, ["convert", str(fifo), "-o", str(tmp_path / "o")])
        ),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "reading a FIFO with no writer hung"
    result = outcome["result"]
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "a named pipe (FIFO), not a regular file" in one_error(result.stderr)  # type: ignore[attr-defined]


def test_an_input_over_the_cap_is_an_input_error(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(SEED_RECORD.read_bytes())
    result = runner.invoke(main, ["convert", str(big), "-o", str(tmp_path / "o"), "--max-input-size", "4K"])
    assert result.exit_code == 1
    line = one_error(result.stderr)
    assert "larger than the 4 KiB an input may be" in line and "--max-input-size" in line
    assert not (tmp_path / "o").exists()
    ok = runner.invoke(
        main, ["convert", str(big), "-o", str(tmp_path / "o"), "-f", "json", "--max-input-size", "0"]
    )
    assert ok.exit_code == 0, ok.output


@pytest.mark.parametrize(
    ("text", "size"),
    [("50M", 50 * 2**20), ("512k", 512 * 2**10), ("2G", 2 * 2**30), ("1000", 1000), ("none", None)],
)
def test_sizes_are_read_as_binary_multiples(text: str, size: int | None) -> None:
    assert input_files.parse_size(text) == size


def test_a_bad_size_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["convert", str(SEED_RECORD), "-o", str(tmp_path), "--max-input-size", "lots"]
    )
    assert result.exit_code == 2 and "--max-input-size" in result.output


def test_an_input_that_grows_while_read_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    growing = tmp_path / "growing.yaml"
    growing.write_bytes(SEED_RECORD.read_bytes())
    real = input_files.read_stream

    def read_while_written(stream, max_size, source):  # type: ignore[no-untyped-def]
        data = real(stream, max_size, source)
        with open(growing, "ab") as writer:  # another program appends meanwhile
            writer.write(b"# more\n")
        return data

    monkeypatch.setattr(input_files, "read_stream", read_while_written)
    with pytest.raises(InputError, match="the file changed while it was read"):
        input_files.read_input(growing)


def test_the_default_cap_is_the_measured_one() -> None:
    assert input_files.DEFAULT_MAX_INPUT_SIZE == 50 * 2**20
    assert Job().read.max_input_size == input_files.DEFAULT_MAX_INPUT_SIZE


# --- SOURCE_DATE_EPOCH ------------------------------------------------------------------------


def pdf_of(path: Path) -> bytes:
    reporter = Reporter(str(path))
    debate, _ = read_debate(path, Job(), reporter)
    return render(debate, Job(formats=("pdf",)), reporter)["pdf"]


@pytest.mark.parametrize("value", ["1700000000", "not-a-number", " 12 ", ""])
def test_source_date_epoch_never_changes_the_pdf(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    unset = pdf_of(SEED_RECORD)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert pdf_of(SEED_RECORD) == unset
    assert os.environ["SOURCE_DATE_EPOCH"] == value  # put back for the rest of the process


def test_the_pdf_id_is_a_digest_of_its_content(tmp_path: Path) -> None:
    first = pdf_of(SEED_RECORD)
    other = tmp_path / "other.yaml"
    other.write_text(SEED_RECORD.read_text("utf-8").replace("Kim Leadbeater", "Kim Leadbetter"), "utf-8")
    second = pdf_of(other)
    ids = []
    for data in (first, second):
        head, _, tail = data.rpartition(b"/ID")
        halves = tail.split(b"]")[0].strip().lstrip(b"[").strip(b"<>").split(b"><")
        assert len(halves) == 2 and halves[0] == halves[1]
        blanked = data.replace(b"<" + halves[0] + b"><" + halves[1] + b">", b"<>")
        expected = hashlib.sha256(blanked).hexdigest()[:32]
        assert halves[0].decode() == expected
        ids.append(halves[0])
    assert ids[0] != ids[1]


# --- the writers' last line ---------------------------------------------------------------


def test_a_writer_failure_is_one_located_error_not_an_internal_error() -> None:
    reporter = Reporter("raw.json")
    debate, _ = read_debate(SEED_RECORD, Job(), reporter)
    section = debate.sections[0]
    speech = next(item for item in section.items if isinstance(item, m.Speech))
    bad = dataclasses.replace(speech, paragraphs=(m.Paragraph((m.Run("a bell \x07 here"),)),))
    smuggled = dataclasses.replace(
        debate, sections=(dataclasses.replace(section, items=(bad,)),)
    )  # past cleaning
    with pytest.raises(OutputError) as caught:
        render(smuggled, Job(formats=("docx",)), reporter)
    message = str(caught.value)
    assert message.startswith("raw.json: under the heading ")
    assert "the docx writer cannot write this briefing: the text holds U+0007" in message
