"""Measure the threshold for "spoke at substance": who gets key points (SUBSTANCE_WORDS).

    python benchmarks/key_point_threshold.py [--data DIR] [--records DIR]

Two measurements, side by side for a range of thresholds (words a member said in a debate):

1. **QMSum committee meetings** (train and val; the test split is held back): the annotators
   asked what a named speaker said or thought ("What did Carol Shillabeer think about ...?")
   about the speakers whose contributions mattered. For each threshold: how many of those
   speakers it keeps (recall), and how many speakers it keeps in all. A threshold that keeps
   every queried speaker, and as few others as possible, is the one wanted.
2. **The shared sitting days** (``../shared/records/parlparse``): per debate of each day
   (exporter.compose.sitting), how many members reach the threshold in their own speeches
   (as exporter.summarise.keypoints counts), and what share of the words spoken they said,
   so that the key points of a whole day stay short while the members they leave to the
   Speakers table said little.

The data is looked for beside the repository (``../shared``); the script says where to get
it when it is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from exporter import model as m
from exporter import summarise
from exporter.compose.anchors import Anchors
from exporter.compose.keys import key_speeches
from exporter.compose.sitting import sitting_debates
from exporter.diagnostics import Reporter
from exporter.pipeline import Job, read_debate
from exporter.summarise.keypoints import SUBSTANCE_WORDS, spoken_words

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "qmsum-committee"
DEFAULT_RECORDS = ROOT.parent / "shared" / "records" / "parlparse"
DAYS = ("lords_daylord2009-10-29a.xml", "debates2009-10-28c.xml", "westminhall_westminster2009-10-28a.xml")
THRESHOLDS = (25, 50, 75, 100, 125, 140, 150, 200, 250, 300, 400, 500)
_ASKED = re.compile(r"\b(did|does|was|were)\b", re.IGNORECASE)
_POSTNOMINALS = re.compile(r"\b(AM|MP|MS|MLA|MSP)\b")


def queried(meeting: dict) -> list[tuple[int, bool]]:
    """(words said, whether the annotators asked what this speaker said) per speaker."""
    asked = " ".join(q["query"] for q in meeting["specific_query_list"] if _ASKED.search(q["query"]))
    words: dict[str, int] = {}
    for turn in meeting["meeting_transcripts"]:
        words[turn["speaker"]] = words.get(turn["speaker"], 0) + len(turn["content"].split())
    found = []
    for speaker, count in words.items():
        names = [
            part for part in _POSTNOMINALS.sub("", speaker).split() if len(part) > 2 and part[0].isupper()
        ]
        surname = names[-1] if names else None
        found.append((count, bool(surname and re.search(rf"\b{re.escape(surname)}\b", asked))))
    return found


def qmsum(data: Path) -> None:
    files = [data / f"committee_{name}.jsonl" for name in ("train", "val")]
    if not all(path.exists() for path in files):
        raise SystemExit(
            f"QMSum committee meetings not found in {data}; they are kept in ../shared/eval/qmsum-committee/ "
            "beside the repository (from https://github.com/Yale-LILY/QMSum, data/Committee, MIT licence)."
        )
    speakers = [row for path in files for line in path.open() for row in queried(json.loads(line))]
    asked = [words for words, was_asked in speakers if was_asked]
    print(f"QMSum committee (train + val): {len(speakers)} speakers, {len(asked)} asked about")
    print(f"  fewest words of a speaker asked about: {min(asked)}")
    print("  threshold  kept  recall of those asked about")
    for threshold in THRESHOLDS:
        kept = sum(words >= threshold for words, _ in speakers)
        recall = sum(words >= threshold for words in asked) / len(asked)
        print(f"  {threshold:9}  {kept:4}  {recall:.2f}")


def days(records: Path) -> None:
    print("Shared sitting days: members who reach the threshold in a debate, and their share of its words")
    print("  day                                   threshold  members kept  of  share of words")
    for name in DAYS:
        path = records / name
        if not path.exists():
            print(f"  {name}: not found in {records}")
            continue
        debate, _ = read_debate(path, Job(), Reporter(name))
        debate = key_speeches(debate, Anchors()).debate
        ranked = summarise.ranking(debate)
        index_of = {speech.id: i for i, speech in enumerate(m.speeches(debate))}
        per_debate = []
        for unit in sitting_debates(debate):
            indexes = {index_of[key] for key in unit.speeches}
            within = [i for i, c in enumerate(ranked.candidates) if c.sentence.speech_index in indexes]
            per_debate.append(spoken_words(ranked.candidates, within))
        members = sum(len(words) for words in per_debate)
        total = sum(sum(words.values()) for words in per_debate) or 1
        for threshold in THRESHOLDS:
            kept = [w for words in per_debate for w in words.values() if w >= threshold]
            print(f"  {name[:36]:36}  {threshold:9}  {len(kept):12}  {members:3}  {sum(kept) / total:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the QMSum committee meetings")
    parser.add_argument("--records", type=Path, default=DEFAULT_RECORDS, help="the shared ParlParse records")
    args = parser.parse_args()
    print(f"SUBSTANCE_WORDS = {SUBSTANCE_WORDS}")
    qmsum(args.data)
    days(args.records)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
