"""The tool's own briefings pass its own ``check --strict``.

Every shared record's Word, PDF and HTML briefing is audited through the command line, as a
user would (``debate-export check --strict --json``). What is still said is listed here, each
with why it is right to say it; anything else fails. Then the kinds of fault the audit found
in the tool's own words: a bare address as a link's text, an address left as plain text, the
record's typed list lines kept as text (in the debate and in a table's cell).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import html_records
from conftest import DATA
from exporter.cli import main
from shared_briefings import Briefings

SHARED_RECORDS = Path(__file__).resolve().parents[2] / "shared" / "records"

# (record, rule) -> why the briefing still says it.
HEADERLESS = (
    "the record gives this table no header row, and the tool invents none: the table's "
    "description says so (issue 14), and the warning passes that on"
)
EXPECTED: dict[tuple[str, str], str] = {
    **{
        (record, rule): HEADERLESS
        for record in ("lords_daylord2009-10-29a.xml", "it_senato_resoconto-12_2022-11-29-trimmed.xml")
        for rule in ("TBL-HDR-NONE-001", "PDFUA-7.5-table-summary", "HTML-TBL-003")
    },
    # a web address printed in a written answer's text: made a link by the bare-address
    # linking of issue 10 (compose/links.py), which this test then holds to
    ("wrans_answers2009-10-27c.xml", "LNK-BARE-001"): "an address in the record's words, linked by issue 10",
}


def _shared_records() -> list[Path]:
    if not SHARED_RECORDS.is_dir():
        return []
    return sorted(
        path
        for path in SHARED_RECORDS.rglob("*")
        if path.suffix in (".xml", ".json", ".txt") and "divisions_for_debate" not in path.name
    )


def strict_findings(runner: CliRunner, *files: Path) -> tuple[int, list[dict]]:
    """``check --strict --json``: its exit status and every finding of a warning or more."""
    result = runner.invoke(main, ["check", "--strict", "--json", *map(str, files)])
    reports = json.loads(result.output)
    found = [f for report in reports for f in report["findings"] if f["severity"] in ("warning", "error")]
    return result.exit_code, found


@pytest.mark.skipif(not SHARED_RECORDS.is_dir(), reason="the shared records (../shared/records) are not here")
@pytest.mark.parametrize("record", _shared_records(), ids=lambda path: path.name)
def test_every_shared_records_briefing_passes_check_strict(
    record: Path, briefings: Briefings, runner: CliRunner, tmp_path: Path
) -> None:
    briefing = briefings.get(record)
    assert briefing.exit_code == 0, briefing.output
    made = html_records.briefings(record)
    assert not isinstance(made, str), made
    html = tmp_path / f"{record.stem}.html"
    html.write_bytes(made["html"])
    docx, pdf = briefing.folder / f"{record.stem}.docx", briefing.folder / f"{record.stem}.pdf"
    status, found = strict_findings(runner, docx, pdf, html)
    unexpected = [f"{f['code']}: {f['message']}" for f in found if (record.name, f["code"]) not in EXPECTED]
    assert unexpected == []
    assert status == (1 if found else 0)


# --- the tool's own links -------------------------------------------------------------------

RECORD_WITH_ADDRESSES = """\
format: debate-exporter/1
title: Rural bus services
date: 2024-03-05
house: Example Town Council
source:
  publisher: A civic-tech project
  url: https://example.org/debates/2024-03-05/rural-buses
  reference: https://example.org/id/debate/2024-03-05/rural-buses/main
  licence: http://creativecommons.org/licenses/by/4.0/
speakers:
  - {id: kim, name: Kim Example}
sections:
  - title: Rural bus services
    items:
      - type: speech
        speaker: kim
        paragraphs:
          - Councils will be told how much funding they will receive for the next three years.
"""


def test_a_licence_or_identifier_given_as_an_address_is_a_link_that_says_what_it_is(
    runner: CliRunner, tmp_path: Path
) -> None:
    record = tmp_path / "addresses.yaml"
    record.write_text(RECORD_WITH_ADDRESSES, encoding="utf-8")
    result = runner.invoke(main, ["convert", str(record), "-o", str(tmp_path), "-f", "docx,html", "-q"])
    assert result.exit_code == 0, result.output
    root = html_records.page((tmp_path / "addresses.html").read_bytes())
    links = {a.get("href"): " ".join(a.text_content().split()) for a in root.iter("a")}
    licence = links["http://creativecommons.org/licenses/by/4.0/"]
    identifier = links["https://example.org/id/debate/2024-03-05/rural-buses/main"]
    assert licence == "The licence: http://creativecommons.org/licenses/by/4.0/"
    assert identifier == "Record identifier: https://example.org/id/debate/2024-03-05/rural-buses/main"
    docx, html = tmp_path / "addresses.docx", tmp_path / "addresses.html"
    report = json.loads(runner.invoke(main, ["check", "--json", str(docx), str(html)]).output)
    codes = {f["code"] for each in report for f in each["findings"]}
    assert not codes & {"LNK-BARE-001", "MS-LNK-002", "HTML-LNK-002", "HTML-LNK-004"}


def test_an_address_as_a_links_whole_text_is_a_tip_in_html_as_in_word(runner: CliRunner, tmp_path: Path) -> None:
    """A speaker's address stays the speaker's words: Word's rules make it a tip
    (MS-LNK-002), and so do the HTML rules (HTML-LNK-004), so check --strict passes."""
    page = tmp_path / "page.html"
    made = html_records.briefings(DATA / "parlparse-cases" / "parlparse-wms-column-suffix.xml")
    assert not isinstance(made, str), made
    text = made["html"].replace(b"</main>", b'<p><a href="http://www.example.gov.uk">www.example.gov.uk</a></p></main>')
    page.write_bytes(text)
    result = runner.invoke(main, ["check", "--strict", "--json", str(page)])
    found = {f["code"]: f["severity"] for f in json.loads(result.output)[0]["findings"]}
    assert found.get("HTML-LNK-004") == "tip"
    assert "HTML-LNK-002" not in found


# --- typed lists --------------------------------------------------------------------------------

RECORD_WITH_TYPED_LISTS = """\
format: debate-exporter/1
title: Committee report on tourism
date: 2012-09-20
house: National Assembly
sections:
  - title: Committee report on tourism
    items:
      - {type: procedural, paragraphs: ["Challenges:"]}
      - {type: procedural, paragraphs: ["* The lodge has no operator."]}
      - {type: procedural, paragraphs: ["* The road to the lodge is not tarred."]}
      - {type: procedural, paragraphs: ["Key challenges"]}
      - {type: procedural, paragraphs: ["* The community needs a lease. * An operator must be found. * Water is scarce."]}
      - {type: procedural, paragraphs: ["The committee recommends that the Minister:"]}
      - {type: procedural, paragraphs: ["a) evaluates the Act;"]}
      - {type: procedural, paragraphs: ["b) reports to the House; and"]}
      - {type: procedural, paragraphs: ["c) confers with the Standing Committee."]}
      - {type: procedural, paragraphs: ["3. The Municipality has adopted a Tourism Master Plan."]}
      - {type: procedural, paragraphs: ["4. Coastal development will follow the Wild Coast policy."]}
      - type: procedural
        paragraphs:
          - table:
              header_rows: 1
              rows:
                - [Day, Business]
                - - Tuesday
                  - paragraphs:
                      - "- Deliberation on the shortened procedure"
                      - "- Questions and interpellations"
"""


def test_typed_list_lines_become_real_lists_in_every_format(runner: CliRunner, tmp_path: Path) -> None:
    record = tmp_path / "lists.yaml"
    record.write_text(RECORD_WITH_TYPED_LISTS, encoding="utf-8")
    result = runner.invoke(main, ["convert", str(record), "-o", str(tmp_path), "-f", "docx,pdf,html", "-q"])
    assert result.exit_code == 0, result.output
    docx, pdf, html = (tmp_path / f"lists.{suffix}" for suffix in ("docx", "pdf", "html"))
    status, found = strict_findings(runner, docx, pdf, html)
    assert [f["code"] for f in found if f["code"].startswith("LIST")] == []
    root = html_records.page(html.read_bytes())
    items = [" ".join(li.text_content().split()) for li in root.xpath("//main//ul/li|//main//ol/li")]
    for expected in (
        "The lodge has no operator.",
        "The road to the lodge is not tarred.",
        "The community needs a lease.",  # bullets the record ran together: one item each
        "An operator must be found.",
        "Water is scarce.",
        "a) evaluates the Act;",  # a count that is not 1, 2, 3 keeps its labels
        "3. The Municipality has adopted a Tourism Master Plan.",
    ):
        assert expected in items, (expected, items)
    cell_items = [" ".join(li.text_content().split()) for li in root.xpath("//td//li")]
    assert cell_items == ["Deliberation on the shortened procedure", "Questions and interpellations"]
    if shutil.which("pandoc"):
        markdown = subprocess.run(
            ["pandoc", "-f", "docx", "-t", "markdown", str(docx)], capture_output=True, text=True, check=True
        ).stdout
        assert "-   Water is scarce." in markdown
        assert "-   Questions and interpellations" in markdown  # a list inside the table's cell
    if shutil.which("pdfinfo"):
        structure = subprocess.run(
            ["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        assert "TD" in structure and structure.count("LI (block)") >= 9


@pytest.mark.parametrize("name", ["akn-it-senato-title-emptyheading-table.xml"])
def test_the_senates_typed_dashes_in_a_table_cell_are_a_list_in_word(
    name: str, runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(main, ["convert", str(DATA / "akoma-ntoso" / name), "-o", str(tmp_path), "-f", "docx", "-q"])
    assert result.exit_code == 0, result.output
    status, found = strict_findings(runner, *tmp_path.glob("*.docx"))
    # the calendar table has no header row in the record: said, and nothing else
    assert [f["code"] for f in found] == ["TBL-HDR-NONE-001"]
