"""A synthetic sitting day of N speeches, in our record format, made of real sentences.

For the scaling runs of ``bench_day.py``: time and memory must grow linearly with the number
of speeches, so every other count grows in proportion with it: one debate (top-level section)
per 25 speeches, closed by a decision as a real debate is, one member per 5 speeches (the
Commons day of 28 October 2009 has 476 speeches by 106 members), one column per 3 speeches.
Each speech has 1 to 4 paragraphs of 1 to 5 sentences (about 7.5 sentences a speech, as that
Commons day has).

The sentences are real: those of the seed debate and of ``samples/`` (19 distinct sentences,
too few alone: at thousands of speeches every summary candidate would be a repeat of every
other) and of the Westminster Hall sitting of 28 October 2009 (about 1,670 sentences), read
through our own readers; the shared record when it is there, else the trimmed copy in
``tests/data``. The text is under the Open Parliament Licence v3.0. The same N always gives the
same record (a seeded generator).

    python benchmarks/synthetic_day.py 1000 -o day-1000.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Sequence
from pathlib import Path

from exporter import model as m
from exporter import record
from exporter.diagnostics import Reporter
from exporter.pipeline import Job, read_debate
from exporter.summarise.sentences import split

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SPEECHES_PER_DEBATE = 25
SPEECHES_PER_MEMBER = 5
SPEECHES_PER_COLUMN = 3
PARTIES = ("Labour", "Conservative", "Liberal Democrat", "Scottish National Party", "Plaid Cymru")


def sentence_sources() -> list[Path]:
    """The records whose sentences make the synthetic day, the seed's first."""
    found = sorted((SHARED / "seed").glob("*.txt")) + sorted((ROOT / "samples").glob("*.yaml"))
    sitting = SHARED / "records" / "parlparse" / "westminhall_westminster2009-10-28a.xml"
    found.append(
        sitting
        if sitting.is_file()
        else ROOT / "tests" / "data" / "parlparse" / "westminster2009-10-28a-excerpt.xml"
    )
    return found


def sentence_pool(sources: Sequence[Path] | None = None) -> list[str]:
    """Every distinct sentence of the members' speeches in ``sources``, in reading order."""
    pool: dict[str, None] = {}
    for path in sources if sources is not None else sentence_sources():
        debate, _ = read_debate(path, Job(), Reporter(str(path)))
        for speech in m.speeches(debate):
            for block in speech.paragraphs:
                if isinstance(block, m.Paragraph):
                    pool.update(dict.fromkeys(split(block.text)))
    return list(pool)


def synthetic_debate(speeches: int, pool: Sequence[str], seed: int = 20) -> m.Debate:
    """A Commons sitting day of ``speeches`` speeches drawn from ``pool`` (see the module doc)."""
    if speeches < 1 or not pool:
        raise ValueError("a synthetic day needs at least one speech and one sentence")
    rng = random.Random(seed)
    members = max(1, speeches // SPEECHES_PER_MEMBER)
    speakers = tuple(
        m.Speaker(
            id=f"member-{n}",
            name=f"Member {n}",
            constituency=f"Constituency {n}",
            party=PARTIES[n % len(PARTIES)],
        )
        for n in range(1, members + 1)
    )
    sections: list[m.Section] = []
    items: list[m.Item] = []
    for index in range(speeches):
        column = str(1 + index // SPEECHES_PER_COLUMN)
        paragraphs = tuple(
            m.Paragraph((m.Run(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 5)))),))
            for _ in range(rng.randint(1, 4))
        )
        items.append(
            m.Speech(
                id=f"synthetic.{column}.{index}",
                speaker=speakers[rng.randrange(members)].id,
                paragraphs=paragraphs,
                column=column,
                url=f"https://hansard.example.org/synthetic/{speeches}#speech-{index}",
            )
        )
        if len(items) == SPEECHES_PER_DEBATE or index == speeches - 1:
            decision = m.Paragraph((m.Run("Question put and agreed to."),))
            items.append(m.Procedural((decision,), m.ProceduralKind.DECISION))
            number = len(sections) + 1
            first = items[0]
            sections.append(
                m.Section(
                    title=f"Debate {number}",
                    items=tuple(items),
                    id=f"synthetic.debate.{number}",
                    column=first.column if isinstance(first, m.Speech) else None,
                )
            )
            items = []
    return m.Debate(
        title=f"Synthetic sitting day of {speeches:,} speeches",
        sections=tuple(sections),
        speakers=speakers,
        date=dt.date(2009, 10, 28),
        house="House of Commons",
        location="Commons Chamber",
        language="en-GB",  # stated, as our record format's default: nothing to identify
        profile="uk-commons",
        source=m.Source(
            publisher="debate-exporter benchmarks: real sentences of UK Parliament debates, rearranged",
            url=f"https://hansard.example.org/synthetic/{speeches}",
            volume="498",
            licence="Open Parliament Licence v3.0",
        ),
    )


def write_synthetic(speeches: int, path: Path, pool: Sequence[str] | None = None) -> Path:
    """Write the synthetic day of ``speeches`` speeches to ``path`` as a JSON record."""
    debate = synthetic_debate(speeches, pool if pool is not None else sentence_pool())
    path.write_text(json.dumps(record.to_dict(debate), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("speeches", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    write_synthetic(args.speeches, args.output)
    print(f"{args.output}: {args.speeches:,} speeches")


if __name__ == "__main__":
    main()
