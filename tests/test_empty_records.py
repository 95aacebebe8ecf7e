"""A record with nothing to brief is refused, whatever its format: one line naming the file,
exit 1, nothing written, with or without --split; the rest of a batch still runs.

The empty shells are those a newcomer's trial met (an empty ParlaMint ``<body/>``, an empty
Akoma Ntoso ``debateBody``, a Hansard API debate with no items, converted into empty
briefings with exit 0), and the same in every other reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEED_RECORD
from exporter.cli import main
from exporter.diagnostics import Reporter
from exporter.errors import InputError
from exporter.pipeline import Job, parse_debate

NOTHING = "the file holds no headings, speeches or divisions"
HEADINGS_ONLY = "the file holds only headings: no speeches, proceedings or divisions under them"

EMPTY = {
    "parlparse.xml": ("<publicwhip></publicwhip>", NOTHING),
    "parlamint.xml": (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body/></text></TEI>',
        NOTHING,
    ),
    "akoma-ntoso.xml": (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        "<debate><debateBody/></debate></akomaNtoso>",
        NOTHING,
    ),
    "akoma-ntoso-heading.xml": (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><debate><debateBody>'
        "<debateSection><heading>Questions</heading></debateSection></debateBody></debate></akomaNtoso>",
        HEADINGS_ONLY,
    ),
    "hansard-api.json": ('{"Overview": {"Title": "Oil Refining"}, "Items": []}', HEADINGS_ONLY),
    "no-sections.json": ('{"format": "debate-exporter/1", "title": "T", "sections": []}', NOTHING),
    "empty-section.yaml": (
        'format: debate-exporter/1\ntitle: T\nsections:\n  - title: ""\n    items: []\n',
        NOTHING,
    ),
    "blank-heading.yaml": (
        'format: debate-exporter/1\ntitle: T\nsections:\n  - title: "\\u200b "\n    items: []\n',
        NOTHING,  # a heading that reads as nothing is none (cleaning)
    ),
    "headings.yaml": (
        "format: debate-exporter/1\ntitle: T\nsections:\n"
        "  - {title: A, items: []}\n  - {title: B, items: [{type: section, title: B1, items: []}]}\n",
        HEADINGS_ONLY,
    ),
}


@pytest.mark.parametrize("split", [False, True], ids=["whole", "split"])
@pytest.mark.parametrize("name", sorted(EMPTY))
def test_a_record_with_nothing_to_brief_is_refused_by_every_reader(
    runner: CliRunner, tmp_path: Path, name: str, split: bool
) -> None:
    text, message = EMPTY[name]
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    args = ["convert", str(source), str(SEED_RECORD), "-o", str(out), "-f", "html"]
    result = runner.invoke(main, [*args, "--split"] if split else args)
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {source}: {message}"]
    assert "Traceback" not in result.output
    made = sorted(path.name for path in out.iterdir())
    assert made and all(name.startswith(SEED_RECORD.stem) for name in made)  # the rest ran


def test_text_with_no_speeches_is_refused_as_before(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("Oral Answers to Questions\n\nSome words, and no one saying them.\n")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {source}: no speaker lines found")
    assert not (tmp_path / "out").exists()


def test_the_library_refuses_it_in_the_one_read_step() -> None:
    data = b'{"Overview": {"Title": "x"}, "Items": []}'
    with pytest.raises(InputError) as raised:
        parse_debate(data, "api.json", Job(), Reporter("api.json"))
    assert str(raised.value) == f"api.json: {HEADINGS_ONLY}"


def test_a_split_record_of_a_banner_and_a_debate_makes_one_piece(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "day.yaml"
    source.write_text(
        "format: debate-exporter/1\ntitle: Day\nsections:\n  - {title: Oral Answers to Questions, items: []}\n"
        "  - title: Energy\n    items: [{type: procedural, paragraphs: [The House met.]}]\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "json", "--split"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["day-01-energy.json"]
