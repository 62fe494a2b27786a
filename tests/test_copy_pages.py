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
