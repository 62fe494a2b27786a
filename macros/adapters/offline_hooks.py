"""MkDocs side of offline reading (issue 14); macros/offline/ does the work.

The main build (use_directory_urls: true) builds, once, the same project a
second time with use_directory_urls: false into a temporary folder (the
file:// copy, PDFs reused from the main build), zips it into the site, then
writes the manifest, the icons and the service worker. The copy's own
post-build only makes its search work from file:// (macros/offline/filemode.py).
"""

import contextlib
import json
import logging
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import load_config
from mkdocs.structure.files import InclusionLevel

from macros import outputs
from macros.adapters import build_state, logs, page_cache
from macros.exports.downloads import download_paths
from macros.offline import archive, copycache, filemode, manifest, package, units

log = logging.getLogger("mkdocs.plugins.kontum-offline")
COPY_MARK = "_ban_sao_file"  # extra: set on the file:// copy's config
THEME_COLOR = "#b71c1c"      # Front red, the header's colour (docs/assets/site.css)


def is_file_copy(config) -> bool:
    """True while building the file:// copy inside the main build."""
    return bool(config.extra.get(COPY_MARK))


def search_langs(config) -> list[str]:
    """The search plugin's languages (lunr's language scripts the worker needs)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    lang = search.config.lang if search else None
    return list(lang or ["en"]) if not isinstance(lang, str) else [lang]


def _build_copy(config, dest: Path) -> tuple[bool, str]:
    """The same project, use_directory_urls: false, into `dest`. Its warnings
    still show (and fail a --strict build); its INFO lines would only repeat ours
    (a filter on MkDocs' console for the copy's time; no logger's level is changed).
    Plugins with on_startup are the same objects in both builds (MkDocs keeps them
    per process): the kontum plugin counts the nesting and keeps the outer run's settings.
    (True, "") when taken whole from an earlier build's (macros/offline/copycache.py, issue 24);
    else (False, how many of its pages were built again)."""
    state = build_state.of(config)
    folder = state.settings.cache_root(state.root) / copycache.FOLDER
    settings = state.settings
    env = {"SITE_URL": config.site_url or "", "EDIT_URI": config.edit_uri or "",
           "SOURCE_DATE_EPOCH": "" if settings.source_date_epoch is None else str(settings.source_date_epoch),
           "KONTUM_PDF": settings.pdf, "KONTUM_OFFLINE": str(settings.offline), "KONTUM_SERVE": str(settings.serving),
           "CI": str(settings.pdf_required)}
    entry = copycache.key(Path(config.site_dir), state.root, env)
    if copycache.restore(folder, entry, dest):
        return True, ""
    # Else the pages whose page in the main build is unchanged are taken from earlier copies.
    reuse = _page_reuse(config, state.settings.cache_root(state.root), env)
    _build_copy_pages(config, dest, reuse)
    copycache.store(folder, entry, dest)
    # Also in a cache shared by several builds (KONTUM_CACHE_DIR, CI): the key holds the date,
    # so every commit would add an entry (issue 24); the most recent ones are kept.
    copycache.prune(folder)
    return False, reuse.said() if reuse is not None else ""


@dataclass
class PageReuse:
    """The copy's pages taken from earlier copies (copycache.PageStore): the main build's
    page of each source (`main`: src_uri -> its file), the key of each page and, for those
    taken, their search entries. On the copy's config while it builds (COPY_REUSE)."""
    store: copycache.PageStore
    common: str
    main: dict[str, Path]
    keys: dict[str, str] = field(default_factory=dict)
    reused: dict[str, list] = field(default_factory=dict)
    pages: int = 0  # the copy's pages, once built

    def said(self) -> str:
        """For the build's log: how many of the copy's pages were built, how many taken."""
        return f"dựng lại {self.pages - len(self.reused)}/{self.pages} trang, lấy lại {len(self.reused)}"


COPY_REUSE = "_kontum_copy_reuse"


def _page_reuse(config, cache_root: Path, env: dict) -> PageReuse | None:
    state = build_state.of(config)
    if state.files is None:
        return None
    pages = state.files.documentation_pages()
    where = [f"{f.src_uri}\0{f.dest_uri}\0{outputs.page_url(f.src_uri, dir_urls=False)}" for f in pages]
    return PageReuse(copycache.PageStore(cache_root), copycache.common_key(state.root, env, where),
                     {f.src_uri: Path(f.abs_dest_path) for f in pages})


def reuse_copy_pages(files, config, state) -> None:
    """The file:// copy's on_files: each page outside the nav (the unit pages) whose page in
    the main build is what an earlier copy was made from (PageReuse) is written from the
    store and marked not modified, so MkDocs neither converts nor renders it (the copy is
    built with dirty=True; issue 24)."""
    reuse = getattr(config, COPY_REUSE, None)
    if reuse is None:
        return
    by_name = state.catalog.search_by_name
    in_nav = set(page_cache.nav_paths(config.nav))
    for file in files.documentation_pages():
        if file.src_uri in in_nav:
            # A page in the nav is built: a page not built has no title but its nav's (none for a
            # section's index page), and its neighbours' links and the sidebar show titles.
            continue
        main = reuse.main.get(file.src_uri)
        if main is None or not main.is_file():
            continue
        entry = copycache.page_key(reuse.common, file.src_uri, main.read_bytes(), repr(by_name.get(file.src_uri)))
        reuse.keys[file.src_uri] = entry
        kept = reuse.store.get(entry)
        if kept is None:
            continue
        dest = Path(file.abs_dest_path)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(kept[0])
        file.is_modified = lambda: False
        reuse.reused[file.src_uri] = kept[1]



def _index_with_reused(config, reuse: PageReuse, files) -> None:
    """The copy's search index: the entries of the pages built now (as the search plugin and
    rewrite_index wrote them) and those of the pages taken from the store, in page order as a
    full build writes them; the pages built now are kept for the next copy."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    pages = files.documentation_pages()
    src_of = {f.url: f.src_uri for f in pages}
    built: dict[str, list] = {}
    other = []
    for doc in data.get("docs", []):
        src = src_of.get(doc.get("location", "").split("#")[0])
        (built.setdefault(src, []) if src is not None else other).append(doc)
    docs = []
    for f in pages:
        docs += reuse.reused[f.src_uri] if f.src_uri in reuse.reused else built.get(f.src_uri, [])
    data["docs"] = docs + other
    if reuse.reused:
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if not other:  # every entry belongs to a page: each page can be taken again with its own
        for f in pages:
            if f.src_uri not in reuse.reused and f.src_uri in reuse.keys:
                reuse.store.put(reuse.keys[f.src_uri], Path(f.abs_dest_path).read_bytes(), built.get(f.src_uri, []))
    reuse.store.prune()
    reuse.pages = len(pages)


class NoDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may link wrongly: true of an old site folder, not of
    the copy, whose folder is new and whose pages not built are the ones made from the same
    main pages before. Only that warning (a --strict build would count it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _build_copy_pages(config, dest: Path, reuse: PageReuse | None = None) -> None:
    copy = load_config(config.config_file_path, site_dir=str(dest), use_directory_urls=False,
                       strict=config.strict, extra={**config.extra, COPY_MARK: True})
    build_state.share_website(copy, build_state.of(config).website)  # data/ read once
    setattr(copy, COPY_REUSE, reuse)
    quiet = NoDirtyWarning()
    mkdocs_log = logging.getLogger("mkdocs.commands.build")
    mkdocs_log.addFilter(quiet)
    with logs.warnings_only():
        copy.plugins.on_startup(command="build", dirty=False)
        try:
            build(copy, dirty=reuse is not None)
        finally:
            copy.plugins.on_shutdown()
            mkdocs_log.removeFilter(quiet)


def writes_offline_files(config) -> bool:
    """This build writes the manifest, the service worker and the ZIP: the main build,
    not under serve (a fast edit loop, no service worker caching drafts), nor with
    offline: false (KONTUM_OFFLINE=0; HTML-only builds: scripts/bench_scale.py)."""
    settings = build_state.of(config).settings
    return config.use_directory_urls and not settings.serving and settings.offline


UNIT_LINES = "unit_offline_lines"  # the theme's global: built unit page -> its offline line (overrides/main.html)


def show_packages(config, packages: package.Packages) -> None:
    """The pages that offer the offline packages, rendered again through MkDocs (the same
    theme, context and plugins' events as the first time) now that their sizes are known:
    the home page with its ZIP line (overrides/main.html `offline_line`) and, when the
    site was split into per-unit packages, each unit page with its line (UNIT_LINES, put
    by the same template). Only the template is rendered again: the lines are the theme's,
    not the page's Markdown, which was converted once (issue 24). No finished page is edited."""
    state = build_state.of(config)
    state.offline_packages = packages
    env, nav, files = state.theme_env, state.nav, state.files
    env.globals["offline_line"] = package.zip_line(packages)
    lines = {}
    for dest, group in state.unit_groups.items() if packages.units else ():
        line = package.unit_line(packages, group)
        if line:
            lines[dest] = line
    env.globals[UNIT_LINES] = lines
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    home = next((f.page for f in doc_files if f.page is not None and f.page.is_homepage), None)
    pages = [home] if home is not None else []
    pages += [f.page for f in doc_files if f.dest_uri in lines and f.page is not None]
    def build(page, populate: bool) -> None:
        if populate:  # a page taken whole from an earlier build (page_cache): not converted in this one
            _populate_page(page, config, files)
        _build_page(page, config, doc_files, nav, env)

    with _index_written(config):
        for page in pages:  # the lines the page shows are what its second rendering adds
            page_cache.show(state.page_cache, page, (env.globals["offline_line"], lines.get(page.file.dest_uri)), build)


@contextlib.contextmanager
def _index_written(config):
    """While pages are rendered again after the search plugin wrote its index (its
    on_post_build runs before ours: it is listed first), its on_page_context would only
    add entries to an index already on disk (1,000 unit pages: ~2 s for nothing): off
    for that time, on again after. Nothing is changed when the index is not written yet."""
    plugins = getattr(config, "plugins", None)
    if plugins is None:  # not a MkDocs config (a test's stand-in): nothing to turn off
        yield
        return
    search = plugins.get("material/search") or plugins.get("search")
    events = plugins.events["page_context"]
    hook = getattr(search, "on_page_context", None)
    written = (Path(config.site_dir) / "search" / "search_index.json").is_file()
    at = next((i for i, m in enumerate(events) if m == hook), None) if written and hook is not None else None
    if at is not None:
        events.pop(at)
    try:
        yield
    finally:
        if at is not None:
            events.insert(at, hook)


def zip_path(config) -> str:
    return outputs.offline_zip(config.site_name)


def post_build(config) -> None:
    site_dir = Path(config.site_dir)
    if not config.use_directory_urls:
        reuse = getattr(config, COPY_REUSE, None)
        if reuse is not None:
            _index_with_reused(config, reuse, build_state.of(config).files)
        filemode.write(site_dir, search_langs(config))
        return
    if not writes_offline_files(config):  # the pages link none of them
        return
    start = time.perf_counter()
    groups = [g for s in build_state.of(config).website.plans
              for g in units.unit_groups(s, build_state.of(config).catalog.outputs[s.key])]
    build_state.of(config).unit_groups = {g.page: g for g in groups}  # by the built page
    with tempfile.TemporaryDirectory(prefix="ban-sao-") as tmp:
        copy_dir = Path(tmp) / "site"
        reused, pages = _build_copy(config, copy_dir)
        copy_time = time.perf_counter() - start
        epoch = build_state.of(config).settings.source_date_epoch
        app = package.AppInfo(
            name=config.site_name,
            short_name=manifest.app_short_name(s.plan.van_ban.nam for s in build_state.of(config).website.plans),
            description=config.site_description or config.site_name,
            theme_color=THEME_COLOR,
        )
        state = build_state.of(config)
        zips = package.ZipCache(state.settings.cache_root(state.root) / package.ZIP_CACHE,
                                imports_kept=state.settings.user_cache_folder())
        report = package.package(
            site_dir, copy_dir, zip_rel=zip_path(config), langs=search_langs(config),
            app=app, date_time=archive.zip_date(epoch),
            unit_files=[g for s in build_state.of(config).website.plans
                        for g in units.unit_files(s, build_state.of(config).catalog.outputs[s.key])],
            main_files=[p for s in build_state.of(config).website.plans
                        for p in download_paths(s, documents=build_state.of(config).catalog.pdf_ok,
                                                made=build_state.of(config).catalog.outputs[s.key])],
            groups=groups, show=lambda packages: show_packages(config, packages), store=zips)
        # What this build did not use goes, also from a cache shared by several builds (KONTUM_CACHE_DIR,
        # CI): the keys hold the date, so every commit would add a site's worth of packages (issue 24).
        zips.prune()
    log.info(
        f"Bản ngoại tuyến / offline: ZIP {report.zip_path} {report.zip_size / 1e6:.2f} MB "
        f"({report.zip_files} tệp; bản sao file:// {'lấy từ bộ đệm' if reused else 'tạo'} trong {copy_time:.1f} s"
        + (f", {pages}" if pages else "")
        + (f"; quá giới hạn {package.ZIP_CAP / 1e6:.0f} MB nên không tạo, thay bằng gói chung "
           f"{report.shared_zip_size / 1e6:.2f} MB và {report.unit_zips} gói theo đơn vị, "
           f"lớn nhất {report.unit_zip_max / 1e6:.2f} MB, tổng {report.unit_zip_total / 1e6:.1f} MB"
           if report.unit_zips else "") + "); "
        f"bộ nhớ đệm service worker {report.cache_size / 1e6:.2f} MB ({report.cache_files} tệp"
        + (f"; lưu khi mở: {report.on_request_size / 1e6:.2f} MB, {report.on_request_files} tệp, "
           f"lưu sẵn {report.units[0]}/{report.units[1]} đơn vị" if report.on_request_files else "")
        + f"), phiên bản {report.version}; tổng {time.perf_counter() - start:.1f} s")
