"""Key points: for each member who made a substantive speech, their own best sentences.

A speech is substantive when it is the member's own speech (not an intervention, a point of
order or the chair's business, framing included) and says at least ``SUBSTANTIVE_WORDS`` words of substance.
Old records do not flag interventions, so the word count also keeps a two-line intervention
from earning its author a key-point entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter.summarise.balance import BalanceSettings
from exporter.summarise.candidates import Candidate, SummarySentence
from exporter.summarise.rank import Vector, cosine

SUBSTANTIVE_WORDS = 50
_NOT_OWN_SPEECH = frozenset({"intervention", "point_of_order"})


@dataclass(frozen=True)
class KeyPoints:
    speaker_id: str
    speaker_name: str
    points: tuple[SummarySentence, ...]  # one to three, in debate order


def key_points_from(
    candidates: list[Candidate],
    vecs: list[Vector],
    scores: list[float],
    per_speaker: int,
    settings: BalanceSettings | None = None,
) -> list[KeyPoints]:
    """Key points per substantive speaker, speakers in the order they first spoke at length."""
    if per_speaker < 1:
        raise ValueError("per_speaker must be at least 1")
    redundancy = (settings or BalanceSettings()).redundancy
    found: list[KeyPoints] = []
    for speaker_id, indexes in _substantive_speakers(candidates).items():
        picked: list[int] = []
        for index in sorted(indexes, key=lambda i: (-scores[i], i)):
            if len(picked) == per_speaker:
                break
            if all(cosine(vecs[index], vecs[other]) <= redundancy for other in picked):
                picked.append(index)
        points = tuple(candidates[i].sentence for i in sorted(picked))
        found.append(KeyPoints(speaker_id, points[0].speaker_name, points))
    return found


def _substantive_speakers(candidates: list[Candidate]) -> dict[str, list[int]]:
    """Each substantive speaker's eligible sentences (from all their speeches)."""
    words_in_speech: dict[int, int] = {}
    for candidate in candidates:
        # A chair's framing of the sitting may be quoted in the summary, but it is not a
        # speech of their own.
        if not candidate.procedural and not candidate.chair and candidate.speech_kind not in _NOT_OWN_SPEECH:
            index = candidate.sentence.speech_index
            words_in_speech[index] = words_in_speech.get(index, 0) + candidate.words
    first_speech: dict[str, int] = {}
    for candidate in candidates:
        speaker = candidate.sentence.speaker_id
        speech = candidate.sentence.speech_index
        if speaker is not None and words_in_speech.get(speech, 0) >= SUBSTANTIVE_WORDS:
            first_speech.setdefault(speaker, speech)
    sentences: dict[str, list[int]] = {
        speaker: [] for speaker in sorted(first_speech, key=first_speech.__getitem__)
    }
    for index, candidate in enumerate(candidates):
        speaker = candidate.sentence.speaker_id
        if speaker in sentences and not candidate.procedural:
            sentences[speaker].append(index)
    return sentences
