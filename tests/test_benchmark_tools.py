"""The benchmark's own tools give what they claim: the synthetic day, the peers' inputs, and
the comparison of outputs before and after an optimisation (each fault it claims to catch,
injected). No timing is asserted here: figures come from benchmarks/bench_day.py."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from conftest import ROOT, SEED_RECORD, needs
from docx_faults import FAULTS, good_docx
from exporter import model as m
from exporter.diagnostics import Reporter
from exporter.pipeline import Job, read_debate

sys.path.insert(0, str(ROOT / "benchmarks"))

import compare_outputs  # noqa: E402
import peer_sources  # noqa: E402
import synthetic_day  # noqa: E402

POOL = ["The first sentence.", "A second, longer sentence about the Bill.", "Why? Because it matters."]


def test_synthetic_day_has_the_counts_it_promises() -> None:
    debate = synthetic_day.synthetic_debate(60, POOL)
    speeches = m.speeches(debate)
    assert len(speeches) == 60
    assert [len([i for i in s.items if isinstance(i, m.Speech)]) for s in debate.sections] == [25, 25, 10]
    assert all(isinstance(section.items[-1], m.Procedural) for section in debate.sections)
    assert len(debate.speakers) == 12
    assert {speech.speaker for speech in speeches} <= {speaker.id for speaker in debate.speakers}
    for speech in speeches:
        assert 1 <= len(speech.paragraphs) <= 4
        for block in speech.paragraphs:
            assert isinstance(block, m.Paragraph)
            assert block.text.startswith(tuple(POOL))
    assert speeches[-1].column == "20"  # one column per three speeches


def test_synthetic_record_is_read_back_by_our_reader_and_is_deterministic(tmp_path: Path) -> None:
    first = synthetic_day.write_synthetic(30, tmp_path / "a.json", POOL)
    second = synthetic_day.write_synthetic(30, tmp_path / "b.json", POOL)
    assert first.read_bytes() == second.read_bytes()
    debate, fmt = read_debate(first, Job(), Reporter(str(first)))
    assert fmt.name == "native"
    assert debate == synthetic_day.synthetic_debate(30, POOL)


def test_sentence_pool_is_real_sentences_of_the_seed_and_samples() -> None:
    pool = synthetic_day.sentence_pool([SEED_RECORD])
    assert len(pool) == len(set(pool)) == 19
    assert pool[0].startswith("I welcome the opportunity to take part in this debate")


TRICKY = [
    "1. A line that looks like a list item, and (a) another.",
    "# Not a heading, * not emphasis *, _nor this_, `nor code`.",
    'A [bracket](not-a-link) <b>no tag</b> $5 and $6 @cite 50% ~ ^ | "quoted" \\ backslash.',
    "- Not a bullet either; + nor this.",
    "A. Lettered, then: ordinary text — with an em dash.",
]


def _tricky_debate() -> m.Debate:
    speech = m.Speech(
        id="s1",
        speaker="a",
        paragraphs=tuple(m.Paragraph((m.Run(text),)) for text in TRICKY),
        column="12",
        url="https://example.org/debate (1)#s1",
    )
    section = m.Section("Debate *one* #1", (speech,))
    return m.Debate(
        "A [tricky] day",
        (section,),
        (m.Speaker("a", "Ann Member", party="Labour"),),
        house="House of Commons",
    )


def _pandoc_blocks(markdown: str) -> list[dict]:
    result = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "json"], input=markdown.encode(), capture_output=True, check=True
    )
    blocks: list[dict] = json.loads(result.stdout)["blocks"]
    return blocks


def _plain(inlines: list[dict]) -> str:
    parts = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space", "SoftBreak"):
            parts.append(" ")
        elif kind == "Quoted":
            mark = '"' if content[0]["t"] == "DoubleQuote" else "'"
            parts.append(mark + _plain(content[1]) + mark)
        elif kind == "Link":
            parts.append(_plain(content[1]))
        else:
            raise AssertionError(f"unexpected inline {kind}: {inline}")
    return "".join(parts)


@needs("pandoc")
def test_peer_markdown_reads_back_as_the_same_proceedings() -> None:
    debate = _tricky_debate()
    blocks = _pandoc_blocks(peer_sources.markdown(debate))
    assert [b["t"] for b in blocks] == ["Header", "Header", "Header", *["Para"] * (len(TRICKY) + 1)]
    headings = [(b["c"][0], _plain(b["c"][2])) for b in blocks[:3]]
    assert headings == [(1, "A [tricky] day"), (2, "Debate *one* #1"), (3, "Ann Member (Labour)")]
    assert [_plain(b["c"]) for b in blocks[3:-1]] == TRICKY
    link = blocks[-1]["c"][0]
    assert link["t"] == "Link"
    assert link["c"][2][0] == "https://example.org/debate%20%281%29#s1"
    assert _plain(link["c"][1]) == "Source: HC Deb, col 12"


def test_peer_sources_hold_every_debate_speech_and_source_link() -> None:
    debate = synthetic_day.synthetic_debate(30, POOL)
    blocks = list(peer_sources.proceedings(debate))
    headings = [b for b in blocks if isinstance(b, peer_sources.Heading)]
    assert [h.level for h in headings].count(2) == len(debate.sections)
    assert [h.level for h in headings].count(3) == 30
    links = [b for b in blocks if isinstance(b, peer_sources.SourceLink)]
    assert [link.url for link in links] == [s.url for s in m.speeches(debate)]


def test_peer_sources_of_an_untitled_sitting_with_a_table_and_no_language() -> None:
    cell = m.TableCell((m.Paragraph((m.Run("Aye"),)), m.Paragraph((m.Run("312"),))))
    table = m.Table(((m.TableCell((m.Paragraph((m.Run("Lobby"),)),), header="column"),), (cell,)), 1)
    speech = m.Speech("s1", "a", (m.Paragraph((m.Run("The figures:"),)), table), column="3")
    debate = m.Debate(
        "",
        (m.Section("Votes", (speech,)),),
        (m.Speaker("a", "Ann Member"),),
        house="House of Commons",
        date=dt.date(2009, 10, 28),
    )
    blocks = list(peer_sources.proceedings(debate))
    assert blocks[0] == peer_sources.Heading(1, "House of Commons, 28 October 2009")  # as our briefing's title
    assert peer_sources.Text("Lobby") in blocks and peer_sources.Text("Aye 312") in blocks
    assert '#set document(title: "House of Commons, 28 October 2009")' in peer_sources.typst(debate)
    assert 'lang: "en"' in peer_sources.typst(debate) and 'lang: "en"' in peer_sources.markdown(debate)


@pytest.mark.skipif(
    importlib.util.find_spec("typst") is None, reason="the typst binding (bench extra) is missing"
)
@needs("pdftotext")
def test_peer_typst_compiles_to_pdf_ua_with_the_same_text(tmp_path: Path) -> None:
    import typst

    source = tmp_path / "day.typ"
    source.write_text(peer_sources.typst(_tricky_debate()), encoding="utf-8")
    pdf = tmp_path / "day.pdf"
    typst.compile(
        str(source), output=str(pdf), pdf_standards=["ua-1"], font_paths=[str(peer_sources.FONT_DIR)]
    )
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    words = text.split()
    for paragraph in TRICKY:
        assert " ".join(paragraph.split()) in " ".join(words)


# ---- compare_outputs: each fault it claims to catch ------------------------------------------


@pytest.fixture(scope="module")
def briefings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed record as Word and PDF, and the same PDF in large print."""
    folder = tmp_path_factory.mktemp("briefings")
    for style, target in (("standard", folder / "standard"), ("large-print", folder / "large")):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "exporter",
                "convert",
                str(SEED_RECORD),
                "-o",
                str(target),
                "--style",
                style,
                "-q",
            ],
            check=True,
        )
    yield folder


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def _compare(before: Path, after: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = compare_outputs.main([str(before), str(after), "--no-verapdf"])
    return code, capsys.readouterr().out


needs_readers = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("pandoc", "pdftotext", "pdfinfo")),
    reason="pandoc and poppler-utils are needed",
)


@needs_readers
def test_identical_folders_compare_equal(
    briefings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _compare(briefings / "standard", _copy(briefings / "standard", tmp_path / "after"), capsys)
    assert code == 0, out
    assert "identical bytes" in out and "0 problems" in out


@needs_readers
def test_a_missing_briefing_is_caught(
    briefings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    after = _copy(briefings / "standard", tmp_path / "after")
    (after / f"{SEED_RECORD.stem}.docx").unlink()
    code, out = _compare(briefings / "standard", after, capsys)
    assert code == 1
    assert f"{SEED_RECORD.stem}.docx: only in before" in out


@needs_readers
def test_a_changed_layout_is_caught(
    briefings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    after = _copy(briefings / "standard", tmp_path / "after")
    shutil.copy(briefings / "large" / f"{SEED_RECORD.stem}.pdf", after)
    code, out = _compare(briefings / "standard", after, capsys)
    assert code == 1
    assert "page count differs" in out
    assert "text differs\n" in out  # "Page 1 of 4" became "Page 1 of 7": not the same words


def test_text_differing_only_in_line_breaks_is_told_apart() -> None:
    assert compare_outputs.difference("text", "a b\nc", "a\nb  c").startswith(
        "text differs (only in spacing or line breaks: the words are the same)\n"
    )
    assert compare_outputs.difference("text", "a b c", "a b d").startswith("text differs\n")


@needs_readers
def test_a_changed_structure_tree_with_the_same_text_is_caught(
    briefings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    after = _copy(briefings / "standard", tmp_path / "after")
    target = after / f"{SEED_RECORD.stem}.pdf"
    with pikepdf.open(target, allow_overwriting_input=True) as pdf:
        document = pdf.Root.StructTreeRoot.K
        document = document[0] if isinstance(document, pikepdf.Array) else document
        heading = next(
            kid for kid in document.K if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == "/H1"
        )
        heading.S = pikepdf.Name.P
        pdf.save(target)
    code, out = _compare(briefings / "standard", after, capsys)
    assert code == 1
    assert "structure tree differs" in out
    assert "text differs" not in out and "page count differs" not in out


@needs_readers
def test_a_changed_word_file_and_a_broken_docx_rule_are_caught(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    for name in ("b.docx", "c.docx"):
        (before / name).write_bytes(good_docx())
    (after / "b.docx").write_bytes(FAULTS["MS-HDG-001"]())  # headings turned into body text
    (after / "c.docx").write_bytes(FAULTS["MS-TBL-001"]())  # a table's header row unmarked
    code, out = _compare(before, after, capsys)
    assert code == 1
    assert "b.docx: pandoc's reading differs" in out
    assert "c.docx: same" in out  # pandoc reads a first row as the header either way
    assert "debate-export check fails" in out and "MS-TBL-001" in out
