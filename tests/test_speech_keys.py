"""The composer keys speeches by a stable key (the record's id, or one it gives), never by
list position or object identity: anchors survive changes elsewhere in the record, and
speeches that are equal, or the very same object, still get headings of their own."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from conftest import DATA
from exporter import document as d
from exporter import model as m
from exporter import pipeline
from exporter.compose import compose
from exporter.diagnostics import Reporter
from exporter.options import ComposeOptions
from exporter.validation import problems_of

ORAL_QUESTIONS = DATA / "parlparse" / "commons-oral-questions-heading-levels.xml"
WORDS = (
    "The Government will publish the review of rural bus services before the summer, and every council "
    "will be told how much funding it will receive for the next three years."
)


def speech(speech_id: str | None, text: str = WORDS, speaker: str = "kim") -> m.Speech:
    return m.Speech(speech_id, speaker, (m.Paragraph((m.Run(text),)),))


def debate(*items: m.Item) -> m.Debate:
    return m.Debate(
        "Rural buses",
        (m.Section("Rural buses", tuple(items)),),
        speakers=(m.Speaker("kim", "Kim Example"), m.Speaker("sam", "Sam Minister")),
    )


def speech_anchors(document: d.Document) -> list[str]:
    """The anchors of the speech headings, in order."""
    return [
        b.anchor
        for b in d.walk_blocks(document.blocks)
        if isinstance(b, d.Heading) and b.anchor.startswith("speech-")
    ]


def composed(value: m.Debate) -> tuple[d.Document, dict]:
    briefing = compose(value, ComposeOptions(), Reporter())
    assert problems_of(briefing.document) == []
    return briefing.document, briefing.parts


def test_anchors_come_from_the_distinctive_end_of_record_ids() -> None:
    found, _fmt = pipeline.read_debate(Path(ORAL_QUESTIONS), pipeline.Job(), Reporter())
    document, _parts = composed(found)
    assert speech_anchors(document) == [
        "speech-2023-04-20d-500-2",
        "speech-2023-04-20d-500-3",
        "speech-2023-04-20d-501-1",
        "speech-2023-04-20d-501-2",
    ]


def test_a_speech_keeps_its_anchor_when_the_record_changes_around_it() -> None:
    before, _ = composed(debate(speech("a1"), speech("a2", speaker="sam")))
    after, _ = composed(debate(speech("a0", "An earlier speech."), speech("a1"), speech("a2", speaker="sam")))
    assert speech_anchors(before) == ["speech-a1", "speech-a2"]
    assert speech_anchors(after) == ["speech-a0", "speech-a1", "speech-a2"]


def test_the_same_speech_object_twice_gets_two_headings_and_links_to_each() -> None:
    once = speech(None)
    document, parts = composed(debate(once, speech(None, speaker="sam"), once))
    assert speech_anchors(document) == ["speech-1", "speech-2", "speech-3"]
    links = [
        inline.target
        for block in d.walk_blocks(document.blocks)
        if isinstance(block, d.Paragraph)
        for inline in block.children
        if isinstance(inline, d.Link) and inline.target.startswith("#speech-")
    ]
    assert links and set(links) <= {f"#{anchor}" for anchor in speech_anchors(document)}
    # the record gave no ids: each part names its speech by the key its heading is anchored by
    assert parts["summary"] and {item["speech"] for item in parts["summary"]} <= {"speech-1", "speech-2", "speech-3"}


def test_repeated_record_ids_get_headings_and_keys_of_their_own() -> None:
    # the summary that says who spoke links each speaker's first speech
    briefing = compose(
        debate(speech("dup"), speech("dup", speaker="sam")), ComposeOptions(summary="editorial"), Reporter()
    )
    document, parts = briefing.document, briefing.parts
    assert speech_anchors(document) == ["speech-dup", "speech-2"]
    by_speaker = {item["speaker"]: item["speech"] for item in parts["summary"]}
    assert by_speaker == {"kim": "dup", "sam": "speech-2"}
    written = [item["id"] for item in document.record["sections"][0]["items"]]
    assert written == ["dup", "speech-2"]  # -f json: each speech under the key the parts name


def test_equal_speeches_in_a_copied_debate_give_the_same_tree() -> None:
    original = debate(speech("a1"), speech("a2", speaker="sam"))
    copy = dataclasses.replace(original, sections=tuple(dataclasses.replace(s) for s in original.sections))
    assert composed(original)[0] == composed(copy)[0]


def test_a_key_the_composer_gives_never_takes_a_record_id() -> None:
    document, _ = composed(debate(speech(None), speech("speech-1", speaker="sam")))
    assert speech_anchors(document) == ["speech-2", "speech-speech-1"]


def test_every_part_of_a_record_without_speech_ids_points_at_its_speech(tmp_path: Path) -> None:
    """The South African Akoma Ntoso record gives its speeches no ids: -f json writes each
    under its key, the one its heading is anchored by, and every summary sentence and key
    point names it."""
    from click.testing import CliRunner

    from exporter.cli import main

    record = DATA / "akoma-ntoso" / "za_national_assembly_2012-09-20_trimmed.xml"
    result = CliRunner().invoke(main, ["convert", str(record), "-o", str(tmp_path), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))
    ids: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if item.get("type") == "speech":
                ids.append(item["id"])
            walk(item.get("items", []))

    walk(data["sections"])
    assert ids and len(set(ids)) == len(ids)
    briefing = data["briefing"]
    parts = briefing["summary"] + [point for group in briefing["key_points"] for point in group["points"]]
    assert parts and all(part["speech"] in ids for part in parts)
    anchors = json.dumps(briefing["document"])
    assert all(f'"#{part["speech"]}"' in anchors or f'"{part["speech"]}"' in anchors for part in parts)
