"""Breaking runs of text into lines: greedy, left aligned, never justified.

Lines break at spaces and, in scripts written without them, where the Unicode line
breaking rules (UAX #14) allow: Chinese wraps between characters and a closing 。 never
starts a line (``exporter.language.segment.line_chunks``).

Spaces at a line break are kept as the line's ``trailing`` pieces and drawn after its last
word, so text extracted from the page or through the structure tree reads "denied.
Currently", never "denied.Currently". A word wider than the line (a 200,000-character URL)
is cut between characters instead of overflowing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exporter.language.segment import line_chunks
from exporter.writers.pdf.fonts import string_width
from exporter.writers.pdf.tagging.structure import StructElem

_SPACES = re.compile(r"( +)")


@dataclass(frozen=True, eq=False)
class LinkTarget:
    """One link of the briefing: every annotation drawn for it goes into ``element``."""

    target: str  # a URL, or "#anchor"
    description: str  # the annotation's /Contents
    element: StructElem | None

    @property
    def internal(self) -> bool:
        return self.target.startswith("#")


@dataclass(frozen=True, eq=False)
class Run:
    """Text in one font, size and colour, owned by one structure element."""

    text: str
    face: str
    size: float
    colour: str  # hex RGB without '#'
    rise: float = 0.0
    underline: bool = False
    owner: StructElem | None = None  # None: the block's own element
    link: LinkTarget | None = None
    destination: str | None = None  # a named destination bound where this run is drawn


@dataclass(frozen=True, eq=False)
class Piece:
    text: str
    run: Run
    width: float

    @property
    def is_space(self) -> bool:
        return self.text[:1] == " "


@dataclass(eq=False)
class Line:
    pieces: list[Piece]
    trailing: list[Piece] = field(default_factory=list)


def _words(runs: list[Run]) -> list[tuple[list[Piece], list[Piece]]]:
    """Group pieces into (spaces before, word) pairs; a word may span runs (x², a link)."""
    words: list[tuple[list[Piece], list[Piece]]] = []
    spaces: list[Piece] = []
    word: list[Piece] = []
    for run in runs:
        for part in _SPACES.split(run.text):
            if not part:
                continue
            if part[0] == " ":
                if word:
                    words.append((spaces, word))
                    spaces, word = [], []
                spaces.append(Piece(part, run, string_width(part, run.face, run.size)))
                continue
            for index, chunk in enumerate(line_chunks(part)):
                if index and word:  # a break opportunity with no space (UAX #14): a new word
                    words.append((spaces, word))
                    spaces, word = [], []
                word.append(Piece(chunk, run, string_width(chunk, run.face, run.size)))
    if word:
        words.append((spaces, word))
    return words


def _cut_long_word(word: list[Piece], width: float) -> list[list[Piece]]:
    """Cut a word too wide for a line into line-wide chunks, between characters."""
    chunks: list[list[Piece]] = []
    chunk: list[Piece] = []
    used = 0.0
    for piece in word:
        run = piece.run
        start = 0
        for index, char in enumerate(piece.text):
            char_width = string_width(char, run.face, run.size)
            if used + char_width > width and (chunk or index > start):
                if index > start:
                    part = piece.text[start:index]
                    chunk.append(Piece(part, run, string_width(part, run.face, run.size)))
                chunks.append(chunk)
                chunk, used, start = [], 0.0, index
            used += char_width
        part = piece.text[start:]
        if part:
            chunk.append(Piece(part, run, string_width(part, run.face, run.size)))
    if chunk:
        chunks.append(chunk)
    return chunks


def break_lines(runs: list[Run], width: float) -> list[Line]:
    lines: list[Line] = []
    current: list[Piece] = []
    used = 0.0
    for spaces, word in _words(runs):
        word_width = sum(piece.width for piece in word)
        space_width = sum(piece.width for piece in spaces)
        if current and used + space_width + word_width <= width + 1e-6:
            current.extend(spaces)
            current.extend(word)
            used += space_width + word_width
            continue
        if current:
            lines.append(Line(current, spaces))
        if word_width <= width + 1e-6:
            current, used = list(word), word_width
            continue
        chunks = _cut_long_word(word, width)
        lines.extend(Line(chunk) for chunk in chunks[:-1])
        current = chunks[-1]
        used = sum(piece.width for piece in current)
    if current:
        lines.append(Line(current))
    return lines
