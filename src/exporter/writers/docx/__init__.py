"""The Word (.docx) writer: ``write(document, options, reporter) -> bytes``."""

from exporter.writers.docx.writer import DocxWriter, write

WRITER = DocxWriter

__all__ = ["WRITER", "DocxWriter", "write"]
