"""Which characters the PDFs can print: the characters of the Liberation Serif 2.x
faces the PDFs embed (macros/pdf/writer.py, font_css). An emoji («🙂», «✅») or any
other character outside them prints as a blank in every PDF, silently: a text field
holding one is refused with a Vietnamese message naming the character.

Wire-in (macros/fieldtypes.py, for every free-text type): call `check_printable(value)`
in the field's validator; it raises ValueError with the message, and the loader adds
the file, line and field as for every other field error. `unprintable(text)` lists
the characters without raising.

No import of macros.pdf (fieldtypes is below it). The font files are read once per
process (they are the system's, not per-build state); where they are missing (a
machine without fonts-liberation2), nothing is refused: the PDFs are not made there
either, or use other fonts this module cannot judge.
"""

import functools
import unicodedata
from pathlib import Path

# The same folder and faces as macros/pdf/writer.py (LIBERATION2, _FACES); a test checks it.
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FACES = ("Regular", "Bold", "Italic", "BoldItalic")
FONT_NAME = "Liberation Serif"
# Line breaks and tabs in a text are layout, not glyphs.
_LAYOUT = frozenset("\n\r\t")


def font_files() -> list[Path]:
    return [FONT_DIR / f"LiberationSerif-{face}.ttf" for face in FACES]


@functools.lru_cache(maxsize=1)
def printable_codepoints() -> frozenset[int] | None:
    """Code points every face has a glyph for; None when a font file is missing."""
    from fontTools.ttLib import TTFont

    files = font_files()
    if not all(f.is_file() for f in files):
        return None
    sets = []
    for f in files:
        with TTFont(str(f), lazy=True) as font:
            sets.append(frozenset(cp for cp, glyph in font.getBestCmap().items() if glyph != ".notdef"))
    return frozenset.intersection(*sets)


@functools.lru_cache(maxsize=1)
def _printable_chars() -> frozenset[str] | None:
    """printable_codepoints() as characters, with the layout ones: a text whose set of
    characters is inside it is printable without a loop over each character (issue 22)."""
    known = printable_codepoints()
    return None if known is None else frozenset(map(chr, known)) | _LAYOUT


def unprintable(text: str) -> list[str]:
    """The distinct characters of `text` the PDF fonts cannot print, in order of first use."""
    known = printable_codepoints()
    if known is None or _printable_chars().issuperset(text):
        return []
    found: list[str] = []
    for ch in text:
        if ch not in _LAYOUT and ord(ch) not in known and ch not in found:
            found.append(ch)
    return found


def describe(ch: str) -> str:
    """«🙂» (U+1F642 SLIGHTLY SMILING FACE)."""
    name = unicodedata.name(ch, "")
    return f"«{ch}» (U+{ord(ch):04X}{' ' + name if name else ''})"


def message(chars: list[str], field: str | None = None) -> str:
    where = f" trong trường «{field}»" if field else ""
    which = ", ".join(describe(c) for c in chars)
    one = len(chars) == 1
    return (f"Ký tự {which}{where} không in được: phông chữ của bản in PDF ({FONT_NAME}) không có "
            f"{'ký tự này' if one else 'các ký tự này'}, bản in sẽ để trống. "
            f"Xóa {'ký tự' if one else 'các ký tự'} đó hoặc thay bằng chữ.")


def check_printable(text: str, field: str | None = None) -> str:
    """`text` unchanged when the PDF fonts print every character; else ValueError with
    the Vietnamese message (`field`: the field's name, when the caller's error does not
    already name it)."""
    bad = unprintable(text)
    if bad:
        raise ValueError(message(bad, field))
    return text
