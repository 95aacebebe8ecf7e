"""A sentence splitter that knows parliamentary text.

General-purpose splitters break "my hon. Friend" and "vol. 709" into two sentences. This one
finds candidate ends (``.``, ``?``, ``!``, ``…`` and any closing quotes or brackets after them,
followed by white space and a capital, a digit or an opening quote) and vetoes those that end
an abbreviation:

- titles and forms of address, which always precede a name or a noun: "Mr.", "Dr.", "St.",
  "hon.", "right hon." ("my hon. Friend", "the right hon. Member");
- reference abbreviations, which only count when a number follows: "vol. 709", "col. 12",
  "cols. 973-76", "No. 10", "para. 3", "23 Feb. 2022" ("No. The Minister…" still ends);
- initials ("J. K. Rowling") and dotted acronyms ("U.K.", "e.g.");
- list numbering at the start of a sentence ("1. The first point").

Every sentence returned is an exact slice of the input with its surrounding white space
removed, so a summary built from them quotes the speaker verbatim.
"""

from __future__ import annotations

import re

from exporter.language import segment
from exporter.language.segment import needs_general_segmenter

# Abbreviations that never end a sentence, compared in lower case.
TITLES: frozenset[str] = frozenset(
    """mr mrs ms messrs mx dr prof st rev revd hon rt gen lt capt cmdr sgt cllr gov jr sr cf viz
    vs v eg ie esp approx dept""".split()  # noqa: SIM905
)

# Abbreviations that end a sentence unless a number follows ("No. 10" but "No. We will").
NUMBERED: frozenset[str] = frozenset(
    """no nos vol vols col cols para paras p pp s ss sch pt art arts cl r reg regs fig c ch ed
    op jan feb mar apr jun jul aug sep sept oct nov dec""".split()  # noqa: SIM905
)

# A candidate end: terminal punctuation, then closing quotes or brackets.
_END = re.compile(r"[.?!…]+['\"”’)\]]*")
# What may begin the next sentence: opening quotes or brackets, then a capital (of any
# alphabet with case: Latin, Greek, Cyrillic, Armenian), a digit or a currency sign.
_NEXT = re.compile(r"\s+['\"“‘(\[„«]*(\S)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_DOTTED = re.compile(r"^(?:[a-z]{1,2}\.)+[a-z]{1,2}$")
_LIST_MARK = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivxlc]{1,5}|[A-Z])\)?$")
_BLANK_LINE = re.compile(r"\n\s*\n")


def split(text: str, language: str | None = None) -> list[str]:
    """Split ``text`` into sentences, each an exact slice of it, stripped.

    Text that ends its sentences as scripts without spaces or with other marks do
    (Chinese 。, the Devanagari danda ।) is cut by the Unicode rules instead
    (``exporter.language.segment``); ``language`` is the text's BCP 47 tag when known."""
    if needs_general_segmenter(text):
        return segment.sentences(text)
    sentences: list[str] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        for match in _END.finditer(text, block_start, block_end):
            end = match.end()
            following = _NEXT.match(text, end, block_end)
            if following is None or not _opens(following.group(1)):
                continue
            if _is_abbreviation(text, start, match.start(), following.group(0)):
                continue
            _append(sentences, text[start:end])
            start = end
        _append(sentences, text[start:block_end])
    return sentences


def _opens(char: str) -> bool:
    """Whether a sentence may start with ``char``: a capital, a digit or a currency sign."""
    return char.isupper() or char.istitle() or char.isdigit() or char in "£$€"


def _blocks(text: str) -> list[tuple[int, int]]:
    """Blank lines always separate sentences (paragraphs pasted as one string)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _BLANK_LINE.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _append(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        sentences.append(piece)


def _is_abbreviation(text: str, start: int, stop: int, following: str) -> bool:
    """Whether the full stop at ``stop`` belongs to a word rather than ending a sentence."""
    if text[stop] != ".":
        return False
    before = text[start:stop]
    match = _WORD_BEFORE.search(before)
    next_is_digit = following.lstrip(" \t\n\r'\"“‘([")[:1].isdigit()
    if _LIST_MARK.match(before.strip()) and len(before.strip()) <= 5:
        return True  # "1. The first point", "(a). …": a list marker opening the sentence
    if match is None:
        return False
    word = match.group(1)
    glued_to = before[match.start() - 1] if match.start() > 0 else " "
    if not glued_to.isspace() and glued_to not in "([\"'“‘-":
        return False  # the word is part of something else, such as "£1.5m."
    lower = word.lower().rstrip(".")
    if _DOTTED.match(lower):
        return True  # dotted forms: "e.g.", "i.e.", "U.K." (but not "Mr.Chair", run together)
    if lower in TITLES:
        return True
    if lower in NUMBERED:
        return next_is_digit
    if len(word) == 1 and word.isupper():
        return not next_is_digit  # an initial: "J. K. Rowling"
    return False
