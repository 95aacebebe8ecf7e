"""Shards over a CI matrix: a stable share each, none in two, none missed; each its own
manifest and leftovers; their reports merged back into the whole run's."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from cli_runs import copies, tree
from conftest import DATA, SAMPLES, SEED_RECORD
from exporter.batch import report, shards
from exporter.cli import main

JUNIT_SCHEMA = DATA / "junit" / "junit-10.xsd"


def invoke(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(main, list(map(str, args)))
    return result.exit_code, result.stdout, result.stderr


def an_archive(folder: Path) -> Path:
    """Eleven inputs in three folders: the samples, ParlParse excerpts, copies of the seed,
    and a file in a folder that is not a record (skipped, in whichever shard it falls)."""
    for source in SAMPLES.iterdir():
        if source.suffix in (".yaml", ".txt"):
            (folder / "samples").mkdir(parents=True, exist_ok=True)
            shutil.copy(source, folder / "samples" / source.name)
    for source in sorted((DATA / "parlparse").glob("*excerpt.xml"))[:4]:
        (folder / "commons").mkdir(parents=True, exist_ok=True)
        shutil.copy(source, folder / "commons" / source.name)
    copies(folder / "lords" / "2009", 4)
    (folder / "lords" / "notes.json").write_text('{"not": "a record"}')
    return folder


def without_times(value: object) -> object:
    if isinstance(value, dict):
        return {key: without_times(item) for key, item in value.items() if key != "seconds"}
    if isinstance(value, list):
        return [without_times(item) for item in value]
    return value


def junit_without_times(path: Path) -> str:
    document = etree.parse(str(path))
    etree.XMLSchema(etree.parse(str(JUNIT_SCHEMA))).assertValid(document)
    return re.sub(r' time="[0-9.]+"', "", path.read_text("utf-8"))


def test_the_shards_give_exactly_the_whole_run_s_outputs_and_their_merged_reports_its_reports(
    tmp_path: Path, runner: CliRunner
) -> None:
    archive = an_archive(tmp_path / "records")
    whole, parts = tmp_path / "whole", tmp_path / "shards"
    status, _out, err = invoke(
        runner, "convert", archive, "-o", whole / "out", "-f", "docx,json", "--fail-on", "error",
        "--report", whole / "report.json", "--junit", whole / "junit.xml",
    )  # fmt: skip
    assert status == 0, err
    made: list[set[str]] = []
    for index in (1, 2):
        out = parts / "out"  # both shards in the same folder, in turn, as on one machine
        status, _out, err = invoke(
            runner, "convert", archive, "-o", out, "-f", "docx,json", "--fail-on", "error", "--shard", f"{index}/2",
            "--report", parts / f"report-{index}.json", "--junit", parts / f"junit-{index}.xml",
        )  # fmt: skip
        assert status == 0, err
        assert f"shard {index} of 2 (11 inputs in all): " in err
        shard_report = json.loads((parts / f"report-{index}.json").read_text())
        jsonschema.validate(shard_report, report.schema())
        assert shard_report["shard"] == {"index": index, "count": 2, "of_inputs": 11}
        made.append({path for entry in shard_report["inputs"] for path in (o["path"] for o in entry["outputs"])})
    assert made[0] and made[1] and not made[0] & made[1]  # none in both
    assert tree(parts / "out") == tree(whole / "out")  # exactly the whole run's outputs
    for name in tree(whole / "out"):
        assert (parts / "out" / name).read_bytes() == (whole / "out" / name).read_bytes(), name
    assert tree(parts / "out", manifests=True) == sorted(
        [*tree(whole / "out"), ".debate-export-manifest-1-of-2.json", ".debate-export-manifest-2-of-2.json"]
    )  # each shard its own manifest
    status, _out, err = invoke(
        runner, "merge-reports", parts / "report-1.json", parts / "report-2.json", parts / "junit-2.xml",
        parts / "junit-1.xml", "--report", parts / "merged.json", "--junit", parts / "merged.xml",
    )  # fmt: skip
    assert status == 0, err
    assert "merged 2 shards: 10 converted, 0 failed, 1 skipped (passed)" in err
    merged = json.loads((parts / "merged.json").read_text())
    jsonschema.validate(merged, report.schema())
    expected = json.loads((whole / "report.json").read_text().replace(str(whole / "out"), str(parts / "out")))
    assert without_times(merged) == without_times(expected)
    assert junit_without_times(parts / "merged.xml") == junit_without_times(whole / "junit.xml").replace(
        str(whole / "out"), str(parts / "out")
    )


def test_a_shard_is_chosen_by_the_path_inside_the_folder_the_same_on_every_checkout(
    tmp_path: Path, runner: CliRunner
) -> None:
    # fixed numbers: a change to how shards are chosen would split an archive differently
    # between the jobs of one CI run using two versions (and is a change to announce)
    assert [shards.owner(path, 4) for path in ("a.xml", "lords/2009/day.xml", "ŵ/é.yaml", "x" * 300)] == [2, 3, 3, 4]
    assert shards.owner("caf\u00e9.xml", 7) == shards.owner("cafe\u0301.xml", 7)  # NFC: macOS and Linux agree
    shares = []
    for checkout in ("one", "two/deeper"):  # another place, another spelling of the folder
        archive = an_archive(tmp_path / checkout / "records")
        status, _out, _err = invoke(
            runner, "convert", archive, "-o", tmp_path / checkout / "out", "-f", "json", "--shard", "2/3",
            "--report", tmp_path / checkout / "report.json",
        )  # fmt: skip
        assert status == 0
        data = json.loads((tmp_path / checkout / "report.json").read_text())
        shares.append([(entry["index"], Path(entry["input"]).relative_to(archive).as_posix()) for entry in data["inputs"]])
    assert shares[0] == shares[1] and shares[0]


@given(
    st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30), max_size=40, unique=True),
    st.integers(min_value=1, max_value=12),
)
def test_shards_cover_every_input_once(paths: list[str], count: int) -> None:
    owners = [shards.owner(path, count) for path in paths]
    assert all(1 <= owner <= count for owner in owners)
    taken = [[path for path in paths if shards.owner(path, count) == index] for index in range(1, count + 1)]
    assert sorted(path for share in taken for path in share) == sorted(paths)


@pytest.mark.parametrize("given_as", ["0/2", "3/2", "2", "a/b", "1/0", "-1/2"])
def test_a_shard_that_is_not_k_of_n_is_a_usage_error(runner: CliRunner, given_as: str) -> None:
    status, _out, err = invoke(runner, "convert", SEED_RECORD, "--shard", given_as)
    assert status == 2 and "--shard" in err


def test_standard_input_cannot_be_sharded(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["convert", "-", "-o", str(tmp_path), "--shard", "1/2"], input=SEED_RECORD.read_bytes())
    assert result.exit_code == 2 and "standard input (-) cannot be sharded" in result.stderr


def test_a_shard_with_nothing_in_its_share_passes_and_an_empty_archive_fails_every_shard(
    tmp_path: Path, runner: CliRunner
) -> None:
    copies(tmp_path / "records", 1)
    owner = shards.owner("debate-01.yaml", 2)
    status, _out, err = invoke(runner, "convert", tmp_path / "records", "-o", tmp_path / "out", "--shard", f"{3 - owner}/2")
    assert status == 0 and "(1 inputs in all): 0 converted, 0 failed" in err
    (tmp_path / "empty").mkdir()
    for index in (1, 2):
        status, _out, err = invoke(runner, "convert", tmp_path / "empty", "-o", tmp_path / "out", "--shard", f"{index}/2")
        assert status == 1 and "no debate records found in" in err


def test_prune_on_a_shard_touches_only_its_own_share(tmp_path: Path, runner: CliRunner) -> None:
    copies(tmp_path / "records", 6)
    out = tmp_path / "out"
    for index in (1, 2):
        assert invoke(runner, "convert", tmp_path / "records", "-o", out, "-f", "json", "--shard", f"{index}/2")[0] == 0
    by_shard = {index: [n for n in tree(out) if shards.owner(n.replace(".json", ".yaml"), 2) == index] for index in (1, 2)}
    assert by_shard[1] and by_shard[2]
    for name in (*by_shard[1][:1], *by_shard[2][:1]):  # one input of each shard is deleted
        (tmp_path / "records" / name.replace(".json", ".yaml")).unlink()
    status, _out, err = invoke(runner, "convert", tmp_path / "records", "-o", out, "-f", "json", "--shard", "1/2", "--prune")
    assert status == 0 and "1 leftover output removed" in err
    assert not (out / by_shard[1][0]).exists() and (out / by_shard[2][0]).exists()  # the other shard's, untouched
    status, _out, err = invoke(runner, "convert", tmp_path / "records", "-o", out, "-f", "json", "--shard", "2/2", "--prune")
    assert status == 0 and "1 leftover output removed" in err
    assert len(tree(out)) == 4


def test_check_takes_a_shard_too(tmp_path: Path, runner: CliRunner) -> None:
    copies(tmp_path / "records", 4)
    assert invoke(runner, "convert", tmp_path / "records", "-o", tmp_path / "out", "-f", "html")[0] == 0
    checked = []
    for index in (1, 2):
        status, _out, err = invoke(
            runner, "check", tmp_path / "out", "--shard", f"{index}/2", "--report", tmp_path / f"check-{index}.json"
        )
        assert status == 0, err
        checked += [e["input"] for e in json.loads((tmp_path / f"check-{index}.json").read_text())["inputs"]]
    assert sorted(Path(name).name for name in checked) == tree(tmp_path / "out")
    status, _out, err = invoke(
        runner, "merge-reports", tmp_path / "check-1.json", tmp_path / "check-2.json", "--report", tmp_path / "all.json"
    )
    assert status == 0 and "merged 2 shards: 4 checked, 0 failed (passed)" in err


def shard_reports(tmp_path: Path, runner: CliRunner, count: int, broken: bool = False) -> Path:
    records = tmp_path / "records"
    copies(records, 5)
    if broken:
        (records / "debate-03.yaml").write_text(SEED_RECORD.read_text().replace("speaker: kim-leadbeater", "speaker: x", 1))
    reports = tmp_path / "reports"
    for index in range(1, count + 1):
        invoke(
            runner, "convert", records, "-o", tmp_path / "out", "-f", "json", "--shard", f"{index}/{count}",
            "--report", reports / f"shard-{index}" / "report.json", "--junit", reports / f"shard-{index}" / "junit.xml",
        )  # fmt: skip
    return reports


def test_merge_reports_takes_folders_and_fails_as_the_whole_run_would(tmp_path: Path, runner: CliRunner) -> None:
    reports = shard_reports(tmp_path, runner, 3, broken=True)
    status, _out, err = invoke(runner, "merge-reports", reports, "--report", tmp_path / "all.json", "--junit", tmp_path / "all.xml")
    assert status == 1
    assert "merged 3 shards: 4 converted, 1 failed (failed)" in err
    [error] = [line for line in err.splitlines() if line.startswith("error:")]
    assert "debate-03.yaml" in error and '"x"' in error
    data = json.loads((tmp_path / "all.json").read_text())
    assert data["status"] == "failed" and data["exit_status"] == 1 and [e["index"] for e in data["inputs"]] == [0, 1, 2, 3, 4]
    failures = etree.parse(str(tmp_path / "all.xml")).findall(".//testcase/failure/..")
    assert {case.get("classname") for case in failures} == {str(tmp_path / "records" / "debate-03.yaml")}


def test_merge_reports_refuses_reports_that_do_not_make_one_whole_run(tmp_path: Path, runner: CliRunner) -> None:
    reports = shard_reports(tmp_path, runner, 3)
    one, two, three = (reports / f"shard-{n}" / "report.json" for n in (1, 2, 3))
    cases = [
        ((one, two), 1, "no report of shard 3 of 3"),
        ((one, two, three, three), 1, "both are shard 3 of 3"),
        ((reports / "shard-1" / "junit.xml", reports / "shard-2" / "junit.xml"), 1, "no report of shard 3 of 3"),
    ]
    def altered(name: str, change: object) -> Path:
        data = json.loads(three.read_text())
        changed = tmp_path / name
        changed.write_text(change(data) if callable(change) else str(change))
        return changed

    def shard_count(data: dict) -> str:
        data["shard"]["count"] = 4
        return json.dumps(data)

    def run_size(data: dict) -> str:
        data["shard"]["of_inputs"] = 6
        return json.dumps(data)

    def overlapping(data: dict) -> str:
        data["inputs"][0]["index"] = 0 if data["inputs"][0]["index"] else 1
        return json.dumps(data)

    def no_counts(data: dict) -> str:
        del data["counts"]
        return json.dumps(data)

    cases += [
        ((one, two, altered("count.json", shard_count)), 1, "different numbers of shards"),
        ((one, two, altered("size.json", run_size)), 1, "shards of different runs"),
        ((one, two, altered("overlap.json", overlapping)), 1, "both hold input"),
        ((one, two, altered("invalid.json", no_counts)), 2, "not a debate-export report"),  # cannot be read
        ((one, two, altered("broken.json", "{ not json")), 2, "cannot be read as a report"),
        ((one, altered("text.json", "plain text")), 2, "neither a JSON nor a JUnit XML report"),
    ]
    for reports_given, expected, message in cases:
        junit = str(reports_given[0]).endswith(".xml")
        status, _out, err = invoke(
            runner, "merge-reports", *reports_given, "--report", tmp_path / "merged.json", "--junit", tmp_path / "merged.xml"
        )
        if expected != 2:  # (a report that cannot be read is said first)
            assert status == 2 and f"no {'JSON' if junit else 'JUnit'} reports given to merge" in err
        output = ("--junit", tmp_path / "merged.xml") if junit else ("--report", tmp_path / "merged.json")
        status, _out, err = invoke(runner, "merge-reports", *reports_given, *output)
        assert status == expected and message in err, (reports_given, err)
        assert not (tmp_path / "merged.json").exists() and not (tmp_path / "merged.xml").exists()


def test_a_whole_run_s_report_merges_into_itself(tmp_path: Path, runner: CliRunner) -> None:
    copies(tmp_path / "records", 2)
    invoke(runner, "convert", tmp_path / "records", "-o", tmp_path / "out", "-f", "json", "--report", tmp_path / "r.json", "--junit", tmp_path / "j.xml")
    status, _out, err = invoke(runner, "merge-reports", tmp_path / "r.json", tmp_path / "j.xml", "--report", tmp_path / "m.json", "--junit", tmp_path / "m.xml")
    assert status == 0, err
    assert (tmp_path / "m.json").read_bytes() == (tmp_path / "r.json").read_bytes()
    assert (tmp_path / "m.xml").read_bytes() == (tmp_path / "j.xml").read_bytes()
