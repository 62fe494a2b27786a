"""Figures derived from the results: the status of each unit and the province
summary. Pure values; the pages, the report, the spreadsheets and the calendar
all read these, so they cannot disagree.

A unit without a results file has no figures at all (None), never zeros: "no
data" is not "no conference".
"""

import datetime as dt
from dataclasses import dataclass

from .. import conferences
from ..dates import format_date
from ..model import Department, Unit
from ..numbers import format_percent
from ..site import Site
from .load import Results
from .model import UnitResults

NO_DATA = "chua-co-so-lieu"
IN_PROGRESS = "chua-gui-bao-cao"  # figures entered, no report date: says what the data shows, not "still running"
REPORTED = "da-bao-cao"
# The plan sets its report deadline for the provincial Bans and the Văn phòng (to the
# compiling Ban), not for the units: no unit is ever "late" or "on time".
STATUS_LABELS = {
    NO_DATA: "Chưa có số liệu",
    IN_PROGRESS: "Có số liệu, chưa ghi ngày gửi báo cáo",
    REPORTED: "Đã gửi báo cáo",
}
# IN_PROGRESS of a plan that asks for no report (Site.report): figures entered, no report awaited
NO_REPORT_ASKED_LABEL = "Có số liệu"
NO_DATA_SENTENCE = "Chưa có số liệu báo cáo"


def on_time(sent: dt.date, deadline: dt.date) -> bool:
    """The plan asks for the report "trước ngày" its deadline: before that day."""
    return sent < deadline


def last_day_before(deadline: dt.date) -> dt.date:
    """"trước ngày 30/11" (before that day): the last day allowed is the day before."""
    return deadline - dt.timedelta(days=1)


def deadline_owner(site: Site) -> str:
    """Whose deadline the plan's report date is, in the plan's own terms: «các ban, văn
    phòng báo cáo về Ban Phong trào» (the plan's report sentence names them, not the units;
    co-quan.yaml › ten_goi_cac_ban); «báo cáo gửi về Ban …» when the data has no such name."""
    report = site.report
    receiver = site.report_receiver
    if report.ben_gui:  # the sender as the plan writes it replaces the site's own words (review r19q #7)
        return f"{report.ben_gui} báo cáo về {receiver}"
    if report.nguoi_gui == "don_vi":  # the plan sets the date for each unit («Ban Công tác Mặt trận thôn …»)
        return f"từng {site.plan.ten_goi_don_vi} báo cáo về {receiver}"
    # the Bans (their name, when the data gives one); none named when the data does not say who reports
    senders = site.org.departments_together() if report.nguoi_gui == "ban" else ""
    return f"{senders} báo cáo về {receiver}" if senders else f"báo cáo gửi về {receiver}"


def units_have_no_deadline(site: Site) -> bool:
    """The data says the plan's date binds the Bans, not the units (bao_cao › nguoi_gui: ban): only then
    does the site write «kế hoạch không đặt hạn báo cáo cho từng …»."""
    return site.report is not None and site.report.nguoi_gui == "ban"


def deadline_sentence(site: Site) -> str:
    """The plan's report date, saying whose deadline it is (and that units have none, when so); "" when the
    plan asks for no report (Site.report)."""
    report = site.report
    if report is None:
        return ""
    return (f"Hạn kế hoạch đặt cho {deadline_owner(site)}: trước ngày {format_date(report.han)}"
            + (f"; kế hoạch không đặt hạn báo cáo cho từng {site.plan.ten_goi_don_vi}." if units_have_no_deadline(site)
               else "."))


def sent_compared(site: Site, sent: dt.date) -> str:
    """A unit's report date set beside the plan's date, naming whose date that is:
    «sau ngày <han>, hạn kế hoạch đặt cho các ban, văn phòng báo cáo về Ban Phong trào»; "" when the plan asks
    for no report (Site.report): no date to set it beside."""
    if site.report is None:
        return ""
    han = site.report.han
    when = "trước" if sent < han else ("đúng" if sent == han else "sau")
    return f"{when} ngày {format_date(han)}, hạn kế hoạch đặt cho {deadline_owner(site)}"


@dataclass(frozen=True)
class UnitProgress:
    unit: Unit
    department: Department | None  # None: the plan gives its units to no body (Site.units_assigned)
    budget: int
    results: UnitResults | None
    status: str
    asked: bool = True  # the plan asks for a report (Site.report); else no «chưa ghi ngày gửi báo cáo»

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status] if self.asked or self.status != IN_PROGRESS else NO_REPORT_ASKED_LABEL

    @property
    def has_data(self) -> bool:
        return self.results is not None

    @property
    def conferences(self) -> int | None:
        return None if self.results is None else len(self.results.hoi_nghi)

    @property
    def attendance(self) -> int | None:
        return None if self.results is None else self.results.attendance

    @property
    def minority(self) -> int | None:
        return None if self.results is None else self.results.attendance_minority

    @property
    def spent(self) -> int | None:
        return None if self.results is None else self.results.spent

    @property
    def over_budget(self) -> bool:
        return self.spent is not None and self.spent > self.budget

    @property
    def sent(self) -> dt.date | None:
        r = self.results
        return r.bao_cao.ngay_gui if r is not None and r.bao_cao is not None else None


@dataclass(frozen=True)
class Summary:
    units: int
    by_status: dict[str, int]
    with_data: int
    conferences: int
    attendance: int
    minority: int
    budget: int  # the whole budget line of the plan
    budget_with_data: int  # budget of the units that reported figures
    spent: int


def unit_progress(site: Site, results: Results, code: str) -> UnitProgress:
    unit = site.unit(code)
    res = results.of(code)
    if res is None:
        status = NO_DATA
    elif res.bao_cao is None:
        status = IN_PROGRESS
    else:
        status = REPORTED
    return UnitProgress(unit, site.department_of(code), site.amount(code), res, status, site.report is not None)


def all_progress(site: Site, results: Results) -> list[UnitProgress]:
    return [unit_progress(site, results, u.ma) for u in site.units]


def conferences_shown(site: Site, results: Results) -> bool:
    """Conference figures (count, people attending) are shown when the plan speaks of conferences or a unit
    reports some; a plan with none gets no such column or line (review r19q #5)."""
    return conferences.in_plan(site.plan) or any(r.hoi_nghi for r in results.by_unit.values())


def summary(site: Site, results: Results) -> Summary:
    rows = all_progress(site, results)
    data = [r for r in rows if r.has_data]
    return Summary(
        units=len(rows),
        by_status={s: sum(1 for r in rows if r.status == s) for s in STATUS_LABELS},
        with_data=len(data),
        conferences=sum(r.conferences for r in data),
        attendance=sum(r.attendance for r in data),
        minority=sum(r.minority for r in data),
        budget=site.total,
        budget_with_data=sum(r.budget for r in data),
        spent=sum(r.spent for r in data),
    )


def topic_names(site: Site) -> dict[str, tuple[int, str]]:
    """Topic code -> (its number in the plan's contents section, its display_name without a final period: the
    plan's sentence when no ten_ngan is given, listed «1. …; 3. ….» by the pages and files, review r19q #9)."""
    return {t.ma: (i, unstopped(t.display_name)) for i, t in enumerate(site.topics, 1)}


def unstopped(text: str) -> str:
    """`text` without its one final period («… khu dân cư.» -> «… khu dân cư»), before a template adds its own;
    an ellipsis («…», «...») stays."""
    text = text.rstrip()
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


percent = format_percent  # the results pages' name for it (macros/numbers.py)
