"""Writers: each renders an exporter.document.Document to the bytes of one output format.

A writer is one module named in ``exporter.formats.OUTPUT_FORMATS`` (one registry line)
with ``write(document, options, reporter) -> bytes`` and ``WRITER``, its class: a
``writers.base.Writer``, which is a ``document.Visitor`` with one ``visit_`` method per
node type, so a node type a writer does not handle fails loudly.
"""
