"""Review r19s (five real plans rebuilt as Word files), the checklist's defects 9 and 10: report lines that name the
wrong receiver or deny a sender the item's heading names, a line saying no body heads an item when one does, a
newspaper's name offered as a village, a table cell's amount listed twice. Small texts written here in those shapes."""

from dataclasses import replace

from macros.plan_import.reports import report_lines, section_texts
from macros.plan_import.structure import find_units, money_lines
from tests.test_import_plan import imported, project  # noqa: F401 - project is a fixture
from tests.test_import_r19n import _checklist, commune_plan


def _plain(b):
    return b if isinstance(b, str) else " ".join(b)


def test_the_receiver_is_the_body_after_ve_not_what_is_reported():
    texts = [("Hội Nông dân các xã báo cáo kết quả tổ chức Hội thi cấp xã về Hội Nông dân huyện trước ngày 10/4/2026.",
              "")]
    line, = report_lines("mục IV", texts)
    assert "nơi nhận «Hội Nông dân huyện»" in line, line


def test_an_item_headed_by_a_peoples_committee_names_the_sender():
    blocks = [{"van_ban": "UBND các xã, thị trấn", "doan": [
        "Chỉ đạo các thôn thực hiện giám sát trên địa bàn; báo cáo kết quả về Sở Nội vụ trước ngày 10/12/2026."]}]
    line, = report_lines("mục III", section_texts(blocks, _plain))
    assert "người gửi như văn bản viết «UBND các xã, thị trấn»" in line, line
    assert "câu không viết ai gửi" not in line


def test_items_headed_by_bodies_are_not_said_to_name_none(project, tmp_path, capsys):
    org = ["1. Ban Thường trực Ủy ban MTTQ Việt Nam xã", "- Hướng dẫn các thôn tổ chức Ngày hội.",
           "2. Ban Công tác Mặt trận các thôn",
           "- Tổ chức Ngày hội; báo cáo kết quả về Ban Thường trực Ủy ban MTTQ Việt Nam xã trước ngày 16/11/2026."]
    plan = imported(project, tmp_path, capsys, lambda p: commune_plan(p, org_section=org), "ngay-hoi")
    checklist = _checklist(plan)
    assert "không nêu ban nào ở đầu một ý" not in checklist, checklist
    assert "giao việc cho «Ban Thường trực Ủy ban MTTQ Việt Nam xã», «Ban Công tác Mặt trận các thôn»" in checklist


def test_a_newspapers_countryside_is_no_village():
    units = find_units(["Đưa tin trên Báo Nông thôn Ngày nay và tổ chức tại thôn Kon Klor."], [])
    assert [u["ten_chinh_thuc"] for u in units] == ["thôn Kon Klor"]


def test_an_amount_in_a_cell_a_table_line_quotes_is_listed_once():
    section = {"so": "III.", "tieu_de": "KINH PHÍ", "doan": [
        "Tổng kinh phí 20.000.000 đồng.",
        {"bang": [["TT", "Nội dung", "Số tiền (đồng)"], ["1", "Hỗ trợ các đội (04 đội x 5.000.000đ)", "20.000.000"]],
         "dong_tieu_de": 1}]}
    lines = money_lines(section)
    assert [line for line in lines if "«5.000.000đ»" in line and "đoạn chép nguyên văn" in line] == [], lines
    assert any("«20.000.000 đồng»: kiểm tra" in line for line in lines), lines
    assert any("dòng «Hỗ trợ các đội (04 đội x 5.000.000đ)»" in line for line in lines), lines


def _commune_plan_titled(subject: str, place_date: str | None = None):
    """A writer of the commune plan (.docx) with another subject and, given, another place-and-date line."""
    def write(path):
        from docx import Document

        commune_plan(path)
        d = Document(str(path))
        for p in d.paragraphs:
            if p.text.startswith("Tổ chức thực hiện Cuộc vận động"):
                p.text = subject
        cells = (p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs)
        for p in cells:
            if place_date and p.text.startswith("Ia Phú, ngày"):
                p.text = place_date
        d.save(str(path))
    return write


def test_the_year_is_the_subjects_and_a_different_year_of_issue_is_asked(project, tmp_path, capsys):
    """Review r19s defect 8: a plan issued in December for a contest of the next year is that year's plan."""
    late = _commune_plan_titled("Tổ chức Hội thi Nhà nông đua tài xã năm 2027", "Ia Phú, ngày 20 tháng 12 năm 2026")
    plan = imported(project, tmp_path, capsys, late, "hoi-thi")
    assert plan["van_ban"]["nam"] == 2027
    assert "văn bản ban hành năm 2026: kiểm tra van_ban.nam" in _checklist(plan), _checklist(plan)


def test_units_named_outside_the_organisation_section_are_offered_with_a_way_the_check_accepts(project, tmp_path,
                                                                                              capsys):
    """Review r19s defect 7: the checklist said «chỉ thêm khi các mục được ghi dạng có cấu trúc», then the check
    asked each unit's name in the task, which the plan (saying «các ấp») does not write: the way it now accepts,
    the units named together, is what the line says."""
    budget = ["Hỗ trợ ấp Phước An, ấp Phước Bình mỗi ấp 3.000.000 đồng."]
    plan = imported(project, tmp_path, capsys, lambda p: commune_plan(p, budget=budget), "ngay-hoi")
    line, = [c for c in plan["nhap_tu_dong"]["can_xac_nhan"] if "nêu tên có thể là đơn vị" in c]
    assert "«ấp Phước An», «ấp Phước Bình»" in line, line
    assert "chỉ thêm khi các mục được ghi dạng có cấu trúc" not in line
    assert "(«các ấp») khi giao tất cả các đơn vị cấp đó" in line, line


def test_a_subject_naming_a_span_of_years_asks_for_the_year(project, tmp_path, capsys):
    """Review r19t: a plan «giai đoạn 2021 - 2025» issued in 2026 was «Kế hoạch năm 2026» with no checklist line."""
    span = _commune_plan_titled("Giám sát thực hiện Chương trình giảm nghèo bền vững giai đoạn 2021 - 2025")
    plan = imported(project, tmp_path, capsys, span, "giam-sat")
    assert "trích yếu ghi năm 2021, 2025, website ghi «Kế hoạch năm" in _checklist(plan), _checklist(plan)


def test_the_notice_dates_the_names_by_the_year_of_issue():
    """Review r19t: a plan of one year issued the year before said «tại thời điểm ban hành kế hoạch (năm <plan's
    year>)»: the names are as of the day the document was issued."""
    import datetime as dt

    from macros.loader import load_site
    from macros.render import notice
    from tests.sitebuild import ROOT

    site = load_site(ROOT)
    vb = site.plan.van_ban.model_copy(update={"ngay_ban_hanh": dt.date(site.plan.van_ban.nam - 1, 12, 20)})
    dated = replace(site, plan=site.plan.model_copy(update={"van_ban": vb}))
    assert f"(năm {site.plan.van_ban.nam - 1})" in notice.as_of_sentence(dated)
    assert f"(năm {site.plan.van_ban.nam})" in notice.as_of_sentence(site)
