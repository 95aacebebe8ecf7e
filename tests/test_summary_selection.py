"""Issue 17: what may stand alone in a summary, how the sentences are chosen, and the scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT
from exporter.model import Debate, Section, Speaker, SpeechKind
from exporter.summarise import balance, key_points, ranking, scorer, summarise
from exporter.summarise.eligibility import Context, judge
from summarise_debates import DEATH_PENALTY, OIL_REFINING, WAREHAM, load_debate, speech


def label(text: str, previous: str | None = None, printed: bool = False, stops: bool = True) -> str:
    return judge(Context(text, previous, previous is None, "speech", printed, chair=False, final_stops=stops))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Printed questions, by the order paper's form when the record does not mark them.
        ("What recent assessment he has made of the effect of the recession on charities.", "stem"),
        ("1. What progress her Department has made on securing a free trade agreement with India.", "stem"),
        ("If he will list his official engagements for Wednesday 28 October.", "stem"),
        ("T2. If she will make a statement on her departmental responsibilities.", "stem"),
        # The record's words, not the member's.
        ("rose—", "stage_direction"),
        ("indicated dissent.", "stage_direction"),
        ("Ms. Elizabeth May: No, it's not debate.", "stage_direction"),
        # Not whole sentences.
        ("and the promotion of economic enterprise.", "fragment"),
        ("\u0091and the promotion of economic enterprise\u0092.", "fragment"),
        ("The report in 1998 gave warnings, and, as today's report says, that was the", "fragment"),
        ("When people outside hear the Conservative party attacking quangos in this way— [Interruption.]", "fragment"),
        ("The National Council for Voluntary Organisations said:", "fragment"),
        ("Richard Kemp, speaking on behalf of Liverpool on 20 October said,", "fragment"),
        ("The figures have been checked and the correct answer is below.", "fragment"),
        # Leaning on the sentence before.
        ("That is the policy of the Conservative party.", "dependent"),
        ("They include the Environment Agency, Natural England and Jobcentre Plus.", "dependent"),
        ("I suspect that that is an accurate description of the right hon. Gentleman's position.", "dependent"),
        ("I profoundly disagree with that last statement.", "dependent"),
        ("Has satisfactory progress been made on that?", "dependent"),
        ("Yes, I would have thought that was likely.", "dependent"),
        # Procedure: leave, motions, signposts, time.
        ("I beg to move.", "procedure"),
        ("In the mean time, I beg leave to withdraw the amendment.", "procedure"),
        ("I seek leave to have certain words incorporated into Hansard.", "procedure"),
        ("I shall briefly set out the Opposition's point.", "procedure"),
        ("Sorry, my Lords, our time is up.", "procedure"),
        ("Copies have been placed in the House Library.", "procedure"),
        ("That's not a point of order.", "procedure"),
        # Courtesy.
        ("The hon. Lady makes a fair and sensible point.", "courtesy"),
        ("I wish the hon. Gentleman and other Members present a good recess.", "courtesy"),
    ],
)
def test_what_cannot_stand_alone_is_recognised(text: str, expected: str) -> None:
    assert label(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It is important that those who are in the TA have all the benefits of the support we give.",
        "However, many funders of not-for-profit voluntary organisations do not recognise the need.",
        "This Government have shown that they do not understand the ethos of the TA.",
        "What we need is a clear timetable for restoring the evening services to the coast.",
        "Will the Minister give an assurance that no incident will occur due to any fiscal shortfall?",
    ],
)
def test_substance_that_looks_like_them_is_not_mistaken(text: str) -> None:
    assert label(text) == "substantive"


def test_a_record_without_final_stops_is_not_penalised_for_them() -> None:
    text = "In that context, we do not think it is unreasonable that all overpayments are repayable"
    assert label(text, stops=False) == "substantive"
    assert label(text, stops=True) == "fragment"


def test_a_printed_question_is_never_quoted_whatever_its_words() -> None:
    assert label("The Government must do more to protect the natural environment.", printed=True) == "stem"


def _exchange() -> Debate:
    member = speech(
        "s1",
        "m1",
        "The regional rail franchise has cut evening services to the coastal towns by a third since spring.",
        "That is why passengers from Skegness now wait two hours for a connection at Grantham.",
    )
    minister = speech(
        "s2",
        "m2",
        "The Government will publish a review of evening rail services in the region by the end of March.",
        role="The Parliamentary Under-Secretary of State for Transport",
    )
    speakers = (Speaker("m1", "Alice Member"), Speaker("m2", "Carol Minister"))
    return Debate("Rail Services", (Section("Rail Services", (member, minister)),), speakers)


def test_a_dependent_sentence_is_quoted_only_after_the_one_it_leans_on() -> None:
    debate = _exchange()
    dependent = "That is why passengers from Skegness now wait two hours for a connection at Grantham."
    for words in range(10, 80, 3):
        texts = [s.text for s in summarise(debate, words)]
        if dependent in texts:
            assert texts[texts.index(dependent) - 1].startswith("The regional rail franchise")
    assert dependent in [s.text for s in summarise(debate, 200)]


@pytest.mark.parametrize("name", [WAREHAM, DEATH_PENALTY, OIL_REFINING])
def test_dependent_sentences_of_real_debates_follow_their_own_previous_sentence(name: str) -> None:
    debate = load_debate(name)
    found = ranking(debate)
    by_order = {c.sentence.order: c for c in found.candidates}
    for words in (120, 250, 600):
        for sentence in summarise(debate, words, ranked=found):
            candidate = by_order[sentence.order]
            if candidate.label == "dependent":
                assert sentence.order - 1 in {s.order for s in summarise(debate, words, ranked=found)}
            else:
                assert candidate.label == "substantive"


def test_a_long_debate_is_summarised_from_its_whole_length() -> None:
    debate = load_debate(DEATH_PENALTY)
    found = ranking(debate)
    size = len(found.candidates)
    for words in (120, 250):
        quarters = {4 * s.order // size for s in summarise(debate, words, ranked=found)}
        assert len(quarters) >= 3, words
    without = replace(balance.BalanceSettings(), coverage=0.0)
    early = summarise(debate, 120, ranked=found, balance_settings=without)
    assert len({4 * s.order // size for s in early}) <= len(
        {4 * s.order // size for s in summarise(debate, 120, ranked=found)}
    )


def test_ranking_once_gives_what_ranking_each_time_gives() -> None:
    debate = load_debate(DEATH_PENALTY)
    found = ranking(debate)
    assert summarise(debate, 250, ranked=found) == summarise(debate, 250)
    assert key_points(debate, ranked=found) == key_points(debate)


def test_the_summariser_keeps_nothing_between_calls() -> None:
    modules = [m for name, m in sys.modules.items() if name.startswith("exporter.summarise")]

    def state() -> dict[str, object]:
        return {
            f"{m.__name__}.{key}": repr(value)
            for m in modules
            for key, value in vars(m).items()
            if not key.startswith("__") and not callable(value) and not isinstance(value, type(sys))
        }

    before = state()
    first = summarise(load_debate(WAREHAM), 120)
    summarise(load_debate(DEATH_PENALTY), 400)
    assert state() == before
    assert summarise(load_debate(WAREHAM), 120) == first


def test_the_shipped_scorer_fits_the_features_and_a_stale_one_is_refused() -> None:
    model = scorer.load()
    data = json.loads((ROOT / "src" / "exporter" / "summarise" / scorer.MODEL_FILE).read_text())
    assert data["format"] == scorer.FORMAT and "train_sentence_scorer.py" in data["about"]
    assert len(model.weights) == len(model.features)
    with pytest.raises(ValueError, match="other features"):
        scorer.from_dict({**data, "features": data["features"][:-1]})
    with pytest.raises(ValueError, match="format"):
        scorer.from_dict({**data, "format": "something/else"})


def test_evaluation_says_where_to_get_its_data_when_it_is_missing(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "eval_summary.py"), "--data", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "committee_val.jsonl not found" in done.stderr
    assert "Yale-LILY/QMSum" in done.stderr and "../shared/eval/qmsum-committee" in done.stderr


def test_a_point_of_order_heading_makes_its_speeches_points_of_order() -> None:
    body = "The Government have published the statement on the very day of the Opposition day debate."
    section = Section("Points of Order", (speech("s1", "m1", body, kind=SpeechKind.SPEECH),))
    debate = Debate("Day", (section,), (Speaker("m1", "A Member"),))
    assert summarise(debate, 100) == []
