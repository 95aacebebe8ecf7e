"""The visitor base every writer uses: one method per node type, unknown types fail loudly,
anchors and notes handled once. The writers are found through the format registry, so
a writer registered tomorrow is held to the same contract."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from typing import Any

import lxml.html
import pytest

from exporter import document as d
from exporter.diagnostics import Reporter
from exporter.document_json import TreeJSON
from exporter.formats import OUTPUT_FORMATS
from exporter.options import WriteOptions
from exporter.validation import problems_of, validate
from exporter.writers.base import Writer
from golden_trees import energy_bill

WRITERS: dict[str, type[Writer]] = {fmt.name: fmt.load().WRITER for fmt in OUTPUT_FORMATS}


@dataclass(frozen=True)
class Figure:
    """A node type the tree does not have yet (as tables, figures and asides will come)."""

    alt: str


WITH_FIGURE = d.Document(
    "Figures",
    "en-GB",
    (
        d.Heading(1, (d.Text("Figures"),), "title"),
        Figure("A chart of the votes cast, by party"),  # type: ignore[arg-type]
        d.Paragraph((d.Text("After the figure."),)),
    ),
)


def visit_figure(self: Writer, node: Figure, *context: Any) -> Any:
    """How a writer learns the new node: here, as the paragraph of its text alternative."""
    return self.visit(d.Paragraph((d.Text(node.alt),)), *context)


def test_every_format_has_a_writer_class_on_the_base() -> None:
    assert set(WRITERS) == {fmt.name for fmt in OUTPUT_FORMATS}
    for name, writer in WRITERS.items():
        assert issubclass(writer, Writer) and issubclass(writer, d.Visitor), name


@pytest.mark.parametrize("visitor", [*WRITERS.values(), TreeJSON], ids=lambda cls: cls.__name__)
def test_each_visitor_has_one_method_per_node_type(visitor: type[d.Visitor]) -> None:
    missing = [
        d.visit_method(node_type)
        for node_type in d.NODE_TYPES
        if not hasattr(visitor, d.visit_method(node_type))
    ]
    assert missing == []


def test_method_names_follow_the_node_types() -> None:
    assert [d.visit_method(t) for t in (d.NoteRef, d.BulletList, d.ContentsEntry, d.Text)] == [
        "visit_note_ref",
        "visit_bullet_list",
        "visit_contents_entry",
        "visit_text",
    ]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_new_node_type_fails_every_writer_until_it_handles_it(fmt: str) -> None:
    writer = WRITERS[fmt]
    with pytest.raises(
        d.UnknownNodeError, match=r"cannot render a Figure node \(it has no visit_figure method\)"
    ):
        writer(WITH_FIGURE, WriteOptions(), Reporter(fmt)).render()
    taught = type(f"{writer.__name__}WithFigures", (writer,), {"visit_figure": visit_figure})
    data = taught(WITH_FIGURE, WriteOptions(), Reporter(fmt)).render()
    assert "A chart of the votes cast, by party" in text_of(fmt, data)


def test_a_new_node_type_fails_the_validation_too() -> None:
    with pytest.raises(d.UnknownNodeError, match="Figure"):
        validate(WITH_FIGURE, Reporter())


def test_an_unknown_inline_fails_inside_a_paragraph_a_link_and_a_note() -> None:
    for inlines in (
        (Figure("x"),),
        (d.Link("https://example.org/", (Figure("x"),)),),  # type: ignore[arg-type]
        (d.NoteRef((Figure("x"),)),),  # type: ignore[arg-type]
    ):
        document = d.Document("T", "en-GB", (d.Heading(1, (d.Text("T"),), "t"), d.Paragraph(inlines)))  # type: ignore[arg-type]
        for fmt, writer in WRITERS.items():
            with pytest.raises(d.UnknownNodeError, match="Figure"):
                writer(document, WriteOptions(), Reporter(fmt)).render()


def test_anchors_are_collected_once_for_every_writer() -> None:
    visitor = d.Visitor(energy_bill())
    assert visitor.anchors == {"energy-bill", "summary", "proceedings", "division-12", "division-12-table"}
    assert visitor.resolves(d.Link("#division-12", (d.Text("x"),)))
    assert not visitor.resolves(d.Link("#nowhere", (d.Text("x"),)))
    assert visitor.resolves(d.Link("https://example.org/", (d.Text("x"),)))


def test_notes_are_numbered_in_reading_order_by_the_base() -> None:
    visitor = d.Visitor(energy_bill())
    first, second = d.NoteRef((d.Text("a"),)), d.NoteRef((d.Text("b"),))
    assert [visitor.note(first).number, visitor.note(second).number] == [1, 2]
    assert [note.children for note in visitor.notes] == [first.children, second.children]


def test_a_visitor_without_methods_fails_on_the_first_node() -> None:
    with pytest.raises(d.UnknownNodeError, match="this visitor cannot render a Document node"):
        d.Visitor(energy_bill()).visit(energy_bill())


def test_the_energy_bill_is_a_valid_tree_for_the_visitor_tests() -> None:
    assert problems_of(energy_bill()) == []


def text_of(fmt: str, data: bytes) -> str:
    """The words of an output, read back independently of the writer."""
    if fmt == "docx":
        return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    if fmt == "pdf":  # the content stream holds glyph ids: read the text with poppler
        if shutil.which("pdftotext") is None:
            pytest.skip("pdftotext is not installed")
        result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        return " ".join(result.stdout.decode("utf-8").split())
    if fmt == "html":  # read by an HTML parser, as a browser would
        return " ".join(lxml.html.document_fromstring(data).text_content().split())
    return json.dumps(json.loads(data), ensure_ascii=False)
