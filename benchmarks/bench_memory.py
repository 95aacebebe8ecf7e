"""Peak memory of one conversion against the input's size: the basis of the default
``--max-input-size``.

Each conversion runs in a fresh Python process (``debate-export convert`` through the library,
DOCX, PDF and JSON), which reports its peak resident set size (``ru_maxrss``); the same
process with nothing converted gives the baseline (interpreter, libraries, fonts). Inputs: a
ParlParse sitting made by repeating the Westminster Hall sample (as bench_parlparse does) and
the same debate in our JSON record format, at several sizes. Prints, per input, the size, the
peak, and (peak - baseline) / size: the growth factor.

    python benchmarks/bench_memory.py [--megabytes 1 2 4] [--formats docx,pdf,json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_parlparse import sitting_of_size

from exporter import record
from exporter.diagnostics import Reporter
from exporter.options import ReadOptions
from exporter.readers import parlparse

CHILD = """
import resource, sys
from pathlib import Path
from exporter.pipeline import Job, convert
from exporter.styles import load_style
from exporter.options import WriteOptions
job = Job(formats=tuple(sys.argv[3].split(",")), write=WriteOptions(style=load_style("standard")))
if sys.argv[1] != "-":
    convert(Path(sys.argv[1]), Path(sys.argv[2]), job)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def peak(path: str, out: Path, formats: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, path, str(out), formats], capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, nargs="+", default=[1.0, 2.0, 4.0])
    parser.add_argument("--formats", default="docx,pdf,json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        baseline = peak("-", work, args.formats)
        print(f"baseline (interpreter and libraries): {baseline / 2**20:.0f} MiB")
        print(f"{'input':<28}{'size MiB':>10}{'peak MiB':>10}{'growth':>9}")
        for megabytes in args.megabytes:
            data, _ = sitting_of_size(megabytes)
            xml = work / f"sitting-{megabytes:g}mb.xml"
            xml.write_bytes(data)
            debate = parlparse.read(data, xml.name, ReadOptions(), Reporter())
            native = work / f"record-{megabytes:g}mb.json"
            native.write_text(json.dumps(record.to_dict(debate), ensure_ascii=False), "utf-8")
            for path in (xml, native):
                size = path.stat().st_size
                top = peak(str(path), work / "out", args.formats)
                growth = (top - baseline) / size
                print(f"{path.name:<28}{size / 2**20:>10.2f}{top / 2**20:>10.0f}{growth:>8.0f}x")


if __name__ == "__main__":
    main()
