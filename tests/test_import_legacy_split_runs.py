"""A VNI letter is two characters (base + mark letter, «aù» = «á»), and Word may cut a run between them (an
edit, a revision mark, a formatting change): the import converts the paragraph's consecutive runs of one legacy
encoding together, so the result does not depend on where the runs were cut (review 17, N1). Our own wording."""

import pytest
from docx import Document

from macros.import_plan import import_file
from macros.plan_import import legacy
from macros.plan_import.blocks import NotAPlan

LOWER = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ"
# VNI Windows sequence of each letter of LOWER, in that order (as in test_import_legacy_fonts.py).
VNI_SEQ = ("aø aû aõ aù aï aê aè aú aü aé aë aâ aà aå aã aá aä ñ eø eû eõ eù eï eâ eà eå eã eá eä ì æ ó í ò "
           "oø oû oõ où oï oâ oà oå oã oá oä ô ôø ôû ôõ ôù ôï uø uû uõ uù uï ö öø öû öõ öù öï yø yû yõ yù î").split()


def vni(text: str) -> str:
    seqs = dict(zip(LOWER, VNI_SEQ))
    return "".join(seqs[ch] if ch in seqs else seqs[ch.lower()].upper() if ch.lower() in seqs else ch for ch in text)

LINES = ["KẾ HOẠCH", "Tổ chức hội thi đọc sách ở thư viện xã Phước Sơn", "I. MỤC ĐÍCH, YÊU CẦU",
         "1. Khuyến khích thiếu nhi đọc sách, giữ gìn sách của thư viện.",
         "2. Mỗi chi đội cử ba đội viên dự thi trước ngày 15/5/2026./."]


def _pieces(text: str, size: int) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)] if size else [text]


def _doc(path, size: int, other: int = -1) -> None:
    """The plan in VNI, each paragraph's text cut into runs of `size` characters (0: one run), in VNI-Times but
    paragraph `other` in Arial."""
    doc = Document()
    for n, line in enumerate(LINES):
        p = doc.add_paragraph()
        for piece in _pieces(vni(line), size):
            r = p.add_run(piece)
            r.font.name = "Arial" if n == other else "VNI-Times"
            r.bold = line.isupper()
    doc.save(str(path))


def assert_same_import(got, want) -> None:
    """Two imports of one text (cut into runs or spans differently): the same plan, body and legacy-font note."""
    def strip(plan: dict) -> dict:
        return {k: v for k, v in plan.items() if k != "nhap_tu_dong"}

    assert strip(got.plan) == strip(want.plan) and got.org == want.org
    assert [c for c in got.checklist if "bảng mã cũ" in c] == [c for c in want.checklist if "bảng mã cũ" in c]


@pytest.mark.parametrize("size", [1, 2, 3])
def test_vni_runs_cut_anywhere_read_as_one(tmp_path, size):
    whole, cut = tmp_path / "whole.docx", tmp_path / "cut.docx"
    _doc(whole, 0)
    _doc(cut, size)
    want, got = import_file(whole), import_file(cut)
    assert "thiếu nhi đọc sách, giữ gìn sách của thư viện" in repr(want.plan)
    assert_same_import(got, want)


def test_one_cut_at_every_position():
    """Each paragraph cut once, at each place, into two runs of the same VNI font (and of two VNI fonts)."""
    for line in LINES:
        text = vni(line)
        for i in range(1, len(text)):
            for fonts in (("VNI-Times", "VNI-Times"), ("VNI-Times", "VNI-Helve")):
                seen = legacy.Converted()
                assert "".join(seen.texts([(text[:i], fonts[0]), (text[i:], fonts[1])])) == line, (line, i)


def test_each_run_keeps_its_letters():
    """A letter cut between two runs goes to the run holding its base letter (a bold «ta» + «ùc» is «tá» + «c»);
    a run in another font is not joined, and Unicode text in a VNI font is kept as written."""
    seen = legacy.Converted()
    assert seen.texts([("coâng ta", "VNI-Times"), ("ùc", "VNI-Times")]) == ["công tá", "c"]
    assert seen.texts([("ta", "VNI-Times"), ("", "VNI-Times"), ("ùc", "VNI-Times")]) == ["tá", "", "c"]
    assert seen.texts([("ta", "VNI-Times"), ("ùc", "Arial")]) == ["ta", "ùc"]
    assert seen.texts([("ta", "VNI-Times"), ("ước", "VNI-Times")]) == ["ta", "ước"]
    assert seen.texts([("Ph¸t", ".VnTime"), ("aù", "VNI-Times")]) == ["Phát", "á"]


def test_refusal_when_a_legacy_font_is_named_elsewhere(tmp_path):
    """A paragraph of VNI text in another font cannot be converted exactly: the file is refused, and the message,
    with the file's other runs in VNI-Times, does not say the file names no legacy font."""
    path = tmp_path / "mixed.docx"
    _doc(path, 1, other=3)
    with pytest.raises(NotAPlan) as err:
        import_file(path)
    msg = str(err.value)
    assert "Unikey" in msg and "Chuyển mã" in msg
    assert "không ghi tên phông" not in msg and "VNI-Times" in msg
