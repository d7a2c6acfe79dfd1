"""Find the passage of a page that best matches a claim.

Two stages, so a thousand claims against a long page stay well under a second: an inverted
index of content words (numpy) picks a few candidate passages by IDF-weighted word overlap,
then rapidfuzz scores those candidates precisely. Scores are 0–100.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from workbench.core.evidence.passages import Passage

CANDIDATES = 8
"""Passages the precise scorer looks at per claim."""

# Words too common to tell passages apart; numbers and names do the real work.
_STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        """
        a an the and or but of to in on at by for with from as into over after before about is
        are was were be been being has have had do does did it its this that these those he she
        they them his her their we our you your i me my not no so than then there here which who
        whom whose what when where why how said says will would can could may might also more
        most up out if all any some such only other
        """,
    )
)


@dataclass(frozen=True, slots=True)
class Match:
    """The best passage found for one claim."""

    passage: Passage
    """The passage."""
    index: int
    """Its position in the index's passage list."""
    score: float
    """Similarity, 0 (nothing in common) to 100 (same words)."""


def similarity(claim: str, passage: str) -> float:
    """The precise score, 0–100, on already normalised strings.

    token_set_ratio forgives a passage for saying more than the claim; blending in the plain
    ratio prefers the passage closest in length, so the source sentence beats the same
    sentence joined with its neighbour.
    """
    return 0.7 * fuzz.token_set_ratio(claim, passage) + 0.3 * fuzz.ratio(claim, passage)


class PassageIndex:
    """The passages of one page, indexed for matching many claims."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.passages = list(passages)
        self._normalised = [default_process(p.text) for p in self.passages]
        vocabulary: dict[str, int] = {}
        postings: list[list[int]] = []
        for number, text in enumerate(self._normalised):
            for word in set(text.split()):
                if word in _STOPWORDS:
                    continue
                word_id = vocabulary.get(word)
                if word_id is None:
                    word_id = vocabulary[word] = len(postings)
                    postings.append([])
                postings[word_id].append(number)
        self._vocabulary = vocabulary
        self._postings = [np.asarray(p, dtype=np.int32) for p in postings]
        total = max(len(self.passages), 1)
        self._idf = [math.log((total + 1) / (len(p) + 1)) + 1.0 for p in postings]

    def __len__(self) -> int:
        return len(self.passages)

    def candidates(self, claim: str, limit: int = CANDIDATES) -> list[int]:
        """Indexes of up to `limit` passages sharing the most (IDF-weighted) words."""
        ids = [
            self._vocabulary[word]
            for word in set(default_process(claim).split())
            if word in self._vocabulary
        ]
        if not ids:
            return []
        hits = np.concatenate([self._postings[i] for i in ids])
        weights = np.repeat(
            np.asarray([self._idf[i] for i in ids]), [len(self._postings[i]) for i in ids]
        )
        overlap = np.bincount(hits, weights=weights, minlength=len(self.passages))
        found = int(np.count_nonzero(overlap))
        limit = min(limit, found)
        if limit == 0:
            return []
        top = np.argpartition(-overlap, limit - 1)[:limit]
        return [int(i) for i in top[np.argsort(-overlap[top], kind="stable")]]

    def best(self, claim: str) -> Match | None:
        """The passage that best matches `claim`, or None when no passage shares a word."""
        normalised = default_process(claim)
        best: tuple[float, int, int] | None = None  # (score, -length, index): max wins
        for index in self.candidates(claim):
            score = similarity(normalised, self._normalised[index])
            key = (score, -len(self.passages[index].text), index)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None:
            return None
        return Match(self.passages[best[2]], best[2], round(best[0], 1))

    def best_many(self, claims: Sequence[str]) -> list[Match | None]:
        """`best` for each claim, in order."""
        return [self.best(claim) for claim in claims]
