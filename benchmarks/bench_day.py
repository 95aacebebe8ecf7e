"""A sitting day to Word and PDF, whole process: ours beside pandoc + Typst, in the same run.

For each day, ``debate-export convert DAY -f docx,pdf`` runs as a subprocess, and so do the
peers on the same proceedings (benchmarks/peer_sources.py makes their inputs from the record,
read through our library): pandoc (Markdown to DOCX) and Typst (the PyPI binding, PDF/UA-1),
one after the other. Our package is byte-compiled first, as an installed copy is (pip
compiles on install; an editable install run with PYTHONDONTWRITEBYTECODE would compile every
module at every start). One unmeasured warm-up of each, then ``--runs`` rounds, ours and the
peers alternating (who goes first alternates too); the medians, and the ratio of ours to the
peers' sum, are printed. Then the stages of ours (read, compose, summarise, validating the
briefing tree, each writer, writing the files) are timed in this process, ``--runs`` times;
what the whole process took beyond them is start-up and imports. Peak memory is that of the
whole process tree (benchmarks/measure.py says how it is read and why).

Scaling: synthetic days of 1,000 to 5,000 speeches in our record format
(benchmarks/synthetic_day.py), each measured the same way; a straight line is fitted to time
and peak memory against speeches, with the cost per 1,000 speeches and the marginal cost of
each step, so that growth faster than linear shows.

Wall time is the headline (whole processes one after another in the same run); CPU time
(user + system) is shown beside it, as it is less disturbed by other work on a shared machine.
The load average is printed before and after.

``--jobs 1 2`` runs ours with each ``-j`` in every round (in turn, the order alternating), so
that the writers one after another (``-j 1``) and side by side (``-j 2``: a single input's
writers in processes forked after compose, ``exporter.side_by_side``) are measured on the
same machine in the same minutes; the ratio to the peers is given for each.

    python benchmarks/bench_day.py                        # the three days, scaling, peers
    python benchmarks/bench_day.py --days commons --runs 3 --no-scaling
    python benchmarks/bench_day.py --days commons lords australia --jobs 1 2 --no-scaling
    python benchmarks/bench_day.py --days commons --jobs 1 2 --check --no-peers --no-scaling
    python benchmarks/bench_day.py --no-peers --keep before/   # keep outputs for compare_outputs.py
    python benchmarks/bench_day.py --days path/to/day.xml --scaling 1000 5000 --json figures.json

Needs the ``bench`` extra (``pip install -e '.[bench]'``: typst, psutil) and Debian's pandoc,
unless ``--no-peers``.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import importlib.util
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402
import peer_sources  # noqa: E402
import synthetic_day  # noqa: E402
from measure import ProcessRun, run_process, stage_times  # noqa: E402

import exporter  # noqa: E402
from exporter import model as m  # noqa: E402

RECORDS = synthetic_day.SHARED / "records" / "parlparse"
DAYS = {
    "commons": RECORDS / "debates2009-10-28c.xml",
    "lords": RECORDS / "lords_daylord2009-10-29a.xml",
    "australia": RECORDS / "openaustralia_representatives_2007-09-20.xml",
}
FORMATS = ("docx", "pdf")
TYPST = (
    "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], pdf_standards=['ua-1'], "
    "font_paths=[sys.argv[3]], ignore_system_fonts=True)"
)
MB = 1024 * 1024


@dataclasses.dataclass
class Measured:
    """Every figure of one input."""

    name: str
    facts: dict[str, Any]
    ours: dict[int, list[ProcessRun]]  # by -j
    pandoc: list[ProcessRun]
    typst: list[ProcessRun]
    stages_wall: dict[str, list[float]]
    stages_cpu: dict[str, list[float]]


def ours_command(day: Path, out_dir: Path, jobs: int, check: bool = False) -> list[str]:
    script = Path(sys.executable).with_name("debate-export")
    program = [str(script)] if script.exists() else [sys.executable, "-m", "exporter"]
    options = ["-f", ",".join(FORMATS), "-o", str(out_dir), "-q", "-j", str(jobs)]
    return [*program, "convert", str(day), *options, *(["--check"] if check else [])]


def measure_input(name: str, day: Path, args: argparse.Namespace, work: Path, runs: int) -> Measured:
    out_dir = args.keep if args.keep else work / "ours"
    peers_dir = out_dir / "peers"
    md, typ, debate = peer_sources.write_sources(day, peers_dir)
    ours = {jobs: ours_command(day, out_dir, jobs, args.check) for jobs in args.jobs}
    pandoc = ["pandoc", "-f", "markdown", "-t", "docx", "-o", str(peers_dir / f"{day.stem}.docx"), str(md)]
    typst = [
        sys.executable,
        "-c",
        TYPST,
        str(typ),
        str(peers_dir / f"{day.stem}.pdf"),
        str(peer_sources.FONT_DIR),
    ]
    found = Measured(name, _facts(day, debate), {jobs: [] for jobs in args.jobs}, [], [], {}, {})
    found.facts["check"] = args.check
    for command in ours.values():
        run_process(command)  # warm-up: file caches, compiled modules
    if args.peers:
        run_process(pandoc)
        run_process(typst)
    for round_ in range(runs):
        order = ["ours", "peers"] if round_ % 2 == 0 else ["peers", "ours"]
        for who in order:
            if who == "ours":
                for jobs in args.jobs if round_ % 2 == 0 else reversed(args.jobs):
                    found.ours[jobs].append(run_process(ours[jobs]))
            elif args.peers:
                found.pandoc.append(run_process(pandoc))
                found.typst.append(run_process(typst))
    found.facts.update(_outputs(out_dir / day.stem, peers_dir / day.stem if args.peers else None))
    if args.stages:
        stage_dir = work / "stages"
        stage_dir.mkdir(exist_ok=True)
        for _ in range(runs):
            clock = stage_times(day, FORMATS, stage_dir)
            for stage in clock.wall:
                found.stages_wall.setdefault(stage, []).append(clock.wall[stage])
                found.stages_cpu.setdefault(stage, []).append(clock.cpu[stage])
    return found


def _facts(day: Path, debate: m.Debate) -> dict[str, Any]:
    speeches = m.speeches(debate)
    words = sum(len(b.text.split()) for s in speeches for b in s.paragraphs)
    return {
        "file": str(day),
        "bytes": day.stat().st_size,
        "speeches": len(speeches),
        "debates": len(debate.sections),
        "words": words,
    }


def _outputs(ours: Path, peers: Path | None) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "ours_docx_bytes": ours.with_suffix(".docx").stat().st_size,
        "ours_pdf_bytes": ours.with_suffix(".pdf").stat().st_size,
        "ours_pdf_pages": _pages(ours.with_suffix(".pdf")),
    }
    if peers is not None:
        facts["pandoc_docx_bytes"] = peers.with_suffix(".docx").stat().st_size
        facts["typst_pdf_bytes"] = peers.with_suffix(".pdf").stat().st_size
        facts["typst_pdf_pages"] = _pages(peers.with_suffix(".pdf"))
    return facts


def _pages(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as document:
        return len(document.pages)


# ---- reporting -------------------------------------------------------------------------------


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summary(found: Measured) -> dict[str, Any]:
    """The medians of one input, as printed and as saved with --json: ``ours`` at the last
    ``--jobs`` given, ``ours_by_jobs`` at each."""
    by_jobs = {jobs: _process_medians(runs) for jobs, runs in found.ours.items()}
    last = list(by_jobs)[-1]
    result: dict[str, Any] = {
        "name": found.name,
        **found.facts,
        "runs": len(found.ours[last]),
        "ours": by_jobs[last],
        "ours_by_jobs": {str(jobs): medians for jobs, medians in by_jobs.items()},
    }
    if found.pandoc:
        both = [
            ProcessRun(p.wall + t.wall, p.cpu + t.cpu, max(p.peak_rss, t.peak_rss), _max_tree(p, t))
            for p, t in zip(found.pandoc, found.typst, strict=True)
        ]
        result["pandoc"] = _process_medians(found.pandoc)
        result["typst"] = _process_medians(found.typst)
        result["peers"] = _process_medians(both)
        result["ratio_wall"] = result["ours"]["wall"] / result["peers"]["wall"]
        result["ratio_cpu"] = result["ours"]["cpu"] / result["peers"]["cpu"]
        result["ratio_peak_rss"] = result["ours"]["peak_rss_mb"] / result["peers"]["peak_rss_mb"]
        result["ratio_wall_by_jobs"] = {
            str(jobs): medians["wall"] / result["peers"]["wall"] for jobs, medians in by_jobs.items()
        }
    if found.stages_wall:
        result["stages_wall"] = {s: _median(v) for s, v in found.stages_wall.items()}
        result["stages_cpu"] = {s: _median(v) for s, v in found.stages_cpu.items()}
    return result


def _max_tree(a: ProcessRun, b: ProcessRun) -> int | None:
    return max(a.tree_rss, b.tree_rss) if a.tree_rss is not None and b.tree_rss is not None else None


def _process_medians(runs: Sequence[ProcessRun]) -> dict[str, Any]:
    trees = [r.tree_rss for r in runs if r.tree_rss is not None]
    proportional = [r.tree_pss for r in runs if r.tree_pss is not None]
    return {
        "wall": _median([r.wall for r in runs]),
        "wall_all": [round(r.wall, 3) for r in runs],
        "cpu": _median([r.cpu for r in runs]),
        "peak_rss_mb": _median([r.peak_rss for r in runs]) / MB,
        "tree_rss_mb": _median(trees) / MB if trees else None,
        "tree_pss_mb": _median(proportional) / MB if proportional else None,
    }


def print_input(result: dict[str, Any]) -> None:
    print(
        f"\n== {result['name']}: {Path(result['file']).name}, {result['bytes'] / 1000:,.0f} KB, "
        f"{result['speeches']:,} speeches in {result['debates']} debates, {result['words']:,} words =="
    )
    print(f"whole process, median of {result['runs']}    wall s    CPU s   peak MB  tree MB  PSS MB   pages")
    check = " --check" if result.get("check") else ""
    rows = [
        (f"ours  -f docx,pdf{check} -j {jobs}", medians, result.get("ours_pdf_pages"))
        for jobs, medians in result["ours_by_jobs"].items()
    ]
    if "peers" in result:
        rows += [
            ("pandoc  Markdown -> DOCX", result["pandoc"], None),
            ("typst   Typst -> PDF/UA-1", result["typst"], result.get("typst_pdf_pages")),
            ("peers   pandoc + typst", result["peers"], None),
        ]
    for label, row, pages in rows:
        tree = f"{row['tree_rss_mb']:>8.0f}" if row["tree_rss_mb"] is not None else "       -"
        pss = f"{row['tree_pss_mb']:>7.0f}" if row.get("tree_pss_mb") is not None else "      -"
        print(
            f"  {label:<32} {row['wall']:>8.2f} {row['cpu']:>8.2f} {row['peak_rss_mb']:>9.0f} {tree} {pss}"
            f" {pages if pages is not None else '':>7}"
        )
    if "peers" in result:
        for jobs, ratio in result["ratio_wall_by_jobs"].items():
            print(f"  ratio ours -j {jobs} / peers, wall    {ratio:>7.2f}x")
    for jobs, medians in result["ours_by_jobs"].items():
        print(f"  wall times of ours -j {jobs}: {medians['wall_all']}")
    if "stages_wall" in result:
        print(f"stages of ours, in-process, median of {result['runs']}   wall s    CPU s")
        walls, cpus = result["stages_wall"], result["stages_cpu"]
        for stage in measure.STAGES:
            if stage in walls:
                print(f"  {stage:<36} {walls[stage]:>8.3f} {cpus[stage]:>8.3f}")
        total_wall = sum(walls.get(stage, 0.0) for stage in measure.STAGES)
        total_cpu = sum(cpus.get(stage, 0.0) for stage in measure.STAGES)
        print(f"  {'sum of stages':<36} {total_wall:>8.3f} {total_cpu:>8.3f}")
        print(
            f"  {'start-up and imports (whole - sum)':<36} {result['ours']['wall'] - total_wall:>8.3f}"
            f" {result['ours']['cpu'] - total_cpu:>8.3f}"
        )
        if measure.SIDE_BY_SIDE in walls:
            print(
                f"  {measure.SIDE_BY_SIDE + ', instead':<36} {walls[measure.SIDE_BY_SIDE]:>8.3f}"
                f" {cpus[measure.SIDE_BY_SIDE]:>8.3f}"
            )


def scaling_fit(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Least-squares lines through (speeches, figure) for the whole process and each stage."""
    sizes = [r["speeches"] for r in results]
    series: dict[str, list[float]] = {
        "ours wall s": [r["ours"]["wall"] for r in results],
        "ours CPU s": [r["ours"]["cpu"] for r in results],
        "ours peak MB": [r["ours"]["peak_rss_mb"] for r in results],
    }
    if all("peers" in r for r in results):
        series["peers wall s"] = [r["peers"]["wall"] for r in results]
        series["peers CPU s"] = [r["peers"]["cpu"] for r in results]
        series["peers peak MB"] = [r["peers"]["peak_rss_mb"] for r in results]
    if all("stages_cpu" in r for r in results):
        for stage in measure.STAGES:
            series[f"{stage} CPU s"] = [r["stages_cpu"].get(stage, 0.0) for r in results]
    fits: dict[str, Any] = {}
    for name, values in series.items():
        slope, intercept = statistics.linear_regression(sizes, values)
        r2 = statistics.correlation(sizes, values) ** 2 if len(set(values)) > 1 else 1.0
        steps = [
            (values[i + 1] - values[i]) / (sizes[i + 1] - sizes[i]) * 1000 for i in range(len(sizes) - 1)
        ]
        fits[name] = {
            "per_1000": slope * 1000,
            "intercept": intercept,
            "r2": r2,
            "steps_per_1000": steps,
            "last_over_first_step": steps[-1] / steps[0] if steps and steps[0] > 0 else None,
            "per_1000_above_0": [(v - intercept) / n * 1000 for v, n in zip(values, sizes, strict=True)],
        }
    return {"sizes": sizes, "fits": fits}


def print_scaling(fit: dict[str, Any]) -> None:
    sizes = fit["sizes"]
    print("\n== scaling: synthetic days ==")
    print("a line fitted through (speeches, median): per 1000 speeches, at 0 speeches, R^2;")
    print("then the marginal cost per 1000 speeches of each step; last step / first step near 1 is linear")
    steps = "  ".join(f"{a}-{b}" for a, b in zip(sizes, sizes[1:], strict=False))
    print(f"  {'figure':<20} {'/1000':>8} {'at 0':>8} {'R^2':>6}   steps {steps}   last/first")
    for name, f in fit["fits"].items():
        marginal = " ".join(f"{s:>8.3f}" for s in f["steps_per_1000"])
        ratio = f"{f['last_over_first_step']:.2f}" if f["last_over_first_step"] is not None else "-"
        print(
            f"  {name:<20} {f['per_1000']:>8.3f} {f['intercept']:>8.3f} {f['r2']:>6.3f}   {marginal}   {ratio}"
        )
    print(
        "  per 1000 speeches at each size, above the line's value at 0 ((figure - at 0) / speeches x 1000):"
    )
    for name in ("ours wall s", "ours CPU s", "ours peak MB", "peers wall s", "peers CPU s", "peers peak MB"):
        if name in fit["fits"]:
            values = " ".join(f"{v:>8.3f}" for v in fit["fits"][name]["per_1000_above_0"])
            print(f"  {name:<20} {values}   (at {', '.join(str(s) for s in sizes)})")


def load_line(when: str) -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {when}: {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def versions(peers: bool) -> dict[str, str]:
    found = {
        "debate-exporter": exporter.__version__ if hasattr(exporter, "__version__") else "?",
        "python": platform.python_version(),
        "rl-accel": "installed" if importlib.util.find_spec("_rl_accel") else "not installed",
        "psutil": "installed" if measure.psutil is not None else "not installed (no sampled tree figure)",
    }
    if peers:
        pandoc = subprocess.run(["pandoc", "--version"], capture_output=True, text=True, check=True)
        found["pandoc"] = pandoc.stdout.splitlines()[0].split()[-1]
        typst = subprocess.run(
            [sys.executable, "-c", "import typst; print(typst.__version__)"],
            capture_output=True,
            text=True,
            check=True,
        )
        found["typst (PyPI binding)"] = typst.stdout.strip()
    return found


def byte_compile() -> None:
    """Byte-compile our package, as pip does when it installs it: an editable install run
    with PYTHONDONTWRITEBYTECODE set (as on the machines we measure on) would otherwise
    compile every module from source at each start, 0.12 s that no installed copy pays."""
    compileall.compile_dir(Path(exporter.__file__).parent, quiet=1)


def check_peers() -> str | None:
    if shutil.which("pandoc") is None:
        return "pandoc is not installed (apt-get install pandoc)"
    if importlib.util.find_spec("typst") is None:
        return "the typst binding is not installed (pip install -e '.[bench]')"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--days", nargs="+", default=list(DAYS), help=f"names ({', '.join(DAYS)}) or paths of records"
    )
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each day (median)")
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1, 2], help="ours with each -j, in turn in every round [1 2]"
    )
    parser.add_argument("--scaling", type=int, nargs="+", default=[1000, 2000, 3000, 4000, 5000])
    parser.add_argument("--no-scaling", dest="scaling", action="store_const", const=[])
    parser.add_argument("--scaling-runs", type=int, default=3, help="measured runs of each synthetic day")
    parser.add_argument("--no-peers", dest="peers", action="store_false", help="skip pandoc and Typst")
    parser.add_argument("--check", action="store_true", help="ours with --check (each file audited too)")
    parser.add_argument("--no-stages", dest="stages", action="store_false", help="skip in-process stages")
    parser.add_argument("--keep", type=Path, help="write every output here (ours at the top, peers/ below)")
    parser.add_argument("--json", type=Path, help="save every figure here as JSON")
    args = parser.parse_args()
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)  # each day's figures as they come, into a log too
    if args.peers and (problem := check_peers()):
        parser.error(f"{problem}; or run with --no-peers")
    days = [(name, DAYS[name]) if name in DAYS else (Path(name).stem, Path(name)) for name in args.days]
    for _, path in days:
        if not path.is_file():
            parser.error(f"no such record: {path}")

    byte_compile()
    report: dict[str, Any] = {"versions": versions(args.peers), "load": [load_line("at start")]}
    print(" · ".join(f"{k} {v}" for k, v in report["versions"].items()))
    print(report["load"][0])
    with tempfile.TemporaryDirectory(prefix="bench-day-") as temporary:
        work = Path(temporary)
        report["days"] = []
        for name, path in days:
            report["days"].append(summary(measure_input(name, path, args, work, args.runs)))
            print_input(report["days"][-1])
            report["load"].append(load_line(f"after {name}"))
            print(report["load"][-1])
        if args.scaling:
            records = (args.keep or work) / "records"
            records.mkdir(parents=True, exist_ok=True)
            pool = synthetic_day.sentence_pool()
            report["scaling"] = []
            for size in sorted(args.scaling):
                record = synthetic_day.write_synthetic(size, records / f"synthetic-{size}.json", pool)
                found = measure_input(f"synthetic {size:,}", record, args, work, args.scaling_runs)
                report["scaling"].append(summary(found))
                print_input(report["scaling"][-1])
                report["load"].append(load_line(f"after {size:,} speeches"))
                print(report["load"][-1])
            if len(args.scaling) >= 2:
                report["scaling_fit"] = scaling_fit(report["scaling"])
                print_scaling(report["scaling_fit"])
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
