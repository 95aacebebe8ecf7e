"""Choosing the summary's sentences: a word budget, the whole sitting covered, every debate's
opener and replying minister heard, no speaker dominating, no repeats.

Language-model summaries of debates skew by speaking order and party, and extractive ones
towards a sitting's opening minutes; this selection is meant to be fair by construction:

1. **Openers and replies.** In each debate (innermost section) big enough to earn a sentence
   of the budget (its share of the sitting's words, times the budget, at least
   ``debate_words``), the member who opened it and the minister who replied are represented by
   their best sentence that leaves room for the others who must be heard, biggest debate first.
2. **Coverage.** The sitting is cut into parts of equal length, one per ``part_words`` of the
   budget; a sentence from a part not yet quoted earns ``coverage`` (in standard deviations of
   the debate's scores) on top of its score. Sentences are then taken best first, but no
   speaker may take more than ``max_share`` of the budget (half, by default), or an equal share
   when there are only one or two speakers.
3. Only if budget is left over because no one else has anything left to say does the cap give
   way, so a short exchange between two people still gets a full summary.

Only sentences judged substantive are chosen on their own (exporter.summarise.eligibility); a
sentence that leans on the one before it (``dependent``) only straight after that sentence.
A sentence too similar to one already chosen (cosine over ``redundancy``) is skipped.
Ties are broken by debate order, so the same input always gives the same choice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from exporter.summarise.candidates import Candidate
from exporter.summarise.rank import Vector, cosine

OPENING_KINDS = frozenset({"speech", "statement", "question", "answer"})
ELIGIBLE = frozenset({"substantive", "dependent"})
_OK, _LATER, _NEVER = 0, 1, 2


@dataclass(frozen=True)
class BalanceSettings:
    """Chosen by cross-validation on the QMSum committee training meetings
    (benchmarks/train_sentence_scorer.py); ``debate_words`` by the argument above."""

    max_share: float = 0.5  # of the word budget, for any one speaker
    redundancy: float = 0.5  # cosine similarity above which a sentence repeats another
    part_words: int = 40  # one coverage part of the sitting per this many words of budget
    coverage: float = 3.0  # bonus for a part not yet quoted, in standard deviations of score
    debate_words: int = 30  # a debate's share of the budget that earns its opener a sentence


class _Selection:
    def __init__(self, candidates: list[Candidate], vecs: list[Vector], words: int, redundancy: float):
        self.candidates = candidates
        self.vecs = vecs
        self.budget = words
        self.redundancy = redundancy
        self.used = 0
        self.chosen: set[int] = set()
        self.in_order: list[int] = []  # the chosen, in the order chosen
        self.compared: dict[int, int] = {}  # how many of in_order each candidate was compared with
        self.by_speaker: dict[str | None, int] = {}

    def allows(self, index: int, cap: float | None = None) -> bool:
        return self.status(index, cap) == _OK

    def status(self, index: int, cap: float | None = None) -> int:
        """_OK; _LATER when it may fit once more is chosen or the cap is lifted; _NEVER."""
        candidate = self.candidates[index]
        if index in self.chosen or self.used + candidate.words > self.budget:
            return _NEVER
        # Each candidate is compared with each chosen sentence once, however often it is asked.
        start = self.compared.get(index, 0)
        if start < 0:
            return _NEVER  # found redundant before
        if any(cosine(self.vecs[index], self.vecs[other]) > self.redundancy for other in self.in_order[start:]):
            self.compared[index] = -1
            return _NEVER
        self.compared[index] = len(self.in_order)
        if candidate.label == "dependent" and not self._follows_chosen(index):
            return _LATER
        speaker = candidate.sentence.speaker_id
        if cap is not None and self.by_speaker.get(speaker, 0) + candidate.words > cap:
            return _LATER
        return _OK

    def _follows_chosen(self, index: int) -> bool:
        """The sentence before it, in the same speech, is already chosen."""
        if index == 0 or (index - 1) not in self.chosen:
            return False
        return self.candidates[index - 1].sentence.speech_index == self.candidates[index].sentence.speech_index

    def add(self, index: int) -> None:
        candidate = self.candidates[index]
        self.chosen.add(index)
        self.in_order.append(index)
        self.used += candidate.words
        speaker = candidate.sentence.speaker_id
        self.by_speaker[speaker] = self.by_speaker.get(speaker, 0) + candidate.words


def select(
    candidates: list[Candidate],
    vecs: list[Vector],
    scores: list[float],
    words: int,
    settings: BalanceSettings = BalanceSettings(),
) -> list[int]:
    """Indexes of the chosen candidates, in debate order."""
    eligible = [i for i, candidate in enumerate(candidates) if candidate.label in ELIGIBLE]
    if words <= 0 or not eligible:
        return []
    standard = _standardised(candidates, eligible, scores)
    selection = _Selection(candidates, vecs, words, settings.redundancy)
    forced = required(candidates, eligible, standard, words, settings.debate_words)
    allowance = words // max(len(forced), 1)
    for options in forced:
        # Their best sentence that leaves room for the others who must be heard, else any
        # that still fits.
        fitting = [i for i in options if candidates[i].words <= allowance] + options
        first = next((i for i in fitting if selection.allows(i)), None)
        if first is not None:
            selection.add(first)
    part = parts(candidates, max(1, round(words / settings.part_words)))
    speakers = {candidates[i].sentence.speaker_id for i in eligible}
    order = sorted(eligible, key=lambda i: (-standard[i], i))
    for cap in (max(settings.max_share, 1 / len(speakers)) * words, None):
        alive = [i for i in order if i not in selection.chosen]
        while alive:
            pick = _best(selection, alive, standard, part, settings.coverage, cap)
            if pick is None:
                break
            selection.add(pick)
    return sorted(selection.chosen)


def _best(
    selection: _Selection, alive: list[int], standard: list[float], part: list[int], bonus: float, cap: float | None
) -> int | None:
    """The allowed candidate of highest score plus coverage bonus (the first, in score order,
    of equals). ``alive`` is in score order; candidates that can never fit are dropped from it."""
    covered = {part[i] for i in selection.chosen}
    best: int | None = None
    best_value = -math.inf
    kept: list[int] = []
    for position, index in enumerate(alive):
        if standard[index] + bonus <= best_value:
            kept.extend(alive[position:])  # nothing further down can do better
            break
        status = selection.status(index, cap)
        if status == _NEVER:
            continue
        kept.append(index)
        if status == _OK:
            value = standard[index] + (bonus if part[index] not in covered else 0.0)
            if value > best_value:
                best, best_value = index, value
    alive[:] = kept
    return best


def _standardised(candidates: list[Candidate], eligible: list[int], scores: list[float]) -> list[float]:
    """Scores as standard deviations from the mean of their debate's eligible sentences."""
    by_section: dict[int, list[int]] = {}
    for i in eligible:
        by_section.setdefault(candidates[i].section, []).append(i)
    found = [0.0] * len(candidates)
    for indexes in by_section.values():
        values = [scores[i] for i in indexes]
        mean = sum(values) / len(values)
        spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) or 1.0
        for i in indexes:
            found[i] = (scores[i] - mean) / spread
    return found


def parts(candidates: list[Candidate], count: int) -> list[int]:
    """The part of the sitting (0 to count - 1, equal lengths in words) each candidate is in."""
    total = sum(candidate.words for candidate in candidates) or 1
    found: list[int] = []
    before = 0
    for candidate in candidates:
        found.append(min(count - 1, before * count // total))
        before += candidate.words
    return found


def required(
    candidates: list[Candidate], eligible: list[int], scores: list[float], words: int, debate_words: int
) -> list[list[int]]:
    """The sentences of each debate's opener and of its replying minister, best first, for
    the debates big enough to earn a sentence of the budget, biggest first."""
    by_section: dict[int, list[int]] = {}
    size: dict[int, int] = {}
    for candidate in candidates:
        size[candidate.section] = size.get(candidate.section, 0) + candidate.words
    for index in eligible:
        by_section.setdefault(candidates[index].section, []).append(index)
    total = sum(size.values()) or 1
    found: list[list[int]] = []
    for section in sorted(by_section, key=lambda s: (-size[s], s)):
        if size[section] * words < debate_words * total:
            continue
        indexes = [i for i in by_section[section] if candidates[i].label == "substantive"]
        opener = next(
            (
                candidates[i].sentence.speaker_id
                for i in indexes
                if candidates[i].speech_kind in OPENING_KINDS and not candidates[i].chair
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
