"""The ``debate-export`` command: parse options, run the library, map errors to exit codes.

This is the only module that prints or exits.
"""

from __future__ import annotations

import atexit
import gc
import json
import sys
from pathlib import Path

import click

from exporter import __version__, record
from exporter.citations import STYLES as CITATION_STYLES
from exporter.diagnostics import Severity
from exporter.errors import ExitStatus, ExporterError, RecordErrors
from exporter.formats import INPUT_FORMATS, OUTPUT_FORMATS
from exporter.options import ComposeOptions, ReadOptions, Style, WriteOptions

CONVERT_EXAMPLES = """
\b
Examples:
  debate-export convert samples/ -o briefings/
  debate-export convert westminster2009-10-28a.xml -f docx,pdf,html,json --split
  debate-export convert debate.json --from native --style large-print
  debate-export convert lords.xml --people people.json --citation short
"""

MAIN_HELP = """Turn parliamentary debate records into accessible briefings (Word, PDF/UA and HTML).

\b
Examples:
  debate-export convert samples/ -o briefings/     make briefings of every record in samples/
  debate-export check briefings/*.docx              audit briefings for accessibility
  debate-export formats                             list the input and output formats
  debate-export styles show dyslexia                print a style profile, fully resolved, as TOML
  debate-export schema > debate-record.schema.json  the JSON Schema of our record format
"""


@click.group(help=MAIN_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="debate-export")
def main() -> None:
    pass


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    known = {f.name for f in OUTPUT_FORMATS}
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise click.BadParameter(f"{', '.join(unknown) or value!r}: choose from {', '.join(sorted(known))}")
    return names


@main.command(epilog=CONVERT_EXAMPLES)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder for the briefings (made if missing).",
)
@click.option(
    "-f",
    "--format",
    "formats",
    default="docx,pdf",
    show_default=True,
    callback=_formats,
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
    callback=lambda _ctx, _param, value: _ui_language(value),
    help="Language of the words the tool adds (headings, labels, dates), a BCP 47 tag: en, cy. "
    "Default: the record's language when a complete catalog exists, else English.",
)
@click.option(
    "--people",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Speaker directory: a ParlaMint listPerson file or a TheyWorkForYou people.json.",
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
    "--check", "audit", is_flag=True, help="Audit each briefing written; an input fails on any error."
)
@click.option("-q", "--quiet", is_flag=True, help="Print only failures.")
@click.option("-v", "--verbose", count=True, help="Print warnings (-v) and notes (-vv).")
@click.option("--debug", is_flag=True, help="Show the traceback of a failure.")
def convert(
    inputs: tuple[Path, ...],
    out_dir: Path,
    formats: tuple[str, ...],
    input_format: str,
    style: str,
    summary: str,
    summary_words: int,
    citation: str,
    ui_language: str | None,
    people: Path | None,
    split: bool,
    dump_tree: bool,
    strict_tree: bool,
    audit: bool,
    quiet: bool,
    verbose: int,
    debug: bool,
) -> None:
    """Convert debate records (files or folders) into briefings."""
    from exporter import batch
    from exporter.pipeline import Job

    chosen_style = _load_style(style, quiet)
    job = Job(
        formats=(*formats, "tree") if dump_tree and "tree" not in formats else formats,
        input_format=input_format,
        split=split,
        check=audit,
        strict_tree=strict_tree,
        read=ReadOptions(people=people),
        compose=ComposeOptions(
            summary=summary, summary_words=summary_words, citation=citation, ui_language=ui_language
        ),
        write=WriteOptions(style=chosen_style),
    )
    threshold = Severity.INFO if verbose >= 2 else Severity.WARNING

    def on_result(result: batch.Result) -> None:
        if not quiet:
            for path in result.written:
                click.echo(f"{result.source} -> {path}")
        if verbose:
            for diagnostic in result.diagnostics:
                if diagnostic.severity >= threshold:
                    click.echo(str(diagnostic), err=True)

    def on_failure(failure: batch.Failure) -> None:
        _print_error(failure.error)

    report = batch.run(inputs, out_dir, job, on_result, on_failure, debug=debug)
    if not quiet and len(report.results) + len(report.failures) > 1:
        click.echo(f"{len(report.results)} converted, {len(report.failures)} failed", err=True)
    sys.exit(ExitStatus.OK if report.ok else ExitStatus.FAILED)


def _ui_language(value: str | None) -> str | None:
    """``--ui-language``: a BCP 47 tag with an interface catalog (draft or complete)."""
    if value is None:
        return None
    from exporter.interface import shipped as shipped_catalogs
    from exporter.language import tags

    tag = tags.standard(value)
    shipped = shipped_catalogs()
    if tag is None or tags.primary(tag) not in shipped:
        known = ", ".join(f"{c.language}{'' if c.complete else ' (draft)'}" for c in shipped.values())
        raise click.BadParameter(f"{value!r}: no interface catalog for it; choose from {known}")
    return shipped[tags.primary(tag)].language


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


def _print_error(error: ExporterError) -> None:
    lines = error.lines() if isinstance(error, RecordErrors) else [str(error)]
    for line in lines:
        click.echo(f"error: {line}", err=True)


CHECK_EXAMPLES = """
\b
Examples:
  debate-export check briefings/*.docx briefings/*.pdf briefings/*.html
  debate-export check --json --strict briefing.docx > findings.json
  debate-export check --list-rules
"""


@main.command(epilog=CHECK_EXAMPLES)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--tips", is_flag=True, help="Also print tips and notes.")
@click.option("--list-rules", is_flag=True, help="List every rule with its id and severity, and stop.")
def check(files: tuple[Path, ...], as_json: bool, strict: bool, tips: bool, list_rules: bool) -> None:
    """Audit .docx, PDF and HTML files for accessibility (exit 1 on any error)."""
    from exporter import checks

    if list_rules:
        for rule_id, severity, summary in checks.rules():
            click.echo(f"{rule_id:<32} {severity.label:<8} {summary}")
        return
    if not files:
        raise click.UsageError("give the files to check, or --list-rules")
    failed = False
    findings = []
    shown = Severity.INFO if tips or as_json else Severity.WARNING
    for path in files:
        try:
            diagnostics = checks.check(path.read_bytes(), str(path))
        except OSError as err:
            click.echo(f"error: {path}: cannot read: {err.strerror or err}", err=True)
            failed = True
            continue
        except ExporterError as error:
            _print_error(error)
            failed = True
            continue
        worst = max((x.severity for x in diagnostics), default=Severity.INFO)
        if worst >= Severity.ERROR or (strict and worst >= Severity.WARNING):
            failed = True
        counts = {s.label: sum(1 for x in diagnostics if x.severity is s) for s in Severity}
        if as_json:
            findings.append(
                {"file": str(path), "counts": counts, "findings": [x.as_json() for x in diagnostics]}
            )
            continue
        for diagnostic in diagnostics:
            if diagnostic.severity >= shown:
                click.echo(str(diagnostic))
        click.echo(f"{path}: {counts['error']} errors, {counts['warning']} warnings, {counts['tip']} tips")
    if as_json:
        click.echo(json.dumps(findings, indent=2))
    sys.exit(ExitStatus.FAILED if failed else ExitStatus.OK)


@main.command()
def formats() -> None:
    """List the formats read and written."""
    click.echo("Input formats (told apart by content; --from overrides):")
    for fmt in INPUT_FORMATS:
        click.echo(f"  {fmt.name:<12} {fmt.description}")
    click.echo("Output formats (-f):")
    for out in OUTPUT_FORMATS:
        click.echo(f"  {out.name:<12} {out.description}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of our debate record format."""
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
    main()
