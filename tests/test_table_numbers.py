"""Tables are numbered in the order a reader meets them, and every message names a table by
that number: captions in each format, composing warnings, ``debate-export check``.

The Lords sitting day (tests/data/parlparse/daylord2009-10-29a-excerpt.xml, ParlParse,
Open Parliament Licence) has a divisions table at a glance, a division's votes and three
record tables in its debates, and the Speakers table at the back: composed second, it
was captioned "Table 2" after "Table 6".
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from click.testing import CliRunner
from lxml import html

from conftest import DATA
from exporter.cli import main

DAY = DATA / "parlparse" / "daylord2009-10-29a-excerpt.xml"
NUMBER = re.compile(r"^Table (\d+):")


def _convert(runner: CliRunner, source: Path, out: Path, *more: str) -> str:
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), *more])
    assert result.exit_code == 0, result.output
    return result.stderr


def _numbers(captions: list[str]) -> list[int]:
    return [int(found.group(1)) for caption in captions if (found := NUMBER.match(caption))]


def test_a_sitting_days_tables_are_numbered_in_reading_order_in_every_format(
    runner: CliRunner, tmp_path: Path
) -> None:
    _convert(runner, DAY, tmp_path, "-f", "html,docx")
    page = html.parse(str(tmp_path / f"{DAY.stem}.html"))
    captions = [" ".join(c.text_content().split()) for c in page.iter("caption")]
    assert len(captions) == 6
    assert _numbers(captions) == [1, 2, 3, 4, 5, 6]
    assert captions[-1].startswith("Table 6: speakers")  # the index at the back comes last
    word = docx.Document(str(tmp_path / f"{DAY.stem}.docx"))
    in_word = [p.text for p in word.paragraphs if p.style is not None and p.style.name == "Caption"]
    titles = [t._tbl.tblPr.find(docx.oxml.ns.qn("w:tblCaption")) for t in word.tables]
    word_titles = [t.get(docx.oxml.ns.qn("w:val")) for t in titles if t is not None]
    assert _numbers(word_titles) == [1, 2, 3, 4, 5, 6], word_titles
    assert not in_word or _numbers(in_word) == [1, 2, 3, 4, 5, 6]


def test_the_composing_warning_and_the_check_name_a_table_by_its_caption_number(
    runner: CliRunner, tmp_path: Path
) -> None:
    warnings = _convert(runner, DAY, tmp_path, "-f", "docx", "-v")
    page_numbers = set(re.findall(r"TABLE-NO-HEADER: .*?Table (\d+) has no header row", warnings))
    assert page_numbers == {"3", "4", "5"}, warnings  # the three record tables, as captioned
    result = runner.invoke(main, ["check", str(tmp_path / f"{DAY.stem}.docx")])
    found = re.findall(r"table (\d+) \('Table (\d+): [^']*'\): warning: TBL-HDR-NONE-001", result.output)
    assert [a for a, _ in found] == ["3", "4", "5"], result.output
    assert all(position == number for position, number in found)


def test_tables_of_one_debate_put_speakers_before_the_proceedings_and_number_it_first(
    runner: CliRunner, tmp_path: Path
) -> None:
    record = tmp_path / "one.yaml"
    record.write_text(
        "format: debate-exporter/1\ntitle: One debate\ndate: 2024-01-10\n"
        "speakers: [{id: a, name: Ann Able}]\nsections:\n"
        "  - title: Part\n    items:\n"
        "      - type: speech\n        speaker: a\n        paragraphs:\n"
        "          - {table: {caption: Figures, header_rows: 1, rows: [[Year, Cost], ['2023', '4']]}}\n",
        encoding="utf-8",
    )
    _convert(runner, record, tmp_path / "out", "-f", "html")
    page = html.parse(str(tmp_path / "out" / "one.html"))
    captions = [" ".join(c.text_content().split()) for c in page.iter("caption")]
    assert captions == ["Table 1: speakers in this debate, with the number of times each spoke", "Table 2: Figures"]
