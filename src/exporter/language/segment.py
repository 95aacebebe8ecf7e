"""Sentences and word counts for every script.

The summariser's tuned splitter (``exporter.summarise.sentences``) knows the abbreviations
of parliamentary English ("hon. Friend", "vol. 709") where general segmenters are known
to be wrong, but it only knows sentences that end in ``.``, ``?``, ``!`` and a space.
Chinese and Japanese end sentences with 。！？ and no space, Hindi and Marathi with the
danda ।, Urdu with ۔, Amharic with ።: text holding those is cut by the Unicode sentence
boundary rules (UAX #29, "Unicode Text Segmentation", section 5), as the pure-Python
uniseg implements them (no build step, data from the Unicode Character Database).

Words are counted as readers of each script count them: one per run of letters between
spaces, and one per character in scripts written without spaces between words (Han,
Hiragana, Katakana, Thai, Lao, Khmer, Myanmar), as Chinese and Japanese word counts do.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Sentence-ending marks of scripts other than Latin, Greek and Cyrillic: ideographic and
# fullwidth full stop, question and exclamation marks; Devanagari danda and double danda;
# Arabic question mark and Urdu full stop; Ethiopic full stop and question mark; Myanmar,
# Khmer and Tibetan marks.
OTHER_TERMINATORS = frozenset("。．！？｡।॥؟۔።፧፨။៕།")

# Scripts written without spaces between words, by code point range (Unicode blocks).
_SPACELESS = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFF66, 0xFF9F),  # halfwidth Katakana
    (0x20000, 0x3FFFF),  # CJK Unified Ideographs Extensions B-H
)
_BLANK_LINE = re.compile(r"\n\s*\n")
# Any character of those blocks (letter or not), or a sentence end of another script: text
# holding none of them is plain text, and the questions below have their Latin answer. One
# regular expression search scans it in C, where asking each character costs a Python call.
_SPACELESS_BLOCK = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _SPACELESS) + "]")
_OTHER_TERMINATOR = re.compile("[" + "".join(sorted(OTHER_TERMINATORS)) + "]")


def spaceless(char: str) -> bool:
    """Whether ``char`` is a letter of a script written without spaces between words."""
    code = ord(char)
    return char.isalpha() and any(low <= code <= high for low, high in _SPACELESS)


def any_spaceless(text: str) -> bool:
    """Whether ``text`` holds a letter of a script written without spaces between words."""
    if _SPACELESS_BLOCK.search(text) is None:
        return False
    return any(spaceless(char) for char in text)


def needs_general_segmenter(text: str) -> bool:
    """Whether ``text`` ends sentences in a way the Latin-script splitter does not know."""
    if _SPACELESS_BLOCK.search(text) is None and _OTHER_TERMINATOR.search(text) is None:
        return False
    return any(char in OTHER_TERMINATORS or spaceless(char) for char in text)


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` by UAX #29, each an exact slice of it with its surrounding
    white space removed; a blank line always ends one."""
    from uniseg.sentencebreak import sentence_boundaries  # uniseg is imported when text needs it

    found: list[str] = []
    start = 0
    blocks = [*(m.start() for m in _BLANK_LINE.finditer(text))]
    for cut in [*blocks, len(text)]:
        block = text[start:cut]
        boundaries = list(sentence_boundaries(block))
        for low, high in zip(boundaries, boundaries[1:], strict=False):
            piece = block[low:high].strip()
            if piece:
                found.append(piece)
        start = cut
    return found


def count_words(text: str) -> int:
    """Words in ``text``: runs of characters between spaces, except that each letter of a
    script written without spaces counts as one ("立法院 2012" is four)."""
    if _SPACELESS_BLOCK.search(text) is None:
        return len(text.split())
    count = 0
    for token in text.split():
        letters = sum(1 for char in token if spaceless(char))
        rest = any(char.isalnum() and not spaceless(char) for char in token)
        count += letters + (1 if rest or not letters else 0)
    return count


def _plain(char: str) -> bool:
    """A character before the CJK blocks and of no script written without spaces: text of
    only these breaks at spaces alone, as the layout already does."""
    return char < "\u2e80" and not spaceless(char)


# Characters that may not be plain: the blocks of scripts without spaces below U+2E80, and
# everything from it on (a negated class: much quicker to compile than the range).
_PERHAPS_UNPLAIN = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _SPACELESS if high < 0x2E80) + "]|[^\x00-\u2e7f]"
)


def is_plain(text: str) -> bool:
    """Whether ``text`` breaks into lines at spaces alone (``line_chunks`` would keep each of
    its words whole): true of Latin, Greek and Cyrillic text, and most text in a briefing."""
    if _PERHAPS_UNPLAIN.search(text) is None:
        return True
    return all(_plain(char) for char in text)


@lru_cache(maxsize=8192)
def line_chunks(text: str) -> tuple[str, ...]:
    """``text`` (holding no spaces) cut where the Unicode line breaking rules (UAX #14,
    through uniseg) allow a line to end: between Chinese characters, never before a closing
    。，」 or after an opening 「. Text of Latin, Greek or Cyrillic letters stays whole, so
    its lines still break at spaces only. Cached: a paragraph is laid out at several widths."""
    if is_plain(text):
        return (text,)
    from uniseg.linebreak import line_break_units  # imported when text needs it

    return tuple(line_break_units(text))
