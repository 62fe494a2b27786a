"""Word heading styles read as the plan's sections (review r19e, failure 1): a «Heading 1» paragraph
without a typed number starts a section with its title as written, a «Heading 2» a sub-heading within
it, and a heading closes an open bullet list."""

from pathlib import Path

from docx import Document

from tests.test_import_plan import assert_in_order, imported, load, project, rendered, run  # noqa: F401 - the fixture

BODY = [
    ("Heading 1", "Mục đích, yêu cầu"),
    (None, "Nâng cao nhận thức của hội viên về bảo vệ rừng."),
    ("Heading 1", "Nội dung phối hợp"),
    ("Heading 2", "Tuyên truyền, vận động"),
    (None, "Thời gian: từ ngày 01/4 đến ngày 30/6/2026."),
    (None, "• Mỗi thôn ít nhất 02 buổi;"),
    (None, "• Già làng tham gia nói chuyện."),
    ("Heading 2", "Kinh phí"),
    (None, "Hội Nông dân xã chi 1,5 triệu đồng."),
    ("Heading 1", "Tổ chức thực hiện"),
    (None, "Giao Chi hội Nông dân phối hợp thực hiện."),
]


def headed(path: Path) -> None:
    doc = Document()
    for t in ["ỦY BAN MTTQ VIỆT NAM", "XÃ NGỌC LINH", "Số: 05/KHLT-MTTQ", "Ngọc Linh, ngày 20 tháng 3 năm 2026",
              "KẾ HOẠCH", "Phối hợp trồng sâm gắn với bảo vệ rừng"]:
        doc.add_paragraph(t)
    for style, t in BODY:
        doc.add_paragraph(t, style=style) if style else doc.add_paragraph(t)
    for t in ["Nơi nhận:", "- Các thôn;", "- Lưu: VT.", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Y Ngọc"]:
        doc.add_paragraph(t)
    doc.save(path)


def test_heading_styles_are_sections_and_close_the_bullet_list(project, tmp_path, capsys):
    plan = imported(project, tmp_path, capsys, headed, "kh")
    assert [(s["so"], s["tieu_de"], s["loai"]) for s in plan["muc"]] == [
        ("", "Mục đích, yêu cầu", "muc_dich_yeu_cau"), ("", "Nội dung phối hợp", "noi_dung"),
        ("", "Tổ chức thực hiện", "to_chuc_thuc_hien")]
    assert plan["muc"][0]["doan"] == ["Nâng cao nhận thức của hội viên về bảo vệ rừng."]
    content = plan["muc"][1]["doan"]
    assert [(b["ky_hieu"], b["van_ban"]) for b in content] == [("", "Tuyên truyền, vận động"), ("", "Kinh phí")]
    first, second = content
    assert first["doan"][0] == "Thời gian: từ ngày 01/4 đến ngày 30/6/2026."
    assert [(b["ky_hieu"], b["van_ban"], b.get("doan")) for b in first["doan"][1:]] == [
        ("•", "Mỗi thôn ít nhất 02 buổi;", None), ("•", "Già làng tham gia nói chuyện.", None)]
    assert second["doan"] == ["Hội Nông dân xã chi 1,5 triệu đồng."]  # not under the last bullet
    assert plan["muc"][2]["doan"] == ["Giao Chi hội Nông dân phối hợp thực hiện."]
    assert_in_order(rendered(project, "kh"), [t for _, t in BODY])


def test_typed_numbers_without_heading_styles_are_unchanged(project, tmp_path, capsys):
    src = tmp_path / "so.docx"
    doc = Document()
    for t in ["BAN THƯỜNG TRỰC", "KẾ HOẠCH", "Thử", "I. MỤC ĐÍCH", "1. Ý một;", "- Gạch;", "Đoạn.",
              "II. TỔ CHỨC THỰC HIỆN", "Các thôn thực hiện."]:
        doc.add_paragraph(t)
    doc.save(src)
    assert run(project, src, "--thu-muc", "so") == 0, capsys.readouterr().err
    plan = load(project, "so")
    assert [(s["so"], s["tieu_de"]) for s in plan["muc"]] == [("I", "MỤC ĐÍCH"), ("II", "TỔ CHỨC THỰC HIỆN")]
    assert plan["muc"][0]["doan"][0]["doan"][0] == {"ky_hieu": "-", "van_ban": "Gạch;"}
    # «Đoạn.» after the section's last item, not indented under it in the file: after the list (review r19h, r19j)
    assert plan["muc"][0]["doan"][1:] == ["Đoạn."]
