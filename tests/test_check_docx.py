"""The .docx checker: every rule fires on its own fault, and only there."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
import pytest
from lxml import etree

from docx_faults import CORE, DOC, FAULTS, NS, STYLES, edit_parts, fault, good_docx, q
from exporter.checks import check as check_any
from exporter.checks.docx import RULES, check, rules
from exporter.diagnostics import Reporter, Severity
from exporter.errors import InputError
from exporter.options import WriteOptions
from exporter.writers.docx import write
from golden_trees import energy_bill

BASELINE = {"DOC-LANG-004"}  # the sample marks a Welsh phrase: listed for review, as info


def codes(data: bytes) -> set[str]:
    return {d.code for d in check(data, "test.docx")}


def test_known_good_document_only_lists_its_other_language() -> None:
    found = check(good_docx(), "good.docx")
    assert [(d.code, d.severity, d.location) for d in found] == [
        ("DOC-LANG-004", Severity.INFO, "paragraph 11")
    ]
    assert "cy" in found[0].message


def test_every_rule_has_a_fault_test() -> None:
    ids = {r.id for r in rules()}
    assert len(ids) == len(RULES) == 50
    assert ids - set(FAULTS) == {"MS-PROT-001", "DOC-LANG-004"}  # tested below on their own


@pytest.mark.parametrize("rule_id", sorted(FAULTS))
def test_fault_fires_its_rule_and_no_other(rule_id: str) -> None:
    found = check(FAULTS[rule_id](), "faulty.docx")
    assert {d.code for d in found} - BASELINE == {rule_id}
    expected = next(r.severity for r in RULES if r.id == rule_id)
    fired = [d for d in found if d.code == rule_id]
    assert all(d.severity == expected and d.source == "faulty.docx" and d.message for d in fired)


def test_rules_have_ids_severities_and_summaries() -> None:
    listed = rules()
    assert [r.id for r in listed] == sorted(r.id for r in listed)
    assert all(r.summary and isinstance(r.severity, Severity) for r in listed)
    severities = {r.id: r.severity for r in listed}
    assert (
        severities["MS-ALT-001"] == severities["MS-TBL-001"] == severities["DOC-TITLE-001"] == Severity.ERROR
    )
    assert severities["MS-LNK-001"] == severities["MS-CON-001"] == Severity.WARNING
    assert severities["UK-TOC-001"] == severities["META-001"] == Severity.TIP
    assert severities["DOC-LANG-004"] == severities["PROT-EDIT-001"] == Severity.INFO


# --- rules with more than one case ------------------------------------------------------


def test_other_language_runs_are_listed_and_absent_without_them() -> None:
    def strip_languages(root: etree._Element) -> None:
        for lang in list(root.iter(q("w:lang"))):
            lang.getparent().remove(lang)

    assert "DOC-LANG-004" not in codes(fault(DOC, strip_languages)())


def test_missing_headings_is_a_warning_in_a_long_document() -> None:
    long = write(energy_bill(60), WriteOptions(), Reporter())

    def headings_to_body(root: etree._Element) -> None:
        for style in root.iter(q("w:pStyle")):
            if style.get(q("w:val")).startswith("Heading"):
                style.set(q("w:val"), "BodyText")

    short = [d for d in check(FAULTS["MS-HDG-001"](), "x") if d.code == "MS-HDG-001"]
    found = [d for d in check(edit_parts(long, {DOC: headings_to_body}), "x") if d.code == "MS-HDG-001"]
    assert [d.severity for d in short] == [Severity.TIP]
    assert [d.severity for d in found] == [Severity.WARNING]


def test_decorative_picture_needs_no_alt_text() -> None:
    from docx_faults import append_paragraph, drawing

    assert codes(fault(DOC, append_paragraph(drawing(None, decorative=True)))()) == BASELINE


def test_placeholder_title_counts_as_missing() -> None:
    from docx_faults import core_text

    assert "DOC-TITLE-001" in codes(core_text("dc:title", "Document1")())


def test_language_that_disagrees_with_the_properties_is_a_warning() -> None:
    from docx_faults import default_lang

    found = [d for d in check(default_lang("en-US")(), "x") if d.code == "DOC-LANG-002"]
    assert len(found) == 1 and "en-GB" in found[0].message


@pytest.mark.parametrize(
    ("colour", "size", "fires"),
    [("767676", 24, False), ("949494", 24, True), ("949494", 36, False), ("BBBBBB", 36, True)],
)
def test_contrast_threshold_depends_on_text_size(colour: str, size: int, fires: bool) -> None:
    def recolour(root: etree._Element) -> None:
        for style in root.iter(q("w:style")):
            if style.get(q("w:styleId")) == "Procedural":
                rpr = style.find("w:rPr", NS)
                rpr.find("w:color", NS).set(q("w:val"), colour)
                rpr.find("w:sz", NS).set(q("w:val"), str(size))

    assert ("MS-CON-001" in codes(fault(STYLES, recolour)())) is fires


def test_contrast_uses_the_highlight_behind_the_text() -> None:
    def highlight(root: etree._Element) -> None:
        run = next(r for r in root.iter(q("w:r")) if "".join(r.itertext()) == "Order. Order.")
        run.insert(0, etree.fromstring(f'<w:rPr xmlns:w="{NS["w"]}"><w:highlight w:val="black"/></w:rPr>'))

    assert "MS-CON-001" in codes(fault(DOC, highlight)())


def test_uppercase_text_counts_as_capitals() -> None:
    from docx_faults import append_paragraph, body_text

    shouting = " ".join(["THE HOUSE DIVIDED ON THE AMENDMENT"] * 6)
    assert "UK-EMPH-003" in codes(fault(DOC, append_paragraph(body_text(shouting)))())


# --- whole files ------------------------------------------------------------------------


def tiny_png() -> io.BytesIO:
    """An 8 x 8 red PNG, written by hand so the tests need no imaging library."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + b"\xc8\x1e\x1e" * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return io.BytesIO(png)


def test_naive_python_docx_document_fails() -> None:
    naive = docx.Document()
    naive.add_heading("Energy Bill", level=0)
    naive.add_paragraph("The House debated the Bill.")
    naive.add_picture(tiny_png())
    table = naive.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 0).text = "Lobby", "Ayes"
    out = io.BytesIO()
    naive.save(out)
    found = {d.code: d.severity for d in check(out.getvalue(), "naive.docx")}
    errors = {code for code, severity in found.items() if severity == Severity.ERROR}
    assert errors == {"MS-ALT-001", "MS-TBL-001", "DOC-TITLE-001"}
    for tip in ("HDG-TITLE-001", "META-001", "PAGE-A4-001", "UK-FONT-002", "HF-PAGE-001", "BDA-SPACE-001"):
        assert found[tip] == Severity.TIP
    assert found["UK-FONT-001"] == found["DOC-LANG-002"] == Severity.WARNING


def test_encrypted_package_is_reported_not_raised() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    found = check(data, "locked.docx")
    assert [(d.code, d.severity) for d in found] == [("MS-PROT-001", Severity.ERROR)]
    assert [d.code for d in check_any(data, "locked.docx")] == ["MS-PROT-001"]


def test_corrupt_zip_raises_input_error_naming_the_file() -> None:
    with pytest.raises(InputError) as caught:
        check(b"PK\x03\x04 this is not really a zip", "broken.docx")
    assert caught.value.source == "broken.docx"


def test_package_without_main_document_raises_input_error() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(InputError, match="document.xml"):
        check(out.getvalue(), "empty.docx")


def test_malformed_part_raises_input_error_with_its_name() -> None:
    source = zipfile.ZipFile(io.BytesIO(good_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, b"<w:document><w:body>" if name == DOC else source.read(name))
    with pytest.raises(InputError) as caught:
        check(out.getvalue(), "bad.docx")
    assert caught.value.location.startswith(DOC)


def test_strict_open_xml_is_refused_with_a_clear_message() -> None:
    source = zipfile.ZipFile(io.BytesIO(good_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            raw = source.read(name)
            if name == DOC:
                raw = raw.replace(NS["w"].encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            target.writestr(name, raw)
    with pytest.raises(InputError, match="Strict"):
        check(out.getvalue(), "strict.docx")


def test_external_entities_are_not_resolved(tmp_path: object) -> None:
    secret = "TOP-SECRET-CONTENT"
    path = f"{tmp_path}/secret.txt"
    with open(path, "w") as handle:
        handle.write(secret)
    source = zipfile.ZipFile(io.BytesIO(good_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            raw = source.read(name)
            if name == CORE:
                raw = raw.replace(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>", b"")
                raw = f'<!DOCTYPE x [<!ENTITY s SYSTEM "file://{path}">]>'.encode() + raw
                raw = raw.replace(
                    b"<dc:title>Energy Bill: second reading</dc:title>", b"<dc:title>&s;</dc:title>"
                )
            target.writestr(name, raw)
    found = check(out.getvalue(), "xxe.docx")
    assert all(secret not in d.message for d in found)
    assert "DOC-TITLE-001" in {d.code for d in found}


def test_a_large_document_gets_the_same_findings() -> None:
    # How long it takes is measured by benchmarks/bench_check_docx.py, not asserted here.
    big = write(energy_bill(3000), WriteOptions(), Reporter())
    assert {d.code for d in check(big, "big.docx")} == BASELINE


def test_messages_quote_long_text_briefly() -> None:
    from docx_faults import append_paragraph, body_text

    long_url = "https://example.org/" + "a" * 5000
    found = [
        d for d in check(fault(DOC, append_paragraph(body_text(long_url)))(), "x") if d.code == "LNK-BARE-001"
    ]
    assert len(found) == 1 and len(found[0].message) < 150 and "…" in found[0].message


@pytest.mark.parametrize(
    ("texts", "fires"),
    [
        (("1. First amendment", "2. Second amendment"), True),
        (("a) the first case", "b) the second case"), True),
        (("1. What progress her Department has made on trade.", "The Minister replied."), False),
        (("(1) The Courts and Legal Services Act 1990 is amended.", "(2) In section 1, omit."), False),
        (("3. Question three", "7. Question seven"), False),
    ],
)
def test_typed_numbers_are_a_manual_list_only_in_sequence(texts: tuple[str, str], fires: bool) -> None:
    from docx_faults import append_paragraph, body_text

    def add(root: etree._Element) -> None:
        for text in texts:
            append_paragraph(body_text(text))(root)

    assert ("LIST-MANUAL-001" in codes(fault(DOC, add)())) is fires


# --- house styles and page colours ---------------------------------------------------------


def _house_docx(**colours: str) -> bytes:
    """A briefing in a style that never went through the style validation."""
    import dataclasses

    from exporter.styles.model import Colours, Style

    style = Style(colours=dataclasses.replace(Colours(), **colours))
    return write(energy_bill(), WriteOptions(style=style), Reporter())


@pytest.mark.parametrize(
    "colours",
    [
        {"text": "#AAAAAA"},
        {"link": "#8AB4F8"},
        {"heading": "#C0C0C0"},
        {"table_header": "#DDDDDD"},
        {"background": "#0B0C0C"},  # a dark page under dark text
    ],
)
def test_a_house_style_with_low_contrast_fails_the_contrast_rule(colours: dict[str, str]) -> None:
    assert "MS-CON-001" in codes(_house_docx(**colours))


def test_contrast_is_judged_against_the_page_colour_word_shows() -> None:
    from exporter.styles import load_style

    dyslexia = write(energy_bill(), WriteOptions(style=load_style("dyslexia")), Reporter())
    assert codes(dyslexia) - BASELINE == set()

    def dark_page(root: etree._Element) -> None:
        root.find("w:background", NS).set(q("w:color"), "333333")

    dark = edit_parts(dyslexia, {DOC: dark_page})
    assert codes(dark) - BASELINE == {"MS-CON-001"}

    def hidden(root: etree._Element) -> None:
        root.remove(root.find("w:displayBackgroundShape", NS))

    # without w:displayBackgroundShape Word shows a white page: the text reads, the colour is lost
    assert codes(edit_parts(dark, {"word/settings.xml": hidden})) - BASELINE == {"PAGE-COLOUR-001"}
