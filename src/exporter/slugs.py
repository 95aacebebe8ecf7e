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
``MAX_CHARACTERS`` characters, cut after a whole word (a single long word between whole
characters: grapheme clusters, so a letter never loses its mark); a briefing named from its
title has its sitting's date, whole, after those (``sitting_slug``). The byte limit of a whole file name
is the batch runner's (``file_names``).
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARACTERS = 50
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)


def slug(text: str, fallback: str = "debate") -> str:
    """ "Законопроект за бюджета" -> "законопроект-за-бюджета"; "हिन्दी" stays whole;
    ``fallback`` when nothing is left. A longer slug loses its last words (whole words
    while any is left whole; a single long word is cut between whole characters)."""
    return _safe(_cut_words(_slugged(text), MAX_CHARACTERS), fallback)


def sitting_slug(title: str, date: str | None, fallback: str = "debate") -> str:
    """The slug of a briefing named from its ``title`` (a record read from standard input),
    ending in the sitting's ``date`` as the briefing writes it ("28 October 2009"), whole:
    what tells two sittings of one house, place or debate apart. The title's words are cut
    as ``slug`` cuts them (at most ``MAX_CHARACTERS``), never the date, which follows them;
    a date the title already holds is said once, at the end ("House of Commons, Written
    Ministerial Statements, 28 October 2009" ->
    "house-of-commons-written-ministerial-statements-28-october-2009"). Without a date,
    ``slug``."""
    day = _slugged(date or "")
    if not day:
        return slug(title, fallback)
    words = _slugged(title)
    if f"-{day}-" in f"-{words}-":  # said once, at the end
        start = f"-{words}-".rindex(f"-{day}-")
        words = (words[: max(start - 1, 0)] + "-" + words[start + len(day) :]).strip("-")
        words = re.sub(r"-+", "-", words)
    kept = _cut_words(words, MAX_CHARACTERS)
    return _safe(f"{kept}-{day}" if kept else day, fallback)


def _slugged(text: str) -> str:
    """Every letter, mark and digit of ``text`` (NFC, lower-cased), one hyphen for each run
    of anything else; uncut."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFC", text).lower():
        kept.append(char if unicodedata.category(char)[0] in "LMN" else "-")
    return re.sub(r"-+", "-", "".join(kept)).strip("-")


def _clusters(text: str) -> list[str]:
    from uniseg.graphemecluster import grapheme_clusters  # imported when a slug is made

    return list(grapheme_clusters(text))


def _cut_words(text: str, limit: int) -> str:
    """The longest start of ``text`` of at most ``limit`` characters (grapheme clusters)
    that ends at the end of a word, when one fits; else cut between whole characters."""
    clusters = _clusters(text)
    if len(clusters) <= limit:
        return text
    cut = "".join(clusters[:limit])
    if clusters[limit] != "-" and "-" in cut:
        cut = cut[: cut.rindex("-")]
    return cut.strip("-")


def _safe(joined: str, fallback: str) -> str:
    if not joined:
        return fallback
    return f"{joined}-" + fallback if _WINDOWS_RESERVED.match(joined) else joined
