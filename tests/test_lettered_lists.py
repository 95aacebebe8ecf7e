"""Typed lettered and numbered paragraphs ("(a) …", "b) …", "(ii) …", "5. …") and lists the
record marks with such labels are ordered lists numbered by the record's own labels, each
label said once, as the item's number: Word numbering in the labels' format ("(%1)" in
lower letters, from the first label's number), PDF ``L``/``LI`` with the label as ``Lbl``,
HTML an ``ol`` with the label as text and no marker. Read back by pandoc, poppler and
Chromium. Lists counting 1., 2., 3. are numbered by the writer, as before.

The OpenAustralia list is a look-alike written for the tests (tests/parlparse_lookalikes.py)."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from click.testing import CliRunner

from conftest import needs
from exporter.cli import main
from html_browser import REQUIRED, Browser, browser, missing_browser
from parlparse_lookalikes import OA_SENATE_NOTICE

RECORD = """\
format: debate-exporter/1
title: Lettered lists
date: 2012-09-20
house: House of Commons
speakers:
  - {id: m1, name: Jo Example}
sections:
  - title: Lettered lists
    items:
      - type: speech
        speaker: m1
        paragraphs:
          - "The committee recommends that the Minister:"
          - "(a) the first thing;"
          - "(b) the second;"
          - "(c) the third."
          - "Roman numerals:"
          - "(i) one;"
          - "(ii) two;"
          - "(iii) three."
          - "From the fifth:"
          - "5. fifth;"
          - "6. sixth."
          - "Letters in italics:"
          - {runs: [{text: "a)", emphasis: true}, " In the UK"]}
          - {runs: [{text: "b)", emphasis: true}, " Overseas"]}
          - "Counted from one:"
          - "1. first;"
          - "2. second."
          - "Not lists: (a) alone, then a gap:"
          - "(a) alone."
          - "Said between."
          - "(a) one;"
          - "(c) three."
"""


@pytest.fixture(scope="module")
def briefing(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("lettered")
    source = folder / "lettered.yaml"
    source.write_text(RECORD, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(folder), "-f", "docx,pdf,html,tree", "-q"])
    assert result.exit_code == 0, result.output
    return {suffix: folder / f"lettered.{suffix}" for suffix in ("docx", "pdf", "html", "tree.json")}


def _lists(tree: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("node") == "BulletList":
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(tree.read_text(encoding="utf-8")))
    return found


def _words(node: Any) -> str:
    if isinstance(node, dict):
        return str(node.get("text", "")) + "".join(_words(v) for k, v in node.items() if k != "text")
    if isinstance(node, list):
        return "".join(_words(v) for v in node)
    return ""


def test_the_tree_numbers_each_list_by_its_labels(briefing: dict[str, Path]) -> None:
    speech_lists = [
        (bullets.get("numbering"), bullets.get("start", 1), [(i.get("label"), _words(i["blocks"])) for i in bullets["items"]])
        for bullets in _lists(briefing["tree.json"])
        if bullets.get("ordered")
    ]
    assert speech_lists == [
        ("lower-alpha", 1, [("(a)", "the first thing;"), ("(b)", "the second;"), ("(c)", "the third.")]),
        ("lower-roman", 1, [("(i)", "one;"), ("(ii)", "two;"), ("(iii)", "three.")]),
        ("decimal", 5, [("5.", "fifth;"), ("6.", "sixth.")]),
        ("lower-alpha", 1, [("a)", "In the UK"), ("b)", "Overseas")]),  # the label was an italic run of its own
        (None, 1, [(None, "first;"), (None, "second.")]),  # 1., 2.: numbered by the writer, as before
    ]


@needs("pandoc")
def test_word_numbers_the_list_in_the_labels_own_format(briefing: dict[str, Path]) -> None:
    native = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "native", str(briefing["docx"])], capture_output=True, text=True, check=True
    ).stdout
    attributes = re.findall(r"OrderedList\s*\(\s*(\d+)\s*,\s*(\w+)\s*,\s*(\w+)\s*\)", native)
    assert attributes == [
        ("1", "LowerAlpha", "TwoParens"),
        ("1", "LowerRoman", "TwoParens"),
        ("5", "Decimal", "Period"),
        ("1", "LowerAlpha", "OneParen"),
        ("1", "Decimal", "Period"),
    ]
    # each label once: Word's number, never typed again in the item's text
    assert 'Str "(a)"' not in native.split('Str "Not"')[0]
    markdown = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "plain", str(briefing["docx"])], capture_output=True, text=True, check=True
    ).stdout
    assert "(a) the first thing;" in " ".join(markdown.split())
    assert "(a) (a)" not in markdown and "• (a)" not in markdown
    assert "(a) alone." in markdown  # a lone label and a gap stay paragraphs


@needs("pdfinfo")
def test_the_pdf_list_has_the_label_as_lbl_and_the_numbering_it_counts_in(briefing: dict[str, Path]) -> None:
    structure = subprocess.run(
        ["pdfinfo", "-struct-text", str(briefing["pdf"])], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(structure.split())
    for numbering, label, body in (
        ("LowerAlpha", "(a)", "the first thing;"),
        ("LowerRoman", "(iii)", "three."),
        ("Decimal", "5.", "fifth;"),
        ("LowerAlpha", "a)", "In the UK"),
    ):
        assert f"/ListNumbering /{numbering}" in flat
        assert f'Lbl (block) "{label}" LBody (block) P (block) "{body}"' in flat, (label, body)
    text = subprocess.run(["pdftotext", str(briefing["pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    assert "(a) the first thing;" in " ".join(text.split())
    assert "• (a)" not in text and "(a) (a)" not in text


def test_html_has_an_ordered_list_with_each_label_once(briefing: dict[str, Path]) -> None:
    page = lxml.html.fromstring(briefing["html"].read_bytes())
    lists = page.xpath("//main//ol[@class='labelled']")
    assert [(ol.get("type"), ol.get("start")) for ol in lists] == [("a", None), ("i", None), ("1", "5"), ("a", None)]
    items = [" ".join(li.text_content().split()) for li in lists[0].xpath("li")]
    assert items == ["(a) the first thing;", "(b) the second;", "(c) the third."]
    assert page.xpath("//main//ul/li[starts-with(normalize-space(), '(a)')]") == []


def test_the_records_own_labelled_list_is_numbered_by_its_labels(runner: CliRunner, tmp_path: Path) -> None:
    """OpenAustralia's ``<dl>``: "(1)", "(2)" as the record's labels; "1.", "2." numbered by
    the writer, as before."""
    record = OA_SENATE_NOTICE.replace("<dt>1.</dt>", "<dt>(1)</dt>").replace("<dt>2.</dt>", "<dt>(2)</dt>")
    for name, text, expected in (("labelled.xml", record, ("1", None, "(1) First")), ("plain.xml", OA_SENATE_NOTICE, (None, None, "First"))):
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path), "-f", "html", "-q"])
        assert result.exit_code == 0, result.output
        page = lxml.html.fromstring((tmp_path / f"{source.stem}.html").read_bytes())
        ol = page.xpath("//main//ol")[0]
        first = " ".join(ol.xpath("li")[0].text_content().split())
        assert (ol.get("type"), ol.get("start"), first[: len(expected[2])]) == expected


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    reason = missing_browser()
    if reason and REQUIRED:
        pytest.fail(f"DEBATE_EXPORT_BROWSER_TESTS=require, but {reason}")
    if reason:
        pytest.skip(reason)
    with browser() as session:
        yield session


def test_the_browser_shows_no_marker_before_a_label(chromium: Browser, briefing: dict[str, Path]) -> None:
    chromium.open(briefing["html"])
    shown = chromium.script(
        "return Array.from(document.querySelectorAll('main ol.labelled')).map(ol => "
        "[getComputedStyle(ol.querySelector('li')).listStyleType, ol.querySelector('li').innerText.trim()])"
    )
    assert shown[0] == ["none", "(a) the first thing;"]
    assert all(style == "none" for style, _ in shown)
    assert chromium.axe(briefing["html"]) == []
