"""A «công văn» and other shapes of Front documents a reviewer imported (review r19g): a header with no kind
line read by its own marks, «V/v …» as the subject, «Kính gửi:» addressees, the issuer's own name under a
superior body, bold group rows of a table, «Phần thứ …» parts. Each test builds its own small .docx (our text)."""

from pathlib import Path

from docx import Document

from tests.test_import_plan import imported, load, project  # noqa: F401 - the fixture

PLACE_DATE = "Sơn Hà, ngày      tháng 3 năm 2026"


def _cong_van(path: Path, subject: str = "V/v hướng dẫn tổ chức hội nghị lấy ý kiến Nhân dân", in_table: bool = True):
    doc = Document()
    left = ["ỦY BAN MTTQ VIỆT NAM", "XÃ SƠN HÀ", "BAN THƯỜNG TRỰC", "Số: 31/MTTQ-BTT", subject]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", PLACE_DATE]
    if in_table:
        cells = doc.add_table(rows=1, cols=2).rows[0].cells
        for cell, lines in zip(cells, (left, right)):
            cell.paragraphs[0].text = lines[0]
            for t in lines[1:]:
                cell.add_paragraph(t)
    else:
        for t in left + right:
            doc.add_paragraph(t)
    for t in ["", "Kính gửi:\t- Ban Công tác Mặt trận các thôn;", "\t- Chi hội Nông dân các thôn.",
              "Thực hiện hướng dẫn của cấp trên, Ban Thường trực đề nghị các đơn vị thực hiện:",
              "1. Tổ chức hội nghị tại nhà văn hóa thôn.", "2. Báo cáo kết quả trước ngày 20/3/2026.",
              "Trân trọng./.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Hòa"]:
        doc.add_paragraph(t)
    doc.save(path)


def test_a_cong_van_without_a_kind_line_has_its_header_read(project, tmp_path, capsys):
    """E1/E2/E4: the number, the bodies, the national name and the place-date line are read with no kind
    line under them; «V/v …» is the subject, never a section «V.»; a blank day is kept as written."""
    for folder, subject, in_table in (("bang", "V/v hướng dẫn tổ chức hội nghị", True),
                                      ("doan", "V/v: hướng dẫn tổ chức hội nghị", False)):
        plan = imported(project, tmp_path, capsys, lambda p, s=subject, t=in_table: _cong_van(p, s, t), folder)
        doc, org = plan["van_ban"], load(project, folder, "co-quan.yaml")
        assert (doc["so"], doc["ky_hieu"], doc["loai"], doc["trich_yeu"]) == ("31", "MTTQ-BTT", "Công văn", subject), folder
        assert doc["dong_dia_danh_ngay"] == PLACE_DATE
        assert org["quoc_hieu"] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and org["co_quan_ban_hanh"] == "BAN THƯỜNG TRỰC"
        assert org["ten_day_du"] == "Ban Thường trực Ủy ban MTTQ Việt Nam xã Sơn Hà"
        assert all(s["so"] != "V" for s in plan["muc"])
        checklist = " ".join(plan["nhap_tu_dong"]["can_xac_nhan"])
        assert "không tìm thấy số văn bản" not in checklist and "«Công văn»" in checklist


def test_a_symbol_naming_a_kind_is_not_taken_for_a_cong_van(project, tmp_path, capsys):
    def make(path):
        _cong_van(path)
        doc = Document(path)
        for p in doc.tables[0].rows[0].cells[0].paragraphs:
            if p.text.startswith("Số:"):
                p.runs[0].text = "Số: 31/TB-MTTQ"
        doc.save(path)
    plan = imported(project, tmp_path, capsys, make, "tb")
    assert plan["van_ban"]["so"] == "31" and plan["van_ban"]["loai"] == ""


def test_addressees_are_kept_as_written_and_the_body_is_not_nested_under_them(project, tmp_path, capsys):
    """E3: «Kính gửi:» and its «- …» lines are paragraphs as written; the paragraph after them is not an
    item of the last addressee."""
    plan = imported(project, tmp_path, capsys, _cong_van, "kinh-gui")
    blocks = [b for s in plan["muc"] for b in s["doan"]]
    assert blocks[:3] == ["Kính gửi:\t- Ban Công tác Mặt trận các thôn;", "- Chi hội Nông dân các thôn.",
                          "Thực hiện hướng dẫn của cấp trên, Ban Thường trực đề nghị các đơn vị thực hiện:"]


def _plan(path: Path, header: list[str]):
    doc = Document()
    for t in [*header, "Số: 05/KH-MTTQ", "Ngọc Linh, ngày 20 tháng 3 năm 2026", "KẾ HOẠCH", "Phối hợp trồng sâm",
              "I. MỤC ĐÍCH", "Nâng cao nhận thức.", "II. TỔ CHỨC THỰC HIỆN", "Các thôn thực hiện.",
              "Nơi nhận:", "- Các thôn;", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Y Ngọc"]:
        doc.add_paragraph(t)
    doc.save(path)


def test_the_issuer_with_its_own_place_is_named_without_its_superior(project, tmp_path, capsys):
    """B2′/D3: a commune's body under the district's or province's is named alone, and its level is its own;
    a body with no place of its own («BAN THƯỜNG TRỰC») is named with the body above it."""
    cases = {"ya-ly": (["ỦY BAN MTTQ VIỆT NAM HUYỆN SA THẦY", "ỦY BAN MTTQ VIỆT NAM XÃ YA LY"],
                       "Ủy ban MTTQ Việt Nam xã Ya Ly", "xã"),
             "dak-ro-wa": (["ỦY BAN MTTQ VIỆT NAM", "TỈNH QUẢNG NGÃI", "ỦY BAN MTTQ VIỆT NAM", "XÃ ĐĂK RƠ WA"],
                           "Ủy ban MTTQ Việt Nam xã Đăk Rơ Wa", "xã"),
             "ba-dong": (["ỦY BAN MTTQ VIỆT NAM TỈNH QUẢNG NGÃI", "ỦY BAN MTTQ VIỆT NAM XÃ SƠN HÀ", "BAN THƯỜNG TRỰC"],
                         "Ban Thường trực Ủy ban MTTQ Việt Nam xã Sơn Hà", "xã"),
             "btt": (["ỦY BAN MTTQ VIỆT NAM TỈNH QUẢNG NGÃI", "BAN THƯỜNG TRỰC"],
                     "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi", "tỉnh")}
    for folder, (header, name, level) in cases.items():
        imported(project, tmp_path, capsys, lambda p, h=header: _plan(p, h), folder)
        org = load(project, folder, "co-quan.yaml")
        assert (org["ten_day_du"], org["cap"]) == (name, level), folder
