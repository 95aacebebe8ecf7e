"""The ParlaMint corpora (CLARIN): which parliament and house each corpus transcribes.

A ParlaMint sitting names its corpus in its id (``ParlaMint-BG_2022-07-29``) and its
house only by reference: a ``meeting`` points (``corresp``) at an organisation of the
corpus' ``listOrg`` and is marked ``#parla.lower``, ``#parla.upper`` or ``#parla.uni``.
This table turns the corpus code and that chamber into the house's profile, so a
sitting shows "National Assembly of the Republic of Bulgaria", never a sitting or term
label. Codes, languages and houses are those of the ParlaMint 4 corpora (and the
earlier LT, RO and SK corpora), as each corpus' ``listOrg`` and ``titleStmt`` give them.

``person_ids`` says how the corpus spells a person id when it was checked against the
corpus' own files: ``surname-first`` (BG ``IvanovMiroslav``), ``forename-first`` (GB
``LindsayHoyle``, CZ and SK ``OlgaRichterova.1985``, TR ``Mustafa.Şentop``); ``None``
where that was not checked, so a name derived from an id keeps the id's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The chambers a ParlaMint ``meeting`` may be marked with (taxonomy ``parla.legislature``).
CHAMBERS = ("uni", "lower", "upper")

_CODE = re.compile(r"ParlaMint-([A-Z]{2}(?:-[A-Z]{2})?)(?![A-Za-z])")


@dataclass(frozen=True)
class Corpus:
    """One ParlaMint corpus: its code, country, languages and the profile of each house."""

    code: str  # "BG", "ES-CT"
    country: str
    languages: tuple[str, ...]  # BCP 47, the corpus' main language first
    houses: tuple[tuple[str, str], ...]  # (chamber, profile key); the first is the default
    person_ids: str | None = None  # "surname-first", "forename-first", or None (not checked)
    organisations: tuple[tuple[str, str], ...] = ()  # listOrg ids -> chamber, where not marked

    def profile_key(self, chamber: str | None = None, organisation: str | None = None) -> str:
        """The profile of the house a sitting names, by chamber or organisation id; else the
        corpus' first house (the one house of most corpora)."""
        wanted = dict(self.organisations).get(organisation or "", chamber)
        return dict(self.houses).get(wanted or "", self.houses[0][1])


CORPORA: tuple[Corpus, ...] = (
    Corpus("AT", "Austria", ("de",), (("lower", "at-national-council"),)),
    Corpus("BA", "Bosnia and Herzegovina", ("bs", "hr", "sr"), (("lower", "ba-house-of-representatives"),)),
    Corpus("BE", "Belgium", ("nl", "fr"), (("lower", "be-chamber-of-representatives"),)),
    Corpus("BG", "Bulgaria", ("bg",), (("uni", "bg-national-assembly"),), "surname-first"),
    Corpus(
        "CZ",
        "Czechia",
        ("cs",),
        (("lower", "cz-chamber-of-deputies"), ("upper", "cz-senate")),
        "forename-first",
        (("parliament.PSP", "lower"), ("senate.SE", "upper")),
    ),
    Corpus("DK", "Denmark", ("da",), (("uni", "dk-folketing"),)),
    Corpus("EE", "Estonia", ("et",), (("uni", "ee-riigikogu"),)),
    Corpus("ES", "Spain", ("es",), (("lower", "es-congress-of-deputies"),)),
    Corpus("ES-CT", "Catalonia (Spain)", ("ca", "es"), (("uni", "es-ct-parliament"),)),
    Corpus("ES-GA", "Galicia (Spain)", ("gl", "es"), (("uni", "es-ga-parliament"),)),
    Corpus("ES-PV", "Basque Country (Spain)", ("eu", "es"), (("uni", "es-pv-parliament"),)),
    Corpus("FI", "Finland", ("fi", "sv"), (("uni", "fi-eduskunta"),)),
    Corpus("FR", "France", ("fr",), (("lower", "fr-national-assembly"),)),
    Corpus(
        "GB",
        "United Kingdom",
        ("en",),
        (("lower", "uk-commons"), ("upper", "uk-lords")),
        "forename-first",
        (("parliament.HC", "lower"), ("parliament.HL", "upper")),
    ),
    Corpus("GR", "Greece", ("el",), (("uni", "gr-hellenic-parliament"),)),
    Corpus("HR", "Croatia", ("hr",), (("uni", "hr-croatian-parliament"),)),
    Corpus("HU", "Hungary", ("hu",), (("uni", "hu-national-assembly"),)),
    Corpus("IS", "Iceland", ("is",), (("uni", "is-althingi"),)),
    Corpus("IT", "Italy", ("it",), (("upper", "it-senate"),)),
    Corpus("LT", "Lithuania", ("lt",), (("uni", "lt-seimas"),)),
    Corpus("LV", "Latvia", ("lv",), (("uni", "lv-saeima"),)),
    Corpus("NL", "Netherlands", ("nl",), (("lower", "nl-house-of-representatives"), ("upper", "nl-senate"))),
    Corpus("NO", "Norway", ("no",), (("uni", "no-storting"),)),
    Corpus("PL", "Poland", ("pl",), (("lower", "pl-sejm"), ("upper", "pl-senate"))),
    Corpus("PT", "Portugal", ("pt",), (("uni", "pt-assembly-of-the-republic"),)),
    Corpus("RO", "Romania", ("ro",), (("lower", "ro-chamber-of-deputies"),)),
    Corpus("RS", "Serbia", ("sr",), (("uni", "rs-national-assembly"),)),
    Corpus("SE", "Sweden", ("sv",), (("uni", "se-riksdag"),)),
    Corpus("SI", "Slovenia", ("sl",), (("lower", "si-national-assembly"),)),
    Corpus("SK", "Slovakia", ("sk",), (("uni", "sk-national-council"),), "forename-first"),
    Corpus("TR", "Turkey", ("tr",), (("uni", "tr-grand-national-assembly"),), "forename-first"),
    Corpus("UA", "Ukraine", ("uk", "ru"), (("uni", "ua-verkhovna-rada"),)),
)

_BY_CODE = {corpus.code: corpus for corpus in CORPORA}


def corpus(code: str | None) -> Corpus | None:
    """The corpus with this code (``BG``, ``ES-CT``), or None."""
    return _BY_CODE.get((code or "").upper())


def corpus_of(identifier: str | None) -> Corpus | None:
    """The corpus an id names: ``ParlaMint-BG_2022-07-29``, ``ParlaMint-ES-CT``, ``ParlaMint-GB-listOrg``."""
    found = _CODE.search(identifier or "")
    if found is None:
        return None
    return corpus(found.group(1)) or corpus(found.group(1)[:2])
