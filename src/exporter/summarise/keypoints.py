"""Key points: for each member who spoke at substance in a debate, their own best sentences.

A member spoke at substance in a debate when their own speeches there (not interventions,
points of order or the chair's business, framing included) come to at least
``SUBSTANCE_WORDS`` words. The threshold is measured (``benchmarks/key_point_threshold.py``):
on the QMSum committee meetings (train and val), the annotators asked what a speaker said or
thought about 60 of 996 speakers; the fewest words any of those 60 said is 140, so 140 keeps
every one of them (150 would lose one) while leaving out the 383 speakers who said less. On
the shared sitting days it keeps 26 of the Lords day's 59 members of its debates (who said
91% of their words) and 37 of the Commons day's 56 (98%); the rest asked a supplementary
question or intervened for a sentence or two, and are in the Speakers table. Old records do
not flag interventions, so the word count also keeps a two-line intervention from earning
its author a key-point entry.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from exporter.summarise.balance import BalanceSettings
from exporter.summarise.candidates import Candidate, SummarySentence
from exporter.summarise.rank import Vector, cosine

SUBSTANCE_WORDS = 140  # measured: see above
_NOT_OWN_SPEECH = frozenset({"intervention", "point_of_order"})


@dataclass(frozen=True)
class KeyPoints:
    speaker_id: str
    speaker_name: str
    points: tuple[SummarySentence, ...]  # one to three, in debate order
    words: int = 0  # the member's words in their own speeches, in the speeches considered


def key_points_from(
    candidates: list[Candidate],
    vecs: list[Vector],
    scores: list[float],
    per_speaker: int,
    settings: BalanceSettings | None = None,
    *,
    speeches: Collection[int] | None = None,
    leave_out: Collection[str] = (),
) -> list[KeyPoints]:
    """Key points per member who spoke at substance, in the order they first spoke at length.

    ``speeches``: the indexes (in ``exporter.model.speeches``) of the speeches of one debate,
    to take the key points of that debate alone (all speeches when None); ``leave_out``: the
    text of sentences never to repeat (those already in the summary). No sentence is given
    twice, however often the record has it (a record may repeat a passage word for word). A
    member whose sentences are all left out has no entry. Raises ValueError if
    ``per_speaker`` < 1."""
    if per_speaker < 1:
        raise ValueError("per_speaker must be at least 1")
    redundancy = (settings or BalanceSettings()).redundancy
    within = [
        i
        for i, candidate in enumerate(candidates)
        if speeches is None or candidate.sentence.speech_index in speeches
    ]
    found: list[KeyPoints] = []
    taken = {same_text(text) for text in leave_out}
    words = spoken_words(candidates, within)
    for speaker_id, indexes in _substantive_speakers(candidates, within).items():
        picked: list[int] = []
        for index in sorted(indexes, key=lambda i: (-scores[i], i)):
            if len(picked) == per_speaker:
                break
            text = same_text(candidates[index].sentence.text)
            if text in taken:
                continue
            if all(cosine(vecs[index], vecs[other]) <= redundancy for other in picked):
                picked.append(index)
                taken.add(text)
        if picked:
            points = tuple(candidates[i].sentence for i in sorted(picked))
            found.append(KeyPoints(speaker_id, points[0].speaker_name, points, words.get(speaker_id, 0)))
    return found


def same_text(text: str) -> str:
    """A sentence as compared for repeats: its words, whatever the spaces between them."""
    return " ".join(text.split())


def spoken_words(candidates: list[Candidate], within: list[int]) -> dict[str, int]:
    """Each member's words in their own speeches among the candidates ``within``."""
    words: dict[str, int] = {}
    for index in within:
        candidate = candidates[index]
        speaker = candidate.sentence.speaker_id
        if speaker is not None and not candidate.chair and candidate.speech_kind not in _NOT_OWN_SPEECH:
            words[speaker] = words.get(speaker, 0) + candidate.words
    return words


def _substantive_speakers(candidates: list[Candidate], within: list[int]) -> dict[str, list[int]]:
    """Each member who spoke at substance, with the sentences that may be quoted on their
    own (exporter.summarise.eligibility), from all their speeches, in the order they first
    spoke in a speech of their own."""
    words = spoken_words(candidates, within)
    first_speech: dict[str, int] = {}
    in_speech: dict[int, int] = {}
    for index in within:
        candidate = candidates[index]
        if not candidate.chair and candidate.speech_kind not in _NOT_OWN_SPEECH:
            speech = candidate.sentence.speech_index
            in_speech[speech] = in_speech.get(speech, 0) + candidate.words
    for index in within:
        sentence = candidates[index].sentence
        speaker = sentence.speaker_id
        if (
            speaker is not None
            and words.get(speaker, 0) >= SUBSTANCE_WORDS
            and in_speech.get(sentence.speech_index)
        ):
            first_speech.setdefault(speaker, sentence.speech_index)
    sentences: dict[str, list[int]] = {
        speaker: [] for speaker in sorted(first_speech, key=first_speech.__getitem__)
    }
    for index in within:
        candidate = candidates[index]
        speaker = candidate.sentence.speaker_id
        if speaker in sentences and not candidate.procedural and candidate.label == "substantive":
            sentences[speaker].append(index)
    return sentences
