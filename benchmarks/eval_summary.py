"""Score the summariser with ROUGE on the QMSum committee meetings, beside the lead baseline.

    python benchmarks/eval_summary.py [--data DIR] [--split train|val|all] [--tune]

Each meeting becomes a Debate (one Section, one Speech per turn, "{vocalsound}"-style tokens
removed) and is summarised to the length of its whole-meeting reference summary, in words; the
result is cut to that length, as is the lead baseline (the meeting's first sentences). Scores
are ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (rouge-score, Porter stemming, one sentence a line),
averaged over meetings. Also checked: every summary sentence is verbatim from its speech, and a
second run gives the same summary. Tune on train; report val; the test split is held back.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import statistics
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rouge_score import rouge_scorer

from exporter.model import Debate, Paragraph, Run, Section, Speaker, Speech, speeches
from exporter.summarise import summarise
from exporter.summarise.balance import BalanceSettings
from exporter.summarise.rank import RankSettings
from exporter.summarise.sentences import split

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "qmsum-committee"
_NOISE = re.compile(r"\{\w+\}")
_SPACES = re.compile(r"[ \t\u00a0]+")
METRICS = ("rouge1", "rouge2", "rougeLsum")


def meeting_debate(meeting: dict, title: str) -> Debate:
    """One Section, one Speech per turn; speakers identified by their printed names."""
    ids: dict[str, str] = {}
    items: list[Speech] = []
    for number, turn in enumerate(meeting["meeting_transcripts"]):
        text = _SPACES.sub(" ", _NOISE.sub("", turn["content"])).strip()
        if not text:
            continue
        name = turn["speaker"].strip()
        speaker_id = ids.setdefault(name, f"speaker-{len(ids) + 1}")
        items.append(Speech(id=f"turn-{number}", speaker=speaker_id, paragraphs=(Paragraph((Run(text),)),)))
    speakers = tuple(Speaker(id=speaker_id, name=name) for name, speaker_id in ids.items())
    return Debate(title=title, sections=(Section(title=title, items=tuple(items)),), speakers=speakers)


def reference(meeting: dict) -> str:
    return meeting["general_query_list"][0]["answer"]


def cut(sentences: list[str], words: int) -> str:
    """The sentences, one a line, cut to ``words`` words."""
    lines: list[str] = []
    left = words
    for sentence in sentences:
        if left <= 0:
            break
        tokens = sentence.split()
        lines.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return "\n".join(lines)


def lead(debate: Debate, words: int) -> list[str]:
    found: list[str] = []
    total = 0
    for speech in speeches(debate):
        for block in speech.paragraphs:
            for sentence in split(block.text if isinstance(block, Paragraph) else ""):
                if total >= words:
                    return found
                found.append(sentence)
                total += len(sentence.split())
    return found


def ours(rank: RankSettings, balance: BalanceSettings) -> Callable[[Debate, int], list[str]]:
    def method(debate: Debate, words: int) -> list[str]:
        return [sentence.text for sentence in summarise(debate, words, rank, balance)]

    return method


def verbatim(debate: Debate, words: int, rank: RankSettings, balance: BalanceSettings) -> tuple[int, int]:
    """(sentences found verbatim in their own speech, sentences) for one meeting."""
    by_id = {speech.id: speech for speech in speeches(debate)}
    picked = summarise(debate, words, rank, balance)
    again = summarise(replace(debate), words, rank, balance)
    if [s.text for s in picked] != [s.text for s in again]:
        raise SystemExit("the summary differs between two runs")
    found = sum(
        1
        for s in picked
        if any(isinstance(b, Paragraph) and s.text in b.text for b in by_id[s.speech_id].paragraphs)
    )
    return found, len(picked)


def score(meetings: list[dict], method: Callable[[Debate, int], list[str]]) -> dict[str, float]:
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals: dict[str, list[float]] = {metric: [] for metric in METRICS}
    for number, meeting in enumerate(meetings):
        ref = reference(meeting)
        words = len(ref.split())
        debate = meeting_debate(meeting, f"meeting {number}")
        summary = cut(method(debate, words), words)
        result = scorer.score("\n".join(split(ref)), summary)
        for metric in METRICS:
            totals[metric].append(result[metric].fmeasure * 100)
    return {metric: statistics.fmean(values) for metric, values in totals.items()}


def load(data: Path, split_name: str) -> list[dict]:
    names = ("train", "val") if split_name == "all" else (split_name,)
    meetings: list[dict] = []
    for name in names:
        with open(data / f"committee_{name}.jsonl", encoding="utf-8") as handle:
            meetings.extend(json.loads(line) for line in handle if line.strip())
    return meetings


def tune(meetings: list[dict]) -> RankSettings:
    """Grid search for the settings whose worst margin over the lead baseline, across the
    three ROUGE scores, is largest (the summary must beat lead on all three)."""
    baseline = score(meetings, lead)
    best: tuple[float, RankSettings] | None = None
    grid = itertools.product(
        ("speech", "speaker"), (0.3, 0.5, 0.7, 0.85), (0.02, 0.05, 0.1), (0.5, 0.7, 0.9, 1.0)
    )
    for opening, damping, decay, weight in grid:
        settings = RankSettings(opening=opening, damping=damping, debate_decay=decay, debate_weight=weight)
        result = score(meetings, ours(settings, BalanceSettings()))
        margin = min(result[metric] - baseline[metric] for metric in METRICS)
        print(f"{settings}: {_line(result)}  worst margin {margin:+.2f}", file=sys.stderr)
        if best is None or margin > best[0]:
            best = (margin, settings)
    assert best is not None
    return best[1]


def _line(result: dict[str, float]) -> str:
    return "  ".join(f"{metric} {result[metric]:5.2f}" for metric in METRICS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("train", "val", "all"), default="val")
    parser.add_argument("--tune", action="store_true", help="grid-search the ranking on train first")
    args = parser.parse_args()
    rank, balance = RankSettings(), BalanceSettings()
    if args.tune:
        rank = tune(load(args.data, "train"))
        print(f"tuned on train: {rank}")
    splits = ("train", "val") if args.split == "all" else (args.split,)
    for name in splits:
        meetings = load(args.data, name)
        checks = [
            verbatim(meeting_debate(m, f"m{i}"), len(reference(m).split()), rank, balance)
            for i, m in enumerate(meetings)
        ]
        found, total = sum(c[0] for c in checks), sum(c[1] for c in checks)
        print(f"{name} ({len(meetings)} meetings)")
        print(f"  summary  {_line(score(meetings, ours(rank, balance)))}")
        print(f"  lead     {_line(score(meetings, lead))}")
        print(f"  verbatim {found}/{total} sentences; identical on a second run")


if __name__ == "__main__":
    main()
