"""A briefing says only what the record says: no piece for a heading with nothing under it,
no table with no rows, no count of none, no duration the record does not give (a last time
stamp is not an adjournment, and a sitting suspended twice did not sit for the whole span)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main
from parlparse_lookalikes import OA_REPS_DAY

DATA = Path(__file__).parent / "data" / "parlparse"
COMMONS_DAY = DATA / "debates2009-10-28c-excerpt.xml"
HALL = DATA / "westminster2009-10-28a-excerpt.xml"
LORDS = DATA / "daylord2009-10-29a-excerpt.xml"


def convert(record: Path, out: Path, *options: str) -> list[Path]:
    result = CliRunner().invoke(main, ["convert", str(record), "-o", str(out), "-q", *options])
    assert result.exit_code == 0, result.output
    return sorted(out.iterdir())


def words(page: Path) -> str:
    """The page's text, one space between words."""
    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(text).split())


def headings(page: Path) -> list[str]:
    found = re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", page.read_text(encoding="utf-8"), flags=re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found]


# --- --split ----------------------------------------------------------------------------------------


def test_split_writes_no_piece_for_a_heading_with_nothing_under_it(tmp_path: Path) -> None:
    """ "Oral Answers to Questions" is a banner over the departments' questions: no piece."""
    written = convert(COMMONS_DAY, tmp_path, "--split", "-f", "html")
    names = [path.name.removeprefix(f"{COMMONS_DAY.stem}-") for path in written]
    assert names == [
        "01-cabinet-office.html",
        "02-prime-minister.html",
        "03-points-of-order.html",
        "04-opposition-day-20th-allotted-day.html",
    ]
    for page in written:
        text = words(page)
        assert "0 contributions" not in text and "0 speakers" not in text, page.name
        assert "Speakers" in headings(page), page.name  # every piece has people who spoke


def test_split_pieces_name_who_was_in_the_chair_from_earlier_in_the_day(tmp_path: Path) -> None:
    """Westminster Hall, 28 October 2009: Mr Benton took the chair at the first debate, Dr
    McCrea at Sri Lanka; the Dartford debate later in the afternoon has no chair note of its
    own, and its piece names the chair who was there (the last one named before it)."""
    written = convert(HALL, tmp_path, "--split", "-f", "json")
    chairs = {
        path.name.removeprefix(f"{HALL.stem}-"): json.loads(path.read_text(encoding="utf-8"))["briefing"][
            "at_a_glance"
        ]["chairs"]
        for path in written
    }
    assert chairs == {
        "01-death-penalty-global-abolition.json": ["Mr. Joe Benton"],
        "02-sri-lanka-idp-camps.json": ["Dr. William McCrea"],
        "03-dartford-river-crossing.json": ["Dr. William McCrea"],
    }


SHARED_HALL = Path(__file__).resolve().parents[2] / "shared" / "records" / "parlparse" / "westminhall_westminster2009-10-28a.xml"


@pytest.mark.skipif(not SHARED_HALL.is_file(), reason="the shared records (../shared/records) are not present")
def test_every_piece_of_the_whole_westminster_hall_day_names_its_chair(tmp_path: Path) -> None:
    written = convert(SHARED_HALL, tmp_path, "--split", "-f", "json")
    chairs = [json.loads(path.read_text(encoding="utf-8"))["briefing"]["at_a_glance"]["chairs"] for path in written]
    benton, mccrea = ["Mr. Joe Benton"], ["Dr. William McCrea"]
    assert chairs == [benton, benton, mccrea, mccrea, mccrea]


def test_a_split_piece_carries_the_chair_in_and_adds_a_change_within_it(tmp_path: Path) -> None:
    def debate(title: str, chair: str | None = None, nested: dict[str, object] | None = None) -> dict[str, object]:
        items: list[dict[str, object]] = [{"type": "speech", "speaker": "m", "paragraphs": [f"On {title}."]}]
        if nested:
            items.append(nested)
        return {"type": "section", "title": title, **({"chair": chair} if chair else {}), "items": items}

    record = tmp_path / "day.json"
    record.write_text(
        json.dumps(
            {
                "format": "debate-exporter/1",
                "title": "A sitting",
                "date": "2009-10-28",
                "chair": "Madam Speaker",
                "speakers": [{"id": "m", "name": "A Member"}],
                "sections": [
                    debate("First"),
                    debate("Second", "Mr Alpha"),
                    debate("Third", nested=debate("Later on", "Ms Beta")),
                    debate("Fourth"),
                ],
            }
        ),
        encoding="utf-8",
    )
    written = convert(record, tmp_path / "out", "--split", "-f", "json")
    chairs = [json.loads(path.read_text(encoding="utf-8"))["briefing"]["at_a_glance"]["chairs"] for path in written]
    assert chairs == [["Madam Speaker"], ["Mr Alpha"], ["Mr Alpha", "Ms Beta"], ["Ms Beta"]]


# --- parts with nothing to say ---------------------------------------------------------------------


def test_a_record_of_divisions_alone_has_no_empty_parts(tmp_path: Path) -> None:
    start = OA_REPS_DAY.index(" <division ")
    record = tmp_path / "division-only.xml"
    record.write_text(
        OA_REPS_DAY[: OA_REPS_DAY.index("<debates>") + len("<debates>\n")]
        + OA_REPS_DAY[start : OA_REPS_DAY.index("</division>") + len("</division>")]
        + "\n</debates>\n",
        encoding="utf-8",
    )
    convert(record, tmp_path / "out", "-f", "html,docx,pdf,json", "--check")
    page = tmp_path / "out" / "division-only.html"
    found = headings(page)
    assert "Speakers" not in found and "Summary" not in found
    assert "At a glance" in found and "Division 1" in " ".join(found)
    text = words(page)
    for nothing in (
        "0 contributions",
        "0 speakers",
        "Speakers: 0",
        "Contributions: 0",
        "Words: 0",
        "Duration",
    ):
        assert nothing not in text, nothing
    assert "Time recorded: 15:32" in text
    briefing = json.loads((tmp_path / "out" / "division-only.json").read_text(encoding="utf-8"))["briefing"]
    contents = next(block for block in briefing["document"]["blocks"] if block["node"] == "Contents")
    listed = [entry["text"] for entry in contents["entries"]]
    assert "Speakers" not in listed and "Summary" not in listed


# --- times ---------------------------------------------------------------------------------------------------


def test_the_first_and_last_time_stamps_are_not_a_duration(tmp_path: Path) -> None:
    """Westminster Hall, 28 Oct 2009: stamps from 09:30 to 17:00, the sitting suspended twice,
    its adjournment's time not recorded: the times are given as what they are."""
    convert(HALL, tmp_path / "en", "-f", "html")
    text = words(tmp_path / "en" / f"{HALL.stem}.html")
    assert "First time recorded: 09:30" in text and "Last time recorded: 17:00" in text
    assert "Duration" not in text and "09:30 to 17:00" not in text
    convert(HALL, tmp_path / "cy", "-f", "html", "--ui-language", "cy")
    welsh = words(tmp_path / "cy" / f"{HALL.stem}.html")
    assert "Yr amser cyntaf a gofnodwyd: 09:30" in welsh and "Yr amser olaf a gofnodwyd: 17:00" in welsh


def test_an_adjournment_the_record_states_is_given_as_one(tmp_path: Path) -> None:
    """Lords, 29 Oct 2009: "House adjourned at 2.45 pm." (its last stamp is 14:34); when the
    House met, the record does not say, so no duration."""
    convert(LORDS, tmp_path, "-f", "html")
    text = words(tmp_path / f"{LORDS.stem}.html")
    assert "Adjourned: 14:45" in text and "First time recorded: 11:00" in text
    assert "Duration" not in text
