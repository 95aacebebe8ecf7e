"""Reopen a .docx and check it against DOCX-RULES.md (sections A, B and C).

``check(data, source)`` returns one Diagnostic per breach, coded with the rule id.
``RULES`` lists every rule (id, severity, summary) for ``--list-rules`` style help.
Severities are those of the team's DOCX rules (shared/accessibility/DOCX-RULES.md); MS-HDG-001 is a tip,
raised to a warning for documents over 500 words.

DOC-LANG-002 is decided like this: a warning when the docDefaults language is not a
well-formed BCP 47 tag, when it differs from the package's dc:language, or when it is
en-US and no dc:language confirms it (python-docx's and Word's template value).
"""

from __future__ import annotations

from exporter.checks import (  # noqa: F401 - importing a rules module registers its rules
    docx_rules_structure,
    docx_rules_tables,
    docx_rules_text,
)
from exporter.checks.docx_package import DocxPackage
from exporter.checks.docx_registry import RULES, Rule, rule
from exporter.diagnostics import Diagnostic, Severity

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: Word's encrypted package

rule("MS-PROT-001", Severity.ERROR, "Document access is not restricted (IRM or password encryption)")(None)  # type: ignore[arg-type]

__all__ = ["RULES", "Rule", "check", "rules"]


def rules() -> list[Rule]:
    """Every rule, sorted by id."""
    return sorted(RULES, key=lambda r: r.id)


def check(data: bytes, source: str) -> list[Diagnostic]:
    """Diagnostics for one .docx; a corrupt or non-Word file raises InputError."""
    if data.startswith(CFB_MAGIC[:4]):
        return [
            Diagnostic(
                "MS-PROT-001",
                Severity.ERROR,
                "the file is encrypted or rights-managed (an OLE container, not a zip): "
                "assistive technology and checkers cannot open it",
                source,
                None,
            )
        ]
    package = DocxPackage(data, source)
    found: list[Diagnostic] = []
    for each in RULES:
        if each.check is None:
            continue
        for finding in each.check(package):
            severity = finding.severity if finding.severity is not None else each.severity
            found.append(Diagnostic(each.id, severity, finding.message, source, finding.location))
    return found
