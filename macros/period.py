"""The plan's period (the time section, loai thoi_gian_dia_diem › bat_dau, ket_thuc) as the plan
writes it and as the site computes with it.

Stating the period to a reader uses the plan's own precision (`words`: «từ Quý III/… đến
31/12/…», «từ tháng 10/… đến tháng 11/…», «đến hết tháng 5/…» for a plan that writes no start);
computing (calendars, status, progress) uses the days those words stand for (`first_day`,
`last_day`: a quarter or a month from its first to its last day).

`read` finds the period in the section's own words (`doan`): what «từ …» and «đến (hết) …» say
(or a dash, «từ 01/7/… - 31/12/…», «Quý III/… - 30/12/…»; «Quý III và Quý IV năm …»; «6 tháng cuối
năm …»), so the check can require the fields to be those words (crosschecks.check_period_words).
Words it cannot tell apart («cuối năm …», «Quý I và Quý III …», a quarter without its year beside
another) read as None: the check then says it cannot read them, never a guess. When the section keeps
its words and they read as the fields, `words` states the period in the plan's own phrase («từ tháng 9
đến hết tháng 11/…», «trong 6 tháng cuối năm …»).
"""

import datetime as dt
import re

from . import doan_text
from .dates import PeriodPoint, point_of_day, point_of_month, point_of_quarter, point_of_year


def first_day(period) -> dt.date | None:
    """The first day the site computes with; None when the plan writes no start."""
    return period.bat_dau.first_day if period.bat_dau is not None else None


def last_day(period) -> dt.date:
    """The last day the site computes with: the end day, or the last day of the end month or quarter."""
    return period.ket_thuc.last_day


def words(period) -> str:
    """«từ tháng 4/… đến 30/11/…», «từ Quý III/… đến 31/12/…», «đến tháng 5/…» (no start written),
    «trong Quý IV/…» (one quarter, month or year: start and end the same); the plan's own phrase
    («từ tháng 9 đến hết tháng 11/…») when its section keeps words (`doan`) that read as the fields."""
    written = as_written(period)
    if written:
        return written
    if one_point(period):
        return f"trong {period.ket_thuc.with_day_word}"
    end = f"đến {period.ket_thuc.words}"
    return end if period.bat_dau is None else f"từ {period.bat_dau.words} {end}"


def as_written(period) -> str | None:
    """The phrase of the section's own words (`doan`) that states the period, when they read as its
    fields (bat_dau, ket_thuc); from «từ», «đến» or «trong» on («Quý III/… - 30/12/…» becomes «từ
    Quý III/… - 30/12/…», a lone «Quý IV/…» «trong Quý IV/…»). None without such words."""
    if not getattr(period, "doan", None):
        return None
    try:
        said = read_phrase(" ".join(doan_text.lines(period.doan, marks=False)))
    except ValueError:
        return None
    if said is None or not (same(said[0], period.bat_dau) and same(said[1], period.ket_thuc)):
        return None
    phrase = said[2]
    if re.match(r"(?i)(?:từ|đến|tới|trong)\s", phrase):
        return phrase[:1].lower() + phrase[1:]
    return f"từ {phrase}" if re.search(r"[-–—]|(?<!\w)(?:đến|tới)(?!\w)", phrase) else f"trong {phrase}"


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


# Two points joined by a dash, «đến»/«tới» or «và» («từ 01/7/… - 31/12/…», «Quý III/… - 30/12/…»,
# «Quý III và Quý IV năm …»), «từ»/«trong» before them kept in the phrase.
_PAIR = re.compile(rf"(?i)(?:(?<!\w)(?:từ|trong)\s+(?:đầu\s+)?)?(?<![\w/]){_POINT}"
                   rf"\s*([-–—]|(?<!\w)(?:đến|tới|và)(?!\w))\s*(?:(?:đến|tới)\s+)?(?:hết\s+|cuối\s+)?{_POINT}")
# «6 tháng cuối năm …», «sáu tháng đầu năm …»: months counted from the year's end or start.
_COUNTED = {"ba": 3, "sáu": 6, "chín": 9}
_MONTHS = re.compile(r"(?i)(?:(?<!\w)trong\s+)?(?<!\w)(\d{1,2}|ba|sáu|chín)\s+tháng\s+(cuối|đầu)\s+năm\s+(\d{4})(?!\d)")
# A year that only places something else («cuối năm …», «tháng cuối năm …»): not the period.
_YEAR_OF_PART = re.compile(r"(?i)(?:cuối|đầu|giữa|nửa|tháng)\s*$")
_IN = re.compile(r"(?i)(?<!\w)trong\s+$")


def read(text: str) -> tuple[PeriodPoint | None, PeriodPoint | None] | None:
    """(start, end) the words give for the period (read_phrase without the phrase). None when the
    words write no end this reader can tell. Raises ValueError for a date that does not exist."""
    said = read_phrase(text)
    return None if said is None else said[:2]


def _next(a: PeriodPoint, b: PeriodPoint) -> bool:
    """b is the quarter or the month right after a («Quý III và Quý IV»)."""
    if a.kind not in ("quy", "thang"):
        return False
    step = 3 if a.kind == "quy" else 1
    following = a.first_day.month + step
    return a.kind == b.kind and (b.first_day.year, b.first_day.month) == (
        a.first_day.year + (following - 1) // 12, (following - 1) % 12 + 1)


def read_phrase(text: str) -> tuple[PeriodPoint | None, PeriodPoint | None, str] | None:
    """(start, end, the phrase) the words give for the period: the first «đến (hết) …» (or a dash, or
    «và» between two quarters or months) and the «từ …» before it (a start without its year takes the
    end's: «từ tháng 4 đến 30/11/…»); «6 tháng cuối năm …» is its first and last month; a period
    written as one quarter, month or year alone («Quý IV/…») is both. None when the words write no
    end, or write it so that the reader cannot tell («Quý I và Quý III …», «cuối năm …», a quarter or
    month without its year beside another). Raises ValueError for a date that does not exist."""
    t = " ".join(text.split())
    end_match = _TO.search(t)
    pair = _PAIR.search(t)
    if pair is not None and (end_match is None or pair.start() <= end_match.start()):
        end = _point(pair.groups()[14:], None)
        if end is None:
            return None
        start = _point(pair.groups()[:13], end.first_day.year)
        if pair.group(14).lower() == "và" and not (start is not None and _next(start, end)):
            return None
        return start, end, pair.group(0)
    if end_match is None:
        counted = _MONTHS.search(t)
        if counted:
            n = int(counted.group(1)) if counted.group(1).isdigit() else _COUNTED[counted.group(1).lower()]
            if not 1 <= n <= 12:
                return None
            year = int(counted.group(3))
            first, last = (13 - n, 12) if counted.group(2).lower() == "cuối" else (1, n)
            return point_of_month(first, year), point_of_month(last, year), counted.group(0)
        # «Thời gian thực hiện: Quý IV/…», «trong tháng 10/…»: one quarter or month (else one year) and no
        # «từ», «đến» is the whole period (days, such as a report deadline, are not the period; a year
        # beside a quarter or a month is the campaign's «năm …», not the period).
        if _FROM.search(t):
            return None
        points = []
        for m in _ANY.finditer(t):
            p = _point(m.groups(), None)
            if p is None:
                # A quarter or month without its year («Quý III, Quý IV năm …») takes the next year written:
                # beside another it is a second point, and the reader cannot tell the period.
                later = re.search(r"(?<!\d)(\d{4})(?!\d)", t[m.end():])
                p = _point(m.groups(), int(later.group(1))) if later else None
            if p is not None:
                points.append((p, m))
        for kinds in (("quy", "thang"), ("nam",)):
            found = {(p.kind, p.first_day, p.last_day, p.numeral): (p, m) for p, m in points if p.kind in kinds}
            if found:
                if len(found) != 1:
                    return None
                if kinds == ("nam",) and any(_YEAR_OF_PART.search(t[:m.start()]) for p, m in points):
                    return None  # «những tháng cuối năm …», «cuối năm …»: a part of the year, not the year
                p, m = next(iter(found.values()))
                before = _IN.search(t[:m.start()])
                return p, p, (before.group(0) if before else "") + m.group(0)
        return None
    end = _point(end_match.groups(), None)
    if end is None:
        return None
    starts = [m for m in _FROM.finditer(t, 0, end_match.start())]
    start = _point(starts[-1].groups(), end.first_day.year) if starts else None
    return start, end, t[(starts[-1] if starts else end_match).start():end_match.end()]


def same(a: PeriodPoint | None, b: PeriodPoint | None) -> bool:
    """The same point written the same way (a quarter's number Roman or in digits as written)."""
    if a is None or b is None:
        return a is b
    return (a.kind, a.first_day, a.last_day, a.numeral) == (b.kind, b.first_day, b.last_day, b.numeral)


def shown(point: PeriodPoint | None) -> str:
    return "(không ghi)" if point is None else point.words

