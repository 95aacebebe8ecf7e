"""European parliaments whose records the ParlaMint corpora and Akoma Ntoso give.

Their own citation forms could not be sourced, so each offers the neutral form only
(parliament, house, date, URL): an abbreviation is never invented. Names are the
parliaments' own English names, with the names their records print in their own
language, so that a record naming either is matched. No reuse licence is claimed where
none could be found: the briefing then shows the licence the record itself states (a
ParlaMint corpus states CC BY 4.0).
"""

from __future__ import annotations

from exporter.parliaments.profile import CitationForm, Licence, Profile
from exporter.parliaments.westminster import NEUTRAL

SENATO_OPEN_DATA = Licence(
    name="Creative Commons Attribution 3.0 (CC BY 3.0)",
    url="https://creativecommons.org/licenses/by/3.0/",
    adaptation=True,
    source="Senato della Repubblica, dati.senato.it, 'Licenza': "
    "https://dati.senato.it/DatiSenato/browse/19?testo_generico=24",
)


def _house(
    key: str,
    countries: tuple[str, ...],
    parliament: str,
    houses: tuple[str, ...],
    language: str,
    urls: tuple[str, ...] = (),
    licence: Licence | None = None,
    chair_titles: tuple[str, ...] = (),
) -> Profile:
    """One house, cited in the neutral form; never guessed from its name alone ("National
    Assembly", "Senate" are the names of many houses)."""
    return Profile(
        key=key,
        parliament=parliament,
        houses=houses,
        locations=(None,),
        publisher=parliament if parliament == houses[0] else f"{parliament}, {houses[0]}",
        licence=licence,
        citations=(CitationForm("neutral", "{parliament}, {house}", NEUTRAL, pinpoint="page"),),
        language=language,
        record_urls=urls,
        guess=False,
        countries=countries,
        chair_titles=chair_titles,
    )


PROFILES: tuple[Profile, ...] = (
    _house(
        "at-national-council", ("at", "aut"), "Austrian Parliament", ("National Council", "Nationalrat"), "de",
        (r"parlament\.gv\.at/",),
    ),
    _house(
        "ba-house-of-representatives",
        ("ba", "bih"),
        "Parliamentary Assembly of Bosnia and Herzegovina",
        ("House of Representatives", "Predstavnički dom"),
        "bs",
        (r"parlament\.ba/",),
    ),
    _house(
        "be-chamber-of-representatives",
        ("be", "bel"),
        "Belgian Federal Parliament",
        ("Chamber of Representatives", "Kamer van volksvertegenwoordigers", "Chambre des représentants"),
        "nl",
        (r"dekamer\.be/", r"lachambre\.be/"),
    ),
    _house(
        "bg-national-assembly",
        ("bg", "bgr"),
        "National Assembly of the Republic of Bulgaria",
        (
            "National Assembly of the Republic of Bulgaria",
            "National Assembly",
            "Народно събрание на Република България",
            "Народно събрание",
        ),
        "bg",
        (r"parliament\.bg/",),
    ),
    _house(
        "cz-chamber-of-deputies",
        ("cz", "cze"),
        "Parliament of the Czech Republic",
        ("Chamber of Deputies", "Poslanecká sněmovna"),
        "cs",
        (r"psp\.cz/",),
    ),
    _house("cz-senate", ("cz", "cze"), "Parliament of the Czech Republic", ("Senate", "Senát"), "cs", (r"senat\.cz/",)),
    _house("dk-folketing", ("dk", "dnk"), "Folketing", ("Folketing", "Folketinget"), "da", (r"ft\.dk/",)),
    _house("ee-riigikogu", ("ee", "est"), "Riigikogu", ("Riigikogu",), "et", (r"riigikogu\.ee/",)),
    _house(
        "es-congress-of-deputies",
        ("es", "esp"),
        "Cortes Generales",
        ("Congress of Deputies", "Congreso de los Diputados"),
        "es",
        (r"congreso\.es/",),
    ),
    _house(
        "es-ct-parliament", ("es-ct",), "Parliament of Catalonia", ("Parliament of Catalonia", "Parlament de Catalunya"),
        "ca", (r"parlament\.cat/",),
    ),
    _house(
        "es-ga-parliament", ("es-ga",), "Parliament of Galicia", ("Parliament of Galicia", "Parlamento de Galicia"),
        "gl", (r"parlamentodegalicia\.(gal|es)/",),
    ),
    _house(
        "es-pv-parliament",
        ("es-pv",),
        "Basque Parliament",
        ("Basque Parliament", "Eusko Legebiltzarra", "Parlamento Vasco"),
        "eu",
        (r"legebiltzarra\.eus/", r"parlamentovasco\.euskolegebiltzarra\.org/"),
    ),
    _house("fi-eduskunta", ("fi", "fin"), "Parliament of Finland", ("Parliament of Finland", "Eduskunta"), "fi",
           (r"eduskunta\.fi/",)),
    _house(
        "fr-national-assembly", ("fr", "fra"), "French Parliament", ("National Assembly", "Assemblée nationale"), "fr",
        (r"assemblee-nationale\.fr/",),
    ),
    _house("gr-hellenic-parliament", ("gr", "grc"), "Hellenic Parliament", ("Hellenic Parliament", "Βουλή των Ελλήνων"),
           "el", (r"hellenicparliament\.gr/",)),
    _house("hr-croatian-parliament", ("hr", "hrv"), "Croatian Parliament", ("Croatian Parliament", "Hrvatski sabor"),
           "hr", (r"sabor\.hr/",)),
    _house("hu-national-assembly", ("hu", "hun"), "National Assembly of Hungary", ("National Assembly of Hungary",
           "Országgyűlés"), "hu", (r"parlament\.hu/",)),
    _house("is-althingi", ("is", "isl"), "Althingi", ("Althingi", "Alþingi"), "is", (r"althingi\.is/",)),
    _house(
        "it-senate",
        ("it", "ita"),
        "Italian Parliament",
        ("Senate of the Republic", "Senato della Repubblica", "Senato"),
        "it",
        (r"senato\.it/",),
        SENATO_OPEN_DATA,
        # the Resoconto prints "PRESIDENTE" before the words of whoever presides, the
        # President or a Vice President (the record's speech "as" role and its label)
        chair_titles=("Presidente",),
    ),
    _house("lt-seimas", ("lt", "ltu"), "Seimas of the Republic of Lithuania",
           ("Seimas of the Republic of Lithuania", "Seimas"), "lt", (r"lrs\.lt/",)),
    _house("lv-saeima", ("lv", "lva"), "Saeima", ("Saeima",), "lv", (r"saeima\.lv/",)),
    _house(
        "nl-house-of-representatives",
        ("nl", "nld"),
        "States General of the Netherlands",
        ("House of Representatives", "Tweede Kamer"),
        "nl",
        (r"tweedekamer\.nl/",),
    ),
    _house("nl-senate", ("nl", "nld"), "States General of the Netherlands", ("Senate", "Eerste Kamer"), "nl",
           (r"eerstekamer\.nl/",)),
    _house("no-storting", ("no", "nor"), "Storting", ("Storting", "Stortinget"), "no", (r"stortinget\.no/",)),
    _house("pl-sejm", ("pl", "pol"), "Parliament of the Republic of Poland", ("Sejm",), "pl", (r"sejm\.gov\.pl/",)),
    _house("pl-senate", ("pl", "pol"), "Parliament of the Republic of Poland", ("Senate", "Senat"), "pl",
           (r"senat\.gov\.pl/",)),
    _house("pt-assembly-of-the-republic", ("pt", "prt"), "Assembly of the Republic",
           ("Assembly of the Republic", "Assembleia da República"), "pt", (r"parlamento\.pt/",)),
    _house("ro-chamber-of-deputies", ("ro", "rou"), "Parliament of Romania", ("Chamber of Deputies",
           "Camera Deputaților"), "ro", (r"cdep\.ro/",)),
    _house("rs-national-assembly", ("rs", "srb"), "National Assembly of the Republic of Serbia",
           ("National Assembly of the Republic of Serbia", "Народна скупштина Републике Србије"), "sr",
           (r"parlament\.gov\.rs/",)),
    _house("se-riksdag", ("se", "swe"), "Riksdag", ("Riksdag", "Sveriges riksdag"), "sv", (r"riksdagen\.se/",)),
    _house("si-national-assembly", ("si", "svn"), "National Assembly of the Republic of Slovenia",
           ("National Assembly of the Republic of Slovenia", "Državni zbor"), "sl", (r"dz-rs\.si/",)),
    _house(
        "sk-national-council",
        ("sk", "svk"),
        "National Council of the Slovak Republic",
        ("National Council of the Slovak Republic", "Národná rada Slovenskej republiky", "NR SR"),
        "sk",
        (r"nrsr\.sk/",),
    ),
    _house(
        "tr-grand-national-assembly",
        ("tr", "tur"),
        "Grand National Assembly of Turkey",
        ("Grand National Assembly of Turkey", "Türkiye Büyük Millet Meclisi", "TBMM"),
        "tr",
        (r"tbmm\.gov\.tr/",),
    ),
    _house("ua-verkhovna-rada", ("ua", "ukr"), "Verkhovna Rada of Ukraine",
           ("Verkhovna Rada of Ukraine", "Верховна Рада України"), "uk", (r"rada\.gov\.ua/",)),
)
