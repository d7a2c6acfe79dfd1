"""Find the passages of a page that match a claim, and whether each is about the same thing.

Two stages, so a thousand claims against a long page stay well under a second: an inverted
index of content words (numpy) picks a few candidate passages by IDF-weighted word overlap,
then each candidate is scored precisely: how much of the claim's rare-word weight it covers
(relatedness, see `relatedness.py`) blended with rapidfuzz similarity. Scores are 0–100.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from workbench.core.evidence.passages import Passage
from workbench.core.evidence.relatedness import ClaimTerms, Relatedness, relatedness
from workbench.core.evidence.words import STOPWORDS, topic_words

CANDIDATES = 12
"""Passages looked at per claim (by shared words)."""
PRECISE = 5
"""Of those, how many (sharing the most of the claim) rapidfuzz scores precisely."""


@dataclass(frozen=True, slots=True)
class Match:
    """The best passage found for one claim."""

    passage: Passage
    """The passage."""
    index: int
    """Its position in the index's passage list."""
    score: float
    """How well the passage matches, 0 (nothing in common) to 100 (same words): similarity
    blended with relatedness."""
    relation: Relatedness
    """Whether the passage is about the claim, and why."""

    @property
    def related(self) -> bool:
        """Whether the passage is about the claim."""
        return self.relation.related


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
                if word in STOPWORDS:
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
        # A word the page never uses cannot tell its passages apart, and a changed name must
        # not make the claim's own source look unrelated: it weighs like the commonest word.
        self._unseen = 1.0
        # rapidfuzz's normalised text already has the words split at punctuation.
        self._words = [frozenset(topic_words(text.split())) for text in self._normalised]

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

    def ranked(self, claim: str, limit: int = CANDIDATES) -> list[Match]:
        """The candidate passages for `claim`, best first: related ones before unrelated."""
        normalised = default_process(claim)
        terms = ClaimTerms.of(claim, self._weight)
        relations = [
            (relatedness(terms, self._words[index]), index)
            for index in self.candidates(claim, limit)
        ]
        # rapidfuzz is the costly part: only the passages sharing the most are scored with
        # it; the rest keep their (lower) share as their score.
        relations.sort(key=lambda item: -item[0].coverage)
        scored: list[tuple[tuple[bool, float, int, int], Match]] = []
        for rank, (relation, index) in enumerate(relations):
            if rank < PRECISE:
                similarity_score = similarity(normalised, self._normalised[index])
            else:
                similarity_score = 0.0
            score = round(0.5 * similarity_score + 50.0 * relation.coverage, 1)
            key = (relation.related, score, -len(self.passages[index].text), -index)
            scored.append((key, Match(self.passages[index], index, score, relation)))
        scored.sort(key=lambda item: item[0], reverse=True)
        return [match for _, match in scored]

    def best(self, claim: str) -> Match | None:
        """The passage that best matches `claim` (related or not), or None when no passage
        shares a word."""
        ranked = self.ranked(claim)
        return ranked[0] if ranked else None

    def best_many(self, claims: Sequence[str]) -> list[Match | None]:
        """`best` for each claim, in order."""
        return [self.best(claim) for claim in claims]

    def _weight(self, word: str) -> float:
        """How telling a word is on this page: rare words weigh more; a word the page does
        not have at all weighs most."""
        word_id = self._vocabulary.get(word)
        return self._idf[word_id] if word_id is not None else self._unseen
