"""MkDocs hooks: load and validate data/ before anything is built, set the nav,
add the pages generated from data, point each page's edit link at its data.

mkdocs.yml: hooks: [macros/adapters/mkdocs_hooks.py]
"""

import html
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from macros import searchindex  # noqa: E402
from macros.adapters import logs, offline_hooks, print_hooks, serve_hooks, state  # noqa: E402
from macros.dates import format_date  # noqa: E402
from macros.errors import DataErrors  # noqa: E402
from macros.guards import InternalError, internal_message  # noqa: E402
from macros.gitdates import last_changed  # noqa: E402
from macros.render.notice import footer_text  # noqa: E402
from macros.render.provenance import page_source, real_edit_base  # noqa: E402
from macros.render.pages import generated_pages, nav  # noqa: E402
from macros.text import html_escape, slugify  # noqa: E402


def on_startup(command, dirty):
    logs.quiet()  # warnings, errors and one summary line; -v or KONTUM_VERBOSE=1 for more
    serve_hooks.set_command(command)  # under `mkdocs serve`: no PDFs, data errors shown on the pages


@event_priority(100)  # before mkdocs-macros, whose macros read the Site
def on_config(config):
    try:
        site = state.load()
        serve_hooks.loaded_ok()
    except DataErrors as exc:
        if not serve_hooks.keep_last_good(str(exc)):
            raise PluginError(str(exc)) from None
        site = state.current()  # the last good data, with the error on every page
    except Exception as exc:  # noqa: BLE001 - last guard: "lỗi nội bộ", never a traceback
        message = str(exc) if isinstance(exc, InternalError) else internal_message("data/", exc)
        if not serve_hooks.keep_last_good(message):
            raise PluginError(message) from None
        site = state.current()
    config["nav"] = html_titles(nav(site))
    # Footer of every page: who wrote what, from data (never the issuing body as author).
    config["copyright"] = html_escape(footer_text(site))  # the theme does not escape it
    # Anchors keep Vietnamese readable: "Đăk Glei" -> #dak-glei, not #ak-glei.
    config["mdx_configs"].setdefault("toc", {})["slugify"] = slugify
    _check_search(config)
    return config


def html_titles(entries):
    """The nav with every title HTML-escaped: MkDocs and Material print nav titles
    as HTML, so "Sa Thầy <?x" or "&lt;b&gt;" from data must arrive escaped."""
    if isinstance(entries, list):
        return [html_titles(e) for e in entries]
    if isinstance(entries, dict):
        return {html.escape(str(k), quote=True): html_titles(v) for k, v in entries.items()}
    return entries


# The pages generated from data in this build, by source path: rendered once in
# on_files, read again by on_page_context for their edit links.
_generated: dict = {}


def on_files(files, config):
    _generated.clear()
    for page in generated_pages(state.current()):
        _generated[page.path] = page
        # JSON is valid YAML and quotes any title safely.
        # Material prints titles as HTML (nav, <title>, header, footer): escape data.
        title = html.escape(page.title, quote=True)
        front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nrender_macros: false\n---\n\n"
        files.append(File.generated(config, page.path, content=front + page.markdown))
    return files


# --- "Sửa trang này" and "Cập nhật lần cuối" (overrides/partials/source-file.html) ---


def on_page_context(context, page, config, nav):
    """Point the edit link at the file that holds the page's content (data/ for
    pages made from data) and date the page by the last commit to that data."""
    site = state.current()
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    source = page_source(site, page.file.src_uri, page.file.content_string, _generated, docs_dir)
    base = real_edit_base(config.edit_uri)  # None: no real repository configured, no link
    page.edit_url = base + source.edit if base else None
    changed = last_changed(root, source.files)
    if changed is not None:
        page.meta["cap_nhat"] = format_date(changed)
        page.meta["cap_nhat_iso"] = changed.isoformat()
        page.update_date = changed.isoformat()  # sitemap.xml <lastmod>: the data's date, not the build's
    return context


# --- Print and PDF (issue 4): "Tải PDF" links, PDFs written after the build ----


def on_page_markdown(markdown, page, config, files):
    return print_hooks.add_download_link(markdown, page)


def on_post_page(output, page, config):
    print_hooks.remember_page(output, page, config)
    return serve_hooks.add_banner(output)

# --- Vietnamese search (macros/searchindex.py, overrides/main.html) ---------

# One version (?v=) for the search scripts, which load each other.
SEARCH_SCRIPTS = (
    "assets/javascripts/vi-fold.js",
    "assets/javascripts/vi-highlight.js",
    "assets/javascripts/workers/vi-search.js",
)


def _check_search(config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return
    cfg = search.config
    problems = searchindex.check_search_config(cfg.lang, cfg.separator, cfg.pipeline)
    if problems:
        raise PluginError("Cấu hình tìm kiếm trong mkdocs.yml:\n" + "\n".join(problems))


def on_env(env, config, files):
    serve_hooks.reuse_compiled_templates(env)  # serve only: a faster edit loop
    # overrides/main.html adds ?v=<content hash of the search scripts> to their URLs.
    scripts = []
    for name in SEARCH_SCRIPTS:
        file = files.get_file_from_path(name)
        if file is None or not file.abs_src_path:
            raise PluginError(f"Thiếu tệp tìm kiếm overrides/{name}.")
        scripts.append(Path(file.abs_src_path).read_bytes())
    env.globals["vi_search_version"] = searchindex.content_version(b"\0".join(scripts))
    env.globals["vi_zip"] = offline_hooks.zip_path(config)  # issue 14: the home page's ZIP link
    return env


def on_post_build(config):
    # Hooks run after the plugins: Material's search index is written by now.
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        index.write_text(searchindex.rewrite_index(index.read_text(encoding="utf-8")), encoding="utf-8")
    if not offline_hooks.is_file_copy(config):  # the file:// copy reuses these PDFs
        print_hooks.write_pdfs(config)
    offline_hooks.post_build(config)  # issue 14: ZIP, manifest, icons, service worker
