"""A .docx whose header, signature and body lines are broken with Shift+Enter (w:br inside one paragraph).

Review r19d (e_bao_cao_ngok_bay.docx): the import joined «CỘNG HÒA…» and «Độc lập - Tự do - Hạnh phúc»
into one line (tieu_ngu empty, the PDF cut the motto off) and put the four signature lines into quyen_han.
A line break must read like a paragraph break wherever the import reads lines, and join no words in the body.
"""

import zipfile
from pathlib import Path

import pytest
import yaml

from macros import import_plan
from tests.plan_docx_fixtures import MOTTO, NATION, line_breaks
from tests.test_import_plan import project, visible  # noqa: F401 - project is a fixture


def test_shift_enter_lines_import_like_paragraphs(project, tmp_path):
    src = tmp_path / "ngat-dong.docx"
    line_breaks(src)
    _check_imported(project, src, "nd")


def test_odt_line_breaks_import_like_paragraphs(project, saved_as_odt):
    """The same document saved as .odt by LibreOffice (conftest: saved_as_odt): each w:br becomes a
    text:line-break, which the .odt reader joined into one paragraph with «\n» (tieu_ngu empty, the
    signature lines in quyen_han)."""
    odt = saved_as_odt / "ngat-dong.odt"
    assert b"text:line-break" in zipfile.ZipFile(odt).read("content.xml")
    _check_imported(project, odt, "nd-odt")


def _check_imported(project: Path, src: Path, name: str) -> None:
    from macros.loader import load_plan
    from macros.render.plan import plan_page

    assert import_plan.main([str(src), "--goc", str(project), "--thu-muc", name]) == 0
    folder = project / "data" / name
    plan = yaml.safe_load((folder / "ke-hoach.yaml").read_text(encoding="utf-8"))
    org = yaml.safe_load((folder / "co-quan.yaml").read_text(encoding="utf-8"))
    assert (org["quoc_hieu"], org["tieu_ngu"]) == (NATION, MOTTO)
    assert org["co_quan_ban_hanh"] == "BAN THƯỜNG TRỰC"
    signer = plan["chu_ky"]
    assert (signer["quyen_han"], signer["chuc_vu"], signer["nguoi_ky"]) == (
        "TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "A Thiên")
    assert plan["noi_nhan"]["dong"] == ["- BTT UBMTTQVN huyện (b/c);", "- Lưu VT."]
    page = visible(plan_page(load_plan(project, name)))
    assert "A Thiên" in page and "A THIÊN" not in page
    # the body's broken line: both halves kept, in order, no word joined across the break
    assert "khu dân cư;" in page and "gắn với phong trào thi đua." in page
    assert page.find("khu dân cư;") < page.find("gắn với phong trào")
    assert "cư;gắn" not in page


def test_odt_numbered_item_broken_into_lines_keeps_its_number_on_the_first(tmp_path):
    """A numbered list item typed with Shift+Enter: one Para per line, the number only on the first,
    nothing joined or lost (a break at the end adds no line)."""
    from macros.plan_import.odt import read_odt

    content = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
<office:automatic-styles>
 <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/></text:list-style>
</office:automatic-styles>
<office:body><office:text><text:list text:style-name="L1">
 <text:list-item><text:p>Phát huy <text:span text:style-name="T1">đoàn kết;</text:span><text:line-break/>gắn với thi đua.<text:line-break/></text:p></text:list-item>
 <text:list-item><text:p>Hai.</text:p></text:list-item>
</text:list></office:text></office:body></office:document-content>
"""
    src = tmp_path / "so.odt"
    with zipfile.ZipFile(src, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    blocks, _ = read_odt(src, 10**6)
    assert [(b.marker, b.text) for b in blocks] == [("1.", "Phát huy đoàn kết;"), ("", "gắn với thi đua."), ("2.", "Hai.")]
    assert [(r.text, r.bold) for r in blocks[0].runs] == [("Phát huy ", False), ("đoàn kết;", True)]
