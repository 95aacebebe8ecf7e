"""Marked content, structure elements and their emission into the PDF."""
