"""Citations of the official record and links to it (exporter.citations)."""

from __future__ import annotations

import datetime as dt

import pytest

from exporter.citations import choose, cite, cite_columns, record_url, theyworkforyou_url
from exporter.model import Debate, Section, Source, speeches
from summarise_debates import OIL_REFINING, WAREHAM, load_debate, speech


def sitting(
    house: str | None = "House of Commons", location: str | None = "Commons Chamber", **fields
) -> Debate:
    date = fields.pop("date", dt.date(2009, 10, 29))
    return Debate("A debate", (Section("A debate", ()),), date=date, house=house, location=location, **fields)


def test_westminster_hall_speech_cites_its_column_with_wh() -> None:
    debate = load_debate(WAREHAM)
    reply = speeches(debate)[3]  # the Minister's reply, printed from column 98WH
    assert cite(debate, reply) == "HC Deb 28 October 2009, col 98WH"


def test_whole_debate_cites_its_column_range_without_a_volume_the_record_lacks() -> None:
    debate = load_debate(WAREHAM)
    assert debate.source.volume is None
    assert cite(debate, None) == "HC Deb 28 October 2009, cols 93–101WH"


def test_hansard_api_record_carries_its_volume() -> None:
    debate = load_debate(OIL_REFINING)
    first = speeches(debate)[0]
    assert cite(debate, first) == "HC Deb 14 January 2026, vol 778, col 1037"


def test_lords_chamber() -> None:
    debate = sitting("House of Lords", "Lords Chamber")
    assert cite(debate, speech("s", "l", "Text.", column="1265")) == "HL Deb 29 October 2009, col 1265"


@pytest.mark.parametrize(
    ("house", "location", "column", "expected"),
    [
        ("House of Commons", "Westminster Hall", "98", "col 98WH"),
        ("House of Commons", "Westminster Hall", "98WH", "col 98WH"),
        ("House of Commons", "Written Ministerial Statements", "12", "col 12WS"),
        ("House of Commons", "Written Answers", "123", "col 123W"),
        ("House of Lords", "Written Answers", "45", "col WA45"),
        ("House of Lords", "Written Answers", "45WA", "col WA45"),
        ("House of Lords", "Written Answers", "WA45", "col WA45"),
        ("House of Lords", "Grand Committee", "123", "col GC123"),
        ("House of Lords", "Lords Chamber", "1265", "col 1265"),
    ],
)
def test_series_marks(house: str, location: str, column: str, expected: str) -> None:
    assert cite_columns(sitting(house, location), [column]).endswith(expected)


@pytest.mark.parametrize(
    ("columns", "span"),
    [
        (["973", "976", "974"], "cols 973–76"),
        (["98", "102"], "cols 98–102"),
        (["1099", "1101"], "cols 1099–101"),
        (["100", "104"], "cols 100–104"),
        (["1265", "1265"], "col 1265"),
    ],
)
def test_column_ranges(columns: list[str], span: str) -> None:
    assert cite_columns(sitting(), columns) == f"HC Deb 29 October 2009, {span}"


def test_nothing_is_invented_when_the_record_lacks_it() -> None:
    bare = sitting(date=None)
    assert cite(bare, speech("s", "m", "Text.")) == "HC Deb"
    assert cite(sitting(), speech("s", "m", "Text.")) == "HC Deb 29 October 2009"
    assert "vol" not in cite(sitting(), speech("s", "m", "Text.", column="12"))


def test_short_and_harvard_styles() -> None:
    debate = load_debate(OIL_REFINING)
    first = speeches(debate)[0]
    assert cite(debate, first, "short") == "HC Deb 14 January 2026 vol 778 c1037"
    assert cite_columns(debate, ["973", "976"], "short") == "HC Deb 14 January 2026 vol 778 cc973–76"
    assert cite(debate, first, "harvard") == (
        "Hansard HC Deb. vol. 778 col. 1037, 14 January 2026. Available at: "
        "https://hansard.parliament.uk/Commons/2026-01-14/debates/69FFB3CB-33EF-41DD-94B0-E8685BEB39EF/OilRefiningSector"
    )


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="oscola"):
        cite(sitting(), None, "chicago")


def test_record_url_prefers_the_speech_link() -> None:
    debate = load_debate(WAREHAM)
    first = speeches(debate)[0]
    assert record_url(debate, first) == first.url
    assert record_url(debate, None) == debate.source.url


def test_record_url_keeps_the_hansard_title_slug() -> None:
    debate = load_debate(OIL_REFINING)
    assert record_url(debate, speeches(debate)[0]).endswith(
        "/69FFB3CB-33EF-41DD-94B0-E8685BEB39EF/OilRefiningSector"
    )


def test_record_url_from_a_parlparse_gid_when_there_is_no_link() -> None:
    debate = sitting()
    gid_only = speech("uk.org.publicwhip/westminhall/2009-10-28a.1.0", "m", "Text.")
    assert record_url(debate, gid_only) == "https://www.theyworkforyou.com/whall/?id=2009-10-28a.1.0"


@pytest.mark.parametrize(
    ("gid", "url"),
    [
        (
            "uk.org.publicwhip/debate/2009-10-28a.301.2",
            "https://www.theyworkforyou.com/debates/?id=2009-10-28a.301.2",
        ),
        (
            "uk.org.publicwhip/lords/2009-10-29a.1265.1",
            "https://www.theyworkforyou.com/lords/?id=2009-10-29a.1265.1",
        ),
        (
            "uk.org.publicwhip/wrans/2009-10-28a.123.4",
            "https://www.theyworkforyou.com/wrans/?id=2009-10-28a.123.4",
        ),
        (
            "uk.org.publicwhip/wms/2009-10-28a.12WS.1",
            "https://www.theyworkforyou.com/wms/?id=2009-10-28a.12WS.1",
        ),
        ("uk.org.publicwhip/westminhall/2009-10-28a", "https://www.theyworkforyou.com/whall/?d=2009-10-28"),
        ("uk.org.publicwhip/spor/2009-10-28.1.0", "https://www.theyworkforyou.com/sp/?id=2009-10-28.1.0"),
        (
            "uk.org.publicwhip/spwa/2009-10-26.S3W-28257.q0",
            "https://www.theyworkforyou.com/spwrans/?id=2009-10-26.S3W-28257.q0",
        ),
        ("uk.org.publicwhip/unknown/2009-10-28.1.0", None),
        ("4ADF0C90-B463-4E21-A16D-A17C893209D8", None),
    ],
)
def test_theyworkforyou_links(gid: str, url: str | None) -> None:
    assert theyworkforyou_url(gid) == url


def test_record_url_falls_back_to_the_sitting_reference() -> None:
    debate = sitting(source=Source(reference="uk.org.publicwhip/lords/2009-10-29a"))
    assert (
        record_url(debate, speech(None, "m", "Text.")) == "https://www.theyworkforyou.com/lords/?d=2009-10-29"
    )
    assert record_url(sitting(), None) is None


def test_other_houses_in_their_own_form_or_a_neutral_one_never_an_invented_abbreviation() -> None:
    scottish = sitting("Scottish Parliament", None)
    assert cite_columns(scottish, ["12"]) == "Official Report, 29 October 2009; c 12"
    assert cite_columns(scottish, ["12", "14"]) == "Official Report, 29 October 2009; cc 12–14"
    assert cite_columns(scottish, ["12"], "neutral") == "Scottish Parliament, 29 October 2009, col 12"
    # a form the profile does not offer falls back to the parliament's own
    assert cite_columns(scottish, ["12"], "short") == "Official Report, 29 October 2009; c 12"
    assert choose(scottish, "short").note == (
        "the scottish-parliament profile offers official-report, neutral, not short; cited in official-report"
    )
    assert cite_columns(sitting("National Assembly", None), []) == "National Assembly, 29 October 2009"
