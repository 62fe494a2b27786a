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
        from macros.loader import load_plan
        from macros.render.plan import header_html
        blank = PLACE_DATE.replace("      ", "\u00a0" * 6)  # the model keeps a blank as no-break spaces
        assert f'<p class="vb-place-date">{blank}</p>' in header_html(load_plan(project, folder))
        assert org["quoc_hieu"] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and org["co_quan_ban_hanh"] == "BAN THƯỜNG TRỰC"
        assert org["ten_day_du"] == "Ban Thường trực Ủy ban MTTQ Việt Nam xã Sơn Hà"
        assert all(s["so"] != "V" for s in plan["muc"])
        checklist = " ".join(plan["nhap_tu_dong"]["can_xac_nhan"])
        assert "không tìm thấy số văn bản" not in checklist and "«Công văn»" in checklist


def test_a_document_without_a_kind_line_prints_none(project, tmp_path, capsys):
    """Review r19g: the page printed «CÔNG VĂN» above the subject, a line the letter does not have. The
    import says van_ban.in_ten_loai: false; the page keeps the heading for screen readers only (hidden on
    screen and on paper), and the Word export writes no kind line."""
    import io

    from macros.exports.plan_docx import plan_docx
    from macros.loader import load_plan
    from macros.render.plan import title_html

    plan = imported(project, tmp_path, capsys, _cong_van, "cong-van")
    assert plan["van_ban"]["in_ten_loai"] is False
    site = load_plan(project, "cong-van")
    assert '<h1 class="vb-kind vb-kind--unwritten" id="ke-hoach">CÔNG VĂN</h1>' in title_html(site)
    word = Document(io.BytesIO(plan_docx(site)))
    words = [p.text for p in word.paragraphs]
    # no title line: the «V/v …» stands under the number in the header (tests/test_word_export_layout.py)
    assert "CÔNG VĂN" not in words and "V/v hướng dẫn tổ chức hội nghị lấy ý kiến Nhân dân" not in words
    assert word.tables[0].cell(0, 0).paragraphs[-1].text == "V/v hướng dẫn tổ chức hội nghị lấy ý kiến Nhân dân"
    from tests.sitebuild import ROOT

    css = {name: (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8") for name in ("site.css", "print.css")}
    assert "h1.vb-kind--unwritten { position: absolute;" in css["site.css"]
    assert "h1.vb-kind--unwritten { display: none; }" in css["print.css"]


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


def _task_table(path: Path, marked: bool, spanning: bool):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    for t in ["KẾ HOẠCH", "Phân công nhiệm vụ năm 2026", "I. NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ"]:
        doc.add_paragraph(t)
    rows = [["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian"],
            ["I", "CÔNG TÁC TUYÊN TRUYỀN", "", ""], ["1", "Tuyên truyền trên loa", "Ban Công tác Mặt trận", "Quý II"],
            ["II", "CÔNG TÁC GIÁM SÁT", "", ""], ["2", "Giám sát công trình", "Ban Thường trực", "Tháng 9"]]
    table = doc.add_table(rows=len(rows), cols=4)
    for r, (tr, values) in enumerate(zip(table.rows, rows)):
        for cell, value in zip(tr.cells, values):
            if value:
                cell.paragraphs[0].add_run(value).bold = r in (0, 1, 3)
        if r in (1, 3) and spanning:
            tr.cells[1].merge(tr.cells[3])
        if r == 0 and marked:
            tr._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for t in ["II. TỔ CHỨC THỰC HIỆN", "Các thôn thực hiện."]:
        doc.add_paragraph(t)
    doc.save(path)


def test_a_bold_group_row_is_a_row_of_the_body_not_a_header_row(project, tmp_path, capsys):
    """D1: «I | CÔNG TÁC TUYÊN TRUYỀN» in bold under the header row is a body row (the phone cards are labelled
    «STT», «Nội dung nhiệm vụ» …), marked header rows or not, spanning the row or not."""
    for folder, marked, spanning in (("bold", False, False), ("marked", True, True), ("span", False, True)):
        plan = imported(project, tmp_path, capsys, lambda p, m=marked, s=spanning: _task_table(p, m, s), folder)
        table = next(b for s in plan["muc"] for b in s["doan"] if isinstance(b, dict) and "bang" in b)
        assert table["dong_tieu_de"] == 1, folder
        assert table["bang"][1][0] == "I"


def test_parts_start_sections_with_their_titles_as_written(project, tmp_path, capsys):
    """D2: «Phần thứ nhất» over its title in capitals (or «PHẦN I», «Phần 1.» with the title beside) opens a
    top-level section whose text is under it; the page prints «Phần thứ nhất MỤC ĐÍCH, YÊU CẦU» with no dot added."""
    from tests.test_import_plan import rendered

    cases = {"thu": (["Phần thứ nhất", "MỤC ĐÍCH, YÊU CẦU"], ["Phần thứ hai", "TỔ CHỨC THỰC HIỆN"],
                     [("Phần thứ nhất", "MỤC ĐÍCH, YÊU CẦU"), ("Phần thứ hai", "TỔ CHỨC THỰC HIỆN")]),
             "la-ma": (["PHẦN I. MỤC ĐÍCH, YÊU CẦU"], ["PHẦN II. TỔ CHỨC THỰC HIỆN"],
                       [("PHẦN I.", "MỤC ĐÍCH, YÊU CẦU"), ("PHẦN II.", "TỔ CHỨC THỰC HIỆN")]),
             "so": (["Phần 1. Mục đích, yêu cầu"], ["Phần 2. Tổ chức thực hiện"],
                    [("Phần 1.", "Mục đích, yêu cầu"), ("Phần 2.", "Tổ chức thực hiện")])}
    for folder, (first, second, want) in cases.items():
        def make(path, first=first, second=second):
            doc = Document()
            for t in ["KẾ HOẠCH", "Phối hợp năm 2026", *first, "1. Nâng cao nhận thức của Nhân dân.",
                      "- Tuyên truyền trên loa.", *second, "Các thôn thực hiện.", "Nơi nhận:", "- Các thôn;",
                      "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Y Ngọc"]:
                doc.add_paragraph(t)
            doc.save(path)
        plan = imported(project, tmp_path, capsys, make, folder)
        assert [(s["so"], s["tieu_de"]) for s in plan["muc"]] == want, folder
        assert plan["muc"][0]["loai"] == "muc_dich_yeu_cau" and plan["muc"][1]["doan"] == ["Các thôn thực hiện."]
        assert plan["muc"][0]["doan"][0]["ky_hieu"] == "1." and not plan["mo_dau"]
        page = rendered(project, folder)
        assert " ".join(want[0]) in page and "Phần thứ nhất." not in page


def test_typed_bullets_of_different_signs_at_one_indent_are_siblings(project, tmp_path, capsys):
    """D4: «– …» typed after «• …» at the same indent is its sibling, not nested under it; «+» stays the
    level under the bullet above it."""
    def make(path):
        doc = Document()
        for t in ["KẾ HOẠCH", "Phối hợp năm 2026", "I. TỔ CHỨC THỰC HIỆN", "• Các tổ chức xây dựng kế hoạch.",
                  "– Các thôn báo cáo kết quả.", "+ Báo cáo 6 tháng.", "+ Báo cáo năm.", "• Ban Thường trực theo dõi.",
                  "II. KINH PHÍ", "Từ nguồn hoạt động.", "Nơi nhận:", "- Các thôn;", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Y Ngọc"]:
            doc.add_paragraph(t)
        doc.save(path)
    plan = imported(project, tmp_path, capsys, make, "dau-dong")
    items = plan["muc"][0]["doan"]
    assert [i["ky_hieu"] for i in items] == ["•", "–", "•"]
    assert [i["ky_hieu"] for i in items[1]["doan"]] == ["+", "+"] and "doan" not in items[0]


def test_appendix_amounts_and_dates_in_words_are_on_the_checklist(project, tmp_path, capsys):
    """D5: a Phụ lục's amounts, dates written «tháng 3 năm 2026» and «Quý II/2026» are listed to check; «XÃ HỘI»
    (society) is never offered as a commune."""
    def make(path):
        doc = Document()
        for t in ["KẾ HOẠCH", "Phối hợp năm 2026", "I. NỘI DUNG", "1. Tuyên truyền trong tháng 3 năm 2026.",
                  "2. Giám sát trong Quý II/2026.", "3. GIÁM SÁT, PHẢN BIỆN XÃ HỘI",
                  "II. KINH PHÍ", "Từ nguồn hoạt động.",
                  "Nơi nhận:", "- Các thôn;", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Y Ngọc", "PHỤ LỤC"]:
            doc.add_paragraph(t)
        table = doc.add_table(rows=3, cols=3)
        for tr, values in zip(table.rows, [["STT", "Đơn vị", "Số tiền (đồng)"], ["1", "Thôn Kon Klor", "2.500.000"],
                                           ["", "Tổng cộng", "2.500.000"]]):
            for cell, value in zip(tr.cells, values):
                cell.text = value
        doc.save(path)
    checklist = "\n".join(imported(project, tmp_path, capsys, make, "phu-luc")["nhap_tu_dong"]["can_xac_nhan"])
    assert "phần sau chữ ký (phu_luc) ghi số tiền «2.500.000» (bảng, cột «Số tiền (đồng)», dòng «Thôn Kon Klor»)" in checklist
    assert "«tháng 3 năm 2026»" in checklist and "«Quý II/2026»" in checklist
    assert "«XÃ HỘI»" not in checklist


def test_a_heading_in_capitals_after_a_plain_header_is_the_bodys(project, tmp_path, capsys):
    """A header of plain paragraphs and no kind line: a line in capitals after «Số: …» starts the body, never
    taken for an issuing body's line."""
    def make(path):
        doc = Document()
        for t in ["ỦY BAN MTTQ VIỆT NAM XÃ SƠN HÀ", "BAN THƯỜNG TRỰC", "Số: 31/MTTQ-BTT", "MỘT SỐ NỘI DUNG CẦN LÀM",
                  "Các thôn tổ chức hội nghị.", "CÔNG TÁC BÁO CÁO", "Báo cáo trước ngày 20/3/2026.",
                  "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Hòa"]:
            doc.add_paragraph(t)
        doc.save(path)
    plan = imported(project, tmp_path, capsys, make, "dau-tho")
    assert load(project, "dau-tho", "co-quan.yaml")["co_quan_ban_hanh"] == "BAN THƯỜNG TRỰC"
    assert [s["tieu_de"] for s in plan["muc"]] == ["MỘT SỐ NỘI DUNG CẦN LÀM", "CÔNG TÁC BÁO CÁO"]
