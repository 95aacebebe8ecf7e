"""Hansard conventions shared by the readers of Hansard-derived records.

ParlParse XML (scraped from Hansard) and the Hansard API JSON record the same sittings
the same way, so the rules for times, for telling procedure apart and for telling the
chair live here once; interventions and question time are
:mod:`exporter.readers.hansard_exchanges`.
"""

from __future__ import annotations

import re

from exporter.model import ProceduralKind

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
