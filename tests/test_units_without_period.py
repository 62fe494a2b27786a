"""A unit page needs only the organisation section (who is assigned to the unit, the report): a plan whose time
section is absent or kept as written still gets its unit pages, sheets, templates and results pages, with the
period line, the link to a timeline and the unit's calendar left off (session 10, r19o defect 1: «check what is
still required»). Before, has_units required the structured time section, and the check refused units on file
for a checked plan without it. In-process, on tests/fixtures/ke-hoach-xa-cau-truc."""

import html
import re

import pytest
import yaml

from macros.loader import load_website
from macros.outputs import outputs
from macros.pdf import documents
from macros.render import units
from macros.render.pages import plan_pages, unit_description
from macros.results.load import results_of
from tests.sitebuild import ROOT, one_plan_project
from tests.test_structured_verbatim import _Quoting
from tests.test_units_without_budget_steps import RESULTS

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"


def _project(tmp_path, how: str):
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    muc = []
    for section in data["muc"]:
        if section.get("loai") == "thoi_gian_dia_diem":
            if how == "absent":
                continue
            section = {k: section[k] for k in ("so", "tieu_de", "loai", "doan")}
        muc.append(section)
    data["muc"] = muc
    path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "data" / "ke-hoach-xa" / "ket-qua").mkdir()
    (root / "data" / "ke-hoach-xa" / "ket-qua" / "kon-klor.yaml").write_text(RESULTS, encoding="utf-8")
    return root


@pytest.fixture(scope="module", params=["absent", "verbatim"])
def site(request, tmp_path_factory):
    return load_website(_project(tmp_path_factory.mktemp("xa"), request.param)).plans[0]


def _words(text) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(text))))


def test_units_without_a_period(site):
    assert site.plan.thoi_gian_dia_diem is None and not site.has_timeline
    assert site.has_units and site.unmade_pages == []
    made = {o.key for o in outputs(site).all}
    assert {"unit", "handout", "units", "progress", "report"} <= made, made
    assert not {"timeline", "ics", "unit_ics"} & made, made


def test_unit_page_and_sheet_say_nothing_of_a_period(site):
    page = units.unit_page(site, "kon-klor")
    assert "Thời gian thực hiện" not in page and "tien-do" not in page and "None" not in page
    assert "Nhiệm vụ của" in page and "Báo cáo kết quả" in page
    sheet = _words(documents.handout_document(site, "kon-klor"))
    assert "None" not in sheet and "Thời gian, hội nghị" not in sheet and "Báo cáo kết quả" in sheet
    assert "None" not in unit_description(site, site.unit("kon-klor"))
    assert "thời gian thực hiện" not in units.search_entry(site, site.unit("kon-klor")).text  # the page has no such line


def test_every_page_and_the_report(site):
    from macros.pdf.report import report_document
    for page in plan_pages(site):
        assert "None" not in _words(page.markdown), page.path
        assert "tien-do" not in page.markdown and ".ics" not in page.markdown, page.path
    assert not results_of(site).empty
    from macros.render.progress import progress_page, unit_section
    for part in (progress_page(site, results_of(site)), unit_section(site, results_of(site), "kon-klor")):
        assert ".ics" not in part and "Thêm vào lịch" not in part and "None" not in _words(part)
    assert "None" not in _words(report_document(site, results_of(site)))
