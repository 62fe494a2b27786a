"""VNI text (a letter is a base letter + a mark letter, «aù» = «á») cut across spans of an .odt, and VNI text
whose runs alternate between a VNI font and another font: the import converts exactly or refuses, never
publishes half-converted text. Our own wording."""

import zipfile

import pytest
from docx import Document

from macros.import_plan import import_file
from macros.plan_import import legacy
from macros.plan_import.blocks import NotAPlan
from tests.test_import_legacy_split_runs import assert_same_import, vni

LINES = ["KẾ HOẠCH", "Sửa chữa nhà văn hóa thôn Đăk Răng", "I. MỤC ĐÍCH, YÊU CẦU",
         "1. Huy động nhân dân góp công, góp vật liệu sửa mái ngói trước mùa mưa.",
         "2. Ban công tác Mặt trận thôn báo cáo kết quả trước ngày 30/6/2026./."]

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"')
STYLES = ('<office:automatic-styles>'
          '<style:style style:name="V" style:family="text"><style:text-properties fo:font-family="VNI-Times"/>'
          '</style:style><style:style style:name="VB" style:family="text"><style:text-properties '
          'fo:font-family="VNI-Times" fo:font-weight="bold"/></style:style>'
          '<style:style style:name="A" style:family="text"><style:text-properties fo:font-family="Arial"/>'
          '</style:style></office:automatic-styles>')


def _odt(path, size: int, other: str = "") -> None:
    """The plan in VNI, each paragraph a row of spans of `size` characters (0: one span) in VNI-Times, every
    other span in font `other` when it is given."""
    body = []
    for line in LINES:
        text = vni(line)
        cut = [text[i:i + size] for i in range(0, len(text), size)] if size else [text]
        style = "VB" if line.isupper() else "V"
        spans = "".join(f'<text:span text:style-name="{other if other and k % 2 else style}">{piece}</text:span>'
                        for k, piece in enumerate(cut))
        body.append(f"<text:p>{spans}</text:p>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>{STYLES}'
               f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)




@pytest.mark.parametrize("size", [1, 2])
def test_odt_vni_spans_cut_inside_letters_read_as_one(tmp_path, size):
    whole, cut = tmp_path / "whole.odt", tmp_path / "cut.odt"
    _odt(whole, 0)
    _odt(cut, size)
    want, got = import_file(whole), import_file(cut)
    assert "góp công, góp vật liệu sửa mái ngói trước mùa mưa" in repr(want.plan)
    assert_same_import(got, want)


def _docx(path, size: int, other: str) -> None:
    """The plan in VNI, each paragraph cut into runs of `size` characters, alternately in VNI-Times and `other`."""
    doc = Document()
    for line in LINES:
        p = doc.add_paragraph()
        text = vni(line)
        for k, i in enumerate(range(0, len(text), size)):
            r = p.add_run(text[i:i + size])
            r.font.name = other if k % 2 else "VNI-Times"
    doc.save(str(path))


@pytest.mark.parametrize("size", [1, 2, 5])
@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_vni_runs_alternating_with_arial_are_refused(tmp_path, size, kind):
    """Half converted is silently wrong text: the file is refused, naming the paragraph and both fonts."""
    path = tmp_path / f"tron.{kind}"
    _docx(path, size, "Arial") if kind == "docx" else _odt(path, size, "A")
    with pytest.raises(NotAPlan) as err:
        import_file(path)
    msg = str(err.value)
    assert "«VNI-Times»" in msg and "«Arial»" in msg and "Chuyển mã" in msg and "Đoạn «" in msg


def test_which_runs_read_as_leftover():
    seen = legacy.Converted()
    seen.texts([("Phaùt huy ", "VNI-Times"), ("hoà bình, toán học", "Arial"), (" 2026", "VNI-Times")])
    seen.texts([("Hội nghị ", "VNI-Times"), ("nhaø vaên hoùa", "Arial")])  # Unicode in a VNI font: kept
    seen.texts([("Ph¸t huy", ".VnTime"), (" 2026 Phát huy", "Arial")])
    assert seen.mixed is None
    for pieces in ([("ta", "VNI-Times"), ("ùc", "Arial")], [("Pha", "Arial"), ("ùt huy", "VNI-Times")],
                   [("Phaùt ", "VNI-Times"), ("huy keát", "Arial")], [("Ph¸t ", ".VnTime"), ("huy kÕt", "Arial")],
                   [("coâng", "VNI-Times"), (" ", "Arial"), ("vieäc", "Times New Roman")]):
        seen = legacy.Converted()
        seen.texts(pieces)
        assert seen.mixed is not None, pieces


def test_unicode_plans_are_not_refused():
    """Ordinary Unicode plans hold no legacy font: nothing is noted, whatever their letters."""
    seen = legacy.Converted()
    for line in LINES + ["Hoà bình, hoá học, xoã tóc, toàn thể; Đoàn Thanh niên, Müller §3"]:
        seen.texts([(line[:7], "Arial"), (line[7:], "Times New Roman")])
    assert seen.mixed is None
