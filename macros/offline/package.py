"""After the build: the ZIP of the file:// copy, the manifest and icons, and the
service worker with its precache list. Called by macros/adapters/offline_hooks.py."""

import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import searchworker
from ..templating import render
from . import archive, files, filemode, icons, manifest, precache

SW = "sw.js"
SW_TEMPLATE = "assets/javascripts/sw.js"      # copied from overrides/, rendered into SW
FILE_WORKER = "assets/javascripts/file-worker.js"  # only the file:// copy uses it
MANIFEST = "manifest.webmanifest"
ICON_DIR = "assets/icons"
ZIP_MARK = "<!--vi-zip-->"  # written by overrides/main.html on the home page
UNIT_MARK = "<!--vi-goi-don-vi-->"  # written on each unit page (macros/adapters/mkdocs_hooks.py)
# The whole-site ZIP is made while it stays within this (README "Đọc khi không có mạng": a file
# a phone keeps and Zalo passes on); above it, a package per unit instead.
ZIP_CAP = 15_000_000
UNIT_ZIP_DIR = "tai-ve/goi-don-vi"


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
    unit_zip_total: int = 0


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


def _common_index(index_js: bytes, unit_pages: set[str]) -> bytes:
    """search/search_index.js of a per-unit package: the entries of the shared pages only."""
    text = index_js.decode("utf-8")
    data = json.loads(text[text.index("=") + 1:].strip().rstrip(";"))
    data["docs"] = [d for d in data["docs"] if d["location"].split("#")[0] not in unit_pages]
    return filemode.index_script(json.dumps(data, ensure_ascii=False, separators=(",", ":"))).encode("utf-8")


def unit_packages(site_dir: Path, members: dict[str, Path], groups: list[UnitGroup], top: str,
                  date_time: tuple) -> dict[str, int]:
    """One ZIP per unit under UNIT_ZIP_DIR: the whole site's files but the other units'
    (shared pages, the plan, the handbook, assets, search) and this unit's page and files,
    in the same one top folder as the whole-site ZIP (two units' packages unpack into one
    site). The shared part is compressed once; each unit's files are appended to a copy.
    Returns {site path of the package: size}."""
    own = {g.copy_page for g in groups} | {f for g in groups for f in g.files}
    common = {name: path for name, path in members.items() if name not in own}
    index = common.pop("search/search_index.js", None)
    sizes = {}
    with tempfile.TemporaryDirectory(prefix="goi-") as tmp:
        shared = Path(tmp) / "chung.zip"
        archive.write_zip(shared, common, date_time, top=top)
        extra = {}
        if index is not None:
            extra["search/search_index.js"] = _common_index(index.read_bytes(), {g.copy_page for g in groups})
        for group in groups:
            rel = f"{UNIT_ZIP_DIR}/{group.slug}.zip"
            dest = site_dir / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shared, dest)
            with zipfile.ZipFile(dest, "a") as z:
                mine = {group.copy_page: members.get(group.copy_page)}
                mine.update({f: members.get(f) for f in group.files})
                for name in sorted(n for n, p in mine.items() if p is not None):
                    archive.add(z, f"{top}/{name}", mine[name].read_bytes(), date_time)
                for name, data in sorted(extra.items()):
                    archive.add(z, f"{top}/{name}", data, date_time)
            sizes[rel] = dest.stat().st_size
    return sizes


def fill_unit_pages(site_dir: Path, groups: list[UnitGroup], sizes: dict[str, int]) -> None:
    """Each unit page's mark: the link to its package (with its size), or nothing when
    there are no per-unit packages (the whole site fits one ZIP)."""
    import posixpath

    for group in groups:
        page = site_dir / group.page
        if not page.exists():
            continue
        rel = f"{UNIT_ZIP_DIR}/{group.slug}.zip"
        line = ""
        if rel in sizes:
            href = posixpath.relpath(rel, posixpath.dirname(group.page))
            line = render("unit_package.html", href=href, size=files.megabytes(sizes[rel])).strip()
        text = page.read_text(encoding="utf-8")
        if UNIT_MARK in text:
            page.write_text(text.replace(UNIT_MARK, line), encoding="utf-8")


def top_folder(zip_rel: str) -> str:
    """The one folder a ZIP unpacks into: its own name without .zip ("tai-ve/ke-hoach.zip" -> "ke-hoach")."""
    return Path(zip_rel).name.removesuffix(".zip")


def fill_zip_size(home: Path, size: int, href: str | None, cap: int = ZIP_CAP) -> None:
    """The home page's ZIP line (macros/templates/offline_zip.html) in place of its mark:
    the link with the ZIP's size, or (href None: above the cap, not made) why not."""
    if home.exists():
        text = home.read_text(encoding="utf-8")
        line = render("offline_zip.html", href=href, size=files.megabytes(size), cap=files.megabytes(cap)).strip()
        home.write_text(text.replace(ZIP_MARK, line), encoding="utf-8")


def write_app_files(site_dir: Path, app: AppInfo) -> None:
    (site_dir / ICON_DIR).mkdir(parents=True, exist_ok=True)
    for name, data in icons.icons(app.theme_color).items():
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
            main_files: list[str] = (), groups: list[UnitGroup] = (), cap: int = ZIP_CAP) -> Report:
    """The whole-site ZIP (within `cap`; above it, removed and a package per unit made
    instead), the manifest and icons, the service worker."""
    members = zip_members(site_dir, variant_dir, langs, main_files)
    top = top_folder(zip_rel)
    zip_size = archive.write_zip(site_dir / zip_rel, members, date_time, top=top)
    sizes: dict[str, int] = {}
    if zip_size > cap:
        (site_dir / zip_rel).unlink()
        sizes = unit_packages(site_dir, members, list(groups), top, date_time)
    fill_zip_size(site_dir / "index.html", zip_size, None if sizes else zip_rel, cap)
    fill_unit_pages(site_dir, list(groups), sizes)
    write_app_files(site_dir, app)
    data = write_service_worker(site_dir, langs, skip=(zip_rel,) + tuple(sorted(sizes)), unit_files=unit_files)
    later = data["onRequest"]
    return Report(zip_rel, zip_size, len(members), data["bytes"], len(data["files"]),
                  later["bytes"], data["version"], later["files"], tuple(later["units"]),
                  len(sizes), max(sizes.values(), default=0), sum(sizes.values()))
