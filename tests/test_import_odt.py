"""Hand-written .odt shapes (review r19e): headings (text:h with text:outline-level) import like Word's
«Heading 1/2», and a newline in the XML's own text is a space, as ODF says (only text:line-break ends a line)."""

import zipfile
from pathlib import Path

from tests.test_import_plan import load, project, run  # noqa: F401 - the fixture

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"')


def _odt(path: Path, body: str) -> Path:
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    return path


def _p(text: str) -> str:
    return f"<text:p>{text}</text:p>"


HEAD = "".join(_p(t) for t in ("ỦY BAN MTTQ VIỆT NAM", "XÃ NGỌC LINH", "Số: 05/KH-MTTQ",
                               "Ngọc Linh, ngày 20 tháng 3 năm 2026", "KẾ HOẠCH", "Phối hợp trồng sâm"))
TAIL = "".join(_p(t) for t in ("Nơi nhận:", "- Các thôn;", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Y Ngọc"))


def test_odt_headings_are_sections_and_sub_headings(project, tmp_path, capsys):
    body = (HEAD + '<text:h text:outline-level="1">Mục đích, yêu cầu</text:h>' + _p("Nâng cao nhận thức.")
            + '<text:h text:outline-level="1">Nội dung phối hợp</text:h>'
            + '<text:h text:outline-level="2">Tuyên truyền, vận động</text:h>' + _p("Tổ chức 06 buổi.")
            + '<text:h text:outline-level="1">Tổ chức thực hiện</text:h>' + _p("Các thôn thực hiện.") + TAIL)
    assert run(project, _odt(tmp_path / "h.odt", body), "--thu-muc", "h") == 0, capsys.readouterr().err
    plan = load(project, "h")
    assert [(s["so"], s["tieu_de"], s["loai"]) for s in plan["muc"]] == [
        ("", "Mục đích, yêu cầu", "muc_dich_yeu_cau"), ("", "Nội dung phối hợp", "noi_dung"),
        ("", "Tổ chức thực hiện", "to_chuc_thuc_hien")]
    assert plan["muc"][1]["doan"] == [{"ky_hieu": "", "van_ban": "Tuyên truyền, vận động", "doan": ["Tổ chức 06 buổi."]}]


def test_a_newline_in_the_xml_text_is_a_space_not_a_line(tmp_path):
    from macros.plan_import.odt import read_odt

    body = (_p("Nâng cao nhận thức\n   của hội viên<text:line-break/>về bảo vệ rừng.")
            + _p("Hai<text:s/>\n  bên<text:tab/>phối hợp."))
    blocks, _ = read_odt(_odt(tmp_path / "nl.odt", body), 10**6)
    assert [b.text for b in blocks] == ["Nâng cao nhận thức của hội viên", "về bảo vệ rừng.", "Hai  bên\tphối hợp."]
