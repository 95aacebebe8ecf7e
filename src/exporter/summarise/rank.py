"""Centrality ranking of sentences, with a prior on position.

The graph is LexRank's: sentences are nodes, edges are the cosine similarity of their TF-IDF
vectors, and a sentence is central when sentences central themselves resemble it. The random
walk restarts according to a prior that favours the opening of the debate and the opening of
each speech (members state their case first), because plain centrality loses to simply taking
the first sentences on meeting summaries.

The walk never builds the n-by-n similarity matrix: with unit vectors a_i, the similarity
sum a_j . (sum_i w_i a_i) minus the self term costs one pass over the non-zero weights, so a
whole sitting day ranks in well under a second in plain Python.
"""

from __future__ import annotations

import math
import re
from operator import mul
from dataclasses import dataclass

from exporter.summarise.candidates import Candidate

Vector = dict[str, float]


@dataclass(frozen=True)
class RankSettings:
    """Tuned on the QMSum committee training meetings (benchmarks/eval_summary.py)."""

    damping: float = 0.5  # weight of centrality against the position prior
    debate_decay: float = 0.15  # how fast the prior falls over the debate (fraction of it)
    debate_weight: float = 0.5  # share of the prior given to the debate's opening
    speech_decay: float = 3.0  # in sentences: how fast it falls within a speech
    iterations: int = 30
    tolerance: float = 1e-7


_WORD = re.compile(r"[a-z][a-z'’]*[a-z]|[a-z]|\d+")
STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each few for from further get got had hadn't has
    hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
    how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more
    most mustn't my myself no nor not now of off on once only or other ought our ours
    ourselves out over own really same shan't she she'd she'll she's should shouldn't so some
    such than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those through to too under until up very was wasn't
    we we'd we'll we're we've were weren't what what's when when's where where's which while
    who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your
    yours yourself yourselves hon right friend member gentleman lady minister mr mrs ms
    okay ok yes yeah um uh er erm well think know going go say said actually obviously
    lot thing things way much many one two bit quite""".split()
)


def stem(word: str) -> str:
    """A light suffix stripper: enough to match "services" with "service"."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


def terms(text: str) -> list[str]:
    return [stem(word) for word in _WORD.findall(text.lower()) if word not in STOPWORDS]


def vectors(candidates: list[Candidate]) -> list[Vector]:
    """Unit TF-IDF vectors, document frequency counted over the candidates."""
    counts: list[dict[str, int]] = []
    frequency: dict[str, int] = {}
    for candidate in candidates:
        bag: dict[str, int] = {}
        for term in terms(candidate.sentence.text):
            bag[term] = bag.get(term, 0) + 1
        counts.append(bag)
        for term in bag:
            frequency[term] = frequency.get(term, 0) + 1
    total = len(candidates)
    found: list[Vector] = []
    for bag in counts:
        weights = {term: (1 + math.log(n)) * math.log(1 + total / frequency[term]) for term, n in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        found.append({term: w / norm for term, w in weights.items()})
    return found


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


def prior(candidates: list[Candidate], settings: RankSettings) -> list[float]:
    """Restart weights favouring the debate's opening and each speech's opening."""
    count = len(candidates)
    if count == 0:
        return []
    scale = max(settings.debate_decay * count, 1.0)
    raw = [
        settings.debate_weight * math.exp(-rank / scale)
        + (1 - settings.debate_weight) * math.exp(-candidate.position_in_speech / settings.speech_decay)
        for rank, candidate in enumerate(candidates)
    ]
    total = sum(raw)
    return [value / total for value in raw]


def rank(candidates: list[Candidate], vecs: list[Vector], settings: RankSettings = RankSettings()) -> list[float]:
    """Stationary probability of each candidate under the prior-restarting walk."""
    count = len(candidates)
    if count == 0:
        return []
    restart = prior(candidates, settings)
    rows, columns = _sparse(vecs)
    # A node's degree is its similarity to all others: a_i . sum_j a_j, less a_i . a_i.
    self_similarity = [sum(weight * weight for weight in vec.values()) for vec in vecs]
    totals = _products(columns, [1.0] * count)
    degree = [max(value - own, 0.0) for value, own in zip(_products(rows, totals), self_similarity)]
    linked = [value > 1e-12 for value in degree]
    score = list(restart)
    d = settings.damping
    for _ in range(settings.iterations):
        share = [p / deg if ok else 0.0 for p, deg, ok in zip(score, degree, linked)]
        stranded = sum(p for p, ok in zip(score, linked) if not ok)  # no neighbours: restarts
        flow = _products(columns, share)
        reached = _products(rows, flow)
        base = 1 - d + d * stranded
        updated = [
            base * r + d * max(value - own * w, 0.0)
            for r, value, own, w in zip(restart, reached, self_similarity, share)
        ]
        change = sum(abs(a - b) for a, b in zip(updated, score))
        score = updated
        if change < settings.tolerance:
            break
    return score


Sparse = list[tuple[list[int], list[float]]]


def _sparse(vecs: list[Vector]) -> tuple[Sparse, Sparse]:
    """The sentence-term matrix by rows (sentences) and by columns (terms), as index lists."""
    term_ids: dict[str, int] = {}
    rows: Sparse = []
    for vec in vecs:
        ids = [term_ids.setdefault(term, len(term_ids)) for term in vec]
        rows.append((ids, list(vec.values())))
    columns: Sparse = [([], []) for _ in term_ids]
    for sentence, (ids, weights) in enumerate(rows):
        for term, weight in zip(ids, weights):
            columns[term][0].append(sentence)
            columns[term][1].append(weight)
    return rows, columns


def _products(matrix: Sparse, values: list[float]) -> list[float]:
    """Matrix times vector; map() keeps the inner loop in C."""
    pick = values.__getitem__
    return [sum(map(mul, weights, map(pick, ids))) for ids, weights in matrix]
