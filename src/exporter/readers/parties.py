"""Party abbreviations as Hansard prints them, and the party names a listener hears.

Hansard writes "(Con)" after a member's name; a screen reader user hears "Con", which
says little. Readers keep the full name in the model. An abbreviation not listed here is
returned as printed, never guessed.
"""

from __future__ import annotations

_PARTIES: dict[str, str] = {
    "alba": "Alba Party",
    "alliance": "Alliance Party",
    "apni": "Alliance Party",
    "bishops": "Bishops",
    "bp": "Bishops",
    "cb": "Crossbench",
    "con": "Conservative",
    "conservative": "Conservative",
    "dup": "Democratic Unionist Party",
    "green": "Green Party",
    "grn": "Green Party",
    "ind": "Independent",
    "independent": "Independent",
    "lab": "Labour",
    "labour": "Labour",
    "lab/co-op": "Labour (Co-op)",
    "labour/co-operative": "Labour (Co-op)",
    "ld": "Liberal Democrat",
    "lib dem": "Liberal Democrat",
    "libdem": "Liberal Democrat",
    "non-afl": "Non-affiliated",
    "pc": "Plaid Cymru",
    "plaid cymru": "Plaid Cymru",
    "reform": "Reform UK",
    "reform uk": "Reform UK",
    "ruk": "Reform UK",
    "sdlp": "Social Democratic and Labour Party",
    "sf": "Sinn Féin",
    "snp": "Scottish National Party",
    "speaker": "Speaker",
    "tuv": "Traditional Unionist Voice",
    "ukip": "UK Independence Party",
    "uup": "Ulster Unionist Party",
    "your party": "Your Party",
}


def expand_party(abbrev: str) -> str:
    """The full party name for a Hansard abbreviation ("Con" -> "Conservative").

    Unknown abbreviations come back as given (stripped), so nothing is invented.
    """
    cleaned = " ".join(abbrev.split())
    return _PARTIES.get(cleaned.lower(), cleaned)


def is_party(text: str) -> bool:
    """Whether ``text`` is a party abbreviation or name this table knows."""
    return " ".join(text.split()).lower() in _PARTIES
