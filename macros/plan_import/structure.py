"""Blocks -> a plan shaped as Nghị định 30/2020 shapes it (PLAN-FORMAT.md), never invented.

Every recognised piece keeps its characters; what is not found stays "" and goes to the
checklist. The guesses (what a section is for, which names are units) are listed too.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from ..text import fold, slugify
from .blocks import Para, Run, Table, excerpt
from .reports import report_lines, section_texts
from .names import body_level, issuer_line_count, running_name, split_joint

# Kinds of administrative documents (Nghị định 30/2020, Phụ lục III) and what the Front issues.
KINDS = ("KẾ HOẠCH", "HƯỚNG DẪN", "CHƯƠNG TRÌNH", "THÔNG BÁO", "BÁO CÁO", "QUYẾT ĐỊNH", "ĐỀ ÁN",
         "PHƯƠNG ÁN", "NGHỊ QUYẾT", "CHỈ THỊ", "THÔNG TRI", "QUY CHẾ", "TỜ TRÌNH", "CÔNG VĂN", "KẾT LUẬN",
         "BIÊN BẢN", "GIẤY MỜI", "QUY ĐỊNH")


def _is_kind_line(text: str) -> bool:
    """A document's kind line in capitals («BIÊN BẢN», «KẾ HOẠCH LIÊN TỊCH»): never a body's name (review r19h:
    «BIÊN BẢN» under «PHƯỜNG NGÔ MÂY» was read as the issuing body)."""
    t = " ".join(nfc(text).split())
    return _upper_text(t) and any(t == k or t == k + " LIÊN TỊCH" for k in KINDS)

# Section kind tags from the title's words (folded: no diacritics, lower case), first match wins.
TAGS = (("muc dich", "muc_dich_yeu_cau"), ("yeu cau", "muc_dich_yeu_cau"),
        ("kinh phi", "kinh_phi"), ("to chuc thuc hien", "to_chuc_thuc_hien"),
        ("phan cong", "to_chuc_thuc_hien"), ("trach nhiem thuc hien", "to_chuc_thuc_hien"),
        ("thoi gian", "thoi_gian_dia_diem"), ("dia diem", "thoi_gian_dia_diem"),
        ("hinh thuc", "cac_buoc"), ("cac buoc", "cac_buoc"), ("buoc trien khai", "cac_buoc"),
        ("noi dung", "noi_dung"), ("nhiem vu", "noi_dung"))
TAG_NAMES = {"muc_dich_yeu_cau": "mục đích, yêu cầu", "noi_dung": "nội dung", "cac_buoc": "hình thức, các bước",
             "thoi_gian_dia_diem": "thời gian, địa điểm", "kinh_phi": "kinh phí",
             "to_chuc_thuc_hien": "tổ chức thực hiện", "khac": "khác"}

# Unit level words, longest first ("thành phố" before a bare word).
LEVELS = ("tổ dân phố", "khu dân cư", "thành phố", "thị xã", "thị trấn", "huyện", "quận", "phường", "xã",
          "thôn", "làng", "buôn", "bản", "ấp", "khối phố")
# Capitalised words that start a new phrase, not a place name ("… Kon Rẫy Tổ chức …").
_NOT_NAME = {"Tổ", "Ủy", "Uỷ", "Ban", "UBND", "MTTQ", "Mặt", "Đảng", "Nhà", "Hội", "Đoàn", "Phối", "Thực", "Chủ",
             "Trước", "Trong", "Từ", "Đến", "Các", "Cấp", "Chi", "Đề", "Báo", "Tổng", "Hướng", "Tham", "Gửi"}

# Never «V/v …» (về việc: a công văn's subject, review r19g E2). «I-» before a space or a tab is Word's «%1-»
# numbering (or the same typed), as the Hội's and the Party's documents number (review r19s defect 6).
_ROMAN = re.compile(r"^(?!V/v)([IVXL]{1,6})\s*([./)]|\s-|-(?=\s))\s*(?=\S)")
# «V/v hướng dẫn …», «V/v: …»: the subject (trích yếu) of a công văn, under its number.
_SUBJECT_VV = re.compile(r"^V/v\b", re.IGNORECASE)
# The kind abbreviations a number's symbol starts with («12/KH-MTTQ»: a kế hoạch); a symbol with none
# («214/MTTQ-BTT») is a công văn's (Nghị định 30/2020, Phụ lục III).
_KIND_ABBREVIATIONS = {"kh", "hd", "ctr", "tb", "bc", "qd", "da", "pa", "nq", "ct", "tt", "qc", "ttr", "kl", "qđ", "đa",
                       "ttlt", "ctph", "nqlt", "bb", "gm", "gtt", "hđ"}
# «1/ » but never «15/11/…»; «1- » (Word's «%1-», review r19s defect 6) but never «1-2 ngày»
_DECIMAL = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*(?:[.)]|[/-](?=\s)))\s*(?=\S)")
# «A. YÊU CẦU»: a capital letter, top-level in many Front plans (a heading only when its title is capitals).
# «Điều 1. Mục đích»: an article, the top level of a programme, a regulation, a decision.
_ARTICLE = re.compile(r"^(Điều\s+\d{1,3}\s*\.)\s*(?=\S)")
_UPPER_LETTER = re.compile(r"^([A-ZĐ]\.)\s+(?=\S)")
_LETTER = re.compile(r"^([a-zđ][).])\s+(?=\S)")
_DASH = re.compile(r"^([-–—+•▪➢○◦∙✓❖□■])\s*(?=\S)")
_NOTE = re.compile(r"^(\*+\s*(?:ghi chú|lưu ý)\s*:?)\s*", re.IGNORECASE)
# A department of the issuing body, as an item's title or a table cell: «Ban Phong trào:», «Văn phòng».
_DEPARTMENT = re.compile(r"^(Ban (?!Thường trực|Công tác Mặt trận)[^:;,.]{2,60}|Văn phòng[^:;,.]{0,40}"
                         r"|Bộ phận [^:;,.]{2,60})\s*:?$")
# A department given work at the head of an item: «Văn phòng: phối hợp …», «Bộ phận Phong trào: tổng hợp …»
# (review r19n: «không nêu ban nào» for these).
_ASSIGNED_DEPARTMENT = re.compile(_DEPARTMENT.pattern[:-len(r"\s*:?$")] + r"\s*:\s*\S")


def _department(text: str, pattern: re.Pattern = _DEPARTMENT) -> str:
    """The department a text names (a cell «Văn phòng Ủy ban MTTQ Việt Nam xã», an item «Bộ phận Phong trào: …»),
    or "": «Ban»/«Bộ phận» followed by a name in capitals («Ban hành kế hoạch» is no department)."""
    m = pattern.match(text.strip())
    if not m:
        return ""
    name = m.group(1).strip()
    after = name.split(" phận ", 1)[1] if name.startswith("Bộ phận ") else name[4:] if name.startswith("Ban ") else "X"
    return name if after[:1].isupper() else ""


def temporary_code(name: str, taken: set[str], fallback: str = "ban") -> str:
    """A code for a name the editor confirms: its words without accents, cut where a word ends to fit the code's
    length (review r19n: «van-phong-uy-ban-mttq-viet-nam-x»), a single over-long word cut at the length; «-2»,
    «-3» … after a code already taken. Adds it to `taken`."""
    from ..limits import MAX_CODE_CHARS

    slug = slugify(name).strip("-") or fallback

    def cut(limit: int) -> str:
        if len(slug) <= limit:
            return slug
        at = slug.rfind("-", 0, limit + 1)
        return slug[:at] if at > 0 else slug[:limit]

    code, n = cut(MAX_CODE_CHARS), 2
    while code in taken:
        suffix = f"-{n}"
        code, n = cut(MAX_CODE_CHARS - len(suffix)) + suffix, n + 1
    taken.add(code)
    return code
_RULE = re.compile(r"^[\s_\-–—=*.~]{3,}$")
_NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<so>[^/\s]*)\s*/\s*(?P<ky_hieu>\S*)\s*$", re.IGNORECASE)
# The number line of the Party's, the Đoàn's and the Hội's documents: the number, a dash, then the kind and the
# body parted by «/» («Số 151-KH/UBH», «Số: 225 - KH/TWĐTN-CTTN»; review r19p defects 6 and 7).
# Spaces around its «/» as typed («Số:  85  - KH/ HNDT», review r19s defect 4): read, the symbol written without them.
_NUMBER_LINE_DASH = re.compile(r"^Số\s*:?\s*(?P<so>\d{1,6})\s*[-–]\s*(?P<ky_hieu>[A-ZĐ]{1,8}\s*/\s*\S+)\s*$")
_PLACE_DATE = re.compile(r"^(?P<place>[^,]*?)\s*,\s*ngày\s*(?P<d>\S*)\s*tháng\s*(?P<m>\S*)\s*năm\s*(?P<y>\d{4})?\s*\.?$",
                         re.IGNORECASE)
# «Chương I.» (its title on the same line in capitals, or on the next line): a chapter above articles.
_CHAPTER = re.compile(r"^(Chương\s+[IVXLC]+|Chương\s+\d{1,2}|CHƯƠNG\s+[IVXLC]+|CHƯƠNG\s+\d{1,2})\s*([.:]?)\s*(.*)$")
# «Phần thứ nhất», «PHẦN I», «Phần 1.» (its title on the same line or the next in capitals): a part, the top
# level of a plan in parts (review r19g D2), a section with its text under it.
_ORDINALS = "nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười"
_PART = re.compile(r"^((?:Phần|PHẦN)\s+(?:(?:thứ|THỨ)\s+(?:" + _ORDINALS + "|" + _ORDINALS.upper() + r")|[IVXLC]{1,6}|\d{1,2})"
                   r")\s*([.:]?)\s*(.*)$")
_SIGN_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*\S")
_MONEY = re.compile(r"\d{1,3}(?:\.\d{3})+\s*(?:đồng|đ|VNĐ|vnđ)(?!\w)|\d+(?:,\d+)?\s*(?:triệu|tỷ)\s*đồng")
_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])|tháng\s+\d{1,2}/\d{4}|(?<![\d/])\d{1,2}/\d{4}(?![\d/])"
                   # «(ngày 5) tháng 3 năm …», «Quý II/…», «quý III năm …» written in words (review r19g D5)
                   r"|(?:ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}"
                   # «từ ngày 01 tháng 12 đến …»: a day and month, its year written later or not (review r19h)
                   r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?![\d/]|\s+năm\s+\d)|[Qq]uý\s+(?:[IV]{1,3}|\d)(?:\s*/\s*|\s+năm\s+)\d{4}")
_DEADLINE = re.compile(r"(?:trước|chậm nhất|hạn|hoàn thành)[^.;]*?(?<![\d/])(\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
# The first day of a range whose year is written once, at its end («Từ 01/10 - 15/11/…», «từ ngày 01/10 đến …»):
# _DATE finds only the end (review r19l N5).
_RANGE_START = re.compile(r"(?<![\d/])(\d{1,2}/\d{1,2})(?![\d/])\s*(?:[-–—]|\s(?:đến|tới)\s+(?:hết\s+)?)\s*(?:ngày\s+)?"
                          r"\d{1,2}/\d{1,2}/\d{4}", re.IGNORECASE)


def range_starts(text: str) -> list[str]:
    """«01/10» of «Từ 01/10 - 15/11/…»: the start of each range that writes its year only at the end."""
    return list(dict.fromkeys(_RANGE_START.findall(text)))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _upper_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def shape(marker: str) -> str:
    """What kind of marker: siblings share a shape, a new shape opens a nested level."""
    m = marker.strip()
    if re.fullmatch(r"[IVXL]+[./)-]?", m):  # «I-» is «I.» written as the Hội writes it (review r19s)
        return "roman"
    if re.fullmatch(r"Điều\s+\d+\s*\.", m):
        return "article"
    if re.fullmatch(r"\d+(?:\.\d+)*[./)-]?", m):
        return f"dec{m.rstrip('./)-').count('.')}{m[-1] if m[-1] in './)-' else ''}"
    if re.fullmatch(r"[A-ZĐ]\.", m):
        return "uletter"
    if re.fullmatch(r"[a-zđ][.)]", m):
        return "letter" + m[-1]
    if re.fullmatch(r"[ivx]+[.)]", m):
        return "lroman"
    return "mark" + m


@dataclass
class Line:
    """One paragraph with its marker found (Word's, or written in the text)."""
    para: Para
    marker: str = ""
    runs: list[Run] = field(default_factory=list)
    from_word: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs).strip()

    @property
    def full(self) -> str:
        return (self.marker + " " + self.text).strip() if self.marker else self.text


def _cut(runs: list[Run], n: int) -> list[Run]:
    """The runs without their first n characters (a marker written in the text)."""
    out = []
    for r in runs:
        if n >= len(r.text):
            n -= len(r.text)
            continue
        out.append(Run(r.text[n:], r.bold, r.italic))
        n = 0
    return out


def _head(runs: list[Run], n: int) -> list[Run]:
    """The runs' first n characters (a note's label «* Ghi chú:» with its bold and italic)."""
    out = []
    for r in runs:
        if n <= 0:
            break
        out.append(Run(r.text[:n], r.bold, r.italic))
        n -= len(r.text)
    return out


def line_of(p: Para, find_marker: bool = True) -> Line:
    runs = [Run(nfc(r.text), r.bold, r.italic) for r in p.runs]
    text = "".join(r.text for r in runs)
    lead = len(text) - len(text.lstrip())
    runs = _cut(runs, lead)
    text = text.lstrip()
    if p.marker:
        return Line(p, nfc(p.marker), runs, True)
    if find_marker and not _NOTE.match(text):
        for pattern in (_ARTICLE, _ROMAN, _DECIMAL, _LETTER, _UPPER_LETTER, _DASH):
            m = pattern.match(text)
            if m:
                return Line(p, m.group(1).strip() if pattern is not _ROMAN else m.group(0).strip(), _cut(runs, m.end()))
    return Line(p, "", runs)


def rich(runs: list[Run]):
    """A paragraph's text: a string, or runs when some are bold or italic (PLAN-FORMAT)."""
    text = "".join(r.text for r in runs)
    if not text.strip():
        return ""
    # Outer spaces are layout; the characters between are the file's.
    runs = _cut(runs, len(text) - len(text.lstrip()))
    total = sum(len(r.text) for r in runs)
    keep, out = total - (len(text) - len(text.rstrip())), []
    for r in runs:
        piece, keep = r.text[:max(keep, 0)], keep - len(r.text)
        if piece:
            out.append(Run(piece, r.bold, r.italic))
    if not any(r.bold or r.italic for r in out if r.text.strip()):
        return "".join(r.text for r in out)
    value = []
    for r in out:
        if not (r.bold or r.italic) or not r.text.strip():
            if value and isinstance(value[-1], str):
                value[-1] += r.text
            else:
                value.append(r.text)
            continue
        item = {"chu": r.text}
        if r.bold:
            item["dam"] = True
        if r.italic:
            item["nghieng"] = True
        value.append(item)
    return value


def plain(value) -> str:
    if isinstance(value, str):
        return value
    return "".join(v if isinstance(v, str) else v["chu"] for v in value)


@dataclass
class Result:
    plan: dict
    org: dict
    units: dict
    recognised: list[str]
    checklist: list[str]


def _flatten_layout(table: Table) -> list[Para]:
    """A layout table (header, recipients and signature): its cells' paragraphs, column by column."""
    out = []
    width = max((len(r) for r in table.cells), default=0)
    for col in range(width):
        for row in table.cells:
            if col < len(row):
                for p in row[col]:
                    if p.text.strip():
                        p.column = col
                        out.append(p)
    return out


def _header_end(flat: list) -> int | None:
    """Where a header without a kind line ends (a công văn, review r19g E1): the run of header lines from the
    top (a header table's cells, lines in capitals, «Số: …», «V/v …», the national name and motto, the place
    and date, rules, blanks), when it holds the number line, the national name or the place-date line. A line
    in capitals after the number or place-date line outside a header table, or one with a marker («I. MỤC
    ĐÍCH»), is the body's."""
    end, marks, dated = 0, False, False
    for i, x in enumerate(flat[:40]):
        if not isinstance(x, Para):
            break
        t = nfc(x.text).strip()
        f = fold(t)
        if x.column >= 0 or not t or _RULE.match(t):
            pass
        elif _NUMBER_LINE.match(t) or f.startswith("cong hoa xa hoi chu nghia") or _PLACE_DATE.match(t):
            dated = dated or bool(_PLACE_DATE.match(t) or _NUMBER_LINE.match(t))
        elif f.replace(" ", "").startswith("doclap-tudo-hanhphuc") or f.startswith("doc lap") or _SUBJECT_VV.match(t):
            pass
        elif _upper_text(t) and not dated and not line_of(x).marker:
            pass
        else:
            break
        marks = marks or bool(t and (_NUMBER_LINE.match(t) or f.startswith("cong hoa xa hoi chu nghia")
                                     or _PLACE_DATE.match(t)))
        end = i + 1
    return end if marks else None


def _is_layout_table(t: Table, where: str) -> bool:
    text = fold(" ".join(" ".join(r) for r in t.rows))
    if where == "head":
        # (the Đoàn's or the Party's heading in the national name's place: a .txt header's first row alone)
        return any(w in text for w in ("cong hoa xa hoi", "doc lap", "so:", "ngay", "doan tncs ho chi minh",
                                       "dang cong san viet nam"))
    return "noi nhan" in text or bool(re.search(r"\b(tm|kt|tl)\.", text))


def _column_lines(t: Table) -> list[list[str]]:
    """A table's non-blank lines, column by column (empty columns left out)."""
    width = max((len(r) for r in t.cells), default=0)
    cols = [[nfc(p.text).strip() for row in t.cells if c < len(row) for p in row[c] if p.text.strip()]
            for c in range(width)]
    return [c for c in cols if c]


def _is_signatures_table(t: Table) -> bool:
    """A table of several signature blocks side by side (a programme signed by two bodies): two or
    more columns in one row, no «Nơi nhận», each column a few lines: an authority or title line in
    capitals first and a name last (short, with small letters: «Thượng tá Phạm Quốc Bảo»)."""
    if len(t.cells) != 1 or "noi nhan" in fold(" ".join(" ".join(r) for r in t.rows)):
        return False
    cols = _column_lines(t)
    return len(cols) >= 2 and all(
        2 <= len(c) <= 8 and (_upper_text(c[0]) or _SIGN_AUTHORITY.match(c[0])) and not _upper_text(c[-1])
        and len(c[-1]) <= 60 and any(ch.islower() for ch in c[-1]) for c in cols)


# A signature block's status or placeholder line: «(Đã ký)», «Đã ký», «(Ký tên, đóng dấu)», and the placeholder an
# unsigned copy prints where the signature goes, «(Ký, ghi rõ họ tên)» (review r19h: it was read as the signer's name
# and the real names moved after the signatures). Kept as written in its place, between title and name.
_SIGN_STATUS = re.compile(r"\(?\s*(đã ký|đã kí|ký tên[^)]*|đã ký và đóng dấu)\s*\)?"
                          r"|\(\s*(?:ký|kí|chữ ký)\b[^()]{0,60}\)", re.IGNORECASE)


def _signature(sig_lines: list[str], check: list[str], leftover: list[str] | None = None) -> dict:
    """One signature block from its lines in order. A line it cannot place goes to leftover (printed
    after the signatures, as written) when given: never dropped (review r19d)."""
    signature = {"quyen_han": "", "chuc_vu": "", "trang_thai": "", "nguoi_ky": ""}
    unknown_tail = []
    # The lines above the name, in order: the first authority line («TM. …») is quyen_han, the last
    # line in capitals the signer's title (chuc_vu), and every line between («KT. CHỦ TỊCH») is kept
    # as written in quyen_han_them: every line of the block prints (review r19).
    above: list[str] = []
    for t in sig_lines:
        if _SIGN_STATUS.fullmatch(t):
            signature["trang_thai"] = t.strip("() ").strip()
        elif (_upper_text(t) or _SIGN_AUTHORITY.match(t) or not any(c.isalpha() for c in t)) and not signature["nguoi_ky"]:
            above.append(t)  # a line of no letters («—» between two lines) too: kept in its place (review r19c)
        elif not signature["nguoi_ky"] and not _upper_text(t) and len(t) <= 60:
            signature["nguoi_ky"] = t
        else:
            unknown_tail.append(t)
    if above and _SIGN_AUTHORITY.match(above[0]):
        signature["quyen_han"] = above.pop(0)
    if above and any(c.isalpha() for c in above[-1]):
        signature["chuc_vu"] = above.pop()
    if above:  # written in the block's order
        signature = {"quyen_han": signature["quyen_han"], "quyen_han_them": above,
                     **{k: v for k, v in signature.items() if k != "quyen_han"}}
    for t in unknown_tail:
        if leftover is None:
            check.append(f"dòng «{t}» ở phần ký không nhận ra: chưa chép vào đâu")
        else:
            leftover.append(t)
    return signature


def _is_signer_name(t: str) -> bool:
    """A signer's name line as _signature reads it: small letters, short, not an authority line."""
    return (not _upper_text(t) and not _SIGN_AUTHORITY.match(t) and any(c.isalpha() for c in t) and len(t) <= 60
            and not _SIGN_STATUS.fullmatch(t))


def _signature_blocks(sig_lines: list[str]) -> list[list[str]]:
    """Signature lines written as plain paragraphs, one block after another («TM. BAN THƯỜNG TRỰC /
    CHỦ TỊCH / Y Hoa» then «TRƯỞNG CÔNG AN XÃ / Thiếu tá A Đức»): a line in capitals (or «TM. …»)
    after a block's name line opens the next block (review r19d)."""
    blocks: list[list[str]] = [[]]
    for t in sig_lines:
        if (any(_is_signer_name(x) for x in blocks[-1]) and (_upper_text(t) or _SIGN_AUTHORITY.match(t))):
            blocks.append([])
        blocks[-1].append(t)
    return blocks


# The title of what is attached after the signature (review r19j A1: «DANH SÁCH» in capitals was read as a second
# signer's title): «PHỤ LỤC», «Phụ biểu», «DANH SÁCH», «BIỂU …», «MẪU …», «BẢNG …». No signer's title opens so.
_ATTACHMENT_TITLE = re.compile(r"^(?:phụ lục|phụ biểu|danh sách|biểu|mẫu|bảng)(?![\w])")


def _is_attachment_title(t: str) -> bool:
    """A line after the signature that titles an attached list or annex (never a signer)."""
    return bool(_ATTACHMENT_TITLE.match(t.lower())) or fold(t).startswith("phu luc")


def _signer_blocks(sig_lines: list[str], leftover: list[str]) -> list[list[str]]:
    """The signature blocks of _signature_blocks, a block after the first kept as a signer only when it has
    what a signer has: an authority line («TM. …»), a status («(Đã ký)») or a name. The lines of any other
    block (a title in capitals alone) go to leftover: printed after the signature as written, and listed."""
    blocks = _signature_blocks(sig_lines)
    kept = blocks[:1]
    for b in blocks[1:]:
        if any(_SIGN_AUTHORITY.match(t) or _SIGN_STATUS.fullmatch(t) or _is_signer_name(t) for t in b):
            kept.append(b)
        else:
            leftover += b
    return kept


# The last lines of a decision's basis (Nghị định 30/2020): «Theo đề nghị của …», «Xét đề nghị của …».
_PROPOSAL = re.compile(r"^(?:Theo|Xét)\s+(?:đề nghị|đề xuất|tờ trình)\b")


def _authority_line(lines: list, doc: dict) -> int:
    """A decision's authority line under its subject («BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ …», in capitals,
    the «Căn cứ …» lines right after it, review r19j A3): kept as written in van_ban.dong_tham_quyen (printed
    under the subject). Returns how many lines it took (0 or 1)."""
    if (len(lines) > 1 and all(isinstance(x, Line) for x in lines[:2]) and not lines[0].marker
            and _upper_text(lines[0].full) and len(lines[0].full) <= 200 and not lines[0].full.rstrip().endswith(":")
            and fold(lines[1].full).lstrip("-–+• ").startswith("can cu")):
        doc["dong_tham_quyen"] = lines[0].full
        return 1
    return 0


def _enacting_line(lines: list, i: int, doc: dict, after_basis: bool) -> int:
    """The line that enacts a decision after its basis («QUYẾT ĐỊNH:», «QUYẾT NGHỊ:»: a few words in capitals
    ending with «:»), kept as written in van_ban.dong_ban_hanh (printed centred before the first article).
    Returns the index of the line after it."""
    ln = lines[i] if i < len(lines) else None
    if (after_basis and isinstance(ln, Line) and not ln.marker and _upper_text(ln.full)
            and ln.full.rstrip().endswith(":") and len(ln.full.split()) <= 4):
        doc["dong_ban_hanh"] = ln.full
        return i + 1
    return i


def _article_parts(ln: "Line") -> tuple[str, "Line | None"]:
    """An article («Điều 1. …») as a numbered unit (review r19j A2: a 50-word article was one heading): its title
    is its bold run after the number («Điều 4. Hiệu lực thi hành.»), or its text when that is a short title
    without a sentence's end («Điều 2. Nhiệm vụ của Tổ giám sát»); any other text is the article's first
    paragraph (the Line returned), the heading then «Điều 1.» alone."""
    runs = ln.runs
    bold = 0
    for r in runs:
        if not (r.bold or not r.text.strip()):
            break
        bold += len(r.text)
    title = "".join(r.text for r in runs)[:bold].strip()
    if title and bold < len("".join(r.text for r in runs).rstrip()):
        return title, Line(ln.para, "", _cut(runs, bold))
    text = ln.text
    if title or (len(text) <= 80 and not text.rstrip().endswith((".", ";", ":", "!", "?"))):
        return text, None
    return "", Line(ln.para, "", runs)


def _bold(ln: "Line") -> bool:
    return any(r.text.strip() for r in ln.runs) and all(r.bold for r in ln.runs if r.text.strip())


def _bold_colon_sibling(ln: "Line", headings: list) -> bool:
    """A bold top-level numbered line ending with «:» («3. Giao nhiệm vụ cụ thể cho từng xã như sau:») in a
    document whose section headings found so far are all bold numbered lines: a section in the numbers'
    sequence (the caller checks the number), its table or list under it (review r19j B2: it was an item of
    the section before)."""
    return bool(headings) and all(_bold(h) for h in headings) and ln.text.rstrip().endswith(":") and _bold(ln)


# Characters the PDF fonts cannot print, written as the one Word itself gives for the same mark: a non-breaking
# hyphen typed as the character \u2011 is what Word's own w:noBreakHyphen is, which python-docx reads as «-» (review r19f:
# the import refused the whole file for it). Listed on the checklist.
_PRINTED_AS = {"\u2011": "-"}


def _clean(blocks: list, replaced: dict[str, int] | None = None) -> tuple[int, dict[str, int]]:
    """NFC every run (as every text of the site) and drop invisible format characters (zero-width
    space, soft hyphen, byte-order mark: the data check refuses them, and they show nothing).
    Returns how many paragraphs NFC changed and the characters dropped, for the checklist; the
    characters written otherwise (_PRINTED_AS) are counted in `replaced`."""
    changed, dropped = 0, {}
    replaced = {} if replaced is None else replaced

    def swap(text: str) -> str:
        for ch, into in _PRINTED_AS.items():
            if ch in text:
                replaced[ch] = replaced.get(ch, 0) + text.count(ch)
                text = text.replace(ch, into)
        return text

    def para(p: Para) -> int:
        """1 when NFC changed the paragraph."""
        before = p.text
        for r in p.runs:
            kept = []
            for ch in r.text:
                if unicodedata.category(ch) == "Cf":
                    dropped[ch] = dropped.get(ch, 0) + 1
                else:
                    kept.append(ch)
            r.text = swap(nfc("".join(kept)))
        return int(nfc(before) != before)

    for b in blocks:
        if isinstance(b, Para):
            changed += para(b)
        else:
            for row in b.cells:
                for cell in row:
                    for p in cell:
                        changed += para(p)
            b.rows = [["".join(ch for ch in nfc(c) if unicodedata.category(ch) != "Cf").translate(
                str.maketrans(_PRINTED_AS)) for c in r] for r in b.rows]
    return changed, dropped


# Vietnamese names of the invisible characters the import drops (the checklist said Unicode's English names).
_INVISIBLE_NAMES = {"\u200b": "dấu cách không độ rộng", "\u200c": "ký tự ngăn nối không độ rộng",
                    "\u200d": "ký tự nối không độ rộng", "\ufeff": "dấu thứ tự byte (BOM)",
                    "\u2060": "ký tự nối từ", "\u00ad": "dấu gạch nối mềm", "\u200e": "dấu chiều viết trái sang phải",
                    "\u200f": "dấu chiều viết phải sang trái"}


# What the checklist says of a header line (or table) no field takes: kept, as written, where the reader sees it.
_KEPT_AT_OPENING = ("chép nguyên văn thành đoạn đầu của phần mở đầu (trước mục đầu tiên) để không mất chữ của văn "
                    "bản; kiểm tra, chuyển vào co-quan.yaml hoặc ke-hoach.yaml (và xóa ở phần mở đầu) nếu cần")


# A body's opening words at the start of a line under a plain-text subject (capitalised as a sentence starts):
# the body begins there, never the subject's next line.
_BODY_OPENERS = ("Căn cứ", "Thực hiện", "Kính gửi", "Thi hành", "Trên cơ sở", "Được sự", "Nhằm", "Để ", "Theo ",
                 "Qua ", "Triển khai", "Nay ")
# At most this many lines under the subject's first are read as its own (a title block is short).
_SUBJECT_MORE = 5


def _plain_subject_lines(flat: list, start: int, first: str) -> tuple[list[str], list[str]]:
    """The lines of a plain-text file that continue its subject's first line (`first`), read from flat[start]
    on, and the lines left in the body though they might be the subject's (the checklist names them).

    A .txt has no centring: the title block is read from its words and its spacing. A line continues the
    subject while it has no list marker, no end mark of a sentence («.», «;», «:»), does not open the body
    («Căn cứ …», «Thực hiện …», «Kính gửi …», a section's name in capitals), is in the case of the first line
    and short (a title's line, not a paragraph). A blank line ends the title block, unless the file puts a
    blank line after every line (then blank lines tell nothing). In a file whose paragraphs are hard-wrapped, a
    line in small letters ending a sentence under the subject closes a body sentence begun on the lines above
    (at the last one starting with a capital): those lines stay in the body; when none starts with a capital,
    where the sentence begins cannot be told: the subject keeps its first line only and the lines are named."""
    # (lines of a layout table, the signature's, say nothing of the spacing)
    gaps = [x.gap_before > 0 for x in flat[start + 1:] if isinstance(x, Para) and x.gap_before >= 0]
    double = len(gaps) >= 4 and sum(gaps) >= 0.7 * len(gaps)
    indent = len(flat[start - 1].text) - len(flat[start - 1].text.lstrip(" ")) if start else 0

    def body_line(x: Para, t: str) -> bool:
        lead = len(x.text) - len(x.text.lstrip(" "))
        return (not t or "\t" in x.text or bool(line_of(x).marker) or t.startswith(_BODY_OPENERS)
                or _upper_text(t) != _upper_text(first)
                or (_upper_text(t) and any(fold(t).startswith(w) for w, _ in TAGS))  # «MỤC ĐÍCH, YÊU CẦU»
                or _is_kind_line(t) or (indent >= 4 and lead < 4) or len(t) > 120)

    taken: list[str] = []
    for k, x in enumerate(flat[start:start + _SUBJECT_MORE + 1]):
        t = nfc(x.text).strip() if isinstance(x, Para) else ""
        if not isinstance(x, Para) or k == _SUBJECT_MORE:
            return ([], taken) if k == _SUBJECT_MORE else (taken, [])
        if x.gap_before > 0 and not double:
            # a blank line ends the title block; a title-like line under it is not joined but named
            looks = not body_line(x, t) and not t.endswith((".", ";", ":", "!", "?"))
            return taken, [t] if looks else []
        if t[:1].islower() and t.endswith((".", ";", ":", "!", "?")):
            # the end of a hard-wrapped sentence (a paragraph never starts in small letters): it begins at the
            # last line above that starts with a capital; when none does, where it begins cannot be told
            begins = next((j for j in range(len(taken) - 1, -1, -1) if not taken[j][:1].islower()), None)
            return (taken[:begins], []) if begins is not None else ([], taken)
        if body_line(x, t) or t.endswith((".", ";", ":", "!", "?")):
            return taken, []
        taken.append(t)
    return taken, []


def parse(blocks: list, facts: dict, file_name: str) -> Result:
    recognised: list[str] = []
    check: list[str] = []
    replaced: dict[str, int] = {}
    changed, dropped = _clean(blocks, replaced)
    for ch, n in sorted(replaced.items()):
        check.append(f"{n} ký tự U+{ord(ch):04X} (gạch nối không ngắt dòng) được ghi là «{_PRINTED_AS[ch]}» như "
                     "Word tự ghi dấu này: phông chữ bản in PDF không có ký tự đó; kiểm tra")
    if changed:
        check.append(f"{changed} đoạn có chữ viết bằng dấu tách rời (Unicode tổ hợp): đã ghi ở dạng dựng sẵn (NFC) "
                     "như mọi chữ của website; chữ nhìn không đổi")
    for ch, n in sorted(dropped.items()):
        check.append(f"đã bỏ {n} ký tự không nhìn thấy U+{ord(ch):04X} ({_INVISIBLE_NAMES.get(ch, 'ký tự định dạng không in ra')}): "
                     "website không nhận ký tự này")

    # 1. The header: everything before the kind line ("KẾ HOẠCH"); its tables are layout.
    title_at = None
    flat: list = []
    layout_merged = {"đầu văn bản": 0, "phần ký": 0}  # merged layout tables, read as lines (no o_gop)
    for b in blocks:
        if (isinstance(b, Table) and (title_at is not None or not _is_layout_table(b, "head"))
                and _is_signatures_table(b)):
            flat.append(b)  # kept whole: read as the signature blocks below
        elif isinstance(b, Table) and title_at is None and _is_layout_table(b, "head"):
            flat += _flatten_layout(b)
            layout_merged["đầu văn bản"] += bool(b.spans)
        elif isinstance(b, Table) and _is_layout_table(b, "tail") and not _is_layout_table(b, "head"):
            flat += _flatten_layout(b)
            layout_merged["phần ký"] += bool(b.spans)
        else:
            flat.append(b)
        if title_at is None:
            for i, x in enumerate(flat):
                if isinstance(x, Para) and _is_kind_line(x.text):
                    title_at = i
                    break
    if title_at is None:
        for i, x in enumerate(flat[:40]):
            t = nfc(x.text).strip() if isinstance(x, Para) else ""
            if t and _upper_text(t) and any(t.startswith(k) for k in KINDS):
                title_at = i
                break

    head_end = None  # a header read by its own marks when no kind line stands under it (a công văn)
    if title_at is None:
        head_end = _header_end(flat)
    doc = {"loai": "", "so": "", "ky_hieu": "", "ngay_ban_hanh": "", "nam": None, "trich_yeu": ""}
    org = {"co_quan_cap_tren": "", "co_quan_ban_hanh": "", "ten_day_du": "", "cap": "", "dia_danh": "", "quoc_hieu": "",
           "tieu_ngu": "", "ban": []}
    head = flat[:title_at] if title_at is not None else flat[:head_end or 0]
    subject_column = None  # the column of the «V/v …» line: a line under it there continues the subject
    bodies = []
    bold_lines: dict[str, bool] = {}  # each header line: all its letters bold in the file
    # Header lines (and tables) no field takes: never dropped, but printed as written at the head of the
    # opening (step 3 below), where the reader sees them, and listed (session 8).
    unplaced: list = []
    head_paras: dict[str, Para] = {}
    for x in head:
        if isinstance(x, Table):
            unplaced.append(x)
            check.append(f"bảng ở đầu văn bản ({len(x.rows)} dòng) không nhận ra là phần nào của tiêu đề: " + _KEPT_AT_OPENING)
            continue
        if not isinstance(x, Para):
            continue
        t = nfc(x.text).strip()
        head_paras.setdefault(t, x)
        if not t:
            continue
        if _RULE.match(t) or re.fullmatch(r"\*[\s*]*", t):
            if "*" in t and bodies and not org.get("dong_duoi_co_quan_ban_hanh"):
                # The Party's, the Đoàn's, the Hội's «***» under the issuing body: kept as written and printed
                # there in place of the rule (co-quan.yaml dong_duoi_co_quan_ban_hanh).
                org["dong_duoi_co_quan_ban_hanh"] = t
            elif "*" in t:  # above every body's name, or a second one: not placed, said (review r19p)
                check.append(f"dòng «{t}» ở đầu văn bản (cách trình bày của văn bản Đảng, Đoàn, Hội) không in: chỉ "
                             "dòng đầu tiên dưới tên cơ quan được in (co-quan.yaml, dong_duoi_co_quan_ban_hanh); kiểm tra")
            continue
        if fold(t).startswith("cong hoa xa hoi chu nghia"):
            org["quoc_hieu"] = t
        elif fold(t).replace(" ", "").startswith("doclap-tudo-hanhphuc") or fold(t).startswith("doc lap"):
            org["tieu_ngu"] = t
        elif (fold(t) in ("mat tran to quoc viet nam", "doan tncs ho chi minh", "dang cong san viet nam",
                          "dang bo dang cong san viet nam")
              and x.column != 0 and not org["quoc_hieu"] and bodies):
            # The Front's own heading in the national name's place (right column, or a line after the
            # issuing body's): kept there as written, never taken for the issuing body.
            org["quoc_hieu"] = t
            check.append(f"dòng «{t}» ở bên phải đầu văn bản (chỗ của quốc hiệu) được ghi vào co-quan.yaml, "
                         "quoc_hieu, như văn bản gốc viết: kiểm tra")
        elif _SUBJECT_VV.match(t) and not doc["trich_yeu"] and title_at is None:
            doc["trich_yeu"], subject_column = t, x.column  # as written, «V/v» included
        elif subject_column is not None and x.column == subject_column and not _upper_text(t) \
                and not _NUMBER_LINE.match(t) and not _PLACE_DATE.match(t):
            doc["trich_yeu"] += " " + t  # the subject's next paragraph in its cell
        elif (m := _NUMBER_LINE_DASH.match(t) or _NUMBER_LINE.match(t)):
            doc["so"], doc["ky_hieu"] = m["so"].strip(), re.sub(r"\s*/\s*", "/", m["ky_hieu"].strip())
            if m.re is _NUMBER_LINE_DASH:
                # Written otherwise than «Số: so/ky_hieu»: the line as written is printed (van_ban.dong_so).
                doc["dong_so"] = t.replace("\u00a0", " ")
                check.append(f"dòng số, ký hiệu «{t}» viết khác cách website ghép «Số: {doc['so']}/{doc['ky_hieu']}»: "
                             f"website in đúng dòng này (ke-hoach.yaml, van_ban.dong_so); so «{doc['so']}», ky_hieu "
                             f"«{doc['ky_hieu']}»: kiểm tra")
        elif (m := _PLACE_DATE.match(t)):
            org["dia_danh"] = m["place"].strip()
            # The line as written (van_ban.dong_dia_danh_ngay, printed as it is): a date left partly
            # blank for the signing («ngày      tháng 4 năm …») keeps what it says. No-break spaces
            # are written as spaces (the model keeps a run of them as a blank).
            doc["dong_dia_danh_ngay"] = t.replace("\u00a0", " ")
            if m["y"]:
                doc["nam"] = int(m["y"])
            if m["d"].isdigit() and m["m"].isdigit() and m["y"]:
                doc["ngay_ban_hanh"] = f"{m['d']}/{m['m']}/{m['y']}"  # the digits as written
            elif m["d"] or m["m"]:
                check.append(f"dòng địa danh, ngày ghi «{t}» (ngày chưa điền đủ): website in đúng dòng này "
                             "(van_ban.dong_dia_danh_ngay); van_ban.ngay_ban_hanh để trống: ghi khi văn bản đã ký")
        elif _upper_text(t):
            bodies.append(t)
            bold_lines[t] = all(r.bold for r in x.runs if r.text.strip())
        elif bodies and re.fullmatch(r"[-–—]{1,2}", t):
            bodies.append(t)  # «—» between two bodies of a joint document: a line of the header as written
            bold_lines[t] = all(r.bold for r in x.runs if r.text.strip())
        else:
            unplaced.append(x)
            check.append(f"dòng «{t}» ở đầu văn bản không nhận ra là phần nào của tiêu đề: " + _KEPT_AT_OPENING)
    trailing = []
    while bodies and not _upper_text(bodies[-1]):
        trailing.insert(0, bodies.pop())
    for t in trailing:
        unplaced.append(head_paras[t])
        check.append(f"dòng «{t}» ở đầu văn bản không nhận ra là phần nào của tiêu đề: " + _KEPT_AT_OPENING)
    joint_header = len(split_joint(bodies)) > 1
    if joint_header:
        # Two bodies or more issue the document together (a «—» line between their names, review r19e:
        # «ỦY BAN MTTQ VIỆT NAM XÃ …» — «HỘI NÔNG DÂN XÃ …» for a «KẾ HOẠCH LIÊN TỊCH»): each is an
        # issuing body, none the other's superior; the header's lines are printed as written.
        org["cac_co_quan_ban_hanh"] = [" ".join(g) for g in split_joint(bodies)]
        org["dong_co_quan_ban_hanh"] = list(bodies)
        order = ("co_quan_cap_tren", "co_quan_ban_hanh", "cac_co_quan_ban_hanh", "dong_co_quan_ban_hanh")
        org = {**{k: org[k] for k in order if k in org}, **{k: v for k, v in org.items() if k not in order}}
    elif bodies:
        issuer_lines = issuer_line_count(bodies, LEVELS)
        parent_lines, own_lines = bodies[:-issuer_lines], bodies[-issuer_lines:]
        org["co_quan_ban_hanh"] = " ".join(own_lines)
        org["co_quan_cap_tren"] = " ".join(b for b in parent_lines if _upper_text(b))
        # The header's lines as the document breaks them (review r19c: «UỶ BAN MTTQ VIỆT NAM XÃ EA TIÊU» /
        # «BAN THƯỜNG TRỰC» printed re-broken as «UỶ BAN MTTQ VIỆT NAM» / «XÃ EA TIÊU BAN THƯỜNG» / «TRỰC»):
        # written out whenever the site's own line breaking would differ.
        from ..render.plan import body_name_lines
        if parent_lines and body_name_lines(org["co_quan_cap_tren"]) != parent_lines:
            org["dong_co_quan_cap_tren"] = parent_lines
            check.append("cơ quan cấp trên có các dòng " + ", ".join(f"«{b}»" for b in parent_lines) + ": website in "
                         "đúng các dòng này (co-quan.yaml, dong_co_quan_cap_tren); co_quan_cap_tren ghi các dòng nối "
                         "bằng dấu cách: kiểm tra")
        if body_name_lines(org["co_quan_ban_hanh"]) != own_lines:
            org["dong_co_quan_ban_hanh"] = own_lines
        # In the file's order: the lines as written under the name they give.
        order = ("co_quan_cap_tren", "dong_co_quan_cap_tren", "co_quan_ban_hanh", "dong_co_quan_ban_hanh")
        org = {**{k: org[k] for k in order if k in org}, **{k: v for k, v in org.items() if k not in order}}
    # Bold as the file writes it (review r19e: a header in plain letters printed its issuing body bold). Only
    # where the file has formatting (not .txt) and differs from the usual (the issuing body bold, its
    # superior not): then the bold lines are listed (the site prints each line as the file breaks it, or
    # breaks it the same way; dong_in_dam names lines by their text).
    if bodies and not file_name.lower().endswith(".txt"):
        parent = [] if joint_header else bodies[:-issuer_line_count(bodies, LEVELS)]
        usual = {b: b not in parent for b in bodies}
        if any(bold_lines.get(b, False) != usual[b] for b in bodies if _upper_text(b)):
            org["dong_in_dam"] = [b for b in bodies if bold_lines.get(b, False) and _upper_text(b)]
            order = ("co_quan_cap_tren", "dong_co_quan_cap_tren", "co_quan_ban_hanh", "cac_co_quan_ban_hanh",
                     "dong_co_quan_ban_hanh", "dong_in_dam")
            org = {**{k: org[k] for k in order if k in org}, **{k: v for k, v in org.items() if k not in order}}
            bold = ", ".join(f"«{b}»" for b in org["dong_in_dam"]) or "không dòng nào"
            check.append(f"các dòng tên cơ quan ở đầu văn bản in đậm như văn bản: {bold} (co-quan.yaml, dong_in_dam): "
                         "kiểm tra")
    if "dong_duoi_co_quan_ban_hanh" in org:  # written under the issuing body's lines, as the header has it
        mark = org.pop("dong_duoi_co_quan_ban_hanh")
        keys = list(org)
        after = max(keys.index(k) for k in ("co_quan_ban_hanh", "cac_co_quan_ban_hanh", "dong_co_quan_ban_hanh")
                    if k in org)
        org = {k: org[k] for k in keys[:after + 1]} | {"dong_duoi_co_quan_ban_hanh": mark} | {
            k: org[k] for k in keys[after + 1:]}
    body_start = 0
    if title_at is not None:
        kind = nfc(flat[title_at].text).strip()
        doc["loai"] = kind[:1] + kind[1:].lower()
        body_start = title_at + 1
        # The subject: the paragraphs under the kind line, up to its rule ("______") when one follows soon.
        following = [(i, x) for i, x in enumerate(flat[body_start:body_start + 6], body_start) if isinstance(x, Para)]
        rule = next((i for i, x in following if _RULE.match(nfc(x.text).strip() or "x")), None)
        texts = [nfc(x.text).strip() for i, x in following if rule is None or i < rule]
        lines: list[str] = []  # the subject's lines as the document breaks them
        if rule is not None:
            lines = [t for t in texts if t]
            body_start = rule + 1
        elif following and not fold(nfc(following[0][1].text)).startswith("can cu"):
            lines = [nfc(following[0][1].text).strip()]
            body_start = following[0][0] + 1
            # A subject written over several centred lines (Enter or Shift+Enter), no rule under it: every
            # centred line up to the body, «Căn cứ …» or a list item (review r19p defect 2: cut at its first).
            if following[0][1].centred and lines[0]:
                for i, x in [(i, x) for i, x in enumerate(flat[body_start:body_start + 10], body_start)]:
                    t = nfc(x.text).strip() if isinstance(x, Para) else ""
                    if (not t or not x.centred or x.marker or fold(t).startswith(("can cu", "kinh gui"))
                            or t.endswith(":")  # an opening sentence («… như sau:»), not the subject (r19r N2)
                            or line_of(x).marker or _upper_text(t) != _upper_text(lines[0])):
                        break  # (a line in capitals under a subject in small letters: a decision's authority)
                    lines.append(t)
                    body_start = i + 1
            elif following[0][1].gap_before >= 0 and lines[0]:
                # A plain-text file: no centring to read; the title block's lines by their words and spacing.
                more, unsure = _plain_subject_lines(flat, body_start, lines[0])
                lines += more
                body_start += len(more)
                if unsure:
                    quoted = ", ".join(f"«{excerpt(t, 80)}»" for t in unsure)
                    check.append(f"trích yếu lấy {len(lines)} dòng dưới chữ «{kind}»: «{' '.join(lines)}»; "
                                 f"{'các dòng' if len(unsure) > 1 else 'dòng'} {quoted} ngay dưới không chắc là của "
                                 "trích yếu hay của phần thân nên để ở phần thân: nếu là dòng của tên kế hoạch, chuyển "
                                 "lên van_ban.trich_yeu và van_ban.dong_trich_yeu (mỗi dòng một mục)")
            if len(lines) > 1 and rule is None:
                check.append(f"trích yếu ghép từ {len(lines)} dòng dưới chữ «{kind}»: «{' '.join(lines)}» "
                             "(van_ban.trich_yeu; tên kế hoạch trên website; các dòng như văn bản ngắt ở "
                             "van_ban.dong_trich_yeu): kiểm tra đủ và đúng các dòng của tên")
        doc["trich_yeu"] = " ".join(lines)
        if len(lines) > 1:
            # The lines as written, printed so in the title block (page, PDF, Word file); one line everywhere else.
            items = list(doc.items())
            doc.clear()
            for k, v in items:
                doc[k] = v
                if k == "trich_yeu":
                    doc["dong_trich_yeu"] = lines
        # The rule under the subject as written (van_ban.dong_ke); none in the file: none on the page.
        under = nfc(flat[rule].text).strip() if rule is not None else ""
        if under:
            doc["dong_ke"] = under
    if head_end is not None:
        body_start = head_end
        abbreviation = fold(re.split(r"[-/]", doc["ky_hieu"])[0]) if doc["ky_hieu"] else ""
        if doc["ky_hieu"] and abbreviation not in _KIND_ABBREVIATIONS:
            # No kind line, and the symbol names no kind («214/MTTQ-BTT»): a công văn (Nghị định 30/2020).
            doc["loai"] = "Công văn"
            check.append(f"văn bản không có dòng tên loại, ký hiệu «{doc['ky_hieu']}» không có chữ viết tắt tên loại: "
                         "ghi loại là «Công văn» (van_ban.loai; dùng cho tên trang, tệp PDF): kiểm tra")
        # No kind line in the file: none printed (the page keeps a heading for screen readers only).
        doc["in_ten_loai"] = False
        recognised.append("phần đầu văn bản đọc theo các dòng số, ký hiệu, quốc hiệu, địa danh và ngày (không có dòng "
                          "tên loại văn bản)")
    # The plan's year is the one its subject states («Tổ chức Hội thi … năm N»), else the year of issue: a plan
    # issued late in one year for the next (review r19s defect 8) is the next year's; the editor confirms it.
    issued = doc["nam"]
    years = re.findall(r"\bnăm (\d{4})\b", doc["trich_yeu"])
    if years:
        doc["nam"] = int(years[-1])
    # A subject naming another year or a span of years («giai đoạn …», review r19t) leaves the year to the editor.
    other = sorted({int(y) for y in re.findall(r"\b(\d{4})\b", doc["trich_yeu"])} - {doc["nam"]})
    if other and not (issued is not None and doc["nam"] != issued):
        check.append(f"trích yếu ghi năm {', '.join(map(str, other))}, website ghi «Kế hoạch năm {doc['nam']}» "
                     f"(năm ban hành hoặc năm trích yếu ghi «năm …»): kiểm tra van_ban.nam (ke-hoach.yaml; tên tệp PDF "
                     "và các trang theo năm này)")
    if issued is not None and doc["nam"] != issued:
        check.append(f"năm của kế hoạch đọc từ trích yếu: {doc['nam']} («năm {doc['nam']}»), văn bản ban hành năm "
                     f"{issued}: kiểm tra van_ban.nam (ke-hoach.yaml; website ghi «Kế hoạch năm {doc['nam']}», tên tệp "
                     "PDF và các trang theo năm này)")

    # 2. The end: «Nơi nhận», the signature, the closing paragraph.
    rest = flat[body_start:]
    # Several bodies signing side by side: the last such table after the title, taken out of the
    # text; «Nơi nhận» keeps its place above or below it as written.
    # Only at the end: the last table of the document, or the one just before «Nơi nhận».
    last_table = next((i for i in range(len(rest) - 1, -1, -1) if isinstance(rest[i], Table)), None)
    joint_at = next((i for i in range(len(rest) - 1, -1, -1) if isinstance(rest[i], Table)
                     and _is_signatures_table(rest[i]) and (i == last_table or (
                         i + 1 < len(rest) and isinstance(rest[i + 1], Para)
                         and fold(nfc(rest[i + 1].text)).strip().startswith("noi nhan")))), None)
    joint = rest.pop(joint_at) if joint_at is not None else None
    while rest and isinstance(rest[-1], Para) and not rest[-1].text.strip():
        rest.pop()
    recipients_at = next((i for i, x in enumerate(rest) if isinstance(x, Para)
                          and fold(nfc(x.text)).strip().startswith("noi nhan")), None)
    tail = rest[recipients_at:] if recipients_at is not None else []
    recipients_after = joint is not None and recipients_at is not None and recipients_at >= joint_at
    body = rest[:recipients_at] if recipients_at is not None else rest
    if recipients_at is None:
        # No «Nơi nhận»: a signature block still ends the document (TM./KT. line).
        sig = next((i for i, x in enumerate(body) if isinstance(x, Para)
                    and _SIGN_AUTHORITY.match(nfc(x.text).strip())), None)
        if sig is not None:
            body, tail = body[:sig], body[sig:]
    closing_at = next((i for i in range(len(body) - 1, -1, -1) if isinstance(body[i], Para)
                       and fold(nfc(body[i].text)).strip().startswith("tren day la")), None)
    # A table after the closing paragraph stays with it, in order (it was dropped silently, review r19f).
    closing = [x for x in body[closing_at:] if isinstance(x, Table) or x.text.strip()] if closing_at is not None else []
    # In a document of articles («Điều 1.» …) every paragraph after an article is that article's, the
    # last one too («Quy chế này có hiệu lực …» is Điều 5's text, review r19d): never taken as ket_luan.
    articles = any(isinstance(x, Para) and shape(line_of(x).marker) == "article" for x in body)
    if closing_at is None and doc["loai"] and not articles:
        # A closing that names the document by its own kind («Hướng dẫn này thay thế …», «Kế hoạch này
        # …»): the last plain paragraph, never part of the item before it (review r19).
        last = next((i for i in range(len(body) - 1, -1, -1) if isinstance(body[i], Para) and body[i].text.strip()), None)
        # The kind's own words: «Chương trình phối hợp» -> «Chương trình có hiệu lực …» (review r19c).
        kind_words = next((fold(k) for k in KINDS if fold(doc["loai"]).startswith(fold(k))), fold(doc["loai"]))
        said = fold(nfc(body[last].text)).strip() if last is not None else ""
        if (last is not None and not line_of(body[last]).marker
                and (said.startswith(fold(doc["loai"]) + " nay ")
                     or any(said.startswith(f"{kind_words} {w}") for w in ("nay ", "co hieu luc")))):
            closing_at = last
            closing = [x for x in body[last:] if isinstance(x, Table) or x.text.strip()]
            check.append(f"đoạn «{nfc(body[last].text).strip()}» (cuối phần thân, nói về chính văn bản) được ghi là "
                         "đoạn kết (ket_luan): kiểm tra")
    if closing_at is None and not articles:
        # A closing in other words («Ban Thường trực đề nghị … thực hiện./.»): the last plain paragraph
        # ending with «/.», the Front's end mark.
        last = next((i for i in range(len(body) - 1, -1, -1) if isinstance(body[i], Para) and body[i].text.strip()), None)
        if last is not None and nfc(body[last].text).strip().endswith("/.") and not line_of(body[last]).marker:
            closing_at = last
            closing = [x for x in body[last:] if isinstance(x, Table) or x.text.strip()]
            check.append(f"đoạn «{nfc(body[last].text).strip()}» (cuối phần thân, kết bằng «/.») được ghi là đoạn kết "
                         "(ket_luan): kiểm tra")
    if closing_at is not None:
        body = body[:closing_at]

    lines_recipients, sig_lines = [], []
    # In a layout table «Nơi nhận» has a column of its own: every line of it is a recipient;
    # elsewhere the recipients are the lines with a dash after it, up to the signature.
    recipients_column = next((x.column for x in tail if isinstance(x, Para) and x.column >= 0
                              and fold(nfc(x.text)).strip().startswith("noi nhan")), -1)
    appendix: list = []  # after the signature, from its first table or «PHỤ LỤC» line: kept as written
    for x in tail:
        if appendix or isinstance(x, Table) or (sig_lines and _is_attachment_title(nfc(x.text).strip())):
            if isinstance(x, Table) or x.text.strip():
                appendix.append(x if isinstance(x, Table) else line_of(x))
            continue
        if not isinstance(x, Para) or not x.text.strip():
            continue
        t = nfc(x.text).strip()
        if fold(t).startswith("noi nhan"):
            after = t.split(":", 1)[1].strip() if ":" in t else ""
            if after:
                lines_recipients.append(after)
            continue
        if x.in_box and (sig_lines or lines_recipients):
            # A text box anchored after the signature (review r19p defect 8: its date line became the signer's
            # name): kept as written after the signature, listed.
            appendix.append(line_of(x, find_marker=False))
            check.append(f"chữ trong khung (text box) sau phần ký «{excerpt(t, 80)}»: không phải họ tên người ký; "
                         "chép nguyên văn sau phần ký (phu_luc): kiểm tra")
            continue
        if recipients_column >= 0 and x.column >= 0:
            (lines_recipients if x.column == recipients_column else sig_lines).append(t)
        elif re.match(r"^[-–+•]", t) and not sig_lines:
            lines_recipients.append(t)
        else:
            sig_lines.append(t)
    others: list[dict] = []
    leftover: list[str] = []  # lines of the signature part no block holds: printed after it, as written
    if joint is not None:
        signature, *others = [_signature(col, check, leftover) for col in _column_lines(joint)]
        leftover += sig_lines
    else:
        signature, *others = [_signature(b, check, leftover) for b in _signer_blocks(sig_lines, leftover)]
    if leftover:
        appendix[:0] = [Line(None, "", [Run(t)]) for t in leftover]
        check.append("các dòng " + ", ".join(f"«{t}»" for t in leftover) + " ở phần ký không nhận ra là phần nào của "
                     "chữ ký: chép nguyên văn sau phần ký (phu_luc): kiểm tra")

    # The author's full name is required by the site (page metadata): the header's body lines as
    # written (capitals), in their order, never recomposed (review r19: «PHƯỜNG … ỦY BAN MTTQ …» was
    # a name in no line of the file); listed for the editor to write as the body's name.
    org["ten_day_du"] = running_name(bodies, LEVELS)
    # Its level («tỉnh», «xã»): the site's own sentences say «trên địa bàn toàn xã» from it.
    org["cap"] = body_level(bodies, LEVELS)

    # 3. Căn cứ and the opening, then the sections.
    lines: list = []
    addressees = False  # inside a «Kính gửi:» block: its «- …» lines are addressees, never list items
    for x in body:
        if isinstance(x, Table):
            lines.append(x)
            addressees = False
        elif x.text.strip() and not _RULE.match(nfc(x.text).strip()):
            t = nfc(x.text).strip()
            if fold(t).startswith("kinh gui"):
                addressees = True
            elif addressees and not (re.match(r"^[-–+•]", t) and not x.marker):
                addressees = False
            # The addressees as written, each a paragraph of its own: the body after them is not nested under
            # the last one (review r19g E3).
            lines.append(line_of(x, find_marker=not addressees))
    can_cu, opening = [], []
    i = _authority_line(lines, doc)
    while i < len(lines) and isinstance(lines[i], Line) and (
            fold(lines[i].full).lstrip("-–+• ").startswith("can cu") or (can_cu and lines[i].para.note)
            or (can_cu and _PROPOSAL.match(lines[i].full))):
        can_cu.append({"van_ban": lines[i].full})  # a căn cứ's footnote («[1] …») under it, in the list
        i += 1
    i = _enacting_line(lines, i, doc, bool(can_cu))
    # The header's lines no field takes, as written, first in the opening (never a marker: not a list item).
    lines[i:i] = [x if isinstance(x, Table) else line_of(x, find_marker=False) for x in unplaced]
    for key, what in (("dong_tham_quyen", "dòng thẩm quyền ban hành, in giữa dòng dưới trích yếu"),
                      ("dong_ban_hanh", "dòng ban hành sau các căn cứ, in giữa dòng trước điều đầu tiên")):
        if doc.get(key):
            check.append(f"dòng «{doc[key]}» được ghi là {what} (ke-hoach.yaml, van_ban.{key}): kiểm tra")

    def is_article(ln) -> bool:
        return isinstance(ln, Line) and shape(ln.marker) == "article" and bool(ln.text)

    def is_roman_heading(ln) -> bool:
        return isinstance(ln, Line) and shape(ln.marker) == "roman" and bool(ln.text)

    def is_upper_letter(ln) -> bool:
        return isinstance(ln, Line) and shape(ln.marker) == "uletter" and _upper_text(ln.text) and len(ln.text) <= 200

    def is_upper_decimal(ln) -> bool:
        return (isinstance(ln, Line) and shape(ln.marker).startswith("dec0") and _upper_text(ln.text)
                and len(ln.text) <= 200)

    def is_upper_plain(ln) -> bool:
        return isinstance(ln, Line) and not ln.marker and _upper_text(ln.text) and len(ln.text.split()) >= 2 \
            and len(ln.text) <= 200

    def is_named_decimal(ln) -> bool:
        # «1. Mục đích, yêu cầu»: a short top-level item whose title names a part of a plan.
        return (isinstance(ln, Line) and shape(ln.marker).startswith("dec0") and len(ln.text) <= 80
                and tag_of(ln.text) != "khac" and not ln.text.rstrip().endswith((".", ";")))

    def is_bold_decimal(ln) -> bool:
        # «1. Mục tiêu» in bold: a short top-level numbered title, set apart by its bold type alone.
        return (isinstance(ln, Line) and shape(ln.marker).startswith("dec0") and len(ln.text) <= 80
                and not ln.text.rstrip().endswith((".", ";", ":"))
                and all(r.bold for r in ln.runs if r.text.strip()) and any(r.text.strip() for r in ln.runs))

    def is_outline_heading(ln) -> bool:
        # A paragraph styled «Heading 1» (or «Title», or outline level 1) in Word: a section, its number
        # (if typed) and title as written.
        return isinstance(ln, Line) and ln.para is not None and ln.para.outline == 0 and bool(ln.text)

    heading = None
    for test, how in ((is_outline_heading, "kiểu đề mục «Heading 1» của Word"), (is_article, "điều (Điều 1., Điều 2., …)"), (is_roman_heading, "số La Mã (I., II., …)"), (is_upper_letter, "chữ cái in hoa (A., B., …)"),
                      (is_upper_decimal, "số (1., 2., …) và chữ in hoa"),
                      (is_named_decimal, "số (1., 2., …) và tên phần (Mục đích, Nội dung, …)"),
                      (is_bold_decimal, "số (1., 2., …) và chữ đậm"),
                      (is_upper_plain, "dòng chữ in hoa")):
        if sum(1 for ln in lines[i:] if test(ln)) >= 2 or (test in (is_roman_heading, is_article, is_outline_heading) and any(test(ln) for ln in lines[i:])):
            heading = test
            recognised.append(f"các mục lớn đánh dấu bằng {how}")
            break
    if heading in (is_named_decimal, is_bold_decimal):
        # The document's top level is arabic (1., 2., … naming parts of a plan, or in bold): a sibling of those
        # headings — same marker form, a short title, no sentence end — in the numbers' sequence is a
        # section too, whatever its title says («1. Mục tiêu» before «2. Thời gian», review r19).
        first_test = heading
        named = [ln for ln in lines[i:] if first_test(ln)]
        forms = {ln.marker[-1:] for ln in named}

        def number(ln) -> int:
            return int(re.sub(r"\D", "", ln.marker) or 0)

        candidates = {id(ln) for ln in lines[i:] if isinstance(ln, Line) and shape(ln.marker).startswith("dec0")
                      and ln.marker[-1:] in forms and len(ln.text) <= 80 and (
                          not ln.text.rstrip().endswith((".", ";", ":")) or _bold_colon_sibling(ln, named))
                      # set apart by bold type alone: only bold lines (or part names) are its siblings
                      and (first_test is is_named_decimal or is_bold_decimal(ln) or is_named_decimal(ln)
                           or _bold_colon_sibling(ln, named))}
        accepted, last = set(), 0
        for k in range(i, len(lines)):
            ln = lines[k]
            if id(ln) not in candidates:
                continue
            if is_named_decimal(ln) or number(ln) == last + 1:
                accepted.add(id(ln))
                last = number(ln)

        def heading(ln) -> bool:  # noqa: F811 - the sequence-aware form of the test found
            return id(ln) in accepted
    def chapter(ln):
        """«Chương II.» alone or with its title in capitals: the match, else None."""
        m = _CHAPTER.match(ln.full) if isinstance(ln, Line) else None
        return m if m and (not m[3] or _upper_text(m[3])) else part(ln)

    def part(ln):
        """«Phần thứ nhất», «PHẦN I», «Phần 1.» alone or with a short title: the match, else None."""
        m = _PART.match(ln.full) if isinstance(ln, Line) and not ln.from_word else None
        return m if m and (not m[3] or (len(m[3]) <= 120 and not m[3].rstrip().endswith((".", ";", ",")))) else None

    if heading is None and any(part(ln) for ln in lines[i:]):
        def heading(ln) -> bool:  # noqa: F811 - parts only: no other section scheme under them
            return False
        recognised.append("các mục lớn đánh dấu bằng «Phần thứ …» (Phần I, Phần 1)")

    if heading is None:
        # No scheme, but one line in bold capitals («NỘI DUNG HỘI NGHỊ» of a biên bản): the one section heading
        # the document has, never a paragraph of the list above it (review r19h). A slogan («… !») or a quote is not.
        lone = [ln for ln in lines[i:] if is_upper_plain(ln) and not ln.text.rstrip().endswith(("!", ";", ","))
                and ln.text[:1] not in "“\"«'" and all(r.bold for r in ln.runs if r.text.strip())]
        if len(lone) == 1 and sum(1 for ln in lines[i:] if is_upper_plain(ln)) == 1:
            def heading(ln) -> bool:  # noqa: F811 - that one line only
                return ln is lone[0]
            recognised.append(f"một mục lớn đánh dấu bằng dòng chữ in hoa, in đậm («{lone[0].text}»)")

    if heading is not None:
        first = next((k for k in range(i, len(lines)) if heading(lines[k]) or chapter(lines[k])), len(lines))
    else:
        # No section scheme: the plain paragraphs before the first numbered line open the document,
        # everything from there is one untitled section (never one long opening paragraph).
        first = next((k for k in range(i, len(lines)) if not isinstance(lines[k], Line) or lines[k].marker), len(lines))
    sections = []
    opening_lines = lines[i:first]
    opening_section = len(opening_lines) > 1 or any(isinstance(ln, Table) for ln in opening_lines)
    if opening_section:
        # Several paragraphs (or a table) before the first section: never joined into one mo_dau string
        # (review r19c): kept as an untitled section, each paragraph a paragraph of its own, in order.
        sections.append({"so": "", "tieu_de": "", "loai": "khac", "_blocks": list(opening_lines)})
        check.append(f"phần mở đầu có {len(opening_lines)} đoạn (hoặc bảng): chép thành từng đoạn riêng ở một mục "
                     "không số, không tiêu đề đứng đầu phần thân (muc), mo_dau để trống: kiểm tra")
    else:
        opening += opening_lines
    current = None
    chapters: set[int] = set()  # ids of the chapters' sections
    parts: set[int] = set()  # ids of the parts' sections («Phần thứ nhất»)
    taken: set[int] = set()  # a chapter's title line, read with it
    body_lines = lines[first:]
    for k, ln in enumerate(body_lines):
        if id(ln) in taken:
            continue
        if heading and (m := chapter(ln)):
            # A chapter heading: a section of its own, as written, holding no text; the articles under it
            # follow as sections (review r19d: «Chương II.» sat inside the article before it). A part («Phần
            # thứ nhất») likewise, its title the capitals on the next line even when they read as a heading,
            # and its text under it (review r19g D2).
            is_part = m.re is _PART
            title = m[3]
            nxt = body_lines[k + 1] if k + 1 < len(body_lines) else None
            if (not title and isinstance(nxt, Line) and not nxt.marker and _upper_text(nxt.text)
                    and (is_part or not heading(nxt)) and not chapter(nxt)):
                title = nxt.text
                taken.add(id(nxt))
            current = {"so": m[1] + m[2], "tieu_de": title, "loai": tag_of(title) if is_part else "khac", "_blocks": []}
            (parts if is_part else chapters).add(id(current))
            sections.append(current)
            continue
        if heading and heading(ln):
            # «I-»/«I -» (Word's «%1-», review r19s defect 6) kept as written: the heading prints it so
            # (sections.heading); «I.», «I)» are recorded bare and printed «I.» as before.
            so = (ln.marker.rstrip() if ln.marker.rstrip().endswith("-") else
                  re.sub(r"[\s./)\-]+$", "", ln.marker)) if ln.marker else ""
            title, rest = _article_parts(ln) if shape(ln.marker) == "article" else (ln.text, None)
            current = {"so": so, "tieu_de": title, "loai": tag_of(title), "_blocks": [rest] if rest else []}
            sections.append(current)
            continue
        if current is None:
            current = {"so": "", "tieu_de": "", "loai": "khac", "_blocks": []}
            sections.append(current)
        current["_blocks"].append(ln)
    if not sections and lines[first:]:
        sections.append({"so": "", "tieu_de": "", "loai": "khac", "_blocks": lines[first:]})
    if chapters:
        recognised.append(f"{len(chapters)} chương (Chương I., …): mỗi chương là một mục riêng, không có đoạn nào")
        check.append(f"{len(chapters)} dòng «Chương …» được ghi là mục riêng (so: «Chương …», tieu_de: tên chương), "
                     "các điều theo sau là các mục kế tiếp: kiểm tra")
    if parts:
        recognised.append(f"{len(parts)} phần (Phần thứ nhất, …): mỗi phần là một mục, số ghi «Phần …» như văn bản")
        check.append(f"{len(parts)} dòng «Phần …» được ghi là mục (so: «Phần …», tieu_de: tên phần ở cùng dòng hoặc "
                     "dòng chữ in hoa ngay dưới): kiểm tra")

    def label(s: dict, title: bool = False) -> str:
        """How the checklist names a section: its number, with its title when asked, or its title alone; one with neither
        number nor title by its place («mục thứ 1 (không số, không tiêu đề)»), never «mục «»»."""
        if s["so"]:
            return f"mục {s['so']} «{s['tieu_de']}»" if title and s["tieu_de"] else f"mục {s['so']}"
        if s["tieu_de"]:
            return f"mục «{s['tieu_de']}»"
        return f"mục thứ {next(k for k, x in enumerate(sections, 1) if x is s)} (không số, không tiêu đề)"

    # One section per kind: the first whose title opens with the kind's words («IV- TỔ CHỨC THỰC HIỆN»), else the
    # first that names them («III- KẾ HOẠCH TỔ CHỨC THỰC HIỆN CHƯƠNG TRÌNH» before it, review r19s plan C).
    owner: dict[str, dict] = {}
    for s in sorted(sections, key=lambda s: _tag_at(s["tieu_de"]) != 0):  # (sorted keeps the order otherwise)
        if s["loai"] != "khac":
            owner.setdefault(s["loai"], s)
    used = {tag: s["so"] or f"«{s['tieu_de']}»" for tag, s in owner.items()}
    for s in sections:
        if s["loai"] != "khac" and owner[s["loai"]] is not s:
            check.append(f"mục «{s['tieu_de']}» cũng giống phần «{TAG_NAMES[s['loai']]}» như mục {used[s['loai']]}: "
                         "mỗi loại chỉ một mục, ghi loai: khac")
            s["loai"] = "khac"
    for s in sections:
        flattened: list[str] = []
        lifted: list[tuple[str, str, int]] = []
        s["doan"] = nest(s.pop("_blocks"), flattened, tail=True, lifted=lifted)
        # Plain paragraphs after the section's last item (nest(tail=True)): set after the list when the file does
        # not indent them under it and the item is a whole sentence; listed (review r19h, r19j A4).
        if lifted:
            marker, text, after = lifted[0]
            more = f" (và {after} đoạn sau nó)" if after else ""
            check.append(f"{label(s, title=True)}: đoạn «{text[:120]}»{more} được ghi sau danh sách, không thuộc ý "
                         f"«{marker}» trước nó (tệp không thụt lề đoạn vào dưới ý đó): kiểm tra; nếu đoạn là một phần "
                         "của ý, chuyển vào ý đó (doan của ý)")
        if flattened:
            check.append(f"{label(s, title=True)}: danh sách trong tệp Word lồng sâu hơn {MAX_LIST_LEVELS} "
                         f"cấp, website giữ tối đa {MAX_LIST_LEVELS} cấp: {len(flattened)} ý sâu hơn (bắt đầu «"
                         f"{flattened[0]}») được ghi ở cấp {MAX_LIST_LEVELS}; kiểm tra")

    # A closing of several paragraphs: never joined into one ket_luan string (review r19c); each stays a
    # paragraph of its own, at the end of the body, in order.
    closing_kept = len(closing) > 1
    if closing_kept:
        if not sections:
            sections.append({"so": "", "tieu_de": "", "loai": "khac", "doan": []})
        sections[-1]["doan"] += [table_block(x) if isinstance(x, Table) else rich(line_of(x, find_marker=False).runs) for x in closing]
        check.append(f"đoạn kết có {len(closing)} đoạn: chép thành từng đoạn riêng ở cuối mục cuối cùng, ket_luan để "
                     "trống: kiểm tra")
        closing = []

    # A plain paragraph that ends the body and stayed under the last item (the file indents it there, or the
    # item is a title): listed too.
    if sections and sections[-1]["doan"]:
        item, tail_block = None, sections[-1]["doan"][-1]
        while isinstance(tail_block, dict) and "ky_hieu" in tail_block and tail_block.get("doan"):
            item, tail_block = tail_block, tail_block["doan"][-1]
        if item is not None and isinstance(tail_block, (str, list)):
            check.append(f"đoạn «{excerpt(plain(tail_block), 120)}» ở cuối phần thân được xếp vào ý «{item['ky_hieu']}» ngay "
                         "trước nó: kiểm tra; nếu là đoạn riêng, chuyển ra ngoài ý đó (hoặc vào ket_luan)")

    # 4. What the organisation section names: departments and units.
    org_section = next((s for s in sections if s["loai"] == "to_chuc_thuc_hien"), None)
    units = []
    if org_section is not None:
        texts, tables = [], []
        walk(org_section["doan"], texts, tables)
        codes: set[str] = set()
        named = [_department(t) or _department(t, _ASSIGNED_DEPARTMENT) for t in texts]
        named += [_department(cell) for rows in tables for r in rows[1:] for cell in r]
        for name in named:
            if name and not any(b["ten"] == name for b in org["ban"]):
                org["ban"].append({"ma": temporary_code(name, codes), "ten": name})
        units = find_units(texts, tables, org["cap"])

    # 5. The checklist: blanks, guesses, what the site will not have.
    for key, what in (("loai", "loại văn bản («KẾ HOẠCH»…)"), ("trich_yeu", "trích yếu (tên kế hoạch dưới chữ KẾ HOẠCH)"),
                      ("so", "số văn bản"), ("ky_hieu", "ký hiệu văn bản"), ("ngay_ban_hanh", "ngày ban hành")):
        if not doc[key]:
            check.append(f"không tìm thấy {what}: để trống (ke-hoach.yaml, van_ban.{key})")
    if doc["nam"] is None:
        check.append("không tìm thấy năm của kế hoạch: để trống (van_ban.nam)")
    if joint_header:
        check.append(f"{len(org['cac_co_quan_ban_hanh'])} cơ quan cùng ban hành (văn bản liên tịch): "
                     + ", ".join(f"«{b}»" for b in org["cac_co_quan_ban_hanh"]) + " (co-quan.yaml, cac_co_quan_ban_hanh; "
                     "không có cơ quan cấp trên); website in các dòng đầu văn bản đúng như văn bản (dong_co_quan_ban_hanh): "
                     "kiểm tra")
    for key, what in (("co_quan_cap_tren", "cơ quan cấp trên"), ("co_quan_ban_hanh", "cơ quan ban hành"),
                      ("dia_danh", "địa danh trước ngày tháng"), ("quoc_hieu", "quốc hiệu"), ("tieu_ngu", "tiêu ngữ")):
        if not org[key] and not (joint_header and key in ("co_quan_cap_tren", "co_quan_ban_hanh")):
            check.append(f"không tìm thấy {what}: để trống (co-quan.yaml, {key})")
    check.extend(_header_rules(head))
    if org["cap"]:
        check.append(f"cấp của cơ quan ban hành đọc từ các dòng đầu văn bản: «{org['cap']}» (co-quan.yaml, cap; "
                     f"website viết «trên địa bàn toàn {org['cap']}», «Ban phối hợp của {org['cap']}» trong các câu "
                     "tự soạn): kiểm tra")
    if org["ten_day_du"]:
        check.append(f"tên cơ quan ban hành viết trong câu đọc từ các dòng đầu văn bản: «{org['ten_day_du']}» "
                     "(co-quan.yaml, ten_day_du; website ghi tên này ở lời ghi chú, thông tin tệp PDF): kiểm tra")
    else:
        what = " / ".join(f"«{b}»" for b in bodies)
        check.append((f"không đọc được tên cơ quan ban hành từ các dòng đầu văn bản {what}" if bodies else
                      "không tìm thấy tên cơ quan ban hành") + ": co-quan.yaml, ten_day_du để trống; ghi tên đầy đủ "
                     "như viết trong câu, ví dụ «Ban Thường trực Ủy ban MTTQ Việt Nam …»")
    if not can_cu:
        check.append("không tìm thấy đoạn «Căn cứ …»: để trống")
    if not opening and not opening_section:
        check.append("không tìm thấy đoạn mở đầu trước mục đầu tiên: để trống (mo_dau)")
    if not closing and not closing_kept:
        check.append("không tìm thấy đoạn kết «Trên đây là …»: để trống (ket_luan)")
    if not lines_recipients:
        check.append("không tìm thấy «Nơi nhận»: để trống (noi_nhan)")
    for key, what in (("quyen_han", "thẩm quyền ký (TM., KT. …)"), ("chuc_vu", "chức vụ người ký"),
                      ("nguoi_ky", "họ tên người ký")):
        if not signature[key]:
            check.append(f"không tìm thấy {what}: để trống (chu_ky.{key})")
    if heading is None and sections:
        check.append("không nhận ra các mục lớn (I., II., … hay 1., 2. viết hoa): phần thân được chép thành một mục "
                     "không số, không tiêu đề; chia lại thành các mục (so, tieu_de) như văn bản gốc")
    for s in sections:
        name = label(s, title=True)
        if id(s) in chapters:
            continue
        if s["loai"] == "khac":
            check.append(f"{name}: không đoán được loại mục từ tiêu đề (ghi loai: khac); sửa nếu cần")
        else:
            check.append(f"{name}: đoán là phần «{TAG_NAMES[s['loai']]}» (loai: {s['loai']}); kiểm tra")
    tags = {s["loai"] for s in sections}
    for tag, consequence in (("kinh_phi", "website sẽ không có trang kinh phí"),
                             ("to_chuc_thuc_hien", "website sẽ không có trang phân công"),
                             ("thoi_gian_dia_diem", "website sẽ không có trang lịch, tệp lịch")):
        if tag not in tags:
            check.append(f"không tìm thấy mục {TAG_NAMES[tag]}: {consequence}")
    for tag in ("kinh_phi", "to_chuc_thuc_hien", "thoi_gian_dia_diem", "cac_buoc"):
        if tag in tags:
            check.append(f"mục {TAG_NAMES[tag]} được chép nguyên văn: các trang tính từ mục này (phân công, kinh phí, "
                         "lịch, bộ công cụ) chỉ có khi mục được ghi dạng có cấu trúc (xem hướng dẫn biên tập)"
                         if tag == "kinh_phi" else f"mục {TAG_NAMES[tag]} được chép nguyên văn (chưa có trang tính từ mục này)")
    # No short name (ten_ngan of a step, of a content) is asked for: it is optional, and without one the site
    # names a step or a content by the plan's own words for it (review r19o #6).

    def dated(where: str, texts) -> None:
        for t in texts:
            for deadline in dict.fromkeys(_DEADLINE.findall(t)):
                check.append(f"{where} ghi hạn «{deadline}»: kiểm tra")
            for date in dict.fromkeys(_DATE.findall(t)):
                if date not in _DEADLINE.findall(t):
                    check.append(f"{where} ghi thời gian «{date}»: kiểm tra")
            check.extend(f"{where} ghi thời gian «{date}»: kiểm tra" for date in range_starts(t))

    for s in sections:
        check.extend(money_lines(s, label(s)))
    for s in sections:
        dated(label(s), _texts(s["doan"]))
    # The opening's and the closing's amounts, deadlines and dates too, listed as a section's are (review r19h: a
    # date written in words in mo_dau was not listed).
    for where, lns in (("đoạn mở đầu (mo_dau)", opening), ("đoạn kết (ket_luan)", closing)):
        texts = list(dict.fromkeys(nfc(x.full if isinstance(x, Line) else x.text)
                                   for x in lns if isinstance(x, (Line, Para))))
        check.extend(money_lines({"so": "", "tieu_de": "", "doan": texts}, where))
        dated(where, texts)
    for b in org["ban"]:
        check.append(f"ban «{b['ten']}» (co-quan.yaml) có mã tạm «{b['ma']}»: kiểm tra")
    if org["ban"]:
        check.append("cách kế hoạch gọi chung các ban được giao việc: để trống (co-quan.yaml, ten_goi_cac_ban); nếu kế "
                     "hoạch gọi chung («Đề nghị các … báo cáo»), ghi phần sau chữ «các», như kế hoạch viết")
    headed: list[str] = []  # bodies an item of the organisation section is headed by («2. UBND các huyện, thành phố»)
    if org_section is not None:
        # Who reports to whom by when, as the section's words write it; a sender only where they name one (r19o #8)
        texts_under = section_texts(org_section["doan"], plain)
        check.extend(report_lines(label(org_section), texts_under))
        headed = list(dict.fromkeys(t for _, t in texts_under if t))
    if org_section is not None and not org["ban"] and headed:
        # the items do name who works, bodies that are no department of the issuer (review r19s defect 9)
        check.append("mục tổ chức thực hiện giao việc cho " + ", ".join(f"«{h}»" for h in headed) + " (đầu các ý), "
                     "không ai là ban của cơ quan ban hành: co-quan.yaml để trống danh sách ban; nếu có ban của cơ "
                     "quan ban hành, thêm vào (ma, ten) khi ghi mục dạng có cấu trúc")
    elif org_section is not None and not org["ban"]:
        check.append("mục tổ chức thực hiện không nêu ban nào ở đầu một ý: co-quan.yaml để trống danh sách ban")
    for u in [u for u in units if not u["cap"]]:
        check.append(f"«{u['ten']}» trong bảng có thể là một đơn vị nhưng không rõ cấp (xã, thôn…): chưa ghi vào "
                     "don-vi.yaml; nếu đúng, chỉ thêm khi các mục được ghi dạng có cấu trúc (xem hướng dẫn biên tập)")
    units = [u for u in units if u["cap"]]
    if units:
        # Not written as units: names read from running text may be a place mentioned, not the plan's list, and a
        # unit needs its code, which no document writes; a listed unit gets its page at once (no assignment or
        # structured section needed), so a wrong guess would publish a page (review r19s: said, not written).
        where = f"mục {org_section['so']}" if org_section is not None and org_section["so"] else "mục tổ chức thực hiện"
        check.append(f"{where} nêu {len(units)} đơn vị: " + ", ".join(f"«{u['ten_chinh_thuc']}»" for u in units)
                     + ". Chưa ghi vào don-vi.yaml (để trống, don_vi: []): văn bản không ghi mã đơn vị và tên đọc từ "
                     "câu văn có thể chỉ là nơi được nhắc đến. Nếu đúng là các đơn vị thực hiện, thêm "
                     "từng đơn vị vào don-vi.yaml (ma: mã Tổng cục Thống kê, cap, ten, ten_chinh_thuc; xem hướng dẫn "
                     "biên tập): website tạo trang cho mỗi đơn vị, không cần phân công; "
                     "nếu không, chỉ cần xoá dòng này")
    if org_section is not None and not units:
        check.append("mục tổ chức thực hiện không nêu tên đơn vị nào (xã, thôn, huyện …): don-vi.yaml để trống")
    if not units:
        # Names that may be units elsewhere (a section whose title names no part of a plan): said where.
        for s in sections:
            if s is org_section:
                continue
            texts, tables = [], []
            walk(s["doan"], texts, tables)
            found = [u for u in find_units(texts, tables, org["cap"]) if u["cap"]]
            named = [u["ten_chinh_thuc"] for u in found]
            levels = {u["cap"].lower() for u in found}
            if named:
                where = label(s, title=True)
                check.append(f"{where} nêu tên có thể là đơn vị: " + ", ".join(f"«{n}»" for n in named[:12])
                             + (f" và {len(named) - 12} tên khác" if len(named) > 12 else "")
                             + ": chưa ghi vào don-vi.yaml (văn bản không ghi mã đơn vị); nếu đúng là các đơn vị "
                             "thực hiện, thêm từng đơn vị (ma, cap, ten, ten_chinh_thuc; xem hướng dẫn biên tập). Khi "
                             "giao đơn vị cho một người (phan_cong › don_vi), nhiệm vụ phải nêu tên từng đơn vị, hoặc "
                             "gọi chung như văn bản viết («các " + (levels.pop() if len(levels) == 1 and len(found) > 1 else "…")
                             + "») khi giao tất cả các đơn vị cấp đó")
    if facts.get("images"):
        check.append(f"tệp có {facts['images']} hình ảnh: website không chép hình ảnh")
    check.extend(facts.get("reader_notes", []))  # footnotes, text boxes, page headers (the reader says how read)
    if facts.get("symbol_bullets"):
        check.append("dấu đầu dòng Word vẽ bằng phông Symbol/Wingdings được ghi bằng ký tự nó hiện ra («•», «▪»…)")
    check.extend(facts.get("numbering_notes", []))
    if facts.get("nested_tables"):
        check.append(f"tệp có {facts['nested_tables']} bảng nằm trong một ô của bảng khác: website không có bảng "
                     "lồng nhau, các dòng của bảng trong được chép liền vào ô ngoài; kiểm tra ô đó")
    for where, n in layout_merged.items():
        if n:  # the header's or the signature's table: its lines are read, no table is written (review r19p)
            check.append(f"bảng trình bày {where} (bảng không kẻ của {'cơ quan, số, quốc hiệu, ngày' if where == 'đầu văn bản' else 'nơi nhận và chữ ký'}) "
                         "có ô gộp: đã đọc chữ của các ô thành các dòng của phần đó; kiểm tra các dòng đó")
    body_merged = (facts.get("merged_tables") or 0) - sum(layout_merged.values())
    if body_merged > 0:
        check.append(f"tệp có {body_merged} bảng có ô gộp (một ô trải qua nhiều dòng hay nhiều cột): "
                     "website gộp ô như tệp (o_gop của bảng): chữ của ô gộp ghi một lần, ở ô đầu; kiểm tra")
    if facts.get("tracked_changes"):
        check.append("tệp còn sửa đổi được theo dõi (Track Changes): đã nhận mọi sửa đổi (giữ phần thêm và phần "
                     "chuyển đến, bỏ phần xoá và chỗ cũ của phần chuyển đi); đối chiếu với bản đã duyệt")
    for fmt in facts.get("unknown_formats", []):
        check.append(f"kiểu đánh số tự động «{fmt}» của Word chưa đọc được: đã ghi bằng chữ số; kiểm tra")

    # The opening's paragraphs, joined (listed above), with their bold and italic pieces.
    opening_runs: list[Run] = []
    for ln in opening:
        if opening_runs:
            opening_runs.append(Run(" "))
        if ln.marker:
            opening_runs.append(Run(ln.marker + " "))
        opening_runs += ln.runs
    plan = {"van_ban": doc, "can_cu": can_cu, "mo_dau": rich(opening_runs), "muc": sections,
            "ket_luan": " ".join(nfc(x.text).strip() for x in closing),
            "noi_nhan": {"dong": lines_recipients}, "chu_ky": signature}
    if others:
        plan["chu_ky_khac"] = others
        if recipients_after:
            plan["noi_nhan_sau_chu_ky"] = True
        check.append(f"{len(others) + 1} phần ký {'cạnh nhau' if joint is not None else 'nối tiếp nhau'} ở cuối văn bản: "
                     "phần ký thứ nhất ghi ở chu_ky, các phần "
                     "còn lại ở chu_ky_khac theo thứ tự văn bản" + ("; «Nơi nhận» ghi dưới hàng chữ ký"
                                                                   " (noi_nhan_sau_chu_ky)" if recipients_after else "")
                     + ": kiểm tra")
    if appendix:
        plan["phu_luc"] = nest(appendix)
        tables = sum(isinstance(x, Table) for x in appendix)
        first = next((nfc(c).strip() for x in appendix for c in ([c for r in x.rows for c in r] if isinstance(x, Table)
                                                                   else [x.full]) if nfc(c).strip()), "")
        check.append(f"phần sau chữ ký (phụ lục?) có {tables} bảng, {len(appendix) - tables} đoạn, bắt đầu "
                     f"«{excerpt(first, 80)}»: đã chép vào phu_luc, website in sau phần ký; kiểm tra")
        recognised.append(f"phần sau chữ ký: {tables} bảng, {len(appendix) - tables} đoạn")
        # Its amounts and dates, as the sections' (review r19g D5: a Phụ lục's estimate was not listed).
        check.extend(money_lines({"so": "", "tieu_de": "", "doan": plan["phu_luc"]}, "phần sau chữ ký (phu_luc)"))
        for t in dict.fromkeys(_texts(plan["phu_luc"])):
            for date in dict.fromkeys(_DATE.findall(t)):
                check.append(f"phần sau chữ ký (phu_luc) ghi thời gian «{date}»: kiểm tra")
    if org["quoc_hieu"]:
        recognised.append("quốc hiệu, tiêu ngữ" if org["tieu_ngu"] else "quốc hiệu")
    if bodies:
        recognised.append("cơ quan: " + " / ".join(bodies))
    if doc["so"] or doc["ky_hieu"]:
        recognised.append(f"số, ký hiệu: {doc['so'] or '(trống)'}/{doc['ky_hieu'] or '(trống)'}"
                          + (f" (dòng «{doc['dong_so']}»)" if doc.get("dong_so") else ""))
    if org["dia_danh"]:
        recognised.append(f"địa danh, ngày: {org['dia_danh']}, {doc['ngay_ban_hanh'] or '(chưa ghi ngày)'}")
    if doc["loai"]:
        recognised.append(f"loại văn bản: {doc['loai']}; trích yếu: {doc['trich_yeu'] or '(trống)'}")
    recognised.append(f"{len(can_cu)} căn cứ, {len(opening)} đoạn mở đầu, {len(sections)} mục")
    for s in sections:
        so = s["so"] or "(không số)"
        recognised.append(f"  mục {so if so.endswith(('.', ')', ':')) else so + '.'} {s['tieu_de']} — {TAG_NAMES[s['loai']]}, "
                          f"{_count(s['doan'])} đoạn")
    recognised.append(f"đoạn kết: {'có' if closing else 'không'}; nơi nhận: {len(lines_recipients)} dòng; "
                      f"người ký: {signature['nguoi_ky'] or '(trống)'}")
    if others:
        # Several bodies sign only a joint document (a «—» between bodies in its header, a «… liên tịch», a «… phối
        # hợp», or two «TM.» lines); a chủ trì and a thư ký of one meeting are two signers of one body (review r19h).
        several = (joint_header or any(w in fold(doc["loai"]) for w in ("lien tich", "phoi hop"))
                   or sum(bool(re.match(r"TM\.", x["quyen_han"])) for x in [signature, *others]) >= 2)
        recognised.append(f"{len(others) + 1} phần ký cạnh nhau"
                          + (" (văn bản nhiều cơ quan cùng ký)" if several else "") + ", người ký khác: "
                          + ", ".join(o["nguoi_ky"] or "(trống)" for o in others))
    if org["ban"]:
        recognised.append("các ban: " + ", ".join(b["ten"] for b in org["ban"]))
    if units:
        recognised.append("các đơn vị (chưa ghi vào don-vi.yaml): "
                          + ", ".join(u["ten_chinh_thuc"] for u in units))
    units_file = {"tinh": "", "don_vi": []}
    return Result(plan, org, units_file, recognised, check)


def _header_rules(head: list) -> list[str]:
    """The checklist's one line for the rules typed under the header's columns («-------» under the issuing body,
    «---------------» under the motto): the rule Nghị định 30/2020 draws there, which the site draws itself, so
    they are not printed as text (review r19s defect 5: dropped without a word). A line with «*» is another
    mark (the Party's, the Đoàn's and the Hội's), said where it is read."""
    rules = list(dict.fromkeys(t for x in head if isinstance(x, Para)
                               for t in [nfc(x.text).strip()] if t and _RULE.match(t) and "*" not in t))
    if not rules:
        return []
    return [("dòng kẻ " + ", ".join(f"«{t}»" for t in rules) + " ở đầu văn bản được đọc là đường kẻ "
             "Nghị định 30/2020 kẻ dưới tên cơ quan ban hành và dưới tiêu ngữ: website tự kẻ đường này, không in "
             "các dấu đó thành chữ; kiểm tra")]


def not_a_plan(plan: dict, org: dict) -> str:
    """Why a parsed file is not a plan, "" when it is one (review r19s defect 1: a news article was imported).
    A document as Nghị định 30/2020 lays it out has a header (the number line, the national name and motto, the
    place and date), a kind line («KẾ HOẠCH»), a body in numbered parts and a signature with «Nơi nhận»: any one of
    them read is enough (an unsigned draft, a body without its header, each listed), two numbered sections are one
    (a single «I.»/«V.» may open an ordinary line: «V.I. Lênin …»). A file with none of them is refused."""
    doc, signature = plan["van_ban"], plan["chu_ky"]
    header = (doc["loai"] or doc["so"] or doc["ky_hieu"] or doc.get("dong_so") or doc.get("dong_dia_danh_ngay")
              or org["quoc_hieu"] or org["tieu_ngu"])
    signed = (any(signature.get(k) for k in ("quyen_han", "chuc_vu", "nguoi_ky")) or plan["noi_nhan"]["dong"]
              or plan.get("chu_ky_khac"))
    numbered = sum(1 for s in plan["muc"] if s["so"]) >= 2
    if header or signed or numbered:
        return ""
    kinds = ", ".join(f"«{k}»" for k in KINDS[:3])
    return ("tệp không phải một kế hoạch hay văn bản hành chính: không tìm thấy phần nào Nghị định 30/2020 quy định "
            f"cho một văn bản: dòng tên loại văn bản ({kinds}, …), phần đầu văn bản (tên cơ quan, dòng «Số: …/…», "
            "quốc hiệu, dòng địa danh và ngày), các mục đánh số (I., II., … hay 1., 2., …), phần ký («TM. …», chức "
            "vụ, họ tên người ký) hay «Nơi nhận». Có lẽ đây là một bài viết, bản tin hay đoạn trích. Nếu đúng là kế "
            "hoạch, hãy nhập tệp Word gốc của văn bản (đủ phần đầu, tên loại, các mục và phần ký); nếu tệp chỉ chép "
            "phần thân, thêm dòng tên loại («KẾ HOẠCH») và dòng trích yếu ở đầu tệp rồi nhập lại.")


def _tag_at(title: str) -> int:
    """Where in the title (folded) the words giving its tag begin; -1 when none do."""
    folded = fold(title)
    return min((folded.find(words) for words, _ in TAGS if words in folded), default=-1)


def tag_of(title: str) -> str:
    """The tag of the first words of the title that name one («NỘI DUNG, THỜI GIAN» -> noi_dung)."""
    folded = fold(title)
    found = [(folded.find(words), i, tag) for i, (words, tag) in enumerate(TAGS) if words in folded]
    return min(found)[2] if found else "khac"


# Deepest list level a section keeps (the data files nest at most limits-deep, see yamlsrc.MAX_DEPTH);
# items deeper in the Word file are written at this level, with a checklist line.
MAX_LIST_LEVELS = 6


_NUMBER_CELL = re.compile(r"^[\d.,\s]+(?:đ|đồng|VNĐ)?$")


def _names_columns(rows: list[list[str]]) -> int:
    """1 when a table's first row, neither bold nor marked as a heading row in the file, names its columns:
    all words, no figure («TT | Thôn | Mức hỗ trợ (đồng)»), over a column whose every other cell is a figure
    («1», «2.000.000»). Otherwise 0."""
    if len(rows) < 3 or not any(rows[0]) or any(re.search(r"\d", c) for c in rows[0]):
        return 0
    for col, head in enumerate(rows[0]):
        body = [r[col].strip() for r in rows[1:] if col < len(r) and r[col].strip()]
        if head.strip() and len(body) >= 2 and all(_NUMBER_CELL.match(c) for c in body):
            return 1
    return 0


# A table's or a figure's caption («Bảng 1. …», «Biểu đồ 1.», «Hình 2: …»): it stands at the text's left edge.
_CAPTION = re.compile(r"^(?:Bảng|Biểu đồ|Biểu|Hình|Sơ đồ|Phụ biểu)\s+(?:số\s+)?\d{1,3}(?:\s*[.:]|\s+[-–—]\s)",
                      re.IGNORECASE)


def _bold_heading(ln: Line) -> bool:
    """A short line all in bold with no sentence end («Nội dung hội nghị», «Thành phần:»): a heading line."""
    t = ln.text.rstrip()
    return (bool(t) and len(t) <= 120 and all(r.bold for r in ln.runs if r.text.strip())
            and not t.endswith((".", ";", ",", "!", "?", "…")) and t[:1] not in "“\"«'")


def table_block(t: Table) -> dict:
    """A table as the plan's data writes it: each merged cell's text once, in its first cell, and the merge in
    o_gop (1-based row and column, rows and columns spanned), so the page spans it as the file does (review
    r19j B1: merged header cells and a unit spanning two rows were printed twice)."""
    rows = [[nfc(c) for c in r] for r in t.rows]
    block = {"bang": [[nfc(c) for c in r] for r in t.written_rows()],
             "dong_tieu_de": t.header_rows or _names_columns(rows)}
    if t.header_rows == 0 and block["dong_tieu_de"] and t.spans:
        t.header_rows = block["dong_tieu_de"]  # the header row found by its words: merges cut at it too
        block["bang"] = [[nfc(c) for c in r] for r in t.written_rows()]
    merges = t.header_spans()
    if merges:
        block["o_gop"] = [{"dong": r + 1, "cot": c + 1, "so_dong": nr, "so_cot": nc} for r, c, nr, nc in merges]
    return {**block, **_bold_rows(t)}


def _list_shape(s: str) -> bool:
    """An item of a list («- …», «+ …», «a) …», «i) …»), never a numbered part («1.», «I.», «A.»)."""
    return s.startswith(("mark", "letter", "lroman"))


_SENTENCE_END = re.compile(r"[.;!?…][\s”\"»’')\]]*$")


def _indented_under(para: Para | None, item_start: int | None) -> bool:
    """The file sets the paragraph under the item: its left indent is right of where the item's first line (its
    marker) starts. A first-line indent alone sets nothing under anything (every body paragraph may have one)."""
    return para is not None and para.indent >= 0 and item_start is not None and para.indent > item_start


def nest(lines: list, flattened: list | None = None, tail: bool = False, lifted: list | None = None) -> list:
    """A section's lines as nested blocks: a marker of a new shape opens a level under the
    open item; one of an open shape closes what is under it; a plain paragraph or a table
    goes under the innermost open item; a note («* Ghi chú:») closes every level.

    `tail`: a plain paragraph after the section's last item or table (a vote, the closing «Hội nghị kết thúc …»,
    «Tổ giám sát tự giải thể …» ending an article) goes under an open item only when the file indents it under
    that item, or when the item is a title with nothing under it yet (no sentence end, or «…:»); else it follows
    the list at the section's level (review r19h, r19j). Each paragraph taken out of items so is added to `lifted`
    as (the outermost item's marker, the paragraph's text, how many paragraphs follow it to the section's end)."""
    top: list = []
    stack: list[tuple[str, dict]] = []
    word_indent: dict[int, int] = {}  # id(item) -> left indent of a Word-numbered item (its list level's)
    typed_indent: dict[int, int] = {}  # id(item) -> left indent of an item whose marker is typed in the text
    aliases: dict[int, set[str]] = {}  # id(item) -> the shapes its level stands for («•» and «–» siblings)
    starts: dict[int, int] = {}  # id(item) -> where its first line (its marker) starts, twips, when the file says
    last_mark = max((k for k, ln in enumerate(lines) if isinstance(ln, Table) or ln.marker
                     or (ln.para is not None and ln.para.outline >= 0)), default=len(lines)) if tail else len(lines)
    tail_owners: set[int] | None = None  # the open items the paragraphs after the last item may belong to

    def here() -> list:
        return stack[-1][1].setdefault("doan", []) if stack else top

    def close_list(at: int | None = None) -> None:
        """A heading, a caption, an outer numbered item or a table closes the «- …» / «a) …» list open above it
        (review r19h: a section heading, «1.», «Bảng 1 …» and its tables were nested under the list's last item).
        `at`: the caption's or table's left indent (twips) when the file sets one: it stays under an item it is set
        right of."""
        while stack and _list_shape(stack[-1][0]) and not (
                at is not None and at >= 0 and starts.get(id(stack[-1][1])) is not None
                and at > starts[id(stack[-1][1])]):
            stack.pop()

    for k, ln in enumerate(lines):
        if isinstance(ln, Table):
            # A table closes a list, unless the item above introduces it («… như sau:»).
            if stack and _list_shape(stack[-1][0]):
                item = stack[-1][1]
                last = item.get("doan", [item["van_ban"]])[-1]
                if not (isinstance(last, (str, list)) and plain(last).rstrip().endswith(":")):
                    close_list(ln.indent)
            here().append(table_block(ln))
            continue
        outline = ln.para.outline if ln.para is not None else -1
        if outline >= 0:
            # A sub-heading (Word's «Heading 2», …): it closes every open list, and what follows goes under it
            # until the next heading of its level or above.
            while stack and not (stack[-1][0].startswith("outline:") and int(stack[-1][0][8:]) < outline):
                stack.pop()
            item = {"ky_hieu": ln.marker, "van_ban": rich(ln.runs)}
            here().append(item)
            stack.append((f"outline:{outline}", item))
            continue
        note = _NOTE.match(ln.text) if not ln.marker else None
        if note:
            stack.clear()
            top.append({"ghi_chu": rich(_head(ln.runs, len(note.group(1)))), "van_ban": rich(_cut(ln.runs, note.end()))})
            continue
        if not ln.marker:
            indent = ln.para.indent if ln.para is not None else -1
            if (_upper_text(ln.text) and len(ln.text.split()) >= 2 and len(ln.text) <= 200
                    and not ln.text.rstrip().endswith(("!", ";", ",")) and ln.text[:1] not in "“\"«'"):
                stack.clear()  # a heading in capitals («NỘI DUNG HỘI NGHỊ»): under no item; never a slogan («… !»)
            elif _CAPTION.match(ln.text):
                close_list(indent)
            elif _bold_heading(ln) and stack and _list_shape(stack[-1][0]):
                # A heading line in bold type («Nội dung hội nghị»): it closes the list, unless the item announces
                # it («- Khẩu hiệu:» and the slogan in bold under it).
                item = stack[-1][1]
                last = item.get("doan", [item["van_ban"]])[-1]
                if not (isinstance(last, (str, list)) and plain(last).rstrip().endswith(":")):
                    close_list(indent)
            # A plain paragraph set left of a Word-numbered item (its indent less than the item's list level
            # gives) no longer belongs to that item: it follows the list (review r19f B3).
            while indent >= 0 and stack and indent < word_indent.get(id(stack[-1][1]), -1):
                stack.pop()
            if k > last_mark and stack:
                if tail_owners is None:
                    tail_owners = {id(item) for shape_, item in stack if shape_.startswith("outline:") or (
                        not item.get("doan") and not _SENTENCE_END.search(plain(item["van_ban"])))}
                left = None
                while stack and id(stack[-1][1]) not in tail_owners and not _indented_under(
                        ln.para, starts.get(id(stack[-1][1]))):
                    left = stack.pop()[1]
                if left is not None and lifted is not None:
                    lifted.append((left["ky_hieu"], nfc(ln.text).strip(), len(lines) - k - 1))
            here().append(rich(ln.runs))
            continue
        s = shape(ln.marker)
        indent = ln.para.indent if ln.para is not None else -1
        if s.startswith("dec0") and not any(sh == s for sh, _ in stack):
            if not ln.from_word:
                close_list()  # «1.» typed after a «- …» list: the outer level again, never an item of the list
            else:
                # Word's «1.» after a «- …» list: the outer level too, unless the file sets its number right of
                # where the list item's marker starts (a numbered list inside that item, «List Number 2»).
                at = indent + ln.para.first_line if indent >= 0 else None
                while stack and _list_shape(stack[-1][0]) and not (
                        at is not None and starts.get(id(stack[-1][1])) is not None and at > starts[id(stack[-1][1])]):
                    stack.pop()
        if (stack and not ln.from_word and indent >= 0 and s != "mark+" and len(ln.marker) == 1 and _DASH.match(ln.marker + " x")
                and s not in aliases.get(id(stack[-1][1]), {stack[-1][0]})
                and all(a.startswith("mark") and a != "mark+" for a in aliases.get(id(stack[-1][1]), {stack[-1][0]}))
                and typed_indent.get(id(stack[-1][1])) == indent):
            # A typed bullet of another sign («–» after «•») at the same indent as the typed bullet open above it:
            # its sibling, never nested under it (review r19g D4). «+» stays the level under «-».
            shapes = {*aliases.get(id(stack[-1][1]), {stack[-1][0]}), s}
            stack.pop()
        else:
            shapes = {s}
        if any(s in aliases.get(id(item), {sh}) for sh, item in stack):
            while s not in aliases.get(id(stack[-1][1]), {stack[-1][0]}):
                stack.pop()
            stack.pop()
        item = {"ky_hieu": ln.marker, "van_ban": rich(ln.runs)}
        aliases[id(item)] = shapes
        if not ln.from_word and indent >= 0:
            typed_indent[id(item)] = indent
        if indent >= 0:
            starts[id(item)] = indent + ln.para.first_line
        if len(stack) >= MAX_LIST_LEVELS:  # deeper than the site keeps: beside the deepest level kept
            (stack[-2][1]["doan"] if len(stack) >= 2 else top).append(item)
            if flattened is not None:
                flattened.append(ln.marker)
            continue
        here().append(item)
        stack.append((s, item))
        if ln.from_word and ln.para is not None and ln.para.indent >= 0:
            word_indent[id(item)] = ln.para.indent
    return top


# A column of amounts: its header names money («Số tiền (đồng)», «Kinh phí (đồng)», «Thành tiền», «VNĐ»).
_MONEY_HEADER = re.compile(r"(?<!hội )(?<!cộng )\bđồng\b|\bvn[dđ]\b|\btiền\b|\bkinh phí\b", re.IGNORECASE)
_AMOUNT_CELL = re.compile(r"^\d{1,3}(?:[.,]\d{3})*$|^\d+$")


def _bold_rows(table: Table) -> dict:
    """The table's rows bold throughout in the file (a group row, «Tổng cộng»), so they print bold: {} when none."""
    return {"dong_in_dam": [n + 1 for n in table.bold_rows]} if table.bold_rows else {}


def _tables(blocks: list) -> list[dict]:
    out = []
    for b in blocks:
        if isinstance(b, dict):
            out += [b] if "bang" in b else _tables(b.get("doan", []))
    return out


def money_lines(section: dict, where: str = "") -> list[str]:
    """The checklist's lines for the amounts a section writes, each once, as written: with «đồng» in a
    text or a cell («2.000.000 đồng»), or a bare figure in a table column whose header names money
    («9.000.000» under «Số tiền (đồng)») or in a row whose header does («7.500.000» in the row «Kinh phí
    hỗ trợ (đồng)»). Nothing is summed or converted."""
    where = where or (f"mục {section['so']}" if section["so"] else f"mục «{section['tieu_de']}»")
    lines = []
    texts, cells = [], []
    walk(section["doan"], texts, cells)
    for t in dict.fromkeys(texts):
        for money in _MONEY.findall(t):
            lines.append(f"{where} ghi số tiền «{money}»: kiểm tra; website không tự tính từ đoạn chép nguyên văn")
    at_text = len(lines)
    for table in _tables(section["doan"]):
        rows = table["bang"]
        head = rows[:max(1, table.get("dong_tieu_de") or 0)]
        headers = [" ".join(r[col].strip() for r in head if col < len(r) and r[col].strip())
                   for col in range(max(map(len, rows), default=0))]
        listed = set()
        for col, header in enumerate(headers):
            if not _MONEY_HEADER.search(header):
                continue
            for n, r in enumerate(rows[len(head):], len(head)):
                cell = r[col].strip() if col < len(r) else ""
                if _AMOUNT_CELL.match(cell):
                    listed.add((n, col))
                    label = next((c.strip() for c in r if c.strip() and not re.fullmatch(r"[\d.,\s]*", c)), "")
                    lines.append(f"{where} ghi số tiền «{cell}» (bảng, cột «{header}»"
                                 + (f", dòng «{label}»" if label else "") + "): kiểm tra; website không tự tính "
                                 "từ bảng chép nguyên văn")
        for n, r in enumerate(rows):  # a row whose header (its first cell in words) names money
            at = next((i for i, c in enumerate(r) if c.strip() and not re.fullmatch(r"[\d.,\s]*", c)), None)
            if at is None or not _MONEY_HEADER.search(r[at].strip()):
                continue
            for col in range(at + 1, len(r)):
                cell = r[col].strip()
                # in a header row a bare figure of four digits or fewer heads a column (a year, a count), not money
                if (n, col) not in listed and _AMOUNT_CELL.match(cell) and (
                        n >= len(head) or re.search(r"[.,]|\d{5}", cell)):
                    column = headers[col] if n >= len(head) else ""
                    lines.append(f"{where} ghi số tiền «{cell}» (bảng, dòng «{r[at].strip()}»"
                                 + (f", cột «{column}»" if column else "") + "): kiểm tra; website không tự tính "
                                 "từ bảng chép nguyên văn")
    # an amount in a cell's words («06 đội x 5.000.000đ»), unless a table line above already quotes that cell
    # (review r19s defect 10: listed twice, once as a paragraph's)
    quoted = lines[at_text:]
    for cell in dict.fromkeys(c.strip() for t in cells for r in t for c in r):
        if any(f"«{cell}»" in line for line in quoted):
            continue
        for money in _MONEY.findall(cell):
            lines.append(f"{where} ghi số tiền «{money}»: kiểm tra; website không tự tính từ đoạn chép nguyên văn")
    return list(dict.fromkeys(lines))


def walk(blocks: list, texts: list[str], tables: list[list[list[str]]]) -> None:
    for b in blocks:
        if isinstance(b, (str, list)):
            texts.append(plain(b))
        elif "bang" in b:
            tables.append(b["bang"])
        else:
            texts.append(plain(b.get("van_ban", "")))
            walk(b.get("doan", []), texts, tables)


def _texts(blocks: list) -> list[str]:
    texts, tables = [], []
    walk(blocks, texts, tables)
    return texts + [c for t in tables for r in t for c in r]


def _count(blocks: list) -> int:
    n = 0
    for b in blocks:
        n += 1
        if isinstance(b, dict):
            n += _count(b.get("doan", []))
    return n


# The level words a unit of a plan is named by: LEVELS (a header's too), and the residential areas of a ward or
# commune since the merger of provinces (review r19o: «Khu phố Vĩnh Xuân» was never read). Longest first.
UNIT_LEVELS = tuple(sorted(set(LEVELS) | {"khu phố", "khóm", "xóm", "sóc", "plei", "bon"}, key=len, reverse=True))

# A level's place in the order of bodies (smaller: higher). A place of a higher level than the issuing body's is a
# body it reports to, never one of its units (review r19o: «thành phố Huế», the recipient, offered as a ward's
# unit); one of its own level may be (a biên bản's «xã Hòa Sơn»). «thành phố» is a province's or a district's:
# ranked as a district.
_RANK = {"tỉnh": 1, "thành phố": 2, "huyện": 2, "quận": 2, "thị xã": 2, "xã": 3, "phường": 3, "thị trấn": 3,
         "đặc khu": 3}

_LEVEL_RE = re.compile(r"(?<![\w])(?:các\s+)?(" + "|".join(UNIT_LEVELS) + r")(?:\s*:)?\s+", re.IGNORECASE)

# A person's name after a body's level word: «Đồng chí Phó Chủ tịch Ủy ban MTTQ Việt Nam phường Lê Văn Hòa phụ
# trách …» (review r19o: «phường Lê Văn Hòa» was offered as a unit). The words from «Đồng chí» (never «Bà»: Bà Rịa) to the
# level word are a title and a body only: capitalised, or these small words; a verb between («… phụ trách thôn 3»)
# and the place after it is a place.
_PERSON = re.compile(r"(?:^|[\s(])(?:Đồng chí|đồng chí|Đ/c|đ/c)\s+([^,;:.()]*)$")
_TITLE_WORDS = {"chu", "tich", "ban", "vien", "truc", "thuong", "nhan", "dan", "tran", "to", "quoc", "uy", "hoi",
                "dong", "truong", "pho", "thu", "bi", "viet", "nam", "mat", "dang", "doan", "bo", "phan", "cong", "tac",
                "van", "phong", "chanh", "ve", "sinh", "thanh", "nien", "nu", "cuu", "chien", "binh", "nong", "lien",
                "lao", "dong", "giao", "tuyen", "kiem", "tra", "dai", "bieu", "hanh", "chinh"}


def _person_after(text: str, start: int) -> bool:
    """The level word at start is part of a person's title («Đồng chí Phó Chủ tịch UBND xã …»): the name after
    it is the person's."""
    m = _PERSON.search(text[:start])
    return bool(m) and all(w[0].isupper() or fold(w) in _TITLE_WORDS for w in m.group(1).split())


# A unit named by its number: «Tổ dân phố số 7», «thôn 3,» (never a date «15/11», an amount «3.000.000»,
# a count «mỗi thôn 02 hội nghị»: a bare number names a unit only before a stop, a comma or «và»).
_NUMBER_NAME = re.compile(r"(số\s+\d{1,3}[A-Z]?(?![\w/]|[.,]\d)|\d{1,3}[A-Z]?(?=\s*(?:$|[,;:)]|\.(?!\d)|và\s)))(\s*)")


# Capitalised words that open an address, a contact or a body after a place's name, never a further place of a list.
_NOT_LISTED = {"Số", "Đường", "Phố", "Ngõ", "Hẻm", "Kiệt", "Điện", "ĐT", "Fax", "Email", "Website", "Trường", "Trạm",
               "Bệnh", "Nhà", "Hội", "Công", "Ủy", "Uỷ", "UBND", "Ban", "Đảng", "Đoàn", "Chi", "Tổ", "Trung", "Địa",
               "Thời"}


# The number of a unit in a list of numbered units of its level, whatever word follows it.
_LIST_NUMBER = re.compile(r"(?:số\s+)?\d{1,3}[A-Z]?(?![\w/]|[.,]\d)")


# A further number of a list of numbered units («thôn số 5, số 7 và số 9»): one that ends there.
_LISTED_NUMBER = re.compile(r"(?:số\s+)?\d{1,3}[A-Z]?(?=\s*(?:$|[,;:)]|\.(?!\d)|và\s))")


def _names_at(text: str, pos: int) -> tuple[list[str], int]:
    """Capitalised place names from pos: «Đăk Pxi, Đăk Mar và Ngọk Réo» -> three names; a number as a name:
    «số 7», «số 5 và số 9»."""
    names = []
    while True:
        words = []
        m = re.compile(r"([^\s,;:.()“”\"]+)(\s*)").match
        p = pos
        while (w := m(text, p)) and (w.group(1)[0].isupper() or (words and w.group(1).isdigit())) \
                and w.group(1) not in _NOT_NAME:
            words.append(w.group(1))
            p = w.end()
            if not w.group(2):
                break
        if not words and (num := _NUMBER_NAME.match(text, pos)):
            words, p = [num.group(1)], num.end()
        if not words:
            break
        names.append(" ".join(words))
        pos = p
        sep = re.compile(r"\s*(,|và|;)\s*").match(text, p - (1 if text[p - 1:p] == " " else 0))
        # A number after a place's name starts no unit of that level: «phường Ngô Mây, số 12 đường …» is an address
        # (review r19h); only a list of numbers goes on («thôn số 5 và số 9»).
        # Nor does a house number after a numbered unit: «thôn 3, số 12 đường Lê Lợi». After a comma a number of
        # the list ends where an item ends (a stop, a comma, «và», the end); after «và» it is the list's last.
        numbers = bool(_NUMBER_NAME.fullmatch(names[-1]))
        if not sep or not ((text[sep.end():sep.end() + 1] or "x")[0].isupper()
                           or (numbers and (_NUMBER_NAME if sep.group(1) == "và" else _LISTED_NUMBER).match(text, sep.end()))):
            break
        # A capitalised phrase after the comma that names no place («…, Số 12 Trần Phú», «…, Điện thoại …»,
        # «…, Trường Tiểu học …»): the list of names ends there.
        if (first := re.match(r"[^\s,;:.()“”\"]+", text[sep.end():])) and first[0] in _NOT_LISTED:
            break
        # «Khu phố Vĩnh Xuân, Khu phố Vĩnh Hưng»: the next item carries its own level word; read from there by the
        # level scan (review r19o: «Khu» was read as a name and the unit after it lost).
        if _LEVEL_RE.match(text, sep.end()):
            break
        pos = sep.end()
    return names, pos


def _scan(text: str, found: dict) -> None:
    """Units named in a text: a level word, then names. A level word inside a name already read («Thôn Buôn
    Kroa», «Tổ dân phố Làng Tri») is part of that name, never the start of another unit."""
    read_to, last = 0, None  # last: the level word and end of the numbered unit read just before
    for m in _LEVEL_RE.finditer(text):
        if m.start() < read_to or (m.start() > 0 and text[m.start() - 1].isalpha()):
            continue
        if fold(m.group(1)) == "xa" and fold(text[:m.start()]).endswith("hop tac "):
            continue  # «Hợp tác xã Ia Phú» is a cooperative, no commune (review r19n)
        if fold(m.group(1)) == "thon" and fold(text[:m.start()]).endswith("nong "):
            continue  # «Báo Nông thôn Ngày nay»: the countryside, no village (review r19s defect 10)
        names, read_to = _names_at(text, m.end())
        if names and _person_after(text, m.start()):
            names = names[1:]  # the first is the person's name; a list after it («…, thôn 3») stays
        if (not names and last is not None and last[0] == fold(m.group(1))
                and re.fullmatch(r"\s*(?:,|;|và)\s*", text[last[1]:m.start()])
                and (num := _LIST_NUMBER.match(text, m.end()))):
            # «tổ dân phố 1, tổ dân phố 2 tổ chức …»: the next of a list of numbered units of one level, whatever
            # follows it (review r19n: the second was missed); a count alone («tổ dân phố 02 hội nghị») is not.
            names, read_to = [num.group(0)], num.end()
        last = (fold(m.group(1)), read_to) if names and _NUMBER_NAME.fullmatch(names[-1]) else None
        # «xã hội» (society: «CHÍNH TRỊ - XÃ HỘI», «PHẢN BIỆN XÃ HỘI») names no commune (review r19g D5)
        names = [n for n in names if not (fold(m.group(1)) == "xa" and fold(n) == "hoi")]
        for name in names:  # the level word as the text writes it («Tổ dân phố», «thôn»)
            level = m.group(1)
            if fold(name).startswith(fold(level) + " "):
                # «02 thôn: Thôn 7, Thôn 8»: the name carries its level word, written once («Thôn 7», never
                # «thôn Thôn 7»), the same unit as «thôn 7» elsewhere
                found.setdefault((level.lower(), name[len(level) + 1:]), name)
            else:
                found.setdefault((level.lower(), name), f"{level} {name}")


# A cell of a «Đơn vị chủ trì / phối hợp» column that names a body, never a unit to confirm (review r19n: «Chi hội
# Phụ nữ», «Các tổ chức chính trị - xã hội xã», «Ban Công tác Mặt trận các thôn» were offered as units). A school,
# a health station by their kind only: «Trường Sơn», «Trạm Tấu» are places.
_ORGANISATION = re.compile(r"(?:Ủy ban|Uỷ ban|UBND|HĐND|Hội |Đoàn |Ban |Bộ phận |Văn phòng|Chi hội|Chi đoàn|Chi bộ|Các |"
                           r"Tổ chức|Hợp tác xã|HTX|Đảng|Công an|Mặt trận|MTTQ|Liên đoàn|Phòng |Trạm [Yy] tế|"
                           r"Trường (?:[Tt]iểu|[Tt]rung|[Mm]ầm|[Mm]ẫu|[Pp]hổ|[Cc]ao|[Đđ]ại|THCS|THPT|PT)|"
                           r"Cơ quan|Doanh nghiệp|Nhà văn hóa|Nhà văn hoá)")


_TOTAL_CELL = re.compile(r"^(?:tong cong|tong so|tong|cong|(?:toan|ca) (?:xa|phuong|huyen|tinh|thi tran|dac khu)"
                         r"|binh quan|trung binh|trong do)\b")


def find_units(texts: list[str], tables: list[list[list[str]]], issuer: str = "") -> list[dict]:
    """Units named in texts and tables; ten_chinh_thuc is the name as the file writes it («Tổ dân phố Làng Tri»).
    issuer: the issuing body's level (co-quan.yaml › cap); a place of a higher level is none of its units."""
    found: dict[tuple[str, str], str] = {}
    for t in texts:
        _scan(t, found)
    for rows in tables:
        if len(rows) < 2:
            continue
        for col, head in enumerate(rows[0]):
            h = fold(head)
            level = next((lv for lv in UNIT_LEVELS if fold(lv) == h.strip()), None)
            if level is None and not any(w in h for w in ("don vi", "dia ban")):
                continue
            for r in rows[1:]:
                cell = r[col].strip() if col < len(r) else ""
                if not cell or len(cell) > 80:
                    continue
                if _LEVEL_RE.match(cell) or _DEPARTMENT.match(cell) or _ORGANISATION.match(cell):
                    continue  # a place found by the text scan, or a body, not a unit
                if _TOTAL_CELL.match(fold(cell)):
                    continue  # a total row («Tổng cộng», «Cộng», «Toàn xã», «Bình quân», «Trong đó:»): no unit
                for name in re.split(r"\s*,\s*|\s+và\s+", cell):
                    if name and name[0].isupper() and not _ORGANISATION.match(name):
                        found.setdefault((level or "", name), name)
        for r in rows:
            for cell in r:
                _scan(cell, found)
    units, codes = [], set()
    for (level, name), written in found.items():
        if issuer in _RANK and level and _RANK.get(level.lower(), 9) < _RANK[issuer]:
            continue
        units.append({"ma": temporary_code(name, codes, "don-vi"), "cap": level, "ten": name, "ten_chinh_thuc": written,
                      "ten_khac": []})
    return units
