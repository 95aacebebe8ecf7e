"""African parliaments whose records Akoma Ntoso gives.

The OASIS example of a debate record (the fictional Parliament of the Republic of
Bungeni, country ``ke``) is deliberately absent: it is not a real parliament, so its
records take the generic profile.
"""

from __future__ import annotations

from exporter.parliaments.profile import CitationForm, Profile
from exporter.parliaments.westminster import NEUTRAL

PROFILES: tuple[Profile, ...] = (
    Profile(
        key="za-national-assembly",
        parliament="Parliament of the Republic of South Africa",
        houses=("National Assembly",),
        locations=(None,),
        publisher="Parliament of the Republic of South Africa (Hansard)",
        licence=None,  # no reuse licence for the Hansard could be sourced: none is claimed
        citations=(CitationForm("neutral", "{parliament}, {house}", NEUTRAL, pinpoint="none"),),
        language="en-ZA",
        record_urls=(r"parliament\.gov\.za/",),
        guess=False,  # "National Assembly" is the name of many houses
        countries=("za", "zaf"),
    ),
)
