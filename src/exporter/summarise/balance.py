"""Choosing the summary's sentences: a word budget, balance between speakers, no repeats.

Language-model summaries of debates skew by speaking order and party; this selection is
meant to be fair by construction:

1. In each debate (innermost section), the member who opened it and the minister who replied
   are represented by their best sentence that leaves room for the others who must be heard,
   best-scoring first, while the budget lasts.
2. Then sentences are taken by score, but no speaker may take more than ``max_share`` of the
   budget (half, by default), or an equal share when there are only one or two speakers.
3. Only if budget is left over because no one else has anything left to say does the cap
   give way, so a short debate between two people still gets a full summary.

A sentence too similar to one already chosen (cosine over ``redundancy``) is skipped, and
procedural or courtesy sentences are never chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter.summarise.candidates import Candidate
from exporter.summarise.rank import Vector, cosine

OPENING_KINDS = frozenset({"speech", "statement", "question", "answer"})


@dataclass(frozen=True)
class BalanceSettings:
    max_share: float = 0.5  # of the word budget, for any one speaker
    redundancy: float = 0.5


class _Selection:
    def __init__(self, candidates: list[Candidate], vecs: list[Vector], words: int, redundancy: float):
        self.candidates = candidates
        self.vecs = vecs
        self.budget = words
        self.redundancy = redundancy
        self.used = 0
        self.chosen: list[int] = []
        self.by_speaker: dict[str | None, int] = {}

    def add(self, index: int, cap: float | None = None) -> bool:
        candidate = self.candidates[index]
        if index in self.chosen or self.used + candidate.words > self.budget:
            return False
        speaker = candidate.sentence.speaker_id
        if cap is not None and self.by_speaker.get(speaker, 0) + candidate.words > cap:
            return False
        if any(cosine(self.vecs[index], self.vecs[other]) > self.redundancy for other in self.chosen):
            return False
        self.chosen.append(index)
        self.used += candidate.words
        self.by_speaker[speaker] = self.by_speaker.get(speaker, 0) + candidate.words
        return True


def select(
    candidates: list[Candidate],
    vecs: list[Vector],
    scores: list[float],
    words: int,
    settings: BalanceSettings = BalanceSettings(),
) -> list[int]:
    """Indexes of the chosen candidates, in debate order."""
    eligible = [i for i, candidate in enumerate(candidates) if not candidate.procedural]
    if words <= 0 or not eligible:
        return []
    by_score = sorted(eligible, key=lambda i: (-scores[i], i))
    selection = _Selection(candidates, vecs, words, settings.redundancy)
    forced = required(candidates, eligible, scores)
    allowance = words // max(len(forced), 1)
    for options in sorted(forced, key=lambda own: (-scores[own[0]], own[0])):
        # Their best sentence that leaves room for the others who must be heard, else any
        # that still fits.
        fitting = [i for i in options if candidates[i].words <= allowance] + options
        any(selection.add(index) for index in fitting)
    speakers = {candidates[i].sentence.speaker_id for i in eligible}
    cap = max(settings.max_share, 1 / len(speakers)) * words
    for index in by_score:
        selection.add(index, cap)
    for index in by_score:
        selection.add(index)
    return sorted(selection.chosen)


def required(candidates: list[Candidate], eligible: list[int], scores: list[float]) -> list[list[int]]:
    """The sentences of each debate's opener and of its replying minister, best first."""
    by_section: dict[int, list[int]] = {}
    for index in eligible:
        by_section.setdefault(candidates[index].section, []).append(index)
    found: list[list[int]] = []
    for indexes in by_section.values():
        opener = next(
            (
                candidates[i].sentence.speaker_id
                for i in indexes
                if candidates[i].speech_kind in OPENING_KINDS
            ),
            None,
        )
        # Records name a minister's office on their first speech only, so a member is the
        # minister if any of their speeches here says so; the reply is the last one to speak.
        ministers = {candidates[i].sentence.speaker_id for i in indexes if candidates[i].minister}
        minister = next(
            (
                candidates[i].sentence.speaker_id
                for i in reversed(indexes)
                if candidates[i].sentence.speaker_id in ministers
            ),
            None,
        )
        for speaker in dict.fromkeys(s for s in (opener, minister) if s is not None):
            own = [i for i in indexes if candidates[i].sentence.speaker_id == speaker]
            found.append(sorted(own, key=lambda i: (-scores[i], i)))
    return found
