"""Text that shows nothing: the one test, for cleaning a record, validating the briefing tree
and checking the files written, of whether a name, a title or a heading has any words.

A string reads as nothing when it is empty or holds only characters that draw nothing:
spaces and separators (Unicode categories Zs, Zl, Zp), control and format characters (Cc,
Cf: U+200B ZERO WIDTH SPACE, U+FEFF, U+2060 WORD JOINER, U+00AD SOFT HYPHEN, the
bidirectional marks), combining marks with no base (Mn, Me), and the fillers fonts draw
blank (Hangul fillers U+115F, U+1160, U+3164, U+FFA0; U+2800 BRAILLE PATTERN BLANK; U+180E
MONGOLIAN VOWEL SEPARATOR). ``str.strip()`` removes only the spaces: a heading of U+200B is
not empty to it, and is silent to a screen reader.
"""

from __future__ import annotations

import unicodedata

_BLANK_FILLERS = frozenset("\u115f\u1160\u180e\u2800\u3164\uffa0")
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"})


def reads_as_nothing(text: str | None) -> bool:
    """True for None, "", and text of only spaces, format characters and blank fillers."""
    return not text or all(
        c in _BLANK_FILLERS or unicodedata.category(c) in _INVISIBLE_CATEGORIES for c in text
    )


def described(text: str) -> str:
    """What an invisible ``text`` holds, as code points ("U+200B U+FEFF"; at most eight,
    then "…"), so that a message can say what was there; "nothing" for ""."""
    if not text:
        return "nothing"
    codes = [f"U+{ord(c):04X}" for c in text[:8]]
    return " ".join(codes) + (" …" if len(text) > 8 else "")
