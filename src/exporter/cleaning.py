"""Text as it enters the model: cleaned once, for every reader and every writer.

XML 1.0 (section 2.2, production [2] ``Char``) cannot hold U+0000-U+0008, U+000B, U+000C,
U+000E-U+001F, U+FFFE, U+FFFF or a lone surrogate, and both Word and PDF are written
through XML-based structures, so no string in the model may carry them. They arrive through
JSON escapes (``\\u0007``), text pasted from terminals and word processors, and HTML inside
JSON. Here:

- a whole ECMA-48 escape sequence (``ESC [ 0 m``, an OSC title, a character set switch) is
  removed, not just its ESC: what follows the ESC is terminal control, not words;
- every other character XML cannot hold is removed; one that separates (Word's vertical-tab
  line break, a form feed, the information separators) leaves a space between two words;
- a lone surrogate (the half of a character cut by a UTF-16 scraper) becomes U+FFFD, the
  replacement character, as the Unicode Standard (3.9, "U+FFFD Substitution") recommends for
  ill-formed text: something was there and is lost.

One warning per input (code ``TEXT-CLEANED``) gives how many were removed and the first place.
An identifier keeps what was removed as a visible code (``U+0007``), so that identifiers stay
distinct and references still match; a name or side that cleaning left empty becomes U+FFFD.

A name given blank (empty, or only spaces and characters that show nothing: U+200B, U+FEFF,
U+2060, a soft hyphen; ``exporter.invisible``) is no name, with a located warning
(``NAME-BLANK``): a speaker with one is left out and their speeches are speeches with no
speaker, headed "Unknown speaker" as any such speech is; a speech's printed name (label) is
none; a section title is none (the section has no heading). Details that read as nothing (a
party, a constituency, a role, a caption) are not given.

Language tags a reader took from the record are made BCP 47 (RFC 5646, checked by langcodes
through ``exporter.language.tags``): the standard form where there is one (``en_GB`` ->
``en-GB``), else dropped: a part then takes the document's language, and the document's is
resolved as if the record gave none (its parliament's, else identified: ``exporter.language``);
one warning (``LANGUAGE-TAG``). Our own record format refuses such tags before this step
(``record_errors``). A web address a reader took from a record that is not an
http, https, ftp or mailto address is left out, with one warning (``ADDRESS-DROPPED``).

A title that reads as nothing (only whitespace, format characters such as U+200B or U+FEFF,
invisible fillers such as U+3164, or what cleaning left of it) and a reader's placeholder
("Untitled sitting") are no title: the debate is left untitled, with one warning
(``TITLE-FALLBACK``), and the briefing names the sitting from its house and date in the
interface's language (``exporter.compose.names.debate_title``), so that a briefing never has
an empty or meaningless H1 or document title. A title a reader already left empty is the
reader's to report (``RECORD_NO_TITLE``, ``AKN_NO_TITLE``, ``PARLAMINT_NO_TITLE``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

from exporter import model as m
from exporter.diagnostics import Reporter
from exporter.invisible import described, reads_as_nothing
from exporter.language import tags
from exporter.tables.fit import SpanFit, fit_spans

CLEANED = "TEXT-CLEANED"
LANGUAGE_TAG = "LANGUAGE-TAG"
ADDRESS = "ADDRESS-DROPPED"
TITLE_FALLBACK = "TITLE-FALLBACK"
BLANK_NAME = "NAME-BLANK"
SPAN_FITTED = "TABLE-SPAN"

# CSI (colours, cursor moves), OSC (window titles, hyperlinks), character set designations and
# the cursor and keypad modes; a lone ESC before anything else goes as one control character.
_ESCAPE = r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()*+\-./][0-~]|[78=>])"
_NOT_XML = r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"
_SURROGATE = r"[\ud800-\udfff]"
_SEPARATORS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f")
_ANY_UNWANTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")  # one class: a fast scan
_UNWANTED = re.compile(f"(?P<escape>{_ESCAPE})|(?P<control>{_NOT_XML})|(?P<surrogate>{_SURROGATE})")
_PLACEHOLDER = re.compile(r"untitled(?: (?:debate|sitting|record|document))?$", re.I)


@dataclass
class Cleaning:
    """What cleaning removed from one input: counts, and the first place."""

    escapes: int = 0  # whole terminal escape sequences removed
    controls: int = 0  # single characters XML cannot hold, removed
    surrogates: int = 0  # lone surrogates replaced by U+FFFD
    first_place: str | None = None
    first_character: str | None = None  # "U+0007", or "an escape sequence"

    @property
    def total(self) -> int:
        return self.escapes + self.controls + self.surrogates

    def clean(self, text: str, place: str | None = None) -> str:
        """``text`` without what XML cannot hold; counts what went and where it first was."""
        if _ANY_UNWANTED.search(text) is None:  # the usual case, one fast scan
            return text

        def replace(match: re.Match[str]) -> str:
            kind = match.lastgroup
            if self.first_place is None and self.first_character is None:
                self.first_place = place
                self.first_character = (
                    "a terminal escape sequence" if kind == "escape" else _describe(match.group())
                )
            if kind == "escape":
                self.escapes += 1
                return ""
            if kind == "surrogate":
                self.surrogates += 1
                return "\ufffd"
            self.controls += 1
            if match.group() in _SEPARATORS:  # Word's line break (VT), a page break, a separator
                start, end = match.span()
                inside = start > 0 and end < len(text)
                between_words = inside and not text[start - 1].isspace() and not text[end].isspace()
                return " " if between_words else ""
            return ""

        return _UNWANTED.sub(replace, text)

    def report(self, reporter: Reporter) -> None:
        """One warning for the input (added to any already given for it)."""
        removed = [
            _count(self.escapes, "terminal escape sequence"),
            _count(self.controls, "control character"),
        ]
        done = " and ".join(part for part in removed if part)
        if done:
            done = f"removed {done}"
        if self.surrogates:
            done += (", " if done else "") + f"replaced {_count(self.surrogates, 'lone surrogate')} by U+FFFD"
        first, own_total = self.first_character, self.total

        def message(total: int) -> str:
            what = done if total == own_total else f"cleaned {total} in all"
            return f"text XML 1.0 cannot hold: {what}; the first ({first}) is here"

        reporter.tally(CLEANED, self.total, message, self.first_place)


def _count(number: int, noun: str) -> str:
    if not number:
        return ""
    return f"1 {noun}" if number == 1 else f"{number} {noun}s"


def needs_cleaning(text: str) -> bool:
    return _ANY_UNWANTED.search(text) is not None


def _describe(character: str) -> str:
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    return f"{code} {name}" if name else code


def clean_debate(debate: m.Debate, reporter: Reporter) -> m.Debate:
    """Every string in the debate cleaned and every language tag BCP 47 (RFC 5646, checked by
    langcodes), in one walk; one warning for each kind of change."""
    walk = _Walk()
    cleaned: m.Debate = walk.node(debate, None)
    walk.cleaning.report(reporter)
    walk.report_languages(reporter)
    walk.report_addresses(reporter)
    cleaned = _without_nameless_speakers(cleaned)
    walk.report_blanks(reporter)
    walk.report_spans(reporter)
    return _no_empty_title(debate.title, cleaned, reporter)


# Identifiers keep what was removed as a visible code, so that two that differed still differ
# and references still match; texts the record format requires to be non-empty keep U+FFFD
# when nothing else is left: something unreadable was there.
_IDENTIFIERS = frozenset({(m.Speaker, "id"), (m.Speech, "speaker"), (m.Vote, "speaker")})
_REQUIRED_TEXT = frozenset({(m.Speaker, "name"), (m.Vote, "name"), (m.Vote, "side"), (m.Count, "side")})
# A name, printed name or heading that reads as nothing (only spaces, format characters such
# as U+200B, U+FEFF, U+2060 or U+00AD, blank fillers: ``exporter.invisible``) is no name: a
# speaker's goes, and their speeches are a speech with no speaker ("Unknown speaker"), as is
# a speech whose printed name is blank; a section's is no heading. Each with a located warning.
_NAMES = frozenset({(m.Speaker, "name"), (m.Speech, "label"), (m.Section, "title"), (m.Vote, "name")})
# Details that read as nothing are not given (None): a blank party or caption says nothing.
_DETAILS = frozenset(
    {
        (m.Speaker, "constituency"), (m.Speaker, "party"), (m.Speaker, "role"), (m.Speech, "role"),
        (m.Section, "chair"), (m.Debate, "chair"), (m.Debate, "house"), (m.Debate, "location"),
        (m.Debate, "department"), (m.Debate, "bill"), (m.Debate, "committee"), (m.Table, "caption"),
        (m.ListEntry, "label"),
    }
)  # fmt: skip
_LANGUAGE_FIELDS = ("lang", "language")
_ADDRESS_FIELDS = ("url", "link")  # what the record format takes: http(s), ftp, mailto
_ADDRESS = re.compile(r"(https?|ftp|mailto):")  # as the schema says, case and all
_LEAVES = (bool, int, float, dt.date, Enum, type(None))


class _Walk:
    """One pass over the model; the place of a node is built only when it is needed."""

    def __init__(self) -> None:
        self.cleaning = Cleaning()
        self.languages: list[tuple[str, str]] = []  # (place, tag as given)
        self.addresses: list[tuple[str, str]] = []  # (place, web address as given)
        self.blanks: list[tuple[str, str, str]] = []  # (place, field, text as given) of blank names
        self.spans: list[tuple[str, str | None, SpanFit]] = []  # (place, caption, span cut) of tables
        self.steps: list[str] = []

    def place(self) -> str:
        return "".join(self.steps).lstrip(".")

    def node(self, node: Any, owner: tuple[type, str] | None) -> Any:
        if type(node) is str:
            return self.text(node, owner)
        if isinstance(node, tuple):
            items = []
            changed = False
            for index, item in enumerate(node):
                self.steps.append(f"[{index}]")
                new = self.node(item, None)
                self.steps.pop()
                changed = changed or new is not item
                items.append(new)
            return tuple(items) if changed else node
        if isinstance(node, _LEAVES):
            return node
        kind: Any = type(node)
        names = _field_names(kind)
        if not names:
            return node
        changes = {}
        for name in names:
            value = getattr(node, name)
            if value is None or isinstance(value, _LEAVES):
                continue
            self.steps.append(f".{name}")
            if name in _LANGUAGE_FIELDS and type(value) is str:
                new = self.language(value, name)
            elif name in _ADDRESS_FIELDS and type(value) is str and not _ADDRESS.match(value):
                self.addresses.append((self.place(), value))  # a reader took it from the record
                new = None
            else:
                new = self.node(value, (type(node), name))
            self.steps.pop()
            if new is not value:
                changes[name] = new
        if kind is m.TableCell and "paragraphs" in changes and not any(p.text for p in changes["paragraphs"]):
            changes["paragraphs"] = ()  # a cell left with no text is empty, as the model has it
        new_node = dataclasses.replace(node, **changes) if changes else node
        if kind is m.Table:
            new_node, fits = fit_spans(new_node)
            self.spans.extend((self.place(), new_node.caption, fit) for fit in fits)
        return new_node

    def text(self, text: str, owner: tuple[type, str] | None) -> str | None:
        cleaned = self.cleaning.clean(text, self.place()) if needs_cleaning(text) else text
        if owner in _REQUIRED_TEXT and not cleaned and cleaned is not text:
            return "\ufffd"  # cleaning removed all of it: something unreadable was there
        if owner in _NAMES and reads_as_nothing(cleaned):
            if owner == (m.Section, "title"):
                if cleaned:  # "" is a section the record leaves unnamed, as the model has it
                    self.blanks.append((self.place(), "title", text))
                return ""  # an invisible heading is no heading: composing leaves an untitled one out
            self.blanks.append((self.place(), owner[1], text))
            if owner == (m.Speaker, "name"):
                return ""  # the speaker goes: _without_nameless_speakers
            if owner == (m.Speech, "label"):
                return None  # a speech with no speaker
        if owner in _DETAILS and reads_as_nothing(cleaned):
            return None
        if owner in _REQUIRED_TEXT and reads_as_nothing(cleaned):  # a side given blank
            return "\ufffd"
        if cleaned is not text and owner in _IDENTIFIERS:
            return "".join(c if not needs_cleaning(c) else f"U+{ord(c):04X}" for c in text)
        return cleaned

    def language(self, tag: str, name: str) -> str | None:
        """A tag a reader took from a record that is not BCP 47 becomes its standard form when
        it has one (``en_GB`` -> ``en-GB``), else is dropped (None): a part then takes the
        document's language, and the document's is resolved as if the record gave none."""
        fixed = _bcp47(tag)
        if fixed == tag:
            return tag
        self.languages.append((self.place(), tag))
        return fixed

    def report_addresses(self, reporter: Reporter) -> None:
        if self.addresses:
            place, address = self.addresses[0]
            reporter.warn(
                ADDRESS,
                f"{len(self.addresses)} web address(es) left out that are not http:, https:, ftp: or "
                f'mailto: addresses, the first "{address[:60]}"',
                place,
            )

    def report_blanks(self, reporter: Reporter) -> None:
        """One located warning for each name, printed name and heading that reads as nothing."""
        for place, name, text in self.blanks:
            shows = f"shows nothing ({described(text)})" if text else "is empty"
            if name == "name" and place.startswith("speakers"):
                what = (
                    f"the speaker's name {shows}: they are left out of the speakers, and their speeches "
                    'are shown as a speech with no speaker ("Unknown speaker")'
                )
            elif name == "label":
                what = f'the speaker\'s name as printed {shows}: shown as a speech with no speaker ("Unknown speaker")'
            elif name == "title":
                what = f"the section's title {shows}: the section has no heading"
            else:
                what = f"the voter's name {shows}: shown as U+FFFD, the replacement character"
            reporter.warn(BLANK_NAME, what, place)

    def report_spans(self, reporter: Reporter) -> None:
        """One located warning for each table cell whose span reached past its table."""
        for place, caption, fit in self.spans:
            table = f'table "{_shortened(caption)}"' if caption else "a table with no caption"
            text = f'the cell "{_shortened(fit.text)}"' if fit.text.strip() else "an empty cell"
            reporter.warn(
                SPAN_FITTED, f"{table}: {text} (row {fit.row + 1}, column {fit.column + 1}) {fit.what}", place
            )

    def report_languages(self, reporter: Reporter) -> None:
        if self.languages:
            place, tag = self.languages[0]
            reporter.warn(
                LANGUAGE_TAG,
                f'{len(self.languages)} language tag(s) not BCP 47, the first "{tag[:40]}"; standard forms '
                "used where there are any, else the tag is left out",
                place,
            )


def _without_nameless_speakers(debate: m.Debate) -> m.Debate:
    """The debate without the speakers whose name read as nothing (``_Walk.text`` left it
    ""): a speech or vote that named one names no one (a speech keeps the name it printed,
    if it printed one), so the briefing heads it as it heads any speech with no speaker."""
    nameless = {speaker.id for speaker in debate.speakers if not speaker.name}
    if not nameless:
        return debate
    named = {speaker.id for speaker in debate.speakers if speaker.name}
    gone = nameless - named  # an id given twice, once with a name, keeps that name

    def item(node: m.Item) -> m.Item:
        if isinstance(node, m.Speech) and node.speaker in gone:
            return dataclasses.replace(node, speaker=None)
        if isinstance(node, m.Division) and any(vote.speaker in gone for vote in node.votes):
            votes = tuple(dataclasses.replace(v, speaker=None) if v.speaker in gone else v for v in node.votes)
            return dataclasses.replace(node, votes=votes)
        if isinstance(node, m.Section):
            return dataclasses.replace(node, items=tuple(item(child) for child in node.items))
        return node

    return dataclasses.replace(
        debate,
        speakers=tuple(speaker for speaker in debate.speakers if speaker.name),
        sections=tuple(dataclasses.replace(s, items=tuple(item(i) for i in s.items)) for s in debate.sections),
    )


def _shortened(text: str, most: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


@cache
def _field_names(cls: Any) -> tuple[str, ...]:
    if not dataclasses.is_dataclass(cls):
        return ()
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _bcp47(tag: str) -> str | None:
    """``tag`` itself when valid (a valid tag is the record's, kept as written), else its
    standard form, else None."""
    if "_" not in tag and tags.is_valid(tag):
        return tag
    return tags.standard(tag)


# --- a title that reads as nothing ----------------------------------------------------------


def is_placeholder(title: str) -> bool:
    """Whether ``title`` is a reader's or scraper's word for "no title" ("Untitled sitting"):
    Word's checker and screen readers take it for a title (DOC-TITLE-001)."""
    return _PLACEHOLDER.match(title.strip()) is not None


def _no_empty_title(as_read: str, debate: m.Debate, reporter: Reporter) -> m.Debate:
    """The debate left untitled ("") when its title reads as nothing or is a placeholder,
    with one warning; a title the reader already left empty is the reader's to report."""
    if not as_read or not (reads_as_nothing(debate.title) or is_placeholder(debate.title)):
        return debate
    what = (
        f'"{debate.title.strip()}" is a placeholder, not a title'
        if debate.title.strip() and not reads_as_nothing(debate.title)
        else "is blank (only spaces or characters that show nothing)"
    )
    reporter.warn(
        TITLE_FALLBACK,
        f"the record's title {what}; the briefing is titled from its house and date",
        "title",
    )
    return dataclasses.replace(debate, title="")
