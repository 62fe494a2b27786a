"""Issue 24: the file:// copy (the site again without directory URLs, that the offline ZIP is
made from) builds again only the unit pages whose page in the main build changed; the others, and
their search entries, come from the copies before (macros/offline/copycache.PageStore). One
unit's other name changed: that unit's page is built (and the pages in the nav), and the ZIP is the same, byte for byte, as
the ZIP of a build from an empty cache. HTML builds (KONTUM_PDF=0): the PDFs are not the
copy's (it takes the main build's)."""

import re

from tests.sitebuild import copy_project, mkdocs_build_here

EPOCH = "1764547200"
LATER = "1764558000"  # a later commit the same day: the date of the build changes, not the day
ZIP = "tai-ve"


def _zips(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / ZIP).rglob("*.zip")}


def test_one_unit_changed_builds_only_the_copy_pages_that_changed(tmp_path):
    project = copy_project(tmp_path / "p")
    cache = tmp_path / "cache"
    first = mkdocs_build_here(project, tmp_path / "a", KONTUM_CACHE_DIR=str(cache), KONTUM_PDF="0",
                              SOURCE_DATE_EPOCH=EPOCH)
    assert first.returncode == 0, first.stderr[-2000:]
    units = project / "data" / "ke-hoach-2023" / "don-vi.yaml"
    text = units.read_text(encoding="utf-8")
    assert "ten_khac: [Kon Plong]" in text
    units.write_text(text.replace("ten_khac: [Kon Plong]", "ten_khac: [Kon Plong, Măng Đen]"), encoding="utf-8")
    again = mkdocs_build_here(project, tmp_path / "b", KONTUM_CACHE_DIR=str(cache), KONTUM_PDF="0",
                              SOURCE_DATE_EPOCH=LATER)
    assert again.returncode == 0, again.stderr[-2000:]
    said = re.search(r"bản sao file:// tạo trong [\d.]+ s, dựng lại (\d+)/(\d+) trang, lấy lại (\d+)",
                     again.stderr + again.stdout)
    assert said, (again.stderr + again.stdout)[-3000:]
    built, pages, reused = (int(n) for n in said.groups())
    units = text.count("\n  - ma: ")
    # every unit page but the changed one taken; the pages in the nav are always built
    assert built + reused == pages and reused == units - 1, said.group(0)
    fresh = mkdocs_build_here(project, tmp_path / "c", KONTUM_CACHE_DIR=str(tmp_path / "empty"), KONTUM_PDF="0",
                              SOURCE_DATE_EPOCH=LATER)
    assert fresh.returncode == 0, fresh.stderr[-2000:]
    reused, whole = _zips(tmp_path / "b"), _zips(tmp_path / "c")
    assert reused and reused.keys() == whole.keys()
    for name in whole:
        assert reused[name] == whole[name], name


def _files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _same_bytes(site, fresh):
    got, want = _files(site), _files(fresh)
    assert got.keys() == want.keys(), sorted(got.keys() ^ want.keys())[:10]
    differ = sorted(name for name in want if got[name] != want[name])
    assert not differ, differ[:10]


def test_a_build_with_nothing_changed_takes_the_unit_pages_and_writes_a_fresh_builds_bytes(tmp_path, monkeypatch):
    """The main build's unit pages (macros/adapters/page_cache.py), as scripts/build.py builds
    (--dirty into a new folder): a second build with nothing changed converts and renders none
    of them, also not a second time for their offline package's line (the whole-site ZIP's cap
    made small, so that every unit has its package and its line), and every file of the site is
    the same, byte for byte, as a build from an empty cache; after one unit's data changed, no
    page is taken (the key holds every input) and the site is again a fresh build's."""
    from macros.offline import package

    whole = package.package
    monkeypatch.setattr(package, "package", lambda *a, **k: whole(*a, **{**k, "cap": 50_000}))
    project = copy_project(tmp_path / "p")
    cache = tmp_path / "cache"
    env = dict(KONTUM_CACHE_DIR=str(cache), KONTUM_PDF="0", SOURCE_DATE_EPOCH=EPOCH, KONTUM_VERBOSE="1")
    taken = re.compile(r"lấy lại (\d+)/(\d+) trang đơn vị")
    for name in ("a", "b"):
        result = mkdocs_build_here(project, tmp_path / name, dirty=True, **env)
        assert result.returncode == 0, result.stderr[-2000:]
    said = taken.search(result.stderr)
    assert said and said.group(1) == said.group(2) != "0", result.stderr[-3000:]
    assert "gói theo đơn vị" in result.stderr  # the packages' lines were shown on the unit pages
    fresh = mkdocs_build_here(project, tmp_path / "f", **{**env, "KONTUM_CACHE_DIR": str(tmp_path / "empty")})
    assert fresh.returncode == 0, fresh.stderr[-2000:]
    _same_bytes(tmp_path / "b", tmp_path / "f")

    units = project / "data" / "ke-hoach-2023" / "don-vi.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("ten_khac: [Kon Plong]", "ten_khac: [Kon Plong, Măng Đen]"), encoding="utf-8")
    changed = mkdocs_build_here(project, tmp_path / "c", dirty=True, **env)
    assert changed.returncode == 0, changed.stderr[-2000:]
    assert taken.search(changed.stderr).group(1) == "0"
    fresh = mkdocs_build_here(project, tmp_path / "g", **{**env, "KONTUM_CACHE_DIR": str(tmp_path / "empty2")})
    assert fresh.returncode == 0, fresh.stderr[-2000:]
    _same_bytes(tmp_path / "c", tmp_path / "g")
