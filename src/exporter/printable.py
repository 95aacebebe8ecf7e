"""Text that can be shown on one line of a terminal, a CI log or an XML report, whatever it holds.

File names may hold anything but ``/`` and NUL: newlines, escape sequences that move a
terminal's cursor or rewrite its title, bidirectional overrides that reorder what is shown
(the "Trojan Source" trick, CVE-2021-42574), and bytes that are not UTF-8 (Python keeps them
as lone surrogates). Here control characters (Unicode category Cc: C0, DEL, C1), the line and
paragraph separators (U+2028, U+2029), the bidirectional controls and lone surrogates are
written as escapes (``\\n``, ``\\x1b``,
``\\u202e``, ``\\xff`` for an undecodable byte), so a name is one line and shows as it is.
What a stream cannot encode is the stream's business (``errors="replace"``).
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """``text`` with control characters, bidirectional controls and undecodable bytes escaped."""
    if text.isprintable() and text.isascii():
        return text
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    category = unicodedata.category(char)
    if category == "Cc":
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
    if char in _BIDI or category in ("Zl", "Zp"):
        return f"\\u{code:04x}"
    return char
