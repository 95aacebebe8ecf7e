"""Quoting members: summary sentences and key points as list items, each linked and cited.

Every quoted sentence is the speaker's own words, followed by their name linked to the
speech it comes from and a footnote citing the official record. Sentences from one speech
that sit together in a list are one item with one link and one footnote, not a footnote
each: joined by a space where they follow each other in the speech, by an ellipsis where
the speech has words between them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from exporter import document as d
from exporter import model as m
from exporter import summarise
from exporter.compose.keys import SpeechKeys
from exporter.compose.names import speaker_name
from exporter.compose.proceedings import SpeechSource

GAP = " \u2026 "  # words of the speech left out between two quoted sentences


class Quoting:
    def __init__(
        self, debate: m.Debate, keys: SpeechKeys, source_of: Callable[[m.Speech], SpeechSource]
    ) -> None:
        """``debate`` is keyed (``keys.debate``): each sentence finds its speech by key."""
        self.debate = debate
        self.keys = keys
        self.source_of = source_of
        self.by_key = {speech.id: speech for speech in m.speeches(debate)}

    def items(
        self, sentences: Sequence[summarise.SummarySentence], **about: Any
    ) -> tuple[list[d.ListItem], list[dict[str, Any]]]:
        """One list item per run of sentences from one speech, in the order given, and one
        part (for ``-f json``) per sentence, each with ``about`` added."""
        items: list[d.ListItem] = []
        parts: list[dict[str, Any]] = []
        for run in _runs(sentences):
            items.append(d.ListItem((d.Paragraph(self._quoted(run), role="summary"),)))
            parts.extend({**self._part(sentence), **about} for sentence in run)
        return items, parts

    def item(
        self, label: str, sentences: Sequence[summarise.SummarySentence], **about: Any
    ) -> tuple[d.ListItem, list[dict[str, Any]]]:
        """One list item that opens with ``label`` in bold ("Lord Bach: "), linked to the
        speech of the first sentence, then the sentences; each further run from another
        speech is linked and cited as in ``items``."""
        runs = _runs(sentences)
        first = self._speech(runs[0][0])
        link = d.Link(
            f"#{self.keys.anchor(first)}",
            (d.Text(label, strong=True),),
            description=f"Go to the speech by {label}",
        )
        content: list[d.Inline] = [link, d.Text(": ", strong=True)]
        parts: list[dict[str, Any]] = []
        for index, run in enumerate(runs):
            if index:
                content.append(d.Text(" "))
            content.extend(self._quoted(run, linked=index > 0))
            parts.extend({**self._part(sentence), **about} for sentence in run)
        return d.ListItem((d.Paragraph(tuple(content), role="summary"),)), parts

    def _quoted(self, run: list[summarise.SummarySentence], linked: bool = True) -> tuple[d.Inline, ...]:
        """The sentences of a run, then (when ``linked``) the speaker's name linked to the
        speech, then the footnote citing it."""
        speech = self._speech(run[0])
        content: list[d.Inline] = []
        for index, sentence in enumerate(run):
            if index:
                follows = sentence.order == run[index - 1].order + 1
                content.append(d.Text(" " if follows else GAP))
            lang = sentence.lang if sentence.lang != self.debate.language else None
            content.append(d.Text(sentence.text, lang=lang))
        name = run[0].speaker_name
        if linked:
            link = d.Link(
                f"#{self.keys.anchor(speech)}", (d.Text(name),), description=f"Go to the speech by {name}"
            )
            content += [d.Text(" ("), link, d.Text(")")]
        content.append(d.NoteRef(self._note(speech)))
        return tuple(content)

    def _note(self, speech: m.Speech) -> tuple[d.Inline, ...]:
        source = self.source_of(speech)
        if source.citation and source.url:
            description = f"Official record: {source.citation}"
            return (d.Link(source.url, (d.Text(source.citation),), description=description),)
        return (d.Text(source.citation or f"Speech by {speaker_name(self.debate, speech)}"),)

    def _part(self, sentence: summarise.SummarySentence) -> dict[str, Any]:
        source = self.source_of(self._speech(sentence))
        return {
            "text": sentence.text,
            "speech": self.keys.record_id(sentence.speech_id),
            "speaker": sentence.speaker_id,
            "speaker_name": sentence.speaker_name,
            "citation": source.citation,
            "url": source.url,
        }

    def _speech(self, sentence: summarise.SummarySentence) -> m.Speech:
        return self.by_key[sentence.speech_id]


def _runs(sentences: Sequence[summarise.SummarySentence]) -> list[list[summarise.SummarySentence]]:
    runs: list[list[summarise.SummarySentence]] = []
    for sentence in sentences:
        if runs and runs[-1][-1].speech_id == sentence.speech_id:
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    return runs
