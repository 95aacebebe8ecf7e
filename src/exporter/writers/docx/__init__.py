"""The Word (.docx) writer: ``write(document, options, reporter) -> bytes``."""

from exporter.writers.docx.writer import write

__all__ = ["write"]
