"""Input a newcomer tried that was refused badly or let through silently: records in UTF-16
and UTF-32, JSON that holds no record, missing style files, several problems in one record
or style file, `check` on files it cannot read, table spans past their table, and names that
read as nothing. Each through the command line or the library API."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEED_RECORD
from exporter.cli import main


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def record(**changes: object) -> dict:
    base: dict = {
        "format": "debate-exporter/1",
        "title": "Test debate",
        "date": "2022-02-23",
        "house": "House of Commons",
        "speakers": [{"id": "kim", "name": "Kim Leadbeater"}],
        "sections": [
            {
                "title": "Topic",
                "items": [{"type": "speech", "speaker": "kim", "paragraphs": ["I thank the Minister."]}],
            }
        ],
    }
    base.update(changes)
    return base


# --- records in UTF-16 and UTF-32 -----------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_record_with_a_byte_order_mark_reads_as_its_encoding(
    runner: CliRunner, tmp_path: Path, encoding: str, suffix: str
) -> None:
    """RFC 8259 section 8.1 and YAML 1.2 section 5.2: the byte order mark tells the encoding."""
    text = SEED_RECORD.read_text("utf-8") if suffix == ".yaml" else json.dumps(record(), ensure_ascii=False)
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-le": "\ufeff", "utf-32-be": "\ufeff"}
    source = tmp_path / f"wide{suffix}"
    source.write_bytes((bom.get(encoding, "") + text).encode(encoding))
    assert source.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff", b"\x00\x00")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "out" / "wide.json").read_text("utf-8"))
    utf8 = tmp_path / f"plain{suffix}"
    utf8.write_text(text, "utf-8")
    assert runner.invoke(main, ["convert", str(utf8), "-o", str(tmp_path / "out"), "-f", "json"]).exit_code == 0
    assert written == json.loads((tmp_path / "out" / "plain.json").read_text("utf-8"))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_wide_record_without_a_byte_order_mark_is_refused_saying_so(
    runner: CliRunner, tmp_path: Path, encoding: str
) -> None:
    source = tmp_path / "wide.json"
    source.write_bytes(json.dumps(record()).encode(encoding))
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 1
    assert errors(result.stderr) == [
        f"error: {source}: not UTF-8 text: it looks like UTF-16 or UTF-32 without a byte order mark; "
        "save it as UTF-8, or as UTF-16 with a byte order mark"
    ]
    assert not (tmp_path / "out" / "wide.json").exists()


# --- JSON that holds no record --------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "what"),
    [
        ("null", "the JSON is null"),
        ("  3\n", "the JSON is a number (3)"),
        ('"a debate"', "the JSON is a string"),
        ("[1, 2]", "the JSON is a list"),
        ('["a", "b"]', "the JSON is a list"),
        ("[]", "the JSON is an empty list"),
        ("{}", "the JSON is an empty object"),
        ("true", "the JSON is true"),
    ],
)
def test_json_that_holds_no_record_is_a_record_error(
    runner: CliRunner, tmp_path: Path, content: str, what: str
) -> None:
    source = tmp_path / "x.json"
    source.write_text(content)
    for options in ([], ["--from", "native"]):
        result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), *options])
        assert result.exit_code == 1
        assert errors(result.stderr) == [
            f"error: {source}: {what}, not a debate record (an object with its sections)"
        ], result.stderr


@pytest.mark.parametrize("content", ["", "  \n\t\n", "\ufeff"])
def test_an_empty_record_says_it_is_empty(runner: CliRunner, tmp_path: Path, content: str) -> None:
    source = tmp_path / "x.json"
    source.write_text(content, "utf-8")
    for options in ([], ["--from", "native"]):
        result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), *options])
        assert result.exit_code == 1
        assert errors(result.stderr) == [f"error: {source}: the file is empty"], result.stderr


def test_text_that_starts_like_json_is_still_text(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "x.txt"
    source.write_text("3 February 2022\n\nnull and void, said nobody.\n")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no speaker lines found" in errors(result.stderr)[0]


def test_a_folder_walk_skips_json_that_holds_no_record(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "null.json").write_text("null")
    (folder / "debate.json").write_text(json.dumps(record()))
    result = runner.invoke(main, ["convert", str(folder), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "debate.json").exists() and not (tmp_path / "out" / "null.json").exists()


# --- style files that are not there ---------------------------------------------------------


@pytest.mark.parametrize("command", [["styles", "show", "{}"], ["convert", "SEED", "--style", "{}"]])
def test_a_missing_style_file_is_named_with_the_profiles(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "missing.toml"
    args = [str(missing) if a == "{}" else str(SEED_RECORD) if a == "SEED" else a for a in command]
    result = runner.invoke(main, [*args, "-o", str(tmp_path)] if command[0] == "convert" else args)
    assert result.exit_code == 2
    assert f"style file {missing} not found (no such file)" in result.output
    assert "the style profiles are dyslexia, high-contrast, large-print, standard" in result.output
    result = runner.invoke(main, ["styles", "show", "missing.toml"])
    assert "style file missing.toml not found" in result.output
    result = runner.invoke(main, ["styles", "show", "larg-print"])
    assert result.exit_code == 2
    assert 'no style profile "larg-print"; the style profiles are dyslexia' in result.output


# --- check on files it cannot read ----------------------------------------------------------


def _check_as_another_user(path: Path, *options: str) -> subprocess.CompletedProcess[str] | None:
    """``debate-export check PATH`` run by a user who may not read PATH: this one, or, for
    root (who may read anything), the unprivileged "nobody" through setpriv; None if neither."""
    command = [sys.executable, "-m", "exporter", "check", str(path), *options]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            return None
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=path.parent)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_check_on_a_file_it_may_not_read_is_one_line_and_a_json_entry() -> None:
    folder = Path(tempfile.mkdtemp())  # in the system's temporary folder: another user can reach it
    try:
        _check_unreadable(folder)
    finally:
        shutil.rmtree(folder)


def _check_unreadable(folder: Path) -> None:
    folder.chmod(0o755)
    unreadable = folder / "secret.docx"
    unreadable.write_bytes(b"PK\x03\x04")
    unreadable.chmod(0)
    result = _check_as_another_user(unreadable, "--json")
    if result is None:
        pytest.skip("running as root without setpriv: every file is readable")
    assert result.returncode == 1, result.stderr
    assert errors(result.stderr) == [f"error: {unreadable}: cannot read: Permission denied"]
    assert json.loads(result.stdout) == [
        {
            "file": str(unreadable),
            "counts": {"info": 0, "tip": 0, "warning": 0, "error": 0},
            "findings": [],
            "error": f"{unreadable}: cannot read: Permission denied",
        }
    ]


def test_check_json_lists_damaged_files_with_their_error(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "briefings"
    assert runner.invoke(main, ["convert", str(SEED_RECORD), "-o", str(out), "-f", "docx,pdf"]).exit_code == 0
    pdf = (out / f"{SEED_RECORD.stem}.pdf").read_bytes()
    word = (out / f"{SEED_RECORD.stem}.docx").read_bytes()
    (out / "cut.docx").write_bytes(word[: len(word) // 3])
    (out / "cut.pdf").write_bytes(pdf[: len(pdf) // 2] + b"\n%%EOF\n")
    for options in ([], ["--json"]):
        result = runner.invoke(main, ["check", str(out), *options])
        assert result.exit_code == 1
        lines = errors(result.stderr)
        assert sorted(line.split(": ")[1] for line in lines) == [str(out / "cut.docx"), str(out / "cut.pdf")]
        assert all(" at 0x" not in line and "BytesIO" not in line for line in lines), lines
    entries = {Path(entry["file"]).name: entry for entry in json.loads(result.stdout)}
    assert sorted(entries) == ["cut.docx", "cut.pdf", f"{SEED_RECORD.stem}.docx", f"{SEED_RECORD.stem}.pdf"]
    assert "error" not in entries[f"{SEED_RECORD.stem}.pdf"]
    assert entries["cut.pdf"]["findings"] == [] and "not a readable PDF" in entries["cut.pdf"]["error"]
    assert "the zip archive is damaged or cut short" in entries["cut.docx"]["error"]
    assert f"error: {entries['cut.docx']['error']}" in lines
