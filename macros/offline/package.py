"""After the build: the ZIP of the file:// copy, the manifest and icons, and the
service worker with its precache list. Called by macros/adapters/offline_hooks.py,
which renders the pages offering the packages (zip_line, unit_line) again through
MkDocs once their sizes are known: no finished page is edited here."""

import hashlib
import io
import json
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from .. import cache
from .. import outputs as registry
from .. import searchworker
from ..templating import fragment
from . import archive, files, filemode, icons, manifest, precache

SW = registry.SERVICE_WORKER
SW_TEMPLATE = "assets/javascripts/sw.js"      # copied from overrides/, rendered into SW
FILE_WORKER = "assets/javascripts/file-worker.js"  # only the file:// copy uses it
MANIFEST = registry.MANIFEST
ICON_DIR = "assets/icons"
# The whole-site ZIP is made while it stays within this (README "Đọc khi không có mạng": a file
# a phone keeps and Zalo passes on); above it, a package per unit instead.
ZIP_CAP = 15_000_000
ZIP_CACHE = "goi-ngoai-tuyen"  # under the cache root (macros/cache.py): packages made before, by content
UNIT_ZIP_DIR = registry.UNIT_PACKAGES  # above the cap: one small package per unit, here
SHARED_ZIP = registry.SHARED_PACKAGE  # and one shared package (outside UNIT_ZIP_DIR: no unit slug can take it)
INDEX_SCRIPT = "search/search_index.js"
UNIT_SEARCH_DIR = "search/don-vi"   # a unit's search entries, in its own package
UNIT_SCRIPTS_VAR = "__viUnitScripts"  # the shared index script's list of them (file-worker.js reads it)


@dataclass(frozen=True)
class UnitGroup:
    """One unit's own files: its page in the main build and in the file:// copy, its other files."""
    slug: str
    page: str       # "don-vi/x/index.html"
    copy_page: str  # "don-vi/x.html"
    files: tuple[str, ...]  # PDF, calendar, template: the same path in both builds


@dataclass(frozen=True)
class AppInfo:
    name: str
    short_name: str
    description: str
    theme_color: str


@dataclass(frozen=True)
class Report:
    zip_path: str
    zip_size: int
    zip_files: int
    cache_size: int
    cache_files: int
    on_request_size: int
    version: str
    on_request_files: int = 0
    units: tuple[int, int] = (0, 0)  # (units saved on the first visit, units)
    unit_zips: int = 0         # per-unit packages made (the whole ZIP above its cap)
    unit_zip_max: int = 0      # the largest one, bytes
    unit_zip_total: int = 0    # all per-unit packages, bytes
    shared_zip_size: int = 0   # the one shared package beside them, bytes


def zip_members(site_dir: Path, variant_dir: Path, langs: list[str], main_files: list[str] = ()) -> dict[str, Path]:
    """ZIP the file:// copy; the PDFs and `main_files` (the spreadsheets and calendars)
    come from the main build, made once (the copy does not make them again).
    Left out: what a folder on disk cannot use (404 page, sitemap, the JSON
    index that search/search_index.js replaces)."""
    # No 404.html: a folder on disk has no "not found" page (its links are absolute).
    skip = (SW_TEMPLATE, "404.html", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz")
    members = {p: variant_dir / p for p in files.site_files(variant_dir, langs, skip=skip)}
    for pdf in sorted(site_dir.rglob("*.pdf")):
        rel = pdf.relative_to(site_dir).as_posix()
        members.setdefault(rel, pdf)
    for rel in main_files:
        if (site_dir / rel).is_file():
            members.setdefault(rel, site_dir / rel)
    return members


def make_zip(site_dir: Path, variant_dir: Path, zip_rel: str, langs: list[str], date_time: tuple,
             main_files: list[str] = ()) -> tuple[int, int]:
    members = zip_members(site_dir, variant_dir, langs, main_files)
    return archive.write_zip(site_dir / zip_rel, members, date_time, top=top_folder(zip_rel)), len(members)


def _split_index(index_js: bytes, groups: list[UnitGroup]) -> tuple[bytes, dict[str, bytes]]:
    """The file:// copy's search/search_index.js cut in two for the split packages:
    the shared package's index (the shared pages' entries; then UNIT_SCRIPTS_VAR, the
    script of each unit's entries, in the plan's order) and, per unit slug, that script
    (UNIT_SEARCH_DIR/<slug>.js: `__viUnitDocs[its path] = [...]`). On file:// the page-side
    worker (overrides/assets/javascripts/file-worker.js) loads every listed script before
    it builds the index: the units whose package is unpacked beside the shared one are
    found, the others (their scripts missing) are not offered."""
    text = index_js.decode("utf-8")
    data = json.loads(text[text.index("=") + 1:].strip().rstrip(";"))
    owner = {g.copy_page: g.slug for g in groups}
    per_unit: dict[str, list] = {g.slug: [] for g in groups}
    shared = []
    for doc in data["docs"]:
        slug = owner.get(doc["location"].split("#")[0])
        (per_unit[slug] if slug else shared).append(doc)
    data["docs"] = shared
    listed = json.dumps([unit_search_script(g.slug) for g in groups], separators=(",", ":"))
    common = (filemode.index_script(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
              + f"var {UNIT_SCRIPTS_VAR} = {listed};\n").encode("utf-8")
    scripts = {slug: ("(window.__viUnitDocs = window.__viUnitDocs || {})[" + json.dumps(unit_search_script(slug))
                      + "] = "
                      + json.dumps(docs, ensure_ascii=False, separators=(",", ":")) + ";\n").encode("utf-8")
               for slug, docs in per_unit.items()}
    return common, scripts


def unit_search_script(slug: str) -> str:
    return f"{UNIT_SEARCH_DIR}/{slug}.js"


unit_package_path = registry.unit_package


class ZipCache:
    """ZIPs made before, by the SHA-256 of exactly what they are made from: each entry's
    name and bytes, the top folder, the date, zlib's and Python's versions and the code
    that writes them (macros/offline/archive.py) — no path, no time. A build whose packages'
    files did not change copies them instead of compressing every file again (issue 24).
    The whole-site ZIP above its cap is kept as its size only (it is never published)."""

    def __init__(self, folder: Path | None, imports_kept: Path | None = None):
        self.imports_kept = imports_kept  # the user's cache folder (cache.code_digest)
        self.zips = cache.Store(folder, ".zip")
        self.sizes = cache.Store(folder, ".size")
        self.icons = cache.Store(folder, ".png")  # the app icons (icons.py), by their code, size and colour
        self._hashes: dict[Path, str] = {}
        self._code = cache.digest(zlib.ZLIB_RUNTIME_VERSION, cache.library_versions(),
                                  cache.code_digest("offline.archive", imports_kept=imports_kept))

    def key(self, entries: dict, top: str, date_time: tuple) -> str:
        parts = []
        for name in sorted(entries):
            value = entries[name]
            if isinstance(value, bytes):
                parts.append(f"{name}\0{hashlib.sha256(value).hexdigest()}")
            else:
                if value not in self._hashes:
                    self._hashes[value] = hashlib.sha256(value.read_bytes()).hexdigest()
                parts.append(f"{name}\0{self._hashes[value]}")
        return cache.digest("zip", top, repr(tuple(date_time)), self._code, *parts)

    def prune(self) -> None:
        self.zips.prune()
        self.sizes.prune()
        self.icons.prune()

    def icons_of(self, color: str) -> dict[str, bytes]:
        """The app icons in `color`, drawn once (Pillow: ~0.3 s a build) and then read while
        icons.py, Pillow and the colour are unchanged."""
        code = cache.digest(cache.code_digest("offline.icons", imports_kept=self.imports_kept), cache.library_versions("pillow"))
        return {name: self.icons.made_or_reused(cache.digest("icon", code, name, size, purpose, color),
                                                lambda: icons.icon_png(size, color, purpose == "maskable"))
                for name, size, purpose in icons.ICONS}


def unit_packages(site_dir: Path, members: dict[str, Path], groups: list[UnitGroup], top: str,
                  date_time: tuple, compressed: dict[str, int] | None = None,
                  store: ZipCache | None = None) -> dict[str, int]:
    """Above the cap: ONE shared package (SHARED_ZIP: the shared pages, the plan, the
    handbook, assets, search) and, per unit, a small package under UNIT_ZIP_DIR with
    only that unit's page and files (and its search entries, _split_index). All unpack
    into the same one top folder as the whole-site ZIP would, so the shared package and
    any number of units' packages unpacked in one place make one site; no file is in two
    packages. Returns {site path of the package: size}, the shared one first.
    `compressed`: filled with name in the package -> compressed size of each file from `members`."""
    own = {g.copy_page for g in groups} | {f for g in groups for f in g.files}
    common = {name: path for name, path in members.items() if name not in own}
    index = common.pop(INDEX_SCRIPT, None)
    extra: dict[str, bytes] = {}
    unit_scripts: dict[str, bytes] = {}
    if index is not None:
        extra[INDEX_SCRIPT], unit_scripts = _split_index(index.read_bytes(), groups)
    sizes = {SHARED_ZIP: _write(site_dir / SHARED_ZIP, common, extra, top, date_time, compressed, store)}
    for group in groups:
        mine = {name: members[name] for name in (group.copy_page, *group.files) if name in members}
        script = {unit_search_script(group.slug): unit_scripts[group.slug]} if group.slug in unit_scripts else {}
        rel = unit_package_path(group.slug)
        sizes[rel] = _write(site_dir / rel, mine, script, top, date_time, compressed, store)
    return sizes


def _write(dest: Path, files_on_disk: dict[str, Path], made: dict[str, bytes], top: str, date_time: tuple,
           compressed: dict[str, int] | None = None, store: ZipCache | None = None) -> int:
    """A ZIP of files on disk and of contents made here, in one sorted order under `top`;
    `compressed` gets the compressed size of each file from disk, by its name in the ZIP;
    `store`: the same ZIP made before is copied from there."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    entries = {name: path for name, path in files_on_disk.items()}
    entries.update(made)
    key = store.key(entries, top, date_time) if store is not None else None
    kept = store.zips.get(key) if key is not None else None
    if kept is not None:
        dest.write_bytes(kept)
        z = zipfile.ZipFile(io.BytesIO(kept))
    else:
        with zipfile.ZipFile(dest, "w") as z:
            for name in sorted(entries):
                value = entries[name]
                archive.add(z, f"{top}/{name}", value if isinstance(value, bytes) else value.read_bytes(), date_time)
        if key is not None:
            store.zips.put_file(key, dest)
    if compressed is not None:
        compressed.update({i.filename: i.compress_size for i in z.infolist()
                           if i.filename.removeprefix(f"{top}/") in files_on_disk})
    return dest.stat().st_size


def _whole_size(site_dir: Path, members: dict[str, Path], top: str, date_time: tuple,
                compressed: dict[str, int], zip_rel: str) -> int:
    """The whole-site ZIP's size without writing it: the packages hold every member but the
    search index, each compressed as the whole ZIP compresses it (archive.add)."""
    prefix = top.strip("/") + "/" if top.strip("/") else ""  # the whole ZIP's names (archive.write_zip)
    known = {}
    for name, path in members.items():
        size = compressed.get(f"{top}/{name}")  # its name in the packages (_write)
        # the search index (split in the packages) and anything left out of them: compressed here
        known[prefix + name] = size if size is not None else archive.deflated_size(path.read_bytes())
    size = archive.zip_size(known)
    if size is None:  # zip64 territory: write it to know
        size = archive.write_zip(site_dir / zip_rel, members, date_time, top=top)
        (site_dir / zip_rel).unlink()
    return size


@dataclass(frozen=True)
class Packages:
    """What the offline packages turned out to be, for the pages that offer them (the home
    page, the unit pages): facts known only once the ZIP is made, so those pages are
    rendered (again) after it (macros/adapters/offline_hooks.py), before the service worker
    lists them. `zip_href` None: the whole site was above `cap`, not made; then `shared`
    (site path, size) and `units` (slug -> site path, size) are the packages made instead."""
    zip_size: int
    zip_href: str | None
    cap: int = ZIP_CAP
    shared: tuple[str, int] | None = None
    units: dict[str, tuple[str, int]] = field(default_factory=dict)
    top: str = ""


def zip_line(packages: Packages) -> Markup:
    """The home page's offline line (macros/templates/offline_zip.html, put by overrides/main.html):
    the link with the ZIP's size, or (above the cap) why not and the shared package."""
    shared = packages.shared
    return fragment("offline_zip.html", post=str.strip, href=packages.zip_href, size=files.megabytes(packages.zip_size),
                    cap=files.megabytes(packages.cap), shared_href=shared[0] if shared else None,
                    shared_size=files.size_text(shared[1]) if shared else "")


def unit_line(packages: Packages, group: UnitGroup) -> Markup | str:
    """A unit page's offline line (macros/templates/unit_package.html): the shared package
    and the unit's own, with their sizes and how to use them; "" when there are none (the
    whole site fits one ZIP)."""
    own, shared = packages.units.get(group.slug), packages.shared
    if own is None or shared is None:
        return ""
    here = posixpath.dirname(group.page)
    return fragment("unit_package.html", post=str.strip, href=posixpath.relpath(own[0], here),
                    size=files.size_text(own[1]), shared_href=posixpath.relpath(shared[0], here),
                    shared_size=files.size_text(shared[1]), top=packages.top)


def top_folder(zip_rel: str) -> str:
    """The one folder a ZIP unpacks into: its own name without .zip ("tai-ve/ke-hoach.zip" -> "ke-hoach")."""
    return Path(zip_rel).name.removesuffix(".zip")


def write_app_files(site_dir: Path, app: AppInfo, store: ZipCache | None = None) -> None:
    (site_dir / ICON_DIR).mkdir(parents=True, exist_ok=True)
    drawn = store.icons_of(app.theme_color) if store is not None else icons.icons(app.theme_color)
    for name, data in drawn.items():
        (site_dir / ICON_DIR / name).write_bytes(data)
    (site_dir / MANIFEST).write_text(
        manifest.web_manifest(app.name, app.short_name, app.description, app.theme_color, ICON_DIR),
        encoding="utf-8")


def bundled_parts(site_dir: Path, langs: list[str]) -> tuple[str, ...]:
    """Scripts the served search worker carries (macros/searchworker.py), so that no
    page fetches them: not worth a place in the reader's cache. vi-fold.js stays
    (the unit list and a followed result load it)."""
    shim = site_dir / searchworker.SHIM
    if not shim.exists() or not searchworker.is_bundled(shim.read_text(encoding="utf-8")):
        return ()
    workers = [p.relative_to(site_dir).as_posix() for p in (site_dir / searchworker.WORKERS).glob("search.*.min.js")]
    parts = searchworker.part_paths(searchworker.material_worker(workers), langs)
    return tuple(p for p in parts if p != "assets/javascripts/vi-fold.js")


def write_service_worker(site_dir: Path, langs: list[str], skip: tuple[str, ...],
                         unit_files: list[list[str]] = (), budget: int = precache.PRECACHE_BUDGET) -> dict:
    """sw.js with its list: `unit_files` (per unit, its paths: units.unit_files)
    join the precache while within `budget` (precache.split)."""
    template = site_dir / SW_TEMPLATE
    paths = files.site_files(site_dir, langs, skip=(SW, SW_TEMPLATE, FILE_WORKER) + skip
                             + bundled_parts(site_dir, langs))
    parts = precache.split(files.entries(site_dir, paths), unit_files, budget=budget)
    data = precache.precache_data(parts.cached, parts.on_request, parts.units,
                                  avoid=tuple(files.url_of(p) for p in (SW,) + skip), pdfs=parts.pdfs)
    (site_dir / SW).write_text(precache.render_sw(template.read_text(encoding="utf-8"), data), encoding="utf-8")
    template.unlink()
    return data


def package(site_dir: Path, variant_dir: Path, *, zip_rel: str, langs: list[str], app: AppInfo,
            date_time: tuple = archive.DEFAULT_DATE, unit_files: list[list[str]] = (),
            main_files: list[str] = (), groups: list[UnitGroup] = (), cap: int = ZIP_CAP,
            show: Callable[[Packages], None] = lambda packages: None, store: ZipCache | None = None) -> Report:
    """The whole-site ZIP (within `cap`; above it, removed and a package per unit made
    instead), the manifest and icons, the service worker. `show` writes the pages that
    offer the packages (zip_line, unit_line) once they are made, before the service
    worker's list is taken from the site. `store`: the ZIPs made before (ZipCache)."""
    members = zip_members(site_dir, variant_dir, langs, main_files)
    top = top_folder(zip_rel)
    # Written only as far as the cap: above it, its size comes from the packages made instead
    # (the same entries compressed the same way), not from compressing the whole site twice.
    whole_key = store.key(members, top, date_time) if store is not None else None
    kept = store.zips.get(whole_key) if whole_key is not None else None
    known = store.sizes.get(whole_key) if whole_key is not None and kept is None else None
    if kept is not None and len(kept) <= cap:
        (site_dir / zip_rel).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / zip_rel).write_bytes(kept)
        zip_size = len(kept)
    elif kept is not None or (known is not None and int(known) > cap):
        zip_size = len(kept) if kept is not None else int(known)
    else:
        zip_size = archive.write_zip(site_dir / zip_rel, members, date_time, top=top,
                                     stop_above=cap if groups else None)
        if zip_size is not None and whole_key is not None:
            if zip_size <= cap:
                store.zips.put_file(whole_key, site_dir / zip_rel)
            else:
                store.sizes.put(whole_key, str(zip_size).encode())
    sizes: dict[str, int] = {}
    if zip_size is None or zip_size > cap:
        (site_dir / zip_rel).unlink(missing_ok=True)
        compressed: dict[str, int] = {}
        sizes = unit_packages(site_dir, members, list(groups), top, date_time, compressed, store)
        if zip_size is None:
            zip_size = _whole_size(site_dir, members, top, date_time, compressed, zip_rel)
            if whole_key is not None:
                store.sizes.put(whole_key, str(zip_size).encode())
    units = {g.slug: (unit_package_path(g.slug), sizes[unit_package_path(g.slug)]) for g in groups
             if unit_package_path(g.slug) in sizes}
    show(Packages(zip_size, None if sizes else zip_rel, cap, (SHARED_ZIP, sizes[SHARED_ZIP]) if sizes else None,
                  units, top))
    write_app_files(site_dir, app, store)
    data = write_service_worker(site_dir, langs, skip=(zip_rel,) + tuple(sorted(sizes)), unit_files=unit_files)
    later = data["onRequest"]
    shared = sizes.pop(SHARED_ZIP, 0)
    return Report(zip_rel, zip_size, len(members), data["bytes"], len(data["files"]),
                  later["bytes"], data["version"], later["files"], tuple(later["units"]),
                  len(sizes), max(sizes.values(), default=0), sum(sizes.values()), shared)
