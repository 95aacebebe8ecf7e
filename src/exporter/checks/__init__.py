"""Checks audit the files we write: each returns diagnostics whose codes are rule ids."""

from __future__ import annotations

import importlib

from exporter.diagnostics import Diagnostic, Severity
from exporter.errors import ExporterError, InputError, without_reprs


def kind_of(data: bytes) -> str | None:
    """Tell a .docx, a PDF and an HTML page apart by content, not by name."""
    from exporter.checks.html import is_html

    if is_html(data):
        return "html"
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "docx"  # an encrypted (IRM/password) package: the docx checks report it
    return None


def rules() -> list[tuple[str, Severity, str]]:
    """Every rule of every checker: its id, severity and what it asks."""
    from exporter.checks import docx, html, pdf

    found = [(rule.id, rule.severity, f"Word: {rule.summary}") for rule in docx.rules()]
    found.extend(
        (rule_id, Severity.ERROR, f"PDF: {summary}") for rule_id, summary in sorted(pdf.RULES.items())
    )
    found.extend((rule.id, rule.severity, f"HTML: {rule.summary}") for rule in html.rules())
    return found


def check(data: bytes, source: str) -> list[Diagnostic]:
    """Findings for one .docx, PDF or HTML file. Raises InputError, naming the file and what is
    wrong with it, for anything that is not a whole, readable .docx, PDF or HTML page."""
    kind = kind_of(data)
    if kind is None:
        raise InputError(not_ours(data), source)
    if kind == "pdf" and b"%%EOF" not in data[-2048:]:
        raise InputError("the PDF is cut short: it does not end with %%EOF", source)
    module = importlib.import_module(f"exporter.checks.{kind}")
    try:
        diagnostics: list[Diagnostic] = module.check(data, source)
    except ExporterError:
        raise
    except (Exception, RecursionError) as error:  # a damaged file our readers could half-open
        label = {"pdf": "PDF", "docx": ".docx"}.get(kind, "HTML page")
        cause = without_reprs(f"{type(error).__name__}: {error}")[:200]
        raise InputError(f"not a readable {label}: it is damaged ({cause})", source) from error
    return diagnostics


def not_ours(data: bytes) -> str:
    """Why ``data`` is not checked, saying what it looks like (for a file ``kind_of`` cannot tell)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        return "the file is empty"
    looks = "JSON" if head[:1] in (b"{", b"[") else "XML" if head[:1] == b"<" else None
    if looks is None:
        try:
            head.decode("utf-8")
            looks = "plain text"
        except UnicodeDecodeError as err:  # a character cut at the end of the sample is still text
            looks = "plain text" if err.start >= len(head) - 3 else "some other binary format"
    return f"not a .docx, PDF or HTML file (it looks like {looks})"
