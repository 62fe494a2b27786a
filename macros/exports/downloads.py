"""Every spreadsheet and calendar a plan offers for download (issue 15), as bytes
keyed by their path in site/ (under the plan's prefix). Pure: the adapter writes
them after the build. Deterministic: the time inside them is `stamp`, never the
build clock.

Which files there are, where they go and which page links them is the outputs
registry's (macros/outputs.py); this module maps each row's key to its producer
(PRODUCERS). A new format: its producer, its line in PRODUCERS, its row there."""

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .. import cache as cache_mod
from .. import outputs as registry
from ..offline.archive import DEFAULT_DATE
from ..gitdates import last_commit, source_date_epoch
from ..results.load import Results, results_of
from ..site import Site
from . import csv as csv_export
from . import ics, template, xlsx


def stamp(root: Path, plan_end: dt.date, epoch: int | None = None) -> dt.datetime:
    """The time written into the downloads (DTSTAMP, workbook dates): `epoch`
    (SOURCE_DATE_EPOCH, given by the plugin), else the last commit to data/, else the
    plan's end day. Never the build clock."""
    when = source_date_epoch(epoch) or last_commit(root, ("data",))
    if when is None:
        when = dt.datetime.combine(plan_end, dt.time(), dt.timezone(dt.timedelta(hours=7)))
    return when.astimezone(dt.timezone.utc)


TEMPLATE_CACHE = "mau-bao-cao"  # under the cache root (macros/cache.py): per-unit Excel templates


def plan_digest(site: Site) -> str:
    """Everything of the plan but its list of units: what every unit's file may show of the plan."""
    return cache_mod.digest(cache_mod.model_json(site.plan), cache_mod.model_json(site.org),
                            site.units_file.model_dump_json(exclude={"don_vi"}),
                            cache_mod.model_json(site.entry), cache_mod.model_json(site.extra), site.prefix)


def template_key(site: Site, code: str, common: str) -> str:
    """The key of one unit's Excel template: the unit's data, the plan's, the code and
    openpyxl's version (in `common`). Not the date written into it: the cache keeps the
    workbook made with NEUTRAL and restamp() writes this build's date, so a commit (a new
    date) does not make every unit's template again."""
    return cache_mod.digest("mau-bao-cao", common, site.unit(code).model_dump_json(), code)


NEUTRAL = dt.datetime.fromtimestamp(0, dt.timezone.utc)  # the date of cached workbooks (the Unix epoch)


def _w3cdtf(when: dt.datetime) -> bytes:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ").encode()


def restamp(workbook: bytes, when: dt.datetime) -> bytes:
    """A workbook made with NEUTRAL, dated `when`: the same bytes as making it with
    `when` (xlsx.save: every entry that date, the document's created/modified)."""
    import io
    import zipfile

    stamp = when.astimezone(dt.timezone.utc).replace(microsecond=0)
    date_time = max(stamp.timetuple()[:6], DEFAULT_DATE)  # ZIP's earliest date, as xlsx.save
    old, new = _w3cdtf(NEUTRAL), _w3cdtf(stamp)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = content.replace(old, new)
            fixed = zipfile.ZipInfo(info.filename, date_time=date_time)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, content)
    return out.getvalue()


def template_common(site: Site) -> str:
    return cache_mod.digest(cache_mod.code_digest(), cache_mod.library_versions("openpyxl"), plan_digest(site))


@dataclass
class _Making:
    """What the producers of one plan's downloads share, for one call of download_bytes."""

    site: Site
    results: Results
    when: dt.datetime
    store: "cache_mod.Store"
    counts: "cache_mod.Counts | None" = None
    documents: bool = True
    common: str = field(default="")

    @cached_property
    def unit_calendars(self) -> dict[str, bytes]:
        # One pass over the plan for every unit's calendar.
        return ics.calendars(self.site, self.results, self.when, [u.ma for u in self.site.units])

    def template(self, out: registry.Output) -> bytes:
        # One unit's template, made once and reused while its inputs are unchanged (issue 24).
        site, code = self.site, out.item.ma
        self.common = self.common or template_common(site)
        return restamp(self.store.made_or_reused(
            template_key(site, code, self.common),
            lambda: template.template_xlsx(site, code, NEUTRAL), self.counts, site.prefix + out.path), self.when)


# Each download's producer, by the key of its row in macros/outputs.py.
PRODUCERS = {
    "ics": lambda m, o: ics.calendar(m.site, m.results, m.when),
    "assign_xlsx": lambda m, o: xlsx.assignment_xlsx(m.site, m.when),
    "assign_csv": lambda m, o: csv_export.assignment_csv(m.site),
    "budget_xlsx": lambda m, o: xlsx.budget_xlsx(m.site, m.when),
    "budget_csv": lambda m, o: csv_export.budget_csv(m.site),
    "results_xlsx": lambda m, o: xlsx.results_xlsx(m.site, m.results, m.when),
    "results_csv": lambda m, o: csv_export.results_csv(m.site, m.results),
    "unit_ics": lambda m, o: m.unit_calendars[o.item.ma],
    "unit_template": lambda m, o: m.template(o),
}


def download_bytes(site: Site, documents: bool = True, store: "cache_mod.Store | None" = None,
                   counts: "cache_mod.Counts | None" = None, epoch: int | None = None,
                   made: registry.Outputs | None = None, only=None) -> dict[str, bytes]:
    """Site path (with the plan's prefix) -> content of each download of the plan.

    `documents`: also the per-unit Excel report templates. Like the unit PDFs they
    are one document per unit at ~75 ms each (openpyxl), so 3,321 communes would
    add minutes to every build; they follow the PDF switch (not under serve, not
    with KONTUM_PDF=0) and the unit pages link them only when they are made. `made`: the
    plan's outputs, when the caller has them (the build's Catalog); `only`: these site paths
    alone (a rebuild under `mkdocs serve --dirty` remakes the downloads whose data changed)."""
    making = _Making(site, results_of(site), stamp(site.root, site.plan.thoi_gian_dia_diem.ket_thuc, epoch),
                     store if store is not None else cache_mod.Store(None), counts, documents)
    return {site.prefix + o.path: PRODUCERS[o.key](making, o)
            for o in (made or registry.outputs(site)).downloads(documents)
            if only is None or site.prefix + o.path in only}


def download_paths(site: Site, documents: bool = True, made: registry.Outputs | None = None) -> list[str]:
    """Site paths of what write_downloads writes, without making anything."""
    return [site.prefix + o.path for o in (made or registry.outputs(site)).downloads(documents)]


def write_downloads(site: Site, site_dir: Path, documents: bool = True, cache: Path | None = None,
                    counts: "cache_mod.Counts | None" = None, epoch: int | None = None,
                    made: registry.Outputs | None = None, only=None) -> list[str]:
    """Write the plan's downloads into site_dir; their site paths. `cache`: the folder
    of the per-unit files made by earlier builds (macros/cache.py); `epoch`: the
    date given for the build (SOURCE_DATE_EPOCH), see stamp(); `only`: as download_bytes."""
    out = []
    store = cache_mod.Store(Path(cache) / TEMPLATE_CACHE if cache is not None else None, ".xlsx")
    for rel, content in download_bytes(site, documents, store, counts, epoch, made, only).items():
        path = Path(site_dir) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        out.append(rel)
    return out
