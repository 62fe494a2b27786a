"""A plain .txt plan: one paragraph a line (blank lines are spacing, not text).

A .txt pasted or saved from Word keeps Word's columns as tabs (review r19k defect 11): the header's two
columns («ỦY BAN MTTQ VIỆT NAM⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM», «Số: 12/KH-MTTQ⇥Đăk Rơ Wa, ngày …»),
a table's rows (one line a row, one tab between cells), Nơi nhận beside the signature. They are read as the
.docx reader reads the same lines (blocks.tab_columns): the header and the signature block as the two-column
layout they stand for, two or more consecutive tab-separated lines as a table. A tab the reader cannot place
stays in its line as written, and the checklist names the line. Header and signature lines aligned with
spaces instead of tabs («Số: 12/KH-MTTQ          Đăk Rơ Wa, ngày …») are read as the same two columns, and
the checklist says so; so are the header's two columns joined by one space, parted before the national name,
the motto or the place and date. A table is read from tabs only."""

import re
import unicodedata
from pathlib import Path

from .blocks import NotAPlan, Para, Run, Table, excerpt, tab_columns
from .structure import _is_kind_line

# A list item Word numbered, pasted as text: its marker, a tab, its text («1.⇥Mục đích», «-⇥Nội dung», «a)⇥…»,
# «Điều 2.⇥Quyết định này …», «Bước 1:⇥…»). Its tab ends the marker; it is not a column.
# «I-⇥MỤC ĐÍCH», «1-⇥Nội dung»: Word's «%1-» numbering (review r19s defect 6).
_LIST_TAB = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)-]|[a-zđ][.)]|[IVXLC]{1,6}[.-]|[-–—+•*·▪◦o]"
                       r"|(?:Điều|Bước|Mục|Phần|Chương|Khoản)\s+[\dIVXLC]{1,4}[.:]?)\t+[^\t]*$")


# A tab quoted in the checklist: a sign the PDF's font prints (the checklist is printed with the draft; «⇥» is
# not in that font, and a draft quoting it was refused by the data check).
TAB_SIGN = "→"

# Three or more spaces between two words of a line: the gap between two columns aligned with the space bar.
_SPACES = re.compile(r"(?<=\S) {3,}(?=\S)")


# Where the right column of a header line begins when the two were joined by one space (the tab lost in a paste):
# the national name, the motto, or a place and date after the number and symbol («Số: 12/KH-MTTQ Đăk Rơ Wa, ngày»).
_JOINED = (re.compile(r"(?<=\S) (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM)\s*$"),
           re.compile(r"(?<=\S) (Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc)\s*$"),
           re.compile(r"^Số\s*:[\s\d]*/\s*[A-ZĐ0-9][A-ZĐ0-9.-]* (\S[^,\t]{1,40},\s*ngày\b.*)$"))
# The header is in the file's first lines, above the kind line («KẾ HOẠCH»).
_HEAD_LINES = 8


def _joined(body: str) -> int | None:
    """Where a header line's right column begins when one space joins it to the left one; None when not so."""
    for pattern in _JOINED:
        m = pattern.search(body)
        if m:
            return m.start(1)
    return None


def _space_columns(lines: list[Para]) -> tuple[list[Para], set[int]]:
    """Each line, with a tab for each gap of spaces between its columns (a new Para) when it has one and no tab
    («ỦY BAN MTTQ VIỆT NAM          CỘNG HÒA …»); a line pushed by spaces to the right column of the last such
    line above (blank lines and «- …» recipient lines between kept: the space left for the signature) starts
    with a tab («        Y Hlen»). A line centred by spaces (the title) starts left of that column and is kept;
    so is every other line. One of the file's first lines whose columns one space joins is parted where the
    right one begins (_JOINED); the ids of those new lines are the set returned."""
    out: list[Para] = []
    parted: set[int] = set()
    right_at = None  # where the right column starts in the last line split above (characters)
    seen = 0
    for p in lines:
        text = p.text
        body = text.strip(" ")
        seen += bool(body)
        if body and _is_kind_line(body):  # the header is above it (a subject in capitals may name the nation)
            seen = _HEAD_LINES + 1
        lead = len(text) - len(text.lstrip(" "))
        gap = _SPACES.search(body) if body and "\t" not in text else None
        # (matched in NFC, as every later step reads the text: a file saved on a Mac may be in NFD)
        nfc = unicodedata.normalize("NFC", body)
        at = _joined(nfc) if body and not gap and "\t" not in text and seen <= _HEAD_LINES else None
        if gap:
            right_at = lead + gap.end()
            out.append(Para([Run(_SPACES.sub("\t", body))]))
        elif at:
            # the split made where the line, as written, reads up to that point (NFD letters kept: the import
            # says how many paragraphs it recomposes)
            at = next((k for k in range(len(body) + 1) if unicodedata.normalize("NFC", body[:k]) == nfc[:at]), 0)
            out.append(Para([Run(body[:at].rstrip() + "\t" + body[at:])]))
            parted.add(id(out[-1]))
        elif body and "\t" not in text and right_at is not None and lead >= max(10, right_at - 4):
            out.append(Para([Run("\t" + body)]))
        else:
            if body and not body.startswith(("-", "–", "+", "•")):  # a recipient line between keeps the column
                right_at = None
            out.append(p)
    return out, parted


def _columns(lines: list[Para]) -> tuple[list, list[str]]:
    """blocks.tab_columns over the lines, spaces between columns read as tabs; a line split so but read as no
    header or signature line is given back as written. The checklist's lines name each run read from spaces."""
    spaced, parted = _space_columns(lines)
    blocks = tab_columns(spaced)
    kept = {id(b) for b in blocks}
    said, run, spaced_run = [], [], False
    for s, p in zip(spaced, lines):
        if p.text.strip():
            if id(s) not in kept:  # in a header or signature table (a «- …» recipient line too)
                run.append(s)
                spaced_run = spaced_run or (s is not p and id(s) not in parted)
            elif run:
                run, spaced_run = _said_spaced(run, spaced_run, said), False
    _said_spaced(run, spaced_run, said)
    for s, p in zip(spaced, lines):
        if id(s) in parted and id(s) not in kept:
            left, right = s.text.split("\t")
            said.append(f"dòng «{p.text.strip()}» ở đầu văn bản ghi liền hai cột (không có dấu tab giữa hai cột): "
                        f"tách thành «{left}» và «{right}»; đối chiếu với văn bản gốc")
    back = {id(s): p for s, p in zip(spaced, lines) if s is not p}
    return [back.get(id(b), b) for b in blocks], said


def _said_spaced(run: list[Para], spaced: bool, said: list[str]) -> list:
    """The checklist's line for a run of lines read as two columns when spaces split some of them."""
    if run and spaced:
        first, last = (excerpt(x.text.strip().replace("\t", f" {TAB_SIGN} "), 60) for x in (run[0], run[-1]))
        where = f"các dòng từ «{first}» đến «{last}»" if len(run) > 1 else f"dòng «{first}»"
        said.append(f"{where} căn bằng dấu cách (không dùng dấu tab): đọc thành hai cột (trái, phải) như bảng "
                    "không viền của văn bản Word; đối chiếu với văn bản gốc")
    return []


def _cells(p: Para) -> list[str] | None:
    """A line's cells when it is a table row pasted from Word (two or more cells between tabs, a blank cell
    kept: «⇥Tổng cộng⇥10.500.000» has a blank first cell); None for a line without a column tab or a list
    item whose tab follows its marker."""
    text = p.text.rstrip(" \t")
    if "\t" not in text.strip(" \t") or _LIST_TAB.match(unicodedata.normalize("NFC", text)):
        return None
    return [c.strip() for c in text.split("\t")]


# The first cell of a row naming the columns: the order number's column.
_ORDER_HEADS = ("TT", "STT", "SỐ TT")


def tab_tables(blocks: list) -> tuple[list, list[str]]:
    """Runs of two or more consecutive tab-separated lines as tables (a line a row, a cell between tabs; a blank
    line ends a run, unless the run's first two rows stand a blank line apart: a double-spaced file), and the checklist's lines for what the reader could not place: a table whose lines have
    different numbers of cells (the short rows padded with blank cells at their end), a lone tab-separated line
    (kept as written, its tabs too). A first row opening with «TT»/«STT» names the columns; otherwise whether it
    does is decided where an unbolded .docx table's is (structure.table_block)."""
    out: list = []
    said: list[str] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        row = _cells(b) if isinstance(b, Para) else None
        if row is None:
            out.append(b)
            i += 1
            continue
        rows = [row]
        j = i + 1
        spaced = None  # whether the rows stand a blank line apart (a double-spaced file): set by the first two
        while j < len(blocks) and isinstance(blocks[j], Para):
            k = j
            while k < len(blocks) and isinstance(blocks[k], Para) and not blocks[k].text.strip():
                k += 1
            if k > j and spaced is False or k >= len(blocks) or not isinstance(blocks[k], Para):
                break
            nxt = _cells(blocks[k])
            if nxt is None:
                break
            if spaced is None:
                spaced = k > j
            rows.append(nxt)
            j = k + 1
        if len(rows) == 1:
            out.append(b)
            said.append(f"dòng «{excerpt(b.text.replace(chr(9), f' {TAB_SIGN} ').strip(), 80)}» có dấu tab ({TAB_SIGN}) như các cột "
                        "của một bảng nhưng đứng một mình: chép nguyên văn một đoạn, dấu tab giữ nguyên; đối chiếu "
                        "với văn bản gốc (nếu là bảng, ghi thành bảng: bang)")
        else:
            width = max(len(r) for r in rows)
            if any(len(r) != width for r in rows):
                said.append(f"bảng bắt đầu bằng dòng «{excerpt(f' {TAB_SIGN} '.join(rows[0]), 80)}» đọc từ {len(rows)} dòng "
                            f"cách nhau bằng dấu tab có số ô khác nhau ({min(len(r) for r in rows)} đến {width}): "
                            "dòng ngắn được thêm ô trống ở cuối; đối chiếu từng ô với văn bản gốc")
            # a first row opening with «TT»/«STT» (no figure in it) names the columns, even over one row
            named = rows[0][0].upper() in _ORDER_HEADS and not any(re.search(r"\d", c) for c in rows[0])
            out.append(Table([r + [""] * (width - len(r)) for r in rows], 1 if named else 0))
        i = j
    return out, said


def read_text(path: Path, max_bytes: int) -> tuple[list, dict]:
    from ..limits import kb

    size = path.stat().st_size
    if size > max_bytes:
        raise NotAPlan(f"Tệp quá lớn ({kb(size)}; tối đa {kb(max_bytes)}): một kế hoạch thường dưới 1 MB.")
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark (Notepad's «Unicode»)
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise NotAPlan("Tệp văn bản ở mã UTF-16 nhưng bị hỏng: mở bằng Notepad hay LibreOffice và lưu lại "
                           "với mã UTF-8.") from None
    if b"\x00" in data[:4096] or data.startswith(b"PK\x03\x04"):
        raise NotAPlan("Tệp có đuôi .txt nhưng không phải văn bản thuần (có dữ liệu nhị phân): "
                       "nếu là tệp Word, đổi lại đuôi .docx.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise NotAPlan(f"Tệp văn bản không ở mã UTF-8 (dòng {line}): mở bằng Notepad hay LibreOffice và lưu lại "
                       "với mã UTF-8.") from None
    # blank lines kept until the columns are read (a blank line inside a signature block stays in it, one
    # between two tables parts them unless the file is double-spaced: tab_tables), then dropped
    from .legacy import check_blocks
    check_blocks([Para([Run(line)]) for line in text.split("\n")])  # TCVN3 or VNI pasted as text: refused
    blocks, spaced = _columns([Para([Run(line.rstrip("\r"))]) for line in text.split("\n")])
    blocks, said = tab_tables(blocks)
    said = [unicodedata.normalize("NFC", x) for x in spaced + said]  # quoted as every checklist line: NFC
    # each line says how many blank lines stood above it (the title block ends at one: structure)
    kept, gap = [], 0
    for b in blocks:
        if isinstance(b, Para) and not b.text.strip():
            gap += 1
            continue
        if isinstance(b, Para):
            b.gap_before = gap
        kept.append(b)
        gap = 0
    blocks = kept
    return blocks, {"images": 0, "unknown_formats": [], "symbol_bullets": False, "reader_notes": said}
