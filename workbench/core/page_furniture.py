"""Page furniture in an HTML page's structure: what to cut before the main text is extracted,
and the lead to keep when the extractor drops it.

trafilatura already drops `<nav>`, `<aside>`, `<footer>`, `<figure>` and elements whose class
says comments, share buttons or ads (measured: pruning those again changed nothing on the 30
pages of the claim-list benchmark's tuning half). What it keeps, and the page's markup still
tells apart, is cut here:

- blocks the site itself labels as promotion, subscription, related or latest stories, polls or
  pop-ups (`class`/`id` words below): a site names its boxes for what they are;
- hover cards: an inline box right after a link, made of an image or several links ("Kristi
  Noem" + "Kristi Lynn Noem / South Dakota governor doubles down… / MORE"), which a browser shows
  only on hover but whose text would otherwise be glued into the sentence;
- lists of links: a `<ul>`/`<ol>` whose items are almost all link text (related stories, menus).

`lead_paragraphs` returns the summary or standfirst (`div.article__summary`, `p.standfirst`, ...)
a page marks as such, so that a lead the extractor dropped as boilerplate is put back: it is
often the story's first and most important sentence.
"""

from __future__ import annotations

import re
from typing import Any

_TOKEN = re.compile(r"[a-z]+")

FURNITURE_WORDS = frozenset(
    {
        "promo",
        "promotion",
        "newsletter",
        "subscribe",
        "subscription",
        "signup",
        "paywall",
        "related",
        "recommended",
        "recommendations",
        "recirculation",
        "latest",
        "trending",
        "popular",
        "mostread",
        "poll",
        "polls",
        "voting",
        "tooltip",
        "popover",
        "hovercard",
        "popup",
        "outbrain",
        "taboola",
        "sponsored",
    }
)
"""Words in a `class` or `id` by which sites name boxes that are not the story."""

LEAD_WORDS = frozenset(
    {"summary", "standfirst", "dek", "lede", "lead", "intro", "subheadline", "subtitle", "excerpt"}
)
"""Words in a `class` by which sites name the story's summary or standfirst."""

_MEDIA_WORDS = frozenset(
    {"image", "img", "photo", "picture", "media", "video", "caption", "credit"}
)
_MAX_LEADS = 2
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})
_INLINE = frozenset({"span", "div", "em", "strong", "b", "i", "small", "sup"})
_LINK_SHARE = 0.8
"""A box is made of links when at least this share of its text is link text."""
_MAX_SHARE_OF_PAGE = 0.5
"""A box holding more than this share of the page's text is never cut: it is the story."""


def _words_of(element: Any) -> set[str]:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return set(_TOKEN.findall(names))


class _Lengths:
    """Text and link-text length of every element, measured in one pass over the tree.

    Measuring each box's subtree as it is examined would cost the page's size times its depth
    on a hostile page of nested boxes; one post-order pass costs the page's size once."""

    def __init__(self, tree: Any) -> None:
        self.text: dict[Any, int] = {}
        self.links: dict[Any, int] = {}
        self._measure(tree)

    def _measure(self, root: Any) -> None:
        # Iterative post-order walk: lxml trees can be 256 levels deep, past Python's comfort.
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            element, done = stack.pop()
            if not done:
                stack.append((element, True))
                stack.extend((child, False) for child in element)
                continue
            own = len((element.text or "").strip()) if isinstance(element.tag, str) else 0
            text = own + sum(
                self.text.get(child, 0) + len((child.tail or "").strip()) for child in element
            )
            links = sum(self.links.get(child, 0) for child in element)
            self.text[element] = text
            self.links[element] = text if element.tag == "a" else links

    def link_share_at_least(self, element: Any, share: float) -> bool:
        length = self.text.get(element, 0)
        return length > 0 and self.links.get(element, 0) >= share * length


def _is_hover_card(element: Any, lengths: _Lengths) -> bool:
    """An inline box inside a paragraph, right after a link (no text between), made of an image
    or at least two links, and of link text almost only."""
    if element.tag not in _INLINE:
        return False
    before = element.getprevious()
    if before is None or before.tag != "a" or (before.tail or "").strip():
        return False
    if not any(ancestor.tag == "p" for ancestor in element.iterancestors()):
        return False
    links = sum(1 for _ in element.iter("a"))
    has_image = next(element.iter("img"), None) is not None
    if links < 2 and not has_image:
        return False
    return lengths.text.get(element, 0) == 0 or lengths.link_share_at_least(element, _LINK_SHARE)


def _is_link_list(element: Any, lengths: _Lengths) -> bool:
    """A list of two or more items whose text is almost all link text."""
    if element.tag not in ("ul", "ol"):
        return False
    items = sum(1 for li in element if li.tag == "li")
    return items >= 2 and lengths.link_share_at_least(element, _LINK_SHARE)


def prune_furniture(tree: Any) -> int:
    """Cut furniture out of the lxml `tree` in place; returns how many boxes were cut."""
    lengths = _Lengths(tree)
    body = tree.find(".//body")
    page_length = lengths.text.get(body if body is not None else tree, 0)
    doomed: list[Any] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _KEEP_TAGS:
            continue
        words = _words_of(element)
        if words & LEAD_WORDS:
            continue
        if (
            (
                words & FURNITURE_WORDS
                and lengths.text.get(element, 0) <= _MAX_SHARE_OF_PAGE * page_length
            )
            or _is_hover_card(element, lengths)
            or _is_link_list(element, lengths)
        ):
            doomed.append(element)
    cut = 0
    gone: set[Any] = set()
    for element in doomed:  # document order: a box is met before the boxes inside it
        gone.add(element)
        if element.getparent() is None or any(a in gone for a in element.iterancestors()):
            continue
        _remove_keeping_tail(element)
        cut += 1
    return cut


def _remove_keeping_tail(element: Any) -> None:
    """Remove `element` but keep the text that follows it (its `tail`), which is the sentence's."""
    parent = element.getparent()
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


# Where a page keeps what is beside the story: an "intro" there introduces the site or its
# author ("O Blog Como Educar seus Filhos reúne dicas…" in `aside.sidebar > section.widget`).
_OUTSIDE_STORY = frozenset({"aside", "nav", "footer"})
_SIDEBAR_WORDS = frozenset({"sidebar", "widget", "widgets"})


def lead_paragraphs(tree: Any) -> list[str]:
    """The summary or standfirst paragraphs the page marks as such, in page order."""
    found: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag not in ("p", "div", "h2", "span"):
            continue
        words = _words_of(element)
        if not words & LEAD_WORDS or words & _MEDIA_WORDS:
            continue
        if next(element.iter("img", "figure", "figcaption"), None) is not None or any(
            ancestor.tag == "figure" for ancestor in element.iterancestors()
        ):
            continue  # "lead-image" and its caption: a picture's words, not the story's lead
        text = " ".join("".join(element.itertext()).split())
        # A real lead is a sentence or two; a box named "lead" holding the whole story, or a
        # one-word label, is not one.
        if any(ancestor.tag in ("a", "li") for ancestor in element.iterancestors()):
            continue  # a teaser of another story, in a list of links
        if any(
            ancestor.tag in _OUTSIDE_STORY or _words_of(ancestor) & _SIDEBAR_WORDS
            for ancestor in element.iterancestors()
        ):
            continue  # a sidebar widget's "intro" (a blog's self-description), not the story's
        if 6 <= len(text.split()) <= 80 and text not in found:
            found.append(text)
    # A story has one summary (two at most: a box and its paragraph); a page with more is a
    # list of teasers for other stories, none of which is this story's lead.
    return found if len(found) <= _MAX_LEADS else []
