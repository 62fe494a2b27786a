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
from pathlib import Path

from ..htmlscan import scan
from ..site import Site
from ..templating import render

# Text inside these elements is left alone: already explained, code, or not shown.
_SKIP = {"abbr", "code", "pre", "script", "style", "textarea", "title", "svg", "kbd"}


def term_pattern(terms: list[str]) -> re.Pattern:
    """Whole words only, as the `abbr` extension matches: "KH" in "357/KH-MTTQ-BTT"
    but not in "KHẢO". Longest first, so "KT-XH" wins over a shorter term."""
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


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


def _strings(value):
    """Every string inside a data model's dump (dicts, lists), in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


_TOOLKIT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "toolkit"


def plan_text(site: Site) -> list[str]:
    """The text the plan's pages are made of: its plan, issuing body and units; with a
    handbook, its chapters and the documents they cite; with a toolkit, the forms
    (their data and the site's own column heads)."""
    models = [site.plan, site.org, *([site.units_file] if site.has_units else [])]
    if site.has_handbook:
        models += [*site.chapters.values(), *site.references]
    texts = [s for model in models for s in _strings(model.model_dump(mode="json"))]
    if site.has_toolkit:
        texts += [s for s in _strings(site.extra["toolkit"].model_dump(mode="json"))]
        texts += [path.read_text(encoding="utf-8") for path in sorted(_TOOLKIT_TEMPLATES.glob("*.html"))]
    return texts


def used_glossary(site: Site) -> list:
    """The glossary's terms the plan's own text uses (a shared data/thuat-ngu.yaml
    holds other plans' abbreviations too): what its «Chữ viết tắt» page lists."""
    texts = plan_text(site)
    return [t for t in site.glossary if any(term_pattern([t.viet_tat]).search(x) for x in texts)]
