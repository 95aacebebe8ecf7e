"""How each reader fills the model's table: what the record marks (HTML th/thead/scope/colspan/
rowspan, Akoma Ntoso th/td, TEI role="label" and cols/rows) and, where it marks nothing, only
the header the table plainly shows. Read through each reader's public ``read``."""

from __future__ import annotations

import pytest

from exporter.diagnostics import Reporter
from exporter.model import HeaderScope, Table, TableCell, walk_items
from exporter.options import ReadOptions
from exporter.readers import akoma_ntoso, parlamint, parlparse

H = HeaderScope


def parlparse_table(table_xml: str) -> Table:
    data = (
        '<publicwhip><major-heading id="uk.org.publicwhip/debate/2023-04-19d.1.0">Figures</major-heading>'
        '<speech id="uk.org.publicwhip/debate/2023-04-19d.1.1" speakername="Sam Minister" '
        'person_id="uk.org.publicwhip/person/1" colnum="1">'
        f"<p>The table:</p>{table_xml}</speech></publicwhip>"
    ).encode()
    debate = parlparse.read(data, "t.xml", ReadOptions(), Reporter("t.xml"))
    return only_table(debate)


def only_table(debate: object) -> Table:
    found = [
        block
        for item in walk_items(debate.sections)  # type: ignore[attr-defined]
        for block in getattr(item, "paragraphs", ())
        if isinstance(block, Table)
    ]
    assert len(found) == 1
    return found[0]


def shape(table: Table) -> list[list[tuple[str, int, int, str | None]]]:
    """(text, colspan, rowspan, header scope) of each cell, row by row."""
    return [
        [(c.text, c.colspan, c.rowspan, c.header.value if c.header else None) for c in row]
        for row in table.rows
    ]


# --- HTML: what the record marks ---------------------------------------------------------------------------


def test_thead_rows_are_header_rows_and_scope_says_what_a_th_labels() -> None:
    table = parlparse_table(
        "<table><thead><tr><td></td><th scope='col'>2023</th></tr></thead>"
        "<tbody><tr><th scope='row'>North</th><td>1</td></tr><tr><th>South</th><td>2</td></tr></tbody></table>"
    )
    assert table.header_rows == 1
    assert shape(table) == [
        [("", 1, 1, None), ("2023", 1, 1, "column")],  # the empty td corner heads nothing
        [("North", 1, 1, "row"), ("1", 1, 1, None)],
        [("South", 1, 1, "row"), ("2", 1, 1, None)],  # a th with no scope in the body labels its row
    ]


def test_spans_are_kept_and_rowspan_zero_runs_to_the_end_of_its_group() -> None:
    table = parlparse_table(
        "<table><tr><th colspan='2'>Year</th></tr>"
        "<tr><td rowspan='0'>A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>"
    )
    assert table.header_rows == 1
    assert [c.rowspan for row in table.rows for c in row if c.text == "A"] == [3]
    assert table.rows[0][0].colspan == 2


def test_tfoot_rows_come_last_and_a_caption_is_the_caption() -> None:
    table = parlparse_table(
        "<table><caption> Cases  by region </caption><tfoot><tr><td>Total</td><td>3</td></tr></tfoot>"
        "<tr><th>Region</th><th>Cases</th></tr><tr><td>North</td><td>3</td></tr></table>"
    )
    assert table.caption == "Cases by region"
    assert [[c.text for c in row] for row in table.rows] == [
        ["Region", "Cases"],
        ["North", "3"],
        ["Total", "3"],
    ]


def test_bad_spans_are_read_as_one() -> None:
    table = parlparse_table("<table><tr><td colspan='x'>a</td><td rowspan='-2'>b</td></tr></table>")
    assert [(c.colspan, c.rowspan) for c in table.rows[0]] == [(1, 1), (1, 1)]


# --- HTML: what a table plainly shows when it marks nothing ----------------------------------------------------


TITLE = "<tr><td colspan='3'><i>Households, by region</i></td></tr>"
UNIT = "<tr><td colspan='3'><i>£</i></td></tr>"
LABELS = "<tr><td></td><td><i>2023</i><sup>(1)</sup></td><td><b>2024</b></td></tr>"
DATA = "<tr><td>North</td><td>1</td><td>2</td></tr><tr><td>South</td><td>3</td><td>4</td></tr>"


def test_full_width_first_rows_are_the_caption_and_italic_labels_the_header() -> None:
    table = parlparse_table(f"<table>{TITLE}{UNIT}{LABELS}{DATA}</table>")
    assert table.caption == "Households, by region \u2014 £"
    assert table.header_rows == 1
    assert shape(table)[0] == [("", 1, 1, None), ("2023(1)", 1, 1, "column"), ("2024", 1, 1, "column")]
    # the empty corner: the first column labels the rows
    assert [row[0].header for row in table.rows[1:]] == [H.ROW, H.ROW]


def test_a_label_in_the_corner_means_the_first_column_is_data_with_a_heading() -> None:
    labels = "<tr><td><i>Region</i></td><td><i>2023</i></td><td><i>2024</i></td></tr>"
    table = parlparse_table(f"<table>{labels}{DATA}</table>")
    assert table.header_rows == 1 and table.rows[0][0].header is H.COLUMN
    assert [row[0].header for row in table.rows[1:]] == [None, None]


@pytest.mark.parametrize(
    "rows",
    [
        DATA,  # nothing in italics: no header, none made up
        "<tr><td><i>North</i></td><td></td><td></td></tr>" + DATA,  # a group label in the first column only
        LABELS + "<tr><td><i>North</i></td><td><i>1</i></td><td><i>2</i></td></tr>",  # italics all through
        "<tr><td>Region</td><td>2023</td><td>2024</td></tr>" + DATA,  # plain labels: not plainly a header
    ],
)
def test_no_header_is_made_up_when_the_table_does_not_show_one(rows: str) -> None:
    table = parlparse_table(f"<table>{rows}</table>")
    assert table.header_rows == 0
    assert not any(cell.header for row in table.rows for cell in row)
    assert table.caption is None


def test_two_rows_of_italic_labels_are_two_header_rows() -> None:
    top = "<tr><td></td><td colspan='2'><i>Cases</i></td></tr>"
    table = parlparse_table(f"<table>{TITLE}{top}{LABELS}{DATA}</table>")
    assert table.header_rows == 2 and table.rows[0][1].colspan == 2


def test_a_one_column_table_has_no_title_row() -> None:
    table = parlparse_table("<table><tr><td><i>Heading</i></td></tr><tr><td>x</td></tr></table>")
    assert table.caption is None and len(table.rows) == 2


# --- Akoma Ntoso and TEI ----------------------------------------------------------------------------------


def test_akoma_ntoso_th_rows_are_headers_and_a_th_in_the_body_labels_its_row() -> None:
    data = b"""<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><debate name="x"><meta/>
      <debateBody><debateSection eId="s"><heading>Figures</heading><speech by="#a"><from>A</from>
      <table><tr><th>Area</th><th colspan="2">Years</th></tr>
      <tr><th>North</th><td rowspan="2"><p>1</p><p>(est.)</p></td><td>2</td></tr><tr><th>South</th><td>3</td></tr>
      </table></speech></debateSection></debateBody></debate></akomaNtoso>"""
    table = only_table(akoma_ntoso.read(data, "t.xml", ReadOptions(), Reporter("t.xml")))
    assert table.header_rows == 1
    assert shape(table) == [
        [("Area", 1, 1, "column"), ("Years", 2, 1, "column")],
        [("North", 1, 1, "row"), ("1 (est.)", 1, 2, None), ("2", 1, 1, None)],
        [("South", 1, 1, "row"), ("3", 1, 1, None)],
    ]
    assert len(table.rows[1][1].paragraphs) == 2  # a cell of two paragraphs keeps them


def test_tei_label_rows_and_cells_and_their_spans() -> None:
    data = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt>
      <title type="main">T</title></titleStmt></fileDesc></teiHeader><text><body><div type="debateSection">
      <u who="#A"><seg>Figures.</seg><table><head>Cases</head>
      <row role="label"><cell rows="2">Area</cell><cell cols="2">Years</cell></row>
      <row role="label"><cell>2023</cell><cell>2024</cell></row>
      <row><cell role="label">North</cell><cell>1</cell><cell>2</cell></row></table></u>
      </div></body></text></TEI>"""
    table = only_table(parlamint.read(data, "t.xml", ReadOptions(), Reporter("t.xml")))
    assert table.caption == "Cases" and table.header_rows == 2
    assert shape(table) == [
        [("Area", 1, 2, "column"), ("Years", 2, 1, "column")],
        [("2023", 1, 1, "column"), ("2024", 1, 1, "column")],
        [("North", 1, 1, "row"), ("1", 1, 1, None), ("2", 1, 1, None)],
    ]


def test_an_empty_cell_is_an_empty_cell() -> None:
    table = parlparse_table("<table><tr><th>A</th><th>B</th></tr><tr><td></td><td>2</td></tr></table>")
    assert table.rows[1][0] == TableCell()
