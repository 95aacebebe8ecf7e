"""Run normalisation shared by every reader.

Whitespace is collapsed as HTML and XML collapse it, adjacent runs with the same
properties are joined (so ParlParse's split ``<I>Beverley Freem</I><I>e</I>`` becomes one
run), whitespace-only runs lose their style, and the paragraph's ends are trimmed.

A reader that takes an inline element out of a paragraph (a speaker label, a note
reference, an event with nothing to show) leaves the punctuation printed after it: the
Italian Senate prints "PRESIDENTE. La seduta è aperta" and marks the name up apart, so the
paragraph would begin ". La seduta". :func:`without_stray_lead` takes that punctuation off
where the element stood at the paragraph's start, and only there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from exporter.model import Run

#: What an element taken out of a paragraph's start leaves: a full stop, colon, semicolon or
#: comma (not an ellipsis's dots, not a decimal point), or a label's ".-" or "- " (the Spanish
#: "El señor X.- "), with the spaces around it.
STRAY_LEAD = re.compile(r"^\s*(?:\.-|[.:;,](?![.\d])|-(?=\s))\s*")
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


def without_stray_lead(pieces: Iterable[Run | None]) -> list[Run]:
    """``pieces`` of a paragraph, where ``None`` stands for an inline element the reader took
    out, without the punctuation such an element left at the paragraph's start
    (:data:`STRAY_LEAD`): only when the element came before any word. An element taken out
    after the paragraph's first words leaves its punctuation, which then belongs to them."""
    runs: list[Run] = []
    removed = False
    started = False
    for piece in pieces:
        if piece is None:
            removed = removed or not started
            continue
        if removed and not started:
            piece = replace(piece, text=STRAY_LEAD.sub("", piece.text, count=1))
        started = started or bool(piece.text.strip())
        runs.append(piece)
    return runs


def runs_without_stray_lead(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """A paragraph's runs that follow an element taken out before them (a speech's label
    printed ahead of its first paragraph) without the punctuation it left (:data:`STRAY_LEAD`)."""
    return merge_runs(without_stray_lead([None, *runs]))
