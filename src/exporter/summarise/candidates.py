"""The sentences a summary may quote, each tied to the speech it comes from.

Only members' own words are candidates: body paragraphs of speeches with a speaker, never
quoted matter (it is someone else's words), motion text, tables, or procedural items. Of
the chair's words only the sentences that frame the sitting ("the committee is meeting today
to question ministers") are candidates: the rest keep order. Each candidate is verbatim, a slice of one paragraph of its speech.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from exporter import parliaments
from exporter.language.segment import OTHER_TERMINATORS, count_words
from exporter.model import Debate, Paragraph, ParagraphStyle, Run, Section, Speaker, Speech, SpeechKind
from exporter.summarise import roles
from exporter.summarise.eligibility import Context, judge
from exporter.summarise.sentences import split


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of a summary or key point, quoted from a speech."""

    text: str  # verbatim from the speech
    speech_id: str | None
    speaker_id: str | None
    speaker_name: str  # for display
    order: int  # position of the sentence in the debate; summaries are sorted by it
    speech_index: int  # index of the speech in exporter.model.speeches(debate)
    column: str | None = None  # the speech's column as printed, for citations
    time: str | None = None
    url: str | None = None
    lang: str | None = None  # BCP 47, when the paragraph or speech is in another language
    runs: tuple[Run, ...] = ()  # the paragraph's runs cut to the sentence: its inline languages


@dataclass(frozen=True)
class Candidate:
    sentence: SummarySentence
    words: int
    procedural: bool  # procedure or courtesy: counted, never picked
    position_in_speech: int  # 0 for a speech's first sentence
    section: int  # index of the innermost section holding the speech
    speech_kind: str
    chair: bool
    minister: bool
    context: Context
    label: str  # exporter.summarise.eligibility's judgement: "substantive" may be picked


def collect(debate: Debate) -> list[Candidate]:
    """Every sentence of every member's speech, in debate order."""
    found: list[Candidate] = []
    speakers = {speaker.id: speaker for speaker in debate.speakers}
    located = _speeches_in_sections(debate)
    stops = final_stops(speech for speech, _, _ in located)
    profile = parliaments.profile_of(debate)  # the chair's and ministers' offices in its language
    for index, (speech, section_index, chair_note) in enumerate(located):
        speaker = speakers.get(speech.speaker) if speech.speaker is not None else None
        chair_notes = (debate.chair, chair_note)
        found.extend(
            _speech_candidates(
                speaker, speech, index, section_index, chair_notes, profile, len(found), stops, debate.language
            )
        )
    return found


_POINTS_OF_ORDER = re.compile(r"^\s*points?\s+of\s+order\s*$", re.IGNORECASE)
_TERMINAL = ".?!…" + "".join(sorted(OTHER_TERMINATORS))  # every script's (Chinese 。, the danda)
_CLOSING = "'\"”’)]」』）"


def final_stops(speeches: Iterable[Speech]) -> bool:
    """Whether the record ends most of its body paragraphs with terminal punctuation. Some
    (ParlaMint-GB) never do: there a missing full stop says nothing about a sentence."""
    ended = total = 0
    for speech in speeches:
        for block in speech.paragraphs:
            if isinstance(block, Paragraph) and block.style is ParagraphStyle.BODY:
                text = block.text.rstrip().rstrip(_CLOSING)
                if text:
                    total += 1
                    ended += text[-1] in _TERMINAL
    return total == 0 or ended * 2 >= total


def _speech_candidates(
    speaker: Speaker | None,
    speech: Speech,
    speech_index: int,
    section_index: int,
    chair_notes: tuple[str | None, ...],
    profile: parliaments.Profile,
    order_start: int,
    stops: bool,
    language: str | None,
) -> list[Candidate]:
    chair = roles.is_chair(speaker, speech, chair_notes, profile.chair_titles)
    minister = roles.is_minister(speaker, speech, profile.minister_titles)
    never = speech.speaker is None
    name = roles.display_name(speaker, speech)
    texts = [
        (sentence, block.lang or speech.lang, number == 0, runs)
        for block in speech.paragraphs
        if isinstance(block, Paragraph) and block.style is ParagraphStyle.BODY
        for number, (sentence, runs) in enumerate(_sentences(block, block.lang or speech.lang))
    ]
    found: list[Candidate] = []
    for position, (text, lang, paragraph_start, runs) in enumerate(texts):
        context = Context(
            text=text,
            previous=texts[position - 1][0] if position else None,
            paragraph_start=paragraph_start,
            speech_kind=speech.kind.value,
            printed_question=speech.number is not None and speech.kind is not SpeechKind.ANSWER,
            chair=chair,
            final_stops=stops,
            language=lang or language or "",
        )
        label = "procedure" if never else judge(context)
        found.append(
            Candidate(
                sentence=SummarySentence(
                    text=text,
                    speech_id=speech.id,
                    speaker_id=speech.speaker,
                    speaker_name=name,
                    order=order_start + position,
                    speech_index=speech_index,
                    column=speech.column,
                    time=speech.time,
                    url=speech.url,
                    lang=lang,
                    runs=runs,
                ),
                words=count_words(text),
                procedural=label != "substantive",
                position_in_speech=position,
                section=section_index,
                speech_kind=speech.kind.value,
                chair=chair,
                minister=minister,
                context=context,
                label=label,
            )
        )
    return found


def _sentences(paragraph: Paragraph, lang: str | None) -> list[tuple[str, tuple[Run, ...]]]:
    """Each sentence of a paragraph with the runs it spans, cut at its ends, so a quoted
    sentence keeps its inline languages and emphasis."""
    text = paragraph.text
    found: list[tuple[str, tuple[Run, ...]]] = []
    position = 0
    for sentence in split(text, lang):
        start = text.find(sentence, position)
        if start < 0:  # never: every sentence is a slice of the text
            found.append((sentence, (Run(sentence),)))
            continue
        position = start + len(sentence)
        found.append((sentence, _cut(paragraph.runs, start, position)))
    return found


def _cut(runs: tuple[Run, ...], start: int, end: int) -> tuple[Run, ...]:
    """The parts of ``runs`` between two offsets of their joined text."""
    cut: list[Run] = []
    offset = 0
    for run in runs:
        run_start, run_end = offset, offset + len(run.text)
        offset = run_end
        low, high = max(start, run_start), min(end, run_end)
        if low < high:
            cut.append(replace(run, text=run.text[low - run_start : high - run_start]))
    return tuple(cut)


def _speeches_in_sections(debate: Debate) -> list[tuple[Speech, int, str | None]]:
    """Each speech in reading order (as exporter.model.speeches gives them), with the index
    of its innermost section and the chair note in force there. A speech under a "Points of
    Order" heading is a point of order, whatever kind the record gives it."""
    found: list[tuple[Speech, int, str | None]] = []
    counter = 0

    def visit(section: Section, inherited_chair: str | None) -> None:
        nonlocal counter
        index = counter
        counter += 1
        chair = section.chair or inherited_chair
        for item in section.items:
            if isinstance(item, Section):
                visit(item, chair)
            elif isinstance(item, Speech):
                if _POINTS_OF_ORDER.match(section.title) and item.kind is SpeechKind.SPEECH:
                    item = replace(item, kind=SpeechKind.POINT_OF_ORDER)
                found.append((item, index, chair))

    for section in debate.sections:
        visit(section, None)
    return found
