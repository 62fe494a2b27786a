"""The timeline of the period, drawn at build time as HTML and CSS (no script).

Only dates the plan states are placed on it: the period, the report deadline
and the steps' own times where the plan writes them (cac_buoc › buoc › thoi_gian).
Steps without a time are shown in order under the bar, never given invented dates.
"""

import datetime as dt
import re

from .. import doan_text, step_times
from .. import period as P
from ..sections import item_label, item_text
from ..dates import Month, format_date
from ..results.progress import last_day_before
from ..sections import title_as_heading
from ..site import Site
from ..templating import render


def _months(start: Month, end: dt.date) -> list[Month]:
    months, cur = [], start
    while cur.first_day <= end:
        months.append(cur)
        cur = Month(cur.year + cur.month // 12, cur.month % 12 + 1)
    return months


def _position(day: dt.date, start: dt.date, end: dt.date) -> float:
    """Percentage along the bar, the end day counted whole."""
    span = (end - start).days + 1
    return round(100 * ((day - start).days + 1) / span, 2)


def timeline_html(site: Site) -> str:
    period = site.plan.thoi_gian_dia_diem
    end = P.last_day(period)
    report = site.report  # None: the plan asks for no report, no deadline is placed
    # «trước ngày <han>»: the last day is the day before, as in the calendar (.ics); the plan's words are quoted.
    last = last_day_before(report.han) if report is not None else None
    steps_timed = step_events(site)
    # A plan that writes only its end («đến hết tháng 5/…»): the bar starts with the month of the first
    # date the plan writes; no start is stated or placed.
    start = P.first_day(period) or min([d for d in (last, end) if d is not None]
                                       + [e[0] for e in steps_timed]).replace(day=1)
    months = _months(Month(start.year, start.month), end)
    # (sort date, when as the plan states it, what). The start and the end at the plan's precision
    # (a quarter, a month, a day): a month's or a quarter's last day is the site's reading, not shown.
    ket_thuc = period.ket_thuc
    events = [
        *([(start, P.upper_first(period.bat_dau.words), "Bắt đầu thực hiện")] if period.bat_dau is not None else []),
        *([(last, format_date(last), f"Ngày cuối{site.report_senders(' ')} gửi báo cáo kết quả về "
                                     f"{site.report_receiver} {_deadline_words(site)}")] if report is not None else []),
        (end, format_date(end) if ket_thuc.kind == "ngay" else f"Hết {ket_thuc.words}",
         f"Kết thúc thực hiện {_period_words(site)}"),
    ]
    events += steps_timed + onward_events(site)
    steps = site.plan.cac_buoc.buoc if site.plan.cac_buoc is not None else []
    return render("timeline.html", span=P.words(period), span_cap=P.upper_first(P.words(period)),
                  months=[m.month for m in months],
                  deadline_at=_position(last, start, end) if last is not None else None,
                  deadline=format_date(last) if last is not None else None, senders=site.report_senders(" "),
                  events=[(d.isoformat(), when, text) for d, when, text in sorted(events, key=lambda e: e[0])],
                  # a step the data numbers as written (buoc › so) is named with that number, not counted again
                  # a step without a short name by the plan's own words for it (Step.display_name, review r19o #6)
                  steps=[(item_text(s.so, name) if s.so and not name.lower().startswith(item_label(s.so).lower())
                          else name, s.thoi_gian.van_ban if s.thoi_gian else None, bool(s.so))
                         for s in steps for name in (site.fill(s.display_name),)],
                  steps_title=title_as_heading(site, "cac_buoc") or "Các bước",  # the plan's own title (review r19n)
                  untimed=_untimed(steps), all_untimed=all(s.thoi_gian is None for s in steps),
                  # «Kế hoạch không ghi ngày riêng …» only when no untimed step's words write a time: else the
                  # site says what it lacks, not what the plan does not say (review r19n, defect 6)
                  dated_words=any(s.thoi_gian is None and _TIME_WORDS.search(s.noi_dung) for s in steps))


def _untimed(steps) -> str:
    """«bước 1, 3» (the steps the plan gives no time, by their place), or by their numbers as written
    («Bước 1, Bước 3», «bước a, c») when the data records them; "" when every step has its time."""
    names = [item_label(s.so) if s.so else str(i) for i, s in enumerate(steps, 1) if s.thoi_gian is None]
    if not names:
        return ""
    if any(n.lower().startswith("bước") for n in names):
        return ", ".join(n if n.lower().startswith("bước") else f"bước {n}" for n in names)
    return "bước " + ", ".join(names)


# Words that write a time in a step's text: a day or a month with its year («30/9/…», «8/…»), «Quý IV», «tháng 10».
_TIME_WORDS = re.compile(r"\d{1,2}\s*/\s*\d{4}|\bquý\s+(?:[IV]+|\d)\b|\btháng\s+\d{1,2}\b", re.IGNORECASE)


# The dates as the site reads them from the fields, when the plan's words do not hold them as written:
# no quotation marks, the reader is told whose reading it is (review r19k).
_READING = "(ngày website đọc từ kế hoạch: {})"


def _period_words(site: Site) -> str:
    """The period's end as the plan writes it: a section without its document's words (`doan`) is printed
    on the plan page from its fields («Thực hiện từ <tháng> đến <ngày>»), so those words are quoted; one
    that keeps them quotes its paragraph that writes the end date, else the dates are the site's reading."""
    period = site.plan.thoi_gian_dia_diem
    dates = P.words(period)
    if not period.doan:
        return f"(kế hoạch ghi: «{dates}»)"
    said = next((p for p in doan_text.lines(period.doan) if _writes_end(p, period.ket_thuc)), None)
    return f"(kế hoạch ghi: «{said}»)" if said else _READING.format(dates)


def _writes_end(paragraph: str, end) -> bool:
    """The paragraph writes the period's end as the field holds it («đến hết ngày 31/12/…», «đến tháng 11/…»)."""
    try:
        said = P.read(paragraph)
    except ValueError:
        return False
    return said is not None and P.same(said[1], end)


def _deadline_words(site: Site) -> str:
    """«trước ngày <hạn>» quoted only where the plan's words hold it: the report note (bao_cao › loi_van)
    when the section is printed from its fields, else the document's words of any section."""
    org = site.plan.to_chuc_thuc_hien
    words = f"trước ngày {format_date(org.bao_cao.han)}"
    texts = ([p for s in site.plan.muc for p in doan_text.lines(s.doan)] if org.doan
             else [site.fill(org.bao_cao.loi_van)])
    return f"(kế hoạch ghi: «{words}»)" if any(words in t for t in texts) else _READING.format(words)




def onward_events(site: Site) -> list[tuple]:
    """(sort date, when, what) of each report the plan sends on to a higher body (bao_cao › bao_cao_tiep): its last
    day («trước ngày D»: the day before), who sends it and to whom as the data writes them, the plan's words quoted."""
    out = []
    for onward in (site.report.bao_cao_tiep if site.report is not None else []):
        last = last_day_before(onward.han)
        who = f" {onward.ben_gui}" if onward.ben_gui else ""
        out.append((last, format_date(last), f"Ngày cuối{who} gửi báo cáo về {onward.noi_nhan} (kế hoạch ghi: "
                                             f"«{onward.loi_van}»)"))
    return out


def step_events(site: Site) -> list[tuple]:
    """(sort date, when, what) of each step whose time gives dates (cac_buoc › buoc › thoi_gian),
    with the plan's words quoted; a deadline («trước ngày D») on its last day, as the report's."""
    out = []
    for n, step in step_times.steps_with_times(site.plan):
        days = step_times.span(step.thoi_gian)
        if days is None:
            continue
        first, last = days
        words = f"(kế hoạch ghi: {step_times.quoted(step.thoi_gian)})"
        if step.thoi_gian.tu_ngay is None:  # «trước ngày D», «đến hết tháng 5/…»: a last day, no start
            out.append((last, format_date(last), f"Ngày cuối của {_lower(step_times.label(n, step, site.fill))} {words}"))
        else:
            when = format_date(first) if first == last else f"{format_date(first)} – {format_date(last)}"
            out.append((first, when, f"{step_times.label(n, step, site.fill)} {words}"))
    return out


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]
