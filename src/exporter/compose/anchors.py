"""Stable, unique anchors for headings and speeches."""

from __future__ import annotations

import re


class Anchors:
    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, hint: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", hint.lower()).strip("-")[:40].strip("-") or "section"
        if not base[0].isalpha():
            base = f"s-{base}"
        anchor, n = base, 2
        while anchor in self._used:
            anchor, n = f"{base}-{n}", n + 1
        self._used.add(anchor)
        return anchor
