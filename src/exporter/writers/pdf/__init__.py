"""PDF/UA-1 briefings: ReportLab layout under our own tagging layer."""

from exporter.writers.pdf.writer import PdfWriter, render, write

WRITER = PdfWriter

__all__ = ["WRITER", "PdfWriter", "render", "write"]
