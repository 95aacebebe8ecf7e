"""Table rules of DOCX-RULES.md: header rows, table look, merged, nested and blank rows, captions.

They know the form our Word writer gives a table the record gives spans (written out, no
merged cells, one header row) and the two things such a table may rightly lack: a header
row the record does not have (when the table's description says so: a warning, not
MS-TBL-001's error), and a label in the corner above a column of row headers (tblLook
firstColumn).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from exporter.checks.docx_package import NS, DocxPackage, is_on, text_of, w
from exporter.checks.docx_registry import Finding, rule
from exporter.diagnostics import Severity

CAPTION_SHOWN = 60  # characters of a caption quoted in a finding's location


def _table_where(package: DocxPackage, tbl: etree._Element, row: int | None = None) -> str:
    """``table 3 ("Table 3: speakers in this debate, …")``: its place among the document's
    tables, and its caption (Word's Alt Text title), which names it as its reader knows it."""
    where = f"table {package.tables.index(tbl) + 1}"
    caption = tbl.find("w:tblPr/w:tblCaption", NS)
    title = " ".join((caption.get(w("val")) or "").split()) if caption is not None else ""
    if title:
        shown = title if len(title) <= CAPTION_SHOWN else title[: CAPTION_SHOWN - 1].rstrip() + "\u2026"
        where += f" ({shown!r})"
    return f"{where} row {row}" if row else where


def _header_row(tbl: etree._Element) -> etree._Element | None:
    first = tbl.find(w("tr"))
    if first is None:
        return None
    return first if is_on(first.find("w:trPr/w:tblHeader", NS)) else None


@rule("MS-TBL-001", Severity.ERROR, "Tables specify a header row (w:tblHeader on the first row)")
def table_header_rows(package: DocxPackage) -> Iterator[Finding]:
    for tbl in package.tables:
        if tbl.find(w("tr")) is not None and _header_row(tbl) is None and not _why_no_header(tbl):
            yield Finding(
                "first row is not marked as a header row (Repeat Header Rows)", _table_where(package, tbl)
            )


@rule(
    "TBL-HDR-NONE-001",
    Severity.WARNING,
    "A table with no header row says why in its description (the record it comes from gives none)",
)
def explained_missing_header(package: DocxPackage) -> Iterator[Finding]:
    for tbl in package.tables:
        why = _why_no_header(tbl)
        if tbl.find(w("tr")) is not None and _header_row(tbl) is None and why:
            yield Finding(f"no header row; its description says: {why!r}", _table_where(package, tbl))


def _why_no_header(tbl: etree._Element) -> str:
    """The table's description (Alt Text), when it says something its caption does not."""
    description = tbl.find("w:tblPr/w:tblDescription", NS)
    caption = tbl.find("w:tblPr/w:tblCaption", NS)
    said = (description.get(w("val")) or "").strip() if description is not None else ""
    title = (caption.get(w("val")) or "").strip() if caption is not None else ""
    return said if said != title else ""


@rule("TBL-LOOK-001", Severity.TIP, "The header row is also switched on in the table look (tblLook firstRow)")
def table_look(package: DocxPackage) -> Iterator[Finding]:
    for tbl in package.tables:
        if _header_row(tbl) is None:
            continue
        look = tbl.find("w:tblPr/w:tblLook", NS)
        first_row = look is not None and _look_first_row(look)
        if not first_row:
            yield Finding(
                "header row is not ticked in Table Design (tblLook firstRow)", _table_where(package, tbl)
            )


def _look_first_row(look: etree._Element) -> bool:
    """w:firstRow when present; otherwise bit 0x0020 of the legacy hex w:val."""
    return _look(look, "firstRow", 0x0020)


def _look_first_column(look: etree._Element) -> bool:
    """w:firstColumn when present (the first column holds row headers); otherwise bit 0x0080."""
    return _look(look, "firstColumn", 0x0080)


def _look(look: etree._Element, name: str, bit: int) -> bool:
    explicit = look.get(w(name))
    if explicit is not None:
        return explicit in ("1", "true", "on")
    try:
        return bool(int(look.get(w("val"), "0") or "0", 16) & bit)
    except ValueError:
        return False


@rule("TBL-HDR-EMPTY-001", Severity.WARNING, "Header cells are not empty (but the corner above row headers)")
def empty_header_cells(package: DocxPackage) -> Iterator[Finding]:
    for tbl in package.tables:
        header = _header_row(tbl)
        if header is None:
            continue
        look = tbl.find("w:tblPr/w:tblLook", NS)
        row_headers = look is not None and _look_first_column(look)
        for n, cell in enumerate(header.findall(w("tc")), start=1):
            if not text_of(cell).strip() and not (n == 1 and row_headers):
                yield Finding(f"header cell {n} is empty", _table_where(package, tbl, 1))


@rule("MS-TBL-002", Severity.WARNING, "Tables have a simple structure: no merged or split cells")
def merged_cells(package: DocxPackage) -> Iterator[Finding]:
    for tbl in package.tables:
        for r, row in enumerate(tbl.findall(w("tr")), start=1):
            for cell in row.findall(w("tc")):
                span = cell.find("w:tcPr/w:gridSpan", NS)
                merged = (
                    cell.find("w:tcPr/w:vMerge", NS) is not None
                    or cell.find("w:tcPr/w:hMerge", NS) is not None
                )
                if merged or (span is not None and span.get(w("val"), "1") not in ("0", "1")):
                    yield Finding(
                        "merged cells confuse screen reader navigation", _table_where(package, tbl, r)
                    )
                    break


@rule("MS-TBL-003", Severity.WARNING, "No nested tables")
def nested_tables(package: DocxPackage) -> Iterator[Finding]:
    for tbl in package.tables:
        if any(ancestor.tag == w("tc") for ancestor in tbl.iterancestors()):
            yield Finding("a table inside a table cell", _table_where(package, tbl))


@rule("MS-TBL-004", Severity.WARNING, "No blank table rows used for spacing")
def blank_rows(package: DocxPackage) -> Iterator[Finding]:
    for tbl in package.tables:
        for r, row in enumerate(tbl.findall(w("tr")), start=1):
            if not text_of(row).strip() and row.find(".//w:drawing", NS) is None:
                yield Finding("blank row", _table_where(package, tbl, r))


@rule("TBL-CAP-001", Severity.TIP, "Tables have a caption or alt text")
def table_captions(package: DocxPackage) -> Iterator[Finding]:
    styles = package.styles
    for tbl in package.tables:
        caption = tbl.find("w:tblPr/w:tblCaption", NS)
        if caption is not None and (caption.get(w("val")) or "").strip():
            continue
        neighbours = (tbl.getprevious(), tbl.getnext())
        if any(
            n is not None and n.tag == w("p") and styles.name(styles.paragraph_style(n)) == "caption"
            for n in neighbours
        ):
            continue
        yield Finding(
            "no table caption (tblCaption) and no Caption paragraph next to it", _table_where(package, tbl)
        )
