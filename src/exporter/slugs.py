"""File-name slugs that keep the letters of every script and are safe on Windows, macOS and
Linux.

General slug libraries drop what is not a "word character" to Python's ``re``, which cuts
Devanagari, Bengali and other Indic words at every vowel sign and virama (combining marks
are not ``\\w``: "हिन्दी" became "ह-द"). Here a slug keeps every letter, combining mark and
digit of any script (Unicode categories L, M, N), in NFC (the form Windows and Linux
store, and which macOS's file systems accept), lower-cased; everything else (spaces,
punctuation, the characters Windows forbids ``<>:"/\\|?*``, controls, format and bidi
characters) becomes one hyphen. A slug never ends in a dot or a space, is never one of
the names Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9), and is at most
``MAX_CHARACTERS`` characters, cut between whole characters (grapheme clusters, so a
letter never loses its mark); the byte limit of a whole file name is the batch runner's.
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARACTERS = 50
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)


def slug(text: str, fallback: str = "debate") -> str:
    """ "Законопроект за бюджета" -> "законопроект-за-бюджета"; "हिन्दी" stays whole;
    ``fallback`` when nothing is left."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFC", text).lower():
        kept.append(char if unicodedata.category(char)[0] in "LMN" else "-")
    joined = re.sub(r"-+", "-", "".join(kept)).strip("-")
    from uniseg.graphemecluster import grapheme_clusters  # imported when a slug is made

    clusters = list(grapheme_clusters(joined))
    if len(clusters) > MAX_CHARACTERS:
        joined = "".join(clusters[:MAX_CHARACTERS]).strip("-")
    if not joined:
        return fallback
    return f"{joined}-" + fallback if _WINDOWS_RESERVED.match(joined) else joined
