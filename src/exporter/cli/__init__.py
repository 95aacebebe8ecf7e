"""The ``debate-export`` command: parse options, run the library, map errors to exit codes.

This package is the only place that prints or exits: ``run_batch`` drives a run of
``convert`` or ``check``, ``progress`` shows it, ``console`` prints safely.
"""

from __future__ import annotations

import atexit
import gc
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import click

from exporter import __version__, record
from exporter.citations import STYLES as CITATION_STYLES
from exporter.cli.console import Stream
from exporter.cli.merge_reports import merge_reports
from exporter.cli.options import FAIL_ON, batch_options, output_formats, size, ui_language
from exporter.cli.program import ProgramRun
from exporter.diagnostics import Severity
from exporter.errors import ExporterError, RecordErrors
from exporter.formats import FOLDER_PATTERNS, INPUT_FORMATS, OUTPUT_FORMATS
from exporter.options import ComposeOptions, ReadOptions, Style, WriteOptions
from exporter.printable import printable

if TYPE_CHECKING:
    from exporter.batch.interrupts import InterruptGuard
    from exporter.batch.shards import Shard
    from exporter.cli.progress import Progress

CONVERT_EXAMPLES = """
\b
Examples:
  debate-export convert samples/ -o briefings/
  debate-export convert westminster2009-10-28a.xml -f docx,pdf,html,json --split
  debate-export convert debate.json --from native --style large-print
  debate-export convert lords.xml --people people.json --citation short
  debate-export convert records/ -o out/ -j 4 --exclude drafts/ --fail-on error --junit junit.xml
  debate-export convert records/ -o out/ --shard 2/4 --prune --report report-2.json
  git ls-files '*.xml' | debate-export convert @- -o out/ --report report.json
  curl -s https://example.org/debate.json | debate-export convert - -f pdf --name debate
"""

MAIN_HELP = """Turn parliamentary debate records into accessible briefings (Word, PDF/UA and HTML).

\b
Examples:
  debate-export convert samples/ -o briefings/     make briefings of every record in samples/
  debate-export check briefings/*.docx              audit briefings for accessibility
  debate-export merge-reports reports/              join the reports of a run's shards into one
  debate-export formats                             list the input and output formats
  debate-export styles show dyslexia                print a style profile, fully resolved, as TOML
  debate-export schema > debate-record.schema.json  the JSON Schema of our record format
"""


@click.group(help=MAIN_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="debate-export")
def main() -> None:
    pass


@main.command(epilog=CONVERT_EXAMPLES)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder for the briefings (made if missing); a folder's tree is mirrored under it.",
)
@click.option(
    "-f",
    "--format",
    "formats",
    default="docx,pdf",
    show_default=True,
    callback=output_formats,
    help="Output formats, comma-separated: docx, pdf, html, json, tree.",
)
@click.option(
    "--from",
    "input_format",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", *[f.name for f in INPUT_FORMATS]]),
    help="Input format; auto tells it from the content.",
)
@click.option(
    "--style",
    default="standard",
    show_default=True,
    metavar="NAME|PATH",
    help="Style profile: standard, large-print, dyslexia, high-contrast (see `debate-export styles`), or a .toml file.",
)
@click.option(
    "--summary",
    type=click.Choice(["auto", "editorial", "none"]),
    default="auto",
    show_default=True,
    help="auto: the record's editorial summary if it has one, else an automatic cited one; editorial: "
    "the record's only (without one, a warning and a list of who spoke); none: no summary.",
)
@click.option(
    "--summary-words",
    type=click.IntRange(40, 5000),
    default=250,
    show_default=True,
    help="Length of the automatic summary, in words (at most a quarter of the debate's words).",
)
@click.option(
    "--citation",
    type=click.Choice(CITATION_STYLES),
    default="auto",
    show_default=True,
    help="Citation form for the official record: auto is the parliament's own (OSCOLA for "
    "Westminster, AGLC for Australia, the Official Report's for Scotland, else a neutral form); "
    "a form the parliament's profile does not offer falls back to its own, with a warning.",
)
@click.option(
    "--ui-language",
    metavar="TAG",
    callback=ui_language,
    help="Language of the words the tool adds (headings, labels, dates), a BCP 47 tag: en, cy. "
    "Default: the record's language when a complete catalog exists, else English.",
)
@click.option(
    "--people",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Speaker directory: a ParlaMint listPerson file or a TheyWorkForYou people.json.",
)
@click.option(
    "--max-input-size",
    default="50M",
    show_default=True,
    metavar="SIZE",
    callback=size,
    help="Refuse inputs (files, standard input, @lists) larger than this (K, M, G; 0 for no limit). "
    "Converting takes about 40x an input's size in memory.",
)
@click.option("--split", is_flag=True, help="One briefing per debate (top-level heading) in a day file.")
@click.option(
    "--dump-tree",
    is_flag=True,
    help="Also write each briefing's tree as JSON (NAME.tree.json), for debugging; same as adding -f tree.",
)
@click.option(
    "--strict-tree",
    is_flag=True,
    envvar="DEBATE_EXPORT_STRICT_TREE",
    hidden=True,
    help="Fail on a composing fault in the briefing tree instead of repairing it (for tests).",
)
@click.option(
    "--name", metavar="NAME", help="File name (without extension) for a record read from standard input (-)."
)
@batch_options(
    "Convert only files found in a folder that match (gitignore syntax; repeatable) "
    f"[default: {' '.join(FOLDER_PATTERNS)}].",
    "Worker processes (a single input: processes for its writers and audits, side by side)",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Audit every file written (as `check` does) and fail an input on an error, or on any warning too; "
    "never: audit and report only.",
)
@click.option("--check", "audit", is_flag=True, help="Same as --fail-on error.")
@click.option(
    "--force",
    is_flag=True,
    help="Convert every input, even one whose outputs are up to date (by the output folder's manifest).",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Remove the outputs no input makes any more (their input is gone, or no longer makes them).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only failures.")
@click.option("-v", "--verbose", count=True, help="List every warning (-v), and notes too (-vv).")
@click.option("--debug", is_flag=True, help="Show the traceback of a failure.")
def convert(
    inputs: tuple[str, ...],
    out_dir: Path,
    formats: tuple[str, ...],
    input_format: str,
    style: str,
    summary: str,
    summary_words: int,
    citation: str,
    ui_language: str | None,
    people: Path | None,
    max_input_size: int | None,
    split: bool,
    dump_tree: bool,
    strict_tree: bool,
    name: str | None,
    jobs: int | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    shard: Shard | None,
    report_path: Path | None,
    junit_path: Path | None,
    fail_on: str | None,
    audit: bool,
    force: bool,
    prune: bool,
    quiet: bool,
    verbose: int,
    debug: bool,
) -> None:
    """Convert debate records into briefings.

    INPUT is a file, a folder (walked recursively), @LIST (a file of paths, one a line;
    @- reads them from standard input) or - (one record on standard input).

    A run given a folder or a list keeps a manifest in the output folder, and any run
    into a folder that has one uses it: an input whose outputs are up to date (the same
    bytes, options and version as when they were made) is skipped as unchanged.
    """
    from exporter import batch
    from exporter.batch import inputs as batch_inputs
    from exporter.batch import shards
    from exporter.batch.incremental import Incremental, keeps_manifest
    from exporter.batch.recipe import recipe
    from exporter.batch.work import Settings
    from exporter.cli.progress import Progress
    from exporter.cli.run_batch import default_jobs, drive, usage_problem
    from exporter.pipeline import Job

    chosen_style = _load_style(style, quiet)
    _check_output_folder(out_dir)
    if name is not None and (not name.strip() or "/" in name or os.sep in name or name in (".", "..")):
        raise click.BadParameter("a file name without a folder", param_hint="--name")
    formats = (*formats, "tree") if dump_tree and "tree" not in formats else formats
    job = Job(
        formats=formats,
        input_format=input_format,
        split=split,
        strict_tree=strict_tree,
        read=ReadOptions(people=people, max_input_size=max_input_size),
        compose=ComposeOptions(
            summary=summary, summary_words=summary_words, citation=citation, ui_language=ui_language
        ),
        write=WriteOptions(style=chosen_style),
    )

    def collect() -> batch_inputs.Plan:
        plan = batch_inputs.collect(
            inputs,
            out_dir,
            include=include,
            exclude=exclude,
            name=name,
            stdin=_stdin_bytes(),
            max_input_size=max_input_size,
        )
        problems = batch_inputs.clashes(plan.sources, formats)  # over all shards: each stops alike
        if problems:
            raise batch_inputs.UsageProblem(problems)
        return shards.take(plan, shard) if shard is not None else plan

    policy = fail_on or ("error" if audit else None)

    def start(plan: batch_inputs.Plan, guard: InterruptGuard, events: Progress) -> batch.Run:
        incremental = None
        if keeps_manifest(inputs, out_dir, plan.shard):
            try:
                made_with = recipe(job, policy)
            except OSError as error:  # a file an option names, gone since it was checked
                usage_problem(batch_inputs.UsageProblem([f"cannot read {error.filename}: {error.strerror}"]))
            incremental = Incremental(out_dir, plan.shard, made_with, force=force, prune=prune)
        return batch.convert(
            plan,
            Settings(job, debug=debug),
            jobs=default_jobs(jobs),
            fail_on=policy,
            events=events,
            guard=guard,
            incremental=incremental,
        )

    drive(
        "convert",
        collect,
        start,
        progress=Progress(Stream(sys.stdout), Stream(sys.stderr), quiet=quiet, verbosity=verbose),
        report_path=report_path,
        junit_path=junit_path,
        formats=formats,
        nothing_found="no debate records found",
    )


def _load_style(name_or_path: str, quiet: bool = False, hint: str = "--style") -> Style:
    """The style profile, or a usage error (exit 2) listing each problem with its place."""
    from exporter.diagnostics import Reporter
    from exporter.styles import load_style

    reporter = Reporter()
    try:
        style = load_style(name_or_path, reporter)
    except ExporterError as error:
        lines = error.lines() if isinstance(error, RecordErrors) else [str(error)]
        raise click.BadParameter("\n".join(lines), param_hint=hint) from None
    if not quiet:
        for diagnostic in reporter.diagnostics:
            click.echo(str(diagnostic), err=True)
    return style


def _check_output_folder(out_dir: Path) -> None:
    if os.path.islink(out_dir) and not os.path.exists(out_dir):
        target = os.readlink(out_dir)
        raise click.BadParameter(
            f"{printable(str(out_dir))} is a symbolic link to {printable(target)}, which does not exist; "
            "make that folder or name another",
            param_hint="-o",
        )


def _stdin_bytes() -> BinaryIO | None:
    return getattr(sys.stdin, "buffer", None)


CHECK_EXAMPLES = """
\b
Examples:
  debate-export check briefings/
  debate-export check briefings/*.docx briefings/*.pdf briefings/*.html --junit accessibility.xml
  debate-export check --json --strict briefing.docx > findings.json
  debate-export check --list-rules
"""


@main.command(epilog=CHECK_EXAMPLES)
@click.argument("files", nargs=-1, metavar="FILE|FOLDER...")
@batch_options(
    "Check only files found in a folder that match (gitignore syntax; repeatable) [default: *.docx *.pdf *.html]."
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Fail on an error (the default), on any warning too, or never.",
)
@click.option("--strict", is_flag=True, help="Same as --fail-on warning.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print the findings as JSON: an entry per file, with an "error" for a file that cannot be read.',
)
@click.option("--tips", is_flag=True, help="Also print tips and notes.")
@click.option("-q", "--quiet", is_flag=True, help="Print only failures.")
@click.option("--list-rules", is_flag=True, help="List every rule with its id and severity, and stop.")
def check(
    files: tuple[str, ...],
    jobs: int | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    shard: Shard | None,
    report_path: Path | None,
    junit_path: Path | None,
    fail_on: str | None,
    strict: bool,
    as_json: bool,
    tips: bool,
    quiet: bool,
    list_rules: bool,
) -> None:
    """Audit .docx, PDF and HTML files (or the folders holding them) for accessibility.

    Exits 1 on any error (on warnings too with --strict).
    """
    from exporter import batch, checks
    from exporter.batch import inputs as batch_inputs
    from exporter.batch import shards
    from exporter.batch.work import Settings
    from exporter.cli.progress import Progress
    from exporter.cli.run_batch import default_jobs, drive

    if list_rules:
        for rule_id, severity, summary in checks.rules():
            click.echo(f"{rule_id:<32} {severity.label:<8} {summary}")
        return
    if not files:
        raise click.UsageError("give the files or folders to check, or --list-rules")
    shown = Severity.INFO if tips or as_json else Severity.WARNING
    progress = Progress(
        Stream(sys.stdout),
        Stream(sys.stderr),
        quiet=quiet or as_json,
        verbosity=1,
        shown=shown,
        checking=True,
    )

    def print_json(run: batch.Run) -> None:
        # Every file checked, and every file that could not be: it has its "error", the one
        # line printed on standard error for it, and no findings.
        findings = []
        for entry in run.entries:
            audited = entry.status in ("checked", "failed") and entry.outcome and entry.outcome.findings
            unreadable = entry.status == "failed" and not audited and entry.failure is not None
            if not (audited or unreadable):
                continue
            found: dict[str, Any] = {
                "file": entry.source.display,
                "counts": {s.label: sum(1 for x in entry.diagnostics if x.severity is s) for s in Severity},
                "findings": [x.as_json() for x in entry.diagnostics],
            }
            if unreadable and entry.failure is not None:
                found["error"] = entry.failure.message
            findings.append(found)
        Stream(sys.stdout).write(json.dumps(findings, indent=2) + "\n")

    def collect() -> batch_inputs.Plan:
        plan = batch_inputs.collect(files, Path("."), include=include or ("*.docx", "*.pdf", "*.html"), exclude=exclude)
        return shards.take(plan, shard) if shard is not None else plan

    drive(
        "check",
        collect,
        lambda plan, guard, events: batch.check(
            plan,
            Settings(),
            jobs=default_jobs(jobs),
            fail_on=fail_on or ("warning" if strict else "error"),
            events=events,
            guard=guard,
        ),
        progress=progress,
        report_path=report_path,
        junit_path=junit_path,
        nothing_found="no .docx, PDF or HTML files found",
        after=print_json if as_json else None,
    )


@main.command()
def formats() -> None:
    """List the formats read and written."""
    click.echo("Input formats (told apart by content; --from overrides):")
    for fmt in INPUT_FORMATS:
        click.echo(f"  {fmt.name:<12} {fmt.description}")
    click.echo("Output formats (-f):")
    for out in OUTPUT_FORMATS:
        click.echo(f"  {out.name:<12} {out.description}")


main.add_command(merge_reports)


@main.command()
@click.argument("which", type=click.Choice(["record", "report", "manifest"]), default="record")
def schema(which: str) -> None:
    """Print a JSON Schema: of our debate record format, of the --report file, or of the
    manifest convert keeps in its output folder."""
    if which == "report":
        from exporter.batch import report

        click.echo(json.dumps(report.schema(), indent=2))
    elif which == "manifest":
        from exporter.batch import manifest

        click.echo(json.dumps(manifest.schema(), indent=2))
    else:
        click.echo(json.dumps(record.schema(), indent=2))


STYLES_EXAMPLES = """
\b
Examples:
  debate-export styles                                 list the shipped style profiles
  debate-export styles show large-print                one profile, every setting, as TOML
  debate-export styles show standard > house.toml      start a house style from a profile
  debate-export styles show house.toml                 check a house style and see it resolved
"""


@main.group(invoke_without_command=True, epilog=STYLES_EXAMPLES)
@click.pass_context
def styles(ctx: click.Context) -> None:
    """List the style profiles (one line each), or show one with `styles show NAME`."""
    if ctx.invoked_subcommand is not None:
        return
    from exporter.styles import profiles

    found = profiles()
    width = max(len(profile.name) for profile in found)
    for profile in found:
        click.echo(f"{profile.name:<{width}}  {profile.description}")


@styles.command("show")
@click.argument("name", metavar="NAME|PATH")
def styles_show(name: str) -> None:
    """Print one style profile, or a style file, fully resolved, as TOML."""
    from exporter.styles import to_toml

    click.echo(to_toml(_load_style(name, hint="NAME|PATH")), nl=False)


def run() -> None:
    """The ``debate-export`` program: ``main``, in a process that ends when it returns.

    What a conversion made (a PDF's structure elements and ReportLab's objects refer to each
    other) is freed with the process: the garbage collector's last pass over every object
    at exit, 0.15 s after a sitting day, is skipped (``gc.freeze``)."""
    atexit.register(gc.freeze)
    main(obj=ProgramRun())
