"""Benchmark duplicate folding: generated news-like paragraphs with planted near-duplicates.

Run by hand: `.venv/bin/python benchmarks/bench_folding.py [SIZES...]` (default 1000 10000
100000). For each size it prints the time `fold_texts` takes, how many groups it made, how many of
the planted near-copies it folded (recall of the blocking; copies whose edit changed a
number, name or time word are counted apart, as they must not fold) and how many groups
wrongly merge distinct paragraphs. A second run per size wraps every paragraph in the same
boilerplate opening and sign-off (the worst case for candidate blocking: every paragraph
shares phrases with every other).
"""

from __future__ import annotations

import random
import sys
import time
from itertools import accumulate

from workbench.core.folding import are_copies, fold_texts

# A small English vocabulary with realistic frequencies: function words dominate, as in news.
_FUNCTION_TEXT = """
the the the the of of of to to and and a a in in that is was for on with as by at from it its
has have had been are were will would said says after over than more
"""
_CONTENT_TEXT = """
government minister police officials city council report year years week month people children
school hospital budget plan election court judge company market price prices workers union
strike agreement talks border security military army forces president spokesperson statement
investigation crash fire flood storm water power energy tax increase decrease record percent
residents families project tunnel bridge road harbour port airport flights trains service
services health doctors nurses patients vaccine study researchers university scientists data
evidence officers arrest charges trial verdict appeal law bill parliament vote votes party leader
opposition coalition campaign protest protesters crowd capital region province district village
farmers crops drought exports imports trade deal sanctions summit meeting announced confirmed
denied warned expected reported estimated rejected approved closed opened delayed cancelled
launched began ended rose fell doubled halved reached hit new local national former senior
public private major small large early late last next annual weekly official independent
regional federal
"""
_NAMES_TEXT = """
Maria Okafor|the Harbour Authority|Daniel Brandt|the Ministry of Transport|Aiko Tanaka|
the World Health Organization|Samuel Reyes|the city council|Leila Haddad|Northfield|Port Elston|
the Riverside district|Greta Lindqvist|the national statistics office
"""
FUNCTION_WORDS = _FUNCTION_TEXT.split()
CONTENT_WORDS = _CONTENT_TEXT.split()
NAMES = [name.strip() for name in _NAMES_TEXT.split("|")]
BOILERPLATE_START = "Advertisement. Story continues below this message from our sponsors. "
BOILERPLATE_END = (
    " Sign up for our morning newsletter to get the latest news delivered to your inbox."
    " This story has been updated with additional reporting from our regional desk."
)


_SYLLABLES_TEXT = "ka ro mi ten sul bar dex lin or po va gre sto nel um tri qua fen ja ho"
SYLLABLES = _SYLLABLES_TEXT.split()


def _vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    """Content words first, then made-up words (names, rare terms): news has a long tail."""
    made_up = {
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)
    }
    return CONTENT_WORDS + sorted(made_up)


VOCABULARY = _vocabulary(random.Random(1))
# Zipf's law: the word of rank r has weight 1 / (r + 5); the commonest content word is ~2.5%.
WEIGHTS = list(accumulate(1 / (rank + 5) for rank in range(len(VOCABULARY))))


def _word(rng: random.Random) -> str:
    if rng.random() < 0.45:
        return rng.choice(FUNCTION_WORDS)
    return rng.choices(VOCABULARY, cum_weights=WEIGHTS)[0]


def _sentence(rng: random.Random) -> str:
    words = [_word(rng) for _ in range(rng.randint(12, 24))]
    if rng.random() < 0.6:
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), str(rng.randint(2, 2000)))
    text = " ".join(words)
    if rng.random() < 0.2:
        return f"“{text[0].upper()}{text[1:]},” {rng.choice(NAMES)} said."
    return f"{text[0].upper()}{text[1:]}."


def _paragraph(rng: random.Random) -> str:
    text = _sentence(rng)
    while len(text) < 260:  # sentences run 60-180 characters: ~350 on average
        text += " " + _sentence(rng)
    return text


def _near_copy(rng: random.Random, paragraph: str) -> str:
    kind = rng.randrange(5)
    if kind == 4:  # edited at both ends: a dateline dropped and a sign-off added
        start = paragraph.find(" ") + 1
        return paragraph[start:] + " (Reuters)"
    if kind == 0:  # one word changed (not a number: that is a different claim)
        words = paragraph.split(" ")
        candidates = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 3]
        position = rng.choice(candidates) if candidates else 0
        words[position] = rng.choice(CONTENT_WORDS)
        return " ".join(words)
    if kind == 1:  # typography: straight quotes and dashes
        return paragraph.replace("“", '"').replace("”", '"').replace(",", " -", 1)
    if kind == 2:  # trailing whitespace and a lost full stop
        return paragraph.rstrip(".") + "  "
    return paragraph.upper() if rng.random() < 0.1 else paragraph.replace(". ", "; ", 1)


def generate(size: int, *, seed: int = 7, boilerplate: bool = False) -> tuple[list[str], list[int]]:
    """`size` paragraphs, ~20% of them near-copies; returns the texts and each one's origin."""
    rng = random.Random(seed)
    texts: list[str] = []
    origin: list[int] = []
    for index in range(size):
        if texts and rng.random() < 0.2:
            source = rng.randrange(len(texts))
            texts.append(_near_copy(rng, texts[source]))
            origin.append(origin[source])
        else:
            paragraph = _paragraph(rng)
            if boilerplate:
                paragraph = BOILERPLATE_START + paragraph + BOILERPLATE_END
            texts.append(paragraph)
            origin.append(index)
    return texts, origin


def run(size: int, *, boilerplate: bool) -> None:
    texts, origin = generate(size, boilerplate=boilerplate)
    # The best of three runs, wall clock and CPU: other jobs on a shared machine inflate both.
    elapsed = cpu = float("inf")
    for _ in range(3 if size <= 10_000 else 1):
        started, started_cpu = time.perf_counter(), time.process_time()
        groups = fold_texts(texts)
        elapsed = min(elapsed, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    group_of = {m: g.canonical for g in groups for m in g.members}
    copies = [(i, o) for i, o in enumerate(origin) if o != i]
    # Some planted edits change a number, a name or a time word: those must stay apart.
    foldable = [(i, o) for i, o in copies if are_copies(texts[i], texts[o])]
    folded = sum(1 for i, o in foldable if group_of[i] == group_of[o])
    wrong = sum(1 for g in groups if len({origin[m] for m in g.members}) > 1)
    chars = sum(map(len, texts)) / len(texts)
    label = "with boilerplate" if boilerplate else "plain"
    print(
        f"{size:>7} paragraphs (~{chars:.0f} chars, {label:>16}): {elapsed:6.3f} s "
        f"({cpu:.3f} s CPU), "
        f"{len(groups)} groups; planted copies folded {folded}/{len(foldable)} (another "
        f"{len(copies) - len(foldable)} changed a fact); groups merging distinct paragraphs {wrong}"
    )


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000]
    for size in sizes:
        for boilerplate in (False, True):
            run(size, boilerplate=boilerplate)


if __name__ == "__main__":
    main()
