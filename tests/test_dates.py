import datetime as dt

import pytest

from macros.dates import Month, format_date, format_date_long, format_month, parse_date, parse_month


@pytest.mark.parametrize("d,short,long", [
    (dt.date(2023, 2, 8), "08/02/2023", "ngày 08 tháng 02 năm 2023"),
    (dt.date(2023, 11, 30), "30/11/2023", "ngày 30 tháng 11 năm 2023"),
    (dt.date(2023, 4, 5), "05/4/2023", "ngày 05 tháng 4 năm 2023"),
    (dt.date(2023, 1, 10), "10/01/2023", "ngày 10 tháng 01 năm 2023"),
    (dt.date(2020, 3, 5), "05/3/2020", "ngày 05 tháng 3 năm 2020"),
])
def test_administrative_dates(d, short, long):
    assert format_date(d) == short
    assert format_date_long(d) == long


def test_month():
    m = parse_month("4/2023")
    assert m == Month(2023, 4) and format_month(m) == "tháng 4/2023"
    assert m.first_day == dt.date(2023, 4, 1)
    assert str(Month(2023, 2)) == "02/2023"


@pytest.mark.parametrize("text,message", [
    ("2023-11-30", "ngày/tháng/năm"),
    ("31/02/2023", "không có ngày 31 tháng 2 năm 2023"),
    ("30-11-2023", "ngày/tháng/năm"),
])
def test_bad_dates(text, message):
    with pytest.raises(ValueError, match=message):
        parse_date(text)


def test_bad_month():
    with pytest.raises(ValueError, match="không có tháng 13"):
        parse_month("13/2023")


def test_before_a_day_means_the_day_before_is_the_last():
    """«trước ngày 30/11/2023»: the calendar's deadline event (the last day allowed) is
    a day the progress page counts as on time, and the named day is not (issue 20)."""
    from macros.exports.ics import last_day_before
    from macros.results.progress import on_time

    han = dt.date(2023, 11, 30)
    assert last_day_before(han) == dt.date(2023, 11, 29)
    assert on_time(last_day_before(han), han) and not on_time(han, han)
    assert last_day_before(dt.date(2024, 3, 1)) == dt.date(2024, 2, 29)


def test_timeline_and_calendar_give_the_same_last_day_quoting_the_plan():
    """The timeline put the deadline on 30/11/2023 while the .ics had 29/11 (issue 20): both
    show 29/11/2023 as the last day, the timeline quoting the plan's «trước ngày 30/11/2023»."""
    from icalendar import Calendar

    from macros.exports import ics
    from macros.render.timeline import timeline_html
    from tests.results_fixtures import SITE, results_of, FIXTURES

    html = timeline_html(SITE)
    assert ('<time datetime="2023-11-29">29/11/2023</time> Ngày cuối các ban, văn phòng gửi báo cáo kết quả về '
            'Ban Phong trào (kế hoạch ghi: «trước ngày 30/11/2023»)') in html
    assert ('<time datetime="2023-11-30">30/11/2023</time> Kết thúc thực hiện '
            '(kế hoạch ghi: «từ tháng 4/2023 đến 30/11/2023»)') in html
    assert "Hạn báo cáo 30/11" not in html and 'title="Ngày cuối các ban, văn phòng gửi báo cáo: 29/11/2023"' in html
    cal = Calendar.from_ical(ics.calendar(SITE, results_of(FIXTURES.parents[2]), dt.datetime(2023, 12, 1, tzinfo=dt.timezone.utc)))
    days = [e.decoded("DTSTART") for e in cal.walk("VEVENT") if "han-bao-cao" in str(e["UID"])]
    assert days == [dt.date(2023, 11, 29)]
