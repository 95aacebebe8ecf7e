"""Akoma Ntoso read faithfully (issue 13): the ``akn-*`` case and its kinds: titles from
the record's metadata, no heading for an unnamed section, recorded times kept, no stray
punctuation from speaker labels, every namespace read alike."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import DATA
from exporter import citations
from exporter import document as d
from exporter.compose import compose
from exporter.diagnostics import Reporter
from exporter.model import Debate, Paragraph, Procedural, ProceduralKind, Section, speeches, walk_items
from exporter.options import ComposeOptions, ReadOptions
from exporter.readers import akoma_ntoso

CASE = DATA / "akoma-ntoso" / "akn-it-senato-title-emptyheading-table.xml"
CSD03 = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0/CSD03"
AKN_3 = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def read(data: bytes) -> tuple[Debate, Reporter]:
    reporter = Reporter("case.xml")
    return akoma_ntoso.read(data, "case.xml", ReadOptions(), reporter), reporter


def test_the_title_is_the_records_own_never_untitled() -> None:
    debate, reporter = read(CASE.read_bytes())
    assert debate.title == "Resoconto n.12 della legislatura 19"  # debateBody/@title
    assert "AKN_NO_TITLE" not in [d.code for d in reporter.diagnostics]


@pytest.mark.parametrize(
    ("change", "title"),
    [
        ((' title="Resoconto n.12 della legislatura 19"', ""), "Resoconto di Assemblea 12"),  # docType, docNumber
        (("<an:coverPage>", "<an:preface><an:docTitle>Seduta n. 12</an:docTitle></an:preface><an:coverPage>"), "Seduta n. 12"),
    ],
)
def test_the_title_falls_back_through_the_metadata_in_order(change: tuple[str, str], title: str) -> None:
    data = CASE.read_text(encoding="utf-8").replace(*change)
    assert read(data.encode())[0].title == title


def test_no_title_at_all_is_left_untitled_with_a_warning_and_named_by_house_and_date() -> None:
    """The reader invents nothing; the briefing names the sitting from its house and date,
    the date in the interface's language, each part tagged with its own."""
    data = CASE.read_text(encoding="utf-8")
    data = data.replace(' title="Resoconto n.12 della legislatura 19"', "")
    data = re.sub(r"<an:docType>.*?</an:docType>", "", data)
    data = re.sub(r"<an:heading id=\"h-d1e110\">.*?</an:heading>", "", data)
    debate, reporter = read(data.encode())
    assert debate.title == ""
    assert "AKN_NO_TITLE" in [d.code for d in reporter.diagnostics]
    for ui, date in ((None, "29 November 2022"), ("cy", "29 Tachwedd 2022")):
        document = compose(debate, ComposeOptions(ui_language=ui), Reporter()).document
        assert document.title == f"Senato della Repubblica, {date}"
        title = document.blocks[0]
        assert isinstance(title, d.Heading) and title.level == 1
        tool = "cy" if ui else "en-GB"
        assert [(t.text, t.lang) for t in title.children if isinstance(t, d.Text)] == [
            ("Senato della Repubblica", None),  # the record's, in the document's language (it)
            (f", {date}", tool),
        ]
        sources = [
            b for b in d.walk_blocks(document.blocks) if isinstance(b, d.Paragraph) and b.role == "body"
        ]
        assert any(d.plain_text(b.children).count(date) == 1 for b in sources)


def test_sections_with_only_an_internal_name_or_an_empty_heading_have_no_title() -> None:
    debate, reporter = read(CASE.read_bytes())
    titles = [s.title for s in debate.sections]
    assert titles == ["", "", "Calendario dei lavori dell'Assemblea"]
    assert not any(t in ("InizioSeduta", "Untitled section") for t in titles)
    assert not any("Untitled" in d.message for d in reporter.diagnostics)


def test_the_recorded_start_time_is_kept() -> None:
    debate, _ = read(CASE.read_bytes())
    [start] = debate.sections[0].items
    assert isinstance(start, Procedural) and start.kind is ProceduralKind.TIME and start.time == "16:32:00"


def test_no_stray_punctuation_left_by_the_speaker_label() -> None:
    debate, _ = read(CASE.read_bytes())
    for speech in speeches(debate):
        first = speech.paragraphs[0]
        assert isinstance(first, Paragraph) and not first.text.lstrip().startswith(".")
    assert speeches(debate)[0].paragraphs[0].text.startswith("La seduta è aperta")  # type: ignore[union-attr]


def test_an_ellipsis_the_speaker_says_is_kept() -> None:
    data = CASE.read_text(encoding="utf-8").replace(". La Conferenza", "... La Conferenza")
    speech = speeches(read(data.encode())[0])[-1]
    assert speech.paragraphs[0].text.startswith("... La Conferenza")  # type: ignore[union-attr]


def test_house_profile_and_citation_of_the_italian_senate() -> None:
    debate, _ = read(CASE.read_bytes())
    assert (debate.house, debate.profile, debate.date) == ("Senato della Repubblica", "it-senate", dt.date(2022, 11, 29))
    assert citations.cite(debate, None) == (
        "Italian Parliament, Senato della Repubblica, 29 November 2022, http://dati.senato.it/osr/RESAULA/2022-11-29/12"
    )


@pytest.mark.parametrize("namespace", [AKN_3, None])
def test_no_namespace_and_the_final_namespace_read_as_the_draft_does(namespace: str | None) -> None:
    text = CASE.read_text(encoding="utf-8")
    if namespace is None:
        other = text.replace(f' xmlns:an="{CSD03}"', "").replace("<an:", "<").replace("</an:", "</")
    else:
        other = text.replace(CSD03, namespace)
    assert read(other.encode())[0] == read(text.encode())[0]


def test_no_section_anywhere_is_titled_by_a_placeholder() -> None:
    debate, _ = read(CASE.read_bytes())
    for item in walk_items(debate.sections):
        if isinstance(item, Section):
            assert item.title == item.title.strip() and "Untitled" not in item.title


def test_the_oasis_example_parliament_is_no_parliament_and_takes_the_generic_profile() -> None:
    debate, _ = read((DATA / "akoma-ntoso" / "oasis_ke_debate_bungeni_2011-06-10.xml").read_bytes())
    assert debate.profile is None and debate.title == "SECOND MEETING, 2011"
    assert citations.cite(debate, None) == "PARLIAMENT OF THE REPUBLIC OF BUNGENI, 10 June 2011"
