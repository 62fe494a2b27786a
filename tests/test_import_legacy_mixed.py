"""VNI text (a letter is a base letter + a mark letter, «aù» = «á») cut across spans of an .odt, and VNI text
whose runs alternate between a VNI font and another font: the import converts exactly or refuses, never
publishes half-converted text. Our own wording."""

import zipfile

import pytest
from docx import Document

from macros.import_plan import import_file
from macros.plan_import import legacy
from macros.plan_import.blocks import NotAPlan
from tests.test_import_legacy_split_runs import vni

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


def _strip(plan: dict) -> dict:
    return {k: v for k, v in plan.items() if k != "nhap_tu_dong"}


@pytest.mark.parametrize("size", [1, 2])
def test_odt_vni_spans_cut_inside_letters_read_as_one(tmp_path, size):
    whole, cut = tmp_path / "whole.odt", tmp_path / "cut.odt"
    _odt(whole, 0)
    _odt(cut, size)
    want, got = import_file(whole), import_file(cut)
    assert "góp công, góp vật liệu sửa mái ngói trước mùa mưa" in repr(want.plan)
    assert _strip(got.plan) == _strip(want.plan) and got.org == want.org
    assert [c for c in got.checklist if "bảng mã cũ" in c] == [c for c in want.checklist if "bảng mã cũ" in c]
