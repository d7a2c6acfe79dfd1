"""Page furniture in article text: the lines around a story that are not the story.

Text pasted from the web, and even the main text trafilatura extracts from a page, keeps some of
the page around the article: "Read more: …" and "Related: …" lines, lists of links to other
stories, subscription offers, photo captions and credits, poll results, a press release's
"About the company" boilerplate. Listed as claims they cost the checker's trust, and some score
high (a headline with a number looks like a claim).

`furniture_paragraphs` finds such paragraphs so extraction does not list their sentences. The
text itself is never rewritten: offsets keep slicing the file as decoded, and `--all` still
shows every sentence. Each rule is one regular expression or test over a paragraph, with the
furniture it removes and why that text is never part of a story. Structural furniture of HTML
pages (asides, link lists, hover cards) is removed earlier, from the page itself
(`page_furniture`); these rules catch what survives that and what arrives as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.spans import Span

# "Read more: …", "Related: …", "See more: …", "More: …", "Also read …", "READ MORE …": links
# to other stories that news sites put between paragraphs. A story sentence never opens with
# one of these labels followed by a colon (or a dash, or in capitals as a button).
_MORE_LINK = re.compile(
    r"^[\W_]*(?:(?:read|see|watch|listen|view)(?:\s+(?:more|also|next|this))?"
    r"|(?:related|more|also\s+read|read\s+also|recommended|most\s+read|trending|top\s+stories"
    r"|editor'?s\s+picks?|you\s+may\s+also\s+like|further\s+reading)"
    r"(?:\s+(?:stories|articles|coverage|content|reading|links?|news|videos?))?)"
    r"\s*(?::|\s[-–—|]\s|»)",
    re.IGNORECASE,
)
_MORE_BUTTON = re.compile(r"^[\W_]*(?:READ|SEE|VIEW) (?:MORE|ALSO)\b")

# Subscription and promotion offers: "Sign up for The Water Coolest…", "Join our Free
# $1,000,000 Parlay Challenge", "Get Motor Cycle Monthly delivered…", "12 issues for £11.99.",
# "Subscribe to our newsletter". They address the reader in the imperative about the site
# itself; a story reports what happened. Only short paragraphs (a promo is a line or two).
_PROMO = re.compile(
    r"^[\W_]*(?:sign\s+up|subscribe|join\s+(?:our|us|the\s+conversation)|click\s+here|tap\s+here"
    r"|follow\s+us|like\s+us|download\s+(?:our|the)\s+(?:free\s+)?app|get\s+(?:our|the\s+latest)"
    r"|don'?t\s+miss|never\s+miss|want\s+more|try\s+\w+\s+free)\b"
    r"|^[\W_]*get\s.{1,60}\bdelivered\b"
    r"|^[\W_]*\d+\s+issues\s+for\b",
    re.IGNORECASE,
)
# Searched anywhere in the line, so only tried on lines that name a newsletter at all.
_NEWSLETTER = re.compile(
    r"\b(?:subscribe|sign\s+up)\b.{0,60}\bnewsletter\b|\bnewsletter\b.{0,60}\b(?:subscribe|sign\s+up)\b",
    re.IGNORECASE,
)
_PROMO_MAX_WORDS = 40

# "Follow The New York Times Opinion section on Facebook, Twitter (@NYTopinion) and Instagram.":
# an invitation to follow the site elsewhere, which closes many articles. Only a line that
# opens on "Follow" and names a social network within a few words; a story's "followed on
# Twitter" sentence does not open on the imperative.
_FOLLOW = re.compile(
    r"^[\W_]*follow\b.{0,80}\bon\s+(?:facebook|twitter|x|instagram|linkedin|tiktok|youtube"
    r"|threads|bluesky|mastodon|telegram|whatsapp|flipboard|snapchat)\b",
    re.IGNORECASE,
)
# The letters desk's or tip line's invitation: "We'd like to hear what you think about this or
# any of our articles. Here are some tips. And here's our email: letters@nytimes.com." It
# speaks to the reader about writing in, and gives the site's address; a story quoting an
# e-mail does not ask for the reader's. Both an invitation and an address are required.
_CONTACT_INVITE = re.compile(
    r"\b(?:we(?:['’]d| would)\s+(?:like|love)\s+to\s+hear|here['’]s\s+our\s+e-?mail"
    r"|e-?mail\s+us|write\s+to\s+us|contact\s+us|send\s+(?:us\s+)?your\s+(?:letters?|tips?|stories)"
    r"|got\s+a\s+(?:news\s+)?tip|have\s+a\s+(?:news\s+)?tip|letters\s+to\s+the\s+editor)\b",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?://|\bwww\.", re.IGNORECASE)


def _may_hold_address(line: str) -> bool:
    """Whether `_ADDRESS` can match `line` at all: it needs an "@", a "://" or a "w." in any
    case. Tried first because the search itself re-reads every word before failing on "@"
    (~6 µs a line, 10x this test)."""
    return "@" in line or "://" in line or "w." in line or "W." in line


_CONTACT_MAX_WORDS = 60

# A site's comment rules: "ATENÇÃO: Comentários com textos ininteligíveis … não serão aprovados
# pelo moderador.", "Comments are moderated and will not appear until approved." They govern the
# reader's comments, not the world. The line opens on the comment word (after at most a label
# such as "ATENÇÃO:" and an article), so a story about moderation ("Facebook said comments
# flagged by its moderators are reviewed") stays; a moderation word follows.
_COMMENTS = re.compile(
    r"^[\W_]*(?:[^\W\d_]+(?:\s+[^\W\d_]+)?\s*:\s*)?"
    r"(?:(?:all|your|reader|os|as|les|los|i|die)\s+)?"
    r"(?:comments?|commenting|commentaires?|comentários?|comentarios?|commenti|kommentare?)\b",
    re.IGNORECASE,
)
# Words of the moderator's trade only: "approved" alone is a story's word ("the senator's
# comments were approved by the committee").
_MODERATION = re.compile(
    r"\b(?:moderat(?:ed|ion|ors?)|moderad\w+|moderazione|modérés?|modération|moderiert"
    r"|community\s+(?:guidelines|standards)|netiquette)\b",
    re.IGNORECASE,
)

# An author's bio line at the end of a story: "Eric Song is IGN's deal curator and spends 25% of
# his pay on stuff he posts.", "Jo Marsh is a freelance writer based in Leeds." It describes
# who wrote the story, not what the story reports. Only near the end (the last three
# paragraphs) and only with a newsroom role, so "Jo Marsh is a professor at Leeds who studied
# the floods" in the story itself stays.
_AUTHOR_BIO = re.compile(
    r"^[\W_]*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s+(?:is|was|has\s+been)\s+"
    r"(?:a|an|the|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}['’]s?)\s+(?:[\w,&-]+\s+){0,5}?"
    r"(?:writer|reporter|editor|correspondent|curator|contributor|columnist|journalist|blogger"
    r"|critic|producer|freelancer)s?\b"
)
_AUTHOR_BIO_REACH = 3
# A relative clause makes it news about a journalist ("Evan Gershkovich is a reporter for The
# Wall Street Journal who was detained in March"), not the story's credit line.
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom|whose|which)\b", re.IGNORECASE)

# Captions and credits: "Photo: …", "(Photo by Jo Marsh/Getty Images)", "Image credit: …",
# "(Graphic: Global assets in 2019 - here)". They describe a picture, chart or who made it,
# which the checker cannot see in the text; the story's own sentences carry its facts.
_CAPTION = re.compile(
    r"^[\W_]*(?:photo(?:graph)?s?|image|picture|pictured|graphic|chart|video|illustration|credit"
    r"|file\s+photo|caption)(?:\s+(?:by|credit|courtesy))?\s*[:/]"
    r"|^\(\s*(?:photo|image|picture|graphic|chart|video|illustration|credit|reporting)s?\b"
    r"[^()]*\)\s*$",
    re.IGNORECASE,
)
# A picture agency's credit at the end of the line; only tried on lines that name one.
_AGENCY_CREDIT = re.compile(
    r"(?:/|\b)(?:getty\s+images|ap\s+photo|shutterstock|afp\s+via\s+getty)\b[^.]{0,40}\)?\s*$",
    re.IGNORECASE,
)
_AGENCIES = ("getty", "ap photo", "shutterstock")

# Poll widgets: "- %165 голосов", "38% (1,204 votes)". A result line of a reader poll is a
# count and a vote word, in any of the languages news sites poll in.
_POLL = re.compile(
    r"^[\W_]*%?\s*\d[\d.,\s]*%?\s*(?:\(?\s*\d[\d.,\s]*)?\s*"
    r"(?:votes?|голос\w*|stimmen|voix|votos?|voti|głos\w*)\b\)?[\W_]*$",
    re.IGNORECASE,
)

# Page metadata lines: "Tempo de leitura: 1 minuto", "5 min read", "copyright Inexhibit 2019 -
# ISSN: …", "© 2019 Reuters", "All rights reserved", "Updated 12:03 GMT". They describe the page,
# not the world; a reading time or a copyright year is never the claim a checker is after.
_PAGE_META = re.compile(
    r"^[\W_]*(?:\d+\s*min(?:ute)?s?\s+read\b|(?:reading\s+time|tempo\s+de\s+leitura"
    r"|lesezeit|temps\s+de\s+lecture|tiempo\s+de\s+lectura)\s*:"
    r"|copyright\b|©|all\s+rights\s+reserved\b|(?:last\s+)?updated\s*(?::|\d{1,2}:\d\d))",
    re.IGNORECASE,
)
_PAGE_META_MAX_WORDS = 20

# Filing lines and footnotes: "Filed under: Khawarij |", "Tags: NFL, Browns", "[1] Alarm fatigue:
# impacts on patient safety, Ruskin KJ...". A site's taxonomy and a release's reference list
# point at other documents; the story's own sentences make its claims.
_FILING = re.compile(
    r"^[\W_]*(?:filed\s+under|tags?|tagged(?:\s+with)?|categor(?:y|ies)|topics?|more\s+on)\s*:"
    r"|^\s*\[\d{1,3}\]\s",
    re.IGNORECASE,
)

# A line that is only a timestamp: "sexta-feira, 22 de outubro de 2010 às 20:13", "Nov 21, 2019
# 5:04 PM ET". A page's own date stamp, which the reference date already uses; no event in it.
_TIMESTAMP = re.compile(
    r"^[\w\s,.:/|-]*\b\d{1,2}[:h]\d{2}\b[\w\s,.:/|-]*$|^[\w\s,./-]*\b(?:19|20)\d{2}$"
)
_TIMESTAMP_MAX_WORDS = 10
# A date stamp has no full stop at its end; a sentence that happens to hold a time and few words
# does ("Голосование продлится до 8 октября до 18:00 по московскому времени.": voting runs
# until 8 October, 18:00 Moscow time).
_CLOSED_BY_STOP = re.compile(r"[^\W\d_][\"'”’)\]]*\.[\"'”’)\]]*\s*$")

# A list item ("- ", "* ", "• ", as trafilatura and Markdown write them) that does not end as a
# sentence ends: a link in a list of headlines or menu entries ("- 15 Amazing Images of
# Stars", "- NFL odds, cheat sheet…"). Two or more in a row are furniture; one alone may be a
# fact in a bulleted story, and items that end in a full stop are kept (story bullet points).
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪►]|\d{1,2}[.)])\s+\S")
_CLOSERS = "\"'”’)]"
_STOPS = (".", "!", "?", "…", ";", ":")


def _ends_as_sentence(line: str) -> bool:
    r"""Whether `line` ends as a sentence ends: a stop, closing quotes or brackets, then only
    whitespace (`[.!?…;:]["'”’)\]]*\s*$`). Read from the line's end (`str.rstrip` strips what
    `\s` matches), where a regex search tests every character of a long line for a stop."""
    return line.rstrip().rstrip(_CLOSERS).endswith(_STOPS)


_LINK_LIST_MAX_WORDS = 20

# A short line that does not end as a sentence ends, in a text whose paragraphs otherwise do:
# a headline of another story, a teaser or a caption title ("Dave Matthews Band takes over
# Rock Hall Fan Vote", "Parabolic Lightcloud by amigo & amigo"). A story written in sentences
# closes them; only where most paragraphs are closed does an open one read as a title (text
# pasted without any punctuation keeps every line). The first line and Markdown headings are
# the writer's own headline and sections, kept as before.
_HEADLINE_MAX_WORDS = 10
_CLOSED_SHARE = 2 / 3

# On a web page the same holds more strictly. The extractor writes one line per block (a
# paragraph, a heading, a caption, a list item) and the page's headline is its title, shown
# apart; so a block of at most `_OPEN_BLOCK_MAX_WORDS` words that does not end as a sentence
# ends is a heading, a caption, a teaser for another story or the story's dek ("Information
# from multiple sources disputes the claims", "16-inch MacBook Pro's new scissor switch
# keyboard via iFixit", "The suspect confessed and the jury took just 15 minutes to find him
# guilty"), a bare link or a price line, even on the first line and however few of the page's
# other blocks are closed. A dek's facts are the story's, stated again in its sentences.
_OPEN_BLOCK_MAX_WORDS = 20

# A press release's boilerplate: "About Ascom" (or "About the author") on a line of its own,
# then the company's self-description to the end. Not the news, and the same in every release.
_ABOUT = re.compile(
    r"^\s*(?:#+\s*)?About\s+(?:the\s+)?[A-Z0-9][\w&.,'’-]*(?:\s+[\w&.'’-]+){0,4}\s*:?\s*$"
)

# A footnote reference list ("[1] Alarm fatigue: impacts on patient safety, Ruskin KJ…") in the
# second half of a text closes the story: what follows is back-matter, a press release's
# "About the company" paragraphs whose heading the extractor left out ("Ascom is a global
# solutions provider… employs around 1,300 people worldwide.").
_FOOTNOTE = re.compile(r"^\s*\[\d{1,3}\]\s")

# "For more information …, please visit www.ascom.com": a pointer to the site, not a statement.
_MORE_INFO = re.compile(
    r"^[\W_]*(?:for\s+(?:more|further)\s+(?:information|details)|to\s+learn\s+more|learn\s+more"
    r"|more\s+information)\b.{0,200}\b(?:visit|see|go\s+to|contact|click)\b",
    re.IGNORECASE,
)

# A headline-like line: Title Case, no sentence punctuation at the end ("16" MacBook Pro Now
# Available", "Our Latest Stories"). Headlines of other stories and section titles; a story's
# own sentences are not written in Title Case.
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL_WORDS = frozenset(
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
        "the", "to", "vs", "via", "with", "is", "are", "was",
    }
)  # fmt: skip


# A section title or label: at most five words, no digit, no sentence punctuation at the end
# ("Where the money goes", "Background", "What happens next"). Too short to state a fact
# without a number, and written as a title, not a sentence; the section's sentences say it.
_LABEL_MAX_WORDS = 5
_DIGIT = re.compile(r"\d")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_title_case(text: str) -> bool:
    """Whether a line without final punctuation is in Title Case (a headline, not a sentence)."""
    if _ends_as_sentence(text):
        return False
    words = [w for w in _words(text) if w.lower() not in _SMALL_WORDS]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.8 * len(words) and capitalised >= 2


def is_furniture_line(text: str) -> bool:
    """Whether one paragraph is furniture by itself (the rules that need no neighbours)."""
    stripped = text.strip()
    if not stripped:
        return False
    # Cheap anchored tests first, and the searches anywhere in the line only when a keyword
    # says they can match: this runs on every paragraph of a 10 MB article.
    words = stripped.count(" ") + 1
    if _MORE_LINK.match(stripped) or _MORE_BUTTON.match(stripped):
        return True
    if words <= _PROMO_MAX_WORDS:
        lowered = stripped.lower()
        if _PROMO.match(stripped) or ("newsletter" in lowered and _NEWSLETTER.search(stripped)):
            return True
        if _FOLLOW.match(stripped):
            return True
        if _COMMENTS.match(stripped) and _MODERATION.search(stripped):
            return True
        if _CAPTION.match(stripped) or (
            any(agency in lowered for agency in _AGENCIES) and _AGENCY_CREDIT.search(stripped)
        ):
            return True
    if (
        words <= _CONTACT_MAX_WORDS
        and _may_hold_address(stripped)
        and _ADDRESS.search(stripped)
        and _CONTACT_INVITE.search(stripped)
    ):
        return True
    if _POLL.match(stripped):
        return True
    if words <= _PAGE_META_MAX_WORDS and _PAGE_META.match(stripped):
        return True
    if (
        words <= _TIMESTAMP_MAX_WORDS
        and _TIMESTAMP.match(stripped)
        and not _CLOSED_BY_STOP.search(stripped)
    ):
        return True
    if _FILING.match(stripped):
        return True
    if words <= _PROMO_MAX_WORDS and _MORE_INFO.match(stripped):
        return True
    if (
        words <= _LABEL_MAX_WORDS
        and not _DIGIT.search(stripped)
        and not _ends_as_sentence(stripped)
    ):
        return True
    return is_title_case(stripped)


def _is_open_headline(line: str, index: int, closed: bool, written_in_sentences: bool) -> bool:
    """A short unclosed line in a text written in sentences (see `_HEADLINE_MAX_WORDS`)."""
    return (
        written_in_sentences
        and index > 0  # the text's own headline, which a draft keeps
        and not line.startswith("#")  # a Markdown heading: the writer's own section
        and not closed
        and line.count(" ") < _HEADLINE_MAX_WORDS
        and not _LIST_ITEM.match(line)
    )


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


_MARKER_REACH = 16
"""How far before a paragraph a list marker can start ("  12. " or "- "); looking no further
keeps finding it constant-time (an unbounded `rfind` per paragraph is quadratic)."""


def _line_start(text: str, offset: int) -> int:
    """Where the line holding `offset` starts, if that is within marker reach; else `offset`."""
    low = max(0, offset - _MARKER_REACH)
    brk = max(text.rfind("\n", low, offset), text.rfind("\r", low, offset))
    if brk >= 0:
        return brk + 1
    return 0 if low == 0 else offset


# A sentence ending inside a block: the block holds a closed sentence before its open end.
_INNER_STOP = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"“‘'(]?[A-Z0-9]")


# A sentence closed before a footnote mark or a symbol ("… 5,000 in 2010.[3]", "… on Friday. 👍"):
# closed for the open-block rule, though the mark hides the stop from `_ends_as_sentence`.
_CLOSED_BEFORE_MARKS = re.compile(r"[.!?…][\"'”’)\]]*(?:\s*\[\d{1,3}\])*[^\w]*$")


def _is_open_block(line: str, closed: bool) -> bool:
    """A short block of a web page that does not close as a sentence (`_OPEN_BLOCK_MAX_WORDS`).

    A block that closes a sentence before its open end ("The vote was 52 to 48. Details to
    follow") keeps that sentence: only a block that is one open sentence is a heading."""
    return (
        not closed
        and line.count(" ") < _OPEN_BLOCK_MAX_WORDS
        and _INNER_STOP.search(line) is None
        and _CLOSED_BEFORE_MARKS.search(line) is None
    )


def furniture_paragraphs(
    text: str, paragraphs: Sequence[Span], title: str | None = None, *, web_page: bool = False
) -> set[int]:
    """Indexes of the paragraphs of `text` that are page furniture, not the story.

    `title` is the document's title: a paragraph that repeats it is the headline, which the app
    and the reports show as the title and whose facts the story itself states. `web_page` says
    the text was extracted from HTML, one line per block (see `_OPEN_BLOCK_MAX_WORDS`)."""
    found: set[int] = set()
    headline = _key(title) if title else None
    # Each paragraph from the start of its line, so a Markdown list marker (which the paragraph
    # splitter leaves outside the span) is seen.
    lines = [text[_line_start(text, p.start) : p.end].strip() for p in paragraphs]
    closed = [_ends_as_sentence(line) for line in lines]
    written_in_sentences = sum(closed) >= _CLOSED_SHARE * len(lines)
    bio_from = len(lines) - _AUTHOR_BIO_REACH
    for index, line in enumerate(lines):
        if (_ABOUT.match(line) or _FOOTNOTE.match(line)) and index > len(lines) // 2:
            # Only in the second half: an "About" line near the top is a section of the story,
            # and a bracketed number there may open a story's own list.
            found.update(range(index, len(lines)))
            break
        if (
            is_furniture_line(line)
            or (headline and _key(line) == headline)
            or _is_open_headline(line, index, closed[index], written_in_sentences)
            or (web_page and _is_open_block(line, closed[index]))
            or (
                index >= bio_from
                and _AUTHOR_BIO.match(line) is not None
                and _RELATIVE_CLAUSE.search(line) is None
            )
        ):
            found.add(index)
    # Runs of two or more unpunctuated list items: a list of links.
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if (
            _LIST_ITEM.match(line)
            and not _ends_as_sentence(line)
            and len(line.split()) <= _LINK_LIST_MAX_WORDS
        ):
            run.append(index)
            continue
        if len(run) >= 2:
            found.update(run)
        run = []
    return found


# A hover card pasted with its sentence: a browser shows it only when the pointer is over a
# name, but copying the page glues its text in after the name, without spaces: "Gov. Kristi
# NoemKristi Lynn NoemSouth Dakota governor doubles down… MORE (R) is defending". The card
# opens by repeating the name's first word right after the name's last letter (a lower-case
# letter then a capital, which no word does at a name's first letter) and closes on the card's
# "MORE" link. Both ends are required, so a name like "McDonald" or "iPhone" is never cut.
_HOVER_CARD = re.compile(
    r"\b(?P<first>[A-Z][a-z]+)(?:\s+[A-Z][\w'’.-]*){0,3}?(?<=[a-z])"
    r"(?P<card>(?P=first)\b[^\n]{0,400}?MORE)(?![A-Za-z])"
)
_CARD_END = "MORE"


def hover_card_spans(text: str) -> list[Span]:
    """Where hover-card text pasted into `text` sits (offsets into `text`), in order."""
    if _CARD_END not in text:
        return []
    return [Span(m.start("card"), m.end("card")) for m in _HOVER_CARD.finditer(text)]


def without_hover_cards(text: str) -> str:
    """`text` with pasted hover-card text left out (`hover_card_spans`)."""
    if _CARD_END not in text:  # the usual sentence, asked before any call (every sentence is)
        return text
    spans = hover_card_spans(text)
    if not spans:
        return text
    pieces: list[str] = []
    at = 0
    for span in spans:
        pieces.append(text[at : span.start])
        at = span.end
    pieces.append(text[at:])
    return "".join(pieces)
