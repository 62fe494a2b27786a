"""A unit page needs only the unit list and who is assigned to it (review r19n, defect 5): a plan whose
budget (kinh_phi) or steps (cac_buoc) section is absent, or kept as written (`doan` only), still gets a page,
a PDF sheet, a calendar, an Excel template and a search entry per unit. What those sections would give is
simply absent: no «Kinh phí» line and no «0đ», no steps heading, no link to a budget page that is not made.
Before, such a plan could not keep its units at all once checked (`da_doi_chieu`): the check refused them
(«website không tạo trang đơn vị vì kế hoạch thiếu …»). In-process, on tests/fixtures/ke-hoach-xa-cau-truc."""

import datetime as dt
import html
import re

import pytest

from macros.exports import ics, template
from macros.loader import load_website
from macros.pdf import documents
from macros.render import units
from tests.sitebuild import ROOT, one_plan_project
from tests.test_structured_verbatim import _Quoting  # noqa: F401 - the dumper that keeps «3.000.000» a text

import yaml

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


def _verbatim(section: dict) -> dict:
    """The section as the import writes it when nobody structured it: its number, title, kind and words."""
    return {k: section[k] for k in ("so", "tieu_de", "loai", "doan")}


def _project(tmp_path, how: str, kinds=("kinh_phi", "cac_buoc")):
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    muc = []
    for section in data["muc"]:
        if section.get("loai") in kinds:
            if how == "absent":
                continue
            section = _verbatim(section)
        muc.append(section)
    data["muc"] = muc
    # The report note names Bước 2 in words only; its {so_hoi_nghi}-free text stays valid without steps.
    path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # One unit's results, money spent included: its page, the results page and the report compare it with nothing.
    (root / "data" / "ke-hoach-xa" / "ket-qua").mkdir()
    (root / "data" / "ke-hoach-xa" / "ket-qua" / "kon-klor.yaml").write_text(RESULTS, encoding="utf-8")
    return root


RESULTS = """don_vi: kon-klor
hoi_nghi:
  - ngay: "10/10/2026"
    dia_diem: Nhà văn hóa thôn Kon Klor
    so_nguoi: 80
    noi_dung: [mo-hinh-hay]
kinh_phi:
  chi:
    - so_tien: 1200000
      chung_tu: PC-01/2026
bao_cao:
  ngay_gui: "12/11/2026"
  ban: pho-chu-tich
"""


def _words(text) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(text))))


@pytest.fixture(scope="module", params=["absent", "verbatim"])
def site(request, tmp_path_factory):
    return load_website(_project(tmp_path_factory.mktemp("xa"), request.param)).plans[0]


def test_units_have_pages_without_budget_and_steps(site):
    assert site.plan.kinh_phi is None and site.plan.cac_buoc is None
    assert site.has_units and not site.has_budget
    assert site.unmade_pages == []


def test_unit_page_says_nothing_of_budget_or_steps(site):
    page = units.unit_page(site, "kon-klor")
    words = _words(page)
    assert "Kinh phí" not in words and "0đ" not in words
    assert "kinh-phi" not in page  # no link to the budget page, which is not made
    assert "CÁC BƯỚC" not in page and "Các bước" not in words and "Hội nghị:" not in words
    assert "Xem thêm:" in words and "tiến độ" in words  # the line stays, without the budget's link
    assert "Nhiệm vụ của" in words  # who is assigned to it


def test_units_index_has_no_money_column(site):
    words = _words(units.units_index(site))
    assert "Kinh phí" not in words and "0đ" not in words
    assert "Thôn Kon Klor" in words


def test_handout_has_no_budget_or_steps(site):
    words = _words(documents.handout_document(site, "kon-klor"))
    assert "Kinh phí" not in words and "0đ" not in words
    assert "Các bước" not in words and "CÁC BƯỚC" not in words
    assert "Báo cáo kết quả" in words


def test_calendar_and_template_and_search_entry(site):
    from macros.results.load import results_of
    cal = ics.calendar(site, results_of(site), STAMP, "kon-klor")
    assert b"BEGIN:VCALENDAR" in cal
    values = template.unit_values(site, "kon-klor")
    assert "amount" not in values
    assert template.template_xlsx(site, "kon-klor", STAMP)[:2] == b"PK"
    entry = units.search_entry(site, site.unit("kon-klor"))
    assert "kinh phí" not in entry.text and "các bước" not in entry.text


def test_every_page_and_the_report_leave_the_budget_off(site):
    from macros.pdf.report import report_document
    from macros.render.pages import plan_pages
    from macros.results.load import results_of
    assert not results_of(site).empty
    for page in plan_pages(site):
        words = _words(page.markdown)
        assert "0đ" not in words.replace("1.200.000đ", ""), page.path
        assert "kinh phí được giao" not in words.lower() and "/ 0" not in words and "kinh-phi/" not in page.markdown, page.path
    report = _words(report_document(site, results_of(site)))
    assert "1.200.000" in report and "được giao" not in report and "Kinh phí được giao" not in report


def test_assignments_without_money(site):
    from macros.exports import xlsx
    from macros.render import assignments
    assert site.has_assignments
    head, rows = xlsx.assignment_rows(site)
    assert "Kinh phí (đồng)" not in head and all(len(r) == len(head) for r in rows)
    assert "Kinh phí" not in assignments.assignments_page(site)
    assert xlsx.assignment_xlsx(site, STAMP)[:2] == b"PK"
    from macros.results.load import results_of
    head, rows = xlsx.results_rows(site, results_of(site))
    assert "Kinh phí được giao (đồng)" not in head and all(len(r) == len(head) for r in rows)
    assert xlsx.results_xlsx(site, results_of(site), STAMP)[:2] == b"PK"
