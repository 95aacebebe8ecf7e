"""What is wrong with a record, said where it is wrong: one located line per problem.

JSON Schema validators report a failed ``oneOf`` (an item, a paragraph, a run) as a failure
of every branch; the branch the data meant is the one to report. An item says which it means
by its ``type``; a paragraph or run by its JSON type and keys. A misspelt key is named with the
nearest known key (``unknown key "paragraps" (did you mean "paragraphs"?)``), and the
"required" complaint it causes is not repeated. Values with a form (dates, times, addresses,
language tags) say the form expected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import langcodes

if TYPE_CHECKING:  # jsonschema is imported when a record in our format is read (exporter.record)
    from jsonschema.exceptions import ValidationError

Problem = tuple[str, str]  # (place, message)

_UNIONS = {
    "paragraph": 'a paragraph: a string, or an object with "runs" or "table"',
    "run": 'a run: a string, or an object with "text"',
    "cell": "a table cell: a string or a list of runs",
    "item": "an item with a type: speech, procedural, division or section",
}
_FORMS = {  # a pattern's $defs name or property -> the form expected
    "date": "a date as YYYY-MM-DD (ISO 8601), such as 2022-02-23",
    "time": "a time as HH:MM or HH:MM:SS on the 24-hour clock, such as 09:30",
    "optionalUrl": "a web address starting http:, https:, ftp: or mailto:",
}
_LANG_FIELDS = ("lang", "language")
_TYPE_NAMES = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    list: "list",
    dict: "object",
    type(None): "null",
}


def problems(error: ValidationError, root: dict[str, Any]) -> Iterator[Problem]:
    """Every located problem one top-level validation error stands for."""
    if error.validator == "oneOf" and error.context:
        yield from _union(error, root)
        return
    yield from _simple(error)


def path_of(parts: list[Any]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _place(error: ValidationError) -> str:
    return path_of(list(error.absolute_path)) or "(record)"


def _union(error: ValidationError, root: dict[str, Any]) -> Iterator[Problem]:
    instance = error.instance
    place = _place(error)
    what = _UNIONS.get(_union_name(error, root), "one of the forms allowed here")
    branches: dict[int, list[ValidationError]] = {}
    for sub in error.context or []:
        branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    depth = len(error.absolute_path)

    def mismatched(errors: list[ValidationError]) -> bool:  # the wrong JSON type or item type
        return any(
            (e.validator == "type" and len(e.absolute_path) == depth)
            or (e.validator == "const" and list(e.absolute_path)[depth:] == ["type"])
            for e in errors
        )

    candidates = {index: errors for index, errors in branches.items() if not mismatched(errors)}
    if isinstance(instance, dict) and _is_tagged(branches, depth):
        if "type" not in instance:
            yield place, f'required field "type" is missing: {what.split(": ")[-1]}'
            return
        if not candidates:
            kinds = sorted(
                {str(e.validator_value) for errs in branches.values() for e in errs if e.validator == "const"}
            )
            yield (
                f"{place}.type",
                f"unknown item type {quoted(instance['type'])}{_did_you_mean(str(instance['type']), kinds)}; expected {', '.join(kinds)}",
            )
            return
    if not candidates:
        yield place, f"expected {what}, got {_type_name(instance)}"
        return
    unmet = {
        i: sum(1 for e in errs if e.validator == "required" and len(e.absolute_path) == depth)
        for i, errs in candidates.items()
    }
    if len(candidates) > 1 and all(unmet.values()):
        keys = ", ".join(quoted(k) for k in list(instance)[:8]) if isinstance(instance, dict) else ""
        yield place, f"expected {what}" + (f"; got an object with {keys}" if keys else "")
        return
    chosen = min(candidates, key=lambda i: (unmet[i], len(candidates[i])))
    found: list[Problem] = []
    for sub in candidates[chosen]:
        found.extend(problems(sub, root))
    yield from without_echoes(found)


def _is_tagged(branches: dict[int, list[ValidationError]], depth: int) -> bool:
    """Items are told apart by their ``type``: the branches complain about it when it differs."""
    return any(
        (e.validator == "const" and list(e.absolute_path)[depth:] == ["type"])
        or (e.validator == "required" and "'type'" in e.message)
        for errors in branches.values()
        for e in errors
    )


def _union_name(error: ValidationError, root: dict[str, Any]) -> str:
    for name, definition in root.get("$defs", {}).items():
        if definition is error.schema or definition == error.schema:
            return name
    branches = error.schema.get("oneOf", [])
    if any(b.get("$ref") == "#/$defs/speech" for b in branches):
        return "item"
    if any(b.get("$ref") == "#/$defs/runs" for b in branches):
        return "cell"
    return ""


def without_echoes(found: list[Problem]) -> list[Problem]:
    """Drop "X is missing" where an unknown key in the same object was X misspelt."""
    suggested = {
        (place, m.group(1))
        for place, message in found
        if (m := re.search(r'did you mean "([^"]+)"', message))
    }
    kept = []
    for place, message in found:
        parent, _, key = place.rpartition(".")
        if message == "required field is missing" and (parent or "(record)", key) in suggested:
            continue
        kept.append((place, message))
    return list(dict.fromkeys(kept))


def _simple(error: ValidationError) -> Iterator[Problem]:
    place = _place(error)
    value = error.instance
    kind = error.validator
    if kind == "required":
        missing = str(error.message).split("'")[1]
        yield (f"{path_of(list(error.absolute_path))}.{missing}".lstrip(".")), "required field is missing"
    elif kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        for key in value:
            if key not in known:
                yield place, f"unknown key {quoted(key)}{_did_you_mean(str(key), known)}"
    elif kind == "type":
        expected = error.validator_value
        wanted = " or ".join(expected) if isinstance(expected, list) else str(expected)
        yield place, f"expected {wanted}, got {_type_name(value)}"
    elif kind in ("pattern", "format"):
        yield place, _form_message(error)
    elif kind == "enum":
        choices = [str(c) for c in error.validator_value]
        yield (
            place,
            f"{quoted(value)} is not allowed here{_did_you_mean(str(value), choices)}; expected one of {', '.join(choices)}",
        )
    elif kind == "const":
        yield place, f'expected "{error.validator_value}", got {quoted(value)}'
    elif kind == "minLength":
        yield place, "must not be empty"
    elif kind == "minimum":
        yield place, f"must be {error.validator_value} or more, got {value}"
    else:
        yield place, str(error.message)


def _form_message(error: ValidationError) -> str:
    value = error.instance
    field = str(error.absolute_path[-1]) if error.absolute_path else ""
    if field in _LANG_FIELDS:
        return language_problem(str(value)) or f"{quoted(value)} is not a BCP 47 language tag"
    if field == "date":
        return date_problem(str(value)) or f"{quoted(value)} is not {_FORMS['date']}"
    if error.schema.get("pattern", "").startswith("^([01]"):
        return f"{quoted(value)} is not {_FORMS['time']}"
    if "mailto" in error.schema.get("pattern", ""):
        return f"{quoted(value)} is not {_FORMS['optionalUrl']}"
    return f"{quoted(value)} is not a valid value here"


def date_problem(value: str) -> str | None:
    """Why ``value`` is not a record date, or None when it is one."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            return (
                f"{quoted(value)} is not a real date (there is no month {month}); expected {_FORMS['date']}"
            )
        days = calendar.monthrange(year, month)[1] if year else 31
        if not 1 <= day <= days or not year:
            when = f"{calendar.month_name[month]} {year}"
            return f"{quoted(value)} is not a real date ({when} has {days} days)"
        return None
    return f"{quoted(value)} is not {_FORMS['date']}{_date_guess(value)}"


def _date_guess(value: str) -> str:
    """An ISO form for the date forms that can mean only one day."""
    text = value.strip()
    candidates = []
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if day > 12 >= month:
            candidates.append((year, month, day))
        elif month > 12 >= day:
            candidates.append((year, day, month))
    elif (m := re.fullmatch(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", text)) or (
        m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", text)
    ):
        candidates.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    else:
        for form in ("%d %B %Y", "%A %d %B %Y", "%B %d, %Y", "%d %b %Y"):
            try:
                parsed = dt.datetime.strptime(text.replace(",", ", ").replace("  ", " "), form).date()
            except ValueError:
                continue
            candidates.append((parsed.year, parsed.month, parsed.day))
            break
    for year, month, day in candidates:
        try:
            return f' (did you mean "{dt.date(year, month, day).isoformat()}"?)'
        except ValueError:
            return ""
    return ""


def language_problem(tag: str) -> str | None:
    """Why ``tag`` is not a BCP 47 language tag (RFC 5646, checked by langcodes), or None."""
    if "_" not in tag and langcodes.tag_is_valid(tag):
        return None
    suggestion = ""
    try:
        standard = langcodes.standardize_tag(tag.replace("_", "-"))
    except (langcodes.tag_parser.LanguageTagError, ValueError):
        standard = ""
    if standard and langcodes.tag_is_valid(standard):
        suggestion = f' (did you mean "{standard}"?)'
    return f"{quoted(tag)} is not a BCP 47 language tag{suggestion}; use tags such as en-GB, cy, nb, fr-BE"


def quoted(value: Any, limit: int = 60) -> str:
    """A value from the record as a message shows it: in quotes, cut short when long."""
    text = str(value)
    return f'"{text[:limit]}…"' if len(text) > limit else f'"{text}"'


def _did_you_mean(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if not close:
        close = [k for k in known if k.lower() == word.lower()]
    return f' (did you mean "{close[0]}"?)' if close else ""


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)
