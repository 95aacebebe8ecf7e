"""A batch in worker processes: failures that stay alone, the same bytes every run, reports CI reads."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree

from cli_runs import copies, tree
from conftest import DATA, SEED_RECORD, SEED_TEXT
from exporter.batch import pool, report
from exporter.cli import main

JUNIT_SCHEMA = DATA / "junit" / "junit-10.xsd"


def convert(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(main, ["convert", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def junit_cases(path: Path) -> list[etree._Element]:
    document = etree.parse(str(path))
    etree.XMLSchema(etree.parse(str(JUNIT_SCHEMA))).assertValid(document)
    return document.findall(".//testcase")


def valid_report(path: Path) -> dict:
    data = json.loads(path.read_text("utf-8"))
    jsonschema.validate(data, report.schema())
    return data


def a_batch_with_one_broken_record(folder: Path) -> Path:
    copies(folder, 3)
    broken = folder / "debate-02.yaml"
    broken.write_text(SEED_RECORD.read_text().replace("speaker: kim-leadbeater", "speaker: nobody", 1))
    return broken


def test_one_broken_record_fails_alone_and_both_reports_name_it(tmp_path: Path, runner: CliRunner) -> None:
    broken = a_batch_with_one_broken_record(tmp_path / "records")
    status, _out, err = convert(
        runner, tmp_path / "records", "-o", tmp_path / "out", "-j", "2",
        "--report", tmp_path / "report.json", "--junit", tmp_path / "junit.xml",
    )  # fmt: skip
    assert status == 1
    assert tree(tmp_path / "out") == [f"debate-{n}.{ext}" for n in ("01", "03") for ext in ("docx", "pdf")]
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert errors and all(str(broken) in line for line in errors) and "nobody" in errors[0]
    assert "2 converted, 1 failed in" in err
    data = valid_report(tmp_path / "report.json")
    assert data["status"] == "failed" and data["exit_status"] == 1
    assert data["counts"] == {
        "inputs": 3, "converted": 2, "checked": 0, "failed": 1, "skipped": 0, "unchanged": 0, "interrupted": 0,
    }  # fmt: skip
    [failed] = [entry for entry in data["inputs"] if entry["status"] == "failed"]
    assert failed["input"] == str(broken) and failed["failure"]["kind"] == "input" and failed["outputs"] == []
    assert [Path(e["input"]).name for e in data["inputs"]] == [
        "debate-01.yaml",
        "debate-02.yaml",
        "debate-03.yaml",
    ]
    converted = data["inputs"][0]
    assert [o["format"] for o in converted["outputs"]] == ["docx", "pdf"]
    assert converted["outputs"][0]["path"] == str(tmp_path / "out" / "debate-01.docx")
    for output in converted["outputs"]:
        data = Path(output["path"]).read_bytes()
        assert output["bytes"] == len(data) and output["sha256"] == hashlib.sha256(data).hexdigest()
    cases = junit_cases(tmp_path / "junit.xml")
    assert len(cases) == 6  # a test case per input and format
    failures = [case for case in cases if case.find("failure") is not None]
    assert {case.get("classname") for case in failures} == {str(broken)}
    assert {case.get("name") for case in failures} == {"docx", "pdf"}
    assert "nobody" in failures[0].find("failure").get("message")


def test_two_clean_runs_give_byte_identical_briefings_whatever_the_jobs(
    tmp_path: Path, runner: CliRunner
) -> None:
    inputs = [SEED_RECORD, SEED_TEXT, DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml"]
    for run, jobs in (("a", "2"), ("b", "2"), ("c", "1")):
        status, _out, err = convert(runner, *inputs, "-o", tmp_path / run, "-f", "docx,pdf,json", "-j", jobs)
        assert status == 0, err
    names = tree(tmp_path / "a")
    assert len(names) == 9 and names == tree(tmp_path / "b") == tree(tmp_path / "c")
    for name in names:
        data = (tmp_path / "a" / name).read_bytes()
        assert data == (tmp_path / "b" / name).read_bytes() == (tmp_path / "c" / name).read_bytes(), name


def test_reports_are_the_same_run_after_run_apart_from_times(tmp_path: Path, runner: CliRunner) -> None:
    a_batch_with_one_broken_record(tmp_path / "records")
    reports = []
    for run in ("a", "b"):
        convert(
            runner,
            tmp_path / "records",
            "-o",
            tmp_path / "out",
            "-f",
            "json",
            "--force",  # the second run converts too (not: skipped unchanged)
            "--report",
            tmp_path / f"{run}.json",
        )
        data = valid_report(tmp_path / f"{run}.json")
        data["seconds"] = 0
        for entry in data["inputs"]:
            entry["seconds"] = 0
        reports.append(data)
    assert reports[0] == reports[1]


def test_fail_on_runs_the_audit_and_decides_the_exit_status(tmp_path: Path, runner: CliRunner) -> None:
    day = DATA / "parlamint" / "gb_ParlaMint-GB_2022-07-21-commons_trimmed.xml"
    for policy, expected in (("error", 0), ("never", 0)):
        status, _out, err = convert(
            runner,
            SEED_TEXT,
            "-o",
            tmp_path / policy,
            "--fail-on",
            policy,
            "--report",
            tmp_path / f"{policy}.json",
        )
        assert status == expected, err
        data = valid_report(tmp_path / f"{policy}.json")
        audited = data["inputs"][0]["audit"]
        assert [Path(a["path"]).suffix for a in audited] == [".docx", ".pdf"]
        assert all(a["counts"]["error"] == 0 for a in audited)
    # the ParlaMint sample converts with a warning (its SAMPLING gaps): --fail-on warning fails it, files written
    status, _out, err = convert(
        runner,
        day,
        "-o",
        tmp_path / "warning",
        "-f",
        "docx",
        "--fail-on",
        "warning",
        "--junit",
        tmp_path / "w.xml",
    )
    assert status == 1, err
    assert "with --fail-on warning" in err
    assert tree(tmp_path / "warning") == [f"{day.stem}.docx"]
    [case] = junit_cases(tmp_path / "w.xml")
    assert case.find("failure").get("type") == "warning"
    status, _out, err = convert(runner, SEED_TEXT, "-o", tmp_path / "alias", "--check")
    assert status == 0, err


def test_an_audit_error_fails_the_input_and_the_junit_case_of_its_format(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A style that passes our typography rules but that the Word audit rejects would be the
    real case; here the audit is made to find an error in Word files only (one input is
    converted in this process, not in a worker, so the patch holds)."""
    from exporter import pipeline
    from exporter.diagnostics import Diagnostic, Severity

    real = pipeline.audit

    def strict_audit(data: bytes, source: str) -> list[Diagnostic]:
        found = real(data, source)
        if source.endswith(".docx"):
            found.append(Diagnostic("MS-TEST-001", Severity.ERROR, "injected", source, "word/document.xml"))
        return found

    monkeypatch.setattr("exporter.pipeline.audit", strict_audit)  # audit_files calls it
    status, _out, err = convert(
        runner, SEED_TEXT, "-o", tmp_path / "out", "--fail-on", "error",
        "--junit", tmp_path / "j.xml", "--report", tmp_path / "r.json",
    )  # fmt: skip
    assert status == 1
    assert "its briefing fails 1 accessibility check(s)" in err and "MS-TEST-001" in err
    assert tree(tmp_path / "out") == [
        f"{SEED_TEXT.stem}.docx",
        f"{SEED_TEXT.stem}.pdf",
    ]  # written, and judged
    cases = {case.get("name"): case for case in junit_cases(tmp_path / "j.xml")}
    assert cases["docx"].find("failure").get("type") == "audit" and cases["pdf"].find("failure") is None
    assert valid_report(tmp_path / "r.json")["inputs"][0]["failure"]["kind"] == "audit"


def test_check_takes_folders_and_the_same_report_options(tmp_path: Path, runner: CliRunner) -> None:
    status, _out, err = convert(runner, SEED_RECORD, SEED_TEXT, "-o", tmp_path / "out" / "nested")
    assert status == 0, err
    (tmp_path / "out" / "notes.txt").write_text("not a briefing")
    (tmp_path / "out" / "fake.pdf").write_text("not a PDF")
    result = runner.invoke(
        main,
        ["check", str(tmp_path / "out"), "--exclude", "fake.pdf", "-j", "2",
         "--report", str(tmp_path / "check.json"), "--junit", str(tmp_path / "check.xml")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = valid_report(tmp_path / "check.json")
    assert data["command"] == "check" and data["counts"]["checked"] == 4
    assert {Path(e["input"]).suffix for e in data["inputs"]} == {".docx", ".pdf"}
    assert all(e["audit"][0]["counts"]["error"] == 0 for e in data["inputs"])
    cases = junit_cases(tmp_path / "check.xml")
    assert len(cases) == 4 and all(case.get("name") == "accessibility" for case in cases)
    assert "4 checked, 0 failed" in result.stderr
    named = runner.invoke(main, ["check", str(tmp_path / "out" / "fake.pdf")])
    assert named.exit_code == 1 and "not a .docx, PDF or HTML file" in named.stderr
    walked = runner.invoke(main, ["check", str(tmp_path / "out"), "--include", "*.pdf"])
    assert walked.exit_code == 0 and "1 skipped" in walked.stderr  # fake.pdf: found by walking, skipped
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = runner.invoke(main, ["check", str(empty)])
    assert nothing.exit_code == 1 and "no .docx, PDF or HTML files found in" in nothing.stderr


def _crash_on(item: int) -> int:
    if item == 2:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    return item * 10


def test_a_worker_that_dies_fails_only_its_own_task() -> None:
    workers = pool.open_pool(2, 5)
    try:
        results = {}
        for index, future in pool.unordered(workers, _crash_on, [0, 1, 2, 3, 4]):
            try:
                results[index] = future.result()
            except pool.ProcessExpired as error:
                results[index] = error.exitcode
    finally:
        workers.close()
    assert results == {0: 0, 1: 10, 2: -signal.SIGKILL, 3: 30, 4: 40}


def test_one_input_runs_in_this_process_and_many_in_workers() -> None:
    assert isinstance(pool.open_pool(4, 1), pool.InlinePool)
    many = pool.open_pool(4, 3)
    try:
        assert (
            isinstance(many, pool.WorkerPool) and many.window == 6
        )  # three workers, two tasks each in flight
        pids = {future.result() for _index, future in pool.unordered(many, _pid, list(range(6)))}
    finally:
        many.close()
    assert os.getpid() not in pids


def _pid(_item: int) -> int:
    return os.getpid()


def test_the_report_schema_is_printed(runner: CliRunner) -> None:
    result = runner.invoke(main, ["schema", "report"])
    assert result.exit_code == 0
    assert json.loads(result.output)["$id"].endswith("batch-report/1.json")
