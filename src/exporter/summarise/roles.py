"""Who is speaking in what capacity: the chair, a minister, or a member.

The chair keeps order, so their words are never a debate's substance (only their framing of a
sitting is quoted); the minister who replies to a debate is always represented in its summary.
Both are told from the office the record gives (``Speech.role``, ``Speaker.role``), the printed
label, or the chair notes ("[Mr. Joe Benton in the Chair]").
"""

from __future__ import annotations

import re

from exporter.model import Speaker, Speech

_CHAIR_ROLE = re.compile(
    r"""^(?:the\s+)?(?:mr\.?\s+|madam\s+|mister\s+)?(?:deputy\s+)?(?:lord\s+)?speaker\b
      |^(?:the\s+)?(?:first\s+|second\s+|deputy\s+|acting\s+)?(?:chair|chairman|chairwoman|chairperson)\b(?!\s+of)
      |presiding\s+officer|deputy\s+chair(?:man)?\s+of\s+committees|lord\s+speaker""",
    re.IGNORECASE | re.VERBOSE,
)

_MINISTER_ROLE = re.compile(
    r"""minister|secretary\s+of\s+state|under-secretary|solicitor[\s-]general|attorney[\s-]general
      |advocate[\s-]general|leader\s+of\s+the\s+house|chancellor|paymaster|lord\s+privy\s+seal
      |chief\s+whip|financial\s+secretary|economic\s+secretary|exchequer\s+secretary""",
    re.IGNORECASE | re.VERBOSE,
)

_TITLE_WORDS = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|baroness|the)\.?\s+", re.I)


def role_of(speaker: Speaker | None, speech: Speech) -> str:
    return speech.role or (speaker.role if speaker else None) or ""


def is_chair(
    speaker: Speaker | None,
    speech: Speech,
    chair_notes: tuple[str | None, ...] = (),
    chair_titles: tuple[str, ...] = (),
) -> bool:
    """The chair keeps order; their remarks are never the substance of a debate.

    ``speaker`` is the speech's speaker; ``chair_notes`` are the debate's and the section's
    chair lines ("[Mr. Joe Benton in the Chair]"); ``chair_titles`` the presiding office as
    the parliament's record prints it in its own language (the profile's, "Presidente").
    A speech the record marks as the chair's (ParlaMint ``ana="#chair"``) is, in any language."""
    if speech.chair:
        return True
    label = speech.label or (speaker.name if speaker else "")
    role = role_of(speaker, speech)
    if _CHAIR_ROLE.search(role) or _CHAIR_ROLE.search(label):
        return True
    titles = {title.casefold() for title in chair_titles}
    if titles and (role.strip().casefold() in titles or label.strip().casefold() in titles):
        return True
    if speaker is None:
        return False
    name = _TITLE_WORDS.sub("", speaker.name).strip().lower()
    return bool(name) and any(name in note.lower() for note in chair_notes if note)


def is_minister(speaker: Speaker | None, speech: Speech, minister_titles: tuple[str, ...] = ()) -> bool:
    """Whether the speech is spoken in a minister's office: by the English words for one, or
    by ``minister_titles``, the words the parliament's record uses in its own language (the
    profile's: Welsh "Gweinidog")."""
    role = role_of(speaker, speech)
    if _MINISTER_ROLE.search(role):
        return True
    return any(re.search(rf"\b{re.escape(title)}\b", role, re.IGNORECASE) for title in minister_titles)


def display_name(speaker: Speaker | None, speech: Speech) -> str:
    """The speaker's name, else the name the record prints; "" when it names nobody (the
    composer then writes the tool's words for an unknown speaker in the interface's
    language: the summariser adds no words of its own)."""
    if speaker is not None:
        return speaker.name
    return speech.label or ""
