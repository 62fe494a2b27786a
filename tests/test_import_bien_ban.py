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
