"""What the PDFs' fonts cannot print must not be published silently: «🙂», «✅» in a
handbook step printed as blanks (review of issue 20). macros/glyphs.py reads the cmap of
the Liberation Serif faces the PDFs embed (fontTools) and refuses other characters with
a Vietnamese message naming the character and the field."""

import os
import unicodedata
from pathlib import Path

import pytest
import yaml

from macros import glyphs
from tests.sitebuild import ROOT


@pytest.fixture(autouse=True, scope="module")
def _fonts_present():
    if glyphs.printable_codepoints() is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Liberation Serif 2.x is required in CI: {glyphs.FONT_DIR}")
        pytest.skip("Liberation Serif 2.x is not installed")


def test_the_module_reads_the_fonts_the_pdfs_use():
    from macros.pdf import writer

    assert glyphs.FONT_DIR == writer.LIBERATION2
    assert set(glyphs.FACES) == {style for style, _, _ in writer._FACES}
    assert all(f.as_uri() in writer.font_css() for f in glyphs.font_files())


def test_emoji_is_refused_naming_the_character_and_the_field():
    with pytest.raises(ValueError) as err:
        glyphs.check_printable("Bước 1: họp dân 🙂 xong ✅", "cac_buoc › buoc › mục 1 › noi_dung")
    text = str(err.value)
    assert "«🙂» (U+1F642" in text and "«✅» (U+2705" in text
    assert "trong trường «cac_buoc › buoc › mục 1 › noi_dung»" in text
    assert "không in được" in text and "Liberation Serif" in text
    assert glyphs.unprintable("a🙂b🙂c") == ["🙂"]


def test_vietnamese_and_the_documents_punctuation_print():
    letters = "aăâeêioôơuưy"
    tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
    every = "".join(unicodedata.normalize("NFC", c + t) for c in letters + letters.upper() for t in tones)
    text = every + "đĐ «»“”‘’–—…/№%()[];:,.!?-+= 0123456789\n\t\u00a0"
    assert glyphs.check_printable(text) == text


def _strings(node, where):
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, f"{where} › {k}")
    elif isinstance(node, list):
        for i, v in enumerate(node, 1):
            yield from _strings(v, f"{where} › mục {i}")


def test_every_character_of_the_real_data_prints():
    """Every text value of data/ (plan, units, handbook, toolkit, results): the toolkit's
    «đánh dấu ☐» was the one character outside the fonts."""
    files = sorted(Path(ROOT, "data").rglob("*.yaml"))
    assert files
    bad = [f"{f.relative_to(ROOT)}{where}: {[glyphs.describe(c) for c in glyphs.unprintable(s)]}"
           for f in files for where, s in _strings(yaml.safe_load(f.read_text(encoding="utf-8")), "")
           if glyphs.unprintable(s)]
    assert not bad, bad
