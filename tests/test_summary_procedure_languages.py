"""Procedure is never quoted as substance, in any language a parliament we read speaks.

A summary is made of speakers' own words on the matter of the debate. The chair's
procedural turns are known from the record's markup (ParlaMint's ``ana="#chair"``; notes,
incidents and kinesics are never candidates); a member's procedural motion, a vote called or
corrected, the floor given, are known from each language's formulas, kept as data
(exporter/summarise/procedure_phrases.json), not from English word lists.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import DATA
from exporter import parliaments
from exporter.cli import main
from exporter.language import tags
from exporter.summarise import procedural
from exporter.summarise.eligibility import Context, judge

SLOVAK = DATA / "parlamint" / "sk_ParlaMint-SK_2019-12-04-t7m54.xml"
CZECH = DATA / "parlamint" / "cz_ParlaMint-CZ_2023-07-26-ps2021-071-07-000-000_trimmed.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def briefing(record: Path, out: Path) -> dict:
    result = CliRunner().invoke(main, ["convert", str(record), "-o", str(out), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    return json.loads((out / f"{record.stem}.json").read_text(encoding="utf-8"))["briefing"]


def quoted(parts: dict) -> list[dict]:
    """Every sentence the summary and the key points quote."""
    found = list(parts["summary"]) if parts["summary_kind"] == "automatic" else []
    found += [point for speaker in parts["key_points"] for point in speaker["points"]]
    return found


def test_the_slovak_sitting_quotes_no_procedural_motion_nor_vote(tmp_path: Path) -> None:
    """Every turn of this sitting is procedure: the chair's (``#chair``) and two members'
    (a procedural motion; a correction of how one voted). Nothing is quoted; the summary
    says who spoke instead."""
    parts = briefing(SLOVAK, tmp_path)
    assert quoted(parts) == []
    assert parts["summary_kind"] == "speakers"


@pytest.mark.parametrize("record", [SLOVAK, CZECH], ids=["sk", "cz"])
def test_no_sentence_of_a_turn_the_record_marks_as_the_chairs_is_quoted(record: Path, tmp_path: Path) -> None:
    """Read independently from the TEI: the utterances marked ``ana="#chair"``."""
    tree = etree.parse(str(record))
    chair = {u.get(XML_ID) for u in tree.iter(f"{TEI}u") if "#chair" in (u.get("ana") or "").split()}
    assert chair
    parts = briefing(record, tmp_path)
    speeches = {part["speech"] for part in quoted(parts)}
    assert speeches or record is SLOVAK  # the Czech sitting has members' words to quote
    assert not speeches & chair


# (language, a procedural sentence as its parliament's record prints it, a sentence of substance
# that shares words with procedure, which must stay substance)
SENTENCES = [
    ("sk", "Mám procedurálny návrh, aby sme vrátili stratifikáciu.", "Zákon o sudcoch mení spôsob, akým sa vyberajú prísediaci na krajských súdoch."),
    ("sk", "Hlasoval som za.", "Voliči v regiónoch chcú, aby vláda konečne opravila cesty a mosty."),
    ("sk", "Prosím, hlasujme o návrhu.", "Tento návrh zákona zvyšuje dôchodky o päť percent od januára."),
    ("sk", "Otváram rozpravu k tomuto bodu programu.", "Nemocnice na východe krajiny nemajú dosť lekárov ani sestier."),
    ("cs", "Mám procedurální návrh na přerušení schůze.", "Rozpočet na příští rok počítá se schodkem dvě stě miliard korun."),
    ("bg", "Уважаеми колеги, правя процедурно предложение за пренареждане на програмата.", "Бюджетът за следващата година предвижда увеличение на пенсиите с десет процента."),
    ("bg", "Гласуваме.", "Цените на горивата се увеличиха с една трета за последната година."),
    ("pl", "Składam wniosek formalny o przerwę.", "Ustawa obniża podatek dochodowy dla najmniej zarabiających rodzin."),
    ("de", "Ich erteile dem Kollegen Müller das Wort.", "Die Reform senkt die Beiträge zur Rentenversicherung für kleine Einkommen."),
    ("fr", "Je mets aux voix l'amendement numéro douze.", "Le projet de loi réduit les délais de jugement devant les tribunaux administratifs."),
    ("it", "Metto ai voti l'emendamento 1.100.", "Il decreto stanzia tre miliardi per la ricostruzione delle scuole danneggiate."),
    ("uk", "Прошу голосувати.", "Законопроєкт підвищує мінімальну заробітну плату для працівників освіти."),
]


def label(sentence: str, language: str) -> str:
    context = Context(sentence, None, True, "speech", False, chair=False, final_stops=True, language=language)
    return judge(context)


@pytest.mark.parametrize(("language", "procedure", "substance"), SENTENCES)
def test_a_members_procedure_is_procedure_and_their_matter_substance(
    language: str, procedure: str, substance: str
) -> None:
    assert label(procedure, language) == "procedure"
    assert label(substance, language) == "substantive"


def test_thanks_opening_a_turn_is_a_courtesy_in_the_records_language() -> None:
    assert label("Ďakujem pekne, pán predsedajúci.", "sk") == "courtesy"
    assert label("Благодаря, господин председател.", "bg") == "courtesy"


def test_a_languages_formulas_are_not_tried_on_another() -> None:
    """The Slovak "nech sa páči" (go ahead) is not procedure in a Czech sentence's data, and
    the data of a language are chosen by the sentence's language, region or none."""
    assert procedural.kind("Hlasujme.", "sk-SK") == "procedure"
    assert procedural.kind("Hlasujme.", "pl") is None


def test_every_parliaments_language_has_its_formulas() -> None:
    """A parliament added in a new language needs its formulas as data, or its members'
    procedure would be quoted as substance."""
    languages = {tags.primary(profile.language) for profile in parliaments.PROFILES if profile.language}
    missing = sorted(language for language in languages - {"en"} if language not in procedural.phrases())
    assert not missing
    assert all(procedural.phrases()[language].procedure is not None for language in languages - {"en"})
