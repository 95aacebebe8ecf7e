"""The words the tool adds to a briefing, in the briefing's language or marked with their own.

Every heading, label, caption, note and sentence that the tool (not the record) writes
goes through a gettext catalog (``locale/<language>/LC_MESSAGES/debate-exporter.mo``,
compiled from the ``.po`` beside it with Babel: ``python -m exporter.interface.catalogs``),
and every date and number is written with CLDR data through Babel. English is the source
language; a catalog is *complete* when it translates every message and says so in its
header (``X-Catalog-Status: complete``), otherwise it is a *draft* and is used only when
asked for with ``--ui-language``.

:func:`interface_for` chooses the language: the one asked for, else the document's when a
complete catalog exists, else English. When that is not the document's language, every
piece of tool text carries its own tag (``Interface.lang``), so a screen reader reads an
English "Summary" in a Slovak briefing with an English voice (WCAG 2.2 SC 3.1.2, Language
of Parts).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gettext
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from exporter import document as d
from exporter.language import tags

DOMAIN = "debate-exporter"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en-GB"  # the language the messages are written in
_STATUS_FIELD = "X-Catalog-Status"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Catalog:
    """One translation of the interface: its BCP 47 tag, whether it is complete, its messages."""

    language: str
    complete: bool
    translations: gettext.NullTranslations = field(compare=False, repr=False)


@cache
def shipped() -> dict[str, Catalog]:
    """Every catalog shipped, by its language's primary subtag ("cy"); English always."""
    found = {"en": Catalog(SOURCE_LANGUAGE, True, gettext.NullTranslations())}
    for mo in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")):
        with mo.open("rb") as stream:
            translations = gettext.GNUTranslations(stream)
        info = translations.info()
        language = tags.standard(info.get("language", mo.parents[1].name)) or mo.parents[1].name
        complete = info.get(_STATUS_FIELD.lower(), "draft").strip() == "complete"
        found[tags.primary(language)] = Catalog(language, complete, translations)
    return found


def available() -> list[tuple[str, bool]]:
    """(tag, complete) for every interface language, English first."""
    return [(catalog.language, catalog.complete) for catalog in shipped().values()]


class UnknownInterfaceLanguage(ValueError):
    """``--ui-language`` named a language with no catalog."""


def interface_for(document_language: str, requested: str | None = None) -> Interface:
    """The interface for a briefing in ``document_language`` (a BCP 47 tag).

    ``requested`` (``--ui-language``) wins, draft or complete; raises
    UnknownInterfaceLanguage when there is no catalog for it. Otherwise the document's
    language when its catalog is complete, else English.
    """
    found = shipped()
    if requested:
        catalog = found.get(tags.primary(requested))
        if catalog is None:
            names = ", ".join(tag for tag, _complete in available())
            raise UnknownInterfaceLanguage(f"no interface catalog for {requested!r}; there are: {names}")
    else:
        own = found.get(tags.primary(document_language))
        catalog = own if own is not None and own.complete else found["en"]
    return Interface(catalog, document_language)


def _babel_locale(tag: str) -> Locale:
    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(tags.primary(tag))


class Interface:
    """The tool's words in one language, for a document in another or the same.

    ``gettext``/``ngettext`` translate (extracted by Babel from calls by these names);
    ``text`` makes a tree ``Text`` tagged with ``lang`` when needed; ``date`` and ``number``
    write CLDR forms in the interface's language.
    """

    def __init__(self, catalog: Catalog, document_language: str) -> None:
        self.catalog = catalog
        self.language = catalog.language
        self.document_language = document_language
        self.locale = _babel_locale(catalog.language)
        # The tag tool text carries: none when it is in the document's own language.
        self.lang: str | None = (
            None if tags.same_language(catalog.language, document_language) else self.language
        )

    def gettext(self, message: str) -> str:
        return self.catalog.translations.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        """A message that means different things in different places ("Contents": the
        list of headings, or the Lords' lobby)."""
        return self.catalog.translations.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form for ``count`` (CLDR plural rules: Welsh has six), with ``{count}`` filled."""
        return self.catalog.translations.ngettext(singular, plural, count).replace(
            "{count}", self.number(count)
        )

    def text(self, message: str, *, strong: bool = False) -> d.Text:
        """An already-translated message as a tree ``Text`` in the interface's language."""
        return d.Text(message, strong=strong, lang=self.lang)

    def link(self, target: str, children: tuple[d.Text, ...], description: str) -> d.Link:
        """A tree ``Link`` whose description (an already-translated message: the PDF's
        /Contents, a tooltip) is in the interface's language and tagged so when that is not
        the document's."""
        return d.Link(target, children, description=description, description_lang=self.lang)

    def mixed(
        self, message: str, strong: bool = False, **values: str | d.Inline | tuple[d.Inline, ...]
    ) -> tuple[d.Inline, ...]:
        """An already-translated message whose ``{placeholders}`` hold other text, as tree
        inlines, so that a whole sentence stays one string to translate: the message's own
        words in the interface's language, a ``str`` value as the record's (the document's
        language), an inline value (a ``Text`` in its own language, a link) or several as
        they are.
        "Proxy vote cast by {name}" with a member's name, "{title}: opened by {speaker}"
        with a link. Adjacent texts of one form and language are joined, so that a filled
        sentence reads as one run. Raises KeyError for a placeholder not given."""
        pieces: list[d.Inline] = []
        for index, part in enumerate(_PLACEHOLDER.split(message)):
            if index % 2:
                value = values[part]
                if isinstance(value, str):
                    pieces.append(d.Text(value, strong=strong))
                elif isinstance(value, tuple):
                    pieces.extend(value)
                else:
                    pieces.append(value)
            elif part:
                pieces.append(d.Text(part, strong=strong, lang=self.lang))
        return _joined(pieces)

    def date(self, date: dt.date, length: str = "full") -> str:
        """The date as CLDR writes it: "full" gives "Wednesday, 23 February 2022" and
        "Dydd Mercher, 23 Chwefror 2022"; "long" gives "23 February 2022"."""
        return str(format_date(date, format=length, locale=self.locale))

    def number(self, value: int) -> str:
        """A count with the language's grouping: "12,345", "12 345" (Slovak)."""
        return str(format_decimal(value, locale=self.locale))

    def percent(self, share: float) -> str:
        """A share as the language writes a percentage: 0.04 gives "4%", "4 %" (Slovak)."""
        return str(format_percent(share, locale=self.locale))


def _joined(pieces: list[d.Inline]) -> tuple[d.Inline, ...]:
    """Adjacent texts that differ only in their words, joined into one."""
    out: list[d.Inline] = []
    for piece in pieces:
        previous = out[-1] if out else None
        if (
            isinstance(piece, d.Text)
            and isinstance(previous, d.Text)
            and dataclasses.replace(previous, text=piece.text) == piece
        ):
            out[-1] = dataclasses.replace(previous, text=previous.text + piece.text)
        else:
            out.append(piece)
    return tuple(out)


__all__ = ["Catalog", "Interface", "UnknownInterfaceLanguage", "available", "interface_for", "shipped"]
