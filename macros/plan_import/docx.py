"""A .docx read with python-docx into blocks, Word's automatic numbering rebuilt.

Word does not store the numbers of a numbered list: a paragraph says "list numId, level
ilvl" (w:numPr, on the paragraph or on its style) and numbering.xml says how that level is
drawn (w:abstractNum/w:lvl: w:numFmt decimal/lowerLetter/upperRoman/bullet…, w:lvlText like
"%1." or "%1.%2.", w:start). The count is kept per list definition (abstractNum): a w:num
that overrides a level's start (w:lvlOverride/w:startOverride, what Word writes for
"Restart numbering") starts that level again where it is first used, a higher level
restarts the deeper ones. Bullets are lvlText itself; the Symbol/Wingdings private-use
code points Word puts there are drawn as the bullet they show («•», «▪», «-»).
"""

import re
import zipfile
from pathlib import Path

from ..text import fold

from .blocks import NotAPlan, Para, Run, Table, excerpt, group_row, tab_columns
from .legacy import Converted, check_blocks

from docx.oxml.ns import nsmap

W = nsmap["w"]  # WordprocessingML's namespace


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# What Symbol/Wingdings bullets (private-use code points) show.
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf02d": "-", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖",
                   "\uf0a8": "□", "\uf06e": "■", "\uf0e0": "➢"}
# Largest unpacked document.xml read (a zip bomb ends here, not in memory).
MAX_UNPACKED = 200 * 1024 * 1024
# Largest list start read from numbering.xml (w:start, w:startOverride); a larger one is read as this.
MAX_START = 10_000


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        times, n = divmod(n, value)
        out += sym * times
    return out


def _letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa… (the letter repeated), not a spreadsheet's aa, ab.
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str | None:
    """The count `n` drawn in Word's numFmt, or None for a format not read (then decimal)."""
    if fmt == "decimal":
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "none":
        return ""
    return None


class Numbering:
    """numbering.xml and the running counts while the paragraphs are read in order."""

    def __init__(self, root):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counts: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()
        self.unknown_formats: set[str] = set()
        self.symbol_bullets = False
        self.notes: list[str] = []
        self.indents: dict[tuple[str, int], int] = {}  # (abstractNum, level) -> left indent of its text (twips)
        self.first_lines: dict[tuple[str, int], int] = {}  # (abstractNum, level) -> its first-line offset (twips)
        # A list defined through a list style (review r19p defect 4): abstractNum -> the style its
        # w:numStyleLink names; the style -> the abstractNum that defines it (w:styleLink).
        self.style_links: dict[str, str] = {}
        self.defines: dict[str, str] = {}
        if root is None:
            return
        for an in root.iter(q("abstractNum")):
            link = an.find(q("numStyleLink"))
            if link is not None and link.get(q("val")):
                self.style_links[an.get(q("abstractNumId"))] = link.get(q("val"))
            link = an.find(q("styleLink"))
            if link is not None and link.get(q("val")):
                self.defines[link.get(q("val"))] = an.get(q("abstractNumId"))
            levels = {}
            for lvl in an.findall(q("lvl")):
                ilvl = self._number(lvl.get(q("ilvl"), "0"), 0, "cấp (w:ilvl)")
                fmt = _val(lvl.find(q("numFmt")), "decimal")
                text = _val(lvl.find(q("lvlText")), "")
                start = self._number(_val(lvl.find(q("start")), "1"), 1, "số bắt đầu (w:start)")
                levels[ilvl] = (fmt, text, start)
                indent = _left_indent(lvl.find(q("pPr")))
                if indent is not None:
                    self.indents[(an.get(q("abstractNumId")), ilvl)] = indent
                first = _first_line(lvl.find(q("pPr")))
                if first is not None:
                    self.first_lines[(an.get(q("abstractNumId")), ilvl)] = first
            self.levels[an.get(q("abstractNumId"))] = levels
        for num in root.iter(q("num")):
            abstract = _val(num.find(q("abstractNumId")), "")
            overrides = {}
            for ov in num.findall(q("lvlOverride")):
                so = ov.find(q("startOverride"))
                if so is not None:
                    ilvl = self._number(ov.get(q("ilvl"), "0"), 0, "cấp (w:ilvl)")
                    overrides[ilvl] = self._number(so.get(q("val"), "1"), 1, "số bắt đầu lại (w:startOverride)")
            self.nums[num.get(q("numId"))] = (abstract, overrides)

    def link_styles(self, styles_root) -> None:
        """Lists whose abstractNum only names a list style (w:numStyleLink) drawn and counted as Word does: as
        the list that style's numbering (styles.xml, w:numPr/w:numId) points to, else as the abstractNum whose
        w:styleLink names the style."""
        if not self.style_links:
            return
        style_num: dict[str, str] = {}
        if styles_root is not None:
            for st in styles_root.findall(q("style")):
                if st.get(q("type")) == "numbering":
                    num_id = st.find(f"{q('pPr')}/{q('numPr')}/{q('numId')}")
                    if num_id is not None:
                        style_num[st.get(q("styleId"), "")] = num_id.get(q("val"), "")
        target: dict[str, str] = {}
        for abstract, style in self.style_links.items():
            to = self.nums.get(style_num.get(style, ""), ("", {}))[0] or self.defines.get(style, "")
            if to and to != abstract and to not in self.style_links and self.levels.get(to):
                target[abstract] = to
            elif not self.levels.get(abstract):
                note = (f"danh sách đánh số tự động theo kiểu danh sách «{style}» không tìm thấy định nghĩa: "
                        "các đoạn của nó không có số; kiểm tra số thứ tự")
                if note not in self.notes:
                    self.notes.append(note)
        for num_id, (abstract, overrides) in list(self.nums.items()):
            if abstract in target:
                self.nums[num_id] = (target[abstract], overrides)

    def _number(self, text: str | None, default: int, what: str) -> int:
        """A whole number of numbering.xml, read defensively: not a number -> default, too large -> MAX_START,
        each with a note for the checklist."""
        try:
            n = int((text or "").strip())
        except ValueError:
            note = (f"danh sách đánh số tự động có {what} không phải số («{excerpt(text or '', 20)}»): "
                    f"đã đọc là {default}; kiểm tra số thứ tự")
            if note not in self.notes:
                self.notes.append(note)
            return default
        if n < 0 or n > MAX_START:
            clamped = min(max(n, 0), MAX_START)
            note = (f"danh sách đánh số tự động có {what} là {n}, ngoài khoảng 0–{MAX_START}: "
                    f"đã đọc là {clamped}; kiểm tra số thứ tự")
            if note not in self.notes:
                self.notes.append(note)
            return clamped
        return n

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """The marker Word draws for the next paragraph of list num_id at level ilvl, and its format."""
        if num_id not in self.nums:
            return "", ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return "", ""
        counts = self.counts.setdefault(abstract, {})
        if ilvl in overrides and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counts[ilvl] = overrides[ilvl] - 1
        fmt, text, start = levels[ilvl]
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if fmt == "bullet":
            shown = "".join(_SYMBOL_BULLETS.get(ch, ch) for ch in text)
            if shown != text:
                self.symbol_bullets = True
            return shown, fmt
        out = text
        for k in range(8, -1, -1):  # %10 never exists; replace %9 before %1
            token = f"%{k + 1}"
            if token not in out:
                continue
            kfmt, _, kstart = levels.get(k, ("decimal", "", 1))
            n = counts.get(k, kstart)
            drawn = format_number(n, kfmt)
            if drawn is None:
                self.unknown_formats.add(kfmt)
                drawn = str(n)
            out = out.replace(token, drawn)
        return out, fmt


def _left_indent(ppr) -> int | None:
    """w:ind w:left (or w:start) of paragraph properties, in twips; None when not set."""
    ind = ppr.find(q("ind")) if ppr is not None else None
    if ind is None:
        return None
    for name in ("left", "start"):
        value = ind.get(q(name))
        if value is not None:
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _first_line(ppr) -> int | None:
    """w:ind's first-line offset of paragraph properties, in twips: w:firstLine, or minus w:hanging; None when
    neither is set."""
    ind = ppr.find(q("ind")) if ppr is not None else None
    if ind is None:
        return None
    for name, sign in (("hanging", -1), ("firstLine", 1)):
        value = ind.get(q(name))
        if value is not None:
            try:
                return sign * int(value)
            except ValueError:
                return None
    return None


def _first_line_offset(p_el, styles: "Styles", numbering: "Numbering", pr) -> int:
    """Where a paragraph's first line starts against its left indent (twips; negative for a hanging indent): its
    own, else its list level's, else its style's; 0 when none."""
    ppr = p_el.find(q("pPr"))
    own = _first_line(ppr)
    if own is not None:
        return own
    if pr and pr[0] in numbering.nums:
        level = numbering.first_lines.get((numbering.nums[pr[0]][0], pr[1]))
        if level is not None:
            return level
    style = ppr.find(q("pStyle")) if ppr is not None else None
    return styles.first_line(style.get(q("val"), "") if style is not None else styles.default)


def _indent(p_el, styles: "Styles", numbering: "Numbering", pr) -> int:
    """A paragraph's left indent (twips): its own, else its list level's, else its style's; 0 when none."""
    ppr = p_el.find(q("pPr"))
    own = _left_indent(ppr)
    if own is not None:
        return own
    if pr and pr[0] in numbering.nums:
        level = numbering.indents.get((numbering.nums[pr[0]][0], pr[1]))
        if level is not None:
            return level
    style = ppr.find(q("pStyle")) if ppr is not None else None
    return styles.indent(style.get(q("val"), "") if style is not None else styles.default)


def _val(el, default: str) -> str:
    return default if el is None else el.get(q("val"), default)


class Styles:
    """Each paragraph style's list (w:numPr, inherited through w:basedOn), read once from styles.xml:
    python-docx's own style lookup scans every style for each paragraph."""

    def __init__(self, root):
        self.own: dict[str, tuple[str, int] | None] = {}
        self.own_outline: dict[str, int] = {}
        self.own_indent: dict[str, int] = {}
        self.own_first: dict[str, int] = {}
        self.based: dict[str, str] = {}
        self.default = ""
        # Each style's font (w:rPr/w:rFonts, "" for a theme font), the character styles' apart, and the
        # document's default: a run's font when it sets none, for text typed in a legacy font (legacy.py).
        self.own_font: dict[str, str] = {}
        self.char_font: dict[str, str] = {}
        self.char_based: dict[str, str] = {}
        self.default_font = ""
        self.legacy = Converted()
        self.hidden: list[str] = []  # hidden text (w:vanish): left out, listed with its words
        self.hidden_styles: set[str] = set()
        self.chunks: list[tuple[str, int, str]] = []  # each w:altChunk: (part name, paragraphs read, why not)
        if root is None:
            return
        defaults = root.find(q("docDefaults"))
        rpr = defaults.find(f"{q('rPrDefault')}/{q('rPr')}") if defaults is not None else None
        self.default_font = _font_of(rpr) or ""
        for st in root.findall(q("style")):
            if _on(st.find(f"{q('rPr')}/{q('vanish')}")):
                self.hidden_styles.add(st.get(q("styleId"), ""))
            if st.get(q("type")) == "character":
                sid = st.get(q("styleId"), "")
                font = _font_of(st.find(q("rPr")))
                if font is not None:
                    self.char_font[sid] = font
                based = st.find(q("basedOn"))
                if based is not None:
                    self.char_based[sid] = based.get(q("val"), "")
                continue
            if st.get(q("type")) != "paragraph":
                continue
            sid = st.get(q("styleId"), "")
            font = _font_of(st.find(q("rPr")))
            if font is not None:
                self.own_font[sid] = font
            if st.get(q("default")) in ("1", "true", "on"):
                self.default = sid
            based = st.find(q("basedOn"))
            if based is not None:
                self.based[sid] = based.get(q("val"), "")
            ppr = st.find(q("pPr"))
            numpr = ppr.find(q("numPr")) if ppr is not None else None
            self.own[sid] = _numpr_value(numpr) if numpr is not None else None
            indent = _left_indent(ppr)
            if indent is not None:
                self.own_indent[sid] = indent
            first = _first_line(ppr)
            if first is not None:
                self.own_first[sid] = first
            level = _outline_value(ppr)
            if level is None:  # a built-in heading style by its name («heading 1», «Title»)
                name = _val(st.find(q("name")), "").strip().lower()
                m = re.fullmatch(r"heading ([1-9])", name)
                level = int(m[1]) - 1 if m else (0 if name == "title" else None)
            if level is not None:
                self.own_outline[sid] = level

    def font(self, r, p_el) -> str:
        """The font a run's letters are drawn in: its own, its character style's, its paragraph style's (style
        chain), the document's default."""
        rpr = r.find(q("rPr"))
        own = _font_of(rpr)
        if own is not None:
            return own
        style = rpr.find(q("rStyle")) if rpr is not None else None
        sid, seen = (style.get(q("val"), "") if style is not None else ""), 0
        while sid and seen < 20:
            if sid in self.char_font:
                return self.char_font[sid]
            sid, seen = self.char_based.get(sid, ""), seen + 1
        ppr = p_el.find(q("pPr")) if p_el is not None else None
        pstyle = ppr.find(q("pStyle")) if ppr is not None else None
        sid, seen = (pstyle.get(q("val"), "") if pstyle is not None else self.default), 0
        while sid and seen < 20:
            if sid in self.own_font:
                return self.own_font[sid]
            sid, seen = self.based.get(sid, ""), seen + 1
        return self.default_font

    def num_pr(self, style_id: str) -> tuple[str, int] | None:
        seen = 0
        while style_id and seen < 20:
            if self.own.get(style_id):
                return self.own[style_id]
            style_id, seen = self.based.get(style_id, ""), seen + 1
        return None

    def indent(self, style_id: str) -> int:
        """The style's left indent (style chain), twips; 0 when none sets one."""
        seen = 0
        while style_id and seen < 20:
            if style_id in self.own_indent:
                return self.own_indent[style_id]
            style_id, seen = self.based.get(style_id, ""), seen + 1
        return 0

    def first_line(self, style_id: str) -> int:
        """The style's first-line offset (style chain), twips; 0 when none sets one."""
        seen = 0
        while style_id and seen < 20:
            if style_id in self.own_first:
                return self.own_first[style_id]
            style_id, seen = self.based.get(style_id, ""), seen + 1
        return 0

    def outline(self, style_id: str) -> int:
        """The style's outline level (style chain): 0 for Heading 1 or Title, …; -1 for body text."""
        seen = 0
        while style_id and seen < 20:
            if style_id in self.own_outline:
                return self.own_outline[style_id]
            style_id, seen = self.based.get(style_id, ""), seen + 1
        return -1


def _on(el) -> bool:
    """A toggle property (w:vanish…) set on: present, and w:val not 0/false/off."""
    return el is not None and el.get(q("val"), "true") not in ("0", "false", "off")


def _hidden(r, p_el, styles: "Styles") -> bool:
    """A run Word neither shows nor prints (w:vanish on the run, its character style or paragraph style)."""
    rpr = r.find(q("rPr"))
    own = rpr.find(q("vanish")) if rpr is not None else None
    if own is not None:
        return _on(own)
    if not styles.hidden_styles:
        return False
    style = rpr.find(q("rStyle")) if rpr is not None else None
    if style is not None and style.get(q("val"), "") in styles.hidden_styles:
        return True
    ppr = p_el.find(q("pPr")) if p_el is not None else None
    pstyle = ppr.find(q("pStyle")) if ppr is not None else None
    return pstyle is not None and pstyle.get(q("val"), "") in styles.hidden_styles


def _font_of(rpr) -> str | None:
    """The font w:rFonts names for letters beyond ASCII (w:hAnsi, else w:ascii): "" for a theme font, None
    when not set."""
    fonts = rpr.find(q("rFonts")) if rpr is not None else None
    if fonts is None:
        return None
    if fonts.get(q("hAnsiTheme")) or fonts.get(q("asciiTheme")):
        return ""
    return fonts.get(q("hAnsi")) or fonts.get(q("ascii"))


def _outline_value(ppr) -> int | None:
    """w:outlineLvl of a paragraph's or style's properties: 0–8 a heading level, 9 body text (-1)."""
    el = ppr.find(q("outlineLvl")) if ppr is not None else None
    if el is None:
        return None
    try:
        level = int(el.get(q("val"), "9"))
    except ValueError:
        return None
    return level if 0 <= level <= 8 else -1


def _outline(p_el, styles: "Styles") -> int:
    """A paragraph's outline level: its own w:outlineLvl, else its style's; -1 for body text."""
    ppr = p_el.find(q("pPr"))
    own = _outline_value(ppr)
    if own is not None:
        return own
    style = ppr.find(q("pStyle")) if ppr is not None else None
    return styles.outline(style.get(q("val"), "") if style is not None else styles.default)


def _numpr_value(numpr) -> tuple[str, int] | None:
    num_id = _val(numpr.find(q("numId")), "")
    ilvl = int(_val(numpr.find(q("ilvl")), "0") or 0)
    return (num_id, ilvl) if num_id else None


def _num_pr(p_el, styles: Styles) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph: its own w:numPr, else its style's (style chain); numId 0 is «no list»."""
    ppr = p_el.find(q("pPr"))
    numpr = ppr.find(q("numPr")) if ppr is not None else None
    if numpr is not None:
        pr = _numpr_value(numpr)
        if pr and pr[0] != "0" and numpr.find(q("ilvl")) is None:
            # numId alone: the level is the style's, if the style has one
            style = ppr.find(q("pStyle"))
            from_style = styles.num_pr(style.get(q("val"), "") if style is not None else styles.default)
            pr = (pr[0], from_style[1] if from_style else 0)
    else:
        style = ppr.find(q("pStyle")) if ppr is not None else None
        pr = styles.num_pr(style.get(q("val"), "") if style is not None else styles.default)
    if not pr or pr[0] == "0":
        return None
    return pr


# Fields whose shown value is the page's number or count: Word recomputes them on every page; not text of the
# document (review r19f: a PAGE field in the page header or footer).
_PAGE_FIELD = re.compile(r"^\s*(PAGE|NUMPAGES|SECTIONPAGES|SECTION)\b", re.IGNORECASE)


def _page_field_runs(p_el) -> set:
    """The runs (w:r) that show a page-number field's value: inside w:fldSimple PAGE…, or between the
    separate and end w:fldChar of a complex field whose instruction is PAGE, NUMPAGES…"""
    skip = set()
    for fld in p_el.iter(q("fldSimple")):
        if _PAGE_FIELD.match(fld.get(q("instr"), "")):
            skip.update(fld.iter(q("r")))
    depth_instr: list[list] = []  # per open field: [instruction, showing-result]
    for r in p_el.iter(q("r")):
        ch = r.find(q("fldChar"))
        kind = ch.get(q("fldCharType")) if ch is not None else None
        if kind == "begin":
            depth_instr.append(["", False])
            continue
        if kind == "separate" and depth_instr:
            depth_instr[-1][1] = True
            continue
        if kind == "end" and depth_instr:
            depth_instr.pop()
            continue
        if depth_instr:
            instr = r.find(q("instrText"))
            if instr is not None and not depth_instr[-1][1]:
                depth_instr[-1][0] += instr.text or ""
            if any(_PAGE_FIELD.match(i) for i, _ in depth_instr):
                skip.add(r)
    return skip


class Notes:
    """Footnotes (word/footnotes.xml) and endnotes (word/endnotes.xml): each reference is written where it
    stands as «[1]» (footnotes, numbered in reading order as Word numbers them) or «[i]» (endnotes, Word's
    own lower-roman numbering), and the note's text as a paragraph «[1] …» after the paragraph holding the
    reference (after a table, for a reference in a cell; after the last «Căn cứ …» line, for a reference in a
    căn cứ, so the căn cứ list stays whole). Review r19f: both were dropped silently."""

    def __init__(self, document):
        self.texts: dict[tuple[str, str], list] = {}
        self.count = {"footnote": 0, "endnote": 0}
        self.pending: list[Para] = []
        self.unread = 0
        try:
            rels = list(document.part.rels.values())
        except AttributeError:
            rels = []
        for rel in rels:
            kind = rel.reltype.rsplit("/", 1)[-1]
            if kind not in ("footnotes", "endnotes") or rel.is_external:
                continue
            from docx.oxml import parse_xml

            try:
                root = parse_xml(rel.target_part.blob)
            except Exception:  # noqa: BLE001 - a broken notes part: its notes are listed as not read
                continue
            for note in root.findall(q(kind[:-1])):
                if note.get(q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                self.texts[(kind[:-1], note.get(q("id"), ""))] = note.findall(q("p"))

    def reference(self, r, document, numbering, styles) -> str:
        """The mark written for a run holding a note reference, the note queued; "" when none."""
        for kind in ("footnote", "endnote"):
            ref = r.find(q(f"{kind}Reference"))
            if ref is None:
                continue
            self.count[kind] += 1
            n = self.count[kind]
            mark = f"[{n}]" if kind == "footnote" else f"[{_roman(n).lower()}]"
            custom = ref.get(q("customMarkFollows")) in ("1", "true", "on")
            paras = self.texts.get((kind, ref.get(q("id"), "")))
            if paras is None:
                self.unread += 1
                return "" if custom else mark
            lines = [line for p in paras for line in _para(p, document, numbering, styles)]
            lines = [x for x in lines if x.text.strip()]
            if lines:
                first = lines[0]
                first.runs = [Run(mark + " ", False, False)] + _strip_lead(first.runs)
                first.marker, first.marker_kind = "", ""
                for x in lines:
                    x.note = True
                self.pending.extend(lines)
            return "" if custom else mark
        return ""


def _strip_lead(runs: list[Run]) -> list[Run]:
    out = [Run(r.text, r.bold, r.italic) for r in runs]
    while out and not out[0].text.strip():
        out.pop(0)
    if out:
        out[0].text = out[0].text.lstrip()
    return out


def _runs(p_el, paragraph, notes: "Notes | None" = None, ctx=None) -> list[Run]:
    from docx.text.run import Run as DocxRun

    out: list[Run] = []
    page_fields = _page_field_runs(p_el)
    read = []  # (w:r, python-docx run, text) of the paragraph's runs, in order
    for r in p_el.iter(q("r")):
        if r in page_fields:
            continue
        # Not inside a text box or a compatibility fallback (their text is not the paragraph's,
        # and a fallback repeats the choice), nor inside a deletion or the old place of moved text
        # (w:moveFrom; its new place, w:moveTo, is kept like an insertion).
        anc, skip = r.getparent(), False
        while anc is not None and anc is not p_el:
            if anc.tag in (q("txbxContent"), q("del"), q("moveFrom")) or str(anc.tag).endswith("}Fallback"):
                skip = True
                break
            anc = anc.getparent()
        if skip:
            continue
        run = DocxRun(r, paragraph)
        read.append((r, run, run.text))
    if ctx is not None:
        # A legacy font's codes, converted before any character is read (TCVN3's «ư» is U+00AD); the runs are
        # converted together, as Word may cut a run inside a VNI letter (legacy.Converted.texts).
        styles = ctx[2]
        texts = styles.legacy.texts([(text, styles.font(r, p_el) if text else "") for r, _, text in read])
    else:
        texts = [text for _, _, text in read]
    for (r, run, raw), text in zip(read, texts):
        if ctx is not None and raw and _hidden(r, p_el, ctx[2]):
            # Hidden text: not shown, not printed by Word; never published, listed with its words (review r19p).
            if text.strip():
                ctx[2].hidden.append(text)
            continue
        if notes is not None and ctx is not None:
            text += notes.reference(r, *ctx)
        if not text:
            continue
        bold, italic = run.bold is True, run.italic is True
        if out and (out[-1].bold, out[-1].italic) == (bold, italic):
            out[-1].text += text
        elif out and not text.strip():
            out[-1].text += text  # a space between two runs keeps the formatting before it
        else:
            out.append(Run(text, bold, italic))
    return out


def _split_lines(runs: list[Run]) -> list[list[Run]]:
    """The runs of each line of a paragraph: a line break (w:br, w:cr; python-docx reads «\n») ends a line."""
    lines: list[list[Run]] = [[]]
    for run in runs:
        for i, piece in enumerate(run.text.split("\n")):
            if i:
                lines.append([])
            if piece:
                lines[-1].append(Run(piece, run.bold, run.italic))
    return lines


def _para(p_el, parent, numbering: Numbering, styles: "Styles", notes: "Notes | None" = None) -> list[Para]:
    """A paragraph as one Para per line: a line broken with Shift+Enter (w:br) reads like a paragraph break,
    so a header, title or signature typed that way imports like one typed with Enter, and no words join.
    The list marker goes to the first line; the other lines keep the paragraph's level and alignment."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.text.paragraph import Paragraph

    paragraph = Paragraph(p_el, parent)
    runs = _runs(p_el, paragraph, notes, (parent, numbering, styles))
    marker, kind, level = "", "", 0
    pr = _num_pr(p_el, styles)
    if pr and any(r.text.strip() for r in runs):
        marker, kind = numbering.marker(*pr)
        level = pr[1]
    try:
        centred = paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    except (ValueError, KeyError):
        centred = False
    outline = _outline(p_el, styles)
    indent = _indent(p_el, styles, numbering, pr)
    first = _first_line_offset(p_el, styles, numbering, pr)
    if not any("\n" in r.text for r in runs):
        return [Para(runs, marker, kind, level, centred, outline=outline, indent=indent, first_line=first)]
    lines = _split_lines(runs)
    while len(lines) > 1 and not lines[-1]:  # a break at the end of the paragraph adds no line
        lines.pop()
    return [Para(line, marker if i == 0 else "", kind if i == 0 else "", level, centred, outline=outline,
                 indent=indent, first_line=first if i == 0 else 0) for i, line in enumerate(lines)]


def _int_attr(el, default: int) -> int:
    try:
        return max(int(el.get(q("val"))), 0) if el is not None else default
    except (TypeError, ValueError):
        return default


def _table(tbl_el, parent, numbering: Numbering, styles: Styles, merged: list[int] | None = None,
           notes: "Notes | None" = None) -> Table:
    """A table's rows of text and its cells' paragraphs. A merged cell's text is written in every row
    (w:vMerge) and every grid column (w:gridSpan) it spans, so no row loses it (review r19e: a unit spanning
    two task rows read as a task without a unit); its paragraphs stay in its first cell only (layout tables
    read them as lines). A table with merged cells adds one to merged[0]."""
    rows, cells, header, bold_rows = [], [], 0, []
    counting_header = True
    spanning: dict[int, str] = {}  # grid column -> text of the vertically merged cell open there
    spans: list[list[int]] = []  # [row, column, rows, columns] of each merged cell (Table.spans)
    open_span: dict[int, int] = {}  # grid column -> index in spans of the vertically merged cell open there
    has_merge = False
    # Rows the file marks as header rows (w:tblHeader): then only those are; else the bold rows at the top,
    # up to a group row («I | CÔNG TÁC …», a row of the body: review r19g D1).
    marked = any(tr.find(q("trPr")) is not None and tr.find(q("trPr")).find(q("tblHeader")) is not None
                 for tr in tbl_el.findall(q("tr")))
    for tr in tbl_el.findall(q("tr")):
        row, row_cells = [], []
        trpr = tr.find(q("trPr"))
        is_header = trpr is not None and trpr.find(q("tblHeader")) is not None
        col = _int_attr(trpr.find(q("gridBefore")) if trpr is not None else None, 0)
        all_bold = True
        for tc in tr.findall(q("tc")):
            # (a text box's paragraphs in the cell once: not its compatibility fallback's copy)
            paras = [line for p in tc.iter(q("p")) if not _in_fallback(p)
                     for line in _para(p, parent, numbering, styles, notes)]
            tcpr = tc.find(q("tcPr"))
            vmerge = tcpr.find(q("vMerge")) if tcpr is not None else None
            span = _int_attr(tcpr.find(q("gridSpan")) if tcpr is not None else None, 1) or 1
            continued = vmerge is not None and vmerge.get(q("val"), "continue") == "continue"
            own = "\n".join((p.marker + " " if p.marker else "") + p.text.strip() for p in paras if p.text.strip())
            if continued:
                text = spanning.get(col, "")
                if col in open_span:
                    spans[open_span[col]][2] = len(rows) - spans[open_span[col]][0] + 1
            else:
                text = own
                for g in range(col, col + span):
                    open_span.pop(g, None)
                if vmerge is not None or span > 1:
                    spans.append([len(rows), col, 1, span])
                    if vmerge is not None:
                        open_span[col] = len(spans) - 1
                for g in range(col, col + span):
                    if vmerge is not None:
                        spanning[g] = own
                    else:
                        spanning.pop(g, None)
            has_merge = has_merge or vmerge is not None or span > 1
            row.extend([text] * span)
            row_cells.append([] if continued else paras)
            if not continued and own and not all(r.bold for p in paras for r in p.runs if r.text.strip()):
                all_bold = False
            col += span
        if counting_header and (is_header or (not marked and all_bold and any(row) and not (rows and group_row(row)))):
            header += 1
        else:
            counting_header = False
            if all_bold and any(c.strip() for c in row):
                bold_rows.append(len(rows))
        rows.append(row)
        cells.append(row_cells)
    if header >= len(rows):
        header = 0
    if has_merge and merged is not None:
        merged[0] += 1
    return Table(rows, header, cells, bold_rows, spans=[tuple(x) for x in spans if x[2] * x[3] > 1],
                 indent=_table_indent(tbl_el))


def _table_indent(tbl_el) -> int:
    """The table's own w:tblInd in twips (type dxa, or no type); -1 when not set or in another unit."""
    tblpr = tbl_el.find(q("tblPr"))
    ind = tblpr.find(q("tblInd")) if tblpr is not None else None
    if ind is None or ind.get(q("type"), "dxa") != "dxa":
        return -1
    try:
        return int(ind.get(q("w"), ""))
    except ValueError:
        return -1


def _in_fallback(el) -> bool:
    anc = el.getparent()
    while anc is not None:
        if str(anc.tag).endswith("}Fallback"):
            return True
        anc = anc.getparent()
    return False


def _box_x(box) -> float:
    """A text box's distance from the left (EMU), for reading boxes side by side left to right."""
    anc = box.getparent()
    while anc is not None:
        tag = str(anc.tag)
        if tag.endswith("}anchor") or tag.endswith("}inline"):
            for ph in anc:
                if str(ph.tag).endswith("}positionH"):
                    for off in ph:
                        if str(off.tag).endswith("}posOffset"):
                            try:
                                return float(off.text or 0)
                            except ValueError:
                                return 0.0
            return 0.0
        if tag.endswith("}shape") or tag.endswith("}rect") or tag.endswith("}roundrect"):
            m = re.search(r"(?:margin-left|left)\s*:\s*(-?[\d.]+)pt", anc.get("style", ""))
            return float(m[1]) * 12700 if m else 0.0
        anc = anc.getparent()
    return 0.0


def _text_boxes(p_el) -> list:
    """The text boxes anchored in a paragraph (w:txbxContent of a DrawingML wps:txbx or a VML v:textbox),
    not a compatibility fallback's copy, not a box inside another box."""
    out = []
    for box in p_el.iter(q("txbxContent")):
        if _in_fallback(box):
            continue
        anc, inner = box.getparent(), False
        while anc is not None and anc is not p_el:
            if anc.tag == q("txbxContent"):
                inner = True
                break
            anc = anc.getparent()
        if not inner:
            out.append(box)
    return out


def _read_part(container, document, numbering, styles, notes, merged, boxes) -> list:
    """The blocks of a body, a page header or a text box, in order: text boxes where they are anchored (boxes
    side by side in one paragraph read as the columns of a one-row table, left to right, as a two-column header
    table; review r19f: a header in two text boxes was dropped and counted as images), notes after their
    paragraph."""
    blocks: list = []

    def can_cu(el) -> bool:
        text = "".join(t.text or "" for t in el.iter(q("t")))
        return fold(text).lstrip("-–+• ").startswith("can cu")

    def flush(el=None) -> None:
        if notes.pending and (el is None or not can_cu(el)):
            blocks.extend(notes.pending)
            notes.pending.clear()

    for el in container:
        if el.tag == q("p"):
            flush(el)
            found = _text_boxes(el)
            if found:
                boxes[0] += len(found)
                read = [_read_part(b, document, numbering, styles, notes, merged, boxes) for b in found]
                order = sorted(range(len(found)), key=lambda k: _box_x(found[k]))
                read = [read[k] for k in order if any(isinstance(x, Table) or x.text.strip() for x in read[k])]
                if len(read) >= 2 and all(all(isinstance(x, Para) for x in r) for r in read):
                    cells = [[x for x in r if x.text.strip()] for r in read]
                    blocks.append(Table([["\n".join(x.text.strip() for x in c) for c in cells]], 0, [cells]))
                else:
                    for r in read:
                        for x in r:
                            if isinstance(x, Para):
                                x.in_box = True
                        blocks.extend(r)
            blocks.extend(_para(el, document, numbering, styles, notes))
            flush(el)
        elif el.tag == q("tbl"):
            blocks.append(_table(el, document, numbering, styles, merged, notes))
            flush()
        elif el.tag == q("altChunk"):  # another file shown here by Word: its text when simple, else listed
            blocks.extend(_alt_chunk(el, document, styles))
        elif el.tag == q("sdt"):  # content control: its paragraphs are the document's
            for p in el.iter(q("p")):
                blocks.extend(_para(p, document, numbering, styles, notes))
                flush(p)
    flush()
    return blocks


def _alt_chunk(el, document, styles: Styles) -> list:
    """The paragraphs of a w:altChunk's part (simple HTML or plain text, read exactly), noted in styles.chunks."""
    from .altchunk import read_chunk

    rid = el.get(f"{{{nsmap['r']}}}id", "")
    try:
        part = document.part.rels[rid].target_part
        name, blob, kind = str(part.partname).lstrip("/"), part.blob, part.content_type
    except Exception:  # noqa: BLE001 - a missing or broken part: listed, not read
        styles.chunks.append((rid or "?", 0, "phần nhúng không có trong tệp"))
        return []
    paras, why = read_chunk(blob, kind, name)
    styles.chunks.append((name, len(paras), why))
    return paras


_HEADER_WORDS = re.compile(r"(cong hoa xa hoi chu nghia|doc lap\s*-|^so\s*:|, ngay \d)")


def _has_header(blocks: list) -> bool:
    """The document's own header is there: a national name, motto, number line or place and date."""
    for b in blocks[:40]:
        texts = [b.text] if isinstance(b, Para) else [c for row in b.rows for c in row]
        for t in texts:
            for line in t.split("\n"):
                if _HEADER_WORDS.search(fold(line.strip())):
                    return True
    return False


def _page_header(document, numbering, styles, body_blocks, merged, boxes) -> tuple[list, list[str]]:
    """The first section's page header read as the document's header when the body has none (review r19f:
    a header table only in Word's first-page header was ignored, and the site said the document had no
    number or date); what the page headers and footers hold otherwise is listed, not copied (it repeats on
    every page). Page-number fields are never text."""
    said: list[str] = []
    try:
        sections = list(document.sections)
    except Exception:  # noqa: BLE001 - a section python-docx cannot read: no page header read
        return [], said
    if not sections:
        return [], said
    taken: list = []
    first = sections[0]
    try:
        part = first.first_page_header if first.different_first_page_header_footer else first.header
        if not part.is_linked_to_previous and not _has_header(body_blocks):
            read = _read_part(part._element, document, numbering, styles, Notes(None), merged, boxes)
            if _has_header(read):
                taken = read
                which = "trang đầu" if first.different_first_page_header_footer else "mỗi trang"
                said.append(f"tiêu đề văn bản (cơ quan, số, ngày, quốc hiệu) nằm trong phần đầu trang (header) "
                            f"{which} của Word: đã đọc làm tiêu đề của văn bản; kiểm tra")
    except Exception:  # noqa: BLE001 - a broken header part: the body is read as before
        taken = []
    seen: list[str] = []
    page_fields = 0
    for sec in sections:
        for name in ("header", "first_page_header", "even_page_header", "footer", "first_page_footer",
                     "even_page_footer"):
            try:
                part = getattr(sec, name)
                if part.is_linked_to_previous:
                    continue
                el = part._element
            except Exception:  # noqa: BLE001
                continue
            if taken and sec is first and name == ("first_page_header" if first.different_first_page_header_footer
                                                   else "header"):
                continue
            for p in el.iter(q("p")):
                if _in_fallback(p):
                    continue
                page_fields += bool(_page_field_runs(p))
                t = "".join(r.text for r in _runs(p, None, None, (document, numbering, styles))).strip()
                if t and t not in seen:
                    seen.append(t)
    if seen:
        said.append("đầu trang, chân trang (header, footer) của Word có " + ", ".join(f"«{t}»" for t in seen[:6])
                    + (f" và {len(seen) - 6} dòng khác" if len(seen) > 6 else "") + ": không chép (lặp lại ở mỗi "
                    "trang, không phải chữ của văn bản); chép vào văn bản nếu cần")
    if page_fields:
        said.append("số trang (trường PAGE, NUMPAGES của Word) ở đầu trang, chân trang: không chép (website và bản in "
                    "PDF tự đánh số trang)")
    return taken, said


def check_file(path: Path, max_bytes: int) -> None:
    """Refuse what is not a Word file before python-docx opens it: the message says what it is."""
    from ..limits import kb

    size = path.stat().st_size
    if size > max_bytes:
        raise NotAPlan(f"Tệp quá lớn ({kb(size)}; tối đa {kb(max_bytes)}): một kế hoạch thường dưới 1 MB. "
                       "Kiểm tra có chọn nhầm tệp không, hoặc lưu lại kế hoạch không kèm ảnh.")
    if size == 0:
        raise NotAPlan("Tệp rỗng (0 byte): không có gì để nhập.")
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise NotAPlan("Đây là tệp Word cũ (.doc) hoặc tệp có mật khẩu, không phải .docx: mở bằng Word hay "
                       "LibreOffice, bỏ mật khẩu nếu có, rồi «Lưu thành» Word (.docx) và nhập tệp mới.")
    if head.startswith(b"%PDF"):
        raise NotAPlan("Đây là tệp PDF, không phải tệp Word: hãy nhập tệp Word (.docx) gốc của kế hoạch "
                       "(chữ trong PDF không giữ được đoạn và số thứ tự).")
    if not zipfile.is_zipfile(path):
        raise NotAPlan("Tệp không phải tệp Word (.docx) hoặc đã hỏng (không mở được như tệp .docx): "
                       "mở lại bằng Word hay LibreOffice và «Lưu thành» .docx.")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "word/document.xml" not in names:
                if "xl/workbook.xml" in names:
                    raise NotAPlan("Đây là bảng tính Excel (đổi tên thành .docx), không phải văn bản Word: "
                                   "hãy nhập tệp Word của kế hoạch.")
                if any(n.startswith("ppt/") for n in names):
                    raise NotAPlan("Đây là tệp trình chiếu PowerPoint, không phải văn bản Word.")
                if "content.xml" in names:
                    raise NotAPlan("Đây là tệp OpenDocument (LibreOffice), không phải .docx: mở bằng LibreOffice "
                                   "và «Lưu thành» Word (.docx).")
                raise NotAPlan("Tệp không phải văn bản Word (.docx): trong tệp không có phần văn bản.")
            info = z.getinfo("word/document.xml")
            if info.file_size > MAX_UNPACKED:
                raise NotAPlan(f"Phần văn bản trong tệp quá lớn khi giải nén ({kb(info.file_size)}): không phải "
                               "một kế hoạch bình thường.")
            z.read("word/document.xml")  # a broken member ends here, with a message below
    except NotAPlan:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise NotAPlan(f"Tệp Word bị hỏng, không đọc được ({type(exc).__name__}): mở lại bằng Word hay "
                       "LibreOffice và «Lưu thành» .docx.") from None


def read_docx(path: Path, max_bytes: int) -> tuple[list, dict]:
    """The document's body blocks in order, and facts for the checklist (images, numbering)."""
    check_file(path, max_bytes)
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken file
        raise NotAPlan(f"Tệp Word bị hỏng hoặc không đúng chuẩn, python-docx không mở được "
                       f"({type(exc).__name__}): mở lại bằng Word hay LibreOffice và «Lưu thành» .docx.") from None
    try:
        numbering_root = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        numbering_root = None
    numbering = Numbering(numbering_root)
    try:
        styles_root = document.part.styles.element
    except (NotImplementedError, KeyError, AttributeError):
        styles_root = None
    styles = Styles(styles_root)
    numbering.link_styles(styles_root)
    notes = Notes(document)
    body = document.element.body
    merged = [0]
    boxes = [0]
    blocks = _read_part(body, document, numbering, styles, notes, merged, boxes)
    facts_notes: list[str] = []
    head_blocks, said = _page_header(document, numbering, styles, blocks, merged, boxes)
    if head_blocks:
        blocks = head_blocks + blocks
    facts_notes += said
    facts_notes[:0] = styles.legacy.notes()
    for name, count, why in styles.chunks:
        if why:
            facts_notes.append(f"tệp có một phần nhúng (altChunk «{name}», Word hiện nội dung của nó trong văn bản): "
                               f"không đọc được ({why}), chữ của nó không có trong kế hoạch: mở tệp bằng Word, chép "
                               "phần đó vào văn bản (dán dạng chữ) rồi nhập lại, hoặc chép vào")
        else:
            facts_notes.append(f"tệp có một phần nhúng (altChunk «{name}», Word hiện nội dung của nó trong văn bản): "
                               f"đã chép {count} đoạn chữ của nó vào chỗ nó đứng; kiểm tra")
    if styles.hidden:
        words = " ".join(" ".join(styles.hidden).split())
        facts_notes.append(f"tệp có chữ ẩn (Hidden: Word không hiện, không in): «{excerpt(words, 200)}»: không chép vào "
                           "kế hoạch; nếu là chữ của văn bản, bỏ định dạng ẩn trong Word rồi nhập lại, hoặc chép vào")
    check_blocks(blocks, styles.legacy)  # text that still reads like TCVN3 or VNI: refused, never guessed
    blocks = tab_columns(blocks)
    if notes.count["footnote"] or notes.count["endnote"]:
        found = " và ".join(x for x in (f"{notes.count['footnote']} chú thích cuối trang (footnote)"
                                        if notes.count["footnote"] else "",
                                        f"{notes.count['endnote']} chú thích cuối văn bản (endnote)"
                                        if notes.count["endnote"] else "") if x)
        facts_notes.append(f"tệp có {found}: dấu chú thích được ghi ngay chỗ nó đứng («[1]»"
                           f"{', «[i]»' if notes.count['endnote'] else ''}), lời chú thích thành một đoạn «[1] …» "
                           "ngay sau đoạn (hay bảng) có dấu đó, sau dòng căn cứ cuối nếu dấu ở phần căn cứ; "
                           "kiểm tra chỗ đặt")
    if notes.unread:
        facts_notes.append(f"{notes.unread} dấu chú thích không tìm thấy lời chú thích trong tệp: chỉ ghi dấu; "
                           "đối chiếu với văn bản gốc")
    comments = len(body.findall(f".//{q('commentReference')}"))
    if comments:
        facts_notes.append(f"tệp có {comments} lời bình (comment) của người góp ý: không chép (không phải chữ của "
                           "văn bản); đọc trong Word trước khi đối chiếu")
    if boxes[0]:
        facts_notes.append(f"tệp có {boxes[0]} khung chữ (text box): chữ trong khung được đọc theo thứ tự văn bản, "
                           "các khung đứng cạnh nhau đọc như các cột của một bảng; kiểm tra")
    # Pictures, not text boxes (their text is read above); a compatibility fallback repeats its choice.
    images = sum(1 for tag in ("drawing", "pict") for el in body.iter(q(tag))
                 if el.find(f".//{q('txbxContent')}") is None and not _in_fallback(el))
    facts = {"images": images, "unknown_formats": sorted(numbering.unknown_formats),
             "symbol_bullets": numbering.symbol_bullets, "numbering_notes": list(numbering.notes),
             "merged_tables": merged[0],
             "nested_tables": len(body.findall(f".//{q('tc')}//{q('tbl')}")),
             "tracked_changes": any(body.find(f".//{q(t)}") is not None
                                    for t in ("ins", "del", "moveFrom", "moveTo")),
             "reader_notes": facts_notes}
    return blocks, facts
