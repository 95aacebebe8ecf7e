"""What the sentence scorer knows of each candidate: its place, its length, its speaker's part
in the debate, and how central it is.

    matrix(candidates, vecs, centrality) -> numpy array, one row per candidate, one column per
    name in FEATURES (floats, unscaled)

Every feature is computed within the candidate's debate (its innermost section), so that a
sitting day of many debates is scored debate by debate, as the committee meetings the scorer was
trained on are. Nothing here knows a reference summary: the same features are computed when
training (benchmarks/train_sentence_scorer.py) and when summarising.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

import numpy as np

from exporter.summarise import procedural
from exporter.summarise.candidates import Candidate
from exporter.summarise.rank import Vector, cosine

FEATURES: tuple[str, ...] = (
    "position",  # 0 at the debate's first sentence, 1 at its last
    "opening_1",  # exp(-position / 1 % of the debate): its first minutes
    "opening_5",  # exp(-position / 5 % of the debate): its opening
    "opening_20",  # exp(-position / 20 % of the debate)
    "closing",  # exp(-distance from the debate's end / 5 % of it)
    "speech_opening",  # 1 for a speech's first sentence
    "in_speech",  # log(1 + position in the speech)
    "length",  # log(words)
    "short",  # fewer than 10 words
    "long",  # more than 40 words
    "centrality",  # log(n x centrality score): 0 when average
    "centroid",  # cosine with the debate's centroid
    "topicality",  # mean over the sentence's terms of log(1 + sentences of the debate using it)
    "speaker_share",  # the speaker's share of the debate's words
    "speaker_turns",  # the speaker's share of the debate's speeches
    "speaker_first",  # in the speaker's first speech of the debate
    "first_speaker",  # the debate's first speaker (a committee's chair, a debate's opener)
    "speech_length",  # log(words of the speech)
    "chair",  # the chair's framing of the sitting
    "framing",  # says what the sitting is ("item 2 is our evidence session on …")
    "introduction",  # introduces a witness by name and office
    "minister",
    "question",  # ends with "?"
    "figures",  # holds a digit
    "names",  # share of capitalised words after the first
    "first_person",  # share of I, me, my
    "we",  # share of we, our, us
    "you",  # share of you, your
    "dependent",  # leans on the sentence before (eligible only after it)
)

_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|\d+")
_CAPITALISED = re.compile(r"(?<![A-Za-z'’])[A-Z]")
_FIRST = re.compile(r"(?<![a-z'’])(?:i|me|my)(?:['’](?:m|ve|d))?(?![a-z'’])")
_WE = re.compile(r"(?<![a-z'’])(?:we|our|us)(?:['’](?:re|ve))?(?![a-z'’])")
_YOU = re.compile(r"(?<![a-z'’])(?:you|your)(?:['’]re)?(?![a-z'’])")


def matrix(candidates: list[Candidate], vecs: list[Vector], centrality: list[float]) -> np.ndarray:
    """The feature rows of ``candidates`` (all of them: rows of ineligible ones are zero)."""
    rows = np.zeros((len(candidates), len(FEATURES)), dtype=np.float64)
    by_section: dict[int, list[int]] = defaultdict(list)
    for index, candidate in enumerate(candidates):
        by_section[candidate.section].append(index)
    for indexes in by_section.values():
        _section_rows(candidates, vecs, centrality, indexes, rows)
    return rows


def _section_rows(
    candidates: list[Candidate],
    vecs: list[Vector],
    centrality: list[float],
    indexes: list[int],
    rows: np.ndarray,
) -> None:
    size = len(indexes)
    eligible = [i for i in indexes if candidates[i].label in ("substantive", "dependent")]
    if not eligible:
        return
    scales = (max(0.01 * size, 1.0), max(0.05 * size, 1.0), max(0.2 * size, 1.0))
    speaker_words: Counter[str | None] = Counter()
    speaker_speeches: dict[str | None, set[int]] = defaultdict(set)
    speech_words: Counter[int] = Counter()
    first_speech: dict[str | None, int] = {}
    opener = candidates[indexes[0]].sentence.speaker_id
    for i in indexes:
        candidate = candidates[i]
        speaker = candidate.sentence.speaker_id
        speaker_words[speaker] += candidate.words
        speaker_speeches[speaker].add(candidate.sentence.speech_index)
        speech_words[candidate.sentence.speech_index] += candidate.words
        first_speech.setdefault(speaker, candidate.sentence.speech_index)
    total_words = sum(speaker_words.values()) or 1
    total_speeches = len({candidates[i].sentence.speech_index for i in indexes}) or 1
    frequency: Counter[str] = Counter()
    for i in eligible:
        frequency.update(vecs[i].keys())
    centroid: Vector = {}
    for i in eligible:
        for term, weight in vecs[i].items():
            centroid[term] = centroid.get(term, 0.0) + weight
    norm = math.sqrt(sum(w * w for w in centroid.values())) or 1.0
    centroid = {term: w / norm for term, w in centroid.items()}
    mean_centrality = sum(centrality[i] for i in eligible) / len(eligible) or 1.0
    position = {i: rank for rank, i in enumerate(indexes)}
    for i in eligible:
        candidate = candidates[i]
        text = candidate.sentence.text
        rank = position[i]
        count = len(_TOKEN.findall(text)) or 1
        lower = text.lower()
        content = vecs[i].keys()
        speaker = candidate.sentence.speaker_id
        rows[i] = (
            rank / max(size - 1, 1),
            math.exp(-rank / scales[0]),
            math.exp(-rank / scales[1]),
            math.exp(-rank / scales[2]),
            math.exp(-(size - 1 - rank) / scales[1]),
            float(candidate.position_in_speech == 0),
            math.log1p(candidate.position_in_speech),
            math.log(max(candidate.words, 1)),
            float(candidate.words < 10),
            float(candidate.words > 40),
            math.log(max(centrality[i] / mean_centrality, 1e-6)),
            cosine(vecs[i], centroid),
            sum(math.log1p(frequency[t]) for t in content) / len(content) if content else 0.0,
            speaker_words[speaker] / total_words,
            len(speaker_speeches[speaker]) / total_speeches,
            float(first_speech[speaker] == candidate.sentence.speech_index),
            float(speaker == opener),
            math.log1p(speech_words[candidate.sentence.speech_index]),
            float(candidate.chair),
            float(procedural.frames(text)),
            float(procedural.is_introduction(text)),
            float(candidate.minister),
            float(text.rstrip().endswith("?")),
            float(bool(_DIGIT.search(text))),
            max(len(_CAPITALISED.findall(text)) - 1, 0) / count,
            len(_FIRST.findall(lower)) / count,
            len(_WE.findall(lower)) / count,
            len(_YOU.findall(lower)) / count,
            float(candidate.label == "dependent"),
        )
