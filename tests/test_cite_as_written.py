"""The site cites and paraphrases the plan only as the data records it (review r19l: N2, N4, N7, defects 5
and 9). On the commune plan of review r19k (tests/fixtures/ke-hoach-xa-cau-truc), whose organisation section
gives two comrades one item («1.», then «-» twice), whose steps are «Bước 1: …», and whose report is sent by
each village's Ban Công tác Mặt trận, not by the comrades:
- N2: a report note the plan opens with no words («* Ghi chú:» is the 2023 plan's) is quoted without any;
- 9/N7: an assignment is cited by the number the data records as written, else by its section alone, never
  by a number computed from its place in the list («mục VI.2» where the document has only VI.1);
- N4: a step is quoted and cited with its number as written («Bước 2»);
- 5: who reports, and whether the date is each unit's, follow bao_cao › nguoi_gui; unsaid, nothing is claimed.
In-process, on small changes of the fixture's data."""

import datetime as dt

from macros.exports import ics
from macros.loader import load_website
from macros.render import assignments, home, timeline, units
from macros.results import progress as pg
from macros.results.load import results_of
from tests.test_structured_verbatim import _project

COMRADE = "Đồng chí Phó Chủ tịch Ủy ban MTTQ Việt Nam xã"
RECEIVER = "Ban Thường trực Ủy ban MTTQ Việt Nam xã"


def _site(tmp_path, change=None, departments_name=True):
    root = _project(tmp_path, change)
    if departments_name:  # as the reviewer's co-quan.yaml had it
        path = root / "data" / "ke-hoach-xa" / "co-quan.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "ten_goi_cac_ban: Ban Công tác Mặt trận\n", encoding="utf-8")
    return load_website(root).plans[0]


def _org(data):
    return next(s for s in data["muc"] if s.get("loai") == "to_chuc_thuc_hien")


def _steps(data):
    return next(s for s in data["muc"] if s.get("loai") == "cac_buoc")


def _as_reviewed(data):
    """The editor's data of review r19l: no opening words for the report note."""
    _org(data)["bao_cao"].pop("tieu_de")


def test_a_report_note_without_opening_words_quotes_none(tmp_path):
    page = assignments.assignments_page(_site(tmp_path, _as_reviewed))
    assert "Ghi chú" not in page, page
    assert "Kế hoạch ghi: «Ban Công tác Mặt trận thôn Kon Klor" in page, page


def test_an_assignment_without_its_number_is_cited_by_its_section_alone(tmp_path):
    site = _site(tmp_path, _as_reviewed)
    page = assignments.assignments_page(site)
    assert "mục VI.2" not in page and "mục VI.3" not in page and page.count("(kế hoạch, mục VI)") == 4, page
    unit = units.unit_page(site, "plei-don")
    assert "mục VI.2" not in unit and "mục VI.3" not in unit and "Kế hoạch, mục VI:" in unit, unit


def test_an_assignment_is_cited_by_its_number_as_written(tmp_path):
    def numbered(data):
        _as_reviewed(data)
        org = _org(data)
        for a in org["phan_cong"]:
            a["so"] = "1."  # both comrades are dashes of item 1
        org["don_vi_thuc_hien"]["so"] = "3."
    site = _site(tmp_path, numbered)
    page = assignments.assignments_page(site)
    assert page.count("(kế hoạch, mục VI.1)") == 2 and "(kế hoạch, mục VI.3)" in page and "VI.2" not in page, page
    unit = units.unit_page(site, "plei-don")
    assert "Kế hoạch, mục VI.1:" in unit and "Kế hoạch, mục VI.3:" in unit and "VI.2" not in unit, unit


def test_a_step_is_quoted_and_cited_with_its_number_as_written(tmp_path):
    def steps(data):
        _as_reviewed(data)
        for n, step in enumerate(_steps(data)["buoc"], 1):
            step["so"] = f"Bước {n}:"
    unit = units.unit_page(_site(tmp_path, steps), "kon-klor")
    assert "Kế hoạch (mục III, Bước 2) ghi: «" in unit and "III.2" not in unit, unit
    assert "> Bước 1: Khảo sát, nắm tình hình Nhân dân" in unit and "1\\. Khảo sát" not in unit, unit


def _claims(site) -> dict[str, str]:
    stamp = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    return {"unit": units.report_sentence(site, site.assignment_of("kon-klor").ban),
            "assignments": assignments.assignments_page(site),
            "results": pg.deadline_sentence(site),
            "calendar": ics.calendar(site, results_of(site), stamp).decode().replace("\r\n ", ""),
            "timeline": timeline.timeline_html(site), "home": home.home_page(site)}


def test_each_unit_reports_when_the_data_says_so(tmp_path):
    def villages(data):
        _as_reviewed(data)
        _org(data)["bao_cao"]["nguoi_gui"] = "don_vi"
    site = _site(tmp_path, villages)
    said = _claims(site)
    assert said["unit"] == f"Theo kế hoạch, từng đơn vị báo cáo kết quả về {RECEIVER} trước ngày 15/11/2026.", said
    assert said["results"] == f"Hạn kế hoạch đặt cho từng đơn vị báo cáo về {RECEIVER}: trước ngày 15/11/2026.", said
    assert "không đặt" not in said["calendar"] and "Hạn kế hoạch đặt cho từng đơn vị báo cáo về" in said["calendar"]
    assert "gồm cả kết quả" not in said["assignments"], said["assignments"]
    assert f"{RECEIVER} nhận báo cáo của từng đơn vị và tổng hợp" in said["assignments"], said["assignments"]


def test_nothing_is_claimed_about_who_reports_when_the_data_does_not_say(tmp_path):
    said = _claims(_site(tmp_path, _as_reviewed))
    assert f"{COMRADE} báo cáo" not in said["unit"] and "khác" not in said["unit"], said
    assert said["unit"].startswith("Kế hoạch ghi: «Ban Công tác Mặt trận thôn Kon Klor"), said
    assert "không đặt" not in said["results"] + said["calendar"], said
    assert "gồm cả kết quả" not in said["assignments"] and "do Ban Thường trực" not in said["assignments"]
    assert f"{RECEIVER} nhận báo cáo và tổng hợp" in said["assignments"], said["assignments"]  # from no one named


def test_the_departments_name_is_never_who_reports_when_the_units_or_no_one_is_said(tmp_path):
    """Review r19m: with the departments' name set (ten_goi_cac_ban) and the report sent by each unit, or
    by no one the data names, the timeline, its bar and the home page still said «Ngày cuối các Ban Công tác
    Mặt trận gửi báo cáo» / «Các Ban Công tác Mặt trận báo cáo kết quả»."""
    def villages(data):
        _as_reviewed(data)
        _org(data)["bao_cao"]["nguoi_gui"] = "don_vi"
    each = _claims(_site(tmp_path / "don-vi", villages))
    unsaid = _claims(_site(tmp_path / "khong-ghi", _as_reviewed))
    for said in (each, unsaid):
        for where in ("timeline", "home"):
            assert "các Ban Công tác Mặt trận gửi" not in said[where], said[where]
            assert "Các Ban Công tác Mặt trận báo cáo" not in said[where], said[where]
    assert "Ngày cuối từng đơn vị gửi báo cáo kết quả về" in each["timeline"], each["timeline"]
    assert "Ngày cuối gửi báo cáo kết quả về" in unsaid["timeline"], unsaid["timeline"]
    assert "Từng đơn vị báo cáo" in each["home"], each["home"]
