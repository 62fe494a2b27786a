"""The printable part of a built page: its <article>, without screen-only parts.

Used for the handbook PDF, which is made from whatever pages the handbook
section has (some are written by hand, some generated), so the PDF shows what
the site shows without a second copy of the text.
"""

import re
from pathlib import Path

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# Screen-only parts: edit/view buttons, heading permalinks, download links.
_DROP = [
    re.compile(r'<a\b[^>]*class="[^"]*md-content__button[^"]*"[^>]*>.*?</a>', re.S),
    re.compile(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', re.S),
    re.compile(r'<p class="pdf-download">.*?</p>', re.S),
]
_HREF = re.compile(r'(<a\b[^>]*?)\s+href="([^"]*)"')
_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]+)(")')
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def article_html(page_html: str) -> str:
    """The inner HTML of the page's article ("" if the page has none)."""
    match = _ARTICLE.search(page_html)
    if not match:
        return ""
    body = match.group(1)
    for pattern in _DROP:
        body = pattern.sub("", body)
    return body


def printable(body: str, page_file: Path) -> str:
    """Internal links become plain text (a page address means nothing on paper);
    images point at files next to the built page so one document can hold pages
    from different folders."""

    def link(m: re.Match) -> str:
        href = m.group(2)
        return m.group(0) if href.startswith(("http://", "https://", "mailto:")) else m.group(1)

    def image(m: re.Match) -> str:
        src = m.group(2)
        if re.match(r"^[a-z]+:", src):
            return m.group(0)
        return m.group(1) + (page_file.parent / src).resolve().as_uri() + m.group(3)

    return _SRC.sub(image, _HREF.sub(link, body))


def first_heading(body: str) -> str | None:
    """Text of the first <h1>, as plain text (still HTML-escaped)."""
    match = _H1.search(body)
    return " ".join(_TAG.sub("", match.group(1)).split()) if match else None
