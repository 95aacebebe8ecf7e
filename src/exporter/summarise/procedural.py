"""What is never summarised: the chair's business, procedure and courtesies.

A briefing's reader wants what members argued, not that they thanked each other or that the
Question was put. These rules are deliberately about the form of a sentence (its opening
words, its length) rather than its topic, so they hold across debates.
"""

from __future__ import annotations

import re

from exporter.language.segment import count_words
from exporter.model import Speaker, Speech, SpeechKind

# A sentence shorter than this says too little to stand alone in a summary ("Order.",
# "I give way.", "Okay, thank you.").
MIN_WORDS = 6

_COURTESY = re.compile(
    r"""^(?:
        (?:may|can|could|let|might)\s+(?:I|me)\s+(?:\w+\s+){0,3}?
            (?:thank|welcome|congratulate|pay\s+tribute|commend|join|say\s+what\s+a\s+pleasure)
      | I(?:'d|’d|'ll|’ll)?\s+(?:(?:also|again|first|firstly|briefly|too|would|should|want|wish|like|to|must|do
            |really|just|particularly|sincerely|warmly|start|begin|by|can|could|may|join)\s+){0,5}
            (?:thank(?:s|ing)?|congratulat(?:e|ing)|pay(?:ing)?\s+tribute|commend(?:ing)?)\b
      | I(?:'m|’m|\s+am)\s+(?:\w+\s+){0,3}?(?:grateful|pleased\s+to\s+welcome|delighted\s+to\s+welcome)
      | I\s+(?:welcome|give\s+way|will\s+give\s+way|shall\s+give\s+way)\b
      | (?:thank\s+you|thanks|many\s+thanks|diolch)\b
      | good\s+(?:morning|afternoon|evening)\b
      | (?:it\s+is|it's|it’s|what)\s+(?:\w+\s+){0,3}?(?:pleasure|privilege|honour)\s+to\s+
            (?:serve|speak|take\s+part|follow|respond|reply|participate|open|be\s+here|see|introduce|welcome)
      | (?:order|hear,?\s+hear)\b
      | (?:question|questions)\s+(?:put|accordingly|proposed|agreed|that)\b
      | (?:motion|amendment)\s+(?:made|proposed|moved|agreed|negatived|withdrawn|by\s+leave)
      | (?:resolved|ordered|division|adjourned|sitting\s+suspended)\b
      | the\s+(?:house|committee|question)\s+(?:divided|proceeded|is|was)\b
      | I\s+beg\s+(?:leave\s+)?to\s+(?:move|ask)\b
      | (?:the|my)\s+(?:right\s+)?(?:hon\.|honourable|noble|hon)\s+(?:and\s+(?:learned|gallant)\s+)?\w+
            (?:\s+\w+)?\s+(?:makes|made|has\s+made|raises|raised|has\s+raised)\s+(?:a|an|some)?\s*
            (?:\w+\s+)?(?:point|points)\b
      | I\s+(?:\w+\s+){0,2}?(?:make|making)\s+(?:a\s+(?:bit|little)\s+)?(?:more\s+|some\s+|further\s+)?progress
      | I\s+(?:have\s+)?listened\s+(?:\w+\s+){0,3}?to\s+the\s+(?:noble|hon\.|right)
      | I\s+(?:entirely\s+|completely\s+|fully\s+|wholly\s+)?(?:agree|concur)\s+with\s+(?:the|my)\s+(?:noble|hon\.|right\s+hon\.)\s+\w+\.?$
      | I\s+call\b
      | (?:will|would)\s+(?:the|my)\s+(?:right\s+)?(?:hon\.|honourable|noble|hon)\s+\w+(?:\s+\w+)?\s+give\s+way
      | on\s+a\s+point\s+of\s+order\b
      | (?:\w+\s+){0,6}?(?:thank|thanks)\s+(?:\w+\s+){0,4}?for\s+(?:\w+\s+){0,2}?(?:question|questions|intervention|contribution|remarks|comments|speech)
      | with\s+the\s+leave\s+of\s+the\s+(?:house|committee)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# Committee and chamber housekeeping anywhere in a sentence. Each alternative starts with a
# word, so the search stays fast; a keyword test (below) spares most sentences the search.
_HOUSEKEEPING = re.compile(
    r"""\bapologies\b|\bdeclarations?\s+of\s+interests?|\bdeclare\s+(?:an\s+|my\s+)?interests?|\bpapers\s+to\s+note|\bstraight\s+(?:in)?to\s+questions
      |\b(?:move|go)\s+(?:in)?to\s+private\s+session|\bunder\s+standing\s+order\s+\d
      |\bserve\s+under\s+your\s+chairmanship|\b(?:pleasure|privilege)\b.{0,40}?\bto\s+serve\b
      |\bkeep\s+(?:my\s+remarks|it|this|to\s+the\s+time)\b[^.?!]{0,30}(?:brief|short|set)
      |\bdeclare\s+any\s+interests?|\b(?:in\s+accordance\s+with|pursuant\s+to)\s+standing\s+order\s+\d
      |\brecord\s+of\s+(?:the\s+)?proceedings|\bstanding\s+order\s+requirements|\b(?:meeting|session)\s+is\s+bilingual|\bsimultaneous\s+(?:translation|interpretation)
      |\b(?:wanted|want|like)\s+to\s+come\s+in\b|\bcome\s+in\s+(?:on|here)\s+(?:that|this)\b
      |\brise\s+(?:today\s+)?to\s+(?:present|table)\b|\b(?:present|presenting|table|tabling)\s+(?:an?\s+)?(?:e-?)?petition
      |\btake\s+this\s+opportunity\s+to\s+(?:welcome|thank|congratulate)|\bplace\s+on\s+record\s+(?:my|our)\s+(?:thanks|gratitude)
      |\bcall\s+(?:this|the)\s+(?:meeting|committee|sitting)\s+to\s+order|\bhave\s+a\s+point\s+of\s+order
      |\b(?:first|next)\s+(?:set\s+of\s+)?questions?\s+(?:are|is|will\s+be|comes?)\s+from\b
      |\bintroduce\s+(?:yourself|yourselves|your\s+officials)|\bjoining\s+us\s+(?:from|via|by|remotely)
      |\bparticipat\w*\s+(?:via|by)\s+video|\bnominations?\s+for\b|\bappointed\s+(?:as\s+)?(?:temporary\s+)?chair
      |\bunable\s+to\s+attend|\brun\s+through\s+the\s+procedures?|\bbroadcast\s+live|\bmarshalled\s+list
      |\b(?:pleased|glad|delighted)\s+to\s+(?:have|see)\s+you|\blooking\s+forward\s+to\s+(?:hearing|the\s+session|this\s+session)""",
    re.IGNORECASE | re.VERBOSE,
)
_HOUSEKEEPING_WORDS = (
    "petition",
    "rise",
    "record of",
    "bilingual",
    "simultaneous",
    "come in",
    "opportunity",
    "on record",
    "apolog",
    "declar",
    "papers",
    "straight",
    "private",
    "standing",
    "serve",
    "keep",
    "order",
    "questions",
    "introduce",
    "joining",
    "video",
    "nominat",
    "appointed",
    "unable",
    "broadcast",
    "marshalled",
    "procedure",
    "pleased",
    "glad",
    "delighted",
    "looking",
)
# How a sentence that only leads into something else, or closes a procedure, ends.
_PROCEDURAL_END = re.compile(
    r"(?:agreed\s+to\.?|give\s+way\??|in\s+the\s+chair\]?\.?|[:—–-])$", re.IGNORECASE
)
_IT_IS_A_PLEASURE = re.compile(r"^it\s+is\s+(?:\w+\s+){0,4}(?:pleasure|privilege|honour)\b", re.IGNORECASE)

_CHAIR_ROLE = re.compile(
    r"""^(?:the\s+)?(?:mr\.?\s+|madam\s+|mister\s+)?(?:deputy\s+)?(?:lord\s+)?speaker\b
      |^(?:the\s+)?(?:first\s+|second\s+|deputy\s+)?(?:chair|chairman|chairwoman|chairperson)\b(?!\s+of)
      |presiding\s+officer|deputy\s+chair(?:man)?\s+of\s+committees|lord\s+speaker""",
    re.IGNORECASE | re.VERBOSE,
)

_MINISTER_ROLE = re.compile(
    r"""minister|secretary\s+of\s+state|under-secretary|solicitor[\s-]general|attorney[\s-]general
      |advocate[\s-]general|leader\s+of\s+the\s+house|chancellor|paymaster|lord\s+privy\s+seal
      |chief\s+whip|financial\s+secretary|economic\s+secretary|exchequer\s+secretary""",
    re.IGNORECASE | re.VERBOSE,
)

# A form of address opening a sentence ("Mr. Chair, …", "Madam Deputy Speaker, …") says
# nothing; it is set aside before a sentence is judged.
_VOCATIVE = re.compile(
    r"""^(?:(?:well|so|yes|no|okay|ok|and|but),?\s+)*
        (?:(?:(?:mr\.?|madam|mister|madame)\s+)?(?:deputy\s+)?(?:chair|chairman|chairwoman|speaker|president|presiding\s+officer)
          |my\s+lords|my\s+lord\s+chairman|sir|madam)
        (?:\s*\([^)]*\))?\s*[,:;—–-]\s*""",
    re.IGNORECASE | re.VERBOSE,
)

# Words that open spoken sentences without adding to them ("So, thank you, all…").
_DISCOURSE = re.compile(r"^(?:(?:so|well|okay|ok|right|now|and|but|yes|oh|again)\b,?\s+)+", re.IGNORECASE)

_TITLE_WORDS = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|baroness|the)\.?\s+", re.I)

# Speeches whose sentences are never candidates: they are about procedure by definition.
UNSUMMARISED_KINDS = frozenset({SpeechKind.POINT_OF_ORDER})


# A welcome that introduces a witness by name and office ("I'm pleased to welcome Carol
# Shillabeer, who is chief executive of Powys Teaching Health Board") says who is giving
# evidence in what capacity: that is the sitting's substance, not a courtesy. The name must
# be capitalised and the office must follow it directly, so "I welcome the Minister to her
# place" and "I'm pleased to welcome Vikki Howells, who is substituting" stay courtesies.
_INTRODUCTION = re.compile(
    r"""\bwelcome\s+(?-i:(?:[A-Z][\w'’-]+\s+){1,4}?)(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:AM|MP|MS|MSP|MLA))?,\s*
        (?:who\s+is\s+|who's\s+|who’s\s+)?(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?
        (?:minister|secretary|director|chief|executive|head|commissioner|officer|president|chair
          |professor|manager|lead|inspector|adviser|advisor|ombudsman|counsel|lawyer|registrar)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def is_procedural(sentence: str) -> bool:
    """Whether a sentence is procedure or courtesy rather than substance."""
    stripped = _VOCATIVE.sub("", _DISCOURSE.sub("", sentence.strip().lstrip("\"'“‘([—–- ")))
    if count_words(stripped) < MIN_WORDS:
        return True
    introduction = "elcome" in stripped and bool(_INTRODUCTION.search(stripped))
    if (
        (_COURTESY.match(stripped) and not introduction)
        or _IT_IS_A_PLEASURE.match(stripped)
        or _PROCEDURAL_END.search(stripped[-16:])
    ):
        return True
    lower = stripped.lower()
    return any(word in lower for word in _HOUSEKEEPING_WORDS) and bool(_HOUSEKEEPING.search(stripped))


# How a chair frames a sitting: what the meeting is and what it will hear. These sentences
# are the chair's only substance (a committee chair's "the committee is meeting today to
# question ministers" or "our evidence session on the Bill"); the rest of what a chair says
# keeps order. Matched by form, like everything here, and only ever allowed through when the
# sentence is not procedural or a courtesy as well.
_FRAMING = re.compile(
    r"""\b(?:the\s+)?committee\s+is\s+meeting\b
      |\bwe\s+are\s+(?:meeting|taking\s+evidence)\b
      |\bmeeting\s+(?:today|this\s+(?:morning|afternoon|evening))\s+to\b
      |\bwelcome\s+to\s+(?:the\s+)?(?:\w+\s+){0,4}?(?:meeting|session|sitting)(?:\s+number\s+\d+)?\s+of\b
      |\bpurpose\s+of\s+(?:the|this|today's|today’s)\s+(?:meeting|session|sitting)\b
      |^welcome\s+to\s+the\s+(?:[\w,]+\s+){0,8}?committee\b
      |\b(?:evidence|scrutiny)\s+session\s+(?:on|for|with|into|about)\b
      |\binquiry\s+(?:into|on)\b
      |^item\s+\d+\b""",
    re.IGNORECASE | re.VERBOSE,
)


def is_framing(sentence: str) -> bool:
    """Whether a chair's sentence says what the sitting is about rather than keeping order."""
    return bool(_FRAMING.search(sentence)) and not is_procedural(sentence)


def role_of(speaker: Speaker | None, speech: Speech) -> str:
    return speech.role or (speaker.role if speaker else None) or ""


def is_chair(speaker: Speaker | None, speech: Speech, chair_notes: tuple[str | None, ...] = ()) -> bool:
    """The chair keeps order; their remarks are never the substance of a debate.

    ``speaker`` is the speech's speaker; ``chair_notes`` are the debate's and the section's
    chair lines ("[Mr. Joe Benton in the Chair]")."""
    label = speech.label or (speaker.name if speaker else "")
    if _CHAIR_ROLE.search(role_of(speaker, speech)) or _CHAIR_ROLE.search(label):
        return True
    if speaker is None:
        return False
    name = _TITLE_WORDS.sub("", speaker.name).strip().lower()
    return bool(name) and any(name in note.lower() for note in chair_notes if note)


def is_minister(speaker: Speaker | None, speech: Speech) -> bool:
    return bool(_MINISTER_ROLE.search(role_of(speaker, speech)))


def display_name(speaker: Speaker | None, speech: Speech) -> str:
    if speaker is not None:
        return speaker.name
    return speech.label or "Unnamed speaker"
