"""Plans typed in the legacy Vietnamese encodings (review r19p defect 1): TCVN3 (.VnTime, .VnTimeH) and VNI
(VNI-Times) runs are converted to Unicode exactly, TCVN3's «ư» (0xAD, U+00AD) is a letter and never dropped as
a soft hyphen, the checklist says what was converted; text that reads like those encodings with no such font
named is refused with the way to convert it. The tables are tested both ways on all 134 letters, against
the codes listed here letter by letter (not the module's own tables). Each .docx is built here, our wording."""

import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from macros.import_plan import import_file
from macros.plan_import import legacy
from macros.plan_import.blocks import NotAPlan

LOWER = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ"
# TCVN3 code of each letter of LOWER, in that order.
TCVN3_CODES = [0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xA9, 0xC7, 0xC8, 0xC9, 0xCA,
               0xCB, 0xAE, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC,
               0xDD, 0xDE, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xAC, 0xEA, 0xEB,
               0xEC, 0xED, 0xEE, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB,
               0xFC, 0xFD, 0xFE]
TCVN3_PLAIN_CAPITALS = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}
# VNI Windows sequence of each letter of LOWER, in that order.
VNI_SEQ = ("aø aû aõ aù aï aê aè aú aü aé aë aâ aà aå aã aá aä ñ eø eû eõ eù eï eâ eà eå eã eá eä ì æ ó í ò "
           "oø oû oõ où oï oâ oà oå oã oá oä ô ôø ôû ôõ ôù ôï uø uû uõ uù uï ö öø öû öõ öù öï yø yû yõ yù î").split()


def tcvn3(text: str) -> tuple[str, bool]:
    """Our own TCVN3 writer: (text, needs an H font) — a toned capital only exists in the H fonts."""
    codes = dict(zip(LOWER, TCVN3_CODES))
    if any(ch.isupper() and ch.lower() in codes and ch not in TCVN3_PLAIN_CAPITALS for ch in text):
        return "".join(chr(codes[ch.lower()]) if ch.lower() in codes else ch for ch in text), True
    return "".join(chr(TCVN3_PLAIN_CAPITALS[ch]) if ch in TCVN3_PLAIN_CAPITALS else chr(codes[ch]) if ch in codes
                   else ch for ch in text), False


def vni(text: str) -> str:
    seqs = dict(zip(LOWER, VNI_SEQ))
    return "".join(seqs[ch] if ch in seqs else seqs[ch.lower()].upper() if ch.lower() in seqs else ch for ch in text)


def test_134_letters_both_ways():
    assert len(LOWER) == 67 == len(set(LOWER)) == len(TCVN3_CODES) == len(VNI_SEQ)
    letters = LOWER + LOWER.upper()
    assert len(set(letters)) == 134 and unicodedata.normalize("NFC", letters) == letters
    for ch in letters:
        text, capital = tcvn3(ch)
        assert legacy.decode_tcvn3(text, capitals=capital) == ch, ch
        assert legacy.convert(text, "tcvn3h" if capital else "tcvn3") == ch, ch
        assert legacy.decode_vni(vni(ch)) == ch, ch
        assert legacy.convert(vni(ch), "vni") == ch, ch
    # and back: every code the module reads is the letter listed here
    assert {code: ch for ch, code in zip(LOWER, TCVN3_CODES)} | {c: ch for ch, c in TCVN3_PLAIN_CAPITALS.items()} \
        == legacy.TCVN3
    assert {s: ch for ch, s in zip(LOWER, VNI_SEQ)} | {s.upper(): ch.upper() for ch, s in zip(LOWER, VNI_SEQ)} \
        == legacy.VNI
    # whole words, letters side by side
    for word in ("Người dân ở khu dân cư", "ĐOÀN KẾT, XÂY DỰNG ĐỜI SỐNG", "Ưu tiên hộ nghèo ở thôn Lượng Đông"):
        text, capital = tcvn3(word)
        assert legacy.decode_tcvn3(text, capital) == word
        assert legacy.decode_vni(vni(word)) == word


def test_font_names():
    assert [legacy.font_encoding(f) for f in (".VnTime", ".VnTimeH", ".VnArial NarrowH", "VNI-Times", "VNI-Helve",
                                              "Times New Roman", "", "Vni")] == \
        ["tcvn3", "tcvn3h", "tcvn3h", "vni", "vni", "", "", ""]


HEAD = ["ỦY BAN MTTQ VIỆT NAM XÃ HÒA BÌNH", "BAN THƯỜNG TRỰC", "Số: 08/KH-MTTQ-BTT"]
RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hòa Bình, ngày 02 tháng 3 năm 2026"]
BODY = ["KẾ HOẠCH", "Tổ chức ngày hội đoàn kết ở khu dân cư thôn Trường Xuân", "______",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Phát huy sức mạnh khối đại đoàn kết, người dân cùng xây dựng đời sống mới.",
        "2. Ưu tiên hỗ trợ hộ nghèo, hộ cận nghèo; vận động thanh niên tham gia.",
        "II. TỔ CHỨC THỰC HIỆN", "Các chi hội báo cáo kết quả trước ngày 30/11/2026./."]


def _plan(path: Path, encode, head_encode=None) -> None:
    """The plan written with each run passed through encode(text) -> (text, font); the header's runs through
    head_encode (default: encode)."""
    head_encode = head_encode or encode
    doc = Document()
    t = doc.add_table(rows=1, cols=2)
    for cell, lines in zip(t.rows[0].cells, (HEAD, RIGHT)):
        for i, line in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            text, font = head_encode(line)
            r = p.add_run(text)
            r.font.name = font
            r.bold = line.isupper()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in BODY:
        text, font = encode(line)
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.font.name = font
        r.bold = line.isupper()
    doc.save(str(path))


def _tcvn3_run(line: str) -> tuple[str, str]:
    text, capital = tcvn3(line)
    return text, ".VnTimeH" if capital else ".VnTime"


def _words(result) -> str:
    return repr(result.plan) + repr(result.org)


@pytest.mark.parametrize("encode, family", [
    (_tcvn3_run, "TCVN3"),
    (lambda line: (vni(line), "VNI-Times"), "VNI"),
    (lambda line: (line, "Times New Roman"), ""),
])
def test_legacy_plan_reads_as_unicode(tmp_path, encode, family):
    ref = tmp_path / "ref.docx"
    _plan(ref, lambda line: (line, "Times New Roman"))
    path = tmp_path / "legacy.docx"
    _plan(path, encode)
    want, got = import_file(ref), import_file(path)
    strip = lambda plan: {k: v for k, v in plan.items() if k != "nhap_tu_dong"}  # noqa: E731
    assert strip(got.plan) == strip(want.plan) and got.org == want.org
    words = _words(got)
    assert "Người dân" not in words  # (our text says «người dân» lower-case)
    assert "người dân cùng xây dựng đời sống mới" in words and "Ưu tiên hỗ trợ" in words
    assert got.plan["van_ban"]["so"] == "08" and got.org["quoc_hieu"] == RIGHT[0]
    assert not any("U+00AD" in c for c in got.checklist)  # TCVN3's «ư» is a letter, not a soft hyphen
    said = [c for c in got.checklist if "bảng mã cũ" in c]
    if family:
        assert len(said) == 1 and family in said[0] and "đã chuyển sang Unicode" in said[0]
    else:
        assert not said


def test_unicode_body_under_a_tcvn3_header(tmp_path):
    path = tmp_path / "mixed.docx"
    _plan(path, lambda line: (line, "Times New Roman"), head_encode=_tcvn3_run)
    got = import_file(path)
    assert got.plan["van_ban"]["so"] == "08" and got.plan["van_ban"]["ngay_ban_hanh"] == "02/3/2026"
    assert got.org["quoc_hieu"] == RIGHT[0] and got.org["tieu_ngu"] == RIGHT[1]
    assert "BAN THƯỜNG TRỰC" in _words(got)


def test_unicode_text_in_a_legacy_font_is_kept(tmp_path):
    path = tmp_path / "kept.docx"
    _plan(path, lambda line: (line, ".VnTime"))
    got = import_file(path)
    assert "Ưu tiên hỗ trợ hộ nghèo" in _words(got)
    assert any("giữ nguyên" in c and ".VnTime" in c for c in got.checklist)


def test_legacy_text_without_its_font_is_refused(tmp_path):
    for encode in (lambda line: (tcvn3(line)[0], "Times New Roman"), lambda line: (vni(line), "Arial")):
        path = tmp_path / "lost.docx"
        _plan(path, encode)
        with pytest.raises(NotAPlan) as err:
            import_file(path)
        assert "Unikey" in str(err.value) and "Chuyển mã" in str(err.value) and "TCVN3" in str(err.value)


def test_legacy_text_in_a_txt_file_is_refused(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text("\n".join(tcvn3(line)[0] for line in BODY), encoding="utf-8")
    with pytest.raises(NotAPlan) as err:
        import_file(path)
    assert "Chuyển mã" in str(err.value)


def test_legacy_fonts_in_an_odt(tmp_path):
    """LibreOffice keeps the font of a TCVN3 or VNI document in its styles (style:font-name through the font-face
    declarations, or fo:font-family): the text is converted as in a .docx."""
    import zipfile

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3"')
    lines = HEAD[:1] + HEAD[2:] + RIGHT[2:] + BODY
    styles = ('<office:font-face-decls><style:font-face style:name="VnT" svg:font-family="&apos;.VnTime&apos;"/>'
              '<style:font-face style:name="VnTH" svg:font-family=".VnTimeH"/></office:font-face-decls>'
              '<office:automatic-styles>'
              '<style:style style:name="P1" style:family="paragraph"><style:text-properties style:font-name="VnT"/>'
              '</style:style><style:style style:name="P2" style:family="paragraph">'
              '<style:text-properties style:font-name="VnTH"/></style:style>'
              '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-family="VNI-Times"/>'
              '</style:style></office:automatic-styles>')
    body = []
    for k, line in enumerate(lines):
        if k % 2:  # every other line in a VNI span inside a Unicode paragraph
            body.append(f'<text:p><text:span text:style-name="T1">{vni(line)}</text:span></text:p>')
        else:
            text, capital = tcvn3(line)
            body.append(f'<text:p text:style-name="{"P2" if capital else "P1"}">{text}</text:p>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ns}>{styles}'
               f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')
    path = tmp_path / "cu.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    got = import_file(path)
    words = _words(got)
    for line in BODY[1:]:
        if line != "______":
            assert line.split(". ", 1)[-1] in words, line
    assert got.plan["van_ban"]["so"] == "08" and not any("U+00AD" in c for c in got.checklist)
    said = [c for c in got.checklist if "bảng mã cũ" in c]
    assert len(said) == 2 and "TCVN3" in said[0] and "VNI" in said[1]


def test_plain_ascii_in_a_legacy_font_says_nothing():
    seen = legacy.Converted()
    assert seen.run("KH-MTTQ 2026", ".VnTime") == "KH-MTTQ 2026" and seen.notes() == []
    assert seen.run("Ban Th\u00adêng trùc", ".VnTime") == "Ban Thường trực" and len(seen.notes()) == 1
