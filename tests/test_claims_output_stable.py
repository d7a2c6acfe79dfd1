"""`workbench claims --all --format json` gives the same output as the committed goldens.

A guard for speed work on the pipeline: faster code must not silently change what is found.
Each sample in samples/, plus an article built here with edited copies of those samples (so the
fuzzy folding stages have copies to find and near-copies to refuse), is run through the command
and compared with tests/golden/<name>.json. Scores are compared rounded to 2 decimals, so
floating-point noise passes while any real change of score, decision, signal, date, offset or
fold fails.

Property tests check that each fast path (batched normalising, claim ids and scoring; line
splitting) gives exactly what the definition it replaced gives.

When a change of output is intended, regenerate the goldens and review the diff:

    WORKBENCH_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_claims_output_stable.py
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.cli.main import main
from workbench.core.checkworthiness_model import analyse, shipped_model
from workbench.core.extraction import CASEFOLD_CHANGES_WORD_CHARACTERS, claim_id, claim_ids
from workbench.core.folding import normalise, normalise_all
from workbench.core.loading import load_document
from workbench.core.paragraphs import _lines
from workbench.core.spans import Span

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("WORKBENCH_UPDATE_GOLDEN") == "1"

_NUMBER = re.compile(r"\d+")
_PLACES = ("Northfield", "Riverside", "Oakdale")


def edited_article() -> str:
    """Every sample paragraph three times: as written, with one word added, with its numbers
    changed; then a place name inserted. Exercises exact, fuzzy and refused folds."""
    paragraphs: list[str] = []
    for sample in sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.md")):
        for paragraph in load_document(str(sample)).text.split("\n"):
            paragraph = paragraph.strip()
            if not paragraph or paragraph.startswith(("#", "---", "title:", "date:")):
                continue
            paragraphs.append(paragraph)
    out: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        out.append(paragraph)
        out.append(paragraph.replace(" the ", " the very ", 1))
        out.append(_NUMBER.sub(lambda m: str(int(m.group()) + 1), paragraph))
        out.append(f"In {_PLACES[index % len(_PLACES)]}, {paragraph}")
    return "\n\n".join(out) + "\n"


def normalised(data: dict[str, Any]) -> dict[str, Any]:
    """The output with the source path reduced to its name and scores to 2 decimals."""
    data = dict(data)
    data["source"] = Path(data["source"]).name
    data["claims"] = [{**c, "score": round(c["score"], 2)} for c in data["claims"]]
    return data


def articles(tmp: Path) -> list[Path]:
    built = tmp / "edited-copies.txt"
    built.write_text(edited_article(), encoding="utf-8")
    return [*sorted(p for p in SAMPLES.iterdir() if p.is_file()), built]


@pytest.mark.parametrize(
    "name",
    [*sorted(p.name for p in SAMPLES.iterdir() if p.is_file()), "edited-copies.txt"],
)
def test_claims_output_matches_golden(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = {p.name: p for p in articles(tmp_path)}[name]
    # The samples date themselves; the built article mixes their dates, so it is given one.
    # Either way the goldens do not depend on the day the test runs.
    dated = ["--date", "2023-07-28"] if name == "edited-copies.txt" else []
    assert main(["claims", str(path), "--all", "--format", "json", *dated]) == 0
    got = normalised(json.loads(capsys.readouterr().out))
    assert got["reference_date_rule"] != "today"
    golden = GOLDEN / f"{name}.json"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert got["sentences"] == expected["sentences"]
    for mine, theirs in zip(got["claims"], expected["claims"], strict=True):
        assert mine == theirs, mine["text"]
    assert got == expected


# The batched fast paths must agree exactly with the per-text definitions they replace.
_TEXT = st.text(
    alphabet=st.sampled_from(list("aZ9_ .,'’“”—-\t\n\x00éß저Σ½\u200b\u0345İﬁ©ǰ\u212a")), max_size=30
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_batched_normalisation_equals_per_text(texts: list[str]) -> None:
    assert normalise_all(texts) == [normalise(t) for t in texts]
    assert claim_ids(texts) == [claim_id(t) for t in texts]
    # The extraction hands over folding's keys (None where a hover card was cut out).
    keys: list[str | None] = list(normalise_all(texts))
    assert claim_ids(texts, keys) == [claim_id(t) for t in texts]
    assert claim_ids(texts, [None] * len(texts)) == [claim_id(t) for t in texts]


def test_the_characters_casefolding_makes_other_word_characters_are_all_listed() -> None:
    # Folding's key stands for the claim id's wherever casefolding maps word characters to word
    # characters and the others to others: true of every character but the listed ones.
    word = re.compile(r"\w")
    changed = set()
    for char in map(chr, range(sys.maxunicode + 1)):
        folded = char.casefold()
        if folded != char:
            is_word = word.match(char) is not None
            if "_" in folded or any((word.match(c) is not None) != is_word for c in folded):
                changed.add(char)
    assert changed == set(CASEFOLD_CHANGES_WORD_CHARACTERS)


_VOCABULARY = (
    "In", "2019", "May", "4", "March", "said", "according", "to", "the", "strongest", "more",
    "than", "because", "led", "I", "we", "you", "my", "our", "Kim", "Jong", "Un", "U.N.",
    "NATO", "30%", "$5", "“quoted”", "Friday,", "July", "28", "next", "month", "?", "!",
    "Jan.", "5", "7/28/2023", "three", "dozen", "per", "cent", "1990s", "ago",
)  # fmt: skip
_SENTENCE = st.lists(st.sampled_from(_VOCABULARY), max_size=25).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_SENTENCE, st.text(max_size=40)), max_size=5))
def test_batched_scoring_equals_per_sentence(texts: list[str]) -> None:
    model = shipped_model()
    batched = model.decisions(texts)
    for text, (decision, analysis) in zip(texts, batched, strict=True):
        single = analyse(text)
        assert analysis == single
        assert decision == model.decision(text, single)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\r\x85\u2028")), max_size=20), st.data())
def test_lines_are_split_at_crlf_cr_and_lf_only(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    # The line definition `paragraphs` had before its fast path, as the reference.
    expected = []
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text[start:]):
        if match.start() == match.end():
            break
        content = match.group(0).rstrip("\r\n")
        expected.append(Span(start + match.start(), start + match.start() + len(content)))
    assert _lines(text, start) == expected


def test_batched_paths_agree_across_batches_and_with_a_nul_in_a_later_batch() -> None:
    # The batched normalisations join a few hundred texts at a time: many batches, a NUL
    # (the separator) in a text of a later batch, and empty texts must all agree per text.
    words = ["Reyes", "said", "İstanbul", "2019", "“no”", "café", "_x", "", "💡", "ﬁnal", "\n"]
    texts = [" ".join(words[(n * k) % len(words)] for k in range(n % 9)) for n in range(700)]
    texts[650] = "a\x00b 12 Mayors"
    assert normalise_all(texts) == [normalise(t) for t in texts]
    keys: list[str | None] = list(normalise_all(texts))
    assert claim_ids(texts, keys) == [claim_id(t) for t in texts]
    model = shipped_model()
    batched = model.decisions(texts)
    assert [a for _, a in batched] == [analyse(t) for t in texts]
    assert [d for d, _ in batched] == [model.decision(t, analyse(t)) for t in texts]
    without_nul = texts[:650] + texts[651:]
    batched = model.decisions(without_nul)
    assert [a for _, a in batched] == [analyse(t) for t in without_nul]
    assert [d for d, _ in batched] == [model.decision(t, analyse(t)) for t in without_nul]
