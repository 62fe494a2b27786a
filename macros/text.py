"""Small text helpers: Vietnamese folding, slugs, and escaping data for Markdown."""

import html
import re
import unicodedata

# Apostrophe forms readers type or the plan prints: ' ’ ʼ ‘ `
_APOSTROPHES = "'’ʼ‘`"
# Ordinary whitespace only: not NBSP (see _fold_spaces).
_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# Only what Python-Markdown (with tables) can backslash-escape; others would print the backslash.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#+!])")


def fold(text: str) -> str:
    """Lower-case and strip every diacritic: "Đăk Glei" -> "dak glei".

    Unicode decomposition separates tone and vowel marks but leaves "đ" whole,
    so it is mapped by hand. Apostrophes are dropped ("H’Drai" -> "hdrai").
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    for mark in _APOSTROPHES:
        stripped = stripped.replace(mark, "")
    return stripped.lower()


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


def md_escape(text: str) -> str:
    """Escape a plain-text data string for inline Markdown.

    HTML is escaped (no raw markup from data reaches a page) and Markdown
    punctuation is backslash-escaped, so "*" or "[x](y)" in data stays literal.
    Line breaks fold to spaces: a data string is one paragraph.
    """
    text = _fold_spaces(text)
    text = html.escape(text, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def html_escape(text: str) -> str:
    """Escape a plain-text data string for HTML, including attribute values."""
    return html.escape(_fold_spaces(text), quote=True)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)
