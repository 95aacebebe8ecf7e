"""The HTML writer: ``write(document, options, reporter) -> bytes``, one self-contained page."""

from exporter.writers.html.writer import HtmlWriter, write

WRITER = HtmlWriter

__all__ = ["WRITER", "HtmlWriter", "write"]
