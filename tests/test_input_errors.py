"""Input a newcomer tried that was refused badly or let through silently: records in UTF-16
and UTF-32, JSON that holds no record, missing style files, several problems in one record
or style file, `check` on files it cannot read, table spans past their table, and names that
read as nothing. Each through the command line or the library API."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from conftest import DATA, SEED_RECORD, SEED_TEXT
from exporter import checks
from exporter.cli import main
from exporter.diagnostics import Severity
from exporter.invisible import reads_as_nothing


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def record(**changes: object) -> dict:
    base: dict = {
        "format": "debate-exporter/1",
        "title": "Test debate",
        "date": "2022-02-23",
        "house": "House of Commons",
        "speakers": [{"id": "kim", "name": "Kim Leadbeater"}],
        "sections": [
            {
                "title": "Topic",
                "items": [{"type": "speech", "speaker": "kim", "paragraphs": ["I thank the Minister."]}],
            }
        ],
    }
    base.update(changes)
    return base


# --- records in UTF-16 and UTF-32 -----------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_record_with_a_byte_order_mark_reads_as_its_encoding(
    runner: CliRunner, tmp_path: Path, encoding: str, suffix: str
) -> None:
    """RFC 8259 section 8.1 and YAML 1.2 section 5.2: the byte order mark tells the encoding."""
    text = SEED_RECORD.read_text("utf-8") if suffix == ".yaml" else json.dumps(record(), ensure_ascii=False)
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-le": "\ufeff", "utf-32-be": "\ufeff"}
    source = tmp_path / f"wide{suffix}"
    source.write_bytes((bom.get(encoding, "") + text).encode(encoding))
    assert source.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff", b"\x00\x00")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "out" / "wide.json").read_text("utf-8"))
    utf8 = tmp_path / f"plain{suffix}"
    utf8.write_text(text, "utf-8")
    assert runner.invoke(main, ["convert", str(utf8), "-o", str(tmp_path / "out"), "-f", "json"]).exit_code == 0
    assert written == json.loads((tmp_path / "out" / "plain.json").read_text("utf-8"))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_wide_record_without_a_byte_order_mark_is_refused_saying_so(
    runner: CliRunner, tmp_path: Path, encoding: str
) -> None:
    source = tmp_path / "wide.json"
    source.write_bytes(json.dumps(record()).encode(encoding))
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 1
    assert errors(result.stderr) == [
        f"error: {source}: not UTF-8 text: it looks like UTF-16 or UTF-32 without a byte order mark; "
        "save it as UTF-8, or as UTF-16 with a byte order mark"
    ]
    assert not (tmp_path / "out" / "wide.json").exists()


# --- JSON that holds no record --------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "what"),
    [
        ("null", "the JSON is null"),
        ("  3\n", "the JSON is a number (3)"),
        ('"a debate"', "the JSON is a string"),
        ("[1, 2]", "the JSON is a list"),
        ('["a", "b"]', "the JSON is a list"),
        ("[]", "the JSON is an empty list"),
        ("{}", "the JSON is an empty object"),
        ("true", "the JSON is true"),
    ],
)
def test_json_that_holds_no_record_is_a_record_error(
    runner: CliRunner, tmp_path: Path, content: str, what: str
) -> None:
    source = tmp_path / "x.json"
    source.write_text(content)
    for options in ([], ["--from", "native"]):
        result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), *options])
        assert result.exit_code == 1
        assert errors(result.stderr) == [
            f"error: {source}: {what}, not a debate record (an object with its sections)"
        ], result.stderr


@pytest.mark.parametrize("content", ["", "  \n\t\n", "\ufeff"])
def test_an_empty_record_says_it_is_empty(runner: CliRunner, tmp_path: Path, content: str) -> None:
    source = tmp_path / "x.json"
    source.write_text(content, "utf-8")
    for options in ([], ["--from", "native"]):
        result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), *options])
        assert result.exit_code == 1
        assert errors(result.stderr) == [f"error: {source}: the file is empty"], result.stderr


def test_text_that_starts_like_json_is_still_text(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "x.txt"
    source.write_text("3 February 2022\n\nnull and void, said nobody.\n")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no speaker lines found" in errors(result.stderr)[0]


def test_a_folder_walk_skips_json_that_holds_no_record(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "null.json").write_text("null")
    (folder / "debate.json").write_text(json.dumps(record()))
    result = runner.invoke(main, ["convert", str(folder), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "debate.json").exists() and not (tmp_path / "out" / "null.json").exists()


# --- style files that are not there ---------------------------------------------------------


@pytest.mark.parametrize("command", [["styles", "show", "{}"], ["convert", "SEED", "--style", "{}"]])
def test_a_missing_style_file_is_named_with_the_profiles(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "missing.toml"
    args = [str(missing) if a == "{}" else str(SEED_RECORD) if a == "SEED" else a for a in command]
    result = runner.invoke(main, [*args, "-o", str(tmp_path)] if command[0] == "convert" else args)
    assert result.exit_code == 2
    assert f"style file {missing} not found (no such file)" in result.output
    assert "the style profiles are dyslexia, high-contrast, large-print, standard" in result.output
    result = runner.invoke(main, ["styles", "show", "missing.toml"])
    assert "style file missing.toml not found" in result.output
    result = runner.invoke(main, ["styles", "show", "larg-print"])
    assert result.exit_code == 2
    assert 'no style profile "larg-print"; the style profiles are dyslexia' in result.output


# --- check on files it cannot read ----------------------------------------------------------


def _check_as_another_user(path: Path, *options: str) -> subprocess.CompletedProcess[str] | None:
    """``debate-export check PATH`` run by a user who may not read PATH: this one, or, for
    root (who may read anything), the unprivileged "nobody" through setpriv; None if neither."""
    command = [sys.executable, "-m", "exporter", "check", str(path), *options]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            return None
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=path.parent)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_check_on_a_file_it_may_not_read_is_one_line_and_a_json_entry() -> None:
    folder = Path(tempfile.mkdtemp())  # in the system's temporary folder: another user can reach it
    try:
        _check_unreadable(folder)
    finally:
        shutil.rmtree(folder)


def _check_unreadable(folder: Path) -> None:
    folder.chmod(0o755)
    unreadable = folder / "secret.docx"
    unreadable.write_bytes(b"PK\x03\x04")
    unreadable.chmod(0)
    result = _check_as_another_user(unreadable, "--json")
    if result is None:
        pytest.skip("running as root without setpriv: every file is readable")
    assert result.returncode == 1, result.stderr
    assert errors(result.stderr) == [f"error: {unreadable}: cannot read: Permission denied"]
    assert json.loads(result.stdout) == [
        {
            "file": str(unreadable),
            "counts": {"info": 0, "tip": 0, "warning": 0, "error": 0},
            "findings": [],
            "error": f"{unreadable}: cannot read: Permission denied",
        }
    ]


def test_check_json_lists_damaged_files_with_their_error(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "briefings"
    assert runner.invoke(main, ["convert", str(SEED_RECORD), "-o", str(out), "-f", "docx,pdf"]).exit_code == 0
    pdf = (out / f"{SEED_RECORD.stem}.pdf").read_bytes()
    word = (out / f"{SEED_RECORD.stem}.docx").read_bytes()
    (out / "cut.docx").write_bytes(word[: len(word) // 3])
    (out / "cut.pdf").write_bytes(pdf[: len(pdf) // 2] + b"\n%%EOF\n")
    for options in ([], ["--json"]):
        result = runner.invoke(main, ["check", str(out), *options])
        assert result.exit_code == 1
        lines = errors(result.stderr)
        assert sorted(line.split(": ")[1] for line in lines) == [str(out / "cut.docx"), str(out / "cut.pdf")]
        assert all(" at 0x" not in line and "BytesIO" not in line for line in lines), lines
    entries = {Path(entry["file"]).name: entry for entry in json.loads(result.stdout)}
    assert sorted(entries) == ["cut.docx", "cut.pdf", f"{SEED_RECORD.stem}.docx", f"{SEED_RECORD.stem}.pdf"]
    assert "error" not in entries[f"{SEED_RECORD.stem}.pdf"]
    assert entries["cut.pdf"]["findings"] == [] and "not a readable PDF" in entries["cut.pdf"]["error"]
    assert "the zip archive is damaged or cut short" in entries["cut.docx"]["error"]
    assert f"error: {entries['cut.docx']['error']}" in lines


# --- names, printed names and headings that read as nothing ---------------------------------

INVISIBLE = ["\u200b", "\ufeff\u2060", " \u00ad ", "\u3164", "\t\u200d\u00a0"]


def html_headings(path: Path) -> list[str]:
    page = lxml.html.fromstring(path.read_bytes())
    return [" ".join(h.text_content().split()) for h in page.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]


def assert_no_blank_headings(path: Path) -> list[str]:
    headings = html_headings(path)
    assert all(not reads_as_nothing(h) for h in headings), headings
    assert "Untitled section" not in headings
    return headings


@pytest.mark.parametrize("blank", INVISIBLE)
def test_a_blank_speaker_name_and_label_are_no_name_with_located_warnings(
    runner: CliRunner, tmp_path: Path, blank: str
) -> None:
    source = tmp_path / "blank.json"
    data = record(
        speakers=[
            {"id": "ghost", "name": blank, "party": "Labour"},
            {"id": "kim", "name": "Kim Leadbeater"},
        ],
        sections=[
            {
                "title": "Topic",
                "items": [
                    {"type": "speech", "speaker": "ghost", "paragraphs": ["The first speech is long enough."]},
                    {"type": "speech", "label": blank, "paragraphs": ["A speech whose label shows nothing."]},
                    {"type": "speech", "paragraphs": ["A speech with no speaker at all."]},
                    {"type": "speech", "speaker": "kim", "paragraphs": ["I thank the Minister."]},
                ],
            },
            {"title": blank, "items": [{"type": "speech", "speaker": "kim", "paragraphs": ["More."]}]},
        ],
    )
    source.write_text(json.dumps(data), "utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), "-f", "html,docx,pdf,json", "-v"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "NAME-BLANK" in line]
    places = sorted(line.split(": ")[1] for line in warnings)
    assert places == ["sections[0].items[1].label", "sections[1].title", "speakers[0].name"], warnings
    assert all(line.startswith(f"{source}: ") and "shows nothing (U+" in line for line in warnings)
    assert "TREE-HEADING-EMPTY" not in result.stderr
    assert "Topic" in assert_no_blank_headings(out / "blank.html")
    page = lxml.html.fromstring((out / "blank.html").read_bytes())
    speech_headings = [h.text_content() for h in page.xpath("//*[starts-with(@id, 'speech-')]")]
    assert speech_headings == [*["Unknown speaker"] * 3, "Kim Leadbeater", "Kim Leadbeater"]
    written = json.loads((out / "blank.json").read_text("utf-8"))
    assert [s["id"] for s in written["speakers"]] == ["kim"]
    first = written["sections"][0]["items"][0]
    assert "speaker" not in first and "label" not in first
    for suffix in (".docx", ".pdf", ".html"):
        found = checks.check((out / f"blank{suffix}").read_bytes(), f"blank{suffix}")
        assert [d for d in found if d.severity is Severity.ERROR] == [], suffix


def test_a_blank_speaker_name_in_yaml_reads_the_same(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "blank.yaml"
    text = SEED_RECORD.read_text("utf-8").replace("name: Kim Leadbeater", 'name: "\\u200B\\u00AD"', 1)
    assert text != SEED_RECORD.read_text("utf-8")
    source.write_text(text, "utf-8")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path), "-f", "html", "-v"])
    assert result.exit_code == 0, result.output
    assert "NAME-BLANK" in result.stderr and "Kim Leadbeater" not in html_headings(tmp_path / "blank.html")
    assert "Unknown speaker" in assert_no_blank_headings(tmp_path / "blank.html")


def _parlparse(tmp_path: Path) -> tuple[Path, list[str]]:
    text = (DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml").read_text("latin-1")
    # one member first printed blank, then by name; one printed name with no id, blank
    text = text.replace('speakername="Alistair Carmichael"', 'speakername="&#8203;&#173;"', 1)
    text = text.replace(
        'speakerid="uk.org.publicwhip/member/1779" speakername="Chris Bryant"', 'speakername="&#8288; "', 1
    )
    path = tmp_path / "parlparse.xml"
    path.write_text(text, "latin-1")
    return path, ["line 76", "line 80"]


def _hansard_api(tmp_path: Path) -> tuple[Path, list[str]]:
    data = json.loads((DATA / "hansard-api" / "commons_adjournment_oil_refining_2026-01-14.json").read_text("utf-8"))
    attributed = [item for item in _dicts(data) if item.get("AttributedTo")]
    attributed[0]["AttributedTo"], attributed[0]["MemberId"] = "\u200b\ufeff", None
    for item in attributed[1:]:
        if item.get("MemberId") is not None:
            item["AttributedTo"] = " \u00ad"
            member = item["MemberId"]
            break
    for item in attributed:  # every speech of that member
        if item.get("MemberId") == member:
            item["AttributedTo"] = " \u00ad"
    path = tmp_path / "hansard.json"
    path.write_text(json.dumps(data), "utf-8")
    return path, ["sections[0].items[", "speakers["]


def _dicts(node: object) -> list[dict]:
    found: list[dict] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found.extend(_dicts(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_dicts(value))
    return found


def _akoma_ntoso(tmp_path: Path) -> tuple[Path, list[str]]:
    text = (DATA / "akoma-ntoso" / "za_national_assembly_2012-09-20_trimmed.xml").read_text("utf-8")
    text = text.replace('showAs="Mr M S F DE FREITAS"', 'showAs="\u200b"', 1)
    text = text.replace(
        '<speech by="#the-speaker">\n            <from>The SPEAKER</from>',
        "<speech>\n            <from>\u2060\u00ad</from>",
        1,
    )
    assert text.count("\u200b") == 1 and text.count("\u2060") == 1
    path = tmp_path / "akn.xml"
    path.write_text(text, "utf-8")
    return path, ["sections[", "speakers["]


def _text(tmp_path: Path) -> tuple[Path, list[str]]:
    text = SEED_TEXT.read_text("utf-8")
    text = text.replace(
        "Kim Leadbeater Portrait Kim Leadbeater (Batley and Spen) (Lab)",
        "\u200b\u00ad Portrait \u200b\u00ad (Batley and Spen) (Lab)",
        1,
    )
    path = tmp_path / "web.txt"
    path.write_text(text, "utf-8")
    return path, ["speakers["]


@pytest.mark.parametrize("make", [_parlparse, _hansard_api, _akoma_ntoso, _text], ids=lambda f: f.__name__[1:])
def test_every_reader_gives_a_blank_name_the_no_speaker_heading(
    runner: CliRunner, tmp_path: Path, make: object
) -> None:
    source, places = make(tmp_path)  # type: ignore[operator]
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "html,docx", "-v"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "NAME-BLANK" in line]
    assert len(warnings) == len(places), result.stderr
    for place in places:
        assert any(line.startswith(f"{source}: {place}") for line in warnings), (place, warnings)
    assert "TREE-HEADING-EMPTY" not in result.stderr
    headings = assert_no_blank_headings(tmp_path / "out" / f"{source.stem}.html")
    assert "Unknown speaker" in headings or source.suffix == ".xml" and "Alistair Carmichael" in " ".join(headings)
    found = checks.check((tmp_path / "out" / f"{source.stem}.docx").read_bytes(), "x.docx")
    assert "HDG-EMPTY-001" not in {d.code for d in found}


def test_a_parlparse_member_printed_blank_once_keeps_the_name_printed_later(
    runner: CliRunner, tmp_path: Path
) -> None:
    source, _ = _parlparse(tmp_path)
    assert runner.invoke(main, ["convert", str(source), "-o", str(tmp_path), "-f", "json"]).exit_code == 0
    written = json.loads((tmp_path / "parlparse.json").read_text("utf-8"))
    names = {s["id"]: s["name"] for s in written["speakers"]}
    assert names["uk.org.publicwhip/member/2006"] == "Alistair Carmichael"
    speeches = [i for s in written["sections"] for i in s["items"] if i.get("type") == "speech"]
    assert not any(reads_as_nothing(s.get("label", "x")) for s in speeches)


def test_a_blank_name_in_a_speaker_directory_is_no_name(runner: CliRunner, tmp_path: Path) -> None:
    """ParlaMint through --people: a listPerson name of U+200B and a soft hyphen names no one,
    so the name is spelt from the id, as for a person the list leaves unnamed."""
    people = tmp_path / "people"
    shutil.copytree(DATA / "people" / "parlamint-gb", people)
    listing = people / "ParlaMint-GB-listPerson.xml"
    text = listing.read_text("utf-8")
    blanked = text.replace(
        "<forename>Lindsay</forename>\n         <surname>Hoyle</surname>",
        "<forename>\u200b</forename>\n         <surname>\u00ad</surname>",
        1,
    )
    assert blanked != text
    listing.write_text(blanked, "utf-8")
    source = DATA / "parlamint" / "gb_ParlaMint-GB_2022-07-21-commons_trimmed.xml"
    result = runner.invoke(
        main, ["convert", str(source), "--people", str(listing), "-o", str(tmp_path), "-f", "html", "-v"]
    )
    assert result.exit_code == 0, result.output
    assert "LindsayHoyle as 'Lindsay Hoyle'" in result.stderr
    headings = assert_no_blank_headings(tmp_path / f"{source.stem}.html")
    assert "Lindsay Hoyle, Chair" in headings


# --- the tree's validation and the checks: format characters are no text --------------------


@pytest.mark.parametrize("blank", INVISIBLE)
def test_validation_takes_a_heading_of_format_characters_for_an_empty_one(blank: str) -> None:
    from exporter import document as d
    from exporter.diagnostics import Reporter
    from exporter.validation import validate

    document = d.Document(
        title="A debate",
        language="en-GB",
        blocks=(
            d.Heading(1, (d.Text("A debate"),), "title"),
            d.Heading(2, (d.Text(blank),), "topic"),
            d.Paragraph((d.Text("Words."),)),
        ),
    )
    reporter = Reporter("api")
    repaired = validate(document, reporter)
    assert [x.code for x in reporter.diagnostics] == ["TREE-HEADING-EMPTY"]
    heading = repaired.blocks[1]
    assert isinstance(heading, d.Heading) and d.plain_text(heading.children).endswith("Untitled section")


@pytest.mark.parametrize("blank", INVISIBLE)
def test_the_word_checker_finds_a_heading_of_format_characters_empty(blank: str) -> None:
    from docx_faults import DOC, fault, good_docx, paragraphs_with_style, set_text

    faulty = fault(DOC, lambda root: set_text(paragraphs_with_style(root, "Heading2")[1], blank))()
    good = {d.code for d in checks.check(good_docx(), "good.docx")}
    assert {d.code for d in checks.check(faulty, "faulty.docx")} - good == {"HDG-EMPTY-001"}


@pytest.mark.parametrize("blank", INVISIBLE)
def test_the_html_checker_finds_a_heading_of_format_characters_empty(blank: str) -> None:
    from test_html_checks import edited, set_text

    found = checks.check(edited(set_text("//h2[@id='summary']", blank)), "faulty.html")
    assert {d.code for d in found} == {"HTML-HDG-003"}


# --- every problem in a record or a style file, one line each, with its place and line -------


def test_every_record_problem_is_a_line_with_its_place_and_line(runner: CliRunner, tmp_path: Path) -> None:
    """Schema problems, references and language tags together, as the README promises: one
    line per problem, each with its place and the line it is on."""
    data = record(
        date="2022-13-45",
        house=7,
        language="en_GB",
        speakers=[{"id": "a", "name": "A"}, {"id": "a", "name": "B"}],
        sections=[
            {
                "titel": "x",
                "items": [
                    {"type": "speech", "speaker": "nobody", "paragraphs": ["x"]},
                    {"type": "speech", "speaker": "a", "paragraphs": ["x"], "lang": "english"},
                ],
            }
        ],
    )
    source = tmp_path / "bad.json"
    text = json.dumps(data, indent=2)
    source.write_text(text)
    lines = text.splitlines()

    def line(words: str) -> int:
        return next(number for number, written in enumerate(lines, 1) if words in written)

    date, house, language, titel = line('"date"'), line('"house"'), line('"language"'), line('"titel"')
    nobody, english, twice = line('"nobody"'), line('"english"'), line('"name": "B"') - 1
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert errors(result.stderr) == [
        f'error: {source}: date (line {date}): "2022-13-45" is not a real date (there is no '
        "month 13); expected a date as YYYY-MM-DD (ISO 8601), such as 2022-02-23",
        f"error: {source}: house (line {house}): expected string or null, got integer",
        f'error: {source}: language (line {language}): "en_GB" is not a BCP 47 language tag '
        '(did you mean "en-GB"?); use tags such as en-GB, cy, nb, fr-BE',
        f'error: {source}: sections[0] (line {titel}): unknown key "titel" (did you mean "title"?)',
        f'error: {source}: sections[0].items[0].speaker (line {nobody}): no speaker "nobody"',
        f'error: {source}: sections[0].items[1].lang (line {english}): "english" is not a BCP 47 '
        "language tag; use tags such as en-GB, cy, nb, fr-BE",
        f'error: {source}: speakers[1].id (line {twice}): speaker id "a" is used twice',
    ]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_a_yaml_record_names_the_line_of_each_problem(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text(
        "title: T\n"  # 1
        "sectons: []\n"  # 2
        "speakers:\n"  # 3
        "  - id: kim\n"  # 4
        "    name: Kim\n"  # 5
        "sections:\n"  # 6
        "  - items:\n"  # 7
        "      - type: speech\n"  # 8
        "        speaker: kym\n"  # 9
        "        time: half past nine\n"  # 10
        "        paragraphs: [Hello.]\n"  # 11
    )
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert errors(result.stderr) == [
        f'error: {source}: line 2: unknown key "sectons" (did you mean "sections"?)',
        f'error: {source}: sections[0].items[0].speaker (line 9): no speaker "kym"',
        f'error: {source}: sections[0].items[0].time (line 10): "half past nine" is not a time as HH:MM or '
        "HH:MM:SS on the 24-hour clock, such as 09:30",
    ]


def test_many_problems_are_capped_with_how_many_more(runner: CliRunner, tmp_path: Path) -> None:
    items = [{"type": "speech", "speaker": f"nobody-{n}", "paragraphs": ["x"]} for n in range(30)]
    source = tmp_path / "many.json"
    source.write_text(json.dumps(record(sections=[{"title": "T", "items": items}])))
    report = tmp_path / "report.json"
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "--report", str(report)])
    assert result.exit_code == 1
    lines = errors(result.stderr)
    assert len(lines) == 21 and lines[-1] == f"error: {source}: and 10 more problems"
    assert lines[0] == f'error: {source}: sections[0].items[0].speaker: no speaker "nobody-0"'
    failure = json.loads(report.read_text("utf-8"))["inputs"][0]["failure"]
    assert failure["lines"] == [line.removeprefix("error: ") for line in lines]


def test_the_library_api_gives_every_record_problem() -> None:
    from exporter.diagnostics import Reporter
    from exporter.errors import RecordErrors
    from exporter.pipeline import Job, parse_debate

    data = json.dumps(record(date="2022-02-30", house=7), indent=1).encode()
    with pytest.raises(RecordErrors) as caught:
        parse_debate(data, "api.json", Job(), Reporter("api.json"))
    error = caught.value
    assert [(p.location, p.line) for p in error.problems] == [("date", 4), ("house", 5)]
    assert str(error).startswith("api.json: date (line 4): ") and str(error).endswith("(and 1 more problem)")


def test_every_style_problem_is_a_line_with_its_setting_and_line(runner: CliRunner, tmp_path: Path) -> None:
    house = tmp_path / "house.toml"
    house.write_text(
        'extends = "standard"\n'  # 1
        "[body]\n"  # 2
        "size = 8\n"  # 3
        'measure = "wide"\n'  # 4
        "[colours]\n"  # 5
        'text = "#AAAAAA"\n'  # 6
        "bogus = 1\n"  # 7
    )
    for command in (["styles", "show", str(house)], ["convert", str(SEED_RECORD), "--style", str(house)]):
        result = runner.invoke(main, [*command, "-o", str(tmp_path)] if command[0] == "convert" else command)
        assert result.exit_code == 2
        lines = [line.split(": ", 1)[1] if line.startswith("Error:") else line for line in result.output.splitlines()]
        problems = [line.split("house.toml: ", 1)[1] for line in lines if "house.toml: " in line]
        assert problems == [
            "body.size (line 3): body text under 12 pt fails GOV.UK, RNIB and BDA guidance (8 pt)",
            "body.measure (line 4): should be a whole number, not 'wide'",
            "colours.text (line 6): contrast of text #AAAAAA on background #FFFFFF is 2.32:1, below the "
            "4.5:1 WCAG AA needs for 8 pt text",
            "colours.bogus (line 7): unknown setting (known here: text, background, link, heading, "
            "table_header, table_header_background)",
        ], result.output


# --- table spans that reach past their table ------------------------------------------------


def test_spans_past_the_table_are_fitted_with_a_warning_naming_table_and_cell(
    runner: CliRunner, tmp_path: Path
) -> None:
    table = {
        "caption": "Cases by region",
        "header_rows": 1,
        "rows": [
            ["Region", "2023", "2024"],
            [{"text": "North", "rowspan": 5}, "12", "13"],
            ["14", {"text": "15", "colspan": 4}],
        ],
    }
    speech = {"type": "speech", "speaker": "kim", "paragraphs": ["The figures.", {"table": table}]}
    source = tmp_path / "spans.json"
    source.write_text(json.dumps(record(sections=[{"title": "Figures", "items": [speech]}])))
    out = tmp_path / "out"
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), "-f", "html,docx,pdf,json", "-v"])
    assert result.exit_code == 0, result.output
    place = f"{source}: sections[0].items[0].paragraphs[1]: warning: TABLE-SPAN: table \"Cases by region\""
    assert [line for line in result.stderr.splitlines() if "TABLE-SPAN" in line] == [
        f'{place}: the cell "North" (row 2, column 1) spans 5 rows where 2 are left in the table: it spans 2',
        f'{place}: the cell "15" (row 3, column 3) spans 4 columns where the table has 3: it spans 1',
    ]
    written = json.loads((out / "spans.json").read_text("utf-8"))["sections"][0]["items"][0]["paragraphs"][1]
    assert written["table"]["rows"] == [
        ["Region", "2023", "2024"],
        [{"text": "North", "rowspan": 2}, "12", "13"],
        ["14", "15"],
    ]
    page = lxml.html.fromstring((out / "spans.html").read_bytes())
    (html_table,) = [t for t in page.xpath("//table") if "Cases by region" in t.xpath("string(caption)")]
    assert [len(row.xpath("th|td")) for row in html_table.xpath(".//tr")] == [3, 3, 2]
    for suffix in (".docx", ".pdf", ".html"):
        found = checks.check((out / f"spans{suffix}").read_bytes(), f"spans{suffix}")
        assert [d for d in found if d.severity is Severity.ERROR] == [], suffix


def test_a_colspan_over_a_cell_from_above_is_fitted_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    table = {"rows": [["A", {"text": "B", "rowspan": 2}, "C"], [{"text": "D", "colspan": 3}], ["E", "F", "G"]]}
    speech = {"type": "speech", "speaker": "kim", "paragraphs": [{"table": table}]}
    source = tmp_path / "over.json"
    source.write_text(json.dumps(record(sections=[{"title": "Figures", "items": [speech]}])))
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "json", "-v"])
    assert result.exit_code == 0, result.output
    assert [line.split("TABLE-SPAN: ")[1] for line in result.stderr.splitlines() if "TABLE-SPAN" in line] == [
        'a table with no caption: the cell "D" (row 2, column 1) spans 3 columns where 1 are free: it spans 1'
    ]


def test_a_reader_table_whose_span_overruns_is_fitted_too(runner: CliRunner, tmp_path: Path) -> None:
    """Akoma Ntoso's HTML-like table: the rowspan of 3 on the first row, made 6."""
    text = (DATA / "akoma-ntoso" / "akn-it-senato-title-emptyheading-table.xml").read_text("utf-8")
    source = tmp_path / "senato.xml"
    source.write_text(text.replace('<an:td rowspan="3">', '<an:td rowspan="6">', 1), "utf-8")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "html", "-v"])
    assert result.exit_code == 0, result.output
    spans = [line for line in result.stderr.splitlines() if "TABLE-SPAN" in line]
    assert len(spans) == 1 and spans[0].startswith(f"{source}: sections[")
    assert '"- Deliberazione sulla richiesta di proc…" (row 1, column 5) spans 6 rows where 3 are left' in spans[0]
