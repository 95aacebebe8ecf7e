"""Checks audit the files we write: each returns diagnostics whose codes are rule ids."""

from __future__ import annotations

import importlib

from exporter.diagnostics import Diagnostic, Severity
from exporter.errors import InputError


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
    kind = kind_of(data)
    if kind is None:
        raise InputError("not a .docx, PDF or HTML file", source)
    module = importlib.import_module(f"exporter.checks.{kind}")
    diagnostics: list[Diagnostic] = module.check(data, source)
    return diagnostics
