"""«Cách dùng trang này» on a website whose plans have only their text (an imported plan
with no units, forms or report, review r19p): the page promises no unit to find and no
Excel report to send — it says only what the site offers."""

from macros.loader import load_website
from tests.sitebuild import ROOT, one_plan_project
from tests.test_guide import _env, _render

TEXT_ONLY = ROOT / "tests" / "fixtures" / "ke-hoach-nguyen-van"


def test_a_site_of_plan_text_only_promises_no_unit_and_no_excel_report(tmp_path):
    website = load_website(one_plan_project(tmp_path / "p", TEXT_ONLY, "ke-hoach-a", "Kế hoạch mẫu chỉ có toàn văn"))
    page = _render(_env(website))
    assert "lưu để đọc khi không có mạng" in page and "tìm kiếm gõ không dấu" in page
    for promise in ("đơn vị", "Excel", "báo cáo"):
        assert promise not in page, promise


def test_the_real_site_still_lists_every_use():
    page = _render(_env(load_website(ROOT)))
    assert "lưu để đọc khi không có mạng, tìm đơn vị của mình, tìm kiếm gõ không dấu,\nin trang, điền và gửi báo cáo bằng tệp Excel." in page
    assert "Trang của một đơn vị mở một lần khi có mạng" in page
