"""The plan's dates as an iCalendar file (RFC 5545, the `icalendar` library):
the period, the report deadline and every conference in the results.

Dates are all-day events (the plan and the reports give days, not hours), in
the calendar of Asia/Ho_Chi_Minh (X-WR-TIMEZONE and a VTIMEZONE of UTC+7).
UIDs are made from the data (never random), DTSTAMP is passed in (the commit's
time), so the same data gives the same bytes.
"""

import datetime as dt

from icalendar import Alarm, Calendar, Event, Timezone, TimezoneStandard
from icalendar.prop import vText

from .. import step_times
from .. import period as P
from ..dates import format_date
from ..numbers import format_number
from ..results import progress as pg
from ..results.load import Results
from ..results.model import counted_group, counts_group
from ..site import Site
from ..text import slugify
from ..render import links, notice
from ..render.plan import conference_heading
from ..sections import item_label, item_ref, section_number

TZID = "Asia/Ho_Chi_Minh"


def _timezone() -> Timezone:
    tz = Timezone()
    tz.add("tzid", TZID)
    std = TimezoneStandard()
    std.add("dtstart", dt.datetime(1975, 6, 13))
    std.add("tzoffsetfrom", dt.timedelta(hours=8))
    std.add("tzoffsetto", dt.timedelta(hours=7))
    std.add("tzname", "+07")
    tz.add_component(std)
    return tz


class Text(vText):
    """A TEXT value escaped as RFC 5545 §3.3.11 says, and nothing else: icalendar 7.3.2's
    vText first turns a literal «\\N» into a line break («xã Bờ Y\\Ngọc Hồi» came out as
    «Bờ Y» / «gọc Hồi»). Backslash first, then «;», «,» and line breaks (CRLF, LF or a lone
    CR: one break each); icalendar and vobject read it back exactly (CRLF as LF)."""

    def to_ical(self) -> bytes:
        text = (str(self).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))
        return text.encode(self.encoding)


REMINDERS = (7, 1)  # days before the last day to report: a reminder while it is still in time


def _event(uid: str, stamp: dt.datetime, start: dt.date, end_inclusive: dt.date, summary: str,
           description: str = "", location: str = "", note: str = "", reminders=()) -> Event:
    """An all-day event; `note` (what the file is, where the plan stands) ends its DESCRIPTION."""
    ev = Event()
    ev.add("uid", uid)
    ev.add("dtstamp", stamp)
    ev.add("dtstart", start)
    ev.add("dtend", end_inclusive + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
    ev.add("summary", Text(summary))
    text = "\n\n".join(t for t in (description, note) if t)
    if text:
        ev.add("description", Text(text))
    if location:
        ev.add("location", Text(location))
    ev.add("transp", "TRANSPARENT")
    for days in reminders:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", Text(f"Còn {days} ngày: {summary}"))
        alarm.add("trigger", -dt.timedelta(days=days))
        ev.add_component(alarm)
    return ev


last_day_before = pg.last_day_before  # "trước ngày 30/11": the last day is 29/11 (shared with the timeline)


def _senders(site: Site) -> str:
    """" các ban, văn phòng" / " từng thôn, làng" / "": who sends the report, as the data says it."""
    return site.report_senders(" ")


def _step_events(site: Site, key: str, domain: str, stamp: dt.datetime, note: str) -> list[Event]:
    """Each step whose time gives dates (cac_buoc › buoc › thoi_gian), in every calendar: its days,
    or the last day of a deadline («trước ngày D»: the day before D, with reminders), the plan's
    words quoted. A step the plan gives no date has no event."""
    out = []
    where = section_number(site, "cac_buoc")
    for n, step in step_times.steps_with_times(site.plan):
        days = step_times.span(step.thoi_gian)
        if days is None:
            continue
        words = step.thoi_gian.van_ban
        # «trước ngày D», «đến hết tháng 5/…»: the words give a last day, no start
        deadline = step.thoi_gian.tu_ngay is None
        name = step_times.label(n, step, site.fill)
        summary = (f"Ngày cuối của {name[:1].lower()}{name[1:]} (kế hoạch: {words})" if deadline
                   else f"{name} (kế hoạch: {words})")
        out.append(_event(f"{key}-buoc-{n}@{domain}", stamp, *days, summary,
                          f"Kế hoạch ({_step_ref(where, n, step)}) ghi: «{site.fill(step.noi_dung)}»", note=note,
                          reminders=REMINDERS if deadline else ()))
    return out


def _onward_events(site: Site, key: str, domain: str, stamp: dt.datetime, note: str) -> list[Event]:
    """Each report the plan sends on to a higher body (bao_cao › bao_cao_tiep), on its last day («trước ngày D»: the
    day before), with reminders: who sends it and to whom as the data writes them, the plan's words quoted."""
    out = []
    for i, onward in enumerate(site.report.bao_cao_tiep if site.report is not None else [], 1):
        last = last_day_before(onward.han)
        who = f" {onward.ben_gui}" if onward.ben_gui else ""
        out.append(_event(f"{key}-han-bao-cao-tiep-{i}@{domain}", stamp, last, last,
                          f"Ngày cuối{who} gửi báo cáo về {onward.noi_nhan} (kế hoạch: trước ngày "
                          f"{format_date(onward.han)})", f"Kế hoạch ghi: «{onward.loi_van}»", note=note,
                          reminders=REMINDERS))
    return out


def _step_ref(where: str, n: int, step) -> str:
    """«mục <số mục>, Bước 2» / «mục <số mục>.b»: the step by its number as the plan writes it (buoc › so); without one,
    «bước <its place>» (the site's count)."""
    if step.so:
        return f"mục {item_ref(where, step.so)}" if where else item_label(step.so)
    return f"{f'mục {where}, ' if where else ''}bước {n}"


_END = b"END:VCALENDAR\r\n"


def calendar(site: Site, results: Results, stamp: dt.datetime, unit_code: str | None = None) -> bytes:
    """The whole plan's calendar, or (unit_code) the period, the deadline and that unit's conferences."""
    return calendars(site, results, stamp, [unit_code])[unit_code]


def calendars(site: Site, results: Results, stamp: dt.datetime, unit_codes) -> dict[str | None, bytes]:
    """calendar() of each code in `unit_codes` (None: the whole plan's). The parts
    every calendar shares (the time zone, the period, the deadline) are written
    once and joined to each one's own lines: the same bytes as one Calendar each
    (icalendar writes a calendar as its own lines, then each component's in order),
    made about ten times faster, which counts with thousands of units."""
    plan = site.plan
    year = plan.van_ban.nam
    # UIDs name who made the file (the compiler, data/bien-soan.yaml), never the issuing
    # office, and the plan (its folder): one event, one UID, in every calendar that has it.
    domain = slugify(notice.compiler(site))
    key = site.key or f"ke-hoach-{year}"
    note = notice.file_notice(site)
    period = plan.thoi_gian_dia_diem
    report = site.report  # None: the plan asks for no report, no deadline event
    stamp = stamp.astimezone(dt.timezone.utc)
    shared = b"".join(component.to_ical() for component in (
        _timezone(),
        # The period as the plan writes it (a quarter, a month or a day); the event spans the days those
        # words stand for. A plan that writes only its end («đến hết tháng 5/…») gets its last day alone.
        _event(f"{key}-thoi-gian@{domain}", stamp, P.first_day(period) or P.last_day(period), P.last_day(period),
               f"{'Thời gian thực hiện' if period.bat_dau is not None else 'Hết thời gian thực hiện'} "
               f"{site.entry.ten[:1].lower()}{site.entry.ten[1:]}",
               f"Thực hiện {P.words(period)}. "
               f"{plan.van_ban.trich_yeu}", note=note),
        *[_event(f"{key}-han-bao-cao@{domain}", stamp, last_day_before(report.han), last_day_before(report.han),
               # The plan sets this date for the Bans and the Văn phòng, not for the units. It stays in
               # each unit's calendar (the unit works with its Ban, whose report carries the unit's
               # results), saying whose deadline it is: one event, one text, one UID everywhere.
               # Who reports, as the data says (bao_cao › nguoi_gui): the Bans, each unit, or nobody named.
               f"Ngày cuối{_senders(site)} gửi báo cáo kết quả về {site.report_receiver} "
               f"(kế hoạch: trước ngày {format_date(report.han)})",
               f"Hạn kế hoạch đặt cho {pg.deadline_owner(site)}"
               + (f", không đặt cho từng {plan.ten_goi_don_vi}. " if pg.units_have_no_deadline(site) else ". ")
               + f"Kế hoạch ghi: «{site.fill(report.loi_van)}»", note=note, reminders=REMINDERS)
          for _ in ([report] if report is not None else [])],
        *_step_events(site, key, domain, stamp, note),
        *_onward_events(site, key, domain, stamp, note),
    ))
    topics = pg.topic_names(site)
    conference = conference_heading(site)  # the plan's step that sets the conferences, as it names it

    def conferences(code: str) -> bytes:
        unit = site.unit(code)
        per_day: dict[dt.date, int] = {}
        out = []
        for conf in results.by_unit[code].hoi_nghi:
            per_day[conf.ngay] = per_day.get(conf.ngay, 0) + 1
            n = per_day[conf.ngay]
            about = "; ".join(f"{topics[t][0]}. {topics[t][1]}" for t in conf.noi_dung)
            out.append(_event(
                f"{key}-hoi-nghi-{code}-{conf.ngay.isoformat()}-{n}@{domain}", stamp, conf.ngay, conf.ngay,
                f"{conference} – {links.unit_title(unit)}",
                f"{format_number(conf.so_nguoi)} người dự"
                + (f", trong đó {format_number(conf.so_nguoi_dtts)} người {counted_group(plan)[0]}" if counts_group(plan) else "")
                + f". Nội dung (mục {section_number(site, 'noi_dung')} của kế hoạch): {about}.", conf.dia_diem, note=note).to_ical())
        return b"".join(out)

    made = {}
    for unit_code in unit_codes:
        cal = Calendar()
        cal.add("prodid", Text(f"-//{notice.compiler(site)}//{plan.van_ban.loai} {year}//VI"))
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        title = site.entry.ten  # the plan's name on the website (data/website.yaml › ke_hoach › ten)
        if unit_code is not None:
            title += f" – {links.unit_title(site.unit(unit_code))}"
        cal.add("x-wr-calname", Text(title))
        cal.add("x-wr-timezone", TZID)
        cal.add("x-wr-caldesc", Text(note))
        head = cal.to_ical()  # BEGIN, the calendar's own lines, END
        if not head.endswith(_END):  # the lines go in before END: say so if icalendar changes
            raise ValueError("icalendar không kết thúc bằng END:VCALENDAR")
        own = (b"".join(conferences(code) for code in results.by_unit) if unit_code is None
               else conferences(unit_code) if unit_code in results.by_unit else b"")
        made[unit_code] = head[:-len(_END)] + shared + own + _END
    return made
