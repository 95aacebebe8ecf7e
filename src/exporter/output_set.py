"""Write the files of one input as a set: all of them replace the old ones, or none does.

Every new file is first written in full to a temporary name beside its target and flushed
to disk; only when all are ready are they renamed into place (``rename(2)`` is atomic
within a folder), the old ones kept under a temporary name until the last rename has
succeeded. If a rename fails, the files already replaced get their old versions back and
the error says what was and was not replaced. Nothing is left behind: no temporary file,
no empty folder made for a set that failed.

New files follow the user's umask (created with mode 0666, as ``open(2)`` and most tools
do), like any file the user makes.

Temporary names are ``.debate-export-XXXXXXXX.part`` (and ``.old`` for a kept old version):
hidden, 28 bytes whatever the target's name, so a target of up to 255 bytes can be
written. Signals are the caller's business: ``hold`` (a context manager factory) is
entered around the whole set, so that an interrupt handler can hold an interruption
until the set is whole (see ``exporter.batch.interrupts``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from exporter.errors import OutputError

TEMPORARY_PREFIX = ".debate-export-"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True)
class PlannedFile:
    """A file to write: its final path and its whole content."""

    path: Path
    data: bytes


class OutputSetError(OutputError):
    """A set could not be written. ``replaced`` lists the files that now hold new content
    (empty unless restoring an old version failed too); ``kept`` those left as they were."""

    def __init__(self, message: str, source: str, replaced: list[Path], kept: list[Path]):
        super().__init__(message, source)
        self.replaced = replaced
        self.kept = kept


@dataclass
class _Old:
    """An old version kept aside while its replacement is renamed into place."""

    target: Path
    backup: Path | None  # None: there was no file at target before
    moved: bool = False  # True: the old file was renamed away (no hard links here)


def write_set(
    files: Sequence[PlannedFile],
    hold: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext,
) -> list[str]:
    """Write ``files`` together. Returns notes for the user (an old version that could not
    be removed afterwards). Raises ``OutputSetError`` naming what was and was not replaced."""
    with hold():
        made: list[Path] = []
        temporaries: list[Path] = []
        try:
            for planned in files:
                made.extend(_make_folder(planned.path.parent))
                temporaries.append(_write_temporary(planned))
            return _rename_into_place(files, temporaries)
        except BaseException as error:
            for temporary in temporaries:
                with contextlib.suppress(OSError):
                    temporary.unlink()
            for folder in reversed(made):
                with contextlib.suppress(OSError):
                    folder.rmdir()
            if isinstance(error, OSError):
                target = next((p.path for p in files[len(temporaries) :]), files[-1].path)
                raise _failure("cannot write", error, target, files, []) from None
            raise


def _make_folder(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents; returns those made, outermost first."""
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if os.path.isdir(candidate):
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        if os.path.islink(candidate):
            raise OSError(errno.ENOENT, f"{candidate} is a symbolic link to a missing folder")
        if os.path.lexists(candidate):
            raise OSError(errno.ENOTDIR, f"{candidate} is a file, not a folder")
        os.mkdir(candidate)
    return list(reversed(missing))


def _write_temporary(planned: PlannedFile) -> Path:
    temporary = _fresh_name(planned.path.parent, ".part")
    handle = _open_new(temporary)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(planned.data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def _open_new(path: Path) -> int:
    return os.open(path, _CREATE, 0o666)


def _fresh_name(folder: Path, suffix: str) -> Path:
    return folder / f"{TEMPORARY_PREFIX}{secrets.token_hex(4)}{suffix}"


def _rename_into_place(files: Sequence[PlannedFile], temporaries: list[Path]) -> list[str]:
    olds: list[_Old] = []
    for planned, temporary in zip(files, temporaries, strict=True):
        target = planned.path
        try:
            if os.path.isdir(target) and not os.path.islink(target):
                raise IsADirectoryError(errno.EISDIR, "a folder has this name")
            olds.append(_keep_old(target))
            os.replace(temporary, target)
        except BaseException as error:
            if olds and olds[-1].target == target:  # its old version was kept, not yet replaced
                _restore(olds.pop())
            failed = _roll_back(olds)
            if not isinstance(error, OSError):
                raise  # an interruption forced through a held signal: the set is rolled back
            replaced = [old.target for old in olds if old.target in failed]
            raise _failure("cannot replace", error, target, files, replaced, failed) from None
    notes = []
    for old in olds:
        if old.backup is not None:
            try:
                old.backup.unlink()
            except OSError as error:
                notes.append(f"{old.target}: its old version is left at {old.backup}: {_reason(error)}")
    return notes


def _keep_old(target: Path) -> _Old:
    if not os.path.lexists(target):
        return _Old(target, None)
    while True:
        backup = _fresh_name(target.parent, ".old")
        try:
            os.link(target, backup, follow_symlinks=False)
            return _Old(target, backup)
        except FileExistsError:
            continue
        except OSError:  # no hard links on this file system: move the old file aside
            os.replace(target, backup)
            return _Old(target, backup, moved=True)


def _restore(old: _Old) -> None:
    """Undo ``_keep_old`` for a target whose replacement never happened."""
    with contextlib.suppress(OSError):
        if old.backup is not None and old.moved:
            os.replace(old.backup, old.target)
        elif old.backup is not None:
            old.backup.unlink()


def _roll_back(olds: list[_Old]) -> dict[Path, str]:
    """Put back the old version of every replaced file; returns those that could not be."""
    failed: dict[Path, str] = {}
    for old in reversed(olds):
        try:
            if old.backup is None:
                old.target.unlink()
            else:
                os.replace(old.backup, old.target)
        except OSError as error:
            failed[old.target] = _reason(error)
    return failed


def _failure(
    verb: str,
    error: OSError,
    target: Path,
    files: Sequence[PlannedFile],
    replaced: list[Path],
    unrestored: dict[Path, str] | None = None,
) -> OutputSetError:
    kept = [p.path for p in files if p.path not in replaced]
    message = f"{verb}: {_reason(error)}"
    if not replaced:
        message += f"; nothing replaced ({', '.join(map(str, kept))} left as they were)"
    else:
        restored = "; ".join(
            f"{path} (its old version could not be put back: {why})"
            for path, why in (unrestored or {}).items()
        )
        message += f"; replaced: {restored}; not replaced: {', '.join(map(str, kept)) or 'none'}"
    return OutputSetError(message, str(target), replaced, kept)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
