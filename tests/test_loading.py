"""Loading articles: each format, each encoding, each refusal, through the core and the CLI."""

from __future__ import annotations

import codecs
import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_result import CliResult, RunCli

from workbench.core.decoding import decode_text
from workbench.core.document import SourceKind
from workbench.core.errors import LoadError
from workbench.core.loading import load_document

Write = Callable[[str, bytes], Path]

STORY = (
    "The Harbour Authority said on Wednesday that the tunnel would close for 14 months.\n"
    "“We have no safe alternative,” said Daniel Brandt, its chief engineer.\n"
    "The repair bill has more than doubled to 412 million dollars since 2022.\n"
)
CYRILLIC = "Мэр города заявил в понедельник, что тоннель откроется 3 июня после ремонта.\n"
FRENCH = "Le café de la gare a fermé. Ça coûte très cher, a dit le maire à l'hôpital.\n"
CZECH = "Starosta řekl, že tunel bude otevřen příští měsíc. Práce stály 2 miliony korun.\n"


def claims_of(run: RunCli, path: Path | str, stdin: bytes | None = None) -> dict[str, object]:
    result = run("claims", str(path), "--all", "--format", "json", stdin=stdin)
    assert result.code == 0, result.err
    data: dict[str, object] = result.json()
    return data


def assert_offsets_slice(run: RunCli, path: Path, text: str) -> None:
    """Every sentence the CLI lists is the decoded text at its offsets, copies included."""
    data = claims_of(run, path)
    claims = data["claims"]
    assert isinstance(claims, list) and claims
    for claim in claims:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        for copy in claim["copies"]:
            assert text[copy["start"] : copy["end"]].split() == claim["text"].split()


# --- formats ---------------------------------------------------------------------------------


def test_plain_text(write_bytes: Write, run_cli: RunCli) -> None:
    path = write_bytes("story.txt", STORY.encode())
    document = load_document(str(path))
    assert document.kind is SourceKind.TEXT
    assert document.text == STORY
    assert document.encoding == "utf-8"
    assert document.source == str(path)
    assert len(document.sha256) == 64
    assert_offsets_slice(run_cli, path, STORY)


def test_markdown_front_matter_is_read_and_not_text(write_bytes: Write, run_cli: RunCli) -> None:
    article = (
        "---\n"
        'title: "Tunnel: closed for 14 months"\n'
        "date: 2024-03-14\n"
        "source: https://example.org/news/tunnel\n"
        "author: Maria Okafor\n"
        "---\n"
        "# A heading that is not the title\n\n" + STORY
    )
    path = write_bytes("story.md", article.encode())
    document = load_document(str(path))
    assert document.kind is SourceKind.MARKDOWN
    assert document.title == "Tunnel: closed for 14 months"
    assert document.published == dt.date(2024, 3, 14)
    assert document.url == "https://example.org/news/tunnel"
    assert document.metadata["author"] == "Maria Okafor"
    assert document.text[document.body_start :].startswith("# A heading")
    data = claims_of(run_cli, path)
    assert data["reference_date"] == "2024-03-14"
    texts = [c["text"] for c in data["claims"]]  # type: ignore[attr-defined]
    assert not any("date:" in t or "source:" in t or "---" in t for t in texts)
    assert_offsets_slice(run_cli, path, article)


def test_markdown_title_falls_back_to_first_heading(write_bytes: Write) -> None:
    path = write_bytes("story.markdown", ("## Tunnel to close\n\n" + STORY).encode())
    document = load_document(str(path))
    assert document.title == "Tunnel to close"
    assert document.published is None


def test_markdown_front_matter_with_crlf_and_bare_cr(write_bytes: Write) -> None:
    for newline in ("\r\n", "\r"):
        article = (
            f"---{newline}date: 2023-07-28{newline}title: T{newline}---{newline}Body.{newline}"
        )
        document = load_document(str(write_bytes("story.md", article.encode())))
        assert document.published == dt.date(2023, 7, 28)
        assert document.title == "T"
        assert document.text[document.body_start :] == f"Body.{newline}"


def test_html_main_text_title_and_date(write_bytes: Write) -> None:
    page = (
        "<html><head><title>Tunnel closes | Courier</title>"
        '<meta property="og:title" content="Tunnel closes for 14 months">'
        '<meta property="article:published_time" content="2024-05-16T07:30:00+01:00">'
        "</head><body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        "<article><h1>Tunnel closes for 14 months</h1>"
        + "".join(f"<p>{line}</p>" for line in STORY.splitlines())
        + "</article><footer>© 2024 The Courier. All rights reserved.</footer></body></html>"
    )
    path = write_bytes("page.htm", page.encode())
    document = load_document(str(path))
    assert document.kind is SourceKind.HTML
    assert document.title == "Tunnel closes for 14 months"
    assert document.published == dt.date(2024, 5, 16)
    assert "412 million dollars" in document.text
    assert "All rights reserved" not in document.text
    assert "Sport" not in document.text


def test_html_meta_charset_is_honoured(write_bytes: Write) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Café</title></head><body><article>'
        + "".join(f"<p>{line}</p>" for line in (FRENCH + STORY).splitlines())
        + "</article></body></html>"
    )
    document = load_document(str(write_bytes("page.html", page.encode("cp1252"))))
    assert document.encoding == "cp1252"
    assert "“We have no safe alternative,”" in document.text
    assert "très cher" in document.text


def test_unknown_extension_that_is_text_is_read_as_text(write_bytes: Write) -> None:
    document = load_document(str(write_bytes("story.log", STORY.encode())))
    assert document.kind is SourceKind.TEXT
    assert document.text == STORY
    html = load_document(
        str(
            write_bytes(
                "saved.page",
                b"<!DOCTYPE html><html><body><p>" + STORY.encode() + b"</p></body></html>",
            )
        )
    )
    assert html.kind is SourceKind.HTML


def test_stdin(run_cli: RunCli) -> None:
    data = claims_of(run_cli, "-", stdin=STORY.encode())
    assert data["source"] == "-"
    texts = [c["text"] for c in data["claims"]]  # type: ignore[attr-defined]
    assert "The repair bill has more than doubled to 412 million dollars since 2022." in texts


def test_stdin_markdown_and_html_are_sniffed(run_cli: RunCli) -> None:
    markdown = ("---\ndate: 2024-03-14\n---\n" + STORY).encode()
    assert claims_of(run_cli, "-", stdin=markdown)["reference_date"] == "2024-03-14"
    html = (
        b"<!doctype html><html><body><article><p>"
        + STORY.encode()
        + b"</p></article></body></html>"
    )
    assert claims_of(run_cli, "-", stdin=html)["claims"]


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + STORY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"), "utf-32-le"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le"],
)
def test_byte_order_marks(write_bytes: Write, run_cli: RunCli, data: bytes, encoding: str) -> None:
    path = write_bytes("story.txt", data)
    document = load_document(str(path))
    assert document.encoding == encoding
    assert document.text == STORY  # the BOM is not text
    assert_offsets_slice(run_cli, path, STORY)


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (STORY * 2, "cp1252", "cp1252"),  # curly quotes are 0x93/0x94 only in Windows-1252
        (FRENCH * 3, "latin-1", "cp1252"),  # Latin-1 letters read the same in cp1252
        (CYRILLIC * 3, "cp1251", "cp1251"),
        (CZECH * 3, "cp1250", "cp1250"),
    ],
    ids=["cp1252", "latin-1", "cp1251", "cp1250"],
)
def test_legacy_encodings_are_detected(
    write_bytes: Write, run_cli: RunCli, text: str, encoding: str, expected: str
) -> None:
    path = write_bytes("legacy.txt", text.encode(encoding))
    document = load_document(str(path))
    assert document.encoding == expected
    assert document.text == text
    assert_offsets_slice(run_cli, path, text)


def test_decode_text_prefers_utf8_over_detection() -> None:
    assert decode_text("Ça coûte 5 €".encode()) == ("Ça coûte 5 €", "utf-8")


def test_a_stray_nul_keeps_offsets(write_bytes: Write) -> None:
    document = load_document(str(write_bytes("story.txt", STORY.encode() + b"\x00 The end.")))
    assert document.text == STORY + "\ufffd The end."


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings_do_not_move_offsets(
    write_bytes: Write, run_cli: RunCli, newline: str
) -> None:
    text = STORY.replace("\n", newline)
    path = write_bytes("story.txt", text.encode())
    assert load_document(str(path)).text == text  # never rewritten
    assert_offsets_slice(run_cli, path, text)
    data = claims_of(run_cli, path)
    assert len(data["claims"]) == 3  # type: ignore[arg-type]


# --- refusals --------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ELF = b"\x7fELF\x02\x01\x01" + bytes(120)


def random_bytes() -> bytes:
    return random.Random(5).randbytes(4096)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\t\r\n  \n", "is empty"),
        ("blank16.txt", codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le"), "is empty"),
        ("bom-only.md", codecs.BOM_UTF8, "is empty"),
        ("image.txt", PNG, "PNG"),
        ("paper.txt", PDF, "PDF"),
        ("program.txt", ELF, "executable"),
        ("noise.txt", random_bytes(), "binary"),
        ("noise.dat", random_bytes(), "binary"),
        ("picture.jpg", b"\xff\xd8\xff\xe0" + bytes(100), "JPEG"),
        ("only-front-matter.md", b"---\ntitle: x\n---\n\n", "no article text"),
    ],
)
def test_refusals(
    write_bytes: Write, run_cli: RunCli, name: str, data: bytes, message: str
) -> None:
    path = write_bytes(name, data)
    with pytest.raises(LoadError, match=message):
        load_document(str(path))
    assert_refused(run_cli("claims", str(path)), message)


def test_missing_file_and_folder(tmp_path: Path, run_cli: RunCli) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(LoadError, match="no such file"):
        load_document(str(missing))
    assert_refused(run_cli("claims", str(missing)), "no such file")
    with pytest.raises(LoadError, match="is a folder"):
        load_document(str(tmp_path))
    assert_refused(run_cli("claims", str(tmp_path)), "is a folder")


def test_empty_stdin_is_refused(run_cli: RunCli) -> None:
    assert_refused(run_cli("claims", "-", stdin=b"  \n"), "standard input: is empty")


def test_other_url_schemes_are_refused(run_cli: RunCli) -> None:
    assert_refused(run_cli("claims", "ftp://example.org/story.txt"), "only http and https")


def assert_refused(result: CliResult, message: str) -> None:
    assert result.code == 1
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("workbench: ")
    assert message in lines[0]
    assert "Traceback" not in result.err


# --- the shipped samples ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "north-korea-opens-borders.txt",
        "city-budget-2024.md",
        "dockworkers-strike-wire.txt",
    ],
)
def test_samples_offsets_slice_the_decoded_text(run_cli: RunCli, samples: Path, name: str) -> None:
    path = samples / name
    assert_offsets_slice(run_cli, path, load_document(str(path)).text)


def test_seed_sample_folds_every_sentence_into_two_copies(run_cli: RunCli, samples: Path) -> None:
    claims = claims_of(run_cli, samples / "north-korea-opens-borders.txt")["claims"]
    assert isinstance(claims, list)
    assert claims[0]["occurrences"] == 1  # the opening line appears once
    assert {c["occurrences"] for c in claims[1:]} == {2}


def test_markdown_sample_metadata(samples: Path) -> None:
    document = load_document(str(samples / "city-budget-2024.md"))
    assert document.published == dt.date(2024, 3, 14)
    assert document.title == "Northfield council approves 2024 budget with 4.9% tax rise"
    assert document.url == "https://example.org/northfield/city-budget-2024"


def test_wire_sample_is_legacy_cp1252_with_crlf(samples: Path) -> None:
    raw = (samples / "dockworkers-strike-wire.txt").read_bytes()
    document = load_document(str(samples / "dockworkers-strike-wire.txt"))
    assert document.encoding == "cp1252"
    assert b"\r\n" in raw and "\r\n" in document.text
    assert "“Our members" in document.text


def test_html_sample_shows_only_the_story(run_cli: RunCli, samples: Path) -> None:
    data = claims_of(run_cli, samples / "harbour-tunnel-closure.html")
    assert data["title"] == "Harbour tunnel to close for 14 months as repair bill doubles"
    assert data["reference_date"] == "2024-05-16"
    text = " ".join(c["text"] for c in data["claims"])  # type: ignore[attr-defined]
    assert "412 million dollars" in text and "August 2025" in text
    for boilerplate in (
        "cookies",
        "Advertisement",
        "Sponsored",
        "Subscribe",
        "Morning Briefing",
        "Related stories",
        "All rights reserved",
        "Privacy policy",
        "energy supplier",
        "Updated",
    ):
        assert boilerplate not in text


def test_html_nested_deeper_than_lxml_allows_keeps_its_text(write_bytes: Write) -> None:
    claim = "<p>The mayor said on Friday that 40 people died in the flood.</p>"
    page = "<html><body>" + "<div>" * 3000 + claim + "</div>" * 3000 + "</body></html>"
    document = load_document(str(write_bytes("deep.html", page.encode())))
    assert "40 people died in the flood." in document.text
