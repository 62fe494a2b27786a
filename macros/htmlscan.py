"""HTML read with the standard library's parser (html.parser), keeping where each
piece sits in the text, so that a pass can change one piece (a word in a text
node, one attribute of a tag) and leave every other byte as it was.

Used for the abbreviation tooltips and the printable article of a built page.
"""

import re
from html.parser import HTMLParser
from typing import NamedTuple

_NEWLINE = re.compile("\n")


class Piece(NamedTuple):  # a tuple: made thousands of times per page, on every page
    kind: str  # "start", "startend", "end", "text" or "other" (comment, declaration)
    tag: str  # lower-case tag name; "" for text and other
    attrs: tuple  # ((name, value), …) of a start tag
    start: int  # offsets in the scanned text: text[start:end] is the piece as written
    end: int

    def attr(self, name: str) -> str:
        return next((v or "" for k, v in self.attrs if k == name), "")

    def has_class(self, *names: str) -> bool:
        classes = self.attr("class").split()
        return all(n in classes for n in names)


class _Scanner(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.marks: list[tuple[str, str, tuple, int]] = []

    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _mark(self, kind, tag="", attrs=()):
        self.marks.append((kind, tag, tuple(attrs), self._at()))

    def handle_starttag(self, tag, attrs):
        self._mark("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._mark("startend", tag, attrs)

    def handle_endtag(self, tag):
        self._mark("end", tag)

    def handle_data(self, data):
        self._mark("text")

    def handle_entityref(self, name):
        self._mark("text")

    def handle_charref(self, name):
        self._mark("text")

    def handle_comment(self, data):
        self._mark("other")

    def handle_decl(self, decl):
        self._mark("other")

    def handle_pi(self, data):
        self._mark("other")

    def unknown_decl(self, data):
        self._mark("other")


def scan(text: str) -> list[Piece]:
    """The pieces of `text` in order; adjacent text (and character references) merged."""
    scanner = _Scanner(text)
    scanner.feed(text)
    scanner.close()
    marks = scanner.marks
    pieces: list[Piece] = []
    for i, (kind, tag, attrs, start) in enumerate(marks):
        end = marks[i + 1][3] if i + 1 < len(marks) else len(text)
        if end <= start and kind == "text":
            continue
        if kind == "text" and pieces and pieces[-1].kind == "text" and pieces[-1].end == start:
            last = pieces.pop()
            start = last.start
        pieces.append(Piece(kind, tag, attrs, start, end))
    return pieces


def matching_end(pieces: list[Piece], index: int) -> int | None:
    """Index of the end tag closing the start tag at `index` (same name, nested ones counted)."""
    tag, depth = pieces[index].tag, 0
    for j in range(index, len(pieces)):
        p = pieces[j]
        if p.tag != tag:
            continue
        if p.kind == "start":
            depth += 1
        elif p.kind == "end":
            depth -= 1
            if depth == 0:
                return j
    return None


def start_tag(tag: str, attrs) -> str:
    """A start tag written from its name and attributes, values escaped."""
    from html import escape

    parts = [tag] + [name if value is None else f'{name}="{escape(value, quote=True)}"' for name, value in attrs]
    return "<" + " ".join(parts) + ">"
