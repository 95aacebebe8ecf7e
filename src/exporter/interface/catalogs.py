"""Keeping the interface catalogs: extract the messages, update each language, compile.

    python -m exporter.interface.catalogs update   # template from the code, .po files merged, .mo compiled
    python -m exporter.interface.catalogs check    # exit 1 if a .mo is stale or a complete .po lacks a message

Messages are the first arguments of ``gettext`` and ``ngettext`` calls in ``exporter.compose``
(Babel's Python extractor). A ``.po`` says in its header whether it is ``complete`` or a
``draft`` (``X-Catalog-Status``); a complete one must translate every message. The ``.mo``
files are compiled by Babel and committed, so ``pip install .`` ships them with nothing to
build; compiling is deterministic (messages in order, no tool version or time in the
header), and ``check`` (a test) fails when one is not what its ``.po`` compiles to.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from exporter.interface import _STATUS_FIELD, DOMAIN, LOCALE_DIR

COMPOSE_DIR = Path(__file__).resolve().parents[1] / "compose"
KEYWORDS = {"gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
HEADER = """\
# The words debate-exporter adds to a briefing (its interface), for translators.
# Each .po beside this says in its header whether it is complete or a draft
# (X-Catalog-Status); locale/README.md names the sources of the Welsh terms.
#"""
_STATUS = re.compile(rf'^"{_STATUS_FIELD}:\s*(\w+)\\n"$', re.MULTILINE)


class _Compiled(Catalog):
    """A catalog whose header names no tool version and keeps the catalog's status."""

    status = "draft"

    @property
    def mime_headers(self) -> list[tuple[str, str]]:
        headers = [(k, v) for k, v in Catalog.mime_headers.fget(self) if k != "Generated-By"]  # type: ignore[attr-defined]
        return [*headers, (_STATUS_FIELD, self.status)]

    @mime_headers.setter
    def mime_headers(self, headers: Iterable[tuple[str, str]]) -> None:
        Catalog.mime_headers.fset(self, headers)  # type: ignore[attr-defined]


def _found() -> list[tuple[str, int, str | tuple[str, ...], list[str], str | None]]:
    """Every gettext call's message in the code: (file, line, message, comments, context)."""
    return list(extract_from_dir(COMPOSE_DIR, method_map=[("**.py", "python")], keywords=KEYWORDS))


def collisions() -> list[str]:
    """Messages given both alone (gettext) and with a plural (ngettext): a catalog keeps one
    of the two, so the other would go untranslated."""
    kinds: dict[tuple[str, str | None], set[bool]] = {}
    for _filename, _lineno, message, _comments, context in _found():
        singular = message if isinstance(message, str) else message[0]
        kinds.setdefault((singular, context), set()).add(isinstance(message, str))
    return [singular for (singular, _context), seen in kinds.items() if len(seen) > 1]


def extract() -> Catalog:
    """Every message in the code, as a template."""
    template = Catalog(
        project="debate-exporter",
        charset="utf-8",
        fuzzy=False,
        header_comment=HEADER,
        creation_date=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),  # fixed: the same code, the same bytes
    )
    for filename, lineno, message, comments, context in _found():
        flags = (
            ("python-brace-format",) if "{" in (message if isinstance(message, str) else message[0]) else ()
        )
        template.add(
            message,
            locations=[(f"compose/{filename}", lineno)],
            auto_comments=comments,
            context=context,
            flags=flags,
        )
    return template


def po_files() -> list[Path]:
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(po: Path) -> tuple[Catalog, str]:
    """A .po's messages and its status ("complete" or "draft")."""
    text = po.read_text("utf-8")
    found = _STATUS.search(text)
    with po.open("rb") as stream:
        catalog = read_po(stream)
    return catalog, found.group(1) if found else "draft"


def compiled(po: Path) -> bytes:
    """The .mo bytes of one .po: the same .po gives the same bytes."""
    catalog, status = read(po)
    mo = _Compiled(locale=catalog.locale, charset="utf-8")
    mo.status = status
    mo.mime_headers = catalog.mime_headers
    for message in catalog:
        if message.id:
            mo.add(message.id, message.string, context=message.context, flags=message.flags)
    buffer = io.BytesIO()
    write_mo(buffer, mo)
    return buffer.getvalue()


def missing(po: Path, template: Catalog) -> list[str]:
    """Messages of the template that ``po`` does not translate (or translates fuzzily)."""
    catalog, _status = read(po)
    gaps = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        strings = found.string if found is not None else None
        if found is None or found.fuzzy or not strings or (isinstance(strings, tuple) and not all(strings)):
            gaps.append(message.id if isinstance(message.id, str) else message.id[0])
    return gaps


def problems() -> list[str]:
    """What ``check`` reports: stale .mo files, complete catalogs with gaps, a message given
    both alone and with a plural."""
    found = [f"{message!r} is given both alone and with a plural form: use one" for message in collisions()]
    template = extract()
    for po in po_files():
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(po):
            found.append(
                f"{mo}: not what {po.name} compiles to; run: python -m exporter.interface.catalogs update"
            )
        if read(po)[1] == "complete":
            found.extend(f"{po}: no translation of {message!r}" for message in missing(po, template))
    return found


def update() -> None:
    """Write the template, merge it into every .po (new messages untranslated), compile."""
    template = extract()
    with TEMPLATE.open("wb") as stream:
        write_po(stream, template, omit_header=False, sort_output=True, width=100)
    for po in po_files():
        catalog, status = read(po)
        catalog.update(template, update_header_comment=False)
        text = io.BytesIO()
        write_po(text, catalog, sort_output=True, width=100, ignore_obsolete=True)
        po_text = text.getvalue().decode("utf-8")
        if not _STATUS.search(po_text):
            po_text = po_text.replace('"Generated-By:', f'"{_STATUS_FIELD}: {status}\\n"\n"Generated-By:', 1)
        po.write_text(po_text, "utf-8")
        po.with_suffix(".mo").write_bytes(compiled(po))


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["check"]:
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
