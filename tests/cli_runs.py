"""Running ``debate-export`` as a user does: in its own process, with its own streams and signals."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from conftest import SEED_RECORD
from exporter.batch.manifest import is_manifest_name

COMMAND = [sys.executable, "-m", "exporter"]


def environment(**changes: str | None) -> dict[str, str]:
    """This process's environment without CI (a CI runner sets it), with ``changes``."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(
    *args: str | Path,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *map(str, args)],
        cwd=cwd,
        env=dict(env) if env is not None else environment(),
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=timeout,
    )


def copies(folder: Path, count: int, source: Path = SEED_RECORD, stem: str = "debate") -> list[Path]:
    """``count`` copies of a record in ``folder``, named ``{stem}-01`` … in order."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for index in range(1, count + 1):
        target = folder / f"{stem}-{index:02d}{source.suffix}"
        target.write_bytes(source.read_bytes())
        made.append(target)
    return made


def tree(folder: Path, manifests: bool = False) -> list[str]:
    """Every file under ``folder``, hidden ones included, as sorted relative POSIX paths;
    the manifest ``convert`` keeps in its output folder only with ``manifests``."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if (p.is_file() or p.is_symlink()) and (manifests or not is_manifest_name(p.name))
    )
