"""Our record format: the debate model as JSON/YAML data, both ways.

``to_dict`` writes the compact form (plain strings where no markup is needed,
defaults left out, keys in a fixed order); ``from_dict`` checks data against the
shipped JSON Schema and the speaker references, reporting every problem with its
place (``sections[2].items[5].speaker``), and only then builds the model.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from importlib.resources import files
from typing import Any

from exporter import model as m
from exporter import parliaments, record_errors
from exporter.errors import InputError, RecordErrors

FORMAT_MARK = "debate-exporter/1"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = files("exporter").joinpath("schemas/debate-record.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


DEFAULT_LANGUAGE = "en-GB"  # a record that names no language (README, schema)


# --- model -> data ---------------------------------------------------------------


def to_dict(debate: m.Debate) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT_MARK}
    if debate.title.strip():
        data["title"] = debate.title  # an untitled sitting has none
    _put(data, "date", debate.date.isoformat() if debate.date else None)
    for key in ("house", "location", "chair", "department", "profile", "bill", "committee"):
        _put(data, key, getattr(debate, key))
    if debate.language:
        data["language"] = debate.language
    source = {k: v for k, v in vars(debate.source).items() if v is not None and v is not False}
    if source:
        data["source"] = source
    if debate.summary:
        data["summary"] = [_paragraph_out(p) for p in debate.summary]
    data["speakers"] = [
        {k: v for k, v in vars(speaker).items() if v is not None} for speaker in debate.speakers
    ]
    data["sections"] = [_section_out(section, top=True) for section in debate.sections]
    return data


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        data[key] = value


def _section_out(section: m.Section, top: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {} if top else {"type": "section"}
    if section.title:
        data["title"] = section.title  # an unnamed section has none
    for key in ("id", "chair", "time", "column", "url"):
        _put(data, key, getattr(section, key))
    data["items"] = [_item_out(item) for item in section.items]
    return data


def _item_out(item: m.Item) -> dict[str, Any]:
    if isinstance(item, m.Section):
        return _section_out(item)
    if isinstance(item, m.Speech):
        data: dict[str, Any] = {"type": "speech"}
        for key in ("id", "speaker", "label"):
            _put(data, key, getattr(item, key))
        if item.kind is not m.SpeechKind.SPEECH:
            data["kind"] = item.kind.value
        for key in ("role", "time", "column", "url", "lang", "number"):
            _put(data, key, getattr(item, key))
        if item.chair:
            data["chair"] = True
        if item.guest:
            data["guest"] = True
        data["paragraphs"] = [_block_out(b) for b in item.paragraphs]
        return data
    if isinstance(item, m.Procedural):
        data = {"type": "procedural", "kind": item.kind.value}
        for key in ("id", "time", "column", "url"):
            _put(data, key, getattr(item, key))
        data["paragraphs"] = [_block_out(b) for b in item.paragraphs]
        return data
    if isinstance(item, m.Division):
        data = {"type": "division"}
        for key in ("id", "number", "time", "column", "url"):
            _put(data, key, getattr(item, key))
        if item.description:
            data["description"] = [_block_out(b) for b in item.description]
        data["counts"] = [{"side": c.side, "value": c.value} for c in item.counts]
        if item.votes:
            data["votes"] = [_vote_out(v) for v in item.votes]
        return data
    raise TypeError(f"unknown item {type(item).__name__}")


def _vote_out(vote: m.Vote) -> dict[str, Any]:
    data: dict[str, Any] = {"name": vote.name, "side": vote.side}
    _put(data, "speaker", vote.speaker)
    if vote.teller:
        data["teller"] = True
    _put(data, "proxy", vote.proxy)
    return data


def _block_out(block: m.Block) -> Any:
    if isinstance(block, m.Paragraph):
        return _paragraph_out(block)
    if isinstance(block, m.ListBlock):
        items = []
        for item in block.items:
            entry: dict[str, Any] = {}
            _put(entry, "label", item.label)
            entry["paragraphs"] = [_paragraph_out(p) for p in item.paragraphs]
            items.append(entry)
        listed: dict[str, Any] = {"items": items}
        if block.ordered:
            listed["ordered"] = True
        return {"list": listed}
    return {"table": _table_out(block)}


def _table_out(block: m.Table) -> dict[str, Any]:
    table: dict[str, Any] = {
        "rows": [
            [_cell_out(cell, index < block.header_rows) for cell in row]
            for index, row in enumerate(block.rows)
        ]
    }
    if block.header_rows:
        table["header_rows"] = block.header_rows
    _put(table, "caption", block.caption)
    return table


def _cell_out(cell: m.TableCell, in_header_row: bool) -> Any:
    """A string or runs when that says it all, else an object with only what differs from
    the defaults (one column, one row, a header of its column in a header row)."""
    default = m.HeaderScope.COLUMN if in_header_row else None
    if len(cell.paragraphs) <= 1 and cell.colspan == cell.rowspan == 1 and cell.header is default:
        if not cell.paragraphs:
            return ""
        only = cell.paragraphs[0]
        if only.style is m.ParagraphStyle.BODY and only.lang is None and only.runs:
            return _runs_out(only.runs)
    data: dict[str, Any] = {}
    if len(cell.paragraphs) == 1 and cell.paragraphs[0] == m.Paragraph(cell.paragraphs[0].runs):
        runs = _runs_out(cell.paragraphs[0].runs)
        data["text" if isinstance(runs, str) else "runs"] = runs
    elif cell.paragraphs:
        data["paragraphs"] = [_paragraph_out(p) for p in cell.paragraphs]
    if cell.colspan != 1:
        data["colspan"] = cell.colspan
    if cell.rowspan != 1:
        data["rowspan"] = cell.rowspan
    if cell.header is not default:
        data["header"] = cell.header.value if cell.header else "none"
    return data


def _paragraph_out(paragraph: m.Paragraph) -> Any:
    runs = _runs_out(paragraph.runs)
    if isinstance(runs, str) and paragraph.style is m.ParagraphStyle.BODY and paragraph.lang is None:
        return runs
    data: dict[str, Any] = {"runs": [runs] if isinstance(runs, str) else runs}
    if paragraph.style is not m.ParagraphStyle.BODY:
        data["style"] = paragraph.style.value
    _put(data, "lang", paragraph.lang)
    return data


def _runs_out(runs: tuple[m.Run, ...]) -> Any:
    """A plain string for one unmarked run, else a list of runs."""
    if len(runs) == 1 and _is_plain(runs[0]):
        return runs[0].text
    return [run.text if _is_plain(run) else _run_out(run) for run in runs]


def _is_plain(run: m.Run) -> bool:
    return run == m.Run(run.text)


def _run_out(run: m.Run) -> dict[str, Any]:
    data: dict[str, Any] = {"text": run.text}
    for key in ("emphasis", "strong", "superscript"):
        if getattr(run, key):
            data[key] = True
    _put(data, "link", run.link)
    _put(data, "lang", run.lang)
    return data


# --- data -> model ---------------------------------------------------------------


def from_dict(data: Any, source: str) -> m.Debate:
    """Check ``data`` and build the debate, or raise every problem found at once."""
    if isinstance(data, dict) and isinstance(data.get("date"), dt.date):
        data = {**data, "date": data["date"].isoformat()}  # a YAML 1.1 loader reads dates as dates
    problems = [InputError(message, source, place) for place, message in _schema_problems(data)]
    # every problem at once: references and language tags too, wherever the data has the shape
    # to check them, in the order of their places in the record
    schema_places = {problem.location for problem in problems}
    problems += [
        problem
        for problem in _reference_errors(data, source) + _language_errors(data, source)
        if problem.location not in schema_places
    ]
    if problems:
        raise RecordErrors(sorted(problems, key=lambda problem: _sort_key(problem.location or "")))
    return _debate_in(data)


def _schema_problems(data: Any) -> list[tuple[str, str]]:
    # jsonschema is imported here, when a record in our format is read: importing it takes
    # longer than reading a sitting day, and most inputs are in other formats
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    found: list[tuple[str, str]] = []
    for error in validator.iter_errors(data):
        found.extend(record_errors.problems(error, schema()))
    return sorted(record_errors.without_echoes(found), key=lambda problem: _sort_key(problem[0]))


def _sort_key(place: str) -> list[Any]:
    """Places in reading order: ``items[10]`` after ``items[9]``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"\[(\d+)\]", place)]


def _language_errors(data: dict[str, Any], source: str) -> list[InputError]:
    """Language tags that match the schema's pattern but are not BCP 47 (RFC 5646)."""
    problems = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                place = f"{path}.{key}" if path else str(key)
                if key in ("lang", "language") and isinstance(value, str):
                    problem = record_errors.language_problem(value)
                    if problem:
                        problems.append(InputError(problem, source, place))
                else:
                    stack.append((value, place))
        elif isinstance(node, list):
            stack.extend((value, f"{path}[{index}]") for index, value in enumerate(node))
    return sorted(problems, key=lambda problem: _sort_key(problem.location or ""))


def _reference_errors(data: dict[str, Any], source: str) -> list[InputError]:
    """Speaker ids given twice, speeches naming no listed speaker, an unknown profile: checked
    on whatever parts of the record have the shape the schema asks, so that they are found
    with its problems, not after they are mended."""
    known: set[str] = set()
    problems: list[InputError] = []
    speakers = data.get("speakers")
    # a speaker list the schema refused cannot tell which references are wrong
    speakers_given = speakers is None or (
        isinstance(speakers, list) and all(isinstance(s, dict) and isinstance(s.get("id"), str) for s in speakers)
    )
    for index, speaker in enumerate(speakers if isinstance(speakers, list) else []):
        if not isinstance(speaker, dict) or not isinstance(speaker.get("id"), str):
            continue
        if speaker["id"] in known:
            problems.append(
                InputError(
                    f"speaker id {record_errors.quoted(speaker['id'])} is used twice",
                    source,
                    f"speakers[{index}].id",
                )
            )
        known.add(speaker["id"])

    def visit(items: Any, path: str) -> None:
        for index, item in enumerate(items if isinstance(items, list) else []):
            place = f"{path}.items[{index}]"
            if not isinstance(item, dict):
                continue
            if item.get("type") == "section":
                visit(item.get("items"), place)
            elif (
                item.get("type") == "speech"
                and isinstance(item.get("speaker"), str)
                and speakers_given
                and item["speaker"] not in known
            ):
                problems.append(
                    InputError(
                        f"no speaker {record_errors.quoted(item['speaker'])}", source, f"{place}.speaker"
                    )
                )

    sections = data.get("sections")
    for index, section in enumerate(sections if isinstance(sections, list) else []):
        if isinstance(section, dict):
            visit(section.get("items"), f"sections[{index}]")
    profile = data.get("profile")
    if isinstance(profile, str) and not parliaments.is_known(profile):
        names = ", ".join(parliaments.keys())
        problems.append(InputError(f'no parliament profile "{profile}" (known: {names})', source, "profile"))
    return problems


def _debate_in(data: dict[str, Any]) -> m.Debate:
    return m.Debate(
        title=_title_in(data.get("title", "")),
        date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
        house=data.get("house"),
        location=data.get("location"),
        chair=data.get("chair"),
        department=data.get("department"),
        language=data.get("language", DEFAULT_LANGUAGE),
        source=m.Source(**data.get("source", {})),
        summary=tuple(_paragraph_in(p) for p in data.get("summary", [])),
        speakers=tuple(m.Speaker(**s) for s in data.get("speakers", [])),
        sections=tuple(_section_in(s) for s in data["sections"]),
        profile=data.get("profile"),
        bill=data.get("bill"),
        committee=data.get("committee"),
    )


def _title_in(title: str) -> str:
    """The sitting's title; "" for none, or one of white space alone (the model's "untitled")."""
    return title if title.strip() else ""


def _section_in(data: dict[str, Any]) -> m.Section:
    return m.Section(
        title=data.get("title", ""),
        items=tuple(_item_in(item) for item in data["items"]),
        **{k: data.get(k) for k in ("id", "chair", "time", "column", "url")},
    )


def _item_in(data: dict[str, Any]) -> m.Item:
    kind = data["type"]
    if kind == "section":
        return _section_in(data)
    common = {k: data.get(k) for k in ("id", "time", "column", "url")}
    if kind == "speech":
        return m.Speech(
            speaker=data.get("speaker"),
            paragraphs=tuple(_block_in(b) for b in data["paragraphs"]),
            kind=m.SpeechKind(data.get("kind", "speech")),
            label=data.get("label"),
            role=data.get("role"),
            lang=data.get("lang"),
            number=data.get("number"),
            chair=bool(data.get("chair", False)),
            guest=bool(data.get("guest", False)),
            **common,
        )
    if kind == "procedural":
        return m.Procedural(
            paragraphs=tuple(_block_in(b) for b in data["paragraphs"]),
            kind=m.ProceduralKind(data.get("kind", "other")),
            **common,
        )
    return m.Division(
        counts=tuple(m.Count(c["side"], c["value"]) for c in data["counts"]),
        votes=tuple(
            m.Vote(v["name"], v["side"], v.get("speaker"), v.get("teller", False), v.get("proxy"))
            for v in data.get("votes", [])
        ),
        number=data.get("number"),
        description=tuple(_block_in(b) for b in data.get("description", [])),
        **common,
    )


def _block_in(data: Any) -> m.Block:
    if isinstance(data, dict) and "list" in data:
        listed = data["list"]
        return m.ListBlock(
            items=tuple(
                m.ListEntry(tuple(_paragraph_in(p) for p in item["paragraphs"]), item.get("label"))
                for item in listed["items"]
            ),
            ordered=listed.get("ordered", False),
        )
    if isinstance(data, dict) and "table" in data:
        return _table_in(data["table"])
    return _paragraph_in(data)


def _table_in(table: dict[str, Any]) -> m.Table:
    header_rows = table.get("header_rows", 0)
    return m.Table(
        rows=tuple(
            tuple(_cell_in(cell, index < header_rows) for cell in row)
            for index, row in enumerate(table["rows"])
        ),
        header_rows=header_rows,
        caption=table.get("caption"),
    )


def _cell_in(data: Any, in_header_row: bool) -> m.TableCell:
    """A cell: a string (empty: an empty cell), runs, or an object; cells of a header row
    are headers of their column unless they say otherwise."""
    default = m.HeaderScope.COLUMN if in_header_row else None
    paragraphs: tuple[m.Paragraph, ...] = ()
    if not isinstance(data, dict):
        runs = _runs_in(data)
        if any(run.text for run in runs):
            paragraphs = (m.Paragraph(runs),)
        return m.TableCell(paragraphs, header=default)
    if "paragraphs" in data:
        paragraphs = tuple(_paragraph_in(p) for p in data["paragraphs"])
        if not any(p.text for p in paragraphs):
            paragraphs = ()  # paragraphs with no text: an empty cell, as "" is
    elif "text" in data or "runs" in data:
        runs = _runs_in(data.get("text", data.get("runs")))
        if any(run.text for run in runs):
            paragraphs = (m.Paragraph(runs),)
    header = data.get("header")
    return m.TableCell(
        paragraphs,
        colspan=data.get("colspan", 1),
        rowspan=data.get("rowspan", 1),
        header=default if header is None else (None if header == "none" else m.HeaderScope(header)),
    )


def _paragraph_in(data: Any) -> m.Paragraph:
    if isinstance(data, str):
        return m.Paragraph(_runs_in(data))
    return m.Paragraph(
        _runs_in(data["runs"]),
        style=m.ParagraphStyle(data.get("style", "body")),
        lang=data.get("lang"),
    )


def _runs_in(data: Any) -> tuple[m.Run, ...]:
    if isinstance(data, str):
        return (m.Run(data),)
    return tuple(m.Run(run) if isinstance(run, str) else m.Run(**run) for run in data)
