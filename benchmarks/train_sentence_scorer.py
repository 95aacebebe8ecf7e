"""Build the summariser's sentence scorer from the QMSum committee training meetings.

    python benchmarks/train_sentence_scorer.py [--data DIR] [--search] [--write]

Each training meeting becomes a debate as benchmarks/eval_summary.py reads it; every sentence
the summariser may choose gets the features of exporter.summarise.features and a target: how
much of the meeting's reference summary it holds (ROUGE-1 and ROUGE-2 precision and recall
against the reference, with rouge-score's tokens and stemmer). The scorer is ridge regression
on standardised features, solved in closed form with numpy: deterministic, and read at run time
without any learning library.

Everything is chosen by leave-one-meeting-out cross-validation within the 24 training
meetings: the target, the ridge penalty and the selection settings (exporter.summarise.balance)
are those whose held-out summaries score best (the mean of ROUGE-1, ROUGE-2 and ROUGE-Lsum F1,
each summary cut to its reference's length). ``--search`` prints the grid; ``--write`` fits the
chosen setting on all training meetings and writes src/exporter/summarise/sentence_scorer.json.
The validation meetings are never read here.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer, tokenizers

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_summary import DEFAULT_DATA, METRICS, cut, load, meeting_debate, missing_data, reference  # noqa: E402

from exporter.summarise import balance, features, scorer  # noqa: E402
from exporter.summarise import rank as centrality  # noqa: E402
from exporter.summarise.candidates import Candidate, collect  # noqa: E402
from exporter.summarise.rank import RankSettings, Vector  # noqa: E402
from exporter.summarise.sentences import split  # noqa: E402

MODEL = ROOT / "src" / "exporter" / "summarise" / scorer.MODEL_FILE
TARGETS = ("oracle", "r12p", "r2")
RIDGE = (1.0, 10.0, 100.0, 1000.0)


@dataclass
class Meeting:
    candidates: list[Candidate]
    vecs: list[Vector]
    rows: np.ndarray  # features of the eligible candidates
    eligible: list[int]
    targets: dict[str, np.ndarray]
    reference: str
    words: int


def prepare(meeting: dict, number: int, stemmed: _Tokens) -> Meeting:
    debate = meeting_debate(meeting, f"meeting {number}")
    candidates = collect(debate)
    eligible = [i for i, c in enumerate(candidates) if c.label in balance.ELIGIBLE]
    chosen = [candidates[i] for i in eligible]
    vecs: list[Vector] = [{} for _ in candidates]
    central = [0.0] * len(candidates)
    eligible_vecs = centrality.vectors(chosen)
    for index, vec, score in zip(eligible, eligible_vecs, centrality.rank(chosen, eligible_vecs, RankSettings()), strict=True):
        vecs[index] = vec
        central[index] = score
    rows = features.matrix(candidates, vecs, central)[eligible]
    ref = reference(meeting)
    ref_1 = Counter(stemmed(ref))
    ref_2 = Counter(_bigrams(stemmed(ref)))
    values: dict[str, list[float]] = {name: [] for name in TARGETS if name != "oracle"}
    for i in eligible:
        tokens = stemmed(candidates[i].sentence.text)
        p1, r1 = _overlap(Counter(tokens), ref_1)
        p2, r2 = _overlap(Counter(_bigrams(tokens)), ref_2)
        values["r2"].append(r2)
        values["r12p"].append((p1 + p2) / 2)
    values["oracle"] = [0.0] * len(eligible)
    for position in oracle(
        [Counter(stemmed(candidates[i].sentence.text)) for i in eligible],
        [Counter(_bigrams(stemmed(candidates[i].sentence.text))) for i in eligible],
        [candidates[i].words for i in eligible],
        ref_1,
        ref_2,
        len(ref.split()),
    ):
        values["oracle"][position] = 1.0
    targets = {name: np.array(v) for name, v in values.items()}
    return Meeting(candidates, vecs, rows, eligible, targets, ref, len(ref.split()))


def oracle(
    unigrams: list[Counter], bigrams: list[Counter], lengths: list[int], ref_1: Counter, ref_2: Counter, words: int
) -> list[int]:
    """The sentences a greedy extractive oracle picks (by ROUGE-1 plus ROUGE-2 F1 of the
    summary so far, within the reference's length): the target "oracle" marks them 1."""
    chosen: list[int] = []
    got_1: Counter = Counter()
    got_2: Counter = Counter()
    used = 0
    best = 0.0
    while True:
        pick = None
        for i in range(len(unigrams)):
            if i in chosen or used + lengths[i] > words + 10:
                continue
            value = _f1(got_1 + unigrams[i], ref_1) + _f1(got_2 + bigrams[i], ref_2)
            if value > best + 1e-9:
                best, pick = value, i
        if pick is None:
            return chosen
        chosen.append(pick)
        got_1 += unigrams[pick]
        got_2 += bigrams[pick]
        used += lengths[pick]


def _f1(found: Counter, wanted: Counter) -> float:
    precision, recall = _overlap(found, wanted)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class _Tokens:
    def __init__(self) -> None:
        self.tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
        self.cache: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        if text not in self.cache:
            self.cache[text] = self.tokenizer.tokenize(text)
        return self.cache[text]


def _bigrams(tokens: list[str]) -> list[tuple[str, str]]:
    return list(zip(tokens, tokens[1:], strict=False))


def _overlap(found: Counter, wanted: Counter) -> tuple[float, float]:
    shared = sum((found & wanted).values())
    return shared / (sum(found.values()) or 1), shared / (sum(wanted.values()) or 1)


def fit(meetings: list[Meeting], target: str, ridge: float) -> scorer.Model:
    """Ridge regression on standardised features, in closed form."""
    x = np.vstack([m.rows for m in meetings])
    y = np.concatenate([m.targets[target] for m in meetings])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    y_mean = float(y.mean())
    gram = z.T @ z + ridge * np.eye(z.shape[1])
    weights = np.linalg.solve(gram, z.T @ (y - y_mean))
    return scorer.Model(features.FEATURES, _rounded(mean), _rounded(scale), _rounded(weights), round(y_mean, 8))


def _rounded(values: np.ndarray) -> tuple[float, ...]:
    """Eight significant digits: the file is the same on every machine."""
    return tuple(float(f"{v:.8g}") for v in values)


def choose(meeting: Meeting, model: scorer.Model, settings: balance.BalanceSettings) -> list[int]:
    scores = [0.0] * len(meeting.candidates)
    for index, score in zip(meeting.eligible, model.scores(meeting.rows), strict=True):
        scores[index] = float(score)
    return balance.select(meeting.candidates, meeting.vecs, scores, meeting.words, settings)


def rouge(meetings: list[Meeting], summaries: list[list[str]]) -> dict[str, float]:
    scorer_ = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals: dict[str, list[float]] = {metric: [] for metric in METRICS}
    for meeting, sentences in zip(meetings, summaries, strict=True):
        result = scorer_.score("\n".join(split(meeting.reference)), cut(sentences, meeting.words))
        for metric in METRICS:
            totals[metric].append(result[metric].fmeasure * 100)
    return {metric: statistics.fmean(values) for metric, values in totals.items()}


@dataclass(frozen=True)
class Result:
    rouge: dict[str, float]
    quarters: float  # mean number of the meeting's quarters its summary quotes
    early_only: int  # summaries of several sentences all from the meeting's first quarter

    @property
    def mean(self) -> float:
        return statistics.fmean(self.rouge.values())

    @property
    def covers(self) -> bool:
        """The coverage the summariser promises: no summary kept to the opening quarter, and
        three of the four quarters quoted on average."""
        return self.early_only == 0 and self.quarters >= 3.0

    def line(self) -> str:
        cells = "  ".join(f"{m} {self.rouge[m]:5.2f}" for m in METRICS)
        return f"{cells}  mean {self.mean:5.2f}  quarters {self.quarters:4.2f}  opening-only {self.early_only}"


def cross_validate(meetings: list[Meeting], target: str, ridge: float, settings: balance.BalanceSettings) -> Result:
    """Leave one meeting out: fit on the others, summarise the one left out."""
    summaries = []
    quarters = []
    early_only = 0
    for held in range(len(meetings)):
        model = fit(meetings[:held] + meetings[held + 1 :], target, ridge)
        chosen = choose(meetings[held], model, settings)
        summaries.append([meetings[held].candidates[i].sentence.text for i in chosen])
        size = len(meetings[held].candidates)
        quarters.append(len({min(3, 4 * i // size) for i in chosen}))
        early_only += len(chosen) > 1 and all(4 * i < size for i in chosen)
    return Result(rouge(meetings, summaries), statistics.fmean(quarters), early_only)


GRID = {
    "target": TARGETS,
    "ridge": (1000.0, 3000.0, 10000.0, 30000.0),
    "coverage": (0.5, 1.0, 3.0),
    "part_words": (40, 60),
}


def search(meetings: list[Meeting]) -> tuple[str, float, balance.BalanceSettings]:
    """The setting whose held-out summaries score best while covering the meetings."""
    best: tuple[float, str, float, balance.BalanceSettings] | None = None
    for target, ridge, coverage, part_words in itertools.product(*GRID.values()):
        settings = replace(balance.BalanceSettings(), coverage=coverage, part_words=part_words)
        result = cross_validate(meetings, target, ridge, settings)
        print(f"{target:6} ridge {ridge:6g} coverage {coverage:3g} part {part_words:3d}: {result.line()}", flush=True)
        if result.covers and (best is None or result.mean > best[0]):
            best = (result.mean, target, ridge, settings)
    if best is None:
        raise SystemExit("no setting covers the meetings")
    return best[1], best[2], best[3]


def write(model: scorer.Model, target: str, ridge: float) -> None:
    data = {
        "format": scorer.FORMAT,
        "about": (
            "Ridge regression over exporter.summarise.features, built by "
            "benchmarks/train_sentence_scorer.py from the 24 QMSum committee training meetings "
            f"(target {target}, penalty {ridge:g})."
        ),
        "features": list(model.features),
        "mean": list(model.mean),
        "scale": list(model.scale),
        "weights": list(model.weights),
        "bias": model.bias,
    }
    MODEL.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--search", action="store_true", help="print the cross-validation grid")
    parser.add_argument("--write", action="store_true", help="fit on all training meetings and write the model")
    parser.add_argument("--target", choices=TARGETS, default="r12p")
    parser.add_argument("--ridge", type=float, default=3000.0)
    args = parser.parse_args()
    missing_data(args.data)
    stemmed = _Tokens()
    meetings = [prepare(m, n, stemmed) for n, m in enumerate(load(args.data, "train"))]
    target, ridge, settings = args.target, args.ridge, balance.BalanceSettings()
    if args.search:
        target, ridge, settings = search(meetings)
        print(f"chosen: target {target}, ridge {ridge:g}, {settings}")
    result = cross_validate(meetings, target, ridge, settings)
    print(f"leave-one-meeting-out on train: {result.line()}")
    if args.write:
        write(fit(meetings, target, ridge), target, ridge)


if __name__ == "__main__":
    main()
