"""Hansard conventions shared by the readers of Hansard-derived records.

ParlParse XML (scraped from Hansard) and the Hansard API JSON record the same sittings
the same way, so the rules for times, for telling procedure apart, and for finding
interventions live here once.

**Interventions.** The Hansard API never flags them, nor do ParlParse files older than
the ``type`` attribute. A member who gives way is recorded as: their speech, a short
contribution by another member, then their speech again. So a speech is marked an
intervention when, among the speeches of one section (procedural text in between is
ignored), the speeches just before and just after it are by one and the same member, it
is by a different, identified member, it is not the chair's, and it is short
(:data:`INTERVENTION_MAX_WORDS` words at most). The member who gives way keeps the floor:
in "Will the hon. Lady give way?" / "I will." / the question, the reply "I will." is not an
intervention, because the speech before it was one. Anything else stays a speech: the
rule would rather miss an intervention than invent one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from exporter.model import Item, ProceduralKind, Speech, SpeechKind, block_runs

INTERVENTION_MAX_WORDS = 200

_TIME = re.compile(r"^\s*(\d{1,3}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*$")
_MOTION = re.compile(
    r"^(motion made|moved by|tabled by|amendments? proposed|amendments? \S+( (to|and) \S+)?\s*$)",
    re.IGNORECASE,
)
_DECISION = re.compile(
    r"(question put|agreed to|\bagreed\b|disagreed|withdrawn|not moved|negatived|passed|"
    r"the (house|committee) divided|division on|amendments? made|\bcontents \d|\bayes \d|resolved,|ordered,)",
    re.IGNORECASE,
)
CHAIR_NOTE = re.compile(r"\[[^\[\]]*\bin the chair\b[^\[\]]*\]", re.IGNORECASE)
_INTERRUPTION = re.compile(
    r"(sitting suspended|on resuming|adjourned at|sitting adjourned|interruption)", re.I
)
_CHAIR_ROLES = re.compile(r"\b(speaker|chair|chairman|chairwoman|presiding officer|llywydd)\b", re.I)


def normalise_time(value: str | None) -> str | None:
    """ "009:30:00" -> "09:30:00", "10:30" -> "10:30"; unknown or empty -> None."""
    if not value:
        return None
    match = _TIME.match(value)
    if match is None:
        return None
    hours, minutes, seconds = int(match.group(1)), int(match.group(2)), match.group(3)
    if hours > 23 or minutes > 59 or (seconds is not None and int(seconds) > 59):
        return None
    clock = f"{hours:02d}:{minutes:02d}"
    return f"{clock}:{seconds}" if seconds is not None else clock


def procedural_kind(text: str, *, motion_text: bool = False) -> ProceduralKind:
    """What a piece of the record's own procedural text is, from its wording."""
    stripped = text.strip()
    if CHAIR_NOTE.fullmatch(stripped):
        return ProceduralKind.CHAIR
    if _MOTION.match(stripped):
        return ProceduralKind.MOTION
    if _DECISION.search(stripped):
        return ProceduralKind.DECISION
    if _INTERRUPTION.search(stripped):
        return ProceduralKind.INTERRUPTION
    if motion_text:
        return ProceduralKind.MOTION
    return ProceduralKind.OTHER


def is_chair_role(role: str | None) -> bool:
    return bool(role and _CHAIR_ROLES.search(role))


def word_count(speech: Speech) -> int:
    return sum(len("".join(run.text for run in block_runs(block)).split()) for block in speech.paragraphs)


def infer_interventions(
    items: Sequence[Item], is_chair: Callable[[Speech], bool] = lambda speech: is_chair_role(speech.role)
) -> tuple[Item, ...]:
    """``items`` with short speeches between two by one member marked as interventions."""
    positions = [index for index, item in enumerate(items) if isinstance(item, Speech)]
    result = list(items)
    flagged: set[int] = set()
    for before, here, after in zip(positions, positions[1:], positions[2:], strict=False):
        prev, speech, nxt = items[before], items[here], items[after]
        assert isinstance(prev, Speech) and isinstance(speech, Speech) and isinstance(nxt, Speech)
        if (
            before not in flagged
            and speech.kind is SpeechKind.SPEECH
            and speech.speaker is not None
            and prev.speaker is not None
            and prev.speaker == nxt.speaker
            and speech.speaker != prev.speaker
            and not is_chair(speech)
            and word_count(speech) <= INTERVENTION_MAX_WORDS
        ):
            result[here] = replace(speech, kind=SpeechKind.INTERVENTION)
            flagged.add(here)
    return tuple(result)
