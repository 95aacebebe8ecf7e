"""Whether a sentence can stand alone: stems, stage directions, fragments, dependent sentences.

Rules 1, 2, 5 and 6 of tests/data/summarise/LABELLING.md, by the form of the sentence and its
place in the speech, each written for a kind of error measured on the labelled sentences there:

- a **stem** is a question printed on the order paper and read into the record: the speech
  carries a printed question number, or its opening sentence has the order paper's indirect
  form and ends in a full stop ("What recent assessment he has made of …", "If he will list his
  official engagements for …");
- a **stage direction** is the record's words, not the member's ("rose—", "[Interruption.]",
  a speaker's label run into the text);
- a **fragment** is not a whole sentence: it starts mid-clause (in lower case, or after a
  dash), leads into a quotation or is cut off (ends in ":", ",", a dash, or with no final
  punctuation in a record that otherwise has it), or has an interruption inside it;
- a **dependent** sentence leans on the one before: it opens with a pronoun or a demonstrative
  that points back ("That is why …", "They include …", "Those figures …"), says "that that",
  or is a short question or bare answer.
"""

from __future__ import annotations

import re

from exporter.language.segment import OTHER_TERMINATORS

# --- stems ------------------------------------------------------------------------------

_STEM = re.compile(
    r"""^(?:T?\d{1,3}\.\s+)?(?:\[\d+\]\s+)?
        (?:(?:what|which|how)\s+(?:\w+\s+){0,4}?(?:he|she|they|it|the\s+government|the\s+department|his\s+department|her\s+department
              |the\s+minister|the\s+secretary\s+of\s+state|the\s+prime\s+minister|the\s+executive)
            \s+(?:has|have|had|is|are|was|were|will|plans|intends|expects|proposes|makes|made|gives|can|takes?|taking)\b
          |what\s+(?:recent\s+|further\s+|her\s+|his\s+|most\s+recent\s+)*(?:steps|assessment|progress|discussions|plans|representations
              |estimate|support|action|measures|consideration|evaluation|guidance|arrangements)\b
          |(?:if|whether)\s+(?:he|she|they|the\s+government|the\s+minister|the\s+secretary\s+of\s+state)\s+(?:will|has|have|is|are|plans|intends)\b
          |to\s+ask\s+(?:her|his)\s+majesty's\s+government\b)""",
    re.IGNORECASE | re.VERBOSE,
)


def is_stem(text: str, previous: str | None, printed_question: bool) -> bool:
    """A printed question: by the record's mark, or by the order paper's form when it opens a
    speech and ends with a full stop (a question asked in one's own words ends with "?")."""
    if printed_question:
        return True
    return previous is None and text.rstrip("\"'”’ ").endswith(".") and bool(_STEM.match(text))


# --- stage directions -----------------------------------------------------------------

_STAGE_DIRECTION = re.compile(
    r"""^(?:rose|indicated\s+(?:dissent|assent)|\[?\s*(?:interruption|laughter|applause|inaudible|translation)\.?\s*\]?
          |\(?(?:laughter|applause|interruption)\)?|hear,?\s+hear!?|hon\.\s+members:.*)[—–.!-]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SPEAKER_LABEL = re.compile(
    r"""^(?:(?:Mr|Mrs|Ms|Miss|Dr|Hon|Sir|Dame|Lord|Lady|Baroness|Right\s+Hon)\.?\s+(?:[A-Z][\w.'’-]*\s*){1,4}
          |An\s+hon\.?\s+[Mm]ember|Some\s+hon\.?\s+[Mm]embers|Hon\.?\s+[Mm]embers|Several\s+hon\.?\s+[Mm]embers):\s"""
    , re.VERBOSE,
)


# Records of every language print what happens rather than what is said in brackets:
# "(Il Presidente e l'Assemblea si levano in piedi).", "[Smiech v sále.]", "(Applause)"; the
# ParlaMint readers bracket a <note>, <kinesic> or <vocal> left inside a segment the same way.
_BRACKETS = {"(": ")", "[": "]", "（": "）", "【": "】", "［": "］"}
_AFTER_BRACKETS = " \t.…!?;:,。！？"


def is_bracketed(text: str) -> bool:
    """Whether the sentence is wholly in one pair of parentheses or brackets (what follows
    the closing one is punctuation only): a stage direction in any language."""
    core = text.strip().rstrip(_AFTER_BRACKETS)
    if len(core) < 3 or core[0] not in _BRACKETS:
        return False
    opening, closing = core[0], _BRACKETS[core[0]]
    depth = 0
    for index, character in enumerate(core):
        depth += (character == opening) - (character == closing)
        if depth == 0:
            return index == len(core) - 1
    return False


def is_stage_direction(text: str) -> bool:
    return bool(_STAGE_DIRECTION.match(text.strip()) or _SPEAKER_LABEL.match(text) or is_bracketed(text))


# --- fragments ------------------------------------------------------------------------

# Terminal punctuation of every script: Chinese and Japanese 。！？, the Devanagari danda …
_TERMINAL = re.compile(rf"[.?!…{''.join(sorted(OTHER_TERMINATORS))}][\"'”’)\]」』）]*$")
_LEAD_IN_OR_CUT = re.compile(
    r"(?:[:;,]|[—–-]|\s-)[\"'”’)\]]*$|[—–-]\s*\[\s*\w+\.?\s*\]\.?$|[—–-]\.$|\b(?:is|are)\s+(?:below|as\s+follows)\.?$"
)
_INTERRUPTED = re.compile(r"\[\s*(?:interruption|laughter|hon\.\s+members|several\s+hon)", re.IGNORECASE)
# Opening quotes and brackets are passed over, and so are C1 control characters: old
# ParlParse files declare ISO-8859-1 but hold Windows-1252 quotes, which read as U+0091-U+0094.
_STARTS_MID_CLAUSE = re.compile(r"^[\s\"'“‘(\[\u0080-\u009f]*(?:[a-z]|[—–…-]|\.\.\.)")


def is_fragment(text: str, final_stops: bool) -> bool:
    """Not a whole sentence. A record whose paragraphs never end in a full stop (ParlaMint-GB
    segments) does not make its sentences fragments for that alone."""
    text = text.strip()
    tail = text[-40:]  # the end patterns are anchored there: no need to search the rest
    if _STARTS_MID_CLAUSE.match(text) or _LEAD_IN_OR_CUT.search(tail):
        return True
    if "[" in text and _INTERRUPTED.search(text):
        return True
    return final_stops and not _TERMINAL.search(tail)


# --- dependent sentences --------------------------------------------------------------

_OPENING = "\"'“‘([ "
MIN_WORDS = 6  # shorter says too little to stand alone ("Work is still continuing.")
SHORT_QUESTION_WORDS = 10

_CONNECTIVE = r"(?:(?:and|but|so|yes|no|well|of\s+course|however|indeed|again|therefore|then|now|also|sadly|obviously|clearly|perhaps|certainly)\s*,?\s+)*"
# "It is important that …" is not a pronoun pointing back; "It also established …" is.
_EXTRAPOSED_IT = re.compile(
    r"""^it(?:'s|’s|\s+is|\s+was|\s+would\s+be|\s+will\s+be|\s+has\s+been|\s+seems|\s+remains|\s+must\s+be|\s+should\s+be|\s+may\s+be|\s+might\s+be)
        \s+(?:not\s+)?(?:\w+\s+){0,3}?(?:that|to|for|whether|how|why|when|what|if)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Nouns that "this" and "these" point to in the sitting itself, not back in the speech.
_PRESENT = (
    r"(?:government|house|chamber|committee|bill|act|debate|country|year|week|morning|afternoon|evening"
    r"|session|meeting|parliament|place|amendments?|motion|clause|inquiry|petition|statement|pandemic|crisis)"
)
_POINTS_BACK = re.compile(
    rf"""^{_CONNECTIVE}(?:
          (?:that|this)(?:'s|’s)\s+\w+
        | (?:that|this)\s+(?:is|was|were|would|will|has|had|seems|sounds|means|makes|shows|leads|led|gives|says|said
              |has\s+been|largely|also|not|does|did|can|could|may|might|must|should|in\s+itself)\b
        | that\s+(?!{_PRESENT}\b)[a-z]+\s+(?:is|was|are|were|can|could|will|would|has|had|may|must|should)\b
        | (?:those|such)\s+\w+
        | these\s+(?!{_PRESENT}\b)\w+
        | (?:they|he|she)\s+\w+
        | it\s+\w+
        | (?:some|others|all\s+three|all\s+of\s+them|both|neither)\s+(?:had|have|has|were|are|was|is|do|did|don't|of\s+them|of\s+these|of\s+those)\b
        | (?:a\s+)?further\s+\d
        | (?:is|was|does|did|will|would|can|could|has|have|are|were|do)\s+(?:it|that|this|they|these|those)\s+(?!not\b)\w+[^.!]*\?$
        | one\s+can\s+always\b
        )""",
    re.IGNORECASE | re.VERBOSE,
)
# A main clause whose subject points back, after an opening phrase ("Even after the abolition
# of capital punishment in this country, he maintained …").
_POINTS_BACK_AFTER_PHRASE = re.compile(r"^[^,;:—]{3,80},\s+(?:he|she|they)\s+(?!would\b)[a-z]+", re.IGNORECASE)
_THAT_THAT = re.compile(r"\bthat\s+that(?:'s|’s)?\b", re.IGNORECASE)
# What someone said before ("I profoundly disagree with that last statement.").
_SAID_BEFORE = re.compile(
    r"\b(?:that|those|the\s+same)\s+(?:last\s+|previous\s+|earlier\s+)?"
    r"(?:statement|point|question|remark|comment|argument|suggestion|claim|assertion|intervention|answer)s?\b",
    re.IGNORECASE,
)
_BACK_AT_THE_END = re.compile(
    r"\b(?:on|about|to|with|for|from|by|of|do|check|record|see)\s+(?:that|this|it|them|those|so)\s*[,.?!]"
    r"|\b(?:those|these|that)\s+[a-z]+[.?!]$",
    re.IGNORECASE,
)
# A short sentence whose verb acts on something named before ("I will take it away for sure
# and follow it up.").
_ACTS_ON_WHAT_WENT_BEFORE = re.compile(
    r"\b(?:take|taking|follow|following|look\s+at|looking\s+at|deal\s+with|dealing\s+with|come\s+back\s+to"
    r"|pick|picking|check|checking|consider|considering|pass|passing|raise|raising|address|addressing)"
    r"\s+(?:it|them)\b",
    re.IGNORECASE,
)
SHORT_WORDS = 14
_BARE_ANSWER = re.compile(
    r"^(?:yes|no|okay|ok|right|absolutely|indeed|sure|certainly|exactly|of\s+course|not\s+at\s+all|fine|good|great|correct|true|agreed)\b",
    re.IGNORECASE,
)


def is_dependent(text: str, whole: str, words: int) -> bool:
    """A whole sentence whose point cannot be understood without the one before it. ``text``
    is the sentence without its opening discourse words and form of address, ``whole`` as
    spoken (a bare answer is told by its first word)."""
    if words < MIN_WORDS:
        return True
    if _POINTS_BACK.match(text) and not _EXTRAPOSED_IT.match(re.sub(f"^{_CONNECTIVE}", "", text, flags=re.I)):
        return True
    if _THAT_THAT.search(text) or _SAID_BEFORE.search(text) or _POINTS_BACK_AFTER_PHRASE.match(text):
        return True
    if words <= SHORT_QUESTION_WORDS and (text.rstrip().endswith("?") or _BACK_AT_THE_END.search(text)):
        return True
    if words <= SHORT_WORDS and _ACTS_ON_WHAT_WENT_BEFORE.search(text):
        return True
    return words < 2 * MIN_WORDS and bool(_BARE_ANSWER.match(whole.lstrip(_OPENING)))
