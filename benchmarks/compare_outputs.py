"""Are the briefings in two folders the same? For an optimisation: outputs before and after.

    python benchmarks/compare_outputs.py BEFORE/ AFTER/ [--no-verapdf]

BEFORE and AFTER are folders of briefings, such as ``bench_day.py --keep`` writes (only the
``.pdf`` and ``.docx`` files directly in each folder are compared, by name). A file is the
same when its bytes are; otherwise, read by independent tools:

- PDF: the same page count (pikepdf), the same text (poppler's ``pdftotext``, exactly; when
  not, whether at least the words are the same is said), and the same structure tree
  (poppler's ``pdfinfo -struct-text``: element types, attributes and each element's text,
  with object numbers and line-break whitespace left out);
- Word: the same document as pandoc reads it (``pandoc -f docx -t native``).

And every file in AFTER must still pass: veraPDF PDF/UA-1 with no failed check, over all its
PDFs in one JVM (``../shared/tools/verapdf/verapdf-ua``; skipped, and said so, where it is
missing), and ``debate-export check`` (the DOCX rules and our PDF/UA checks).

Prints one line per file and difference; exits 0 when everything is the same and passes,
1 otherwise, 2 when a folder is missing.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parent.parent
VERAPDF = Path(os.environ.get("VERAPDF", ROOT.parent / "shared" / "tools" / "verapdf" / "verapdf-ua"))
SUFFIXES = (".pdf", ".docx")
_OBJECT = re.compile(r"^(\s*)Object \d+ \d+$")
_SPACES = re.compile(r"\s+")


def pdf_pages(path: Path) -> str:
    with pikepdf.open(path) as pdf:
        return f"{len(pdf.pages)} pages"


def pdf_text(path: Path) -> str:
    return _run(["pdftotext", "-enc", "UTF-8", str(path), "-"])


def pdf_structure(path: Path) -> str:
    """``pdfinfo -struct-text``, one line per element or attribute, each element's text
    joined onto one line and its whitespace collapsed, object numbers left out."""
    lines: list[str] = []
    for line in _run(["pdfinfo", "-struct-text", str(path)]).splitlines():
        stripped = line.strip()
        indent = line[: len(line) - len(line.lstrip())]
        if (match := _OBJECT.match(line)) is not None:
            lines.append(f"{match.group(1)}Object")
        elif stripped.startswith('"') and lines and lines[-1].startswith(f'{indent}"'):
            lines[-1] = lines[-1][:-1] + stripped[1:]  # the same element's text, run on
        else:
            lines.append(line.rstrip())
    return "\n".join(_SPACES.sub(" ", line) if line.lstrip().startswith('"') else line for line in lines)


def docx_native(path: Path) -> str:
    return _run(["pandoc", "-f", "docx", "-t", "native", str(path)])


def _run(command: Sequence[str]) -> str:
    result = subprocess.run(list(command), capture_output=True, check=False)
    if result.returncode != 0 and not result.stdout:
        raise RuntimeError(f"{command[0]} failed on {command[-1]}: {result.stderr.decode(errors='replace')}")
    return result.stdout.decode("utf-8", "replace")


READINGS: dict[str, tuple[tuple[str, Callable[[Path], str]], ...]] = {
    ".pdf": (("page count", pdf_pages), ("text", pdf_text), ("structure tree", pdf_structure)),
    ".docx": (("pandoc's reading", docx_native),),
}


def first_difference(before: str, after: str, context: int = 2) -> str:
    diff = difflib.unified_diff(
        before.splitlines(), after.splitlines(), "before", "after", n=context, lineterm=""
    )
    return "\n".join(list(diff)[2:14])


def compare_file(before: Path, after: Path) -> list[str]:
    """The differences between two briefings, each as one line (with a diff excerpt)."""
    if before.read_bytes() == after.read_bytes():
        return []
    problems: list[str] = []
    for name, read in READINGS[after.suffix]:
        old, new = read(before), read(after)
        if old != new:
            problems.append(f"{after.name}: {difference(name, old, new)}")
    return problems


def difference(reading: str, old: str, new: str) -> str:
    """How two readings of a file differ, with the first lines that do."""
    problem = f"{reading} differs"
    if reading == "text" and old.split() == new.split():
        problem += " (only in spacing or line breaks: the words are the same)"
    return f"{problem}\n{_indent(first_difference(old, new))}"


def compare_folders(before: Path, after: Path) -> tuple[list[str], list[str]]:
    """(what differs, what is the same) between the briefings of two folders."""
    names = sorted(
        {
            p.name
            for folder in (before, after)
            for p in folder.iterdir()
            if p.suffix in SUFFIXES and p.is_file()
        }
    )
    problems: list[str] = []
    same: list[str] = []
    for name in names:
        old, new = before / name, after / name
        if not old.is_file() or not new.is_file():
            problems.append(f"{name}: only in {'after' if new.is_file() else 'before'}")
            continue
        found = compare_file(old, new)
        problems.extend(found)
        if not found:
            same.append(f"{name}: {'identical bytes' if old.read_bytes() == new.read_bytes() else 'same'}")
    return problems, same


def verapdf(pdfs: Sequence[Path]) -> tuple[list[str], str]:
    """(failures, summary) of veraPDF PDF/UA-1 over ``pdfs`` in one JVM."""
    if not pdfs:
        return [], "veraPDF: no PDFs"
    if not VERAPDF.exists() or shutil.which("java") is None:
        return [], f"veraPDF: skipped, not found at {VERAPDF}"
    result = subprocess.run([str(VERAPDF), *map(str, pdfs)], capture_output=True, check=False, timeout=3600)
    verdicts = [
        json.loads(line) for line in result.stdout.decode("utf-8").splitlines() if line.startswith("{")
    ]
    failures = [
        f"{Path(v['file']).name}: veraPDF PDF/UA-1 {v.get('failed_checks', '?')} failed checks: "
        + ", ".join(f"{r['rule']} x{r['count']}" for r in v.get("failed_rules", []))
        for v in verdicts
        if not v.get("compliant")
    ]
    if len(verdicts) != len(pdfs):
        failures.append(
            f"veraPDF gave {len(verdicts)} verdicts for {len(pdfs)} PDFs: {result.stderr[-300:]!r}"
        )
    passed = sum(1 for v in verdicts if v.get("compliant"))
    return failures, f"veraPDF PDF/UA-1: {passed} of {len(pdfs)} compliant"


def our_checks(files: Sequence[Path]) -> tuple[list[str], str]:
    """(failures, summary) of ``debate-export check`` (DOCX rules, PDF/UA checks) over ``files``."""
    if not files:
        return [], "debate-export check: no files"
    result = subprocess.run(
        [sys.executable, "-m", "exporter", "check", *map(str, files)], capture_output=True, check=False
    )
    if result.returncode == 0:
        return [], f"debate-export check: {len(files)} files pass"
    output = result.stdout.decode("utf-8", "replace").strip() or result.stderr.decode("utf-8", "replace")
    return [f"debate-export check fails:\n{_indent(output[-2000:])}"], "debate-export check: failures"


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--no-verapdf", dest="verapdf", action="store_false", help="skip veraPDF")
    args = parser.parse_args(argv)
    for folder in (args.before, args.after):
        if not folder.is_dir():
            print(f"{folder}: not a folder", file=sys.stderr)
            return 2
    problems, same = compare_folders(args.before, args.after)
    after_files = sorted(p for p in args.after.iterdir() if p.suffix in SUFFIXES and p.is_file())
    summaries = []
    if args.verapdf:
        failures, line = verapdf([p for p in after_files if p.suffix == ".pdf"])
        problems.extend(failures)
        summaries.append(line)
    failures, line = our_checks(after_files)
    problems.extend(failures)
    summaries.append(line)
    for line in same:
        print(f"same   {line}")
    for line in problems:
        print(f"FAIL   {line}")
    for line in summaries:
        print(line)
    print(f"{len(same)} same, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
