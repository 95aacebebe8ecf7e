"""Centrality of sentences: LexRank, with an optional prior on position.

The graph is LexRank's: sentences are nodes, edges are the cosine similarity of their TF-IDF
vectors, and a sentence is central when sentences central themselves resemble it. The random
walk restarts according to a prior, uniform by default: position is one of the sentence
scorer's own features (exporter.summarise.features), and centrality is another. The prior can
still favour each debate's opening or each speech's first sentences (``RankSettings``).

The walk never builds the n-by-n similarity matrix: with unit vectors a_i, the similarity
sum a_j . (sum_i w_i a_i) minus the self term costs one pass over the non-zero weights (two
sparse products with numpy), so a whole sitting day ranks in a few milliseconds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np

from exporter.language.segment import any_spaceless, spaceless
from exporter.summarise.candidates import Candidate

Vector = dict[str, float]


@dataclass(frozen=True)
class RankSettings:
    """The walk's settings. By default the restart is uniform (plain LexRank with the usual
    damping of 0.85); ``debate_weight`` and ``speech_decay`` give it a prior on position."""

    damping: float = 0.85  # weight of centrality against the restart prior
    debate_decay: float = 0.05  # how fast the prior falls over a debate (fraction of it)
    debate_weight: float = 0.0  # share of the prior given to the debate's opening
    speech_decay: float = math.inf  # in sentences: how fast it falls from a speech's first
    opening: str = "speech"  # "speech": favour each speech's first sentences; or "speaker"
    iterations: int = 50
    tolerance: float = 1e-9


_WORD = re.compile(r"[a-z][a-z'’]*[a-z]|[a-z]|\d+")
STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further get got had hadn't has hasn't
    have haven't having he he'd he'll he's her here here's hers herself him himself his how
    how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most
    mustn't my myself no nor not now of off on once only or other ought our ours ourselves
    out over own really same shan't she she'd she'll she's should shouldn't so some such than
    that that's the their theirs them themselves then there there's these they they'd they'll
    they're they've this those through to too under until up very was wasn't we we'd we'll
    we're we've were weren't what what's when when's where where's which while who who's whom
    why why's will with won't would wouldn't you you'd you'll you're you've your yours
    yourself yourselves hon right friend member gentleman lady minister mr mrs ms okay ok yes
    yeah um uh er erm well think know going go say said actually obviously lot thing things
    way much many one two bit quite""".split()  # noqa: SIM905
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match "services" with "service"."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


# Words of any alphabet (Welsh ŵ, Slovak č, Cyrillic, Greek); each character of a script
# written without spaces (Chinese, Japanese, Thai) is a term of its own.
_ANY_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’])*[^\W\d_]|[^\W\d_]|\d+")


def terms(text: str) -> list[str]:
    """Stemmed content words."""
    lower = text.lower()
    if lower.isascii():
        return [stem(word) for word in _WORD.findall(lower) if word not in STOPWORDS]
    if not any_spaceless(lower):
        return [stem(word) for word in _ANY_WORD.findall(lower) if word not in STOPWORDS]
    found: list[str] = []
    for word in _ANY_WORD.findall(lower):
        if any(spaceless(char) for char in word):
            found.extend(char for char in word if spaceless(char))
        elif word not in STOPWORDS:
            found.append(stem(word))
    return found


def vectors(candidates: list[Candidate]) -> list[Vector]:
    """Unit TF-IDF vectors, document frequency counted over the candidates."""
    bags = [Counter(terms(candidate.sentence.text)) for candidate in candidates]
    frequency: Counter[str] = Counter()
    for bag in bags:
        frequency.update(bag.keys())
    total = len(candidates)
    idf = {term: math.log(1 + total / count) for term, count in frequency.items()}
    found: list[Vector] = []
    for bag in bags:
        weights = {term: idf[term] if n == 1 else (1 + math.log(n)) * idf[term] for term, n in bag.items()}
        scale = 1 / (math.sqrt(sum(w * w for w in weights.values())) or 1.0)
        found.append({term: w * scale for term, w in weights.items()})
    return found


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


def prior(candidates: list[Candidate], settings: RankSettings) -> list[float]:
    """Restart weights favouring each debate's opening (position within its innermost
    section, so every debate of a sitting day has an opening) and each speaker's first
    sentences (or each speech's, with ``opening="speech"``)."""
    if not candidates:
        return []
    sizes: dict[int, int] = {}
    for candidate in candidates:
        sizes[candidate.section] = sizes.get(candidate.section, 0) + 1
    in_section: dict[int, int] = {}
    by_speaker: dict[tuple[int, str | None], int] = {}
    raw: list[float] = []
    for candidate in candidates:
        rank = in_section.get(candidate.section, 0)
        in_section[candidate.section] = rank + 1
        scale = max(settings.debate_decay * sizes[candidate.section], 1.0)
        if settings.opening == "speech":
            position = candidate.position_in_speech
        else:
            key = (candidate.section, candidate.sentence.speaker_id)
            position = by_speaker.get(key, 0)
            by_speaker[key] = position + 1
        raw.append(
            settings.debate_weight * math.exp(-rank / scale)
            + (1 - settings.debate_weight) * math.exp(-position / settings.speech_decay)
        )
    total = sum(raw)
    return [value / total for value in raw]


def rank(
    candidates: list[Candidate], vecs: list[Vector], settings: RankSettings = RankSettings()
) -> list[float]:
    """Stationary probability of each candidate under the prior-restarting walk."""
    count = len(candidates)
    if count == 0:
        return []
    restart = np.array(prior(candidates, settings))
    matrix = _Matrix(vecs)
    # A node's degree is its similarity to all others: a_i . sum_j a_j, less a_i . a_i.
    self_similarity = matrix.rows(matrix.values * matrix.values)
    degree = np.maximum(matrix.times(matrix.transposed_times(np.ones(count))) - self_similarity, 0.0)
    linked = degree > 1e-12
    safe_degree = np.where(linked, degree, 1.0)
    score = restart.copy()
    d = settings.damping
    for _ in range(settings.iterations):
        share = np.where(linked, score / safe_degree, 0.0)
        stranded = float(score[~linked].sum())  # no neighbours: its mass restarts
        reached = matrix.times(matrix.transposed_times(share)) - self_similarity * share
        updated = (1 - d + d * stranded) * restart + d * np.maximum(reached, 0.0)
        change = float(np.abs(updated - score).sum())
        score = updated
        if change < settings.tolerance:
            break
    return [float(value) for value in score]


class _Matrix:
    """The sentence-term matrix in coordinate form. Terms found in a single sentence link it
    to no other, so they are left out: no similarity changes."""

    def __init__(self, vecs: list[Vector]):
        frequency = Counter(chain.from_iterable(vecs))
        term_ids: dict[str, int] = {}
        for term, count in frequency.items():
            if count > 1:
                term_ids[term] = len(term_ids)
        lengths = np.fromiter((len(vec) for vec in vecs), dtype=np.int64, count=len(vecs))
        columns = np.fromiter(
            (term_ids.get(term, -1) for term in chain.from_iterable(vecs)),
            dtype=np.int64,
            count=int(lengths.sum()),
        )
        values = np.fromiter(
            chain.from_iterable(vec.values() for vec in vecs), dtype=np.float64, count=int(lengths.sum())
        )
        rows = np.repeat(np.arange(len(vecs), dtype=np.int64), lengths)
        shared = columns >= 0
        self.row_count = len(vecs)
        self.column_count = len(term_ids)
        self.row_ids = rows[shared]
        self.column_ids = columns[shared]
        self.values = values[shared]

    def rows(self, per_entry: np.ndarray) -> np.ndarray:
        """Sum of per-entry values along each row."""
        return np.bincount(self.row_ids, weights=per_entry, minlength=self.row_count)

    def times(self, vector: np.ndarray) -> np.ndarray:
        return self.rows(self.values * vector[self.column_ids])

    def transposed_times(self, vector: np.ndarray) -> np.ndarray:
        return np.bincount(
            self.column_ids, weights=self.values * vector[self.row_ids], minlength=self.column_count
        )
