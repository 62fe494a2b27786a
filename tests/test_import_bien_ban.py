"""A «BIÊN BẢN» (minutes) and the list shapes a reviewer imported (review r19h): a kind line under a header with
no body line under the parent, placeholder lines in two signers' blocks, a «- …» or «a) … đ)» list closed by a
heading, an outer «2.», a table or a caption. Each test builds its own small .docx (our text)."""

from pathlib import Path

from docx import Document

from tests.test_import_plan import imported, load, project  # noqa: F401 - the fixture

PLACEHOLDER = "(Ký, ghi rõ họ tên)"


def _bien_ban(path: Path, kind: str = "BIÊN BẢN") -> None:
    doc = Document()
    cells = doc.add_table(rows=1, cols=2).rows[0].cells
    left = ["ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG HÒA BÌNH", "Số: 07/BB-MTTQ"]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hòa Bình, ngày 05 tháng 3 năm 2026"]
    for cell, lines in zip(cells, (left, right)):
        cell.paragraphs[0].text = lines[0]
        for t in lines[1:]:
            cell.add_paragraph(t)
    for t in (kind, "Hội nghị bàn việc tổ chức Ngày hội Đại đoàn kết ở khu dân cư"):
        doc.add_paragraph().add_run(t).bold = True
    for t in ("Thời gian: 8 giờ 00 phút, ngày 05 tháng 3 năm 2026.", "Tham dự:",
              "- Thường trực Đảng ủy phường: 02 đồng chí;", "- Trưởng ban công tác Mặt trận 5 tổ dân phố: 05 đồng chí."):
        doc.add_paragraph(t)
    doc.add_paragraph().add_run("NỘI DUNG HỘI NGHỊ").bold = True
    for t in ("1. Bà Trần Thị Mai quán triệt kế hoạch tổ chức Ngày hội.", "2. Ý kiến thảo luận:",
              "- Ông Lê Văn An đề nghị tổ chức vào buổi sáng.", "3. Hội nghị thống nhất tổ chức ở 5/5 khu dân cư.",
              "Hội nghị kết thúc lúc 10 giờ 30 phút cùng ngày."):
        doc.add_paragraph(t)
    cells = doc.add_table(rows=1, cols=2).rows[0].cells
    for cell, lines in zip(cells, (["THƯ KÝ", PLACEHOLDER, "", "", "Phạm Văn Bình"],
                                   ["CHỦ TRÌ HỘI NGHỊ", PLACEHOLDER, "", "", "Trần Thị Mai"])):
        cell.paragraphs[0].text = lines[0]
        for t in lines[1:]:
            cell.add_paragraph(t)
    doc.save(path)


def test_a_kind_line_is_never_the_issuing_body(project, tmp_path, capsys):
    """Review r19h, doc 2, defect 1: «BIÊN BẢN» under «ỦY BAN MTTQ VIỆT NAM» / «PHƯỜNG HÒA BÌNH» was read as the
    issuing body, the kind and subject left blank. It is the kind line, the line under it the subject; the two
    capital lines above name one body (no superior)."""
    for folder, kind in (("bien-ban", "BIÊN BẢN"), ("lien-tich", "KẾ HOẠCH LIÊN TỊCH")):
        plan = imported(project, tmp_path, capsys, lambda p, k=kind: _bien_ban(p, k), folder)
        org = load(project, folder, "co-quan.yaml")
        assert plan["van_ban"]["loai"] == kind[:1] + kind[1:].lower(), folder
        assert plan["van_ban"]["trich_yeu"] == "Hội nghị bàn việc tổ chức Ngày hội Đại đoàn kết ở khu dân cư"
        assert org["co_quan_ban_hanh"] == "ỦY BAN MTTQ VIỆT NAM PHƯỜNG HÒA BÌNH" and org["co_quan_cap_tren"] == ""
        assert org["ten_day_du"] == "Ủy ban MTTQ Việt Nam phường Hòa Bình"
        assert kind not in " ".join(org.get("dong_in_dam", []))


def test_a_signature_placeholder_stays_between_title_and_name(project, tmp_path, capsys):
    """Review r19h, doc 2, defect 2: «(Ký, ghi rõ họ tên)» was printed where the name goes and the names were
    moved after the signatures. Each block keeps the placeholder in its place and its own signer; a thư ký and a
    chủ trì are not «nhiều cơ quan cùng ký»."""
    plan = imported(project, tmp_path, capsys, _bien_ban, "bien-ban")
    out = capsys.readouterr().out
    blocks = [plan["chu_ky"], *plan["chu_ky_khac"]]
    assert [(b["chuc_vu"], f"({b['trang_thai']})", b["nguoi_ky"]) for b in blocks] == [
        ("THƯ KÝ", PLACEHOLDER, "Phạm Văn Bình"), ("CHỦ TRÌ HỘI NGHỊ", PLACEHOLDER, "Trần Thị Mai")]
    assert not plan.get("phu_luc")
    assert "cùng ký" not in out
    from macros.loader import load_plan
    from macros.render.plan import closing_html
    html = closing_html(load_plan(project, "bien-ban"))
    assert html.index("THƯ KÝ") < html.index(PLACEHOLDER) < html.index("Phạm Văn Bình")


def test_a_heading_or_an_outer_number_closes_a_dash_list(project, tmp_path, capsys):
    """Review r19h, doc 2, defect 3: «NỘI DUNG HỘI NGHỊ», «1.», «2.» were nested under the last «- …» of the
    attendee list, and «3.» under the «- …» inside «2.». Each closes the list above it."""
    plan = imported(project, tmp_path, capsys, _bien_ban, "bien-ban")
    top = [b for s in plan["muc"] for b in s["doan"]]
    marks = [b["ky_hieu"] for b in top if isinstance(b, dict) and "ky_hieu" in b]
    assert marks == ["-", "-", "1.", "2.", "3."], marks
    assert all("doan" not in b for b in top if isinstance(b, dict) and b.get("ky_hieu") == "-")
    assert any(isinstance(b, list) and b[0]["chu"] == "NỘI DUNG HỘI NGHỊ" for b in top)
    two = next(b for b in top if isinstance(b, dict) and b.get("ky_hieu") == "2.")
    assert [x["ky_hieu"] for x in two["doan"]] == ["-"]


def _bao_cao(path: Path) -> None:
    doc = Document()
    for t in ("ỦY BAN MTTQ VIỆT NAM", "XÃ HÒA SƠN", "BAN THƯỜNG TRỰC", "Số: 11/BC-MTTQ-BTT",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hòa Sơn, ngày 02 tháng 12 năm 2026",
              "BÁO CÁO", "Kết quả Ngày hội Đại đoàn kết năm 2026"):
        doc.add_paragraph(t)
    doc.add_paragraph().add_run("KẾT QUẢ THỰC HIỆN").bold = True
    for t in ("Các hình thức đã làm:", "a) Tổ chức 6 buổi tuyên truyền;", "b) Phối hợp tổ chức Ngày hội ở 3/3 thôn."):
        doc.add_paragraph(t)
    doc.add_paragraph().add_run("Bảng 1. Số hộ tham gia").bold = True
    table = doc.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, (("Thôn", "Số hộ"), ("Thôn 1", "120"), ("Thôn 2", "98"))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    doc.add_paragraph().add_run("Biểu đồ 1. Tỷ lệ hộ tham gia theo thôn").italic = True
    doc.add_paragraph().add_run("PHƯƠNG HƯỚNG NĂM 2027").bold = True
    doc.add_paragraph("Tiếp tục vận động Nhân dân tham gia.")
    for t in ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Sơn"):
        doc.add_paragraph(t)
    doc.save(path)


def test_a_caption_and_a_table_close_a_letter_list(project, tmp_path, capsys):
    """Review r19h, doc 1, defect 1: «Bảng 1 …», its table and «Biểu đồ 1.» after an «a) … đ)» list were nested
    under its last item. They follow the list, at its left edge."""
    plan = imported(project, tmp_path, capsys, _bao_cao, "bao-cao")
    section = next(s for s in plan["muc"] if s["tieu_de"] == "KẾT QUẢ THỰC HIỆN")
    b = next(x for x in section["doan"] if isinstance(x, dict) and x.get("ky_hieu") == "b)")
    assert "doan" not in b, b
    kinds = ["bang" if isinstance(x, dict) and "bang" in x else plain_text(x) for x in section["doan"]]
    assert kinds[-3:] == ["Bảng 1. Số hộ tham gia", "bang", "Biểu đồ 1. Tỷ lệ hộ tham gia theo thôn"], kinds


def plain_text(x) -> str:
    if isinstance(x, dict):
        return x.get("ky_hieu", "")
    return x if isinstance(x, str) else "".join(r if isinstance(r, str) else r["chu"] for r in x)


def test_a_plan_without_kind_and_subject_is_named_by_its_file_and_listed(project, tmp_path, capsys):
    """Review r19h, doc 2, item 4: the website name (data/website.yaml › ten, in every page's title) fell back to
    the file's name silently. It is the kind and subject when there are any; else the file's name, listed."""
    def letter(path: Path) -> None:
        doc = Document()
        for t in ("ỦY BAN MTTQ VIỆT NAM", "XÃ HÒA SƠN", "BAN THƯỜNG TRỰC", "Số: 12/KH-MTTQ-BTT",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hòa Sơn, ngày 02 tháng 12 năm 2026",
                  "1. Tổ chức hội nghị ở các thôn.", "2. Báo cáo kết quả trước ngày 20/12/2026.",
                  "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Sơn"):
            doc.add_paragraph(t)
        doc.save(path)

    import yaml
    plan = imported(project, tmp_path, capsys, letter, "khong-ten")
    assert (plan["van_ban"]["loai"], plan["van_ban"]["trich_yeu"]) == ("", "")
    entry = yaml.safe_load((project / "data" / "website.yaml").read_text(encoding="utf-8"))["ke_hoach"][-1]
    assert entry["ten"] == "khong-ten"
    assert any("«khong-ten»" in x and "website.yaml" in x for x in plan["nhap_tu_dong"]["can_xac_nhan"])
    plan = imported(project, tmp_path, capsys, _bien_ban, "bien-ban")
    entry = yaml.safe_load((project / "data" / "website.yaml").read_text(encoding="utf-8"))["ke_hoach"][-1]
    assert entry["ten"] == "Biên bản hội nghị bàn việc tổ chức Ngày hội Đại đoàn kết ở khu dân cư"


def test_the_pdf_title_of_a_plan_without_kind_and_subject_reads_well(project, tmp_path, capsys):
    """Review r19h: the PDF Title was « số 05/BB-MTTQ:  – Bản nhập …» (empty kind and subject)."""
    from macros.loader import load_plan
    from macros.pdf.documents import plan_metadata

    test_a_plan_without_kind_and_subject_is_named_by_its_file_and_listed(project, tmp_path, capsys)
    meta = plan_metadata(load_plan(project, "khong-ten"))
    assert meta.title.startswith("Văn bản số 12/KH-MTTQ-BTT – Bản nhập tự động"), meta.title
    assert "Bản chép toàn văn Văn bản số 12/KH-MTTQ-BTT" in meta.subject
    meta = plan_metadata(load_plan(project, "bien-ban"))
    assert meta.title.startswith("Biên bản số 07/BB-MTTQ: Hội nghị bàn việc"), meta.title
    assert meta.author == "Ủy ban MTTQ Việt Nam phường Hòa Bình"


def test_checklist_dates_of_the_opening_and_without_year_no_total_or_address_units(project, tmp_path, capsys):
    """Review r19h, item 5: «ngày 15 tháng 01 năm 2026» in the opening and «ngày 01 tháng 12» (its year written
    later) were not listed; «Tổng cộng» (a table's total row) and «phường số 12» (from an address «phường Hòa Bình,
    số 12 đường …») were offered as unit names."""
    def report(path: Path) -> None:
        doc = Document()
        for t in ("ỦY BAN MTTQ VIỆT NAM", "XÃ HÒA SƠN", "BAN THƯỜNG TRỰC", "Số: 11/BC-MTTQ-BTT",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hòa Sơn, ngày 02 tháng 12 năm 2026",
                  "BÁO CÁO", "Kết quả Ngày hội Đại đoàn kết năm 2026",
                  "Thực hiện Kế hoạch số 12/KH-MTTQ-BTT ngày 15 tháng 01 năm 2026, Ban Thường trực báo cáo như sau:",
                  "I. KẾT QUẢ", "1. Giám sát từ ngày 01 tháng 12 đến ngày 25 tháng 12 năm 2026.",
                  "2. Họp tại hội trường phường Hòa Bình, số 12 đường Trần Phú."):
            doc.add_paragraph(t)
        table = doc.add_table(rows=4, cols=2)
        for row, cells in zip(table.rows, (("Thôn", "Số hộ"), ("Kon Drei", "120"), ("Kon Jơ Ri", "98"),
                                           ("Tổng cộng", "218"))):
            for cell, text in zip(row.cells, cells):
                cell.text = text
        for t in ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Sơn"):
            doc.add_paragraph(t)
        doc.save(path)

    plan = imported(project, tmp_path, capsys, report, "bao-cao")
    checklist = "\n".join(plan["nhap_tu_dong"]["can_xac_nhan"])
    assert "«ngày 15 tháng 01 năm 2026»" in checklist and "«ngày 01 tháng 12»" in checklist, checklist
    assert "«Kon Drei»" in checklist and "«Tổng cộng»" not in checklist.split("đơn vị")[-1], checklist
    assert not any("đơn vị" in x and "Tổng cộng" in x for x in plan["nhap_tu_dong"]["can_xac_nhan"])
    assert "phường số 12" not in checklist and "«phường Hòa Bình»" in checklist


def test_a_slogan_in_capitals_or_a_table_announced_by_its_item_stays_in_the_list(project, tmp_path, capsys):
    """The other side of the r19h rules: a slogan in capitals («… !») under «- Khẩu hiệu:» is not a heading, and
    a table after «… như sau:» belongs to the item that announces it."""
    def plan_file(path: Path) -> None:
        doc = Document()
        for t in ("ỦY BAN MTTQ VIỆT NAM", "XÃ HÒA SƠN", "BAN THƯỜNG TRỰC", "Số: 13/KH-MTTQ-BTT",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hòa Sơn, ngày 02 tháng 12 năm 2026",
                  "KẾ HOẠCH", "Tuyên truyền Ngày hội Đại đoàn kết", "I. NỘI DUNG", "- Khẩu hiệu:",
                  "TOÀN DÂN ĐOÀN KẾT XÂY DỰNG NÔNG THÔN MỚI!", "- Phân công các thôn như sau:"):
            doc.add_paragraph(t)
        table = doc.add_table(rows=2, cols=2)
        for row, cells in zip(table.rows, (("Thôn", "Việc"), ("Kon Drei", "Treo khẩu hiệu"))):
            for cell, text in zip(row.cells, cells):
                cell.text = text
        for t in ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Sơn"):
            doc.add_paragraph(t)
        doc.save(path)

    plan = imported(project, tmp_path, capsys, plan_file, "khau-hieu")
    items = [x for x in plan["muc"][0]["doan"] if isinstance(x, dict)]
    assert [x.get("ky_hieu") for x in items] == ["-", "-"], items
    assert plain_text(items[0]["doan"][0]) == "TOÀN DÂN ĐOÀN KẾT XÂY DỰNG NÔNG THÔN MỚI!"
    assert "bang" in items[1]["doan"][0]
