"""Language identification compared on the shared records: py3langid, pycld2, lingua.

Every speech paragraph of at least 40 letters in each record of known language is one
test item (the record's own tag is the truth; paragraphs the record marks as another
language are left out), and each whole record (its sampled text, as
``exporter.language.identify.sample`` gives it) is another. Reports accuracy on both,
the time per item, and each library's installed size. Libraries not installed are
skipped: ``pip install pycld2 lingua-language-detector`` to compare all three.

    python benchmarks/bench_language_id.py [../shared/records] [tests/data/language]
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path

from exporter import model as m
from exporter.diagnostics import Reporter
from exporter.formats import detect
from exporter.language import tags
from exporter.language.identify import identify_text, sample
from exporter.options import ReadOptions

ROOT = Path(__file__).resolve().parents[1]
MIN_LETTERS = 40


def _package_size(name: str) -> float:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return 0.0
    folder = Path(next(iter(spec.submodule_search_locations)))
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def identifiers() -> dict[str, tuple[Callable[[str], str | None], str]]:
    found: dict[str, tuple[Callable[[str], str | None], str]] = {}
    found["py3langid"] = (lambda text: identify_text(text).tag, "py3langid")
    try:
        import pycld2

        def cld2(text: str) -> str | None:
            reliable, _bytes, details = pycld2.detect(text)
            return details[0][1] if reliable and details[0][1] != "un" else None

        found["pycld2"] = (cld2, "pycld2")
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder

        detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

        def lingua(text: str) -> str | None:
            language = detector.detect_language_of(text)
            return language.iso_code_639_1.name.lower() if language else None

        found["lingua"] = (lingua, "lingua")
    except ImportError:
        pass
    return found


def records(folders: list[Path]) -> list[tuple[str, m.Debate]]:
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix not in (".xml", ".json", ".yaml", ".txt"):
                continue
            data = path.read_bytes()
            fmt = detect(data)
            if fmt is None:
                continue
            try:
                debate = fmt.load().read(data, str(path), ReadOptions(), Reporter(str(path)))
            except Exception:  # a file that is not a debate (a division list)
                continue
            if debate.language is None and "-no-language" in path.stem:
                debate = _truth(path, debate)
            if debate.language:
                found.append((path.name, debate))
    return found


def _truth(path: Path, debate: m.Debate) -> m.Debate:
    """The test records that give no language on purpose: their language by their name."""
    import dataclasses

    language = "zh" if path.name.startswith("zh-") else "cy" if "-cy-" in path.name else None
    return dataclasses.replace(debate, language=language)


def paragraphs(debate: m.Debate) -> list[str]:
    texts = []
    for speech in m.speeches(debate):
        if speech.lang:
            continue
        for block in speech.paragraphs:
            if isinstance(block, m.Paragraph) and not block.lang:
                text = "".join(run.text for run in block.runs if not run.lang)
                if sum(c.isalpha() for c in text) >= MIN_LETTERS:
                    texts.append(text)
    return texts


def main(argv: list[str]) -> None:
    folders = [Path(a) for a in argv] or [
        ROOT.parent / "shared" / "records",
        ROOT / "tests" / "data" / "language",
    ]
    corpus = records(folders)
    print(f"{len(corpus)} records: " + ", ".join(f"{name} ({d.language})" for name, d in corpus))
    for name, (identify, package) in identifiers().items():
        started = time.perf_counter()
        identify("warm up: load the model once before timing")
        load = time.perf_counter() - started
        right = total = 0
        whole_right = 0
        spent = 0.0
        wrong: dict[str, int] = {}
        for _record, debate in corpus:
            truth = tags.primary(debate.language or "")
            for text in paragraphs(debate):
                start = time.perf_counter()
                guess = identify(text)
                spent += time.perf_counter() - start
                total += 1
                ok = guess is not None and tags.primary(guess) == truth
                right += ok
                if not ok:
                    key = f"{truth}->{guess}"
                    wrong[key] = wrong.get(key, 0) + 1
            guess = identify(sample(debate))
            whole_right += guess is not None and tags.primary(guess) == truth
        common = ", ".join(f"{k} x{v}" for k, v in sorted(wrong.items(), key=lambda kv: -kv[1])[:5])
        print(
            f"{name:<10} records {whole_right}/{len(corpus)}  paragraphs {right}/{total} "
            f"({100 * right / max(total, 1):.1f}%)  {1000 * spent / max(total, 1):.2f} ms/paragraph  "
            f"model load {load:.2f} s  installed {_package_size(package):.0f} MB  misses: {common}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
