"""A header line the import cannot place (no field of co-quan.yaml or van_ban takes it) is never dropped:
it is written, as the file has it, at the head of the opening (the body's first untitled section), where the
plan page, its PDF and Word file print it, and the checklist names it (session 8, s-quotes item 4: it was
only listed «chưa chép vào đâu»). In-process: the test writes its .docx and .txt itself."""

from pathlib import Path

from docx import Document

from macros import import_plan
from tests.test_import_plan import project, run, visible  # noqa: F401 - the fixture

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
EXTRA = "(Dự thảo lần 2, gửi xin ý kiến)"
HEAD = [("ỦY BAN MTTQ VIỆT NAM", NATION), ("XÃ IA CHIM", MOTTO),
        ("Số: 07/KH-MTTQ", "Ia Chim, ngày 10 tháng 3 năm 2026"), ("", EXTRA)]
OPENING = "Ban Thường trực Ủy ban MTTQ Việt Nam xã Ia Chim xây dựng Kế hoạch như sau:"
BODY = ["KẾ HOẠCH", "Tuyên truyền giữ gìn vệ sinh môi trường tại các thôn năm 2026", OPENING,
        "I. MỤC ĐÍCH", "Nâng cao ý thức của Nhân dân các thôn.",
        "II. TỔ CHỨC THỰC HIỆN", "Ban Công tác Mặt trận các thôn tổ chức hội nghị, báo cáo trước ngày 15/11/2026./."]
SIGN = [("Nơi nhận:", "TM. BAN THƯỜNG TRỰC"), ("- BTT UBMTTQ VN tỉnh (B/c);", "CHỦ TỊCH"),
        ("- Lưu: VT.", "Rah Lan Hiếu")]


def _docx(path: Path) -> Path:
    doc = Document()
    t = doc.add_table(rows=1, cols=2)
    for col, cell in enumerate(t.rows[0].cells):
        cell.paragraphs[0].add_run(HEAD[0][col]).bold = True
        for row in HEAD[1:]:
            if row[col]:
                cell.add_paragraph().add_run(row[col]).bold = row[col].isupper()
    for text in BODY:
        doc.add_paragraph(text)
    t = doc.add_table(rows=1, cols=2)
    for col, cell in enumerate(t.rows[0].cells):
        cell.paragraphs[0].text = SIGN[0][col]
        for row in SIGN[1:]:
            cell.add_paragraph(row[col])
    doc.save(path)
    return path


def _txt(path: Path) -> Path:
    lines = ["\t".join(r) for r in HEAD] + [""] + BODY + ["\t".join(r) for r in SIGN]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _opening_words(plan: dict) -> list:
    first = plan["muc"][0]
    assert first["tieu_de"] == "" and not first.get("so"), first
    return first["doan"]


def test_an_unplaced_header_line_is_kept_at_the_head_of_the_opening(tmp_path):
    for made in (_docx(tmp_path / "kh.docx"), _txt(tmp_path / "kh.txt")):
        result = import_plan.import_file(made)
        assert _opening_words(result.plan) == [EXTRA, OPENING], (made.name, result.plan["muc"][0])
        said = [c for c in result.checklist if EXTRA in c]
        assert len(said) == 1 and "chép nguyên văn" in said[0] and "chưa chép vào đâu" not in said[0], said
        # Every other header field is read as before: the line is only added, nowhere else.
        assert result.plan["van_ban"]["so"] == "07" and result.plan["van_ban"]["dong_dia_danh_ngay"].startswith("Ia Chim")
        assert EXTRA not in str(result.org), result.org


def test_the_plan_page_prints_the_kept_line_before_the_body(project, tmp_path, capsys):
    from macros.loader import load_plan
    from macros.render import plan

    assert run(project, _docx(tmp_path / "kh.docx"), "--thu-muc", "kh") == 0, capsys.readouterr().err
    site = load_plan(project, "kh")
    page = visible(plan.plan_page(site))
    assert EXTRA in page and page.index(EXTRA) < page.index(OPENING) < page.index("MỤC ĐÍCH"), page
