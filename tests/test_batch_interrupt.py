"""Ctrl-C and SIGTERM: exit 130/143, a line saying what finished, whole sets, nothing left behind."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

import cli_runs
from cli_runs import copies, tree


def processes_marked(mark: str) -> list[int]:
    """Processes (workers, fork server) whose environment carries ``mark`` (Linux; none
    where there is no /proc to look in)."""
    found: list[int] = []
    if not Path("/proc/self/environ").exists():
        return found
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if mark.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def start(tmp_path: Path, count: int, mark: str) -> subprocess.Popen[bytes]:
    copies(tmp_path / "records", count)
    return subprocess.Popen(
        [*cli_runs.COMMAND, "convert", str(tmp_path / "records"), "-o", str(tmp_path / "out"), "-j", "2",
         "--report", str(tmp_path / "report.json"), "--junit", str(tmp_path / "junit.xml")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=cli_runs.environment(CI="true", RUN_MARK=mark), start_new_session=True,
    )  # fmt: skip


def assert_whole_sets_and_nothing_left(tmp_path: Path, mark: str) -> list[str]:
    names = tree(tmp_path / "out") if (tmp_path / "out").exists() else []
    assert not [n for n in names if Path(n).name.startswith(".")], names  # no .part, no kept .old
    stems = {Path(n).stem for n in names}
    assert names == sorted(f"{stem}.{ext}" for stem in stems for ext in ("docx", "pdf")), names  # whole sets
    deadline = time.monotonic() + 10
    while processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_marked(mark) == [], "a worker outlived the run"
    return sorted(stems)


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_an_interrupted_batch_exits_128_plus_the_signal_and_says_what_finished(
    tmp_path: Path, how: int
) -> None:
    mark = uuid.uuid4().hex
    process = start(tmp_path, 24, mark)
    assert process.stdout is not None
    first = process.stdout.readline()  # one input finished: interrupt now
    assert first.startswith(b"[1/24] ")
    if how == signal.SIGINT:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    else:
        process.send_signal(signal.SIGTERM)  # a CI runner's timeout reaches the main process
    rest, err = process.communicate(timeout=120)
    assert process.returncode == 128 + how, err
    last = err.decode().splitlines()[-1]
    finished = assert_whole_sets_and_nothing_left(tmp_path, mark)
    name = signal.Signals(how).name
    expected = f"interrupted by {name}: {len(finished)} of 24 inputs finished ({len(finished)} converted, 0 failed); "
    assert last == f"{expected}{24 - len(finished)} not converted; no partial files left"
    assert 1 <= len(finished) < 24
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["status"] == "interrupted" and report["interrupted_by"] == name
    assert report["exit_status"] == 128 + how
    assert report["counts"]["interrupted"] == 24 - len(finished)
    assert (tmp_path / "junit.xml").read_text().count("the run was interrupted") == 2 * (24 - len(finished))


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8, 1.6, 2.9])
def test_an_interruption_at_any_moment_leaves_whole_sets_and_no_temporary_file(
    tmp_path: Path, delay: float
) -> None:
    """From the moment the workers start (before it, Python is still importing): at once,
    while the fork server imports, while workers convert, while sets are written."""
    mark = uuid.uuid4().hex
    process = start(tmp_path, 10, mark)
    deadline = time.monotonic() + (60 if Path("/proc/self/environ").exists() else 0)
    while len(processes_marked(mark)) < 2 and time.monotonic() < deadline:  # the fork server is starting
        time.sleep(0.005)
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    report = tmp_path / "report.json"
    finished = report.exists() and json.loads(report.read_text())["counts"].get("converted") == 10
    # 0: it finished before the signal came; 130: the run was interrupted and said so;
    # -SIGINT: it came after every set and report was written (the signal then ends the
    # process by its default action, which a shell reports as 130)
    assert process.returncode in (130, 0) or (process.returncode == -signal.SIGINT and finished), err
    assert b"Aborted" not in err
    assert b"Traceback" not in err
    assert_whole_sets_and_nothing_left(tmp_path, mark)


@pytest.mark.parametrize("attempt", range(3))
def test_a_ctrl_c_after_the_run_has_finished_and_said_so_does_not_turn_it_into_a_failure(
    tmp_path: Path, attempt: int
) -> None:
    """The last moments of a finished run (the guard left, click and Python on their way out)
    are where a Ctrl-C used to become click's "Aborted!" and exit 1. Now the signal ends the
    process by its default action (a shell reports 130), or comes too late to matter (0)."""
    mark = uuid.uuid4().hex
    copies(tmp_path / "records", 2)
    process = subprocess.Popen(
        [*cli_runs.COMMAND, "convert", str(tmp_path / "records"), "-o", str(tmp_path / "out"), "-j", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=cli_runs.environment(CI="true", RUN_MARK=mark), start_new_session=True,
    )  # fmt: skip
    assert process.stderr is not None
    said = b""
    for line in process.stderr:
        said += line
        if re.match(rb"^2 converted, 0 failed in [0-9.]+ s$", line):
            os.killpg(process.pid, signal.SIGINT)  # at once, as the run leaves
            break
    else:
        pytest.fail(f"the run never said it had finished: {said!r}")
    said += process.stderr.read()
    process.wait(timeout=60)
    assert process.returncode in (0, -signal.SIGINT), said
    assert b"Aborted" not in said and b"Traceback" not in said, said
    assert_whole_sets_and_nothing_left(tmp_path, mark)
