"""The writer interface: a visitor of the briefing tree that renders it to bytes."""

from __future__ import annotations

from exporter import document as doc
from exporter.diagnostics import Reporter
from exporter.options import WriteOptions


class Writer(doc.Visitor):
    """Base of every output format's writer.

    ``Writer(document, options, reporter).render()`` gives the whole output as bytes; the
    same tree and options give the same bytes. Problems that still leave a usable output
    are reported as warnings on ``reporter``; a node type the writer has no ``visit_``
    method for raises ``document.UnknownNodeError``. A writer may assume a tree that
    passed ``exporter.validation`` but must not crash on one that did not.
    """

    def __init__(self, document: doc.Document, options: WriteOptions, reporter: Reporter) -> None:
        super().__init__(document)
        self.options = options
        self.reporter = reporter

    def render(self) -> bytes:
        raise NotImplementedError(f"{type(self).__name__} does not render")
