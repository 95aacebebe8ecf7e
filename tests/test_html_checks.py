"""The HTML checker: a page our writer made passes, and each rule fires on its own injected
fault, and only there. Each fault edits the parsed page with lxml and writes it back."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import SEED_RECORD
from exporter import checks
from exporter.checks.html import RULES, check, is_html, rules
from exporter.cli import main
from exporter.diagnostics import Reporter, Severity
from exporter.errors import InputError
from exporter.options import WriteOptions
from exporter.writers.html import write
from golden_trees import energy_bill

Edit = Callable[[lxml.html.HtmlElement], None]


@cache
def good_html() -> bytes:
    return write(energy_bill(), WriteOptions(), Reporter("good.html"))


def edited(edit: Edit) -> bytes:
    root = lxml.html.document_fromstring(good_html())
    edit(root)
    return etree.tostring(root, method="html", encoding="utf-8", doctype="<!DOCTYPE html>")


def one(root: lxml.html.HtmlElement, xpath: str) -> lxml.html.HtmlElement:
    found = root.xpath(xpath)
    assert found, xpath
    return found[0]


def add(root: lxml.html.HtmlElement, xpath: str, markup: str) -> None:
    one(root, xpath).append(lxml.html.fragment_fromstring(markup))


def set_attribute(xpath: str, name: str, value: str) -> Edit:
    return lambda root: one(root, xpath).set(name, value)


def drop_attribute(xpath: str, name: str) -> Edit:
    return lambda root: one(root, xpath).attrib.pop(name)


def set_text(xpath: str, text: str) -> Edit:
    def edit(root: lxml.html.HtmlElement) -> None:
        element = one(root, xpath)
        for child in list(element):
            element.remove(child)
        element.text = text

    return edit


def retag(xpath: str, tag: str) -> Edit:
    return lambda root: setattr(one(root, xpath), "tag", tag)


def remove(xpath: str) -> Edit:
    return lambda root: one(root, xpath).drop_tree()


def headerless_described(root: etree._Element) -> None:
    """The first table with no header cells, and a note saying the record gives it none."""
    table = root.xpath("//table")[0]
    for th in table.xpath(".//th"):
        th.tag = "td"
        th.attrib.pop("scope", None)
    note = etree.SubElement(table.getparent(), "p", id="why-no-headers")
    note.text = "The record gives this table no header row."
    table.set("aria-describedby", "why-no-headers")


FAULTS: dict[str, Edit] = {
    "HTML-LANG-001": drop_attribute("/html", "lang"),
    "HTML-LANG-002": set_attribute("//span[@lang]", "lang", "welsh language"),
    "HTML-TITLE-001": set_text("//title", "  "),
    "HTML-HDG-001": lambda root: add(root, "//main", "<h1>Another title</h1>"),
    "HTML-HDG-002": retag("//h3", "h4"),
    "HTML-HDG-003": set_text("//h2[@id='summary']", ""),
    "HTML-LMK-001": lambda root: add(root, "//footer", '<div role="main"><p>More</p></div>'),
    "HTML-LMK-002": lambda root: add(root, "//body", "<p>Printed on recycled paper.</p>"),
    "HTML-LMK-003": lambda root: add(root, "//body", "<footer><p>A second footer</p></footer>"),
    "HTML-SKIP-001": remove("//a[@class='skip-link']"),
    "HTML-TBL-001": set_text("//caption", ""),
    "HTML-TBL-002": drop_attribute("//th", "scope"),
    "HTML-TBL-003": headerless_described,
    "HTML-LNK-001": set_text("//main//a[@href='#division-12']", ""),
    "HTML-LNK-002": set_text("//main//a[@href='#division-12']", "click here"),
    "HTML-LNK-003": set_attribute("//main//a[@href='#division-12']", "href", "#division-13"),
    "HTML-LNK-004": set_text("//main//a[@href='#division-12']", "https://example.org/division/12"),
    "HTML-IMG-001": lambda root: add(root, "//main", '<p><img src="chart.png"></p>'),
    "HTML-ID-001": set_attribute("//main//p", "id", "summary"),
    "HTML-ARIA-001": set_attribute("//section[@role='doc-endnotes']//li", "role", "doc-endnote"),
    "HTML-ARIA-002": set_attribute("//div[@role='region']", "aria-labelledby", "no-such-caption"),
    "HTML-ZOOM-001": set_attribute(
        "//meta[@name='viewport']", "content", "width=device-width, user-scalable=no"
    ),
}


def test_a_page_our_writer_made_passes_every_rule() -> None:
    assert check(good_html(), "good.html") == []


def test_every_rule_has_a_fault_test() -> None:
    ids = {r.id for r in rules()}
    assert len(ids) == len(RULES) == 22
    assert ids == set(FAULTS)


@pytest.mark.parametrize("rule_id", sorted(FAULTS))
def test_fault_fires_its_rule_and_no_other(rule_id: str) -> None:
    found = check(edited(FAULTS[rule_id]), "faulty.html")
    assert {x.code for x in found} == {rule_id}
    expected = next(r.severity for r in RULES if r.id == rule_id)
    assert all(x.severity == expected and x.source == "faulty.html" and x.message for x in found)


def test_findings_say_where_they_are() -> None:
    found = check(edited(FAULTS["HTML-HDG-002"]), "faulty.html")
    assert found[0].location is not None and found[0].location.startswith("line ")
    assert "<h4" in found[0].location


@pytest.mark.parametrize(
    ("rule_id", "edit"),
    [
        ("HTML-LANG-001", set_attribute("/html", "lang", "en_GB")),
        ("HTML-HDG-001", retag("//h1", "h2")),
        ("HTML-HDG-001", lambda root: add(root, "//main", '<p role="heading" aria-level="1">Also first</p>')),
        ("HTML-HDG-002", lambda root: add(root, "//main", '<p role="heading" aria-level="7">Too deep</p>')),
        ("HTML-TBL-002", lambda root: [th.drop_tag() for th in root.xpath("//th")] and None),
        ("HTML-LNK-002", set_text("//main//a[@href='#division-12']", "Read more.")),
        ("HTML-LNK-004", set_text("//main//a[@href='#division-12']", "www.example.org/division/12")),
        (
            "HTML-LNK-004",
            lambda root: add(root, "//main", '<p><a href="https://example.org/d">https://example.org/d</a></p>'),
        ),
        ("HTML-IMG-001", lambda root: add(root, "//main", '<div><svg role="img" width="10"></svg></div>')),
        (
            "HTML-ZOOM-001",
            set_attribute("//meta[@name='viewport']", "content", "width=device-width, maximum-scale=1"),
        ),
    ],
)
def test_other_forms_of_a_fault(rule_id: str, edit: Edit) -> None:
    assert rule_id in {x.code for x in check(edited(edit), "faulty.html")}


def test_what_passes_is_not_flagged() -> None:
    fine = [
        lambda root: add(root, "//main", '<p><img src="rule.png" alt=""></p>'),  # decorative
        set_attribute("//meta[@name='viewport']", "content", "width=device-width, maximum-scale=5"),
        lambda root: add(root, "//main", '<table role="presentation"><tr><td>layout</td></tr></table>'),
        lambda root: add(root, "//main", "<section><p>an unnamed section is no landmark</p></section>"),
    ]
    for edit in fine:
        assert check(edited(edit), "fine.html") == []


def test_html_is_told_by_content_and_a_non_html_file_is_refused() -> None:
    assert is_html(b"\xef\xbb\xbf\n<!doctype HTML><html></html>") and is_html(b"<html lang=en>")
    assert not is_html(b"%PDF-1.7") and not is_html(b"<?xml version='1.0'?><publicwhip/>")
    assert checks.kind_of(good_html()) == "html"
    assert checks.check(good_html(), "good.html") == []
    with pytest.raises(InputError, match="not an HTML page"):
        check(b"plain words", "notes.html")
    with pytest.raises(InputError, match="not a .docx, PDF or HTML file"):
        checks.check(b"plain words", "notes.txt")


def test_the_html_rules_are_listed_with_the_others() -> None:
    listed = {rule_id: (severity, summary) for rule_id, severity, summary in checks.rules()}
    assert listed["HTML-HDG-001"][0] is Severity.ERROR and listed["HTML-HDG-001"][1].startswith("HTML: ")
    assert {r.id for r in rules()} <= set(listed)


def test_the_check_command_reads_html(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good, bad = tmp_path / "good.html", tmp_path / "bad.html"
    good.write_bytes(good_html())
    bad.write_bytes(edited(FAULTS["HTML-TBL-002"]))
    result = runner.invoke(main, ["check", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{good}: 0 errors, 0 warnings, 0 tips" in result.output
    assert "error: HTML-TBL-002: header cell 'Lobby' has no scope" in result.output


def test_convert_check_audits_the_html_it_writes(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(main, ["convert", str(SEED_RECORD), "-f", "html", "--check", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"{SEED_RECORD.stem}.html").exists()
