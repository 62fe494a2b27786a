"""Issue 24: the file:// copy (the site again without directory URLs, that the offline ZIP is
made from) builds again only the unit pages whose page in the main build changed; the others, and
their search entries, come from the copies before (macros/offline/copycache.PageStore). One
unit's other name changed: that unit's page is built (and the pages in the nav), and the ZIP is the same, byte for byte, as
the ZIP of a build from an empty cache. HTML builds (KONTUM_PDF=0): the PDFs are not the
copy's (it takes the main build's).

One run of builds for both tests (issue 22: six builds, eight before): the main build's unit
pages (scripts/build.py's way, with the ZIP's cap made small) built, built again with nothing
changed, then with one unit changed, each compared with a build from an empty cache; then that
unit changed back at a later commit, without the cap, which takes the copy those builds left."""

import re

import pytest

from tests.sitebuild import copy_project, mkdocs_build_here

EPOCH = "1764547200"
LATER = "1764558000"  # a later commit the same day: the date of the build changes, not the day
ZIP = "tai-ve"
TAKEN = re.compile(r"lấy lại (\d+)/(\d+) trang đơn vị")


def _zips(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / ZIP).rglob("*.zip")}


def _files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _same_bytes(site, fresh):
    got, want = _files(site), _files(fresh)
    assert got.keys() == want.keys(), sorted(got.keys() ^ want.keys())[:10]
    differ = sorted(name for name in want if got[name] != want[name])
    assert not differ, differ[:10]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The builds, in order, into <folder>/<name> (their results by name):
    a, b: the data as committed, --dirty as scripts/build.py builds (into a new folder), the
      whole-site ZIP's cap made small (every unit has its package and its line), one cache;
      a is from the empty cache: the build b is compared with, byte for byte;
    c: one unit's other name changed, the same way and cache; g: c's data from an empty cache;
    d: that name changed back, a later commit the same day, a build as `mkdocs build` (not
      --dirty), the whole-site ZIP (no cap), the cache c left; h: d's from an empty cache."""
    from macros.offline import package

    tmp_path = tmp_path_factory.mktemp("copy-pages")
    project = copy_project(tmp_path / "p")
    cache = tmp_path / "cache"
    env = dict(KONTUM_CACHE_DIR=str(cache), KONTUM_PDF="0", SOURCE_DATE_EPOCH=EPOCH, KONTUM_VERBOSE="1")
    units = project / "data" / "ke-hoach-2023" / "don-vi.yaml"
    text = units.read_text(encoding="utf-8")
    assert "ten_khac: [Kon Plong]" in text
    results = {"units": text.count("\n  - ma: "), "folder": tmp_path}

    def build(name, **kwargs):
        results[name] = mkdocs_build_here(project, tmp_path / name, **kwargs)
        assert results[name].returncode == 0, results[name].stderr[-2000:]

    whole = package.package
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(package, "package", lambda *a, **k: whole(*a, **{**k, "cap": 50_000}))
        for name in ("a", "b"):
            build(name, dirty=True, **env)
        units.write_text(text.replace("ten_khac: [Kon Plong]", "ten_khac: [Kon Plong, Măng Đen]"), encoding="utf-8")
        build("c", dirty=True, **env)
        build("g", **{**env, "KONTUM_CACHE_DIR": str(tmp_path / "empty")})
    units.write_text(text, encoding="utf-8")
    build("d", **{**env, "SOURCE_DATE_EPOCH": LATER})
    build("h", **{**env, "SOURCE_DATE_EPOCH": LATER, "KONTUM_CACHE_DIR": str(tmp_path / "empty2")})
    return results


def test_one_unit_changed_builds_only_the_copy_pages_that_changed(builds):
    tmp_path, again = builds["folder"], builds["d"]
    said = re.search(r"bản sao file:// tạo trong [\d.]+ s, dựng lại (\d+)/(\d+) trang, lấy lại (\d+)",
                     again.stderr + again.stdout)
    assert said, (again.stderr + again.stdout)[-3000:]
    built, pages, reused = (int(n) for n in said.groups())
    # every unit page but the changed one taken; the pages in the nav are always built
    assert built + reused == pages and reused == builds["units"] - 1, said.group(0)
    reused, whole = _zips(tmp_path / "d"), _zips(tmp_path / "h")
    assert reused and reused.keys() == whole.keys()
    for name in whole:
        assert reused[name] == whole[name], name


def test_a_build_with_nothing_changed_takes_the_unit_pages_and_writes_a_fresh_builds_bytes(builds):
    """The main build's unit pages (macros/adapters/page_cache.py), as scripts/build.py builds
    (--dirty into a new folder): a second build with nothing changed converts and renders none
    of them, also not a second time for their offline package's line (the whole-site ZIP's cap
    made small, so that every unit has its package and its line), and every file of the site is
    the same, byte for byte, as the build from an empty cache before it (that such a build, as
    scripts/build.py builds, is the same as `mkdocs build`: tests/test_safe_build.py,
    test_two_builds_of_one_commit_are_byte_identical); after one unit's data changed, no
    page is taken (the key holds every input) and the site is again a fresh build's."""
    tmp_path, result, changed = builds["folder"], builds["b"], builds["c"]
    assert TAKEN.search(builds["a"].stderr).group(1) == "0"  # a: from the empty cache
    said = TAKEN.search(result.stderr)
    assert said and said.group(1) == said.group(2) != "0", result.stderr[-3000:]
    assert "gói theo đơn vị" in result.stderr  # the packages' lines were shown on the unit pages
    assert any("goi-don-vi" in name for name in _zips(tmp_path / "b"))
    _same_bytes(tmp_path / "b", tmp_path / "a")
    assert TAKEN.search(changed.stderr).group(1) == "0"
    _same_bytes(tmp_path / "c", tmp_path / "g")
