"""The labelled summary sentences: draw the sample, show it for labelling, report the selector.

    python benchmarks/summary_labels.py sample   # (re)draw tests/data/summarise/labelled_sentences.jsonl
    python benchmarks/summary_labels.py refresh  # the same sentences, their contexts as the summariser now sees them
    python benchmarks/summary_labels.py show [FROM [TO]]   # sentences with their context, to label
    python benchmarks/summary_labels.py report [--records]

The rules the labels follow are in tests/data/summarise/LABELLING.md. ``sample`` draws from the
shared records and the QMSum committee training meetings (``../shared`` beside the repository),
keeps the labels of sentences already labelled and leaves new ones unlabelled. ``report`` gives
the selector's precision and recall on the labelled set, from the contexts stored in the file
(the repository alone is enough); with ``--records`` it first checks those contexts against what
the readers give today.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELLED = ROOT / "tests" / "data" / "summarise" / "labelled_sentences.jsonl"
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_summary import load, meeting_debate, reference  # noqa: E402

from exporter.compose.substance import summary_length  # noqa: E402
from exporter.diagnostics import Reporter  # noqa: E402
from exporter.model import (  # noqa: E402
    Debate,  # noqa: E402
    Section,
    Speech,
    speeches,
    walk_items,
)
from exporter.pipeline import Job, read_debate  # noqa: E402
from exporter.summarise import summarise  # noqa: E402
from exporter.summarise.candidates import collect  # noqa: E402
from exporter.summarise.eligibility import LABELS, Context, judge  # noqa: E402

# Shared records (path under ../shared) and how many sentences to draw from each at random.
RECORDS: dict[str, int] = {
    "records/parlparse/debates2009-10-28c.xml": 60,
    "records/parlparse/lords_daylord2009-10-29a.xml": 40,
    "records/parlparse/westminhall_westminster2009-10-28a.xml": 25,
    "records/parlparse/standing2009-10-20_CHILDPOV_07-0_2009-10-29a.xml": 25,
    "records/parlparse/wms_ministerial2009-10-28a.xml": 8,
    "records/parlamint/gb_ParlaMint-GB_2022-07-21-commons.xml": 15,
    "records/hansard-api/commons_adjournment_oil_refining_2026-01-14.json": 12,
    "cases/parlparse-oral-question-stems-in-summary.xml": 10,
    "seed/westminster-hall-2022-02-23-cse-organised-networks.txt": 5,
}
QMSUM_RANDOM = 120
MARKED = 45  # from the shared records, sentences with a mark of a stage direction or fragment
_MARK = re.compile(r"[\[\]{}]|\b(?:rose|Interruption|Laughter|Hear, hear)\b|^[^A-Z\"'“‘(£$0-9]|^\d|[—–,:;-]$|[^.?!…'\"”’)\]]$")
QMSUM_CHOSEN_EVERY = 2  # the pre-17 summaries of every second training meeting


@dataclass(frozen=True)
class Sentence:
    source: str
    speech: str
    index: int
    text: str
    context: Context
    next_text: str | None
    speaker: str
    role: str | None
    section: str


def sources() -> Iterator[tuple[str, Debate, int]]:
    """(source name, debate, words for its summary) for every source sampled."""
    for path in RECORDS:
        debate, _ = read_debate(SHARED / path, Job(), Reporter(path))
        yield path, debate, summary_length(debate, 250)
    for number, meeting in enumerate(load(SHARED / "eval" / "qmsum-committee", "train")):
        yield f"qmsum:train:{number}", meeting_debate(meeting, f"meeting {number}"), len(reference(meeting).split())


def sentences(source: str, debate: Debate) -> list[Sentence]:
    """Every candidate sentence of a speech with a speaker, with its context."""
    titles: dict[int, str] = {}
    for section in walk_items(debate.sections):
        if isinstance(section, Section):
            for item in section.items:
                if isinstance(item, Speech):
                    titles[id(item)] = section.title
    all_speeches = speeches(debate)
    found: list[Sentence] = []
    candidates = collect(debate)
    for position, candidate in enumerate(candidates):
        speech = all_speeches[candidate.sentence.speech_index]
        if speech.speaker is None:
            continue
        following = candidates[position + 1] if position + 1 < len(candidates) else None
        same_speech = following is not None and following.sentence.speech_index == candidate.sentence.speech_index
        found.append(
            Sentence(
                source,
                speech.id or f"#{candidate.sentence.speech_index}",
                candidate.position_in_speech,
                candidate.sentence.text,
                candidate.context,
                following.sentence.text if same_speech and following is not None else None,
                candidate.sentence.speaker_name,
                speech.role,
                titles.get(id(speech), ""),
            )
        )
    return found


def _draw_key(sentence: Sentence) -> str:
    return hashlib.sha256(f"{sentence.source}|{sentence.speech}|{sentence.index}".encode()).hexdigest()


def sample() -> None:
    old = {(r["source"], r["speech"], r["index"]): r for r in _read(LABELLED)} if LABELLED.exists() else {}
    rows: list[dict] = []
    for source, debate, words in sources():
        found = sentences(source, debate)
        count = RECORDS.get(source, QMSUM_RANDOM if source.startswith("qmsum") else 0)
        per_source = count
        if source.startswith("qmsum"):
            # QMSUM_RANDOM over all training meetings: each meeting in proportion to its size
            per_source = -1
        drawn = set()
        if per_source >= 0:
            drawn = {(s.speech, s.index) for s in sorted(found, key=_draw_key)[:per_source]}
        chosen: set[tuple[str, int]] = set()
        if not source.startswith("qmsum") or int(source.rsplit(":", 1)[1]) % QMSUM_CHOSEN_EVERY == 0:
            by_text = {(s.speech, s.text): s.index for s in found}
            for picked in summarise(debate, words):
                key = (picked.speech_id or "", picked.text)
                if key in by_text:
                    chosen.add((key[0], by_text[key]))
        for s in found:
            rows.append({"_key": _draw_key(s), "_sentence": s, "_random": (s.speech, s.index) in drawn,
                         "_chosen": (s.speech, s.index) in chosen})
    marked = sorted(
        (r for r in rows if not r["_sentence"].source.startswith("qmsum") and _MARK.search(r["_sentence"].text)),
        key=lambda r: r["_key"],
    )
    for r in marked[:MARKED]:
        r["_marked"] = True
    qmsum = sorted((r for r in rows if r["_sentence"].source.startswith("qmsum")), key=lambda r: r["_key"])
    for r in qmsum[:QMSUM_RANDOM]:
        r["_random"] = True
    out = []
    for r in rows:
        if not (r["_random"] or r["_chosen"] or r.get("_marked")):
            continue
        s: Sentence = r["_sentence"]
        kept = old.get((s.source, s.speech, s.index), {})
        out.append(
            {
                "source": s.source,
                "speech": s.speech,
                "index": s.index,
                "text": s.text,
                "sample": [
                    name
                    for name, flag in (("random", r["_random"]), ("chosen", r["_chosen"]), ("marked", r.get("_marked")))
                    if flag
                ],
                "context": _context_json(s.context),
                "label": kept.get("label") if kept.get("text") == s.text else None,
                "note": kept.get("note") if kept.get("text") == s.text else None,
                "shown": {"next": s.next_text, "speaker": s.speaker, "role": s.role, "section": s.section},
            }
        )
    with open(LABELLED, "w", encoding="utf-8") as handle:
        for row in out:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(out)} sentences, {sum(1 for r in out if r['label'])} labelled, written to {LABELLED}")


def refresh() -> None:
    """Store each labelled sentence's context as the summariser sees it today (the set itself,
    and its labels, stay as they are)."""
    rows = _read(LABELLED)
    wanted = {row["source"] for row in rows}
    now: dict[tuple[str, str, int], Sentence] = {}
    for source, debate, _ in sources():
        if source in wanted:
            now.update({(source, s.speech, s.index): s for s in sentences(source, debate)})
    changed = 0
    for row in rows:
        found = now.get((row["source"], row["speech"], row["index"]))
        if found is None or _letters(found.text) != _letters(row["text"]):
            raise SystemExit(f"{row['source']} {row['speech']} {row['index']}: the sentence is no longer there")
        context = _context_json(found.context)
        changed += context != row["context"] or found.text != row["text"]
        row["context"] = context
        row["text"] = found.text  # the same words; a reader may now decode a character better
    with open(LABELLED, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{changed} of {len(rows)} contexts changed")


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _context_json(context: Context) -> dict:
    return {
        "previous": context.previous,
        "paragraph_start": context.paragraph_start,
        "speech_kind": context.speech_kind,
        "printed_question": context.printed_question,
        "chair": context.chair,
        "final_stops": context.final_stops,
        "language": context.language,
    }


def context_of(row: dict) -> Context:
    c = row["context"]
    return Context(
        text=row["text"],
        previous=c["previous"],
        paragraph_start=c["paragraph_start"],
        speech_kind=c["speech_kind"],
        printed_question=c["printed_question"],
        chair=c["chair"],
        final_stops=c["final_stops"],
        language=c.get("language", ""),
    )


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def show(start: int, stop: int | None) -> None:
    for number, row in enumerate(_read(LABELLED)[start:stop], start):
        if row.get("label") and stop is None:
            continue  # without an end, only the sentences still to label
        c, extra = row["context"], row.get("shown", {})
        flags = " ".join(
            flag
            for flag, on in (
                ("QNUM", c["printed_question"]),
                ("CHAIR", c["chair"]),
                ("PARA", c["paragraph_start"]),
                ("nostops", not c["final_stops"]),
            )
            if on
        )
        print(f"[{number}] {row['source'].split('/')[-1][:28]} {extra.get('speaker')} ({extra.get('role') or '-'}) {c['speech_kind']} {flags} §{(extra.get('section') or '')[:40]}")
        print(f"   prev: {c['previous']}")
        print(f" >>> {row['text']}")
        print(f"   next: {extra.get('next')}   label={row.get('label')}")


def half(row: dict) -> str:
    """"dev" or "held-out": a fixed half of the set, by a hash of the sentence's place. The
    rules were developed looking at the errors in the dev half only."""
    key = hashlib.sha256(f"half|{row['source']}|{row['speech']}|{row['index']}".encode()).hexdigest()
    return "dev" if key[0] in "01234567" else "held-out"


def report(check_records: bool, errors: bool) -> None:
    rows = [r for r in _read(LABELLED) if r.get("label")]
    if check_records:
        _check_contexts(rows)
    print(f"{len(rows)} labelled sentences ({LABELLED.relative_to(ROOT)})")
    print(f"labels: {dict(sorted(Counter(r['label'] for r in rows).items()))}")
    for part in ("dev", "held-out", None):
        for sample_name in ("random", "chosen", "marked", None):
            subset = [
                r
                for r in rows
                if (sample_name is None or sample_name in r["sample"]) and (part is None or half(r) == part)
            ]
            print(f"\n== {part or 'both halves'}, {sample_name or 'all'} samples ({len(subset)} sentences)")
            _report(subset)
    if errors:
        print("\n== errors in the dev half (label -> judged)")
        for row in rows:
            got = judge(context_of(row))
            if half(row) == "dev" and got != row["label"] and "substantive" in (got, row["label"]):
                print(f"{row['label']:>15} -> {got:15} {row['text'][:150]}")


def _report(rows: list[dict]) -> None:
    verdicts = [(row["label"], judge(context_of(row))) for row in rows]
    eligible = [truth for truth, got in verdicts if got == "substantive"]
    substantive = [got for truth, got in verdicts if truth == "substantive"]
    kept_right = sum(1 for truth in eligible if truth == "substantive")
    precision = kept_right / len(eligible) if eligible else float("nan")
    recall = kept_right / len(substantive) if substantive else float("nan")
    print(f"eligible for a summary: precision {precision:.3f} ({kept_right}/{len(eligible)}), "
          f"recall {recall:.3f} ({kept_right}/{len(substantive)})")
    print(f"{'label':16} {'n':>4} {'excluded':>9} {'same reason':>12}  selector's reasons")
    for label in LABELS:
        mine = [(truth, got) for truth, got in verdicts if truth == label]
        if not mine:
            continue
        excluded = sum(1 for _, got in mine if got != "substantive")
        same = sum(1 for _, got in mine if got == label)
        reasons = Counter(got for _, got in mine)
        shown = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1]))
        print(f"{label:16} {len(mine):4d} {excluded:9d} {same:12d}  {shown}")


def _check_contexts(rows: list[dict]) -> None:
    by_source: dict[str, list[dict]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(row)
    changed = 0
    for source, debate, _ in sources():
        if source not in by_source:
            continue
        now = {(s.speech, s.index): s for s in sentences(source, debate)}
        for row in by_source[source]:
            found = now.get((row["speech"], row["index"]))
            if found is None or found.text != row["text"] or _context_json(found.context) != row["context"]:
                changed += 1
                print(f"context changed: {source} {row['speech']} {row['index']}: {row['text'][:60]}")
    print(f"{changed} stored contexts differ from what the readers give today")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("sample")
    commands.add_parser("refresh")
    shown = commands.add_parser("show")
    shown.add_argument("start", type=int, nargs="?", default=0)
    shown.add_argument("stop", type=int, nargs="?")
    reported = commands.add_parser("report")
    reported.add_argument("--records", action="store_true", help="check the stored contexts first")
    reported.add_argument("--errors", action="store_true", help="list the dev half's errors")
    args = parser.parse_args()
    if args.command == "sample":
        sample()
    elif args.command == "refresh":
        refresh()
    elif args.command == "show":
        show(args.start, args.stop)
    else:
        report(args.records, args.errors)


if __name__ == "__main__":
    main()
