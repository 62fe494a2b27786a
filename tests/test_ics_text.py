"""Every TEXT property of the .ics reads back exactly, with icalendar and with vobject
(a second parser): icalendar 7.3.2 turned a place's «\\N» into a line break (review of issue 20)."""

import datetime as dt

import pytest
import vobject
from icalendar import Calendar

from macros.exports import ics
from tests.results_fixtures import SITE, fixture_text, results_of, with_results

STAMP = dt.datetime(2023, 12, 1, tzinfo=dt.timezone.utc)
NASTY = [
    "Thôn 1, xã Bờ Y\\Ngọc Hồi",
    "C:\\new\\Nhà rông; làng 2",
    "a\\\\b \\, \\; \\n \\N end\\",
    "hai dòng\r\ndòng hai\nba\rbốn",
]


def _both(raw: bytes):
    return Calendar.from_ical(raw), vobject.readOne(raw.decode("utf-8"))


@pytest.mark.parametrize("text", NASTY)
def test_event_text_round_trips(text):
    ev = ics._event("u@x", STAMP, dt.date(2023, 6, 1), dt.date(2023, 6, 1), text, text, text,
                    reminders=(1,))
    cal = Calendar()
    cal.add("prodid", ics.Text(text))
    cal.add("version", "2.0")
    cal.add("x-wr-calname", ics.Text(text))
    cal.add_component(ev)
    raw = cal.to_ical()
    want = text.replace("\r\n", "\n").replace("\r", "\n")
    one, two = _both(raw)
    ev1 = one.walk("VEVENT")[0]
    for name in ("SUMMARY", "DESCRIPTION", "LOCATION"):
        assert str(ev1[name]) == want, name
    assert str(one["PRODID"]) == want
    # icalendar keeps X-WR-* as written (vUnknown); vobject and calendar apps read it as TEXT
    assert str(one["X-WR-CALNAME"]) == ics.Text(want).to_ical().decode()
    assert str(one.walk("VALARM")[0]["DESCRIPTION"]) == f"Còn 1 ngày: {want}"
    v = two.vevent
    assert v.summary.value == want and v.description.value == want and v.location.value == want
    assert two.prodid.value == want and two.x_wr_calname.value == want
    assert v.valarm.description.value == f"Còn 1 ngày: {want}"


def test_a_results_place_with_a_backslash_reaches_the_calendar_unchanged(tmp_path):
    place = "Nhà văn hóa thôn 1, xã Bờ Y\\\\Ngọc Hồi; a\\\\n"  # YAML «\\» is one backslash
    text = fixture_text("610").replace("dia_diem: Nhà văn hóa Thôn Mẫu 1", f'dia_diem: "{place}"')
    root = with_results(tmp_path, {"610.yaml": text})
    raw = ics.calendar(SITE, results_of(root), STAMP, "610")
    want = "Nhà văn hóa thôn 1, xã Bờ Y\\Ngọc Hồi; a\\n"
    one, two = _both(raw)
    assert want in [str(e.get("LOCATION")) for e in one.walk("VEVENT")]
    assert want in [getattr(e, "location", None) and e.location.value for e in two.vevent_list]
    for name, value in one.property_items():  # no text of ours gained a line break it did not have
        assert "\n" not in str(value) or name in ("DESCRIPTION", "X-WR-CALDESC")
