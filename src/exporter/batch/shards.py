"""``--shard K/N``: a stable share of a run's inputs, so that N CI jobs cover an archive together.

Each input belongs to exactly one of the N shards, chosen by a hash of its path relative to
the folder it was found in (``Source.relative``; a file named on its own: its name), in
Unicode NFC, so that the choice is the same on every checkout, operating system and run:
the first eight bytes of the SHA-256 of that path in UTF-8, as a big-endian number,
modulo N, plus one. Shards do not overlap and together miss nothing; each keeps the order
the whole run would have (``Source.index``), so that their reports can be merged back
into the whole run's (``merge``). The share does not depend on the inputs' content, so an
edit never moves an input from one shard to another, and adding or removing one input
moves no other.

A record read from standard input (``-``) has no path to hash: it cannot be sharded.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace

from exporter.batch.inputs import Plan, Source, UsageProblem

_FORM = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
MAX_SHARDS = 10_000  # far beyond any CI matrix (GitHub Actions allows 256 jobs, GitLab 200)


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` (from 1) of ``count``."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    @property
    def label(self) -> str:
        return f"shard {self.index} of {self.count}"


def parse(text: str) -> Shard:
    """``"K/N"`` as a Shard. Raises ValueError with a message for the user."""
    match = _FORM.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r}: give K/N, this job's number and the number of jobs (--shard 2/4)")
    index, count = int(match[1]), int(match[2])
    if not 1 <= count <= MAX_SHARDS:
        raise ValueError(f"{text!r}: the number of shards must be 1 to {MAX_SHARDS}")
    if not 1 <= index <= count:
        raise ValueError(f"{text!r}: K must be 1 to {count}")
    return Shard(index, count)


def owner(relative: str, count: int) -> int:
    """The shard (1 to ``count``) that an input at ``relative`` (POSIX path) belongs to."""
    key = unicodedata.normalize("NFC", relative).encode("utf-8", "surrogateescape")
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % count + 1


def take(plan: Plan, shard: Shard) -> Plan:
    """The inputs of ``plan`` that belong to ``shard``, each keeping its index in the whole
    plan. Raises UsageProblem for standard input, which has no path to share out."""
    if any(source.path is None for source in plan.sources):
        raise UsageProblem(["--shard shares out files by their paths: standard input (-) cannot be sharded"])
    mine = [source for source in plan.sources if in_shard(source, shard)]
    return replace(plan, sources=mine, shard=shard, total=len(plan.sources))


def in_shard(source: Source, shard: Shard) -> bool:
    return owner(source.relative, shard.count) == shard.index
