"""Fold duplicated paragraphs and sentences into groups, keeping every copy.

Scraped pages often carry a story twice, sometimes with a word or a quote mark changed between
the copies. `fold_spans` groups such copies so the checker sees each claim once with "appears
2×"; no span is dropped, and every input index lands in exactly one group.

Three stages keep it near-linear (10,000 paragraphs in a few tenths of a second, where
comparing all pairs with rapidfuzz takes 25 s):

1. **Exact**: spans whose normalised text (casefolded; punctuation, quotes, dashes and
   whitespace collapsed to one space) is equal form one group. This alone folds the usual
   scraped duplicate, and it is the only way texts under `MIN_FUZZY_WORDS` words fold.
2. **Blocking** (multi-pass sorted neighbourhood): the distinct texts are sorted three ways,
   and only neighbours in one of the orders become candidate pairs: by the text (copies edited
   near the end share a long prefix), by the text reversed (edited near the start), and by the
   text rotated to start at its rarest shared word (edited at both ends, or next to a
   boilerplate opening or sign-off that every paragraph shares). Each sort is done in C; on
   generated news paragraphs with planted copies this finds ~99% of them. A first version
   used a bottom-k MinHash index over word bigrams: it spent 0.7 s at 10,000 paragraphs
   building one Python object per bigram, and missed copies whose smallest hashes fell on
   common bigrams ("of the").
3. **Verification**: a candidate pair folds when the normalised Levenshtein similarity of the
   normalised texts reaches `SIMILARITY_CUTOFF` *and* both state the same numbers, negations,
   time words and names, because "105 children died" and "115 children died", "said it would"
   and "said it would not", "next month" and "next year", or "the Northfield library" and "the
   Riverside library" are different claims however similar the strings. Levenshtein
   (order-sensitive, a changed word counts once) rather than `token_set_ratio` or
   `partial_ratio`, which score a paragraph as identical to a longer one that contains it, so
   folding would hide the extra sentences; and rather than `fuzz.ratio` (Indel), because with
   a cutoff rapidfuzz runs a banded Levenshtein about three times faster.

Groups are closed transitively with union-find, so three copies with two different edits
still make one group. Avoids numpy on purpose: importing it costs ~0.1 s of CLI start-up.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from workbench.core.dates.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES
from workbench.core.spans import Span

SIMILARITY_CUTOFF = 0.9
"""Minimum normalised Levenshtein similarity (1 - edits / longer length) for two texts to be
copies: at most one character in ten edited. A 350-character paragraph with one word changed
scores ~0.98; a 12-word sentence with one word changed ~0.91; a 6-word one does not fold."""

MIN_FUZZY_WORDS = 4
"""Texts with fewer words ("Yes.", "Advertisement", "Read more") fold only when exactly equal
after normalisation: a fuzzy match of three words says nothing, but identical is identical."""

NEIGHBOURS = 1
"""How many following texts in each sort order a text is compared with. When a third text
sorts between two copies in one order, another order almost always puts them together; a
wider window found 0.1% more planted copies in the benchmark for twice the comparisons."""

BATCH_TEXTS = 256
"""How many texts the batched normalisations (`normalise_all`) join into one string."""

_NON_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(b"  +")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
TYPOGRAPHY = frozenset(
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2032\u2033\u00ab\u00bb\u2039\u203a"
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2026\u00a0\u2009\u200a\u202f\u2022\u00b7"
)
"""Typographic characters common in English news, none of them word characters: made spaces
first, so that most text is ASCII and takes the fast paths."""
# Every ASCII byte that is not a letter or digit becomes a space, as `[\W_]+` would make it.
_ASCII_TO_WORDS = bytes(c if chr(c).isalnum() else 0x20 for c in range(128)) + bytes(
    range(128, 256)
)
# The same, but NUL stays NUL: `normalise_all` separates the texts with it.
_ASCII_KEEP_NUL = b"\x00" + _ASCII_TO_WORDS[1:]
# Words whose change makes a different claim, however small the edit: numbers, negations and
# time words ("105 children died" / "115 children died", "would" / "would not", "next month"
# / "next year"). "t" is what normalisation leaves of "n't" ("didn't" -> "didn t").
_FACT_WORDS_TEXT = """
not no never nor none nobody nothing without t
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million millions billion billions trillion dozen dozens half quarter
first second third fourth fifth sixth seventh eighth ninth tenth once twice thrice
today yesterday tomorrow tonight week weeks weekend month months year years decade decades
century ago last next earlier later before after since until
"""
_FACT_WORDS = frozenset(_FACT_WORDS_TEXT.split()) | {
    name.casefold() for name in (*MONTH_NAMES, *MONTH_ABBREVIATIONS, *WEEKDAY_NAMES)
}
# A word starting with a capital of the Latin, Latin-1, Greek or Cyrillic alphabets (scripts
# without case have no names to tell apart this way).
_CAPITALISED = re.compile(
    r"(?<![\w'’-])[A-Z\u00c0-\u00d6\u00d8-\u00de\u0391-\u03a9\u0400-\u042f][\w'’-]*"
)
_OPENING = "\"'“‘«([ \t\r\n"


@dataclass(frozen=True)
class FoldGroup:
    """Spans judged to be copies of one another; the first is the one shown."""

    members: tuple[int, ...]
    """Indices into the input spans, in document order; `members[0]` is the canonical copy."""

    @property
    def canonical(self) -> int:
        """Index of the copy that stands for the group."""
        return self.members[0]


def fold_spans(text: str, spans: Sequence[Span]) -> list[FoldGroup]:
    """Group near-identical spans. Every input index appears in exactly one group.

    Groups are ordered by their canonical (first) member; members are in input order.
    """
    return fold_texts([text[span.start : span.end] for span in spans])


def fold_texts(texts: Sequence[str], normalised: Sequence[str] | None = None) -> list[FoldGroup]:
    """`fold_spans` on plain strings: groups of indices into `texts`.

    `normalised` is `normalise_all(texts)` when the caller has it already (the extraction
    keeps it for the claim ids)."""
    if normalised is None:
        normalised = normalise_all(texts)
    # Stage 1: exact matches on the normalised form; `distinct` keeps the first of each.
    first_of: dict[str, int] = {}
    exact_parent = [first_of.setdefault(key, index) for index, key in enumerate(normalised)]
    # Stages 2 and 3, on distinct texts long enough for a fuzzy match to mean something.
    # Counting spaces stands in for counting words: normalised text has single spaces.
    distinct = [
        (key, index) for key, index in first_of.items() if key.count(" ") >= MIN_FUZZY_WORDS - 1
    ]
    keys = [key for key, _ in distinct]
    indices = [index for _, index in distinct]
    lengths = [len(key) for key in keys]
    # Levenshtein distance is at least the difference in length, so a pair whose shorter text
    # is under the cutoff times the longer cannot reach it: the call is skipped. Each text's
    # bound is computed once; the test against the longer one's bound is that test exactly,
    # and the shorter one's bound never excludes the longer.
    bounds = [length * SIMILARITY_CUTOFF for length in lengths]
    forest = _UnionFind(len(texts))
    for a, b in candidate_pairs(keys):
        if lengths[a] < bounds[b] or lengths[b] < bounds[a]:
            continue
        index_a, index_b = indices[a], indices[b]
        if _are_copies(texts[index_a], texts[index_b], keys[a], keys[b]):
            forest.union(index_a, index_b)

    members: dict[int, list[int]] = {}
    is_root = forest.is_root
    for index in range(len(texts)):
        parent = exact_parent[index]
        # Most texts fold with nothing fuzzy: their exact parent is its set's root already.
        root = parent if is_root(parent) else forest.find(parent)
        if root in members:
            members[root].append(index)
        else:
            members[root] = [index]
    # Indices were appended in increasing order, so each list is sorted and starts with its
    # canonical member, and the dict's insertion order is the order of those first members.
    return [FoldGroup(tuple(group)) for group in members.values()]


def normalise(text: str) -> str:
    """The comparison form of a text: casefolded, each run of non-word characters one space.

    Curly and straight quotes, dashes, trailing whitespace and line breaks all vanish, so
    copies that differ only in typography are exactly equal. Equivalent to
    `re.sub(r"[\\W_]+", " ", text.casefold()).strip()`, with a byte-level fast path for text
    that is ASCII once common typography is removed (the regex runs at ~20 MB/s here).
    """
    folded = text.casefold()
    if not folded.isascii():
        found = set(_NON_ASCII.findall(folded))
        if not found <= TYPOGRAPHY:
            return _NON_WORD.sub(" ", folded).strip()
        for char in found:
            folded = folded.replace(char, " ")
    data = folded.encode("ascii").translate(_ASCII_TO_WORDS)
    while b"  " in data:
        data = data.replace(b"  ", b" ")
    return data.strip().decode("ascii")


def normalise_all(texts: Sequence[str]) -> list[str]:
    """`normalise` of each text, computed on all of them at once.

    The texts are joined with NUL, which the byte table keeps, and casefolded once. Every
    non-ASCII character that is not a word character (typography first) becomes a space; what
    remains non-ASCII is a letter or digit, whose UTF-8 bytes the table leaves alone, so one
    translation of the UTF-8 bytes does what `[\\W_]+` does. Runs of non-word characters
    cannot cross a NUL, so each part is exactly its own `normalise`. Texts holding NUL
    themselves take the per-text path.

    Done `BATCH_TEXTS` texts at a time: the whole of a 1 MB article joined is a 2-4 MB string
    (4 bytes a character once one emoji is in), and each of the dozen copies made of it
    (casefolding, one per character blanked, the bytes) takes fresh pages from the system;
    a batch's copies stay in the processor's cache and reuse the same memory (~25 -> ~20 ms,
    ~4,000 fewer page faults on the benchmark article).
    """
    out: list[str] = []
    for start in range(0, len(texts), BATCH_TEXTS):
        batch = texts[start : start + BATCH_TEXTS]
        joined = "\x00".join(batch).casefold()
        if joined.count("\x00") != len(batch) - 1:
            out += map(normalise, batch)
        else:
            out += split_words(blank_non_ascii(joined), _ASCII_KEEP_NUL)
    return out


def blank_non_ascii(joined: str) -> str:
    """`joined` with each non-ASCII character that is not a word character made a space."""
    for char in TYPOGRAPHY:
        if char in joined:
            joined = joined.replace(char, " ")
    if joined.isascii():
        return joined
    # Only the characters of the texts still not ASCII need looking at.
    rest = "".join([text for text in joined.split("\x00") if not text.isascii()])
    for char in set(rest):
        # `\w` in `re` is exactly `isalnum()` or "_", and "_" is ASCII.
        if not char.isascii() and not char.isalnum():
            joined = joined.replace(char, " ")
    return joined


def split_words(joined: str, table: bytes) -> list[str]:
    """The NUL-separated parts of `joined`, each with `table`'s spaces collapsed and trimmed.

    `table` maps every ASCII byte that is not a word character to a space and keeps NUL and
    the bytes of non-ASCII characters."""
    data = _SPACES.sub(b" ", joined.encode("utf-8").translate(table))
    return [part.strip(b" ").decode("utf-8") for part in data.split(b"\x00")]


def are_copies(a: str, b: str) -> bool:
    """Whether two texts are near-identical and state the same facts (see the module notes)."""
    return _are_copies(a, b, normalise(a), normalise(b))


def _are_copies(a: str, b: str, key_a: str, key_b: str) -> bool:
    similar = Levenshtein.normalized_similarity(key_a, key_b, score_cutoff=SIMILARITY_CUTOFF)
    if not similar or _facts(key_a) != _facts(key_b):
        return False
    # A changed name is a different claim too ("the Northfield library" / "the Riverside
    # library"); a copy set in capitals says nothing about names, so it is not compared.
    if any(c.islower() for c in a) and any(c.islower() for c in b):
        return _names(a) == _names(b)
    return True


@lru_cache(maxsize=4096)
def _facts(normalised: str) -> tuple[str, ...]:
    """The numbers, negations and time words of a normalised text, in order."""
    # Cached: a text is verified against each of its neighbours in three sort orders.
    # Normalised words are letters and digits only, so "not all letters" means "has a digit".
    return tuple([w for w in normalised.split(" ") if w in _FACT_WORDS or not w.isalpha()])


def _names(text: str) -> list[str]:
    """Capitalised words, casefolded, in order: those that open no sentence and that the text
    never writes in lower case ("The" after a semicolon is not a name; "Reyes" is)."""
    names = []
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if _written_in_lower_case(word.lower(), text):
            continue
        # A few characters back suffice to see past quotes and spaces, and keep this linear.
        before = text[max(0, match.start() - 8) : match.start()].rstrip(_OPENING)
        if before and before[-1] not in ".!?…:":
            names.append(word.casefold())
    return names


def _written_in_lower_case(word: str, text: str) -> bool:
    """Whether `word` (in lower case) occurs in `text` as a whole word."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not _is_word_char(text[start - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            return True
        start = text.find(word, start + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_'’-"


def candidate_pairs(keys: Sequence[str]) -> set[tuple[int, int]]:
    """Pairs of positions in `keys` that are near neighbours in one of the sort orders.

    A pair may appear in both orientations; that costs one extra comparison, less than
    ordering every pair in Python would.
    """
    anchors = _rare_anchors(keys)
    # The sort keys built in list comprehensions first: sorting then calls a C-level getter
    # per text instead of a Python lambda.
    orders: tuple[Sequence[str], ...] = (
        keys,
        [key[::-1] for key in keys],
        [_rotated(key, anchor) for key, anchor in zip(keys, anchors, strict=True)],
    )
    pairs: set[tuple[int, int]] = set()
    for order in orders:
        ranked = sorted(range(len(keys)), key=order.__getitem__)
        for step in range(1, NEIGHBOURS + 1):
            pairs.update(zip(ranked, ranked[step:], strict=False))
    return pairs


def _rare_anchors(keys: Sequence[str]) -> list[str]:
    """For each text, its rarest word that occurs in some other text too.

    Copies edited anywhere, even at both ends or inside a shared boilerplate opening, still
    share their rare words, so sorting by this word first puts them side by side. Words that
    occur once in the whole input are skipped: they are exactly the edited words, and could
    not pair a text with anything anyway.
    """
    # Split twice rather than keep every text's word list: at 100,000 paragraphs those lists
    # hold millions of strings, and building them once more costs less than holding them.
    # Counted a thousand texts at a time: one C-level split each, still bounded memory.
    counts: Counter[str] = Counter()
    for start in range(0, len(keys), 1000):
        counts.update(" ".join(keys[start : start + 1000]).split(" "))
    # Rank by count, then alphabetically (not by position: edits happen at the ends, and a
    # position tie-break would pick a different word in each copy). One int per word keeps
    # `min` in C.
    last = sum(counts.values()) + 1  # words seen once rank after every shared word
    rank = {
        word: (counts[word] if counts[word] > 1 else last) * len(counts) + order
        for order, word in enumerate(sorted(counts))
    }
    return [min(key.split(" "), key=rank.__getitem__) for key in keys]


def _rotated(key: str, anchor: str) -> str:
    """`key` rotated to start at the first occurrence of the word `anchor`.

    Sorting on this lines up the text that follows the anchor, which copies share up to their
    next edit, whatever happened at either end.
    """
    cut = f" {key} ".find(f" {anchor} ")
    return key[cut:] + " " + key[:cut]


class _UnionFind:
    """Disjoint sets over `0..size-1`; the root of a set is its smallest index."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def is_root(self, item: int) -> bool:
        """Whether `item` is the root of its set (then `find(item)` is `item`)."""
        return self._parent[item] == item

    def find(self, item: int) -> int:
        parent = self._parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # The smaller index stays the root, so a group's root is its canonical member.
            low, high = sorted((root_a, root_b))
            self._parent[high] = low
