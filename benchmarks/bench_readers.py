"""How long the ParlaMint, Akoma Ntoso and web-text readers take over each record we have.

Reads every ParlaMint, Akoma Ntoso and web-text record in ``../shared/records`` (when
present) and ``tests/data``, several times each, and prints its size, the number of
speeches read, and the best and median CPU time of a read (CPU time, which a busy machine
disturbs less than the wall clock).

    python benchmarks/bench_readers.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from exporter.diagnostics import Reporter
from exporter.formats import detect
from exporter.model import speeches
from exporter.options import ReadOptions

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [
    ROOT.parent / "shared" / "records" / name for name in ("parlamint", "akoma-ntoso", "web-text")
] + [ROOT / "tests" / "data" / name for name in ("parlamint", "akoma-ntoso", "web-text")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    print(f"{'record':60} {'KB':>6} {'speeches':>8} {'best ms':>8} {'median ms':>9}")
    for folder in FOLDERS:
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            data = path.read_bytes()
            fmt = detect(data)
            if fmt is None:
                continue
            reader = fmt.load()
            times = []
            for _ in range(runs):
                start = time.process_time()
                debate = reader.read(data, path.name, ReadOptions(), Reporter(path.name))
                times.append((time.process_time() - start) * 1000)
            name = f"{folder.parent.name}/{folder.name}/{path.name}"[-60:]
            print(
                f"{name:60} {len(data) / 1024:6.0f} {len(speeches(debate)):8d} "
                f"{min(times):8.1f} {statistics.median(times):9.1f}"
            )


if __name__ == "__main__":
    main()
