"""What readers see of the results: the real site (no results: "Chưa có số liệu
báo cáo" wherever results would be) and one build with the three fixture units
(on time; late and over budget; no report yet) copied into data/ke-hoach-2023/ket-qua/."""

import io
import os
import posixpath
import shutil

import openpyxl
import pytest
from icalendar import Calendar

from tests.results_fixtures import FIXTURES, SITE, elements
from tests.sitebuild import build_once, copy_project, mkdocs_build_here, page_text
from macros.render import links

SITE_ADDRESS = "https://kehoach.example.vn/"  # site_url of the build with fixture results
UNIT_PAGES = {u.ma: f"don-vi/{links.unit_slug(u)}/index.html" for u in SITE.units}
# No unit is "đúng hạn"/"sau hạn": the plan's report date binds the Bans and the Văn phòng,
# not the units; a unit with figures and no report date is not "đang thực hiện" in 2026.
LABELS = ["Chưa có số liệu", "Đã gửi báo cáo", "Chưa có số liệu", "Đã gửi báo cáo", "Chưa có số liệu",
          "Có số liệu, chưa ghi ngày gửi báo cáo", "Chưa có số liệu", "Chưa có số liệu", "Chưa có số liệu",
          "Chưa có số liệu"]
BANS_DEADLINE = "hạn kế hoạch đặt cho các ban, văn phòng báo cáo về Ban Phong trào"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """One build of the project with the fixture results, shared by every test and
    every pytest-xdist worker of the run (build_once). Without PDFs (KONTUM_PDF=0): the
    report PDF is made in-process below by the same writer the build calls."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

    def build(out):
        project = copy_project(out.with_name(out.name + "-project"))
        shutil.copytree(FIXTURES, project / "data" / "ke-hoach-2023" / "ket-qua", ignore=shutil.ignore_patterns("*.md", "*.xlsx"))
        # A known address (issue 23): canonical links, og:url and the printed QR codes
        # are checked on this build (tests/test_links_back.py); the real build has none.
        # Dated after the fixtures' last report (06/12/2023): the results' checks compare with the build's date.
        result = mkdocs_build_here(project, out, KONTUM_PDF="0", SOURCE_DATE_EPOCH="1704067200", SITE_URL=SITE_ADDRESS)
        if result.returncode == 0 and "vượt kinh phí được giao" not in result.stderr:
            result.returncode = 99  # the over-budget warning must be logged while the build goes on
        return result

    return build_once(shared / "site-ket-qua", build)


def _download_targets(site, page):
    base = posixpath.dirname(page)
    return [posixpath.normpath(posixpath.join(base, a["href"])) for a, _ in elements(site, page).all("a")
            if "download" in a]


# -- the real site: no results ------------------------------------------------------------

def test_real_site_says_no_data_wherever_results_would_be(site):
    progress = elements(site, "ket-qua/index.html")
    assert "Chưa có số liệu báo cáo" in page_text(site, "ket-qua/index.html")
    assert [t for _, t in progress.all("span", "kq-status")] == ["Chưa có số liệu"] * 10
    assert not progress.all("svg", "kq-chart__svg")  # no chart of figures that do not exist
    assert "0/10" not in page_text(site, "ket-qua/index.html")
    # said as a fact of 2026, not as if reports were still to come (issue 20)
    assert "chưa báo cáo nào của các đơn vị được nhập vào website" in page_text(site, "ket-qua/index.html")
    assert "Khi có báo cáo" not in page_text(site, "ket-qua/index.html")
    report = page_text(site, "bao-cao-tong-hop/index.html")
    assert "Chưa có số liệu báo cáo" in report and "Tải PDF" not in report
    assert not (site / "pdf" / "bao-cao-tong-hop-2023.pdf").exists()
    for page in UNIT_PAGES.values():
        text = page_text(site, page)
        assert "Kết quả thực hiện Trạng thái: Chưa có số liệu Chưa có số liệu báo cáo." in text, page
        assert "Báo cáo kết quả của đơn vị chưa được nhập vào website." in text and "khi có" not in text, page


def test_real_site_offers_calendar_and_spreadsheets(site):
    timeline = elements(site, "tien-do/index.html")
    assert [t for _, t in timeline.all("a") if t == "Thêm vào lịch"]
    for page in ["tien-do/index.html", "ket-qua/index.html", "phan-cong/index.html", "kinh-phi/index.html",
                 UNIT_PAGES["610"]]:
        targets = _download_targets(site, page)
        assert targets, page
        for target in targets:
            assert (site / target).is_file(), (page, target)
    cal = Calendar.from_ical((site / "tai-ve/lich-ke-hoach-2023.ics").read_bytes())
    assert len(cal.walk("VEVENT")) == 2
    wb = openpyxl.load_workbook(io.BytesIO((site / "tai-ve/ket-qua-2023.xlsx").read_bytes()))
    assert [r[4] for r in wb.active.iter_rows(min_row=3, values_only=True)] == ["Chưa có số liệu"] * 10  # row 1: the notice
    assert len(list((site / "tai-ve/mau-bao-cao").glob("*.xlsx"))) == len(SITE.units)
    nav = elements(site, "index.html").all("a", "md-nav__link")
    assert {"Kết quả thực hiện", "Báo cáo tổng hợp"} <= {t for _, t in nav}


# -- the build with fixture results -----------------------------------------------------------

def test_progress_page_shows_each_units_status_and_the_summary(fixture_site):
    page = elements(fixture_site, "ket-qua/index.html")
    assert [t for _, t in page.all("span", "kq-status")] == LABELS
    text = page_text(fixture_site, "ket-qua/index.html")
    assert ("Đã gửi báo cáo: 2/10 đơn vị (ngày gửi ở bảng dưới). Hạn kế hoạch đặt cho các ban, văn phòng báo cáo "
            "về Ban Phong trào: trước ngày 30/11/2023; kế hoạch không đặt hạn báo cáo cho từng huyện, thành phố.") in text
    assert "Hội nghị: 6 hội nghị ở 3 đơn vị có số liệu. Kế hoạch (mục III.3) ghi: «Tổ chức từ 02 đến 04" in text
    assert "trong khoảng" not in text  # the plan sets no number for each unit to be "in"
    # the draft report's wording (lượt: one person may attend several conferences)
    assert "645 lượt người dự, trong đó 579 người dân tộc thiểu số (89,8%)" in text
    assert "645 lượt người dự, trong đó 579 người dân tộc thiểu số" in page_text(fixture_site, "bao-cao-tong-hop/index.html")
    assert "11.900.000đ trên 15.000.000đ" in text
    # the unit named, its own words quoted, no judgement of the site's own («Đã có giải trình»)
    assert ("Huyện Đăk Tô: Tổng chi 5.600.000đ vượt kinh phí được giao 5.000.000đ (600.000đ). "
            "Đơn vị ghi: “Số liệu mẫu để kiểm thử; phần vượt do đơn vị tự bù.”") in text
    assert "giải trình" not in text


def test_charts_are_svg_with_title_description_and_the_same_numbers_in_a_table(fixture_site):
    page = elements(fixture_site, "ket-qua/index.html")
    figures = page.all("figure", "kq-chart")
    assert [a["id"] for a, _ in figures] == ["bd-hoi-nghi", "bd-nguoi-du", "bd-kinh-phi"]
    svgs = page.all("svg", "kq-chart__svg")
    assert len(svgs) == 3 and all(a.get("role") == "img" and a.get("aria-labelledby") for a, _ in svgs)
    titles, descs = page.all("title"), page.all("desc")
    assert [t for _, t in titles if t.startswith(("Số", "Kinh"))][:3] == [
        "Số hội nghị đã tổ chức", "Số lượt người dự hội nghị", "Kinh phí đã chi so với kinh phí được giao"]
    assert any("tổng 6 hội nghị" in d for _, d in descs)
    assert any("Chi vượt kinh phí: Huyện Đăk Tô" in d for _, d in descs)
    tables = [t for _, t in page.all("table", "kq-chart__table")]
    # each unit's count, compared with nothing: the plan's 02–04 is not a number per unit
    assert "Huyện Đăk Glei 3 Huyện Ngọc Hồi" in tables[0] and "Huyện Kon Rẫy 1 Huyện Đăk Hà" in tables[0]
    assert not any(w in tables[0] for w in ("trong khoảng", "ít hơn", "nhiều hơn", "So với"))
    assert not page.all("rect", "kq-band")
    assert "Huyện Đăk Glei 295 270 91,5%" in tables[1] and "Tổng 645 579 89,8%" in tables[1]
    assert "Huyện Đăk Tô 5.000.000 5.600.000 112,0% — vượt" in tables[2]
    assert "Thành phố Kon Tum chưa có số liệu" in tables[0]
    # one drawn bar per unit with data in each chart; the over-budget row marked
    assert len(page.all("rect", "kq-bar")) == 3 * 3
    assert len(page.all("g", "kq-row--warn")) == 1  # Đăk Tô (over budget)


def test_unit_pages_show_their_results(fixture_site):
    glei = page_text(fixture_site, UNIT_PAGES["610"])
    assert ("Trạng thái: Đã gửi báo cáo — báo cáo gửi ngày 24/11/2023 (Ban Dân chủ - Pháp luật), trước ngày 30/11/2023, "
            f"{BANS_DEADLINE}; kế hoạch không đặt hạn báo cáo cho từng huyện, thành phố.") in glei
    assert "Hội nghị đã tổ chức: 3" in glei and "4.800.000đ / 5.000.000đ" in glei
    assert "Người dự: 295 lượt người dự, trong đó 270 người dân tộc thiểu số" in glei
    assert "10/6/2023 , Nhà văn hóa Thôn Mẫu 1: 120 người dự, trong đó 104 người dân tộc thiểu số" in glei
    to = page_text(fixture_site, UNIT_PAGES["612"])
    assert (f"Trạng thái: Đã gửi báo cáo — báo cáo gửi ngày 06/12/2023 (Ban Phong trào), sau ngày 30/11/2023, "
            f"{BANS_DEADLINE}") in to and "vượt 600.000đ" in to
    assert "Ghi chú về kinh phí (đơn vị ghi): “Số liệu mẫu để kiểm thử; phần vượt do đơn vị tự bù.”" in to
    ray = page_text(fixture_site, UNIT_PAGES["614"])
    assert "Trạng thái: Có số liệu, chưa ghi ngày gửi báo cáo" in ray and "ngoài khoảng" not in ray
    assert "Chưa có số liệu báo cáo" in page_text(fixture_site, UNIT_PAGES["608"])
    cal = Calendar.from_ical((fixture_site / "tai-ve/lich/huyen-dak-glei.ics").read_bytes())
    assert sorted(e.decoded("DTSTART").isoformat() for e in cal.walk("VEVENT")) == [
        "2023-04-01", "2023-06-10", "2023-07-22", "2023-09-14", "2023-11-29"]  # the last day before the deadline


def test_compiled_report_page(fixture_site):
    text = page_text(fixture_site, "bao-cao-tong-hop/index.html")
    assert "DỰ THẢO – tài liệu tham khảo do website tổng hợp" in text and "DỰ THẢO BÁO CÁO" in text
    # The website's draft: no number, place-date or signer the plan does not give.
    assert "/BC-MTTQ-BTT" not in text and "TM. BAN THƯỜNG TRỰC" not in text
    assert "Ban Phong trào tổng hợp báo cáo kết quả" in text
    assert "Tổng cộng 6 645 579" in text and "Tổng cộng 50.000.000 11.900.000" in text
    assert "Đăk Tô Ban Phong trào 06/12/2023 Đã gửi báo cáo" in text
    assert "Tải PDF" not in text  # this build made no PDFs, so it offers none


def test_compiled_report_pdf(tmp_path):
    from macros.pdf import writer
    if writer.unavailable_reason():
        if os.environ.get("CI") == "true":
            pytest.fail("WeasyPrint is required in CI")
        pytest.skip("WeasyPrint unavailable")
    import pdfplumber

    from macros.pdf.report import report_job
    from tests.pdfcheck import A4_H, A4_W, squash, write_job
    from tests.results_fixtures import results_of, with_results
    results = results_of(with_results(tmp_path / "kq"))
    job = report_job(SITE, results)
    assert job.rel == "pdf/bao-cao-tong-hop-2023.pdf"
    # Printed once per run (tests/pdfcheck.py, issue 22); read by pdfplumber, not pdftotext: page 1's
    # first line as the page reads (pdftotext -raw reads in drawing order, margin boxes last) and
    # text drawn outside the page (an office-only line there) too.
    with pdfplumber.open(write_job(SITE, job, tmp_path / "site")) as doc:
        assert all(abs(p.width - A4_W) < 1 and abs(p.height - A4_H) < 1 for p in doc.pages)
        first = squash(doc.pages[0].extract_text())
        whole = squash(" ".join(p.extract_text() or "" for p in doc.pages))
        title = doc.metadata.get("Title", "")
    assert first.startswith("DỰ THẢO BÁO CÁO") and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in first
    assert "/BC-MTTQ-BTT" not in whole and "TM. BAN THƯỜNG TRỰC" not in whole and "Lưu: VT" not in whole
    assert "Tổng cộng 6 645 579" in whole and "Tổng cộng 50.000.000 11.900.000" in whole
    assert title.startswith("Dự thảo – Báo cáo kết quả tổ chức tuyên truyền") and "tài liệu tham khảo" in title
    from macros.render import notice  # like every PDF: the notice, from data (issue 11)
    assert notice.STATUS_TITLE in whole and "202/2025/QH15" in whole.replace(" ", "")
    assert report_job(SITE, results_of(tmp_path / "khong-co")) is None  # no results, no PDF


def test_fixture_downloads_parse_back(fixture_site):
    for page in ["ket-qua/index.html", UNIT_PAGES["612"], "bao-cao-tong-hop/index.html"]:
        for target in _download_targets(fixture_site, page):
            assert (fixture_site / target).is_file(), (page, target)
    wb = openpyxl.load_workbook(io.BytesIO((fixture_site / "tai-ve/ket-qua-2023.xlsx").read_bytes()))
    assert [r[4] for r in wb.active.iter_rows(min_row=3, values_only=True)] == LABELS  # row 1: the notice
    cal = Calendar.from_ical((fixture_site / "tai-ve/lich-ke-hoach-2023.ics").read_bytes())
    assert len(cal.walk("VEVENT")) == 2 + 6


def test_no_output_holds_a_unit_to_the_bans_deadline_or_speaks_as_if_running(fixture_site):
    """Issue 20: «Đề nghị các Ban, Văn phòng báo cáo … gửi về Ban Phong trào trước ngày 30/11/2023»
    binds the provincial Bans and the Văn phòng. No page, spreadsheet or calendar labels a unit
    «sau hạn»/«đúng hạn», and none says a unit is «đang thực hiện» in 2026; every calendar's
    deadline event says whose deadline it is."""
    texts = {p: page_text(fixture_site, p) for p in ["ket-qua/index.html", "bao-cao-tong-hop/index.html",
                                                      "tien-do/index.html", *UNIT_PAGES.values()]}
    texts["ket-qua.csv"] = (fixture_site / "tai-ve/ket-qua-2023.csv").read_bytes().decode("utf-8-sig")
    wb = openpyxl.load_workbook(io.BytesIO((fixture_site / "tai-ve/ket-qua-2023.xlsx").read_bytes()))
    texts["ket-qua.xlsx"] = " ".join(str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c)
    calendars = sorted((fixture_site / "tai-ve").rglob("*.ics"))
    assert len(calendars) == 1 + len(SITE.units)
    for path in calendars:
        cal = Calendar.from_ical(path.read_bytes())
        texts[path.name] = " ".join(str(e.get("SUMMARY")) + " " + str(e.get("DESCRIPTION")) for e in cal.walk("VEVENT"))
        deadline = [str(e["SUMMARY"]) for e in cal.walk("VEVENT") if "han-bao-cao" in str(e["UID"])]
        assert deadline == ["Ngày cuối các ban, văn phòng gửi báo cáo kết quả về Ban Phong trào "
                            "(kế hoạch: trước ngày 30/11/2023)"], path.name
    for where, text in texts.items():
        for wrong in ("sau hạn", "đúng hạn", "Đang thực hiện", "đang thực hiện", "Ngày cuối gửi báo cáo"):
            assert wrong not in text, (where, wrong)
    assert "H" + BANS_DEADLINE[1:] in texts["ket-qua/index.html"]


def test_progress_page_fits_a_360_px_phone(fixture_site, browser):
    from tests.browser import reader
    page = reader(browser).page(360, 740)
    page.goto(reader(browser).base(fixture_site) + "ket-qua/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    boxes = page.eval_on_selector_all(".kq-chart__svg", "els => els.map(e => e.getBoundingClientRect().right)")
    assert len(boxes) == 3 and max(boxes) <= 360
    size = page.eval_on_selector(".kq-chart__svg .kq-name", "e => e.getBoundingClientRect().height")
    assert size >= 10  # unit names stay readable, not shrunk to nothing


def test_results_pages_edit_links_open_the_results_data(site, mutated_site):
    """With a real repository address (EDIT_URI, the mutated build), the report's
    edit link opens bao-cao.yaml and the progress page's opens "new file" in the
    results folder; without one (the real build here), no edit link at all, never
    one to a placeholder host (issue 11)."""
    import os
    import re
    from macros.render.provenance import real_edit_base
    from tests.sitebuild import MUTATED_EDIT_URI
    edit = re.compile(r'href="([^"]+)" rel="edit"')
    for built, base in ((mutated_site, MUTATED_EDIT_URI), (site, real_edit_base(os.environ.get("EDIT_URI")))):
        report = edit.findall((built / "bao-cao-tong-hop/index.html").read_text(encoding="utf-8"))
        progress = edit.findall((built / "ket-qua/index.html").read_text(encoding="utf-8"))
        if base is None:
            assert report == [] and progress == []
            continue
        assert report == [base + "data/ke-hoach-2023/bao-cao.yaml"]
        assert progress == [base.replace("/edit/", "/new/", 1) + "data/ke-hoach-2023/ket-qua/"]
