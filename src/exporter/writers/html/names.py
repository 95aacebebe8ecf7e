"""What one HTML page calls things: element ids, the writer's own words and language tags.

- ids: every tree anchor gets an HTML id (ids cannot hold spaces), in document order so that
  links may point forward and ids are the same from run to run; the writer's own ids (the
  main content, notes, captions) never take one a tree anchor has;
- words: the writer's own words come from the tree (``Document.label``): in the interface's
  language when it carries them (``Document.labels``), else in English, marked with their
  language in a page in another (``Document.label_lang``; WCAG 3.1.2);
- languages: a tag as HTML wants it (BCP 47, hyphens), or None with a warning.
"""

from __future__ import annotations

from exporter import document as doc
from exporter.diagnostics import Reporter
from exporter.writers.html import markup


class Names:
    def __init__(self, document: doc.Document, reporter: Reporter) -> None:
        self.document = document
        self.reporter = reporter
        self._taken: set[str] = set()
        self.ids: dict[str, str] = {}  # tree anchor -> HTML id
        for block in doc.walk_blocks(document.blocks):
            if isinstance(block, (doc.Heading, doc.Table)) and block.anchor and block.anchor not in self.ids:
                self.ids[block.anchor] = self.new_id(
                    markup.ID_UNSAFE.sub("-", block.anchor.strip()) or "section"
                )
        self.language = self.language_tag(document.language, "the document") or "und"

    def new_id(self, base: str) -> str:
        """An id no element of the page has yet: ``base``, else ``base-2``, ``base-3`` ..."""
        candidate, n = base, 2
        while candidate in self._taken:
            candidate, n = f"{base}-{n}", n + 1
        self._taken.add(candidate)
        return candidate

    def label(self, key: str, **values: object) -> tuple[str, str | None]:
        """One of the writer's own words (a key of ``document.WRITER_LABELS``), and its
        language when not the page's."""
        lang = self.language_tag(self.document.label_lang(key), "the writer's words")
        other = lang if lang and not markup.same_language(lang, self.language) else None
        return self.document.label(key, **values), other

    def language_tag(self, tag: str | None, what: str) -> str | None:
        """A language tag as HTML wants it; None, with a warning, for one that is not a tag,
        so that the part takes its surroundings' language."""
        if tag is None:
            return None
        value = tag.strip().replace("_", "-")
        if markup.LANGUAGE_TAG.match(value):
            return value
        self.reporter.warn("HTML-LANG", f"{what} has language {tag!r}, not a BCP 47 tag; left out")
        return None
