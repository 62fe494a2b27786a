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
    monkeypatch.setattr(cache, "code_digest", lambda: real_code() + "template.py changed")
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
