"""Column names on table cells, for narrow screens (issue 13).

On a 320–360 px phone a table of four columns does not fit. site.css then
shows each row as a block of "column name: value" lines; the column name
comes from a data-label attribute on every body cell, written here from the
table's header cells. The markup stays a real table (screen readers, print).

Only tables without a class (Markdown tables, which Material styles the same
way) are labelled and marked data-stack; forms (class "tk-table") keep their
layout. The HTML is read with html.parser and edited only by inserting the
attributes into the cells' start tags, so everything else stays byte for byte.
"""

import re
from html import escape
from html.parser import HTMLParser

_NEWLINE = re.compile("\n")


class _TableScan(HTMLParser):
    """Finds each start tag to edit (its offset in the source) and the labels."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inserts: list[tuple[int, str]] = []  # (offset of the start tag's end, text)
        self._tables: list[dict] = []  # a stack: tables may nest
        self._line_starts = [0]

    def feed_text(self, html: str) -> None:
        self._line_starts += [m.end() for m in _NEWLINE.finditer(html)]
        self._html = html
        self.feed(html)
        self.close()

    def _tag_end(self) -> int:
        """Offset just before the '>' (or '/>') of the start tag being handled."""
        line, col = self.getpos()
        start = self._line_starts[line - 1] + col
        text = self.get_starttag_text() or ""
        end = start + len(text) - 1
        if text.endswith("/>"):
            end -= 1
        return end

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            table = {"labelled": "class" not in attrs, "head": [], "in_head": False,
                     "cell": None, "col": 0, "start": self._tag_end(), "cells": []}
            self._tables.append(table)
            return
        if not self._tables:
            return
        t = self._tables[-1]
        if tag == "thead":
            t["in_head"] = True
        elif tag == "tr":
            t["col"] = 0
        elif tag in ("th", "td"):
            span = _int(attrs.get("colspan"), 1)
            cell = {"col": t["col"], "span": span, "text": [], "head": t["in_head"]}
            t["col"] += span
            t["cell"] = cell
            if not t["in_head"] and "data-label" not in attrs:
                t["cells"].append((self._tag_end(), cell))

    def handle_endtag(self, tag):
        if not self._tables:
            return
        t = self._tables[-1]
        if tag == "table":
            self._tables.pop()
            self._finish(t)
        elif tag == "thead":
            t["in_head"] = False
        elif tag in ("th", "td") and t["cell"] is not None:
            cell = t["cell"]
            if cell["head"]:
                label = " ".join("".join(cell["text"]).split())
                for i in range(cell["span"]):
                    _put(t["head"], cell["col"] + i, label)
            t["cell"] = None

    def handle_data(self, data):
        if self._tables and self._tables[-1]["cell"] is not None:
            self._tables[-1]["cell"]["text"].append(data)

    def _finish(self, t) -> None:
        if not t["labelled"] or not any(t["head"]):
            return
        self.inserts.append((t["start"], " data-stack"))
        for offset, cell in t["cells"]:
            label = t["head"][cell["col"]] if cell["col"] < len(t["head"]) else ""
            if label:
                self.inserts.append((offset, f' data-label="{escape(label, quote=True)}"'))


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
    scan = _TableScan()
    scan.feed_text(html)
    out, last = [], 0
    for offset, text in sorted(scan.inserts):
        out.append(html[last:offset])
        out.append(text)
        last = offset
    out.append(html[last:])
    return "".join(out)
