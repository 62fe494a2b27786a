"""The conference toolkit: filled from the plan, and each form fits its A4 page count."""

import io

import pytest
from pypdf import PdfReader

from tests.sitebuild import page_text

# slug -> most A4 pages allowed (issue 6: agenda and report at most 2; the
# attendance sheet is designed as one sheet, the survey as one sheet printed two-sided).
FORMS = {
    "chuong-trinh-hoi-nghi": 2,
    "danh-sach-dai-bieu": 1,
    "bien-ban-hoi-nghi": 2,
    "phieu-khao-sat": 2,
    "mau-bao-cao": 2,
}
UNITS = ["Kon Tum", "Đăk Glei", "Ngọc Hồi", "Đăk Tô", "Kon Plông", "Kon Rẫy", "Đăk Hà", "Sa Thầy", "Tu Mơ Rông",
         "Ia H’Drai"]
DEPARTMENTS = ["Ban Phong trào", "Văn phòng", "Ban Tổ chức – Tuyên giáo", "Ban Dân chủ - Pháp luật"]


def test_every_form_is_listed_on_the_toolkit_page(site):
    html = (site / "bo-cong-cu" / "index.html").read_text(encoding="utf-8")
    for slug in FORMS:
        assert f'href="{slug}/"' in html


@pytest.mark.parametrize("slug", ["chuong-trinh-hoi-nghi", "danh-sach-dai-bieu", "bien-ban-hoi-nghi", "phieu-khao-sat"])
def test_forms_offer_every_unit_and_conference_number(site, slug):
    text = page_text(site, f"bo-cong-cu/{slug}/index.html")
    for unit in UNITS:
        assert f"☐ {unit}" in text, unit
    if slug != "phieu-khao-sat":
        # A blank to fill, not boxes «lần thứ 1…4»: the plan numbers no conferences per unit.
        assert "Hội nghị lần thứ:" in text and "☐ 1 ☐ 2" not in text
        assert "Kế hoạch (mục III.3): tổ chức từ 02 đến 04 hội nghị tại các khu dân cư" in text


def test_agenda_lists_the_five_topics_to_tick(site):
    text = page_text(site, "bo-cong-cu/chuong-trinh-hoi-nghi/index.html")
    for topic in ("Chủ trương, chính sách, pháp luật", "Chuyển đổi cây trồng", "Hợp tác xã, trồng và bảo vệ rừng"):
        assert f"☐ {topic}" in text
    for dept in DEPARTMENTS:
        assert f"☐ {dept}" in text


def test_attendance_sheet_has_numbered_empty_rows(site):
    html = (site / "bo-cong-cu" / "danh-sach-dai-bieu" / "index.html").read_text(encoding="utf-8")
    assert html.count('<td class="tk-num">') >= 15


def test_survey_covers_the_four_sides_of_step_2(site):
    text = page_text(site, "bo-cong-cu/phieu-khao-sat/index.html")
    assert "Bước 2 của kế hoạch: Tổ chức khảo sát đánh giá về tình hình đời sống" in text
    for side in ("Tập quán sinh hoạt", "Kinh tế", "Văn hóa", "Xã hội"):
        assert side in text


def test_report_template_goes_to_ban_phong_trao_before_the_deadline(site):
    text = page_text(site, "bo-cong-cu/mau-bao-cao/index.html")
    assert "Kính gửi: Ban Phong trào" in text
    assert ("Hạn kế hoạch đặt cho các ban, văn phòng báo cáo về Ban Phong trào: "
            "trước ngày 30 tháng 11 năm 2023") in text
    assert "từ tháng 4/2023 đến 30/11/2023" in text
    assert "5.000.000đ/01 đơn vị" in text
    # The receiver compiles the province-wide report: it is not offered as a sender.
    for dept in DEPARTMENTS:
        assert (f"☐ {dept}" in text) == (dept != "Ban Phong trào"), dept


@pytest.mark.parametrize("slug,max_pages", FORMS.items())
def test_form_prints_on_a4_within_its_page_count(site, printed, slug, max_pages):
    # Chromium's print to PDF, printed once per run (conftest: printed): A4 from toolkit.css,
    # not from a format forced by the test.
    pdf = PdfReader(io.BytesIO(printed(site, f"bo-cong-cu/{slug}/")))
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    assert 1 <= len(pdf.pages) <= max_pages
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "Để in" not in text  # the on-screen printing hint is not printed
    assert "☐" in text


def test_report_form_says_whose_deadline_the_plans_date_is():
    """«Hạn gửi: trước ngày 30 tháng 11 năm 2023» read as every user's deadline; the plan
    sets it for the Bans and the Văn phòng reporting to Ban Phong trào (review of issue 20)."""
    import re

    from macros.loader import load_site
    from macros.render import toolkit
    from tests.sitebuild import ROOT

    html = toolkit.form_page(load_site(ROOT), "mau-bao-cao")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Hạn gửi" not in text
    assert ("Hạn kế hoạch đặt cho các ban, văn phòng báo cáo về Ban Phong trào: "
            "trước ngày 30 tháng 11 năm 2023") in text
