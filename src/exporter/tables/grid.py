"""Where each cell of a table sits: rows of spanning cells laid onto a grid of slots.

The table model of HTML (WHATWG HTML, "Processing model" of tables, 4.9.12), which Akoma
Ntoso, TEI and ISO 32000's Table attributes (``ColSpan``, ``RowSpan``) share: cells are
given row by row, left to right; each takes the first slot of its row not already covered
by a cell above that spans down into it, and covers ``colspan`` x ``rowspan`` slots. The
grid is as wide as its widest row.

``lay_out`` works on any cells with ``colspan`` and ``rowspan`` (the debate model's and
the briefing tree's alike) and never fails: what does not add up is clamped and reported
as a ``GridFault``, so that validation can say what it repaired and writers can draw any
table they are given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar


class Spanning(Protocol):
    @property
    def colspan(self) -> int: ...

    @property
    def rowspan(self) -> int: ...


C = TypeVar("C", bound=Spanning)


@dataclass(frozen=True)
class Placed(Generic[C]):
    """A cell where it sits: its first row and column (0-based) and the slots it covers."""

    cell: C
    row: int
    column: int
    rowspan: int  # as laid out: never past the end of its row group
    colspan: int  # as laid out: never over a slot another cell covers

    @property
    def rows(self) -> range:
        return range(self.row, self.row + self.rowspan)

    @property
    def columns(self) -> range:
        return range(self.column, self.column + self.colspan)


@dataclass(frozen=True)
class GridFault:
    row: int  # 0-based
    message: str  # what does not add up, then how it was laid out
    column: int | None = None  # 0-based: where the cell at fault sits, for a span cut to fit


@dataclass
class Grid(Generic[C]):
    rows: int
    columns: int
    placed: list[Placed[C]]  # in reading order: by row, then column
    slots: list[list[Placed[C] | None]]  # [row][column]: the cell covering it; None for a hole
    faults: list[GridFault] = field(default_factory=list)

    def at(self, row: int, column: int) -> Placed[C] | None:
        return self.slots[row][column]

    def starting_in(self, row: int) -> list[Placed[C]]:
        """The cells given in ``row`` (those that begin there), left to right."""
        return [p for p in self.placed if p.row == row]

    def holes(self, row: int) -> int:
        """How many slots of ``row`` no cell covers."""
        return sum(1 for slot in self.slots[row] if slot is None)

    @property
    def adds_up(self) -> bool:
        """Every slot covered by exactly one cell, every span as given."""
        return not self.faults and all(self.holes(r) == 0 for r in range(self.rows))


def lay_out(rows: Sequence[Sequence[C]], groups: Sequence[int] = ()) -> Grid[C]:
    """Lay ``rows`` out on a grid.

    ``groups`` are the row indices where a new row group begins (the first body row after
    header rows): as in HTML, a cell never spans down across a group's end. A rowspan past
    the end of its group, or a colspan over a slot a cell above already covers, is clamped
    and reported; a row shorter than the grid leaves holes (``Grid.holes``), reported too.
    """
    ends = sorted({g for g in groups if 0 < g < len(rows)} | {len(rows)})
    taken: dict[tuple[int, int], Placed[C]] = {}
    placed: list[Placed[C]] = []
    faults: list[GridFault] = []
    for r, row in enumerate(rows):
        group_end = next(end for end in ends if end > r)
        column = 0
        for cell in row:
            while (r, column) in taken:
                column += 1
            colspan, rowspan = max(cell.colspan, 1), max(cell.rowspan, 1)
            if r + rowspan > group_end:
                faults.append(
                    GridFault(
                        r,
                        f"a cell spans {rowspan} rows where {group_end - r} are left in its row group;"
                        f" it spans {group_end - r}",
                        column,
                    )
                )
                rowspan = group_end - r
            free = 1
            while free < colspan and not any((rr, column + free) in taken for rr in range(r, r + rowspan)):
                free += 1
            if free < colspan:
                faults.append(
                    GridFault(
                        r,
                        f"a cell spans {colspan} columns but a cell above covers column {column + free + 1};"
                        f" it spans {free}",
                        column,
                    )
                )
                colspan = free
            here = Placed(cell, r, column, rowspan, colspan)
            placed.append(here)
            for rr in here.rows:
                for cc in here.columns:
                    taken[rr, cc] = here
            column += colspan
    width = max((c + 1 for (_, c) in taken), default=0)
    slots: list[list[Placed[C] | None]] = [
        [taken.get((r, c)) for c in range(width)] for r in range(len(rows))
    ]
    for r, line in enumerate(slots):
        missing = sum(1 for slot in line if slot is None)
        if missing:
            faults.append(GridFault(r, f"row {r + 1} covers {width - missing} of {width} columns"))
        elif not rows[r]:
            faults.append(GridFault(r, f"row {r + 1} has no cell of its own (spans from above cover it)"))
    return Grid(len(rows), width, placed, slots, faults)


def without_rows(grid: Grid[C], drop: set[int]) -> list[list[Placed[C]]]:
    """The cells row by row, as laid out, with the rows in ``drop`` left out: a cell spanning
    over a dropped row spans one row fewer, and the cells that begin in one go with it."""
    kept: list[list[Placed[C]]] = []
    for r in range(grid.rows):
        if r in drop:
            continue
        kept.append(
            [
                Placed(p.cell, len(kept), p.column, p.rowspan - len(drop.intersection(p.rows)), p.colspan)
                for p in grid.starting_in(r)
            ]
        )
    return kept
