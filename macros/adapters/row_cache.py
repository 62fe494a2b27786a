"""`mkdocs serve --dirty` (issue 24): the rows of a long list converted once.

The unit list (macros/templates/units_index.html) is one table of a row per unit; at 3,321
units a save that changes one unit's names converted the whole page again (Markdown, the
abbreviation tooltips, the column names on the cells): about 1.2 s of a 5 s edit loop. Here a
page whose Markdown holds one `<tbody markdown>` block of one-line rows keeps, per row, the
finished HTML that row became (after on_page_content's passes), keyed by the row's Markdown,
while all else the page is made of is the same (`context`: the Markdown outside the rows, the
page, the glossary, the URL style, what every page shows). A rebuild gives Markdown the page
with only the rows not kept (at least one), then puts the kept rows' HTML back in their place.

Every row's HTML depends on its own Markdown and the context only: Markdown converts each
`<tr markdown>` alone, tooltips wrap words inside one text node, a cell's column name comes from
the header, which is in the context. Whatever does not split as expected (another table in the
rows, separators not alike) is converted whole, as without this module. Per-process state lives
on ServeMemory (`tables`), per-build state on the BuildState (`row_pending`).
"""

import hashlib
from dataclasses import dataclass, field

OPEN = "\n<tbody markdown>\n"
CLOSE = "\n</tbody>"
MIN_ROWS = 5  # fewer rows: nothing worth keeping


@dataclass
class RowTable:
    """One page's rows as last finished: row Markdown -> its HTML, and what is between two rows."""
    context: str
    sep: str
    rows: dict[str, str] = field(default_factory=dict)
    converted: int = 0  # rows the last build gave Markdown (for the log and tests)


@dataclass
class Pending:
    """What one build gave Markdown for a page: its whole Markdown, the rows, which of them went in."""
    markdown: str
    context: str
    lines: list[str]
    kept: list[int] | None  # None: every row (the page converted whole)


def split_rows(markdown: str) -> tuple[str, list[str], str] | None:
    """(Markdown before the rows, the row lines, Markdown after them) of a page with one
    `<tbody markdown>` block of at least MIN_ROWS one-line rows; else None."""
    start = markdown.find(OPEN)
    if start < 0 or markdown.find(OPEN, start + 1) >= 0:
        return None
    body = start + len(OPEN)
    end = markdown.find(CLOSE, body)
    if end < 0:
        return None
    lines = markdown[body:end].split("\n")
    if len(lines) < MIN_ROWS or not all(_one_row(line) for line in lines):
        return None
    return markdown[:body], lines, markdown[end:]


def _one_row(line: str) -> bool:
    return (line.startswith("<tr") and line.endswith("</tr>") and line.count("<tr") == 1
            and line.count("</tr>") == 1 and "<table" not in line and "<tbody" not in line)


def rows_html(html: str) -> tuple[str, list[str], list[str], str] | None:
    """(HTML up to the first row, each row's HTML, what stands between two rows, HTML after the
    last row) of a page with one <tbody> whose rows hold no table; else None."""
    if html.count("<tbody") != 1 or html.count("</tbody>") != 1:
        return None
    start = html.index("<tbody")
    start = html.index(">", start) + 1
    end = html.index("</tbody>", start)
    rows, gaps, pos = [], [], start
    while True:
        s = html.find("<tr", pos, end)
        if s < 0:
            break
        e = html.find("</tr>", s, end)
        if e < 0 or html[s + 3] not in " >\n":
            return None
        e += len("</tr>")
        row = html[s:e]
        if row.count("<tr") != 1 or "<table" in row:
            return None
        gaps.append(html[pos:s])
        rows.append(row)
        pos = e
    if not rows or "<" in html[pos:end].replace("</tr>", ""):
        return None
    return html[:start] + gaps[0], rows, gaps[1:], html[pos:]


def context_of(before: str, after: str, src_uri: str, *settings) -> str:
    return hashlib.sha256("\0".join([before, after, src_uri, *map(str, settings)]).encode("utf-8")).hexdigest()


def markdown_to_convert(markdown: str, src_uri: str, settings: tuple, tables: dict, pending: dict) -> str:
    """The Markdown this build converts for the page: the whole page, or the page with only the rows
    whose HTML is not kept (recorded in `pending` for after_content)."""
    parts = split_rows(markdown)
    if parts is None:
        tables.pop(src_uri, None)
        return markdown
    before, lines, after = parts
    context = context_of(before, after, src_uri, *settings)
    table = tables.get(src_uri)
    if table is None or table.context != context:
        pending[src_uri] = Pending(markdown, context, lines, None)
        return markdown
    kept = [i for i, line in enumerate(lines) if line not in table.rows] or [0]
    pending[src_uri] = Pending(markdown, context, lines, kept)
    return before + "\n".join(lines[i] for i in kept) + after


def after_content(html: str, src_uri: str, tables: dict, pending: dict, whole) -> str:
    """The page's finished HTML: the rows kept put back (and the new ones kept). `whole()`: the
    page converted whole and finished, when what Markdown made does not split as expected."""
    p = pending.pop(src_uri, None)
    if p is None:
        return html
    split = rows_html(html)
    if p.kept is None:  # converted whole: keep its rows for the next save
        if split is not None and len(split[1]) == len(p.lines) and len(set(split[2])) <= 1:
            sep = split[2][0] if split[2] else "\n"
            tables[src_uri] = RowTable(p.context, sep, dict(zip(p.lines, split[1])), len(p.lines))
        else:
            tables.pop(src_uri, None)
        return html
    table = tables[src_uri]
    if split is None or len(split[1]) != len(p.kept) or any(gap != table.sep for gap in split[2]):
        tables.pop(src_uri, None)
        html = whole(p.markdown)
        after_content(html, src_uri, tables, {src_uri: Pending(p.markdown, p.context, p.lines, None)}, whole)
        return html
    head, rows, _, tail = split
    for i, row in zip(p.kept, rows):
        table.rows[p.lines[i]] = row
    table.rows = {line: table.rows[line] for line in p.lines}  # rows no longer on the page go
    table.converted = len(p.kept)
    return head + table.sep.join(table.rows[line] for line in p.lines) + tail
