"""Reading an input's bytes: only regular files, never more than a cap, and never a file
that changes while it is read.

- A path that is not a regular file (a device such as ``/dev/zero``, a FIFO, a socket) is
  refused before it is opened for reading, and checked again on the open descriptor, which
  is opened non-blocking so that a FIFO with no writer cannot hang the run.
- Every input is read with a size cap (``DEFAULT_MAX_INPUT_SIZE``; ``--max-input-size``):
  converting takes about 40 times an input's size in memory (``benchmarks/bench_memory.py``),
  so the default keeps one conversion within about 2 GiB.
- An input whose size or modification time changes while it is read (a record still being
  downloaded or written) is reported rather than converted half-written.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from exporter.errors import InputError

DEFAULT_MAX_INPUT_SIZE = 50 * 2**20  # bytes: 50 MiB, about 2 GiB of memory to convert
_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def read_input(path: Path, max_size: int | None = DEFAULT_MAX_INPUT_SIZE) -> bytes:
    """The bytes of a regular file of at most ``max_size`` bytes (None: no cap).

    Raises InputError when the path is not a regular file, is too large, cannot be read, or
    changed while it was read.
    """
    source = str(path)
    try:
        before = os.stat(path)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", source) from None
    _require_regular(before.st_mode, source)
    _require_size(before.st_size, max_size, source)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", source) from None
    with os.fdopen(descriptor, "rb") as stream:
        opened = os.fstat(stream.fileno())
        _require_regular(opened.st_mode, source)  # replaced between stat and open
        data = read_stream(stream, max_size, source)
        after = os.fstat(stream.fileno())
    if (opened.st_size, opened.st_mtime_ns) != (after.st_size, after.st_mtime_ns) or len(data) != after.st_size:
        raise InputError(
            f"the file changed while it was read ({opened.st_size} bytes, then {after.st_size}); "
            "convert it again once it is complete",
            source,
        )
    return data


def read_stream(stream: BinaryIO, max_size: int | None, source: str) -> bytes:
    """Everything ``stream`` holds, refusing more than ``max_size`` bytes (standard input too)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = stream.read(_CHUNK)
        except OSError as err:
            raise InputError(f"cannot read: {err.strerror or err}", source) from None
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        _require_size(total, max_size, source)
        chunks.append(chunk)


def _require_regular(mode: int, source: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise InputError(f"{kind}, not a regular file: only regular files are read", source)


def _require_size(size: int, max_size: int | None, source: str) -> None:
    if max_size is not None and size > max_size:
        raise InputError(
            f"larger than the {format_size(max_size)} an input may be ({format_size(size)} or more); "
            "raise --max-input-size to convert it",
            source,
        )


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$", re.I)


def parse_size(text: str) -> int | None:
    """``"50M"``, ``"512k"``, ``"2G"``, ``"1048576"`` as bytes (binary multiples, as ``du`` and
    ``sort -S`` take them); ``"0"``, ``"none"`` or ``"unlimited"`` for no cap. Raises ValueError."""
    if text.strip().lower() in ("0", "none", "unlimited"):
        return None
    match = _SIZE.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a size such as 50M, 512K or 2G")
    number, unit = float(match.group(1)), match.group(2).lower()
    return int(number * 1024 ** " kmgt".index(unit or " "))


def format_size(size: int) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"
