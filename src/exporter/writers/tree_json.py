"""``-f tree`` (``--dump-tree``): the briefing tree alone, in its JSON form, for tests and debugging."""

from __future__ import annotations

from exporter import document as doc
from exporter.diagnostics import Reporter
from exporter.document_json import TreeJSON, dumps
from exporter.options import WriteOptions
from exporter.writers.base import Writer


class TreeWriter(TreeJSON, Writer):
    name = "the tree writer"

    def render(self) -> bytes:
        return dumps(self.visit(self.document))


WRITER = TreeWriter


def write(document: doc.Document, options: WriteOptions, reporter: Reporter) -> bytes:
    return TreeWriter(document, options, reporter).render()
