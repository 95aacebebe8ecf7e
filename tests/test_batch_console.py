"""What a batch prints: never a reason to stop, one line per thing, a bar for people, lines for CI."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
from pathlib import Path

from click.testing import CliRunner

import cli_runs
from cli_runs import copies, tree
from conftest import SEED_RECORD
from exporter.cli import main

REPEATED_WARNINGS = """<publicwhip>
<major-heading id="uk.org.publicwhip/debate/2023-03-28d.809.0" nospeaker="true" colnum="809">Test Debate</major-heading>
<speech id="uk.org.publicwhip/debate/2023-03-28d.809.1" speakername="Jane Doe" colnum="809"><p>A speech.</p></speech>
<foo>one</foo>
<foo>two</foo>
<foo>three</foo>
<foo>four</foo>
<foo>five</foo>
</publicwhip>
"""


def odd_names(folder: Path) -> list[Path]:
    """Records whose names a Windows code page or an ASCII terminal cannot show."""
    folder.mkdir()
    names = ["Senedd ŵ ✓.yaml", os.fsdecode(b"latin1-caf\xe9.yaml"), "plain.yaml"]
    made = []
    for name in names:
        path = folder / name
        path.write_bytes(SEED_RECORD.read_bytes())
        made.append(path)
    return made


def test_a_stdout_that_cannot_encode_a_file_name_does_not_stop_the_batch(tmp_path: Path) -> None:
    odd_names(tmp_path / "records")
    for encoding in ("cp1252", "ascii"):
        out = tmp_path / encoding
        result = cli_runs.run(
            "convert", tmp_path / "records", "-o", out, "-f", "json", "-j", "2",
            env=cli_runs.environment(PYTHONIOENCODING=encoding),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
        assert len(tree(out)) == 3
        stdout = result.stdout.decode(encoding)
        assert "caf\\xe9" in stdout  # an undecodable byte is shown as an escape
        assert "Senedd ? " in stdout or "Senedd ŵ ?" in stdout  # what cannot be encoded is replaced


def test_a_full_or_closed_stdout_does_not_stop_the_batch(tmp_path: Path) -> None:
    copies(tmp_path / "records", 3)
    with open(os.devnull if not os.path.exists("/dev/full") else "/dev/full", "w") as full:
        result = subprocess.run(
            [*cli_runs.COMMAND, "convert", str(tmp_path / "records"), "-o", str(tmp_path / "full"), "-f", "json"],
            stdout=full, stderr=subprocess.PIPE, env=cli_runs.environment(), timeout=300,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert b"Exception ignored" not in result.stderr and b"Traceback" not in result.stderr
    assert len(tree(tmp_path / "full")) == 3
    assert b"3 converted" in result.stderr
    process = subprocess.Popen(
        [*cli_runs.COMMAND, "convert", str(tmp_path / "records"), "-o", str(tmp_path / "pipe"), "-f", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_runs.environment(),
    )  # fmt: skip
    assert process.stdout is not None
    process.stdout.close()  # as `| head -0` would
    _out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert b"Traceback" not in err and len(tree(tmp_path / "pipe")) == 3


def test_a_newline_or_escape_in_a_file_name_cannot_split_a_line_or_drive_the_terminal(
    tmp_path: Path, runner: CliRunner
) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    bad = folder / "bad\nname\x1b[31m\u202egpj.yaml"  # a newline, a colour, a right-to-left override
    bad.write_text("title: [unclosed\n")
    result = runner.invoke(main, ["convert", str(folder), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "bad" in line]
    assert len(errors) == 1 and errors[0].startswith("error: ")
    assert "bad\\nname\\x1b[31m\\u202egpj.yaml" in errors[0]
    assert "\x1b" not in result.output and "\u202e" not in result.output


def run_on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run the command with a pseudo-terminal as its standard output and error; what it showed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*cli_runs.COMMAND, *args], stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process has ended
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=300)
    os.close(leader)
    assert process.returncode == 0, shown
    return shown.decode("utf-8", "replace")


def test_a_terminal_shows_a_progress_bar_and_ci_plain_lines(tmp_path: Path) -> None:
    copies(tmp_path / "records", 3)
    args = ["convert", str(tmp_path / "records"), "-f", "json", "-j", "2"]
    shown = run_on_a_terminal([*args, "-o", str(tmp_path / "tty")], cli_runs.environment(TERM="xterm"))
    assert "Converting" in shown and "3/3" in shown
    assert "[1/3]" not in shown
    assert re.search(r"3 converted, 0 failed in \d+\.\d s", shown)
    logged = run_on_a_terminal(
        [*args, "-o", str(tmp_path / "ci")], cli_runs.environment(CI="true", TERM="xterm")
    )
    assert "Converting" not in logged
    assert all(f"[{n}/3]" in logged for n in (1, 2, 3))


def test_plain_lines_quiet_and_the_summary(tmp_path: Path, runner: CliRunner) -> None:
    copies(tmp_path / "records", 2)
    (tmp_path / "records" / "debate-02.yaml").write_text("title: [unclosed\n")
    result = runner.invoke(
        main, ["convert", str(tmp_path / "records"), "-o", str(tmp_path / "a"), "-f", "json"]
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("[1/2] ") and lines[1].startswith("[2/2] ")
    assert any(line.endswith("debate-01.json (0.0 s)") or "debate-01.json (" in line for line in lines)
    assert result.stderr.splitlines()[-1].startswith("1 converted, 1 failed in ")
    quiet = runner.invoke(
        main, ["convert", str(tmp_path / "records"), "-o", str(tmp_path / "q"), "-f", "json", "-q"]
    )
    assert quiet.exit_code == 1 and quiet.stdout == ""
    assert [line.split(":")[0] for line in quiet.stderr.splitlines()] == [
        "error"
    ]  # the failure, nothing else


def test_warnings_are_grouped_by_kind_and_verbose_lists_them_all(tmp_path: Path, runner: CliRunner) -> None:
    record = tmp_path / "day.xml"
    record.write_text(REPEATED_WARNINGS)
    result = runner.invoke(main, ["convert", str(record), "-o", str(tmp_path / "a"), "-f", "json"])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stderr.splitlines() if "parlparse-unknown-element" in line]
    assert "5 times" in line and "line 4; line 5; line 6; …" in line and "-v lists all" in line
    verbose = runner.invoke(main, ["convert", str(record), "-o", str(tmp_path / "b"), "-f", "json", "-v"])
    listed = [line for line in verbose.stderr.splitlines() if "parlparse-unknown-element" in line]
    assert len(listed) == 5 and all("times" not in line for line in listed)
