"""The PDF checker: a good briefing passes, and each rule catches its own injected fault.

Every fault is made with pikepdf in a copy of a briefing the writer made, so each test
changes exactly one thing that PDF/UA-1 forbids and expects the rule for it to fire.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

import pikepdf
import pytest

from exporter import checks
from exporter.checks.pdf import RULES, check
from exporter.diagnostics import Severity
from exporter.document import Document, Heading, Text
from exporter.errors import InputError
from golden_trees import deep_briefing, seed_briefing
from pdf_reading import elements, write_pdf

XMP_WITHOUT = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">{body}</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""
TITLE_XMP = '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">T</rdf:li></rdf:Alt></dc:title>'
PART_XMP = "<pdfuaid:part>1</pdfuaid:part>"


@pytest.fixture(scope="module")
def good() -> bytes:
    return write_pdf(seed_briefing())


def inject(data: bytes, fault: Callable[[pikepdf.Pdf], None]) -> bytes:
    with pikepdf.open(BytesIO(data)) as pdf:
        fault(pdf)
        out = BytesIO()
        pdf.save(out)
    return out.getvalue()


def codes(data: bytes) -> set[str]:
    return {diagnostic.code for diagnostic in check(data, "briefing.pdf")}


def add_content(pdf: pikepdf.Pdf, operators: bytes) -> None:
    page = pdf.pages[0]
    page.contents_add(pikepdf.Stream(pdf, operators), prepend=False)


def set_xmp(pdf: pikepdf.Pdf, body: str) -> None:
    pdf.Root.Metadata = pdf.make_stream(XMP_WITHOUT.format(body=body).encode("utf-8"))


def first_link_annotation(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    return next(annot for page in pdf.pages for annot in page.get("/Annots", []))


def first_font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    return next(iter(pdf.pages[0].Resources.Font.values()))


def swap_first_two_parent_tree_entries(pdf: pikepdf.Pdf) -> None:
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    key = int(pdf.pages[0].StructParents)
    for index in range(0, len(nums), 2):
        if int(nums[index]) == key:
            entry = nums[index + 1]
            entry[0], entry[1] = entry[1], entry[0]


def role_map(pdf: pikepdf.Pdf, mapping: dict[str, str]) -> None:
    pdf.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary({k: pikepdf.Name(v) for k, v in mapping.items()})


def retype(pdf: pikepdf.Pdf, old: str, new: str, count: int = 1) -> None:
    for element in elements(pdf, old)[:count]:
        element.S = pikepdf.Name("/" + new)


def drop_a_cell(pdf: pikepdf.Pdf) -> None:
    row = elements(pdf, "TR")[-1]
    del row.K[len(row.K) - 1]


def headerless_with_summary(pdf: pikepdf.Pdf) -> None:
    retype(pdf, "TH", "TD", count=99)
    summary = pikepdf.String("The record gives this table no header row.")
    elements(pdf, "Table")[0].A = pikepdf.Dictionary(O=pikepdf.Name("/Table"), Summary=summary)


def th_without_scope(pdf: pikepdf.Pdf) -> None:
    del elements(pdf, "TH")[0].A.Scope


def headers_naming_no_th(pdf: pikepdf.Pdf) -> None:
    cell = elements(pdf, "TD")[0]
    cell.A = pikepdf.Dictionary(O=pikepdf.Name("/Table"), Headers=pikepdf.Array([pikepdf.String("nowhere")]))


WARNINGS = {"PDFUA-7.5-table-summary"}  # a table the record gives no header, and says so

FAULTS: dict[str, Callable[[pikepdf.Pdf], None]] = {
    "PDFUA-5-pdfuaid": lambda pdf: set_xmp(pdf, TITLE_XMP),
    "PDFUA-7.1-metadata": lambda pdf: pdf.Root.__delattr__("Metadata"),
    "PDFUA-7.1-title": lambda pdf: set_xmp(pdf, PART_XMP),
    "PDFUA-7.1-display-doc-title": lambda pdf: pdf.Root.ViewerPreferences.__setattr__(
        "DisplayDocTitle", False
    ),
    "PDFUA-7.1-marked": lambda pdf: pdf.Root.MarkInfo.__setattr__("Marked", False),
    "PDFUA-7.1-struct-tree": lambda pdf: pdf.Root.StructTreeRoot.__delattr__("ParentTree"),
    "PDFUA-7.1-untagged-content": lambda pdf: add_content(pdf, b"0 0 m 100 100 l S"),
    "PDFUA-7.1-artifact-nesting": lambda pdf: add_content(pdf, b"/Artifact BMC /P <</MCID 0>> BDC EMC EMC"),
    "PDFUA-7.1-unbalanced": lambda pdf: add_content(pdf, b"/Artifact BMC"),
    "PDFUA-7.1-text-object": lambda pdf: add_content(pdf, b"BT /Artifact BMC ET EMC"),
    "PDFUA-7.1-mcid-unique": lambda pdf: add_content(pdf, b"/P <</MCID 0>> BDC EMC"),
    "PDFUA-7.1-struct-parents": lambda pdf: pdf.pages[0].obj.__delattr__("StructParents"),
    "PDFUA-7.1-parent-tree": swap_first_two_parent_tree_entries,
    "PDFUA-7.1-standard-type": lambda pdf: elements(pdf, "P")[0].__setattr__("S", pikepdf.Name("/Speech")),
    "PDFUA-7.1-role-map": lambda pdf: role_map(pdf, {"/H1": "/H1"}),
    "PDFUA-7.2-lang": lambda pdf: pdf.Root.__delattr__("Lang"),
    "PDFUA-7.4-heading-order": lambda pdf: elements(pdf, "H2")[0].__setattr__("S", pikepdf.Name("/H3")),
    "PDFUA-7.4-empty-heading": lambda pdf: elements(pdf, "H2")[0].__setattr__("K", pikepdf.Array()),
    "PDFUA-7.4-heading-kinds": lambda pdf: retype(pdf, "H3", "H"),
    "PDFUA-7.4-one-h": lambda pdf: retype(pdf, "H2", "H", count=2),
    "PDFUA-7.18.3-tabs": lambda pdf: pdf.pages[0].obj.__delattr__("Tabs"),
    "PDFUA-7.18.5-contents": lambda pdf: first_link_annotation(pdf).__delattr__("Contents"),
    "PDFUA-7.18.5-tagged": lambda pdf: first_link_annotation(pdf).__delattr__("StructParent"),
    "PDFUA-7.21-embedded": lambda pdf: first_font(pdf).FontDescriptor.__delattr__("FontFile2"),
    "PDFUA-7.21-tounicode": lambda pdf: first_font(pdf).__delattr__("ToUnicode"),
    "PDFUA-7.3-figure-alt": lambda pdf: retype(pdf, "P", "Figure"),
    "PDFUA-7.5-table-headers": lambda pdf: retype(pdf, "TH", "TD", count=99),
    "PDFUA-7.5-table-regular": drop_a_cell,
    "PDFUA-7.5-table-summary": headerless_with_summary,
    "PDFUA-7.5-th-scope": th_without_scope,
    "PDFUA-7.5-headers-ids": headers_naming_no_th,
    "PDFUA-7.2-table-groups": lambda pdf: retype(pdf, "TBody", "Div"),
    "PDFUA-7.6-list-structure": lambda pdf: retype(pdf, "LI", "P"),
    "PDFUA-7.9-note-id": lambda pdf: elements(pdf, "Note")[0].__delattr__("ID"),
}


def test_every_rule_has_a_fault_test() -> None:
    assert set(FAULTS) == set(RULES)


def test_a_briefing_from_the_writer_passes(good: bytes) -> None:
    assert check(good, "briefing.pdf") == []


def test_checks_dispatches_pdfs_by_content(good: bytes) -> None:
    assert checks.check(good, "briefing.pdf") == []


@pytest.mark.parametrize("rule", sorted(FAULTS))
def test_each_injected_fault_is_caught_by_its_rule(good: bytes, rule: str) -> None:
    found = check(inject(good, FAULTS[rule]), "briefing.pdf")
    assert rule in {diagnostic.code for diagnostic in found}
    expected = Severity.WARNING if rule in WARNINGS else Severity.ERROR
    assert all(diagnostic.severity == expected for diagnostic in found)


def test_a_strongly_structured_briefing_passes(good: bytes) -> None:
    """Headings deeper than six: every heading an H heading its own Sect (ISO 14289-1 7.4.4)."""
    assert check(write_pdf(deep_briefing()), "deep.pdf") == []
    found = codes(
        write_pdf(Document("x", "en-GB", (Heading(1, (Text("x"),), "x"), Heading(7, (Text("y"),), "y"))))
    )
    assert "PDFUA-7.4-heading-kinds" not in found and "PDFUA-7.4-one-h" not in found


def test_an_empty_unnumbered_heading_is_caught() -> None:
    def empty_h(pdf: pikepdf.Pdf) -> None:
        elements(pdf, "H")[1].K = pikepdf.Array()

    assert "PDFUA-7.4-empty-heading" in codes(inject(write_pdf(deep_briefing()), empty_h))


def test_a_circular_role_map_is_caught(good: bytes) -> None:
    assert "PDFUA-7.1-role-map" in codes(inject(good, lambda pdf: role_map(pdf, {"/A": "/B", "/B": "/A"})))


def test_a_role_mapped_custom_type_is_accepted(good: bytes) -> None:
    def custom_paragraph(pdf: pikepdf.Pdf) -> None:
        role_map(pdf, {"/Speech": "/P"})
        elements(pdf, "P")[0].S = pikepdf.Name("/Speech")

    assert codes(inject(good, custom_paragraph)) == set()


def test_a_parent_tree_pointing_at_the_wrong_element_names_the_mcids(good: bytes) -> None:
    found = check(inject(good, swap_first_two_parent_tree_entries), "briefing.pdf")
    (finding,) = [d for d in found if d.code == "PDFUA-7.1-parent-tree"]
    assert finding.location == "page 1" and "[0, 1]" in finding.message


def test_an_unreadable_file_is_an_input_error() -> None:
    with pytest.raises(InputError):
        check(b"%PDF-1.4 nothing else", "broken.pdf")


def test_debate_export_check_passes_a_good_pdf_and_fails_a_faulty_one(good: bytes, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from exporter.cli import main

    good_path, bad_path = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good_path.write_bytes(good)
    bad_path.write_bytes(inject(good, FAULTS["PDFUA-7.18.5-contents"]))
    assert CliRunner().invoke(main, ["check", str(good_path)]).exit_code == 0
    result = CliRunner().invoke(main, ["check", str(bad_path)])
    assert result.exit_code == 1
    assert "PDFUA-7.18.5-contents" in result.output
