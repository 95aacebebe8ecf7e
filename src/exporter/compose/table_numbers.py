"""Tables numbered in the order a reader meets them.

A table is captioned as it is composed, before the briefing's order is final: a sitting
day's Speakers table is composed before the debates and placed after them, at the back. So
a caption is made with a placeholder where its number goes (``TableNumbers.placeholder``,
given to the catalog's "Table {number}: …" as the number), and when the tree's blocks are
in their final order ``TableNumbers.number`` puts 1, 2, 3 … in the placeholders in reading
order (descending into list items). A warning that names a table by its number waits for
its number (``TableNumbers.warn``). A caption without a placeholder (a record's own caption
in another language than the interface's) is not numbered and takes no number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from exporter import document as d
from exporter.diagnostics import Reporter

# NUL never survives reading (XML cannot hold it; cleaning drops control characters), so a
# placeholder cannot be met in a record's words.
_PLACEHOLDER = re.compile("\x00([0-9]+)\x00")


@dataclass(frozen=True)
class _Waiting:
    placeholder: str
    code: str
    message: str  # with "{number}" where the table's number goes
    location: str | None


@dataclass
class TableNumbers:
    """The tables of one briefing while it is composed: their placeholders, then their numbers."""

    _made: int = 0
    _waiting: list[_Waiting] = field(default_factory=list)

    def placeholder(self) -> str:
        """A new table's placeholder for its number (a string unique in this briefing)."""
        self._made += 1
        return f"\x00{self._made}\x00"

    def warn(self, placeholder: str, code: str, message: str, location: str | None = None) -> None:
        """Report a warning about the table holding ``placeholder`` once it is numbered:
        ``message`` with ``{number}`` where its number goes (``str.format``)."""
        self._waiting.append(_Waiting(placeholder, code, message, location))

    def number(self, blocks: tuple[d.Block, ...], reporter: Reporter) -> tuple[d.Block, ...]:
        """``blocks`` (in their final order) with every placeholder replaced by its table's
        number in reading order, from 1; then the waiting warnings, reported in that order."""
        numbers: dict[str, int] = {}

        def numbered(block: d.Block) -> d.Block:
            if isinstance(block, d.Table):
                found = _PLACEHOLDER.search(block.caption)
                if found is None:
                    return block
                numbers[found.group(0)] = len(numbers) + 1
                return replace(block, caption=_PLACEHOLDER.sub(str(numbers[found.group(0)]), block.caption))
            if isinstance(block, d.BulletList):
                items = tuple(replace(item, blocks=tuple(map(numbered, item.blocks))) for item in block.items)
                return replace(block, items=items)
            return block

        result = tuple(map(numbered, blocks))
        for waiting in sorted(self._waiting, key=lambda w: numbers.get(w.placeholder, 0)):
            number = numbers.get(waiting.placeholder, "?")  # every composed table is placed
            reporter.warn(waiting.code, waiting.message.format(number=number), waiting.location)
        return result
