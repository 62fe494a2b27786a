"""After the build: the ZIP of the file:// copy, the manifest and icons, and the
service worker with its precache list. Called by macros/adapters/offline_hooks.py."""

from dataclasses import dataclass
from pathlib import Path

from .. import searchworker
from . import archive, files, icons, manifest, precache

SW = "sw.js"
SW_TEMPLATE = "assets/javascripts/sw.js"      # copied from overrides/, rendered into SW
FILE_WORKER = "assets/javascripts/file-worker.js"  # only the file:// copy uses it
MANIFEST = "manifest.webmanifest"
ICON_DIR = "assets/icons"
ZIP_SIZE_MARK = "__VI_ZIP_SIZE__"  # written by overrides/main.html on the home page


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


def make_zip(site_dir: Path, variant_dir: Path, zip_rel: str, langs: list[str], date_time: tuple,
             main_files: list[str] = ()) -> tuple[int, int]:
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
    return archive.write_zip(site_dir / zip_rel, members, date_time, top=top_folder(zip_rel)), len(members)


def top_folder(zip_rel: str) -> str:
    """The one folder a ZIP unpacks into: its own name without .zip ("tai-ve/ke-hoach.zip" -> "ke-hoach")."""
    return Path(zip_rel).name.removesuffix(".zip")


def fill_zip_size(home: Path, size: int | None) -> None:
    """The ZIP's size on the home page's link (None: not made in this build)."""
    if home.exists():
        text = home.read_text(encoding="utf-8")
        shown = files.megabytes(size) if size is not None else "chưa tạo khi xem thử"
        home.write_text(text.replace(ZIP_SIZE_MARK, shown), encoding="utf-8")


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
            main_files: list[str] = ()) -> Report:
    zip_size, zip_count = make_zip(site_dir, variant_dir, zip_rel, langs, date_time, main_files)
    fill_zip_size(site_dir / "index.html", zip_size)
    write_app_files(site_dir, app)
    data = write_service_worker(site_dir, langs, skip=(zip_rel,), unit_files=unit_files)
    later = data["onRequest"]
    return Report(zip_rel, zip_size, zip_count, data["bytes"], len(data["files"]),
                  later["bytes"], data["version"], later["files"], tuple(later["units"]))
