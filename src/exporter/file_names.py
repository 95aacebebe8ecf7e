"""Output file names that every common file system accepts: at most 255 bytes.

ext4, XFS, Btrfs, APFS and ZFS limit one name (not the path) to 255 bytes (``NAME_MAX``
in POSIX ``<limits.h>``); we count UTF-8 bytes, the encoding of names on all of them, and
apply the same limit everywhere so that the same input gives the same names on every
machine. A name that would be longer keeps as much of its stem as fits, then a hyphen and
a hash of the whole name it stands for, then its suffix and extension: stable from run to
run, distinct for distinct names, and the same for each format of one briefing (the room
kept is that of the longest extension the run writes: ``room_for``). Temporary names are
short and fixed in length (see ``output_set``), so they never push a legal name over the
limit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from exporter.formats import output_format

NAME_MAX = 255  # bytes of UTF-8 in one file name
HASH_CHARS = 12  # hexadecimal digits of SHA-256: 48 bits, no clash in any real archive


def room_for(formats: Iterable[str]) -> int:
    """Bytes to keep for the extension: the longest of the output formats named."""
    return max((encoded_length(output_format(name).extension) for name in formats), default=0)


def encoded_length(text: str) -> int:
    """Bytes of ``text`` in a file name (UTF-8; undecodable bytes kept as themselves)."""
    return len(text.encode("utf-8", "surrogateescape"))


def fit(stem: str, extension: str, suffix: str = "", room: int = 0) -> str:
    """The file name ``stem + suffix + extension``, at most ``NAME_MAX`` bytes.

    ``suffix`` is the part a split adds (``-03-climate-change``); it is kept whole when
    the name is shortened, so the pieces of one long-named day still tell which is which.
    Whether to shorten is decided with ``room`` bytes kept for the extension (at least
    its own): give ``room_for`` the run's formats, so that a briefing's .docx and .pdf are
    shortened together or not at all.
    """
    budget = NAME_MAX - max(room, encoded_length(extension))
    whole = stem + suffix
    if encoded_length(whole) <= budget:
        return whole + extension
    digest = hashlib.sha256(whole.encode("utf-8", "surrogateescape")).hexdigest()[:HASH_CHARS]
    tail = f"-{digest}{suffix}"
    if encoded_length(tail) > budget // 2:  # an unusually long suffix is shortened with the stem
        tail, stem = f"-{digest}", whole
    return _cut(stem, budget - encoded_length(tail)) + tail + extension


def _cut(text: str, limit: int) -> str:
    """The longest start of ``text`` of at most ``limit`` bytes, cut between whole
    characters as a reader sees them (UAX #29 grapheme clusters: a letter keeps its marks)."""
    from uniseg.graphemecluster import grapheme_clusters  # imported when a name is too long

    kept, used = [], 0
    for cluster in grapheme_clusters(text):
        size = encoded_length(cluster)
        if used + size > limit:
            break
        kept.append(cluster)
        used += size
    return "".join(kept).rstrip(" .-_")
