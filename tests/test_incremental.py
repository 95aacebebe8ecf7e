"""Incremental runs: the manifest in the output folder, inputs skipped as unchanged, exactly
what must be redone redone, leftovers reported and pruned, a manifest always true."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree

from cli_runs import copies, tree
from conftest import DATA, SEED_RECORD
from exporter.batch import manifest, recipe, report
from exporter.cli import main

MANIFEST = ".debate-export-manifest.json"


def convert(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(main, ["convert", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def statuses(path: Path) -> dict[str, str]:
    """Input file name -> status, from a JSON report (validated against its schema)."""
    data = json.loads(path.read_text("utf-8"))
    jsonschema.validate(data, report.schema())
    return {Path(entry["input"]).name: entry["status"] for entry in data["inputs"]}


def the_manifest(out: Path, name: str = MANIFEST) -> dict:
    data = json.loads((out / name).read_bytes())
    jsonschema.validate(data, manifest.schema())
    return data


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Each file's modification time (ns) and bytes: a file rewritten, even the same, shows."""
    return {name: ((folder / name).stat().st_mtime_ns, (folder / name).read_bytes()) for name in tree(folder)}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Three records in a folder, one in a subfolder."""
    copies(tmp_path / "records", 2)
    copies(tmp_path / "records" / "lords", 1, stem="day")
    return tmp_path / "records"


def first_run(runner: CliRunner, archive: Path, out: Path, *options: str | Path) -> None:
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", *options)
    assert status == 0, err


def test_a_rerun_skips_every_unchanged_input_and_says_so(tmp_path: Path, archive: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out, "-f", "docx,json", "--report", tmp_path / "first.json")
    assert set(statuses(tmp_path / "first.json").values()) == {"converted"}
    before = snapshot(out)
    status, stdout, err = convert(
        runner, archive, "-o", out, "-f", "docx,json", "--report", tmp_path / "again.json",
        "--junit", tmp_path / "again.xml",
    )  # fmt: skip
    assert status == 0, err
    assert "0 converted, 0 failed, 3 skipped unchanged in" in err
    assert "3 inputs unchanged since the last run, not converted again" in stdout
    assert snapshot(out) == before  # not one file written again
    data = json.loads((tmp_path / "again.json").read_text())
    assert statuses(tmp_path / "again.json") == dict.fromkeys(["debate-01.yaml", "debate-02.yaml", "day-01.yaml"], "unchanged")
    assert data["counts"]["unchanged"] == 3 and data["status"] == "passed"
    first = json.loads((tmp_path / "first.json").read_text())
    for now, then in zip(data["inputs"], first["inputs"], strict=True):  # the same files, as made
        assert now["outputs"] == then["outputs"] and now["input_format"] == then["input_format"]
    cases = etree.parse(str(tmp_path / "again.xml")).findall(".//testcase")
    assert len(cases) == 6 and all(case.find("skipped").get("type") == "unchanged" for case in cases)


def test_the_manifest_records_each_output_and_two_clean_runs_write_the_same_bytes(
    tmp_path: Path, archive: Path, runner: CliRunner
) -> None:
    made = []
    for name, jobs in (("a", "1"), ("b", "2")):
        out = tmp_path / name / "out"  # the same depth: inputs are recorded relative to the folder
        first_run(runner, archive, out, "-j", jobs)
        made.append((out / MANIFEST).read_bytes())
    assert made[0] == made[1]
    data = the_manifest(tmp_path / "a" / "out")
    assert sorted(data["inputs"]) == ["debate-01.yaml", "debate-02.yaml", "lords/day-01.yaml"]
    record = data["inputs"]["lords/day-01.yaml"]
    assert record["input"] == "../../records/lords/day-01.yaml" and record["done"] is True
    assert record["sha256"] == hashlib.sha256(SEED_RECORD.read_bytes()).hexdigest()
    [output] = record["outputs"]
    written = (tmp_path / "a" / "out" / "lords" / "day-01.json").read_bytes()
    assert output == {
        "path": "lords/day-01.json", "format": "json", "bytes": len(written),
        "sha256": hashlib.sha256(written).hexdigest(),
    }  # fmt: skip
    [made_with] = data["made_with"].values()
    assert made_with["tool"]["version"] and made_with["options"]["job"]["formats"] == ["json"]
    assert record["made_with"] == recipe.fingerprint(made_with)
    assert made[0].decode("ascii")  # only ASCII, whatever the names


def test_changing_one_input_redoes_that_input_only(tmp_path: Path, archive: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out)
    changed = archive / "debate-02.yaml"
    changed.write_text(changed.read_text().replace("deeply traumatic", "deeply painful"))
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--report", tmp_path / "r.json")
    assert status == 0, err
    assert statuses(tmp_path / "r.json") == {
        "debate-01.yaml": "unchanged", "debate-02.yaml": "converted", "day-01.yaml": "unchanged",
    }  # fmt: skip
    assert "deeply painful" in (out / "debate-02.json").read_text()
    assert "1 converted, 0 failed, 2 skipped unchanged" in err


@pytest.mark.parametrize(
    "option",
    [("--summary-words", "60"), ("--citation", "neutral"), ("-f", "json,tree"), ("--split",), ("--fail-on", "never")],
    ids=["summary-words", "citation", "formats", "split", "fail-on"],
)
def test_changing_one_option_redoes_every_input(
    tmp_path: Path, archive: Path, runner: CliRunner, option: tuple[str, ...]
) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out)
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", *option, "--report", tmp_path / "r.json")
    assert status == 0, err
    assert set(statuses(tmp_path / "r.json").values()) == {"converted"}
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", *option, "--report", tmp_path / "r.json")
    assert set(statuses(tmp_path / "r.json").values()) == {"unchanged"}  # and again: up to date


def test_the_style_file_s_content_decides_not_its_path(tmp_path: Path, archive: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    style = tmp_path / "house.toml"
    style.write_text('extends = "standard"\n\n[body]\nline_spacing = 1.6\n')
    first_run(runner, archive, out, "--style", style)
    style.write_text('# our house style\nextends = "standard"\n\n[body]\nline_spacing = 1.6\n')  # a comment: the same style
    convert(runner, archive, "-o", out, "-f", "json", "--style", style, "--report", tmp_path / "comment.json")
    assert set(statuses(tmp_path / "comment.json").values()) == {"unchanged"}
    style.write_text('extends = "standard"\n\n[body]\nline_spacing = 1.7\n')
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--style", style, "--report", tmp_path / "size.json")
    assert status == 0, err
    assert set(statuses(tmp_path / "size.json").values()) == {"converted"}
    moved = tmp_path / "elsewhere" / "house.toml"  # the name is the style's (its file's name, no name given)
    moved.parent.mkdir()
    moved.write_bytes(style.read_bytes())
    convert(runner, archive, "-o", out, "-f", "json", "--style", moved, "--report", tmp_path / "moved.json")
    assert set(statuses(tmp_path / "moved.json").values()) == {"unchanged"}


def test_the_speaker_directory_s_content_decides(tmp_path: Path, runner: CliRunner) -> None:
    sitting = tmp_path / "records" / "gb_ParlaMint-GB_2022-07-21-commons_trimmed.xml"
    sitting.parent.mkdir()
    sitting.write_bytes((DATA / "parlamint" / sitting.name).read_bytes())
    people = tmp_path / "people.xml"
    people.write_bytes((DATA / "people" / "parlamint-gb" / "ParlaMint-GB-listPerson.xml").read_bytes())
    args = (sitting.parent, "-o", tmp_path / "out", "-f", "json", "--people", people, "--report", tmp_path / "r.json")
    assert convert(runner, *args)[0] == 0
    assert convert(runner, *args)[0] == 0
    assert statuses(tmp_path / "r.json") == {sitting.name: "unchanged"}
    people.write_bytes(people.read_bytes().replace(b"<surname>Rutley<", b"<surname>Rutley-Smith<"))
    assert convert(runner, *args)[0] == 0
    assert statuses(tmp_path / "r.json") == {sitting.name: "converted"}
    assert "Rutley-Smith" in (tmp_path / "out" / f"{sitting.stem}.json").read_text()


def test_another_version_of_the_tool_redoes_every_input(
    tmp_path: Path, archive: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out)
    made = recipe.tool()
    monkeypatch.setattr(recipe, "tool", lambda: {**made, "version": "99.0.0"})
    convert(runner, archive, "-o", out, "-f", "json", "--report", tmp_path / "r.json")
    assert set(statuses(tmp_path / "r.json").values()) == {"converted"}
    monkeypatch.setattr(recipe, "tool", lambda: {**made, "code": "0" * 64})  # a build from another commit
    convert(runner, archive, "-o", out, "-f", "json", "--report", tmp_path / "r.json")
    assert set(statuses(tmp_path / "r.json").values()) == {"converted"}
    assert len(the_manifest(out)["made_with"]) == 1  # recipes no record uses are dropped


def test_every_option_of_a_job_is_in_the_fingerprint() -> None:
    """A field added to Job (or its option sets) later changes the fingerprint with no change
    to the recipe: it is found by walking the dataclasses."""
    import dataclasses

    from exporter.pipeline import Job

    def leaves(value: object, where: str = "") -> list[str]:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            found = []
            for item in dataclasses.fields(value):
                found += leaves(getattr(value, item.name), f"{where}.{item.name}" if where else item.name)
            return found
        return [where]

    canonical = recipe.recipe(Job(), None)["options"]["job"]
    for place in leaves(Job()):
        if place in recipe.NOT_SHAPING:
            continue
        node = canonical
        for part in place.split("."):
            node = node[part]  # KeyError: an option left out of the fingerprint


def test_force_redoes_every_input(tmp_path: Path, archive: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out)
    manifest_before = (out / MANIFEST).read_bytes()
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--force", "--report", tmp_path / "r.json")
    assert status == 0 and "3 converted, 0 failed in" in err
    assert set(statuses(tmp_path / "r.json").values()) == {"converted"}
    assert (out / MANIFEST).read_bytes() == manifest_before


@pytest.mark.parametrize("how", ["deleted", "edited", "replaced by a folder"])
def test_an_output_deleted_or_edited_by_hand_is_made_again(
    tmp_path: Path, archive: Path, runner: CliRunner, how: str
) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out)
    target = out / "lords" / "day-01.json"
    good = target.read_bytes()
    if how == "deleted":
        target.unlink()
    elif how == "edited":
        target.write_bytes(good.replace(b"Leadbeater", b"Leadbeatre"))  # same size, other content
    else:
        target.unlink()
        target.mkdir()
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--report", tmp_path / "r.json")
    expected = "failed" if how == "replaced by a folder" else "converted"
    assert statuses(tmp_path / "r.json") == {
        "debate-01.yaml": "unchanged", "debate-02.yaml": "unchanged", "day-01.yaml": expected,
    }, err  # fmt: skip
    if expected == "converted":
        assert status == 0 and target.read_bytes() == good


def test_a_failed_input_is_never_recorded_as_done(tmp_path: Path, archive: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out)
    broken = archive / "debate-02.yaml"
    good = broken.read_text()
    broken.write_text(good.replace("speaker: kim-leadbeater", "speaker: nobody", 1))
    for _ in range(2):  # the old record stays true of the old files; the input is tried every time
        status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--report", tmp_path / "r.json")
        assert status == 1 and "nobody" in err
        assert statuses(tmp_path / "r.json")["debate-02.yaml"] == "failed"
    record = the_manifest(out)["inputs"]["debate-02.yaml"]
    assert record["sha256"] == hashlib.sha256(good.encode()).hexdigest()  # what the files were made from
    broken.write_text(good)  # put back: its files are still up to date
    convert(runner, archive, "-o", out, "-f", "json", "--report", tmp_path / "r.json")
    assert statuses(tmp_path / "r.json")["debate-02.yaml"] == "unchanged"


def test_an_input_that_fails_after_writing_is_recorded_not_done(tmp_path: Path, runner: CliRunner) -> None:
    """--fail-on warning fails an input with a warning, its files written: never up to date."""
    day = tmp_path / "records" / "gb_ParlaMint-GB_2022-07-21-commons_trimmed.xml"
    day.parent.mkdir()
    day.write_bytes((DATA / "parlamint" / day.name).read_bytes())
    args = (day.parent, "-o", tmp_path / "out", "-f", "json", "--fail-on", "warning", "--report", tmp_path / "r.json")
    for _ in range(2):
        assert convert(runner, *args)[0] == 1
        assert statuses(tmp_path / "r.json") == {day.name: "failed"}
    record = the_manifest(tmp_path / "out")["inputs"][day.name]
    assert record["done"] is False and [o["path"] for o in record["outputs"]] == [f"{day.stem}.json"]


def test_outputs_whose_input_is_gone_are_reported_and_removed_with_prune(
    tmp_path: Path, archive: Path, runner: CliRunner
) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out, "-f", "docx,json")
    (archive / "lords" / "day-01.yaml").unlink()
    status, _out, err = convert(runner, archive, "-o", out, "-f", "docx,json", "--report", tmp_path / "r.json")
    assert status == 0, err
    assert "2 leftover outputs (--prune removes them)" in err
    assert f"leftover: {out / 'lords' / 'day-01.docx'}: its input lords/day-01.yaml is gone" in err
    leftovers = json.loads((tmp_path / "r.json").read_text())["leftovers"]
    assert [(Path(i["path"]).name, i["why"], i["removed"]) for i in leftovers] == [
        ("day-01.docx", "input-gone", False), ("day-01.json", "input-gone", False),
    ]  # fmt: skip
    assert "lords/day-01.yaml" in the_manifest(out)["inputs"]  # kept, so that --prune can remove them later
    assert tree(out / "lords") == ["day-01.docx", "day-01.json"]
    status, _out, err = convert(runner, archive, "-o", out, "-f", "docx,json", "--prune", "--report", tmp_path / "r.json")
    assert status == 0 and "2 leftover outputs removed" in err
    assert [i["removed"] for i in json.loads((tmp_path / "r.json").read_text())["leftovers"]] == [True, True]
    assert not (out / "lords").exists()  # the folder it left empty too
    assert sorted(the_manifest(out)["inputs"]) == ["debate-01.yaml", "debate-02.yaml"]
    assert tree(out) == ["debate-01.docx", "debate-01.json", "debate-02.docx", "debate-02.json"]
    status, _out, err = convert(runner, archive, "-o", out, "-f", "docx,json", "--prune")
    assert status == 0 and "leftover" not in err  # nothing more


def test_an_input_left_out_is_not_gone(tmp_path: Path, archive: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out)
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--exclude", "lords/", "--prune")
    assert status == 0 and "leftover" not in err
    assert (out / "lords" / "day-01.json").exists()
    status, _out, err = convert(runner, archive / "debate-01.yaml", "-o", out, "-f", "json", "--prune")
    assert status == 0 and "leftover" not in err and len(tree(out)) == 3


def test_outputs_an_input_no_longer_makes_are_leftovers(tmp_path: Path, runner: CliRunner) -> None:
    """A --split piece whose debate is gone from the record, a format no longer asked for."""
    record = tmp_path / "records" / "day.yaml"
    record.parent.mkdir()
    seed = SEED_RECORD.read_text()
    section = seed[seed.index("  - title:") :]

    def debates(*titles: str) -> str:
        more = [
            section.replace("Child Sexual Exploitation by Organised Networks", title, 1).replace(
                "id: kim-leadbeater-1", f"id: kim-leadbeater-{number}"
            )
            for number, title in enumerate(titles, start=2)
        ]
        return seed + "".join(more)

    record.write_text(debates("Second Debate", "Third Debate"))
    out = tmp_path / "out"
    assert convert(runner, record.parent, "-o", out, "-f", "json,tree", "--split")[0] == 0
    assert len(tree(out)) == 6 and (out / "day-03-third-debate.json").exists()
    record.write_text(debates("Second Debate"))  # the third debate is gone; trees no longer asked for
    status, _out, err = convert(runner, record.parent, "-o", out, "-f", "json", "--split", "--report", tmp_path / "r.json")
    assert status == 0, err
    leftovers = json.loads((tmp_path / "r.json").read_text())["leftovers"]
    assert [(Path(i["path"]).name, i["why"], i["input"]) for i in leftovers] == [
        (name, "no-longer-made", "day.yaml")
        for name in (
            "day-01-child-sexual-exploitation-by-organised-networks.tree.json",
            "day-02-second-debate.tree.json",
            "day-03-third-debate.json",
            "day-03-third-debate.tree.json",
        )
    ]
    status, _out, err = convert(runner, record.parent, "-o", out, "-f", "json", "--split", "--prune")
    assert status == 0 and "4 leftover outputs removed" in err
    assert tree(out) == ["day-01-child-sexual-exploitation-by-organised-networks.json", "day-02-second-debate.json"]
    assert the_manifest(out)["inputs"]["day.yaml"]["stale"] == []


def test_prune_leaves_a_leftover_changed_by_hand(tmp_path: Path, archive: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out)
    (archive / "debate-01.yaml").unlink()
    (out / "debate-01.json").write_text("my notes")
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--prune")
    assert status == 0 and "left: changed since it was written" in err
    assert (out / "debate-01.json").read_text() == "my notes"
    assert "debate-01.yaml" not in the_manifest(out)["inputs"]  # no longer tracked: the user's now


def test_a_renamed_input_s_old_outputs_go_and_another_s_output_is_never_pruned(
    tmp_path: Path, archive: Path, runner: CliRunner
) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out)
    (archive / "debate-01.yaml").rename(archive / "debate-09.yaml")
    (archive / "debate-02.yaml").rename(archive / "debate-02.yml")  # a new input makes the same file
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--prune", "--report", tmp_path / "r.json")
    assert status == 0, err
    assert [Path(i["path"]).name for i in json.loads((tmp_path / "r.json").read_text())["leftovers"]] == ["debate-01.json"]
    assert tree(out) == ["debate-02.json", "debate-09.json", "lords/day-01.json"]
    assert sorted(the_manifest(out)["inputs"]) == ["debate-02.yml", "debate-09.yaml", "lords/day-01.yaml"]


def test_a_manifest_that_cannot_be_read_is_replaced_and_every_input_converted(
    tmp_path: Path, archive: Path, runner: CliRunner
) -> None:
    out = tmp_path / "out"
    first_run(runner, archive, out)
    (out / MANIFEST).write_text('{"format": "something else"')
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--report", tmp_path / "r.json")
    assert status == 0 and f"warning: {out / MANIFEST}: cannot be read" in err
    assert set(statuses(tmp_path / "r.json").values()) == {"converted"}
    assert sorted(the_manifest(out)["inputs"]) == ["debate-01.yaml", "debate-02.yaml", "lords/day-01.yaml"]


def test_a_manifest_that_cannot_be_saved_fails_the_run(tmp_path: Path, archive: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    (out / MANIFEST).mkdir(parents=True)
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--report", tmp_path / "r.json")
    assert status == 1
    assert "cannot save the manifest" in err and "the next run converts every input again" in err
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["status"] == "failed" and data["counts"]["converted"] == 3
    assert any("cannot save the manifest" in line for line in data["problems"])


def test_a_one_off_conversion_leaves_no_manifest_and_uses_one_that_is_there(
    tmp_path: Path, archive: Path, runner: CliRunner
) -> None:
    out = tmp_path / "out"
    assert convert(runner, archive / "debate-01.yaml", "-o", out, "-f", "json")[0] == 0
    result = runner.invoke(main, ["convert", "-", "-o", str(out), "-f", "json", "--name", "piped"], input=SEED_RECORD.read_bytes())
    assert result.exit_code == 0
    assert tree(out, manifests=True) == ["debate-01.json", "piped.json"]  # named files, standard input: no manifest
    listed = tmp_path / "list.txt"
    listed.write_text(f"{archive / 'debate-02.yaml'}\n")
    assert convert(runner, f"@{listed}", "-o", out, "-f", "json")[0] == 0  # a list: an archive's run
    assert sorted(the_manifest(out)["inputs"]) == ["debate-02.yaml"]
    status, _out, err = convert(runner, archive / "debate-02.yaml", "-o", out, "-f", "json")
    assert status == 0 and "1 skipped unchanged" in err  # the folder has a manifest: it is used
    for _ in range(2):  # standard input is converted every time, never recorded
        result = runner.invoke(main, ["convert", "-", "-o", str(out), "-f", "json", "--name", "piped"], input=SEED_RECORD.read_bytes())
        assert result.exit_code == 0 and "1 converted" in result.stderr
    assert sorted(the_manifest(out)["inputs"]) == ["debate-02.yaml"]


def test_a_crash_between_checkpoints_leaves_a_true_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process dies (here: an exception from the progress display) after some inputs:
    the manifest saved at the last checkpoint lists only files in place, as written, and
    the next run converts exactly what is not in it."""
    from exporter import batch
    from exporter.batch import incremental, inputs
    from exporter.batch.work import Settings
    from exporter.pipeline import Job

    class Crash(Exception):
        pass

    class DiesAfterTwo:
        done = 0

        def started(self, total: int, unchanged: int = 0) -> None:
            pass

        def finished(self, entry: batch.Entry) -> None:
            self.done += 1
            if self.done == 3:
                raise Crash

    copies(tmp_path / "records", 5)
    out = tmp_path / "out"
    monkeypatch.setattr(incremental, "CHECKPOINT_SECONDS", 0.0)
    job = Job(formats=("json",))

    def run(events: object) -> batch.Run:
        plan = inputs.collect([str(tmp_path / "records")], out)
        keeper = incremental.Incremental(out, None, recipe.recipe(job, None), force=False, prune=False)
        return batch.convert(plan, Settings(job), jobs=1, events=events, incremental=keeper)  # type: ignore[arg-type]

    with pytest.raises(Crash):
        run(DiesAfterTwo())
    recorded = the_manifest(out)["inputs"]
    assert len(recorded) == 2  # the third was written, and recorded only in memory when the process died
    for record in recorded.values():
        [output] = record["outputs"]
        assert hashlib.sha256((out / output["path"]).read_bytes()).hexdigest() == output["sha256"]
    again = run(None)
    assert sorted(entry.status for entry in again.entries) == ["converted"] * 3 + ["unchanged"] * 2
    fresh = tmp_path / "fresh"
    os.rename(out, tmp_path / "crashed")
    run(None)
    os.rename(out, fresh)
    assert (tmp_path / "crashed" / MANIFEST).read_bytes() == (fresh / MANIFEST).read_bytes()


def test_an_interrupted_run_records_what_finished_and_the_next_converts_the_rest(tmp_path: Path) -> None:
    import signal
    import subprocess

    import cli_runs

    copies(tmp_path / "records", 12)
    out = tmp_path / "a" / "out"
    command = [*cli_runs.COMMAND, "convert", str(tmp_path / "records"), "-o", str(out), "-f", "docx,json", "-j", "2"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_runs.environment(CI="true"),
        start_new_session=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().startswith(b"[1/12] ")
    os.killpg(process.pid, signal.SIGINT)
    _rest, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    recorded = the_manifest(out)["inputs"]
    finished = {Path(name).stem for name in tree(out)}
    assert 1 <= len(recorded) == len(finished) < 12
    for record in recorded.values():  # every file it lists is in place, as written
        for output in record["outputs"]:
            assert hashlib.sha256((out / output["path"]).read_bytes()).hexdigest() == output["sha256"]
    again = cli_runs.run(*command[3:], "--report", tmp_path / "r.json")
    assert again.returncode == 0, again.stderr
    counts = json.loads((tmp_path / "r.json").read_text())["counts"]
    assert counts["unchanged"] == len(finished) and counts["converted"] == 12 - len(finished)
    clean = tmp_path / "b" / "out"
    assert cli_runs.run("convert", tmp_path / "records", "-o", clean, "-f", "docx,json").returncode == 0
    assert (out / MANIFEST).read_bytes() == (clean / MANIFEST).read_bytes()
    assert snapshot(out).keys() == snapshot(clean).keys()


def test_prune_never_reaches_outside_the_output_folder(tmp_path: Path, archive: Path, runner: CliRunner) -> None:
    """A manifest that lists a file outside the folder (a cache restored from elsewhere, a hand
    edit) is not a manifest: it is replaced, and nothing outside is removed."""
    out = tmp_path / "out"
    first_run(runner, archive, out)
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me")
    data = the_manifest(out)
    gone = {
        "input": "../records/nowhere.yaml", "sha256": "0" * 64, "made_with": next(iter(data["made_with"])),
        "input_format": "native", "done": True, "stale": [],
        "outputs": [{"path": "../precious.txt", "format": "json", "bytes": 7,
                     "sha256": hashlib.sha256(b"keep me").hexdigest()}],
    }  # fmt: skip
    data["inputs"]["nowhere.yaml"] = gone
    (out / MANIFEST).write_text(json.dumps(data))
    status, _out, err = convert(runner, archive, "-o", out, "-f", "json", "--prune")
    assert status == 0 and "is not a path inside the output folder" in err
    assert victim.read_text() == "keep me"
    assert "nowhere.yaml" not in the_manifest(out)["inputs"]
