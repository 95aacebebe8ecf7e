"""One input to several formats with -j 2: its writers side by side in processes forked after
compose, the same bytes and reports as one after another, a whole set or nothing.

Each run is the command line in its own process, with every writer wrapped (by a
``sitecustomize`` module, so in the batch pool's workers too) to log the process it ran in,
and, when ``WRITER_FAULT`` says so, to fail in it: raise, be killed, or hang until interrupted.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

import cli_runs
from cli_runs import tree
from conftest import SEED_RECORD, SEED_TEXT
from test_batch_interrupt import processes_marked

WATCHED = """
import os, time
from exporter.formats import output_format

def watched(name, write):
    def wrapper(document, options, reporter):
        with open(os.environ["WRITERS_LOG"], "a", encoding="utf-8") as log:
            log.write(f"{name}\\t{os.getpid()}\\t{reporter.source}\\n")
        fault = os.environ.get("WRITER_FAULT")
        if fault == f"{name}:raise":
            raise ValueError(f"injected in process {os.getpid()}")
        if fault == f"{name}:killed":
            os.kill(os.getpid(), 9)
        if fault == f"{name}:hang":
            time.sleep(120)
        return write(document, options, reporter)
    return wrapper

for name in ("docx", "pdf", "html", "json"):
    module = output_format(name).load()
    module.write = watched(name, module.write)

import exporter.checks
check = exporter.checks.check

def audit(data, source):
    with open(os.environ["WRITERS_LOG"], "a", encoding="utf-8") as log:
        log.write(f"audit {exporter.checks.kind_of(data)}\\t{os.getpid()}\\t{source}\\n")
    return check(data, source)

exporter.checks.check = audit
"""


def start(
    tmp_path: Path, *args: str | Path, fault: str | None = None, mark: str = ""
) -> subprocess.Popen[bytes]:
    hooks = tmp_path / "hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "sitecustomize.py").write_text(WATCHED, "utf-8")
    paths = os.pathsep.join(filter(None, [str(hooks), os.environ.get("PYTHONPATH")]))
    env = cli_runs.environment(
        WRITERS_LOG=str(tmp_path / "writers.log"), WRITER_FAULT=fault, RUN_MARK=mark, PYTHONPATH=paths
    )
    return subprocess.Popen(
        [*cli_runs.COMMAND, "convert", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )


def finish(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    _out, err = process.communicate(timeout=300)
    return process.returncode, err.decode()


def writers_log(tmp_path: Path) -> list[tuple[str, int, str]]:
    """(format, process id, input) of each writer that ran, and empties the log."""
    log = tmp_path / "writers.log"
    lines = log.read_text("utf-8").splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return [(name, int(pid), source) for name, pid, source in (line.split("\t") for line in lines)]


def report_without_times(path: Path) -> dict:
    data = json.loads(path.read_text("utf-8"))
    data["seconds"] = 0
    for entry in data["inputs"]:
        entry["seconds"] = 0
    return data


def test_the_writers_side_by_side_give_the_same_bytes_audit_and_report(tmp_path: Path) -> None:
    made = {}
    for jobs in ("1", "2"):
        out = tmp_path / "out"  # the same paths in both reports
        process = start(
            tmp_path, SEED_RECORD, "-o", out, "-f", "docx,pdf,html,json", "-j", jobs,
            "--check", "--report", tmp_path / f"report-{jobs}.json",
        )  # fmt: skip
        status, err = finish(process)
        assert status == 0, err
        ran = writers_log(tmp_path)
        assert sorted(name for name, _pid, _source in ran) == [
            "audit docx", "audit html", "audit pdf", "docx", "html", "json", "pdf",
        ]  # fmt: skip
        pids = {name: pid for name, pid, _source in ran}
        if jobs == "1":  # one after another, in the process itself
            assert set(pids.values()) == {process.pid}
        else:  # this process writes (and audits) the first group (docx, html), a forked child the other
            assert pids["docx"] == pids["html"] == pids["audit docx"] == pids["audit html"] == process.pid
            assert pids["pdf"] != process.pid and pids["json"] == pids["pdf"]
            assert pids["audit pdf"] not in (process.pid, pids["pdf"])  # the audits' own child
        made[jobs] = {name: (out / name).read_bytes() for name in tree(out)}
        shutil.rmtree(out)
    assert sorted(made["1"]) == [
        "westminster-hall-2022-02-23." + ext for ext in ("docx", "html", "json", "pdf")
    ]
    assert made["1"] == made["2"]
    assert report_without_times(tmp_path / "report-1.json") == report_without_times(
        tmp_path / "report-2.json"
    )


def test_a_batch_of_several_inputs_stays_parallel_by_input_only(tmp_path: Path) -> None:
    status, err = finish(
        start(tmp_path, SEED_RECORD, SEED_TEXT, "-o", tmp_path / "out", "-f", "docx,pdf", "-j", "2")
    )
    assert status == 0, err
    by_input: dict[str, set[int]] = {}
    for name, pid, source in writers_log(tmp_path):
        by_input.setdefault(source, set()).add(pid)
        assert not name.startswith("audit")
    assert len(by_input) == 2 and all(
        len(pids) == 1 for pids in by_input.values()
    )  # each input's writers in one worker


@pytest.mark.parametrize("fault", ["pdf:raise", "pdf:killed"])
def test_a_writer_that_fails_in_its_child_fails_the_whole_set_on_one_line(tmp_path: Path, fault: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stem = SEED_RECORD.stem
    for ext in ("docx", "pdf"):
        (out / f"{stem}.{ext}").write_bytes(b"the old " + ext.encode())
    process = start(tmp_path, SEED_RECORD, "-o", out, "-f", "docx,pdf", "-j", "2", fault=fault)
    status, err = finish(process)
    assert status == 1, err
    assert "Traceback" not in err
    child = next(pid for name, pid, _source in writers_log(tmp_path) if name == "pdf")
    assert child != process.pid
    errors = [line for line in err.splitlines() if str(SEED_RECORD) in line]
    assert len(errors) == 1, err
    if fault == "pdf:raise":
        assert (
            f"the pdf writer cannot write this briefing: ValueError: injected in process {child}" in errors[0]
        )
    else:
        assert (
            "the process running the pdf writer stopped (killed by signal 9, perhaps out of memory); nothing written"
            in errors[0]
        )
    assert tree(out) == [f"{stem}.docx", f"{stem}.pdf"]  # no temporary file; the old set as it was
    assert [(out / f"{stem}.{ext}").read_bytes() for ext in ("docx", "pdf")] == [
        b"the old docx",
        b"the old pdf",
    ]


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_an_interruption_while_the_writers_run_side_by_side_leaves_nothing(tmp_path: Path, how: int) -> None:
    mark = uuid.uuid4().hex
    out = tmp_path / "out"
    process = start(
        tmp_path, SEED_RECORD, "-o", out, "-f", "docx,pdf", "-j", "2", fault="pdf:hang", mark=mark
    )
    deadline = time.monotonic() + 120
    while not any(name == "pdf" for name, *_ in _peek(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.02)
    writing_pdf = [int(pid) for name, pid, _source in _peek(tmp_path) if name == "pdf"]
    assert writing_pdf and process.pid not in writing_pdf  # the pdf writer hangs in its child
    if how == signal.SIGINT:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the child as well: it ignores it
    else:
        process.send_signal(signal.SIGTERM)  # the main process only: it ends the child
    status, err = finish(process)
    assert status == 128 + how, err
    assert "Traceback" not in err
    name = signal.Signals(how).name
    assert err.splitlines()[-1] == (
        f"interrupted by {name}: 0 of 1 inputs finished (0 converted, 0 failed); 1 not converted; no partial files left"
    )
    assert not out.exists() or tree(out) == []
    deadline = time.monotonic() + 10
    while processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_marked(mark) == [], "a writer's process outlived the run"


def _peek(tmp_path: Path) -> list[list[str]]:
    log = tmp_path / "writers.log"
    return [line.split("\t") for line in log.read_text("utf-8").splitlines()] if log.exists() else []
