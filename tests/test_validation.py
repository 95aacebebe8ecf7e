"""Validation of the briefing tree before any writer: each problem injected alone, found with
its cause, repaired completely; composing faults fail in strict mode, record problems warn.
Then the wiring: the pipeline validates once, tests run strict, users get a repaired file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, SAMPLES, SEED_RECORD
from exporter import pipeline
from exporter.cli import main
from exporter.compose import Briefing, compose
from exporter.diagnostics import Reporter
from exporter.document import (
    BulletList,
    Cell,
    Contents,
    ContentsEntry,
    Document,
    Heading,
    Link,
    ListItem,
    NoteRef,
    Paragraph,
    Table,
    Text,
    text_cell,
)
from exporter.document_json import from_json
from exporter.options import ComposeOptions
from exporter.validation import RULES, Cause, TreeContractError, problems_of, validate

TITLE = Heading(1, (Text("Debate"),), "title")
CELL = text_cell("x")
HEAD = text_cell("h", "column")


def tree(*blocks: object, title: str = "Debate", language: str = "en-GB") -> Document:
    return Document(title, language, (TITLE, *blocks))  # type: ignore[arg-type]


def table(**changes: object) -> Table:
    fields: dict[str, object] = {
        "caption": "Table 1: votes",
        "head": ((HEAD, HEAD),),
        "rows": ((CELL, CELL),),
    }
    fields.update(changes)
    return Table(**fields)  # type: ignore[arg-type]


FAULTS: dict[str, Callable[[], Document]] = {
    "TREE-TITLE-EMPTY": lambda: tree(title="  "),
    "TREE-LANGUAGE-EMPTY": lambda: tree(language=""),
    "TREE-HEADING-FIRST": lambda: Document("D", "en-GB", (Heading(2, (Text("Debate"),), "t"),)),
    "TREE-HEADING-LEVEL": lambda: tree(Heading(0, (Text("Zero"),), "zero")),
    "TREE-HEADING-SKIP": lambda: tree(Heading(3, (Text("Deep"),), "deep")),
    "TREE-HEADING-EMPTY": lambda: tree(Heading(2, (Text(" "),), "blank")),
    "TREE-ANCHOR-EMPTY": lambda: tree(Heading(2, (Text("Nameless"),), "")),
    "TREE-ANCHOR-DUPLICATE": lambda: tree(Heading(2, (Text("Again"),), "title")),
    "TREE-ROLE": lambda: tree(Paragraph((Text("x"),), role="aside")),
    "TREE-LIST-EMPTY": lambda: tree(BulletList(())),
    "TREE-LIST-ITEM-EMPTY": lambda: tree(BulletList((ListItem(()), ListItem((Paragraph((Text("x"),)),))))),
    "TREE-TABLE-EMPTY": lambda: tree(table(head=(), rows=((),))),
    "TREE-TABLE-CAPTION": lambda: tree(table(caption="")),
    "TREE-TABLE-GRID": lambda: tree(table(rows=((CELL, CELL, CELL),))),
    "TREE-TABLE-WIDTHS": lambda: tree(table(widths=(1.0,))),
    "TREE-TABLE-SCOPE": lambda: tree(table(head=((CELL, HEAD),))),
    "TREE-CELL-CONTENT": lambda: tree(table(rows=((Cell((Text("x"),)), CELL),))),  # type: ignore[arg-type]
    "TREE-CONTENTS-EMPTY": lambda: tree(Contents(())),
    "TREE-CONTENTS-ANCHOR": lambda: tree(
        Contents((ContentsEntry(2, "Gone", "gone"), ContentsEntry(1, "T", "title")))
    ),
    "TREE-CONTENTS-LEVEL": lambda: tree(Contents((ContentsEntry(0, "Debate", "title"),))),
    "TREE-CONTENTS-TEXT": lambda: tree(Contents((ContentsEntry(1, " ", "title"),))),
    "TREE-CONTENTS-TARGET": lambda: tree(
        table(anchor="votes"), Contents((ContentsEntry(2, "Votes", "votes"), ContentsEntry(1, "T", "title")))
    ),
    "TREE-CONTENTS-DUPLICATE": lambda: tree(
        Contents((ContentsEntry(1, "Debate", "title"), ContentsEntry(1, "Debate", "title")))
    ),
    "TREE-LINK-CONTENT": lambda: tree(
        Paragraph((Link("https://example.org/", (Text("see"), NoteRef((Text("n"),)))),))
    ),  # type: ignore[arg-type]
    "TREE-LINK-ANCHOR": lambda: tree(Paragraph((Text("See "), Link("#nowhere", (Text("the division"),))))),
    "TREE-LINK-TEXT": lambda: tree(Paragraph((Link("https://example.org/", (Text(""),)),))),
    "TREE-NOTE-NESTED": lambda: tree(
        Paragraph((Text("x"), NoteRef((Text("outer"), NoteRef((Text("inner"),))))))
    ),
}


def test_every_rule_has_a_fault() -> None:
    assert set(FAULTS) == set(RULES)


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_each_fault_is_found_alone_and_repaired_completely(code: str) -> None:
    broken = FAULTS[code]()
    found = problems_of(broken)
    assert [(p.code, p.cause) for p in found] == [(code, RULES[code][0])]
    assert found[0].location and found[0].message
    reporter = Reporter("debate.xml")
    repaired = validate(broken, reporter)
    assert [x.code for x in reporter.diagnostics] == [code]
    assert problems_of(repaired) == []


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_strict_mode_fails_on_composing_faults_only(code: str) -> None:
    broken = FAULTS[code]()
    if RULES[code][0] is Cause.COMPOSER:
        with pytest.raises(TreeContractError, match=code):
            validate(broken, Reporter(), strict=True)
    else:
        validate(broken, Reporter(), strict=True)


def test_a_sound_tree_comes_back_as_the_same_object() -> None:
    sound = tree(Heading(2, (Text("Two"),), "two"), table(), Paragraph((Link("#two", (Text("to two"),)),)))
    assert validate(sound, Reporter()) is sound


def test_repairs_say_what_was_done() -> None:
    reporter = Reporter("debate.xml")
    repaired = validate(FAULTS["TREE-HEADING-SKIP"](), reporter)
    assert repaired.blocks[1].level == 2  # type: ignore[union-attr]
    (warning,) = reporter.diagnostics
    assert str(warning) == (
        "debate.xml: blocks[1] (after #title): warning: TREE-HEADING-SKIP: a level 3 heading follows level 1; made 2"
        " (a composing fault: please report it)"
    )
    repaired = validate(FAULTS["TREE-LINK-ANCHOR"](), Reporter())
    assert repaired.blocks[1].children == (Text("See "), Text("the division"))  # type: ignore[union-attr]
    repaired = validate(tree(table(rows=((CELL,), (CELL, CELL, CELL)))), Reporter())
    head, rows = repaired.blocks[1].head, repaired.blocks[1].rows  # type: ignore[union-attr]
    assert [len(row) for row in (*head, *rows)] == [3, 3, 3]  # the table widens; no words are joined
    assert head[0][2] == rows[0][1] == rows[0][2] == Cell(()) and rows[1] == (CELL, CELL, CELL)
    repaired = validate(FAULTS["TREE-TITLE-EMPTY"](), Reporter())
    assert repaired.title == "Debate briefing"
    empty = validate(Document(" ", "en-GB", (Heading(1, (Text(""),), "t"),), date="2022-02-23"), Reporter())
    assert empty.title == "Debate of 2022-02-23" and empty.blocks[0].children[-1] == Text(
        "Debate of 2022-02-23"
    )  # type: ignore[union-attr]


def test_an_untitled_section_and_its_contents_entry_are_named_once() -> None:
    reporter = Reporter()
    repaired = validate(
        tree(Contents((ContentsEntry(2, "", "blank"),)), Heading(2, (Text(""),), "blank")), reporter
    )
    contents, heading = repaired.blocks[1], repaired.blocks[2]
    assert contents.entries[0].text == "Untitled section"  # type: ignore[union-attr]
    assert heading.children[-1] == Text("Untitled section")  # type: ignore[union-attr]
    assert [x.code for x in reporter.diagnostics] == ["TREE-HEADING-EMPTY"]


# --- the composer keeps the contract on every record we have --------------------------------

RECORDS = sorted(
    [p for p in SAMPLES.iterdir() if p.suffix in (".yaml", ".txt", ".json", ".xml")]
    + [
        p
        for folder in ("parlparse", "hansard-api", "akoma-ntoso", "parlamint")
        for p in (DATA / folder).iterdir()
        if "divisions_for_debate" not in p.name
    ]
)


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.name)
def test_the_composer_makes_no_composing_fault_from_any_record(record: Path) -> None:
    reporter = Reporter(record.name)
    debate, _fmt = pipeline.read_debate(record, pipeline.Job(), reporter)
    for _suffix, piece in pipeline.split_debate(debate) + [("", debate)]:
        document = compose(piece, ComposeOptions(), reporter).document
        assert [p for p in problems_of(document) if p.cause is Cause.COMPOSER] == []


# --- wiring: the pipeline validates once, before every writer --------------------------------


def skipping_compose(*args: object, **kwargs: object) -> Briefing:
    """The real composer, with a composing bug: the first H2 comes out as an H4."""
    briefing = compose(*args, **kwargs)  # type: ignore[arg-type]
    blocks = list(briefing.document.blocks)
    index = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 2)
    old = blocks[index]
    assert isinstance(old, Heading)
    blocks[index] = Heading(4, old.children, old.anchor)
    document = Document(**{**vars(briefing.document), "blocks": tuple(blocks)})
    return Briefing(document, briefing.parts)


def test_a_composing_fault_fails_a_strict_run_and_is_repaired_in_a_users_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "compose", skipping_compose)
    runner = CliRunner()
    strict = runner.invoke(main, ["convert", str(SEED_RECORD), "-o", str(tmp_path / "strict"), "-f", "tree"])
    assert strict.exit_code == 1 and "TREE-HEADING-SKIP" in strict.output
    assert not (tmp_path / "strict").exists() or not list((tmp_path / "strict").iterdir())

    monkeypatch.delenv("DEBATE_EXPORT_STRICT_TREE")
    user = runner.invoke(
        main, ["convert", str(SEED_RECORD), "-o", str(tmp_path / "user"), "-f", "tree,pdf", "-v"]
    )
    assert user.exit_code == 0, user.output
    assert "warning: TREE-HEADING-SKIP" in user.output and "please report it" in user.output
    written = from_json((tmp_path / "user" / f"{SEED_RECORD.stem}.tree.json").read_bytes())
    assert problems_of(written) == []


def test_dump_tree_writes_the_tree_every_writer_got(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["convert", str(SEED_RECORD), "-o", str(tmp_path), "-f", "json", "--dump-tree"]
    )
    assert result.exit_code == 0, result.output
    dumped = from_json((tmp_path / f"{SEED_RECORD.stem}.tree.json").read_bytes())
    record = json.loads((tmp_path / f"{SEED_RECORD.stem}.json").read_text("utf-8"))
    assert from_json(record["briefing"]["document"]) == dumped
    assert dumped.title == record["title"] and problems_of(dumped) == []
