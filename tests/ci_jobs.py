"""The example CI files run here as GitHub Actions and GitLab CI would run their jobs.

Only what the examples use is understood, and anything else fails loudly, so an edit to an
example that this does not follow is noticed rather than skipped:

- GitHub Actions: a job's matrix (one list), ``needs``, ``if: ${{ !cancelled() }}``, the
  expressions ``matrix.*``, ``strategy.job-total``, ``github.run_id``,
  ``github.run_attempt``; ``run`` steps in ``bash --noprofile --norc -eo pipefail``, with
  the workflow's ``env``; the actions checkout, setup-python (this interpreter is used),
  cache/restore and cache/save (a key, else the newest entry whose key starts with a
  restore key), upload-artifact (hidden files left out, as v4.4 and later do) and
  download-artifact (a pattern, each artifact into its own folder).
- GitLab CI: ``stages``, ``variables``, ``default.before_script``, ``parallel: N``
  (``CI_NODE_INDEX``, ``CI_NODE_TOTAL``), ``when: always``, ``needs`` with artifacts,
  ``cache`` (a key with variables, its paths, ``when``) and ``artifacts`` (paths,
  ``when``, ``reports.junit``); the script's lines as one script in ``bash -eo pipefail``.

Steps that install debate-export (``python -m pip install "$DEBATE_EXPORTER"``) are
checked for that form and not run: the ``debate-export`` of this interpreter's environment
is on ``PATH`` instead. Caches and artifacts live under a state folder, so that successive
runs (pipelines) of one example share caches as on the real service.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

INSTALL = 'python -m pip install "$DEBATE_EXPORTER"'
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_VARIABLE = re.compile(r"\$(?:\{(\w+)\}|(\w+))")


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe", pure=True).load(path.read_text("utf-8"))
    return data


def shell_environment(extra: dict[str, str]) -> dict[str, str]:
    """This process's environment with ``extra``, this interpreter's scripts first on PATH."""
    scripts = str(Path(sys.executable).parent)
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env.update(extra)
    env["PATH"] = scripts + os.pathsep + env.get("PATH", "")
    return env


@dataclass
class JobRun:
    """One job (one of a matrix) as run: its name, workspace and exit status (0: passed)."""

    name: str
    workspace: Path
    status: int = 0
    log: list[str] = field(default_factory=list)


class Service:
    """Caches and artifacts of one CI service, kept in ``state`` across runs."""

    def __init__(self, state: Path):
        self.state = state
        self.caches: dict[str, Path] = {}  # key -> saved folder, in order saved
        self.artifacts: dict[str, Path] = {}

    def save_cache(self, key: str, workspace: Path, paths: list[str]) -> None:
        target = self.state / "caches" / key.replace("/", "_")
        if key in self.caches:
            shutil.rmtree(target)
        for path in paths:
            source = workspace / path
            if source.exists():
                shutil.copytree(source, target / path, dirs_exist_ok=True)
        target.mkdir(parents=True, exist_ok=True)
        self.caches.pop(key, None)
        self.caches[key] = target

    def restore_cache(self, keys: list[str], workspace: Path) -> str | None:
        """Restore the exact key, else the newest whose key starts with a later one."""
        found = keys[0] if keys[0] in self.caches else None
        for prefix in keys[1:]:
            if found is None:
                found = next((key for key in reversed(self.caches) if key.startswith(prefix)), None)
        if found is not None:
            shutil.copytree(self.caches[found], workspace, dirs_exist_ok=True)
        return found

    def upload(self, name: str, workspace: Path, paths: list[str], hidden: bool, keep_root: bool = False) -> int:
        """Copy the files under ``paths`` into the artifact ``name``: relative to the paths'
        least common ancestor (upload-artifact), or to the workspace (``keep_root``, GitLab)."""
        target = self.state / "artifacts" / name
        if target.exists():  # an artifact of an earlier run
            shutil.rmtree(target)
        searched = [workspace / path for path in paths]
        root = workspace if keep_root else Path(os.path.commonpath([p if p.is_dir() else p.parent for p in searched]))
        count = 0
        for path in searched:
            for found in sorted(path.rglob("*")) if path.is_dir() else [path]:
                relative = found.relative_to(root)
                if not found.is_file() or (not hidden and any(p.startswith(".") for p in relative.parts)):
                    continue
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(found, target / relative)
                count += 1
        if count:  # no files: no artifact
            self.artifacts[name] = target
        return count


def run_script(script: str, workspace: Path, env: dict[str, str], job: JobRun) -> int:
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=workspace, env=shell_environment(env), capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    job.log += [f"$ {script}", done.stdout, done.stderr]
    return done.returncode


# --- GitHub Actions -------------------------------------------------------------------


def github_workflow(path: Path, checkout: Path, service: Service, run_id: int) -> dict[str, list[JobRun]]:
    """Run every job of the workflow at ``path`` once, on a copy of ``checkout`` each."""
    workflow = load(path)
    env = {key: str(value) for key, value in (workflow.get("env") or {}).items()}
    service.artifacts.clear()  # artifacts belong to one workflow run
    done: dict[str, list[JobRun]] = {}
    for name, job in workflow["jobs"].items():
        needs = job.get("needs") or []
        needs = [needs] if isinstance(needs, str) else needs
        failed_before = any(run.status for need in needs for run in done[need])
        if failed_before and job.get("if") != "${{ !cancelled() }}":
            done[name] = []
            continue
        matrix = (job.get("strategy") or {}).get("matrix") or {}
        assert len(matrix) <= 1, "one list in the matrix"
        values = [{key: value} for key, items in matrix.items() for value in items] or [{}]
        done[name] = []
        for value in values:
            contexts = {
                **{f"matrix.{key}": str(item) for key, item in value.items()},
                "strategy.job-total": str(len(values)),
                "github.run_id": str(run_id),
                "github.run_attempt": "1",
            }
            label = "-".join(str(item) for item in value.values())
            workspace = service.state / f"run-{run_id}" / f"{name}{'-' + label if label else ''}"
            done[name].append(_github_job(name, job, workspace, checkout, contexts, env, service))
    return done


def _github_job(
    name: str, job: dict[str, Any], workspace: Path, checkout: Path, contexts: dict[str, str],
    env: dict[str, str], service: Service,
) -> JobRun:  # fmt: skip
    run = JobRun(name, workspace)
    workspace.mkdir(parents=True)
    for step in job["steps"]:
        condition = step.get("if")
        assert condition in (None, "${{ !cancelled() }}"), condition
        if run.status and condition is None:
            continue  # a step after a failure runs only if it says so
        inputs = {key: _expand(str(value), contexts) for key, value in (step.get("with") or {}).items()}
        if "run" in step:
            script = _expand(step["run"], contexts)
            if script.strip() == INSTALL:
                continue
            status = run_script(script, workspace, env | {"CI": "true", "GITHUB_ACTIONS": "true"}, run)
        else:
            status = _action(step["uses"], inputs, workspace, checkout, service)
        run.status = run.status or status
    return run


def _action(uses: str, inputs: dict[str, str], workspace: Path, checkout: Path, service: Service) -> int:
    action = uses.split("@")[0]
    if action == "actions/checkout":
        shutil.copytree(checkout, workspace, dirs_exist_ok=True)
    elif action == "actions/setup-python":
        pass  # this interpreter
    elif action == "actions/cache/restore":
        keys = [inputs["key"], *(line for line in inputs.get("restore-keys", "").splitlines() if line)]
        service.restore_cache(keys, workspace)
    elif action == "actions/cache/save":
        if inputs["key"] not in service.caches:  # a key is saved once
            service.save_cache(inputs["key"], workspace, inputs["path"].split())
    elif action == "actions/upload-artifact":
        paths = inputs["path"].split()
        hidden = inputs.get("include-hidden-files", "false") == "true"
        if service.upload(inputs["name"], workspace, paths, hidden) == 0 and inputs.get("if-no-files-found") == "error":
            return 1
    elif action == "actions/download-artifact":
        for name, folder in sorted(service.artifacts.items()):
            if fnmatch.fnmatchcase(name, inputs["pattern"]):
                shutil.copytree(folder, workspace / inputs["path"] / name, dirs_exist_ok=True)
    else:
        raise AssertionError(f"{uses}: an action the emulator does not know")
    return 0


def _expand(text: str, contexts: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        if match[1] not in contexts:
            raise AssertionError(f"{match[0]}: an expression the emulator does not know")
        return contexts[match[1]]

    return _EXPRESSION.sub(value, text)


# --- GitLab CI -------------------------------------------------------------------------

RESERVED = {"stages", "variables", "default", "include", "workflow", "image", "services", "cache", "before_script"}


def gitlab_pipeline(path: Path, checkout: Path, service: Service, pipeline: int) -> dict[str, list[JobRun]]:
    """Run every job of the pipeline at ``path`` once, stage by stage."""
    config = load(path)
    variables = {key: str(value) for key, value in (config.get("variables") or {}).items()}
    default = config.get("default") or {}
    jobs = {name: job for name, job in config.items() if name not in RESERVED and not name.startswith(".")}
    service.artifacts.clear()
    done: dict[str, list[JobRun]] = {}
    failed = False
    for stage in config["stages"]:
        for name, job in jobs.items():
            if job.get("stage", "test") != stage:
                continue
            if failed and job.get("when", "on_success") != "always":
                done[name] = []
                continue
            count = int(job.get("parallel", 1))
            done[name] = []
            for index in range(1, count + 1):
                env = {**variables, "CI": "true", "GITLAB_CI": "true", "CI_PROJECT_DIR": ""}
                if "parallel" in job:
                    env |= {"CI_NODE_INDEX": str(index), "CI_NODE_TOTAL": str(count)}
                label = f"{name}-{index}" if "parallel" in job else name
                workspace = service.state / f"pipeline-{pipeline}" / label
                env["CI_PROJECT_DIR"] = str(workspace)
                done[name].append(_gitlab_job(label, job, default, workspace, checkout, env, service))
        failed = failed or any(run.status for runs in done.values() for run in runs)
    return done


def _gitlab_job(
    label: str, job: dict[str, Any], default: dict[str, Any], workspace: Path, checkout: Path,
    env: dict[str, str], service: Service,
) -> JobRun:  # fmt: skip
    run = JobRun(label, workspace)
    shutil.copytree(checkout, workspace)
    needs = [need["job"] if isinstance(need, dict) else need for need in job.get("needs", [])]
    for name, folder in sorted(service.artifacts.items()):  # artifacts of the jobs needed
        if any(name == need or name.startswith(f"{need}-") for need in needs):
            shutil.copytree(folder, workspace, dirs_exist_ok=True)
    cache = job.get("cache")
    if cache:
        service.restore_cache([_variables(cache["key"], env)], workspace)
    for line in job.get("before_script", default.get("before_script", [])):
        assert line.strip() == INSTALL, f"{line}: not the install the emulator skips"
    run.status = run_script("\n".join(job["script"]), workspace, env, run)
    if cache and (run.status == 0 or cache.get("when") == "always"):
        service.save_cache(_variables(cache["key"], env), workspace, cache["paths"])
    artifacts = job.get("artifacts") or {}
    if artifacts and (run.status == 0 or artifacts.get("when") == "always"):
        paths = [_variables(path, env) for path in artifacts.get("paths", [])]
        service.upload(label, workspace, paths, hidden=True, keep_root=True)
        junit = (artifacts.get("reports") or {}).get("junit")
        if junit:
            found = glob.glob(_variables(junit, env), root_dir=workspace)
            assert found, f"{label}: no JUnit report at {junit}"
            run.log.append(f"junit report: {found}")
    return run


def _variables(text: str, env: dict[str, str]) -> str:
    return _VARIABLE.sub(lambda match: env[match[1] or match[2]], text)
