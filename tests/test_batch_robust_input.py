"""Where batch conversion meets robust input: standard input read with the same checks as a
file (size cap, cleaning, a title that reads as something), devices and FIFOs refused inside a
batch that goes on, file names that cannot split an error line, `check` on folders naming
each broken file and its fault in its lines and reports. All through the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import cli_runs
from cli_runs import tree
from conftest import DATA, SEED_RECORD
from exporter.cli import main
from exporter.input_files import format_size

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="devices and FIFOs are POSIX")
ODD = DATA / "odd-input"


def invoke(runner: CliRunner, *args: str | Path, stdin: bytes | None = None) -> Result:
    return runner.invoke(main, [*map(str, args)], input=stdin)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def invoke_within(seconds: float, runner: CliRunner, *args: str | Path) -> Result:
    """The command's result, failing the test instead of hanging when it reads without end."""
    outcome: dict[str, Result] = {}
    worker = threading.Thread(target=lambda: outcome.setdefault("result", invoke(runner, *args)), daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert not worker.is_alive(), f"debate-export {' '.join(map(str, args))} did not finish"
    return outcome["result"]


# --- standard input: the same read step as a file -------------------------------------------


def test_standard_input_over_the_size_cap_fails_alone_and_the_batch_goes_on(
    runner: CliRunner, tmp_path: Path
) -> None:
    big = SEED_RECORD.read_bytes() + b"\n" + b"#" * 8192 + b"\n"
    result = invoke(
        runner, "convert", "-", SEED_RECORD, "-o", tmp_path, "-f", "json", "--max-input-size", "8K", stdin=big
    )
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"error: <stdin>: larger than the 8 KiB an input may be ({format_size(len(big))} or more); "
        "raise --max-input-size to convert it"
    ]
    assert tree(tmp_path) == [f"{SEED_RECORD.stem}.json"]  # the file converted, nothing for stdin
    report = tmp_path.parent / "report.json"
    invoke(
        runner, "convert", "-", "-o", tmp_path / "r", "--max-input-size", "8K", "--report", report, stdin=big
    )
    entry = json.loads(report.read_text("utf-8"))["inputs"][0]
    assert entry["input"] == "<stdin>" and entry["status"] == "failed"
    assert entry["failure"]["kind"] == "input" and "--max-input-size" in entry["failure"]["message"]


@posix_only
def test_an_endless_standard_input_is_cut_off_at_the_cap(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as endless:
        done = subprocess.run(
            [*cli_runs.COMMAND, "convert", "-", "-o", str(tmp_path), "--max-input-size", "1M"],
            stdin=endless,
            capture_output=True,
            timeout=120,
            env=cli_runs.environment(),
        )
    assert done.returncode == 1
    lines = done.stderr.decode().splitlines()
    assert lines[0].startswith("error: <stdin>: larger than the 1 MiB an input may be")
    assert b"Traceback" not in done.stderr and tree(tmp_path) == []


def test_standard_input_is_cleaned_like_a_file(runner: CliRunner, tmp_path: Path) -> None:
    data = (ODD / "record-control-character.json").read_bytes()
    assert b"\\u0007" in data
    result = invoke(runner, "convert", "-", "-o", tmp_path, "-f", "json", "--name", "bell", stdin=data)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "TEXT-CLEANED" in line]
    assert len(warnings) == 1 and warnings[0].startswith("<stdin>: ")
    assert "removed 1 control character" in warnings[0] and "U+0007" in warnings[0]
    written = (tmp_path / "bell.json").read_text("utf-8")
    assert "\\u0007" not in written and "\x07" not in written


def test_standard_input_with_a_blank_title_is_named_from_the_stated_fallback(
    runner: CliRunner, tmp_path: Path
) -> None:
    seed = SEED_RECORD.read_text("utf-8")
    data = seed.replace("title: Child Sexual Exploitation by Organised Networks", 'title: "\\u200b "')
    assert data != seed
    result = invoke(runner, "convert", "-", "-o", tmp_path, "-f", "json", stdin=data.encode())
    assert result.exit_code == 0, result.output
    assert (
        "<stdin>: title: warning: TITLE-FALLBACK: the record's title is blank (only spaces or characters "
        "that show nothing); the briefing is titled from its house and date"
    ) in result.stderr.splitlines()
    assert tree(tmp_path) == [
        "house-of-commons-westminster-hall-23-february-2022.json"
    ]  # named as the briefing titles it


def test_standard_input_is_named_by_a_slug_that_keeps_every_script_within_255_bytes(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A Cyrillic title gives a Cyrillic file name (never "debate"); an untitled Welsh sitting
    is named as its briefing is titled, in Welsh; a long title stays within 255 bytes."""
    seed = SEED_RECORD.read_text("utf-8")
    title = "title: Child Sexual Exploitation by Organised Networks"
    cases = {
        "bg": (
            seed.replace(title, "title: Законопроект за държавния бюджет"),
            "законопроект-за-държавния-бюджет-23-february-2022.json",  # the date in the interface's language
        ),
        "cy": (
            seed.replace(title, "title: ' '").replace("language: en-GB", "language: cy"),
            "house-of-commons-westminster-hall-23-chwefror-2022.json",
        ),
    }
    for key, (data, expected) in cases.items():
        assert data != seed
        result = invoke(runner, "convert", "-", "-o", tmp_path / key, "-f", "json", stdin=data.encode())
        assert result.exit_code == 0, result.output
        assert tree(tmp_path / key) == [expected]
    long = seed.replace(title, "title: " + "Ж" * 300)
    result = invoke(runner, "convert", "-", "-o", tmp_path / "long", "-f", "json,docx", stdin=long.encode())
    assert result.exit_code == 0, result.output
    names = tree(tmp_path / "long")
    assert len(names) == 2 and all(name.startswith("ж" * 50) for name in names)  # the slug's 50 characters
    assert all(len(name.encode()) <= 255 for name in names)


def test_yaml_on_standard_input_is_read_by_the_1_2_rules(runner: CliRunner, tmp_path: Path) -> None:
    data = (ODD / "record-readme-example-side-no.yaml").read_bytes()
    result = invoke(runner, "convert", "-", "-o", tmp_path, "-f", "json", "--name", "votes", stdin=data)
    assert result.exit_code == 0, result.output
    assert '"side": "no"' in (tmp_path / "votes.json").read_text("utf-8")


@posix_only
def test_a_list_that_never_ends_is_a_usage_error_not_a_hang(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke_within(60, runner, "convert", "@/dev/zero", "-o", tmp_path, "--max-input-size", "1M")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        "error: /dev/zero: cannot read the list: larger than the 1 MiB an input may be (2 MiB or more); "
        "raise --max-input-size to convert it"
    ]


# --- what is not a file, inside a batch ---------------------------------------------------------


@posix_only
def test_a_device_and_a_fifo_named_in_a_batch_are_refused_and_the_rest_converts(
    runner: CliRunner, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # no writer: opening it for reading would wait for ever
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    result = invoke_within(
        120, runner, "convert", "/dev/zero", fifo, SEED_RECORD, "-o", out, "-f", "json", "--report", report
    )
    assert result.exit_code == 1
    assert sorted(error_lines(result.stderr)) == sorted(
        [
            "error: /dev/zero: a character device, not a regular file: only regular files are read",
            f"error: {fifo}: a named pipe (FIFO), not a regular file: only regular files are read",
        ]
    )
    assert tree(out) == [f"{SEED_RECORD.stem}.json"]
    statuses = {e["input"]: e["status"] for e in json.loads(report.read_text("utf-8"))["inputs"]}
    assert statuses == {"/dev/zero": "failed", str(fifo): "failed", str(SEED_RECORD): "converted"}


@posix_only
def test_a_fifo_found_in_a_folder_is_refused_without_hanging(runner: CliRunner, tmp_path: Path) -> None:
    records = tmp_path / "records"
    records.mkdir()
    (records / "a.yaml").write_bytes(SEED_RECORD.read_bytes())
    os.mkfifo(records / "b.yaml")
    result = invoke_within(120, runner, "convert", records, "-o", tmp_path / "out", "-f", "json")
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"error: {records / 'b.yaml'}: a named pipe (FIFO), not a regular file: only regular files are read"
    ]
    assert tree(tmp_path / "out") == ["a.json"]


# --- file names that could split a line ---------------------------------------------------------


def test_a_newline_in_a_file_name_cannot_split_any_error_or_warning_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    records = tmp_path / "records"
    records.mkdir()
    misspelt = (
        '{"title": "T", "sections": [{"title": "S", "items": [{"type": "speech", "paragraps": ["x"]}]}]}'
    )
    (records / "mis\nspelt.json").write_text(misspelt)  # a record error, located (#9)
    large = SEED_RECORD.read_bytes() + b"#" * 9000 + b"\n"
    (records / "too\nlarge.yaml").write_bytes(large)
    (records / "bell\nrung.json").write_bytes((ODD / "record-control-character.json").read_bytes())
    result = invoke(
        runner, "convert", records, "-o", tmp_path / "out", "-f", "json", "--max-input-size", "9K"
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert sorted(error_lines(result.stderr)) == [
        f'error: {records}/mis\\nspelt.json: sections[0].items[0]: unknown key "paragraps" '
        '(did you mean "paragraphs"?)',
        f"error: {records}/too\\nlarge.yaml: larger than the 9 KiB an input may be "
        f"({format_size(len(large))} or more); raise --max-input-size to convert it",
    ]
    (cleaned,) = [line for line in lines if "TEXT-CLEANED" in line]
    assert cleaned.startswith(f"{records}/bell\\nrung.json: ")
    assert all(
        line.startswith((f"{records}/", "error: ", "warning: ")) or " converted" in line for line in lines
    )
    assert tree(tmp_path / "out") == ["bell\nrung.json"]


def test_a_newline_in_a_file_name_stays_escaped_in_the_reports(runner: CliRunner, tmp_path: Path) -> None:
    records = tmp_path / "records"
    records.mkdir()
    (records / "bad\nname.json").write_text('{"title": "T", "sections": [}')
    report, junit = tmp_path / "report.json", tmp_path / "junit.xml"
    result = invoke(runner, "convert", records, "-o", tmp_path / "out", "--report", report, "--junit", junit)
    assert result.exit_code == 1
    (entry,) = json.loads(report.read_text("utf-8"))["inputs"]
    assert entry["input"] == f"{records}/bad\nname.json"  # the name itself, as data
    (line,) = entry["failure"]["lines"]
    assert "\n" not in line and line.startswith(f"{records}/bad\\nname.json: line 1")
    assert "bad\\nname.json: line 1" in junit.read_text("utf-8")


# --- check on folders: broken files named with their fault -------------------------------------


def briefings(runner: CliRunner, folder: Path) -> None:
    result = invoke(runner, "convert", SEED_RECORD, "-o", folder, "-f", "docx,pdf,html", "-q")
    assert result.exit_code == 0, result.output


def test_check_on_a_folder_names_each_broken_file_and_its_fault(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    briefings(runner, folder)
    stem = SEED_RECORD.stem
    (folder / "cut\nshort.pdf").write_bytes((folder / f"{stem}.pdf").read_bytes()[:5000])
    (folder / "half.docx").write_bytes((folder / f"{stem}.docx").read_bytes()[:3000])
    (folder / "empty.html").write_bytes(b"")  # found by walking, not a briefing: skipped, said why
    (folder / "notes.pdf").write_text('{"a": 1}\n')
    report, junit = tmp_path / "report.json", tmp_path / "junit.xml"
    result = invoke(runner, "check", folder, "--report", report, "--junit", junit)
    assert result.exit_code == 1
    assert sorted(error_lines(result.stderr)) == [
        f"error: {folder}/cut\\nshort.pdf: the PDF is cut short: it does not end with %%EOF",
        f"error: {folder}/half.docx: not a readable .docx: the zip archive is damaged or cut short "
        "(File is not a zip file)",
    ]
    assert "Traceback" not in result.output and " object at 0x" not in result.output
    assert f"skipped {folder}/notes.pdf: not a .docx, PDF or HTML file (it looks like JSON)" in result.stdout
    assert f"skipped {folder}/empty.html: the file is empty" in result.stdout
    named = invoke(runner, "check", folder / "notes.pdf", folder / "empty.html")  # named: refused
    assert sorted(error_lines(named.stderr)) == [
        f"error: {folder}/empty.html: the file is empty",
        f"error: {folder}/notes.pdf: not a .docx, PDF or HTML file (it looks like JSON)",
    ]
    entries = {e["input"]: e for e in json.loads(report.read_text("utf-8"))["inputs"]}
    assert {name: e["status"] for name, e in entries.items()} == {
        f"{folder}/{stem}.docx": "checked",
        f"{folder}/{stem}.html": "checked",
        f"{folder}/{stem}.pdf": "checked",
        f"{folder}/cut\nshort.pdf": "failed",
        f"{folder}/empty.html": "skipped",
        f"{folder}/half.docx": "failed",
        f"{folder}/notes.pdf": "skipped",
    }
    assert entries[f"{folder}/half.docx"]["failure"]["message"].endswith("(File is not a zip file)")
    text = junit.read_text("utf-8")
    assert text.count("<failure") == 2 and "cut\\nshort.pdf: the PDF is cut short" in text


@posix_only
def test_check_refuses_a_fifo_named_among_briefings(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    briefings(runner, folder)
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    result = invoke_within(120, runner, "check", fifo, folder)
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"error: {fifo}: a named pipe (FIFO), not a regular file: only regular files are read"
    ]
    assert result.stderr.splitlines()[-1].startswith("3 checked, 1 failed in ")


# --- the environment, in worker processes ---------------------------------------------------------


def test_source_date_epoch_changes_nothing_in_a_batch_of_workers(tmp_path: Path) -> None:
    records = tmp_path / "records"
    cli_runs.copies(records, 2)
    made: list[dict[str, bytes]] = []
    for run, value in enumerate(("not-a-number", None)):
        out = tmp_path / f"out-{run}"
        env = cli_runs.environment(SOURCE_DATE_EPOCH=value)
        done = cli_runs.run("convert", records, "-o", out, "-f", "pdf,docx", "-j", "2", "-q", env=env)
        assert done.returncode == 0, done.stderr.decode()
        made.append({name: (out / name).read_bytes() for name in tree(out)})
    assert len(made[0]) == 4 and made[0] == made[1]
