"""Dates as Vietnamese administrative documents write them (Nghị định 30/2020).

Days below 10 and the months 1 and 2 take a leading zero, months 3 to 12 do not:
"ngày 08 tháng 02 năm 2026", "05/4/2026". Babel's vi patterns ("30 tháng 11, 2026")
are not this form, and its `MM` would write "04".
"""

import datetime as dt
import re
from dataclasses import dataclass

_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_MONTH = re.compile(r"^\s*(\d{1,2})/(\d{4})\s*$")


def _day(d: int) -> str:
    return f"{d:02d}"


def _month(m: int) -> str:
    return f"{m:02d}" if m < 3 else str(m)


def format_date(d: dt.date) -> str:
    """dt.date(2026, 11, 30) -> "30/11/2026"."""
    return f"{_day(d.day)}/{_month(d.month)}/{d.year}"


def format_date_long(d: dt.date) -> str:
    """dt.date(2026, 2, 8) -> "ngày 08 tháng 02 năm 2026"."""
    return f"ngày {_day(d.day)} tháng {_month(d.month)} năm {d.year}"


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, as the plan's "tháng 4/2026"."""

    year: int
    month: int

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        nxt = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)

    def __str__(self) -> str:
        return f"{_month(self.month)}/{self.year}"


def format_month(m: Month) -> str:
    """Month(2026, 4) -> "tháng 4/2026"."""
    return f"tháng {m}"


def parse_date(text: str) -> dt.date:
    """"30/11/2026" -> date. Raises ValueError with a Vietnamese message."""
    match = _DATE.match(text)
    if not match:
        raise ValueError("ngày phải viết dạng ngày/tháng/năm, ví dụ \"30/11/2026\"")
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"không có ngày {day} tháng {month} năm {year}") from None


def parse_month(text: str) -> Month:
    """"4/2026" -> Month(2026, 4)."""
    match = _MONTH.match(text)
    if not match:
        raise ValueError("tháng phải viết dạng tháng/năm, ví dụ \"4/2026\"")
    month, year = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"không có tháng {month}")
    return Month(year, month)
