"""Run normalisation shared by every reader.

Whitespace is collapsed as HTML and XML collapse it, adjacent runs with the same
properties are joined (so ParlParse's split ``<I>Beverley Freem</I><I>e</I>`` becomes one
run), whitespace-only runs lose their style, and the paragraph's ends are trimmed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from exporter.model import Run

_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # not \s: a no-break space is deliberate
_RunLook = tuple[bool, bool, bool, "str | None", "str | None"]  # a Run's fields after its text


def merge_runs(runs: Iterable[Run]) -> tuple[Run, ...]:
    """Collapse whitespace, join neighbours that look alike, and trim the ends."""
    # texts and looks kept apart, Runs built only at the end: a 1 MB day stays fast
    texts: list[str] = []
    looks: list[_RunLook] = []
    for run in runs:
        text = _collapse(run.text)
        if not text:
            continue
        look = _look_of(run)
        if not text.strip(" "):
            text, look = " ", (False, False, False, None, run.lang)  # a styled space is no style change
        if texts and texts[-1].endswith(" ") and text.startswith(" "):
            text = text.lstrip(" ")
            if not text:
                continue
        if looks and looks[-1] == look:
            texts[-1] += text
        else:
            texts.append(text)
            looks.append(look)
    if texts:
        texts[0] = texts[0].lstrip(" ")
        texts[-1] = texts[-1].rstrip(" ")
    merged = [Run(text, *look) for text, look in zip(texts, looks, strict=True)]
    if not all(texts):  # dropping an empty run can make neighbours alike
        return merge_runs(run for run in merged if run.text)
    return tuple(merged)


def _collapse(text: str) -> str:
    if "  " not in text and not any(c in text for c in "\t\r\n\f\v"):  # str scans beat a regex
        return text
    return _SPACE.sub(" ", text)


def _look_of(run: Run) -> _RunLook:
    return (run.emphasis, run.strong, run.superscript, run.link, run.lang)
