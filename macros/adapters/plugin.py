"""The kontum MkDocs plugin, the one place where the build meets the data: read and
check data/ before anything is built, set the site name and the nav from it, add the
pages generated from data, point each page's edit link at its data, add the
abbreviation tooltips and the "Tải PDF" links, write the PDFs; the page weight
(issue 13): one site stylesheet (site.css + print.css), versioned URLs, the
toolkit's stylesheet on its pages only, and .gz/.br copies of every text file
written last.

State (issue 22): what one build computes lives on its BuildState (build_state.py),
made in on_config and kept on that build's MkDocs config; what one `mkdocs serve`
process keeps between rebuilds (the last good data, the --dirty digests, compiled
templates) and the log filter live on this plugin object. No module under macros/
holds state (tests/test_module_state.py). Settings come from the plugin's config
(KontumConfig), whose defaults alone read the environment (KONTUM_PDF, …).

mkdocs.yml: plugins: [search, macros, kontum] — kontum last, so that it runs after
the search plugin (whose index on_post_build rewrites) and mkdocs-macros on every
event of equal priority, as the hooks did. Registered by pyproject.toml's
`mkdocs.plugins` entry point (scripts/setup.sh installs the project).
"""

import functools
import html
import json
import logging
import os
from pathlib import Path

import pathspec
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File

from macros import cache, compress, searchindex, searchworker, stylesheets, templating
from macros.adapters import (build_state, logs, nav_cache, offline_hooks, page_cache, pdf_output, preview_hooks,
                             row_cache, serve_hooks, theme_files)
from macros.adapters.build_state import Settings
from macros.dates import format_date
from macros.exports.downloads import Stores, write_downloads
from macros.errors import DataErrors
from macros.guards import InternalError, internal_build_message, internal_message
from macros.gitdates import last_changed
from macros.render import links
from macros.render import notice
from macros.render.notice import footer_text
from macros.render.provenance import page_source, real_edit_base
from macros.render.tables import label_table_cells
from macros.text import slugify


log = logging.getLogger("mkdocs.plugins.kontum")
# Not under "mkdocs.": warnings about results data do not fail a --strict build.
results_log = logging.getLogger("kontum.results")
# Nor does an unchecked import (ke-hoach.yaml › nhap_tu_dong): its checklist is printed, the build passes.
draft_log = logging.getLogger("kontum.draft")


def _guarded(step: str):
    """The last guard of the plugin's events after on_config (which has its own): a bug
    becomes a short Vietnamese "lỗi nội bộ" that stops the build (MkDocs prints a
    PluginError without a traceback and exits 1; scripts/build.py keeps the last
    good site). The traceback is logged at debug level (-v, verbose: true)."""
    def wrap(hook):
        @functools.wraps(hook)
        def guarded(*args, **kwargs):
            try:
                return hook(*args, **kwargs)
            except MkDocsException:  # PluginError, and Abort of the file:// copy's own build
                raise
            except DataErrors as exc:  # the editor's mistake, found late: their message
                raise PluginError(str(exc)) from None
            except Exception as exc:  # noqa: BLE001 - the point of a last guard
                page = kwargs.get("page")  # MkDocs passes it by name
                where = f"{step} {page.file.src_uri}" if page is not None and page.file else step
                log.debug("Lỗi nội bộ khi %s", where, exc_info=True)
                raise PluginError(internal_build_message(where, exc)) from None
        return guarded
    return wrap


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _git_info_outside_a_checkout() -> dict:
    """What mkdocs-macros' get_git_info gives outside a git checkout (each command fails with 128)."""
    return {"status": False, "date": None, "short_commit": "", "commit": "", "tag": "", "short_tag": "",
            "author": "", "author_email": "", "committer": "", "committer_email": "", "date_ISO": "",
            "message": "", "raw": "", "root_dir": ""}


def _no_macros_git_info() -> None:
    """mkdocs-macros 1.5.0 gives every page a variable `git` (context.define_env -> get_git_info:
    12 `git` processes per build, again for the file:// copy) and has no setting to switch it off.
    No page, template or macro of ours reads it: it gets its value outside a checkout, without
    the processes (issue 24; tests/test_macros_git.py). The page dates are macros/gitdates.py's."""
    from mkdocs_macros import context

    context.get_git_info = _git_info_outside_a_checkout


# --- Settings: the plugin's config, each defaulting to an environment variable ---


class FromEnv(c.BaseConfigOption):
    """A setting whose default is the environment variable `variable`, read when MkDocs
    loads the config (each build, the file:// copy's too), through `read`; a value in
    mkdocs.yml wins. Checked by `option` either way."""

    def __init__(self, variable: str, option: c.BaseConfigOption, read=lambda raw: raw):
        self.variable, self.option, self.read = variable, option, read
        super().__init__()

    @property
    def default(self):
        return self.read(os.environ.get(self.variable, "").strip())

    @default.setter
    def default(self, _value) -> None:  # BaseConfigOption.__init__ sets None: the environment decides
        pass

    def run_validation(self, value):
        try:
            return self.option.validate(value)
        except c.ValidationError as error:
            raise c.ValidationError(f"giá trị {value!r} không dùng được (mkdocs.yml, hoặc biến môi trường "
                                    f"{self.variable} khi mkdocs.yml không ghi): {error}") from None


class KontumConfig(Config):
    # PDFs: "changed" makes those whose inputs changed (the rest from the cache), "all"
    # makes every one again, "0" none (HTML-only builds). KONTUM_PDF.
    pdf = FromEnv("KONTUM_PDF", c.Choice(("changed", "all", "0")), lambda v: v.lower() or "changed")
    # The offline ZIP, manifest and service worker (main build, not under serve). KONTUM_OFFLINE=0: none.
    offline = FromEnv("KONTUM_OFFLINE", c.Type(bool), lambda v: v != "0")
    # Build as the preview does (no PDFs, data errors on the pages) even outside `mkdocs serve`;
    # `mkdocs serve` is that anyway. KONTUM_SERVE=1 (scripts/serve.sh).
    serve = FromEnv("KONTUM_SERVE", c.Type(bool), lambda v: v == "1")
    # Every INFO line of MkDocs and its plugins, not only the summary. KONTUM_VERBOSE=1.
    verbose = FromEnv("KONTUM_VERBOSE", c.Type(bool), lambda v: v == "1")
    # The cache of made files (PDFs, Excel templates); given: may be shared by several builds
    # (each drops the PDFs, downloads and offline packages it did not use). Empty: <project>/.cache. KONTUM_CACHE_DIR.
    cache_dir = FromEnv("KONTUM_CACHE_DIR", c.Type(str))
    # The user's cache folder (brotli copies, preview images). Empty: ~/.cache. XDG_CACHE_HOME.
    user_cache_dir = FromEnv("XDG_CACHE_HOME", c.Type(str))
    # PDFs that cannot be made (no WeasyPrint) stop the build instead of a warning. CI=true.
    require_pdf = FromEnv("CI", c.Type(bool), lambda v: v == "true")
    # The date of every file of a reproducible build (seconds). SOURCE_DATE_EPOCH (scripts/build.py
    # sets HEAD's commit time).
    source_date_epoch = FromEnv("SOURCE_DATE_EPOCH", c.Optional(c.Type(int)),
                                lambda v: int(v) if v.isdigit() else None)


class KontumPlugin(BasePlugin[KontumConfig]):
    """Per-build state on each build's BuildState; per-process state (a serve's memory,
    the log filter) here. MkDocs keeps one object per process (it has on_startup), also
    for the file:// copy built inside a build: `_runs` counts the nesting, and only the
    outermost run sets the command and the log filter, and removes the filter."""

    def __init__(self):
        super().__init__()
        self._runs = 0
        self.command: str | None = None  # of this process (on_startup); None: built without the CLI
        self.dirty = False
        self.memory: serve_hooks.ServeMemory | None = None  # under serve: kept between rebuilds
        self._quiet = None  # (filter, handlers) on MkDocs' console while this run lasts
        self._fresh_dirty = None  # the filter of MkDocs' --dirty warning, for a build into a new folder

    # --- the run: `mkdocs build` once, `mkdocs serve` around all its rebuilds ---

    def on_startup(self, *, command, dirty):
        self._runs += 1
        if self._runs > 1:  # the file:// copy, built inside this run
            return
        self.command, self.dirty = command, dirty
        # under `mkdocs serve`: no PDFs, data errors shown on the pages, the last good data kept
        self.memory = serve_hooks.ServeMemory() if self.serving else None
        # warnings, errors and one summary line; -v or verbose: true (KONTUM_VERBOSE=1) for more
        self._quiet = logs.quiet(self.config.verbose)

    def on_shutdown(self):
        self._runs = max(self._runs - 1, 0)
        if self._runs:
            return
        if self._quiet is not None:  # nothing of this run stays on MkDocs' handler
            logs.remove(*self._quiet)
            self._quiet = None
        if self._fresh_dirty is not None:
            logging.getLogger("mkdocs.commands.build").removeFilter(self._fresh_dirty)
            self._fresh_dirty = None
        if self.memory is not None:
            serve_hooks.stop_making(self.memory)  # no child left writing into serve's folder
        self.memory = None

    @property
    def serving(self) -> bool:
        return self.command == "serve" or bool(self.config.serve)

    def settings(self) -> Settings:
        cfg = self.config
        return Settings(pdf=cfg.pdf, offline=cfg.offline, serving=self.serving,
                        dirty=self.serving and self.dirty and self.memory is not None,
                        cache_dir=Path(cfg.cache_dir) if cfg.cache_dir else None,
                        user_cache=Path(cfg.user_cache_dir) if cfg.user_cache_dir else None,
                        pdf_required=cfg.require_pdf, source_date_epoch=cfg.source_date_epoch)

    # --- one build ---

    @event_priority(100)  # before mkdocs-macros, whose macros read the build state
    def on_config(self, config):
        root = _root(config)
        settings = self.settings()
        _no_macros_git_info()  # before mkdocs-macros' on_config runs it
        # The page templates compiled once per user, not once per process (templating.CompiledTemplates);
        # not under serve, whose process compiles each once and keeps it (and may run code older than macros/).
        if not settings.serving:
            templating.keep_compiled(_compiled_templates(settings))
        if self.memory is not None:  # a new save: the last save's downloads are not made on
            serve_hooks.stop_making(self.memory)
        try:
            state = build_state.start(config, root, settings,
                                      previous=serve_hooks.previous_catalog(self.memory, settings.dirty),
                                      memo=self.memory.reads if self.memory is not None else None)
            if self.memory is not None:
                self.memory.website = state.website
                self.memory.catalog = state.catalog
        except Exception as exc:  # noqa: BLE001 - last guard: "lỗi nội bộ", never a traceback
            message = (str(exc) if isinstance(exc, (DataErrors, InternalError))
                       else internal_message("data/", exc))
            kept = serve_hooks.keep_last_good(self.memory, message,
                                              len(exc.errors) if isinstance(exc, DataErrors) else None)
            if kept is None:
                raise PluginError(message) from None
            # Under serve: the last good data, with the error on every page.
            last_good, message = kept
            state = build_state.attach(config, build_state.BuildState(
                root, last_good, data_error=message, dir_urls=config["use_directory_urls"], pdf_ok=False,
                settings=settings))
        theme_files.list_without_hidden(config.theme)  # before MkDocs lists the theme's files (~0.055 CPU-s each)
        if self._taking_pages(config) and self._fresh_dirty is None:
            # scripts/build.py builds with --dirty into a new, empty folder, so that MkDocs skips the pages
            # taken whole from an earlier build (page_cache): its warning about stale pages in an old folder
            # does not apply (and a --strict build would count it). A dirty build into a used folder keeps it.
            self._fresh_dirty = offline_hooks.NoDirtyWarning()
            logging.getLogger("mkdocs.commands.build").addFilter(self._fresh_dirty)
        if self._taking_pages(config):
            # Material's search keeps a --dirty build's index for the next build of the process (serve's
            # reload) and merges it into that build's: here the next is the file:// copy, whose index would
            # get the main site's entries. The pages' entries are put back by page_cache instead.
            search = config.plugins.get("material/search") or config.plugins.get("search")
            if search is not None and getattr(search, "is_dirty", False):
                search.is_dirty = False
        if not offline_hooks.is_file_copy(config):  # said once, not again by the file:// copy build
            for site in state.website.plans:
                for warning in site.results.warnings if site.results is not None else ():
                    results_log.warning("Lưu ý về số liệu kết quả: %s", warning)
                if site.draft:
                    draft_log.warning("Bản nhập chưa đối chiếu: %s", notice.draft_checklist(site))
        info = state.website.info
        # Plain words (the model refuses < > & " there): Material prints them raw and escaped.
        config["site_name"] = info.ten
        config["site_description"] = info.mo_ta
        # Who wrote what, from data: the compiler of the reference material, never the
        # issuing body as the author of the whole site (issue 11).
        config["site_author"] = info.tac_gia  # plain words: the compiler, not the issuing body
        # Footer of every page; the theme does not escape it.
        config["copyright"] = html.escape(footer_text(state.default_site), quote=False)
        config["nav"] = html_titles(state.catalog.nav)
        # Unit pages are reached from their list page, not from the sidebar (an entry
        # per unit on every page made the build quadratic); say so, so MkDocs does
        # not list them as pages missing from the nav.
        config["not_in_nav"] = pathspec.GitIgnoreSpec.from_lines(
            [f"/{site.prefix}{links.UNIT_DIR}/*.md" for site in state.website.plans])
        # Anchors keep Vietnamese readable: "Đăk Glei" -> #dak-glei, not #ak-glei.
        config["mdx_configs"].setdefault("toc", {})["slugify"] = slugify
        _check_search(config)
        return config

    @_guarded("chuẩn bị các trang")
    def on_files(self, files, config):
        state = build_state.of(config)
        state.files = files
        for page in state.catalog.pages.values():
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path} trùng với trang sinh từ dữ liệu ({page.data_file}): "
                                  "xóa tệp trong docs/ (nội dung trang lấy từ data/).")
            # JSON is valid YAML and quotes any title safely.
            # Material prints titles as HTML (nav, <title>, header, footer): escape data.
            meta = {"title": html.escape(page.title, quote=True), "render_macros": False, **page.meta}
            front = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
            files.append(File.generated(config, page.path, content=f"---\n{front}---\n\n{page.markdown}"))
        # Issue 13: MkDocs itself writes assets/site.css joined with print.css and results.css, before any
        # on_post_build (the service worker's list hashes the file as served).
        site_css = stylesheets.joined(_served(files, stylesheets.SITE), _served(files, stylesheets.PRINT),
                                      _served(files, stylesheets.RESULTS))
        files.remove(files.get_file_from_path(stylesheets.SITE))
        files.remove(files.get_file_from_path(stylesheets.RESULTS))  # served inside site.css only
        files.append(File.generated(config, stylesheets.SITE, content=site_css))
        _search_worker_in_one_file(files, config)
        # `serve --dirty` only (issue 24)
        skipped, pages = serve_hooks.skip_unchanged_pages(files, config, state, self.memory)
        if pages:
            log.info(f"Xem thử: dựng lại {pages - skipped} trang, giữ {skipped} trang không đổi")
        offline_hooks.reuse_copy_pages(files, config, state)  # the file:// copy only (issue 24)
        taken = page_cache.reuse(files, config, state, self._taking_pages(config), functools.partial(
            _card_image, config, state))  # scripts/build.py (mkdocs build --dirty into a new folder) only
        if taken is not None:
            log.info(f"Trang: {taken.said()}")
        return files

    def _taking_pages(self, config) -> bool:
        """MkDocs skips the pages page_cache marks not modified: `mkdocs build --dirty` (scripts/build.py)
        into a folder that is new or empty, so no page of an older site is left in it."""
        if not (self.dirty and self.command == "build") or offline_hooks.is_file_copy(config):
            return False
        site = Path(config.site_dir)
        return not site.exists() or not any(site.iterdir()) or self._fresh_dirty is not None

    # --- "Sửa trang này" and "Cập nhật lần cuối" (overrides/partials/source-file.html) ---

    @event_priority(50)  # before the search plugin's (priority 0, listed first): what it indexes
    @_guarded("dựng trang")
    def _search_view(self, context, page, config, nav):
        """The search indexes the page with its tables' cells and rows separated (searchindex.
        table_rows_for_search); the reader's page is given back first thing after (_page_context)."""
        view = searchindex.table_rows_for_search(page.content or "")
        if page.content and view != page.content:
            build_state.of(config).search_originals[page.file.src_uri] = page.content
            page.content = view
        return context

    @_guarded("dựng trang")
    def _page_context(self, context, page, config, nav):
        """Point the edit link at the file that holds the page's content (data/ for
        pages made from data) and date the page by the last commit to that data."""
        state = build_state.of(config)
        original = state.search_originals.pop(page.file.src_uri, None)
        if original is not None:  # the page as the reader gets it, the search having read its view
            page.content = original
        state.nav = nav  # the pages offering the offline packages are rendered again (offline_hooks)
        root = state.root
        docs_dir = Path(config.docs_dir).resolve().relative_to(root).as_posix()
        source = page_source(state.default_site, page.file.src_uri, page.file.content_string if
                             page.file.src_uri not in state.catalog.pages else "", state.catalog.pages, docs_dir)
        base = real_edit_base(config.edit_uri)  # None: no real repository configured, no link
        if not base:
            page.edit_url = None
        elif source.edit.endswith("/"):
            # A page made from a folder of files (the results): "new file" there on a
            # GitHub-style address, else the editor guide, which tells how.
            page.edit_url = (base.replace("/edit/", "/new/", 1) + source.edit if "/edit/" in base
                             else base + "CONTRIBUTING.md")
        else:
            page.edit_url = base + source.edit
        changed = last_changed(root, source.files, state.in_git, state.git_dates)
        if changed is not None:
            page.meta["cap_nhat"] = format_date(changed)
            page.meta["cap_nhat_iso"] = changed.isoformat()
            page.update_date = changed.isoformat()  # sitemap.xml <lastmod>: the data's date, not the build's
        # overrides/main.html links toolkit.css on the toolkit's pages only, of every plan.
        context["toolkit_page"] = stylesheets.is_toolkit_page(
            page.file.src_uri, [site.prefix for site in state.website.plans])
        # ... and the unit list's filter (with vi-fold.js) on the unit list pages only.
        context["units_list_page"] = page.file.src_uri in {site.prefix + links.UNITS for site in state.website.plans}
        # issue 23: link previews (overrides/main.html)
        preview_hooks.page_tags(context, page, config, state.settings,
                                state.site_name_of(page.file.src_uri, config.site_name),
                                _page_description(state, page.file.src_uri, config),
                                state.site_of(page.file.src_uri).qr_codes)  # its PDF's QR code, encoded once
        return context

    on_page_context = CombinedEvent(_search_view, _page_context)

    # --- On every page's HTML: abbreviation tooltips, then column names on table cells ---

    @_guarded("dựng trang")
    def on_page_content(self, html, page, config, files):
        # On the finished HTML, so raw-HTML blocks (plan header, forms) get tooltips too
        # (macros/render/abbreviations.py); then each Markdown table's cells get their
        # column name for the phone layout (macros/render/tables.py, issue 13).
        state = build_state.of(config)
        abbreviator = state.abbreviators[state.site_of(page.file.src_uri).key]
        html = label_table_cells(abbreviator.apply(html))
        pending = state.row_pending.get(page.file.src_uri)
        if pending is not None and self.memory is not None:  # `serve --dirty`: a long list's rows kept (issue 24)
            def whole(markdown: str) -> str:
                page.markdown = markdown
                page.render(config, files)
                return label_table_cells(abbreviator.apply(page.content))

            html = row_cache.after_content(html, page.file.src_uri, self.memory.tables, state.row_pending, whole)
            page.markdown = pending.markdown  # the page's own Markdown, not the rows given to Markdown
        return html

    # --- Print and PDF: "Tải PDF" links, PDFs written after the build ------------

    @_guarded("dựng trang")
    def on_page_markdown(self, markdown, page, config, files):
        state = build_state.of(config)
        markdown = pdf_output.add_download_link(markdown, page, state)
        if state.settings.dirty and self.memory is not None and state.data_error is None:
            # a long list: only its rows not converted before go to Markdown (row_cache, issue 24)
            markdown = row_cache.markdown_to_convert(
                markdown, page.file.src_uri, (config.use_directory_urls, self.memory.whole),
                self.memory.tables, state.row_pending)
        return markdown

    @_guarded("dựng trang")
    def on_post_page(self, output, page, config):
        state = build_state.of(config)
        pdf_output.remember_page(output, page, config, state)
        return output

    @_guarded("chuẩn bị giao diện")
    def on_env(self, env, config, files):
        if self.memory is not None and build_state.of(config).settings.serving:
            env.bytecode_cache = self.memory.templates  # serve only: a faster edit loop
        else:  # the theme's templates compiled once, not once per build (~0.3 CPU-s a build)
            env.bytecode_cache = templating.CompiledTemplates(
                _compiled_templates(build_state.of(config).settings), env)
        # The sidebar nav rendered once for all pages outside it (the unit pages), overrides/base.html.
        env.globals["same_nav"] = nav_cache.make_same_nav()
        # Under serve with bad data: the error on top of every page (overrides/partials/data-error.html).
        env.globals["data_error"] = build_state.of(config).data_error
        # overrides/main.html adds ?v=<content hash of the search scripts as served> to their URLs.
        env.globals["vi_search_version"] = searchindex.content_version(
            b"\0".join(_served(files, name, "overrides/").encode("utf-8") for name in SEARCH_SCRIPTS))
        env.globals["unit_filter_version"] = searchindex.content_version(
            _served(files, UNIT_FILTER, "overrides/").encode("utf-8"))
        env.globals["vi_zip"] = offline_hooks.zip_path(config)  # issue 14: the home page's ZIP link
        env.globals[offline_hooks.UNIT_LINES] = {}  # above the ZIP's cap, once the packages are made
        # issue 20: the notice on every page, from one place (overrides/main.html).
        state = build_state.of(config)
        # Its abbreviations get their tooltips like the page's own text (glossary).
        env.globals["site_notice"] = lambda src_uri: Markup(state.abbreviators[state.site_of(src_uri).key].apply(
            notice.site_notice_html(state.website.plans, state.catalog.plan_of_page.get(src_uri), src_uri)))
        # The footer names the page's own plan (overrides/partials/copyright.html escapes it); `copyright`
        # is the fallback.
        env.globals["site_footer"] = lambda src_uri: notice.page_footer_text(
            state.website.plans, state.catalog.plan_of_page.get(src_uri))
        # <title> names the page's own plan on a website of several (overrides/base.html).
        env.globals["page_site_name"] = lambda src_uri: state.site_name_of(src_uri, config.site_name)
        # ... and <meta name="description"> describes it (overrides/base.html escapes it).
        env.globals["page_description"] = lambda src_uri: _page_description(state, src_uri, config)
        # Manifest, service worker and ZIP exist only in builds that write them (not serve, not offline: false):
        # no page links or registers a file that would 404.
        env.globals["offline_files"] = offline_hooks.writes_offline_files(config)
        state.theme_env = env  # offline_hooks.show_packages renders pages with it again
        # overrides/main.html links the stylesheets with these (?v=).
        env.globals["site_css_version"] = stylesheets.version(_served(files, stylesheets.SITE))
        env.globals["toolkit_css_version"] = stylesheets.version(_served(files, stylesheets.TOOLKIT))
        return env

    @_guarded("hoàn tất website (PDF, tệp tải về, bản đọc không cần mạng, nén)")
    def on_post_build(self, config):
        # Listed after search in mkdocs.yml: Material's search index is written by now.
        index = Path(config.site_dir) / "search" / "search_index.json"
        state = build_state.of(config)
        if index.exists():
            # Unit pages are found by their names only (searchindex.rewrite_index).
            text = searchindex.rewrite_index(index.read_text(encoding="utf-8"), by_name=state.catalog.search_by_name,
                                             dir_urls=config.use_directory_urls)
            if state.settings.dirty:  # pages not built again keep their entries from the last build
                pages = list(state.files.documentation_pages()) if state.files is not None else []
                text = serve_hooks.merge_search_index(
                    text, {f.url for f in pages if f.is_modified()}, [f.url for f in pages], self.memory)
            text = page_cache.index_with_kept(text, state.page_cache, state.files)  # pages taken: their entries
            index.write_text(text, encoding="utf-8")
        page_cache.keep_built(state.page_cache, state.files)  # as MkDocs wrote them, before the offline step
        rebuild = state.settings.dirty and self.memory is not None and self.memory.downloads is not None
        if rebuild:  # `serve --dirty` after its first build: the downloads whose data changed (issue 24)
            if state.data_error is None:  # else the last good data's files stay
                remade = serve_hooks.remake_downloads(state, Path(config.site_dir), self.memory,
                                                      serve_hooks.download_keys(state))
                log.info(f"Xem thử: tạo lại {remade} tệp tải về có dữ liệu đổi")
        elif not offline_hooks.is_file_copy(config):  # the file:// copy reuses the downloads and PDFs made here
            templates = cache.Counts()
            stores = Stores.at(state.settings.cache_root(state.root),
                                imports_kept=state.settings.user_cache_folder())
            for site in state.website.plans:  # spreadsheets and calendars (issue 15), before the offline packing
                write_downloads(site, Path(config.site_dir), documents=state.catalog.pdf_ok,
                                cache=state.settings.cache_root(state.root), counts=templates,
                                epoch=state.settings.source_date_epoch, made=state.catalog.outputs[site.key],
                                stores=stores)
            if not state.settings.serving:  # every plan's files made: drop what this build did not use
                stores.prune(templates=state.catalog.pdf_ok)
            if state.settings.dirty and self.memory is not None and state.data_error is None:
                self.memory.downloads = {p: k for keys in serve_hooks.download_keys(state).values()
                                         for p, k in keys.items()}
            pdfs = pdf_output.write_pdfs(config, state)
            log.info(remade_line(templates, pdfs))
        offline_hooks.post_build(config)  # issue 14: ZIP, manifest, icons, service worker
        page_cache.prune(state.page_cache)  # the pages this build did not take or keep
        _compress(config, state.settings)  # last: compresses what everything above wrote


def html_titles(entries):
    """The nav with every title HTML-escaped: MkDocs and Material print nav titles
    as HTML, so "Sa Thầy <?x" or "&lt;b&gt;" from data must arrive escaped."""
    if isinstance(entries, list):
        return [html_titles(e) for e in entries]
    if isinstance(entries, dict):
        return {html.escape(str(k), quote=True): html_titles(v) for k, v in entries.items()}
    return entries


def _served(files, name: str, folder: str = "docs/") -> str:
    """The file's text as the site serves it: its source (CRLF and all), or what
    on_files generated in its place (site.css, the search worker)."""
    file = files.get_file_from_path(name)
    if file is None:
        raise PluginError(f"Thiếu tệp {folder}{name}.")
    if file.abs_src_path is None:
        return file.content_string
    return Path(file.abs_src_path).read_bytes().decode("utf-8")


# --- Vietnamese search (macros/searchindex.py, overrides/main.html) ---------

# One version (?v=) for the search scripts, which load each other.
SEARCH_SCRIPTS = (
    "assets/javascripts/vi-fold.js",
    "assets/javascripts/vi-highlight.js",
    "assets/javascripts/workers/vi-search.js",
)

# The unit list's filter (uses vi-fold.js): linked by overrides/main.html on that page only.
UNIT_FILTER = "assets/javascripts/unit-filter.js"


def _check_search(config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return
    cfg = search.config
    problems = searchindex.check_search_config(cfg.lang, cfg.separator, cfg.pipeline)
    if problems:
        raise PluginError("Cấu hình tìm kiếm trong mkdocs.yml:\n" + "\n".join(problems))


def _worker_parts(files, config) -> list[str]:
    """What the served search worker carries after the shim (macros/searchworker.py)."""
    try:
        worker = searchworker.material_worker(f.src_uri for f in files)
    except ValueError as error:
        raise PluginError(f"Tìm kiếm: {error}.") from None
    return searchworker.part_paths(worker, offline_hooks.search_langs(config))


def _search_worker_in_one_file(files, config):
    """Issue 13: the shim served with the scripts it would fetch one by one
    (macros/searchworker.py), written by MkDocs like any file. Not in the file://
    copy, which runs the scripts on the page (macros/offline/filemode.py)."""
    if not config.use_directory_urls:
        return
    parts = [searchworker.Part(p, _served(files, p, "overrides/")) for p in _worker_parts(files, config)]
    worker = searchworker.bundle(_served(files, searchworker.SHIM, "overrides/"), parts)
    files.remove(files.get_file_from_path(searchworker.SHIM))
    files.append(File.generated(config, searchworker.SHIM, content=worker))


def remade_line(templates, pdfs) -> str:
    """Issue 24: one line saying which per-unit files this build made and which it reused."""
    made = list(templates.made_names) + (list(pdfs.made_names) if pdfs is not None else [])
    reused = templates.reused + (pdfs.reused if pdfs is not None else 0)
    named = ", ".join(made[:5]) + (f" và {len(made) - 5} tệp khác" if len(made) > 5 else "")
    return (f"Tệp tạo mới / remade: {len(made)}" + (f" ({named})" if made else "")
            + f"; dùng lại từ bộ đệm / reused: {reused} (PDF, mẫu báo cáo Excel, lịch của đơn vị)")


def _compiled_templates(settings: Settings) -> Path:
    """Where Jinja's compiled templates are kept: the user's cache folder, beside the brotli copies."""
    return settings.user_cache_folder()


def _compress(config, settings: Settings):
    """Issue 13: .gz/.br copies beside every text file. Brotli results are kept in
    a content-addressed disk cache (~/.cache/kontum-site), not in this process."""
    if settings.serving or offline_hooks.is_file_copy(config):
        return  # `mkdocs serve` sends files as they are; the file:// copy (ZIP) needs none
    written = compress.compress_tree(Path(config.site_dir), cache=compress.cache_dir(settings.user_cache_root()))
    raw = sum(w.raw for w in written)
    gz = sum(w.gzip or w.raw for w in written)
    br = sum(w.brotli or w.gzip or w.raw for w in written)
    log.info(f"Nén sẵn {len(written)} tệp chữ / pre-compressed {len(written)} text files: "
             f"{raw // 1024} KB → gzip {gz // 1024} KB, brotli {br // 1024} KB")


def _card_image(config, state, src_uri: str, title: str) -> None:
    """A page taken from an earlier build (page_cache): its preview image, as on_page_context's would be."""
    preview_hooks.card_image(config, state.settings, title or state.site_name_of(src_uri, config.site_name),
                             state.site_name_of(src_uri, config.site_name))


def _page_description(state, src_uri: str | None, config) -> str:
    """The description of a page (render/notice.page_description): its own plan's on a website of several."""
    site = state.catalog.plan_of_page.get(src_uri) if src_uri else None
    return notice.page_description(state.website.plans, site, config.site_description or "")
