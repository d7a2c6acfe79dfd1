"""Where a review file lives: beside a local article, or in the user data folder.

Apart from `store` so that finding the path (is there a review to read?) imports nothing of
the review model: `workbench claims` asks on every run, and most articles have no review.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from workbench.core.document import Document
from workbench.core.paths import data_dir

REVIEW_SUFFIX = ".review.json"


def default_session_path(document: Document) -> Path:
    """`ARTICLE.review.json` beside a local article; the data folder for URLs and stdin."""
    if document.is_local_file:
        return Path(document.source + REVIEW_SUFFIX)
    if document.source == "-":
        key = document.sha256[:16]
        slug = _slug(document.title or "stdin")
    else:
        key = hashlib.sha256(document.source.encode("utf-8")).hexdigest()[:16]
        # From the URL, not the page title: a site editing its headline must not hide the review.
        slug = _slug(document.source.split("://", 1)[-1])
    return data_dir() / "reviews" / f"{slug}-{key}{REVIEW_SUFFIX}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48] or "article"
