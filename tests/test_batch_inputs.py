"""What a run converts and where its outputs go: folders, globs, lists, standard input, clashes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli_runs import copies, tree
from conftest import DATA, SEED_RECORD, SEED_TEXT
from exporter.cli import main

NOT_A_RECORD = '{"name": "some-package", "version": "1.0.0"}\n'


def convert(runner: CliRunner, *args: str | Path, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(main, ["convert", *map(str, args)], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def records_tree(root: Path) -> Path:
    """records/{a/x.yaml, a/deep/y.txt, b/x.yaml, drafts/z.yaml, notes.md, package.json, .hidden/h.yaml}"""
    (root / "a" / "deep").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "drafts").mkdir()
    (root / ".hidden").mkdir()
    (root / "a" / "x.yaml").write_bytes(SEED_RECORD.read_bytes())
    (root / "a" / "deep" / "y.txt").write_bytes(SEED_TEXT.read_bytes())
    (root / "b" / "x.yaml").write_bytes(SEED_RECORD.read_bytes())
    (root / "drafts" / "z.yaml").write_bytes(SEED_RECORD.read_bytes())
    (root / ".hidden" / "h.yaml").write_bytes(SEED_RECORD.read_bytes())
    (root / "notes.md").write_text("# Notes\n")
    (root / "package.json").write_text(NOT_A_RECORD)
    return root


def test_a_folder_is_walked_and_its_tree_mirrored_under_the_output_folder(
    tmp_path: Path, runner: CliRunner
) -> None:
    records = records_tree(tmp_path / "records")
    status, _out, err = convert(runner, records, SEED_RECORD, "-o", tmp_path / "out", "-f", "json")
    assert status == 0, err
    assert tree(tmp_path / "out") == [
        "a/deep/y.json",
        "a/x.json",
        "b/x.json",
        "drafts/z.json",
        f"{SEED_RECORD.stem}.json",  # a file named on its own goes to the top
    ]
    assert "5 converted, 0 failed, 1 skipped" in err  # package.json: found by walking, not a record


def test_include_and_exclude_take_gitignore_patterns(tmp_path: Path, runner: CliRunner) -> None:
    records = records_tree(tmp_path / "records")
    status, _out, err = convert(
        runner, records, "-o", tmp_path / "out", "-f", "json", "--exclude", "drafts/", "--exclude", "deep"
    )
    assert status == 0, err
    assert tree(tmp_path / "out") == ["a/x.json", "b/x.json"]
    status, _out, err = convert(runner, records, "-o", tmp_path / "only", "-f", "json", "--include", "*.txt")
    assert status == 0, err
    assert tree(tmp_path / "only") == ["a/deep/y.json"]
    status, _out, err = convert(runner, records, "-o", tmp_path / "b", "-f", "json", "--include", "b/*.yaml")
    assert tree(tmp_path / "b") == ["b/x.json"]


def test_an_unrecognised_file_is_skipped_when_walked_and_an_error_when_named(
    tmp_path: Path, runner: CliRunner
) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "package.json").write_text(NOT_A_RECORD)
    (folder / "LICENSE.txt").write_text("Permission is hereby granted, free of charge, to any person\n")
    (folder / "x.yaml").write_bytes(SEED_RECORD.read_bytes())
    status, out, err = convert(
        runner, folder, "-o", tmp_path / "out", "-f", "json", "--report", tmp_path / "r.json"
    )
    assert status == 0, err
    assert "1 converted, 0 failed, 2 skipped" in err
    assert "skipped" in out and "package.json" in out
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["counts"]["skipped"] == 2
    skipped = {Path(e["input"]).name: e for e in report["inputs"] if e["status"] == "skipped"}
    assert set(skipped) == {"package.json", "LICENSE.txt"}
    assert "cannot tell the format" in skipped["package.json"]["skipped_because"]
    status, _out, err = convert(runner, folder / "package.json", "-o", tmp_path / "out", "-f", "json")
    assert status == 1 and "--from" in err and "package.json" in err


@pytest.mark.parametrize("setup", ["empty", "only-unrecognised", "excluded"])
def test_a_run_that_finds_no_records_fails_and_says_where_it_looked(
    tmp_path: Path, runner: CliRunner, setup: str
) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    extra: list[str] = []
    if setup == "only-unrecognised":
        (folder / "package.json").write_text(NOT_A_RECORD)
    if setup == "excluded":
        (folder / "x.yaml").write_bytes(SEED_RECORD.read_bytes())
        extra = ["--exclude", "*.yaml"]
    report = tmp_path / "report.json"
    status, _out, err = convert(runner, folder, "-o", tmp_path / "out", "--report", report, *extra)
    assert status == 1
    assert f"no debate records found in {folder}" in err
    assert json.loads(report.read_text())["status"] == "failed"
    assert not (tmp_path / "out").exists()


def test_lists_of_paths_from_a_file_and_from_standard_input(tmp_path: Path, runner: CliRunner) -> None:
    records = records_tree(tmp_path / "records")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{records / 'a' / 'x.yaml'}\n\n{records / 'a' / 'deep'}\r\n")
    status, _out, err = convert(runner, f"@{listing}", "-o", tmp_path / "from-file", "-f", "json")
    assert status == 0, err
    assert tree(tmp_path / "from-file") == [
        "x.json",
        "y.json",
    ]  # a listed folder is walked, its tree mirrored
    paths = f"{records / 'b' / 'x.yaml'}\n".encode()
    status, _out, err = convert(runner, "@-", "-o", tmp_path / "from-stdin", "-f", "json", stdin=paths)
    assert status == 0, err
    assert tree(tmp_path / "from-stdin") == ["x.json"]
    status, _out, err = convert(runner, f"@{tmp_path / 'missing.txt'}", "-o", tmp_path / "x")
    assert status == 2 and "cannot read the list" in err


def test_a_record_on_standard_input_is_named_from_its_title_or_name(
    tmp_path: Path, runner: CliRunner
) -> None:
    data = SEED_RECORD.read_bytes()
    status, out, err = convert(runner, "-", "-o", tmp_path, "-f", "json", stdin=data)
    assert status == 0, err
    assert tree(tmp_path) == ["child-sexual-exploitation-by-organised-networks-23-february-2022.json"]
    assert "<stdin>" in out
    status, _out, err = convert(
        runner, "-", "-o", tmp_path / "named", "-f", "json,docx", "--name", "hall", stdin=data
    )
    assert status == 0, err
    assert tree(tmp_path / "named") == ["hall.docx", "hall.json"]
    status, _out, err = convert(runner, "-", "-o", tmp_path / "bad", stdin=b"{ not json")
    assert status == 1 and err.startswith("error: <stdin>: line 1")
    assert convert(runner, SEED_RECORD, "--name", "x", "-o", tmp_path)[0] == 2  # --name is for -
    assert convert(runner, "-", "@-", "-o", tmp_path, stdin=data)[0] == 2  # standard input once


LONG_TITLE = (
    "format: debate-exporter/1\ntitle: Written Ministerial Statements on the Financial Services "
    "Compensation Scheme and the Banking Act\ndate: {date}\nhouse: House of Commons\nsections:\n"
    "  - title: Statement\n    items: [{{type: procedural, paragraphs: [Laid before the House.]}}]\n"
)


def test_records_of_two_sittings_on_standard_input_keep_their_whole_dates_in_their_names(
    tmp_path: Path, runner: CliRunner
) -> None:
    # Found by a newcomer's trial: a 50-character cut dropped the month and year, and the
    # November record silently replaced the October one.
    for date in ("2009-10-28", "2009-11-28"):
        stdin = LONG_TITLE.format(date=date).encode()
        status, _out, err = convert(runner, "-", "-o", tmp_path, "-f", "json", stdin=stdin)
        assert status == 0, err
    stem = "written-ministerial-statements-on-the-financial"  # whole words, at most 50 characters
    assert tree(tmp_path) == [f"{stem}-28-november-2009.json", f"{stem}-28-october-2009.json"]
    october = json.loads((tmp_path / f"{stem}-28-october-2009.json").read_text())
    assert october["date"] == "2009-10-28"


def test_an_untitled_sitting_on_standard_input_is_named_by_its_house_place_and_whole_date(
    tmp_path: Path, runner: CliRunner
) -> None:
    day = (DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml").read_bytes()
    later = day.replace(b"2009-10-28", b"2009-11-28")
    for data in (day, later):
        status, _out, err = convert(runner, "-", "-o", tmp_path, "-f", "json", stdin=data)
        assert status == 0, err
    assert tree(tmp_path) == [
        "house-of-commons-westminster-hall-28-november-2009.json",
        "house-of-commons-westminster-hall-28-october-2009.json",
    ]


def test_standard_input_never_replaces_an_output_the_manifest_says_another_input_made(
    tmp_path: Path, runner: CliRunner
) -> None:
    records = tmp_path / "records"
    records.mkdir()
    (records / "statements.yaml").write_text(LONG_TITLE.format(date="2009-10-28"), encoding="utf-8")
    out = tmp_path / "out"
    status, _out, err = convert(runner, records, "-o", out, "-f", "json")  # a folder: a manifest is kept
    assert status == 0, err
    before = (out / "statements.json").read_bytes()
    other = LONG_TITLE.format(date="2009-11-28").encode()
    status, _out, err = convert(runner, "-", "--name", "statements", "-o", out, "-f", "json", stdin=other)
    assert status == 1
    assert err.startswith(
        f"error: <stdin>: its output {out / 'statements.json'} would overwrite the one made from "
        f"{records / 'statements.yaml'}; nothing written"
    )
    assert (out / "statements.json").read_bytes() == before
    status, _out, err = convert(runner, "-", "-o", out, "-f", "json", stdin=other)  # its own name: written
    assert status == 0, err
    assert (out / "statements.json").read_bytes() == before


def test_two_inputs_that_would_write_one_file_are_refused_before_anything_is_written(
    tmp_path: Path, runner: CliRunner
) -> None:
    records = records_tree(tmp_path / "records")
    out = tmp_path / "out"
    status, _out, err = convert(runner, records / "a" / "x.yaml", records / "b" / "x.yaml", "-o", out)
    assert status == 2
    assert "would both write" in err and str(records / "a" / "x.yaml") in err
    assert not out.exists()
    upper = tmp_path / "upper"
    upper.mkdir()
    (upper / "X.yaml").write_bytes(SEED_RECORD.read_bytes())
    status, _out, err = convert(runner, records / "a", upper, "-o", out, "-f", "json")
    assert status == 2 and "ignore case" in err  # x.json and X.json: one file on Windows and macOS
    assert not out.exists()


def test_an_output_never_overwrites_an_input(tmp_path: Path, runner: CliRunner) -> None:
    record = tmp_path / "debate.json"
    status, _out, _err = convert(runner, SEED_RECORD, "-o", tmp_path / "first", "-f", "json")
    record.write_bytes((tmp_path / "first" / f"{SEED_RECORD.stem}.json").read_bytes())
    before = record.read_bytes()
    status, _out, err = convert(runner, record, "-o", tmp_path, "-f", "json")
    assert status == 2 and "would overwrite the input" in err
    assert record.read_bytes() == before


def test_an_output_folder_inside_the_input_folder_is_not_walked(tmp_path: Path, runner: CliRunner) -> None:
    records = tmp_path / "records"
    copies(records, 2)
    for _ in range(2):  # the second run must not convert the first run's JSON
        status, _out, err = convert(runner, records, "-o", records / "out", "-f", "json")
        assert status == 0, err
    assert tree(records / "out") == ["debate-01.json", "debate-02.json"]


def test_a_missing_input_fails_alone(tmp_path: Path, runner: CliRunner) -> None:
    status, _out, err = convert(
        runner, tmp_path / "nope.xml", SEED_RECORD, "-o", tmp_path / "out", "-f", "json"
    )
    assert status == 1 and "nope.xml: no such file or folder" in err
    assert tree(tmp_path / "out") == [f"{SEED_RECORD.stem}.json"]


def test_an_output_folder_that_is_a_dangling_link_is_named_clearly(tmp_path: Path, runner: CliRunner) -> None:
    link = tmp_path / "briefings"
    link.symlink_to(tmp_path / "gone")
    status, _out, err = convert(runner, SEED_RECORD, "-o", link, "-f", "json")
    assert status == 2
    assert "symbolic link" in err and "does not exist" in err and "File exists" not in err
    assert not os.path.exists(tmp_path / "gone")


def test_a_parlparse_excerpt_in_a_listed_folder_converts_like_a_loose_file(
    tmp_path: Path, runner: CliRunner
) -> None:
    day = DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml"
    status, _out, err = convert(runner, day, "-o", tmp_path / "loose", "-f", "json")
    assert status == 0, err
    status, _out, err = convert(
        runner, day.parent, "-o", tmp_path / "walked", "-f", "json", "--include", day.name
    )
    assert status == 0, err
    assert (tmp_path / "loose" / f"{day.stem}.json").read_bytes() == (
        tmp_path / "walked" / f"{day.stem}.json"
    ).read_bytes()
