"""PDF/UA-1 briefings: ReportLab layout under our own tagging layer."""

from exporter.writers.pdf.writer import PdfWriter, render, write

__all__ = ["PdfWriter", "render", "write"]
