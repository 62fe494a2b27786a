"""Abbreviations a plan's text uses that the glossary (thuat-ngu.yaml) does not explain.

The «Chữ viết tắt» page lists only the glossary's terms the plan uses (glossary_use.used_glossary): an
abbreviation the glossary lacks («UBND», «TDP» in a commune plan's nơi nhận) is silently missing. The
import lists them for the editor, who writes each one's meaning as the plan uses it: the site never
guesses one (review r19n, defect 11).
"""

import re

from .text import strings_in

_WORD = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"[IVXLCDM]+")


def unexplained(data, known) -> list[str]:
    """The abbreviations in `data`'s text (words of 2 to 8 capital letters, in a line mostly not in
    capitals: a heading or a body's name in capitals is no abbreviation), not in `known`, in order."""
    known = set(known)
    found = {}
    for text in strings_in(data):
        for line in text.splitlines():
            words = _WORD.findall(line)
            capitals = [w for w in words if w.isupper()]
            if not words or 2 * len(capitals) >= len(words):
                continue
            for w in capitals:
                if 2 <= len(w) <= 8 and w not in known and not _ROMAN.fullmatch(w):
                    found.setdefault(w, None)
    return list(found)
