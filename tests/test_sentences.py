"""The parliamentary sentence splitter: one test per trap general-purpose splitters fall into."""

from __future__ import annotations

import pytest

from exporter.model import Paragraph, speeches
from exporter.summarise.sentences import split
from summarise_debates import DEATH_PENALTY, OIL_REFINING, WAREHAM, load_debate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I thank my hon. Friend the Member for Rotherham (Sarah Champion) for her work. I know that it has not been easy.",
            [
                "I thank my hon. Friend the Member for Rotherham (Sarah Champion) for her work.",
                "I know that it has not been easy.",
            ],
        ),
        (
            "I agree with the right hon. Member for Birmingham, Ladywood (Clare Short). She is right.",
            ["I agree with the right hon. Member for Birmingham, Ladywood (Clare Short).", "She is right."],
        ),
        (
            "The hon. and learned Gentleman is right. Hon. Members: Hear, hear.",
            ["The hon. and learned Gentleman is right.", "Hon. Members: Hear, hear."],
        ),
        (
            "See the Official Report, vol. 709, col. 12. It says so.",
            ["See the Official Report, vol. 709, col. 12.", "It says so."],
        ),
        ("It is at cols. 973-76. Read it.", ["It is at cols. 973-76.", "Read it."]),
        (
            "Mr. Smith and Dr. Jones work at St. Thomas's Hospital. They agree.",
            ["Mr. Smith and Dr. Jones work at St. Thomas's Hospital.", "They agree."],
        ),
        ("He went to No. 10 yesterday. He left.", ["He went to No. 10 yesterday.", "He left."]),
        ("Did he? No. The Minister did not.", ["Did he?", "No.", "The Minister did not."]),
        (
            "The order was made on 23 Feb. 2022. It came into force in March.",
            ["The order was made on 23 Feb. 2022.", "It came into force in March."],
        ),
        (
            'He said, "This is wrong." The Minister disagreed. "Is it?" she asked.',
            ['He said, "This is wrong."', "The Minister disagreed.", '"Is it?" she asked.'],
        ),
        (
            "There are three points. 1. Funding must rise. 2. Staff need training.",
            ["There are three points.", "1. Funding must rise.", "2. Staff need training."],
        ),
        (
            "J. K. Rowling supports it, e.g. in her letters. The U.K. Government does too.",
            ["J. K. Rowling supports it, e.g. in her letters.", "The U.K. Government does too."],
        ),
        ("It cost £1.5m. That is 2.5% of the budget.", ["It cost £1.5m.", "That is 2.5% of the budget."]),
        ("In 2019. 42 people were charged.", ["In 2019.", "42 people were charged."]),
        ("Order. Order.", ["Order.", "Order."]),
        (
            "Thank you, Mr.Chair. Regardless of that, we go on.",
            ["Thank you, Mr.Chair.", "Regardless of that, we go on."],
        ),
        (
            "First part.\n\nSecond part without a stop\n\nThird.",
            ["First part.", "Second part without a stop", "Third."],
        ),
        ("  ", []),
    ],
)
def test_splits_parliamentary_text(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_a_lower_case_continuation_does_not_start_a_sentence() -> None:
    assert split('"Why now?" asked the Minister. He was told.') == [
        '"Why now?" asked the Minister.',
        "He was told.",
    ]


@pytest.mark.parametrize("name", [WAREHAM, DEATH_PENALTY, OIL_REFINING])
def test_every_sentence_of_a_real_record_is_a_slice_of_its_paragraph(name: str) -> None:
    for speech in speeches(load_debate(name)):
        for block in speech.paragraphs:
            assert isinstance(block, Paragraph)
            sentences = split(block.text)
            position = 0
            for sentence in sentences:
                found = block.text.find(sentence, position)
                assert found >= 0, sentence
                assert block.text[position:found].strip() == ""  # nothing between is lost
                position = found + len(sentence)
            assert block.text[position:].strip() == ""


def test_real_record_keeps_hon_friend_together() -> None:
    debate = load_debate(OIL_REFINING)
    sentences = [s for speech in speeches(debate) for b in speech.paragraphs for s in split(b.text)]
    assert "I am grateful to my hon. Friend and neighbour for introducing the debate." in sentences
    assert not any(sentence.endswith(" hon.") for sentence in sentences)
