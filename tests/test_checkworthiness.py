"""Check-worthiness scores: the shipped model, its ordering, range and determinism."""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from workbench.core import checkworthiness_model
from workbench.core.checkworthiness import (
    CHECKWORTHY_THRESHOLD,
    Scored,
    score_sentences,
    score_with,
    states_event,
)
from workbench.core.checkworthiness_model import (
    FORMAT,
    LinearModel,
    analyse,
    char_grams,
    shipped_model,
)

FACTUAL = [
    "North Korean leader Kim Jong Un watched a military parade marking the 70th anniversary of "
    "the Korean War armistice agreement.",
    "China has approached North Korea after the collapse of U.S.-North Korea diplomatic talks "
    "in 2019.",
    "Unemployment fell to 3.4 percent in January, the lowest rate since 1969, the Labor "
    "Department said.",
]
LOW = [
    "Thank you very much.",
    "Good evening, everyone.",
    "What do you think?",
    "I think this is a wonderful idea.",
]


def test_shipped_data_file_loads() -> None:
    raw = json.loads(
        resources.files("workbench.core").joinpath("data/checkworthiness.json").read_text("utf-8")
    )
    assert raw["format"] == FORMAT
    model = shipped_model()
    assert len(model.word_weights) > 1000
    assert len(model.char_weights) > 1000
    assert model.slope > 0  # a higher decision value must mean a higher score
    assert shipped_model() is model  # loaded once


def test_factual_sentences_outscore_opinion_question_and_greeting() -> None:
    factual = [s.score for s in score_sentences(FACTUAL)]
    low = [s.score for s in score_sentences(LOW)]
    assert min(factual) > max(low)
    assert all(score >= CHECKWORTHY_THRESHOLD for score in factual)
    assert all(score < CHECKWORTHY_THRESHOLD for score in low)


def test_biographical_fact_is_at_least_mid() -> None:
    [scored] = score_sentences(
        ["Wi Sung-lac was the South Korean ambassador to Russia before his retirement."]
    )
    assert scored.score >= CHECKWORTHY_THRESHOLD
    assert "entity" in scored.signals


def test_a_dated_plan_in_news_is_listed() -> None:
    # The product spec dates this claim by its "next month"; a debate-trained model alone
    # reads "will" as a promise, and the news prior on dates lifts it.
    [scored] = score_sentences(
        ["The three countries’ leaders will likely meet next month to hold a summit."]
    )
    assert scored.score >= CHECKWORTHY_THRESHOLD
    assert "date" in scored.signals


def test_scores_are_probabilities_with_signals() -> None:
    texts = [*FACTUAL, *LOW, "", "   ", "?!", "x" * 5000, "1 2 3 4 5 " * 200]
    scored = score_sentences(texts)
    assert len(scored) == len(texts)
    for s in scored:
        assert isinstance(s, Scored)
        assert 0.0 <= s.score <= 1.0
    assert "number" in scored[0].signals and "entity" in scored[0].signals


def _hand_made() -> LinearModel:
    return LinearModel.from_json(
        {
            "format": FORMAT,
            "bias": -1.0,
            "slope": 1.0,
            "cutoff": 0.0,
            "listed_at": 0.5,
            "words": {"percent": 4.0, "think": -4.0},
            "chars": {"ten": 3.0},
            "flags": {"s:number": 1.0},
        }
    )


def test_a_hand_made_model_scores_by_its_weights() -> None:
    model = _hand_made()
    up, down, none = score_with(model, ["Ten percent.", "I think.", "Hello."], prior={})
    # "ten percent": the one known word feature is "percent" → 4/√1; the char n-gram "ten"
    # once, over √(3 × 10 letters); the number flag +1; the bias -1.
    expected = 4.0 + 3.0 / 30**0.5 + 1.0 - 1.0
    assert abs(model.decision("Ten percent.", analyse("Ten percent.")) - expected) < 1e-9
    assert up.score > none.score > down.score
    # "Hello.": only the bias, through a sigmoid whose cutoff 0 maps to listed_at 0.5.
    assert abs(none.score - 1 / (1 + 2.718281828459045)) < 1e-9


def test_a_known_word_of_weight_zero_still_counts_in_the_word_norm() -> None:
    # Training L2-normalises each sentence's binary word features over every feature it
    # knows; the runtime divides by √(known features), so the data file must list every known
    # word feature, a zero weight too, or the two disagree.
    model = _hand_made()
    zeroed = LinearModel(
        word_weights={**model.word_weights, "ten": 0.0},
        char_weights={},
        flag_weights={},
        bias=0.0,
        slope=1.0,
        cutoff=0.0,
    )
    text = "Ten percent."
    assert abs(zeroed.decision(text, analyse(text)) - 4.0 / 2**0.5) < 1e-12
    [(batched, _)] = zeroed.decisions([text])
    assert batched == zeroed.decision(text, analyse(text))
    shipped = shipped_model().word_weights.values()
    assert 0.0 in shipped  # the file keeps its zero weights
    assert all(math.copysign(1.0, w) > 0 for w in shipped if w == 0.0)  # written 0.0, not -0.0


def test_the_cutoff_maps_to_the_listing_score() -> None:
    model = _hand_made()
    assert abs(model.probability(model.cutoff) - model.listed_at) < 1e-12
    assert shipped_model().listed_at == CHECKWORTHY_THRESHOLD


def test_char_grams_are_padded_per_word() -> None:
    assert char_grams("tax") == [" ta", "tax", "ax ", " tax", "tax ", " tax "]
    # Each word is padded on its own: "ab cd ab" scores " ab" twice and "cd " once, never a
    # gram across the gap ("b c", " ab c"); the same whether a word's sum is cached or not.
    weights = {" ab": 1.0, "cd ": 2.0, "b c": 100.0, " ab c": 100.0, "ab cd": 100.0}

    def model() -> LinearModel:
        return LinearModel(
            word_weights={}, char_weights=weights, flag_weights={}, bias=0.0, slope=1.0, cutoff=0.0
        )

    expected = (1.0 + 2.0 + 1.0) / math.sqrt(3 * 6)  # divided by √(three per letter)
    scorer = model()
    assert scorer.char_part(["ab", "cd", "ab"]) == pytest.approx(expected)
    assert scorer.char_part(["ab", "cd", "ab"]) == pytest.approx(expected)  # from the cache
    # The batch path fills the cache with its own inlined sum: it must agree.
    [(decision, _)] = model().decisions(["ab cd ab"])
    assert decision == pytest.approx(expected)


def test_batch_char_sums_agree_for_short_and_long_words() -> None:
    # The batch path cuts short words by precomputed slices and long ones (URLs, hashes) by
    # `char_grams`; both must give exactly the per-sentence decision of the shipped model.
    texts = [
        "Ed ran the 5k.",
        "See https://example.org/" + "averyveryverylongpathsegmentwithoutbreaks" * 3 + " now.",
        "Supercalifragilisticexpialidocious antidisestablishmentarianism, said Kim.",
    ]
    scorer = shipped_model()
    # A copy with empty caches, so the batch fills them itself.
    fresh = dataclasses.replace(scorer)
    batched = [decision for decision, _ in fresh.decisions(texts)]
    single = [scorer.decision(text, analyse(text)) for text in texts]
    assert batched == single
    assert all(math.isfinite(value) for value in batched)


def test_unknown_format_is_refused() -> None:
    try:
        LinearModel.from_json({"format": FORMAT + 1})
    except ValueError as error:
        assert "format" in str(error)
    else:
        raise AssertionError("a future format must be refused")


def test_scores_are_the_same_in_another_process() -> None:
    # String hashing is randomised per process; the model must not depend on it.
    code = (
        "import json, sys\n"
        "from workbench.core.checkworthiness import score_sentences\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps([[s.score, list(s.signals)] for s in score_sentences(texts)]))\n"
    )
    texts = FACTUAL + LOW
    here = [[s.score, list(s.signals)] for s in score_sentences(texts)]
    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        )
        assert json.loads(out.stdout) == here


def test_credit_lines_are_not_claims() -> None:
    from workbench.core.checkworthiness import is_credit_line

    credits = [
        "*By Greta Lindqvist, local democracy reporter*",
        "(Reporting by Samuel Reyes; Editing by Maria Okafor)",
        "Photos by Ana Ruiz",
        "By Jo Marsh",
    ]
    statements = [
        "By 2020, the council had built 500 homes.",
        "By Friday, the council had voted.",
        "By Mr. Tanaka’s count, 40 homes burned.",
        "By Northfield standards, the rise was small.",
        "Byron Smith said 12 people died.",
    ]
    assert all(is_credit_line(text) for text in credits)
    assert not any(is_credit_line(text) for text in statements)
    scores = score_sentences(credits)
    assert all(s.score < CHECKWORTHY_THRESHOLD for s in scores), scores


def test_an_attributed_quote_is_listed() -> None:
    quoted = (
        "“We have no safe alternative to a full closure,” said Daniel Brandt, the chief engineer."
    )
    (scored,) = score_sentences([quoted])
    assert {"quotation", "attribution"} <= set(scored.signals)
    assert scored.score >= CHECKWORTHY_THRESHOLD


UNDER_SCORED_FACTS = [
    "The next round of tariffs is due to start in mid-December.",
    "It was around midnight when a tip led Forest Hill police officers to Webb's room.",
    "Going upstairs to bed was a 33 min activity, the report said.",
]


def test_dated_counted_or_attributed_statements_are_listed() -> None:
    # Issue 10: factual news sentences the debate-trained model scored 0.10-0.33.
    for scored in score_sentences(UNDER_SCORED_FACTS):
        assert scored.score >= CHECKWORTHY_THRESHOLD


def test_under_scored_facts_are_listed_by_workbench_claims(tmp_path: Path) -> None:
    article = tmp_path / "news.txt"
    article.write_text("\n\n".join([*UNDER_SCORED_FACTS, *LOW]) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "claims", str(article), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert [c["text"] for c in json.loads(result.stdout)["claims"]] == UNDER_SCORED_FACTS


def test_questions_and_fragments_are_not_lifted_by_the_event_rule() -> None:
    assert not states_event("Will the tariffs start in December?", ("date",))
    assert not states_event("Updated 5 May.", ("date",))
    assert states_event("Talks resume on Thursday, officials said.", ("date", "attribution"))


DEBATE_TALK = [
    "I will cut taxes for every family next year.",
    "We should spend two billion dollars on schools.",
    "You know, I said that three times tonight.",
    "I think we have to do it in the next four years.",
    "If he says that, this issue will not be discussed in the campaign.",
    "First of all, the senator is wrong about this treaty.",
]
REPORTED_EVENTS = [
    "The council voted on Tuesday to close the tunnel for repairs.",
    "“We will strike next month,” the union’s leader said on Friday.",
    "Officials said the bridge would reopen after an inspection.",
    "Three people died when the roof collapsed at the market.",
    "You can sign up for a free 7-day trial of the service.",
]


def test_talk_in_the_speakers_own_voice_is_no_stated_event() -> None:
    # Issue 10: the event rule lists news's facts, not a debater's promise, opinion or aside
    # that holds a date, a number or "said"; a first-person quote attributed to someone is news.
    for text, scored in zip(DEBATE_TALK, score_sentences(DEBATE_TALK), strict=True):
        assert not states_event(text, scored.signals), text
    for text, scored in zip(REPORTED_EVENTS, score_sentences(REPORTED_EVENTS), strict=True):
        assert states_event(text, scored.signals), text
        assert scored.score >= CHECKWORTHY_THRESHOLD, text


def test_the_news_prior_leaves_talk_at_the_models_score() -> None:
    # A promise with a date in it keeps the score the debate-trained model gives it.
    model = shipped_model()
    promise = ["We will do it next year, and we will do it with 20 new schools."]
    (with_prior,) = score_with(model, promise)
    (alone,) = score_with(model, promise, {}, events_listed=False)
    assert with_prior.score == alone.score


def test_scoring_past_the_char_cache_limit_gives_the_same_decisions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The per-word char cache starts again past its limit (bounded memory on hostile input);
    # the sentences scored next must still find every word they need, with the same floats.
    monkeypatch.setattr(checkworthiness_model, "_CACHE_LIMIT", 5)
    model = dataclasses.replace(shipped_model())
    model.decisions(["alpha beta gamma"])
    texts = ["alpha beta delta epsilon zeta eta", "Gamma rays hit 12 towns, officials said."]
    expected = [shipped_model().decision(text, analyse(text)) for text in texts]
    assert [decision for decision, _ in model.decisions(texts)] == expected
