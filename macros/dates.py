"""Dates as Vietnamese administrative documents write them (Nghị định 30/2020).

Days below 10 and the months 1 and 2 take a leading zero, months 3 to 12 do not:
"ngày 08 tháng 02 năm …", "05/4/…". Babel's vi patterns ("30 tháng 11, …") are
not this form, and its `MM` would write "04".

No year is written here: the examples an editor reads come from the plan in
context (`date_hint(sample)`, e.g. its report deadline), else use a year-free
wording, so a plan of another year never shows this one's.
"""

import datetime as dt
import re
from dataclasses import dataclass

# Vietnam keeps UTC+7 all year: every date the site prints is a day in Vietnam (a commit or a
# build at 23:30 UTC is dated the next day, as a reader there reads it).
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def today_in_vietnam() -> dt.date:
    """Today as a reader in Vietnam reads it (not the machine's zone): the checks' «hôm nay»
    when no build date (SOURCE_DATE_EPOCH) is given."""
    return dt.datetime.now(VIETNAM).date()


_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_MONTH = re.compile(r"^\s*(\d{1,2})/(\d{4})\s*$")


def _day(d: int) -> str:
    return f"{d:02d}"


def _month(m: int) -> str:
    return f"{m:02d}" if m < 3 else str(m)


def format_date(d: dt.date) -> str:
    """dt.date(y, 11, 30) -> "30/11/y"; dt.date(y, 4, 5) -> "05/4/y"."""
    return f"{_day(d.day)}/{_month(d.month)}/{d.year}"


def format_date_long(d: dt.date) -> str:
    """dt.date(y, 2, 8) -> "ngày 08 tháng 02 năm y"."""
    return f"ngày {_day(d.day)} tháng {_month(d.month)} năm {d.year}"


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, as the plan's "tháng 4/…"."""

    year: int
    month: int

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def __str__(self) -> str:
        return f"{_month(self.month)}/{self.year}"


def format_month(m: Month) -> str:
    """Month(y, 4) -> "tháng 4/y"."""
    return f"tháng {m}"


def date_hint(sample: dt.date | None = None) -> str:
    """How an editor writes a date. With a date of the plan in context (its report
    deadline): 'ngày/tháng/năm, ví dụ "15/10/y"'; without one, a wording with no
    year at all, still exact about the form."""
    if sample is None:
        return "ngày/tháng/năm, năm đủ bốn chữ số, ví dụ \"30/11/…\" (chỗ … ghi năm)"
    return f"ngày/tháng/năm, ví dụ \"{format_date(sample)}\""


def month_hint(sample: dt.date | None = None) -> str:
    """How an editor writes a month: as date_hint, 'tháng/năm, ví dụ "10/y"'."""
    if sample is None:
        return "tháng/năm, năm đủ bốn chữ số, ví dụ \"4/…\" (chỗ … ghi năm)"
    return f"tháng/năm, ví dụ \"{Month(sample.year, sample.month)}\""


def parse_date(text: str, sample: dt.date | None = None) -> dt.date:
    """"30/11/y" -> date. Raises ValueError with a Vietnamese message, its example
    taken from `sample` (a date of the plan in context) when given."""
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"ngày phải viết dạng {date_hint(sample)}")
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"không có ngày {day} tháng {month} năm {year}") from None


def parse_month(text: str, sample: dt.date | None = None) -> Month:
    """"4/y" -> Month(y, 4). Errors as parse_date."""
    match = _MONTH.match(text)
    if not match:
        raise ValueError(f"tháng phải viết dạng {month_hint(sample)}")
    month, year = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"không có tháng {month}")
    return Month(year, month)
