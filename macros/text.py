"""Small text helpers: Vietnamese folding, slugs, and escaping data for Markdown."""

import html
import re
import unicodedata
from functools import lru_cache

# Apostrophe forms readers type or the plan prints: ' ’ ʼ ‘ `
_APOSTROPHES = "'’ʼ‘`"
# Ordinary whitespace only: not NBSP (see _fold_spaces).
_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")

_APOSTROPHE_RE = re.compile("[" + re.escape(_APOSTROPHES) + "]")
# Tone marks: huyền, sắc, ngã, hỏi, nặng (combining forms).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# End of a word: neither a letter nor a combining mark follows.
_WORD_END = r"(?![^\W\d_]|[\u0300-\u036f])"
# Old-style tone placement on the 2nd vowel of a final oa/oe/uy ("hoà", "uỷ").
_OA_OE = re.compile(r"o([ae])([" + _TONES + "])" + _WORD_END)
_UY = re.compile(r"uy([" + _TONES + "])" + _WORD_END)
_MARKS = re.compile(r"[\u0300-\u036f]")
# Only what Python-Markdown (with tables) can backslash-escape; others would print the backslash.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#+!])")
# What starts a block when it begins a line (the text's start may begin a line, a list item
# or a table cell): «1. …» an ordered list, «- …» or «---» a list or a rule, «??? …» a
# details block, «===» a heading underline. Escaped there, so editors' text shows as typed.
_MD_BLOCK_START = ((re.compile(r"^(\d+)\."), r"\1\\."), (re.compile(r"^-"), r"\\-"),
                   (re.compile(r"^\?"), "&#63;"), (re.compile(r"^="), "&#61;"))


# The site's search worker (overrides/assets/javascripts/workers/vi-search.js)
# repeats canon() and fold() in JavaScript; tests/test_search.py checks they agree.
def canon(text: str) -> str:
    """The spelling-independent form that still keeps diacritics.

    Lower case, NFC, apostrophes dropped, and the tone mark of a word-final
    oa/oe/uy moved to the first vowel ("Hoà" -> "hòa", "uỷ" -> "ủy"): the plan
    itself uses both placements, and readers type either.
    """
    s = unicodedata.normalize("NFD", text).lower()
    s = _APOSTROPHE_RE.sub("", s)
    s = _OA_OE.sub(r"o\2\1", s)
    s = _UY.sub(r"u\1y", s)
    return unicodedata.normalize("NFC", s)


def fold(text: str) -> str:
    """canon() without any diacritic: "Đăk Glei" -> "dak glei", "H’Drai" -> "hdrai".

    Unicode decomposition separates tone and vowel marks but leaves "đ" whole,
    so it is mapped by hand.
    """
    s = unicodedata.normalize("NFD", canon(text))
    s = _MARKS.sub("", s).replace("đ", "d")
    return unicodedata.normalize("NFC", s)


def slugify(value: str, separator: str = "-") -> str:
    """Readable anchors and file names: "Đăk Glei" -> "dak-glei" (not "ak-glei").

    Signature matches Python-Markdown's `toc.slugify(value, separator)`.
    """
    words = re.findall(r"[a-z0-9]+", fold(value))
    return separator.join(words)


def _fold_spaces(text: str) -> str:
    """Fold line breaks and runs of ordinary spaces into one space.

    No-break spaces are kept: a run of them is a deliberate blank ("Số:      /KH…"
    on an unsigned draft), which str.split() would collapse.
    """
    return _ASCII_SPACE.sub(" ", text).strip(" ")


@lru_cache(maxsize=8192, typed=True)  # pure; unit pages quote the same plan texts thousands of times
def md_escape(text: str) -> str:
    """Escape a plain-text data string for inline Markdown.

    HTML is escaped (no raw markup from data reaches a page) and Markdown
    punctuation is backslash-escaped, so "*" or "[x](y)" in data stays literal.
    Line breaks fold to spaces: a data string is one paragraph.
    """
    text = _fold_spaces(text)
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    for pattern, replacement in _MD_BLOCK_START:
        text = pattern.sub(replacement, text, count=1)
    return text


# A name the data writes as a list item starts with a capital («Các tổ chức chính trị - xã hội»,
# «Đồng chí Phó Chủ tịch»); inside a sentence the site composes, a leading word that only counts
# («các», «những», «mọi») or addresses («đồng chí») is lower case («cùng các tổ chức …», «của đồng chí
# Phó Chủ tịch»). A body's own name («Ban Thường trực», «Văn phòng») keeps its capital.
_COUNTING_WORD = re.compile(r"^(Các|Những|Mọi|Tất cả|Đồng chí)(?=\s)")


def in_sentence(name: str) -> str:
    """`name` as a sentence the site composes writes it after other words: «Các tổ chức …» ->
    «các tổ chức …»; any other name as the data writes it."""
    return _COUNTING_WORD.sub(lambda found: found.group(1).lower(), name)


def subject_after_kind(subject: str) -> str:
    """A document's subject (trích yếu) in the name the site composes after its kind («Kế hoạch …»): a subject
    opening with Nghị định 30/2020's formula «Về việc …» reads «Quyết định về việc …» (review r19j A4); a
    subject opening with a common word capitalised only as the line's start (the second word in lower case:
    «Tuyên truyền, vận động …», «Tổ chức “Ngày hội …”») reads «Kế hoạch tuyên truyền …», «Kế hoạch tổ chức
    “Ngày hội …”» (reviews r19k, r19l); a name whose every word is capitalised («Kon Tum …», «MTTQ …») stays.
    The plan page prints the subject as written."""
    if subject.startswith("Về việc"):
        return "về việc" + subject[7:]
    words = subject.split(maxsplit=2)
    if len(words) > 1 and words[0][1:2].islower() and words[1][:1].islower():
        return subject[:1].lower() + subject[1:]
    return subject


def kind_and_subject(kind: str, subject: str) -> str:
    """«<kind> <subject>» as one phrase (subject_after_kind); either alone when the other is blank."""
    kind, subject = (kind or "").strip(), (subject or "").strip()
    return " ".join(x for x in (kind, subject_after_kind(subject) if kind else subject) if x)


# A step the data names with its own number («Bước 1: Khảo sát …»): the site does not number it again.
_OWN_STEP_NUMBER = re.compile(r"^\s*bước\s+(?:\d+|[ivxlc]+)\s*[:.)–-]", re.IGNORECASE)


def has_own_number(step_name: str) -> bool:
    """«Bước 1: Khảo sát» -> True; «Bước mẫu một», «Khảo sát» -> False."""
    return _OWN_STEP_NUMBER.match(step_name) is not None


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def strings_in(value):
    """Every string inside a data model's dump (dicts, lists), in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)
