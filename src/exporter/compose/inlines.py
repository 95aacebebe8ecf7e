"""Model runs to briefing inlines."""

from __future__ import annotations

import dataclasses

from exporter import document as d
from exporter import model as m
from exporter.interface import Interface
from exporter.language import tags


def inlines(runs: tuple[m.Run, ...], language: str) -> tuple[d.Inline, ...]:
    """Runs become text; runs that carry a URL become links, adjacent ones merged.
    ``language`` is the language the runs sit in: a run in another is tagged."""
    out: list[d.Inline] = []
    for run in runs:
        text = d.Text(
            run.text,
            emphasis=run.emphasis,
            strong=run.strong,
            superscript=run.superscript,
            lang=run.lang if run.lang and not _same(run.lang, language) else None,
        )
        if run.link:
            previous = out[-1] if out else None
            if isinstance(previous, d.Link) and previous.target == run.link:
                out[-1] = dataclasses.replace(previous, children=previous.children + (text,))
            else:
                out.append(d.Link(run.link, (text,)))
        else:
            out.append(text)
    return tuple(out)


def _same(a: str, b: str) -> bool:
    return a == b or tags.standard(a) == tags.standard(b)


def labelled(ui: Interface, label: str, value: str | d.Inline) -> tuple[d.Inline, ...]:
    """ "Label: value", with the label (already translated) in bold (a details line); a
    ``str`` value is the record's, an inline (a tagged text, a link) is kept as it is."""
    line = ui.gettext("{label}: {value}")
    before, _, after = line.partition("{value}")
    pieces: list[d.Inline] = [ui.text(before.replace("{label}", label), strong=True)]
    pieces.append(d.Text(value) if isinstance(value, str) else value)
    if after:
        pieces.append(ui.text(after))
    return tuple(pieces)


def shared_lang(children: tuple[d.Inline, ...]) -> str | None:
    """The language every text of ``children`` is tagged with, if they all share one."""
    langs = {
        child.lang if isinstance(child, d.Text) else None for child in children if d.plain_text((child,))
    }
    return langs.pop() if len(langs) == 1 else None
