"""Model runs to briefing inlines."""

from __future__ import annotations

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
