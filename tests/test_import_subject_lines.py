"""The title block under «KẾ HOẠCH» read whole and kept in its lines; the «***» under a Đoàn's issuing body.

Review of held-out plans (session 11, issue 19): a .txt plan whose subject (trích yếu) runs over several lines
was cut at its first line, the rest read as body text; the subject's line breaks were joined and lost (the
plan page and its PDF printed the title block re-broken); the «***» under a Đoàn's issuing body was listed in
the checklist, not printed. Every plan here is our own invented text, written by the test."""

import re
import shutil
from pathlib import Path

import pytest
from docx import Document

from macros.import_plan import import_file
from tests.test_import_plan import ROOT, load, rendered, run
from tests.test_import_r19p import _centred, _header

HEAD = ["HUYỆN ĐOÀN ĐĂK GLEI\tĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN XÃ ĐĂK PLÔ",
        "Số: 14-KH/ĐTN\tĐăk Plô, ngày 02 tháng 3 năm 2026"]
SUBJECT = ["Tổ chức các hoạt động tình nguyện", "hưởng ứng Tháng Thanh niên", "và Ngày hội Thanh niên khỏe năm 2026"]
OPENING = "Thực hiện Chương trình công tác năm 2026 của Huyện đoàn, Ban Chấp hành Đoàn xã xây dựng kế hoạch như sau:"
BODY = [OPENING, "I. MỤC ĐÍCH, YÊU CẦU", "1. Phát huy vai trò xung kích của đoàn viên, thanh niên.",
        "2. Các hoạt động thiết thực, tiết kiệm.", "II. TỔ CHỨC THỰC HIỆN",
        "Các chi đoàn báo cáo kết quả về Ban Chấp hành Đoàn xã trước ngày 31/3/2026./."]
SIGN = ["Nơi nhận:\tTM. BAN CHẤP HÀNH", "- Huyện đoàn (B/c);\tBÍ THƯ", "- Lưu: VP.\tA Thuận"]


def _txt(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _shapes() -> dict[str, list[str]]:
    """The same plan saved as text three ways: a line a paragraph with no blank line; a blank line between
    paragraphs, the title's lines parted by Shift+Enter (no blank between them); a blank line after every line."""
    plain = HEAD + ["KẾ HOẠCH"] + SUBJECT + BODY + SIGN
    spaced = HEAD + [""] + ["KẾ HOẠCH", ""] + ["\n".join(SUBJECT), ""] + [x + "\n" for x in BODY] + SIGN
    doubled = [line for x in HEAD[:2] for line in (x, "")] + [HEAD[2], ""] + [
        line for x in ["KẾ HOẠCH", *SUBJECT, *BODY] for line in (x, "")] + SIGN
    return {"mot-dong-mot-doan": plain, "cach-dong-giua-doan": spaced, "cach-moi-dong": doubled}


@pytest.mark.parametrize("name", sorted(_shapes()))
def test_txt_subject_over_three_lines_is_read_whole_and_kept_in_its_lines(tmp_path, name):
    got = import_file(_txt(tmp_path, name, _shapes()[name]))
    van_ban = got.plan["van_ban"]
    assert van_ban["trich_yeu"] == " ".join(SUBJECT), van_ban
    assert van_ban["dong_trich_yeu"] == SUBJECT, van_ban
    rest = repr({k: v for k, v in got.plan.items() if k not in ("nhap_tu_dong", "van_ban")})
    assert SUBJECT[1] not in rest and SUBJECT[2] not in rest and OPENING in rest, rest[:400]


def test_txt_body_is_never_swallowed_into_the_subject(tmp_path):
    """Lines under a one-line subject that open the body (the opening sentence hard-wrapped over two lines, a
    «Căn cứ …;» line, a section in capitals, «Kính gửi») stay in the body."""
    wrapped = ["Ban Chấp hành Đoàn xã Đăk Plô xây dựng kế hoạch tổ chức các hoạt động",
               "hưởng ứng Tháng Thanh niên năm 2026 như sau:"]
    cases = {
        "mo-dau-ngat-dong": [SUBJECT[0]] + wrapped + BODY[1:],
        "can-cu": [SUBJECT[0], "Căn cứ Chương trình công tác năm 2026 của Huyện đoàn Đăk Glei;"] + BODY,
        "muc-viet-hoa": ["TỔ CHỨC CÁC HOẠT ĐỘNG TÌNH NGUYỆN", "MỤC ĐÍCH, YÊU CẦU"] + BODY[2:],
        "kinh-gui": [SUBJECT[0], "Kính gửi: Các chi đoàn trực thuộc"] + BODY,
    }
    # the wrapped opening: a file whose paragraphs are hard-wrapped (lines that run on, in lower case)
    long_item = ["3. Mỗi chi đoàn đăng ký ít nhất một công trình thanh niên, một phần việc",
                 "tình nguyện và báo cáo số đoàn viên tham gia về Ban Chấp hành", "Đoàn xã trước ngày 15/3/2026."]
    for name, lines in cases.items():
        extra = long_item if name == "mo-dau-ngat-dong" else []
        got = import_file(_txt(tmp_path, name, HEAD + ["KẾ HOẠCH"] + lines + extra + SIGN))
        van_ban = got.plan["van_ban"]
        assert van_ban["trich_yeu"] == lines[0], (name, van_ban)
        assert "dong_trich_yeu" not in van_ban, name
        rest = repr({k: v for k, v in got.plan.items() if k not in ("nhap_tu_dong", "van_ban")})
        assert lines[1] in rest, (name, rest[:300])


def test_txt_unsure_line_is_left_out_of_the_subject_and_named(tmp_path):
    """A short line that could be the title's (no end mark, no number) standing after a blank line in a file
    that does not put blank lines between its paragraphs: the shorter subject, the line named in the checklist."""
    lines = HEAD + ["KẾ HOẠCH", SUBJECT[0], "", SUBJECT[1]] + BODY + SIGN
    got = import_file(_txt(tmp_path, "khong-chac", lines))
    assert got.plan["van_ban"]["trich_yeu"] == SUBJECT[0]
    said = [c for c in got.checklist if f"«{SUBJECT[1]}»" in c]
    assert said and "trích yếu" in said[0] and "dong_trich_yeu" in said[0], got.checklist


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    (project / "data").mkdir(parents=True)
    for f in (ROOT / "data").glob("*.yaml"):
        shutil.copy(f, project / "data" / f.name)
    return project


def _doan_docx(path: Path) -> Path:
    doc = Document()
    _header(doc, left=("HUYỆN ĐOÀN ĐĂK GLEI", "BCH ĐOÀN XÃ ĐĂK PLÔ", "***", "Số: 14-KH/ĐTN"),
            right=("ĐOÀN TNCS HỒ CHÍ MINH", "", "", "Đăk Plô, ngày 02 tháng 3 năm 2026"))
    _centred(doc, "KẾ HOẠCH")
    for line in SUBJECT:
        _centred(doc, line)
    for text in BODY:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def _title_block(page: str) -> list[str]:
    """The lines of the subject paragraph (p.vb-summary) of a page or a printout's HTML."""
    m = re.search(r'<p class="vb-summary">(.*?)</p>', page, re.S)
    assert m, page[:500]
    return [x.strip() for x in re.split(r"<br\s*/?>", m.group(1))]


def test_docx_subject_lines_and_doan_mark_print_on_the_page_and_in_the_pdf(tmp_path):
    from macros.loader import load_plan
    from macros.pdf.documents import plan_document
    from macros.render.plan import plan_page

    project = _project(tmp_path)
    path = _doan_docx(tmp_path / "doan.docx")
    got = import_file(path)
    assert got.plan["van_ban"]["dong_trich_yeu"] == SUBJECT
    assert got.org["dong_duoi_co_quan_ban_hanh"] == "***"
    assert not any("«***»" in c for c in got.checklist), got.checklist
    assert run(project, path, "--thu-muc", "doan") == 0
    assert load(project, "doan")["van_ban"]["dong_trich_yeu"] == SUBJECT
    site = load_plan(project, "doan")
    for html in (plan_page(site), plan_document(site)):
        assert _title_block(html) == SUBJECT
        issuer = re.search(r'<div class="vb-header__issuer.*?</div>', html, re.S).group(0)
        assert re.search(r'BCH ĐOÀN XÃ ĐĂK PLÔ.*<p class="vb-parent vb-issuer-mark">\*\*\*</p>', issuer, re.S), issuer
        assert "vb-ruled" not in issuer and "vb-issuer\"" not in issuer, issuer  # the mark, not a rule too
    # the Word file of the plan: the title block in its lines (Shift+Enter), the mark under the body
    import io

    from macros.exports.plan_docx import plan_docx

    word = Document(io.BytesIO(plan_docx(site)))
    assert "\n".join(SUBJECT) in [p.text for p in word.paragraphs]
    left = [p.text for p in word.tables[0].rows[0].cells[0].paragraphs]
    assert left[left.index("BCH ĐOÀN XÃ ĐĂK PLÔ") + 1] == "***", left
    # every other place: the one-line form
    assert " ".join(SUBJECT) in rendered(project, "doan")
    assert " ".join(SUBJECT) in plan_document(site).split("<body", 1)[0]


def test_subject_lines_must_join_to_the_subject(tmp_path):
    """An editor who changes trich_yeu and not its lines is told so, naming the field."""
    from macros.errors import DataErrors
    from macros.loader import load_plan

    project = _project(tmp_path)
    assert run(project, _doan_docx(tmp_path / "doan.docx"), "--thu-muc", "doan") == 0
    plan_file = project / "data" / "doan" / "ke-hoach.yaml"
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("trich_yeu: Tổ chức các hoạt động tình nguyện",
                                      "trich_yeu: Tổ chức các hoạt động", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_plan(project, "doan")
    said = str(exc.value)
    assert "dong_trich_yeu" in said and "ke-hoach.yaml" in said, said


def test_txt_doan_header_read_as_columns_and_the_draft_written(tmp_path):
    """A Đoàn plan saved as text: «ĐOÀN TNCS HỒ CHÍ MINH» right of the upper body (where a Front plan has the
    national name) opens the header's columns as the national name does; a tab the reader cannot place is
    quoted in the checklist with a sign the PDF font prints (the draft was refused: «⇥» is not in the font)."""
    project = _project(tmp_path)
    lines = ["HUYỆN ĐOÀN ĐĂK GLEI\tĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN XÃ ĐĂK PLÔ", "***",
             "Số: 14-KH/ĐTN\tĐăk Plô, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH", *SUBJECT, *BODY[:-1],
             "Tổng kinh phí:\t3.500.000 đồng", BODY[-1], *SIGN]
    path = _txt(tmp_path, "doan", lines)
    got = import_file(path)
    assert got.org["co_quan_cap_tren"] == "HUYỆN ĐOÀN ĐĂK GLEI" and got.org["co_quan_ban_hanh"] == "BCH ĐOÀN XÃ ĐĂK PLÔ"
    assert got.org["quoc_hieu"] == "ĐOÀN TNCS HỒ CHÍ MINH" and got.org["dong_duoi_co_quan_ban_hanh"] == "***"
    assert got.plan["van_ban"]["dong_trich_yeu"] == SUBJECT
    assert any("«Tổng kinh phí: → 3.500.000 đồng» có dấu tab (→)" in c for c in got.checklist), got.checklist
    assert run(project, path, "--thu-muc", "doan") == 0
    assert " ".join(SUBJECT) in rendered(project, "doan")
