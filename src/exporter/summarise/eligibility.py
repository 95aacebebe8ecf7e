"""Whether a sentence may stand in a summary, and if not, why not.

Each candidate sentence gets one label, in the order of tests/data/summarise/LABELLING.md:
``stage_direction``, ``stem``, ``procedure``, ``courtesy``, ``fragment``, ``dependent`` or
``substantive``. Only substantive sentences are ever chosen. The judgement uses the sentence
and what the record says of its place (``Context``), never the rest of the debate, so it can be
measured on a labelled set of sentences stored with their contexts
(``benchmarks/summary_labels.py report``).
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter.language.segment import count_words
from exporter.summarise import form, procedural

LABELS = ("substantive", "procedure", "courtesy", "stem", "stage_direction", "fragment", "dependent")


@dataclass(frozen=True)
class Context:
    """A sentence and what the record says of its place."""

    text: str
    previous: str | None  # the sentence before it in the same speech, if any
    paragraph_start: bool  # the first sentence of its paragraph
    speech_kind: str  # exporter.model.SpeechKind value
    printed_question: bool  # the speech carries a printed question number (oral-qnum)
    chair: bool  # the speaker was in the chair
    final_stops: bool  # the record ends most of its paragraphs with terminal punctuation
    language: str = ""  # BCP 47: the sentence's (its paragraph's, speech's, else the record's)


def judge(context: Context) -> str:
    """The sentence's label: "substantive" when it may be quoted in a summary."""
    text = context.text
    if form.is_stage_direction(text):
        return "stage_direction"
    if form.is_stem(text, context.previous, context.printed_question):
        return "stem"
    if context.speech_kind == "point_of_order":
        return "procedure"
    found = procedural.kind(text, context.language)
    if found is not None:
        return found
    if context.chair and not procedural.frames(text):
        return "procedure"
    if form.is_fragment(text, context.final_stops):
        return "fragment"
    bare = procedural.stripped(text)
    if form.is_dependent(bare, text, count_words(bare)):
        return "dependent"
    return "substantive"
