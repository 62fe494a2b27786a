"""Vietnamese typed in the legacy 8-bit encodings, before Unicode (review r19p defect 1).

Offices typed for years with the TCVN3 («ABC») fonts (.VnTime, .VnTimeH, .VnArial…) and the VNI fonts
(VNI-Times, VNI-Helve…). Word stores such text as the font's byte codes read as Windows-1252 letters, so
«Phát huy» typed in .VnTime is stored as «Ph¸t huy», and the TCVN3 «ư» (byte 0xAD) as U+00AD, which is also
Unicode's soft hyphen. A run whose font is one of these is converted here, exactly, letter by letter, before
anything else reads the text (the soft hyphen is only dropped afterwards, from text that is Unicode).

Tables, written here from their standards, each tested both ways on all 134 Vietnamese letters
(tests/test_import_legacy_fonts.py):
- TCVN3: the Vietnamese standard TCVN 5712, its VN3 code set the .VnTime fonts draw: the 67 lower-case letters at 0xA8–0xFE and
  the seven plain capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7 (the same code points as GNU libiconv's TCVN table in that
  range). VN3 has no toned capitals: the «H» fonts (.VnTimeH, .VnArialH…) draw every code, the lower-case
  letters' too, as its capital, so a run in an H font is converted, then written in capitals, as Word shows it.
- VNI Windows (VNI Software's encoding for the VNI- fonts): a vowel is its base letter followed by a mark
  letter (á = «aù», ầ = «aà», ặ = «aë», ơ = «ô», ư = «ö», đ = «ñ»…), capitals with capital marks («AÙ»).

A run in such a font whose text already holds Unicode Vietnamese letters (ư, ơ, ạ… beyond Latin-1) was typed
in Unicode with a legacy font chosen: it is kept as written. Text that looks like TCVN3 or VNI where no such
font is named (the fonts lost, or the text pasted into a Unicode file) is not guessed at: the file is refused
with the way to convert it (Unikey, «Chuyển mã»).
"""

import re
import unicodedata

from .blocks import NotAPlan, Para, Table, excerpt

# TCVN3 (VN3) code -> letter, for the .VnTime fonts.
TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_TCVN3_TRANS = {code: letter for code, letter in TCVN3.items()}

# VNI Windows: the mark letters written after a base vowel.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT_TONES = {"á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE_TONES = {"é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_I = {"í": "\u0301", "ì": "\u0300", "æ": "\u0309", "ó": "\u0303", "ò": "\u0323"}


def _vni_table() -> dict[str, str]:
    """VNI sequence -> letter, lower case and capitals (every letter's sequence, capitalised, is its capital's)."""
    out: dict[str, str] = {}

    def add(seq: str, base: str, *marks: str) -> None:
        letter = unicodedata.normalize("NFC", base + "".join(marks))
        out[seq] = letter
        out[seq.upper()] = letter.upper()

    for base in "aeiouy":
        if base == "i":
            for mark, tone in _VNI_I.items():
                add(mark, "i", tone)
            continue
        for mark, tone in _VNI_TONES.items():
            if base == "y" and tone == "\u0323":
                continue  # ỵ is one letter of its own
            add(base + mark, base, tone)
    add("î", "y", "\u0323")
    for base in "aeo":
        add(base + "â", base, "\u0302")
        for mark, tone in _VNI_HAT_TONES.items():
            add(base + mark, base, "\u0302", tone)
    add("aê", "a", "\u0306")
    for mark, tone in _VNI_BREVE_TONES.items():
        add("a" + mark, "a", "\u0306", tone)
    for horn, base in (("ô", "o"), ("ö", "u")):
        add(horn, base, "\u031b")
        for mark, tone in _VNI_TONES.items():
            add(horn + mark, base, "\u031b", tone)
    add("ñ", "đ")
    return out


VNI = _vni_table()

# The Vietnamese letters Unicode has beyond Latin-1 (ă, đ, ĩ, ũ, ơ, ư and the block U+1EA0–U+1EF9): a text
# holding one is Unicode, whatever font it is in.
_UNICODE_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                           "\u1ea0-\u1ef9]")


def font_encoding(name: str) -> str:
    """The legacy encoding a font name says: «tcvn3h» (.VnTimeH…: drawn in capitals), «tcvn3», «vni»; ""
    for any other font."""
    name = (name or "").strip()
    if name.startswith(".Vn") or name.lower().startswith(".vn"):
        return "tcvn3h" if name.endswith("H") else "tcvn3"
    if name.lower().startswith("vni-") or name.lower().startswith("vni "):
        return "vni"
    return ""


def decode_tcvn3(text: str, capitals: bool = False) -> str:
    out = text.translate(_TCVN3_TRANS)
    return out.upper() if capitals else out


def _vni_letters(text: str) -> list[tuple[int, str]]:
    """(offset of its first character, letter) for each letter of a VNI text."""
    out, i = [], 0
    while i < len(text):
        pair = text[i:i + 2]
        if len(pair) == 2 and pair in VNI:
            out.append((i, VNI[pair]))
            i += 2
        else:
            out.append((i, VNI.get(text[i], text[i])))
            i += 1
    return out


def decode_vni(text: str) -> str:
    return "".join(letter for _, letter in _vni_letters(text))


def convert(text: str, encoding: str) -> str | None:
    """The text of a run in a legacy font, in Unicode; None when it is Unicode already (kept as written)."""
    if not encoding or _UNICODE_ONLY.search(text):
        return None
    if encoding == "vni":
        return decode_vni(text)
    return decode_tcvn3(text, capitals=encoding == "tcvn3h")


class Converted:
    """What was converted in one file, for the checklist (one per read: never module state)."""

    def __init__(self) -> None:
        self.fonts: dict[str, set[str]] = {"tcvn3": set(), "vni": set()}
        self.runs = {"tcvn3": 0, "vni": 0}
        self.kept: set[str] = set()  # legacy fonts holding Unicode text, kept
        # The first paragraph whose legacy text runs on in another font (see _mixed): (its beginning, the legacy
        # fonts, the other fonts); check_blocks refuses the file.
        self.mixed: tuple[str, list[str], list[str]] | None = None

    def run(self, text: str, font: str) -> str:
        enc = font_encoding(font)
        if not enc or not text:
            return text
        out = convert(text, enc)
        if out is None:
            if any(ord(ch) > 0x7F for ch in text):
                self.kept.add(font)
            return text
        if out != text:  # (a run of plain ASCII letters reads the same in every encoding: nothing to say)
            family = "vni" if enc == "vni" else "tcvn3"
            self.fonts[family].add(font)
            self.runs[family] += 1
        return out

    def texts(self, pieces: list[tuple[str, str]]) -> list[str]:
        """The texts of a paragraph's runs, in order, as (text, font), each converted (see run()). Word may cut a
        run between a VNI base letter and its mark letter («ta» + «ùc»), so consecutive runs in VNI fonts are read
        as one text, and each letter goes back to the run holding its first character («tá» + «c»): the result
        does not depend on where the runs were cut. (A TCVN3 letter is one character: read run by run.) Empty
        runs neither join nor cut."""
        out = [self.run(text, font) if not self._vni(text, font) else text for text, font in pieces]
        group: list[int] = []
        for k, (text, font) in enumerate(pieces + [("-", "")]):
            if not text:
                continue
            if self._vni(text, font):
                group.append(k)
                continue
            if group:
                self._vni_group(pieces, group, out)
                group = []
        if self.mixed is None:
            self._mixed(pieces, out)
        return out

    def _mixed(self, pieces: list[tuple[str, str]], out: list[str]) -> None:
        """Legacy text whose font changes inside it (a VNI paragraph with some runs in Arial) cannot be converted
        exactly: the runs in the other font are not converted, and whether they were typed in Unicode or in the
        legacy code is a guess. Noted (self.mixed) when a paragraph has runs in a legacy font and a run in another
        font reads like that code's leftover: a character of the detector's (_LEGACY_SIGNS; and VNI's «ä») in a
        word with Latin letters or a capital after a lower-case letter («kÕt»), or, next to a VNI run, a VNI base
        letter followed by its mark letter (_VNI_PAIRS) within the run, or any VNI letter across its edge with the
        VNI run («ta» in VNI-Times, «ùc» in Arial). Checked on the runs as written, before any conversion."""
        legacy = [k for k, (text, font) in enumerate(pieces)
                  if text.strip() and font_encoding(font) and not _UNICODE_ONLY.search(text)]
        if not legacy:
            return
        full = [k for k, (text, _) in enumerate(pieces) if text]
        odd: list[int] = []
        for n, k in enumerate(full):
            text, font = pieces[k]
            if font_encoding(font) or _UNICODE_ONLY.search(text):
                continue
            words = text.split()
            if any(any(ch in _LEGACY_SIGNS or ch in "äÄ" for ch in w)
                   and any(ch.isascii() and ch.isalpha() for ch in w) for w in words) or _LOWER_THEN_CAPITAL.search(text):
                odd.append(k)
                continue
            near = [full[m] for m in (n - 1, n + 1) if 0 <= m < len(full) and self._vni(*pieces[full[m]])]
            if not near:
                continue
            pairs = {text[i:i + 2] for i in range(len(text) - 1)}
            edges = set()
            if n and full[n - 1] in near:
                edges.add(pieces[full[n - 1]][0][-1] + text[0])
            if n + 1 < len(full) and full[n + 1] in near:
                edges.add(text[-1] + pieces[full[n + 1]][0][0])
            # (a pair across the edge counts whatever it is; within the run, «oá», «oà», «oã» are also Unicode
            # Vietnamese, «hoà», «toán»: not counted)
            if pairs & _VNI_PAIRS or edges & VNI.keys():
                odd.append(k)
        if odd:
            self.mixed = (excerpt(" ".join("".join(out).split()), 60),
                          sorted({pieces[k][1] for k in legacy}),
                          sorted({pieces[k][1] for k in odd}))

    @staticmethod
    def _vni(text: str, font: str) -> bool:
        return bool(text) and font_encoding(font) == "vni" and not _UNICODE_ONLY.search(text)

    def _vni_group(self, pieces: list[tuple[str, str]], group: list[int], out: list[str]) -> None:
        joined = "".join(pieces[k][0] for k in group)
        ends, end = [], 0
        for k in group:
            end += len(pieces[k][0])
            ends.append(end)
        parts = [[] for _ in group]
        at = 0
        for start, letter in _vni_letters(joined):
            while start >= ends[at]:
                at += 1
            parts[at].append(letter)
        for k, part in zip(group, parts):
            text, font = pieces[k]
            out[k] = "".join(part)
            if out[k] != text:
                self.fonts["vni"].add(font)
                self.runs["vni"] += 1

    def notes(self) -> list[str]:
        said = []
        names = {"tcvn3": "TCVN3 (ABC, TCVN 5712)", "vni": "VNI Windows"}
        for family in ("tcvn3", "vni"):
            if self.fonts[family]:
                fonts = ", ".join(f"«{f}»" for f in sorted(self.fonts[family]))
                capitals = (" (phông tên kết thúc bằng «H» in mọi chữ hoa, nên chữ của nó được ghi hoa như Word hiện)"
                            if any(font_encoding(f) == "tcvn3h" for f in self.fonts[family]) else "")
                said.append(f"văn bản gõ bằng bảng mã cũ {names[family]}, phông {fonts}: đã chuyển sang Unicode đúng "
                            f"từng chữ theo bảng mã đó{capitals}; đối chiếu với văn bản gốc (bản in hoặc Word có "
                            "phông đó)")
        if self.kept:
            fonts = ", ".join(f"«{f}»" for f in sorted(self.kept))
            said.append(f"có chữ Unicode đặt phông của bảng mã cũ {fonts}: giữ nguyên như đã gõ (chữ Unicode, không "
                        "chuyển); kiểm tra")
        return said


# Letters of a TCVN3 or VNI text read as Windows-1252 that no Unicode Vietnamese word holds.
_LEGACY_SIGNS = set("¸µ¶·¹¨©ª¬®»¼½¾ÆÇËÎÏÐÑÖ×ØÜÞßåæçëîïñöøûü§¤¥¦¡¢£") | {"\u00ad"}
_VIET_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# TCVN3 draws its toned lower-case letters at codes Windows-1252 shows as capitals («kÕt» = «kết»): a capital
# right after a lower-case letter, inside a word.
_LOWER_THEN_CAPITAL = re.compile("[a-z][ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]")
# VNI's two-character letters (base letter + mark letter) that no Unicode Vietnamese word holds: all but «oá»,
# «oà», «oã» (VNI's ố, ồ, ỗ; Unicode's «hoá», «toàn», «xoã»).
_VNI_PAIRS = {seq for seq in VNI
              if len(seq) == 2 and seq[0] in "aeouyôöAEOUYÔÖ" and seq.lower() not in ("oá", "oà", "oã")}


def looks_legacy(text: str) -> bool:
    """A paragraph that reads like TCVN3 or VNI shown as Windows-1252 («Ph¸t huy kÕt qu¶», «Phaùt huy keát
    quaû»): no Unicode Vietnamese letter beyond Latin-1, and at least two words (and a fifth of its words) with
    a legacy sign between letters."""
    if _UNICODE_ONLY.search(text):
        return False
    words = [w.strip(".,;:!?()[]\"'“”‘’«»-–—…/") for w in text.split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if len(words) < 3:
        return False
    marked = sum(1 for w in words if any(ch in _LEGACY_SIGNS for ch in w)
                 and any(ch.isascii() and ch.isalpha() for ch in w))
    return marked >= 2 and marked * 5 >= len(words)


_HOW = ("Mở tệp bằng Word, chọn toàn bộ văn bản (Ctrl+A), sao chép (Ctrl+C), mở Unikey › «Công cụ… (Ctrl+Shift+F6)», "
        "«Chuyển mã»: nguồn TCVN3 (ABC) hoặc VNI Windows, đích Unicode, bấm «Chuyển mã», dán lại (Ctrl+V), chọn phông "
        "Times New Roman, lưu rồi nhập lại.")
REFUSAL = ("Tệp có chữ gõ bằng bảng mã cũ (TCVN3 «.VnTime» hoặc VNI «VNI-Times») mà tệp không ghi tên phông, "
           "nên không chuyển chính xác được: {where}. " + _HOW)
# The file names a legacy font, but this text is not (all) in it: a font changed inside the text, say.
REFUSAL_MIXED = ("Tệp có chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI) không đặt đúng phông của bảng mã đó (tệp có dùng "
                 "phông {fonts}, nhưng chữ này, hoặc một phần của nó, đặt phông khác), nên không chuyển chính xác "
                 "được: {where}. " + _HOW)

# A paragraph whose legacy text runs on in another font (Converted._mixed).
REFUSAL_FONTS = ("Đoạn «{where}» có chữ gõ bằng bảng mã cũ đặt phông {legacy} xen với chữ đặt phông {other} mà chữ "
                 "đó cũng đọc như mã cũ (phông đổi giữa chữ), nên không biết chữ nào gõ bằng Unicode, chữ nào bằng "
                 "bảng mã cũ, và không chuyển chính xác được. " + _HOW)


def check_blocks(blocks: list, seen: "Converted | None" = None) -> None:
    """Refuse a file whose text still looks like a legacy encoding: a paragraph quoted; the message says whether
    the file names a legacy font elsewhere (seen: what was converted)."""
    if seen is not None and seen.mixed is not None:
        where, fonts, others = seen.mixed
        raise NotAPlan(REFUSAL_FONTS.format(where=where, legacy=", ".join(f"«{f}»" for f in fonts),
                                            other=", ".join(f"«{f}»" if f else "(không ghi tên)" for f in others)))
    named = sorted(set().union(*seen.fonts.values()) | seen.kept) if seen is not None else []
    for b in blocks:
        texts = [b.text] if isinstance(b, Para) else [c for row in b.rows for c in row] if isinstance(b, Table) else []
        for t in texts:
            for line in t.split("\n"):
                if looks_legacy(line):
                    where = f"đoạn «{excerpt(line.strip(), 60)}»"
                    if named:
                        raise NotAPlan(REFUSAL_MIXED.format(fonts=", ".join(f"«{f}»" for f in named), where=where))
                    raise NotAPlan(REFUSAL.format(where=where))
