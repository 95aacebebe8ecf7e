"""Quoting members: summary sentences and key points as list items, each linked and cited.

Every quoted sentence is the speaker's own words, every part in its own language (the runs
of the speech it was cut from: a French phrase in a Welsh speech stays tagged French),
followed by their name linked to the speech it comes from and a footnote citing the
official record. Sentences from one speech that sit together in a list are one item with
one link and one footnote, not a footnote each: joined by a space where they follow each
other in the speech, by an ellipsis where the speech has words between them. The link's
description and a note with no citation are the tool's words, in the interface's language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from exporter import document as d
from exporter import model as m
from exporter import summarise
from exporter.compose.front import english
from exporter.compose.inlines import inlines
from exporter.compose.keys import SpeechKeys
from exporter.compose.names import READER_UNKNOWN, speaker_heading, speaker_text
from exporter.compose.proceedings import SpeechSource
from exporter.interface import Interface

GAP = " \u2026 "  # words of the speech left out between two quoted sentences


class Quoting:
    def __init__(
        self,
        debate: m.Debate,
        keys: SpeechKeys,
        source_of: Callable[[m.Speech], SpeechSource],
        ui: Interface,
    ) -> None:
        """``debate`` is keyed (``keys.debate``) and its language resolved: each sentence
        finds its speech by key."""
        self.debate = debate
        self.language = debate.language or ""
        self.keys = keys
        self.source_of = source_of
        self.ui = ui
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
        self, label: d.Text, sentences: Sequence[summarise.SummarySentence], **about: Any
    ) -> tuple[d.ListItem, list[dict[str, Any]]]:
        """One list item that opens with ``label`` (a member's name) in bold ("Lord Bach: "),
        linked to the speech of the first sentence, then the sentences; each further run
        from another speech is linked and cited as in ``items``."""
        ui = self.ui
        runs = _runs(sentences)
        first = self._speech(runs[0][0])
        link = ui.link(
            f"#{self.keys.anchor(first)}",
            (dataclasses.replace(label, strong=True),),
            ui.gettext("Go to the speech by {name}").format(name=label.text),
        )
        opening, _, closing = ui.gettext("{label}: {value}").partition("{value}")
        content: list[d.Inline] = [*ui.mixed(opening, strong=True, label=link)]
        parts: list[dict[str, Any]] = []
        for index, run in enumerate(runs):
            if index:
                content.append(d.Text(" "))
            content.extend(self._quoted(run, linked=index > 0))
            parts.extend({**self._part(sentence), **about} for sentence in run)
        if closing:
            content.append(ui.text(closing))
        return d.ListItem((d.Paragraph(tuple(content), role="summary"),)), parts

    def speaker(self, sentence: summarise.SummarySentence) -> d.Text:
        """The name the sentence is given under: the summariser's, or the tool's words for a
        speaker the record names nobody ("Unknown speaker"), in the interface's language."""
        name = sentence.speaker_name.strip()
        if name and name != READER_UNKNOWN:
            return d.Text(name)
        return speaker_text(self.debate, self._speech(sentence), self.ui)

    def _quoted(self, run: list[summarise.SummarySentence], linked: bool = True) -> tuple[d.Inline, ...]:
        """The sentences of a run, then (when ``linked``) the speaker's name linked to the
        speech, then the footnote citing it."""
        ui = self.ui
        speech = self._speech(run[0])
        content: list[d.Inline] = []
        for index, sentence in enumerate(run):
            if index:
                follows = sentence.order == run[index - 1].order + 1
                content.append(d.Text(" " if follows else GAP))
            content.extend(self._words(sentence))
        if linked:
            name = self.speaker(run[0])
            description = ui.gettext("Go to the speech by {name}").format(name=name.text)
            link = ui.link(f"#{self.keys.anchor(speech)}", (name,), description)
            content += [d.Text(" ("), link, d.Text(")")]
        content.append(d.NoteRef(self._note(speech)))
        return tuple(content)

    def _words(self, sentence: summarise.SummarySentence) -> tuple[d.Inline, ...]:
        """The sentence as the speaker said it, every part in its own language, inside the
        paragraph's or speech's language when that is not the document's."""
        outer = sentence.lang if sentence.lang and sentence.lang != self.language else None

        def placed(text: d.Text) -> d.Text:
            return dataclasses.replace(text, lang=outer) if outer and text.lang is None else text

        quoted: list[d.Inline] = []
        for inline in inlines(sentence.runs or (m.Run(sentence.text),), sentence.lang or self.language):
            if isinstance(inline, d.Text):
                quoted.append(placed(inline))
            elif isinstance(inline, d.Link):
                quoted.append(dataclasses.replace(inline, children=tuple(placed(t) for t in inline.children)))
            else:
                quoted.append(inline)
        return tuple(quoted)

    def _note(self, speech: m.Speech) -> tuple[d.Inline, ...]:
        ui = self.ui
        source = self.source_of(speech)
        if source.citation and source.url:
            description = ui.gettext("Official record: {citation}").format(citation=source.citation)
            return (ui.link(source.url, (english(source.citation, self.language),), description),)
        if source.citation:
            return (english(source.citation, self.language),)
        return ui.mixed(ui.gettext("Speech by {name}"), name=speaker_heading(self.debate, speech, ui))

    def _part(self, sentence: summarise.SummarySentence) -> dict[str, Any]:
        source = self.source_of(self._speech(sentence))
        part = {
            "text": sentence.text,
            "speech": sentence.speech_id,  # its key: the record's id, or the one the composer gave
            "speaker": sentence.speaker_id,
            "speaker_name": self.speaker(sentence).text,
            "citation": source.citation,
            "url": source.url,
        }
        if sentence.lang:
            part["lang"] = sentence.lang
        return part

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
