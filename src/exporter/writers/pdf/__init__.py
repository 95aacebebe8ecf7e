"""PDF/UA-1 briefings: ReportLab layout under our own tagging layer."""

from exporter.writers.pdf.writer import render, write

__all__ = ["render", "write"]
