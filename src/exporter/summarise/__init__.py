"""The briefing's substance: an extractive summary, key points and figures at a glance.

Every sentence returned is verbatim from a member's speech and carries that speech's id,
speaker and column, so it can be linked and cited. All of it is deterministic and offline:
the same debate gives the same sentences, word for word.

    summarise(debate, words=250) -> list[SummarySentence]
    key_points(debate, per_speaker=3) -> list[KeyPoints]
    glance(debate) -> AtAGlance

An editorial summary given in the record (``Debate.summary``) is the composer's business: it
replaces this one there.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter.model import Debate
from exporter.summarise import balance
from exporter.summarise import rank as centrality
from exporter.summarise.candidates import Candidate, SummarySentence, collect
from exporter.summarise.glance import AtAGlance, PartyRow, glance
from exporter.summarise.keypoints import KeyPoints, key_points_from
from exporter.summarise.rank import RankSettings, Vector

__all__ = [
    "AtAGlance",
    "KeyPoints",
    "PartyRow",
    "Ranking",
    "SummarySentence",
    "glance",
    "key_points",
    "ranking",
    "summarise",
]


@dataclass(frozen=True)
class Ranking:
    """Every candidate sentence of a debate with its vector and centrality score."""

    candidates: list[Candidate]
    vectors: list[Vector]
    scores: list[float]


# The composer asks for the summary and then the key points of the same debate; ranking once
# for both halves the work. Keyed by identity, holding the debate so the id stays valid.
_last: tuple[Debate, RankSettings, Ranking] | None = None


def ranking(debate: Debate, settings: RankSettings | None = None) -> Ranking:
    global _last
    settings = settings or RankSettings()
    if _last is not None and _last[0] is debate and _last[1] == settings:
        return _last[2]
    candidates = collect(debate)
    eligible = [i for i, candidate in enumerate(candidates) if not candidate.procedural]
    chosen = [candidates[i] for i in eligible]
    # Procedural sentences are never picked, so they neither get a vector nor a score.
    vecs: list[Vector] = [{} for _ in candidates]
    scores = [0.0] * len(candidates)
    eligible_vecs = centrality.vectors(chosen)
    for index, vec, score in zip(
        eligible, eligible_vecs, centrality.rank(chosen, eligible_vecs, settings), strict=True
    ):
        vecs[index] = vec
        scores[index] = score
    result = Ranking(candidates, vecs, scores)
    _last = (debate, settings, result)
    return result


def summarise(
    debate: Debate,
    words: int = 250,
    rank_settings: RankSettings | None = None,
    balance_settings: balance.BalanceSettings | None = None,
) -> list[SummarySentence]:
    """At most ``words`` words of whole sentences quoted from the debate, in debate order."""
    found = ranking(debate, rank_settings)
    chosen = balance.select(
        found.candidates, found.vectors, found.scores, words, balance_settings or balance.BalanceSettings()
    )
    return [found.candidates[i].sentence for i in chosen]


def key_points(debate: Debate, per_speaker: int = 3) -> list[KeyPoints]:
    """One to ``per_speaker`` sentences for each member who made a substantive speech."""
    found = ranking(debate)
    return key_points_from(found.candidates, found.vectors, found.scores, per_speaker)
