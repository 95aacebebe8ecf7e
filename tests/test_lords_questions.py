"""House of Lords oral questions are marked as the Commons' are: the question is a speech of
kind question. The Lords record numbers none (no ``oral-qnum``); its parliament profile says
how the record shows one (``OralQuestions``: a heading ending "— Question", whose first
speech asks "To ask Her Majesty's Government …", or, after the question as tabled, "I beg
leave to ask the Question standing in my name"). "— Question for Short Debate" is a debate.

The Lords record below is trimmed from TheyWorkForYou's House of Lords file of 29 October
2009 (mysociety/theyworkforyou, uml-tests/parldata/scrapedxml/lordspages/daylord2009-10-29a.xml
@ 7bf9c338), the speeches cut short; Parliamentary information licensed under the Open
Parliament Licence v3.0."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import SHARED
from exporter.cli import main

_URL = "http://www.publications.parliament.uk/pa/ld200809/ldhansrd/text/91029-0001.htm"

LORDS_DAY = f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<publicwhip>
<major-heading id="uk.org.publicwhip/lords/2009-10-29a.1265.0" nospeaker="true" colnum="1265" time="011:00:00" url="{_URL}#09102929000685">
	Government: Debts &#8212; <i>Question</i>
</major-heading>
<speech id="uk.org.publicwhip/lords/2009-10-29a.1265.1" speakerid="uk.org.publicwhip/lord/100932" speakername="Lord James of Blackheath" colon=":" colnum="1265" time="011:06:00" url="{_URL}#09102929000729">
	<p pid="a.1265.1/1" class="indent">To ask Her Majesty's Government what is the total value of unpaid debts to the Government in the form of benefit overpayments and unrecovered tax; and what action they will take to recover those debts.</p>
</speech>
<speech id="uk.org.publicwhip/lords/2009-10-29a.1265.2" speakerid="uk.org.publicwhip/lord/100983" speakername="Lord Myners" colon=":" colnum="1265" time="011:06:00" url="{_URL}#09102929000002">
	<p pid="a.1265.2/1">My Lords, the value of unpaid tax debts is shown on page 96 of HMRC's trust statement.</p>
</speech>
<speech id="uk.org.publicwhip/lords/2009-10-29a.1265.3" speakerid="uk.org.publicwhip/lord/100932" speakername="Lord James of Blackheath" colon=":" colnum="1265" time="011:06:00" url="{_URL}#09102929000004">
	<p pid="a.1265.3/1">My Lords, I thank the Minister for that response.</p>
</speech>
<major-heading id="uk.org.publicwhip/lords/2009-10-29a.1272.3" nospeaker="true" colnum="1272" time="011:22:00" url="{_URL}">
	Territorial Army &#8212; <i>Question</i>
</major-heading>
<speech id="uk.org.publicwhip/lords/2009-10-29a.1272.4" nospeaker="true" colnum="1272" time="011:22:00" url="{_URL}">
	<p pid="a.1272.4/1" class="italic" pwmotiontext="unrecognized"> Tabled By Lord Astor of Hever</p>
	<p pid="a.1272.4/2" class="indent" pwmotiontext="unrecognized">To ask Her Majesty's Government what will be the consequences for Her Majesty's Armed Forces of the reduction in training of the Territorial Army.</p>
</speech>
<speech id="uk.org.publicwhip/lords/2009-10-29a.1272.5" speakerid="uk.org.publicwhip/lord/100026" speakername="Lord Astor of Hever" colon=":" colnum="1272" time="011:28:00" url="{_URL}">
	<p pid="a.1272.5/1">My Lords, I beg leave to ask the Question standing in my name on the Order Paper.</p>
</speech>
<speech id="uk.org.publicwhip/lords/2009-10-29a.1272.6" speakerid="uk.org.publicwhip/lord/100983" speakername="Lord Myners" colon=":" colnum="1272" time="011:28:00" url="{_URL}">
	<p pid="a.1272.6/1">My Lords, the Territorial Army remains an integral part of our forces.</p>
</speech>
<major-heading id="uk.org.publicwhip/lords/2009-10-29a.1318.0" nospeaker="true" colnum="1318" time="019:30:00" url="{_URL}">
	Health: Medicines &#8212; <i>Question for Short Debate</i>
</major-heading>
<speech id="uk.org.publicwhip/lords/2009-10-29a.1318.1" speakerid="uk.org.publicwhip/lord/100305" speakername="Earl Howe" colon=":" colnum="1318" time="019:30:00" url="{_URL}">
	<p pid="a.1318.1/1" class="indent">To ask Her Majesty's Government what steps they are taking to ensure that medicines are available.</p>
</speech>
</publicwhip>
"""


def _speeches(data: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(section title, kind, speech) for every speech, in order."""
    found = []

    def walk(items: list[dict[str, Any]], title: str) -> None:
        for item in items:
            if "items" in item:
                walk(item["items"], item.get("title", ""))
            elif item.get("type") == "speech":
                found.append((title, item.get("kind", "speech"), item))

    walk(data["sections"], "")
    return found


def _convert(runner: CliRunner, source: Path, out: Path, formats: str = "json,html") -> dict[str, Any]:
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), "-f", formats, "-q"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / f"{source.stem}.json").read_text(encoding="utf-8"))
    return data


def test_the_peer_asking_a_lords_oral_question_asks_a_question(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "lords.xml"
    source.write_text(LORDS_DAY, encoding="iso-8859-1")
    data = _convert(runner, source, tmp_path)
    assert data["profile"] == "uk-lords"
    kinds = [(title, kind, speech["id"].rsplit(".", 2)[-2:]) for title, kind, speech in _speeches(data)]
    assert [(title, kind) for title, kind, _ in kinds] == [
        ("Government: Debts — Question", "question"),  # "To ask Her Majesty's Government …"
        ("Government: Debts — Question", "speech"),  # the Minister's answer, as a Commons one
        ("Government: Debts — Question", "speech"),
        ("Territorial Army — Question", "question"),  # "I beg leave to ask the Question …"
        ("Territorial Army — Question", "speech"),
        ("Health: Medicines — Question for Short Debate", "speech"),  # a debate, not question time
    ]
    # the question's words are the question, printed indented, not a quotation
    first = _speeches(data)[0][2]["paragraphs"][0]
    assert isinstance(first, str) and first.startswith("To ask Her Majesty's Government")
    page = (tmp_path / "lords.html").read_text(encoding="utf-8")
    assert page.count("<p class=\"source\">Question.") == 2
    assert "<blockquote><p>To ask Her Majesty's Government what is the total" not in page


def test_commons_oral_questions_are_marked_as_before(runner: CliRunner, tmp_path: Path) -> None:
    """The Commons' numbered questions are what the Lords' are now marked like; a Commons
    heading ending "— Question" is no Lords oral question (its profile has none)."""
    record = LORDS_DAY.replace("uk.org.publicwhip/lords/", "uk.org.publicwhip/debate/").replace(
        "ld200809/ldhansrd/text/", "cm200809/cmhansrd/cm091029/debtext/"
    )
    source = tmp_path / "commons.xml"
    source.write_text(record, encoding="iso-8859-1")
    data = _convert(runner, source, tmp_path, "json")
    assert data["profile"] == "uk-commons"
    assert {kind for _, kind, _ in _speeches(data)} == {"speech"}


@pytest.mark.skipif(not (SHARED / "records").is_dir(), reason="the shared records are not beside the repository")
def test_the_shared_lords_day_has_its_four_oral_questions(runner: CliRunner, tmp_path: Path) -> None:
    data = _convert(runner, SHARED / "records" / "parlparse" / "lords_daylord2009-10-29a.xml", tmp_path, "json")
    asked = [(title, speech["speaker"]) for title, kind, speech in _speeches(data) if kind == "question"]
    assert asked == [
        ("Government: Debts — Question", "uk.org.publicwhip/lord/100932"),
        ("Africa: Water Shortages — Question", "uk.org.publicwhip/lord/100313"),
        ("Northern Ireland: Cross-Border Police Co-operation — Question", "uk.org.publicwhip/lord/100143"),
        ("Territorial Army — Question", "uk.org.publicwhip/lord/100026"),
    ]

