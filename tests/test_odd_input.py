"""Bad or odd input (../shared/cases/README.md, "Bad or odd input"): every case converts or is
refused as the cases README says, through the command line, judged by our checker, veraPDF
(when present), python-docx and pikepdf."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import pikepdf
import pytest
from click.testing import CliRunner, Result

from conftest import DATA, SEED_RECORD
from exporter import checks
from exporter.cli import main
from exporter.diagnostics import Severity
from pdf_reading import verapdf_many

CASES = DATA / "odd-input"


def convert(runner: CliRunner, source: Path, out: Path, *options: str) -> Result:
    return runner.invoke(
        main, ["convert", str(source), "-o", str(out), "-f", "docx,pdf,json", "-v", *options]
    )


def errors_in(path: Path) -> list[str]:
    return [str(d) for d in checks.check(path.read_bytes(), path.name) if d.severity is Severity.ERROR]


def assert_clean_briefings(out: Path, stem: str) -> dict:
    for suffix in (".docx", ".pdf"):
        assert errors_in(out / f"{stem}{suffix}") == []
    record: dict = json.loads((out / f"{stem}.json").read_text("utf-8"))
    return record


def all_text(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


# --- characters XML cannot hold ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "place", "gone"),
    [
        ("record-control-character.json", "sections[0].items[0].paragraphs[0].runs[0].text", "\x07"),
        ("hansard-api-control-characters.json", "sections[0].items[1].paragraphs[0].runs[0].text", "\x1b"),
        ("text-ansi-escape.txt", "line 27", "[0m"),
    ],
)
def test_control_characters_are_removed_once_with_one_warning(
    runner: CliRunner, tmp_path: Path, name: str, place: str, gone: str
) -> None:
    result = convert(runner, CASES / name, tmp_path)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "TEXT-CLEANED" in line]
    assert len(warnings) == 1, result.stderr
    assert f": {place}: " in warnings[0]
    record = assert_clean_briefings(tmp_path, Path(name).stem)
    text = all_text(record)
    assert gone not in text and "\x07" not in text and "\x1b" not in text and "\x01" not in text


def test_a_whole_terminal_escape_sequence_goes_and_the_words_stay(runner: CliRunner, tmp_path: Path) -> None:
    result = convert(runner, CASES / "text-ansi-escape.txt", tmp_path)
    assert "1 terminal escape sequence and 1 control character" in result.stderr
    text = all_text(json.loads((tmp_path / "text-ansi-escape.json").read_text("utf-8")))
    assert "catch perpetrators. We cannot be hesitant" in text
    assert "[0m" not in text


def test_a_word_processor_line_break_leaves_a_space_between_words(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "vt.json"
    source.write_text(
        '{"title":"T","sections":[{"title":"T","items":[{"type":"speech","label":"A",'
        '"paragraphs":["first line\\u000bsecond line\\u000c and a bell\\u0007!"]}]}]}'
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "out" / "vt.json").read_text("utf-8"))
    assert record["sections"][0]["items"][0]["paragraphs"][0] == "first line second line and a bell!"
    assert "removed 3 control characters" in result.stderr


def test_a_lone_surrogate_becomes_the_replacement_character_with_a_warning(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = convert(runner, CASES / "record-lone-surrogate.json", tmp_path)
    assert result.exit_code == 0, result.output
    assert "record-lone-surrogate.json: title: warning: TEXT-CLEANED" in result.stderr
    assert "U+FFFD" in result.stderr
    record = assert_clean_briefings(tmp_path, "record-lone-surrogate")
    assert record["title"] == "x\ufffdy"
    assert docx.Document(str(tmp_path / "record-lone-surrogate.docx")).core_properties.title == "x\ufffdy"


# --- a title that reads as nothing ------------------------------------------------------------


def test_a_blank_title_gets_a_stated_fallback(runner: CliRunner, tmp_path: Path) -> None:
    """The shared case: a title of white space, and no house or date to name the sitting by:
    one warning, and the briefing's own words for it, never an empty H1 or document title."""
    result = convert(runner, CASES / "record-blank-title.json", tmp_path)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "title" in line.lower() and "warning" in line]
    assert len(warnings) == 1 and "RECORD_NO_TITLE" in warnings[0], result.stderr
    record = assert_clean_briefings(tmp_path, "record-blank-title")
    assert "title" not in record  # written back untitled, as it was
    word = docx.Document(str(tmp_path / "record-blank-title.docx"))
    assert word.core_properties.title == "Debate record"
    assert word.paragraphs[0].text == "Debate record"
    with pikepdf.open(tmp_path / "record-blank-title.pdf") as pdf:
        assert str(pdf.docinfo["/Title"]) == "Debate record"


@pytest.mark.parametrize("blank", ["\u200b", "\u3164 \ufeff", "\u00a0\u2060", "\t\u200d"])
def test_a_zero_width_title_is_titled_by_house_and_date(
    runner: CliRunner, tmp_path: Path, blank: str
) -> None:
    source = tmp_path / "zw.json"
    source.write_text(
        json.dumps(
            {
                "title": blank,
                "date": "2022-02-23",
                "house": "House of Commons",
                "sections": [
                    {"title": "\u200b", "items": [{"type": "speech", "label": "A", "paragraphs": ["Hi."]}]}
                ],
            }
        )
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"{source}: sections[0].title: warning: NAME-BLANK: the section's title shows nothing" in result.stderr
    warnings = [
        line
        for line in result.stderr.splitlines()
        if "title" in line.lower() and "warning" in line and "NAME-BLANK" not in line
    ]
    assert warnings == [
        f"{source}: title: warning: TITLE-FALLBACK: the record's title is blank (only spaces or "
        "characters that show nothing); the briefing is titled from its house and date"
    ]
    word = docx.Document(str(tmp_path / "out" / "zw.docx"))
    assert word.core_properties.title == "House of Commons, 23 February 2022"
    assert word.paragraphs[0].text == "House of Commons, 23 February 2022"
    assert "title" not in assert_clean_briefings(tmp_path / "out", "zw")


def test_the_composer_names_a_zero_width_title_given_through_the_library(tmp_path: Path) -> None:
    """A debate built by a program, never cleaned, with a zero-width title: the composer's one
    test for "no title" is cleaning's, so the H1 is the house and date, never a blank."""
    from exporter import document as d
    from exporter import model as m
    from exporter.compose import compose
    from exporter.diagnostics import Reporter
    from exporter.options import ComposeOptions

    speech = m.Speech(None, None, (m.Paragraph((m.Run("Diolch."),)),), label="A")
    debate = m.Debate(
        "\u200b\ufeff", (m.Section("T", (speech,)),), date=dt.date(2022, 2, 23), house="Senedd", language="cy"
    )
    document = compose(debate, ComposeOptions(), Reporter("api")).document
    heading = document.blocks[0]
    assert isinstance(heading, d.Heading) and heading.level == 1
    assert d.plain_text(heading.children) == document.title == "Senedd, 23 Chwefror 2022"


def test_the_fallback_date_is_in_the_interface_language(runner: CliRunner, tmp_path: Path) -> None:
    """The briefing names an untitled sitting in its interface's language: Welsh for a Welsh
    record (a complete catalog), English when --ui-language says so."""
    source = tmp_path / "cy.yaml"
    source.write_text(
        'title: "\\u200b"\nlanguage: cy\ndate: 2022-02-23\nhouse: Senedd\nsections:\n'
        "  - title: T\n    items: [{type: speech, label: A, paragraphs: [Diolch.]}]\n"
    )
    for ui, title in ((None, "Senedd, 23 Chwefror 2022"), ("en", "Senedd, 23 February 2022")):
        out = tmp_path / f"out-{ui}"
        result = convert(runner, source, out, *(("--ui-language", ui) if ui else ()))
        assert result.exit_code == 0, result.output
        assert result.stderr.count("TITLE-FALLBACK") == 1
        assert docx.Document(str(out / "cy.docx")).core_properties.title == title


# --- YAML 1.2 ------------------------------------------------------------------------------


def test_the_readme_example_loads_with_side_no(runner: CliRunner, tmp_path: Path) -> None:
    result = convert(runner, CASES / "record-readme-example-side-no.yaml", tmp_path)
    assert result.exit_code == 0, result.output
    record = assert_clean_briefings(tmp_path, "record-readme-example-side-no")
    division = record["sections"][0]["items"][2]
    assert division["counts"] == [{"side": "aye", "value": 319}, {"side": "no", "value": 127}]
    assert record["sections"][0]["items"][0]["time"] == "09:30"


def test_yaml_scalars_stay_the_strings_the_schema_types(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "norway.yaml"
    source.write_text(
        "title: on\nlanguage: no\ndate: 2022-02-23\nhouse: yes\nsections:\n  - title: off\n    items:\n"
        "      - type: speech\n        label: N\n        time: 14:30\n        column: 0012\n"
        "        number: 1e3\n        paragraphs: [yes]\n"
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 1  # number and column are numbers in YAML 1.2, and said so
    assert "sections[0].items[0].column (line 11): expected string or null, got integer" in result.stderr
    source.write_text(
        source.read_text().replace("column: 0012", "column: '0012'").replace("number: 1e3", "number: '1'")
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "out" / "norway.json").read_text("utf-8"))
    assert (record["title"], record["language"], record["house"]) == ("on", "no", "yes")
    assert record["sections"][0]["title"] == "off"
    speech = record["sections"][0]["items"][0]
    assert (speech["time"], speech["paragraphs"]) == ("14:30", ["yes"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: T\ntitle: U\nsections: []\n",
            'line 2 column 1: not valid YAML: found duplicate key "title"',
        ),
        ("title: T\nsections: [\n", "not valid YAML"),
        (
            "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\ntitle: T\nsections: [*e]\n",
            "alias amplification",
        ),
        ("title: T\nsections: &s [*s]\n", "refers to the node that holds it"),
    ],
    ids=["duplicate-key", "truncated", "billion-laughs", "cycle"],
)
def test_hostile_yaml_is_one_located_line(
    runner: CliRunner, tmp_path: Path, text: str, expected: str
) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text(text)
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


# --- errors that point at the right place ---------------------------------------------------

SPEECH = '{"type":"speech","label":"A","paragraphs":["x"]}'


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            '{"title":"T","sections":[{"title":"T","items":[{"type":"speech","label":"A","paragraps":["x"]}]}]}',
            'sections[0].items[0]: unknown key "paragraps" (did you mean "paragraphs"?)',
        ),
        (
            '{"title":"T","sectons":[]}',
            '(record): unknown key "sectons" (did you mean "sections"?)',
        ),
        (
            '{"title":"T","date":"2022-02-30","sections":[{"title":"T","items":[' + SPEECH + "]}]}",
            'date: "2022-02-30" is not a real date (February 2022 has 28 days)',
        ),
        (
            '{"title":"T","date":"23/02/2022","sections":[{"title":"T","items":[' + SPEECH + "]}]}",
            'date: "23/02/2022" is not a date as YYYY-MM-DD (ISO 8601), such as 2022-02-23 (did you mean "2022-02-23"?)',
        ),
        (
            '{"title":"T","date":"23 February 2022","sections":[{"title":"T","items":[' + SPEECH + "]}]}",
            '(did you mean "2022-02-23"?)',
        ),
        (
            '{"title":"T","language":"english","sections":[{"title":"T","items":[' + SPEECH + "]}]}",
            'language: "english" is not a BCP 47 language tag',
        ),
        (
            '{"title":"T","language":"en_GB","sections":[{"title":"T","items":[' + SPEECH + "]}]}",
            'language: "en_GB" is not a BCP 47 language tag (did you mean "en-GB"?)',
        ),
        (
            '{"title":"T","sections":[{"title":"T","items":[{"type":"speech","label":"A","lang":"zz",'
            '"paragraphs":["x"]}]}]}',
            'sections[0].items[0].lang: "zz" is not a BCP 47 language tag',
        ),
        (
            '{"title":"T","sections":[{"title":"T","items":[{"type":"spech","label":"A","paragraphs":["x"]}]}]}',
            'sections[0].items[0].type: unknown item type "spech" (did you mean "speech"?)',
        ),
        (
            '{"title":"T","sections":[{"title":"T","items":[{"type":"speech","label":"A","time":"9.30",'
            '"paragraphs":["x"]}]}]}',
            'sections[0].items[0].time: "9.30" is not a time as HH:MM or HH:MM:SS',
        ),
        (
            '{"title":"T","sections":[{"title":"T","items":[{"type":"speech","label":"A",'
            '"paragraphs":[{"runs":[{"text":"x","emphasys":true}]}]}]}]}',
            'sections[0].items[0].paragraphs[0].runs[0]: unknown key "emphasys" (did you mean "emphasis"?)',
        ),
    ],
    ids=[
        "misspelt-item-key",
        "misspelt-top-key",
        "impossible-date",
        "day-month-year",
        "written-date",
        "language-name",
        "underscore-tag",
        "unregistered-tag",
        "item-type",
        "time-form",
        "misspelt-run-key",
    ],
)
def test_record_errors_point_at_the_place_and_the_form(
    runner: CliRunner, tmp_path: Path, record: str, expected: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(record)
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr  # no echo of the same fault from another branch
    assert lines[0].startswith(f"error: {source}: ") and expected in lines[0], lines[0]


def test_sections_nested_too_deep_are_refused_with_a_place(runner: CliRunner, tmp_path: Path) -> None:
    item: dict = json.loads(SPEECH)
    for level in range(60):
        item = {"type": "section", "title": f"S{level}", "items": [item]}
    source = tmp_path / "deep.json"
    source.write_text(json.dumps({"title": "T", "sections": [{"title": "T", "items": [item]}]}))
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 1
    assert "error: " in result.stderr and "sections[0]: lists and objects nest deeper than" in result.stderr
    assert "internal error" not in result.stderr


# --- check on broken files ------------------------------------------------------------------


def test_check_names_the_file_and_what_is_wrong(runner: CliRunner, tmp_path: Path) -> None:
    assert convert(runner, SEED_RECORD, tmp_path, "-f", "docx,pdf").exit_code == 0
    pdf = (tmp_path / f"{SEED_RECORD.stem}.pdf").read_bytes()
    word = (tmp_path / f"{SEED_RECORD.stem}.docx").read_bytes()
    broken = {
        "cut.pdf": pdf[: len(pdf) // 2],
        "cut.docx": word[: len(word) // 2],
        "empty.pdf": b"",
        "record.docx": b'{"title": "T"}',
        "garbled.pdf": pdf[:2000] + bytes(range(256)) * 40 + pdf[12240:],
    }
    expected = {
        "cut.pdf": "the PDF is cut short",
        "cut.docx": "the zip archive is damaged or cut short",
        "empty.pdf": "the file is empty",
        "record.docx": "not a .docx, PDF or HTML file (it looks like JSON)",
        "garbled.pdf": "the PDF is damaged; it can be read only by repairing it",
    }
    for name, data in broken.items():
        (tmp_path / name).write_bytes(data)
        result = runner.invoke(main, ["check", str(tmp_path / name)])
        assert result.exit_code == 1, name
        lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(lines) == 1 and str(tmp_path / name) in lines[0], result.stderr
        assert expected[name] in lines[0], lines[0]
        assert " at 0x" not in lines[0] and "Traceback" not in result.output


# --- bare web addresses ------------------------------------------------------------------------


def test_a_bare_web_address_becomes_a_link_whose_text_is_the_address(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = convert(runner, CASES / "record-bare-url.yaml", tmp_path)
    assert result.exit_code == 0, result.output
    address = "https://www.gov.uk/guidance/example"
    found = checks.check((tmp_path / "record-bare-url.docx").read_bytes(), "x.docx")
    assert "LNK-BARE-001" not in {d.code for d in found}
    word = docx.Document(str(tmp_path / "record-bare-url.docx"))
    links = [p for p in word.paragraphs if p.hyperlinks]
    texts = {(link.text, link.address) for p in links for link in p.hyperlinks}
    assert (address, address) in texts
    spoken = next(p for p in word.paragraphs if "I commend it" in p.text)
    assert spoken.text == f"The guidance is at {address} and I commend it."
    with pikepdf.open(tmp_path / "record-bare-url.pdf") as pdf:
        uris = {
            str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a and "/URI" in a.A
        }
    assert address in uris
    record = json.loads((tmp_path / "record-bare-url.json").read_text("utf-8"))
    assert record["sections"][0]["items"][0]["paragraphs"] == [
        f"The guidance is at {address} and I commend it."
    ]


def test_a_www_address_links_and_trailing_punctuation_stays_text(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "www.yaml"
    source.write_text(
        "title: T\nsections:\n  - title: T\n    items:\n      - type: speech\n        label: A\n"
        "        paragraphs: ['See www.gov.uk/petitions, or (www.example.org).']\n"
    )
    assert convert(runner, source, tmp_path / "out", "-f", "docx").exit_code == 0
    word = docx.Document(str(tmp_path / "out" / "www.docx"))
    links = {(link.text, link.address) for p in word.paragraphs for link in p.hyperlinks}
    assert ("www.gov.uk/petitions", "http://www.gov.uk/petitions") in links
    assert ("www.example.org", "http://www.example.org") in links


def test_a_bare_address_link_is_described_in_the_interface_language(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The link's description is the tool's words: "Web address: …" in English, "Cyfeiriad
    gwe: …" in a Welsh briefing (the catalogs)."""
    address = "https://www.gov.uk/guidance/example"
    source = tmp_path / "cy.yaml"
    source.write_text((CASES / "record-bare-url.yaml").read_text("utf-8") + "language: cy\n", "utf-8")
    for ui, words in ((None, "Cyfeiriad gwe"), ("en", "Web address")):
        out = tmp_path / f"out-{ui}"
        result = convert(runner, source, out, "-f", "pdf", *(("--ui-language", ui) if ui else ()))
        assert result.exit_code == 0, result.output
        with pikepdf.open(out / "cy.pdf") as pdf:
            contents = {
                str(a.Contents)
                for page in pdf.pages
                for a in page.get("/Annots", [])
                if "/A" in a and str(a.A.get("/URI", "")) == address
            }
        assert contents == {f"{words}: {address}"}


# --- every PDF written here passes veraPDF ---------------------------------------------------


def test_every_case_briefing_passes_verapdf(runner: CliRunner, tmp_path: Path) -> None:
    for case in sorted(CASES.iterdir()):
        assert convert(runner, case, tmp_path, "-f", "pdf").exit_code == 0, case.name
    pdfs = sorted(tmp_path.glob("*.pdf"))
    verdicts = verapdf_many(pdfs)
    if verdicts is None:
        pytest.skip("veraPDF is not installed (set VERAPDF)")
    assert len(verdicts) == len(pdfs)
    failing = {Path(k).name: v["failed_rules"] for k, v in verdicts.items() if not v["compliant"]}
    assert failing == {}


# --- failures Hypothesis found, kept as regression tests -------------------------------------


def test_a_record_with_nothing_to_title_it_by_still_gets_a_real_title(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "bare.json"
    source.write_text(
        '{"title": "\\u200b", "speakers": [], "source": {"citation": "\\ufffe"}, "sections": '
        '[{"title": "", "items": [{"type": "procedural", "paragraphs": ["The House met."]}]}]}'
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert_clean_briefings(tmp_path / "out", "bare")
    title = docx.Document(str(tmp_path / "out" / "bare.docx")).core_properties.title
    assert title == "Debate record"


@pytest.mark.parametrize("kind", ["true", "12", "null", '["speech"]'])
def test_an_item_type_that_is_not_a_string_is_a_located_error(
    runner: CliRunner, tmp_path: Path, kind: str
) -> None:
    source = tmp_path / "typed.json"
    source.write_text(
        '{"title": "T", "sections": [{"title": "y", "items": [{"type": '
        + kind
        + ', "label": "A", "paragraphs": ["Hi."]}]}]}'
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert lines and all("sections[0].items[0]" in line for line in lines), result.stderr
    assert "internal error" not in result.stderr


def test_speaker_ids_made_of_control_characters_stay_distinct(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "ids.json"
    source.write_text(
        '{"title": "T", "speakers": [{"id": "\\u0008", "name": "A"}, {"id": "\\u0007", "name": "\\u0007"}],'
        '"sections": [{"title": "S", "items": [{"type": "speech", "speaker": "\\u0007", "paragraphs": ["Hi."]}]}]}'
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    record = assert_clean_briefings(tmp_path / "out", "ids")
    assert [s["id"] for s in record["speakers"]] == ["U+0008", "U+0007"]
    assert record["speakers"][1]["name"] == "\ufffd"
    assert record["sections"][0]["items"][0]["speaker"] == "U+0007"


def test_a_reader_language_tag_that_is_not_bcp47_is_fixed_or_dropped(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "tei.xml"
    source.write_text(
        (DATA / "parlamint" / "sk_ParlaMint-SK_2019-12-04-t7m54.xml")
        .read_text("utf-8")
        .replace('xml:lang="sk"', 'xml:lang="sk_SK"', 1),
        "utf-8",
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "LANGUAGE-TAG" in result.stderr and '"sk_SK"' in result.stderr
    assert json.loads((tmp_path / "out" / "tei.json").read_text("utf-8"))["language"] == "sk-SK"


def test_a_link_in_a_repeated_table_header_is_annotated_once(runner: CliRunner, tmp_path: Path) -> None:
    # Found by the long profile: the header row repeated on each page drew its link again as
    # an annotation outside the structure tree (PDF/UA 7.18.5).
    rows = [["See https://www.gov.uk/guidance/example", "Effect"]]
    rows += [[f"Clause {n}", "Commencement and extent of this part. " * 6] for n in range(1, 120)]
    source = tmp_path / "table.json"
    source.write_text(
        json.dumps(
            {
                "title": "T",
                "sections": [
                    {
                        "title": "S",
                        "items": [
                            {
                                "type": "speech",
                                "label": "A",
                                "paragraphs": [{"table": {"rows": rows, "header_rows": 1}}],
                            }
                        ],
                    }
                ],
            }
        )
    )
    assert convert(runner, source, tmp_path / "out", "-f", "pdf").exit_code == 0
    pdf = tmp_path / "out" / "table.pdf"
    assert errors_in(pdf) == []
    with pikepdf.open(pdf) as opened:
        assert len(opened.pages) > 2
        pages = {
            number
            for number, page in enumerate(opened.pages)
            for a in page.get("/Annots", [])
            if "/A" in a and "/URI" in a.A
        }
    assert len(pages) == 1  # where the header first appears, not on every page it repeats
    verdicts = verapdf_many([pdf])
    if verdicts is not None:
        assert all(v["compliant"] for v in verdicts.values())


def test_a_value_holding_a_line_separator_stays_on_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    # Found by the long profile: "format": "\u001e" printed a record separator, which splits lines.
    source = tmp_path / "sep.json"
    source.write_text('{"format": "\\u001e", "title": "T", "sections": []}')
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 1
    error, summary = result.stderr.splitlines()  # the error, and the batch's summary line
    assert error == f'error: {source}: format: expected "debate-exporter/1", got "\\u001e"'
    assert summary.startswith("0 converted, 1 failed in ")


def test_a_placeholder_title_gets_the_stated_fallback(runner: CliRunner, tmp_path: Path) -> None:
    # Found by the long profile: a ParlaMint sitting with no title or id was "Untitled sitting",
    # a placeholder to Word's checker (DOC-TITLE-001). Readers no longer make one; a record
    # that carries one still gets the fallback.
    source = tmp_path / "placeholder.json"
    source.write_text(
        '{"title": "Untitled sitting", "house": "National Council", "date": "2019-12-04", "language": "en-GB",'
        '"sections": [{"title": "S", "items": [{"type": "speech", "label": "A", "paragraphs": ["Hello."]}]}]}'
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert 'the record\'s title "Untitled sitting" is a placeholder, not a title' in result.stderr
    assert result.stderr.count("TITLE-FALLBACK") == 1
    record = assert_clean_briefings(tmp_path / "out", "placeholder")
    assert "title" not in record  # a placeholder is no title: written back untitled
    word = docx.Document(str(tmp_path / "out" / "placeholder.docx"))
    assert word.core_properties.title == "National Council, 4 December 2019"


@pytest.mark.parametrize("invisible", ["\\ufeff", "\\u200b\\u200d", "\\u20dd", " "])
def test_a_section_title_that_reads_as_nothing_is_no_heading(
    runner: CliRunner, tmp_path: Path, invisible: str
) -> None:
    # Found by the long profile: a heading of only U+FEFF drew nothing, the PDF lost its H3 and
    # the H4 under it skipped a level (PDF/UA 7.4).
    source = tmp_path / "invisible.json"
    source.write_text(
        '{"title": "T", "sections": [{"title": "Top", "items": [{"type": "section", "title": "'
        + invisible
        + '",'
        '"items": [{"type": "section", "title": "Inner", "items": [{"type": "speech", "label": "A",'
        '"paragraphs": ["Hello there everyone."]}]}]}]}]}'
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    record = assert_clean_briefings(tmp_path / "out", "invisible")
    assert record["sections"][0]["items"][0].get("title", "") == ""
    headings = [
        p.text
        for p in docx.Document(str(tmp_path / "out" / "invisible.docx")).paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert "Inner" in headings and not [h for h in headings if not h.strip("\ufeff\u200b\u200d\u20dd ")]


def test_a_web_address_that_is_not_one_is_left_out_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    # Found by the long profile: a ParlParse url="<eyP" went into the model and -f json wrote a
    # record our own schema refuses.
    text = (DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml").read_bytes()
    source = tmp_path / "urls.xml"
    source.write_bytes(
        text.replace(b'url="http://www.publications', b'url="&lt;eyP http://www.publications', 1)
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "ADDRESS-DROPPED: " in result.stderr and "web address(es) left out" in result.stderr
    assert_clean_briefings(tmp_path / "out", "urls")


@pytest.mark.parametrize("cell", ['"\\u000b"', '["\\u0007", {"text": "\\u001b"}]', '{"paragraphs": [""]}'])
def test_a_table_cell_left_with_no_text_is_an_empty_cell_and_reads_back_so(
    runner: CliRunner, tmp_path: Path, cell: str
) -> None:
    # Found by the property tests (tables with spans): a cell of one vertical tab was cleaned to a
    # paragraph of no text, which -f json wrote as "" and read back as an empty cell: the model's
    # "no paragraphs when empty" now holds after cleaning and for paragraphs of no text.
    from exporter.diagnostics import Reporter
    from exporter.pipeline import Job, read_debate

    source = tmp_path / "cell.json"
    source.write_text(
        '{"title": "T", "sections": [{"title": "S", "items": [{"type": "speech", "label": "A", '
        f'"paragraphs": ["Figures.", {{"table": {{"header_rows": 1, "rows": [["Area", "Count"], ["North", {cell}]]}}}}]'
        "}]}]}",
        "utf-8",
    )
    result = convert(runner, source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    record = assert_clean_briefings(tmp_path / "out", "cell")
    table = record["sections"][0]["items"][0]["paragraphs"][1]["table"]
    assert table["rows"][1] == ["North", ""]
    original, _ = read_debate(source, Job(), Reporter("in"))
    again, _ = read_debate(tmp_path / "out" / "cell.json", Job(), Reporter("out"))
    assert again.sections[0].items[0].paragraphs == original.sections[0].items[0].paragraphs
