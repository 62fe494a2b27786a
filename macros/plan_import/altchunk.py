"""A w:altChunk of a .docx: another file (HTML, plain text, RTF, a .docx…) that Word shows in the document at
that place (review r19p defect 5: its text was dropped silently; LibreOffice drops it too).

Simple HTML (paragraphs, headings, line breaks, bold, italic, spans) and plain text are read here exactly, one
paragraph a block; anything else (tables, lists, pictures, RTF, an embedded .docx) is not read and the checklist
names it. HTML is read with the standard library's parser, never with patterns.
"""

import codecs
import re
from html.parser import HTMLParser

from .blocks import Para, Run

# Tags whose text is the document's, drawn as paragraphs and runs; any other tag makes the chunk not simple.
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6"}
_INLINE = {"b", "strong", "i", "em", "u", "span", "font", "br"}
_FRAME = {"html", "head", "body", "meta", "title", "style", "link"}
_SKIP_TEXT = {"head", "title", "style"}


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: list[list[Run]] = [[]]
        self.bold = 0
        self.italic = 0
        self.skip = 0
        self.simple = True
        self.other: set[str] = set()

    def _new_para(self) -> None:
        if self.paras[-1]:
            self.paras.append([])

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK:
            self._new_para()
            if tag.startswith("h"):
                self.bold += 1
        elif tag == "br":
            self._new_para()
        elif tag in ("b", "strong"):
            self.bold += 1
        elif tag in ("i", "em"):
            self.italic += 1
        elif tag in _SKIP_TEXT:
            self.skip += 1
        elif tag not in _INLINE and tag not in _FRAME:
            self.simple = False
            self.other.add(tag)

    def handle_endtag(self, tag):
        if tag in _BLOCK:
            self._new_para()
            if tag.startswith("h"):
                self.bold = max(self.bold - 1, 0)
        elif tag in ("b", "strong"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("i", "em"):
            self.italic = max(self.italic - 1, 0)
        elif tag in _SKIP_TEXT:
            self.skip = max(self.skip - 1, 0)

    def handle_data(self, data):
        if self.skip:
            return
        text = re.sub(r"[ \t\r\n\f]+", " ", data)  # HTML's white space: one space
        if not text:
            return
        runs = self.paras[-1]
        if not runs:
            text = text.lstrip(" ")
            if not text:
                return
        bold, italic = self.bold > 0, self.italic > 0
        if runs and (runs[-1].bold, runs[-1].italic) == (bold, italic):
            runs[-1].text += text
        else:
            runs.append(Run(text, bold, italic))


def _decode(blob: bytes, html: bool) -> str | None:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if blob.startswith(bom):
            try:
                return blob.decode(enc)
            except UnicodeDecodeError:
                return None
    charset = None
    if html:
        m = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", blob[:4096])
        charset = m.group(1).decode("ascii").lower() if m else None
    for enc in ([charset] if charset else []) + ["utf-8"]:
        try:
            return blob.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def read_chunk(blob: bytes, content_type: str, name: str) -> tuple[list[Para], str]:
    """The chunk's paragraphs and "" when it is simple HTML or plain text; else [] and why it was not read."""
    kind = (content_type or "").split(";")[0].strip().lower()
    lower = name.lower()
    if kind in ("text/html", "application/xhtml+xml") or lower.endswith((".htm", ".html", ".xhtml")):
        text = _decode(blob, True)
        if text is None:
            return [], "không đọc được mã chữ của trang HTML"
        parser = _Html()
        try:
            parser.feed(text)
            parser.close()
        except Exception:  # noqa: BLE001 - a broken page: listed, not read
            return [], "trang HTML hỏng"
        if not parser.simple:
            return [], "trang HTML có " + ", ".join(f"<{t}>" for t in sorted(parser.other)) + " (không chỉ là đoạn chữ)"
        paras = []
        for runs in parser.paras:
            if runs:
                runs[-1].text = runs[-1].text.rstrip(" ")
            if any(r.text.strip() for r in runs):
                paras.append(Para([r for r in runs if r.text]))
        return paras, ""
    if kind == "text/plain" or lower.endswith(".txt"):
        text = _decode(blob, False)
        if text is None:
            return [], "không đọc được mã chữ của tệp văn bản"
        return [Para([Run(line.rstrip("\r"))]) for line in text.split("\n") if line.strip()], ""
    return [], f"tệp loại {kind or lower.rsplit('.', 1)[-1]} không đọc được ở đây"
