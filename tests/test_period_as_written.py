"""The plan's period as the plan writes it, and checked (issue 19; review r19l N3, review bad8).

A commune plan says «từ Quý III/2026 đến hết ngày 31/12/2026», another «từ tháng 10/2026 đến tháng
11/2026»: the time section takes a quarter, a month, a day (or a year) for its start and its end, and
a plan may write only its end («đến hết tháng 5/…»). Every sentence that states the period to a reader
uses those words; calendars, status and checks compute with the days they stand for, and a computed
day is never shown as the plan's words. The section's own words (`doan`) and the steps' dates are
checked against its fields. In-process on the 2023 plan's model; the checks on a copy of data/.
"""

import datetime as dt
from dataclasses import replace

import pytest
from icalendar import Calendar

from macros import dates, plan_status, step_times
from macros import period as P
from macros.errors import DataErrors
from macros.exports import ics
from macros.loader import load_site, load_website
from macros.model import Period
from macros.render import home, notice, plan as plan_render, timeline, toolkit, units
from macros.results.load import results_of
from tests.sitebuild import ROOT
from tests.test_bad_input_corpus import change, data_copy, run_check

SITE = load_site(ROOT)
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
PLAN = "ke-hoach.yaml"
FILE = "data/ke-hoach-2023/ke-hoach.yaml"
PERIOD_LINES = '    bat_dau: "4/2023"\n    ket_thuc: "30/11/2023"\n'


def _with_period(site, **fields):
    """The site whose time section holds `fields` (strings as an editor writes them; None: left out)."""
    old = site.plan.thoi_gian_dia_diem
    data = {"loai": "thoi_gian_dia_diem", "tieu_de": old.tieu_de,
            **{k: v for k, v in fields.items() if v is not None}}
    new = Period.model_validate(data)
    muc = [new if s is old else s for s in site.plan.muc]
    return replace(site, plan=site.plan.model_copy(update={"muc": muc}), extra=dict(site.extra))


def _period_event(site) -> tuple:
    raw = ics.calendars(site, results_of(site), STAMP, [None])[None]
    event = next(e for e in Calendar.from_ical(raw).walk("VEVENT") if "-thoi-gian@" in str(e["uid"]))
    return e_dates(event) + (str(event["summary"]), str(event["description"]))


def e_dates(event) -> tuple:
    return event.decoded("dtstart"), event.decoded("dtend")


# --- item 1: the period takes what plans write (review r19l N3) -------------------------------

def test_a_quarter_a_month_a_day_or_a_year_is_read_as_written():
    for text, words, first, last in (
            ("Quý III/2026", "Quý III/2026", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
            ("quý 4/2026", "Quý 4/2026", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
            ("7/2026", "tháng 7/2026", dt.date(2026, 7, 1), dt.date(2026, 7, 31)),
            ("tháng 02/2028", "tháng 02/2028", dt.date(2028, 2, 1), dt.date(2028, 2, 29)),
            ("31/12/2026", "31/12/2026", dt.date(2026, 12, 31), dt.date(2026, 12, 31)),
            ("năm 2026", "năm 2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31))):
        point = dates.parse_point(text)
        assert (point.words, point.first_day, point.last_day) == (words, first, last), text
    for wrong in ("Quý V/2026", "13/2026", "31/9/2026", "cuối năm"):
        with pytest.raises(ValueError):
            dates.parse_point(wrong)


def test_the_commune_plans_periods_load_as_written():
    # The documents of review r19k/r19l: «từ Quý III/2026 đến hết ngày 31/12/2026», «Từ tháng 10/2026 đến
    # tháng 11/2026»; before, bat_dau had to be a month and ket_thuc a day («7/2026», «30/11/2026»).
    quarter = Period.model_validate({"loai": "thoi_gian_dia_diem", "tieu_de": "THỜI GIAN",
                                     "bat_dau": "Quý III/2026", "ket_thuc": "31/12/2026"})
    months = Period.model_validate({"loai": "thoi_gian_dia_diem", "tieu_de": "THỜI GIAN",
                                    "bat_dau": "10/2026", "ket_thuc": "11/2026"})
    assert P.words(quarter) == "từ Quý III/2026 đến 31/12/2026"
    assert P.words(months) == "từ tháng 10/2026 đến tháng 11/2026"
    assert (P.first_day(months), P.last_day(months)) == (dt.date(2026, 10, 1), dt.date(2026, 11, 30))


def test_the_period_is_stated_in_the_plans_words_and_computed_with_its_days():
    site = _with_period(SITE, bat_dau="Quý II/2023", ket_thuc="11/2023")
    said = "từ Quý II/2023 đến tháng 11/2023"
    assert notice.period_sentence(site) == "Kế hoạch thực hiện từ Quý II/2023 đến tháng 11/2023."
    assert plan_render.period_line(site) == f"Thời gian: Thực hiện {said}"
    page = units.unit_page(site, site.units[0].ma)
    assert f"**Thời gian thực hiện kế hoạch:** {said}" in page and "tháng 4/2023" not in page
    assert "Từ Quý II/2023 đến tháng 11/2023." in home.home_page(site)
    assert f"(kế hoạch thực hiện {said})" in toolkit.form_page(site, "mau-bao-cao")
    line = timeline.timeline_html(site)
    assert '<time datetime="2023-04-01">Quý II/2023</time> Bắt đầu thực hiện' in line
    # The last day of November is the site's reading of «tháng 11/2023», not a date the plan writes.
    assert '<time datetime="2023-11-30">Hết tháng 11/2023</time> Kết thúc thực hiện' in line
    assert ">30/11/2023</time> Kết thúc" not in line and f"Tiến độ {said}" in line
    start, end, _, description = _period_event(site)
    assert (start, end) == (dt.date(2023, 4, 1), dt.date(2023, 12, 1))
    assert description.startswith(f"Thực hiện {said}.")
    plan_status.date_status(site, dt.date(2023, 12, 5))
    assert notice.ended_clause(site) == "kế hoạch đã hết thời gian thực hiện (đến hết tháng 11/2023)"
    plan_status.date_status(site, dt.date(2023, 3, 5))
    assert "chưa bắt đầu thực hiện (bắt đầu từ Quý II/2023, đến hết tháng 11/2023)" in notice.ended_clause(site)


def test_the_2023_period_reads_as_before():
    assert notice.period_sentence(SITE) == "Kế hoạch thực hiện từ tháng 4/2023 đến ngày 30/11/2023."
    assert plan_render.period_line(SITE) == "Thời gian: Thực hiện từ tháng 4/2023 đến 30/11/2023"
    assert '<time datetime="2023-11-30">30/11/2023</time> Kết thúc thực hiện' in timeline.timeline_html(SITE)


# --- item 2: a period or a step that writes only its end (review bad8) ------------------------

def test_an_end_alone_gives_no_start():
    assert step_times.read("đến hết tháng 5/2023") == step_times.Read(den_ngay=dt.date(2023, 5, 31))
    assert step_times.read("đến hết Quý IV/2026") == step_times.Read(den_ngay=dt.date(2026, 12, 31))
    assert P.read("Thực hiện đến hết tháng 5/2023.") == (None, dates.parse_point("5/2023"))


def test_a_period_with_its_end_alone_is_said_so_and_dated_on_its_last_day():
    site = _with_period(SITE, ket_thuc="11/2023")
    assert notice.period_sentence(site) == "Kế hoạch thực hiện đến tháng 11/2023."
    line = timeline.timeline_html(site)
    assert "Bắt đầu thực hiện" not in line and "Tiến độ đến tháng 11/2023" in line
    start, end, summary, description = _period_event(site)
    assert (start, end) == (dt.date(2023, 11, 30), dt.date(2023, 12, 1)) and summary.startswith("Hết thời gian")
    assert description.startswith("Thực hiện đến tháng 11/2023.")
    plan_status.date_status(site, dt.date(2023, 3, 5))
    assert "chưa bắt đầu" not in notice.ended_clause(site)


def test_a_period_with_its_end_alone_loads(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, PLAN, PERIOD_LINES, '    ket_thuc: "11/2023"\n')
    code, report = run_check(root, capsys)
    assert code == 0, report
    period = load_website(root).plans[0].plan.thoi_gian_dia_diem
    assert period.bat_dau is None and P.words(period) == "đến tháng 11/2023"


# --- item 3: the section's own words and its fields say the same (review bad8) ---------------

def _line_of(root, text: str) -> int:
    lines = (root / FILE).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.strip().startswith(text))


def test_words_that_contradict_the_fields_are_refused(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, PLAN, PERIOD_LINES, '    bat_dau: "4/2023"\n    ket_thuc: "31/12/2023"\n'
                                     '    doan:\n      - "2. Thời gian: từ tháng 4 đến 30/11/2023."\n')
    code, report = run_check(root, capsys)
    assert code == 1 and "Traceback" not in report, report
    line = _line_of(root, "ket_thuc:")
    assert f"{FILE}:{line}:" in report and "«thoi_gian_dia_diem › ket_thuc»" in report, report
    assert "ghi «từ tháng 4 đến 30/11/2023»: thời gian kết thúc là 30/11/2023, khác ket_thuc đã ghi («31/12/2023»)" \
        in report, report
    assert 'ket_thuc: "30/11/2023"' in report, report


def test_words_that_write_no_start_refuse_a_start(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, PLAN, PERIOD_LINES, '    bat_dau: "4/2023"\n    ket_thuc: "11/2023"\n'
                                     '    doan:\n      - "Thực hiện đến hết tháng 11/2023."\n')
    code, report = run_check(root, capsys)
    assert code == 1, report
    assert f"{FILE}:{_line_of(root, 'bat_dau:')}:" in report and "«thoi_gian_dia_diem › bat_dau»" in report, report
    assert "không ghi thời gian bắt đầu" in report, report


def test_words_that_agree_with_the_fields_load(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, PLAN, PERIOD_LINES, PERIOD_LINES + '    doan:\n      - "2. Thời gian: từ tháng 4 đến 30/11/2023."\n')
    code, report = run_check(root, capsys)
    assert code == 0, report


# --- items 4 and 5: a step's dates lie in the period; its words match whole (review bad8) ----

STEP = "Tổ chức khảo sát đánh giá về tình hình đời sống các mặt của đồng bào dân tộc thiểu số;"


def _step(root, words: str, time: str) -> None:
    change(root, PLAN, STEP, STEP.rstrip(";") + f" {words};")
    change(root, PLAN, "      - ten_ngan: Tổ chức hội nghị tuyên truyền\n",
           f"        thoi_gian: {time}\n      - ten_ngan: Tổ chức hội nghị tuyên truyền\n")


@pytest.mark.parametrize("words, time, field, said", [
    ("trong Quý IV/2023", '{van_ban: "Quý IV/2023", tu_ngay: "01/10/2023", den_ngay: "31/12/2023"}', "den_ngay",
     "kết thúc sau khi kế hoạch kết thúc"),
    ("trong Quý I/2023", '{van_ban: "Quý I/2023", tu_ngay: "01/1/2023", den_ngay: "31/3/2023"}', "tu_ngay",
     "bắt đầu trước khi kế hoạch bắt đầu"),
])
def test_a_step_outside_the_period_is_refused(tmp_path, capsys, words, time, field, said):
    root = data_copy(tmp_path)
    _step(root, words, time)
    code, report = run_check(root, capsys)
    assert code == 1 and "Traceback" not in report, report
    assert f"{FILE}:{_line_of(root, 'thoi_gian:')}:" in report, report
    assert f"thoi_gian › {field}»" in report and said in report, report
    assert "(thời gian thực hiện từ tháng 4/2023 đến 30/11/2023" in report, report


def test_a_step_inside_the_period_loads(tmp_path, capsys):
    root = data_copy(tmp_path)
    _step(root, "trong Quý III/2023", '{van_ban: "Quý III/2023", tu_ngay: "01/7/2023", den_ngay: "30/9/2023"}')
    code, report = run_check(root, capsys)
    assert code == 0, report


def test_a_step_date_typed_with_a_digit_too_many_is_not_the_plans_words(tmp_path, capsys):
    # «30/9/20234» holds «30/9/2023» as a plain substring: it is not the plan writing 30/9/2023.
    root = data_copy(tmp_path)
    _step(root, "trước ngày 30/9/20234", '{van_ban: "trước ngày 30/9/2023", truoc_ngay: "30/9/2023"}')
    code, report = run_check(root, capsys)
    assert code == 1, report
    assert "thoi_gian › van_ban»" in report and "không có trong chữ của kế hoạch" in report, report
    assert step_times.read("trước ngày 30/9/20234") is None


def test_a_step_with_its_end_alone_is_a_last_day_not_a_span():
    # «đến hết tháng 5/2023»: the words give the step's last day, no start; the timeline and the calendar
    # say «Ngày cuối của bước …», as for «trước ngày …», not a one-day step on 31/5.
    from macros.model import StepTime
    from tests.test_step_times import _events, _with
    site = _with(SITE, [StepTime(van_ban="đến hết tháng 5/2023", den_ngay="31/5/2023"), None, None])
    line = timeline.timeline_html(site)
    assert ('<time datetime="2023-05-31">31/5/2023</time> Ngày cuối của bước 1: Thống nhất, chọn xã và khu dân cư '
            "(kế hoạch ghi: «đến hết tháng 5/2023»)") in line, line
    events = _events(ics.calendars(site, results_of(site), STAMP, [None])[None])
    step = next(e for uid, e in events.items() if "-buoc-1@" in uid)
    assert step[:2] == (dt.date(2023, 5, 31), dt.date(2023, 6, 1)) and step[2].startswith("Ngày cuối của bước 1"), step


def test_a_period_written_as_one_quarter_or_month_is_read_and_said_so(tmp_path, capsys):
    # «Thời gian thực hiện: tháng 11/2023» (no «từ … đến …»): the month is the whole period; the site says
    # «trong tháng 11/2023», never «từ tháng 11/2023 đến tháng 11/2023», and a doan so written loads.
    assert P.read("Thời gian thực hiện: Quý IV/2026. Kinh phí năm 2026.") == (dates.parse_point("Quý IV/2026"),) * 2
    site = _with_period(SITE, bat_dau="11/2023", ket_thuc="11/2023")
    assert notice.period_sentence(site) == "Kế hoạch thực hiện trong tháng 11/2023."
    assert plan_render.period_line(site) == "Thời gian: Thực hiện trong tháng 11/2023"
    root = data_copy(tmp_path)
    change(root, PLAN, PERIOD_LINES, '    bat_dau: "11/2023"\n    ket_thuc: "11/2023"\n'
                                     '    doan:\n      - "Thời gian thực hiện: tháng 11/2023."\n')
    change(root, PLAN, 'han: "30/11/2023"', 'han: "20/11/2023"')
    code, report = run_check(root, capsys)
    assert code == 0, report


# --- review bad9 defect 5: the period's common forms are read right, or not at all ----------

def test_dash_ranges_both_quarters_and_counted_months_are_read():
    point = dates.parse_point
    for text, start, end in (
            ("Kế hoạch thực hiện trong 6 tháng cuối năm 2026.", "7/2026", "12/2026"),
            ("Thực hiện trong sáu tháng đầu năm 2027.", "1/2027", "6/2027"),
            ("Thời gian thực hiện: Quý III và Quý IV năm 2026.", "Quý III/2026", "Quý IV/2026"),
            ("Thời gian thực hiện: từ 01/7/2026 - 31/12/2026.", "01/7/2026", "31/12/2026"),
            ("Thời gian thực hiện: Quý III/2026 - 30/12/2026.", "Quý III/2026", "30/12/2026"),
            ("Từ 01/10 – 15/11/2026.", "01/10/2026", "15/11/2026")):
        assert P.read(text) == (point(start), point(end)), text
    # Words the reader cannot tell apart give no reading (never a guess such as «năm 2026» or «Quý IV»).
    for text in ("Thực hiện trong những tháng cuối năm 2026.", "Thực hiện Quý I và Quý III năm 2026.",
                 "Thực hiện vào cuối năm 2026.", "Thực hiện Quý III, Quý IV năm 2026."):
        assert P.read(text) is None, text
    # A part of a year beside the period's quarter is not the period.
    assert P.read("Thời gian thực hiện: Quý IV/2026. Tổng kết cuối năm 2026.") == (point("Quý IV/2026"),) * 2


def _period_lines(root, bat_dau: str, ket_thuc: str, doan: str) -> None:
    change(root, PLAN, PERIOD_LINES, f'    bat_dau: "{bat_dau}"\n    ket_thuc: "{ket_thuc}"\n'
                                     f'    doan:\n      - "{doan}"\n')


@pytest.mark.parametrize("bat_dau, ket_thuc, doan", [
    ("7/2023", "12/2023", "Kế hoạch thực hiện trong 6 tháng cuối năm 2023."),
    ("Quý III/2023", "Quý IV/2023", "Thời gian thực hiện: Quý III và Quý IV năm 2023."),
    ("01/4/2023", "31/12/2023", "Thời gian thực hiện: từ 01/4/2023 - 31/12/2023."),
    ("Quý II/2023", "30/12/2023", "Thời gian thực hiện: Quý II/2023 - 30/12/2023."),
])
def test_the_common_forms_load_with_the_fields_they_write(tmp_path, capsys, bat_dau, ket_thuc, doan):
    root = data_copy(tmp_path)
    _period_lines(root, bat_dau, ket_thuc, doan)
    code, report = run_check(root, capsys)
    assert code == 0, report


def test_a_wrong_field_gets_the_words_reading_not_a_guess(tmp_path, capsys):
    # bad9 p13p/p13q: «6 tháng cuối năm …» was read as «năm …»; following that hint, the site said «Trong
    # năm … (12 tháng)» and started on 1/1.
    root = data_copy(tmp_path)
    _period_lines(root, "năm 2023", "năm 2023", "Kế hoạch thực hiện trong 6 tháng cuối năm 2023.")
    code, report = run_check(root, capsys)
    assert code == 1 and 'bat_dau: "7/2023"' in report and 'ket_thuc: "12/2023"' in report, report
    assert 'bat_dau: "năm 2023"' not in report, report


def test_words_the_reader_cannot_tell_say_so_and_suggest_no_value(tmp_path, capsys):
    root = data_copy(tmp_path)
    _period_lines(root, "7/2023", "12/2023", "Kế hoạch thực hiện trong những tháng cuối năm 2023.")
    code, report = run_check(root, capsys)
    assert code == 1 and "Website không đọc được thời gian thực hiện trong lời văn" in report, report
    assert "bat_dau: \"" not in report and "ket_thuc: \"" not in report and "Traceback" not in report, report


# --- review r19o (review14) item 13: the period stated in the plan's own phrase -----------------

def test_the_period_is_stated_in_the_sections_own_phrase():
    site = _with_period(SITE, bat_dau="9/2023", ket_thuc="11/2023",
                        doan=["Thời gian thực hiện: từ tháng 9 đến hết tháng 11/2023."])
    assert notice.period_sentence(site) == "Kế hoạch thực hiện từ tháng 9 đến hết tháng 11/2023."
    assert plan_render.period_line(site) == "Thời gian: Thực hiện từ tháng 9 đến hết tháng 11/2023"
    assert "Từ tháng 9 đến hết tháng 11/2023." in home.home_page(site)
    start, end, _, description = _period_event(site)
    assert (start, end) == (dt.date(2023, 9, 1), dt.date(2023, 12, 1))
    assert description.startswith("Thực hiện từ tháng 9 đến hết tháng 11/2023.")
    both = _with_period(SITE, bat_dau="Quý III/2023", ket_thuc="Quý IV/2023",
                        doan=["Thời gian thực hiện: Quý III và Quý IV năm 2023."])
    assert P.words(both.plan.thoi_gian_dia_diem) == "trong Quý III và Quý IV năm 2023"
    dash = _with_period(SITE, bat_dau="Quý III/2023", ket_thuc="30/12/2023",
                        doan=["Thời gian thực hiện: Quý III/2023 - 30/12/2023."])
    assert P.words(dash.plan.thoi_gian_dia_diem) == "từ Quý III/2023 - 30/12/2023"
    # Words that do not read as the fields, or no words: the fields' own wording, as before.
    plain = _with_period(SITE, bat_dau="9/2023", ket_thuc="11/2023")
    assert P.words(plain.plan.thoi_gian_dia_diem) == "từ tháng 9/2023 đến tháng 11/2023"


# --- review bad9 defect 6: a step's time is its own, and lies in the period ------------------

def test_a_step_time_taken_from_another_steps_text_is_refused(tmp_path, capsys):
    # bad9 s8: step 1 given «trước ngày 15/11/…», words of step 3, was accepted.
    root = data_copy(tmp_path)
    change(root, PLAN, "Tổ chức {so_hoi_nghi} hội nghị tuyên truyền,",
           "Tổ chức {so_hoi_nghi} hội nghị tuyên truyền trước ngày 30/9/2023,")
    change(root, PLAN, "      - ten_ngan: Tổ chức hội nghị tuyên truyền\n",
           '        thoi_gian: {van_ban: "trước ngày 30/9/2023", truoc_ngay: "30/9/2023"}\n'
           "      - ten_ngan: Tổ chức hội nghị tuyên truyền\n")
    code, report = run_check(root, capsys)
    assert code == 1 and "thoi_gian › van_ban»" in report, report
    assert "không có trong chữ của kế hoạch ghi cho chính bước này" in report, report


def test_a_step_wholly_before_a_period_starting_with_a_quarter_is_refused(tmp_path, capsys):
    # bad9 s10: «Quý IV/…» starts on the quarter's first day; a step «trước ngày 30/9/…» ends before it.
    root = data_copy(tmp_path)
    change(root, PLAN, PERIOD_LINES, '    bat_dau: "Quý III/2023"\n    ket_thuc: "30/11/2023"\n')
    _step(root, "trước ngày 30/6/2023", '{van_ban: "trước ngày 30/6/2023", truoc_ngay: "30/6/2023"}')
    code, report = run_check(root, capsys)
    assert code == 1 and "thoi_gian › truoc_ngay»" in report, report
    assert "kết thúc trước khi kế hoạch bắt đầu" in report, report


# --- review bad9 defect 13: a step date without its year ---------------------------------------

def test_a_step_date_without_its_year_takes_the_periods_year(tmp_path, capsys):
    # bad9 s7b: «trước ngày 30/9» was refused with «bỏ dòng truoc_ngay»: the date was lost.
    assert step_times.read("trước ngày 30/9", 2026) == step_times.Read(truoc_ngay=dt.date(2026, 9, 30))
    assert step_times.read("trước ngày 30/9/2025", 2026) == step_times.Read(truoc_ngay=dt.date(2025, 9, 30))
    assert step_times.read("trước ngày 30/9") is None
    root = data_copy(tmp_path)
    _step(root, "trước ngày 30/9", '{van_ban: "trước ngày 30/9", truoc_ngay: "30/9/2023"}')
    code, report = run_check(root, capsys)
    assert code == 0, report


def test_a_step_date_without_its_year_and_another_year_says_the_sites_reading(tmp_path, capsys):
    root = data_copy(tmp_path)
    _step(root, "trước ngày 30/9", '{van_ban: "trước ngày 30/9", truoc_ngay: "30/9/2022"}')
    code, report = run_check(root, capsys)
    assert code == 1 and "website đọc theo năm của thời gian thực hiện kế hoạch, 2023" in report, report
    assert 'truoc_ngay: "30/9/2023"' in report, report


def test_a_year_the_site_read_is_said_so_on_the_timeline():
    from macros.model import StepTime
    from tests.test_step_times import _with
    site = _with(SITE, [StepTime(van_ban="trước ngày 30/9", truoc_ngay="30/9/2023"), None, None])
    line = timeline.timeline_html(site)
    assert ("(kế hoạch ghi: «trước ngày 30/9», không ghi năm; năm 2023 do website đọc theo thời gian thực hiện "
            "kế hoạch)") in line, line


def test_step_words_are_not_a_date_with_its_year_cut_off():
    """Review bad9b s7: «trước ngày 30/9» passed as the words of a plan that writes «trước ngày 30/9/2026»,
    and the timeline then said the plan writes no year."""
    from macros.crosschecks import _written_in
    words = "Hoàn thành trước ngày 30/9/2026; báo cáo ngày 5.10."
    assert not _written_in("trước ngày 30/9", words)
    assert not _written_in("9/2026", words)
    assert _written_in("trước ngày 30/9/2026", words)
    assert _written_in("trước ngày 30/9", "Hoàn thành trước ngày 30/9, báo cáo sau.")



def test_a_step_day_its_words_contradict_is_one_error(tmp_path, capsys):
    """Review bad9b s1: truoc_ngay 30/9/2022 beside the words «trước ngày 30/9/2023» also gave a message
    saying the words («trước ngày 30/9/2023») end before the plan starts. One mistake, one error: the day
    the words give, at the field (session 10: the day outside the period is no longer said a second time)."""
    root = data_copy(tmp_path)
    _step(root, "trước ngày 30/9/2023", '{van_ban: "trước ngày 30/9/2023", truoc_ngay: "30/9/2022"}')
    code, report = run_check(root, capsys)
    errors = [e for e in report.split("\n\n") if e[:1].isdigit()]
    assert code == 1 and len(errors) == 1, report
    assert "truoc_ngay" in errors[0] and 'truoc_ngay: "30/9/2023"' in errors[0], report
