"""Where a plan stands on the build's date (never the clock): after its period, within
it, or before it. The loader dates each plan by the last commit to data/, the build by
SOURCE_DATE_EPOCH when given (macros/adapters/build_state.py); render/notice.py words it.

Only what the wording needs is kept (in site.extra, part of the files' cache key):
ENDED for a plan whose period is over (its notice never changes again, nor the cached
files that carry it), the date itself for one still running or not started, None when
no date is known or the plan has no structured period."""

import datetime as dt

STATUS_KEY = "tinh_trang_ngay_dung"
ENDED = "da_ket_thuc"


def date_status(site, when: dt.date | None) -> None:
    """Record where `site`'s plan stands on `when`, the build's date."""
    period = site.plan.thoi_gian_dia_diem
    if period is None or when is None:
        site.extra[STATUS_KEY] = None
    else:
        site.extra[STATUS_KEY] = ENDED if when > period.ket_thuc.last_day else when


def status(site) -> str | dt.date | None:
    """ENDED, the build's date (the plan not yet over), or None (nothing known)."""
    return site.extra.get(STATUS_KEY)
