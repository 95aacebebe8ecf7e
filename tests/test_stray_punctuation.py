"""No paragraph starts with punctuation an element taken out of it left behind: a reader that
takes an inline element out of a paragraph's start (Akoma Ntoso's speaker label, a note
reference or note; a ParlaMint event with nothing to show) leaves no ". " or ", " there. An
element taken out after the paragraph's first words leaves its punctuation where it was.

The records are the Italian Senate's (tests/data/akoma-ntoso, Senate open data) and the
Slovak National Council's (tests/data/parlamint, ParlaMint-SK), changed in the tests."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import DATA, SHARED
from exporter.cli import main

SENATO = DATA / "akoma-ntoso" / "akn-it-senato-title-emptyheading-table.xml"
SLOVAK = DATA / "parlamint" / "sk_ParlaMint-SK_2019-12-04-t7m54.xml"
_STARTS_WITH_PUNCTUATION = re.compile(r"^\s*[.,;:](?![.\d])")


def _paragraphs(data: dict[str, Any]) -> list[str]:
    """The text of every paragraph of the record in reading order."""
    found: list[str] = []

    def text(paragraph: Any) -> str:
        if isinstance(paragraph, str):
            return paragraph
        runs = paragraph.get("runs", []) if isinstance(paragraph, dict) else []
        return "".join(run if isinstance(run, str) else run.get("text", "") for run in runs)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "briefing":
                    continue
                if key == "paragraphs" and isinstance(value, list):
                    found.extend(text(p) for p in value if isinstance(p, (str, dict)))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found


def _convert(runner: CliRunner, tmp_path: Path, name: str, text: str) -> list[str]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    return _paragraphs(json.loads((tmp_path / f"{source.stem}.json").read_text(encoding="utf-8")))


def test_a_note_taken_out_at_a_paragraphs_start_leaves_no_punctuation(runner: CliRunner, tmp_path: Path) -> None:
    record = SENATO.read_text(encoding="utf-8").replace(
        "<an:p>\n\t\t\t\t\t\tSTEFANI, ",
        '<an:p><an:noteRef href="#n1"/>. Si dia lettura del processo verbale.</an:p>'
        '<an:p><an:authorialNote eId="n2"><an:p>Nota.</an:p></an:authorialNote>, STEFANI'
        '<an:noteRef href="#n3"/>, ',
    )
    assert record != SENATO.read_text(encoding="utf-8")
    paragraphs = _convert(runner, tmp_path, "senato.xml", record)
    assert "Si dia lettura del processo verbale." in paragraphs
    assert any(p.startswith("STEFANI, segretario") for p in paragraphs)  # the mid-paragraph one's comma stays
    assert [p for p in paragraphs if _STARTS_WITH_PUNCTUATION.match(p)] == []


def test_the_speaker_labels_punctuation_is_still_taken_off(runner: CliRunner, tmp_path: Path) -> None:
    paragraphs = _convert(runner, tmp_path, "senato.xml", SENATO.read_text(encoding="utf-8"))
    assert any(p.startswith("La seduta è aperta") for p in paragraphs)
    assert any(p.startswith("La Conferenza dei Presidenti") for p in paragraphs)
    assert [p for p in paragraphs if _STARTS_WITH_PUNCTUATION.match(p)] == []


def test_an_ellipsis_and_a_decimal_at_a_paragraphs_start_are_the_speakers(runner: CliRunner, tmp_path: Path) -> None:
    record = SENATO.read_text(encoding="utf-8").replace(
        "<an:p>. La Conferenza", '<an:p><an:noteRef href="#n1"/>... La Conferenza'
    )
    paragraphs = _convert(runner, tmp_path, "senato.xml", record)
    assert any(p.startswith("... La Conferenza") for p in paragraphs)


def test_a_parlamint_event_with_nothing_to_show_leaves_no_punctuation(runner: CliRunner, tmp_path: Path) -> None:
    original = SLOVAK.read_text(encoding="utf-8")
    record = original.replace(
        '<seg xml:id="ParlaMint-SK_2019-12-04-t7m54.u5.p1">Ďakujem pekne.',
        '<seg xml:id="ParlaMint-SK_2019-12-04-t7m54.u5.p1"><vocal type="noise"/>. Ďakujem pekne.',
    )
    assert record != original
    paragraphs = _convert(runner, tmp_path, "sk.xml", record)
    assert any(p.startswith("Ďakujem pekne. Mám procedurálny návrh") for p in paragraphs)
    assert [p for p in paragraphs if _STARTS_WITH_PUNCTUATION.match(p)] == []


@pytest.mark.skipif(not (SHARED / "records").is_dir(), reason="the shared records are not beside the repository")
@pytest.mark.parametrize(
    "name",
    [
        "akoma-ntoso/it_senato_resoconto-12_2022-11-29-trimmed.xml",
        "akoma-ntoso/oasis_ke_debate_bungeni_2011-06-10.xml",
        "parlamint/sk_ParlaMint-SK_2019-12-04-t7m54.xml",
        "parlamint/bg_ParlaMint-BG_2022-07-29-sample.xml",
        "parlamint/gb_ParlaMint-GB_2022-07-21-commons.xml",
    ],
)
def test_no_shared_records_paragraph_starts_with_stray_punctuation(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    source = SHARED / "records" / name
    paragraphs = _convert(runner, tmp_path, source.name, source.read_text(encoding="utf-8"))
    assert paragraphs and [p for p in paragraphs if _STARTS_WITH_PUNCTUATION.match(p)] == []
