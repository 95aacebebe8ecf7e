"""The debates of a sitting: what a record of a whole day holds, one entry per debate.

A record may hold one debate (a Westminster Hall debate, a committee sitting) or a whole
sitting day: questions to a department, statements, debates on motions and bills, each
under its own heading. The day's summary, its "In this record" list and its key points
are grouped by these debates. Which sections are debates:

- each top-level section, with everything under it, is one debate;
- unless it only gathers others: a section with no speeches of its own, at least two of
  whose sub-sections are each a debate in size on their own (``DEBATE_WORDS`` words or
  more), stands for its sub-sections, each taken by the same rule. An Opposition Day
  gathers its motions, a Prime Minister heading gathers the Prime Minister's questions and
  the statement after them; a department's oral questions are one debate, however many
  topics they are asked under;
- a section is a debate only when a member who is not in the chair speaks in it (business
  taken without debate, or a motion met only by "Object.", is left out).

``DEBATE_WORDS`` separates the two kinds of sub-section on the shared records: the longest
oral-question topic under a department heading of the Commons day of 28 October 2009 has
762 words; the shortest debate under a gathering heading (Opposition Day, Prime Minister)
has 5,042; a half-hour adjournment debate has about 3,000 to 4,500.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter import model as m
from exporter import parliaments
from exporter.language.segment import count_words
from exporter.summarise import roles

DEBATE_WORDS = 2000

Path = tuple[int, ...]  # a section's place: indexes from the top-level sections down


@dataclass(frozen=True)
class SittingDebate:
    """One debate of a sitting."""

    path: Path  # the section that holds it (exporter.compose.proceedings anchors it)
    title: str
    speeches: tuple[str, ...]  # the keys of its speeches (exporter.compose.keys), in order
    words: int  # words spoken in it, as "At a glance" counts them
    opener: m.Speech | None  # its first speech by a member not in the chair

    def holds(self, path: Path) -> bool:
        """Whether the section at ``path`` is this debate's or inside it."""
        return path[: len(self.path)] == self.path


def sitting_debates(debate: m.Debate) -> list[SittingDebate]:
    """The debates of ``debate`` (keyed: every speech has its key as ``id``), in order."""
    found: list[SittingDebate] = []
    for index, section in enumerate(debate.sections):
        _collect(debate, section, (index,), found)
    return found


def speech_words(speech: m.Speech) -> int:
    """Words of a speech, quotations and tables included (as "At a glance" counts them: by
    characters in scripts written without spaces, exporter.language.segment)."""
    return sum(count_words(run.text) for block in speech.paragraphs for run in m.block_runs(block))


def _collect(debate: m.Debate, section: m.Section, path: Path, found: list[SittingDebate]) -> None:
    children = [(i, item) for i, item in enumerate(section.items) if isinstance(item, m.Section)]
    own_speeches = any(isinstance(item, m.Speech) for item in section.items)
    if not own_speeches:
        big = [child for _, child in children if _words(child) >= DEBATE_WORDS]
        if len(big) >= 2:
            for index, child in children:
                _collect(debate, child, (*path, index), found)
            return
    speeches = [item for item in m.walk_items(section.items) if isinstance(item, m.Speech)]
    chair_notes = (debate.chair, section.chair)
    titles = parliaments.profile_of(debate).chair_titles
    members = [
        speech
        for speech in speeches
        if speech.speaker is not None
        and not roles.is_chair(debate.speaker(speech.speaker), speech, chair_notes, titles)
    ]
    if not members:
        return
    found.append(
        SittingDebate(
            path=path,
            title=section.title.strip() or debate.title,
            speeches=tuple(speech.id for speech in speeches if speech.id),
            words=sum(speech_words(speech) for speech in speeches),
            opener=members[0],
        )
    )


def _words(section: m.Section) -> int:
    return sum(speech_words(item) for item in m.walk_items(section.items) if isinstance(item, m.Speech))


@dataclass(frozen=True)
class Grouping:
    """The sitting's debates, with what the summary and key points need of each."""

    debates: list[SittingDebate]
    anchors: list[str | None]  # each debate's heading in the proceedings
    speech_indexes: list[set[int]]  # each debate's speeches, as indexes in m.speeches

    @property
    def several(self) -> bool:
        return len(self.debates) > 1

    def of_speech(self, key: str | None) -> int | None:
        for number, unit in enumerate(self.debates):
            if key in unit.speeches:
                return number
        return None
