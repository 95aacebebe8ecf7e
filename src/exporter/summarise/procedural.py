"""Procedure and courtesy: sentences about the business of a sitting rather than its matter.

A briefing's reader wants what members argued, not that they thanked each other, that the
Question was put or that an amendment was moved. These rules are about the form of a sentence
(its opening words, a few fixed phrases anywhere in it) rather than its topic, so they hold
across debates; each was written for a kind of error measured on the labelled sentences in
tests/data/summarise/ (rules 3 and 4 of LABELLING.md there).

    kind(sentence, language) -> "procedure" | "courtesy" | None
    is_framing(sentence) -> bool   # a chair's sentence that says what the sitting is

The patterns below are English. Every other language a parliament we read speaks has its
formulas as data, in ``procedure_phrases.json`` beside this module (``phrases``), chosen by
the sentence's language; what the record's markup says (a speech it marks as the chair's,
ParlaMint's ``ana="#chair"``; notes, incidents and kinesics, which are never candidates) is
used before any words are (exporter.summarise.candidates).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from exporter.language import tags

# Openings that make a sentence a courtesy: thanks, welcomes, congratulations, greetings,
# compliments on a point, pleasure at speaking.
_COURTESY = re.compile(
    r"""^(?:
        (?:may|can|could|let|might)\s+(?:I|me)\s+(?:\w+\s+){0,3}?
            (?:thank|welcome|congratulate|pay\s+tribute|commend|join|say\s+what\s+a\s+pleasure)
      | I(?:'d|’d|'ll|’ll)?\s+(?:(?:also|again|first|firstly|briefly|too|would|should|want|wish|like|to|must|do
            |really|just|particularly|sincerely|warmly|start|begin|by|can|could|may|join)\s+){0,5}
            (?:thank(?:s|ing)?|congratulat(?:e|ing)|pay(?:ing)?\s+tribute|commend(?:ing)?)\b
      | I(?:'m|’m|\s+am)\s+(?:\w+\s+){0,3}?(?:grateful|pleased\s+to\s+welcome|delighted\s+to\s+welcome)
      | I\s+(?:also\s+|too\s+|warmly\s+)?welcome\b
      | (?:thank\s+you|thanks|many\s+thanks|diolch)\b
      | good\s+(?:morning|afternoon|evening)\b
      | (?:it\s+is|it's|it’s|what)\s+(?:\w+\s+){0,3}?(?:pleasure|privilege|honour)\s+to\s+
            (?:serve|speak|take\s+part|follow|respond|reply|participate|open|be\s+here|see|introduce|welcome)
      | it\s+is\s+(?:\w+\s+){0,4}(?:pleasure|privilege|honour)\b
      | hear,?\s+hear\b
      | (?:the|my)\s+(?:right\s+)?(?:hon\.|honourable|noble|hon|learned)\s+(?:and\s+(?:learned|gallant)\s+)?\w+
            (?:\s+\w+)?\s+(?:makes|made|has\s+made|raises|raised|has\s+raised)\s+(?:a|an|some)?\s*
            (?:\w+\s+){0,3}(?:point|points)\b
      | (?:he|she)\s+(?:makes|made|has\s+made|raises|raised)\s+(?:a|an|some)\s+(?:\w+\s+){0,3}(?:point|points)\b
      | (?:I\s+think\s+)?(?:that's|that\s+is|that’s|it's|it’s|this\s+is|what)\s+(?:a|an)\s+(?:very\s+|really\s+|extremely\s+)?
            (?:good|great|fair|important|interesting|excellent|valid|helpful|pertinent)\s+(?:question|point)\b
      | (?:the|my)\s+(?:\w+\s+){0,3}?(?:is|are|was|has\s+been)\s+(?:very\s+|most\s+|too\s+|extremely\s+)?(?:kind|generous|gracious)\b
      | I\s+(?:have\s+)?listened\s+(?:\w+\s+){0,3}?to\s+the\s+(?:noble|hon\.|right)
      | I\s+(?:entirely\s+|completely\s+|fully\s+|wholly\s+|absolutely\s+)?(?:agree|concur)\s+with\s+(?:the|my)\s+(?:noble|hon\.|right\s+hon\.)\s+\w+\.?$
      | (?:\w+\s+){0,6}?(?:thank|thanks)\s+(?:\w+\s+){0,4}?for\s+(?:\w+\s+){0,2}?(?:question|questions|intervention|contribution|remarks|comments|speech)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# Courtesies anywhere in a sentence.
_COURTESY_ANYWHERE = re.compile(
    r"""\b(?:pleasure|privilege)\b.{0,40}?\bto\s+serve\b|\bserve\s+under\s+your\s+chairmanship
      |\btake\s+this\s+opportunity\s+to\s+(?:welcome|thank|congratulate)|\bplace\s+on\s+record\s+(?:my|our)\s+(?:thanks|gratitude)
      |\b(?:pleased|glad|delighted)\s+to\s+(?:have|see)\s+you|\blooking\s+forward\s+to\s+(?:hearing|the\s+session|this\s+session)
      |\bwish(?:ing)?\b.{0,160}?\b(?:good|happy|merry|peaceful|restful|refreshing|safe|enjoyable)\s+(?:\w+\s+)?(?:recess|summer|christmas|holiday|new\s+year|break|easter)\b
      |\b(?:I|we)\s+(?:\w+\s+){0,3}?congratulat
      |\bI\s+thank\s+(?:him|her|them|you)\s+for\s+(?:that|it|this)[.!]?$""",
    re.IGNORECASE | re.VERBOSE,
)
_COURTESY_WORDS = (
    "pleasure", "privilege", "serve", "opportunity", "record", "pleased", "glad", "delighted", "looking", "wish", "congratulat",
    "thank",
)

# Openings that make a sentence procedure: the chair's order, the result of a question,
# moving and giving way, calling the next speaker, saying what one is about to do.
_PROCEDURE = re.compile(
    r"""^(?:
        I\s+(?:give\s+way|will\s+give\s+way|shall\s+give\s+way)\b
      | (?:order|question|questions)\s+(?:put|accordingly|proposed|agreed|that)\b
      | order\b
      | (?:motion|amendment)\s+(?:made|proposed|moved|agreed|negatived|withdrawn|by\s+leave)
      | (?:resolved|ordered|division|adjourned|sitting\s+suspended)\b
      | the\s+(?:house|committee|question)\s+(?:divided|proceeded|is|was)\b
      | I\s+(?:\w+\s+){0,2}?(?:make|making)\s+(?:a\s+(?:bit|little)\s+)?(?:more\s+|some\s+|further\s+)?progress
      | I\s+call\b
      | (?:will|would)\s+(?:the|my)\s+(?:right\s+)?(?:hon\.|honourable|noble|hon)\s+\w+(?:\s+\w+)?\s+give\s+way
      | (?:(?:I|we)(?:'ll|’ll|\s+will|\s+shall)\s+(?:now\s+)?|let's\s+|let\s+us\s+)(?:go|move|turn|come|proceed)\s+(?:on\s+)?(?:to|now)\s+
            (?:the\s+next|questions|item|ministerial|petitions|Mr|Mrs|Ms|Dr|our\s+next)\b
      | (?:now\s+)?(?:we'll|we\s+will|I'll|I\s+will)\s+go\s+to\b
      | (?:the\s+)?next\s+question\b
      | go\s+ahead\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A sentence that only says what its speaker is about to do ("I shall briefly set out the
# Opposition's point.", "Let me turn to the amendments."): procedure when it is short.
_SIGNPOST = re.compile(
    r"""^(?:(?:so|now|and|but|well|first|firstly|secondly|finally),?\s+)*
        (?:(?:I|we)\s+(?:shall|will|'ll|’ll|am\s+going\s+to|are\s+going\s+to|want\s+to|wish\s+to|would\s+like\s+to
            |'d\s+like\s+to|’d\s+like\s+to|was\s+going\s+to|were\s+going\s+to|just\s+want\s+to|intend\s+to)
          |let\s+me|let\s+us|let's|can\s+I\s+just|could\s+I\s+just)\s+
        (?:(?:now|just|briefly|quickly|try\s+to|also|first|then|therefore|start\s+by|begin\s+by)\s+)*
        (?:turn|move\s+on|come|speak|deal|address|set\s+out|go\s+through|explain|say\s+a\s+(?:few|word)|make\s+(?:a|one|two|three|some)\s+(?:\w+\s+)?points?
          |ask\s+(?:a|one|two|some|a\s+few)\s+(?:\w+\s+){0,2}?questions?|raise|start|begin|focus|touch|respond|reply|proceed|clarify)\b""",
    re.IGNORECASE | re.VERBOSE,
)
SIGNPOST_WORDS = 16

# Procedure anywhere in a sentence: moving and withdrawing, asking leave, points of order,
# committee and chamber housekeeping. Each alternative starts with a word, so the search
# stays fast; a keyword test (below) spares most sentences the search.
# Procedure anywhere in a sentence: moving and withdrawing, asking leave, points of order,
# committee and chamber housekeeping. Each pattern is tried only when its keyword is in the
# sentence, which spares most sentences every search.
_PROCEDURE_ANYWHERE: dict[str, re.Pattern[str]] = dict(
    (keyword, re.compile(pattern, re.IGNORECASE))
    for keyword, pattern in (
        ("leave", r"\b(?:beg|seek|ask|asking|seeking)\s+(?:the\s+)?leave\b|\bwith\s+the\s+leave\s+of\s+the\s+(?:house|committee)"),
        ("beg", r"\bbeg\s+to\s+(?:move|ask)\b"),
        ("press", r"\b(?:I|we)\s+(?:shall|will)\s+not\s+press\b"),
        ("withdraw", r"\bwithdraw\s+the\s+(?:amendment|motion)\b"),
        ("commend", r"\bI\s+commend\s+(?:the|this|that)\s+(?:motion|amendment|bill|petition|order|regulations|instrument)"),
        ("order", r"\bpoint\s+of\s+order\b|\bcall\s+(?:this|the)\s+(?:meeting|committee|sitting)\s+to\s+order"),
        ("convenient", r"\bconvenient\s+to\s+discuss\b"),
        ("apolog", r"\bapologies\b"),
        ("declar", r"\bdeclarations?\s+of\s+interests?|\bdeclare\s+(?:an\s+|my\s+|any\s+)?interests?"),
        ("record", r"\bplace\s+on\s+record\s+that\s+I\b|\brecord\s+of\s+(?:the\s+)?proceedings"),
        ("papers", r"\bpapers\s+to\s+note"),
        ("straight", r"\bstraight\s+(?:in)?to\s+questions"),
        ("private", r"\b(?:move|go)\s+(?:in)?to\s+private\s+session|\bmeet\s+in\s+private\b"),
        ("standing", r"\bunder\s+standing\s+order\s+\d|\b(?:in\s+accordance\s+with|pursuant\s+to)\s+standing\s+order\s+\d|\bstanding\s+order\s+requirements"),
        ("keep", r"\bkeep\s+(?:my\s+remarks|it|this|to\s+the\s+time)\b[^.?!]{0,30}(?:brief|short|set)"),
        ("bilingual", r"\b(?:meeting|session)\s+is\s+bilingual"),
        ("simultaneous", r"\bsimultaneous\s+(?:translation|interpretation)"),
        ("come in", r"\b(?:wanted|want|like)\s+to\s+come\s+in\b|\bcome\s+in\s+(?:on|here)\s+(?:that|this)\b"),
        ("call you", r"\bcall\s+you\s+in\b"),
        ("to add", r"\bnothing\s+(?:else\s+)?to\s+add\b"),
        ("rise", r"\brise\s+(?:today\s+)?to\s+(?:present|table)\b"),
        ("petition", r"\b(?:present|presenting|table|tabling)\s+(?:an?\s+|two\s+|three\s+|\d+\s+)?(?:e-?)?petitions?"),
        ("question", r"\b(?:first|next)\s+(?:set\s+of\s+)?questions?\s+(?:are|is|will\s+be|comes?)\s+from\b"
         r"|\bgot\s+(?:some\s+)?questions?\s+(?:now\s+)?(?:on|about|from)\b|\bto\s+answer\s+my\s+question\b"),
        ("introduce", r"\bintroduce\s+(?:yourself|yourselves|your\s+officials)"),
        ("joining", r"\bjoining\s+us\s+(?:from|via|by|remotely)"),
        ("video", r"\bparticipat\w*\s+(?:via|by)\s+video|\bvideo\s?conferenc\w*"),
        ("conferenc", r"\bvideoconferenc\w*"),
        ("earpiece", r"\bearpieces?\b"),
        ("headset", r"\bheadsets?\b"),
        ("language", r"\bswitch\s+languages?\b"),
        ("nominat", r"\bnominations?\s+for\b"),
        ("appointed", r"\bappointed\s+(?:as\s+)?(?:temporary\s+)?chair"),
        ("attend", r"\bunable\s+to\s+attend"),
        ("with us", r"\b(?:isn't|is\s+not|aren't|are\s+not|not)\s+able\s+to\s+be\s+with\s+us"),
        ("procedure", r"\brun\s+through\s+the\s+procedures?"),
        ("broadcast", r"\bbroadcast\s+live"),
        ("marshalled", r"\bmarshalled\s+list"),
        ("time", r"\btime\s+is\s+up\b|\brun\s+out\s+of\s+time\b|\bsplitting\s+the\s+time\b|\bminutes\s+of\s+my\s+time\b"),
        ("minutes", r"\bminutes\s+allocated\b|\bstick\s+to\s+(?:the|my)\s+(?:\w+\s+)?minutes\b"),
        ("library", r"\b(?:placed|place|deposited|deposit)\s+(?:a\s+cop(?:y|ies)\s+(?:of\s+[^.]{0,40}?)?)?in\s+the\s+(?:House\s+)?Library"),
        ("vote office", r"\bVote\s+Office\b"),
        ("copies", r"\bcopies\s+(?:have\s+been|will\s+be)\s+placed"),
    )
)

# A form of address opening a sentence ("Mr. Chair, …", "Madam Deputy Speaker, …") says
# nothing; it is set aside before a sentence is judged, as are discourse words and a
# leading "On behalf of the Committee,".
_VOCATIVE = re.compile(
    r"""^(?:(?:well|so|yes|no|okay|ok|and|but),?\s+)*
        (?:(?:(?:mr\.?|madam|mister|madame|hon\.?|honourable)\s+)?(?:deputy\s+|house\s+)?
            (?:chair|chairman|chairwoman|chairperson|speaker|president|presiding\s+officer)
          |my\s+lords|my\s+lord\s+chairman|sir|madam)
        (?:\s*\([^)]*\))?\s*[,:;—–-]\s*""",
    re.IGNORECASE | re.VERBOSE,
)
_DISCOURSE = re.compile(
    r"^(?:(?:so|well|okay|ok|right|now|and|but|yes|oh|again|first(?:ly)?|finally|with\s+(?:great\s+|the\s+greatest\s+)?respect)\b,?\s+)+",
    re.IGNORECASE,
)
_ON_BEHALF = re.compile(r"^on\s+behalf\s+of\s+[^,]{1,60},\s*", re.IGNORECASE)
_OPENING_PUNCTUATION = "\"'“‘([—–- "

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


def is_introduction(sentence: str) -> bool:
    """A welcome that says who a witness is and in what office."""
    return "elcome" in sentence and bool(_INTRODUCTION.search(sentence))


def stripped(sentence: str) -> str:
    """The sentence without opening punctuation, discourse words or a form of address."""
    text = _DISCOURSE.sub("", sentence.strip().lstrip(_OPENING_PUNCTUATION))
    text = _VOCATIVE.sub("", text)
    return _ON_BEHALF.sub("", _DISCOURSE.sub("", text))


PHRASES_FILE = "procedure_phrases.json"


@dataclass(frozen=True)
class Phrases:
    """One language's formulas of procedure (searched anywhere in a sentence) and courtesy
    (matched at its start), each a case-insensitive regular expression."""

    procedure: re.Pattern[str] | None
    courtesy: re.Pattern[str] | None


@cache
def phrases() -> dict[str, Phrases]:
    """Each language's formulas, by primary language subtag ("sk"), from PHRASES_FILE."""
    text = resources.files("exporter.summarise").joinpath(PHRASES_FILE).read_text(encoding="utf-8")
    found: dict[str, Phrases] = {}
    for language, lists in json.loads(text)["languages"].items():
        patterns = [_either(lists.get(key, [])) for key in ("procedure", "courtesy")]
        found[language] = Phrases(*patterns)
    return found


def _either(patterns: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of ``patterns``; None for none."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def kind(sentence: str, language: str | None = None) -> str | None:
    """"procedure", "courtesy", or None when the sentence is neither. ``language`` (BCP 47)
    is the sentence's: its formulas are tried as well as the English patterns."""
    text = stripped(sentence)
    lower = text.lower()
    own = phrases().get(tags.primary(language)) if language else None
    if own is not None and own.procedure is not None and own.procedure.search(text):
        return "procedure"
    if own is not None and own.courtesy is not None and own.courtesy.match(text):
        return "courtesy"
    present = [keyword for keyword in _PROCEDURE_ANYWHERE if keyword in lower]
    if _PROCEDURE.match(text) or any(_PROCEDURE_ANYWHERE[keyword].search(text) for keyword in present):
        return "procedure"
    if len(text.split()) <= SIGNPOST_WORDS and _SIGNPOST.match(text):
        return "procedure"
    if not is_introduction(text) and (
        _COURTESY.match(text)
        or ([word for word in _COURTESY_WORDS if word in lower] and _COURTESY_ANYWHERE.search(text))
    ):
        return "courtesy"
    return None


# How a chair frames a sitting: what the meeting is and what it will hear. These sentences
# are the chair's only substance (a committee chair's "the committee is meeting today to
# question ministers" or "our evidence session on the Bill"); the rest of what a chair says
# keeps order. Matched by form, like everything here, and only ever allowed through when the
# sentence is not procedure or a courtesy as well.
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


_FRAMING_WORDS = ("meet", "evidence", "scrutiny", "purpose", "welcome", "inquiry", "item", "committee")


def frames(sentence: str) -> bool:
    """Whether a sentence has the form of a framing of the sitting (see is_framing)."""
    lower = sentence.lower()
    return bool([word for word in _FRAMING_WORDS if word in lower]) and bool(_FRAMING.search(sentence))


def is_framing(sentence: str) -> bool:
    """Whether a chair's sentence says what the sitting is about rather than keeping order."""
    return frames(sentence) and kind(sentence) is None
