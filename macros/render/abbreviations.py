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

from ..text import html_escape

# Text inside these elements is left alone: already explained, code, or not shown.
_SKIP = {"abbr", "code", "pre", "script", "style", "textarea", "title", "svg", "kbd"}
_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)\s*>", re.S)
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "param", "track"}


def term_pattern(terms: list[str]) -> re.Pattern:
    """Whole words only, as the `abbr` extension matches: "KH" in "357/KH-MTTQ-BTT"
    but not in "KHẢO". Longest first, so "KT-XH" wins over a shorter term."""
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def abbreviate(page_html: str, meanings: dict[str, str]) -> str:
    """Wrap each abbreviation in `page_html` with <abbr title="meaning">."""
    if not meanings:
        return page_html
    pattern = term_pattern(list(meanings))

    def wrap(match: re.Match) -> str:
        term = match.group(0)
        return f'<abbr title="{html_escape(meanings[term])}">{html.escape(term, quote=False)}</abbr>'

    out, skip_depth = [], []
    for part in _TOKEN.split(page_html):
        if not part:
            continue
        if part.startswith("<"):
            tag = _TAG_NAME.match(part)
            if tag:
                closing, name, _, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3), tag.group(4)
                if name in _SKIP and not self_closing and name not in _VOID:
                    if closing:
                        if skip_depth and skip_depth[-1] == name:
                            skip_depth.pop()
                    else:
                        skip_depth.append(name)
            out.append(part)
        elif skip_depth:
            out.append(part)
        else:
            # Match on the text a reader sees (&amp; → &), then escape back.
            text = html.unescape(part)
            if pattern.search(text):
                pieces, last = [], 0
                for mt in pattern.finditer(text):
                    pieces.append(html.escape(text[last:mt.start()], quote=False))
                    pieces.append(wrap(mt))
                    last = mt.end()
                pieces.append(html.escape(text[last:], quote=False))
                out.append("".join(pieces))
            else:
                out.append(part)
    return "".join(out)
