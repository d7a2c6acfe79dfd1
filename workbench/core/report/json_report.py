"""The JSON report: for programs. Everything in the review file, plus the claims.

Shape (`format_version` 1):

    {"format": "workbench-report", "format_version": 1, "generated_at", "reviewers",
     "article": {"source", "title", "url", "published", "sha256"},
     "reference_date", "reference_date_origin", "reference_date_rule",
     "summary": {"claims", "reviewed", "orphaned", "counts": {verdict: n, ...}},
     "claims": [<claim as `workbench claims` prints it> + {"verdict", "note", "urls",
                "reviewer", "reviewed_at", "updated_at", "sources": [{"url", "page", "match"}]}],
     "orphaned": [<review as saved>],
     "review_file": <the review file's content (as attached); null when none was saved>}

Strings are the raw text (JSON escaping is enough for programs); nothing is made "visible".
"""

from __future__ import annotations

from typing import Any

from workbench.core.extraction import Extraction
from workbench.core.report.common import Report, build_report
from workbench.core.review.model import Session

REPORT_FORMAT_VERSION = 1
"""Version of the JSON report's shape."""


def render_json(
    extraction: Extraction,
    session: Session | None,
    *,
    generated_at: str | None = None,
    reviewer: str | None = None,
) -> dict[str, Any]:
    """The JSON report as a dict (dump it with `json.dumps`)."""
    return json_of(build_report(extraction, session, generated_at=generated_at, reviewer=reviewer))


def json_of(report: Report) -> dict[str, Any]:
    """Render an already merged report."""
    document = report.document
    reference = report.extraction.reference
    claims = []
    for entry in report.entries:
        data = entry.claim.to_json()
        data["number"] = entry.number
        review = entry.review
        data["verdict"] = entry.verdict.value
        data["note"] = review.note if review else ""
        data["urls"] = list(review.urls) if review else []
        data["reviewer"] = review.reviewer if review else None
        data["reviewed_at"] = review.reviewed_at if review else None
        data["updated_at"] = review.updated_at if review else None
        data["changed_since_verdict"] = bool(review and review.changed_since_verdict)
        data["verdict_text"] = review.verdict_text if review else None
        data["sources"] = [_source(report, url, entry.claim.id) for url in data["urls"]]
        claims.append(data)
    counts = report.counts
    return {
        "format": "workbench-report",
        "format_version": REPORT_FORMAT_VERSION,
        "generated_at": report.generated_at,
        "reviewers": list(report.reviewers),
        "article": {
            "source": document.source,
            "title": document.title,
            "url": report.article_url,
            "published": document.published.isoformat() if document.published else None,
            "sha256": document.sha256,
        },
        "reference_date": reference.value.isoformat(),
        "reference_date_origin": reference.description,
        "reference_date_rule": reference.origin.value,
        "summary": {
            "claims": len(report.entries),
            "reviewed": report.reviewed,
            "orphaned": len(report.orphaned),
            "counts": {verdict.value: n for verdict, n in counts.items()},
        },
        "claims": claims,
        "orphaned": [review.to_json() for review in report.orphaned],
        "review_file": report.session.to_json() if report.session else None,
    }


def _source(report: Report, url: str, claim_id: str) -> dict[str, Any]:
    page = report.page(url)
    record = page.record.to_json() if page else None
    match = page.match_for(claim_id) if page else None
    return {"url": url, "page": record, "match": match.to_json() if match else None}
