"""A step's time as the plan writes it (ke-hoach.yaml › cac_buoc › buoc › thoi_gian): the words
(«trước ngày 30/9/…», «từ ngày 01/10/… đến ngày 31/10/…», «Quý IV/…») and the dates they can
be read as. The editor writes both; `read` says which dates the words give, and the check
(crosschecks.check_dates) refuses a date the words do not give, or one they give that is missing.

A deadline («trước ngày D») is kept as the plan's date D; its last day is the day before,
as for the report deadline (results.progress.last_day_before).
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .sections import item_label, item_text

# A day, its year of four digits and no more («30/9/20234» is no date: a digit must not continue it).
_D = r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)"
_LONG = r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)"
_DAY = rf"(?:ngày\s+)?(?:{_D}|{_LONG})"
# What joins the two days of a range: «đến», «tới» (with «hết»), or a dash («01/10 - 15/11/…»).
_DASH = r"\s*[-–—]\s*(?:ngày\s+)?"
_TO = rf"(?:\s+(?:đến|tới)\s+(?:hết\s+)?|{_DASH})"
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Read:
    """The dates the words give; None where they give none."""
    tu_ngay: dt.date | None = None
    den_ngay: dt.date | None = None
    truoc_ngay: dt.date | None = None


def _date(groups) -> dt.date:
    day, month, year = (int(g) for g in (groups[:3] if groups[0] else groups[3:6]))
    return dt.date(year, month, day)


def _last_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def with_year(text: str, year: int | None) -> str:
    """`text` with `year` written after each day, month and quarter that has none («trước ngày 30/9»
    -> «trước ngày 30/9/…»), when the words write no year at all and a year is given (the plan's
    period lies within that year: the site's reading, said so by the check). Else `text` as is."""
    if year is None or re.search(r"(?<!\d)\d{4}(?!\d)", text):
        return text
    text = re.sub(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])", rf"\1/\2/{year}", text)
    text = re.sub(r"(?i)(?<!\w)(tháng\s+\d{1,2})(?![\d/])", rf"\1/{year}", text)
    return re.sub(r"(?i)(?<!\w)(quý\s+(?:IV|III|II|I|[1-4]))(?![\w/])", rf"\1/{year}", text)


def read(text: str, year: int | None = None) -> Read | None:
    """The dates the words give, or None when they give none this reader knows (the words then
    stay words: no date is placed on the timeline or in a calendar). Words that write no year take
    `year` when given (with_year). Raises ValueError for a date that does not exist («31/9/…»)."""
    t = " ".join(with_year(text, year).split())
    # «từ D đến D», «từ D - D», «D – D» (a dash stands for «đến», with or without «từ»)
    for start in (r"\btừ\s+", r"(?<![\w/])"):
        to = _TO if start.startswith(r"\b") else _DASH
        m = re.search(rf"(?i){start}{_DAY}{to}{_DAY}", t)
        if m:
            return Read(tu_ngay=_date(m.groups()[:6]), den_ngay=_date(m.groups()[6:]))
        m = re.search(rf"(?i){start}(?:ngày\s+)?(\d{{1,2}})\s*/\s*(\d{{1,2}})(?![\d/]){to}{_DAY}", t)
        if m:  # «từ ngày 01/10 đến ngày 31/10/…», «Từ 01/10 - 15/11/…»: the year written once, at the end
            end = _date(m.groups()[2:])
            return Read(tu_ngay=dt.date(end.year, int(m.group(2)), int(m.group(1))), den_ngay=end)
    m = re.search(r"(?i)\btừ\s+tháng\s+(\d{1,2})(?:\s*(?:/|năm)\s*(\d{4}))?\s+(?:đến|tới)\s+(?:hết\s+)?tháng\s+"
                  r"(\d{1,2})\s*(?:/|năm)\s*(\d{4})\b", t)
    if m:  # «từ tháng 7 đến tháng 9/…», «từ tháng 11/… đến tháng 02/…»
        first, last = (int(m.group(1)), int(m.group(2) or m.group(4))), (int(m.group(3)), int(m.group(4)))
        return Read(tu_ngay=dt.date(first[1], first[0], 1), den_ngay=_last_of_month(last[1], last[0]))
    m = re.search(rf"(?i)\btừ\s+{_DAY}\s+(?:đến|tới)\s+trước\s+{_DAY}", t)
    if m:
        return Read(tu_ngay=_date(m.groups()[:6]), truoc_ngay=_date(m.groups()[6:]))
    m = re.search(rf"(?i)\btrước\s+{_DAY}", t)
    if m:
        return Read(truoc_ngay=_date(m.groups()))
    # «đến hết tháng 5/…», «đến hết Quý IV/…»: an end alone; the words give no start.
    m = re.search(r"(?i)\b(?:đến|tới)\s+(?:hết\s+)?(?:tháng\s+(\d{1,2})|quý\s+(IV|III|II|I|[1-4]))\s*(?:/|năm)\s*"
                  r"(\d{4})(?!\d)", t)
    if m:
        year = int(m.group(3))
        if m.group(1) is not None:
            if not 1 <= int(m.group(1)) <= 12:
                raise ValueError(f"không có tháng {m.group(1)}")
            return Read(den_ngay=_last_of_month(year, int(m.group(1))))
        return Read(den_ngay=_last_of_month(year, 3 * _QUARTERS[m.group(2).upper()]))
    m = re.search(r"(?i)\bquý\s+(IV|III|II|I|[1-4])\s*(?:/|năm)\s*(\d{4})\b", t)
    if m:
        q, year = _QUARTERS[m.group(1).upper()], int(m.group(2))
        return Read(tu_ngay=dt.date(year, 3 * q - 2, 1), den_ngay=_last_of_month(year, 3 * q))
    m = re.search(rf"(?i)\b(?:đến|tới)\s+(?:hết\s+)?{_DAY}", t)
    if m:
        return Read(den_ngay=_date(m.groups()))
    m = re.search(rf"(?i)\btừ\s+{_DAY}", t)
    if m:
        return Read(tu_ngay=_date(m.groups()))
    m = re.search(r"(?i)\btháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})\b", t)
    if m and 1 <= int(m.group(1)) <= 12:
        year, month = int(m.group(2)), int(m.group(1))
        return Read(tu_ngay=dt.date(year, month, 1), den_ngay=_last_of_month(year, month))
    m = re.search(rf"(?i)\bngày\s+(?:{_D}|{_LONG})", t)
    if m:
        day = _date(m.groups())
        return Read(tu_ngay=day, den_ngay=day)
    return None


FIELDS = ("tu_ngay", "den_ngay", "truoc_ngay")


def quoted(time) -> str:
    """The plan's words for a step's time, quoted for a reader; words that write no year while the
    dates carry one (with_year) say the year is the site's reading of the plan's period."""
    words = f"«{time.van_ban}»"
    days = span(time)
    if days is None or re.search(r"(?<!\d)\d{4}(?!\d)", time.van_ban):
        return words
    return f"{words}, không ghi năm; năm {days[1].year} do website đọc theo thời gian thực hiện kế hoạch"


def span(time) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of a step's time for a calendar or the timeline; None without a date.
    «trước ngày D»: D's day before, alone or as the end; «từ ngày D»: D alone; «đến ngày D»: D alone."""
    if time is None:
        return None
    last = time.truoc_ngay - dt.timedelta(days=1) if time.truoc_ngay is not None else time.den_ngay
    first = time.tu_ngay if time.tu_ngay is not None else last
    if first is None:
        return None
    return first, last if last is not None else first


def steps_with_times(plan) -> list[tuple[int, object]]:
    """(number from 1, step) of each step of the plan's steps section that carries its time."""
    steps = plan.cac_buoc.buoc if plan.cac_buoc is not None else []
    return [(i, s) for i, s in enumerate(steps, 1) if s.thoi_gian is not None]


def label(n: int, step, fill=str) -> str:
    """"Bước 2: Hội nghị tuyên truyền": the step's number and name (Step.display_name: its short name, else
    the plan's own words for it, `fill` filling their {so_hoi_nghi}), once even when the name already
    starts with it («Bước 2: …» as the document writes it); the number as the plan writes it (buoc › so:
    «b)», «Bước 2:») when the data records one."""
    name = fill(step.display_name)
    if step.so:
        written = item_label(step.so)
        return name if name.lower().startswith(written.lower()) else item_text(step.so, name)
    if re.match(rf"(?i)bước\s+{n}\b", name):
        return name
    return f"Bước {n}: {name}"
