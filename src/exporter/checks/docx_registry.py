"""The .docx rule registry: each rule is a function registered with its id and severity."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from exporter.checks.docx_package import DocxPackage
from exporter.diagnostics import Severity


@dataclass(frozen=True)
class Finding:
    """One breach of a rule; ``severity`` overrides the rule's own when a rule has two."""

    message: str
    location: str | None = None
    severity: Severity | None = None


QUOTE_MAX = 80


def quoted(text: str) -> str:
    """Text for a message: quoted, and cut short so a 200,000-character URL stays one line."""
    if len(text) > QUOTE_MAX:
        text = text[: QUOTE_MAX - 1] + "…"
    return repr(text)


RuleCheck = Callable[[DocxPackage], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    check: RuleCheck | None  # None: decided from the file's first bytes, before unzipping


RULES: list[Rule] = []


def rule(rule_id: str, severity: Severity, summary: str) -> Callable[[RuleCheck], RuleCheck]:
    def register(check: RuleCheck) -> RuleCheck:
        RULES.append(Rule(rule_id, severity, summary, check))
        return check

    return register
