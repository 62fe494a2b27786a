"""The data model no longer forces an imported plan into the 2023 plan's shape (review r19l N3, N4), on the
commune plan of review r19k (tests/fixtures/ke-hoach-xa-cau-truc), in-process:
1. an assignee named as the plan writes it (a comrade, not a «ban»), with the plan's own word for the relation
   (to_chuc_thuc_hien › quan_he: «phụ trách»): no «Ban phối hợp của xã: Đồng chí …» on the unit page, its PDF
   or the workbooks;
2. the report's receiver (bao_cao › noi_nhan) written as the plan writes it, when it is no ban of the issuing
   body (a commune's report goes to the province's Front);
3. unit pages without a Cuộc vận động (cuoc_van_dong), and nothing taken from it printed empty;
5. a step cited by its number as written (buoc › so) on the unit PDF, the timeline and the calendar."""

import datetime as dt
import re

import pytest

from macros.errors import DataErrors
from macros.exports import ics, xlsx
from macros.loader import load_website
from macros.pdf import documents
from macros.render import assignments, budget, home, report, timeline, units
from macros.results.load import results_of
from tests.test_cite_as_written import _org, _site, _steps
from tests.test_structured_verbatim import _project

COMRADE = "Đồng chí Phó Chủ tịch Ủy ban MTTQ Việt Nam xã"
PROVINCE = "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


def test_an_assignee_is_named_with_the_plans_own_word_for_what_it_does(tmp_path):
    site = _site(tmp_path)  # the fixture's quan_he: phụ trách
    unit = units.unit_page(site, "kon-klor")
    handout = documents.handout_document(site, "kon-klor")
    heads = [xlsx.assignment_rows(site)[0], xlsx.budget_rows(site)[0]]
    pages = {"unit": unit, "handout": handout, "assignments": assignments.assignments_page(site),
             "budget": budget.budget_page(site), "home": home.home_page(site)}
    for where, text in pages.items():
        assert "Ban phối hợp" not in text and "ban phối hợp" not in text, (where, text)
    assert f"**Phụ trách:** {COMRADE}" in unit, unit
    assert f"<th>Phụ trách</th><td><strong>{COMRADE}</strong>" in handout, handout
    assert all("Phụ trách" in head for head in heads), heads


def test_a_comrade_assigned_without_the_plans_word_is_refused(tmp_path):
    """Without quan_he the site says «Ban phối hợp của xã»: true only of a ban (or the office)."""
    with pytest.raises(DataErrors) as exc:
        _site(tmp_path, lambda d: _org(d).pop("quan_he"))
    (first,) = exc.value.errors  # the two comrades, said once at quan_he (review bad10 q1)
    assert "quan_he" in first.hint and COMRADE in first.message and first.file.endswith("ke-hoach.yaml"), str(first)
    assert first.line and "Ủy viên Thường trực" in first.message and first.field.endswith("quan_he"), str(first)


def _to_province(data):
    report = _org(data)["bao_cao"]
    report["noi_nhan"] = PROVINCE
    # the document's own line (item 1's last dash): the quoted report note is the plan's words
    report["loi_van"] = "Tổng hợp kết quả, báo cáo {noi_nhan_bao_cao} trước ngày {han_bao_cao}."
    report["han"] = "30/11/2026"
    report.pop("tieu_de", None)
    report["nguoi_gui"] = "ban"


def test_the_report_goes_to_a_receiver_as_the_plan_writes_it(tmp_path):
    root = _project(tmp_path, _to_province)
    org = root / "data" / "ke-hoach-xa" / "co-quan.yaml"  # the commune's Ban Thường trực receives nothing now
    org.write_text(org.read_text(encoding="utf-8").replace(
        "  - ma: ban-thuong-truc\n    ten: Ban Thường trực Ủy ban MTTQ Việt Nam xã\n", ""), encoding="utf-8")
    site = load_website(root).plans[0]
    assert site.department("pho-chu-tich") and "ban-thuong-truc" not in [d.ma for d in site.departments]
    assert site.fill(site.plan.to_chuc_thuc_hien.bao_cao.loi_van).startswith(f"Tổng hợp kết quả, báo cáo {PROVINCE} ")
    sentence = units.report_sentence(site, site.assignment_of("kon-klor").ban)
    assert f"báo cáo kết quả về {PROVINCE} trước ngày 30/11/2026" in sentence, sentence
    page = assignments.assignments_page(site)
    assert PROVINCE in page and PROVINCE in timeline.timeline_html(site), page
    # a body outside the commune is not said to compile the commune's report (the 2023 shape: a ban of the issuer)
    compiled = report.report_page(site, results_of(site))
    for text in (sentence, page, compiled, home.home_page(site)):
        assert "toàn xã" not in text and f"{PROVINCE} tổng hợp" not in text, text
    assert "## Theo ban" not in page, page


def _no_campaign(data):
    data.pop("cuoc_van_dong")
    data["van_ban"]["trich_yeu"] = "Tuyên truyền, vận động tại các thôn, làng trên địa bàn xã năm 2026"


def test_units_have_pages_without_a_campaign(tmp_path):
    site = _site(tmp_path, _no_campaign)
    assert site.has_units and not site.unmade_pages, site.unmade_pages
    made = [units.unit_page(site, "kon-klor"), documents.handout_document(site, "kon-klor"),
            ics.calendar(site, results_of(site), STAMP, "kon-klor").decode(), home.home_page(site)]
    for text in made:
        assert "“”" not in text and "Cuộc vận động “" not in text and "Toàn dân đoàn kết" not in text, text


def _steps_written(labels):
    def change(data):
        for label, step in zip(labels, _steps(data)["buoc"]):
            step["ten_ngan"] = step["ten_ngan"].split(": ", 1)[1]  # «Bước 1: Khảo sát…» -> «Khảo sát…»
            step["so"] = label
        # the section's words write the same marks (a step's `so` is the mark its words write, review bad9 11)
        _steps(data)["doan"] = [line.replace(f"Bước {i}: ", f"{label} ", 1) if isinstance(line, str) else line
                                for i, (label, line) in enumerate(zip(labels, _steps(data)["doan"]), 1)]
        step_two = _steps(data)["buoc"][1]
        step_two["thoi_gian"] = {"van_ban": "từ ngày 01/10/2026 đến ngày 31/10/2026", "tu_ngay": "01/10/2026",
                                 "den_ngay": "31/10/2026"}
    return change


@pytest.mark.parametrize("labels,cited", [(["Bước 1:", "Bước 2:", "Bước 3:"], "Bước 2"), (["a)", "b)", "c)"], "b")])
def test_a_step_is_cited_by_its_number_as_written_everywhere(tmp_path, labels, cited):
    site = _site(tmp_path, _steps_written(labels))
    handout = documents.handout_document(site, "kon-klor")
    assert f"{labels[1]} Hội nghị tuyên truyền" in handout, handout
    line = timeline.timeline_html(site)
    assert f"{labels[1]} Hội nghị tuyên truyền" in line, line
    calendar = ics.calendar(site, results_of(site), STAMP).decode().replace("\r\n ", "").replace("\\,", ",")
    assert f"SUMMARY:{labels[1]} Hội nghị tuyên truyền" in calendar, calendar
    assert f"Kế hoạch (mục III, {cited}) ghi:" in calendar or f"Kế hoạch (mục III.{cited}) ghi:" in calendar, calendar
    unit = units.unit_page(site, "kon-klor")
    assert f"{labels[1]} từ ngày 01/10/2026" in unit, unit
    if cited == "b":
        for text in (handout, line, calendar, unit):
            # the site's own count («Bước 2:», «bước 2)»); the plan's quoted «theo Bước 2;» may stay
            assert not re.search(r"(?i)bước 2(?!\\?;)", text), text


@pytest.mark.parametrize("slug", ["chuong-trinh-hoi-nghi", "bien-ban-hoi-nghi"])
def test_a_form_names_the_place_in_the_plans_own_word(slug):
    """The conference forms asked «Khu dân cư (thôn, làng):», the bracket a district's plan's word for its
    villages; the place is what the plan calls it (ke-hoach.yaml › ten_goi_khu_dan_cu), and nothing more."""
    from macros.loader import load_site
    from macros.render import toolkit
    from tests.sitebuild import ROOT

    text = " ".join(re.sub(r"<[^>]+>", " ", toolkit.form_page(load_site(ROOT), slug)).split())
    assert "(thôn, làng)" not in text and "Khu dân cư:" in text, text


def test_a_unit_page_is_found_by_the_labels_it_shows(tmp_path):
    """Search finds a unit page by its labels (units.PAGE_TOPICS): «Ban phối hợp» is not one of a page
    that says «Phụ trách»."""
    from macros.loader import load_website as load
    from macros.render.pages import Catalog
    from macros.text import fold
    from tests.test_structured_verbatim import _project as project

    catalog = Catalog(load(project(tmp_path)), pdf_ok=False)
    [(path, found)] = [(p, n) for p, n in catalog.search_by_name.items() if p.endswith("thon-kon-klor.md")]
    shown = fold(catalog.pages[path].markdown)
    topics = found.text.split(". Mã đơn vị")[0].split(", ")
    assert "Phụ trách" in topics and all(fold(t) in shown for t in topics), (topics, shown)
