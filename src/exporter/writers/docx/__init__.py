"""The Word (.docx) writer: ``write(document, options, reporter) -> bytes``."""

from exporter.writers.docx.writer import DocxWriter, write

__all__ = ["DocxWriter", "write"]
