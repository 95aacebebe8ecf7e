"""The peers' inputs for ``bench_day.py``: the same proceedings as pandoc Markdown and as Typst.

What the peers get is what the proceedings part of our briefing holds, read from the record
through our own library (``exporter.pipeline.read_debate``): the title (a level-1 heading, and
the document's title and language), a heading per debate (nested debates one level deeper),
a speaker heading per speech (the same words as ours: ``compose.names.speaker_name``), its
paragraphs, and a source link each (the same citation and address as ours:
``citations.cite`` and ``citations.record_url``). Procedural text is kept as paragraphs, a
division as one paragraph of its counts, a table as one paragraph per row, a list as one
paragraph per item's paragraph. What only our
briefing has (summary, key points, contents, speakers table, notes) is not given to them, so
the comparison is generous to the peers.

Both are set alike: A4, 2.54 cm margins, our fonts (Atkinson Hyperlegible Next with DejaVu
Sans and the other fallbacks from ``src/exporter/fonts``) at 12 pt; Typst makes PDF/UA-1.

    python benchmarks/peer_sources.py DAY.xml -o folder/   # writes DAY.md and DAY.typ
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from exporter import model as m
from exporter.citations import cite, record_url
from exporter.compose.names import debate_title, speaker_name
from exporter.diagnostics import Reporter
from exporter.document import plain_text
from exporter.interface import interface_for
from exporter.pipeline import Job, read_debate

FONT_DIR = Path(__file__).resolve().parent.parent / "src" / "exporter" / "fonts"
FONTS = ("Atkinson Hyperlegible Next", "DejaVu Sans", "Droid Sans Fallback", "Lohit Devanagari")
DEEPEST = 6  # both peers have six heading levels


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class SourceLink:
    text: str
    url: str | None


Block = Heading | Text | SourceLink


def title(debate: m.Debate) -> str:
    """Our briefing's title: the record's, or for an untitled sitting the house and date in
    English (``compose.names.debate_title``), as Typst's PDF/UA-1 needs a title."""
    return plain_text(debate_title(debate, interface_for(language_of(debate))))


def language_of(debate: m.Debate) -> str:
    """The record's language; English for a record that states none (ours identifies it)."""
    return debate.language or "en"


def proceedings(debate: m.Debate) -> Iterator[Block]:
    """The title, then every debate, speech and paragraph in reading order."""
    yield Heading(1, title(debate))
    for section in debate.sections:
        yield from _section(debate, section, 2)


def _section(debate: m.Debate, section: m.Section, level: int) -> Iterator[Block]:
    # As our composer does, a section with a blank title (OpenAustralia's empty minor
    # headings) adds no heading, and its items stand at its own level.
    if section.title.strip():
        yield Heading(min(level, DEEPEST), section.title)
        level += 1
    for item in section.items:
        if isinstance(item, m.Section):
            yield from _section(debate, item, level)
        elif isinstance(item, m.Speech):
            yield Heading(min(level, DEEPEST), speaker_name(debate, item))
            yield from _blocks(item.paragraphs)
            yield SourceLink(f"Source: {cite(debate, item)}", record_url(debate, item))
        elif isinstance(item, m.Procedural):
            yield from _blocks(item.paragraphs)
        else:
            counts = ", ".join(f"{count.side} {count.value}" for count in item.counts)
            yield Text(f"Division {item.number or ''}: {counts}".replace(" :", ":"))
            yield from _blocks(item.description)


def _blocks(blocks: tuple[m.Block, ...]) -> Iterator[Text]:
    for block in blocks:
        if isinstance(block, m.Paragraph):
            if block.text.strip():
                yield Text(block.text)
        elif isinstance(block, m.ListBlock):
            for entry in block.items:
                for paragraph in entry.paragraphs:
                    yield Text(" ".join(part for part in (entry.label, paragraph.text) if part))
        else:
            for row in block.rows:
                yield Text(" | ".join(cell.text for cell in row))


# Pandoc's Markdown: a backslash escapes any ASCII punctuation. Quotes, full stops, commas,
# colons and the like are left as they are (so ``smart`` still curls the quotes); a line that
# would start a list or a heading has its marker escaped.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+\-!|~^$@=&%()])")
_LIST_START = re.compile(r"^(\s*)(\w{1,4})([.)])")
_SPACES = re.compile(r"\s+")


def _markdown_text(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    return _LIST_START.sub(r"\1\2\\\3", _MARKDOWN_SPECIAL.sub(r"\\\1", text))


def _url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def markdown(debate: m.Debate) -> str:
    """Pandoc Markdown for ``pandoc -f markdown -t docx``."""
    lines = ["---", f"lang: {json.dumps(language_of(debate))}", "---", ""]
    for block in proceedings(debate):
        if isinstance(block, Heading):
            lines.append(f"{'#' * block.level} {_markdown_text(block.text)}")
        elif isinstance(block, SourceLink):
            text = _markdown_text(block.text)
            lines.append(f"[{text}]({_url(block.url)})" if block.url else text)
        else:
            lines.append(_markdown_text(block.text))
        lines.append("")
    return "\n".join(lines)


def _typst_string(text: str) -> str:
    """A Typst string literal (JSON's escapes are Typst's, bar ``\\u``, which JSON only uses
    for control characters here and Typst writes as ``\\u{...}``)."""
    quoted = json.dumps(_SPACES.sub(" ", text).strip(), ensure_ascii=False)
    return re.sub(r"\\u([0-9a-fA-F]{4})", r"\\u{\1}", quoted)


def typst(debate: m.Debate) -> str:
    """Typst markup for ``typst.compile(..., pdf_standards=["ua-1"])``."""
    language, _, region = language_of(debate).partition("-")
    region_setting = f", region: {_typst_string(region)}" if region else ""
    fonts = ", ".join(_typst_string(font) for font in FONTS)
    lines = [
        f"#set document(title: {_typst_string(title(debate))})",
        '#set page(paper: "a4", margin: 2.54cm)',
        f"#set text(font: ({fonts}), size: 12pt, lang: {_typst_string(language.lower())}{region_setting})",
        "#set par(leading: 0.9em, spacing: 1.2em)",
        "",
    ]
    for block in proceedings(debate):
        if isinstance(block, Heading):
            lines.append(f"#heading(level: {block.level})[#{_typst_string(block.text)}]")
        elif isinstance(block, SourceLink):
            text = _typst_string(block.text)
            lines.append(f"#link({_typst_string(block.url)})[#{text}]" if block.url else f"#{text}")
        else:
            lines.append(f"#{_typst_string(block.text)}")
        lines.append("")
    return "\n".join(lines)


def write_sources(path: Path, folder: Path) -> tuple[Path, Path, m.Debate]:
    """Read the record at ``path`` and write its Markdown and Typst into ``folder``."""
    debate, _ = read_debate(path, Job(), Reporter(str(path)))
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / f"{path.stem}.md"
    typ = folder / f"{path.stem}.typ"
    md.write_text(markdown(debate), encoding="utf-8")
    typ.write_text(typst(debate), encoding="utf-8")
    return md, typ, debate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=Path("."))
    args = parser.parse_args()
    md, typ, _ = write_sources(args.record, args.output)
    print(f"{md}\n{typ}")


if __name__ == "__main__":
    main()
