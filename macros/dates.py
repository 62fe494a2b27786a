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


_QUARTER_WORDS = re.compile(r"^\s*quý\s+(IV|III|II|I|[1-4])\s*(?:/|năm)\s*(\d{4})\s*$", re.IGNORECASE)
_MONTH_WORDS = re.compile(r"^\s*(?:tháng\s+)?(\d{1,2})\s*/\s*(\d{4})\s*$", re.IGNORECASE)
_YEAR_WORDS = re.compile(r"^\s*năm\s+(\d{4})\s*$", re.IGNORECASE)
_DAY_WORDS = re.compile(r"^\s*(?:ngày\s+)?(\d{1,2}/\d{1,2}/\d{4})\s*$", re.IGNORECASE)
QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _last_of_month(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


@dataclass(frozen=True)
class PeriodPoint:
    """The start or the end of a plan's period at the precision the plan writes it: a year («năm …»), a quarter
    («Quý III/…», its number Roman or in digits as written), a month («tháng 7/…») or a day
    («31/12/…»). `words` is how the site states it to a reader; `first_day` and `last_day` are
    the dates the site computes with (a quarter or a month: its first and its last day)."""

    kind: str  # "nam", "quy", "thang" or "ngay"
    first_day: dt.date
    last_day: dt.date
    numeral: str = ""  # a quarter's number as the plan writes it: "III" or "3"

    @property
    def words(self) -> str:
        """"Quý III/y", "tháng 7/y", "31/12/y"."""
        if self.kind == "nam":
            return f"năm {self.first_day.year}"
        if self.kind == "quy":
            return f"Quý {self.numeral}/{self.first_day.year}"
        if self.kind == "thang":
            return format_month(Month(self.first_day.year, self.first_day.month))
        return format_date(self.first_day)

    @property
    def with_day_word(self) -> str:
        """As after «đến hết …»: "ngày 31/12/y" for a day, else as `words`."""
        return f"ngày {self.words}" if self.kind == "ngay" else self.words

    def __str__(self) -> str:
        return self.words


def point_hint() -> str:
    return ("quý («Quý III/…», số La Mã hoặc chữ số), tháng («7/…»), ngày («30/11/…») hoặc năm («năm …»), đúng "
            "như kế hoạch ghi, năm đủ bốn chữ số")


def point_of_quarter(numeral: str, year: int) -> PeriodPoint:
    q = QUARTERS[numeral.upper()]
    return PeriodPoint("quy", dt.date(year, 3 * q - 2, 1), _last_of_month(year, 3 * q), numeral.upper())


def point_error_hint(sample=None) -> str:
    """point_hint for a value refused: the plan's own words («tháng 4 năm …») are not the form, so the message
    says how to write the time the plan gives, not «as the plan writes» (review bad9, 12: y11, y13)."""
    return ("quý («Quý III/…», số La Mã hoặc chữ số), tháng («7/…»), ngày («30/11/…») hoặc năm («năm …»), năm đủ "
            "bốn chữ số: ghi thời điểm kế hoạch nói theo một dạng đó («tháng 4 năm …» viết \"4/…\", «hết tháng "
            "11/…» viết \"11/…\")")


def point_of_year(year: int) -> PeriodPoint:
    return PeriodPoint("nam", dt.date(year, 1, 1), dt.date(year, 12, 31))


def point_of_month(month: int, year: int) -> PeriodPoint:
    return PeriodPoint("thang", dt.date(year, month, 1), _last_of_month(year, month))


def point_of_day(day: dt.date) -> PeriodPoint:
    return PeriodPoint("ngay", day, day)


def parse_point(text: str, sample: dt.date | None = None) -> PeriodPoint:
    """"Quý III/y", "7/y" (or "tháng 7/y"), "31/12/y", "năm y" -> PeriodPoint. Errors as parse_date."""
    if (m := _YEAR_WORDS.match(text)):
        return point_of_year(int(m.group(1)))
    if (m := _QUARTER_WORDS.match(text)):
        return point_of_quarter(m.group(1), int(m.group(2)))
    if (m := _MONTH_WORDS.match(text)):
        month = parse_month(f"{m.group(1)}/{m.group(2)}", sample)
        return point_of_month(month.month, month.year)
    if (m := _DAY_WORDS.match(text)):
        return point_of_day(parse_date(m.group(1), sample))
    raise ValueError(f"viết dạng {point_error_hint()}")
