"""The Markdown report: structure, counts, order of sections, and hostile text kept literal."""

from __future__ import annotations

import datetime as dt
import html as html_module
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from factories import build_extraction, saved_page
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from workbench.core.dates import DateMention, ReferenceDate, ReferenceOrigin
from workbench.core.document import Document, SourceKind
from workbench.core.extraction import Extraction, extract
from workbench.core.loading import load_document
from workbench.core.report import escape, render_markdown, report_path
from workbench.core.report.common import reattached
from workbench.core.review.model import Verdict
from workbench.core.review.workspace import ReviewWorkspace

NOW = "2023-07-30T12:00:00Z"

HOSTILE = (
    "Officials said | the toll rose to `12` and <script>alert(1)</script> *was* _denied_.",
    "# Breaking: 40 people [were hurt](javascript:alert(1)) on July 28.",
    "- 3 reports\nwith a line break and \x1b[2J an escape, \u202eevil\u202c text &amp; more ~~x~~.",
    "1. A numbered claim \\| with a backslash before a pipe and a trailing backslash \\",
)


# -- building inputs ---------------------------------------------------------------------------


def make_extraction(
    texts: list[str],
    *,
    dates: dict[int, list[DateMention]] | None = None,
    checkworthy: set[int] | None = None,
    title: str | None = "Borders reopen",
    url: str | None = "https://news.example/borders",
) -> Extraction:
    """A web article read from a text file, its reference date inferred from a weekday."""
    return build_extraction(
        texts,
        reference=ReferenceDate(
            dt.date(2023, 7, 29), ReferenceOrigin.INFERRED, "inferred from “Friday, July 28”"
        ),
        signals=("number",),
        dates=dates,
        checkworthy=checkworthy,
        source="article.txt",
        title=title,
        url=url,
    )


def open_workspace(extraction: Extraction, tmp_path: Path) -> ReviewWorkspace:
    return ReviewWorkspace.open(
        extraction, tmp_path / "article.review.json", reviewer="alice", clock=lambda: NOW
    )


# -- reading the Markdown back -----------------------------------------------------------------


def split_row(line: str) -> list[str]:
    """Cells of a GFM table row, splitting as cmark-gfm does: `\\x` pairs never split."""
    assert line.startswith("|") and line.endswith("|"), line
    cells, current, i = [], "", 1
    body = line[1:-1]
    i = 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            current += body[i : i + 2]
            i += 2
            continue
        if body[i] == "|":
            cells.append(current.strip())
            current = ""
        else:
            current += body[i]
        i += 1
    cells.append(current.strip())
    return cells


def claim_table(markdown: str) -> list[list[str]]:
    """The rows (cells) of the claims table."""
    lines = markdown.splitlines()
    start = lines.index("| # | status | dates | claim | sources |")
    rows = []
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        rows.append(split_row(line))
    return rows


class _Cells(HTMLParser):
    """Text of every table cell and every tag name, from rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def rendered(markdown: str) -> _Cells:
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    cells = _Cells()
    cells.feed(html)
    return cells


def sections(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("### ")]


# -- tests -------------------------------------------------------------------------------------


def test_header_summary_and_table_rows_match_the_claims(tmp_path: Path) -> None:
    extraction = make_extraction(
        ["The toll rose to 12 on Friday.", "It was sunny.", "Exports fell 4% in 2019."],
        checkworthy={0, 2},
    )
    workspace = open_workspace(extraction, tmp_path)
    workspace.set_verdict(extraction.sentences[2].id, Verdict.DISPUTED)
    markdown = render_markdown(extraction, workspace.session, generated_at=NOW)

    assert markdown.startswith("# Fact-check report: Borders reopen\n")
    assert "- **Source:** [https://news.example/borders](https://news.example/borders)" in markdown
    assert "- **Reference date:** 2023-07-29 (inferred from “Friday, July 28”)" in markdown
    assert "- **Reviewed by:** alice" in markdown
    assert "- **Generated:** 2023-07-30 12:00 UTC" in markdown
    assert "1 of 2 claims reviewed." in markdown
    assert "| ✗ disputed | 1 |" in markdown
    assert "| · unreviewed | 1 |" in markdown
    assert "| **total** | 2 |" in markdown
    rows = claim_table(markdown)
    # Numbered as the sentences are (the app and `claims` use the same numbers).
    assert [row[0] for row in rows] == ["1", "3"]
    assert all(len(row) == 5 for row in rows)
    assert rows[1][1] == "✗ disputed"
    assert rows[1][3] == "Exports fell 4% in 2019."
    assert "It was sunny" not in markdown  # not check-worthy, not reviewed: not listed


def test_a_reviewed_sentence_is_listed_even_when_not_checkworthy(tmp_path: Path) -> None:
    extraction = make_extraction(["The toll rose to 12.", "It was sunny."], checkworthy={0})
    workspace = open_workspace(extraction, tmp_path)
    workspace.set_verdict(extraction.sentences[1].id, Verdict.NOT_A_CLAIM)
    rows = claim_table(render_markdown(extraction, workspace.session, generated_at=NOW))
    assert [row[3] for row in rows] == ["The toll rose to 12.", "It was sunny."]


def test_sections_disputed_first_then_inconclusive_verified_not_a_claim_unreviewed(
    tmp_path: Path,
) -> None:
    texts = [f"Claim number {n} says {n * 7} people came." for n in range(6)]
    extraction = make_extraction(texts)
    workspace = open_workspace(extraction, tmp_path)
    ids = [s.id for s in extraction.sentences]
    workspace.set_verdict(ids[0], Verdict.VERIFIED)
    workspace.set_verdict(ids[1], Verdict.NOT_A_CLAIM)
    workspace.set_note(ids[2], "Only a note, no verdict.")
    workspace.set_verdict(ids[3], Verdict.DISPUTED)
    workspace.set_verdict(ids[4], Verdict.INCONCLUSIVE)
    # ids[5] untouched: no section
    markdown = render_markdown(extraction, workspace.session, generated_at=NOW)
    assert sections(markdown) == [
        "### ✗ Disputed · claim 4",
        "### ? Inconclusive · claim 5",
        "### ✓ Verified · claim 1",
        "### – Not a claim · claim 2",
        "### · Unreviewed · claim 3",
    ]
    assert markdown.index("## Reviewed claims") > markdown.index("## Claims")
    disputed = markdown.split("### ✗ Disputed · claim 4", 1)[1].split("###", 1)[0]
    assert "> Claim number 3 says 21 people came." in disputed
    assert "- **Verdict:** ✗ disputed, by alice, 2023-07-30 12:00 UTC" in disputed


def test_dates_and_warnings_are_shown_in_table_and_section(tmp_path: Path) -> None:
    friday = DateMention(
        "Friday, July 28, 2024",
        0,
        0,
        "2024-07-28",
        "day",
        warnings=("July 28, 2024 is a Sunday, not a Friday",),
    )
    before = DateMention(
        "more than three years ago", 0, 0, "2020-07", "month", relative=True, qualifier="before"
    )
    duration = DateMention("three years", 0, 0, "P3Y", "duration")
    extraction = make_extraction(
        ["On Friday, July 28, 2024 it opened, more than three years ago, after three years."],
        dates={0: [friday, before, duration]},
    )
    workspace = open_workspace(extraction, tmp_path)
    workspace.set_verdict(extraction.sentences[0].id, Verdict.VERIFIED)
    markdown = render_markdown(extraction, workspace.session, generated_at=NOW)
    assert claim_table(markdown)[0][2] == "2024-07-28 ⚠, before 2020-07"
    assert "- **Date:** “Friday, July 28, 2024” → 2024-07-28 (day)" in markdown
    assert "- **Date:** “more than three years ago” → before 2020-07 (month, relative)" in markdown
    assert "- **Date:** “three years” (a duration: P3Y)" in markdown
    assert "- **Warning:** ⚠ July 28, 2024 is a Sunday, not a Friday" in markdown


def test_hostile_claims_cannot_break_the_table_or_inject_markup(tmp_path: Path) -> None:
    extraction = make_extraction(list(HOSTILE), title="<b>Title</b> | #1")
    workspace = open_workspace(extraction, tmp_path)
    for sentence in extraction.sentences:
        workspace.set_verdict(sentence.id, Verdict.DISPUTED)
        workspace.add_url(sentence.id, "https://example.org/a|b?q=<x>")
    markdown = render_markdown(extraction, workspace.session, generated_at=NOW)

    rows = claim_table(markdown)
    assert len(rows) == len(HOSTILE)
    assert all(len(row) == 5 for row in rows), rows
    html = rendered(markdown)
    assert "script" not in html.tags and "b" not in html.tags
    assert not any(h.startswith("javascript") for h in html.hrefs)
    # What a reader sees in the claim cell is the sentence, literally (controls made visible).
    body_rows = [row for row in html.rows if row and row[0].isdigit() and len(row) == 5]
    assert len(body_rows) == len(HOSTILE)
    from workbench.core.sanitize import visible

    for row, original in zip(body_rows, HOSTILE, strict=True):
        expected = visible(re.sub(r"[\r\n\t]+", " ", original), single_line=True).strip()
        assert row[3] == expected
    # Quoted claims stay quotes: no heading, list or HTML sneaks out of them.
    assert "h1" not in html.tags[1:]  # only the report's own title is an h1
    assert html.tags.count("h1") == 1
    assert "ol" not in html.tags
    assert "\x1b" not in markdown and "\u202e" not in markdown


def test_note_is_markdown_but_cannot_escape_its_section(tmp_path: Path) -> None:
    extraction = make_extraction(["The toll rose to 12.", "Exports fell 4%."])
    workspace = open_workspace(extraction, tmp_path)
    first, second = (s.id for s in extraction.sentences)
    workspace.set_verdict(first, Verdict.DISPUTED)
    workspace.set_note(
        first,
        "# Not a report heading\n\nThe **ministry** says `<b>` is 11.\n\n"
        "<script>alert('x')</script>\n<!-- hidden -->\n[click](javascript:alert(1))",
    )
    workspace.set_verdict(second, Verdict.VERIFIED)
    workspace.set_note(second, "Confirmed by [the agency](https://agency.example/report).")
    markdown = render_markdown(extraction, workspace.session, generated_at=NOW)

    assert "> # Not a report heading" in markdown  # inside the quote, not a section
    assert "> The **ministry** says `<b>` is 11." in markdown  # Markdown and code kept
    html = rendered(markdown)
    assert "script" not in html.tags
    assert not any(h.startswith("javascript") for h in html.hrefs)
    assert "https://agency.example/report" in html.hrefs  # safe links survive
    assert sections(markdown) == ["### ✗ Disputed · claim 1", "### ✓ Verified · claim 2"]
    # The heading in the note is inside a blockquote, after the section heading.
    assert escape.is_safe(markdown)


def test_a_note_link_definition_cannot_poison_another_note(tmp_path: Path) -> None:
    extraction = make_extraction(["The toll rose to 12.", "Exports fell 4%."])
    workspace = open_workspace(extraction, tmp_path)
    first, second = (s.id for s in extraction.sentences)
    workspace.set_note(first, "[ref]: javascript:alert(1)")
    workspace.set_note(second, "See [ref].")
    markdown = render_markdown(extraction, workspace.session, generated_at=NOW)
    assert escape.is_safe(markdown)
    assert not any(h.startswith("javascript") for h in rendered(markdown).hrefs)


def test_sources_show_page_records_and_tolerate_missing_fields(tmp_path: Path) -> None:
    extraction = make_extraction(["The toll rose to 12 on July 28."])
    workspace = open_workspace(extraction, tmp_path)
    cid = extraction.sentences[0].id
    workspace.set_verdict(cid, Verdict.DISPUTED)
    for url in ("https://a.example/x", "https://b.example/y", "https://c.example/z"):
        workspace.add_url(cid, url)
    workspace.set_page(
        "https://a.example/x",
        saved_page(
            {
                "url": "https://a.example/x",
                "final_url": "https://a.example/x2",
                "status": 200,
                "title": "Toll | *update*",
                "published": "2023-07-28",
                "fetched_at": "2023-07-30T10:00:00Z",
                "sha256": "abcdef0123456789" * 4,
                "error": None,
                "matches": {
                    cid: {
                        "passage": "The toll rose to <em>11</em> on July 28.",
                        "score": 82.4,
                        "agree": [{"kind": "date", "text": "July 28"}],
                        "differ": [
                            {"kind": "number", "claim": "12", "passage": "11", "note": "12 ≠ 11"},
                            {"kind": "quote", "claim": "a | b", "passage": None},
                            {"kind": "name", "claim": "Doe", "passage": "Roe"},
                        ],
                    }
                },
            },
        ),
    )
    workspace.set_page(
        "https://b.example/y", saved_page({"error": "timeout"}, "https://b.example/y")
    )
    markdown = render_markdown(extraction, workspace.session, generated_at=NOW)

    assert "- [Toll \\| \\*update\\*](https://a.example/x)" in markdown
    assert "redirected to: https://a.example/x2" in markdown
    audit = "HTTP 200, published 2023-07-28, fetched 2023-07-30 10:00 UTC, sha256 `abcdef012345`"
    assert audit in markdown
    passage = "best passage (score 82/100): “The toll rose to \\<em\\>11\\</em\\> on July 28.”"
    assert passage in markdown
    assert "agrees: date “July 28”" in markdown
    assert (
        "differs: number “12” (12 ≠ 11); quote “a \\| b”; "
        "name “Doe” in the claim, “Roe” on the page"
    ) in markdown
    assert "**could not be read:** timeout" in markdown
    assert "- [https://c.example/z](https://c.example/z)\n  - not fetched yet" in markdown
    table_sources = claim_table(markdown)[0][4]
    assert table_sources == (
        "[a.example](https://a.example/x), [b.example](https://b.example/y) ✗ failed, "
        "[c.example](https://c.example/z)"
    )  # the page that timed out is marked failed (issue 11)


def test_orphaned_reviews_get_their_own_section(tmp_path: Path) -> None:
    before = make_extraction(["The toll rose to 12.", "Exports fell 4% in 2019."])
    workspace = open_workspace(before, tmp_path)
    workspace.set_verdict(before.sentences[1].id, Verdict.DISPUTED)
    workspace.set_note(before.sentences[1].id, "Wrong year.")
    after = make_extraction(["The toll rose to 12.", "Completely different words here now."])
    markdown = render_markdown(after, workspace.session, generated_at=NOW)
    assert "## Orphaned reviews" in markdown
    assert "### ✗ Disputed · orphaned review 1" in markdown
    assert "> Exports fell 4% in 2019." in markdown
    assert "> Wrong year." in markdown
    assert "1 orphaned reviews" in markdown or "orphaned reviews | 1 |" in markdown
    assert "| orphaned reviews | 1 |" in markdown
    assert len(claim_table(markdown)) == 2


def test_without_a_session_everything_is_unreviewed() -> None:
    extraction = make_extraction(["The toll rose to 12.", "Exports fell 4%."])
    markdown = render_markdown(extraction, None, generated_at=NOW)
    assert "every claim is unreviewed" in markdown
    assert "0 of 2 claims reviewed." in markdown
    assert [row[1] for row in claim_table(markdown)] == ["· unreviewed"] * 2
    assert "## Reviewed claims" not in markdown


def test_no_claims_says_so() -> None:
    extraction = make_extraction(["It was sunny."], checkworthy=set())
    markdown = render_markdown(extraction, None, generated_at=NOW)
    assert "No check-worthy claims were found" in markdown
    assert "| # | status |" not in markdown


ARTICLE = """Ministry says exports fell

Exports fell 4% in 2019, the ministry said on Friday, July 28.

The minister, Jane Doe, said 1,200 jobs were lost | a "record" <script>x</script>.

Exports fell 4% in 2019, the ministry said on Friday, July 28.

It was a quiet day.
"""


def test_a_real_article_through_the_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = load_document(str(path))
    extraction = extract(document, today=dt.date(2023, 7, 30))
    workspace = open_workspace(extraction, tmp_path)
    target = next(s for s in extraction.sentences if "1,200 jobs" in s.text)
    workspace.set_verdict(target.id, Verdict.DISPUTED)
    markdown = render_markdown(extraction, workspace.session, generated_at=NOW)
    rows = claim_table(markdown)
    listed = [s for s in extraction.sentences if s.checkworthy or s.id == target.id]
    assert len(rows) == len(listed)
    assert all(len(row) == 5 for row in rows)
    assert "script" not in rendered(markdown).tags
    assert markdown.count("### ") == 1


@pytest.mark.parametrize(
    ("source", "expected"),
    [("story.txt", "story.txt.report.md"), ("/a/b/story.md", "/a/b/story.md.report.md")],
)
def test_report_path_beside_a_local_article(source: str, expected: str) -> None:
    document = Document(text="x", source=source, kind=SourceKind.TEXT, sha256="1" * 64)
    assert report_path(document) == Path(expected)
    assert report_path(document, "json") == Path(source + ".report.json")


def test_report_path_for_urls_and_stdin_is_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    url = Document(text="x", source="https://news.example/a", kind=SourceKind.HTML, title="A b")
    stdin = Document(text="x", source="-", kind=SourceKind.TEXT, sha256="2" * 64)
    for document in (url, stdin):
        path = report_path(document)
        assert path.parent == tmp_path / "reports"
        assert path.name.endswith(".report.md")
    assert report_path(url) != report_path(stdin)


# -- the escape module -------------------------------------------------------------------------

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _expected(text: str) -> str:
    from workbench.core.sanitize import visible

    one_line = re.sub(r"[\r\n\t\u2028\u2029\x0b\x0c\x85]+", " ", text)
    return visible(one_line, single_line=True).strip()


ONE_QUOTED_PARAGRAPH = [
    "blockquote_open",
    "paragraph_open",
    "inline",
    "paragraph_close",
    "blockquote_close",
]
"""The block tokens of a quote that holds one paragraph and nothing else."""


def _paragraph_text(markdown: str) -> tuple[list[str], str]:
    """Block token types and the plain text of a one-paragraph rendering."""
    types = [t.type for t in _PARSER.parse(markdown)]
    text_only = re.sub(r"<[^>]+>", "", _PARSER.render(markdown))
    return types, html_module.unescape(text_only).strip()


@pytest.mark.parametrize(
    "text",
    [
        *HOSTILE,
        "# heading",
        "Breaking news #",
        "> quote",
        "- item",
        "+ item",
        "* item",
        "1. first",
        "2) second",
        "---",
        "===",
        "***",
        "```code```",
        "~~~",
        "<!-- comment -->",
        "<div>block</div>",
        "a  \\  b \\",
        "&lt;b&gt; &amp;",
        "[x]: https://evil.example",
        "![img](https://x.example/a.png)",
        "<https://auto.example>",
        "    indented code",
        "a | b | c",
        "`unclosed",
    ],
)
def test_inline_text_reads_back_literally_as_a_quote(text: str) -> None:
    types, shown = _paragraph_text("> " + escape.inline(text))
    assert types == ONE_QUOTED_PARAGRAPH, text
    assert shown == _expected(text)


@pytest.mark.parametrize("text", ["# Breaking #", "a *b* `c` <i>d</i> ##"])
def test_inline_text_reads_back_literally_as_a_heading(text: str) -> None:
    types, shown = _paragraph_text("# " + escape.inline(text))
    assert types == ["heading_open", "inline", "heading_close"]
    assert shown == _expected(text)


def test_cell_of_empty_text_is_a_space() -> None:
    assert escape.cell("") == " "
    assert escape.cell("a|b") == "a\\|b"


def test_code_span_cannot_be_closed_early() -> None:
    assert escape.code("abc") == "`abc`"
    assert escape.code("a`b") == "``a`b``"
    assert escape.code("`x`") == "`` `x` ``"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a b(c)|<d>", "https://example.org/a%20b%28c%29%7C%3Cd%3E"),
        ("http://example.org/?q=1&r=2#frag", "http://example.org/?q=1&r=2#frag"),
        ("javascript:alert(1)", None),
        ("ftp://example.org/x", None),
        ("https:///nohost", None),
    ],
)
def test_safe_url(url: str, safe: str | None) -> None:
    assert escape.safe_url(url) == safe


def test_link_falls_back_to_text_for_unsafe_urls() -> None:
    assert escape.link("x", "javascript:alert(1)") == "javascript:alert(1)"
    assert escape.link("a]b", "https://e.example/") == "[a\\]b](https://e.example/)"


@pytest.mark.parametrize(
    ("note", "kept", "gone"),
    [
        ("**bold** and `<code>`", "`<code>`", None),
        ("<script>alert(1)</script>", "&lt;script>", "<script>"),
        ("```\n<b>in a fence</b>\n```", "<b>in a fence</b>", None),
        ("~~~\n<b>x</b>\n~~~\n<i>out</i>", "&lt;i>", "<i>"),
        ("[a](javascript:alert(1))", "&#91;a]", None),
        ("<javascript:alert(1)>", "&lt;javascript", None),
        ("[a](https://ok.example)", "[a](https://ok.example)", None),
        ("- list\n  ```\n  code\nplain <b>x</b>", "&lt;b>", "<b>x"),
        ("\\`<b>` x", "&lt;b>", None),
        ("line\x1b[2J", "␛[2J", "\x1b"),
    ],
)
def test_note_markdown(note: str, kept: str, gone: str | None) -> None:
    safe = escape.note_markdown(note)
    assert kept in safe
    if gone is not None:
        assert gone not in safe
    assert escape.is_safe(safe)
    assert escape.is_safe(escape.blockquote(safe))


def test_blockquote_keeps_every_line_inside() -> None:
    assert escape.blockquote("# a\n\nb") == "> # a\n>\n> b"
    tokens = [t.type for t in _PARSER.parse(escape.blockquote("# a\n\n---\n\n<b>"))]
    assert tokens[0] == "blockquote_open" and tokens[-1] == "blockquote_close"
    assert tokens.count("blockquote_open") == 1


# Mostly the characters Markdown cares about, so the search hits the interesting cases.
SAFE_CHARS = st.sampled_from(list("|\\`*_[]<>#-+=.!()&~:;/ \n\t\r\x1b\u202eab1")) | st.characters(
    blacklist_categories=("Cs",)
)


@settings(max_examples=300, deadline=None)
@given(st.text(SAFE_CHARS, max_size=40))
def test_any_text_keeps_a_table_row_at_five_cells(text: str) -> None:
    row = f"| 1 | ✓ verified | {escape.cell(text)} | {escape.cell(text)} | x |"
    assert len(split_row(row)) == 5
    html = rendered("| a | b | c | d | e |\n| --- | --- | --- | --- | --- |\n" + row + "\n")
    assert html.rows[1][2] == _expected(text)
    # Nothing but the table itself: no code, emphasis, link or HTML tag came out of the text.
    assert html.tags == ["table", "thead", "tr", *["th"] * 5, "tbody", "tr", *["td"] * 5]


@settings(max_examples=300, deadline=None)
@given(st.text(SAFE_CHARS, max_size=60))
def test_any_note_is_safe(note: str) -> None:
    assert escape.is_safe(escape.blockquote(escape.note_markdown(note)))


@settings(max_examples=300, deadline=None)
@given(st.text(SAFE_CHARS, min_size=1, max_size=40))
def test_any_text_stays_one_literal_paragraph_in_a_quote(text: str) -> None:
    if not _expected(text):
        return
    types, shown = _paragraph_text("> " + escape.inline(text))
    assert types == ONE_QUOTED_PARAGRAPH
    assert shown == _expected(text)


def test_a_verdict_on_an_edited_sentence_says_what_was_judged(tmp_path: Path) -> None:
    before = make_extraction(["The 70th anniversary was on Friday."], checkworthy={0})
    workspace = open_workspace(before, tmp_path)
    workspace.set_verdict(before.sentences[0].id, Verdict.DISPUTED)
    after = make_extraction(["The 69th anniversary was on Friday."], checkworthy={0})
    session = reattached(after, workspace.session)
    markdown = render_markdown(after, session, generated_at=NOW)
    assert "> The 69th anniversary was on Friday." in markdown
    assert "- **Changed since the verdict:** was “The 70th anniversary was on Friday.”" in markdown
    confirmed = open_workspace(after, tmp_path)
    confirmed.set_verdict(after.sentences[0].id, Verdict.DISPUTED)
    assert "Changed since the verdict" not in render_markdown(
        after, confirmed.session, generated_at=NOW
    )
