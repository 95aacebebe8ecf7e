"""Who speaks in a ParlaMint sitting: names for the ``who`` ids of its utterances.

A sitting refers to its speakers by id (``#IvanovMiroslav``); their names are in the
corpus' ``listPerson``. A name is taken, in this order, from:

1. the ``listPerson`` the record holds itself (a corpus root file), or the one given with
   ``--people`` (:mod:`exporter.people`), with the party of the sitting's date;
2. the speaker note the record prints before the utterance (``<note type="speaker">
   Místopředsedkyně PSP Olga Richterová</note>``): the words of the note that spell the
   id are the name, the words before them the office;
3. the id itself, spelt out ("IvanovMiroslav" -> "Miroslav Ivanov", in the order the
   corpus writes its ids: :mod:`exporter.parliaments.parlamint`), with one warning
   naming every name so derived.

Some corpora print a name instead of an id (``who="Hrnčiar, Andrej, podpredseda NR
SR"``): it is read as surname, forename and office, and given to the id speaker of that
very name in the sitting, if there is exactly one; otherwise it is shown as printed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from exporter.diagnostics import Reporter
from exporter.invisible import reads_as_nothing
from exporter.model import Speaker
from exporter.people import Directory

_YEAR = re.compile(r"\.\d+$")  # "OlgaRichterova.1985": the year of birth that tells namesakes apart
_PRINTED_NAME = re.compile(r"^(?P<surname>[^,\d]+), (?P<forename>[^,\d]+)(?:, (?P<office>.+))?$")


@dataclass(frozen=True)
class Printed:
    """A name as the record prints it: the name, and the office printed with it."""

    name: str
    office: str | None = None


def fold(text: str) -> str:
    """Letters only, lower case, without accents: "Richterová" and "Richterova" alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def id_words(speaker_id: str) -> list[str]:
    """The words an id is made of: "IvanovMiroslav" -> ["Ivanov", "Miroslav"];
    "Nazır Cihangir.İslam" parts by their dots; the year of "…Richterova.1985" dropped."""
    bare = _YEAR.sub("", speaker_id.strip().lstrip("#"))
    words: list[str] = []
    for part in re.split(r"[._\s]+", bare):
        start = 0
        for index in range(1, len(part)):
            if part[index].isupper() and part[index - 1].islower():
                words.append(part[start:index])
                start = index
        if part[start:]:
            words.append(part[start:])
    return [word for word in words if word]


def derived_name(speaker_id: str, order: str | None) -> str | None:
    """A readable name spelt from an id, or None when the id does not spell one (digits, a
    single word). ``order`` is how the corpus writes ids (``surname-first`` puts the first
    word last); None keeps the id's order."""
    words = id_words(speaker_id)
    if len(words) < 2 or any(not word.isalpha() for word in words):
        return None
    if order == "surname-first":
        words = words[1:] + words[:1]
    return " ".join(words)


def read_printed_who(who: str) -> Printed:
    """A name printed in ``who``: "Hrnčiar, Andrej, podpredseda NR SR" is Andrej Hrnčiar,
    podpredseda NR SR; anything else is kept as printed."""
    found = _PRINTED_NAME.match(who)
    if found and all(part[:1].isupper() for part in (found["surname"], found["forename"])):
        office = found["office"].strip() if found["office"] else None
        return Printed(f"{found['forename'].strip()} {found['surname'].strip()}", office)
    return Printed(who)


def read_speaker_note(note: str, speaker_id: str | None) -> Printed:
    """A printed speaker note as name and office: the run of its words that spells the id
    (in either order, accents aside) is the name and the words before it the office;
    a note that does not spell the id is taken whole as the name as printed."""
    text = note.strip().rstrip(":").strip()
    words = text.split()
    if speaker_id:
        wanted = sorted(fold(word) for word in id_words(speaker_id))
        size = len(wanted)
        for start in range(len(words) - size, -1, -1):
            run = words[start : start + size]
            if sorted(fold(word) for word in run) == wanted:
                office = " ".join(words[:start]).strip(" ,") or None
                return Printed(" ".join(run), office)
    return Printed(text)


@dataclass
class SpeakerNames:
    """The speakers of one sitting, named as the module says, with what each name is from."""

    reporter: Reporter
    date: dt.date | None
    order: str | None  # how the corpus writes person ids
    directories: tuple[Directory, ...] = ()
    speakers: dict[str, Speaker] = field(default_factory=dict)
    derived: dict[str, str] = field(default_factory=dict)  # id -> name spelt from it
    unnamed: list[str] = field(default_factory=list)  # ids that spell no name

    def listed(self, speaker_id: str) -> Speaker | None:
        """The speaker as a listPerson names them, if one does."""
        for directory in self.directories:
            found = directory.lookup(speaker_id, self.date)
            if found is not None and found.name != speaker_id:
                return found
        return None

    def speaker(self, speaker_id: str, note: str | None = None) -> tuple[Speaker, str | None]:
        """The speaker of an id and the office a printed note gives them on this occasion."""
        printed = read_speaker_note(note, speaker_id) if note and not reads_as_nothing(note) else None
        office = printed.office if printed else None
        if speaker_id in self.speakers and speaker_id not in self.derived:
            return self.speakers[speaker_id], office
        listed = self.listed(speaker_id)
        if listed is not None:
            speaker = listed
        elif printed is not None:
            speaker = Speaker(speaker_id, printed.name)
            self.derived.pop(speaker_id, None)
        elif speaker_id in self.speakers:
            return self.speakers[speaker_id], office
        else:
            name = derived_name(speaker_id, self.order)
            if name is None:
                self.unnamed.append(speaker_id)
            else:
                self.derived[speaker_id] = name
            speaker = Speaker(speaker_id, name or speaker_id)
        self.speakers[speaker_id] = speaker
        return speaker, office

    def by_printed_name(self, printed: Printed, candidates: dict[str, str]) -> str | None:
        """The id of the one speaker of the sitting whose name is this printed name."""
        wanted = fold(printed.name)
        found = [speaker_id for speaker_id, name in candidates.items() if fold(name) == wanted]
        return found[0] if len(found) == 1 else None

    def name_for(self, speaker_id: str) -> str:
        """The name an id would be given without a printed note (to match printed names)."""
        listed = self.listed(speaker_id)
        if listed is not None:
            return listed.name
        return derived_name(speaker_id, self.order) or speaker_id

    def report(self) -> None:
        if self.derived:
            pairs = ", ".join(f"{speaker_id} as {name!r}" for speaker_id, name in sorted(self.derived.items()))
            self.reporter.warn(
                "PARLAMINT_NAMES_FROM_IDS",
                f"{len(self.derived)} speaker name(s) spelt out from their ParlaMint ids ({pairs}): "
                "give the corpus listPerson with --people for the names as recorded",
            )
        if self.unnamed:
            self.reporter.warn(
                "PARLAMINT_SPEAKER_IDS",
                f"{len(self.unnamed)} speaker(s) shown by their ParlaMint id, which spells no name "
                f"({', '.join(sorted(set(self.unnamed)))}): give the corpus listPerson with --people",
            )
