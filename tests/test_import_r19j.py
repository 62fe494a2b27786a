"""Review r19j: a Quyết định with an attached «DANH SÁCH» (A), a Thông báo with a merged 2-row table header (B),
and checklist excerpts (C)."""

import pytest

from tests.test_import_plan import imported, load, project, rendered, run  # noqa: F401 - project is a fixture


def _cells(cell, lines, bold=()):
    cell.paragraphs[0].text = ""
    for i, text in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.add_run(text).bold = i in bold


def quyet_dinh(path, title="DANH SÁCH"):
    """A commune's Quyết định: «Căn cứ» lines, «QUYẾT ĐỊNH:», Điều 1–3 («Điều n.» a bold run), one signature,
    then a page break and an attached list (`title`, its subject, «(Kèm theo …)», a table)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    d = Document()
    head = d.add_table(rows=1, cols=2)
    _cells(head.cell(0, 0), ["ỦY BAN MTTQ VIỆT NAM", "XÃ ĐĂK HÀ", "BAN THƯỜNG TRỰC", "Số: 15/QĐ-MTTQ-BTT"], bold=(2,))
    _cells(head.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                             "Đăk Hà, ngày 12 tháng 3 năm 2026"], bold=(0, 1))

    def para(text, bold=False, italic=False, centred=False, runs=None):
        p = d.add_paragraph()
        for t, b in runs or [(text, bold)]:
            r = p.add_run(t)
            r.bold, r.italic = b, italic
        if centred:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    para("QUYẾT ĐỊNH", True, centred=True)
    para("Về việc thành lập Tổ giám sát việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo năm 2026", True,
         centred=True)
    para("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ ĐĂK HÀ", True, centred=True)
    for t in ("Căn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 09 tháng 6 năm 2015;",
              "Căn cứ Kế hoạch số 08/KH-MTTQ-BTT ngày 20 tháng 02 năm 2026 của Ban Thường trực Ủy ban MTTQ Việt Nam "
              "xã về công tác giám sát năm 2026;",
              "Theo đề nghị của đồng chí Phó Chủ tịch phụ trách công tác giám sát, phản biện xã hội,"):
        para(t, italic=True)
    para("QUYẾT ĐỊNH:", True, centred=True)
    para(None, runs=[("Điều 1. ", True), ("Thành lập Tổ giám sát việc thực hiện chính sách hỗ trợ nhà ở cho hộ "
                                           "nghèo năm 2026 trên địa bàn xã Đăk Hà, gồm các ông (bà) có tên trong danh "
                                           "sách kèm theo Quyết định này.", False)])
    para(None, runs=[("Điều 2. ", True), ("Nhiệm vụ của Tổ giám sát", False)])
    para("1. Xây dựng đề cương, lịch giám sát chậm nhất 05 ngày trước khi tiến hành giám sát.")
    para("2. Tổng hợp kết quả, báo cáo trước ngày 30 tháng 6 năm 2026.")
    para(None, runs=[("Điều 3. ", True), ("Các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định "
                                           "này.", False)])
    para("Quyết định có hiệu lực kể từ ngày ký./.")
    sign = d.add_table(rows=1, cols=2)
    _cells(sign.cell(0, 0), ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."], bold=(0,))
    _cells(sign.cell(0, 1), ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "(Đã ký)", "Y Hồng Nhung"], bold=(0, 1, 3))
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    para(title, True, centred=True)
    para("Tổ giám sát việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo năm 2026", True, centred=True)
    para("(Kèm theo Quyết định số 15/QĐ-MTTQ-BTT ngày 12/3/2026 của Ban Thường trực Ủy ban MTTQ Việt Nam xã "
         "Đăk Hà)", italic=True, centred=True)
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["TT", "Họ và tên", "Nhiệm vụ trong Tổ"], ["1", "Ông A Sang", "Tổ trưởng"],
                             ["2", "Bà Y Thủy", "Thành viên"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    para("Danh sách này có 02 người./.", italic=True)
    d.save(path)


def test_an_attached_list_title_in_capitals_is_no_second_signer(project, tmp_path, capsys):
    plan = imported(project, tmp_path, capsys, quyet_dinh, "qd")
    assert "chu_ky_khac" not in plan, plan.get("chu_ky_khac")
    assert "noi_nhan_sau_chu_ky" not in plan
    assert plan["chu_ky"]["nguoi_ky"] == "Y Hồng Nhung" and plan["chu_ky"]["chuc_vu"] == "CHỦ TỊCH"
    first = plan["phu_luc"][0]
    assert first == [{"chu": "DANH SÁCH", "dam": True}] or first == "DANH SÁCH", plan["phu_luc"][:2]
    page = rendered(project, "qd")
    assert "Y Hồng Nhung DANH SÁCH Tổ giám sát việc thực hiện" in page, page


def test_a_capitals_line_without_what_a_signer_has_is_no_signer(project, tmp_path, capsys):
    """A second «signature block» needs an authority line, a status or a name: a title in capitals alone after
    the signature is printed after it as written and listed, never a blank second signer."""
    plan = imported(project, tmp_path, capsys, lambda p: quyet_dinh(p, "THÀNH PHẦN TỔ GIÁM SÁT"), "qd")
    assert "chu_ky_khac" not in plan, plan.get("chu_ky_khac")
    assert any("THÀNH PHẦN TỔ GIÁM SÁT" in c for c in plan["nhap_tu_dong"]["can_xac_nhan"])
    assert "Y Hồng Nhung THÀNH PHẦN TỔ GIÁM SÁT Tổ giám sát" in rendered(project, "qd")


HEAD = [["TT", "Đơn vị", "Nhiệm vụ được giao", "Chỉ tiêu quý II", "", "Kết quả quý I", "", "Ghi chú"],
        ["", "", "", "Số lượng", "Thời hạn", "Đạt", "Chưa đạt", ""]]
BODY = [["1", "Xã Đăk Pék", "Vận động xây dựng nhà Đại đoàn kết", "05 nhà", "30/6/2026", "3 nhà", "2 nhà", "Chuyển tiếp"],
        ["3", "Xã Ngọc Linh", "Giám sát việc hỗ trợ giống cây trồng", "01 cuộc", "31/5/2026", "", "x", "Chưa có đề cương"],
        ["", "", "Khảo sát mô hình trồng sâm dưới tán rừng", "03 mô hình", "30/6/2026", "", "", "Nhiệm vụ mới"]]


def thong_bao(path):
    """A Thông báo whose 8-column table has a 2-row header (TT, Đơn vị, Nhiệm vụ, Ghi chú over both rows; «Chỉ
    tiêu quý II» and «Kết quả quý I» over two columns each) and a unit over two body rows (w:vMerge, w:gridSpan)."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from tests.plan_docx_fixtures import commune_villages

    commune_villages(path)
    d = Document(path)
    at = next(p for p in d.paragraphs if p.text.startswith("Ban Công tác Mặt trận thôn"))
    t = d.add_table(rows=5, cols=8)
    for r, row in enumerate(HEAD + BODY):
        for c, text in enumerate(row):
            if text:
                t.cell(r, c).text = text
    for c in (0, 1, 2, 7):
        t.cell(0, c).merge(t.cell(1, c))
    t.cell(0, 3).merge(t.cell(0, 4))
    t.cell(0, 5).merge(t.cell(0, 6))
    t.cell(3, 0).merge(t.cell(4, 0))
    t.cell(3, 1).merge(t.cell(4, 1))
    for r in (0, 1):
        h = OxmlElement("w:tblHeader")
        h.set(qn("w:val"), "true")
        t.rows[r]._tr.get_or_add_trPr().append(h)
    at._p.addnext(t._tbl)
    d.save(path)


def _tables(plan):
    out = []

    def walk(blocks):
        for b in blocks:
            if isinstance(b, dict):
                out.append(b) if "bang" in b else walk(b.get("doan", []))
    for s in plan["muc"]:
        walk(s.get("doan", []))
    return out


def test_merged_cells_are_written_once_and_spanned_on_the_page(project, tmp_path, capsys):
    from macros.loader import load_plan
    from macros.render.plan import plan_page
    from macros.render.tables import label_table_cells

    plan = imported(project, tmp_path, capsys, thong_bao, "tb")
    [table] = _tables(plan)
    assert table["bang"] == HEAD + BODY and table["dong_tieu_de"] == 2, table
    assert table["o_gop"] == [{"dong": 1, "cot": c, "so_dong": 2, "so_cot": 1} for c in (1, 2, 3)] + [
        {"dong": 1, "cot": 4, "so_dong": 1, "so_cot": 2}, {"dong": 1, "cot": 6, "so_dong": 1, "so_cot": 2},
        {"dong": 1, "cot": 8, "so_dong": 2, "so_cot": 1},
        {"dong": 4, "cot": 1, "so_dong": 2, "so_cot": 1}, {"dong": 4, "cot": 2, "so_dong": 2, "so_cot": 1}], table
    page = rendered(project, "tb")
    for text in ("Chỉ tiêu quý II", "Kết quả quý I", "Ghi chú", "Xã Ngọc Linh", "Nhiệm vụ được giao"):
        assert page.count(text) == 1, (text, page)
    html = label_table_cells(plan_page(load_plan(project, "tb")))
    assert '<th scope="colgroup" colspan="2">Chỉ tiêu quý II</th>' in html
    assert '<th scope="col" rowspan="2">TT</th>' in html
    assert '<td rowspan="2" data-label="Đơn vị">Xã Ngọc Linh</td>' in html, html
    # A card on a phone keeps the upper header row's meaning, and a row under a merged cell its own labels.
    assert '<td data-label="Kết quả quý I: Đạt">3 nhà</td>' in html
    assert '<td data-label="Nhiệm vụ được giao">Khảo sát mô hình' in html


@pytest.mark.parametrize("merge, words", [
    ({"dong": 2, "cot": 2, "so_dong": 2}, "ngoài bảng (2 dòng, 2 cột)"),
    ({"dong": 1, "cot": 1, "so_dong": 2}, "trải qua cả dòng tiêu đề và thân bảng"),
    ({"dong": 2, "cot": 1, "so_cot": 2}, "phủ ô dòng 2, cột 2 mà ô đó có chữ"),
])
def test_a_bad_merged_cell_is_refused_at_its_line(tmp_path, merge, words):
    from tests.test_plan_shapes import _errors, _with_verbatim

    block = {"bang": [["a", "b"], ["c", "d"]], "dong_tieu_de": 1, "o_gop": [merge]}
    errors = _errors(tmp_path, _with_verbatim("Đoạn đầu.", block))
    assert len(errors) == 1 and words in errors[0].message, errors
    assert errors[0].line and "o_gop" in errors[0].field, errors[0]


def test_a_decisions_basis_after_its_authority_line_and_its_enacting_line(project, tmp_path, capsys):
    """Review r19j A3: the «Căn cứ …» lines under the authority line of a Quyết định were not read (the checklist
    said none was found), «QUYẾT ĐỊNH:» was a left-aligned paragraph, and the site's name read «Quyết định Về
    việc …»."""
    import yaml
    from macros.loader import load_plan
    from macros.render.plan import plan_page

    plan = imported(project, tmp_path, capsys, quyet_dinh, "qd")
    assert [c["van_ban"] for c in plan["can_cu"]] == [
        "Căn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 09 tháng 6 năm 2015;",
        "Căn cứ Kế hoạch số 08/KH-MTTQ-BTT ngày 20 tháng 02 năm 2026 của Ban Thường trực Ủy ban MTTQ Việt Nam xã về "
        "công tác giám sát năm 2026;",
        "Theo đề nghị của đồng chí Phó Chủ tịch phụ trách công tác giám sát, phản biện xã hội,"]
    assert plan["van_ban"]["dong_tham_quyen"] == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ ĐĂK HÀ"
    assert plan["van_ban"]["dong_ban_hanh"] == "QUYẾT ĐỊNH:"
    assert plan["muc"][0]["so"] == "Điều 1", plan["muc"][0]
    assert not any("Căn cứ" in c and "không tìm thấy" in c for c in plan["nhap_tu_dong"]["can_xac_nhan"])
    html = plan_page(load_plan(project, "qd"))
    assert '<p class="vb-summary vb-authority">BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ ĐĂK HÀ</p>' in html
    assert '<p class="vb-summary vb-enacting">QUYẾT ĐỊNH:</p>' in html
    page = rendered(project, "qd")
    assert ("Về việc thành lập Tổ giám sát việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo năm 2026 BAN THƯỜNG "
            "TRỰC ỦY BAN MTTQ VIỆT NAM XÃ ĐĂK HÀ Căn cứ Luật") in page, page
    assert "phản biện xã hội, QUYẾT ĐỊNH: Điều 1." in page, page
    entry = yaml.safe_load((project / "data" / "website.yaml").read_text(encoding="utf-8"))["ke_hoach"][-1]
    assert entry["ten"] == ("Quyết định về việc thành lập Tổ giám sát việc thực hiện chính sách hỗ trợ nhà ở cho hộ "
                            "nghèo năm 2026"), entry


LAST = ("Tổ chức tuyên truyền tại khu dân cư; báo cáo kết quả về Ban Thường trực Ủy ban MTTQ Việt Nam phường trước "
        "ngày 31/10/2026.")


def _last_paragraph_under_an_item(path):
    from docx import Document

    d = Document()
    for text in ("KẾ HOẠCH", "Tuyên truyền Cuộc vận động năm 2026", "I. NỘI DUNG", "1. Tuyên truyền trên loa.",
                 "II. TỔ CHỨC THỰC HIỆN", "1. Ban công tác Mặt trận các tổ dân phố", LAST):
        d.add_paragraph(text)
    d.save(path)


def test_a_checklist_quote_is_never_cut_inside_a_date(project, tmp_path, capsys):
    """Review r19j C1: the checklist quoted «… trước ngày 31/10/202», a wrong year: a quote is cut between words
    only, and says it is cut."""
    plan = imported(project, tmp_path, capsys, _last_paragraph_under_an_item, "kh")
    [line] = [c for c in plan["nhap_tu_dong"]["can_xac_nhan"] if "ở cuối phần thân" in c]
    quoted = line.split("«")[1].split("»")[0]
    assert quoted == LAST[:LAST.index(" 31/10")] + " …" or quoted == LAST, quoted
    from macros.plan_import.structure import excerpt

    assert excerpt("ngày 31/10/2026 và 15/11/2026", 20) == "ngày 31/10/2026 và …"
    assert excerpt("ngày 31/10/2026", 20) == "ngày 31/10/2026"
    assert excerpt("12345678901234567890123", 10) == "12345678901234567890123"


def test_an_articles_heading_is_its_number_or_its_bold_title_only(project, tmp_path, capsys):
    """Review r19j A2: «Điều 1. Thành lập … Quyết định này.» (only «Điều 1.» bold) was one 50-word heading:
    the article's heading is «Điều 1.», its text a paragraph of it; a short title stays the title."""
    plan = imported(project, tmp_path, capsys, quyet_dinh, "qd")
    articles = [s for s in plan["muc"] if s["so"].startswith("Điều")]
    assert [(s["so"], s["tieu_de"]) for s in articles] == [
        ("Điều 1", ""), ("Điều 2", "Nhiệm vụ của Tổ giám sát"), ("Điều 3", "")], articles
    assert articles[0]["doan"][0].startswith("Thành lập Tổ giám sát"), articles[0]
    assert articles[2]["doan"] == ["Các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
                                   "Quyết định có hiệu lực kể từ ngày ký./."], articles[2]
    from macros.plan_import.blocks import Para, Run
    from macros.plan_import.structure import _article_parts, line_of

    # a bold title run, then the article's text: the bold run is the heading, the rest its first paragraph
    title, rest = _article_parts(line_of(Para([Run("Điều 4. Hiệu lực thi hành. ", True),
                                               Run("Quyết định có hiệu lực kể từ ngày ký.")])))
    assert title == "Hiệu lực thi hành." and rest.text == "Quyết định có hiệu lực kể từ ngày ký.", (title, rest)


def _bold_sections_with_a_colon(path):
    from docx import Document

    d = Document()
    for text, bold in (("THÔNG BÁO", True), ("Kết luận về công tác quý I năm 2026", True),
                       ("1. Đánh giá chung", True), ("Quý I, các xã đã chủ động tham mưu cấp ủy.", False),
                       ("2. Nhiệm vụ trọng tâm quý II năm 2026", True), ("- Tiếp tục tuyên truyền, vận động.", False),
                       ("3. Giao nhiệm vụ cụ thể cho từng xã như sau:", True)):
        d.add_paragraph().add_run(text).bold = bold
    t = d.add_table(rows=2, cols=2)
    for r, row in enumerate([["Đơn vị", "Nhiệm vụ"], ["Xã Đăk Pék", "Vận động xây nhà"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("4. Đề nghị các xã báo cáo kết quả trước ngày 05/7/2026.")
    d.save(path)


def test_a_bold_numbered_sibling_ending_with_a_colon_is_a_section(project, tmp_path, capsys):
    """Review r19j B2: the bold «3. Giao nhiệm vụ cụ thể cho từng xã như sau:» after bold «1.» and «2.» was an
    item inside section 2 (the «… như sau:» rule beat the heading): it is section 3, its table under it."""
    plan = imported(project, tmp_path, capsys, _bold_sections_with_a_colon, "tb")
    numbered = [s for s in plan["muc"] if s["so"]]
    assert [(s["so"], s["tieu_de"]) for s in numbered] == [
        ("1", "Đánh giá chung"), ("2", "Nhiệm vụ trọng tâm quý II năm 2026"),
        ("3", "Giao nhiệm vụ cụ thể cho từng xã như sau:")], numbered
    assert any("bang" in b for b in numbered[2]["doan"] if isinstance(b, dict)), numbered[2]


def test_the_word_export_keeps_merged_cells_and_a_decisions_lines(project, tmp_path, capsys):
    """The plan's .docx export (exports/plan_docx) merges the cells o_gop names and writes the authority and
    «QUYẾT ĐỊNH:» lines: imported again, the same table, merges and lines."""
    from macros.exports.plan_docx import plan_docx
    from macros.loader import load_plan

    first = imported(project, tmp_path, capsys, thong_bao, "tb")
    again = tmp_path / "again.docx"
    again.write_bytes(plan_docx(load_plan(project, "tb")))
    assert run(project, again, "--thu-muc", "tb2") == 0, capsys.readouterr().err
    [table], [table2] = _tables(first), _tables(load(project, "tb2"))
    assert (table2["bang"], table2["o_gop"]) == (table["bang"], table["o_gop"])

    decision = imported(project, tmp_path, capsys, quyet_dinh, "qd")
    again.write_bytes(plan_docx(load_plan(project, "qd")))
    assert run(project, again, "--thu-muc", "qd2") == 0, capsys.readouterr().err
    for key in ("dong_tham_quyen", "dong_ban_hanh"):
        assert load(project, "qd2")["van_ban"][key] == decision["van_ban"][key], key
