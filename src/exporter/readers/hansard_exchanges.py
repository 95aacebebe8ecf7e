"""Interventions and question time in Hansard-derived records (ParlParse XML, the Hansard API).

Neither the Hansard API nor ParlParse files older than the ``type`` attribute flag an
intervention. A member who gives way is recorded as their speech, a short contribution by
another member, then their speech again; but a question and its supplementary have the
same shape (a member asks, the Minister answers, the member asks again), and so has a
point of order (the member, the Speaker, the member). An intervention is made when a member
gives way during another member's speech, and in question time nobody gives way: the
exchanges are questions and answers. So a speech is marked an intervention only when

- its section is not question time (:func:`asks_questions`): oral questions and Prime
  Minister's questions, topical and urgent questions, business questions, the questions on
  a ministerial statement, and any section inside one of those;
- among the speeches of its section (procedural text in between is ignored), the speeches
  just before and just after it are by one and the same identified member, who is not the
  chair (nobody gives way to the chair, nor does the chair give way), and the speech itself
  is by a different, identified member, not the chair;
- it is short (:data:`INTERVENTION_MAX_WORDS` words at most), and the speech it interrupts
  is substantial: the member who gives way says at least :data:`FLOOR_MIN_WORDS` words in
  the stretch where they hold the floor (their speeches with at most one other member's
  between each two), as a member does who gives way during a speech, not one who trades
  lines in an exchange.

The member who gives way keeps the floor: in "Will the hon. Lady give way?" / "I will." /
the question, the reply "I will." is not an intervention, because the speech before it was
one. Anything else stays a speech: the rule would rather miss an intervention than invent
one. Questions and answers are marked only where the record says so (a question's number,
``type``, an ``hs_Question`` paragraph), or, for a series whose record numbers no oral
question (the Lords), where its parliament profile says how the record shows one
(:class:`~exporter.parliaments.profile.OralQuestions`: a section headed "… — Question" whose
first speech asks "To ask Her Majesty's Government …"): :func:`with_oral_questions`. The
rest of question time keeps the kind "speech", which the briefing does not label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from exporter.model import (
    Block,
    Item,
    Paragraph,
    ParagraphStyle,
    Procedural,
    Section,
    Speech,
    SpeechKind,
    block_runs,
)
from exporter.parliaments.profile import OralQuestions
from exporter.readers.hansard_api_conventions import CHAIR_NOTE, is_chair_role

INTERVENTION_MAX_WORDS = 200
#: The fewest words the member who gives way says while holding the floor: a member gives way
#: during a speech of some minutes (about 130 words a minute), not in an exchange of a few
#: lines. Measured on the shared Commons day, Westminster Hall sitting and Public Bill
#: Committee of October 2009 (outside question time): the limit changes 3 of 170 labels, each
#: wrong without it (a member's reply "I will be interested to hear…" taken for the
#: intervention; "Will the Minister give way?" refused; the speaker whose speech had just
#: begun taken for the one intervening).
FLOOR_MIN_WORDS = 250

# headings of question time, as the Commons, the Lords and the devolved and Australian
# parliaments print them; a Lords heading ends "— Question" ("— Question for Short Debate"
# is a debate)
_QUESTION_TIME_TITLE = re.compile(
    r"""^(?:oral\s+answers?(?:\s+to\s+questions)?
        |engagements
        |topical\s+questions
        |urgent\s+questions?
        |business\s+of\s+the\s+house
        |(?:(?:prime|first)\s+minister[’']?s?\s+)?questions?(?:\s+time)?
        |(?:general|themed|portfolio|oral|private\s+notice)\s+questions?(?:\s+time)?
        |questions?\s+without\s+notice
        |questions?\s+to\s+the\s+.+
        |.+\s[—–-]\s*(?:private\s+notice\s+)?question
        )$""",
    re.IGNORECASE | re.VERBOSE,
)
# "The Secretary of State was asked—": the opening of a department's oral questions
_WAS_ASKED = re.compile(r"\bwas\s+asked\s*[—–-]*\s*:?\s*$", re.IGNORECASE)
# "With permission, Mr Speaker, I shall make a statement on …"; "My Lords, with the leave of
# the House, I shall now repeat in the form of a Statement …"
_STATEMENT = re.compile(
    r"\bwith\s+(?:your\s+|the\s+)?(?:permission|leave)\b.{0,120}?\b(?:make|repeat)\b.{0,40}?\bstatement\b",
    re.IGNORECASE | re.DOTALL,
)
# "(Urgent Question): To ask the Secretary of State …"; "To ask Her Majesty's Government …"
_URGENT = re.compile(r"^\W*(?:urgent\s+question\b|to\s+ask\s+(?:the|his|her|their)\b)", re.IGNORECASE)
_ASKED_KINDS = frozenset({SpeechKind.QUESTION, SpeechKind.ANSWER})


def word_count(speech: Speech) -> int:
    return sum(len("".join(run.text for run in block_runs(block)).split()) for block in speech.paragraphs)


def asks_questions(section: Section) -> bool:
    """Whether ``section`` is question time, from what the record shows of it: its heading
    ("Oral Answers to Questions", "Engagements", "Topical Questions", "Urgent Question",
    "Business of the House", "… — Question"), a department's "… was asked—", a question
    the record numbers or marks as a question or an answer, or a first speech that makes or
    repeats a statement (the questions on it follow) or asks an urgent question."""
    title = " ".join(CHAIR_NOTE.sub(" ", section.title).split()).strip(" —–-:")
    if title and _QUESTION_TIME_TITLE.match(title):
        return True
    speeches = [item for item in section.items if isinstance(item, Speech)]
    if any(speech.number or speech.kind in _ASKED_KINDS for speech in speeches):
        return True
    if any(
        isinstance(item, Procedural) and _WAS_ASKED.search(_text(item.paragraphs)) for item in section.items
    ):
        return True
    if speeches:
        opening = _text(speeches[0].paragraphs[:1])
        return bool(_STATEMENT.search(opening) or _URGENT.match(opening))
    return False


def with_oral_questions(section: Section, oral_questions: OralQuestions) -> Section:
    """``section`` and the sections inside it with each oral question the record does not
    number marked as the Commons' numbered ones are: in a section whose heading is an oral
    question's (``oral_questions.heads``), the first speech, when it is a member's speech
    that asks (``oral_questions.asks``), becomes a question. Its paragraphs are the
    question's words, printed indented as the order paper gives them, not a quotation: they
    are body text. Nothing else changes, and a section whose first speech does not ask is
    left as it is."""
    items = tuple(
        with_oral_questions(item, oral_questions) if isinstance(item, Section) else item
        for item in section.items
    )
    if oral_questions.heads(section.title):
        first = next((index for index, item in enumerate(items) if isinstance(item, Speech)), None)
        if first is not None:
            speech = items[first]
            assert isinstance(speech, Speech)
            if (
                speech.kind is SpeechKind.SPEECH
                and speech.speaker is not None
                and oral_questions.asks(_text(speech.paragraphs[:1]))
            ):
                asked = replace(speech, kind=SpeechKind.QUESTION, paragraphs=_as_body(speech.paragraphs))
                items = (*items[:first], asked, *items[first + 1 :])
    return replace(section, items=items)


def _as_body(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return tuple(
        replace(block, style=ParagraphStyle.BODY)
        if isinstance(block, Paragraph) and block.style is ParagraphStyle.QUOTE
        else block
        for block in blocks
    )


def with_interventions(
    section: Section,
    is_chair: Callable[[Speech, str | None], bool],
    question_time: Callable[[Section], bool] = asks_questions,
    *,
    chair: str | None = None,
    within_questions: bool = False,
) -> Section:
    """``section`` and the sections inside it with interventions marked, except in question
    time (``question_time`` says which sections are; a section inside one is too).
    ``is_chair(speech, chair)`` says whether a speech is the chair's, ``chair`` being the
    name the chair notes give (the section's own, else the one in force around it, else
    ``chair``)."""
    questions = within_questions or question_time(section)
    chair = section.chair or chair
    items = tuple(
        with_interventions(item, is_chair, question_time, chair=chair, within_questions=questions)
        if isinstance(item, Section)
        else item
        for item in section.items
    )
    if questions:
        return replace(section, items=items)
    return replace(section, items=infer_interventions(items, lambda speech: is_chair(speech, chair)))


def infer_interventions(
    items: Sequence[Item], is_chair: Callable[[Speech], bool] = lambda speech: is_chair_role(speech.role)
) -> tuple[Item, ...]:
    """``items`` (one section's, not question time) with short speeches made while another
    member held the floor marked as interventions (see the module's notes)."""
    positions = [index for index, item in enumerate(items) if isinstance(item, Speech)]
    spoken = [item for item in items if isinstance(item, Speech)]
    words = [word_count(speech) for speech in spoken]
    result = list(items)
    flagged: set[int] = set()
    for here in range(1, len(spoken) - 1):
        prev, speech, nxt = spoken[here - 1], spoken[here], spoken[here + 1]
        if (
            here - 1 not in flagged
            and speech.kind is SpeechKind.SPEECH
            and speech.speaker is not None
            and prev.speaker is not None
            and prev.speaker == nxt.speaker
            and speech.speaker != prev.speaker
            and not is_chair(speech)
            and not is_chair(prev)
            and words[here] <= INTERVENTION_MAX_WORDS
            and _floor_words(spoken, words, here, prev.speaker) >= FLOOR_MIN_WORDS
        ):
            result[positions[here]] = replace(speech, kind=SpeechKind.INTERVENTION)
            flagged.add(here)
    return tuple(result)


def _floor_words(spoken: list[Speech], words: list[int], here: int, member: str) -> int:
    """The words ``member`` says in the stretch around speech ``here`` where they hold the
    floor: their speeches, with at most one other member's speech between each two."""
    total = 0
    for step in (-1, 1):
        index = here + step
        while 0 <= index < len(spoken) and spoken[index].speaker == member:
            total += words[index]
            after = index + step
            if 0 <= after < len(spoken) and spoken[after].speaker == member:
                index = after  # two speeches in a row (procedure between them)
            elif 0 <= after + step < len(spoken) and spoken[after + step].speaker == member:
                index = after + step  # another member's speech between
            else:
                break
    return total


def _text(blocks: Sequence[Block]) -> str:
    return " ".join("".join(run.text for run in block_runs(block)) for block in blocks)
