"""The app's fetch bookkeeping, without a screen: which URLs, what is kept, how far along."""

from __future__ import annotations

from factories import build_extraction, saved_page

from workbench.core.review.counts import VerdictCounts
from workbench.core.review.fetch_jobs import claims_by_url, fetch_summary, kept_entry
from workbench.core.review.fetch_progress import FetchProgress
from workbench.core.review.model import ClaimReview, Session, Verdict


def test_claims_by_url_lists_every_claim_attaching_a_url() -> None:
    session = Session(
        article_source="a.txt",
        reviews=(
            ClaimReview("c1", "one", urls=("https://a.example/", "https://b.example/")),
            ClaimReview("c2", "two", urls=("https://b.example/",)),
        ),
    )
    assert claims_by_url(session) == {
        "https://a.example/": ["c1"],
        "https://b.example/": ["c1", "c2"],
    }
    assert claims_by_url(session, ["c2"]) == {"https://b.example/": ["c1", "c2"]}
    assert claims_by_url(session, ["c3"]) == {}


def test_a_failed_refetch_keeps_the_evidence_read_before() -> None:
    good = saved_page({"url": "u", "status": 200, "error": None})
    failed = saved_page({"url": "u", "status": None, "error": "timed out"})
    assert kept_entry(failed, good) == (good, False)
    assert kept_entry(good, failed) == (good, True)
    assert kept_entry(failed, None) == (failed, True)


def test_fetch_progress_counts_a_batch_and_never_queues_a_url_twice() -> None:
    progress = FetchProgress()
    assert progress.add(["u1", "u2"], refresh=False) == 2
    assert progress.add(["u2", "u3"], refresh=True) == 1
    assert progress.label == "fetching 1 of 3…"
    assert progress.take() == {"u1": False, "u2": False, "u3": True}
    assert progress.take() == {}
    progress.finished("u1", ok=True, kept=False)
    progress.finished("u2", ok=False, kept=True)
    assert progress.busy and progress.label == "fetching 3 of 3…"
    progress.finished("u3", ok=True, kept=False)
    assert not progress.busy and progress.label == ""
    assert progress.summary == "2 pages read, 1 failed, 1 kept from an earlier fetch"
    progress.reset()
    assert progress.summary == fetch_summary(0, 0, 0) == "0 pages read"


def test_verdict_counts_move_one_claim_at_a_time() -> None:
    extraction = build_extraction(["One 2019.", "Two 2020.", "Three 2021."])
    verdicts = {extraction.sentences[0].id: Verdict.DISPUTED}
    counts = VerdictCounts.of(
        extraction.sentences, lambda claim_id: verdicts.get(claim_id, Verdict.UNREVIEWED)
    )
    assert counts.progress().summary == "1 of 3 reviewed · 1 disputed"
    counts.moved(Verdict.UNREVIEWED, Verdict.VERIFIED)
    assert counts.progress().reviewed == 2
