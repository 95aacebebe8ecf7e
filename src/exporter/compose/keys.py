"""Stable keys for speeches: the record's own id, or one the composer gives.

The composer walks the debate once and gives every speech a key before anything else
looks at it; from then on a speech is found by its key (its heading's anchor, the
summary sentence that quotes it), never by its position in a list or by object identity,
which break as soon as a debate is split, filtered or copied.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from exporter import model as m
from exporter.compose.anchors import Anchors


@dataclass(frozen=True)
class SpeechKeys:
    """The debate with every speech's ``id`` set to its key, and what each key stands for."""

    debate: m.Debate  # as read, but every speech has a unique id: its key
    anchors: dict[str, str]  # key -> the anchor of the speech's heading

    def anchor(self, speech: m.Speech) -> str:
        return self.anchors[_key(speech)]

    def keyed(self, debate: m.Debate) -> m.Debate:
        """``debate`` (the one keyed, as read: its own title) with its speeches as keyed:
        each under its key, so that a part's ``"speech"`` names a speech of the record
        written with ``-f json``, whether or not the record gave it an id."""
        return dataclasses.replace(debate, sections=self.debate.sections)


def key_speeches(debate: m.Debate, anchors: Anchors) -> SpeechKeys:
    """Key every speech in one walk: its record id when the record gives one no earlier
    speech has; otherwise ``speech-N`` (N counts the speeches; a record id is never
    taken). Each key gets a heading anchor: ``speech-`` and the last part of a record id
    (``speech-2023-04-20d-500-2`` for a ParlParse gid), or the key the composer gave, so
    anchors stay short, readable and the same from run to run."""
    given = {s.id for s in m.speeches(debate) if s.id}
    taken: set[str] = set()
    keys: dict[str, str] = {}
    counter = 0

    def key_of(speech: m.Speech) -> m.Speech:
        nonlocal counter
        counter += 1
        key = speech.id
        if not key or key in taken:
            key, n = f"speech-{counter}", counter
            while key in taken or key in given:
                n += 1
                key = f"speech-{n}"
        taken.add(key)
        keys[key] = anchors.make(f"speech-{_tail(key)}" if key == speech.id else key)
        return speech if key == speech.id else dataclasses.replace(speech, id=key)

    def section(sec: m.Section) -> m.Section:
        items = tuple(item_of(item) for item in sec.items)
        return (
            sec
            if all(a is b for a, b in zip(items, sec.items, strict=True))
            else dataclasses.replace(sec, items=items)
        )

    def item_of(item: m.Item) -> m.Item:
        if isinstance(item, m.Speech):
            return key_of(item)
        if isinstance(item, m.Section):
            return section(item)
        return item

    sections = tuple(section(sec) for sec in debate.sections)
    keyed = (
        debate
        if all(a is b for a, b in zip(sections, debate.sections, strict=True))
        else dataclasses.replace(debate, sections=sections)
    )
    return SpeechKeys(keyed, keys)


def _key(speech: m.Speech) -> str:
    if speech.id is None:
        raise ValueError("a speech was not keyed: compose with SpeechKeys.debate")
    return speech.id


def _tail(key: str) -> str:
    """The distinctive part of an id: after its last "/" or "#" (gids, URIs), and its end
    when that is still long (an anchor has room for 33 characters after "speech-")."""
    return (re.split(r"[/#]", key)[-1] or key)[-33:]
