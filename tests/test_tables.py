"""Tables as the record has them (issue 14; "Tables as the record has them" in
../shared/cases/README.md), converted through the command line and read back by readers that
are not ours: pandoc for Word, poppler's structure tree and pikepdf for the PDF, veraPDF, and
LibreOffice's tagged export of the Word file.

Word writes spans out (no merged cells, one header row whose labels join their levels); the
PDF keeps them (ColSpan, RowSpan, Scope, Headers/ID). No header text is ever invented.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import lxml.html
import pikepdf
import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import DATA, needs
from exporter import checks
from exporter import document as d
from exporter.cli import main
from exporter.diagnostics import Severity
from pdf_reading import VERAPDF, elements, poppler, poppler_file, verapdf_many
from table_reading import PdfTable, WordTable, columns_with_words, pandoc_tables, pdf_tables

TABLES = DATA / "tables"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
COMPOSED = (  # tables the briefing adds, not the record's
    "speakers in this",
    "contributions and words spoken",
    "how members voted",
    "divisions, with the votes",
)
TALL_LABEL = " ".join(["Number of households in temporary accommodation with dependent children"] * 40)

INPUTS = {
    "colspan": "parlparse-table-colspan.xml",
    "two-header-rows": "record-two-header-rows.yaml",
    "blank-row": "record-blank-table-row.yaml",
    "empty-table": "record-table-empty-row.json",
    "tall-header": "record-tall-table-header.json",
    "three-header-rows": "record-three-header-rows.yaml",
    "akn-spans": "akn-table-spans.xml",
    "akn-senate": "../akoma-ntoso/akn-it-senato-title-emptyheading-table.xml",
    "hansard-api-spans": "hansard-api-table-spans.json",
    "parlamint-labels": "parlamint-table-labels.xml",
    "wrans": "wrans-tables-2009-10-27c-excerpt.xml",
}


class Made:
    """One input converted to Word and PDF, with what the run said."""

    def __init__(self, folder: Path, stem: str, output: str) -> None:
        self.docx = (folder / f"{stem}.docx").read_bytes()
        self.pdf = (folder / f"{stem}.pdf").read_bytes()
        self.html = (folder / f"{stem}.html").read_bytes()
        self.pdf_path = folder / f"{stem}.pdf"
        self.output = output


def convert(source: Path, out: Path, *options: str) -> Made:
    result = CliRunner().invoke(
        main, ["convert", str(source), "-o", str(out), "-f", "docx,pdf,html", "-v", *options]
    )
    assert result.exit_code == 0, result.output
    return Made(out, source.stem, result.output)


def tall_header_record(folder: Path) -> Path:
    """A table whose header row is taller than a large-print page: it cannot repeat."""
    record = {
        "title": "Temporary accommodation",
        "sections": [
            {
                "title": "Written answer",
                "items": [
                    {
                        "type": "speech",
                        "label": "A Minister",
                        "paragraphs": [
                            "The information is in the table.",
                            {
                                "table": {
                                    "header_rows": 1,
                                    "rows": [
                                        ["Authority", TALL_LABEL],
                                        *[[f"Authority {n}", str(n)] for n in range(40)],
                                    ],
                                }
                            },
                        ],
                    }
                ],
            }
        ],
    }
    path = folder / "record-header-taller-than-a-page.json"
    path.write_text(json.dumps(record), "utf-8")
    return path


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Made]:
    out = tmp_path_factory.mktemp("tables")
    found = {name: convert(TABLES / file, out / name) for name, file in INPUTS.items()}
    found["tall-header-large"] = convert(
        TABLES / INPUTS["tall-header"], out / "large", "--style", "large-print"
    )
    tall = tall_header_record(out)
    found["taller-than-page"] = convert(tall, out / "taller", "--style", "large-print")
    found["taller-than-page-standard"] = convert(tall, out / "taller-standard")
    return found


def record_tables(tables: list) -> list:
    """The tables that come from the record, not the ones composing adds (speakers, votes)."""
    return [t for t in tables if not any(words in t.caption for words in COMPOSED)]


def word_tables(made: Made, tmp: Path) -> list[WordTable]:
    return record_tables(pandoc_tables(made.docx, tmp))


def pdf_record_tables(made: Made, tmp: Path) -> list[PdfTable]:
    return record_tables(pdf_tables(poppler_file("pdfinfo", made.pdf, "-struct-text", tmp=tmp)))


def texts(cells: list) -> list[str]:
    return [cell.all_text() for cell in cells]


def docx_xml(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def errors(data: bytes, name: str) -> list[str]:
    return [str(d) for d in checks.check(data, name) if d.severity >= Severity.ERROR]


pandoc = pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")


# --- parlparse-table-colspan.xml ---------------------------------------------------------------------


@pandoc
def test_word_writes_spans_out_so_every_figure_is_under_its_own_header(
    made: dict[str, Made], tmp_path: Path
) -> None:
    (table,) = word_tables(made["colspan"], tmp_path)
    assert table.header == [["2023-24", "2023-24", "2024-25"]]  # the spanning label over each column
    assert table.body == [["A1", "A2", "A3"], ["B1", "B2", "B3"], ["B1", "C2", "C3"]]  # B1 in each row
    xml = docx_xml(made["colspan"].docx)
    assert not [e for tag in ("gridSpan", "vMerge", "hMerge") for e in xml.iter(W + tag)]  # MS-TBL-002
    assert errors(made["colspan"].docx, "colspan.docx") == []


@needs("pdfinfo")
def test_the_pdf_keeps_the_spans_as_colspan_rowspan_and_scope(made: dict[str, Made], tmp_path: Path) -> None:
    (table,) = pdf_record_tables(made["colspan"], tmp_path)
    assert [[(c.type, c.all_text(), c.attributes.get("ColSpan")) for c in row] for row in table.head] == [
        [("TH", "2023-24", "2"), ("TH", "2024-25", None)]
    ]
    assert all(c.attributes["Scope"] == "/Column" for c in table.head[0])
    assert [texts(row) for row in table.body] == [["A1", "A2", "A3"], ["B1", "B2", "B3"], ["C2", "C3"]]
    assert table.body[1][0].attributes["RowSpan"] == "2"
    assert table.columns == 3
    # a header that spans is irregular: every data cell names its headers (ISO 32000-1 14.8.5.7)
    ids = {c.all_text(): c.id for c in table.head[0]}
    assert table.body[2][0].attributes["Headers"] == f"[({ids['2023-24']})]"
    assert table.body[2][1].attributes["Headers"] == f"[({ids['2024-25']})]"


def test_pikepdf_reads_the_same_table_attributes(made: dict[str, Made]) -> None:
    with pikepdf.open(made["colspan"].pdf_path) as pdf:
        cells = _pikepdf_cells(pdf, "2023-24")
    assert [(kind, attributes.get("/ColSpan"), attributes.get("/RowSpan")) for kind, attributes in cells] == [
        ("TH", 2, None), ("TH", None, None),
        ("TD", None, None), ("TD", None, None), ("TD", None, None),
        ("TD", None, 2), ("TD", None, None), ("TD", None, None),
        ("TD", None, None), ("TD", None, None),
    ]  # fmt: skip
    assert sum(kind == "TH" for kind, _ in cells) == 2


# --- record-two-header-rows.yaml, and three --------------------------------------------------------------------


@pandoc
def test_two_header_rows_are_one_word_header_row_whose_labels_join_their_levels(
    made: dict[str, Made], tmp_path: Path
) -> None:
    (table,) = word_tables(made["two-header-rows"], tmp_path)
    assert table.header == [["Region", "2023: Capital", "2023: Revenue"]]
    assert table.body == [["North", "1", "2"]]
    (tbl,) = [
        t for t in docx_xml(made["two-header-rows"].docx).iter(W + "tbl") if "Region" in "".join(t.itertext())
    ]
    assert len(list(tbl.iter(W + "tblHeader"))) == 1


@needs("pdfinfo")
def test_both_header_rows_are_header_cells_in_the_pdf(made: dict[str, Made], tmp_path: Path) -> None:
    (table,) = pdf_record_tables(made["two-header-rows"], tmp_path)
    assert [[(c.type, c.all_text()) for c in row] for row in table.head] == [
        [("TD", ""), ("TH", "2023"), ("TH", "2023")],  # the empty corner heads nothing
        [("TH", "Region"), ("TH", "Capital"), ("TH", "Revenue")],
    ]
    assert [texts(row) for row in table.body] == [["North", "1", "2"]]


@pandoc
def test_three_header_rows_join_three_levels(made: dict[str, Made], tmp_path: Path) -> None:
    (table,) = word_tables(made["three-header-rows"], tmp_path)
    assert table.header == [
        ["Region", "2024: Q1: Number", "2024: Q1: Rate", "2024: Q2: Number", "2024: Q2: Rate"]
    ]
    assert table.body == [["North", "12", "0.4", "15", "0.5"], ["South", "20", "0.6", "", "0.7"]]


@needs("pdfinfo")
def test_three_header_rows_in_the_pdf_name_every_level_over_each_figure(
    made: dict[str, Made], tmp_path: Path
) -> None:
    (table,) = pdf_record_tables(made["three-header-rows"], tmp_path)
    assert len(table.head) == 3 and table.columns == 5
    ids = {c.id: c.all_text() for row in table.rows for c in row if c.id}
    figure = table.body[0][1]
    named = re.findall(r"\(([^)]*)\)", figure.attributes["Headers"])
    assert [ids[n] for n in named] == ["2024", "Q1", "Number", "North"]


# --- record-blank-table-row.yaml, record-table-empty-row.json ------------------------------------------------------


@pandoc
def test_blank_rows_are_dropped(made: dict[str, Made], tmp_path: Path) -> None:
    (table,) = word_tables(made["blank-row"], tmp_path)
    assert table.header == [["Council", "Returns"]] and table.body == [["Northshire", "4"]]
    found = {d.code for d in checks.check(made["blank-row"].docx, "blank.docx")}
    assert "MS-TBL-004" not in found


@needs("pdfinfo")
def test_a_table_with_no_cells_is_left_out_with_a_warning(made: dict[str, Made], tmp_path: Path) -> None:
    empty = made["empty-table"]
    assert "TABLE-EMPTY" in empty.output and "no cells" in empty.output
    assert pdf_record_tables(empty, tmp_path) == []
    assert not [t for t in docx_xml(empty.docx).iter(W + "tbl") if "Some words" in "".join(t.itertext())]


# --- record-tall-table-header.json, and a header row taller than a page ---------------------------------------------


@needs("pdftotext")
@pytest.mark.parametrize("name", ["tall-header", "tall-header-large"])
def test_a_tall_header_converts_with_columns_sized_to_their_content(
    made: dict[str, Made], tmp_path: Path, name: str
) -> None:
    """No column narrower than its longest word: every word of the long label is drawn whole."""
    words = poppler("pdftotext", made[name].pdf, tmp=tmp_path).split()
    for word in ("Authority", "accommodation", "households", "temporary", "Change"):
        assert word in words
    assert errors(made[name].pdf, f"{name}.pdf") == []
    assert errors(made[name].docx, f"{name}.docx") == []


def test_word_column_widths_follow_the_content(made: dict[str, Made]) -> None:
    (tbl,) = [
        t for t in docx_xml(made["tall-header"].docx).iter(W + "tbl") if "Barnet" in "".join(t.itertext())
    ]
    widths = [int(col.get(W + "w")) for col in tbl.iter(W + "gridCol")]
    assert widths[1] == max(widths)  # the long label gets the room
    assert widths[2] < widths[0] and all(w >= 12 * 20 for w in widths)  # "2021" narrower than "Authority"


@needs("pdfinfo")
def test_a_header_row_taller_than_a_page_splits_and_is_not_repeated(
    made: dict[str, Made], tmp_path: Path
) -> None:
    taller = made["taller-than-page"]
    assert "PDF-TABLE-001" in taller.output and "not repeated" in taller.output
    (table,) = pdf_record_tables(taller, tmp_path)
    assert texts(table.head[0]) == ["Authority", TALL_LABEL]  # heard once, whole, though drawn on two pages
    assert len(table.body) == 40
    with pikepdf.open(taller.pdf_path) as pdf:
        pages = _pages_of_text(pdf, "TH")
    assert len(pages) >= 2
    assert errors(taller.pdf, "taller.pdf") == []


# --- Akoma Ntoso, Hansard API, ParlaMint ------------------------------------------------------------------------


SPANS = [
    ["County", "2022-23: Capital", "2022-23: Revenue", "2023-24: Capital", "2023-24: Revenue"],
    [["Exampleshire", "21.5", "4.8", "22.0", "5.1"], ["Sampleshire", "18.2", "4.8", "19.0", "4.9"]],
]


@pandoc
@pytest.mark.parametrize("name", ["akn-spans", "hansard-api-spans", "parlamint-labels"])
def test_each_format_s_spans_reach_word_written_out(made: dict[str, Made], tmp_path: Path, name: str) -> None:
    (table,) = word_tables(made[name], tmp_path)
    assert table.header == [SPANS[0]] and table.body == SPANS[1]


@needs("pdfinfo")
@pytest.mark.parametrize("name", ["akn-spans", "hansard-api-spans", "parlamint-labels"])
def test_each_format_s_spans_and_row_headers_reach_the_pdf(
    made: dict[str, Made], tmp_path: Path, name: str
) -> None:
    (table,) = pdf_record_tables(made[name], tmp_path)
    head = [
        [(c.type, c.all_text(), c.attributes.get("ColSpan"), c.attributes.get("RowSpan")) for c in row]
        for row in table.head
    ]
    assert head == [
        [("TH", "County", None, "2"), ("TH", "2022-23", "2", None), ("TH", "2023-24", "2", None)],
        [("TH", "Capital", None, None), ("TH", "Revenue", None, None)] * 2,
    ]
    assert [(c.type, c.attributes.get("Scope")) for c in (table.body[0][0], table.body[1][0])] == [
        ("TH", "/Row")
    ] * 2
    assert table.body[0][2].attributes["RowSpan"] == "2" and texts(table.body[1]) == [
        "Sampleshire",
        "18.2",
        "19.0",
        "4.9",
    ]


@pandoc
@needs("pdfinfo")
def test_the_senate_agenda_cell_spanning_three_days_is_in_each_day_s_row(
    made: dict[str, Made], tmp_path: Path
) -> None:
    (word,) = word_tables(made["akn-senate"], tmp_path)
    assert word.header == []  # the record shows no header: none is made up
    agenda = [row[4] for row in word.body]
    assert len(word.body) == 3 and agenda[0] == agenda[1] == agenda[2] and "Interpellanze" in agenda[0]
    (pdf,) = pdf_record_tables(made["akn-senate"], tmp_path)
    assert pdf.head == [] and not [c for row in pdf.body for c in row if c.type == "TH"]
    assert pdf.body[0][4].attributes["RowSpan"] == "3" and pdf.columns == 5
    assert "TABLE-NO-HEADER" in made["akn-senate"].output


def test_a_table_with_no_header_says_why_in_word_and_the_pdf(made: dict[str, Made]) -> None:
    senate = made["akn-senate"]
    found = {
        d.code: d for d in checks.check(senate.docx, "senate.docx") if d.code.startswith(("TBL", "MS-TBL"))
    }
    assert set(found) == {"TBL-HDR-NONE-001"} and found["TBL-HDR-NONE-001"].severity is Severity.WARNING
    assert "no header row" in found["TBL-HDR-NONE-001"].message
    with pikepdf.open(senate.pdf_path) as pdf:
        summaries = [str(t.A.Summary) for t in elements(pdf, "Table") if "/A" in t and "/Summary" in t.A]
    (summary,) = summaries  # naming where the table is in the record
    assert summary.startswith("The record gives this table no header row (") and "29 November 2022" in summary
    pdf_findings = {d.code for d in checks.check(senate.pdf, "senate.pdf")}
    assert "PDFUA-7.5-table-summary" in pdf_findings and "PDFUA-7.5-table-headers" not in pdf_findings


# --- written answers: the header a table plainly shows --------------------------------------------------------------


@pandoc
def test_written_answer_tables_get_the_title_and_header_they_show_and_nothing_more(
    made: dict[str, Made], tmp_path: Path
) -> None:
    tables = word_tables(made["wrans"], tmp_path)
    captions = [re.sub(r"^Table \d+: ", "", t.caption) for t in tables]
    assert captions[0] == "Cold weather payment triggers at Bedford weather station"
    assert tables[0].header == [["", "Number"]]  # the empty corner stays empty
    assert tables[0].body[0] == ["2002-03", "1"]
    serious_fraud = next(
        t for t, c in zip(tables, captions, strict=True) if c.startswith("Serious Fraud Office")
    )
    assert captions[captions.index(next(c for c in captions if c.startswith("Serious Fraud")))].endswith(
        "\u2014 £"
    )
    assert serious_fraud.header[0][0] == "Financial year"
    animals = next(t for t, c in zip(tables, captions, strict=True) if c.startswith("Scientific procedures"))
    assert animals.header == [
        [
            "",
            "Pig: 2008",
            "Pig: 2007",
            "Fish: 2008",
            "Fish: 2007",
            "GM Animals( 1): 2008",
            "GM Animals( 1): 2007",
        ]
    ]
    assert not any(re.fullmatch(r"Column \d+", label) for t in tables for row in t.header for label in row)
    assert errors(made["wrans"].docx, "wrans.docx") == []


@needs("pdfinfo")
def test_written_answer_row_labels_under_an_empty_corner_are_row_headers(
    made: dict[str, Made], tmp_path: Path
) -> None:
    table = pdf_record_tables(made["wrans"], tmp_path)[0]
    assert [(c.type, c.all_text()) for c in table.head[0]] == [("TD", ""), ("TH", "Number")]
    assert (table.body[0][0].type, table.body[0][0].attributes["Scope"]) == ("TH", "/Row")
    note = table.body[-1]
    assert [(c.type, c.all_text(), c.attributes.get("ColSpan")) for c in note] == [
        ("TD", "Source: DWP records.", "2")
    ]


# --- every PDF here passes veraPDF; LibreOffice reads the Word header row ------------------------------------------------


@pytest.mark.skipif(not VERAPDF.exists() or shutil.which("java") is None, reason="veraPDF is not installed")
def test_verapdf_passes_every_table_pdf(made: dict[str, Made]) -> None:
    verdicts = verapdf_many([m.pdf_path for m in made.values()])
    assert verdicts is not None
    assert {
        name: verdicts[str(m.pdf_path)]["failed_rules"]
        for name, m in made.items()
        if not verdicts[str(m.pdf_path)]["compliant"]
    } == {}


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfinfo") is None, reason="LibreOffice/poppler absent"
)
def test_libreoffice_tags_the_joined_header_row_th(made: dict[str, Made], tmp_path: Path) -> None:
    path = tmp_path / "three.docx"
    path.write_bytes(made["three-header-rows"].docx)
    export = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", export,
         "--outdir", str(tmp_path), str(path)],
        capture_output=True, check=True, timeout=180,
    )  # fmt: skip
    struct = subprocess.run(
        ["pdfinfo", "-struct-text", str(tmp_path / "three.pdf")], capture_output=True, text=True, check=True
    ).stdout
    (table,) = [
        t
        for t in pdf_tables(struct)
        if any("2024:Q1:Number" in "".join(c.all_text().split()) for row in t.rows for c in row)
    ]
    header = next(row for row in table.rows if row and row[0].type == "TH")
    # LibreOffice lays the text out in whatever font stands in for Arial here: a narrow
    # column may break a word over two lines ("Regio" / "n"), so compare without spaces
    unspaced = ["".join(text.split()) for text in texts(header)]
    assert unspaced == ["Region", "2024:Q1:Number", "2024:Q1:Rate", "2024:Q2:Number", "2024:Q2:Rate"]
    assert sum(c.type == "TH" for row in table.rows for c in row) == 5


# --- pikepdf helpers ---------------------------------------------------------------------------------------


def _pikepdf_cells(pdf: pikepdf.Pdf, first_header: str) -> list[tuple[str, dict[str, int]]]:
    """(TH or TD, its ColSpan/RowSpan) of each cell of the table that has a TH with a /ID
    ending ...r1c1 (the first record table), read from the structure tree."""
    for table in elements(pdf, "Table"):
        cells = [c for kind in ("TH", "TD") for c in _elements_in(table, kind)]
        if any(str(c.get("/ID", "")).endswith("r1c1") for c in cells):
            ordered = _cells_in_order(table)
            return [
                (
                    str(c.S)[1:],
                    {k: int(v) for k, v in c.get("/A", {}).items() if k in ("/ColSpan", "/RowSpan")},
                )
                for c in ordered
            ]
    raise AssertionError(f"no table headed {first_header!r}")


def _elements_in(node: pikepdf.Dictionary, type_: str) -> list[pikepdf.Dictionary]:
    found = []
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            if "/" + type_ == kid.S:
                found.append(kid)
            found.extend(_elements_in(kid, type_))
    return found


def _cells_in_order(table: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    cells = []
    for row in _elements_in(table, "TR"):
        kids = row.get("/K")
        cells.extend(
            k for k in (kids if isinstance(kids, pikepdf.Array) else [kids]) if k.S in ("/TH", "/TD")
        )
    return cells


def _pages_of_text(pdf: pikepdf.Pdf, type_: str) -> set[int]:
    """The pages the marked content of the first record table's longest TH is on."""
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    longest = max(
        elements(pdf, type_), key=lambda e: len(e.get("/K")) if isinstance(e.get("/K"), pikepdf.Array) else 1
    )
    found: set[int] = set()
    kids = longest.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            found.add(pages[kid.Pg.objgen])
        elif isinstance(kid, int) and "/Pg" in longest:
            found.add(pages[longest.Pg.objgen])
    return found


# --- the record format -------------------------------------------------------------------------------------


def test_the_record_format_round_trips_spans_scopes_and_paragraphs(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for source, out in (
        (TABLES / INPUTS["three-header-rows"], first),
        (first / "record-three-header-rows.json", second),
    ):
        result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out), "-f", "json"])
        assert result.exit_code == 0, result.output
    once = json.loads((first / "record-three-header-rows.json").read_text("utf-8"))
    twice = json.loads((second / "record-three-header-rows.json").read_text("utf-8"))
    assert {k: v for k, v in once.items() if k != "briefing"} == {
        k: v for k, v in twice.items() if k != "briefing"
    }
    table = once["sections"][0]["items"][0]["paragraphs"][1]["table"]
    assert table["header_rows"] == 3 and table["caption"] == "Cases by region and quarter"
    assert table["rows"][0] == [{"text": "Region", "rowspan": 3}, {"text": "2024", "colspan": 4}]
    assert table["rows"][3] == [{"text": "North", "header": "row"}, "12", "0.4", "15", "0.5"]
    assert table["rows"][4][3] == ""  # an empty cell


@pytest.mark.parametrize(
    ("cell", "place"),
    [
        ({"text": "x", "colspan": 0}, "rows[0][0].colspan"),
        ({"text": "x", "header": "sideways"}, "rows[0][0].header"),
        ({"text": "x", "runs": ["x"]}, "rows[0][0]"),
    ],
)
def test_a_bad_cell_is_refused_with_its_place(tmp_path: Path, cell: dict, place: str) -> None:
    record = {
        "title": "T",
        "sections": [
            {
                "title": "S",
                "items": [{"type": "speech", "label": "A", "paragraphs": [{"table": {"rows": [[cell]]}}]}],
            }
        ],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(record), "utf-8")
    result = CliRunner().invoke(main, ["convert", str(path), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 1
    assert f"sections[0].items[0].paragraphs[0].table.{place}" in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


# --- every table in the shared records keeps its grid -------------------------------------------------------


SHARED_RECORDS = Path(__file__).resolve().parents[2] / "shared" / "records"
WITH_TABLES = [
    "parlparse/wrans_answers2009-10-27c.xml",
    "parlparse/lords_daylord2009-10-29a.xml",
    "parlparse/wms_ministerial2009-10-28a.xml",
    "akoma-ntoso/it_senato_resoconto-12_2022-11-29-trimmed.xml",
]


def _words(text: str) -> str:
    """Text compared as words: white space collapsed, Windows-1252 numbers as browsers read them."""
    mapped = "".join(
        bytes([ord(c)]).decode("cp1252", "replace") if 0x80 <= ord(c) <= 0x9F else c for c in text
    )
    return " ".join(mapped.split())


def source_tables(path: Path) -> list[tuple[int, set[str]]]:
    """(columns with words, cell texts) of each table in a record, read with lxml alone."""
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    found = []
    for table in root.xpath("//*[local-name()='table']"):
        rows = [
            [c for c in tr if etree.QName(c).localname in ("td", "th")]
            for tr in table.xpath(".//*[local-name()='tr']")
        ]
        spans = [
            [
                (int(c.get("colspan", "1")), int(c.get("rowspan", "1")), bool(_words("".join(c.itertext()))))
                for c in row
            ]
            for row in rows
            if row
        ]
        cells = {_words("".join(c.itertext())) for row in rows for c in row}
        # every column with words; one with none in any row is a layout column, left out
        found.append((columns_with_words(spans), cells - {""}))
    return found


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Made]]:
    if not SHARED_RECORDS.is_dir():
        pytest.skip(f"{SHARED_RECORDS} is not present (the shared records live next to the repository)")
    out = tmp_path_factory.mktemp("shared")
    return {
        name: (SHARED_RECORDS / name, convert(SHARED_RECORDS / name, out / Path(name).stem))
        for name in WITH_TABLES
    }


@pandoc
@needs("pdfinfo")
@pytest.mark.parametrize("name", WITH_TABLES)
def test_every_shared_table_keeps_its_columns_and_only_the_record_s_header_text(
    shared: dict[str, tuple[Path, Made]], name: str, tmp_path: Path
) -> None:
    path, made = shared[name]
    expected = source_tables(path)
    word = word_tables(made, tmp_path)
    pdf = pdf_record_tables(made, tmp_path)
    assert len(word) == len(pdf) == len(expected)
    for index, ((columns, cells), in_word, in_pdf) in enumerate(zip(expected, word, pdf, strict=True)):
        assert in_word.columns == in_pdf.columns == columns, f"table {index + 1}"
        for label in (label for row in in_word.header for label in row if label):
            assert _joins(_words(label), cells), (index + 1, label)
        for cell in (c for row in in_pdf.rows for c in row if c.type == "TH"):
            assert _words(cell.all_text()) in cells, (index + 1, cell.all_text())
    table_rules = ("MS-TBL", "TBL-", "PDFUA-7.5")
    found = [*checks.check(made.docx, "shared.docx"), *checks.check(made.pdf, "shared.pdf")]
    assert [str(d) for d in found if d.code.startswith(table_rules) and d.severity >= Severity.ERROR] == []


def _joins(label: str, cells: set[str]) -> bool:
    """Whether ``label`` is cell texts of the source joined by ": " (a Word header's levels)."""
    if label in cells:
        return True
    return any(
        label[:at] in cells and _joins(label[at + 2 :], cells)
        for at in (m.start() for m in re.finditer(": ", label))
    )


@pytest.mark.skipif(not VERAPDF.exists() or shutil.which("java") is None, reason="veraPDF is not installed")
def test_verapdf_passes_the_shared_records_with_tables(shared: dict[str, tuple[Path, Made]]) -> None:
    made = [m for _, m in shared.values()]
    verdicts = verapdf_many([m.pdf_path for m in made])
    assert verdicts is not None
    assert [v["failed_rules"] for v in verdicts.values() if not v["compliant"]] == []


# --- a band of rows joined by a span, taller than a page ---------------------------------------------


def test_rows_joined_by_a_span_taller_than_a_page_break_between_lines() -> None:
    from golden_trees import SPEECH
    from pdf_reading import write_pdf

    long = " ".join(SPEECH * 4)
    table = d.Table(
        "Table 1: a schedule",
        (d.header_row("Clause", "Effect", "Note"),),
        (
            (d.Cell((d.Paragraph((d.Text(long),)),), rowspan=3), d.text_cell("a"), d.text_cell("1")),
            (d.text_cell("b"), d.text_cell("2")),
            (d.text_cell("c"), d.text_cell("3")),
            (d.text_cell("After"), d.text_cell("d"), d.text_cell("4")),
        ),
    )
    document = d.Document("Schedule", "en-GB", (d.Heading(1, (d.Text("Schedule"),), "t"), table))
    data = write_pdf(document)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 2
        (tall,) = [td for td in elements(pdf, "TD") if "/A" in td and td.A.get("/RowSpan") == 3]
        pages = {pdf.pages.index(pikepdf.Page(k.Pg)) for k in tall.K if isinstance(k, pikepdf.Dictionary)}
        assert len(pages | {pdf.pages.index(pikepdf.Page(tall.Pg))}) >= 2  # one TD, on two pages
        assert len(elements(pdf, "TR")) == 5 and len(elements(pdf, "TH")) == 3  # the header heard once
    assert errors(data, "band.pdf") == []


@needs("pdftotext")
def test_the_first_of_two_header_rows_taller_than_a_page_breaks_between_lines(tmp_path: Path) -> None:
    """Found by the property tests (records with spans): a break inside the first of several
    header rows made a part with fewer rows than the table has header rows ("IndexError")."""
    from golden_trees import SPEECH
    from pdf_reading import write_pdf

    long = " ".join(SPEECH * 4)
    table = d.Table(
        "Table 1: a schedule",
        (d.header_row(long, "Effect"), d.header_row("Clause", "Note")),
        ((d.text_cell("a"), d.text_cell("1")), (d.text_cell("b"), d.text_cell("2"))),
    )
    document = d.Document("Schedule", "en-GB", (d.Heading(1, (d.Text("Schedule"),), "t"), table))
    data = write_pdf(document)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 2
        assert len(elements(pdf, "TH")) == 4 and len(elements(pdf, "TD")) == 4  # each cell once
    assert errors(data, "tall-first-header.pdf") == []
    words = poppler("pdftotext", data, tmp=tmp_path)
    assert words.count("traumatic") == 4 and "Clause" in words and "Note" in words  # every word, once


# --- HTML keeps real colspan, rowspan and scope, as the PDF does -----------------------------------------


def html_tables(made: Made) -> list[etree._Element]:
    root = lxml.html.fromstring(made.html)
    return [t for t in root.iter("table") if not any(w in t.findtext("caption", "") for w in COMPOSED)]


def html_cells(table: etree._Element) -> list[list[tuple[str, str, str | None, str | None, str | None]]]:
    """(tag, text, scope, colspan, rowspan) of each cell, row by row."""
    return [
        [
            (c.tag, " ".join(c.text_content().split()), c.get("scope"), c.get("colspan"), c.get("rowspan"))
            for c in tr
        ]
        for tr in table.iter("tr")
    ]


def test_html_keeps_the_spans_and_scopes(made: dict[str, Made]) -> None:
    (table,) = html_tables(made["colspan"])
    assert html_cells(table) == [
        [("th", "2023-24", "col", "2", None), ("th", "2024-25", "col", None, None)],
        [("td", "A1", None, None, None), ("td", "A2", None, None, None), ("td", "A3", None, None, None)],
        [("td", "B1", None, None, "2"), ("td", "B2", None, None, None), ("td", "B3", None, None, None)],
        [("td", "C2", None, None, None), ("td", "C3", None, None, None)],
    ]
    assert table.find("thead") is not None and len(table.findall("thead/tr")) == 1
    ids = {c.get("id"): c.text_content() for c in table.iter("th")}
    assert [ids[i] for i in table.findall("tbody/tr")[2][0].get("headers").split()] == ["2023-24"]


def test_html_three_header_rows_and_row_headers(made: dict[str, Made]) -> None:
    (table,) = html_tables(made["three-header-rows"])
    assert len(table.findall("thead/tr")) == 3
    first = table.findall("tbody/tr")[0]
    assert (first[0].tag, first[0].get("scope")) == ("th", "row")
    ids = {c.get("id"): c.text_content() for c in table.iter("th")}
    assert [ids[i] for i in first[1].get("headers").split()] == ["2024", "Q1", "Number", "North"]


def test_html_says_why_a_table_has_no_header(made: dict[str, Made]) -> None:
    (table,) = html_tables(made["akn-senate"])
    assert table.find(".//th") is None
    note = table.getroottree().getroot().get_element_by_id(table.get("aria-describedby"))
    assert note.text_content().startswith("The record gives this table no header row")
    found = {x.code: x.severity for x in checks.check(made["akn-senate"].html, "senate.html")}
    assert found.get("HTML-TBL-003") is Severity.WARNING and "HTML-TBL-002" not in found


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_every_table_page_passes_the_html_checks(made: dict[str, Made], name: str) -> None:
    assert errors(made[name].html, f"{name}.html") == []


def test_a_table_of_header_rows_only_has_no_thead_without_a_tbody() -> None:
    from pdf_reading import write_pdf

    table = d.Table("Table 1: speakers", (d.header_row("Name", "Party"),), ())
    data = write_pdf(
        d.Document("No one spoke", "en-GB", (d.Heading(1, (d.Text("No one spoke"),), "t"), table))
    )
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert not elements(pdf, "THead") and len(elements(pdf, "TH")) == 2
    assert errors(data, "head-only.pdf") == []


# --- the tool's words about a table in the briefing's language -------------------------------------------------------


def _welsh_table_record(folder: Path) -> Path:
    """A Welsh record with a table that has neither caption nor header, and one with a caption."""
    speech = {
        "type": "speech",
        "label": "Y Gweinidog",
        "paragraphs": [
            "Mae'r wybodaeth yn y tabl canlynol, a gyhoeddwyd gan y Llywodraeth ddoe.",
            {"table": {"rows": [["Caerdydd", "12"], ["Abertawe", "9"]]}},
            {
                "table": {
                    "caption": "Achosion fesul ardal",
                    "header_rows": 1,
                    "rows": [["Ardal", "Achosion"], ["Caerdydd", "12"]],
                }
            },
        ],
    }
    record = {
        "title": "Datganiad gan y Gweinidog Iechyd",
        "language": "cy",
        "date": "2024-05-14",
        "sections": [{"title": "Datganiad", "items": [speech]}],
    }
    path = folder / "welsh-tables.json"
    path.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    return path


def _html_tables(made: Made) -> list[lxml.html.HtmlElement]:
    """The page's tables that come from the record (not the speakers table composing adds)."""
    page = lxml.html.fromstring(made.html)
    return [
        t
        for t in page.iter("table")
        if "siaradwyr" not in t.findtext("caption", "").lower()
        and "speakers" not in t.findtext("caption", "").lower()
    ]


def test_a_welsh_briefing_says_its_table_words_in_welsh(tmp_path: Path) -> None:
    made = convert(_welsh_table_record(tmp_path), tmp_path / "out")
    captions = [t.findtext("caption").strip() for t in _html_tables(made)]
    assert "Tabl 2: tabl yng nghofnod yr araith hon" in captions
    assert "Tabl 3: Achosion fesul ardal" in captions
    page = lxml.html.fromstring(made.html)
    assert page.get("lang") == "cy"
    notes = [" ".join(p.text_content().split()) for p in page.find_class("table-note")]
    assert notes and notes[0].startswith("Nid yw'r cofnod yn rhoi rhes pennawd i'r tabl hwn")
    assert all(p.get("lang") is None for p in page.find_class("table-note"))  # the page's own language
    with pikepdf.open(io.BytesIO(made.pdf)) as pdf:
        summaries = [str(t.A.Summary) for t in elements(pdf, "Table") if "/A" in t and "/Summary" in t.A]
    assert summaries and summaries[0].startswith("Nid yw'r cofnod yn rhoi rhes pennawd")
    text = " ".join(poppler("pdftotext", made.pdf, tmp=tmp_path).split())
    assert "Tabl 2: tabl yng nghofnod yr araith hon" in text and "Tabl 3: Achosion fesul ardal" in text
    document = docx_xml(made.docx)
    descriptions = [e.get(f"{W}val") for e in document.iter(f"{W}tblDescription")]
    assert any(v and v.startswith("Nid yw'r cofnod yn rhoi rhes pennawd") for v in descriptions)


def test_english_table_words_in_a_welsh_briefing_are_tagged_english(tmp_path: Path) -> None:
    made = convert(_welsh_table_record(tmp_path), tmp_path / "out", "--ui-language", "en")
    page = lxml.html.fromstring(made.html)
    captions = {t.findtext("caption").strip(): t.find("caption") for t in _html_tables(made)}
    tool_caption = captions["Table 2: table in the record of this speech"]
    assert tool_caption.get("lang", "").startswith("en")
    # the record's own caption keeps the record's language and is not wrapped in English words
    assert "Achosion fesul ardal" in captions and captions["Achosion fesul ardal"].get("lang") is None
    note = page.find_class("table-note")[0]
    assert note.get("lang", "").startswith("en") and note.text_content().strip().startswith(
        "The record gives this table"
    )
