"""CI: convert every shared record, the seed and every sample through the command line, with
``--check`` (a briefing with an accessibility error fails its input), and fail if any input
fails that .ci/expected-refusals.tsv does not list, if a listed one now converts (the list
only shrinks), or if anything ends in "internal error".

    python .ci/convert_all.py OUT_DIR INPUT...
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ERROR = re.compile(r"^error: (?P<path>.+?): ")


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
    out, inputs = sys.argv[1], sys.argv[2:]
    command = ["debate-export", "convert", *inputs, "-o", out, "-f", "docx,pdf,json", "--check", "-q"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    failed: dict[str, str] = {}
    for line in done.stderr.splitlines():
        match = ERROR.match(line)
        if match:
            failed.setdefault(short(match.group("path")), line)
        elif line.strip() and not line.startswith("warning"):
            print(f"unexpected output: {line}", file=sys.stderr)
    listed = expected()
    unexpected = {path: line for path, line in failed.items() if path not in listed}
    stale = sorted(path for path in listed if path not in failed)
    internal = [line for line in failed.values() if "internal error" in line]
    converted = len(list(Path(out).glob("*.json")))
    print(f"converted {converted} inputs; {len(failed)} refused, {len(failed) - len(unexpected)} of them as listed")
    for path in sorted(failed):
        print(f"  refused: {failed[path]}" if path in unexpected else f"  refused as listed: {path}")
    for path in stale:
        print(f"  now converts, remove it from .ci/expected-refusals.tsv: {path}")
    if unexpected or stale or internal or done.returncode not in (0, 1):
        print("conversion of the shared records and samples: FAILED", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
