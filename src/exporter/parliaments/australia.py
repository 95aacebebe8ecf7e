"""The Parliament of Australia, as OpenAustralia publishes its Hansard."""

from __future__ import annotations

from exporter.parliaments.profile import CitationForm, IdLink, Licence, Profile
from exporter.parliaments.westminster import NEUTRAL

HANSARD_LICENCE = Licence(
    name="Creative Commons Attribution-NonCommercial-NoDerivs 3.0 Australia (CC BY-NC-ND 3.0 AU)",
    url="https://creativecommons.org/licenses/by-nc-nd/3.0/au/",
    adaptation=False,
    attribution="© Commonwealth of Australia. Hansard of the Parliament of Australia, "
    "licensed under CC BY-NC-ND 3.0 AU.",
    source="Parliament of Australia, copyright notice of its website and ParlInfo, "
    "https://www.aph.gov.au/Help/Disclaimer_Privacy_Copyright",
)
AGLC = (
    "Australian Guide to Legal Citation, 4th edn (Melbourne University Law Review Association 2018), "
    "rule 7.5.1: Jurisdiction, Parliamentary Debates, Chamber, Full Date, Pinpoint (Name of Speaker); "
    "as set out in https://libguides.scu.edu.au/aglc/other-parliamentary"
)
_OA = "https://www.openaustralia.org.au"


def _chamber(key: str, chamber: str, dataset: str, section: str, gid_type: str) -> Profile:
    return Profile(
        key=key,
        parliament="Parliament of Australia",
        houses=(chamber,),
        locations=(None, "Chamber", "Main Committee", "Federation Chamber"),
        publisher="Parliament of Australia (Hansard)",
        licence=HANSARD_LICENCE,
        citations=(
            CitationForm("aglc", f"Commonwealth, Parliamentary Debates, {chamber}", AGLC, pinpoint="page"),
            CitationForm("neutral", "{parliament}, {house}", NEUTRAL, pinpoint="page"),
        ),
        language="en-AU",
        record_urls=(rf"aph\.gov\.au/.*Dataset(%3A|:){dataset}\b",),
        link=IdLink(
            f"uk.org.publicwhip/{gid_type}/", f"{_OA}/{section}/?id={{id}}", f"{_OA}/{section}/?d={{date}}"
        ),
        guess=False,  # "Senate" alone could be any senate: only a reader that knows says so
        # a remark made while another member has the call is an interjection (the Hansard's word;
        # OpenAustralia's talktype="interjection"), not Westminster's intervention
        contribution_words=(("intervention", "interjection"),),
    )


PROFILES: tuple[Profile, ...] = (
    _chamber("au-representatives", "House of Representatives", "hansardr", "debates", "debate"),
    _chamber("au-senate", "Senate", "hansards", "senate", "lords"),
)
