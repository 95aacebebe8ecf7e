"""A contribution is called what its parliament calls it (the parliament profile's
``contribution_words``): OpenAustralia's ``talktype="interjection"`` is an Australian
interjection, shown "Interjection"; a Commons intervention stays "Intervention". The
OpenAustralia record is a look-alike written for the tests (Australian Hansard may not be
copied: tests/parlparse_lookalikes.py), and the shared record itself when it is there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHARED
from exporter import parliaments
from exporter.cli import main
from exporter.model import SpeechKind
from exporter.parliaments.profile import Profile
from parlparse_lookalikes import REPS_URL

OA_INTERJECTION = f"""<?xml version="1.0" encoding="UTF-8"?>
<debates>
 <major-heading id="uk.org.publicwhip/debate/2007-09-20.20.1" url="{REPS_URL}">
EXAMPLE BILL 2007 </major-heading>
 <minor-heading id="uk.org.publicwhip/debate/2007-09-20.20.2" url="{REPS_URL}">
Second Reading </minor-heading>
 <speech id="uk.org.publicwhip/debate/2007-09-20.20.3" speakerid="uk.org.publicwhip/member/9001"
   speakername="Pat Sample Member" talktype="speech" time="10:00:00" url="{REPS_URL}">
<p>This bill gives the example scheme a legislative framework, and I commend it to the House.</p> </speech>
 <speech id="uk.org.publicwhip/debate/2007-09-20.20.4" speakerid="uk.org.publicwhip/member/9002"
   speakername="Lee Example Member" talktype="interjection" time="10:05:00" url="{REPS_URL}">
<p>What about the regions?</p> </speech>
 <speech id="uk.org.publicwhip/debate/2007-09-20.20.5" speakerid="uk.org.publicwhip/member/9001"
   speakername="Pat Sample Member" talktype="continuation" time="10:05:00" url="{REPS_URL}">
<p>The regions are well served by it.</p> </speech>
</debates>
"""

COMMONS_INTERVENTION = """<?xml version="1.0" encoding="utf-8"?>
<publicwhip scraperversion="d" latest="yes">
<major-heading id="uk.org.publicwhip/debate/2020-01-14a.100.0" colnum="100">Example Debate</major-heading>
<speech id="uk.org.publicwhip/debate/2020-01-14a.100.1" person_id="uk.org.publicwhip/person/90001" speakername="Jo Sample" type="Start Speech" colnum="100" time="14:00:00" url="">
<p pid="a100.1/1">I beg to move that the House has considered the example.</p>
</speech>
<speech id="uk.org.publicwhip/debate/2020-01-14a.100.2" person_id="uk.org.publicwhip/person/90002" speakername="Sam Example" type="Start Intervention" colnum="100" time="14:05:00" url="">
<p pid="a100.2/1">Will the hon. Lady give way?</p>
</speech>
</publicwhip>
"""


def _convert(runner: CliRunner, tmp_path: Path, name: str, text: str, *options: str) -> dict[str, object]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path), "-f", "json,html", "-q", *options])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads((tmp_path / f"{source.stem}.json").read_text(encoding="utf-8"))
    return data


def _source_lines(tmp_path: Path, stem: str) -> list[str]:
    import lxml.html

    page = lxml.html.fromstring((tmp_path / f"{stem}.html").read_bytes())
    return [" ".join(p.text_content().split()) for p in page.xpath("//p[contains(@class, 'source')]")]


def test_an_openaustralia_interjection_is_called_an_interjection(runner: CliRunner, tmp_path: Path) -> None:
    data = _convert(runner, tmp_path, "oa-reps.xml", OA_INTERJECTION)
    assert data["profile"] == "au-representatives"
    lines = _source_lines(tmp_path, "oa-reps")
    assert [line for line in lines if line.startswith("Interjection.")] == [lines[1]]
    assert not any("Intervention" in line for line in lines)
    # the record format keeps the model's kind; the word is the profile's
    assert '"kind": "intervention"' in (tmp_path / "oa-reps.json").read_text(encoding="utf-8")


def test_a_commons_intervention_stays_an_intervention(runner: CliRunner, tmp_path: Path) -> None:
    data = _convert(runner, tmp_path, "commons.xml", COMMONS_INTERVENTION)
    assert data["profile"] == "uk-commons"
    lines = _source_lines(tmp_path, "commons")
    assert lines[1].startswith("Intervention.")
    assert not any("Interjection" in line for line in lines)


def test_the_word_is_the_interfaces_language(runner: CliRunner, tmp_path: Path) -> None:
    _convert(runner, tmp_path, "oa-reps.xml", OA_INTERJECTION, "--ui-language", "cy")
    assert _source_lines(tmp_path, "oa-reps")[1].startswith("Torri ar draws.")


def test_every_kind_has_a_word_and_a_profile_names_only_known_words() -> None:
    assert {kind.value for kind in SpeechKind} <= set(parliaments.CONTRIBUTION_WORDS)
    australian = parliaments.find("au-senate")
    assert australian is not None and australian.contribution_word("intervention") == "interjection"
    commons = parliaments.find("uk-commons")
    assert commons is not None and commons.contribution_word("intervention") == "intervention"
    with pytest.raises(ValueError, match="names a contribution"):
        Profile(**{**_fields(australian), "contribution_words": (("intervention", "heckle"),)})


def _fields(profile: Profile) -> dict[str, object]:
    return {name: getattr(profile, name) for name in profile.__dataclass_fields__}


@pytest.mark.skipif(not (SHARED / "records").is_dir(), reason="the shared records are not beside the repository")
def test_the_shared_openaustralia_day_has_interjections_and_no_interventions(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = SHARED / "records" / "parlparse" / "openaustralia_representatives_2007-09-20.xml"
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path), "-f", "html", "-q"])
    assert result.exit_code == 0, result.output
    lines = _source_lines(tmp_path, source.stem)
    assert sum(line.startswith("Interjection.") for line in lines) == 165  # talktype="interjection"
    assert not any("Intervention" in line for line in lines)
