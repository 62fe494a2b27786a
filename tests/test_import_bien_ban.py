"""A «BIÊN BẢN» (minutes) and the list shapes a reviewer imported (review r19h): a kind line under a header with
no body line under the parent, placeholder lines in two signers' blocks, a «- …» or «a) … đ)» list closed by a
heading, an outer «2.», a table or a caption. Each test builds its own small .docx (our text)."""

from pathlib import Path

from docx import Document

from tests.test_import_plan import imported, load, project  # noqa: F401 - the fixture

PLACEHOLDER = "(Ký, ghi rõ họ tên)"
SIGNER = ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Sơn")


def _cells(doc, rows):
    """A table of plain cells, one row of texts a row."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    return table


def _signed(doc, path: Path) -> None:
    """The signer's lines as plain paragraphs, then the file saved."""
    for t in SIGNER:
        doc.add_paragraph(t)
    doc.save(path)


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
    # The one heading in bold capitals is a section of its own, «1.» … under it (brief r19h item 1).
    assert [s["tieu_de"] for s in plan["muc"]][-1] == "NỘI DUNG HỘI NGHỊ", plan["muc"]
    assert [b["ky_hieu"] for b in plan["muc"][-1]["doan"] if isinstance(b, dict)] == ["1.", "2.", "3."]
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
    _cells(doc, (("Thôn", "Số hộ"), ("Thôn 1", "120"), ("Thôn 2", "98")))
    doc.add_paragraph().add_run("Biểu đồ 1. Tỷ lệ hộ tham gia theo thôn").italic = True
    doc.add_paragraph().add_run("PHƯƠNG HƯỚNG NĂM 2027").bold = True
    doc.add_paragraph("Tiếp tục vận động Nhân dân tham gia.")
    _signed(doc, path)


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
        _cells(doc, (("Thôn", "Số hộ"), ("Kon Drei", "120"), ("Kon Jơ Ri", "98"), ("Tổng cộng", "218")))
        _signed(doc, path)

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
        _cells(doc, (("Thôn", "Việc"), ("Kon Drei", "Treo khẩu hiệu")))
        _signed(doc, path)

    plan = imported(project, tmp_path, capsys, plan_file, "khau-hieu")
    items = [x for x in plan["muc"][0]["doan"] if isinstance(x, dict)]
    assert [x.get("ky_hieu") for x in items] == ["-", "-"], items
    assert plain_text(items[0]["doan"][0]) == "TOÀN DÂN ĐOÀN KẾT XÂY DỰNG NÔNG THÔN MỚI!"
    assert "bang" in items[1]["doan"][0]


def _minutes_with_tail(path: Path, last_item: str, item_indent: tuple[int, int] | None = None,
                       vote_indent: int | None = None) -> None:
    """Minutes ending «3. …», «Biểu quyết: …», «Hội nghị kết thúc …»; `item_indent` (left, hanging) of «3.» and
    `vote_indent` (left) of «Biểu quyết» in twips, as the file sets them (None: not set)."""
    from docx.shared import Twips

    doc = Document()
    for t in ("ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG HÒA BÌNH", "Số: 08/BB-MTTQ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Hòa Bình, ngày 06 tháng 3 năm 2026", "BIÊN BẢN",
              "Hội nghị bàn việc giám sát hỗ trợ hộ nghèo", "Thời gian: 14 giờ 00 phút, ngày 06 tháng 3 năm 2026."):
        doc.add_paragraph(t)
    doc.add_paragraph().add_run("NỘI DUNG HỘI NGHỊ").bold = True
    for t in ("1. Bà Trần Thị Mai quán triệt kế hoạch giám sát.", "2. Ý kiến thảo luận:",
              "- Ông Lê Văn An đề nghị giám sát cả việc hỗ trợ tiền điện."):
        doc.add_paragraph(t)
    item = doc.add_paragraph(last_item)
    if item_indent:
        item.paragraph_format.left_indent = Twips(item_indent[0])
        item.paragraph_format.first_line_indent = Twips(-item_indent[1])
    vote = doc.add_paragraph("Biểu quyết: 21/21 đại biểu tán thành (đạt 100%).")
    if vote_indent is not None:
        vote.paragraph_format.left_indent = Twips(vote_indent)
    doc.add_paragraph("Hội nghị kết thúc lúc 16 giờ 30 phút cùng ngày; biên bản lập thành 03 bản.")
    cells = doc.add_table(rows=1, cols=2).rows[0].cells
    for cell, lines in zip(cells, (["THƯ KÝ", "Phạm Văn Bình"], ["CHỦ TRÌ HỘI NGHỊ", "Trần Thị Mai"])):
        cell.paragraphs[0].text = lines[0]
        for t in lines[1:]:
            cell.add_paragraph(t)
    doc.save(path)


def test_paragraphs_after_the_last_item_stand_alone_unless_the_file_indents_them(project, tmp_path, capsys):
    """Review r19h, doc 2, defect 3: «Biểu quyết …» and the closing paragraph after the last «3. …» (a whole
    sentence) were its children, though nothing in the file set them under it. The rule: a plain paragraph after
    the body's last item is that item's only when the file indents it (its left indent right of where the item's
    first line starts) or when the item is a title with nothing under it yet (no sentence end, or «…:»)."""
    vote, end = "Biểu quyết: 21/21 đại biểu tán thành (đạt 100%).", "Hội nghị kết thúc lúc 16 giờ 30 phút cùng ngày"
    sentence = "3. Hội nghị thống nhất thành lập 03 đoàn giám sát, mỗi đoàn 05 thành viên."

    def last(plan):
        top = plan["muc"][-1]["doan"]
        three = next(b for b in top if isinstance(b, dict) and b.get("ky_hieu") == "3.")
        return [plain_text(x) for x in three.get("doan", [])], [plain_text(x) for x in top[top.index(three) + 1:]]

    plan = imported(project, tmp_path, capsys, lambda p: _minutes_with_tail(p, sentence), "khong-thut")
    under, after = last(plan)
    assert under == [] and after[0] == vote and after[1].startswith(end), (under, after)
    assert any("«3.»" in x and "Biểu quyết" in x and "(và 1 đoạn sau nó)" in x for x in plan["nhap_tu_dong"]["can_xac_nhan"])
    # The file indents «Biểu quyết» (1,27 cm) but not the closing paragraph: only the first is the item's.
    plan = imported(project, tmp_path, capsys, lambda p: _minutes_with_tail(p, sentence, vote_indent=720), "thut")
    under, after = last(plan)
    assert under == [vote] and len(after) == 1 and after[0].startswith(end), (under, after)
    # «3.» with a hanging indent: a paragraph set at its text's edge is its own, one at the margin is not.
    plan = imported(project, tmp_path, capsys,
                    lambda p: _minutes_with_tail(p, sentence, item_indent=(720, 360), vote_indent=720), "treo")
    under, after = last(plan)
    assert under == [vote] and len(after) == 1, (under, after)
    # A title («3. Kết luận của hội nghị») opens what follows it: both paragraphs are its own.
    plan = imported(project, tmp_path, capsys, lambda p: _minutes_with_tail(p, "3. Kết luận của hội nghị"), "tieu-de")
    under, after = last(plan)
    assert under[0] == vote and under[1].startswith(end) and after == [], (under, after)


def test_a_word_numbered_item_after_typed_dashes_is_no_child_of_the_last_dash(project, tmp_path, capsys):
    """Brief r19h item 1 (Word's own numbering): «1.», «2.», «3.» of Word's automatic list after a typed «- …»
    list were nested under its last «-», and «3.» under the «-» typed inside «2.». A number at the list's own
    edge returns to the numbered level; one the file indents under the «- …» (Word's «List Number 2») stays
    under it."""
    def minutes(path: Path, number_style: str) -> None:
        doc = Document()
        for t in ("ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG HÒA BÌNH", "Số: 09/BB-MTTQ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", "Hòa Bình, ngày 07 tháng 3 năm 2026", "BIÊN BẢN",
                  "Hội nghị bàn việc giám sát", "Thời gian: 14 giờ 00 phút, ngày 07 tháng 3 năm 2026.", "Tham dự:",
                  "- Thường trực Đảng ủy phường: 02 đồng chí;", "- Hộ nghèo được mời: 03 hộ."):
            doc.add_paragraph(t)
        for t in ("Bà Trần Thị Mai quán triệt kế hoạch.", "Ý kiến thảo luận:"):
            doc.add_paragraph(t, style=number_style)
        doc.add_paragraph("- Ông Lê Văn An đề nghị tổ chức buổi sáng.")
        doc.add_paragraph("Hội nghị thống nhất tổ chức ở 5 khu dân cư.", style=number_style)
        _signed(doc, path)

    plan = imported(project, tmp_path, capsys, lambda p: minutes(p, "List Number"), "so-tu-dong")
    top = plan["muc"][-1]["doan"]
    assert [b["ky_hieu"] for b in top] == ["-", "-", "1.", "2.", "3."], top
    assert "doan" not in top[1] and [x["ky_hieu"] for x in top[3]["doan"]] == ["-"], top
    plan = imported(project, tmp_path, capsys, lambda p: minutes(p, "List Number 2"), "so-thut-vao")
    top = plan["muc"][-1]["doan"]
    assert [x["ky_hieu"] for x in top[1]["doan"]] == ["1.", "2."], top


def test_one_capital_line_not_in_bold_or_a_slogan_is_no_section(project, tmp_path, capsys):
    """The other side of «NỘI DUNG HỘI NGHỊ» as a section: a lone line in capitals set in plain type, or a slogan
    («… !»), stays a paragraph of the body."""
    for folder, line, bold in (("thuong", "NỘI DUNG HỘI NGHỊ", False), ("khau-hieu", "TOÀN DÂN ĐOÀN KẾT!", True)):
        def minutes(path: Path) -> None:
            doc = Document()
            for t in ("ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG HÒA BÌNH", "Số: 10/BB-MTTQ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "Độc lập - Tự do - Hạnh phúc", "Hòa Bình, ngày 08 tháng 3 năm 2026", "BIÊN BẢN",
                      "Hội nghị bàn việc giám sát", "Tham dự:", "- Thường trực Đảng ủy phường: 02 đồng chí."):
                doc.add_paragraph(t)
            doc.add_paragraph().add_run(line).bold = bold
            for t in ("1. Bà Trần Thị Mai quán triệt kế hoạch.", "2. Hội nghị thống nhất tổ chức ở 5 khu dân cư.",
                      "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Sơn"):
                doc.add_paragraph(t)
            doc.save(path)

        plan = imported(project, tmp_path, capsys, minutes, folder)
        assert all(s["tieu_de"] == "" for s in plan["muc"]), plan["muc"]
        assert line in str(plan["muc"]), plan["muc"]


def test_a_caption_or_table_the_file_indents_under_a_letter_item_stays_under_it(project, tmp_path, capsys):
    """Brief r19h item 2, the other side: a caption and a table after «b) …» are that item's only when the file
    indents them under it (the paragraph's left indent, the table's w:tblInd, right of where «b)» starts).
    A caption written «Bảng 1 – …» (a dash, no stop) closes the list like «Bảng 1. …»."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Twips

    def report(path: Path, indent: int | None, caption: str) -> None:
        doc = Document()
        for t in ("ỦY BAN MTTQ VIỆT NAM", "XÃ HÒA SƠN", "BAN THƯỜNG TRỰC", "Số: 14/BC-MTTQ-BTT",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Hòa Sơn, ngày 02 tháng 12 năm 2026", "BÁO CÁO", "Kết quả Ngày hội Đại đoàn kết năm 2026"):
            doc.add_paragraph(t)
        doc.add_paragraph().add_run("KẾT QUẢ THỰC HIỆN").bold = True
        for t in ("Các hình thức đã làm:", "a) Tổ chức 6 buổi tuyên truyền;", "b) Phối hợp tổ chức Ngày hội ở 3/3 thôn."):
            doc.add_paragraph(t)
        run = doc.add_paragraph().add_run(caption)
        run.bold = True
        table = _cells(doc, (("Thôn", "Số hộ"), ("Thôn 1", "120"), ("Thôn 2", "98")))
        if indent is not None:
            run._parent.paragraph_format.left_indent = Twips(indent)
            ind = OxmlElement("w:tblInd")
            ind.set(qn("w:w"), str(indent))
            ind.set(qn("w:type"), "dxa")
            table._tbl.tblPr.append(ind)
        doc.add_paragraph().add_run("PHƯƠNG HƯỚNG NĂM 2027").bold = True
        doc.add_paragraph("Tiếp tục vận động Nhân dân tham gia.")
        _signed(doc, path)

    def under_b(plan):
        section = next(s for s in plan["muc"] if s["tieu_de"] == "KẾT QUẢ THỰC HIỆN")
        b = next(x for x in section["doan"] if isinstance(x, dict) and x.get("ky_hieu") == "b)")
        return ["bang" if isinstance(x, dict) else plain_text(x) for x in b.get("doan", [])]

    plan = imported(project, tmp_path, capsys, lambda p: report(p, 720, "Bảng 1. Số hộ tham gia"), "thut-vao")
    assert under_b(plan) == ["Bảng 1. Số hộ tham gia", "bang"], under_b(plan)
    plan = imported(project, tmp_path, capsys, lambda p: report(p, None, "Bảng 1 – Số hộ tham gia"), "gach-ngang")
    assert under_b(plan) == [], under_b(plan)


def test_no_unit_candidate_from_a_house_number_or_a_total_like_row(project, tmp_path, capsys):
    """Review r19h item 5, other forms of the same defects: «thôn 3, số 12 đường Lê Lợi» (an address after a
    numbered unit) gave «thôn số 12», «thôn 5, Số 12 Trần Phú» «thôn Số 12 Trần Phú», «xã Hòa Sơn, Điện thoại …»
    «xã Điện», «Thôn Kon Rơ Wang, Trường Tiểu học …» «Thôn Trường Tiểu», «02 thôn: Thôn 7, Thôn 8» «thôn Thôn 7» (review r19j); a table's «Cả xã», «Bình quân», «Trong đó:» rows (totals, an average, a
    breakdown) were offered as unit names. Real names around them stay listed."""
    def report(path: Path) -> None:
        doc = Document()
        for t in ("ỦY BAN MTTQ VIỆT NAM", "XÃ HÒA SƠN", "BAN THƯỜNG TRỰC", "Số: 15/BC-MTTQ-BTT",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Hòa Sơn, ngày 02 tháng 12 năm 2026", "BÁO CÁO", "Kết quả Ngày hội Đại đoàn kết năm 2026",
                  "I. KẾT QUẢ", "1. Hội nghị họp tại nhà văn hóa thôn 3, số 12 đường Lê Lợi.",
                  "2. Hội trường thôn 5, Số 12 Trần Phú; liên hệ xã Hòa Sơn, Điện thoại 0260.3811.222.",
                  "3. Thôn Kon Rơ Wang, Trường Tiểu học Kon Rơ Wang cùng tổ chức.",
                  "4. Giám sát tại 02 thôn: Thôn 7, Thôn 8."):
            doc.add_paragraph(t)
        rows = (("TT", "Thôn", "Số hộ"), ("1", "Kon Drei", "120"), ("2", "Kon Jơ Ri", "98"), ("", "Cả xã", "218"),
                ("", "Trong đó:", ""), ("", "Bình quân", "109"))
        _cells(doc, rows)
        _signed(doc, path)

    plan = imported(project, tmp_path, capsys, report, "dia-chi")
    units = " ".join(x for x in plan["nhap_tu_dong"]["can_xac_nhan"] if "đơn vị" in x)
    assert "«thôn 3»" in units and "«Kon Drei»" in units and "«Kon Jơ Ri»" in units, units
    assert "«thôn 5»" in units and "«xã Hòa Sơn»" in units and "«Thôn Kon Rơ Wang»" in units, units
    assert "«Thôn 7»" in units and "«Thôn 8»" in units, units
    for wrong in ("số 12", "Số 12", "Điện", "Trường", "Cả xã", "Trong đó", "Bình quân", "thôn Thôn"):
        assert wrong not in units, (wrong, units)


def test_the_opening_is_listed_like_a_section_and_an_untitled_section_is_named(project, tmp_path, capsys):
    """Review r19h item 2 (checklist), the rest of «like dates elsewhere»: a deadline in the opening (mo_dau) was
    listed as a plain date and its amount not at all, while a section's are «ghi hạn» / «ghi số tiền»; a date in
    an untitled section was said to be in «mục «»», which no editor can find."""
    def plan_file(path: Path) -> None:
        doc = Document()
        for t in ("ỦY BAN MTTQ VIỆT NAM", "XÃ HÒA SƠN", "BAN THƯỜNG TRỰC", "Số: 16/KH-MTTQ-BTT",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Hòa Sơn, ngày 02 tháng 12 năm 2026", "KẾ HOẠCH", "Tổ chức Ngày hội Đại đoàn kết",
                  "Ban Thường trực xây dựng kế hoạch, hoàn thành trước ngày 30/11/2026, kinh phí 5.000.000 đồng như sau:",
                  "I. MỤC ĐÍCH", "Phát huy sức mạnh đại đoàn kết.", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Sơn"):
            doc.add_paragraph(t)
        doc.save(path)

    plan = imported(project, tmp_path, capsys, plan_file, "mo-dau")
    checklist = plan["nhap_tu_dong"]["can_xac_nhan"]
    assert "đoạn mở đầu (mo_dau) ghi hạn «30/11/2026»: kiểm tra" in checklist, checklist
    assert not any("mo_dau" in x and "thời gian «30/11/2026»" in x for x in checklist), checklist
    assert any(x.startswith("đoạn mở đầu (mo_dau) ghi số tiền «5.000.000 đồng»") for x in checklist), checklist
    plan = imported(project, tmp_path, capsys, _bien_ban, "bien-ban")
    checklist = plan["nhap_tu_dong"]["can_xac_nhan"]
    assert plan["muc"][0]["tieu_de"] == "" and not any("mục «»" in x for x in checklist), checklist
    assert "mục thứ 1 (không số, không tiêu đề) ghi thời gian «ngày 05 tháng 3 năm 2026»: kiểm tra" in checklist, checklist


def test_a_heading_line_in_bold_closes_a_dash_list(project, tmp_path, capsys):
    """Brief r19h item 1, «bold/ALL-CAPS»: a heading line in bold type written in sentence case («Nội dung hội
    nghị») after a «- …» list was nested under its last item. It closes the list; a bold line the item announces
    («- Khẩu hiệu:») stays under it."""
    def minutes(path: Path) -> None:
        doc = Document()
        for t in ("ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG HÒA BÌNH", "Số: 11/BB-MTTQ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", "Hòa Bình, ngày 09 tháng 3 năm 2026", "BIÊN BẢN",
                  "Hội nghị bàn việc giám sát", "Tham dự:", "- Thường trực Đảng ủy phường: 02 đồng chí;",
                  "- Hộ nghèo được mời: 03 hộ.", "- Khẩu hiệu:"):
            doc.add_paragraph(t)
        doc.add_paragraph().add_run("Toàn dân đoàn kết xây dựng nông thôn mới").bold = True
        doc.add_paragraph().add_run("Nội dung hội nghị").bold = True
        for t in ("1. Bà Trần Thị Mai quán triệt kế hoạch.", "2. Hội nghị thống nhất tổ chức ở 5 khu dân cư.",
                  "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Sơn"):
            doc.add_paragraph(t)
        doc.save(path)

    plan = imported(project, tmp_path, capsys, minutes, "dam")
    top = [b for s in plan["muc"] for b in s["doan"]]
    dashes = [b for b in top if isinstance(b, dict) and b.get("ky_hieu") == "-"]
    assert [plain_text(x) for x in dashes[-1].get("doan", [])] == ["Toàn dân đoàn kết xây dựng nông thôn mới"], top
    assert "doan" not in dashes[1], dashes
    assert any(isinstance(b, list) and plain_text(b) == "Nội dung hội nghị" for b in top), top


def test_a_paragraph_after_the_last_item_of_an_article_stands_alone(project, tmp_path, capsys):
    """Review r19j A4 (the same rule at the end of every section, not only of the body): «Tổ giám sát tự giải thể
    …», a plain paragraph of «Điều 2.» after its «3. …» (a whole sentence), was nested under «3.» and not listed."""
    def decision(path: Path) -> None:
        doc = Document()
        for t in ("ỦY BAN MTTQ VIỆT NAM", "XÃ HÒA SƠN", "BAN THƯỜNG TRỰC", "Số: 15/QĐ-MTTQ-BTT",
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Hòa Sơn, ngày 02 tháng 12 năm 2026", "QUYẾT ĐỊNH", "Về việc thành lập Tổ giám sát",
                  "Điều 1. Thành lập Tổ giám sát việc hỗ trợ nhà ở cho hộ nghèo.", "Điều 2. Nhiệm vụ của Tổ giám sát",
                  "1. Xây dựng đề cương giám sát.", "2. Giám sát trực tiếp tại 05 thôn.",
                  "3. Báo cáo kết quả trước ngày 30 tháng 6 năm 2026.",
                  "Tổ giám sát tự giải thể sau khi hoàn thành nhiệm vụ.",
                  "Điều 3. Các thành viên Tổ giám sát chịu trách nhiệm thi hành Quyết định này.",
                  "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Đinh Văn Sơn"):
            doc.add_paragraph(t)
        doc.save(path)

    plan = imported(project, tmp_path, capsys, decision, "quyet-dinh")
    article = next(s for s in plan["muc"] if s["so"].startswith("Điều 2"))
    assert [plain_text(b) for b in article["doan"]] == ["1.", "2.", "3.", "Tổ giám sát tự giải thể sau khi hoàn thành "
                                                        "nhiệm vụ."], article
    assert all("doan" not in b for b in article["doan"] if isinstance(b, dict)), article
    assert any("Tổ giám sát tự giải thể" in x and "«3.»" in x for x in plan["nhap_tu_dong"]["can_xac_nhan"])
