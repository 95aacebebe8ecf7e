"""Whole output sets: replaced together or not at all; names within 255 bytes; the user's umask."""

from __future__ import annotations

import os
import resource
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli_runs
from cli_runs import tree
from conftest import DATA, SEED_RECORD
from exporter import output_set
from exporter.cli import main
from exporter.file_names import NAME_MAX, fit, room_for
from exporter.output_set import OutputSetError, PlannedFile, write_set


def convert(runner: CliRunner, *args: str | Path, stdin: bytes | None = None) -> tuple[int, str]:
    result = runner.invoke(main, ["convert", *map(str, args)], input=stdin)
    return result.exit_code, result.stderr


def test_a_failure_on_the_second_output_replaces_nothing_and_says_so(tmp_path: Path) -> None:
    """Disk full (here: a file-size limit) while the PDF is written: the old Word file stays
    beside the old PDF, nothing temporary is left, and the message says nothing was replaced."""
    out = tmp_path / "out"
    assert cli_runs.run("convert", SEED_RECORD, "-o", out).returncode == 0
    before = {name: (out / name).read_bytes() for name in tree(out)}
    limit = 30_000  # the new .docx (about 13 kB) fits; the new PDF (about 65 kB) does not

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = cli_runs.subprocess.run(
        [*cli_runs.COMMAND, "convert", str(SEED_RECORD), "-o", str(out), "--style", "large-print"],
        env=cli_runs.environment(),
        capture_output=True,
        preexec_fn=small_files,
        timeout=300,
    )
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert len(before[f"{SEED_RECORD.stem}.pdf"]) > limit > len(before[f"{SEED_RECORD.stem}.docx"])
    assert (
        "nothing replaced" in err and f"{SEED_RECORD.stem}.docx" in err and f"{SEED_RECORD.stem}.pdf" in err
    )
    assert {name: (out / name).read_bytes() for name in tree(out)} == before  # no .part left either


def test_a_rename_that_fails_puts_the_old_files_back(tmp_path: Path, runner: CliRunner) -> None:
    """The PDF's name is taken by a folder: the new Word file, already renamed into place,
    is rolled back to the old one."""
    out = tmp_path / "out"
    assert convert(runner, SEED_RECORD, "-o", out, "-f", "docx")[0] == 0
    old_docx = (out / f"{SEED_RECORD.stem}.docx").read_bytes()
    (out / f"{SEED_RECORD.stem}.pdf").mkdir()
    (out / f"{SEED_RECORD.stem}.pdf" / "keep").write_text("mine")
    status, err = convert(runner, SEED_RECORD, "-o", out, "--style", "large-print")
    assert status == 1
    assert "cannot replace" in err and "a folder has this name" in err and "nothing replaced" in err
    assert (out / f"{SEED_RECORD.stem}.docx").read_bytes() == old_docx
    assert tree(out) == [f"{SEED_RECORD.stem}.docx", f"{SEED_RECORD.stem}.pdf/keep"]


def test_write_set_rolls_back_when_the_second_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "a.pdf"
    first.write_bytes(b"old docx")
    real_replace = os.replace
    calls = []

    def failing_replace(source: str | Path, target: str | Path) -> None:
        calls.append(Path(target))
        if Path(target) == second:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(output_set.os, "replace", failing_replace)
    with pytest.raises(OutputSetError) as raised:
        write_set([PlannedFile(first, b"new docx"), PlannedFile(second, b"new pdf")])
    assert first.read_bytes() == b"old docx" and not second.exists()
    assert raised.value.replaced == [] and raised.value.kept == [first, second]
    assert "No space left on device" in str(raised.value) and "nothing replaced" in str(raised.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]  # no temporary or kept old file


def test_write_set_says_what_was_replaced_when_an_old_file_cannot_be_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "a.pdf"
    first.write_bytes(b"old docx")
    real_replace = os.replace

    def failing_replace(source: str | Path, target: str | Path) -> None:
        if Path(target) == second or (Path(target) == first and Path(source).suffix == ".old"):
            raise OSError(5, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(output_set.os, "replace", failing_replace)
    with pytest.raises(OutputSetError) as raised:
        write_set([PlannedFile(first, b"new docx"), PlannedFile(second, b"new pdf")])
    message = str(raised.value)
    assert raised.value.replaced == [first] and raised.value.kept == [second]
    assert f"replaced: {first} (its old version could not be put back" in message
    assert f"not replaced: {second}" in message


def test_an_interruption_while_a_set_is_renamed_rolls_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "a.pdf"
    first.write_bytes(b"old docx")
    second.write_bytes(b"old pdf")
    real_replace = os.replace

    def interrupted_replace(source: str | Path, target: str | Path) -> None:
        if Path(target) == second and Path(source).suffix == ".part":
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(output_set.os, "replace", interrupted_replace)
    with pytest.raises(KeyboardInterrupt):
        write_set([PlannedFile(first, b"new docx"), PlannedFile(second, b"new pdf")])
    assert first.read_bytes() == b"old docx" and second.read_bytes() == b"old pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf"]


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_outputs_follow_the_umask(tmp_path: Path, runner: CliRunner, umask: int) -> None:
    previous = os.umask(umask)
    try:
        status, err = convert(
            runner, SEED_RECORD, "-o", tmp_path, "-f", "json,docx", "--report", tmp_path / "r.json"
        )
    finally:
        os.umask(previous)
    assert status == 0, err
    for path in tmp_path.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path


def test_a_name_of_241_to_255_bytes_is_written_as_it_is(tmp_path: Path, runner: CliRunner) -> None:
    stem = "é" * 125  # 250 bytes of UTF-8: .yaml makes 255, .docx 255, .pdf 254
    source = tmp_path / f"{stem}.yaml"
    source.write_bytes(SEED_RECORD.read_bytes())
    status, err = convert(runner, source, "-o", tmp_path / "out", "-f", "docx,pdf")
    assert status == 0, err
    assert tree(tmp_path / "out") == sorted([f"{stem}.docx", f"{stem}.pdf"])


def test_split_names_are_kept_under_255_bytes_with_a_stable_hash(tmp_path: Path, runner: CliRunner) -> None:
    day = DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml"
    stem = "westminster-hall-" + "x" * 233  # 250 bytes; with -01-... a piece's name would pass 255
    source = tmp_path / f"{stem}.xml"
    source.write_bytes(day.read_bytes())
    names = []
    for run in ("a", "b"):
        status, err = convert(runner, source, "-o", tmp_path / run, "-f", "json,docx", "--split")
        assert status == 0, err
        names.append(tree(tmp_path / run))
    assert names[0] == names[1]  # stable
    pieces = [n for n in names[0] if n.endswith(".json")]
    assert len(pieces) > 1 and len(set(pieces)) == len(pieces)
    for name in names[0]:
        assert len(name.encode()) <= NAME_MAX
        assert name.startswith("westminster-hall-xxx")
    assert any("-01-" in name for name in pieces)  # the piece's number and title are kept


def test_fit_keeps_pairs_of_formats_together() -> None:
    stem = "a" * 251  # fits with .pdf (255) but not with .docx (256)
    room = room_for(["docx", "pdf"])
    docx, pdf = fit(stem, ".docx", room=room), fit(stem, ".pdf", room=room)
    assert len(docx.encode()) <= NAME_MAX and len(pdf.encode()) <= NAME_MAX
    assert docx.removesuffix(".docx") == pdf.removesuffix(".pdf")
    assert fit("short", ".pdf") == "short.pdf"
    assert fit("ŵ" * 200, ".pdf") != fit("ŵ" * 201, ".pdf")
    assert fit("ŵ" * 200, ".pdf").encode("utf-8").decode("utf-8")  # cut between characters
    devanagari = fit("हि" * 100, ".pdf")  # each "हि" a letter and its vowel sign: 6 bytes, one character
    assert len(devanagari.encode()) <= NAME_MAX
    assert devanagari.split("-")[0].endswith("हि")  # a letter never loses its mark to the cut


def test_a_long_name_for_standard_input_is_shortened(tmp_path: Path, runner: CliRunner) -> None:
    status, err = convert(
        runner, "-", "-o", tmp_path, "-f", "json", "--name", "n" * 300, stdin=SEED_RECORD.read_bytes()
    )
    assert status == 0, err
    [name] = tree(tmp_path)
    assert len(name.encode()) <= NAME_MAX and name.startswith("nnnn") and name.endswith(".json")
