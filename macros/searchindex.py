"""Vietnamese search: the search plugin settings it needs, and the index rewrite.

Material's own search does the work. The browser side lives in
overrides/assets/javascripts/workers/vi-search.js, which wraps Material's
worker. It folds every indexed word with the rules of macros.text.canon/fold
and rewrites each query the same way. This module only checks the settings
and writes a smaller index file. No MkDocs imports: the hook in
macros/adapters/mkdocs_hooks.py calls these functions.
"""

import gzip
import hashlib
import html
import json
import unicodedata
from dataclasses import dataclass

from .htmlscan import matching_end, scan
from .outputs import page_url

# plugins › search › separator in mkdocs.yml must equal this (the hook checks it).
# Splits on whitespace, hyphen, en/em dash, punctuation and curly double quotes.
# A dot splits only when no digit follows, so 50.000.000 stays one token.
# Apostrophes are deliberately NOT separators: "H’Drai" stays one token, and
# canon()/fold() drop the apostrophe ("hdrai").
SEPARATOR = r'[\s\-\u2013\u2014,:;!?=\[\]()"\u201c\u201d\u201e/\u2026]+|\.(?!\d)'

# What the index puts between two cells of a table's row, and between two rows: the search keeps no
# table (its text runs the cells together, «Tổ dân phố 31.500.000»), so a row found by a figure reads
# «5 · Tổ dân phố · 31.500.000», as the download lines read («Excel (.xlsx) · CSV»).
CELL_SEPARATOR = " · "
ROW_SEPARATOR = "; "
_CELLS = ("td", "th")

# The vi trimmer cuts "xã" to "x"; the only stemmer lunr has is English.
FORBIDDEN_PIPELINE = ("trimmer", "stemmer")


def check_search_config(lang, separator: str, pipeline) -> list[str]:
    """Problems with plugins › search in mkdocs.yml, as Vietnamese messages."""
    problems = []
    if list(lang or []) != ["vi"]:
        problems.append(f"plugins › search › lang phải là vi (đang là {lang!r}).")
    bad = [name for name in FORBIDDEN_PIPELINE if name in (pipeline or [])]
    if bad:
        problems.append(f"plugins › search › pipeline không được có {', '.join(bad)}: "
                        "trimmer của tiếng Việt cắt «xã» thành «x», stemmer là của tiếng Anh.")
    if separator != SEPARATOR:
        problems.append("plugins › search › separator phải giống SEPARATOR trong macros/searchindex.py "
                        "(để 50.000.000 là một từ và dấu ngoặc kép “ ” tách từ).")
    return problems


@dataclass(frozen=True)
class Named:
    """What a page found by its name is indexed by (rewrite_index's `by_name`):
    `text` (plain) and the `names` that, typed whole in a query, name the page.
    The search worker (rankKey in vi-search.js) puts a page the query names
    first among those matching as many words: "kinh phi tu mo rong" opens
    Huyện Tu Mơ Rông, not the unit list nor the budget table that mention it."""
    text: str
    names: tuple[str, ...] = ()


# The index location of a Markdown page is its URL (the one rule, macros/outputs.py):
# "a/b.md" -> "a/b/" with directory URLs, "a/b.html" without (the file:// copy).
page_location = page_url


def rewrite_index(raw: str, by_name: dict[str, "str | Named"] | None = None, dir_urls: bool = True) -> str:
    """The index Material wrote, with titles and texts in NFC and written as UTF-8
    (a page's own boost, from its front matter, kept).

    `by_name`: source path of a page -> the only text (plain, escaped here) it is found by besides its
    title (the unit pages: what the page holds, their code and other names), or a Named with
    that text and the names the page is named by (kept as the entry's "names"). Their sections repeat the
    plan's own words, which the plan's pages hold once: indexed for every unit,
    a plan of 3,321 communes gave a 13 MB index that no phone builds (a 1,36 MB
    index already at 332 units, with 1,661 of its 1,739 entries on unit pages,
    and "5.000.000" finding every unit). Such a page is one entry: its title
    ("Xã Đăk Blô", "dak blo" finds it) and that text.

    Material writes every Vietnamese letter as a \\uXXXX escape (6 bytes for
    2-3); plain UTF-8 is about a third smaller, which matters on slow phones.
    Folding happens in the browser, so the index gains no words.
    """
    data = json.loads(raw)
    named = {page_location(src, dir_urls): entry if isinstance(entry, Named) else Named(entry)
             for src, entry in (by_name or {}).items()}
    if named:
        docs = []
        for doc in data.get("docs", []):
            location = doc.get("location", "")
            page, _, section = location.partition("#")
            if page in named:
                if section:
                    continue
                # the index holds HTML; escaped as Material escapes its text (an apostrophe
                # as &#x27; would give lunr a token "h&#x27" from "H' Drai")
                doc["text"] = html.escape(named[page].text, quote=False)
                if named[page].names:
                    doc["names"] = [unicodedata.normalize("NFC", n) for n in named[page].names]
            docs.append(doc)
        data["docs"] = docs
    for doc in data.get("docs", []):
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                doc[key] = unicodedata.normalize("NFC", doc[key])
        if isinstance(doc.get("tags"), list):
            doc["tags"] = [unicodedata.normalize("NFC", t) for t in doc["tags"]]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def table_rows_for_search(page_html: str) -> str:
    """The page's HTML as the search indexes it (never as the reader gets it): in every table, the cells
    of a row that hold text separated by CELL_SEPARATOR and the rows by ROW_SEPARATOR, the line breaks
    between the table's tags left out (the search would add a space before each separator); a line break
    (br) in a cell, and the table's end, are a space. Empty cells (a form's blanks, a total row's first
    cell) add nothing. Read with the one parser (htmlscan)."""
    if "<table" not in page_html:
        return page_html
    pieces = scan(page_html)
    out: list[str] = []
    tables: list[dict] = []  # the open tables, innermost last: {"cells": open cells, "row": row has text, "rows": …}
    for i, p in enumerate(pieces):
        table = tables[-1] if tables else None
        if p.kind == "text" and table is not None and not table["cells"] and not page_html[p.start:p.end].strip():
            continue  # a line break between the table's own tags
        if p.kind == "start" and p.tag == "table":
            tables.append({"cells": 0, "row": False, "rows": False})
        elif p.kind == "end" and p.tag == "table" and tables:
            tables.pop()
            after = pieces[i + 1] if i + 1 < len(pieces) else None
            if not tables and after is not None and not (after.kind == "text" and page_html[after.start:after.end][:1].isspace()):
                out.append(page_html[p.start:p.end] + " ")  # «Cộng» and the next heading apart
                continue
        elif table is not None and p.kind == "start" and p.tag == "tr":
            table["row"] = False
        elif table is not None and p.kind == "start" and p.tag in _CELLS:
            table["cells"] += 1
            end = matching_end(pieces, i)
            inside = pieces[i + 1:end] if end is not None else pieces[i + 1:]
            if any(q.kind == "text" and page_html[q.start:q.end].strip() for q in inside):
                if table["row"]:
                    out.append(CELL_SEPARATOR)
                elif table["rows"]:
                    out.append(ROW_SEPARATOR)
                table["row"] = table["rows"] = True
        elif table is not None and p.kind == "end" and p.tag in _CELLS and table["cells"]:
            table["cells"] -= 1
        elif table is not None and p.tag == "br" and table["cells"]:
            out.append(page_html[p.start:p.end] + " ")  # a unit and its Ban on two lines of one cell, apart
            continue
        out.append(page_html[p.start:p.end])
    return "".join(out)


def content_version(data: bytes) -> str:
    """A short content hash for a URL (?v=…): a changed script gets a new URL,
    so no browser keeps running a stale cached copy."""
    return hashlib.sha256(data).hexdigest()[:12]


def size_figures(raw: str) -> dict:
    """Bytes on the wire for an index: raw and gzip (what servers usually send)."""
    data = raw.encode("utf-8")
    return {"raw": len(data), "gzip": len(gzip.compress(data, 9))}
