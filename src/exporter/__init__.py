"""debate-exporter: parliamentary debate records to accessible briefings."""

__version__ = "0.1.0"
