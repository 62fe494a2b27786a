"""An .odt (LibreOffice Writer's own format) read into blocks, its list numbers rebuilt.

ODF is a zip of XML (OASIS OpenDocument 1.2/1.3): content.xml holds the body and its
automatic styles, styles.xml the named styles. Read here with lxml (already installed with
python-docx). A list (text:list) takes its look from a list style
(text:list-level-style-number: style:num-format "1", "a", "A", "i", "I", style:num-prefix,
style:num-suffix, text:start-value, text:display-levels; text:list-level-style-bullet:
text:bullet-char), named on the list or on its paragraphs' style. A list counts from its
start unless it says text:continue-numbering="true" or text:continue-list (then it goes on
from the list it continues); text:list-item text:start-value restarts it there. Bold and
italic are read from the text styles (fo:font-weight="bold", fo:font-style="italic").
"""

import re
import zipfile
from pathlib import Path

from ..text import fold
from .legacy import Converted
from .blocks import NotAPlan, Para, Run, Table, excerpt, group_row, tab_columns
from .docx import _SYMBOL_BULLETS, _split_lines, format_number

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman", "": "none"}
MAX_UNPACKED = 200 * 1024 * 1024
OUTLINE = " outline"  # headings' numbering (text:outline-style), not a style name


def t(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def _font(props, faces: dict[str, str]) -> str | None:
    name = props.get(t("style", "font-name"))
    if name is not None:
        return faces.get(name, name)
    family = props.get(t("fo", "font-family"))
    return family.strip("'\" ") if family is not None else None


class _Styles:
    def __init__(self, roots):
        self.bold: dict[str, bool] = {}
        self.italic: dict[str, bool] = {}
        self.parent: dict[str, str] = {}
        self.list_of_para: dict[str, str] = {}
        self.lists: dict[str, dict[int, tuple]] = {}
        # Each style's font (style:font-name through the font-face declarations, or fo:font-family), and the
        # default paragraph style's: text typed in a legacy Vietnamese font is converted (legacy.py).
        self.font: dict[str, str] = {}
        self.default_font = ""
        self.centred: dict[str, bool] = {}  # paragraph styles centred (fo:text-align), a layout hint
        self.hidden: dict[str, bool] = {}  # hidden text (text:display="none"): never published, listed
        faces: dict[str, str] = {}
        for root in roots:
            if root is None:
                continue
            for face in root.iter(t("style", "font-face")):
                family = (face.get(t("svg", "font-family")) or face.get(t("style", "name"), "")).strip("'\" ")
                faces[face.get(t("style", "name"), "")] = family
        for root in roots:
            if root is None:
                continue
            for st in root.iter(t("style", "default-style")):
                props = st.find(t("style", "text-properties"))
                if st.get(t("style", "family")) == "paragraph" and props is not None:
                    self.default_font = _font(props, faces) or self.default_font
            for st in root.iter(t("style", "style")):
                name = st.get(t("style", "name"), "")
                props = st.find(t("style", "text-properties"))
                align = st.find(t("style", "paragraph-properties"))
                if align is not None and align.get(t("fo", "text-align")):
                    self.centred[name] = align.get(t("fo", "text-align")) == "center"
                if props is not None and props.get(t("text", "display")):
                    self.hidden[name] = props.get(t("text", "display")) == "none"
                if props is not None and _font(props, faces) is not None:
                    self.font[name] = _font(props, faces)
                if props is not None:
                    if props.get(t("fo", "font-weight")):
                        self.bold[name] = props.get(t("fo", "font-weight")) in ("bold", "700", "800", "900")
                    if props.get(t("fo", "font-style")):
                        self.italic[name] = props.get(t("fo", "font-style")) in ("italic", "oblique")
                if st.get(t("style", "parent-style-name")):
                    self.parent[name] = st.get(t("style", "parent-style-name"))
                if st.get(t("style", "list-style-name")):
                    self.list_of_para[name] = st.get(t("style", "list-style-name"))
            for ls in [*root.iter(t("text", "list-style")), *root.iter(t("text", "outline-style"))]:
                levels = {}
                for lvl in ls:
                    level = int(lvl.get(t("text", "level"), "1"))
                    if lvl.tag in (t("text", "list-level-style-number"), t("text", "outline-level-style")):
                        levels[level] = ("number", _FORMATS.get(lvl.get(t("style", "num-format"), "1"), "decimal"),
                                         lvl.get(t("style", "num-prefix"), ""), lvl.get(t("style", "num-suffix"), ""),
                                         int(lvl.get(t("text", "start-value"), "1") or 1),
                                         int(lvl.get(t("text", "display-levels"), "1") or 1))
                    elif lvl.tag == t("text", "list-level-style-bullet"):
                        char = lvl.get(t("text", "bullet-char"), "•")
                        shown = "".join(_SYMBOL_BULLETS.get(ch, ch) for ch in char)
                        levels[level] = ("bullet", shown, shown != char)
                key = OUTLINE if ls.tag == t("text", "outline-style") else ls.get(t("style", "name"), "")
                self.lists[key] = levels

    def font_of(self, name: str, inherited: str) -> str:
        seen = 0
        while name and seen < 20:
            if name in self.font:
                return self.font[name]
            name, seen = self.parent.get(name, ""), seen + 1
        return inherited

    def flag(self, table: dict, name: str) -> bool:
        seen = 0
        while name and seen < 20:
            if name in table:
                return table[name]
            name, seen = self.parent.get(name, ""), seen + 1
        return False

    def para_list(self, name: str) -> str:
        seen = 0
        while name and seen < 20:
            if name in self.list_of_para:
                return self.list_of_para[name]
            name, seen = self.parent.get(name, ""), seen + 1
        return ""


class _Reader:
    def __init__(self, styles: _Styles):
        self.styles = styles
        self.blocks: list = []
        self.prev: dict[tuple[str, int], int] = {}  # (list id, level) -> the last number drawn
        self.last_of_style: dict[str, str] = {}  # list style -> id of its last list
        self.alias: dict[str, str] = {}  # a list's xml:id -> the list whose count it goes on with
        self.images = 0
        # Footnotes and endnotes (text:note), as the .docx reader places them: the citation where it stands
        # («[1]»), the note's text as a paragraph «[1] …» after the paragraph holding it (review r19f).
        self.pending: list[Para] = []
        self.notes = {"footnote": 0, "endnote": 0}
        self.text_boxes = 0
        self.merged_tables = 0  # tables with a cell spanning rows or columns
        self.symbol_bullets = False
        self.unknown: set[str] = set()
        self._lists = 0
        self.legacy = Converted()
        self.hidden: list[str] = []  # the words of hidden spans, for the checklist

    def runs(self, el, bold=False, italic=False, font="") -> list[Run]:
        """The runs of a paragraph element. A legacy font's codes are converted before any character is read
        (TCVN3's «ư» is U+00AD), the paragraph's consecutive spans together, as a span may end inside a VNI
        letter (legacy.Converted.texts, as the .docx reader)."""
        pieces: list[tuple[str, bool, bool, str]] = []  # (text, bold, italic, font), in order
        self._pieces(el, bold, italic, pieces, font)
        out: list[Run] = []
        texts = self.legacy.texts([(text, f) for text, _, _, f in pieces])
        for (_, b, i, _), text in zip(pieces, texts):
            if not text:
                continue
            if out and (out[-1].bold, out[-1].italic) == (b, i):
                out[-1].text += text
            else:
                out.append(Run(text, b, i))
        return out

    def _pieces(self, el, bold: bool, italic: bool, out: list, font: str) -> None:
        def add(text: str, b: bool, i: bool) -> None:
            if text:
                out.append((text, b, i, font))

        def raw(text: str, b: bool, i: bool) -> None:
            # Characters of the XML itself: per ODF (1.3, part 3, 6.1.2) a newline, tab or run of spaces
            # there is one space (a line ends only at text:line-break, a tab is text:tab, spaces text:s);
            # a newline left by the program that wrote the file never splits a line (review r19e).
            text = re.sub(r"[ \t\r\n]+", " ", text)
            if text.startswith(" ") and (not out or out[-1][0].endswith((" ", "\n"))) and not keep[0]:
                text = text[1:]
            keep[0] = False
            add(text, b, i)

        keep = [False]  # the last character came from text:s / text:tab: a raw space after it counts
        raw(el.text or "", bold, italic)
        for child in el:
            if child.tag == t("text", "span") and self.styles.flag(self.styles.hidden,
                                                                   child.get(t("text", "style-name"), "")):
                # Hidden text: LibreOffice and Word neither show nor print it (review r19p defect 3).
                words = "".join(child.itertext()).strip()
                if words:
                    self.hidden.append(self.legacy.run(words, self.styles.font_of(
                        child.get(t("text", "style-name"), ""), font)))
            elif child.tag == t("text", "span"):
                name = child.get(t("text", "style-name"), "")
                b = bold or self.styles.flag(self.styles.bold, name)
                i = italic or self.styles.flag(self.styles.italic, name)
                self._pieces(child, b, i, out, self.styles.font_of(name, font))
            elif child.tag == t("text", "a"):
                self._pieces(child, bold, italic, out, font)
            elif child.tag == t("text", "s"):
                add(" " * int(child.get(t("text", "c"), "1") or 1), bold, italic)
                keep[0] = True
            elif child.tag == t("text", "tab"):
                add("\t", bold, italic)
                keep[0] = True
            elif child.tag == t("text", "line-break"):
                add("\n", bold, italic)
            elif child.tag == t("draw", "frame"):
                pass  # a picture, counted by para(); a text box, read by frames()
            elif child.tag == t("text", "note"):
                kind = "endnote" if child.get(t("text", "note-class")) == "endnote" else "footnote"
                self.notes[kind] += 1
                cit = child.find(t("text", "note-citation"))
                mark = f"[{(cit.text or '').strip() if cit is not None and (cit.text or '').strip() else self.notes[kind]}]"
                add(mark, bold, italic)
                note_body = child.find(t("text", "note-body"))
                lines = [x for p in (note_body.iter(t("text", "p")) if note_body is not None else [])
                         for x in self.para(p) if x.text.strip()]
                if lines:
                    lines[0].runs = [Run(mark + " ")] + lines[0].runs
                    for x in lines:
                        x.note = True
                    self.pending.extend(lines)
            # notes, bookmarks, fields' hidden parts: not the paragraph's text
            raw(child.tail or "", bold, italic)

    def para(self, el, marker: str = "", kind: str = "", level: int = 0, outline: int = -1) -> list[Para]:
        """A paragraph as one Para per line, as the .docx reader: a line break (text:line-break,
        Shift+Enter) reads like a paragraph break; the list marker goes to the first line only."""
        name = el.get(t("text", "style-name"), "")
        b = self.styles.flag(self.styles.bold, name)
        i = self.styles.flag(self.styles.italic, name)
        self.images += sum(1 for f in el.iter(t("draw", "frame")) if f.find(t("draw", "text-box")) is None)
        runs = self.runs(el, b, i, font=self.styles.font_of(name, self.styles.default_font))
        centred = self.styles.flag(self.styles.centred, name)
        if not any("\n" in r.text for r in runs):
            return [Para(runs, marker, kind, level, centred=centred, outline=outline)]
        lines = _split_lines(runs)
        while len(lines) > 1 and not lines[-1]:  # a break at the end of the paragraph adds no line
            lines.pop()
        return [Para(line, marker if n == 0 else "", kind if n == 0 else "", level, centred=centred,
                     outline=outline if n == 0 else -1) for n, line in enumerate(lines)]

    def marker(self, list_id: str, style: str, level: int, restart: int | None) -> tuple[str, str]:
        """The label of the next item of list `list_id` at `level` (1-based), drawn by list style `style`."""
        levels = self.styles.lists.get(style, {})
        for deeper in [k for k in self.prev if k[0] == list_id and k[1] > level]:
            del self.prev[deeper]  # a higher item restarts the deeper levels
        spec = levels.get(level)
        if spec is None:
            return "", ""
        if spec[0] == "bullet":
            self.symbol_bullets |= spec[2]
            return spec[1], "bullet"
        _, fmt, prefix, suffix, start, display = spec
        before = self.prev.get((list_id, level))
        self.prev[(list_id, level)] = restart if restart is not None else (before + 1 if before is not None else start)
        if fmt == "none":
            return "", ""
        parts = []
        for lv in range(max(1, level - display + 1), level + 1):
            s = levels.get(lv)
            if s and s[0] == "number":
                value = self.prev.get((list_id, lv), s[4])
                drawn = format_number(value, s[1])
                if drawn is None:
                    self.unknown.add(s[1])
                    drawn = str(value)
                parts.append(drawn)
        return (prefix + ".".join(parts) + suffix, fmt) if parts else ("", "")

    def list(self, el, level: int, style: str, list_id: str) -> None:
        for item in el:
            if item.tag not in (t("text", "list-item"), t("text", "list-header")):
                continue
            restart = item.get(t("text", "start-value"))
            first = True
            for child in item:
                if child.tag in (t("text", "p"), t("text", "h")):
                    if first and item.tag == t("text", "list-item"):
                        own = child.get(t("text", "style-name"), "")
                        mk, kind = self.marker(list_id, style or self.styles.para_list(own), level,
                                               int(restart) if restart and restart.isdigit() else None)
                        self.blocks.extend(self.para(child, mk, kind, level - 1))
                    else:
                        self.blocks.extend(self.para(child))
                    self.flush()
                    first = False
                elif child.tag == t("text", "list"):
                    self.list(child, level + 1, child.get(t("text", "style-name"), "") or style, list_id)
                    first = False
                else:
                    self.body([child])

    def body(self, elements) -> None:
        for el in elements:
            self.flush(el)  # a căn cứ's notes held back come before the first line after the căn cứ list
            if el.tag == t("text", "h") and el.get(t("text", "outline-level")) and \
                    el.get(t("text", "is-list-header")) != "true":
                level = int(el.get(t("text", "outline-level")) or 1)
                mk, kind = self.marker(OUTLINE, OUTLINE, level, None)
                # Word's «Heading 1/2» read alike (review r19e): outline level 1 is outline 0.
                self.blocks.extend(self.para(el, mk, kind, level - 1, outline=level - 1))
                self.flush()
            elif el.tag in (t("text", "p"), t("text", "h")):
                self.blocks.extend(self.frames(el))
                self.blocks.extend(self.para(el))
                self.flush(el)
            elif el.tag == t("text", "list"):
                style = el.get(t("text", "style-name"), "")
                self._lists += 1
                own = next((v for k, v in el.attrib.items() if k.endswith("}id") and "/XML/" in k), "") or f" list{self._lists}"
                goes_on = el.get(t("text", "continue-list")) or (
                    self.last_of_style.get(style) if el.get(t("text", "continue-numbering")) == "true" else None)
                # A list that continues another counts on with it, and so does one continuing this one.
                list_id = self.alias.get(goes_on, goes_on) if goes_on else own
                self.alias[own] = list_id
                self.last_of_style[style] = list_id
                self.list(el, 1, style, list_id)
            elif el.tag == t("table", "table"):
                self.blocks.append(self.table(el))
                self.flush()
            elif el.tag in (t("text", "section"), t("table", "table-header-rows"), t("table", "table-rows")):
                self.body(list(el))

    def frames(self, el) -> list:
        """The text boxes (draw:frame › draw:text-box) anchored in a paragraph, read in order: boxes side by
        side as the columns of a one-row table, left to right (svg:x), as a two-column header table (review
        r19f: a header in two frames was lost and counted as images)."""
        boxes = []
        for f in el.iter(t("draw", "frame")):
            box = f.find(t("draw", "text-box"))
            anc, inner = f.getparent(), False
            while anc is not None and anc is not el:
                inner = inner or anc.tag == t("draw", "text-box")
                anc = anc.getparent()
            if box is not None and not inner:
                boxes.append((_length_cm(f.get("{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}x", "")),
                              box))
        if not boxes:
            return []
        self.text_boxes += len(boxes)
        read = []
        for _, box in sorted(boxes, key=lambda b: b[0]):
            saved, self.blocks = self.blocks, []
            self.body(list(box))
            got, self.blocks = self.blocks, saved
            if any(isinstance(x, Table) or x.text.strip() for x in got):
                read.append(got)
        if len(read) >= 2 and all(isinstance(x, Para) for r in read for x in r):
            cells = [[x for x in r if x.text.strip()] for r in read]
            return [Table([["\n".join(x.text.strip() for x in c) for c in cells]], 0, [cells])]
        return [x for r in read for x in r]

    def flush(self, el=None) -> None:
        """The notes read so far, after the paragraph or table that refers to them; after the last «Căn cứ …»
        line for a căn cứ's note (the căn cứ list stays whole)."""
        if el is not None and fold("".join(el.itertext())).lstrip("-–+• ").startswith("can cu"):
            return
        self.blocks.extend(self.pending)
        self.pending.clear()

    def table(self, el) -> Table:
        rows, cells, header = [], [], 0
        spanning: dict[int, str] = {}  # column -> text of the spanning cell that covers it (as the .docx reader)
        has_merge = False
        spans: list[tuple[int, int, int, int]] = []  # merged cells (Table.spans), as the .docx reader
        for part in el:
            trs = [part] if part.tag == t("table", "table-row") else (
                part.findall(t("table", "table-row")) if part.tag in (t("table", "table-header-rows"),
                                                                      t("table", "table-rows")) else [])
            for tr in trs:
                row, row_cells = [], []
                col = 0
                for tc in tr:
                    repeated = tc.get(t("table", "number-columns-repeated"), "1")
                    repeated = int(repeated) if repeated.isdigit() and 0 < int(repeated) <= 64 else 1
                    if tc.tag == t("table", "covered-table-cell"):
                        # Under a merged cell: its text written here too, so no row or column loses it.
                        for g in range(col, col + repeated):
                            row.append(spanning.get(g, ""))
                        col += repeated
                        continue
                    if tc.tag != t("table", "table-cell"):
                        continue
                    saved, self.blocks = self.blocks, []
                    self.body(list(tc))
                    paras = [b for b in self.blocks if isinstance(b, Para)]
                    self.blocks = saved
                    text = "\n".join((p.marker + " " if p.marker else "") + p.text.strip()
                                     for p in paras if p.text.strip())
                    row.append(text)
                    row_cells.append(paras)
                    rows_spanned, cols_spanned = (
                        int(v) if v.isdigit() and int(v) > 0 else 1
                        for v in (tc.get(t("table", "number-rows-spanned"), "1"),
                                  tc.get(t("table", "number-columns-spanned"), "1")))
                    has_merge = has_merge or rows_spanned > 1 or cols_spanned > 1
                    if rows_spanned > 1 or cols_spanned > 1:
                        spans.append((len(rows), col, rows_spanned, cols_spanned))
                    for g in range(col, col + cols_spanned):
                        if rows_spanned > 1 or cols_spanned > 1:
                            spanning[g] = text
                        else:
                            spanning.pop(g, None)
                    col += repeated
                rows.append(row)
                cells.append(row_cells)
                bold = any(p.text.strip() for ps in row_cells for p in ps) and all(r.bold for ps in row_cells for p in ps for r in p.runs if r.text.strip())
                declared = el.find(t("table", "table-header-rows")) is not None
                if part.tag == t("table", "table-header-rows") or (
                        not declared and bold and header == len(rows) - 1 and not (len(rows) > 1 and group_row(row))):
                    header += 1  # declared header rows, or bold rows at the top (as the .docx reader)
        self.merged_tables += has_merge
        return Table(rows, header if header < len(rows) else 0, cells, spans=spans)


def _length_cm(value: str) -> float:
    """An ODF length («-0.5cm», «2.1in», «12pt») in centimetres; 0 when not one."""
    m = re.fullmatch(r"\s*(-?[\d.]+)\s*(cm|mm|in|pt|pc|px)?\s*", value or "")
    if not m:
        return 0.0
    try:
        n = float(m[1])
    except ValueError:
        return 0.0
    return n * {"cm": 1, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96}.get(m[2] or "cm", 1)


def _page_header(reader: "_Reader", styles, content, text) -> list:
    """The first page's header (style:header-first, else style:header of the first paragraph's master page)
    read as the document's header when the body has none, as the .docx reader does (review r19f C1)."""
    from .docx import _has_header

    if styles is None or text is None or _has_header(reader.blocks):
        return []
    first = next((el for el in text.iter(t("text", "p"), t("text", "h"))), None)
    master = "Standard"
    if first is not None:
        name = first.get(t("text", "style-name"), "")
        for root in (content, styles):
            for st in root.iter(t("style", "style")):
                if st.get(t("style", "name")) == name and st.get(t("style", "master-page-name")):
                    master = st.get(t("style", "master-page-name"))
    pages = list(styles.iter(t("style", "master-page")))
    page = next((m for m in pages if m.get(t("style", "name")) == master), pages[0] if pages else None)
    if page is None:
        return []
    header = page.find(t("style", "header-first"))
    if header is None or header.get(t("style", "display")) == "false":
        header = page.find(t("style", "header"))
    if header is None or header.get(t("style", "display")) == "false":
        return []
    saved, reader.blocks = reader.blocks, []
    reader.body(list(header))
    reader.flush()
    read, reader.blocks = reader.blocks, saved
    return read if _has_header(read) else []


def read_odt(path: Path, max_bytes: int) -> tuple[list, dict]:
    from lxml import etree

    from ..limits import kb

    size = path.stat().st_size
    if size > max_bytes:
        raise NotAPlan(f"Tệp quá lớn ({kb(size)}; tối đa {kb(max_bytes)}): một kế hoạch thường dưới 1 MB.")
    if size == 0:
        raise NotAPlan("Tệp rỗng (0 byte): không có gì để nhập.")
    if not zipfile.is_zipfile(path):
        raise NotAPlan("Tệp không phải tệp LibreOffice (.odt) hoặc đã hỏng: mở lại bằng LibreOffice và «Lưu thành» .odt "
                       "hoặc Word (.docx).")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
            if "content.xml" not in names or (mimetype and mimetype != "application/vnd.oasis.opendocument.text"):
                if "word/document.xml" in names:
                    raise NotAPlan("Tệp có đuôi .odt nhưng là tệp Word: đổi đuôi thành .docx rồi nhập lại.")
                raise NotAPlan(f"Tệp không phải văn bản LibreOffice Writer (.odt){f' ({mimetype})' if mimetype else ''}: "
                               "hãy nhập tệp văn bản của kế hoạch.")
            manifest = z.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
            if b"encryption-data" in manifest[:MAX_UNPACKED]:
                raise NotAPlan("Tệp .odt được bảo vệ bằng mật khẩu: mở bằng LibreOffice, nhập mật khẩu, bỏ mật khẩu "
                               "(Tệp › Thuộc tính › Bảo mật, hoặc «Lưu thành» không đánh dấu «Lưu với mật khẩu») "
                               "rồi nhập lại.")
            for member in ("content.xml", "styles.xml"):
                if member in names and z.getinfo(member).file_size > MAX_UNPACKED:
                    raise NotAPlan("Phần văn bản trong tệp quá lớn khi giải nén: không phải một kế hoạch bình thường.")
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
            content = etree.fromstring(z.read("content.xml"), parser)
            styles = etree.fromstring(z.read("styles.xml"), parser) if "styles.xml" in names else None
    except NotAPlan:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, etree.XMLSyntaxError):
        raise NotAPlan("Tệp .odt bị hỏng, không đọc được (không giải nén được hoặc phần văn bản không đúng chuẩn "
                       "XML): mở lại bằng LibreOffice và "
                       "«Lưu thành» .odt hoặc .docx.") from None
    reader = _Reader(_Styles([styles, content]))
    text = content.find(f"{t('office', 'body')}/{t('office', 'text')}")
    if text is not None:
        reader.body(list(text))
    reader.flush()
    said = []
    head = _page_header(reader, styles, content, text)
    if head:
        reader.blocks = head + reader.blocks
        said.append("tiêu đề văn bản (cơ quan, số, ngày, quốc hiệu) nằm trong phần đầu trang (header) của trang đầu: "
                    "đã đọc làm tiêu đề của văn bản; kiểm tra")
    if reader.notes["footnote"] or reader.notes["endnote"]:
        found = " và ".join(x for x in (f"{reader.notes['footnote']} chú thích cuối trang (footnote)"
                                        if reader.notes["footnote"] else "",
                                        f"{reader.notes['endnote']} chú thích cuối văn bản (endnote)"
                                        if reader.notes["endnote"] else "") if x)
        said.append(f"tệp có {found}: dấu chú thích được ghi ngay chỗ nó đứng («[1]»), lời chú thích thành một "
                    "đoạn «[1] …» ngay sau đoạn (hay bảng) có dấu đó, sau dòng căn cứ cuối nếu dấu ở phần căn cứ; "
                    "kiểm tra chỗ đặt")
    if reader.text_boxes:
        said.append(f"tệp có {reader.text_boxes} khung chữ (text box): chữ trong khung được đọc theo thứ tự văn bản, "
                    "các khung đứng cạnh nhau đọc như các cột của một bảng; kiểm tra")
    facts = {"images": reader.images, "unknown_formats": sorted(reader.unknown),
             "symbol_bullets": reader.symbol_bullets, "merged_tables": reader.merged_tables, "reader_notes": said}
    from .legacy import check_blocks
    said[:0] = reader.legacy.notes()
    if reader.hidden:
        words = " ".join(" ".join(reader.hidden).split())
        said.append(f"tệp có chữ ẩn (Hidden: không hiện, không in): «{excerpt(words, 200)}»: không chép vào kế hoạch; "
                    "nếu là chữ của văn bản, bỏ định dạng ẩn rồi nhập lại, hoặc chép vào")
    check_blocks(reader.blocks, reader.legacy)  # TCVN3 or VNI text: refused with the way to convert it, never guessed
    return tab_columns(reader.blocks), facts
