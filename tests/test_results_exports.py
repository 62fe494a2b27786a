"""Downloads made from the data: the calendar, the spreadsheets, the CSV files,
the Excel report template and its import. Each parsed back, each deterministic."""

import csv
import datetime as dt
import io
import time

import openpyxl
import pytest
from icalendar import Calendar

from macros import import_report
from macros.exports import csv as csv_export
from macros.exports import ics, template, xlsx
from macros.exports import template as T
from macros.results.model import UnitResults
from macros.yamlsrc import read_yaml
from tests.results_fixtures import FIXTURES, LATE_OVER, NO_REPORT, ON_TIME, SITE, fixture_text, results_of, with_results
from tests.sitebuild import unname_text

STAMP = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return results_of(with_results(tmp_path_factory.mktemp("kq")))


def _events(data: bytes) -> dict[str, tuple]:
    cal = Calendar.from_ical(data)
    out = {}
    for ev in cal.walk("VEVENT"):
        out[str(ev["UID"])] = (ev.decoded("DTSTART"), ev.decoded("DTEND"), str(ev["SUMMARY"]),
                               ev.decoded("DTSTAMP"))
    return out


def test_calendar_parses_back_with_every_date(results):
    data = ics.calendar(SITE, results, STAMP)
    cal = Calendar.from_ical(data)
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    events = _events(data)
    starts = sorted(v[0] for v in events.values())
    period = [v for k, v in events.items() if "thoi-gian" in k][0]
    assert period[:2] == (dt.date(2023, 4, 1), dt.date(2023, 12, 1))  # all of 30/11 included
    deadline = [v for k, v in events.items() if "han-bao-cao" in k][0]
    # "trước ngày 30/11/2023": the last day allowed, 29/11, is the event (issue 20).
    assert deadline[:2] == (dt.date(2023, 11, 29), dt.date(2023, 11, 30)) and "trước ngày 30/11/2023" in deadline[2]
    conferences = sorted((k.split("-hoi-nghi-")[1].split("@")[0], v[0]) for k, v in events.items() if "-hoi-nghi-" in k)
    expected = sorted((f"{code}-{c.ngay.isoformat()}-1", c.ngay)
                      for code, r in results.by_unit.items() for c in r.hoi_nghi)
    assert conferences == expected and len(conferences) == 6
    assert all(isinstance(s, dt.date) and not isinstance(s, dt.datetime) for s in starts)
    assert {v[3] for v in events.values()} == {STAMP}
    assert ics.calendar(SITE, results, STAMP) == data  # no clock, no random UID


def test_unit_calendar_holds_only_that_units_conferences(results):
    events = _events(ics.calendar(SITE, results, STAMP, LATE_OVER))
    assert len(events) == 2 + 2 and all("Đăk Tô" in v[2] for k, v in events.items() if "-hoi-nghi-" in k)
    assert len(_events(ics.calendar(SITE, results_of(FIXTURES.parents[2]), STAMP))) == 2  # no results: period + deadline


def test_unit_calendars_made_together_are_whole_icalendar_files(results):
    """ics.calendars joins the shared parts once to each unit's own lines: every file is
    what icalendar writes for the whole calendar read back (same bytes), and holds the
    unit's own title and conferences only."""
    codes = [None] + [u.ma for u in SITE.units]
    made = ics.calendars(SITE, results, STAMP, codes)
    for code, data in made.items():
        cal = Calendar.from_ical(data)
        assert cal.to_ical() == data, code
        assert data == ics.calendar(SITE, results, STAMP, code)
        assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
        own = [k for k in _events(data) if "-hoi-nghi-" in k]
        expected = len(results.by_unit[code].hoi_nghi) if code in results.by_unit else 0
        assert len(own) == (sum(len(r.hoi_nghi) for r in results.by_unit.values()) if code is None else expected)
        assert all(f"-hoi-nghi-{code}-" in k for k in own) or code is None
        if code is not None:
            assert SITE.unit(code).ten in str(cal["X-WR-CALNAME"])
    assert sum(1 for code in made if code in results.by_unit and made[code].count(b"BEGIN:VEVENT") > 2) == 3


def _rows(data: bytes, sheet: str | None = None):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[sheet] if sheet else wb.active
    return wb, ws, [list(r) for r in ws.iter_rows(values_only=True)]


def test_spreadsheets_parse_back_with_numbers_and_vietnamese_headers(results):
    wb, ws, rows = _rows(xlsx.budget_xlsx(SITE, STAMP))
    assert "không phải văn bản chính thức" in rows[0][0]  # the notice on top (issue 20), then the table
    rows = rows[1:]
    assert rows[0] == ["STT", "Đơn vị", "Ban phối hợp của tỉnh", "Kinh phí (đồng)"]
    assert rows[-1] == [None, "Tổng cộng", None, 50_000_000]
    assert ws["D3"].value == 5_000_000 and ws["D3"].number_format == "#,##0"
    assert wb.properties.language == "vi-VN"
    assert wb.properties.created == wb.properties.modified == STAMP.replace(tzinfo=None)
    _, _, rows = _rows(xlsx.assignment_xlsx(SITE, STAMP))
    assert rows[3][:4] == [2, "Huyện Đăk Glei", "610", "Ban Dân chủ - Pháp luật"]
    _, ws, rows = _rows(xlsx.results_xlsx(SITE, results, STAMP))
    by_code = {r[2]: r for r in rows[2:]}
    assert by_code[ON_TIME][4:] == ["Đã gửi báo cáo", 3, 295, 270, 5_000_000, 4_800_000, dt.datetime(2023, 11, 24)]
    # no unit "sau hạn" (the plan's date binds the Bans), none "đang thực hiện" in 2026 (issue 20)
    assert by_code[LATE_OVER][4] == "Đã gửi báo cáo" and by_code[LATE_OVER][9] == 5_600_000
    assert by_code[NO_REPORT][4] == "Có số liệu, chưa ghi ngày gửi báo cáo" and by_code[NO_REPORT][10] is None
    assert by_code["608"][4:] == ["Chưa có số liệu"] + [None] * 3 + [5_000_000, None, None]  # no data, not zeros
    assert ws["J3"].number_format == "#,##0"
    _, _, confs = _rows(xlsx.results_xlsx(SITE, results, STAMP), "Hội nghị")
    assert len(confs) == 2 + 6


def test_spreadsheets_are_byte_identical_across_builds(results):
    first = [xlsx.results_xlsx(SITE, results, STAMP), template.template_xlsx(SITE, ON_TIME, STAMP)]
    time.sleep(1.1)  # a zip entry or a property dated by the clock would now differ
    assert first == [xlsx.results_xlsx(SITE, results, STAMP), template.template_xlsx(SITE, ON_TIME, STAMP)]


def test_csv_has_a_bom_and_plain_numbers(results):
    data = csv_export.results_csv(SITE, results)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][1] == "Đơn vị" and rows[2][1] == "Huyện Đăk Glei"
    assert rows[2][9] == "4800000" and rows[2][10] == "24/11/2023"
    assert rows[1][5:8] == ["", "", ""]
    budget = list(csv.reader(io.StringIO(csv_export.budget_csv(SITE).decode("utf-8-sig"))))
    assert budget[-1][:4] == ["", "Tổng cộng", "", "50000000"] and budget[0][-1] == "Ghi chú"


def fill_template(res: UnitResults, path, sent: str | None):
    """Fill a unit's template the way an office does: text dates, topic numbers."""
    wb = openpyxl.load_workbook(io.BytesIO(template.template_xlsx(SITE, res.don_vi, STAMP)))
    info = wb[T.INFO]

    def put(key, value):
        info.cell(T.INFO_KEYS[key].row, 2, value)

    if sent:
        put("ngay_gui", sent)
    put("khao_sat_ngay", f"{res.khao_sat.ngay.day}/{res.khao_sat.ngay.month}/{res.khao_sat.ngay.year}")
    put("khao_sat_ket_qua", res.khao_sat.ket_qua)
    if res.kinh_phi.giai_trinh:
        put("giai_trinh", res.kinh_phi.giai_trinh)
    for i, a in enumerate(res.dia_ban, 2):
        wb[T.AREAS].cell(i, 1, a.xa)
        wb[T.AREAS].cell(i, 2, "; ".join(a.khu_dan_cu) or None)
    numbers = {t.ma: n for n, t in enumerate(SITE.plan.noi_dung.muc, 1)}
    for i, c in enumerate(res.hoi_nghi, 2):
        ws = wb[T.CONFERENCES]
        for col, value in enumerate([f"{c.ngay.day}/{c.ngay.month}/{c.ngay.year}", c.dia_diem, c.so_nguoi,
                                     c.so_nguoi_dtts, "; ".join(str(numbers[t]) for t in c.noi_dung)], 1):
            ws.cell(i, col, value)
    for i, e in enumerate(res.kinh_phi.chi, 2):
        ws = wb[T.SPENDING]
        ws.cell(i, 1, e.so_tien)
        ws.cell(i, 2, e.chung_tu)
        ws.cell(i, 3, e.noi_dung or None)
    wb.save(path)
    return wb


@pytest.mark.parametrize("code,sent", [(ON_TIME, "24/11/2023"), (LATE_OVER, "06/12/2023"), (NO_REPORT, None)])
def test_filled_template_imports_to_the_hand_written_yaml(tmp_path, code, sent):
    res = UnitResults.model_validate(read_yaml(FIXTURES / f"{code}.yaml", "x").data)
    fill_template(res, tmp_path / f"{code}.xlsx", sent)
    got_code, text, _ = import_report.import_report(tmp_path / f"{code}.xlsx")
    assert got_code == code and text == fixture_text(code)


def test_import_command_writes_the_file_and_reports_errors_by_sheet_row_column(tmp_path, capsys):
    root = tmp_path / "du-an"
    from tests.sitebuild import ROOT
    import shutil
    shutil.copytree(ROOT / "data", root / "data")  # only data/ is read
    unname_text(root)  # its words are changed below
    res = UnitResults.model_validate(read_yaml(FIXTURES / f"{ON_TIME}.yaml", "x").data)
    wb = fill_template(res, tmp_path / "bao-cao.xlsx", "24/11/2023")
    assert import_report.main([str(tmp_path / "bao-cao.xlsx"), "--goc", str(root)]) == 0
    assert (root / "data" / "ke-hoach-2023" / "ket-qua" / "610.yaml").read_text(encoding="utf-8") == fixture_text(ON_TIME)
    assert "Đã ghi data/ke-hoach-2023/ket-qua/610.yaml" in capsys.readouterr().out
    ws = wb[T.CONFERENCES]
    ws.cell(3, 1, "31/13/2023")
    ws.cell(4, 3, "nhiều")
    ws.cell(2, 5, "1; 9")
    wb[T.INFO].cell(T.INFO_KEYS["ngay_gui"].row, 2, "01/9/2023")
    wb.save(tmp_path / "sai.xlsx")
    assert import_report.main([str(tmp_path / "sai.xlsx"), "--goc", str(root)]) == 1
    err = capsys.readouterr().err
    assert "sai.xlsx, trang «Hội nghị», dòng 3, cột A («Ngày (ngày/tháng/năm)»): Không có ngày 31 tháng 13" in err
    assert "trang «Hội nghị», dòng 4, cột C («Số người dự»): Cần một số nguyên" in err
    assert "trang «Hội nghị», dòng 2, cột E" in err and "chỉ có nội dung 1 đến 5" in err
    assert "Traceback" not in err
    # Once the cells read, the plan's rules speak with the same positions.
    ws.cell(3, 1, "22/7/2023")
    ws.cell(4, 3, 80)
    ws.cell(2, 5, "1; 2")
    wb.save(tmp_path / "sai.xlsx")
    assert import_report.main([str(tmp_path / "sai.xlsx"), "--goc", str(root)]) == 1
    err = capsys.readouterr().err
    assert "trang «Thông tin», dòng 7, cột B" in err and "trước hội nghị cuối cùng (14/9/2023)" in err


def test_template_is_the_units_own(tmp_path):
    wb = openpyxl.load_workbook(io.BytesIO(template.template_xlsx(SITE, LATE_OVER, STAMP)))
    assert wb.sheetnames == [T.INFO, T.AREAS, T.CONFERENCES, T.SPENDING, T.GUIDE]
    info = wb[T.INFO]
    assert info.cell(T.INFO_KEYS["don_vi"].row, 2).value == "612"
    assert info.cell(T.INFO_KEYS["ban"].row, 2).value == "Ban Phong trào"
    assert "trước ngày 30/11/2023" in info["A2"].value
    guide = " ".join(str(c.value) for c in wb[T.GUIDE]["A"] if c.value)
    assert "từ 02 đến 04 hội nghị" in guide and "5.000.000đ" in guide and "5. Hợp tác xã, trồng và bảo vệ rừng" in guide
