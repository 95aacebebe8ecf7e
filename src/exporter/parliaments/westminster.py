"""The Parliament of the United Kingdom: its two Houses and their series of records."""

from __future__ import annotations

from exporter.parliaments.profile import (
    CitationForm,
    ColumnMark,
    Formula,
    IdLink,
    Licence,
    OralQuestions,
    Profile,
)

PARLIAMENT = "Parliament of the United Kingdom"
PUBLISHER = "UK Parliament (Hansard)"

OPEN_PARLIAMENT_LICENCE = Licence(
    name="Open Parliament Licence v3.0",
    url="https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/",
    adaptation=True,
    attribution="Contains Parliamentary information licensed under the Open Parliament Licence v3.0.",
    source="https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/",
)

OSCOLA = (
    "OSCOLA, 4th edn (Faculty of Law, University of Oxford 2012), Hansard: debates of each House, "
    "written answers ('W' after the column, 'WA' before it in the Lords), Public Bill Committees by "
    "the bill's title, old standing committees as 'SC Deb (A)'; as set out in "
    "https://library.rgu.ac.uk/oscola/hansard and http://referencing.port.ac.uk/pages/ref44.php"
)
HANSARD_REFERENCE = (
    "Hansard's own reference, printed with every debate of the official report "
    "('HC Deb 24 February 2004 vol 418 cc1-22WH'), https://api.parliament.uk/historic-hansard/"
)
CITE_THEM_RIGHT = "Cite Them Right (Pears and Shields), Harvard: Hansard"
NEUTRAL = (
    "debate-exporter's neutral form: parliament, sitting, date, column, URL, used where no "
    "published form could be sourced"
)

_TWFY = "https://www.theyworkforyou.com"

# The lines each House's Official Report prints of its own procedure, no member's words, as
# its debates print them (../shared/records: the ParlParse and Hansard API records' italic
# and procedural text; the Lords' "On Question, Bill read a second time"). Both Houses:
_PROCEDURE = (
    Formula(r"Question (?:put|proposed|agreed|accordingly|negatived|that)\b"),
    Formula(r"Motion made\b", "motion"),
    Formula(r"(?:Resolved|Ordered)[,.]"),
    Formula(r"The (?:House|Committee) divided\b"),
    Formula(r"Bill (?:read|accordingly|to be|passed|reported)\b"),
    # "Amendment agreed.", "Amendment 96 withdrawn.", "Amendments 101 to 103 agreed."
    Formula(r"Amendments? (?:\w+ (?:to \w+ )?)?(?:made|agreed|negatived|disagreed|withdrawn|not moved)\b"),
    Formula(r"(?:Amendment|Motion|Clause), by leave, withdrawn\b"),
    Formula(r"(?:New )?(?:Clause|Schedule)s? \d+\w* (?:ordered|agreed|added)\b"),
    Formula(r"House adjourned\b"),
    Formula(r"Sitting (?:suspended|adjourned)\b", "interruption"),
    Formula(r"\[(?:Interruption|Laughter)\.?\]$", "interruption"),
    Formula(r"On resuming\b", "interruption"),
)
COMMONS_PROCEDURE = (
    *_PROCEDURE,
    Formula(r"Main Question\b"),
    Formula(r"Amendment proposed\b", "motion"),
    Formula(r"The House proceeded to a Division\b"),
    Formula(r"Several hon\. Members rose", "other"),
)
LORDS_PROCEDURE = (
    *_PROCEDURE,
    Formula(r"On Question,"),
    Formula(r"Motions? (?:agreed|disagreed|withdrawn|not moved)\b"),
    Formula(r"Moved by\b", "motion"),
    Formula(r"Division on\b"),
    Formula(r"(?:Not-)?Contents,? \d+"),
    Formula(r"House resumed\b"),
)


def _forms(head: str) -> tuple[CitationForm, ...]:
    return (
        CitationForm("oscola", head, OSCOLA),
        CitationForm("short", head, HANSARD_REFERENCE),
        CitationForm("harvard", head, CITE_THEM_RIGHT),
        CitationForm("neutral", "{parliament}, {house}, {location}", NEUTRAL),
    )


def _profile(
    key: str,
    houses: tuple[str, ...],
    locations: tuple[str | None, ...],
    head: str,
    *,
    mark: ColumnMark | None = None,
    urls: tuple[str, ...] = (),
    link: IdLink | None = None,
    forms: tuple[CitationForm, ...] | None = None,
    oral_questions: OralQuestions | None = None,
) -> Profile:
    lords = houses == LORDS
    return Profile(
        key=key,
        parliament=PARLIAMENT,
        houses=houses,
        locations=locations,
        publisher=PUBLISHER,
        licence=OPEN_PARLIAMENT_LICENCE,
        citations=forms or _forms(head),
        column_mark=mark,
        record_urls=urls,
        link=link,
        oral_questions=oral_questions,
        seats=not lords,  # a peer's bracket is a party: "Lord Henley (Con)"
        procedure=LORDS_PROCEDURE if lords else COMMONS_PROCEDURE,
    )


#: A Lords oral question as the Lords Hansard prints it: a heading of its own ending "— Question"
#: ("Government: Debts — Question"; "— Private Notice Question" for one asked at short notice;
#: "— Question for Short Debate" is a debate), then the peer's question, "To ask Her Majesty's
#: Government …" (or, after the question's text printed as tabled, "My Lords, I beg leave to ask
#: the Question standing in my name on the Order Paper"), the Minister's answer and the
#: supplementaries. The record numbers none.
LORDS_ORAL_QUESTIONS = OralQuestions(
    heading=r".+\s[—–-]\s*(?:private\s+notice\s+)?question",
    opening=r"(?:my\s+lords,?\s+)?(?:to\s+ask\s+(?:her|his)\s+majesty[’']s\s+government\b"
    r"|i\s+beg\s+leave\s+to\s+ask\s+the\s+question\s+standing\s+in\s+my\s+name\b)",
)

COMMONS = ("House of Commons", "Commons", "HC")
LORDS = ("House of Lords", "Lords", "HL")

PROFILES: tuple[Profile, ...] = (
    _profile(
        "uk-commons",
        COMMONS,
        ("Commons Chamber", None, "House of Commons", "Chamber"),
        "HC Deb",
        urls=(r"/cmhansrd/cm\d+/debtext/", r"hansard\.parliament\.uk/Commons/"),
        link=IdLink(
            "uk.org.publicwhip/debate/", f"{_TWFY}/debates/?id={{id}}", f"{_TWFY}/debates/?d={{date}}"
        ),
    ),
    _profile(
        "uk-commons-westminster-hall",
        COMMONS,
        ("Westminster Hall",),
        "HC Deb",
        mark=ColumnMark("WH"),
        urls=(r"/cmhansrd/cm\d+/halltext/",),
        link=IdLink(
            "uk.org.publicwhip/westminhall/", f"{_TWFY}/whall/?id={{id}}", f"{_TWFY}/whall/?d={{date}}"
        ),
    ),
    _profile(
        "uk-commons-written-answers",
        COMMONS,
        ("Written Answers", "Written Answers to Questions", "Written Questions"),
        "HC Deb",
        mark=ColumnMark("W"),
        urls=(
            r"/cmhansrd/cm\d+/text/\d+w\d+\.htm",
            r"/written-question/Commons/",
            r"written-questions/detail/\d{4}-\d{2}-\d{2}/(?!HL)\w",
        ),
        link=IdLink("uk.org.publicwhip/wrans/", f"{_TWFY}/wrans/?id={{id}}", f"{_TWFY}/wrans/?d={{date}}"),
    ),
    _profile(
        "uk-commons-written-statements",
        COMMONS,
        ("Written Ministerial Statements", "Written Statements"),
        "HC Deb",
        mark=ColumnMark("WS"),
        urls=(
            r"/cmhansrd/cm\d+/wmstext/",
            r"/written-statement/Commons/",
            r"written-statements/detail/\d{4}-\d{2}-\d{2}/HCWS",
        ),
        link=IdLink("uk.org.publicwhip/wms/", f"{_TWFY}/wms/?id={{id}}", f"{_TWFY}/wms/?d={{date}}"),
    ),
    _profile(
        "uk-commons-public-bill-committee",
        COMMONS,
        ("Public Bill Committee",),
        "{bill} Deb",
        urls=(r"/pa/cm\d+/cmpublic/",),
        forms=(
            CitationForm("oscola", "{bill} Deb", OSCOLA),
            CitationForm("neutral", "{parliament}, {house}, {location}, {bill}", NEUTRAL),
        ),
    ),
    _profile(
        "uk-commons-standing-committee",
        COMMONS,
        ("Standing Committee",),
        "SC Deb ({committee})",
        urls=(r"/pa/cm\d+/cmstand/",),
        forms=(
            CitationForm("oscola", "SC Deb ({committee})", OSCOLA),
            CitationForm("neutral", "{parliament}, {house}, {location}, {bill}", NEUTRAL),
        ),
    ),
    _profile(
        "uk-lords",
        LORDS,
        ("Lords Chamber", None, "House of Lords", "Chamber"),
        "HL Deb",
        urls=(r"/ldhansrd/text/\d+-\d+\.htm", r"hansard\.parliament\.uk/Lords/"),
        link=IdLink("uk.org.publicwhip/lords/", f"{_TWFY}/lords/?id={{id}}", f"{_TWFY}/lords/?d={{date}}"),
        oral_questions=LORDS_ORAL_QUESTIONS,
    ),
    _profile(
        "uk-lords-grand-committee",
        LORDS,
        ("Grand Committee",),
        "HL Deb",
        mark=ColumnMark("GC", prefix=True),
        urls=(r"/ldhansrd/text/\d+-gc\d+\.htm",),
        link=IdLink("uk.org.publicwhip/lords/", f"{_TWFY}/lords/?id={{id}}", f"{_TWFY}/lords/?d={{date}}"),
    ),
    _profile(
        "uk-lords-written-answers",
        LORDS,
        ("Written Answers", "Written Answers to Questions", "Written Questions"),
        "HL Deb",
        mark=ColumnMark("WA", prefix=True),
        urls=(
            r"/ldhansrd/text/\d+w\d+\.htm",
            r"/written-question/Lords/",
            r"written-questions/detail/\d{4}-\d{2}-\d{2}/HL",
        ),
        link=IdLink("uk.org.publicwhip/wrans/", f"{_TWFY}/wrans/?id={{id}}", f"{_TWFY}/wrans/?d={{date}}"),
    ),
    _profile(
        "uk-lords-written-statements",
        LORDS,
        ("Written Ministerial Statements", "Written Statements"),
        "HL Deb",
        mark=ColumnMark("WS", prefix=True),
        urls=(
            r"/ldhansrd/text/\d+-wms\d+\.htm",
            r"/written-statement/Lords/",
            r"written-statements/detail/\d{4}-\d{2}-\d{2}/HLWS",
        ),
        link=IdLink("uk.org.publicwhip/wms/", f"{_TWFY}/wms/?id={{id}}", f"{_TWFY}/wms/?d={{date}}"),
    ),
)
