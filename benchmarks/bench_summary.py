"""Time the summary and key points of a 100,000-word sitting day (target: under a second).

    python benchmarks/bench_summary.py [--words 100000] [--data DIR]

The day is made of real committee meetings from the QMSum data (one section per meeting,
as benchmarks/eval_summary.py reads them) until it holds the words asked for; without that
data, of the trimmed debates in tests/data/summarise/, repeated under new speaker ids.
Each run builds the day afresh, so nothing is cached between runs; the best of five is
reported with the median.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from eval_summary import DEFAULT_DATA, load, meeting_debate  # noqa: E402

from exporter.model import Debate, Paragraph, Section, Speech, speeches  # noqa: E402
from exporter.summarise import key_points, ranking, summarise  # noqa: E402
from summarise_debates import DEATH_PENALTY, OIL_REFINING, WAREHAM, load_debate  # noqa: E402


def count_words(debate: Debate) -> int:
    return sum(
        len(b.text.split()) for s in speeches(debate) for b in s.paragraphs if isinstance(b, Paragraph)
    )


def day(words: int, data: Path) -> Debate:
    if (data / "committee_train.jsonl").exists():
        meetings = [meeting_debate(m, f"meeting {n}") for n, m in enumerate(load(data, "all"))]
    else:
        meetings = [load_debate(name) for name in (DEATH_PENALTY, WAREHAM, OIL_REFINING)]
    sections: list[Section] = []
    speakers = []
    total = 0
    round_ = 0
    while total < words:
        for debate in meetings:
            tag = f"{round_}-{len(sections)}-"
            items = tuple(
                replace(item, speaker=tag + item.speaker)
                if isinstance(item, Speech) and item.speaker
                else item
                for section in debate.sections
                for item in section.items
            )
            sections.append(Section(f"{debate.title} ({len(sections) + 1})", items))
            speakers.extend(replace(speaker, id=tag + speaker.id) for speaker in debate.speakers)
            total += count_words(debate)
            if total >= words:
                break
        round_ += 1
    return Debate("A sitting day", tuple(sections), tuple(speakers))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    timings: list[float] = []
    for _ in range(5):
        debate = day(args.words, args.data)
        start = time.perf_counter()
        ranked = ranking(debate)  # once for both, as the composer does
        summary = summarise(debate, ranked=ranked)
        points = key_points(debate, ranked=ranked)
        timings.append(time.perf_counter() - start)
    print(
        f"{count_words(debate):,} words in {len(debate.sections)} sections, {len(speeches(debate)):,} speeches"
    )
    print(f"summary ({len(summary)} sentences) and key points ({len(points)} speakers):")
    print(f"  best {min(timings):.3f} s, median {statistics.median(timings):.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()
