"""The briefing's substance: an extractive summary, key points and figures at a glance.

Every sentence returned is verbatim from a member's speech and carries that speech's id,
speaker and column, so it can be linked and cited. All of it is deterministic and offline:
the same debate gives the same sentences, word for word, and nothing is kept between calls.

    ranking(debate) -> Ranking                    # every candidate sentence, judged and scored
    summarise(debate, words=250, ranked=None) -> list[SummarySentence]
    key_points(debate, per_speaker=3, ranked=None) -> list[KeyPoints]
    glance(debate) -> AtAGlance

A caller that wants both the summary and the key points of a debate ranks it once and passes
the ``Ranking`` to both. An editorial summary given in the record (``Debate.summary``) is the
composer's business: it replaces this one there.

How sentences are chosen: each is judged by form (exporter.summarise.eligibility: procedure,
courtesy, printed question stems, stage directions, fragments and dependent sentences are
never chosen on their own), scored by a small linear model trained on committee meetings with
reference summaries (exporter.summarise.scorer, over exporter.summarise.features), and the
summary is drawn to cover the whole sitting and every debate's opener and replying minister
(exporter.summarise.balance).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from exporter.model import Debate
from exporter.summarise import balance, features, scorer
from exporter.summarise import rank as centrality
from exporter.summarise.candidates import Candidate, SummarySentence, collect
from exporter.summarise.glance import AtAGlance, PartyRow, glance
from exporter.summarise.keypoints import SUBSTANCE_WORDS, KeyPoints, key_points_from
from exporter.summarise.rank import RankSettings, Vector

__all__ = [
    "AtAGlance",
    "KeyPoints",
    "SUBSTANCE_WORDS",
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
    """Every candidate sentence of a debate with its vector and score (0 for a sentence that
    is never chosen)."""

    candidates: list[Candidate]
    vectors: list[Vector]
    scores: list[float]


def ranking(debate: Debate, settings: RankSettings | None = None) -> Ranking:
    """Judge, vectorise and score every candidate sentence of ``debate``."""
    candidates = collect(debate)
    eligible = [i for i, candidate in enumerate(candidates) if candidate.label in balance.ELIGIBLE]
    chosen = [candidates[i] for i in eligible]
    # Sentences never chosen get neither a vector nor a score.
    vecs: list[Vector] = [{} for _ in candidates]
    central = [0.0] * len(candidates)
    eligible_vecs = centrality.vectors(chosen)
    for index, vec, score in zip(
        eligible, eligible_vecs, centrality.rank(chosen, eligible_vecs, settings or RankSettings()), strict=True
    ):
        vecs[index] = vec
        central[index] = score
    scores = [0.0] * len(candidates)
    if eligible:
        rows = features.matrix(candidates, vecs, central)[eligible]
        for index, score in zip(eligible, scorer.load().scores(rows), strict=True):
            scores[index] = float(score)
    return Ranking(candidates, vecs, scores)


def summarise(
    debate: Debate,
    words: int = 250,
    ranked: Ranking | None = None,
    balance_settings: balance.BalanceSettings | None = None,
) -> list[SummarySentence]:
    """At most ``words`` words of whole sentences quoted from the debate, in debate order."""
    found = ranked or ranking(debate)
    chosen = balance.select(
        found.candidates, found.vectors, found.scores, words, balance_settings or balance.BalanceSettings()
    )
    return [found.candidates[i].sentence for i in chosen]


def key_points(
    debate: Debate,
    per_speaker: int = 3,
    ranked: Ranking | None = None,
    *,
    speeches: Collection[int] | None = None,
    leave_out: Collection[str] = (),
) -> list[KeyPoints]:
    """One to ``per_speaker`` sentences for each member who spoke at substance
    (exporter.summarise.keypoints): in the speeches at ``speeches`` (indexes in
    ``exporter.model.speeches(debate)``; all when None), never a sentence whose text is in
    ``leave_out`` (the summary's, so that no sentence is given twice), nor one twice."""
    found = ranked or ranking(debate)
    return key_points_from(
        found.candidates, found.vectors, found.scores, per_speaker, speeches=speeches, leave_out=leave_out
    )
