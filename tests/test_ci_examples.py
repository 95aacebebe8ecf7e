"""The ready-made CI files of examples/ci/ and the pre-commit hook: valid against the
services' published schemas, and run here as their jobs would run (``ci_jobs``)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ci_jobs
from cli_runs import copies, tree
from conftest import DATA, ROOT, SAMPLES, SEED_RECORD

GITHUB = ROOT / "examples" / "ci" / "github-actions.yml"
GITLAB = ROOT / "examples" / "ci" / "gitlab-ci.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def scripts_here() -> None:
    if shutil.which("debate-export", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("debate-export is not installed beside this interpreter (pip install -e .)")


@pytest.mark.parametrize(("path", "schema"), [(GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")])
def test_the_example_ci_files_validate_against_the_services_schemas(path: Path, schema: str) -> None:
    """The schemas check-jsonschema vendors (SchemaStore's GitHub workflow schema, GitLab's own
    CI schema), used offline."""
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is in the test extra")
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "validation done" in done.stdout


def test_a_ci_file_with_a_mistake_fails_its_schema(tmp_path: Path) -> None:
    """The validation can fail: a misspelt key in each example is caught."""
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is in the test extra")
    for path, schema, mistake in (
        (GITHUB, "vendor.github-workflows", ("runs-on:", "run-on:")),
        (GITLAB, "vendor.gitlab-ci", ("when: always", "when: sometimes")),
    ):
        broken = tmp_path / path.name
        broken.write_text(path.read_text().replace(*mistake, 1))
        done = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(broken)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 1, (path, done.stdout)


def a_checkout(folder: Path) -> Path:
    """A repository of records as the examples expect it: records/, with folders."""
    records = folder / "records"
    (records / "commons").mkdir(parents=True)
    for source in sorted((DATA / "parlparse").glob("*excerpt.xml"))[:3]:
        shutil.copy(source, records / "commons" / source.name)
    for source in (SEED_RECORD, SAMPLES / "westminster-hall-2022-02-23-web-text.txt"):
        shutil.copy(source, records / source.name)
    copies(records / "lords", 3)
    return folder


def whole_run(checkout: Path, into: Path) -> dict:
    """What one job converting every record (no shard) would report, from the same paths."""
    workspace = into / "whole"
    shutil.copytree(checkout, workspace)
    done = subprocess.run(
        ["debate-export", "convert", "records/", "-o", "briefings/", "--fail-on", "error", "--report", "report.json",
         "--junit", "junit.xml"],
        cwd=workspace, env=ci_jobs.shell_environment({"CI": "true"}), capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return {"workspace": workspace, "report": json.loads((workspace / "report.json").read_text())}


def without_times(value: object) -> object:
    if isinstance(value, dict):
        return {key: without_times(item) for key, item in value.items() if key != "seconds"}
    if isinstance(value, list):
        return [without_times(item) for item in value]
    return value


def briefings_of(folders: list[Path]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for folder in folders:
        for name in tree(folder):
            assert name not in found, f"{name}: made by two shards"
            found[name] = (folder / name).read_bytes()
    return found


def assert_whole(checkout: Path, tmp_path: Path, shard_briefings: list[Path], merged_folder: Path | None) -> None:
    """The shards' briefings are a whole run's, none made twice; and (``merged_folder``: a
    first run, with nothing cached) so are their merged reports, apart from times."""
    whole = whole_run(checkout, tmp_path)
    assert briefings_of(shard_briefings) == briefings_of([whole["workspace"] / "briefings"])
    if merged_folder is None:
        return
    merged = json.loads((merged_folder / "report.json").read_text())
    assert without_times(merged) == without_times(whole["report"])
    strip = re.compile(r' time="[0-9.]+"')
    assert strip.sub("", (merged_folder / "junit.xml").read_text()) == strip.sub(
        "", (whole["workspace"] / "junit.xml").read_text()
    )


def test_the_github_workflow_runs_as_its_jobs_would(tmp_path: Path) -> None:
    scripts_here()
    checkout = a_checkout(tmp_path / "checkout")
    service = ci_jobs.Service(tmp_path / "github")
    jobs = ci_jobs.github_workflow(GITHUB, checkout, service, run_id=1)
    shards = jobs["convert"]
    assert len(shards) == 4 and [job.status for job in shards] == [0, 0, 0, 0], [job.log for job in shards]
    [report] = jobs["report"]
    assert report.status == 0, report.log
    artifacts = service.state / "artifacts"
    names = sorted(p.name for p in artifacts.iterdir())
    assert [n for n in names if n.startswith("reports")] == ["reports", *(f"reports-{n}" for n in range(1, 5))]
    shard_briefings = [artifacts / name for name in names if name.startswith("briefings-")]  # a share may be empty
    assert not [n for n in tree(artifacts, manifests=True) if "/." in n]  # no hidden file uploaded
    assert_whole(checkout, tmp_path, shard_briefings, artifacts / "reports")

    # the next push: one record changed, one gone; each shard starts from its cached briefings
    edited = checkout / "records" / "lords" / "debate-02.yaml"
    edited.write_text(edited.read_text().replace("deeply traumatic", "deeply painful"))
    (checkout / "records" / "lords" / "debate-03.yaml").unlink()
    jobs = ci_jobs.github_workflow(GITHUB, checkout, service, run_id=2)
    assert [job.status for job in (*jobs["convert"], *jobs["report"])] == [0] * 5
    merged = json.loads((service.state / "artifacts" / "reports" / "report.json").read_text())
    assert merged["counts"]["converted"] == 1 and merged["counts"]["unchanged"] == 6
    assert sorted(Path(item["path"]).name for item in merged["leftovers"] if item["removed"]) == [
        "debate-03.docx", "debate-03.pdf",
    ]  # fmt: skip
    shard_briefings = [artifacts / name for name in sorted(service.artifacts) if name.startswith("briefings-")]
    assert_whole(checkout, tmp_path / "second", shard_briefings, None)

    # a broken record: its shard fails, and so does the job that merges the reports, naming it
    edited.write_text(SEED_RECORD.read_text().replace("speaker: kim-leadbeater", "speaker: nobody", 1))
    jobs = ci_jobs.github_workflow(GITHUB, checkout, service, run_id=3)
    assert sorted(job.status for job in jobs["convert"]) == [0, 0, 0, 1]
    [report] = jobs["report"]
    assert report.status == 1 and any("records/lords/debate-02.yaml" in line and "nobody" in line for line in report.log)


def test_the_gitlab_pipeline_runs_as_its_jobs_would(tmp_path: Path) -> None:
    scripts_here()
    checkout = a_checkout(tmp_path / "checkout")
    service = ci_jobs.Service(tmp_path / "gitlab")
    jobs = ci_jobs.gitlab_pipeline(GITLAB, checkout, service, pipeline=1)
    assert [job.status for job in jobs["convert"]] == [0, 0, 0, 0], [job.log for job in jobs["convert"]]
    assert all(any(line.startswith("junit report: ['reports/junit-") for line in job.log) for job in jobs["convert"])
    [report] = jobs["report"]
    assert report.status == 0, report.log
    artifacts = service.state / "artifacts"
    shard_briefings = [artifacts / f"convert-{n}" / "briefings" for n in range(1, 5)]
    assert_whole(checkout, tmp_path, [folder for folder in shard_briefings if folder.exists()], artifacts / "report")

    (checkout / "records" / "commons").rename(checkout / "records" / "westminster")  # a folder renamed
    jobs = ci_jobs.gitlab_pipeline(GITLAB, checkout, service, pipeline=2)
    assert [job.status for job in (*jobs["convert"], *jobs["report"])] == [0] * 5
    merged = json.loads((artifacts / "report" / "report.json").read_text())
    assert merged["counts"]["converted"] == 3 and merged["counts"]["unchanged"] == 5
    assert len([item for item in merged["leftovers"] if item["removed"]]) == 6  # the old folder's briefings

    (checkout / "records" / "lords" / "debate-01.yaml").write_text("format: debate-exporter/1\ntitle: [")
    jobs = ci_jobs.gitlab_pipeline(GITLAB, checkout, service, pipeline=3)
    assert sorted(job.status for job in jobs["convert"]) == [0, 0, 0, 1]
    [report] = jobs["report"]
    assert report.status == 1 and any("records/lords/debate-01.yaml" in line for line in report.log)


def hook() -> dict:
    [found] = ci_jobs.load(HOOKS)
    return found


def test_the_pre_commit_hook_definition_is_valid() -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(HOOKS)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    definition = hook()
    assert definition["language"] == "python"  # pre-commit installs this package for it
    scripts = re.search(r"\[project\.scripts\]\n(.*?)\n\n", (ROOT / "pyproject.toml").read_text(), re.S)
    assert scripts and shlex.split(definition["entry"])[0] + " =" in scripts.group(1)


def briefings_to_commit(folder: Path) -> tuple[list[Path], Path]:
    """A good briefing in each format, an HTML page that fails the audit, and a file the hook
    must not be given."""
    done = subprocess.run(
        ["debate-export", "convert", str(SEED_RECORD), "-o", str(folder), "-f", "docx,pdf,html"],
        env=ci_jobs.shell_environment({}), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert not (folder / ".debate-export-manifest.json").exists()  # a file on its own starts no manifest
    bad = folder / "untitled.html"
    bad.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><p>no language, no heading</p></body></html>")
    (folder / "notes.txt").write_text("not a briefing")
    return sorted(p for p in folder.iterdir() if p.suffix != ".txt"), bad


def test_the_pre_commit_hook_s_entry_checks_the_files_it_selects(tmp_path: Path) -> None:
    """The entry as pre-commit runs it (its words, then the files its pattern selects)."""
    scripts_here()
    definition = hook()
    files, bad = briefings_to_commit(tmp_path)
    pattern = re.compile(definition["files"])
    selected = [path for path in sorted(tmp_path.iterdir()) if pattern.search(path.name)]
    assert selected == files
    command = [*shlex.split(definition["entry"]), *map(str, selected)]
    done = subprocess.run(command, env=ci_jobs.shell_environment({}), capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and str(bad) in done.stdout + done.stderr and "HTML-LANG" in done.stdout
    good = [path for path in selected if path != bad]
    done = subprocess.run(
        [*shlex.split(definition["entry"]), *map(str, good)], env=ci_jobs.shell_environment({}),
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_itself_installs_and_runs_the_hook(tmp_path: Path) -> None:
    """``pre-commit try-repo`` with this repository: it installs the package in an
    environment of its own (from PyPI's packages) and runs the hook on a repository of
    briefings. Needs git, this checkout's history and PyPI; skips, saying which, without."""
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
    scripts_here()
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    tracked = subprocess.run(["git", "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"], cwd=ROOT, capture_output=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout with .pre-commit-hooks.yaml committed (pre-commit installs from a commit)")
    briefings = tmp_path / "briefings"
    files, bad = briefings_to_commit(briefings)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", str(briefings)], check=True)
    subprocess.run([*git, "add", "."], cwd=briefings, check=True)
    env = ci_jobs.shell_environment({"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")})
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "debate-export-check", "--all-files", "--verbose"],
        cwd=briefings, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    output = done.stdout + done.stderr
    log = tmp_path / "pre-commit-home" / "pre-commit.log"
    if done.returncode not in (0, 1) or "An error has occurred" in output:
        details = log.read_text() if log.exists() else output
        if re.search(r"(Could not|Failed to) (find|fetch|establish)|Network is unreachable|Name or service not known", details):
            pytest.skip("PyPI is not reachable: pre-commit cannot install the hook's environment")
        raise AssertionError(details[-4000:])
    assert done.returncode == 1, output
    assert "debate-export check (accessibility of briefings)" in output and "Failed" in output
    assert str(bad.name) in output and "HTML-LANG" in output and "notes.txt" not in output
    (briefings / bad.name).unlink()
    subprocess.run([*git, "add", "-A"], cwd=briefings, check=True)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "debate-export-check", "--all-files"],
        cwd=briefings, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0 and "Passed" in done.stdout, done.stdout + done.stderr
    assert len(files) == 4
