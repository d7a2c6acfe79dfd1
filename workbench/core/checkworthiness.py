"""Check-worthiness: a 0-1 score and named signals for each sentence.

The score is the shipped linear model (`checkworthiness_model`) through a Platt sigmoid placed
so that the listing cutoff tuned in training lands on `CHECKWORTHY_THRESHOLD`; the signals
(`signals`) are both features of the model and the explanation shown to the checker.
`benchmarks/eval_checkworthiness.py` measures exactly this function, via `score_with`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from workbench.core.checkworthiness_model import LinearModel, shipped_model
from workbench.core.signals import WORD, tokenize

CHECKWORTHY_THRESHOLD = 0.4
"""Sentences scoring at least this are listed as claims.

Training maps its F1-best cutoff (chosen on inner folds of the training data, the two classes
weighted equally as in news copy and ClaimBuster's test split) to this score, so listing at 0.4
is listing at the tuned cutoff. The model's `listed_at` is this same number."""

NEWS_PRIOR: Mapping[str, float] = MappingProxyType({"date": 1.6, "number": 0.3, "entity": 0.3})
"""Log-odds added per signal found, on top of the model.

The model learned from debate transcripts, where "we will ... next year" is a promise, not a
claim; in news copy a dated, counted event ("the three leaders will meet next month") is the news
itself and the product lists it. Likewise a named person or organisation in news copy is
usually the subject of a statement of fact ("Wi Sung-lac was the South Korean ambassador to
Russia"), where debaters name each other in rhetoric. Set by hand from that prior, not fitted;
the nested cross-validated evaluation reports the score with it and the model without it.
"""


QUOTE_PRIOR = 1.5
"""Log-odds added when a sentence both quotes and attributes ("…,” said the mayor).

Whether a named person said those words is itself a fact to check; debate transcripts, which
the model learned from, hardly ever quote anyone, so it cannot know that."""

CREDIT_PENALTY = -8.0
"""Log-odds added to a credit line ("By Jo Marsh", "(Reporting by …; Editing by …)"): it names
people, so the model scores it high, but there is nothing in it to check."""

_NOT_A_NAME = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Christmas|Easter|Then|Now"
    r"|Mr|Mrs|Ms|Dr|Gen)\b"
)
_CREDIT_LINE = re.compile(
    r"^[\W_]*(?:"
    # "By Greta Lindqvist, local democracy reporter": a name and nothing else in the clause.
    rf"[Bb]y\s+(?!{_NOT_A_NAME})[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\s*(?:[,;*)\]]|$)"
    r"|(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|photos?|graphics?|video)"
    r"\s+by)\b"
    r")"
)


EVENT_SIGNALS = frozenset({"date", "number", "attribution"})
"""Signals of a dated, counted or attributed event: a statement with one is always listed."""

MIN_EVENT_WORDS = 6
"""Words a statement needs to count as reporting an event ("Updated 5 May." does not)."""

# A time of day dates an event as well as a calendar date does ("It was around midnight when a
# tip led police to Webb's room"); the date signal looks for calendar words only.
_TIME_OF_DAY = re.compile(
    r"\b(?:midnight|noon|midday|dawn|dusk|\d{1,2}(?::\d{2})?\s*[ap]\.?m\b)", re.IGNORECASE
)
# A statement ends as a sentence ends; a question or a fragment does not report anything.
_STATEMENT_END = re.compile(r"[.!…][\"'”’)\]]*\s*$")
# The first person: a speaker's own doings, plans and promises.
_FIRST_PERSON_TALK = frozenset(
    {
        "i", "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d", "me", "my", "mine",
        "myself", "we", "we're", "we’re", "we've", "we’ve", "we'll", "we’ll", "we'd", "we’d",
        "our", "ours", "us", "ourselves", "let's", "let’s",
    }
)  # fmt: skip
# Opinion and wish words ("I think", "I hope"): talk, and also what a first-person figure on a
# web page must not hold (`states_event`).
_OPINION_WORDS = frozenset(
    {"think", "believe", "feel", "hope", "guess", "suppose", "wish", "maybe", "perhaps"}
)
_SECOND_PERSON_AND_ADVICE = frozenset(
    {
        "you", "your", "yours", "you're",
        "you’re", "you've", "you’ve", "you'll", "you’ll", "you'd", "you’d", "yourself",
        "should", "must", "ought", "shall", "folks",
    }
)  # fmt: skip
# Words that make a sentence talk rather than report, when the speaker says them in their own
# voice (outside quotation marks): the first and second person ("I will", "we should", "you
# know", "let me"), opinion and wish verbs ("I think", "I hope"), and the modals of advice and
# obligation ("should", "must", "ought"). Debate transcripts, which the model learned from, are
# full of these with a number or "said" in them, and ClaimBuster labels nearly all of them not
# check-worthy (of 468 training sentences the old rule lifted, 15 were). News reports in the
# third person; what a named person says in the first person sits inside quotation marks.
_TALK_WORDS = _FIRST_PERSON_TALK | _OPINION_WORDS | _SECOND_PERSON_AND_ADVICE
# A sentence that opens on a condition is a hypothetical ("If he says that, this issue will
# not be discussed"); a condition inside a reported statement is not ("Retailers warned that
# shelves could be short if the dispute drags on into next month").
_CONDITIONS = frozenset({"if", "unless", "suppose", "imagine"})
_OPENERS = frozenset({"and", "but", "so", "now", "well", "because", "even"})
# Number-signal words that count: the signal also fires on ordinals and "half", which in
# speech mostly enumerate points.
_QUANTITY_WORDS = frozenset(
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
        "billion", "billions", "trillion", "trillions", "dozen", "dozens", "percent",
        "percentage", "cent", "twice", "doubled", "tripled", "halved",
    }
)  # fmt: skip
_DIGIT = re.compile(r"\d")
# A span in quotation marks, dropped before looking for talk: "“We will strike,” the union said"
# reports what the union said.
_QUOTED = re.compile(r"[\"“”«»„][^\"“”«»„]*[\"“”«»„]?")


def _talk_words(text: str, words: Collection[str], quoted: bool) -> frozenset[str]:
    """The words of talk in the sentence's own voice (outside quotation marks), if any."""
    talk = _TALK_WORDS.intersection(words)
    if talk and quoted:
        return _TALK_WORDS.intersection(WORD.findall(_QUOTED.sub(" ", text).lower()))
    return talk


def _opens_on_condition(words: Sequence[str]) -> bool:
    """Whether the sentence opens on "if"/"unless", after at most one connective."""
    if not words:
        return False
    first = words[0]
    if first in _OPENERS and len(words) > 1:
        first = words[1]
    return first in _CONDITIONS


def _talks(text: str, words: Collection[str], quoted: bool) -> bool:
    """Whether the sentence talks in its own voice (first or second person, opinion, advice)."""
    return not _TALK_WORDS.isdisjoint(words) and bool(_talk_words(text, words, quoted))


def _counts(text: str, words: Sequence[str]) -> bool:
    """Whether the number signal counts something: a digit or a quantity word. An ordinal or
    "half" alone ("First of all, …", "Number two is to cut spending.") lists points, not facts."""
    return _DIGIT.search(text) is not None or not _QUANTITY_WORDS.isdisjoint(words)


def states_event(
    text: str,
    signals: Sequence[str],
    words: Sequence[str] | None = None,
    *,
    web_page: bool = False,
) -> bool:
    """Whether a sentence states a dated, counted or attributed event: news's facts.

    Recall first on news: such a sentence is listed whatever the model (trained on debates,
    where "we will do it next year" is a promise) thinks of its wording. Only a statement in
    the third person counts: a question, a fragment, or talk in the speaker's own voice ("I
    will", "we should", "you know", "I think", "if …") that merely holds a number or "said"
    does not. `words` are the sentence's lower-cased tokens when the caller has them.
    Furniture is kept out of the list separately, before this matters (`furniture`).

    `web_page` says the sentence comes from a published page, where the first person is an
    interviewee's answer or a columnist's account ("A: I am very honored to be on the SBJ 40
    Under 40 list.", "our outstanding 350 partners"), not a debater's promise: there a figure
    in the first person counts too, unless the sentence gives an opinion or a wish ("I think
    we will win 3 games").
    """
    if not _STATEMENT_END.search(text) or len(text.split()) < MIN_EVENT_WORDS:
        return False
    if words is None:
        words = tokenize(text)
    if not (
        "date" in signals
        or "attribution" in signals
        or ("number" in signals and _counts(text, words))
        or _TIME_OF_DAY.search(text) is not None
    ):
        return False
    if _opens_on_condition(words):
        return False
    talk = _talk_words(text, words, "quotation" in signals)
    # A figure written in digits is a count even in the second person or with a modal ("you
    # can sign up for a free 7-day trial", "should do 0-62 mph in 6.6 seconds"): written copy
    # states it to be checked. Only the first person ("I was there in 2008", "we'll cut 10
    # percent") stays talk: in ClaimBuster's training sentences 2 of 94 such were check-worthy.
    if talk and _DIGIT.search(text) is not None:
        if web_page:
            return _OPINION_WORDS.isdisjoint(talk)
        return _FIRST_PERSON_TALK.isdisjoint(talk)
    return not talk


def is_credit_line(text: str) -> bool:
    """Whether a sentence is a byline or credit rather than a statement."""
    return _CREDIT_LINE.match(text) is not None


@dataclass(frozen=True)
class Scored:
    """The check-worthiness of one sentence."""

    score: float
    """0 (nothing to check) to 1 (certainly a factual claim)."""
    signals: tuple[str, ...]
    """Names of the signals found, in `signals.SIGNAL_NAMES` order: date, number, quotation,
    attribution, entity, comparison, causal."""


def score_with(
    model: LinearModel,
    texts: Sequence[str],
    prior: Mapping[str, float] = NEWS_PRIOR,
    *,
    events_listed: bool = True,
    web_page: bool = False,
) -> list[Scored]:
    """Score each sentence with `model` and `prior` (the evaluation passes each fold's model).

    With `events_listed`, a sentence that `states_event` scores at least the listing threshold
    (the evaluation measures the model with and without this floor); `web_page` as there."""
    out: list[Scored] = []
    probability = model.probability
    floor = model.listed_at
    # The prior's log-odds for each combination of signals, summed once per combination.
    shifts: dict[tuple[str, ...], float] = {}
    credit = _CREDIT_LINE.match
    for text, (decision, analysis) in zip(texts, model.iter_decisions(texts), strict=True):
        signals = analysis.signals
        shift = shifts.get(signals)
        if shift is None:
            shift = shifts[signals] = _prior_shift(signals, prior)
        # The news priors are for reported statements; talk in the speaker's own voice ("we
        # will do it next year") keeps the model's score, as in the debates it learned from.
        # (`features` holds the words as a set: the same test as on `words`, and faster.)
        if shift and _talks(text, analysis.features, "quotation" in signals):
            shift = 0.0
        if credit(text) is not None:  # `is_credit_line`
            out.append(Scored(probability(decision, shift + CREDIT_PENALTY), signals))
            continue
        score = probability(decision, shift)
        if (
            events_listed
            and score < floor
            and states_event(text, signals, analysis.words, web_page=web_page)
        ):
            score = floor
        out.append(Scored(score, signals))
    return out


def _prior_shift(signals: tuple[str, ...], prior: Mapping[str, float]) -> float:
    """The log-odds `prior` adds to a sentence with `signals`, the quote prior included."""
    shift = 0.0
    for signal in signals:
        shift += prior.get(signal, 0.0)
    if "quotation" in signals and "attribution" in signals:
        shift += QUOTE_PRIOR
    return shift


def score_sentences(texts: Sequence[str], *, web_page: bool = False) -> list[Scored]:
    """Score each sentence with the shipped model (`web_page`: see `states_event`)."""
    return score_with(shipped_model(), texts, web_page=web_page)
