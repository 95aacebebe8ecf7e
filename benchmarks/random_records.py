"""Robustness: N random valid records (the Hypothesis strategy of tests/strategies.py) through
the command line to DOCX, PDF and JSON; counts internal errors and refusals, the DOCX rule
errors (`debate-export check`) and the PDFs veraPDF passes (one JVM for all of them).

    python benchmarks/random_records.py [--count 200] [--seed N] [--keep DIR]

veraPDF is found at ../shared/tools/verapdf/verapdf-ua beside the repository, or $VERAPDF.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from strategies import encoded, records  # noqa: E402

VERAPDF = Path(os.environ.get("VERAPDF", ROOT.parent / "shared" / "tools" / "verapdf" / "verapdf-ua"))


def draw(count: int, chosen_seed: int) -> list[bytes]:
    found: list[bytes] = []

    @seed(chosen_seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(records())
    def collect(record: dict) -> None:
        found.append(encoded(record))

    collect()
    return found[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--keep", type=Path, help="keep the records and briefings here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="random-records-"))
    inputs, out = work / "records", work / "briefings"
    inputs.mkdir(parents=True, exist_ok=True)
    for index, data in enumerate(draw(args.count, args.seed), start=1):
        (inputs / f"record-{index:03d}.json").write_bytes(data)
    drawn = len(list(inputs.glob("*.json")))
    done = subprocess.run(
        ["debate-export", "convert", str(inputs), "-o", str(out), "-f", "docx,pdf,json", "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    internal = [line for line in errors if "internal error" in line]
    print(
        f"{drawn} records drawn (seed {args.seed}); {drawn - len(errors)} converted, {len(errors)} refused, {len(internal)} internal errors"
    )
    for line in errors[:10]:
        print(f"  {line[:300]}")
    docx_files = sorted(out.glob("*.docx"))
    check = subprocess.run(
        ["debate-export", "check", "--json", *map(str, docx_files)],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(check.stdout or "[]")
    with_errors = [f for f in findings if f["counts"]["error"]]
    print(f"DOCX: {len(docx_files)} checked, {len(with_errors)} with errors on the DOCX rules")
    for entry in with_errors[:10]:
        codes = sorted({x["code"] for x in entry["findings"] if x["severity"] == "error"})
        print(f"  {entry['file']}: {', '.join(codes)}")
    pdfs = sorted(out.glob("*.pdf"))
    if VERAPDF.exists() and pdfs:
        verdicts = subprocess.run(
            [str(VERAPDF), *map(str, pdfs)], capture_output=True, text=True, check=False
        )
        lines = [json.loads(line) for line in verdicts.stdout.splitlines() if line.startswith("{")]
        failing = [v for v in lines if not v.get("compliant")]
        print(
            f"PDF: {len(pdfs)} written, veraPDF PDF/UA-1: {len(lines) - len(failing)} compliant of {len(lines)}"
        )
        for verdict in failing[:10]:
            rules = re.sub(r"\s+", " ", json.dumps(verdict.get("failed_rules"))[:300])
            print(f"  {verdict['file']}: {rules}")
    else:
        print(f"PDF: {len(pdfs)} written; veraPDF not found at {VERAPDF}")
    print(f"records and briefings in {work}")


if __name__ == "__main__":
    main()
