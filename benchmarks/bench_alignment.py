"""Alignment speed: 1,000 claims against a 200 KB page.

Run by hand: `python benchmarks/bench_alignment.py`. The page is the ground-truth article
bodies of ../shared/data/articles joined until 200 KB (real prose; synthetic text when the
data is absent). Claims are 1,000 of its sentences, most altered (a number changed, words
dropped), some from nowhere. Prints index build time, matching time (candidates, relatedness
and ranking: what each claim costs before its passages are compared) and how often the
altered sentence's source was found.
"""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

from workbench.core.evidence.align import PassageIndex
from workbench.core.evidence.passages import split_passages

PAGE_BYTES = 200_000
CLAIMS = 1_000


def page_text() -> str:
    truth = Path(__file__).resolve().parents[2] / "shared/data/articles/ground-truth-dev.json"
    if truth.is_file():
        bodies = [i["articleBody"] for i in json.loads(truth.read_text(encoding="utf-8")).values()]
        text = "\n".join(bodies)
        while len(text.encode("utf-8")) < PAGE_BYTES:
            text += "\n" + text
        return text.encode("utf-8")[:PAGE_BYTES].decode("utf-8", "ignore")
    print("(shared data not found: using synthetic text)")
    rng = random.Random(1)
    words = [
        "the",
        "council",
        "said",
        "budget",
        "rose",
        "million",
        "people",
        "city",
        "water",
        "report",
        "year",
        "police",
    ]
    lines = []
    while sum(len(x) for x in lines) < PAGE_BYTES:
        lines.append(" ".join(rng.choice(words) for _ in range(18)) + f" {rng.randint(1, 999)}.")
    return "\n".join(lines)


def altered(sentence: str, rng: random.Random) -> str:
    numbers = list(re.finditer(r"\d+", sentence))
    if numbers and rng.random() < 0.5:
        n = rng.choice(numbers)
        return sentence[: n.start()] + str(int(n.group()) + 10) + sentence[n.end() :]
    words = sentence.split()
    if len(words) > 8:
        del words[rng.randrange(len(words))]
    return " ".join(words)


def main() -> None:
    rng = random.Random(7)
    text = page_text()
    started = time.perf_counter()
    passages = split_passages(text)
    index = PassageIndex(passages)
    built = time.perf_counter() - started
    sentences = [p.text for p in passages if p.sentences == 1 and len(p.text) > 40]
    sources = rng.sample(sentences, CLAIMS - 50)
    claims = [altered(s, rng) for s in sources]
    claims += [f"The minister announced {rng.randint(2, 99)} new hospitals in Ruritania."] * 50
    started = time.perf_counter()
    matches = index.best_many(claims)
    matched = time.perf_counter() - started
    found = sum(
        1
        for source, match in zip(sources, matches, strict=False)
        if match is not None and source in match.passage.text
    )
    print(f"page {len(text.encode('utf-8')) / 1000:.0f} KB, {len(passages)} passages")
    print(f"index built in {built * 1000:.0f} ms")
    print(
        f"{len(claims)} claims matched in {matched * 1000:.0f} ms "
        f"({matched / len(claims) * 1e6:.0f} µs/claim)"
    )
    print(
        f"total {(built + matched) * 1000:.0f} ms; source passage found for "
        f"{found}/{len(sources)} altered claims"
    )


if __name__ == "__main__":
    main()
