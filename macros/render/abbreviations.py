"""Hover tooltips for abbreviations, on every page.

Python-Markdown's `abbr` extension only reaches Markdown text: the plan's
header and closing blocks, the timeline and the toolkit forms are raw HTML,
which it never sees (so "(B/c)" in the recipients block would get no tooltip).
This pass works on a page's finished HTML instead: it wraps every whole-word
occurrence of a glossary abbreviation, in text outside tags, in
<abbr title="…">, which Material shows as a tooltip (content.tooltips).
"""

import html
import re

from ..glossary_use import plan_text, term_pattern, used_glossary  # noqa: F401  (cited from here)
from ..htmlscan import scan
from ..site import Site
from ..templating import render

# Text inside these elements is left alone: already explained, code, or not shown.
_SKIP = {"abbr", "code", "pre", "script", "style", "textarea", "title", "svg", "kbd"}


class Abbreviator:
    """Made once per build from the glossary; `apply` wraps the terms of one page."""

    def __init__(self, meanings: dict[str, str]):
        self.meanings = dict(meanings)
        self.pattern = term_pattern(list(meanings)) if meanings else None
        self.wrapped = {t: render("abbr.html", term=t, meaning=m).strip() for t, m in self.meanings.items()}

    def apply(self, page_html: str) -> str:
        if self.pattern is None:
            return page_html
        # No term anywhere in the page, tags included: nothing to wrap, no need to
        # parse. (A text node is a part of the page between tags; unescaped, it is a
        # part of the whole page unescaped, with no word character on either side.)
        if not self.pattern.search(html.unescape(page_html) if "&" in page_html else page_html):
            return page_html
        out, cursor, skip = [], 0, []
        for piece in scan(page_html):
            if piece.kind == "start" and piece.tag in _SKIP:
                skip.append(piece.tag)
            elif piece.kind == "end" and skip and skip[-1] == piece.tag:
                skip.pop()
            elif piece.kind == "text" and not skip:
                raw = page_html[piece.start:piece.end]
                # Match on the text a reader sees (&amp; -> &), then escape back.
                text = html.unescape(raw) if "&" in raw else raw
                if self.pattern.search(text):
                    out.append(page_html[cursor:piece.start])
                    out.append(self._wrap(text))
                    cursor = piece.end
        out.append(page_html[cursor:])
        return "".join(out)

    def _wrap(self, text: str) -> str:
        pieces, last = [], 0
        for match in self.pattern.finditer(text):
            pieces.append(html.escape(text[last:match.start()], quote=False))
            pieces.append(self.wrapped[match.group(0)])
            last = match.end()
        pieces.append(html.escape(text[last:], quote=False))
        return "".join(pieces)
