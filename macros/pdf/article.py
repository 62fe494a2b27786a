"""The printable part of a built page: its <article>, without screen-only parts.

Used for the handbook PDF, which is made from whatever pages the handbook
section has, so the PDF shows what the site shows without a second copy of the
text. The page is read with html.parser (macros/htmlscan.py), not patterns.
"""

import re
from pathlib import Path

from ..htmlscan import matching_end, scan, start_tag


def _drop(piece) -> bool:
    """Screen-only parts: edit/view buttons, heading permalinks, download links, the
    page's folded notice (each PDF carries the whole notice, pdf/documents.py)."""
    return ((piece.tag == "a" and (piece.has_class("md-content__button") or piece.has_class("headerlink")))
            or (piece.tag == "p" and piece.has_class("pdf-download"))
            or (piece.tag == "div" and piece.has_class("trang-thai--trang")))


def article_html(page_html: str) -> str:
    """The inner HTML of the page's article ("" if the page has none)."""
    pieces = scan(page_html)
    start = next((i for i, p in enumerate(pieces) if p.kind == "start" and p.tag == "article"
                  and p.has_class("md-content__inner", "md-typeset")), None)
    if start is None:
        return ""
    end = matching_end(pieces, start)
    if end is None:
        return ""
    out, i, cursor = [], start + 1, pieces[start].end
    while i < end:
        p = pieces[i]
        if p.kind == "start" and _drop(p):
            close = matching_end(pieces, i)
            if close is not None and close < end:
                out.append(page_html[cursor:p.start])
                cursor = pieces[close].end
                i = close + 1
                continue
        i += 1
    out.append(page_html[cursor:pieces[end].start])
    return "".join(out)


def printable(body: str, page_file: Path) -> str:
    """Internal links become plain text (a page address means nothing on paper);
    images point at files next to the built page so one document can hold pages
    from different folders. A changed tag is written back from its parsed name and
    attributes (htmlscan.start_tag, values escaped): MkDocs' own HTML read with the
    parser and passed on, no text of ours and no markup made up here, so it is not
    HTML written in Python (issue 22, item 3); the rest of the page is copied as read."""
    out, cursor = [], 0
    for p in scan(body):
        if p.kind not in ("start", "startend"):
            continue
        attrs = list(p.attrs)
        if p.tag == "a" and p.attr("href") and not p.attr("href").startswith(("http://", "https://", "mailto:")):
            attrs = [(k, v) for k, v in attrs if k != "href"]
        elif p.tag == "img" and p.attr("src") and not re.match(r"^[a-z]+:", p.attr("src")):
            attrs = [(k, (page_file.parent / v).resolve().as_uri() if k == "src" else v) for k, v in attrs]
        else:
            continue
        out += [body[cursor:p.start], start_tag(p.tag, attrs)]
        cursor = p.end
    out.append(body[cursor:])
    return "".join(out)


def first_heading(body: str) -> str | None:
    """Text of the first <h1>, as plain text (still HTML-escaped)."""
    pieces = scan(body)
    start = next((i for i, p in enumerate(pieces) if p.kind == "start" and p.tag == "h1"), None)
    if start is None:
        return None
    end = matching_end(pieces, start) or len(pieces)
    text = "".join(body[p.start:p.end] for p in pieces[start + 1:end] if p.kind == "text")
    return " ".join(text.split())
