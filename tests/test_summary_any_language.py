"""A summary quotes what members argued, in any language: never a stage direction (words
wholly in brackets, as records print what happens) nor the chair's words, known from the
record's own markup (ParlaMint ``ana="#chair"``) or the parliament's profile (the Italian
Senate prints "PRESIDENTE"). And ``--summary none`` leaves the Summary out altogether.
Everything through the command line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from lxml import etree

import html_records
from conftest import DATA, SEED_RECORD
from exporter.cli import main

ITALIAN_SITTING = """\
format: debate-exporter/1
title: Sulle vittime degli eventi atmosferici
date: 2022-11-29
house: Senato della Repubblica
profile: it-senate
language: it
speakers:
  - {id: la-russa, name: LA RUSSA}
  - {id: rossi, name: Mario Rossi, party: PD}
  - {id: bianchi, name: Anna Bianchi, party: FdI}
sections:
  - title: Sulle vittime degli eventi atmosferici
    items:
      - type: speech
        speaker: la-russa
        role: PRESIDENTE
        paragraphs:
          - La seduta è aperta (ore 16,32).
          - Si dia lettura del processo verbale.
          - Non essendovi osservazioni, il processo verbale è approvato.
      - type: speech
        speaker: rossi
        paragraphs:
          - (Il Presidente e l'Assemblea si levano in piedi).
          - >-
            Il Governo deve stanziare subito i fondi per la ricostruzione delle case
            distrutte dalla frana di Ischia, perché le famiglie non possono aspettare.
          - (Applausi dal Gruppo PD).
          - >-
            Chiediamo che il piano di messa in sicurezza del territorio sia presentato
            in Aula entro la fine dell'anno, con una stima dei costi per ogni comune.
      - type: speech
        speaker: bianchi
        paragraphs:
          - "[Commenti dal Gruppo M5S.]"
          - >-
            Le regole urbanistiche dell'isola sono state ignorate per decenni e i condoni
            edilizi hanno moltiplicato le costruzioni nelle zone a rischio di frana.
      - type: speech
        speaker: la-russa
        role: PRESIDENTE
        paragraphs:
          - La settimana dal 5 al 9 dicembre sarà riservata ai lavori delle Commissioni.
"""


def converted(runner: CliRunner, record: Path, out: Path, *options: str) -> dict:
    result = runner.invoke(main, ["convert", str(record), "-o", str(out), "-f", "json", "-q", *options])
    assert result.exit_code == 0, result.output
    (made,) = out.glob("*.json")
    return json.loads(made.read_text(encoding="utf-8"))


def test_an_italian_summary_quotes_no_stage_direction_and_no_chair(runner: CliRunner, tmp_path: Path) -> None:
    record = tmp_path / "senato.yaml"
    record.write_text(ITALIAN_SITTING, encoding="utf-8")
    data = converted(runner, record, tmp_path / "out")
    summary = data["briefing"]["summary"]
    texts = [item["text"] for item in summary]
    assert summary and {item["speaker"] for item in summary} <= {"rossi", "bianchi"}, texts
    assert not [text for text in texts if text.startswith(("(", "["))], texts
    assert any("ricostruzione" in text for text in texts)


def test_the_senates_own_record_quotes_no_words_of_the_chair(runner: CliRunner, tmp_path: Path) -> None:
    """Only the President speaks in this part of the Resoconto: the summary says who spoke."""
    data = converted(runner, DATA / "akoma-ntoso" / "akn-it-senato-title-emptyheading-table.xml", tmp_path)
    assert data["briefing"]["summary_kind"] == "speakers"
    assert not any("seduta è aperta" in item["text"] for item in data["briefing"]["summary"])


def test_akoma_ntoso_layout_before_punctuation_is_no_space(runner: CliRunner, tmp_path: Path) -> None:
    record = tmp_path / "senato.xml"
    record.write_text(
        (DATA / "akoma-ntoso" / "akn-it-senato-title-emptyheading-table.xml")
        .read_text(encoding="utf-8")
        .replace(
            "<an:i>(ore 16,32).</an:i>",
            "<an:i>(ore 16,32)</an:i>\n\t\t\t\t\t\t. (<an:i>Il Presidente e l'Assemblea si levano in piedi</an:i>)\n\t\t\t.",
        ),
        encoding="utf-8",
    )
    data = converted(runner, record, tmp_path / "out")
    texts = [
        "".join(run if isinstance(run, str) else run["text"] for run in paragraph.get("runs", ()))
        for paragraph in _paragraphs(data["sections"])
        if isinstance(paragraph, dict)
    ]
    opening = next(text for text in texts if "ore 16,32" in text)
    assert opening.endswith("(ore 16,32). (Il Presidente e l'Assemblea si levano in piedi).")


def _paragraphs(items: list) -> list:
    found = []
    for item in items:
        found += item.get("paragraphs", [])
        found += _paragraphs(item.get("items", []))
    return found


def test_a_parlamint_chair_is_never_quoted_whatever_office_the_record_prints(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The Slovak sample gives its chair's utterances ``ana="#chair"``, some with the office
    "podpredseda NR SR" printed as who speaks."""
    source = DATA / "parlamint" / "sk_ParlaMint-SK_2019-12-04-t7m54.xml"
    tei = "{http://www.tei-c.org/ns/1.0}"
    chair = {
        u.get("{http://www.w3.org/XML/1998/namespace}id")
        for u in etree.parse(str(source)).iter(f"{tei}u")
        if "#chair" in (u.get("ana") or "").split()
    }
    data = converted(runner, source, tmp_path)
    # every member's turn here is procedure too (a procedural motion, a vote corrected), so
    # nothing is quoted and the summary says who spoke (test_summary_procedure_languages)
    assert chair and data["briefing"]["summary_kind"] == "speakers"
    assert not [item for item in data["briefing"]["summary"] if item["text"].startswith("[")]


ENGLISH_SIGNPOST = """\
format: debate-exporter/1
title: Further Education and Training Colleges Amendment Bill
date: 2012-09-20
house: National Assembly
speakers:
  - {id: minister, name: The MINISTER OF HIGHER EDUCATION AND TRAINING}
sections:
  - title: Further Education and Training Colleges Amendment Bill
    items:
      - type: speech
        speaker: minister
        paragraphs:
          - >-
            Hon Speaker, let me indicate that I would like to respond to four motions, but I
            will try to stick to the two minutes allocated to each.
          - >-
            The colleges will be funded directly by the national department from next year,
            so that lecturers are paid on time and students get the bursaries they were promised.
          - >-
            Hon Deputy Speaker, the Central Drug Authority is a statutory body established in
            terms of the Prevention and Treatment of Drug Dependency Act.
"""


def test_a_speaker_setting_out_how_they_will_use_their_minutes_is_not_quoted(
    runner: CliRunner, tmp_path: Path
) -> None:
    record = tmp_path / "signpost.yaml"
    record.write_text(ENGLISH_SIGNPOST, encoding="utf-8")
    data = converted(runner, record, tmp_path / "out", "--summary-words", "200")
    texts = [item["text"] for item in data["briefing"]["summary"]]
    assert texts and not [text for text in texts if "let me indicate" in text], texts


# --- --summary none ------------------------------------------------------------------------------


def test_summary_none_leaves_no_summary_section_in_any_format(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["convert", str(SEED_RECORD), "-o", str(tmp_path), "-f", "docx,pdf,html,json", "--summary", "none"]
    )
    assert result.exit_code == 0, result.output
    stem = SEED_RECORD.stem
    data = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
    assert data["briefing"]["summary_kind"] == "none" and data["briefing"]["summary"] == []
    words = json.dumps(data["briefing"]["document"], ensure_ascii=False)
    assert "Summary" not in words and "No summary" not in words
    html = (tmp_path / f"{stem}.html").read_bytes()
    headings = [text for _level, text in html_records.outline(html)]
    assert "Summary" not in headings and "Contents" in headings
    nav = html_records.page(html).xpath("//nav//a/text()")
    assert nav and "Summary" not in nav
    with pikepdf.open(tmp_path / f"{stem}.pdf") as pdf, pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        titles += [child.title for item in outline.root for child in item.children]
    assert "Contents" in titles and "Summary" not in titles
    if shutil.which("pandoc"):
        markdown = subprocess.run(
            ["pandoc", "-f", "docx", "-t", "plain", str(tmp_path / f"{stem}.docx")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Summary" not in markdown and "No summary was requested" not in markdown


@pytest.mark.parametrize("summary", ["auto", "editorial"])
def test_other_summary_options_keep_the_section(summary: str, runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["convert", str(SEED_RECORD), "-o", str(tmp_path), "-f", "html", "--summary", summary])
    assert result.exit_code == 0, result.output
    headings = [text for _level, text in html_records.outline((tmp_path / f"{SEED_RECORD.stem}.html").read_bytes())]
    assert "Summary" in headings
