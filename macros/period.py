"""The plan's period (the time section, loai thoi_gian_dia_diem › bat_dau, ket_thuc) as the plan
writes it and as the site computes with it.

Stating the period to a reader uses the plan's own precision (`words`: «từ Quý III/… đến
31/12/…», «từ tháng 10/… đến tháng 11/…», «đến hết tháng 5/…» for a plan that writes no start);
computing (calendars, status, progress) uses the days those words stand for (`first_day`,
`last_day`: a quarter or a month from its first to its last day).

`read` finds the period in the section's own words (`doan`): what «từ …» and «đến (hết) …» say,
so the check can require the fields to be those words (crosschecks.check_period_words).
"""

import datetime as dt
import re

from .dates import PeriodPoint, point_of_day, point_of_month, point_of_quarter, point_of_year


def first_day(period) -> dt.date | None:
    """The first day the site computes with; None when the plan writes no start."""
    return period.bat_dau.first_day if period.bat_dau is not None else None


def last_day(period) -> dt.date:
    """The last day the site computes with: the end day, or the last day of the end month or quarter."""
    return period.ket_thuc.last_day


def words(period) -> str:
    """«từ tháng 4/… đến 30/11/…», «từ Quý III/… đến 31/12/…», «đến tháng 5/…» (no start written),
    «trong Quý IV/…» (one quarter, month or year: start and end the same)."""
    if one_point(period):
        return f"trong {period.ket_thuc.with_day_word}"
    end = f"đến {period.ket_thuc.words}"
    return end if period.bat_dau is None else f"từ {period.bat_dau.words} {end}"


def one_point(period) -> bool:
    """The plan writes its period as one quarter, month or year («Thời gian thực hiện: Quý IV/…»)."""
    return period.bat_dau is not None and same(period.bat_dau, period.ket_thuc)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def within(period, day: dt.date) -> bool:
    start = first_day(period)
    return (start is None or start <= day) and day <= last_day(period)


# Reading the words: a quarter, a month or a day, the year written or (for a start) left to the end.
_YEAR = r"(?:\s*(?:/|năm)\s*(\d{4}))"
_POINT = (rf"(?:năm\s+(\d{{4}})|quý\s+(IV|III|II|I|[1-4])(?!\w){_YEAR}?"
          rf"|tháng\s+(\d{{1,2}})(?![\d/]){_YEAR}?"
          rf"|tháng\s+(\d{{1,2}})\s*/\s*(\d{{4}})"
          rf"|(?:ngày\s+)?(\d{{1,2}})\s*/\s*(\d{{1,2}})(?:\s*/\s*(\d{{4}}))?"
          rf"|(?:ngày\s+)?(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+(\d{{4}}))(?!\d)")
_FROM = re.compile(rf"(?i)(?<!\w)từ\s+(?:đầu\s+)?{_POINT}")
_TO = re.compile(rf"(?i)(?<!\w)(?:đến|tới)\s+(?:hết\s+|cuối\s+)?{_POINT}")
_ANY = re.compile(rf"(?i)(?<![\w/]){_POINT}")


def _point(groups, year: int | None) -> PeriodPoint | None:
    """The point a _POINT match stands for; None when its year is not written and not known.
    Raises ValueError for a day or month that does not exist."""
    year_only, quarter, qy, month, my, month2, my2, day, dmonth, dy, lday, lmonth, ly = groups
    if year_only:
        return point_of_year(int(year_only))
    if quarter:
        y = int(qy) if qy else year
        return point_of_quarter(quarter, y) if y else None
    if month or month2:
        m, y = (int(month), int(my) if my else year) if month else (int(month2), int(my2))
        if not 1 <= m <= 12:
            raise ValueError(f"không có tháng {m}")
        return point_of_month(m, y) if y else None
    if day:
        y = int(dy) if dy else year
        return point_of_day(dt.date(y, int(dmonth), int(day))) if y else None
    return point_of_day(dt.date(int(ly), int(lmonth), int(lday)))


def read(text: str) -> tuple[PeriodPoint | None, PeriodPoint | None] | None:
    """(start, end) the words give for the period: the first «đến (hết) …» and the «từ …» before
    it (a start without its year takes the end's: «từ tháng 4 đến 30/11/…»); a period written as one
    quarter, month or year alone («Quý IV/…») is both. None when the words write no end. Raises
    ValueError for a date that does not exist."""
    t = " ".join(text.split())
    end_match = _TO.search(t)
    if end_match is None:
        # «Thời gian thực hiện: Quý IV/…», «trong tháng 10/…»: one quarter or month (else one year) and no
        # «từ», «đến» is the whole period (days, such as a report deadline, are not the period; a year
        # beside a quarter or a month is the campaign's «năm …», not the period).
        points = [p for m in _ANY.finditer(t) if (p := _point(m.groups(), None)) is not None]
        if _FROM.search(t):
            return None
        for kinds in (("quy", "thang"), ("nam",)):
            found = {(p.kind, p.first_day, p.last_day, p.numeral): p for p in points if p.kind in kinds}
            if found:
                return (next(iter(found.values())),) * 2 if len(found) == 1 else None
        return None
    end = _point(end_match.groups(), None)
    if end is None:
        return None
    starts = [m for m in _FROM.finditer(t, 0, end_match.start())]
    start = _point(starts[-1].groups(), end.first_day.year) if starts else None
    return start, end


def same(a: PeriodPoint | None, b: PeriodPoint | None) -> bool:
    """The same point written the same way (a quarter's number Roman or in digits as written)."""
    if a is None or b is None:
        return a is b
    return (a.kind, a.first_day, a.last_day, a.numeral) == (b.kind, b.first_day, b.last_day, b.numeral)


def shown(point: PeriodPoint | None) -> str:
    return "(không ghi)" if point is None else point.words

