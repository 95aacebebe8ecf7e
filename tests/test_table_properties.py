"""Any table a record may hold, spans that fit or not, header rows or none: the record format
gives it back unchanged, composing makes a grid that adds up (no composing fault), Word gets
a rectangle of cells under at most one header row, and the PDF is written and passes our
checker. Hypothesis makes the tables; a failure is shrunk to the smallest table that fails."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter import checks, record
from exporter import document as d
from exporter import model as m
from exporter.compose import compose
from exporter.diagnostics import Reporter, Severity
from exporter.options import ComposeOptions, WriteOptions
from exporter.tables.tree import table_grid
from exporter.tables.written_out import written_out
from exporter.validation import validate
from exporter.writers import docx as docx_writer
from exporter.writers import pdf as pdf_writer

WORDS = st.sampled_from(["North", "2023-24", "£", "1,200", "Rate per 1,000", "n/a", "Total", "(1) Note"])


@st.composite
def cells(draw: st.DrawFn) -> m.TableCell:
    paragraphs = tuple(
        m.Paragraph((m.Run(text, emphasis=draw(st.booleans())),))
        for text in draw(st.lists(WORDS, max_size=2))
    )
    return m.TableCell(
        paragraphs,
        colspan=draw(st.integers(1, 3)),
        rowspan=draw(st.integers(1, 3)),
        header=draw(st.sampled_from([None, None, m.HeaderScope.COLUMN, m.HeaderScope.ROW])),
    )


@st.composite
def tables(draw: st.DrawFn) -> m.Table:
    rows = tuple(
        tuple(draw(st.lists(cells(), min_size=0, max_size=4))) for _ in range(draw(st.integers(1, 5)))
    )
    return m.Table(rows, header_rows=draw(st.integers(0, 2)), caption=draw(st.none() | WORDS))


def debate_with(table: m.Table) -> m.Debate:
    speech = m.Speech(
        "s1", None, (m.Paragraph((m.Run("The figures are in the table."),)), table), label="A Member"
    )
    # in English, as our record format reads a record that does not say (its documented default)
    return m.Debate("Figures", (m.Section("Figures", (speech,)),), language="en-GB")


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(tables())
def test_the_record_format_gives_any_table_back(table: m.Table) -> None:
    debate = debate_with(table)
    assert record.from_dict(record.to_dict(debate), "property.json") == debate


def briefing_tables(table: m.Table) -> tuple[d.Document, list[d.Table]]:
    document = compose(debate_with(table), ComposeOptions(summary="none"), Reporter()).document
    document = validate(document, Reporter(), strict=True)  # a composing fault fails here
    found = [b for b in d.walk_blocks(document.blocks) if isinstance(b, d.Table) and "record" in b.caption]
    return document, found


@FAST
@given(tables())
def test_composing_makes_a_grid_that_adds_up_and_word_a_rectangle(table: m.Table) -> None:
    _, found = briefing_tables(table)
    for shown in found:
        grid = table_grid(shown)
        assert grid.adds_up
        assert not any(
            cell.scope and not d.cell_text(cell) for row in (*shown.head, *shown.rows) for cell in row
        )
        flat = written_out(shown)
        assert flat.columns == grid.columns
        assert flat.header is None or len(flat.header) == flat.columns
        assert all(len(row) == flat.columns for row in flat.rows)
        assert all(any(slot and d.cell_text(slot.cell) for slot in row) for row in flat.rows)  # no blank rows


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_word_and_pdf_are_written_and_pass_the_table_checks(table: m.Table) -> None:
    document, _ = briefing_tables(table)
    for name, writer in (("t.docx", docx_writer), ("t.pdf", pdf_writer)):
        data = writer.write(document, WriteOptions(), Reporter())
        found = [x for x in checks.check(data, name) if x.severity >= Severity.ERROR]
        assert [str(x) for x in found] == []
