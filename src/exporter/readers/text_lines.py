"""The lines of debate text copied from a web page, told apart: site furniture, the sitting's
details, and speaker lines in every form the sites print.

Speaker lines::

    Kim Leadbeater Portrait Kim Leadbeater (Batley and Spen) (Lab)        Parallel Parliament
    David Evennett Portrait Mr Evennett                                   (the name before "Portrait" is who it is)
    Kim Leadbeater (Batley and Spen) (Lab)                                Hansard
    The Minister for Safeguarding (Rachel Maclean):                       Hansard, an office and a name
    Madam Deputy Speaker (Caroline Nokes)
    Mr. David Wilshire (Spelthorne)                                       historic Hansard: a name and a constituency
    Mr. Hanson                                                            historic Hansard: a name alone
    Lord Henley (Con)                                                     a peer: the bracket is the party
    The Minister of State, Home Office (Lord Hanson of Flint) (Lab)       an office, a name and a party
    Kim Leadbeater / Labour, Batley and Spen                              TheyWorkForYou: a name, then party and seat

Sitting details: a date ("Thursday 9th June 2016", "Volume 778: debated on Wednesday 14
January 2026"), a place ("Westminster Hall"), "Department: Home Office", a chair note
("[Sir Edward Leigh in the Chair]"), a time ("2.30 pm") and historic Hansard's reference
("HC Deb 16 January 2001 vol 361 cc300-13": house, date, volume and columns).

A line is "speaker-like" when the sites' layout says a speaker line stands there (a
"- Hansard -" line follows it, it holds "Portrait", it ends in a party abbreviation) but
it cannot be read as one: the reader then warns and keeps it as text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from exporter.parliaments import Formula
from exporter.readers.parties import expand_party, is_party

MONTHS = (
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)
_DATE_WORDS = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+"
    r"(January|February|March|April|May|June|July|August|September|October|November|December),?\s+(\d{4})"
)
DATE = re.compile(rf"^{_DATE_WORDS}$", re.I)
_HANSARD_VOLUME = re.compile(rf"^Volume\s+(\d+):\s+debated\s+on\s+{_DATE_WORDS}$", re.I)
_DEBATED_ON = re.compile(rf"^(?:debated\s+on\s+|Date:\s*){_DATE_WORDS}$", re.I)
_PLACE_DATE = re.compile(rf"^(?P<place>[A-Z][\w ]+?)\s+[–—-]\s+{_DATE_WORDS}(?:\s+at\s+.+)?\.?$", re.I)
REFERENCE = re.compile(
    r"^(?P<house>HC|HL) Deb,?\s+(?P<date>\d{1,2} \w+ \d{4}),?\s+vol\.?\s*(?P<volume>\d+),?\s+"
    r"(?:cc?|cols?\.?)\s*(?P<prefix>WA|GC|WS)?(?P<first>\d+)(?:[-–](?P<last>\d+))?(?P<suffix>WH|WS|WA|GC|W)?$",
    re.I,
)
LOCATIONS = {
    "westminster hall": ("House of Commons", "Westminster Hall"),
    "commons chamber": ("House of Commons", "Commons Chamber"),
    "lords chamber": ("House of Lords", "Lords Chamber"),
    "grand committee": ("House of Lords", "Grand Committee"),
}
# what a historic reference's column mark says the series is
COLUMN_SERIES = {"WH": "Westminster Hall", "W": "Written Answers", "WA": "Written Answers",
                 "WS": "Written Statements", "GC": "Grand Committee"}
FURNITURE = (
    re.compile(r"^-?\s*Hansard\s*(-\s*)*(Excerpts)?$"),
    re.compile(r"^Full Debate:.*$", re.I),
    re.compile(r"^Read (Full|Hansard|Debate)\b.*$", re.I),
    re.compile(r"^\(Limited Text - Ministerial Extracts only\)$", re.I),
    re.compile(r"^.+ Excerpts$"),
    re.compile(r"^\(\d+ (?:years?|months?|days?|weeks?)(?:, \d+ (?:years?|months?|days?|weeks?))* ago\)$"),
    re.compile(r"^This information is provided by Parallel Parliament\b.*$", re.I),
    re.compile(r"^Westminster Hall is an alternative Chamber for MPs\b.*$", re.I),
    re.compile(r"^Each debate is chaired by an MP from the Panel of Chairs\b.*$", re.I),
    re.compile(
        r"^(Share|Copy link|Share this (specific )?contribution|Link to this (debate|speech)|Hansard"
        r"|Download text|Download|Print|Email|Tweet|In context|Watch|Watch this debate|Previous|Next"
        r"|Back to top|Contents|Expand all|Collapse all)$",
        re.I,
    ),
    re.compile(r"^(View all|Read) .* contributions?$", re.I),
    re.compile(r"^(Hansard source|Source:).*$", re.I),
)
# an MP's debates page names itself before the debate ("Jane Example debates with Home Office"):
# the page's own title, recognised only before the first speaker line
PAGE_TITLE = re.compile(r"^[^.?!:]{3,80} debates? (?:with|involving) [^.?!:]{3,80}$")
DEPARTMENT = re.compile(r"^Department:\s*(.+)$", re.I)
CHAIR_NOTE = re.compile(r"^\[(?P<name>.+) in the Chair\]$")
# "3.31 pm", and "3.31 p.m." as historic Hansard and the older Commons print it
TIME = re.compile(r"^(?:(\d{1,2})[.:](\d{2})\s*(a\.?m\.?|p\.?m\.?)?|12(?:[.:]00)? (noon|midnight))$", re.I)
URL = re.compile(r"^https?://\S+$")
COLUMN = re.compile(r"^(?:Column\s+)?(\d{1,4})(WH|WS|WA|GC|W)?$")
QUESTION = re.compile(r"^(?P<number>T?\d{1,3})\.\s+\S")
_CITATION_COLUMN = re.compile(r"\bc{1,2}\s?(?P<column>\d+(?:WH|WS|WA|GC|W)?)\)?$")

_PORTRAIT = re.compile(r"^(?P<short>.+?) Portrait(?: (?P<rest>.+))?$")
_MEMBER = re.compile(r"^(?P<name>[^()]+?) \((?P<constituency>[^()]+)\) \((?P<party>[^()]+)\):?$")
_BRACKETED = re.compile(r"^(?P<outer>[^()]+?) \((?P<inner>[^()]+)\):?$")
_PEERAGE = r"(?:Earl|Countess|Duke|Duchess|Marquess|Marchioness|Viscount|Viscountess)"
_HONORIFIC = (
    rf"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|{_PEERAGE}|Rev|Professor)\.?"
    rf"|The (?:Lord )?(?:Arch)?[Bb]ishop|The {_PEERAGE})"  # "The Earl of Clancarty", "The Lord Bishop of Leeds"
)
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"  # a capital, also with an accent: "Órfhlaith Begley"
_BARE_NAME = re.compile(rf"^(?P<name>{_HONORIFIC}(?: (?:of|de|van|von|{_NAME_WORD})){{1,4}}):?$")
_CHAIR_TITLE = re.compile(
    r"^(?:(?:Mr|Madam)\.? (?:Deputy )?Speaker|The (?:Deputy )?Speaker|The (?:Deputy )?Chair(?:man|woman)?"
    r"|(?:Mr|Madam)\.? Chair(?:man)?|The (?:Lord )?Speaker|The Deputy Presiding Officer|The Presiding Officer)"
    r"(?: \((?P<name>[^()]+)\))?:?$"
)
_COLLECTIVE = re.compile(r"^(?:Several |Some |)[Hh]on\. Members:?$")
_OFFICE_LINE = re.compile(
    r"^(?:The )?(?:Parliamentary |Minister|Secretary of State|Chancellor|Prime Minister|Leader of|Deputy |"
    r"Solicitor General|Attorney General|Shadow |Chief Secretary|Financial Secretary|Economic Secretary|"
    r"Exchequer Secretary|Paymaster General|Lord Chancellor|Chair of|Speaker|Lord Speaker)"
)
_OFFICE_START = re.compile(r"^(?:The|Madam|Mr\.?|Mrs\.?|Ms|Dame|Sir)\b")
_SHARE = re.compile(r"^Share(?: this (?:specific )?contribution)?$", re.I)
_PARTY_ABBREVIATION_END = re.compile(r"\((?:[A-Z][\w/-]{1,8}|Lab/Co-op)\)?:?$")


@dataclass(frozen=True)
class SpeakerLine:
    """A speaker line read: who (``name``, with the ``key`` that tells them apart), what the
    line adds (constituency, party) and the office spoken in. ``short`` is a bare name
    ("Mr. Hanson") that stands for a member named in full earlier."""

    key: str
    name: str
    constituency: str | None = None
    party: str | None = None
    office: str | None = None
    short: bool = False


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "speaker"


def _named(name: str, **facts: str | None) -> SpeakerLine:
    name = " ".join(name.split())
    return SpeakerLine(slug(name), name, **facts)  # type: ignore[arg-type]


def read_speaker_line(line: str, following: str | None = None, seats: bool = True) -> SpeakerLine | None:
    """The line as a speaker line, or None. ``following`` is the next non-empty line
    (TheyWorkForYou prints party and seat under the name). ``seats`` is False for a house
    whose members sit for no constituency (the Lords): a bracket after a name is then the
    party, known or not ("Lord Henley (Con)"); elsewhere only a party this project knows
    is read as one."""
    if found := _PORTRAIT.match(line):
        short, rest = found["short"].strip(), (found["rest"] or "").strip()
        parsed = read_speaker_line(rest, seats=seats) if rest else None
        # the name before "Portrait" is who it is; the rest says how they are printed here
        return SpeakerLine(
            slug(short),
            short,
            parsed.constituency if parsed else None,
            parsed.party if parsed else None,
            parsed.office if parsed else None,
        )
    if (found := _MEMBER.match(line)) and len(found["party"]) <= 40:
        outer, inner, party = found["name"].strip(), found["constituency"].strip(), expand_party(found["party"])
        if not _BARE_NAME.match(outer) and (outer.startswith("The ") or _CHAIR_TITLE.match(outer)):
            # "The Minister of State, Home Office (Lord Hanson of Flint) (Lab)": office, name, party
            if _person(inner) and (line.endswith(":") or len(line) <= 200):
                return _named(inner, office=outer, party=party)
            return None
        return _named(outer, constituency=inner if seats else None, party=party)
    if found := _CHAIR_TITLE.match(line):
        office = line.split(" (")[0].rstrip(":").strip()
        return _named(found["name"], office=office) if found["name"] else _named(office, office=office)
    if found := _BRACKETED.match(line):
        outer, inner = found["outer"].strip(), found["inner"].strip()
        named = _BARE_NAME.match(outer) is not None
        if is_party(inner) and (named or (_looks_like_name(outer) and not outer.startswith("The "))):
            return _named(outer, party=expand_party(inner))  # "Lord Henley (Con)"
        if not named:  # an office, the member's name in brackets
            if _OFFICE_START.match(outer) and _person(inner) and (line.endswith(":") or len(line) <= 160):
                return _named(inner, office=outer)
            return None
        if not seats:
            return _named(outer, party=expand_party(inner))  # a peer's party this project does not know
        return _named(outer, constituency=inner)  # "Mr. David Wilshire (Spelthorne)"
    if _COLLECTIVE.match(line):
        return _named(line.rstrip(":"))
    if found := _BARE_NAME.match(line):
        return SpeakerLine(slug(found["name"]), found["name"], short=True)
    if following and _looks_like_name(line) and (seat := _party_and_seat(following)):
        return _named(line, party=seat[0], constituency=seat[1])
    if following and _looks_like_name(line) and is_office_line(following):
        return _named(line, office=following)
    return None


def _person(text: str) -> bool:
    """Whether bracketed words are a person's name ("Rachel Maclean", "Mr. Mike O'Brien")."""
    words = text.split()
    return 1 <= len(words) <= 6 and all(
        re.fullmatch(_NAME_WORD, word) or word in ("of", "de", "van", "von", "der", "la") for word in words
    )


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 5 and all(re.fullmatch(_NAME_WORD, word) for word in words)


def bare_name(line: str) -> str | None:
    """A line that is a name and nothing else, as Hansard prints a member's later
    contributions ("Martin Vickers", "Sir Edward Leigh:"), or None. Capitals throughout
    are a heading ("CRIMINAL JUSTICE BILL"), never a name."""
    name = line.rstrip(":").strip()
    if name.isupper() or not (_looks_like_name(name) or _BARE_NAME.match(name)):
        return None
    return name


def is_chair_title(text: str) -> bool:
    """Whether ``text`` is the chair's title ("Madam Deputy Speaker"): several members hold
    it in one sitting, so it alone names none of them."""
    return _CHAIR_TITLE.match(text) is not None


def procedural(line: str, formulas: tuple[Formula, ...]) -> str | None:
    """The kind of procedural line this is by the record's ``formulas`` (a
    :class:`exporter.model.ProceduralKind` value), or None: a member's words."""
    if len(line) >= 200:
        return None
    return next((formula.kind for formula in formulas if re.match(formula.start, line)), None)


def _party_and_seat(line: str) -> tuple[str, str] | None:
    """TheyWorkForYou's "Labour, Batley and Spen" under a member's name."""
    party, _, seat = line.partition(", ")
    if seat and is_party(party) and len(seat) <= 60 and not seat.endswith("."):
        return expand_party(party), seat.strip()
    return None


def is_party_line(line: str) -> bool:
    return _party_and_seat(line) is not None


def is_office_line(line: str) -> bool:
    """TheyWorkForYou's office under a minister's name ("Minister of State (Home Office)")."""
    return len(line) <= 120 and not re.search(r"[.?!:]$", line) and _OFFICE_LINE.match(line) is not None


def speaker_like(line: str, following: str | None) -> bool:
    """A line where the layout puts a speaker line, which could not be read as one."""
    if following is not None and any(p.match(following) for p in FURNITURE[:1]):
        return True  # Parallel Parliament prints "- Hansard -" under every speaker line
    if following is not None and _SHARE.match(following) and len(line) <= 120 and not re.search(r"[.?!:;,]$", line):
        return True  # Hansard prints its "Share" button under every speaker line
    if " Portrait" in line and len(line) <= 200:
        return True
    return len(line) <= 120 and _PARTY_ABBREVIATION_END.search(line) is not None and not line.endswith(".")


def sitting_date(match: re.Match[str], offset: int = 1) -> dt.date:
    """The date of a match whose groups ``offset``.. are day, month name and year; raises
    ValueError for a date that does not exist."""
    day, month, year = match.group(offset), match.group(offset + 1), match.group(offset + 2)
    return dt.date(int(year), MONTHS.index(month.lower()) + 1, int(day))


def dated_line(line: str) -> tuple[re.Match[str], int, str | None, str | None] | None:
    """A line that dates the sitting: the match, where its date groups start, the volume
    and the place it names (Hansard's "Volume 778: debated on …", "Westminster Hall – …")."""
    if found := DATE.match(line):
        return found, 1, None, None
    if found := _HANSARD_VOLUME.match(line):
        return found, 2, found.group(1), None
    if found := _DEBATED_ON.match(line):
        return found, 1, None, None
    if (found := _PLACE_DATE.match(line)) and found["place"].lower() in LOCATIONS:
        return found, 2, None, found["place"]
    return None


def citation_column(line: str) -> str | None:
    """The column a TheyWorkForYou "Hansard source (Citation: HC Deb, …, c98WH)" line gives."""
    if not line.lower().startswith(("hansard source", "source:")):
        return None
    found = _CITATION_COLUMN.search(line)
    return found["column"] if found else None


def clock(match: re.Match[str]) -> str:
    if match.group(4):  # "12 noon", "12 midnight"
        return "12:00" if match.group(4).lower() == "noon" else "00:00"
    hour, minute = int(match.group(1)), int(match.group(2))
    half = (match.group(3) or "").lower().replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"
