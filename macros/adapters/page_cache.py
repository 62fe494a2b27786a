"""Issue 24: the main build's pages outside the nav (the unit pages) taken from an earlier
build when everything they are made from is unchanged, instead of converting and
rendering every page again (a build with nothing changed).

Only `scripts/build.py` builds this way: it runs `mkdocs build --dirty` into a new, empty
folder, so MkDocs skips exactly the pages this module marks not modified (and writes them
from the store). A plain `mkdocs build`, `mkdocs serve` and the file:// copy build every
page as before (the copy has its own reuse, offline_hooks.reuse_copy_pages).

The key is content only, and all-or-nothing over what a page may show: every file of the
project that a page is made from (data/, docs/, overrides/, macros/, mkdocs.yml), the
installed libraries' versions, the build's settings (the date, the site's address, PDFs
on or off and whether WeasyPrint runs here), the preview fonts, the page's own place
(its source, where every page is) and the date git gives its sources. A page kept is the
page a full build writes, byte for byte: its HTML as MkDocs wrote it, and again as the
offline step rendered it with its package line (a second entry keyed by that line), and
its entries in the search index. When any input differs, no page is taken; entries this
build did not use are dropped (the store is safe to share: the keys name no path or time).
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from macros import cache, preview
from macros.gitdates import last_changed
from macros.offline import copycache
from macros.render.provenance import page_source

FOLDER = "trang-chinh"  # under the cache root (macros/cache.py)


@dataclass
class PageCache:
    """This build's use of the store: the key of each page it may take, those taken (with
    their search entries) and the Files of those taken. On the BuildState (state.page_cache)."""
    html: cache.Store       # the page as MkDocs wrote it
    shown: cache.Store      # the page as the offline step wrote it again, with its package line
    search: cache.Store     # the page's entries in the search index (as rewritten by searchindex)
    keys: dict[str, str] = field(default_factory=dict)      # src_uri -> key
    kept: dict[str, list] = field(default_factory=dict)     # src_uri -> search entries, pages taken
    files: dict[str, object] = field(default_factory=dict)  # src_uri -> File, pages taken

    def said(self) -> str:
        return f"lấy lại {len(self.kept)}/{len(self.keys)} trang đơn vị từ lần tạo trước"


def nav_paths(entries):
    """The source paths config.nav lists (titles, sections and links left out); offline_hooks reads it too."""
    if isinstance(entries, list):
        for entry in entries:
            yield from nav_paths(entry)
    elif isinstance(entries, dict):
        for value in entries.values():
            yield from nav_paths(value)
    elif isinstance(entries, str) and entries.endswith(".md"):
        yield entries


def common_key(config, state, pages: list[str]) -> str:
    """What every page is made from besides its own place and date (module docstring)."""
    root = state.root
    settings = state.settings
    fonts = preview.fonts_available()
    return cache.digest(
        "trang-chinh", copycache._code(root), *copycache._tree(root / "data", root), copycache.libraries(),
        cache.library_versions(), f"site_url={config.site_url or ''}", f"edit_uri={config.edit_uri or ''}",
        f"site_name={config.site_name}", f"dir_urls={config.use_directory_urls}",
        f"epoch={settings.source_date_epoch}", f"pdf={settings.pdf}", f"offline={settings.offline}",
        f"pdf_required={settings.pdf_required}", f"pdf_ok={state.catalog.pdf_ok}",
        f"pdf_skip={state.pdf_skip_reason()}",
        f"fonts={fonts and preview._fonts_digest(str(preview.FONT_DIR))}", f"in_git={state.in_git}", *pages)


def _page_date(state, config, src_uri: str) -> str:
    """The date the page shows as its last change (plugin.on_page_context gives the same)."""
    docs_dir = Path(config.docs_dir).resolve().relative_to(state.root).as_posix()
    source = page_source(state.default_site, src_uri, "", state.catalog.pages, docs_dir)
    changed = last_changed(state.root, source.files, state.in_git, state.git_dates)
    return changed.isoformat() if changed is not None else ""


def reuse(files, config, state, dirty: bool, write_image) -> PageCache | None:
    """The main build's on_files (`dirty`: MkDocs skips the pages not modified): each page
    made from data outside the nav, but the handbook's (the handbook PDF is made from its
    pages as built), whose key is in the store is written from it and marked not modified.
    `write_image(src_uri, title)`: writes the page's link-preview image, as its context would."""
    settings = state.settings
    if not dirty or settings.serving or settings.dirty or settings.source_date_epoch is None:
        return None
    if not config.use_directory_urls:  # the file:// copy has its own reuse
        return None
    folder = settings.cache_root(state.root) / FOLDER
    store = PageCache(cache.Store(folder / "trang", ".html"), cache.Store(folder / "kem-goi", ".html"),
                      cache.Store(folder / "tim-kiem", ".json"))
    pages = files.documentation_pages()
    common = common_key(config, state, [f"{f.src_uri}\0{f.dest_uri}\0{f.url}" for f in pages])
    in_nav = set(nav_paths(config.nav))
    handbook = {src for srcs in state.catalog.handbook.values() for src in srcs}
    for file in pages:
        page = state.catalog.pages.get(file.src_uri)
        if page is None or file.src_uri in in_nav or file.src_uri in handbook:
            continue
        entry = cache.digest(common, file.src_uri, _page_date(state, config, file.src_uri))
        store.keys[file.src_uri] = entry
        html, search = store.html.get(entry), store.search.get(entry)
        if html is None or search is None:
            continue
        try:
            entries = json.loads(search)
        except ValueError:
            continue
        dest = Path(file.abs_dest_path)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(html)
        write_image(file.src_uri, page.title)
        file.is_modified = lambda: False
        store.kept[file.src_uri] = entries
        store.files[file.src_uri] = file
    state.page_cache = store
    return store


def index_with_kept(text: str, store: PageCache | None, files) -> str:
    """The search index (as searchindex.rewrite_index wrote it) with the entries of the pages
    taken put back where a full build has them (in page order, before entries of no page);
    the entries of the pages built now are kept for the next build."""
    if store is None or not store.keys:
        return text
    data = json.loads(text)
    pages = files.documentation_pages()
    src_of = {("" if f.url == "./" else f.url): f.src_uri for f in pages}  # the home page's entries: ""
    built: dict[str, list] = {}
    other = []
    for doc in data.get("docs", []):
        src = src_of.get(doc.get("location", "").split("#")[0])
        (built.setdefault(src, []) if src is not None else other).append(doc)
    if not store.kept:
        if not other:
            for src, entry in store.keys.items():
                store.search.put(entry, json.dumps(built.get(src, []), ensure_ascii=False).encode("utf-8"))
        return text
    docs = []
    for f in pages:
        docs += store.kept[f.src_uri] if f.src_uri in store.kept else built.get(f.src_uri, [])
    data["docs"] = docs + other
    for src, entry in store.keys.items():
        if src not in store.kept and not other:
            store.search.put(entry, json.dumps(built.get(src, []), ensure_ascii=False).encode("utf-8"))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def keep_built(store: PageCache | None, files) -> None:
    """After the pages are written, before the offline step renders some again: the pages
    built now, as MkDocs wrote them, kept for the next build."""
    if store is None:
        return
    for file in files.documentation_pages():
        entry = store.keys.get(file.src_uri)
        if entry is not None and file.src_uri not in store.kept:
            path = Path(file.abs_dest_path)
            if path.is_file():
                store.html.put(entry, path.read_bytes())


def shown_key(entry: str, *lines) -> str:
    """A page as the offline step renders it again: its key and the lines it adds."""
    return cache.digest(entry, *(hashlib.sha256(str(x).encode("utf-8")).hexdigest() for x in lines))


def show(store: PageCache | None, page, lines: tuple, build) -> None:
    """The offline step's second rendering of one page (offline_hooks.show_packages): a page
    taken from the store gets its stored rendering with these `lines`, or, when there is
    none, is read and converted now and rendered (`build(page, populate)`); a page rendered is kept."""
    entry = store.keys.get(page.file.src_uri) if store is not None else None
    if entry is None:
        build(page, False)
        return
    key = shown_key(entry, *lines)
    dest = Path(page.file.abs_dest_path)
    if page.file.src_uri in store.kept:
        kept = store.shown.get(key)
        if kept is not None:
            dest.write_bytes(kept)
            return
        build(page, True)
    else:
        build(page, False)
    if dest.is_file():
        store.shown.put(key, dest.read_bytes())


def prune(store: PageCache | None) -> None:
    """Drop the entries this build did not use (a shared cache too: the keys hold the date)."""
    if store is None:
        return
    store.html.prune()
    store.shown.prune()
    store.search.prune()
