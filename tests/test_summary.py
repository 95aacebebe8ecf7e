"""The extractive summary and key points, through exporter.summarise's public functions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exporter.model import (
    Debate,
    Paragraph,
    ParagraphStyle,
    Run,
    Section,
    Speaker,
    Speech,
    SpeechKind,
    speeches,
)
from exporter.summarise import key_points, summarise
from exporter.summarise.eligibility import Context, judge
from summarise_debates import DEATH_PENALTY, OIL_REFINING, WAREHAM, load_debate, speech

REAL = [WAREHAM, DEATH_PENALTY, OIL_REFINING]
CARMICHAEL = "uk.org.publicwhip/member/2006"  # opened the death penalty debate
BRYANT = "uk.org.publicwhip/member/1779"  # the Minister for Europe, who replied
BENTON = "uk.org.publicwhip/member/1434"  # in the Chair
TAYLOR = "uk.org.publicwhip/member/1677"  # intervened only


def alone(sentence: str) -> str:
    """The label of a sentence opening an ordinary member's speech in a record with full stops."""
    return judge(Context(sentence, None, True, "speech", printed_question=False, chair=False, final_stops=True))


def words(sentences: list) -> int:
    return sum(len(sentence.text.split()) for sentence in sentences)


@pytest.mark.parametrize("name", REAL)
@pytest.mark.parametrize("budget", [40, 120, 250, 600])
def test_every_sentence_is_verbatim_from_a_body_paragraph_of_its_own_speech(name: str, budget: int) -> None:
    debate = load_debate(name)
    all_speeches = speeches(debate)
    summary = summarise(debate, budget)
    assert summary
    for sentence in summary:
        source = all_speeches[sentence.speech_index]
        assert source.id == sentence.speech_id
        assert source.speaker == sentence.speaker_id
        assert source.column == sentence.column
        bodies = [
            b.text for b in source.paragraphs if isinstance(b, Paragraph) and b.style is ParagraphStyle.BODY
        ]
        assert any(sentence.text in body for body in bodies)
        assert sentence.speaker_name == debate.speaker(sentence.speaker_id).name


@pytest.mark.parametrize("name", REAL)
def test_summary_keeps_to_its_word_budget_and_debate_order(name: str) -> None:
    debate = load_debate(name)
    for budget in (30, 100, 250):
        summary = summarise(debate, budget)
        assert words(summary) <= budget
        orders = [sentence.order for sentence in summary]
        assert orders == sorted(orders) and len(set(orders)) == len(orders)


def test_a_larger_budget_fills_more_of_a_long_debate() -> None:
    debate = load_debate(DEATH_PENALTY)
    assert words(summarise(debate, 250)) > 200
    assert words(summarise(debate, 250)) > words(summarise(debate, 100))


def test_no_budget_no_summary() -> None:
    assert summarise(load_debate(WAREHAM), 0) == []


@pytest.mark.parametrize("name", REAL)
def test_running_twice_gives_the_same_summary_word_for_word(name: str) -> None:
    first = [(s.text, s.speech_id) for s in summarise(load_debate(name))]
    second = [(s.text, s.speech_id) for s in summarise(load_debate(name))]  # a fresh, equal debate
    assert first == second


def test_opener_and_replying_minister_are_always_represented() -> None:
    debate = load_debate(DEATH_PENALTY)
    for budget in (60, 120, 250):
        speakers = {sentence.speaker_id for sentence in summarise(debate, budget)}
        assert CARMICHAEL in speakers, budget
        assert BRYANT in speakers, budget


def test_minister_is_found_though_only_the_first_speech_names_the_office() -> None:
    debate = load_debate(WAREHAM)
    assert "uk.org.publicwhip/member/1653" in {s.speaker_id for s in summarise(debate, 60)}


def test_no_speaker_takes_more_than_half_of_a_debate_with_many_voices() -> None:
    debate = load_debate(DEATH_PENALTY)
    for budget in (150, 250, 400):
        summary = summarise(debate, budget)
        for speaker in {s.speaker_id for s in summary}:
            assert words([s for s in summary if s.speaker_id == speaker]) <= budget / 2


def test_the_chair_is_never_quoted() -> None:
    for name in (DEATH_PENALTY, OIL_REFINING):
        debate = load_debate(name)
        summary = summarise(debate, 2000)
        assert BENTON not in {s.speaker_id for s in summary}
        assert "4048" not in {s.speaker_id for s in summary}  # Madam Deputy Speaker's "Order."


def _committee_sitting() -> Debate:
    chair = speech(
        "s1",
        "c1",
        "I call this meeting to order.",
        "Welcome to the fifth meeting of the House of Commons Special Committee on the COVID-19 Pandemic.",
        "Pursuant to the order passed on Monday, the committee is meeting today to consider ministerial "
        "announcements and to question ministers.",
        "We are taking evidence today on the wage subsidy programme from the Minister of Finance and from "
        "the Parliamentary Budget Officer and his officials, who have joined us from Ottawa.",
        "Please wait until I call on you by name before you begin to speak.",
        "I would like to thank the clerks and the interpreters for their hard work this week.",
    )
    member = speech(
        "s2",
        "m1",
        "The wage subsidy has reached only a fraction of the small firms that applied in April.",
        "Will the Government extend the subsidy to seasonal businesses before the summer begins?",
    )
    minister = speech(
        "s3",
        "m2",
        "The wage subsidy will be extended to seasonal businesses from the first of June this year.",
        role="Minister of Finance",
    )
    speakers = (
        Speaker("m1", "Alice Member"),
        Speaker("m2", "Bill Minister"),
        Speaker("c1", "Anthony Rota", role="The Chair"),
    )
    section = Section("Special Committee on the COVID-19 Pandemic", (chair, member, minister))
    return Debate("Special Committee on the COVID-19 Pandemic", (section,), speakers)


def test_a_chair_saying_what_the_sitting_is_about_may_be_quoted_but_never_keeping_order() -> None:
    debate = _committee_sitting()
    chair_texts = [s.text for s in summarise(debate, 1000) if s.speaker_id == "c1"]
    assert chair_texts == [
        "Welcome to the fifth meeting of the House of Commons Special Committee on the COVID-19 Pandemic.",
        "Pursuant to the order passed on Monday, the committee is meeting today to consider ministerial "
        "announcements and to question ministers.",
        "We are taking evidence today on the wage subsidy programme from the Minister of Finance and from "
        "the Parliamentary Budget Officer and his officials, who have joined us from Ottawa.",
    ]
    # The chair's framing (over 50 words here) is not a speech of substance: no key points.
    assert "c1" not in {kp.speaker_id for kp in key_points(debate)}


def _debate_with_courtesies() -> Debate:
    substance = (
        "The regional rail franchise has cut evening services to the coastal towns by a third since the spring.",
        "Passengers from Skegness now wait two hours for a connection that used to take twenty minutes.",
        "The Department should require the operator to restore the evening timetable before the winter.",
    )
    opener = speech(
        "s1",
        "m1",
        "It is a pleasure to serve under your chairmanship, Mr Hollobone, in this important debate today.",
        "I thank my hon. Friend the Member for Boston and Skegness for his long campaign on these services.",
        *substance,
    )
    chair = speech(
        "s2", "c1", "Order. The hon. Member must address her remarks through the Chair at all times."
    )
    intervention = speech(
        "s3",
        "m2",
        "Will my hon. Friend give way?",
        "I congratulate my hon. Friend on securing this debate on a subject of great importance to us all.",
        "The closure of ticket offices across the region has made the problem of late services far worse.",
        kind=SpeechKind.INTERVENTION,
    )
    decision = speech("s4", "c1", "Question put and agreed to.")
    minister = speech(
        "s5",
        "m3",
        "I thank the hon. Lady for her contribution and for the constructive way she has made her case.",
        "The Government will publish a review of evening rail services in the region by the end of March.",
        role="The Parliamentary Under-Secretary of State for Transport",
    )
    speakers = (
        Speaker("m1", "Alice Member"),
        Speaker("m2", "Bob Member"),
        Speaker("m3", "Carol Minister"),
        Speaker("c1", "Philip Hollobone", role="Chair"),
    )
    section = Section("Rail Services", (opener, chair, intervention, decision, minister))
    return Debate("Rail Services", (section,), speakers)


def test_procedural_and_courtesy_sentences_are_never_picked() -> None:
    debate = _debate_with_courtesies()
    texts = [s.text for s in summarise(debate, 1000)]
    assert texts  # everything substantive fits
    for text in texts:
        assert not text.startswith(
            ("It is a pleasure", "I thank", "Order", "Will my", "I congratulate", "Question put")
        )
    assert (
        "The Government will publish a review of evening rail services in the region by the end of March."
        in texts
    )
    points = [p.text for kp in key_points(debate) for p in kp.points]
    assert not any(p.startswith(("It is a pleasure", "I thank", "Order", "I congratulate")) for p in points)


def test_quotations_and_unattributed_speeches_are_not_summarised() -> None:
    quoted = Speech(
        "s1",
        "m1",
        (
            Paragraph(
                (Run("The report's author wrote the following words about the harbour closure plans."),)
            ),
            Paragraph(
                (Run("The harbour closure will devastate the fishing fleet and the whole harbour town."),),
                ParagraphStyle.QUOTE,
            ),
        ),
    )
    several = speech(
        "s2",
        None,
        "The harbour closure will devastate the fishing fleet of the whole town.",
        label="Several hon. Members",
    )
    section = Section("Harbours", (quoted, several))
    debate = Debate("Harbours", (section,), (Speaker("m1", "Dai Member"),))
    texts = [s.text for s in summarise(debate, 500)]
    assert texts == ["The report's author wrote the following words about the harbour closure plans."]


def test_key_points_cover_each_substantive_speaker_with_one_to_three_of_their_own_sentences() -> None:
    debate = load_debate(DEATH_PENALTY)
    points = key_points(debate)
    ids = [kp.speaker_id for kp in points]
    assert ids[0] == CARMICHAEL  # in the order they first spoke at length
    assert BRYANT in ids
    assert BENTON not in ids  # the chair
    assert TAYLOR not in ids  # interventions only
    assert len(ids) == len(set(ids))
    by_id = {s.id: s for s in speeches(debate)}
    for kp in points:
        assert 1 <= len(kp.points) <= 3
        assert kp.speaker_name == debate.speaker(kp.speaker_id).name
        assert [p.order for p in kp.points] == sorted(p.order for p in kp.points)
        for point in kp.points:
            assert point.speaker_id == kp.speaker_id
            assert any(point.text in b.text for b in by_id[point.speech_id].paragraphs)


def test_key_points_per_speaker_limit() -> None:
    points = key_points(load_debate(DEATH_PENALTY), per_speaker=1)
    assert points and all(len(kp.points) == 1 for kp in points)
    with pytest.raises(ValueError):
        key_points(load_debate(DEATH_PENALTY), per_speaker=0)


def test_key_points_leave_out_a_member_who_only_intervened() -> None:
    points = key_points(load_debate(OIL_REFINING))
    names = [kp.speaker_name for kp in points]
    assert names[0] == "Martin Vickers"  # opened the debate
    assert "Sir Edward Leigh" not in names  # one intervention
    assert "Caroline Nokes" not in names  # in the Chair


def test_an_empty_debate_has_no_summary_or_key_points() -> None:
    debate = Debate("Nothing", (Section("Nothing", ()),))
    assert summarise(debate) == []
    assert key_points(debate) == []


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ('Order.', 'procedure'),
        ('Question put and agreed to.', 'procedure'),
        ('It is a pleasure to serve under your chairmanship, Mr Benton.', 'courtesy'),
        ('May I add to the comments made by the hon. Member and say what a pleasure it is, Mr. Benton, to serve under you?', 'courtesy'),
        ('I thank my hon. Friend the Member for Rotherham (Sarah Champion) for her ongoing work.', 'courtesy'),
        ('My Lords, I thank the Minister for that response.', 'courtesy'),
        ("Madam Chair, I'd like to thank my honourable colleague for her question.", 'courtesy'),
        ('The hon. Gentleman makes an important point.', 'courtesy'),
        ('I want to make a bit more progress.', 'procedure'),
        ('Will my hon. Friend give way?', 'procedure'),
        ('My Lords, I beg leave to ask the Question standing in my name on the Order Paper.', 'procedure'),
        ('In doing so, I declare an interest as an honorary colonel of a TA regiment.', 'procedure'),
        ("We've received apologies for absence from Siân Gwenllian this morning.", 'procedure'),
        ('Good morning, everyone, and welcome to the committee this morning.', 'courtesy'),
        ('So, thank you, all, for your attendance.', 'courtesy'),
        ('Clause 24 of the lease states:', 'fragment'),
        ('I will speak about Grangemouth and the jobs that have been lost there—', 'procedure'),
        ("Mr. Chair, it's always been public.", 'dependent'),
        ('Can I ask Members who are present if they wish to declare any interests?', 'procedure'),
        ('In accordance with Standing Order 34.19, I determine that the public are excluded from the meeting.', 'procedure'),
        ('Honourable members, I call this meeting to order.', 'procedure'),
        ('I have a point of order.', 'procedure'),
        ('And the first questions are from Julie Morgan.', 'procedure'),
        ('Can I just ask you to introduce your officials for the record, please?', 'procedure'),
        ('Janet Finch-Saunders is joining us from the Assembly offices in Colwyn Bay via video-link.', 'procedure'),
        ('I therefore declare that John Griffiths has been appointed temporary Chair.', 'procedure'),
        ("Unfortunately, the Chair, Lynne Neagle, is unable to attend today's meeting.", 'procedure'),
        ('This meeting is, however, being broadcast live on Senedd.tv, with all participants joining remotely.', 'procedure'),
        ("We're very pleased to have you here this morning.", 'courtesy'),
        ("We're looking forward to hearing what you've got to say.", 'courtesy'),
        ("I'm pleased to welcome Vikki Howells, who is substituting for Jack this morning.", 'courtesy'),
        ('I welcome the Minister to her place and look forward to her reply.', 'courtesy'),
        ("I'm just going to run through the procedures that we're going to follow now.", 'procedure'),
        ("I'll take this opportunity to welcome Dawn to the committee and to place on record our thanks to John.", 'courtesy'),
        ('A record of proceedings will be published as usual.', 'procedure'),
        ('All other Standing Order requirements for committees remain in place.', 'procedure'),
        ('The meeting is bilingual, and simultaneous translation from Welsh to English is available.', 'procedure'),
        ('Jean, you wanted to come in.', 'procedure'),
        ('I rise today to present a petition that has many signatures from constituents in Nanaimo.', 'procedure'),
        ('I rise today to table e-petition 2466, initiated by a constituent of mine in Stittsville.', 'procedure'),
    ],
)
def test_procedure_courtesy_and_fragments_are_recognised(sentence: str, label: str) -> None:
    assert alone(sentence) == label


@pytest.mark.parametrize(
    "sentence",
    [
        "The loss of Lindsey oil refinery will reduce the UK to just four refineries.",
        "I think we should thank the nurses for their work during the pandemic.",
        "So the Government will invest in the refinery this year.",
        "My Lords, the value of unpaid tax debts is shown on page 96 of HMRC's trust statement.",
        "Madam Chair, the Canada emergency response benefit has helped workers across the country.",
        # Introducing a witness by name and office says who gives evidence, in what capacity.
        "I'm very pleased to welcome Carol Shillabeer, who is chief executive of Powys Teaching Health Board.",
        "I'd like to welcome Kirsty Williams AM, Minister for Education, and Steve Davies, director of education.",
        # What a petition asks for is substance; presenting it is procedure.
        "The petitioners call on the Government to ban the sale of animal-tested cosmetics.",
        "We should reform the Standing Orders so that petitions are debated within a month.",
    ],
)
def test_substance_is_not_mistaken_for_procedure(sentence: str) -> None:
    assert alone(sentence) == "substantive"


_PRINT_SUMMARY = """
import sys
sys.path.insert(0, sys.argv[1])
from summarise_debates import DEATH_PENALTY, load_debate
from exporter.summarise import key_points, summarise
debate = load_debate(DEATH_PENALTY)
print([(s.text, s.speech_id) for s in summarise(debate)])
print([(k.speaker_id, [p.text for p in k.points]) for k in key_points(debate)])
"""


def test_same_summary_in_separate_processes_whatever_the_hash_seed() -> None:
    outputs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _PRINT_SUMMARY, str(Path(__file__).parent)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and outputs[0].strip()


def test_a_sentence_in_another_language_keeps_its_language_tag() -> None:
    welsh = Paragraph(
        (Run("Mae'r Llywodraeth yn buddsoddi yn y gwasanaethau iechyd meddwl plant eleni."),), lang="cy"
    )
    english = Paragraph((Run("The Government is investing in children's mental health services this year."),))
    debate = Debate(
        "Iechyd meddwl",
        (Section("Iechyd meddwl", (Speech("s1", "m1", (welsh, english)),)),),
        (Speaker("m1", "A Member"),),
    )
    langs = {s.text[:3]: s.lang for s in summarise(debate, 100)}
    assert langs == {"Mae": "cy", "The": None}
