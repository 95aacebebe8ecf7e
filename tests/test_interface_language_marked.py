"""The interface's words in a briefing of another language are marked with their language,
where a reader finds them: a PDF link's description (its annotation's /Contents, which a
screen reader speaks for the link) included.

PDF/UA-1 and ISO 32000-1 14.9.2: text in another language than its surroundings needs /Lang on
its structure element; an annotation's /Contents takes the language of the Link element that
owns it. So the Link carries the description's language and its words, when in another, are a
Span in theirs. Read back with pikepdf and poppler (language_reading), judged by veraPDF.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from conftest import DATA, SEED_RECORD, needs
from exporter.cli import main
from language_reading import Piece, pdf_pieces
from pdf_reading import Node, structure_tree, verapdf_many

WELSH_CASE = DATA / "language" / "record-welsh-labels.yaml"
SLOVAK = DATA / "parlamint" / "sk_ParlaMint-SK_2019-12-04-t7m54.xml"

# (record, --ui-language, the record's language, a name the record gives that is a link's words)
CASES = {
    "welsh-record-english-interface": (WELSH_CASE, "en", "cy", "Aelod"),
    "english-record-welsh-interface": (SEED_RECORD, "cy", "en", "Kim Leadbeater"),
    "slovak-record-english-interface": (SLOVAK, "en", "sk", None),
}


def primary(tag: str) -> str:
    return tag.split("-")[0].lower()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("interface-language")
    found = {}
    for case, (record, ui, _, _) in CASES.items():
        out = folder / case
        result = CliRunner().invoke(main, ["convert", str(record), "-o", str(out), "-f", "pdf", "-q", "--ui-language", ui])
        assert result.exit_code == 0, result.output
        found[case] = out / f"{record.stem}.pdf"
    return found


def link_languages(path: Path) -> list[tuple[str, str]]:
    """(its /Contents, the language in force on the Link that owns it) for every link annotation."""
    found: list[tuple[str, str]] = []

    def walk(node: Node, inherited: str) -> None:
        lang = str(node.obj.get("/Lang", inherited))
        found.extend((str(annotation.Contents), lang) for annotation in node.annotations)
        for kid in node.kids:
            walk(kid, lang)

    with pikepdf.open(path) as pdf:
        walk(structure_tree(pdf), str(pdf.Root.Lang))
    return found


@pytest.mark.parametrize("case", CASES)
def test_every_link_description_is_marked_with_the_interface_language(written: dict[str, Path], case: str) -> None:
    _, ui, _, _ = CASES[case]
    links = link_languages(written[case])
    assert links
    wrong = [(contents, lang) for contents, lang in links if primary(lang) != ui]
    assert not wrong, wrong


@needs("pdfinfo")
@pytest.mark.parametrize("case", [case for case, (*_, name) in CASES.items() if name])
def test_a_links_words_keep_the_records_language(written: dict[str, Path], case: str, tmp_path: Path) -> None:
    _, _, record_language, name = CASES[case]
    pieces: list[Piece] = pdf_pieces(written[case].read_bytes(), tmp_path)
    named = {primary(piece.lang) for piece in pieces if piece.text.strip() == name}
    assert named == {record_language}


def test_verapdf_finds_no_failed_check(written: dict[str, Path]) -> None:
    verdicts = verapdf_many(list(written.values()))
    if verdicts is None:
        pytest.skip("veraPDF (../shared/tools/verapdf) or java is not installed")
    failed = {path: v["failed_rules"] for path, v in verdicts.items() if v["failed_checks"]}
    assert not failed
