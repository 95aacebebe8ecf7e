"""Our record format: reading, refusing bad records with one line per problem, round trips."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from click.testing import CliRunner

from conftest import SEED_RECORD, SEED_TEXT
from exporter import parliaments, record
from exporter.cli import main
from exporter.diagnostics import Reporter
from exporter.options import ReadOptions
from exporter.readers import native, text


def good_record() -> dict:
    return {
        "title": "A debate",
        "date": "2022-02-23",
        "speakers": [{"id": "kim", "name": "Kim Leadbeater"}],
        "sections": [
            {"title": "A debate", "items": [{"type": "speech", "speaker": "kim", "paragraphs": ["Hello."]}]}
        ],
    }


def convert_bad(tmp_path: Path, runner: CliRunner, content: str, name: str = "bad.json"):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), "-f", "docx,json"])
    return result, out


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def test_a_good_record_converts(tmp_path: Path, runner: CliRunner) -> None:
    result, out = convert_bad(tmp_path, runner, json.dumps(good_record()), "good.json")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["good.docx", "good.json"]


def test_missing_field_is_one_line_naming_file_and_place(tmp_path: Path, runner: CliRunner) -> None:
    data = good_record()
    del data["sections"][0]["items"]
    result, out = convert_bad(tmp_path, runner, json.dumps(data))
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"error: {tmp_path / 'bad.json'}: sections[0].items: required field is missing"
    ]
    assert "Traceback" not in result.output
    assert not out.exists()


def test_wrong_type_is_reported_with_its_place(tmp_path: Path, runner: CliRunner) -> None:
    data = good_record()
    data["speakers"][0]["name"] = 42
    result, out = convert_bad(tmp_path, runner, json.dumps(data))
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"error: {tmp_path / 'bad.json'}: speakers[0].name: expected string, got integer"
    ]
    assert not out.exists()


def test_unknown_speaker_id_is_reported(tmp_path: Path, runner: CliRunner) -> None:
    data = good_record()
    data["sections"][0]["items"].append({"type": "speech", "speaker": "kim-l", "paragraphs": ["Hi."]})
    result, out = convert_bad(tmp_path, runner, json.dumps(data))
    assert result.exit_code == 1
    assert error_lines(result) == [
        f'error: {tmp_path / "bad.json"}: sections[0].items[1].speaker: no speaker "kim-l"'
    ]
    assert not out.exists()


def test_a_file_that_is_not_json_is_one_clear_line(tmp_path: Path, runner: CliRunner) -> None:
    result, out = convert_bad(tmp_path, runner, '{"title": "x", "sections": [}', "broken.json")
    assert result.exit_code == 1
    lines = error_lines(result)
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {tmp_path / 'broken.json'}: line 1 column ")
    assert "not valid JSON" in lines[0]
    assert not out.exists()


def test_every_problem_gets_its_own_line(tmp_path: Path, runner: CliRunner) -> None:
    data = good_record()
    data["title"] = 5
    data["date"] = "23/02/2022"
    data["sections"][0]["items"][0]["kind"] = "rant"
    result, _ = convert_bad(tmp_path, runner, json.dumps(data))
    places = [line.split(": ")[2] for line in error_lines(result)]
    assert places == ["date", "sections[0].items[0].kind", "title"]


def test_yaml_times_stay_strings() -> None:
    data = (
        b"title: T\nsections:\n  - title: T\n    items:\n      - type: speech\n        label: Someone\n"
        b"        time: 14:30\n        paragraphs: [Hello.]\n"
    )
    debate = native.read(data, "t.yaml", ReadOptions(), Reporter())
    assert debate.sections[0].items[0].time == "14:30"


def test_schema_command_prints_the_shipped_schema(runner: CliRunner) -> None:
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == record.schema()
    assert json.loads(result.output)["$schema"].endswith("2020-12/schema")


def test_sample_record_is_valid_and_matches_the_seed_text() -> None:
    from_record = native.read(SEED_RECORD.read_bytes(), str(SEED_RECORD), ReadOptions(), Reporter())
    from_text = text.read(SEED_TEXT.read_bytes(), str(SEED_TEXT), ReadOptions(), Reporter())

    def words(debate):
        return " ".join(p.text for s in debate.sections for i in s.items for p in i.paragraphs).split()  # noqa: E731

    assert words(from_record) == words(from_text)
    assert from_record.speakers == from_text.speakers
    assert (from_record.date, from_record.location, from_record.department) == (
        from_text.date,
        from_text.location,
        from_text.department,
    )
    assert from_record.source.volume is None
    assert all(item.column is None for item in from_record.sections[0].items)


def test_json_output_reads_back_as_the_same_debate(tmp_path: Path, runner: CliRunner) -> None:
    for source in (SEED_RECORD, SEED_TEXT):
        result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path), "-f", "json"])
        assert result.exit_code == 0, result.output
        written = tmp_path / f"{source.stem}.json"
        original = (
            native.read(source.read_bytes(), "", ReadOptions(), Reporter())
            if source.suffix == ".yaml"
            else text.read(source.read_bytes(), "", ReadOptions(), Reporter())
        )
        again = native.read(written.read_bytes(), str(written), ReadOptions(), Reporter())
        # A page that does not say its language is written with the one the briefing used, and
        # a record that names no profile with the one its house and place matched.
        matched = parliaments.match(original.house, original.location)
        assert matched is not None and again.profile == matched.key
        assert again == dataclasses.replace(original, language=original.language or "en-GB", profile=matched.key)
        cli_again = runner.invoke(
            main, ["convert", str(written), "--from", "native", "-o", str(tmp_path / "2"), "-f", "json"]
        )
        assert cli_again.exit_code == 0
        first = json.loads(written.read_text())
        second = json.loads((tmp_path / "2" / written.name).read_text())
        assert first == second


def test_json_output_carries_the_briefing_parts(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["convert", str(SEED_RECORD), "-o", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0
    data = json.loads((tmp_path / f"{SEED_RECORD.stem}.json").read_text())
    summary = data["briefing"]["summary"]
    assert summary and all(item["text"] and item["speech"] == "kim-leadbeater-1" for item in summary)
    speech_text = " ".join(data["sections"][0]["items"][0]["paragraphs"])
    assert all(item["text"] in speech_text for item in summary)


def test_the_briefing_tree_dumps_as_json_for_debugging() -> None:
    from exporter.compose import compose
    from exporter.document_json import from_json, to_json
    from exporter.options import ComposeOptions

    debate = native.read(SEED_RECORD.read_bytes(), str(SEED_RECORD), ReadOptions(), Reporter())
    document = compose(debate, ComposeOptions(), Reporter()).document
    dump = to_json(document)
    assert dump["node"] == "Document" and dump["language"] == "en-GB"
    assert json.loads(json.dumps(dump)) == dump
    assert dump["blocks"][0] == {
        "node": "Heading",
        "level": 1,
        "anchor": "title",
        "children": [{"node": "Text", "text": debate.title}],
    }
    assert from_json(json.dumps(dump)) == document


def test_a_record_without_a_title_is_titled_from_its_house_and_date_with_a_warning(
    tmp_path: Path, runner: CliRunner
) -> None:
    """The shared case record-blank-title.json's kind: a title of white space alone (or none)
    is no title; the briefing is named from the house and date in the interface's language,
    a warning says so, and -f json writes the record back untitled, as it was."""
    for title in (" ", None):
        data = good_record()
        data.pop("title")
        if title is not None:
            data["title"] = title
        data["house"] = "House of Commons"
        data["date"] = "2022-02-23"
        source = tmp_path / "untitled.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        out = tmp_path / f"out-{title is None}"
        result = runner.invoke(main, ["convert", str(source), "-o", str(out), "-f", "json,tree", "-v"])
        assert result.exit_code == 0, result.output
        assert "RECORD_NO_TITLE" in result.stderr and "titled from its house and date" in result.stderr
        written = json.loads((out / "untitled.json").read_text(encoding="utf-8"))
        assert "title" not in written
        tree = json.loads((out / "untitled.tree.json").read_text(encoding="utf-8"))
        assert tree["title"] == "House of Commons, 23 February 2022"
        again = runner.invoke(main, ["convert", str(out / "untitled.json"), "-o", str(tmp_path / "again"), "-f", "json", "-q"])
        assert again.exit_code == 0, again.output


def test_a_section_title_is_optional_and_an_unnamed_section_round_trips(tmp_path: Path, runner: CliRunner) -> None:
    """A section the record leaves unnamed (issue 13) has no title: it is read, shown with no
    heading, and written back without one."""
    data = good_record()
    del data["sections"][0]["title"]
    source = tmp_path / "unnamed.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "out" / "unnamed.json").read_text(encoding="utf-8"))
    assert "title" not in written["sections"][0]
    again = runner.invoke(main, ["convert", str(tmp_path / "out" / "unnamed.json"), "-o", str(tmp_path / "again"), "-f", "json", "-q"])
    assert again.exit_code == 0, again.output
