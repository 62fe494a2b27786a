"""The timeline of the period, drawn at build time as HTML and CSS (no script).

Only dates the plan states are placed on it: the period and the report
deadline. The plan gives the steps no dates of their own, so they are shown in
order under the bar, not given invented dates.
"""

import datetime as dt

from ..dates import Month, format_date, format_month
from ..site import Site
from ..text import html_escape as h


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
    start, end = period.bat_dau.first_day, period.ket_thuc
    months = _months(period.bat_dau, end)
    report = site.plan.to_chuc_thuc_hien.bao_cao
    ruler = "".join(f'<span class="tl-month">Th{m.month}</span>' for m in months)
    deadline = _position(report.han, start, end)
    # (sort date, when as the plan states it, what). The start is a month, not a day.
    events = [
        (start, format_month(period.bat_dau).capitalize(), "Bắt đầu thực hiện"),
        (report.han, format_date(report.han), f"Hạn các ban, văn phòng báo cáo kết quả về {site.department(report.noi_nhan).ten} "
                                              f"(trước ngày {format_date(report.han)})"),
        (end, format_date(end), "Kết thúc thực hiện"),
    ]
    events_html = "".join(
        f'<li><time datetime="{d.isoformat()}">{h(when)}</time> {h(text)}</li>'
        for d, when, text in sorted(events, key=lambda e: e[0]))
    steps = "".join(f'<li><strong>Bước {i}.</strong> {h(s.ten_ngan)}</li>'
                    for i, s in enumerate(site.plan.cac_buoc.buoc, 1))
    return (
        f'<div class="timeline" role="figure" aria-label="Tiến độ từ {h(format_month(period.bat_dau))} '
        f'đến {h(format_date(end))}">\n'
        f'<div class="tl-ruler" style="--tl-months: {len(months)}">{ruler}</div>\n'
        '<div class="tl-track">'
        '<div class="tl-period"><span>Thời gian thực hiện</span></div>'
        f'<div class="tl-deadline" style="left: {deadline}%" title="Hạn báo cáo {h(format_date(report.han))}"></div>'
        "</div>\n"
        f'<p class="tl-caption">Từ {h(format_month(period.bat_dau))} đến {h(format_date(end))} '
        f"({len(months)} tháng)</p>\n"
        "</div>\n\n"
        f'<h2 id="moc-thoi-gian">Mốc thời gian</h2>\n<ul class="tl-events">{events_html}</ul>\n\n'
        f'<h2 id="thu-tu-cac-buoc">Thứ tự các bước</h2>\n<ol class="tl-steps">{steps}</ol>\n'
        '<p class="tl-note">Kế hoạch không ghi ngày riêng cho từng bước: '
        "các bước được thực hiện lần lượt trong thời gian thực hiện kế hoạch.</p>\n"
    )
