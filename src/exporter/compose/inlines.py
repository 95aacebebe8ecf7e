"""Model runs to briefing inlines."""

from __future__ import annotations

import re

from exporter import document as d
from exporter import model as m


def inlines(runs: tuple[m.Run, ...], language: str) -> tuple[d.Inline, ...]:
    """Runs become text; runs that carry a URL become links, adjacent ones merged."""
    out: list[d.Inline] = []
    for run in runs:
        text = d.Text(
            run.text,
            emphasis=run.emphasis,
            strong=run.strong,
            superscript=run.superscript,
            lang=run.lang if run.lang and run.lang != language else None,
        )
        if run.link:
            previous = out[-1] if out else None
            if isinstance(previous, d.Link) and previous.target == run.link:
                out[-1] = d.Link(previous.target, previous.children + (text,), previous.description)
            else:
                out.append(d.Link(run.link, (text,)))
        else:
            out.append(text)
    return tuple(out)


def labelled(label: str, value: str) -> tuple[d.Inline, ...]:
    """ "Label: value", with the label in bold (a details line)."""
    return (d.Text(f"{label}: ", strong=True), d.Text(value))


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def filled(template: str, **parts: d.Inline | str) -> tuple[d.Inline, ...]:
    """A sentence of the tool's own words, its ``{name}`` placeholders filled with text or
    with an inline node (a link), so that a whole sentence stays one string to translate:
    ``filled("{title}: opened by {speaker}", title=link, speaker="Lord Bach")``.

    Raises KeyError for a placeholder not given."""
    out: list[d.Inline] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        if match.start() > position:
            out.append(d.Text(template[position : match.start()]))
        part = parts[match.group(1)]
        out.append(d.Text(part) if isinstance(part, str) else part)
        position = match.end()
    if position < len(template):
        out.append(d.Text(template[position:]))
    return _merged(out)


def _merged(inlines_: list[d.Inline]) -> tuple[d.Inline, ...]:
    """Adjacent plain texts joined, so a filled sentence reads as one run."""
    out: list[d.Inline] = []
    for inline in inlines_:
        previous = out[-1] if out else None
        if (
            isinstance(inline, d.Text)
            and isinstance(previous, d.Text)
            and _plain(inline)
            and _plain(previous)
        ):
            out[-1] = d.Text(previous.text + inline.text)
        else:
            out.append(inline)
    return tuple(out)


def _plain(text: d.Text) -> bool:
    return not (text.emphasis or text.strong or text.superscript or text.lang)
