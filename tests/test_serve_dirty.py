"""Issue 24, the edit loop: under `mkdocs serve --dirty` a save builds again only what
depends on it. In-process, on a copy of the real project: MkDocs' own build() called as
serve calls it (dirty=True, the kontum plugin started as under serve), then one data file
changed and build() called again; what each rebuild wrote is read from the files' times."""

import json
import os
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from macros.exports.downloads import download_bytes
from macros.loader import load_website
from macros.render.pages import Catalog
from tests.sitebuild import copy_project

SERVE_URL = "http://127.0.0.1:8000/"


class Serve:
    """One `mkdocs serve --dirty` process's builds, in this process."""

    def __init__(self, project: Path, site: Path):
        self.project, self.site = project, site
        self.config = self._config()
        self.config.plugins.on_startup(command="serve", dirty=True)
        self.plugin = self.config.plugins["kontum"]

    def _config(self):
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def rebuild(self) -> dict[str, int]:
        """Build (again, as serve does after a save); the site's files and their times after it."""
        config = self._config()
        build(config, serve_url=SERVE_URL, dirty=True)
        return self.times()

    def times(self) -> dict[str, int]:
        return {p.relative_to(self.site).as_posix(): p.stat().st_mtime_ns for p in self.site.rglob("*") if p.is_file()}

    def wait_for_downloads(self) -> None:
        maker = getattr(self.plugin.memory, "maker", None)  # (a save made them in the build before issue 24)
        if maker is not None:
            assert maker.wait(timeout=120) == 0

    def close(self):
        self.config.plugins.on_shutdown()


class ForkedMaker:
    """subprocess.Popen for serve's downloads maker (serve_hooks.remake_downloads: `python -m
    macros.adapters.serve_hooks`, its job as JSON on stdin) where no test reads what it makes
    but the saves after it build on it: this process forked, the job read from the pipe and made
    as the module's __main__ makes it (serve_hooks._make_downloads; an error: one line, exit 1),
    without a new Python importing macros/ (~0.75 CPU-s a save, four saves: issue 22). The save
    whose downloads are read (units_changed) is made by the real command."""

    def __init__(self, args, cwd=None, stdin=None, start_new_session=False):
        import signal
        import traceback

        from macros.adapters import serve_hooks

        assert args == [sys.executable, "-m", "macros.adapters.serve_hooks"] and stdin == subprocess.PIPE, args
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never back into pytest
            code = 1
            try:
                os.close(write)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                if start_new_session:
                    os.setsid()
                os.chdir(cwd)
                with os.fdopen(read, encoding="utf-8") as job:
                    text = job.read()
                try:
                    serve_hooks._make_downloads(json.loads(text))
                    code = 0
                except Exception as exc:  # noqa: BLE001 — as the module's __main__
                    sys.stderr.write(f"Xem thử: chưa tạo lại được tệp tải về ({type(exc).__name__}: {exc})\n")
            except BaseException:  # noqa: BLE001
                traceback.print_exc()
            finally:
                os._exit(code)
        os.close(read)
        self.stdin = os.fdopen(write, "wb")
        self.returncode = None

    def poll(self):
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            import select

            with os.fdopen(os.pidfd_open(self.pid), "rb", buffering=0) as ended:  # readable once it ended
                if not select.select([ended], [], [], timeout)[0]:
                    raise subprocess.TimeoutExpired(["serve_hooks maker"], timeout)
            self.poll()
        return self.returncode

    def kill(self):
        if self.returncode is None:
            os.kill(self.pid, 9)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    base = tmp_path_factory.mktemp("dirty")
    project = copy_project(base / "project")
    env = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith("KONTUM_")}
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    # Serve's plugin objects of their own: MkDocs keeps one object per plugin and process (its
    # plugin cache), and the objects as this dirty serve left them made the next file's builds in
    # this worker differ (tests/test_copy_pages.py after this file: no page of the copy stored).
    cache, MkDocsConfig.plugins.plugin_cache = MkDocsConfig.plugins.plugin_cache, {}
    serve = Serve(project, base / "site")
    patch = pytest.MonkeyPatch()
    from macros.adapters import serve_hooks

    patch.setattr(serve_hooks, "subprocess", types.SimpleNamespace(Popen=ForkedMaker, PIPE=subprocess.PIPE))
    try:
        serve.first = serve.rebuild()
        serve.wait_for_downloads()
        # the unit list as this build from nothing made it of the data as committed (the
        # page a fresh serve makes of it: test_the_unit_list_converts_the_changed_row_only...)
        serve.first_unit_list = (serve.site / "don-vi" / "index.html").read_text(encoding="utf-8")
        yield serve
    finally:
        patch.undo()
        serve.close()
        os.environ.update(env)
        MkDocsConfig.plugins.plugin_cache = cache


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {p for p, t in after.items() if before.get(p) != t}


def html_of(src_uri: str) -> str:
    return "index.html" if src_uri == "index.md" else src_uri.removesuffix(".md").removesuffix("index").rstrip("/") + "/index.html"


def test_a_change_no_download_is_made_from_remakes_no_download(served):
    """A handbook chapter feeds its pages only: no spreadsheet or calendar is made again
    (before: every save made every download again, 25 s at 3,321 units)."""
    chapter = served.project / "data" / "ke-hoach-2023" / "so-tay" / "mo-hinh-hay.yaml"
    good = chapter.read_text(encoding="utf-8")
    before = served.times()
    time.sleep(0.01)
    try:
        chapter.write_text(good.replace("đặt câu hỏi.", "đặt câu hỏi, góp ý.", 1), encoding="utf-8")
        served.rebuild()
        served.wait_for_downloads()
        after = served.times()
        downloads = {p for p in after if p.startswith("tai-ve/")}
        assert downloads and not changed(before, after) & downloads
        page = served.site / "so-tay" / "mo-hinh-hay" / "index.html"
        assert "so-tay/mo-hinh-hay/index.html" in changed(before, after) and "góp ý" in page.read_text(encoding="utf-8")
    finally:
        chapter.write_text(good, encoding="utf-8")
        served.rebuild()
        served.wait_for_downloads()


def test_a_template_change_renders_every_unit_page_again(served, monkeypatch):
    """Unit pages are taken from the last build only while the templates are the same: an edited
    template (Jinja reads it again under serve) renders every unit page again."""
    from macros.adapters import serve_hooks

    units = served.project / "data" / "ke-hoach-2023" / "don-vi.yaml"
    good = units.read_text(encoding="utf-8")
    monkeypatch.setattr(serve_hooks, "templates_stamp", lambda: "một mẫu trang đã sửa")
    try:
        units.write_text(good.replace("ten_chinh_thuc: Huyện Đắk Glei", "ten_chinh_thuc: Huyện Đắk Glei Sửa Mẫu", 1),
                         encoding="utf-8")
        served.rebuild()
        assert served.plugin.memory.catalog.reused_units == 0
    finally:
        monkeypatch.undo()
        units.write_text(good, encoding="utf-8")
        served.rebuild()
        served.wait_for_downloads()


def test_the_unit_list_converts_the_changed_row_only_and_is_the_page_a_whole_build_makes(served, tmp_path):
    """Issue 24: the unit list's rows are kept as last finished (macros/adapters/row_cache.py); a save
    that changes one unit's names converts that row only, and the page is byte for byte what a
    build from nothing (the same serve settings, nothing kept) makes of the new data. Twice: the
    name changed, then changed back (the row kept is the changed one); the page a build from
    nothing makes of the data changed back is the served fixture's first build's (before, a
    second new name and a third whole build: one build and one whole build less, issue 22)."""
    units = served.project / "data" / "ke-hoach-2023" / "don-vi.yaml"
    good = units.read_text(encoding="utf-8")
    page = "don-vi/index.html"
    new = "Huyện Đắk Glei Hàng Mới"
    try:
        units.write_text(good.replace("ten_chinh_thuc: Huyện Đắk Glei", f"ten_chinh_thuc: {new}", 1), encoding="utf-8")
        served.rebuild()
        table = served.plugin.memory.tables["don-vi.md"]
        assert table.converted == 1, table.converted
        # a serve process of its own: MkDocs keeps one plugin object per process (its plugin cache),
        # which would carry this one's memory into the "fresh" build
        cache = MkDocsConfig.plugins.plugin_cache
        MkDocsConfig.plugins.plugin_cache = {}
        try:
            fresh = Serve(served.project, tmp_path / "site")
            assert fresh.plugin is not served.plugin
            try:
                fresh.rebuild()
                fresh.wait_for_downloads()
            finally:
                fresh.close()
        finally:
            MkDocsConfig.plugins.plugin_cache = cache
        assert (served.site / page).read_text(encoding="utf-8") == (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert fold_words(new) in (served.site / page).read_text(encoding="utf-8")
    finally:
        units.write_text(good, encoding="utf-8")
        served.rebuild()
        served.wait_for_downloads()
    table = served.plugin.memory.tables["don-vi.md"]
    assert table.converted == 1, table.converted  # the row changed back, only
    assert (served.site / page).read_text(encoding="utf-8") == served.first_unit_list
    assert fold_words(new) not in served.first_unit_list


def fold_words(name: str) -> str:
    from macros.text import fold

    return fold(name)


class UnitsChanged:
    """One save of don-vi.yaml (a unit's official name changed) and serve's rebuild, read by
    the two tests after it: the site's files before the save, after the rebuild returned and
    after the downloads were made again (before, one such save and its undoing in each test:
    two rebuilds and two downloads less, issue 22)."""


@pytest.fixture(scope="module")
def units_changed(served):
    """After the tests that change other files (they restore theirs): the data stays changed
    until the module ends, where nothing is built again."""
    units = served.project / "data" / "ke-hoach-2023" / "don-vi.yaml"
    good = units.read_text(encoding="utf-8")
    flags = served.plugin.memory.catalog.dir_urls, served.plugin.memory.catalog.pdf_ok  # serve's: no documents
    seen = UnitsChanged()
    seen.flags = flags
    seen.old_catalog = Catalog(load_website(served.project), *flags)
    seen.before = served.times()
    seen.index_before = json.loads((served.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    time.sleep(0.01)
    from macros.adapters import serve_hooks

    try:
        units.write_text(good.replace("ten_chinh_thuc: Huyện Đắk Glei", "ten_chinh_thuc: Huyện Đắk Glei Sửa Thử", 1),
                         encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:  # the downloads read below: made by the real command
            patch.setattr(serve_hooks, "subprocess", subprocess)
            seen.rebuilt = served.rebuild()
        assert isinstance(served.plugin.memory.maker, subprocess.Popen)
        seen.kept = served.plugin.memory.catalog
        seen.reused = seen.kept.reused_units
        served.wait_for_downloads()
        seen.made = served.times()
        yield seen
    finally:
        units.write_text(good, encoding="utf-8")


def test_one_units_change_builds_its_page_and_the_pages_that_list_it_only(served, units_changed):
    """One unit's official name changed: its page and the pages whose content shows it are
    written again, no other page; search keeps every page's entries."""
    seen = units_changed
    old_catalog, before, after, index_before = seen.old_catalog, seen.before, seen.rebuilt, seen.index_before
    new_catalog = Catalog(load_website(served.project), *seen.flags)
    # What shows the change: the generated pages whose Markdown differs (the unit's page, the
    # unit list, ...), and the hand-written pages (their macros may show any data).
    expected = {html_of(p) for p, page in new_catalog.pages.items() if old_catalog.pages[p].markdown != page.markdown}
    hand_written = {html_of(p.relative_to(served.project / "docs").as_posix())
                    for p in (served.project / "docs").rglob("*.md")} | {"404.html"}  # + the theme's
    assert "don-vi/huyen-dak-glei/index.html" in expected and "don-vi/index.html" in expected
    # The pages of units that did not change are taken from the last build's Catalog: the
    # same Markdown as rendering every page again.
    kept = seen.kept
    assert seen.reused == len(kept.website.plans[0].units) - 1  # every unit's page but the changed one
    assert {p: g.markdown for p, g in kept.pages.items()} == {p: g.markdown for p, g in new_catalog.pages.items()}
    written = {p for p in changed(before, after) if p.endswith(".html")}
    assert expected <= written
    assert written - expected <= hand_written, sorted(written - expected - hand_written)
    assert "don-vi/huyen-sa-thay/index.html" not in written  # another unit's page: untouched
    assert "Sửa Thử" in (served.site / "don-vi/huyen-dak-glei/index.html").read_text(encoding="utf-8")
    index_after = json.loads((served.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert len(index_after) == len(index_before)


def test_a_units_change_remakes_the_downloads_made_from_its_file_beside_the_build(served, units_changed):
    """don-vi.yaml changed: the downloads made from it are removed before the rebuild
    returns (never a stale one served) and made again by a child process from the new data."""
    before, after = units_changed.before, units_changed.made
    website = load_website(served.project)
    made = download_bytes(website.plans[0], documents=False)
    # every download declares don-vi.yaml: each is as the new data makes it; the plan's own
    # made again, and of the units' calendars only the changed unit's (issue 24: at 3,321 units
    # every calendar was removed and made again, 9 s of removing files before the page showed)
    assert all((served.site / p).read_bytes() == content for p, content in made.items())
    others = {p for p in made if "/lich/" in p and not p.endswith("-dak-glei.ics")}  # units' calendars
    assert len(others) == len([p for p in made if "/lich/" in p]) - 1, sorted(made)
    assert set(made) - others <= changed(before, after)
    assert not others & changed(before, after)
