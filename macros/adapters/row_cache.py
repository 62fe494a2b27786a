"""`mkdocs serve --dirty` (issue 24): the rows of a long list converted once.

The unit list (macros/templates/units_index.html) is one table of a row per unit; at 3,321
units a save that changes one unit's names converted the whole page again (Markdown, the
abbreviation tooltips, the column names on the cells): about 1.2 s of a 5 s edit loop. Here a
page whose Markdown holds one run of one-line row elements (split_rows) keeps, per row, the
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

from macros import htmlscan

MIN_ROWS = 5  # fewer rows: nothing worth keeping
ROW, BODY = "tr", "tbody"  # the element of a row, and of the rows, as the parser names them


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


def _shape(line: str) -> tuple[str, str]:
    return line.split(" ", 1)[0], line[-6:]


def split_rows(markdown: str) -> tuple[str, list[str], str] | None:
    """(Markdown before the rows, the row lines, Markdown after them): the one run of at least
    MIN_ROWS lines alike in their first word and their end (a long list written one row a line,
    like the unit list's table); None when the page has no such run, or more than one. Each line
    must then be one row element (_one_element), and the HTML must hold as many rows (after_content)."""
    lines = markdown.split("\n")
    runs, i = [], 0
    while i < len(lines):
        j = i + 1
        if lines[i]:
            while j < len(lines) and lines[j] and _shape(lines[j]) == _shape(lines[i]):
                j += 1
            if j - i >= MIN_ROWS:
                runs.append((i, j))
        i = j
    if len(runs) != 1:
        return None
    a, b = runs[0]
    return "".join(line + "\n" for line in lines[:a]), lines[a:b], "".join("\n" + line for line in lines[b:])


def _one_element(line: str) -> bool:
    """The line is one row element, whole (its start tag, its end tag, nothing after)."""
    pieces = htmlscan.scan(line)
    return (bool(pieces) and pieces[0].kind == "start" and pieces[0].tag == ROW
            and htmlscan.matching_end(pieces, 0) == len(pieces) - 1 and pieces[-1].end == len(line))


def rows_html(html: str) -> tuple[str, list[str], list[str], str] | None:
    """(HTML up to the first row, each row's HTML, what stands between two rows, HTML after the
    last row) of a page whose HTML has one body of rows, each a row element holding no other
    body of rows, with only blank text between them; else None."""
    pieces = htmlscan.scan(html)
    bodies = [i for i, p in enumerate(pieces) if p.kind == "start" and p.tag == BODY]
    if len(bodies) != 1:
        return None
    first = bodies[0]
    last = htmlscan.matching_end(pieces, first)
    if last is None:
        return None
    rows, gaps, i, pos = [], [], first + 1, pieces[first].end
    while i < last:
        p = pieces[i]
        if p.kind == "text" and not html[p.start:p.end].strip():
            i += 1
            continue
        if p.kind != "start" or p.tag != ROW:
            return None
        end = htmlscan.matching_end(pieces, i)
        if end is None or end > last or any(q.tag == BODY for q in pieces[i:end]):
            return None
        gaps.append(html[pos:p.start])
        rows.append(html[p.start:pieces[end].end])
        pos = pieces[end].end
        i = end + 1
    if not rows:
        return None
    return html[:pieces[first].end] + gaps[0], rows, gaps[1:], html[pos:]


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
        if all(_one_element(line) for line in lines):  # else: converted whole, nothing kept
            pending[src_uri] = Pending(markdown, context, lines, None)
        return markdown
    kept = [i for i, line in enumerate(lines) if line not in table.rows] or [0]
    if not all(_one_element(lines[i]) for i in kept):
        tables.pop(src_uri, None)
        return markdown
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
