"""Paragraph splitting: the shapes plain text and Markdown arrive in, with exact offsets."""

from __future__ import annotations

import pytest

from workbench.core.document import Document, SourceKind
from workbench.core.paragraphs import split_paragraphs


def paragraphs(text: str, kind: SourceKind = SourceKind.TEXT, body_start: int = 0) -> list[str]:
    document = Document(text=text, source="test", kind=kind, body_start=body_start)
    spans = split_paragraphs(document)
    for span in spans:  # offsets index the text as given, trimmed on both sides
        assert text[span.start : span.end] == text[span.start : span.end].strip()
        assert span.end > span.start
    return [text[s.start : s.end] for s in spans]


def test_one_paragraph_per_line() -> None:
    text = "First paragraph, one line.\nSecond one: also a line.\nThird, with a quote.”\n"
    assert paragraphs(text) == [
        "First paragraph, one line.",
        "Second one: also a line.",
        "Third, with a quote.”",
    ]


def test_blank_line_separated_wrapped_text() -> None:
    text = (
        "PORT ELSTON, Nov 7 – Dockworkers at the Northfield\n"
        "container terminal walked out on Tuesday for the first\n"
        "time since 1998, the operator said.\n"
        "\n"
        "The strike is due to last 72 hours. The union is\n"
        "asking for a 9 percent rise this year.\n"
    )
    assert paragraphs(text) == [
        "PORT ELSTON, Nov 7 – Dockworkers at the Northfield\ncontainer terminal walked out on "
        "Tuesday for the first\ntime since 1998, the operator said.",
        "The strike is due to last 72 hours. The union is\nasking for a 9 percent rise this year.",
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_endings(newline: str) -> None:
    text = (
        f"Wrapped paragraph that goes{newline}on over two lines{newline}{newline}"
        f"One line.{newline}Another line.{newline}"
    )
    assert paragraphs(text) == [
        f"Wrapped paragraph that goes{newline}on over two lines",
        "One line.",
        "Another line.",
    ]


def test_whitespace_only_lines_separate_and_indentation_is_trimmed() -> None:
    assert paragraphs("  First one.  \n \t \n\tSecond one.\n\n\n") == ["First one.", "Second one."]


def test_empty_text() -> None:
    assert paragraphs("") == []
    assert paragraphs("\n\r\n  \n") == []


MARKDOWN = """---
title: Budget
date: 2024-03-14
---

# Council approves budget

The council approved a budget on Wednesday,
raising tax by 4.9 percent.

## Where the money goes

- Transport: 96 million dollars.
- Housing: 44 million dollars,
  for 350 homes.
1. Numbered item one.
2) Numbered item two.

> "That ends tonight," Reyes said.

```python
print("code is not prose")
```

<!-- an editor's note
that spans lines -->
Setext heading
==============

***

Last paragraph.
"""


def test_markdown_blocks() -> None:
    body_start = MARKDOWN.index("\n\n") + 2
    assert paragraphs(MARKDOWN, SourceKind.MARKDOWN, body_start) == [
        "Council approves budget",
        "The council approved a budget on Wednesday,\nraising tax by 4.9 percent.",
        "Where the money goes",
        "Transport: 96 million dollars.",
        "Housing: 44 million dollars,\n  for 350 homes.",
        "Numbered item one.",
        "Numbered item two.",
        '"That ends tonight," Reyes said.',
        "Setext heading",
        "Last paragraph.",
    ]


def test_markdown_front_matter_is_skipped_by_body_start() -> None:
    text = "---\ntitle: x\n---\nBody text.\n"
    assert paragraphs(text, SourceKind.MARKDOWN, text.index("Body")) == ["Body text."]


def test_markdown_with_crlf() -> None:
    text = MARKDOWN.replace("\n", "\r\n")
    body_start = text.index("\r\n\r\n") + 4
    found = paragraphs(text, SourceKind.MARKDOWN, body_start)
    assert found[1] == "The council approved a budget on Wednesday,\r\nraising tax by 4.9 percent."
    assert found[-1] == "Last paragraph."
    assert len(found) == 10


def test_html_text_is_one_paragraph_per_line() -> None:
    text = "Headline here\nFirst paragraph of the story.\nSecond paragraph, quoting someone.”"
    assert paragraphs(text, SourceKind.HTML) == text.split("\n")
