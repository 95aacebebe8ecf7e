"""Score the summariser with ROUGE on the QMSum committee meetings, beside the lead baseline.

    python benchmarks/eval_summary.py [--data DIR] [--split train|val|all] [--bootstrap N]

Each meeting becomes a Debate (one Section, one Speech per turn, "{vocalsound}"-style tokens
removed) and is summarised to the length of its whole-meeting reference summary, in words; the
result is cut to that length, as is the lead baseline (the meeting's first sentences). Scores
are ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (rouge-score, Porter stemming, one sentence a line),
averaged over meetings, with a 95% bootstrap interval over meetings for the summary, for lead,
and for the summary's margin over lead. Also checked: every summary sentence is verbatim from
its speech, and a second run gives the same summary.

The sentence scorer is trained and its settings chosen on train only
(benchmarks/train_sentence_scorer.py); val is for reporting; the test split is held back.
The data is looked for in ``../shared/eval/qmsum-committee/`` beside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from exporter.model import Debate, Paragraph, Run, Section, Speaker, Speech, speeches
from exporter.summarise import summarise
from exporter.summarise.sentences import split

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "qmsum-committee"
SOURCE = (
    "https://github.com/Yale-LILY/QMSum: data/Committee/jsonl/train.jsonl and val.jsonl, "
    "saved as committee_train.jsonl and committee_val.jsonl (MIT licence)"
)
_NOISE = re.compile(r"\{\w+\}")
_SPACES = re.compile(r"[ \t\u00a0]+")
METRICS = ("rouge1", "rouge2", "rougeLsum")
SEED = 17  # the bootstrap's, so the interval is the same on every run


def missing_data(data: Path, names: tuple[str, ...] = ("train", "val")) -> None:
    """Exit with where to get the meetings when they are not in ``data``."""
    absent = [f"committee_{name}.jsonl" for name in names if not (data / f"committee_{name}.jsonl").exists()]
    if absent:
        raise SystemExit(
            f"{', '.join(absent)} not found in {data}.\n"
            f"The QMSum committee meetings are kept in ../shared/eval/qmsum-committee/ beside the "
            f"repository; elsewhere, get them from {SOURCE}, and pass their folder with --data."
        )


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


def ours(debate: Debate, words: int) -> list[str]:
    return [sentence.text for sentence in summarise(debate, words)]


def verbatim(debate: Debate, words: int) -> tuple[int, int]:
    """(sentences found verbatim in their own speech, sentences) for one meeting."""
    by_id = {speech.id: speech for speech in speeches(debate)}
    picked = summarise(debate, words)
    again = summarise(replace(debate), words)
    if [s.text for s in picked] != [s.text for s in again]:
        raise SystemExit("the summary differs between two runs")
    found = sum(
        1
        for s in picked
        if any(isinstance(b, Paragraph) and s.text in b.text for b in by_id[s.speech_id].paragraphs)
    )
    return found, len(picked)


def per_meeting(meetings: list[dict], method: Callable[[Debate, int], list[str]]) -> np.ndarray:
    """ROUGE F1 (x 100) of each meeting's summary: one row per meeting, one column per metric."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    rows = []
    for number, meeting in enumerate(meetings):
        ref = reference(meeting)
        words = len(ref.split())
        debate = meeting_debate(meeting, f"meeting {number}")
        result = scorer.score("\n".join(split(ref)), cut(method(debate, words), words))
        rows.append([result[metric].fmeasure * 100 for metric in METRICS])
    return np.array(rows)


def interval(values: np.ndarray, draws: int) -> tuple[np.ndarray, np.ndarray]:
    """95% percentile bootstrap interval of the column means, resampling meetings."""
    generator = np.random.default_rng(SEED)
    picks = generator.integers(0, len(values), size=(draws, len(values)))
    means = values[picks].mean(axis=1)
    return np.percentile(means, 2.5, axis=0), np.percentile(means, 97.5, axis=0)


def load(data: Path, split_name: str) -> list[dict]:
    names = ("train", "val") if split_name == "all" else (split_name,)
    missing_data(data, names)
    meetings: list[dict] = []
    for name in names:
        with open(data / f"committee_{name}.jsonl", encoding="utf-8") as handle:
            meetings.extend(json.loads(line) for line in handle if line.strip())
    return meetings


def _line(label: str, values: np.ndarray, draws: int) -> str:
    low, high = interval(values, draws)
    means = values.mean(axis=0)
    cells = [f"{m} {mean:5.2f} [{lo:5.2f}, {hi:5.2f}]" for m, mean, lo, hi in zip(METRICS, means, low, high, strict=True)]
    return f"  {label:9}" + "  ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("train", "val", "all"), default="val")
    parser.add_argument("--bootstrap", type=int, default=10_000, help="bootstrap draws for the intervals")
    args = parser.parse_args()
    splits = ("train", "val") if args.split == "all" else (args.split,)
    for name in splits:
        meetings = load(args.data, name)
        checks = [verbatim(meeting_debate(m, f"m{i}"), len(reference(m).split())) for i, m in enumerate(meetings)]
        found, total = sum(c[0] for c in checks), sum(c[1] for c in checks)
        summary, baseline = per_meeting(meetings, ours), per_meeting(meetings, lead)
        print(f"{name} ({len(meetings)} meetings): mean F1 x 100 [95% bootstrap interval over meetings]")
        print(_line("summary", summary, args.bootstrap))
        print(_line("lead", baseline, args.bootstrap))
        print(_line("margin", summary - baseline, args.bootstrap))
        print(f"  verbatim {found}/{total} sentences; identical on a second run")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
