"""The rest of a story that a page splits into chunks, when the extractor keeps only one chunk.

Some sites cut a story's body into several containers with ads between them: the same element,
with the same `class`, once per few paragraphs (`div.body__container` inside `article__chunks`
on a magazine site, repeated after each `div.full-bleed-ad`). trafilatura picks the best
container and can leave the others behind, so half a story goes missing and is never checked.
Some pages also write the story's opening paragraph as bare text in the container, outside any
`<p>`, which the extractor skips.

`with_chunks` finds the container the extracted paragraphs came from and puts back, in page
order, the paragraphs of its twins (same tag and class, under the same ancestor) and the
container's own opening text. Nothing else is added: the twins must share the exact class of
the container the extractor chose, so a sidebar or a comment list never qualifies. The result
still goes through the furniture rules like any extracted text.
"""

from __future__ import annotations

from typing import Any

_MIN_MATCHED = 2
"""Extracted paragraphs that must be found in one container before its twins are trusted."""

_MIN_LINE = 40
"""Characters a line needs to identify its element (shorter lines repeat across a page)."""

_ANCESTOR_REACH = 4
"""Levels above the container searched for its twins (the chunks share a near ancestor)."""

_MIN_LOOSE = 60
"""Characters of bare text that make an opening paragraph rather than a stray label."""

_SENTENCE_STOPS = (".", "!", "?", "…", "”", '"')


def _norm(text: str) -> str:
    return " ".join(text.split())


def _paragraph_texts(element: Any) -> list[str]:
    """The texts of the `<p>` elements inside `element`, in order."""
    texts = []
    for paragraph in element.iter("p"):
        text = _norm(paragraph.text_content())
        if text:
            texts.append(text)
    return texts


def _holders(tree: Any, lines: set[str]) -> list[Any]:
    """The elements `lines` were extracted from, once per line: a `<p>` with that text, or an
    element with it as bare text (its own, or after one of its children: "<br>text")."""
    holders = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if element.tag == "p" and _norm(element.text_content()) in lines:
            holders.append(element)
            continue
        nodes = [element.text, *(child.tail for child in element)]
        holders.extend(element for node in nodes if node and _norm(node) in lines)
    return holders


def _container(tree: Any, lines: set[str]) -> Any | None:
    """The nearest element that holds every element `lines` were extracted from."""
    holders = _holders(tree, lines)
    if len(holders) < _MIN_MATCHED:
        return None
    # The holders are in document order, and the nearest common ancestor of nodes in a tree is
    # that of the first and the last of them: two walks up, whatever the number of lines.
    last = {holders[-1], *holders[-1].iterancestors()}
    for element in (holders[0], *holders[0].iterancestors()):
        if element in last:
            return element
    return None


def _signature(element: Any, scope: Any) -> list[tuple[str, str]]:
    """Tag and class of `element` and of each ancestor below `scope`: where it sits."""
    path = []
    while element is not None and element is not scope:
        path.append((str(element.tag), (element.get("class") or "").strip()))
        element = element.getparent()
    return path


def _twins(container: Any) -> tuple[list[Any], list[Any]]:
    """Elements placed as the container is (same tags and classes from a near ancestor down),
    before it and after it. A box of another kind that reuses the class (a quoted statement
    in `div.statement > div.wsw` beside the story's own `div.wsw`) sits elsewhere."""
    klass = (container.get("class") or "").strip()
    if not klass:
        return [], []
    scope = container
    for _ in range(_ANCESTOR_REACH):
        parent = scope.getparent()
        if parent is None:
            break
        scope = parent
    signature = _signature(container, scope)
    inside = set(container.iter())
    outside = set(container.iterancestors())
    before: list[Any] = []
    after: list[Any] = []
    seen_container = False
    for element in scope.iter(container.tag):
        if element is container:
            seen_container = True
            continue
        if element in inside or element in outside:
            continue
        if (element.get("class") or "").strip() != klass:
            continue
        if _signature(element, scope) != signature:
            continue
        (after if seen_container else before).append(element)
    return before, after


def with_chunks(text: str, tree: Any) -> str:
    """`text` (extracted from `tree`) with the story's other chunks and opening text put back."""
    lines = text.split("\n")
    known = {_norm(line) for line in lines if len(line) >= _MIN_LINE}
    container = _container(tree, known)
    if container is None:
        return text
    present = {_norm(line) for line in lines}
    before, after = _twins(container)
    opening = _norm(container.text or "")
    head: list[str] = []
    if len(opening) >= _MIN_LOOSE and opening.endswith(_SENTENCE_STOPS):
        head.append(opening)
    for chunk in before:
        head.extend(_paragraph_texts(chunk))
    tail = [t for chunk in after for t in _paragraph_texts(chunk)]
    head = [t for t in head if t not in present]
    tail = [t for t in tail if t not in present]
    if not head and not tail:
        return text
    # Where the container's own lines start and end in the extracted text.
    own = set(_paragraph_texts(container))
    rows = [i for i, line in enumerate(lines) if _norm(line) in own]
    first, last = (rows[0], rows[-1]) if rows else (0, len(lines) - 1)
    return "\n".join([*lines[:first], *head, *lines[first : last + 1], *tail, *lines[last + 1 :]])
