"""Column widths from content: no column narrower than its longest word, the rest shared by
how much text each column holds.

The automatic table layout of CSS 2.1 (17.5.2.2), which browsers and word processors
follow in spirit: each column has a minimum (its widest unbreakable word) and a preferred
width (its widest cell set on one line). If the preferred widths fit, every column gets its
preferred width and the room left over is shared in proportion; otherwise every column
gets its minimum and the rest is shared in proportion to what each column still wants.
A cell spanning columns widens them together when they are too narrow for it. Units are
the caller's (points for the PDF, twips for Word): the measures and the width share them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Widths:
    columns: list[float]  # one per grid column, summing to the width available
    fits: bool  # False: the longest words together are wider than the table, so some must break


def column_widths(
    columns: int,
    cells: Iterable[tuple[range, T]],
    available: float,
    minimum: Callable[[T], float],
    preferred: Callable[[T], float],
    given: Sequence[float] | None = None,
) -> Widths:
    """Widths of ``columns`` columns in a table ``available`` wide.

    ``cells`` are (the columns a cell covers, the cell); ``minimum(cell)`` is the width the
    cell cannot go below (its longest word, with the cell's padding), ``preferred(cell)``
    its width with no line broken. ``given`` are relative widths the composer chose (one per
    column): they replace the preferred widths, but never push a column below its longest
    word.
    """
    if columns == 0:
        return Widths([], True)
    least = [0.0] * columns
    wanted = [0.0] * columns
    for span, cell in sorted(cells, key=lambda item: len(item[0])):
        low = minimum(cell)
        high = max(preferred(cell), low)
        if len(span) == 1:
            least[span[0]] = max(least[span[0]], low)
            wanted[span[0]] = max(wanted[span[0]], high)
        else:
            _widen(least, list(span), low)
            _widen(wanted, list(span), high)
    wanted = [max(w, m) for w, m in zip(wanted, least, strict=True)]
    if given is not None and len(given) == columns and all(g > 0 for g in given):
        scale = sum(given)
        wanted = [max(available * g / scale, m) for g, m in zip(given, least, strict=True)]
    floor, ceiling = sum(least), sum(wanted)
    if floor >= available:
        return Widths(_share(available, least), floor <= available + 1e-6)
    if ceiling <= available:
        return Widths(_share(available, wanted), True)
    ratio = (available - floor) / (ceiling - floor)
    return Widths([m + (w - m) * ratio for m, w in zip(least, wanted, strict=True)], True)


def _share(available: float, weights: list[float]) -> list[float]:
    """``available`` shared in proportion to ``weights`` (evenly when they are all 0)."""
    total = sum(weights)
    if total <= 0:
        return [available / len(weights)] * len(weights)
    return [available * w / total for w in weights]


def _widen(widths: list[float], span: list[int], need: float) -> None:
    """Make the columns of ``span`` at least ``need`` wide together, sharing what is missing
    in proportion to their widths so far (evenly when they have none)."""
    have = sum(widths[c] for c in span)
    if have >= need:
        return
    missing = need - have
    for c in span:
        share = widths[c] / have if have > 0 else 1 / len(span)
        widths[c] += missing * share
