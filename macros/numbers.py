"""Vietnamese numbers and money, as administrative documents write them.

Grouping comes from Babel (vi_VN: 50.000.000). Reading a number in words is
hand-written: num2words "vi" reads 1.005.000 as "một triệu năm nghìn", dropping
the "không trăm linh" that an amount in words must carry.
"""

import re
from functools import lru_cache

from babel.numbers import format_decimal

from .text import canon

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Powers of a thousand below "tỷ"; above it the reading repeats ("nghìn tỷ").
_GROUPS = ("", "nghìn", "triệu")


@lru_cache(maxsize=65536, typed=True)
def format_number(n: int) -> str:
    """50000000 -> "50.000.000". Pure; cached, as Babel takes 60 µs a number and a
    plan of thousands of units writes the same amounts thousands of times."""
    return format_decimal(n, locale="vi_VN")


def format_money(n: int, style: str = "short") -> str:
    """"50.000.000đ" (short, as the plan writes it) or "50.000.000 đồng" (long)."""
    return f"{format_number(n)}đ" if style == "short" else f"{format_number(n)} đồng"


def format_percent(part: int, whole: int) -> str:
    """"86,7%" (Vietnamese decimal comma); "—" when there is no whole."""
    if not whole:
        return "—"
    return f"{100 * part / whole:.1f}".replace(".", ",") + "%"


def _read_triple(n: int, full: bool) -> list[str]:
    """Read 0..999. `full` reads an empty hundreds place ("không trăm"),
    as required for every group after the first non-empty one."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens > 1 else "một")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def _read_below_billion(n: int, full: bool) -> list[str]:
    triples = [n // 1_000_000, n // 1000 % 1000, n % 1000]
    words: list[str] = []
    for triple, unit in zip(triples, reversed(_GROUPS), strict=True):
        if triple == 0:
            continue
        words += _read_triple(triple, full or bool(words))
        if unit:
            words.append(unit)
    return words


def _read(n: int, full: bool = False) -> list[str]:
    if n >= 1_000_000_000:
        high, low = divmod(n, 1_000_000_000)
        words = _read(high, full) + ["tỷ"]
        return words + (_read_below_billion(low, True) if low else [])
    return _read_below_billion(n, full)


def number_in_words(n: int) -> str:
    """3021 -> "ba nghìn không trăm hai mươi mốt" (lower case)."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError(f"number_in_words takes a whole number ≥ 0, not {n!r}")
    if n == 0:
        return "không"
    return " ".join(_read(n))


def money_in_words(n: int) -> str:
    """50000000 -> "Năm mươi triệu đồng chẵn".

    "chẵn" marks a round amount (whole thousands), as administrative documents do.
    """
    text = f"{number_in_words(n)} đồng"
    if n and n % 1000 == 0:
        text += " chẵn"
    return text[0].upper() + text[1:]


# Spellings of one number word that documents use alike (canon(): lower case, diacritics kept).
_SAME_WORD = {"ngàn": "nghìn", "tỉ": "tỷ", "lẻ": "linh"}


def words_say_amount(text: str, n: int) -> bool:
    """True when `text`, an amount in words as a document writes it, reads as `n` đồng: «Chín triệu đồng»,
    «Chín triệu đồng chẵn», «chín triệu», with or without a final full stop, «ngàn» for «nghìn»… «chẵn»
    only for a round amount (whole thousands), as money_in_words writes it. Diacritics count: the words
    are printed as written, so «Nam muoi trieu dong» or «Nằm mười triệu dòng» is not «Năm mươi triệu đồng»
    (review bad8)."""
    words = [_SAME_WORD.get(w, w) for w in canon(text).strip().rstrip(".").replace(",", " ").split()]
    if words[-1:] == ["chẵn"] and n and n % 1000 == 0:
        words.pop()
    if words[-1:] == ["đồng"]:
        words.pop()
    return bool(words) and words == canon(number_in_words(n)).split()



# An amount as a document writes it in figures: «5.000.000đ», «5.000.000 đồng», «5000000 VNĐ», a bare grouped
# figure in a money table («3.000.000» under «Kinh phí (đồng)»), «5 triệu đồng», «1,5 triệu», «2 tỷ đồng».
# Groups of thousands with dots; with commas or spaces («5,000,000 đ», «5 000 000 đồng») only before đồng/đ.
_FIGURES = re.compile(r"(?<![\d.,])(\d{1,3}(?:([., \u00a0\u202f])\d{3})(?:\2\d{3})*|\d+)(?![\d.,]\d)"
                      r"(\s*(?:đồng|đ|vnđ|vnd)(?!\w))?", re.IGNORECASE)
# «tr.đ», «trđ», «tr» (before đ/đồng or alone): the short «triệu» of budget tables and notes («5 tr.đ»).
_SCALED = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(tỷ|tỉ|triệu|nghìn|ngàn|tr\.\s?đ|trđ|tr)(?!\w)(?:\.?\s*đồng(?!\w))?",
                     re.IGNORECASE)
# «5 triệu 500 nghìn đồng», «1 tỷ 200 triệu»: a larger unit followed by a smaller one, read as one amount.
_COMPOUND = re.compile(r"(?<![\d.,])(\d+)\s*(tỷ|tỉ|triệu)\s+(\d{1,3})\s*(triệu|nghìn|ngàn)(?!\w)(?:\s*đồng(?!\w))?",
                       re.IGNORECASE)
_SCALE = {"tỷ": 10 ** 9, "tỉ": 10 ** 9, "triệu": 10 ** 6, "nghìn": 1000, "ngàn": 1000}
_NUMBER_WORDS = set(_DIGITS) | set(_GROUPS) | {"trăm", "mươi", "mười", "linh", "mốt", "lăm", "tỷ", "lẻ", "ngàn", "tỉ", "tư"}


def amounts_in(text: str) -> list[tuple[int, str]]:
    """(đồng, as written) of each amount `text` writes in figures: with đồng/đ/VNĐ after it, grouped with dots
    («3.000.000», as a money table's cells are), or with «triệu», «tỷ», «nghìn» («5 triệu đồng», «1,5 triệu»,
    «5 triệu 500 nghìn đồng»). A bare figure not grouped («15 người») is no amount. Nothing is guessed beyond
    what is written."""
    out = []
    for match in _FIGURES.finditer(text):
        digits, separator, unit = match.groups()
        if unit or separator == ".":
            out.append((int(re.sub(r"\D", "", digits)), match.group(0).strip()))
    return out + [(n, written) for _, n, written in scaled_amounts(text)]


def scaled_amounts(text: str) -> list[tuple[int, int, str]]:
    """(where, đồng, as written) of each amount written with «triệu», «tỷ», «nghìn» or their short forms."""
    out = []
    compounds = [m for m in _COMPOUND.finditer(text)  # «5 triệu 500 nghìn đồng»: one amount, not two
                 if _SCALE[m.group(4).lower()] < _SCALE[m.group(2).lower()]]
    for match in compounds:
        high, low = match.group(2).lower(), match.group(4).lower()
        out.append((match.start(), int(match.group(1)) * _SCALE[high] + int(match.group(3)) * _SCALE[low],
                    match.group(0)))
    for match in _SCALED.finditer(text):
        if any(c.start() <= match.start() < c.end() for c in compounds):
            continue
        figure, unit = match.group(1), match.group(2).lower()
        scale = _SCALE.get(unit, 10 ** 6)  # the short forms of «triệu»
        if re.fullmatch(r"\d{1,3}\.\d{3}", figure):  # «5.000 nghìn đồng», «1.500 triệu»: dots group thousands
            out.append((match.start(), int(figure.replace(".", "")) * scale, match.group(0)))
            continue
        whole, _, part = figure.replace(",", ".").partition(".")
        if len(part) < len(str(scale)):  # «1,5 triệu»
            out.append((match.start(), int(whole) * scale + int(part or 0) * scale // 10 ** len(part), match.group(0)))
    return out


def words_name_amount(text: str, n: int) -> bool:
    """True when `text` writes `n` đồng in words, followed by «đồng», as a whole reading («năm triệu đồng»;
    not the «năm mươi triệu» of «hai trăm năm mươi triệu đồng»). Diacritics count; «ngàn», «tỉ», «lẻ» read
    as «nghìn», «tỷ», «linh»."""
    words = [_SAME_WORD.get(w, w) for w in re.findall(r"\w+", canon(text))]
    wanted = canon(number_in_words(n)).split()
    size = len(wanted)
    for i in range(len(words) - size):
        if words[i:i + size] == wanted and words[i + size] == "đồng" and (i == 0 or words[i - 1] not in _NUMBER_WORDS):
            return True
    return False
