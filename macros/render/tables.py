"""Column names on table cells, for narrow screens (issue 13).

On a 320–360 px phone a table of four columns does not fit. site.css then
shows each row as a block of "column name: value" lines; the column name
comes from a data-label attribute on every body cell, written here from the
table's header cells. The markup stays a real table (screen readers, print).

Only tables without a class (Markdown tables, which Material styles the same
way) are labelled and marked data-stack; forms (class "tk-table") keep their
layout. The HTML is read with macros/htmlscan.py (the one HTML reader) and edited
only by inserting the attributes into the cells' start tags, so everything else
stays byte for byte.
"""

from html import escape, unescape

from .. import htmlscan


def _inserts(html: str) -> list[tuple[int, str]]:
    """(offset just before the '>' or '/>' of a start tag, text to insert there), for
    each labelled table: data-stack on the table, data-label on its body cells."""
    inserts: list[tuple[int, str]] = []
    tables: list[dict] = []  # a stack: tables may nest
    for p in htmlscan.scan(html):
        if p.kind in ("start", "startend"):
            _start(p, p.end - (2 if html[p.start:p.end].endswith("/>") else 1), tables)
        if p.kind in ("end", "startend"):
            _end(p.tag, tables, inserts)
        elif p.kind == "text" and tables and tables[-1]["cell"] is not None:
            tables[-1]["cell"]["text"].append(unescape(html[p.start:p.end]))
    return inserts


def _start(p: htmlscan.Piece, end: int, tables: list[dict]) -> None:
    attrs = dict(p.attrs)
    if p.tag == "table":
        tables.append({"labelled": "class" not in attrs, "head": [], "in_head": False,
                       "cell": None, "col": 0, "start": end, "cells": [], "groups": {}, "below": {}, "taken": set()})
        return
    if not tables:
        return
    t = tables[-1]
    if p.tag == "thead":
        t["in_head"] = True
    elif p.tag == "tr":
        t["col"] = 0
        # Columns a cell of a row above still covers (rowspan): this row's cells start right of them.
        t["taken"] = {c for c, n in t["below"].items() if n > 0}
        t["below"] = {c: n - 1 for c, n in t["below"].items() if n > 1}
    elif p.tag in ("th", "td"):
        span = _int(attrs.get("colspan"), 1)
        while t["col"] in t["taken"]:
            t["col"] += 1
        for c in range(t["col"], t["col"] + span):
            if _int(attrs.get("rowspan"), 1) > 1:
                t["below"][c] = _int(attrs.get("rowspan"), 1) - 1
        cell = {"col": t["col"], "span": span, "text": [], "head": t["in_head"]}
        t["col"] += span
        t["cell"] = cell
        if not t["in_head"] and "data-label" not in attrs:
            t["cells"].append((end, cell))


def _end(tag: str, tables: list[dict], inserts: list) -> None:
    if not tables:
        return
    t = tables[-1]
    if tag == "table":
        tables.pop()
        _finish(t, inserts)
    elif tag == "thead":
        t["in_head"] = False
    elif tag in ("th", "td") and t["cell"] is not None:
        cell = t["cell"]
        if cell["head"]:
            label = " ".join("".join(cell["text"]).split())
            for i in range(cell["span"]):
                _put(t["head"], cell["col"] + i, label)
                if cell["span"] > 1 and label:  # a group's header over several columns (review r19j B1)
                    t["groups"].setdefault(cell["col"] + i, []).append(label)
        t["cell"] = None


def _finish(t: dict, inserts: list) -> None:
    if not t["labelled"] or not any(t["head"]):
        return
    inserts.append((t["start"], " data-stack"))
    for offset, cell in t["cells"]:
        label = t["head"][cell["col"]] if cell["col"] < len(t["head"]) else ""
        # Under a group's header («Kết quả quý I» over «Đạt» and «Chưa đạt»): the group named too, so a card
        # on a phone keeps what the upper header row says.
        groups = [g for g in t["groups"].get(cell["col"], []) if g != label]
        if groups and label:
            label = ": ".join([*groups, label])
        if label:
            inserts.append((offset, f' data-label="{escape(label, quote=True)}"'))


def _int(value, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


def _put(items: list, index: int, value) -> None:
    while len(items) <= index:
        items.append("")
    items[index] = value


def label_table_cells(html: str) -> str:
    """Add data-label (the column's header text) to each body cell of every
    class-less table that has a header row, and data-stack to the table."""
    if "<table" not in html:
        return html
    out, last = [], 0
    for offset, text in sorted(_inserts(html)):
        out.append(html[last:offset])
        out.append(text)
        last = offset
    out.append(html[last:])
    return "".join(out)
