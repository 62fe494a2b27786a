"""The blocks every reader yields, in document order."""

import re
import unicodedata
from dataclasses import dataclass, field


class NotAPlan(Exception):
    """The file cannot be a plan (not a Word file, no text, too large…): the message says why, in Vietnamese."""


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    runs: list[Run]
    # The list marker Word drew (automatic numbering), as it prints: "1.", "a)", "-"; "" when none.
    marker: str = ""
    # The numbering format of that marker: decimal, lowerLetter, upperRoman, bullet…; "" when none.
    marker_kind: str = ""
    level: int = 0
    # Text centred, or in a table cell of the header/closing (a layout hint, not text).
    centred: bool = False
    # The column of a layout table (header, recipients beside signature) it was read from; -1 outside one.
    column: int = -1
    # Word's outline level: 0 for a «Heading 1» (or «Title») paragraph, 1 for «Heading 2», …, from its style
    # or its own w:outlineLvl; -1 for body text.
    outline: int = -1
    # A footnote's or endnote's text («[1] …»), placed after the paragraph that refers to it.
    note: bool = False
    # Left indent in twips (Word: the paragraph's own, its list level's or its style's); -1 when not known.
    indent: int = -1
    # Where its first line starts against that left indent (twips): Word's first-line indent, negative for a
    # hanging one; 0 when none or not known.
    first_line: int = 0
    # Read from a text box (Word's floating frame), not from the body's flow of paragraphs.
    in_box: bool = False
    # A plain-text line: how many blank lines stand above it (0 for none); -1 for a paragraph of another file.
    gap_before: int = -1

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Table:
    rows: list[list[str]]
    header_rows: int = 0
    # Each cell's paragraphs, for a layout table (header, closing) read as lines.
    cells: list[list[list[Para]]] = field(default_factory=list)
    # The rows below the header rows that are bold throughout (a group row «I | CÔNG TÁC …», «Tổng cộng»),
    # counted from 0: written as the table's dong_in_dam (counted from 1), so they print bold.
    bold_rows: list[int] = field(default_factory=list)
    # Merged cells as the file has them: (row, column, rows spanned, columns spanned), 0-based over the grid.
    # `rows` writes a merged cell's text in every cell it covers (what the import reads: units, amounts, layout);
    # written_rows() keeps it in its first cell only, the merge itself said by the spans (review r19j B1).
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Its indent from the left margin (Word's w:tblInd, twips); -1 when not set.
    indent: int = -1

    def header_spans(self) -> list[tuple[int, int, int, int]]:
        """The spans kept as merges: those within the header rows or within the body (a merge across the
        header's last row is cut there; its body part keeps its text in every row, as before)."""
        out = []
        for r, c, nr, nc in self.spans:
            if r < self.header_rows < r + nr:
                nr = self.header_rows - r
            if nr * nc > 1:
                out.append((r, c, nr, nc))
        return out

    def written_rows(self) -> list[list[str]]:
        """The rows with each merged cell's text once, in its first cell; the cells it covers blank."""
        rows = [list(r) for r in self.rows]
        for r, c, nr, nc in self.header_spans():
            for i in range(r, min(r + nr, len(rows))):
                for j in range(c, min(c + nc, len(rows[i]))):
                    if (i, j) != (r, c):
                        rows[i][j] = ""
        return rows


Block = Para | Table


def excerpt(text: str, n: int) -> str:
    """A checklist's quote of a long text: about its first n characters, cut between words only (a number or a
    date is never cut: review r19j C1 quoted «… trước ngày 31/10/202»), « …» marking the cut."""
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n + 1)
    if cut <= 0:
        cut = text.find(" ", n)
        if cut < 0:
            return text
    return text[:cut].rstrip() + " …"

# A group's number in a table's first cell: «I», «II.», «1», «A», «a)».
_GROUP_NUMBER = re.compile(r"[IVXLC]{1,6}\.?|\d{1,3}\.?|[A-ZĐa-zđ][.)]?")


def group_row(row: list[str]) -> bool:
    """A bold row below a table's header row that opens a group of its rows (review r19g D1: «I | CÔNG TÁC
    TUYÊN TRUYỀN, VẬN ĐỘNG»): its first cell a group's number, or one text across every column. It is a
    row of the body (printed bold as written), never a header row naming the columns."""
    cells = [c.strip() for c in row]
    return bool(cells) and (bool(_GROUP_NUMBER.fullmatch(cells[0])) or (len(cells) > 1 and len(set(cells)) == 1))


# A piece of a tab-aligned line that anchors it as header or signature layout (the same lines a two-column
# header or signature table holds): the number line, the national name and motto, a place and date, «Nơi nhận»,
# a signing authority (TM./KT./TL./Q.). «Nơi nhận» alone or with its colon: a table's column «Nơi nhận báo cáo» is
# no signature block (review r19s defect 2: the report table, the heading and the «- …» lines after it were read
# as one).
# The Đoàn's and the Party's own heading stands where a Front plan has the national name («ĐOÀN TNCS HỒ CHÍ MINH»,
# «ĐẢNG CỘNG SẢN VIỆT NAM»): it anchors the header's columns as the national name does.
_TAB_ANCHOR = re.compile(r"^(số\s*:|cộng hòa xã hội|cộng hoà xã hội|độc lập\s*[-–—]|nơi nhận\s*(?::|$)|(tm|kt|tl|q)\.\s*\S"
                         r"|[^,\t]{2,40},\s*ngày\b|đoàn tncs hồ chí minh\s*$|đảng cộng sản việt nam\s*$)", re.IGNORECASE)


# A piece that is only a list marker («-», «+», «•», «1.», «a)», «1-», «I-»).
_MARKER_PIECE = re.compile(r"[-–—+•*·▪◦]|\d{1,3}[.)-]|[IVXLC]{1,6}[.-]|[a-zđ][.)]")


def _said(runs: list[Run] | None) -> str:
    return unicodedata.normalize("NFC", "".join(x.text for x in runs or [])).strip()


def _split_at_tabs(runs: list[Run]) -> list[list[Run]]:
    """The runs of each piece of a line between tabs (a run of tabs is one separator), bold and italic kept."""
    pieces: list[list[Run]] = [[]]
    for run in runs:
        for i, part in enumerate(re.split(r"\t+", run.text)):
            if i and pieces[-1]:
                pieces.append([])
            if part:
                pieces[-1].append(Run(part, run.bold, run.italic))
    return [p for p in pieces if "".join(r.text for r in p).strip()]


def _tab_row(p: Para) -> list[list[Run]] | None:
    """A line's cells, left to right, when it is written with tabs: «LEFT⇥RIGHT» gives two; a line that begins
    with a tab («⇥Y Thị Hờ Lan», a signer's name pushed right) gives one cell in the right column (None first)."""
    if "\t" not in p.text or p.marker:
        return None
    pieces = _split_at_tabs(p.runs)
    if len(pieces) > 1 and _MARKER_PIECE.fullmatch(_said(pieces[0])):
        # «-⇥BTT UBMTTQ VN tỉnh (B/c);⇥CHỦ TỊCH»: a list marker and its tab (Word's bullet pasted as text) belong
        # to the text after them, the tab kept as written
        pieces = [pieces[0] + [Run("\t")] + pieces[1]] + pieces[2:]
    if not pieces:
        return None
    if len(pieces) == 1:
        return [None, pieces[0]] if p.text.lstrip(" ").startswith("\t") else None
    return pieces


def tab_columns(blocks: list) -> list:
    """Header and signature lines aligned with tabs read as the two-column table they stand for (review r19f:
    «ỦY BAN MTTQ VIỆT NAM HUYỆN ĐĂK HÀ⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM», «Số: 27/HD-MTTQ-BTT⇥Đăk Hà, ngày …»,
    «Nơi nhận:⇥TM. BAN THƯỜNG TRỰC» were read as one line each, the two halves joined). A run of tab-aligned
    lines (blank lines between kept in the run; a «- …» recipient line without a tab too, once «Nơi nhận» opened
    it) becomes a Table whose cells hold the pieces: the left pieces in column 0, the right ones in the last.
    Only a run that opens with a header or signature line (a piece matching _TAB_ANCHOR) is read so: a tab
    inside body text («1.⇥Nội dung», «Tổng cộng:⇥5.000.000») stays as written."""
    out: list = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        row = _tab_row(b) if isinstance(b, Para) else None
        # (two columns, the header's or the signature's: a line of more is a table's row, whatever a cell says,
        # review r19s: «1⇥Thôn …⇥Ngọc Tem, ngày 05/8⇥…» cut its table in two)
        if (row is None or len(row) != 2 or row[0] is None
                or not any(_TAB_ANCHOR.match(_said(c)) for c in row)):
            out.append(b)
            i += 1
            continue
        rows, j, recipients = [], i, False
        while j < len(blocks) and isinstance(blocks[j], Para):
            p = blocks[j]
            r = _tab_row(p)
            if r is None:
                t = p.text.strip()
                if not t:
                    # a blank line stays in the run when a tab-aligned line follows it
                    k = j
                    while k < len(blocks) and isinstance(blocks[k], Para) and not blocks[k].text.strip():
                        k += 1
                    if k < len(blocks) and isinstance(blocks[k], Para) and _tab_row(blocks[k]):
                        j = k
                        continue
                    break
                if recipients and re.match(r"^[-–+•]", t) and not p.marker:
                    r = [p.runs]
                else:
                    break
            if any(re.match(r"(?i)nơi nhận\s*(?::|$)", _said(c)) for c in r):
                recipients = True
            rows.append((p, r))
            j += 1
        width = max(len(r) for _, r in rows)
        table_cells, table_rows = [], []
        for p, r in rows:
            cells: list[list[Para]] = [[] for _ in range(width)]
            if r[0] is None:
                cells[-1] = [Para(r[1], centred=p.centred)]
            else:
                for k, c in enumerate(r):
                    cells[k if k < len(r) - 1 else width - 1 if len(r) > 1 else 0] = [Para(c, centred=p.centred)]
            table_cells.append(cells)
            table_rows.append(["".join(x.text for x in c[0].runs).strip() if c else "" for c in cells])
        out.append(Table(table_rows, 0, table_cells))
        i = j
    return out
