"""Reviews follow their sentence when the article is edited; lost sentences orphan, never drop."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.core.extraction import Claim, Extraction, claim_id, extract
from workbench.core.loading import load_document
from workbench.core.report import render_json, render_markdown
from workbench.core.review.model import ClaimReview, Verdict
from workbench.core.review.reattach import reattach
from workbench.core.review.workspace import ReviewWorkspace
from workbench.core.spans import Span

ARTICLE = """Borders reopen

North Korea opened its borders for the first time in more than three years on Friday, July 28.

Defense Minister Sergei Shoigu watched a parade marking the 70th anniversary of the armistice.

China and Russia have blocked 3 Security Council resolutions since 2022, diplomats said.

It was a sunny day in the capital.
"""
SHOIGU = "Sergei Shoigu watched a parade"
CHINA = "China and Russia have blocked"


def sentence(text: str, index: int = 0, start: int = 0) -> Claim:
    return Claim(
        id=claim_id(text),
        index=index,
        text=text,
        start=start,
        end=start + len(text),
        occurrences=(Span(start, start + len(text)),),
        paragraph=Span(start, start + len(text)),
        paragraph_copies=1,
        score=0.9,
        signals=(),
        dates=(),
        checkworthy=True,
    )


def review_of(text: str, verdict: Verdict = Verdict.VERIFIED) -> ClaimReview:
    return ClaimReview(claim_id=claim_id(text), text=text, verdict=verdict)


# -- the matching rule -------------------------------------------------------------------------


def test_exact_id_wins_and_keeps_offsets_current() -> None:
    moved = sentence("The toll rose to 12.", index=3, start=120)
    result = reattach([review_of("The toll rose to 12.")], [sentence("Other."), moved])
    assert result.orphaned == () and result.moved == 0
    assert (result.attached[0].start, result.attached[0].end) == (120, 140)


def test_a_slightly_reworded_sentence_takes_the_review() -> None:
    old = "Defense Minister Sergei Shoigu watched a parade marking the 70th anniversary."
    new = "Defence Minister Sergei Shoigu watched the parade marking the 70th anniversary."
    result = reattach(
        [review_of(old, Verdict.DISPUTED)], [sentence("Unrelated words."), sentence(new)]
    )
    assert result.moved == 1 and result.orphaned == ()
    attached = result.attached[0]
    assert (attached.claim_id, attached.text, attached.verdict) == (
        claim_id(new),
        new,
        Verdict.DISPUTED,
    )


def test_an_unrelated_sentence_does_not_take_the_review() -> None:
    gone = review_of("Exports fell 4% in 2019, the ministry said.")
    result = reattach([gone], [sentence("It was a sunny day in the capital.")])
    assert result.attached == () and result.orphaned == (gone,)


def test_each_sentence_takes_at_most_one_review() -> None:
    text = "The toll rose to 12 on Friday, officials said."
    first = review_of(text)
    twin = ClaimReview(claim_id="c-old", text=text + " ", verdict=Verdict.DISPUTED)
    result = reattach([first, twin], [sentence(text)])
    assert [r.verdict for r in result.attached] == [Verdict.VERIFIED]
    assert [r.verdict for r in result.orphaned] == [Verdict.DISPUTED]


# -- through the real pipeline and files -------------------------------------------------------


def _extraction(path: Path) -> Extraction:
    return extract(load_document(str(path)))


def _find(extraction: Extraction, words: str) -> Claim:
    return next(s for s in extraction.sentences if words in s.text)


def _reviewed(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    extraction = _extraction(article)
    session = Path(str(article) + ".review.json")
    workspace = ReviewWorkspace.open(extraction, session, reviewer="alice")
    workspace.set_verdict(_find(extraction, SHOIGU).id, Verdict.DISPUTED)
    workspace.set_note(_find(extraction, SHOIGU).id, "It was the 70th, fine; the date is wrong.")
    workspace.set_verdict(_find(extraction, CHINA).id, Verdict.VERIFIED)
    workspace.add_url(_find(extraction, CHINA).id, "https://un.example/vetoes")
    return article, session


def test_reworded_sentence_keeps_its_review_after_reopening(tmp_path: Path) -> None:
    article, session = _reviewed(tmp_path)
    article.write_text(
        ARTICLE.replace("Defense Minister Sergei", "Russian Defence Minister Sergei"), "utf-8"
    )
    extraction = _extraction(article)
    workspace = ReviewWorkspace.open(extraction, session, reviewer="alice")
    reworded = _find(extraction, SHOIGU)
    assert "Russian Defence" in reworded.text
    review = workspace.review_of(reworded.id)
    assert review.verdict is Verdict.DISPUTED and review.note.startswith("It was the 70th")
    assert workspace.moved_on_open == 1
    assert workspace.session.orphaned == ()
    # The new place is saved: the file now names the reworded sentence.
    texts = [c["text"] for c in json.loads(session.read_text("utf-8"))["claims"]]
    assert reworded.text in texts


def test_deleted_sentence_is_orphaned_kept_in_the_file_and_in_the_report(tmp_path: Path) -> None:
    article, session = _reviewed(tmp_path)
    edited = "\n".join(line for line in ARTICLE.splitlines() if SHOIGU not in line) + "\n"
    article.write_text(edited, encoding="utf-8")
    extraction = _extraction(article)
    workspace = ReviewWorkspace.open(extraction, session, reviewer="alice")
    assert [r.verdict for r in workspace.session.orphaned] == [Verdict.DISPUTED]
    assert workspace.verdict_of(_find(extraction, CHINA).id) is Verdict.VERIFIED

    data = json.loads(session.read_text("utf-8"))
    assert [o["verdict"] for o in data["orphaned"]] == ["disputed"]
    assert SHOIGU in data["orphaned"][0]["text"]
    assert data["orphaned"][0]["note"].startswith("It was the 70th")

    markdown = render_markdown(extraction, workspace.session, generated_at="2023-07-30T12:00:00Z")
    orphans = markdown.split("## Orphaned reviews", 1)[1]
    assert SHOIGU in orphans and "It was the 70th" in orphans
    assert render_json(extraction, workspace.session)["orphaned"][0]["verdict"] == "disputed"

    # Another edit elsewhere keeps the orphan; putting the sentence back re-attaches it.
    workspace.set_verdict(_find(extraction, CHINA).id, Verdict.INCONCLUSIVE)
    assert len(json.loads(session.read_text("utf-8"))["orphaned"]) == 1
    article.write_text(ARTICLE, encoding="utf-8")
    restored = ReviewWorkspace.open(_extraction(article), session, reviewer="alice")
    assert restored.session.orphaned == ()
    assert restored.verdict_of(_find(restored.extraction, SHOIGU).id) is Verdict.DISPUTED


def test_reattached_follows_an_edit_in_memory_only(tmp_path: Path) -> None:
    from workbench.core.report import reattached
    from workbench.core.review.store import load_session

    article, session = _reviewed(tmp_path)
    article.write_text(
        ARTICLE.replace("Defense Minister Sergei", "Russian Defence Minister Sergei"), "utf-8"
    )
    before = session.read_bytes()
    extraction = _extraction(article)
    loaded = load_session(session)
    assert loaded is not None
    # As loaded, the review names a sentence that is gone: reported as orphaned, not lost.
    stale = render_markdown(extraction, loaded)
    assert "### ✗ Disputed · orphaned review 1" in stale
    fresh = render_markdown(extraction, reattached(extraction, loaded))
    assert "### ✗ Disputed · claim" in fresh and "Orphaned" not in fresh
    assert session.read_bytes() == before
