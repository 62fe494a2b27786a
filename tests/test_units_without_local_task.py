"""A plan whose organisation section gives the units no task of their own (review r19o defect 1: the monitoring
plan «giám sát» has one assignment and a report, no «Ban Thường trực cấp dưới» item, no steps, no conference
count) still gets its unit pages, sheets, assignments page, plan page and Word file, with nothing standing for the
item it lacks: to_chuc_thuc_hien › don_vi_thuc_hien is optional. Before, it was required, so the editor had to
write an item the document does not have. In-process, on tests/fixtures/ke-hoach-xa-cau-truc."""

import datetime as dt
import html
import io
import re

import pytest
import yaml

from macros.exports import ics, plan_docx
from macros.loader import load_website
from macros.pdf import documents
from macros.render import assignments, home, units
from macros.render.pages import plan_pages
from macros.results.load import results_of
from tests.sitebuild import ROOT, one_plan_project
from tests.test_structured_verbatim import _Quoting

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
LOCAL = "Các tổ chức chính trị - xã hội xã"
LOCAL_TASK = "Hội Liên hiệp Phụ nữ, Hội Nông dân"


def _project(tmp_path, words: bool):
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    muc = []
    for section in data["muc"]:
        if section.get("loai") == "cac_buoc":  # a monitoring plan: no steps, no conference count
            continue
        if section.get("loai") == "to_chuc_thuc_hien":
            del section["don_vi_thuc_hien"]
            if words:  # the document's words without their item 3
                section["doan"] = section["doan"][:2]
            else:  # the plan page composed from the fields (a plan typed by hand, not imported)
                del section["doan"]
                data.pop("nhap_tu_dong", None)
        muc.append(section)
    data["muc"] = muc
    path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture(scope="module", params=["doan", "fields"])
def site(request, tmp_path_factory):
    return load_website(_project(tmp_path_factory.mktemp("xa"), request.param == "doan")).plans[0]


def _words(text) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(text))))


def _nothing_of_it(text: str, where: str):
    words = _words(text)
    assert "None" not in words, where
    assert LOCAL not in words and LOCAL_TASK not in words, where
    assert "cùng ." not in words and "Nhiệm vụ của  " not in words, where


def test_the_plan_has_units_without_the_item(site):
    assert site.plan.to_chuc_thuc_hien.don_vi_thuc_hien is None and site.plan.cac_buoc is None
    assert site.has_units and site.unmade_pages == []


def test_unit_page_and_sheet(site):
    page = units.unit_page(site, "kon-klor")
    _nothing_of_it(page, "trang đơn vị")
    assert "Nhiệm vụ của" in page  # the assignee's part stays
    _nothing_of_it(documents.handout_document(site, "kon-klor"), "phiếu đơn vị")


def test_assignments_home_plan_page_and_word_file(site):
    _nothing_of_it(assignments.by_department(site), "phan-cong")
    _nothing_of_it(home.home_page(site), "trang chủ")
    for page in plan_pages(site):
        _nothing_of_it(page.markdown, page.path)
    from docx import Document
    doc = Document(io.BytesIO(plan_docx.plan_docx(site)))
    _nothing_of_it("\n".join(p.text for p in doc.paragraphs), "tệp Word")


def test_calendar(site):
    cal = ics.calendar(site, results_of(site), STAMP, "kon-klor")
    assert b"BEGIN:VCALENDAR" in cal and b"None" not in cal


def test_full_home_page_without_the_item(tmp_path):
    """With its steps kept, the plan gets the full home page, whose «Đơn vị thực hiện» card named the item."""
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for section in data["muc"]:
        if section.get("loai") == "to_chuc_thuc_hien":
            del section["don_vi_thuc_hien"]
            section["doan"] = section["doan"][:2]
    path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = load_website(root).plans[0]
    page = home.home_page(site)
    assert "Đơn vị thực hiện" in page and "Phân công" in page
    _nothing_of_it(page, "trang chủ")


def test_link_preview_states_no_money_the_plan_does_not_give(tmp_path):
    """The unit page's description (<meta name="description">, Zalo and Facebook previews) said «kinh phí 0đ» for a
    plan with no structured budget, a sum the plan never gives (session 9 left it when the page lost its money line)."""
    from macros.render.pages import unit_description
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["muc"] = [s for s in data["muc"] if s.get("loai") != "kinh_phi"]
    path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = load_website(root).plans[0]
    said = unit_description(site, site.unit("kon-klor"))
    assert "kinh phí" not in said and "0đ" not in said and said.startswith("Thôn Kon Klor: phụ trách"), said
    full = load_website(one_plan_project(tmp_path / "du-an-2", FIXTURE, "ke-hoach-xa", "Kế hoạch")).plans[0]
    assert "; kinh phí 3.000.000đ; " in unit_description(full, full.unit("kon-klor"))
