"""The command line: exit codes, one-line failures, atomic output, batches, determinism."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from cli_runs import tree
from conftest import ROOT, SAMPLES, SEED_RECORD, SEED_TEXT
from exporter import __version__
from exporter.cli import main


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_help_has_examples_for_every_command(runner: CliRunner) -> None:
    assert "debate-export convert samples/ -o briefings/" in runner.invoke(main, ["--help"]).output
    for command in ("convert", "check", "formats", "schema"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
    assert "Examples:" in runner.invoke(main, ["convert", "--help"]).output


def test_formats_lists_every_reader_and_writer(runner: CliRunner) -> None:
    output = runner.invoke(main, ["formats"]).output
    for name in (
        "native",
        "parlparse",
        "hansard-api",
        "akoma-ntoso",
        "parlamint",
        "text",
        "docx",
        "pdf",
        "json",
    ):
        assert f"  {name} " in output


def test_usage_errors_exit_2(tmp_path: Path, runner: CliRunner) -> None:
    assert runner.invoke(main, ["convert", str(SEED_RECORD), "-f", "rtf", "-o", str(tmp_path)]).exit_code == 2
    assert runner.invoke(main, ["convert"]).exit_code == 2
    assert runner.invoke(main, ["convert", str(SEED_RECORD), "--style", "tiny"]).exit_code == 2
    assert runner.invoke(main, ["frobnicate"]).exit_code == 2
    assert not list(tmp_path.iterdir())


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "exporter", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_convert_folder_makes_docx_and_pdf_per_record(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["convert", str(SAMPLES), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = tree(tmp_path)
    stems = (SEED_RECORD.stem, SEED_TEXT.stem)
    assert names == sorted(f"{stem}{ext}" for stem in stems for ext in (".docx", ".pdf"))  # README.md skipped


def test_a_failure_leaves_no_file_and_keeps_an_earlier_good_one(tmp_path: Path, runner: CliRunner) -> None:
    source = tmp_path / "debate.json"
    runner.invoke(main, ["convert", str(SEED_RECORD), "-o", str(tmp_path / "out"), "-f", "json"])
    good = json.loads((tmp_path / "out" / f"{SEED_RECORD.stem}.json").read_text())
    source.write_text(json.dumps(good))
    out = tmp_path / "briefings"
    assert runner.invoke(main, ["convert", str(source), "-o", str(out), "-f", "docx"]).exit_code == 0
    before = (out / "debate.docx").read_bytes()
    good["sections"][0]["items"][0]["speaker"] = "nobody"
    source.write_text(json.dumps(good))
    result = runner.invoke(main, ["convert", str(source), "-o", str(out), "-f", "docx"])
    assert result.exit_code == 1
    assert (out / "debate.docx").read_bytes() == before
    assert tree(out) == ["debate.docx"]  # no temporary left behind


def test_the_rest_of_a_batch_still_runs(tmp_path: Path, runner: CliRunner) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<publicwhip><speech>unclosed</publicwhip>")
    result = runner.invoke(
        main, ["convert", str(bad), str(SEED_RECORD), "-o", str(tmp_path / "out"), "-f", "docx"]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(bad) in errors[0] and "line 1" in errors[0]
    assert "Traceback" not in result.output
    assert tree(tmp_path / "out") == [f"{SEED_RECORD.stem}.docx"]


def test_undetectable_input_names_the_way_out(tmp_path: Path, runner: CliRunner) -> None:
    odd = tmp_path / "odd.json"
    odd.write_text('{"hello": "world"}')
    result = runner.invoke(main, ["convert", str(odd), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "--from" in result.stderr and str(odd) in result.stderr


def test_missing_input_is_a_failure_not_a_crash(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["convert", str(tmp_path / "nope.json"), "-o", str(tmp_path)])
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    quiet = subprocess.run(
        [sys.executable, "-m", "exporter", "convert", str(bad), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    loud = subprocess.run(
        [sys.executable, "-m", "exporter", "convert", str(bad), "-o", str(tmp_path), "--debug"],
        capture_output=True,
        text=True,
    )
    assert quiet.returncode == 1 and "Traceback" not in quiet.stderr
    assert "Traceback" in loud.stderr


def test_output_is_byte_identical_run_after_run(tmp_path: Path, runner: CliRunner) -> None:
    for run in ("a", "b"):
        result = runner.invoke(
            main, ["convert", str(SEED_RECORD), "-o", str(tmp_path / run), "-f", "docx,pdf,json"]
        )
        assert result.exit_code == 0, result.output
    for name in (f"{SEED_RECORD.stem}{ext}" for ext in (".docx", ".pdf", ".json")):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_large_print_style_is_accepted(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["convert", str(SEED_RECORD), "-o", str(tmp_path), "--style", "large-print", "-f", "docx"]
    )
    assert result.exit_code == 0, result.output


def test_a_style_that_breaks_the_typography_rules_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    style = tmp_path / "pale.yaml"
    style.write_text("text_colour: 'AAAAAA'\n")
    result = runner.invoke(main, ["convert", str(SEED_RECORD), "-o", str(tmp_path), "--style", str(style)])
    assert result.exit_code == 2 and "4.5:1" in result.output


def test_check_lists_its_rules_with_ids_and_severities(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--list-rules"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.startswith("MS-TBL-001") and " error " in line for line in lines)
    assert any(line.startswith("PDFUA-7.21-embedded") for line in lines)
    assert runner.invoke(main, ["check"]).exit_code == 2


def test_split_writes_one_briefing_per_debate_of_a_day(tmp_path: Path, runner: CliRunner) -> None:
    from conftest import DATA

    day = DATA / "parlparse" / "westminster2009-10-28a-excerpt.xml"
    whole = runner.invoke(main, ["convert", str(day), "-o", str(tmp_path / "whole"), "-f", "json"])
    split = runner.invoke(main, ["convert", str(day), "-o", str(tmp_path / "split"), "-f", "json", "--split"])
    assert whole.exit_code == 0 and split.exit_code == 0, split.output
    sections = json.loads((tmp_path / "whole" / f"{day.stem}.json").read_text())["sections"]
    written = [tmp_path / "split" / name for name in tree(tmp_path / "split")]
    assert len(sections) > 1 and len(written) == len(sections)
    for path, section in zip(written, sections, strict=True):
        piece = json.loads(path.read_text())
        assert piece["title"] == section["title"] and piece["sections"] == [section]
        used = {i.get("speaker") for i in section["items"] if i.get("type") == "speech"} - {None}
        assert {s["id"] for s in piece["speakers"]} == used


def test_people_directory_fills_speaker_headings(tmp_path: Path, runner: CliRunner) -> None:
    from conftest import DATA

    sitting = DATA / "parlamint" / "gb_ParlaMint-GB_2022-07-21-commons_trimmed.xml"
    directory = DATA / "people" / "parlamint-gb" / "ParlaMint-GB-listPerson.xml"
    bare = runner.invoke(main, ["convert", str(sitting), "-o", str(tmp_path / "bare"), "-f", "json"])
    named = runner.invoke(
        main,
        ["convert", str(sitting), "-o", str(tmp_path / "named"), "-f", "json", "--people", str(directory)],
    )
    assert bare.exit_code == 0 and named.exit_code == 0, named.output
    before = {
        s["id"]: s for s in json.loads((tmp_path / "bare" / f"{sitting.stem}.json").read_text())["speakers"]
    }
    after = {
        s["id"]: s for s in json.loads((tmp_path / "named" / f"{sitting.stem}.json").read_text())["speakers"]
    }
    assert "party" not in before["DavidRutley"]  # without a directory nothing is invented
    assert after["DavidRutley"]["name"] == "David Rutley" and after["DavidRutley"]["party"] == "Conservative"


def test_convert_check_audits_every_briefing_it_writes(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["convert", str(SEED_TEXT), "-o", str(tmp_path), "--check", "-v"])
    assert result.exit_code == 0, result.output
    assert sorted(Path(name).suffix for name in tree(tmp_path)) == [".docx", ".pdf"]


def test_the_readme_synopsis_names_every_option_of_convert_and_check_and_no_other() -> None:
    """The README's "Usage" block against the commands themselves: every option --help shows is
    in it, with the choices the command accepts, and it names none the command lacks."""
    readme = (ROOT / "README.md").read_text("utf-8")
    usage = readme.split("## Usage", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    synopsis: dict[str, str] = {}
    command = ""
    for line in usage.splitlines():
        if line.startswith("debate-export "):
            command = line.split()[1]
        synopsis[command] = synopsis.get(command, "") + " " + line
    for name in ("convert", "check"):
        named = set(re.findall(r"\[(--?[a-z][a-z-]*)", synopsis[name]))
        options = [p for p in main.commands[name].params if isinstance(p, click.Option) and not p.hidden]
        shown = {opt for p in options for opt in p.opts}
        assert named <= shown, f"{name}: the README names options the command lacks: {named - shown}"
        for option in options:
            assert set(option.opts) & named, f"{name}: the README's synopsis lacks {option.opts}"
            if isinstance(option.type, click.Choice):
                written = re.search(rf"\[{re.escape(option.opts[-1])} ([^\]]+)\]", synopsis[name])
                assert written is not None and written.group(1).split("|") == list(option.type.choices), option.opts
