"""Issue 24: each per-unit file is made once and reused while what it is made from
is unchanged (macros/cache.py): in-process, on the real plan's ten units."""

import dataclasses
import datetime as dt
import io
import zipfile

import pytest

from macros import cache
from macros.exports import downloads
from macros.loader import load_website
from macros import outputs
from tests.sitebuild import ROOT

WHEN = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def site():
    return load_website(ROOT).plans[0]


def _templates(site, folder, when=WHEN):
    counts = cache.Counts()
    store = cache.Store(folder, ".xlsx")
    data = downloads.download_bytes(site, True, store, counts)
    return {k: v for k, v in data.items() if "/mau-bao-cao/" in k}, counts


def _renamed(site, code: str, name: str):
    """The plan with one unit's name changed (one unit's data, nothing else)."""
    units = [u.model_copy(update={"ten": name}) if u.ma == code else u for u in site.units_file.don_vi]
    return dataclasses.replace(site, units_file=site.units_file.model_copy(update={"don_vi": units}))


def test_a_template_is_reused_while_its_inputs_are_equal(site, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: WHEN)
    first, made = _templates(site, tmp_path)
    assert (made.made, made.reused) == (len(site.units), 0)
    again, reused = _templates(site, tmp_path)
    assert (reused.made, reused.reused) == (0, len(site.units))
    assert again == first  # byte for byte


def test_one_units_change_remakes_that_units_template_only(site, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: WHEN)
    _templates(site, tmp_path)
    unit = site.units[3]
    changed = _renamed(site, unit.ma, unit.ten + "x")  # one byte more in one unit's data
    files, counts = _templates(changed, tmp_path)
    assert counts.made == 1 and counts.reused == len(site.units) - 1
    assert counts.made_names == [outputs.path(changed, "unit_template", changed.unit(unit.ma))]
    uncached, _ = _templates(changed, None)
    assert files == uncached


def test_a_code_or_library_change_remakes_every_template(site, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: WHEN)
    _templates(site, tmp_path)
    real = cache.library_versions
    monkeypatch.setattr(cache, "library_versions", lambda *names: real(*names) + ";openpyxl==99")
    assert _templates(site, tmp_path)[1].made == len(site.units)
    monkeypatch.setattr(cache, "library_versions", real)
    real_code = cache.code_digest
    monkeypatch.setattr(cache, "code_digest", lambda *modules, **kw: real_code(*modules, **kw) + "template.py changed")
    assert _templates(site, tmp_path)[1].made == len(site.units)


def test_a_new_date_reuses_the_templates_with_that_date_written_in(site, tmp_path, monkeypatch):
    """A commit gives the downloads a new date: the templates are not made again, yet
    equal byte for byte to ones made with that date."""
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: WHEN)
    _templates(site, tmp_path)
    later = WHEN + dt.timedelta(days=40, seconds=7)
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: later)
    cached, counts = _templates(site, tmp_path)
    assert counts.made == 0
    fresh, _ = _templates(site, None)
    assert cached == fresh
    core = zipfile.ZipFile(io.BytesIO(next(iter(cached.values())))).read("docProps/core.xml").decode()
    assert later.strftime("%Y-%m-%dT%H:%M:%SZ") in core


def test_the_store_writes_whole_files_only(tmp_path):
    store = cache.Store(tmp_path / "c", ".bin")
    store.put("k", b"abc")
    assert store.get("k") == b"abc" and store.get("other") is None
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["k.bin"]  # no temporary left
    assert cache.digest("ab", "c") != cache.digest("a", "bc")


def test_pdf_key_follows_the_pdf_library_and_fonts(monkeypatch):
    from macros.pdf import writer

    before = writer._styles_digest(ROOT)
    real = cache.library_versions
    monkeypatch.setattr(cache, "library_versions", lambda *names: real(*names) + ";weasyprint==99")
    assert writer._styles_digest(ROOT) != before


# -- keys: exactly what a file is made from (issue 24, item 1) -------------------------

def _sources_copy(tmp_path, monkeypatch):
    """macros/ copied aside, and the cache reading its sources from the copy."""
    import shutil

    copy = tmp_path / "macros"
    shutil.copytree(cache.HERE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "HERE", copy)
    return copy


def _edit(path):
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")


def test_template_key_follows_its_code_and_nothing_else(site, tmp_path, monkeypatch):
    """A change to the code that makes the template (exports/template.py, what it imports)
    changes every key; a change to code it is not made with (the offline package, the
    home page, the PDF writer) changes none: a build after such a commit reuses them all."""
    code = site.units[0].ma
    macros = _sources_copy(tmp_path, monkeypatch)
    key = lambda: downloads.template_key(site, code, downloads.template_common(site))  # noqa: E731
    before = key()
    for unrelated in ("offline/package.py", "render/home.py", "pdf/writer.py", "adapters/plugin.py"):
        _edit(macros / unrelated)
        assert key() == before, unrelated
    _edit(macros / "exports/template.py")
    after = key()
    assert after != before
    _edit(macros / "numbers.py")  # imported by it: money in the cells
    assert key() != after


def test_calendar_key_follows_its_code_and_nothing_else(site, tmp_path, monkeypatch):
    code = site.units[0].ma
    results = downloads.results_of(site)
    macros = _sources_copy(tmp_path, monkeypatch)
    key = lambda: downloads.calendar_key(site, results, code, downloads.calendar_common(site))  # noqa: E731
    before = key()
    _edit(macros / "exports/template.py")  # the Excel template's code
    _edit(macros / "offline/package.py")
    assert key() == before
    _edit(macros / "exports/ics.py")
    assert key() != before


def test_keys_follow_the_unit_its_results_the_plan_and_the_library(site, tmp_path, monkeypatch):
    from tests.results_fixtures import ON_TIME, results_of, with_results

    unit, other = site.unit(ON_TIME), next(u for u in site.units if u.ma != ON_TIME)
    results = downloads.results_of(site)

    def keys(s, r=results):
        return (downloads.template_key(s, unit.ma, downloads.template_common(s)),
                downloads.calendar_key(s, r, unit.ma, downloads.calendar_common(s)))

    before = keys(site)
    assert keys(_renamed(site, other.ma, other.ten + "x")) == before  # another unit's data
    assert all(a != b for a, b in zip(keys(_renamed(site, unit.ma, unit.ten + "x")), before))  # its own
    changed_plan = dataclasses.replace(site, plan=site.plan.model_copy(update={
        "van_ban": site.plan.van_ban.model_copy(update={"trich_yeu": site.plan.van_ban.trich_yeu + "x"})}))
    assert all(a != b for a, b in zip(keys(changed_plan), before))
    with_conferences = results_of(with_results(tmp_path))
    assert keys(site, with_conferences)[1] != before[1]  # its conferences are in its calendar
    real = cache.library_versions
    monkeypatch.setattr(cache, "library_versions", lambda *names: real(*names) + ";99")
    assert all(a != b for a, b in zip(keys(site), before))
    monkeypatch.setattr(cache, "library_versions", real)
    import openpyxl.xml

    # openpyxl writes other bytes with lxml (installed, OPENPYXL_LXML not "False") than without.
    monkeypatch.setattr(openpyxl.xml, "LXML", not openpyxl.xml.LXML)
    assert keys(site)[0] != before[0]


def test_keys_hold_no_path_of_the_checkout(site, tmp_path):
    """Two checkouts of one commit (two CI runs, two branches) share their cache: the keys
    hold no absolute path (nor the time: see the date test above)."""
    def keys(s):
        return (downloads.template_key(s, s.units[0].ma, downloads.template_common(s)),
                downloads.calendar_key(s, downloads.results_of(s), s.units[0].ma, downloads.calendar_common(s)))

    assert keys(dataclasses.replace(site, root=tmp_path / "elsewhere")) == keys(site)


def _calendars(site, folder, when=WHEN):
    counts = cache.Counts()
    store = cache.Store(folder, ".ics") if folder is not None else None
    data = downloads.download_bytes(site, False, None, counts, calendars=store)
    return {k: v for k, v in data.items() if "/don-vi/" in k or k.endswith(".ics")}, counts


def test_unit_calendars_reused_and_dated_like_fresh_ones(site, tmp_path, monkeypatch):
    """Every unit calendar is cached like the templates: the second pass makes none, and
    with a new date (a commit) their bytes equal calendars made with that date."""
    from tests.results_fixtures import results_of, with_results

    with_conferences = dataclasses.replace(site, results=results_of(with_results(tmp_path / "p")))
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: WHEN)
    first, made = _calendars(with_conferences, tmp_path / "c")
    assert (made.made, made.reused) == (len(site.units), 0)
    later = WHEN + dt.timedelta(days=3, seconds=11)
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: later)
    cached, counts = _calendars(with_conferences, tmp_path / "c")
    assert (counts.made, counts.reused) == (0, len(site.units))
    fresh, _ = _calendars(with_conferences, None)
    assert cached == fresh and cached != first
    assert later.strftime("DTSTAMP:%Y%m%dT%H%M%SZ").encode() in next(
        v for k, v in cached.items() if "/don-vi/" in k or k.count("/") > 1)
    unit = site.units[5]
    changed = dataclasses.replace(_renamed(with_conferences, unit.ma, unit.ten + "x"), results=with_conferences.results)
    files, counts = _calendars(changed, tmp_path / "c")
    assert counts.made == 1 and counts.made_names == [site.prefix + outputs.path(changed, "unit_ics", changed.unit(unit.ma))]
    assert files == _calendars(changed, None)[0]


def test_the_plans_workbooks_reused_only_while_every_unit_and_the_date_are_unchanged(site, tmp_path, monkeypatch):
    """The plan's own workbooks (assignments, budget, results) hold every unit: kept for a
    build with nothing changed, made again after any unit's change or a new date."""
    from tests.results_fixtures import results_of, with_results

    with_conferences = dataclasses.replace(site, results=results_of(with_results(tmp_path / "p")))
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: WHEN)
    made = []
    for name in ("assignment_xlsx", "budget_xlsx", "results_xlsx"):
        real = getattr(downloads.xlsx, name)
        monkeypatch.setattr(downloads.xlsx, name, lambda *a, real=real, name=name: made.append(name) or real(*a))
    store = cache.Store(tmp_path / "c", ".xlsx")

    def books(s):
        data = downloads.download_bytes(s, False, None, None, workbooks=store)
        return {k: v for k, v in data.items() if k.endswith(".xlsx")}

    first = books(with_conferences)
    assert len(made) == 3 and len(first) == 3
    made.clear()
    assert books(with_conferences) == first and made == []
    unit = site.units[-1]
    changed = dataclasses.replace(_renamed(with_conferences, unit.ma, unit.ten + "x"), results=with_conferences.results)
    again = books(changed)
    assert len(made) == 3 and again != first
    made.clear()
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: WHEN + dt.timedelta(days=1))
    books(changed)
    assert len(made) == 3


def test_a_build_of_the_same_commit_takes_the_dated_templates(site, tmp_path, monkeypatch):
    """Writing the date into a cached template costs a ZIP rewrite each; a second build of
    one commit (one date) takes the dated bytes kept by the first, and only that date's
    are kept."""
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: WHEN)
    restamped = []
    real = downloads.restamp
    monkeypatch.setattr(downloads, "restamp", lambda *a: restamped.append(1) or real(*a))
    folder = tmp_path / "c"
    downloads.write_downloads(site, tmp_path / "s1", cache=folder)
    assert len(restamped) == len(site.units)
    restamped.clear()
    counts = cache.Counts()
    downloads.write_downloads(site, tmp_path / "s2", cache=folder, counts=counts)
    assert restamped == [] and counts.made == 0
    files = lambda root: {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.xlsx")}  # noqa: E731
    assert files(tmp_path / "s2") == files(tmp_path / "s1")
    later = WHEN + dt.timedelta(days=2)
    monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: later)
    downloads.write_downloads(site, tmp_path / "s3", cache=folder)
    assert len(restamped) == len(site.units)
    names = [p.name for p in (folder / downloads.DATED_CACHE).iterdir()]
    assert len(names) == len(site.units) and all(n.startswith(later.strftime("%Y%m%dT%H%M%S")) for n in names)


def test_a_shared_cache_keeps_only_what_the_last_build_used(site, tmp_path, monkeypatch):
    """Issue 24: the keys of a unit's template and calendar hold the plan's status on the
    build's date, so a cache shared by CI runs grew with every commit. A build drops what it
    did not use once every plan's files are written (downloads.Stores.prune): the folder
    holds one build's entries, and a build of the same commit after it reuses them all."""
    def build(day):
        monkeypatch.setattr(downloads, "stamp", lambda root, end, epoch=None: WHEN + dt.timedelta(days=day))
        changed = dataclasses.replace(site, extra={**site.extra, "trang_thai_ngay": day})
        stores = downloads.Stores.at(tmp_path)
        counts = cache.Counts()
        downloads.write_downloads(changed, tmp_path / f"site{day}", cache=tmp_path, counts=counts, stores=stores)
        stores.prune()
        return counts, sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.glob("*/*.*")
                              if not p.parent.name.startswith("site"))

    _, one = build(1)
    _, two = build(2)
    assert len(two) == len(one) and set(two) != set(one)
    again, three = build(2)  # the same commit again: everything reused, nothing dropped
    assert three == two and again.made == 0
