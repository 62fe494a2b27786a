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


def stamp(root: Path, plan_end: dt.date | None, epoch: int | None = None) -> dt.datetime:
    """The time written into the downloads (DTSTAMP, workbook dates): `epoch`
    (SOURCE_DATE_EPOCH, given by the plugin), else the last commit to data/, else the
    plan's end day. Never the build clock."""
    when = source_date_epoch(epoch) or last_commit(root, ("data",))
    if when is None and plan_end is None:  # no date in the data: when its files last changed (never the clock)
        when = dt.datetime.fromtimestamp(max((p.stat().st_mtime for p in (Path(root) / "data").rglob("*.yaml")),
                                             default=0), dt.timezone.utc)
    if when is None:
        when = dt.datetime.combine(plan_end, dt.time(), dt.timezone(dt.timedelta(hours=7)))
    return when.astimezone(dt.timezone.utc)


def plan_day(site: Site) -> dt.date | None:
    """The plan's own last day for `stamp`: its end (thoi_gian_dia_diem › ket_thuc), else its report
    deadline, else its date of issue; None when the data has none of them (a plan whose period is kept
    verbatim: review r19k)."""
    period, report = site.plan.thoi_gian_dia_diem, site.report  # report None: the plan asks for none
    if period is not None:
        return period.ket_thuc.last_day
    return report.han if report is not None else (site.plan.van_ban.ngay_ban_hanh or None)


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
DATED_CACHE = "mau-bao-cao-ngay"  # under the cache root: templates with a build's date in them


def dated_key(key: str, when: dt.datetime) -> str:
    """A template dated `when`: the date first, so the other dates' entries are easy to drop."""
    return when.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + key


def prune_dated(folder: Path, when: dt.datetime) -> int:
    """Drop the dated templates of other dates (only one commit's date is worth keeping:
    a new commit dates every download anew); how many."""
    prefix = dated_key("", when)
    dropped = 0
    for path in Path(folder).glob("*.xlsx") if Path(folder).is_dir() else []:
        if not path.name.startswith(prefix):
            path.unlink(missing_ok=True)
            dropped += 1
    return dropped


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
            fixed = zipfile.ZipInfo(info.filename, date_time=date_time)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            if info.filename == "docProps/core.xml" or info.compress_type != zipfile.ZIP_DEFLATED:
                dst.writestr(fixed, src.read(info.filename).replace(old, new)
                             if info.filename == "docProps/core.xml" else src.read(info.filename))
            else:
                xlsx.copy_deflated(dst, out, fixed, info, workbook)
    return out.getvalue()


def template_common(site: Site, imports_kept: Path | None = None) -> str:
    """What every unit's template is made from besides the unit: the code that makes it
    (exports/template.py and what it imports, macros/cache.source_files; `imports_kept`: the user's
    cache folder, cache.code_digest), openpyxl's version, the plan's data; and whether
    openpyxl writes its XML with lxml (installed and not switched off by OPENPYXL_LXML: the
    same workbook, other bytes)."""
    from openpyxl.xml import LXML

    return cache_mod.digest(cache_mod.code_digest("exports.template", imports_kept=imports_kept),
                            cache_mod.library_versions("openpyxl", "et_xmlfile") + f";lxml={LXML}",
                            plan_digest(site))


CALENDAR_CACHE = "lich"  # under the cache root: per-unit calendars
PLAN_CACHE = "bang-tinh"  # under the cache root: the plan's own workbooks (all units in each)


def plan_files_key(site: Site, results, kind: str, when: dt.datetime, imports_kept: Path | None = None) -> str:
    """The key of one of the plan's workbooks (assignments, budget, results): every unit,
    the results, the plan, the date written in it, the code (exports/xlsx.py and what it
    imports), openpyxl's version and its lxml switch. Made again after any change to the
    data; reused by a build with nothing changed."""
    from openpyxl.xml import LXML

    return cache_mod.digest("bang-tinh", kind, when.isoformat(),
                            cache_mod.code_digest("exports.xlsx", imports_kept=imports_kept),
                            cache_mod.library_versions("openpyxl", "et_xmlfile") + f";lxml={LXML}",
                            plan_digest(site), site.units_file.model_dump_json(),
                            cache_mod.model_json(results.by_unit), cache_mod.model_json(results.report))


def calendar_common(site: Site, imports_kept: Path | None = None) -> str:
    """What every unit's calendar is made from besides the unit and its results (`imports_kept`: cache.code_digest)."""
    return cache_mod.digest(cache_mod.code_digest("exports.ics", imports_kept=imports_kept),
                            cache_mod.library_versions("icalendar"),
                            plan_digest(site))


def calendar_key(site: Site, results, code: str, common: str) -> str:
    """The key of one unit's calendar: its data, its results (its conferences), the plan's
    data, the code and icalendar's version (in `common`). Not DTSTAMP: cached with NEUTRAL,
    written in by restamp_calendar."""
    own = results.by_unit.get(code)
    return cache_mod.digest("lich", common, site.unit(code).model_dump_json(),
                            own.model_dump_json() if own is not None else "-", code)


def _ics_stamp(when: dt.datetime) -> bytes:
    return b"\r\nDTSTAMP:" + when.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ").encode() + b"\r\n"


def restamp_calendar(calendar: bytes, when: dt.datetime) -> bytes:
    """A calendar made with NEUTRAL, with `when` as every event's DTSTAMP: the same bytes as
    making it with `when` (the DTSTAMP line keeps its length: folding is unchanged)."""
    return calendar.replace(_ics_stamp(NEUTRAL), _ics_stamp(when.replace(microsecond=0)))


def unit_calendars(site: Site, results, when: dt.datetime, store: "cache_mod.Store | None" = None,
                   counts: "cache_mod.Counts | None" = None, imports_kept: Path | None = None) -> dict[str, bytes]:
    """Unit code -> its calendar dated `when`. With `store`: the ones whose key is there are
    reused, the others made together (ics.calendars) and kept."""
    codes = [u.ma for u in site.units]
    if store is None:
        return ics.calendars(site, results, when, codes)
    common = calendar_common(site, imports_kept)
    keys = {code: calendar_key(site, results, code, common) for code in codes}
    found = {code: store.get(keys[code]) for code in codes}
    missing = [code for code in codes if found[code] is None]
    made = ics.calendars(site, results, NEUTRAL, missing) if missing else {}
    for code in missing:
        store.put(keys[code], made[code])
        found[code] = made[code]
    if counts is not None:
        counts.made += len(missing)
        counts.reused += len(codes) - len(missing)
        counts.made_names += [site.prefix + registry.path(site, "unit_ics", site.unit(code)) for code in missing]
    return {code: restamp_calendar(found[code], when) for code in codes}


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
    calendars: "cache_mod.Store | None" = None
    workbooks: "cache_mod.Store | None" = None
    dated: "cache_mod.Store | None" = None
    imports_kept: Path | None = None  # the user's cache folder: what each macros module imports (cache.code_digest)

    @cached_property
    def unit_calendars(self) -> dict[str, bytes]:
        # One pass over the plan for every unit's calendar; with a store, the unchanged reused.
        return unit_calendars(self.site, self.results, self.when, self.calendars,
                              self.counts if self.calendars is not None else None, self.imports_kept)

    @cached_property
    def templates(self) -> template.TemplateMaker:
        # Every unit's template from a few made with openpyxl (issue 24); for this call only.
        return template.TemplateMaker(self.site, NEUTRAL)

    def book(self, kind: str, make) -> bytes:
        # One of the plan's own workbooks, reused while nothing it is made from changed.
        if self.workbooks is None:
            return make()
        return self.workbooks.made_or_reused(
            plan_files_key(self.site, self.results, kind, self.when, self.imports_kept), make)

    def template(self, out: registry.Output) -> bytes:
        # One unit's template, made once and reused while its inputs are unchanged (issue 24).
        site, code = self.site, out.item.ma
        self.common = self.common or template_common(site, self.imports_kept)
        key = template_key(site, code, self.common)
        done = self.dated.get(dated_key(key, self.when)) if self.dated is not None else None
        if done is not None:  # this date's bytes, kept by a build of this commit
            self.store.used.add(key)  # and the undated one, which the next commit's build restamps, is kept
            if self.counts is not None:
                self.counts.reused += 1
            return done
        done = restamp(self.store.made_or_reused(
            key, lambda: self.templates.make(code), self.counts, site.prefix + out.path), self.when)
        if self.dated is not None:
            self.dated.put(dated_key(key, self.when), done)
        return done


# Each download's producer, by the key of its row in macros/outputs.py.
PRODUCERS = {
    "ics": lambda m, o: ics.calendar(m.site, m.results, m.when),
    "assign_xlsx": lambda m, o: m.book("assign", lambda: xlsx.assignment_xlsx(m.site, m.when)),
    "assign_csv": lambda m, o: csv_export.assignment_csv(m.site),
    "budget_xlsx": lambda m, o: m.book("budget", lambda: xlsx.budget_xlsx(m.site, m.when)),
    "budget_csv": lambda m, o: csv_export.budget_csv(m.site),
    "results_xlsx": lambda m, o: m.book("results", lambda: xlsx.results_xlsx(m.site, m.results, m.when)),
    "results_csv": lambda m, o: csv_export.results_csv(m.site, m.results),
    "unit_ics": lambda m, o: m.unit_calendars[o.item.ma],
    "unit_template": lambda m, o: m.template(o),
}


def download_bytes(site: Site, documents: bool = True, store: "cache_mod.Store | None" = None,
                   counts: "cache_mod.Counts | None" = None, made: registry.Outputs | None = None,
                   epoch: int | None = None, calendars: "cache_mod.Store | None" = None,
                   workbooks: "cache_mod.Store | None" = None,
                   dated: "cache_mod.Store | None" = None, only=None, imports_kept: Path | None = None) -> dict[str, bytes]:
    """Site path (with the plan's prefix) -> content of each download of the plan.

    `documents`: also the per-unit Excel report templates. Like the unit PDFs they
    are one document per unit (about 1 ms each, template.TemplateMaker, and cached);
    they follow the PDF switch (not under serve, not
    with KONTUM_PDF=0) and the unit pages link them only when they are made. `made`: the
    plan's outputs, when the caller has them (the build's Catalog).
    `store`, `calendars`: where the templates and the unit calendars made before are
    (macros/cache.py); `counts`: what was made and reused (with `calendars`, them too);
    `workbooks`: the plan's own workbooks made before (not counted: not per unit);
    `dated`: the templates with this build's date written in (restamp), kept for a build of
    the same commit (dated_key); `only`: these site paths alone (a rebuild under
    `mkdocs serve --dirty` remakes the downloads whose data changed); `imports_kept`: cache.code_digest."""
    wanted = [o for o in (made or registry.outputs(site)).downloads(documents)
              if only is None or site.prefix + o.path in only]
    if not wanted:  # a plan without the sections the downloads are made from (Site.has_*)
        return {}
    making = _Making(site, results_of(site), stamp(site.root, plan_day(site), epoch),
                     store if store is not None else cache_mod.Store(None), counts, documents,
                     calendars=calendars, workbooks=workbooks, dated=dated, imports_kept=imports_kept)
    return {site.prefix + o.path: PRODUCERS[o.key](making, o) for o in wanted}


def download_paths(site: Site, documents: bool = True, made: registry.Outputs | None = None) -> list[str]:
    """Site paths of what write_downloads writes, without making anything."""
    return [site.prefix + o.path for o in (made or registry.outputs(site)).downloads(documents)]


@dataclass
class Stores:
    """The caches of the downloads under one cache root, for every plan of one build: what
    this build used is recorded, so prune() can drop the rest (issue 24: keys that hold the
    build's date, in a cache shared by CI runs, would otherwise pile up with every commit)."""

    templates: "cache_mod.Store"
    calendars: "cache_mod.Store | None"
    workbooks: "cache_mod.Store | None"
    dated: "cache_mod.Store | None"
    imports_kept: Path | None = None  # the user's cache folder (cache.code_digest)

    @classmethod
    def at(cls, cache: Path | None, imports_kept: Path | None = None) -> "Stores":
        folder = Path(cache) if cache is not None else None
        return cls(cache_mod.Store(folder / TEMPLATE_CACHE if folder is not None else None, ".xlsx"),
                   cache_mod.Store(folder / CALENDAR_CACHE, ".ics") if folder is not None else None,
                   cache_mod.Store(folder / PLAN_CACHE, ".xlsx") if folder is not None else None,
                   cache_mod.Store(folder / DATED_CACHE, ".xlsx") if folder is not None else None, imports_kept)

    def prune(self, templates: bool = True) -> int:
        """Drop what this build did not use, once every plan's downloads are written; the
        templates only when this build made them (`templates`: not with PDFs off). How many."""
        stores = [self.calendars, self.workbooks] + ([self.templates, self.dated] if templates else [])
        return sum(s.prune() for s in stores if s is not None)


def write_downloads(site: Site, site_dir: Path, documents: bool = True, cache: Path | None = None,
                    counts: "cache_mod.Counts | None" = None, made: registry.Outputs | None = None,
                    epoch: int | None = None, only=None, stores: Stores | None = None) -> list[str]:
    """Write the plan's downloads into site_dir; their site paths. `cache`: the folder
    of the per-unit files made by earlier builds (macros/cache.py); `epoch`: the
    date given for the build (SOURCE_DATE_EPOCH), see stamp(); `only`: as download_bytes;
    `stores`: the build's Stores (at `cache`), shared by its plans, to prune after them."""
    out = []
    stores = stores if stores is not None else Stores.at(cache)
    store, calendars, workbooks, dated = stores.templates, stores.calendars, stores.workbooks, stores.dated
    if dated is not None and documents and site.has_units:  # per-unit templates: only a plan with units has them
        prune_dated(dated.folder, stamp(site.root, plan_day(site), epoch))
    for rel, content in download_bytes(site, documents, store, counts, made, epoch, calendars, workbooks, dated,
                                       only, stores.imports_kept).items():
        path = Path(site_dir) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        out.append(rel)
    return out
