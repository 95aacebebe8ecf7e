"""When a sitting began and adjourned, as the record itself says it in its procedural text.

The time stamps of a record mark when a speech or a heading came, not when the sitting began
or ended: a record may start after the sitting's opening business, and its last stamp is
that of the last speech, not of the adjournment. So the sitting's own times are taken only
from what the record states:

- began: a procedural note before the first speech, "The House met at 10.02 am", "The
  meeting began at 13:30", "Meeting opened at 09:15" (the Senedd's Welsh "Dechreuodd y
  cyfarfod am 13:30" too);
- adjourned: a procedural note "House adjourned at 2.45 pm", "Adjourned accordingly at
  10.31 pm", "The Committee rose at 5 pm", "Meeting closed at 17:30", "The meeting ended at
  17:02" ("Daeth y cyfarfod i ben am 17:02"); or a bare time stamp with nothing but procedure
  between it and "House adjourned." (the Hansard API prints the time stamp, then the
  adjournment). "Debate adjourned", "Adjourned till …" and an adjournment with speeches
  after it are not the sitting's end;
- suspended: whether a procedural note says the sitting was suspended ("Sitting suspended
  for a Division in the House", "Meeting suspended at 12:30", "Ataliwyd y cyfarfod").

A clock time is read only where it cannot be misread: "2.45 pm", "2.45 p.m.", "noon",
"midnight", or a 24-hour time ("14:03", "09:30", "16.42"); "10.30" with no am or pm (Hansard
writes "10.30 pm" for half past ten at night) and times in words ("half-past Two o'clock")
are not read, so nothing is claimed from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exporter.model import Item, Procedural, ProceduralKind, Speech, block_runs

_CLOCK = (
    r"((?:12\s+)?noon|midnight"
    r"|\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    r"|\d{1,2}[.:]\d{2}(?!\s*(?:a\.?\s?m|p\.?\s?m)))"
)
_BEGAN = re.compile(
    rf"\b(?:met|sat|began|commenced|opened|started|assembled|convened)\s+at\s+{_CLOCK}"
    rf"|\bdechreuodd\b.{{0,40}}?\bam\s+{_CLOCK}",
    re.IGNORECASE,
)
_ADJOURNED = re.compile(
    rf"\b(?:adjourned(?:\s+accordingly)?|rose|closed|ended|concluded)\s+at\s+{_CLOCK}"
    rf"|\bdaeth\b.{{0,40}}?\bi\s+ben\s+am\s+{_CLOCK}",
    re.IGNORECASE,
)
# "House adjourned.", "Sitting adjourned.", "Adjourned accordingly." (no time in the words)
_ADJOURNMENT = re.compile(
    r"^\W*(?:the\s+)?(?:house|sitting|committee|senate|assembly|meeting|parliament|chamber)?\s*"
    r"(?:adjourned|rose)(?:\s+accordingly)?\W*$",
    re.IGNORECASE,
)
_SUSPENDED = re.compile(r"\b(?:sitting|meeting|house|committee)\s+(?:was\s+)?suspended\b|\bataliwyd\b", re.I)
_DEBATE = re.compile(r"\bdebate\b|\bdadl\b", re.IGNORECASE)


@dataclass(frozen=True)
class StatedTimes:
    began: int | None  # seconds after midnight, when the record says when the sitting began
    adjourned: int | None  # when it says the sitting adjourned
    suspended: bool  # it says the sitting was suspended at some point


def stated_times(items: list[Item], seconds: dict[int, int]) -> StatedTimes:
    """The sitting's times as ``items`` (every item in reading order) state them;
    ``seconds`` gives the clock time of each bare time stamp by its index in ``items``."""
    began: int | None = None
    adjourned: int | None = None
    suspended = False
    spoken = False
    stamp: int | None = None  # the last bare time stamp, while only procedure follows it
    for index, item in enumerate(items):
        if isinstance(item, Speech):
            spoken = True
            stamp = None
            adjourned = None  # words spoken after it: that was not the sitting's end
            continue
        if not isinstance(item, Procedural):
            continue
        if item.kind is ProceduralKind.TIME and index in seconds:
            stamp = seconds[index]
            continue
        for text in _texts(item):
            if not spoken and began is None and (match := _BEGAN.search(text)):
                began = _clock(_group(match))
            if _DEBATE.search(text):
                continue
            if (match := _ADJOURNED.search(text)) and (clock := _clock(_group(match))) is not None:
                adjourned = clock
            elif stamp is not None and _ADJOURNMENT.match(text):
                adjourned = stamp
            if _SUSPENDED.search(text):
                suspended = True
    return StatedTimes(began, adjourned, suspended)


def _texts(item: Procedural) -> list[str]:
    return [" ".join("".join(run.text for run in block_runs(block)).split()) for block in item.paragraphs]


def _group(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group)


def _clock(text: str) -> int | None:
    """Seconds after midnight of a clock time that cannot be misread; None otherwise."""
    words = text.lower().replace(" ", "")
    if words.endswith("noon"):
        return 12 * 3600
    if words == "midnight":
        return 0
    match = re.match(r"^(\d{1,2})(?:[.:](\d{2}))?(a\.?m\.?|p\.?m\.?)?$", words)
    if match is None:
        return None
    hours, minutes, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if minutes > 59:
        return None
    if half:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half.startswith("p") else 0)
    elif not (hours >= 13 or (len(match.group(1)) == 2 and hours < 24 and ":" in words) or hours == 0):
        return None  # "10.30": morning or night?
    if hours > 23:
        return None
    return hours * 3600 + minutes * 60
