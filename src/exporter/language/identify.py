"""The language of a record's text, identified offline with py3langid.

py3langid (a maintained fork of langid.py: Lui and Baldwin, "langid.py: An Off-the-shelf
Language Identification Tool", ACL 2012) is a naive Bayes classifier over byte n-grams
whose model, trained on 97 languages, ships inside the package (about 4 MB): nothing is
downloaded, and the same text always gives the same answer. It was chosen over pycld2 and
lingua after comparing the three on the shared records (``benchmarks/bench_language_id.py``;
figures in the README): as accurate on whole records, the smallest, pure Python and NumPy.

Only the record's own words in its main language are read: runs and paragraphs the record
marks as another language are left out, and a long record is sampled evenly, so a day in
one language with a quoted passage in another is still identified by its main language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from exporter import model as m
from exporter.language import tags

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SAMPLE_CHARACTERS = 20_000  # enough for a sure answer; identifying costs time per character
MIN_LETTERS = 24  # below this a guess is a guess: no language is claimed
MIN_PROBABILITY = 0.9  # py3langid's normalised probability of its best language


@dataclass(frozen=True)
class Identification:
    """What identification found: the tag (None when unsure), its probability and how many
    letters it read."""

    tag: str | None
    probability: float
    letters: int


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's bundled model, loaded once per process (about a second: it is xz-packed)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def identify_text(text: str) -> Identification:
    """The language of ``text``; ``tag`` is None when the text is too short or the model
    is not sure (probability below ``MIN_PROBABILITY``)."""
    letters = sum(1 for char in text if char.isalpha())
    if letters < MIN_LETTERS:
        return Identification(None, 0.0, letters)
    code, probability = _identifier().classify(text)
    tag = tags.standard(str(code)) if probability >= MIN_PROBABILITY else None
    return Identification(tag, float(probability), letters)


def identify(debate: m.Debate) -> Identification:
    """The language of a debate's own words (its title, headings and paragraphs)."""
    return identify_text(sample(debate))


def sample(debate: m.Debate, limit: int = SAMPLE_CHARACTERS) -> str:
    """The debate's text in its main language, sampled evenly to about ``limit`` characters."""
    texts = [debate.title]
    for item in m.walk_items(debate.sections):
        if isinstance(item, m.Section):
            texts.append(item.title)
        elif isinstance(item, m.Speech) and item.lang:
            continue  # a speech the record marks as another language
        elif isinstance(item, (m.Speech, m.Procedural)):
            texts.extend(_own_words(block) for block in item.paragraphs)
    texts = [text for text in texts if text.strip()]
    total = sum(len(text) for text in texts)
    if total > limit:
        step = -(-total // limit)  # every step-th text, from the start to the end
        texts = texts[::step]
    return "\n".join(texts)[: limit * 2]


def _own_words(block: m.Block) -> str:
    if isinstance(block, m.Paragraph) and block.lang:
        return ""
    return "".join(run.text for run in m.block_runs(block) if not run.lang)
