"""Breaking runs of text into lines: greedy, left aligned, never justified.

Lines break at spaces and, in scripts written without them, where the Unicode line
breaking rules (UAX #14) allow: Chinese wraps between characters and a closing 。 never
starts a line (``exporter.language.segment.line_chunks``).

Spaces at a line break are kept as the line's ``trailing`` pieces and drawn after its last
word, so text extracted from the page or through the structure tree reads "denied.
Currently", never "denied.Currently". A word wider than the line (a 200,000-character URL)
is cut between characters instead of overflowing. A line holds at most ``max_chars``
characters when a measure is given (the style's longest line), whatever its width.

Letter and word spacing (PDF ``Tc`` and ``Tw``, ISO 32000-1 9.3.2 and 9.3.3) are part of
every width measured here, so lines, underlines and link rectangles match what is drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exporter.language.segment import is_plain, line_chunks
from exporter.writers.pdf.fonts import TextWidths
from exporter.writers.pdf.tagging.structure import StructElem

_PARTS = re.compile(r" +|[^ ]+")  # runs of spaces, and what lies between them


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
    char_space: float = 0.0  # points added after each character (Tc)
    word_space: float = 0.0  # points added to each space (Tw)
    widths: TextWidths = field(kw_only=True)  # the writer's measured strings


def run_width(text: str, run: Run) -> float:
    """The drawn width of ``text`` in ``run``'s font, size and spacing, in points.

    ReportLab sets a space (and a no-break space) as code 32 in every TrueType subset,
    the one code ``Tw`` applies to."""
    return _spaced(text, run, run.widths.width(text, run.face, run.size))


def _spaced(text: str, run: Run, width: float) -> float:
    """``width`` (the string's advance) with ``run``'s letter and word spacing added."""
    if run.char_space:
        width += run.char_space * len(text)
    if run.word_space:
        width += run.word_space * (text.count(" ") + text.count("\u00a0"))
    return width


class Piece:
    """A word, a part of one, or spaces, in one run, with its drawn width in points."""

    __slots__ = ("run", "text", "width")

    def __init__(self, text: str, run: Run, width: float) -> None:
        self.text = text
        self.run = run
        self.width = width

    @property
    def is_space(self) -> bool:
        return self.text[:1] == " "


@dataclass(eq=False)
class Line:
    pieces: list[Piece]
    trailing: list[Piece] = field(default_factory=list)


# A word and the spaces before it: (spaces, pieces, the spaces' width, the word's width, in
# points, the spaces' length, the word's length, in characters).
_Word = tuple[list[Piece], list[Piece], float, float, int, int]


def _words(runs: list[Run]) -> list[_Word]:
    """Group pieces into words, each with the spaces before it; a word may span runs (x²,
    a link). Each string is measured once per face and size (``Run.widths``)."""
    words: list[_Word] = []
    spaces: list[Piece] = []
    pieces: list[Piece] = []
    space_width = width = 0.0
    space_count = count = 0
    for run in runs:
        measured = run.widths.table(run.face, run.size)
        plain = is_plain(run.text)
        spaced = bool(run.char_space or run.word_space)
        for part in _PARTS.findall(run.text):
            if part[0] == " ":
                if pieces:
                    words.append((spaces, pieces, space_width, width, space_count, count))
                    spaces, pieces, space_width, width, space_count, count = [], [], 0.0, 0.0, 0, 0
                measure = measured.get(part)
                if measure is None:
                    measure = measured[part] = run.widths.width(part, run.face, run.size)
                if spaced:
                    measure = _spaced(part, run, measure)
                spaces.append(Piece(part, run, measure))
                space_width += measure
                space_count += len(part)
                continue
            for index, chunk in enumerate((part,) if plain else line_chunks(part)):
                if index and pieces:  # a break opportunity with no space (UAX #14): a new word
                    words.append((spaces, pieces, space_width, width, space_count, count))
                    spaces, pieces, space_width, width, space_count, count = [], [], 0.0, 0.0, 0, 0
                measure = measured.get(chunk)
                if measure is None:
                    measure = measured[chunk] = run.widths.width(chunk, run.face, run.size)
                if spaced:
                    measure = _spaced(chunk, run, measure)
                pieces.append(Piece(chunk, run, measure))
                width += measure
                count += len(chunk)
    if pieces:
        words.append((spaces, pieces, space_width, width, space_count, count))
    return words


def _cut_long_word(word: list[Piece], width: float, max_chars: int) -> list[list[Piece]]:
    """Cut a word too wide (or too long) for a line into line-wide chunks, between characters."""
    chunks: list[list[Piece]] = []
    chunk: list[Piece] = []
    used = 0.0
    count = 0
    for piece in word:
        run = piece.run
        start = 0
        for index, char in enumerate(piece.text):
            char_width = run_width(char, run)
            full = used + char_width > width or count + 1 > max_chars
            if full and (chunk or index > start):
                if index > start:
                    part = piece.text[start:index]
                    chunk.append(Piece(part, run, run_width(part, run)))
                chunks.append(chunk)
                chunk, used, count, start = [], 0.0, 0, index
            used += char_width
            count += 1
        part = piece.text[start:]
        if part:
            chunk.append(Piece(part, run, run_width(part, run)))
    if chunk:
        chunks.append(chunk)
    return chunks


def _length(pieces: list[Piece]) -> int:
    return sum(len(piece.text) for piece in pieces)


def break_lines(runs: list[Run], width: float, max_chars: int = 0) -> list[Line]:
    """Greedy line breaking into ``width`` points and, when ``max_chars`` is given, at
    most that many characters a line (trailing spaces not counted)."""
    limit = max_chars if max_chars > 0 else 1 << 62
    room = width + 1e-6
    lines: list[Line] = []
    current: list[Piece] = []
    used = 0.0
    count = 0
    for spaces, pieces, space_width, word_width, space_count, word_count in _words(runs):
        if current and used + space_width + word_width <= room and count + space_count + word_count <= limit:
            current.extend(spaces)
            current.extend(pieces)
            used += space_width + word_width
            count += space_count + word_count
            continue
        if current:
            lines.append(Line(current, spaces))
        if word_width <= room and word_count <= limit:
            current, used, count = list(pieces), word_width, word_count
            continue
        chunks = _cut_long_word(pieces, width, limit)
        lines.extend(Line(chunk) for chunk in chunks[:-1])
        current = chunks[-1]
        used = sum(piece.width for piece in current)
        count = _length(current)
    if current:
        lines.append(Line(current))
    return lines
