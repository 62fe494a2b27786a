"""What a page presents as the plan's own words, read with the project's parser (macros/htmlscan.py),
and the plan's own text those words must come from (tests/test_quoted_spans.py).

Claimed spans:
- text in «…» or “…” right after words that give it to the plan: «kế hoạch ghi:», «Kế hoạch (mục …) ghi:»,
  «Kế hoạch:», «theo kế hoạch», «Trích kế hoạch» (the claim: «kế hoạch» within a few words before the
  opening mark, in the same block, with no other quotation between);
- the paragraphs, items and cells of a quotation block (<blockquote>) whose label names the plan
  («Kế hoạch, mục VI.1:», «Nhiệm vụ (kế hoạch, mục …):», «Trích kế hoạch (mục V)»), and of a quotation box
  (the admonition «!!! quote») whose title names it («Nội dung 2, mục II của kế hoạch»)."""

import re
from html import unescape

from macros.htmlscan import matching_end, scan

# Block tags: a quotation's claim does not run across them (a label in one cell never claims the next).
BLOCKS = frozenset("p li td th h1 h2 h3 h4 h5 h6 div blockquote tr table ul ol section article header footer nav "
                   "details summary dd dt br title".split())
SKIP = frozenset(("script", "style", "template", "svg"))
_QUOTED = re.compile(r"«([^«»]*)»|“([^“”]*)”")
# «kế hoạch» (not another document's «Kế hoạch số 45/KH…»), then at most a parenthesis (where) and «ghi»/«:».
_CLAIM = re.compile(r"(?:kế hoạch|theo kế hoạch)(?:\s*\([^()«»“”]{0,60}\))?(?:\s*,\s*mục\s+[^\s:«»“”]{1,20})?"
                    r"\s*(?:ghi|viết|nêu)?\s*[:,]?\s*$", re.I)


def fold(text: str) -> str:
    """Whitespace folded (NBSP too): the only normalisation a quotation is allowed."""
    return " ".join(text.split())


def claimed_in_text(text: str) -> list[tuple[str, str]]:
    """(words before, span) of every «…»/“…” in one block of visible text that the text gives to the plan."""
    text = fold(text)
    out = []
    for m in _QUOTED.finditer(text):
        before = text[max(0, m.start() - 80):m.start()]
        before = re.split(r"[«»“”]", before)[-1]  # no claim across another quotation
        if _CLAIM.search(before):
            out.append((before.strip()[-50:], fold(m.group(1) if m.group(1) is not None else m.group(2))))
    return out


def _blocks(text: str, pieces, start: int, end: int) -> list[str]:
    """The visible text of pieces[start:end], cut at block tags."""
    out, current, skip = [], [], 0
    for p in pieces[start:end]:
        if p.kind in ("start", "end") and p.tag in SKIP:
            skip += 1 if p.kind == "start" else -1
        elif p.kind == "text" and not skip:
            current.append(text[p.start:p.end])
        elif p.kind in ("start", "end", "startend") and p.tag in BLOCKS:
            out.append(fold(unescape("".join(current))))
            current = []
    out.append(fold(unescape("".join(current))))
    return [b for b in out if b]


def claimed_in_html(html: str) -> list[tuple[str, str]]:
    """(label, span) of every span an HTML page presents as the plan's own words. A quotation block's label
    is the block of text just before it (its abbreviations' tags and all), e.g. «Kế hoạch, mục VI.1:»."""
    pieces = scan(html)
    out = []
    for block in _blocks(html, pieces, 0, len(pieces)):
        out += claimed_in_text(block)
    i, start = 0, 0  # start: where the text since the last quotation began
    while i < len(pieces):
        p = pieces[i]
        if p.kind == "start" and p.tag == "blockquote":
            before = _blocks(html, pieces, start, i)
            label = before[-1] if before else ""
            end = matching_end(pieces, i)
            if end is None:
                break
            if re.search(r"kế hoạch", label, re.I):
                # Each paragraph, item or cell of the quotation, as the reader reads it.
                out += [(label, b) for b in _blocks(html, pieces, i + 1, end)]
            i = start = end + 1
            continue
        if p.kind == "start" and p.tag == "div" and p.has_class("admonition", "quote"):
            end = matching_end(pieces, i)
            if end is None:
                break
            inner = _blocks(html, pieces, i + 1, end)  # its title, then its words
            if inner and re.search(r"kế hoạch", inner[0], re.I):
                out += [(inner[0], b) for b in inner[1:]]
            i = start = end + 1
            continue
        i += 1
    return out


def _inline(value) -> str:
    if isinstance(value, list):  # runs of one paragraph (bold, italic): no space between them
        return "".join(r if isinstance(r, str) else str(r.get("chu", "")) for r in value)
    return "" if value is None else str(value)


def _block(value) -> str:
    if isinstance(value, (str, list)):
        return _inline(value)
    if not isinstance(value, dict):
        return ""
    if "bang" in value:
        return " ".join(_inline(cell) for row in value["bang"] for cell in row)
    if "ghi_chu" in value:
        return _inline(value["ghi_chu"]) + " " + _inline(value.get("van_ban"))
    return " ".join([str(value.get("ky_hieu") or ""), _inline(value.get("van_ban")),
                     *(_block(b) for b in value.get("doan") or [])])


def verbatim_text(plan: dict) -> str:
    """The plan's own words as its data keeps them verbatim (an imported plan: `doan` of each section, the
    basis, opening, closing, appendix), in document order, whitespace folded; "" when the data keeps none."""
    parts = []
    for section in plan.get("muc") or []:
        if section.get("doan"):
            parts.append(" ".join(filter(None, [str(section.get("so") or ""), str(section.get("tieu_de") or "")])))
            parts += [_block(b) for b in section["doan"]]
    if not parts:
        return ""
    parts += [_block(b.get("van_ban") if isinstance(b, dict) else b) for b in plan.get("can_cu") or []]
    parts += [_block(plan.get("mo_dau")), _block(plan.get("ket_luan"))]
    parts += [_block(b) for b in plan.get("phu_luc") or []]
    parts.append(str((plan.get("van_ban") or {}).get("trich_yeu") or ""))
    return fold(" \n ".join(p for p in parts if p))
