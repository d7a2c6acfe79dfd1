"""The extraction pipeline: document → paragraphs → folded sentences → scored, dated claims.

This is the one path from an article to its claims; `workbench claims`, the TUI, evidence and
reports all call `extract`.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.checkworthiness import CHECKWORTHY_THRESHOLD, Scored, score_sentences
from workbench.core.dates import DateMention, ReferenceDate, find_dates, resolve_reference_date
from workbench.core.document import Document, SourceKind
from workbench.core.folding import (
    FoldGroup,
    blank_non_ascii,
    fold_texts,
    normalise_all,
    split_words,
)
from workbench.core.forked import second_core_available, start_in_child
from workbench.core.furniture import furniture_paragraphs, without_hover_cards
from workbench.core.paragraphs import split_paragraphs
from workbench.core.segment import split_sentences
from workbench.core.spans import Span

_NORMALISE = re.compile(r"\W+")
CASEFOLD_CHANGES_WORD_CHARACTERS = (
    "\u0130\u01f0\u0345\u0390\u03b0\u1e96\u1e97\u1e98\u1e99\u1f50\u1f52\u1f54\u1f56"
    "\u1fb6\u1fb7\u1fc6\u1fc7\u1fd2\u1fd3\u1fd6\u1fd7\u1fe2\u1fe3\u1fe4\u1fe6\u1fe7"
    "\u1ff6\u1ff7"
)
"""The characters whose casefolded form is not all word characters when they are one, or the
other way round ("İ" becomes "i" and a combining dot, which `\\W` takes for punctuation).
A test checks every code point of the running Python's Unicode tables against this list."""
# Where `folding.normalise` (casefold, then `[\W_]+` to a space) and `_key` (`\W+` to a space,
# then casefold) may disagree: at "_", a word character to `\W` and a separator to folding, and
# at the characters above. Elsewhere casefolding maps each word character to word characters
# and each other character to others, so the two keys are equal.
_KEYS_MAY_DIFFER = re.compile(f"[_{CASEFOLD_CHANGES_WORD_CHARACTERS}]")
# ASCII non-word bytes (as `\W` sees them) become spaces and letters lower case; NUL, the
# separator, and the bytes of non-ASCII characters stay.
_ASCII_NON_WORD = bytes(
    ord(chr(c).lower()) if c == 0 or chr(c).isalnum() or chr(c) == "_" else 0x20 for c in range(128)
) + bytes(range(128, 256))


@dataclass(frozen=True)
class Claim:
    """One sentence of the article (folded over its copies), scored and dated."""

    id: str
    """Stable identifier derived from the sentence's words, so it survives edits elsewhere."""
    index: int
    """Position among the document's sentences (document order)."""
    text: str
    """The sentence as written (first copy), less any hover-card text pasted into it
    (`furniture.hover_card_spans`): then `start`/`end` still span it as written."""
    start: int
    """Offset of the first copy in the document text."""
    end: int
    """End offset of the first copy."""
    occurrences: tuple[Span, ...]
    """Every copy of the sentence, the first one included, in document order."""
    paragraph: Span
    """The paragraph that holds the first copy."""
    paragraph_copies: int
    """How many times that paragraph appears in the article (folded duplicates)."""
    score: float
    """Check-worthiness, 0 to 1."""
    signals: tuple[str, ...]
    """Why it is check-worthy: date, number, quotation, attribution, entity, ..."""
    dates: tuple[DateMention, ...]
    """Date expressions in the sentence, resolved."""
    checkworthy: bool
    """Whether it is listed as a claim (score at or above the threshold, and not furniture)."""
    furniture: bool = False
    """Whether it sits in page furniture (a "Read more" line, a caption, a promo...), which is
    never listed whatever it scores (`furniture.furniture_paragraphs`)."""

    @property
    def span(self) -> Span:
        """Where the first copy is."""
        return Span(self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of `workbench claims` (PRODUCT.md), with extra fields."""
        shape: dict[str, Any] = {
            "id": self.id,
            "index": self.index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "occurrences": len(self.occurrences),
            "copies": [{"start": s.start, "end": s.end} for s in self.occurrences],
            "paragraph": {"start": self.paragraph.start, "end": self.paragraph.end},
            "score": round(self.score, 4),
            "checkworthy": self.checkworthy,
            "signals": list(self.signals),
            "dates": [d.to_json() for d in self.dates],
        }
        if self.furniture:  # only where it is so: the usual sentence's shape is unchanged
            shape["furniture"] = True
        return shape


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    """The article."""
    reference: ReferenceDate
    """The date relative expressions were resolved against."""
    sentences: tuple[Claim, ...]
    """Every (folded) sentence in document order, check-worthy or not."""
    paragraphs: int
    """Number of paragraphs in the article, copies included."""
    folded_paragraphs: int
    """How many paragraph copies were folded into an earlier one."""

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The check-worthy sentences, in document order."""
        return tuple(s for s in self.sentences if s.checkworthy)

    def to_json(self, *, all_sentences: bool = False) -> dict[str, Any]:
        """The JSON document `workbench claims --format json` prints."""
        listed = self.sentences if all_sentences else self.claims
        return {
            "source": self.document.source,
            "title": self.document.title,
            "reference_date": self.reference.value.isoformat(),
            "reference_date_origin": self.reference.description,
            "reference_date_rule": self.reference.origin.value,
            "paragraphs": self.paragraphs,
            "folded_paragraphs": self.folded_paragraphs,
            "sentences": len(self.sentences),
            "claims": [c.to_json() for c in listed],
        }


def claim_id(text: str) -> str:
    """A short stable id for a sentence: the hash of its words, case and punctuation aside."""
    return "c" + hashlib.sha1(_key(text).encode("utf-8")).hexdigest()[:10]


def claim_ids(texts: Sequence[str], fold_keys: Sequence[str | None] | None = None) -> list[str]:
    """`claim_id` of each text, normalised all at once (as `folding.normalise_all` does).

    The texts are joined with NUL, which the byte table keeps; non-ASCII characters that are
    not word characters become spaces, and one translation of the UTF-8 bytes blanks the ASCII
    ones and lower-cases ASCII letters. Runs of non-word characters cannot cross a NUL, so each
    part is exactly what `claim_id` hashes once casefolded.

    `fold_keys`, when given, holds each text's `folding.normalise` (None where it is not
    known): the key folding already computed for the same sentence. Unless the text holds "_"
    or one of `CASEFOLD_CHANGES_WORD_CHARACTERS`, that key is exactly `claim_id`'s and is taken
    as it is; only the other texts are normalised here (`_KEYS_MAY_DIFFER`).
    """
    if fold_keys is None:
        return list(map(_id_of_key, _claim_keys(texts)))
    keys = list(fold_keys)
    redo = {index for index, key in enumerate(keys) if key is None}
    joined = "\x00".join(texts)
    if _KEYS_MAY_DIFFER.search(joined) is not None:
        # Each text's offset in `joined` (its length and a NUL after each), whatever it holds.
        ends = list(itertools.accumulate(len(text) + 1 for text in texts))
        redo.update(bisect_right(ends, m.start()) for m in _KEYS_MAY_DIFFER.finditer(joined))
    if redo:
        order = sorted(redo)
        for index, key in zip(order, _claim_keys([texts[i] for i in order]), strict=True):
            keys[index] = key
    return list(map(_id_of_key, keys))  # type: ignore[arg-type]  # every None replaced


def _claim_keys(texts: Sequence[str]) -> list[str]:
    """`_key` of each text but the casefolding of non-ASCII keys (`_id_of_key` does it)."""
    joined = "\x00".join(texts)
    if not texts or joined.count("\x00") != len(texts) - 1:
        return list(map(_key, texts))
    return split_words(blank_non_ascii(joined), _ASCII_NON_WORD)


def _id_of_key(key: str) -> str:
    """The id of a normalised key (`_key`), casefolded here when it is not ASCII."""
    folded = key if key.isascii() else key.casefold()
    return "c" + hashlib.sha1(folded.encode("utf-8")).hexdigest()[:10]


def _key(text: str) -> str:
    return _NORMALISE.sub(" ", text).strip().casefold()


def extract(
    document: Document,
    *,
    reference_date: dt.date | None = None,
    today: dt.date | None = None,
    second_core: bool = False,
) -> Extraction:
    """Run the whole pipeline on `document`.

    `reference_date` is the user's `--date`; `today` is injectable for tests. With
    `second_core` (a caller that runs no threads: the commands, before the app starts), a long
    article's sentences are scored by a forked child while this process folds and dates them
    (`forked`); the result is the same.
    """
    # The pipeline allocates a few objects per word and keeps most of them, so the cyclic
    # collector would sweep a growing heap again and again and find nothing (~12% of the
    # time on a 1 MB article). Nothing here makes reference cycles; reference counting frees
    # the rest. The collector's previous state is restored however this ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _extract(
            document, reference_date=reference_date, today=today, second_core=second_core
        )
    finally:
        if collecting:
            gc.enable()


def _extract(
    document: Document,
    *,
    reference_date: dt.date | None,
    today: dt.date | None,
    second_core: bool = False,
) -> Extraction:
    text = document.text
    paragraphs = split_paragraphs(document)
    sentence_spans: list[Span] = []
    sentence_paragraph: list[int] = []
    for p_index, paragraph in enumerate(paragraphs):
        spans = split_sentences(text, paragraph.start, paragraph.end)
        sentence_spans += spans
        sentence_paragraph += [p_index] * len(spans)

    # A page's headline line repeats its title (shown apart); a draft's own heading is kept.
    web_page = document.kind is SourceKind.HTML
    headline = document.title if web_page else None
    # A long article's sentences are scored meanwhile by a child on a second core (`forked`).
    scores_from_child = _score_in_child(text, sentence_spans, web_page) if second_core else None
    furniture = furniture_paragraphs(text, paragraphs, headline, web_page=web_page)
    span_texts = [text[s.start : s.end] for s in sentence_spans]
    fold_keys = normalise_all(span_texts)  # also the claim ids' keys (`claim_ids`)
    groups = fold_texts(span_texts, fold_keys)
    copies_of_paragraph = _paragraph_copies(len(paragraphs), sentence_paragraph, groups)
    firsts = [g.members[0] for g in groups]  # each group's canonical copy
    canonical = list(map(sentence_spans.__getitem__, firsts))
    # A hover card pasted with its sentence is left out of the sentence's text (what is scored
    # and shown); its offsets still span the sentence as written.
    sentence_texts = [without_hover_cards(span_texts[first]) for first in firsts]
    # The fold key stands for the text as written: not for one a hover card was cut out of.
    id_keys = [
        fold_keys[first] if shown is span_texts[first] else None
        for first, shown in zip(firsts, sentence_texts, strict=True)
    ]
    reference = resolve_reference_date(
        text, canonical, option=reference_date, document_date=document.published, today=today
    )
    dated = find_dates(text, canonical, reference)
    if scores_from_child is None:
        scored = score_sentences(sentence_texts, web_page=web_page)
    else:
        every_sentence = scores_from_child()
        scored = [Scored(*every_sentence[g.members[0]]) for g in groups]

    sentences: list[Claim] = []
    seen_ids: dict[str, int] = {}
    for index, (group, span, sentence_text, cid, score, dates) in enumerate(
        zip(
            groups,
            canonical,
            sentence_texts,
            claim_ids(sentence_texts, id_keys),
            scored,
            dated,
            strict=True,
        )
    ):
        signals = score.signals
        if (
            dates
            and "date" not in signals
            and any(d.value is not None and d.granularity != "duration" for d in dates)
        ):
            signals = ("date", *signals)
        if cid in seen_ids:  # same words, different punctuation: keep ids unique
            seen_ids[cid] += 1
            cid = f"{cid}-{seen_ids[cid]}"
        else:
            seen_ids[cid] = 1
        p_index = sentence_paragraph[group.members[0]]  # the canonical copy's paragraph
        is_furniture = p_index in furniture
        sentences.append(
            Claim(
                id=cid,
                index=index,
                text=sentence_text,
                start=span.start,
                end=span.end,
                occurrences=tuple(map(sentence_spans.__getitem__, group.members)),
                paragraph=paragraphs[p_index],
                paragraph_copies=copies_of_paragraph[p_index][0],
                score=score.score,
                signals=signals,
                dates=tuple(dates),
                checkworthy=score.score >= CHECKWORTHY_THRESHOLD and not is_furniture,
                furniture=is_furniture,
            )
        )
    return Extraction(
        document=document,
        reference=reference,
        sentences=tuple(sentences),
        paragraphs=len(paragraphs),
        folded_paragraphs=_folded_count(copies_of_paragraph),
    )


SECOND_CORE_SENTENCES = 2000
"""Sentences (copies counted) from which scoring in a forked child pays for the fork."""


def _score_in_child(
    text: str, spans: Sequence[Span], web_page: bool
) -> Callable[[], list[tuple[float, tuple[str, ...]]]] | None:
    """Start scoring every sentence (copies too: folding is not done yet) in a forked child,
    where a second core can do it and the article is long enough to pay; the returned
    function gives each sentence's (score, signals), in order. Scoring takes about as long as
    furniture, folding, the reference date and dating together (a 1 MB news article: ~230
    against ~200 ms in the child and here), which this process does meanwhile."""
    if len(spans) < SECOND_CORE_SENTENCES or not second_core_available():
        return None

    def work() -> list[tuple[float, tuple[str, ...]]]:
        # Exact copies (a scraped page's story twice) are scored once: a sentence's score
        # depends on its text alone. Near copies wait for folding, which runs meanwhile.
        texts = [text[s.start : s.end] for s in spans]
        distinct = list(dict.fromkeys(texts))
        cleaned = [without_hover_cards(sentence) for sentence in distinct]
        scored = score_sentences(cleaned, web_page=web_page)
        by_text = {t: (s.score, s.signals) for t, s in zip(distinct, scored, strict=True)}
        return list(map(by_text.__getitem__, texts))

    collect: Callable[[], list[tuple[float, tuple[str, ...]]]] = start_in_child(work)
    return collect


def _paragraph_copies(
    count: int, sentence_paragraph: list[int], groups: list[FoldGroup]
) -> list[tuple[int, int]]:
    """For each paragraph: how many paragraphs are copies of it, and the first of them.

    Derived from the sentence groups instead of folding paragraphs a second time: paragraph Q
    is a copy of P when every sentence of P has a copy in Q and they hold as many sentences.
    Near-identical paragraphs are found this way too, since their sentences fold.
    """
    group_of: dict[int, int] = {}
    holders: list[set[int]] = []
    for g_index, group in enumerate(groups):
        paragraphs_with_copy = set()
        for member in group.members:
            group_of[member] = g_index
            paragraphs_with_copy.add(sentence_paragraph[member])
        holders.append(paragraphs_with_copy)
    sentences_of: list[list[int]] = [[] for _ in range(count)]
    for s_index, p_index in enumerate(sentence_paragraph):
        sentences_of[p_index].append(s_index)
    result: list[tuple[int, int]] = []
    for p_index in range(count):
        own = sentences_of[p_index]
        if not own or len(holders[group_of[own[0]]]) == 1:
            # No sentence, or a first sentence no other paragraph holds (the usual paragraph):
            # no other paragraph can be a copy.
            result.append((1, p_index))
            continue
        # Start from the rarest sentence: a boilerplate sentence held by every paragraph
        # would make this quadratic in the number of paragraphs.
        sets = sorted((holders[group_of[s_index]] for s_index in own), key=len)
        candidates = set(sets[0])
        for other in sets[1:]:
            if len(candidates) == 1:
                break
            candidates &= other
        copies = [q for q in candidates if len(sentences_of[q]) == len(own)]
        result.append((max(1, len(copies)), min(copies, default=p_index)))
    return result


def _folded_count(copies: list[tuple[int, int]]) -> int:
    """How many paragraphs are later copies of an earlier one."""
    return sum(1 for index, (_, first) in enumerate(copies) if first < index)
