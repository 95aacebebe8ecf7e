"""CI: convert every shared record, the seed and every sample through the command line, each
file written audited as ``check`` does (``--fail-on error``: a briefing with an accessibility
error fails its input), and fail if any input fails that .ci/expected-refusals.tsv does not
list, if a listed one given to this run now converts (the list only shrinks), or if anything
ends in "internal error". The run's JSON report (``--report``) is read, not its printed lines.

    python .ci/convert_all.py OUT_DIR INPUT... [-- CONVERT-OPTION...]

The convert options default to ``-f docx,pdf,json``; outputs mirror each input folder's tree
under OUT_DIR, so the PDFs for veraPDF are found with ``find``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def expected() -> dict[str, str]:
    listed = {}
    for line in (HERE / "expected-refusals.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            path, _, reason = line.partition("\t")
            listed[path.strip()] = reason.strip()
    return listed


def short(path: str) -> str:
    """The path from shared/ or samples/ on, the form the list uses."""
    parts = Path(path).parts
    for anchor in ("shared", "samples"):
        if anchor in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(anchor) - 1 :])
    return path


def main() -> int:
    arguments = sys.argv[1:]
    options = ["-f", "docx,pdf,json"]
    if "--" in arguments:
        at = arguments.index("--")
        arguments, options = arguments[:at], arguments[at + 1 :]
    out, inputs = Path(arguments[0]), arguments[1:]
    out.mkdir(parents=True, exist_ok=True)
    report_path = out / "report.json"
    command = ["debate-export", "convert", *inputs, "-o", str(out), *options]
    command += ["--fail-on", "error", "-q", "--report", str(report_path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1) or not report_path.exists():
        print(done.stderr[-3000:], file=sys.stderr)
        print(f"{' '.join(command)}: exit {done.returncode}, no report", file=sys.stderr)
        return 1
    report = json.loads(report_path.read_text("utf-8"))
    entries = {short(entry["input"]): entry for entry in report["inputs"]}
    failed = {path: entry for path, entry in entries.items() if entry["status"] == "failed"}
    listed = expected()
    unexpected = sorted(path for path in failed if path not in listed)
    stale = sorted(path for path in listed if path in entries and path not in failed)
    internal = [path for path, entry in failed.items() if entry["failure"]["kind"] in ("internal", "crash")]
    counts = report["counts"]
    print(
        f"{' '.join(options)}: {counts['converted']} converted, {counts['skipped']} skipped, "
        f"{len(failed)} refused, {len(failed) - len(unexpected)} of them as listed ({report['seconds']:.1f} s)"
    )
    for path in sorted(failed):
        if path in unexpected:
            for line in failed[path]["failure"]["lines"][:5]:
                print(f"  refused: {line}")
        else:
            print(f"  refused as listed: {path}")
    for path in stale:
        print(f"  now converts, remove it from .ci/expected-refusals.tsv: {path}")
    if unexpected or stale or internal or counts["converted"] == 0:
        print(f"conversion of the shared records and samples ({' '.join(options)}): FAILED", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
