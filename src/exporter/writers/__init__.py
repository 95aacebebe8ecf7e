"""Writers: each renders an exporter.document.Document to the bytes of one output format.

A writer is one module named in ``exporter.formats.OUTPUT_FORMATS`` with
``write(document, options, reporter) -> bytes``, built on ``writers.base.Writer`` (a
``document.Visitor``): one ``visit_`` method per node type, so a node type a writer does
not handle fails loudly.
"""
