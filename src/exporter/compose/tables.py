"""A table from the record as a briefing table: its grid, header rows and row headers as the
record has them, captioned and numbered.

What composing settles here, for every format alike: rows with nothing in them are left out
(a blank row is spacing, not data: MS-TBL-004), and so are columns with no words in any row
(a layout column of the printed page); a short row is padded and a span that runs
past its row group is cut, so the grid adds up; an empty cell heads nothing; a table with no
cells is left out, with a warning. A table whose record shows no header keeps none: the
briefing says so in the table's summary (Word's table description, the PDF's /Summary, the
web page's note), naming where the table is in the record, and composing warns.

The caption and the summary are the tool's words in the interface's language (whole
sentences from the catalogs), tagged when that is not the document's; the record's caption
keeps the record's language, and is not wrapped in the tool's words in another language (a
caption is one string with one language); a citation is English data (``front.english``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from exporter import document as d
from exporter import model as m
from exporter.compose.front import english
from exporter.compose.inlines import inlines
from exporter.compose.lists import gather_cell_lists
from exporter.compose.table_numbers import TableNumbers
from exporter.diagnostics import Reporter
from exporter.interface import Interface
from exporter.tables.grid import lay_out, without_rows

EMPTY_CODE = "TABLE-EMPTY"
NO_HEADER_CODE = "TABLE-NO-HEADER"


@dataclass(frozen=True)
class TableOrigin:
    """Where a table stands in the record, for the reader and for warnings."""

    location: str  # "speech uk.org.publicwhip/wrans/2009-10-27a.209.2": the record's own ids
    citation: str | None = None  # "HC Deb 27 October 2009, col 209W"


def briefing_table(
    table: m.Table,
    numbers: TableNumbers,
    ui: Interface,
    origin: TableOrigin,
    reporter: Reporter,
) -> d.Table | None:
    """The briefing table for ``table``, numbered by ``numbers`` in reading order (only a
    table that is kept), or None for a table with no cells (reported); its cells in the document's
    language (``ui.document_language``), the tool's words in the interface's."""
    language = ui.document_language
    rows, header_rows = _without_blank_rows(table)
    rows = _without_empty_columns(rows, header_rows)
    rows, header_rows = _without_blank_rows(replace(table, rows=tuple(rows), header_rows=header_rows))
    if not rows:
        reporter.warn(EMPTY_CODE, "a table in the record has no cells; left out", origin.location)
        return None
    header_rows = header_rows or _leading_column_headers(rows)
    grid = lay_out(rows, groups=(header_rows,))
    laid = [
        tuple(_cell(p.cell, p.colspan, p.rowspan, language, r < header_rows) for p in grid.starting_in(r))
        + (d.Cell(()),) * grid.holes(r)
        for r in range(grid.rows)
    ]
    index = numbers.placeholder()
    caption, caption_lang = _caption(table.caption, index, ui)
    summary: tuple[d.Text, ...] = ()
    if not header_rows:
        labels = any(cell.scope for row in laid for cell in row)
        summary = _no_header(labels, origin.citation, ui)
        why = (
            " has no header row in the record (no column headers marked, no title or label rows to see): "
            "written without one, and its description says why"
        )
        if index in caption:  # named by its number, once the tree's order is final
            numbers.warn(index, NO_HEADER_CODE, "Table {number}" + why, origin.location)
        else:  # the record's caption alone, unnumbered
            reporter.warn(NO_HEADER_CODE, f"the table {caption!r}" + why, origin.location)
    return d.Table(
        caption,
        tuple(laid[:header_rows]),
        tuple(laid[header_rows:]),
        caption_lang=caption_lang,
        summary=summary,
    )


def _caption(given: str | None, index: str, ui: Interface) -> tuple[str, str | None]:
    """The caption and its language (None: the document's): "Table 3: " and the record's
    caption in the interface's language, the record's caption alone when the interface is
    in another language, or the tool's own words for a table the record gives no caption."""
    if given and ui.lang:
        return given, None
    if given:
        return ui.gettext("Table {number}: {caption}").format(number=index, caption=given), None
    return ui.gettext("Table {number}: table in the record of this speech").format(number=index), ui.lang


def _no_header(row_labels: bool, citation: str | None, ui: Interface) -> tuple[d.Text, ...]:
    """Why the table has no header row, naming where it stands in the official record."""
    if row_labels and citation:
        message = ui.gettext("The record gives this table no header row, only labels for its rows ({citation}).")
    elif row_labels:
        message = ui.gettext("The record gives this table no header row, only labels for its rows.")
    elif citation:
        message = ui.gettext("The record gives this table no header row ({citation}).")
    else:
        message = ui.gettext("The record gives this table no header row.")
    if citation:
        found = ui.mixed(message, citation=english(citation, ui.document_language))
    else:
        found = ui.mixed(message)
    return tuple(piece for piece in found if isinstance(piece, d.Text))


def _leading_column_headers(rows: list[tuple[m.TableCell, ...]]) -> int:
    """How many leading rows are made of column headers the record marks (outside its header
    rows, as a table body may give them): they are the header rows. None of their cells may
    span below them, and a row of data must follow."""
    grid = lay_out(rows)
    count = 0
    while count < len(rows) - 1:
        filled = [p for p in grid.starting_in(count) if p.cell.text.strip()]
        if not filled or not all(p.cell.header in (m.HeaderScope.COLUMN, m.HeaderScope.BOTH) for p in filled):
            break
        count += 1
    while count and any(p.row < count < p.row + p.rowspan for p in grid.placed):
        count -= 1
    return count


def _cell(cell: m.TableCell, colspan: int, rowspan: int, language: str, in_head: bool) -> d.Cell:
    blocks = tuple(
        d.Paragraph(
            inlines(p.runs, p.lang or language),
            role="quote" if p.style is m.ParagraphStyle.QUOTE else "body",
            lang=p.lang if p.lang and p.lang != language else None,
        )
        for p in cell.paragraphs
        if p.text.strip()
    )
    scope = cell.header.value if cell.header and blocks else None
    if in_head and blocks and scope is None:
        scope = "column"  # a header row labels the columns below it: its cells with text do
    if scope is None:  # a data cell's typed list ("- " lines) is a list; a label stays words
        return d.Cell(gather_cell_lists(blocks), colspan, rowspan)
    return d.Cell(blocks, colspan, rowspan, scope)


def _without_empty_columns(
    rows: list[tuple[m.TableCell, ...]], header_rows: int
) -> list[tuple[m.TableCell, ...]]:
    """The rows with every column that has no words in any row left out (a layout column of
    the printed page says nothing); a cell spanning one spans one column fewer. A table whose
    columns are all empty keeps them (and is empty)."""
    grid = lay_out(rows, groups=(header_rows,))
    empty = {
        c
        for c in range(grid.columns)
        if all(slot is None or not slot.cell.text.strip() for slot in (line[c] for line in grid.slots))
    }
    if not empty or len(empty) == grid.columns:
        return rows
    kept: list[tuple[m.TableCell, ...]] = []
    for r in range(grid.rows):
        cells = []
        for p in grid.starting_in(r):
            left = [c for c in p.columns if c not in empty]
            if left:
                cells.append(replace(p.cell, colspan=len(left), rowspan=p.rowspan))
        kept.append(tuple(cells))
    return kept


def _without_blank_rows(table: m.Table) -> tuple[list[tuple[m.TableCell, ...]], int]:
    """The rows with every row that has nothing in it left out, and every row in which no cell
    begins (spans from above cover it all), spans over them shortened; and how many header
    rows remain. A row where a span with text begins or passes is not blank."""
    grid = lay_out(table.rows, groups=(table.header_rows,))
    drop = {
        r
        for r in range(grid.rows)
        if not grid.starting_in(r)
        or (
            all(slot is None or not slot.cell.text.strip() for slot in grid.slots[r])
            and all(p.rowspan == 1 for p in grid.starting_in(r))
        )
    }
    rows = [tuple(replace(p.cell, rowspan=p.rowspan) for p in row) for row in without_rows(grid, drop)]
    if not any(rows):
        return [], 0
    header_rows = min(table.header_rows, grid.rows) - sum(1 for r in drop if r < table.header_rows)
    return rows, header_rows
