"""The devolved legislatures whose records ParlParse publishes: the Scottish Parliament,
the Northern Ireland Assembly and the Senedd."""

from __future__ import annotations

from exporter.parliaments.profile import CitationForm, IdLink, Licence, Profile
from exporter.parliaments.westminster import NEUTRAL

_TWFY = "https://www.theyworkforyou.com"

SCOTTISH_PARLIAMENT_LICENCE = Licence(
    name="Scottish Parliament Copyright Licence",
    url="https://www.parliament.scot/about/copyright",
    adaptation=True,
    attribution="Contains information licensed under the Scottish Parliament Copyright Licence.",
    source="https://www.parliament.scot/about/copyright",
)
OFFICIAL_REPORT = (
    "the Scottish Parliament Official Report's own cross-references, as its reports print them: "
    "'[Official Report, 9 September 2009; c 19395.]', "
    "'[Official Report, Written Answers, 16 September 2009; S3W-26855.]'"
)

# The Senedd publishes its record in Welsh and in English: both versions know the house's
# and the place's names and the record's hosts in both languages (record.senedd.wales and
# record.senedd.cymru; the Assembly's record.assembly.wales and cofnod.cynulliad.cymru);
# the record's language chooses the version (exporter.parliaments.match, by_url).
SENEDD_HOUSES = (
    "Senedd Cymru – Welsh Parliament",
    "Senedd",
    "Senedd Cymru",
    "Welsh Parliament",
    "National Assembly for Wales",
    "Cynulliad Cenedlaethol Cymru",
)
SENEDD_PLACES = (None, "Plenary", "Chamber", "Cyfarfod Llawn", "Y Cyfarfod Llawn", "Siambr", "Y Siambr")
SENEDD_RECORD = (
    r"record\.senedd\.wales/",
    r"record\.senedd\.cymru/",
    r"record\.assembly\.wales/",
    r"cofnod\.cynulliad\.cymru/",
)

PROFILES: tuple[Profile, ...] = (
    Profile(
        key="scottish-parliament",
        parliament="Scottish Parliament",
        houses=("Scottish Parliament",),
        locations=("Meeting of the Parliament", None, "Chamber"),
        publisher="Scottish Parliament (Official Report)",
        licence=SCOTTISH_PARLIAMENT_LICENCE,
        citations=(
            CitationForm("official-report", "Official Report", OFFICIAL_REPORT),
            CitationForm("neutral", "{parliament}, {location}", NEUTRAL),
        ),
        record_urls=(
            r"scottish\.parliament\.uk/business/officialReports/meetingsParliament/",
            r"parliament\.scot/chamber-and-committees/official-report/",
        ),
        link=IdLink("uk.org.publicwhip/spor/", f"{_TWFY}/sp/?id={{id}}", f"{_TWFY}/sp/?d={{date}}"),
    ),
    Profile(
        key="scottish-parliament-written-answers",
        parliament="Scottish Parliament",
        houses=("Scottish Parliament",),
        locations=("Written Answers", "Written Answers to Questions", "Written Questions"),
        publisher="Scottish Parliament (Official Report)",
        licence=SCOTTISH_PARLIAMENT_LICENCE,
        citations=(
            CitationForm(
                "official-report", "Official Report, Written Answers", OFFICIAL_REPORT, pinpoint="question"
            ),
            CitationForm("neutral", "{parliament}, {location}", NEUTRAL, pinpoint="question"),
        ),
        record_urls=(r"scottish\.parliament\.uk/business/pqa/",),
        link=IdLink("uk.org.publicwhip/spwa/", f"{_TWFY}/spwrans/?id={{id}}", f"{_TWFY}/spwrans/?d={{date}}"),
    ),
    Profile(
        key="ni-assembly",
        parliament="Northern Ireland Assembly",
        houses=("Northern Ireland Assembly",),
        locations=(None, "Plenary", "Chamber"),
        publisher="Northern Ireland Assembly (Official Report)",
        licence=None,  # no reuse licence could be sourced for the Official Report: none is claimed
        citations=(CitationForm("neutral", "{parliament}, {location}", NEUTRAL),),
        record_urls=(
            r"niassembly\.gov\.uk/.*[Oo]fficial.?[Rr]eport",
            r"aims\.niassembly\.gov\.uk/officialreport/",
        ),
        link=IdLink("uk.org.publicwhip/ni/", f"{_TWFY}/ni/?id={{id}}", f"{_TWFY}/ni/?d={{date}}"),
    ),
    Profile(
        key="senedd",
        parliament="Senedd Cymru – Welsh Parliament",
        houses=SENEDD_HOUSES,
        locations=SENEDD_PLACES,
        publisher="Senedd Cymru – Welsh Parliament (Record of Proceedings)",
        licence=None,  # none could be sourced: none is claimed
        citations=(CitationForm("neutral", "{parliament}, {location}", NEUTRAL),),
        record_urls=SENEDD_RECORD,
        link=IdLink(
            "uk.org.publicwhip/senedd/en/", f"{_TWFY}/senedd/?id={{id}}", f"{_TWFY}/senedd/?d={{date}}"
        ),
        # "The Llywydd (Elin Jones)"; the Assembly's "The Presiding Officer (Rosemary Butler)"
        chair_titles=(
            "The Llywydd",
            "Llywydd",
            "The Presiding Officer",
            "The Deputy Presiding Officer",
        ),
    ),
    Profile(
        key="senedd-cy",
        parliament="Senedd Cymru – Welsh Parliament",
        houses=SENEDD_HOUSES,
        locations=SENEDD_PLACES,
        publisher="Senedd Cymru – Welsh Parliament (Cofnod y Trafodion)",
        licence=None,
        citations=(CitationForm("neutral", "{parliament}, {location}", NEUTRAL),),
        language="cy",
        record_urls=SENEDD_RECORD,
        # "Y Llywydd (Elin Jones)", "Y Dirprwy Lywydd (David Rees)", "Y Prif Weinidog (Mark
        # Drakeford)": the Welsh article opens an office as "The" does in English
        chair_titles=("Y Llywydd", "Llywydd", "Y Dirprwy Lywydd", "Dirprwy Lywydd"),
        office_words=("Y", "Yr"),
        # Gweinidog (minister; "Prif Weinidog", "Dirprwy Weinidog" mutated), Ysgrifennydd y
        # Cabinet (Cabinet Secretary), Cwnsler Cyffredinol (Counsel General), Trefnydd (Trefnydd)
        minister_titles=("Gweinidog", "Weinidog", "Ysgrifennydd y Cabinet", "Cwnsler Cyffredinol", "Trefnydd"),
    ),
)
