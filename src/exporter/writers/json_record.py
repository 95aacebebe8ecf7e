"""``-f json``: the debate in our record format, with the composed briefing under ``briefing``.

The record is the one the tree carries (``Document.record``: the debate as our record
format, the composed parts under ``briefing``: summary sentences with the speech each
comes from, key points, figures, speakers, citation); this writer adds the briefing
itself, the tree's JSON form, as ``briefing.document`` (read back with
``exporter.document_json.from_json``). Read as a record, the file gives back the same
debate: readers ignore ``briefing``.
"""

from __future__ import annotations

from typing import Any

from exporter import document as doc
from exporter.diagnostics import Reporter
from exporter.document_json import TreeJSON, dumps
from exporter.options import WriteOptions
from exporter.writers.base import Writer


class RecordWriter(TreeJSON, Writer):
    name = "the JSON writer"

    def render(self) -> bytes:
        data: dict[str, Any] = dict(self.document.record or {})
        briefing = dict(data.get("briefing") or {})
        briefing["document"] = self.visit(self.document)
        data["briefing"] = briefing
        return dumps(data, indent=2)


WRITER = RecordWriter


def write(document: doc.Document, options: WriteOptions, reporter: Reporter) -> bytes:
    return RecordWriter(document, options, reporter).render()
