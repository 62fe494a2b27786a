"""Every spreadsheet and calendar a plan offers for download (issue 15), as bytes
keyed by their path in site/ (under the plan's prefix). Pure: the adapter writes
them after the build. Deterministic: the time inside them is `stamp`, never the
build clock."""

import datetime as dt
from pathlib import Path

from ..gitdates import last_commit, source_date_epoch
from ..render import progress
from ..results.load import results_of
from ..site import Site
from . import csv as csv_export
from . import ics, template, xlsx


def stamp(root: Path, plan_end: dt.date) -> dt.datetime:
    """The time written into the downloads (DTSTAMP, workbook dates): SOURCE_DATE_EPOCH,
    else the last commit to data/, else the plan's end day. Never the build clock."""
    when = source_date_epoch() or last_commit(root, ("data",))
    if when is None:
        when = dt.datetime.combine(plan_end, dt.time(), dt.timezone(dt.timedelta(hours=7)))
    return when.astimezone(dt.timezone.utc)


def download_bytes(site: Site, documents: bool = True) -> dict[str, bytes]:
    """Site path (with the plan's prefix) -> content of each download of the plan.

    `documents`: also the per-unit Excel report templates. Like the unit PDFs they
    are one document per unit at ~75 ms each (openpyxl), so 3,321 communes would
    add minutes to every build; they follow the PDF switch (not under serve, not
    with KONTUM_PDF=0) and the unit pages link them only when they are made."""
    results = results_of(site)
    when = stamp(site.root, site.plan.thoi_gian_dia_diem.ket_thuc)
    files = progress.downloads(site)
    data = {
        files["ics"]: ics.calendar(site, results, when),
        files["assign_xlsx"]: xlsx.assignment_xlsx(site, when),
        files["assign_csv"]: csv_export.assignment_csv(site),
        files["budget_xlsx"]: xlsx.budget_xlsx(site, when),
        files["budget_csv"]: csv_export.budget_csv(site),
        files["results_xlsx"]: xlsx.results_xlsx(site, results, when),
        files["results_csv"]: csv_export.results_csv(site, results),
    }
    unit_calendars = ics.calendars(site, results, when, [u.ma for u in site.units])
    for unit in site.units:
        data[progress.unit_ics(unit)] = unit_calendars[unit.ma]
        if documents:
            data[progress.unit_template(unit)] = template.template_xlsx(site, unit.ma, when)
    return {site.prefix + rel: content for rel, content in data.items()}


def write_downloads(site: Site, site_dir: Path, documents: bool = True) -> list[str]:
    """Write the plan's downloads into site_dir; their site paths."""
    out = []
    for rel, content in download_bytes(site, documents).items():
        path = Path(site_dir) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        out.append(rel)
    return out
