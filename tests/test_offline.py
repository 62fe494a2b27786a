"""Issue 14 without a browser: the manifest, icons, service worker list and the
ZIP of the built site (session fixture), and the pure helpers behind them."""

import hashlib
import io
import json
import posixpath
import zipfile
from pathlib import Path
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from PIL import Image

from macros.offline import archive, files, filemode, icons, package, precache

LIMIT = 15_000_000


class _Refs(HTMLParser):
    """Every href/src of a page, with its tag and rel."""

    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.refs.append((tag, a.get("rel") or "", a[key]))

    def handle_data(self, data):
        self.text.append(data)


def refs(html: str) -> _Refs:
    parser = _Refs()
    parser.feed(html)
    return parser


def _precache(site) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    start = text.index("var PRECACHE = ") + len("var PRECACHE = ")
    return json.JSONDecoder().raw_decode(text[start:])[0]


class _Unpacked:
    """The ZIP with its one top folder taken off the names (checked here)."""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        self.top = path.name.removesuffix(".zip") + "/"
        assert all(n.startswith(self.top) for n in self.zip.namelist()), self.zip.namelist()[:5]

    def namelist(self):
        return [n[len(self.top):] for n in self.zip.namelist()]

    def infolist(self):
        return self.zip.infolist()

    def read(self, name):
        return self.zip.read(self.top + name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.zip.close()


def _zip(site) -> _Unpacked:
    (archive_path,) = (site / "tai-ve").glob("*.zip")
    return _Unpacked(archive_path)


# --- the built site ----------------------------------------------------------


def test_manifest_names_the_site_in_vietnamese_with_icons(site):
    data = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert data["name"] == "Kế hoạch tuyên truyền, vận động năm 2023"
    assert data["short_name"] == "Kế hoạch 2023" and data["lang"] == "vi"
    assert data["start_url"] == "./" and data["display"] == "standalone"
    assert data["theme_color"] == "#b71c1c"
    seen = set()
    for icon in data["icons"]:
        image = Image.open(site / icon["src"])
        assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"
        assert image.getpixel((2, 2))[:3] == (0xB7, 0x1C, 0x1C)                 # Front red field
        assert image.getpixel((image.width // 2, image.height // 2))[:3] == (255, 255, 255)  # star
        seen.add((icon["sizes"], icon["purpose"]))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= seen
    home = refs((site / "index.html").read_text(encoding="utf-8"))
    assert ("link", "manifest", "manifest.webmanifest") in home.refs


def test_service_worker_lists_every_page_asset_index_and_pdf(site):
    data = _precache(site)
    urls = {url for url, _ in data["files"]}
    for page in site.rglob("*.html"):
        assert files.url_of(page.relative_to(site).as_posix()) in urls, page
    assert {"./", "ke-hoach/", "search/search_index.json", "manifest.webmanifest"} <= urls
    assert {p.relative_to(site).as_posix() for p in site.rglob("*.pdf")} <= urls
    # What the served search worker carries is fetched by no page: not cached on its own.
    bundled = set(package.bundled_parts(site, ["vi"]))
    assert {"assets/javascripts/lunr/min/lunr.vi.min.js"} < bundled
    assert "assets/javascripts/vi-fold.js" not in bundled
    for asset in site.glob("assets/**/*.*"):
        rel = asset.relative_to(site).as_posix()
        assert (rel in urls) == (files.needed(rel, ["vi"]) and rel not in bundled) or rel.endswith("file-worker.js"), rel
    assert not any(u.endswith((".zip", ".map")) or u == "sw.js" for u in urls)
    # Each listed hash is the content of the file on disk.
    listed = {url: short for url, short in data["files"]}
    on_disk = {files.url_of(p): p for p in files.site_files(site, ["vi"])}
    for url, short in listed.items():
        assert files.entries(site, [on_disk[url]])[0].sha[:16] == short, url
    assert data["bytes"] == sum((site / on_disk[u]).stat().st_size for u in listed)
    assert data["bytes"] <= LIMIT
    # All ten units fit the budget: nothing is left to be saved when opened, and the
    # list is the one made without a budget (what this site had before it).
    assert data["onRequest"] == {"under": [], "files": 0, "bytes": 0, "units": [10, 10],
                                 "text": "Đã lưu để đọc khi không có mạng."}
    zip_url = next((site / "tai-ve").glob("*.zip")).relative_to(site).as_posix()
    assert urls == set(on_disk) - {"sw.js", "assets/javascripts/file-worker.js", zip_url} - bundled
    assert (site / "sw.js").read_text(encoding="utf-8").count("__PRECACHE__") == 0
    assert not (site / "assets/javascripts/sw.js").exists()


def test_zip_holds_a_site_that_links_to_files_on_disk(site):
    with _zip(site) as z:
        names = z.namelist()
        assert names == sorted(names)
        assert all(i.date_time == z.infolist()[0].date_time for i in z.infolist())
        assert {"index.html", "ke-hoach.html", "search/search_index.js",
                filemode.SCRIPTS, "assets/javascripts/file-worker.js"} <= set(names)
        assert {p.relative_to(site).as_posix() for p in site.rglob("*.pdf")} <= set(names)
        assert not any(n.endswith((".map", ".zip")) or n == "sw.js" or n.startswith("assets/icons") for n in names)
        pages = [n for n in names if n.endswith(".html")]
        assert len(pages) == len(list(site.rglob("*.html"))) - 1  # no 404 page on disk
        for name in pages:
            html = z.read(name).decode("utf-8")
            found = refs(html)
            assert "serviceWorker" not in html and "manifest" not in {rel for _, rel, _ in found.refs}, name
            for tag, rel, ref in found.refs:
                parts = urlparse(ref)
                if parts.scheme or parts.netloc:
                    assert tag == "a" and parts.scheme in ("http", "https", "mailto"), (name, ref)
                    continue  # a link the reader may follow, never loaded by the page
                if not parts.path:
                    continue  # "#anchor"
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name), parts.path))
                assert not target.endswith("/") and target in names, (name, ref, target)
    size = next((site / "tai-ve").glob("*.zip")).stat().st_size
    assert size <= LIMIT
    home = "".join(refs((site / "index.html").read_text(encoding="utf-8")).text)
    assert f"Tải toàn bộ website (ZIP, {files.megabytes(size)})" in home
    assert "__VI_ZIP_SIZE__" not in home


def test_zip_search_index_script_is_the_same_index(site):
    with _zip(site) as z:
        script = z.read("search/search_index.js").decode("utf-8")
        index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert script.startswith("var __index = ")
    copy = json.loads(script[len("var __index = "):].rstrip().rstrip(";"))
    assert copy["config"] == index["config"]
    assert {d["location"].split("#")[0] for d in copy["docs"]} >= {"ke-hoach.html", "index.html"}
    # the same entries as online: a unit page is one entry there too (its .html address)
    assert len(copy["docs"]) == len(index["docs"])
    units = [d for d in copy["docs"] if d["location"].startswith("don-vi/") and d["location"] != "don-vi.html"]
    assert len(units) == 10 and all(d["location"].endswith(".html") for d in units)


# --- pure helpers ------------------------------------------------------------


def test_page_urls_are_the_ones_the_site_links_to():
    assert files.url_of("index.html") == "./"
    assert files.url_of("ke-hoach/index.html") == "ke-hoach/"
    assert files.url_of("pdf/ke-hoach-2023.pdf") == "pdf/ke-hoach-2023.pdf"
    assert files.url_of("404.html") == "404.html"
    assert files.megabytes(4_160_000) == "4,2 MB"
    assert [files.size_text(n) for n in (570_000, 99_999, 48_200, 1)] == ["0,6 MB", "100 KB", "49 KB", "1 KB"]


def test_unused_lunr_languages_and_source_maps_are_left_out():
    assert files.needed("assets/javascripts/lunr/min/lunr.vi.min.js", ["vi"])
    assert files.needed("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", ["vi"])
    assert not files.needed("assets/javascripts/lunr/min/lunr.de.min.js", ["vi"])
    assert not files.needed("assets/javascripts/lunr/wordcut.js", ["vi"])
    assert not files.needed("assets/javascripts/bundle.js.map", ["vi"])


def test_version_follows_content():
    a = [files.Entry("a.html", "a/", 1, "1" * 64), files.Entry("b.css", "b.css", 1, "2" * 64)]
    b = [a[0], files.Entry("b.css", "b.css", 1, "3" * 64)]
    assert precache.version(a) == precache.version(list(reversed(a)))
    assert precache.version(a) != precache.version(b)


def test_pdfs_are_cached_on_request_when_too_large_together():
    pdf = files.Entry("pdf/x.pdf", "pdf/x.pdf", 9_000_000, "a" * 64)
    page = files.Entry("index.html", "./", 100, "b" * 64)
    assert precache.split_pdfs([page, pdf]) == ([page], [pdf])
    assert precache.split_pdfs([page, pdf], limit=10_000_000) == ([page, pdf], [])
    data = precache.precache_data([page], [pdf])
    assert data["onRequest"] == {"under": ["pdf/"], "files": 1, "bytes": 9_000_000, "units": [0, 0],
                                 "text": "Đã lưu để đọc khi không có mạng. Tệp PDF: mở một lần khi có mạng để lưu."}
    assert data["bytes"] == 100


def _entry(path: str, size: int) -> files.Entry:
    return files.Entry(path, files.url_of(path), size, hashlib.sha256(path.encode()).hexdigest())


def _synthetic(units: int) -> tuple[list[files.Entry], list[list[str]]]:
    """A site of `units` units: shared pages and assets (1,000 bytes each, the
    unit list 5,000) and, per unit, a page (300), a handout PDF (200), a calendar
    (10) and a report template (90): 600 bytes a unit."""
    shared = [_entry(p, 1000) for p in ("index.html", "assets/site.css", "search/search_index.json",
                                        "tai-ve/ke-hoach.zip-free.csv")] + [_entry("don-vi/index.html", 5000)]
    groups, unit_entries = [], []
    for i in range(units):
        paths = [f"don-vi/xa-{i:04d}/index.html", f"pdf/don-vi/xa-{i:04d}.pdf", f"tai-ve/lich/xa-{i:04d}.ics",
                 f"tai-ve/mau-bao-cao/mau-{i:04d}-xa-{i:04d}.xlsx"]
        unit_entries += [_entry(p, s) for p, s in zip(paths, (300, 200, 10, 90))]
        groups.append(paths)
    return shared + unit_entries, groups


def test_units_join_the_precache_while_within_the_budget():
    entries, groups = _synthetic(20)        # shared 9,000 bytes + 20 x 600
    fits = precache.split(entries, groups, budget=9_000 + 20 * 600)
    assert fits.cached == entries and fits.on_request == [] and fits.units == (20, 20)
    part = precache.split(entries, groups, budget=9_000 + 3 * 600 + 599)
    assert part.units == (3, 20) and not part.pdfs    # units' own PDFs go with their unit
    saved = {e.path for e in part.cached}
    assert {e.path for e in entries[:5]} <= saved                       # every shared file
    assert set(sum(groups[:3], [])) <= saved                            # the first three units whole
    assert not saved & set(sum(groups[3:], []))                         # no file of the others
    assert sorted(e.path for e in part.on_request) == sorted(sum(groups[3:], []))
    assert sum(e.size for e in part.cached) <= 9_000 + 3 * 600 + 599
    assert [e for e in entries if e in part.cached] == part.cached      # order kept
    # Shared files are saved even above the budget; then no unit is.
    none = precache.split(entries, groups, budget=100)
    assert none.units == (0, 20) and {e.path for e in none.cached} == {e.path for e in entries[:5]}
    # Without unit groups (or PDFs over their limit) it is the PDF rule alone.
    assert precache.split(entries, budget=100).cached == entries
    pdfs = precache.split(entries, groups, pdf_limit=1000)
    assert pdfs.units == (20, 20) and pdfs.pdfs and all(e.path.endswith(".pdf") for e in pdfs.on_request)
    assert len(pdfs.on_request) == 20


def test_the_reader_is_told_what_is_saved_when_opened():
    assert precache.saved_text((10, 10), False) == "Đã lưu để đọc khi không có mạng."
    assert precache.saved_text((0, 3321), False) == ("Đã lưu để đọc khi không có mạng: các trang chung. "
                                                     "Trang và tệp của từng đơn vị: mở một lần khi có mạng để lưu.")
    assert precache.saved_text((1200, 3321), False).startswith(
        "Đã lưu để đọc khi không có mạng: các trang chung và 1.200 trên 3.321 đơn vị.")


def test_files_on_request_are_told_by_their_folders_not_one_by_one():
    entries, groups = _synthetic(3321)
    part = precache.split(entries, groups)
    assert part.units == (3321, 3321)                     # 2 MB: within 12 MB
    big = [files.Entry(e.path, e.url, e.size * 100, e.sha) for e in entries]
    part = precache.split(big, groups)
    saved, total = part.units
    assert total == 3321 and 0 < saved < 3321
    assert sum(e.size for e in part.cached) <= precache.PRECACHE_BUDGET
    assert part.pdfs
    data = precache.precache_data(part.cached, part.on_request, part.units, avoid=("tai-ve/ke-hoach.zip",),
                                  pdfs=part.pdfs)
    later = data["onRequest"]
    assert later["under"] == ["don-vi/", "pdf/don-vi/", "tai-ve/lich/", "tai-ve/mau-bao-cao/"]
    # the PDFs, 66 MB together, all on request (over their 8 MB), and three files of each unit not saved
    assert later["files"] == 3321 + 3 * (3321 - saved) and later["units"] == [saved, 3321]
    assert later["text"] == (f"Đã lưu để đọc khi không có mạng: các trang chung và {saved} trên 3.321 đơn vị. "
                             "Trang và tệp của các đơn vị khác: mở một lần khi có mạng để lưu. "
                             "Tệp PDF: mở một lần khi có mạng để lưu.")
    assert len(json.dumps(data)) < 60 * len(data["files"]) + 500   # the saved list, not the 12,453 others
    # A folder that holds the ZIP is never a prefix: its files stand for themselves.
    assert precache.folders(["tai-ve/a.ics", "x.pdf", "don-vi/b/", "don-vi/c/"], avoid=("tai-ve/t.zip",)) \
        == ["don-vi/", "tai-ve/a.ics", "x.pdf"]


def test_zip_is_byte_identical_for_the_same_files(tmp_path):
    (tmp_path / "b.html").write_text("b", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    members = {"b.html": tmp_path / "b.html", "a.txt": tmp_path / "a.txt"}
    archive.write_zip(tmp_path / "1.zip", members)
    (tmp_path / "a.txt").touch()  # a newer mtime changes nothing
    archive.write_zip(tmp_path / "2.zip", dict(reversed(members.items())))
    assert (tmp_path / "1.zip").read_bytes() == (tmp_path / "2.zip").read_bytes()
    assert zipfile.ZipFile(tmp_path / "1.zip").namelist() == ["a.txt", "b.html"]
    # Issue 23: unpacked, the site is one folder named like the ZIP, not files spread where it lands.
    archive.write_zip(tmp_path / "3.zip", members, top="ke-hoach-mau")
    assert zipfile.ZipFile(tmp_path / "3.zip").namelist() == ["ke-hoach-mau/a.txt", "ke-hoach-mau/b.html"]
    assert package.top_folder("tai-ve/ke-hoach-mau.zip") == "ke-hoach-mau"
    assert archive.zip_date(1700000000) == (2023, 11, 14, 22, 13, 20)


def test_icons_are_deterministic():
    assert icons.icon_png(192, "#ef5552") == icons.icon_png(192, "#ef5552")
    image = Image.open(io.BytesIO(icons.icon_png(64, "#ef5552", maskable=True)))
    assert image.size == (64, 64)


def test_a_broken_index_stops_the_file_copy():
    with pytest.raises(ValueError):
        filemode.index_script('{"docs": [')


def test_worker_scripts_are_wrapped_in_functions():
    out = filemode.scripts_bundle({"x.js": "var a = 1\n//# sourceMappingURL=x.js.map"})
    assert 'R["x.js"] = function (self, addEventListener, postMessage, importScripts) {' in out
    assert "sourceMappingURL" not in out


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and "src" not in dict(attrs)
        if self._in:
            self.inline.append("")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.inline[-1] += data


def test_first_visit_pays_at_most_7_kb_gzip_for_offline(site):
    """The inline registration and manifest link on the page, and sw.js (the one
    extra request, made after the load event) together stay within 7 KB gzip
    (5 KB until issue 23 added the saving progress, the lasting state, the
    reader's unit first and the question on Save-Data: about 1.8 KB)."""
    import gzip

    html = (site / "index.html").read_text(encoding="utf-8")
    parser = _Scripts()
    parser.feed(html)
    (inline,) = [s for s in parser.inline if "serviceWorker" in s]
    link = '<link rel="manifest" href="manifest.webmanifest">'
    added = gzip.compress((inline + link).encode(), 9)
    worker = gzip.compress((site / "sw.js").read_bytes(), 9)
    assert len(added) + len(worker) <= 7 * 1024, (len(added), len(worker))


# --- issue 24: the ZIP's cap, and a package per unit above it -------------------


def _tiny_site(tmp_path):
    """A main build and its file:// copy with two units (a, b), as package() sees them."""
    from tests.sitebuild import ROOT

    site, copy = tmp_path / "site", tmp_path / "copy"
    pages = {"index.html": "<p>trang chủ</p>", "ke-hoach/index.html": "<p>kế hoạch</p>"}
    for u in "ab":
        pages[f"don-vi/{u}/index.html"] = f"<h1>{u}</h1><p>đơn vị {u}</p>"
        pages[f"pdf/don-vi/{u}.pdf"] = f"%PDF {u}" + "x" * 3000
        pages[f"tai-ve/lich/{u}.ics"] = f"BEGIN:VCALENDAR {u}"
    pages[package.SW_TEMPLATE] = (ROOT / "overrides" / package.SW_TEMPLATE).read_text(encoding="utf-8")
    for path, text in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    docs = [{"location": loc, "title": loc, "text": ""} for loc in ("index.html", "ke-hoach.html", "don-vi/a.html",
                                                                     "don-vi/b.html#x")]
    copied = {"index.html": "<p>trang chủ</p>", "ke-hoach.html": "<p>kế hoạch</p>", "don-vi/a.html": "a",
              "don-vi/b.html": "b", "assets/site.css": "body{}" * 500,
              "search/search_index.js": filemode.index_script(json.dumps({"config": {}, "docs": docs}))}
    for path, text in copied.items():
        (copy / path).parent.mkdir(parents=True, exist_ok=True)
        (copy / path).write_text(text, encoding="utf-8")
    groups = [package.UnitGroup(u, f"don-vi/{u}/index.html", f"don-vi/{u}.html",
                                (f"pdf/don-vi/{u}.pdf", f"tai-ve/lich/{u}.ics")) for u in "ab"]
    app = package.AppInfo("Mẫu", "Mẫu", "Mẫu", "#b71c1c")
    return site, copy, groups, app


def test_whole_zip_within_its_cap_and_no_unit_packages(tmp_path):
    site, copy, groups, app = _tiny_site(tmp_path)
    shown = []  # the pages offering the packages are rendered with these (offline_hooks.show_packages)
    report = package.package(site, copy, zip_rel="tai-ve/mau.zip", langs=["vi"], app=app,
                             main_files=["tai-ve/lich/a.ics", "tai-ve/lich/b.ics"], groups=groups, show=shown.append)
    assert report.zip_size <= package.ZIP_CAP and report.unit_zips == 0
    assert (site / "tai-ve/mau.zip").exists() and not (site / package.UNIT_ZIP_DIR).exists()
    (packages,) = shown
    line = package.zip_line(packages)
    assert "Tải toàn bộ website (ZIP," in line and 'href="tai-ve/mau.zip"' in line
    assert f"(ZIP, {files.megabytes(report.zip_size)})" in line
    assert [package.unit_line(packages, g) for g in groups] == ["", ""]


def _names(path) -> set[str]:
    with zipfile.ZipFile(path) as z:
        return set(z.namelist())


def test_above_the_cap_one_shared_package_and_a_small_one_per_unit(tmp_path):
    """Issue 24: the 15 MB cap was described but not enforced (144 MB at 3,321 units);
    then each unit's package held the shared part again (1,000 units: 567 MB of packages
    for a 658 MB site). Now one shared package and per unit only its own files: no file
    in two packages, together the whole ZIP's files, about its size."""
    site, copy, groups, app = _tiny_site(tmp_path)
    shown = []
    report = package.package(site, copy, zip_rel="tai-ve/mau.zip", langs=["vi"], app=app, cap=1000,
                             main_files=["tai-ve/lich/a.ics", "tai-ve/lich/b.ics"], groups=groups, show=shown.append)
    whole = report.zip_size
    assert not (site / "tai-ve/mau.zip").exists()  # above the cap: not published
    (packages,) = shown
    home = str(package.zip_line(packages))
    text = "".join(refs(home).text)
    assert "vượt giới hạn 0,0 MB" in text and "trang của đơn vị" in text
    assert f'href="{package.SHARED_ZIP}"' in home
    assert report.unit_zips == 2
    shared = _names(site / package.SHARED_ZIP)
    a, b = (_names(site / package.UNIT_ZIP_DIR / f"{u}.zip") for u in "ab")
    assert all(n.startswith("mau/") for n in shared | a | b)  # one top folder, the same as the whole ZIP's
    assert {"mau/index.html", "mau/ke-hoach.html", "mau/assets/site.css", "mau/search/search_index.js"} <= shared
    assert not any("/a." in n or "/b." in n for n in shared), shared    # no unit's own file in the shared one
    assert a == {"mau/don-vi/a.html", "mau/pdf/don-vi/a.pdf", "mau/tai-ve/lich/a.ics", "mau/search/don-vi/a.js"}
    assert not shared & a and not a & b  # unpacked into one place, nothing is asked to be replaced
    # Together about the whole ZIP's size (each package's own directory and names aside).
    sizes = [(site / package.SHARED_ZIP).stat().st_size] + [
        (site / package.UNIT_ZIP_DIR / f"{u}.zip").stat().st_size for u in "ab"]
    assert report.shared_zip_size == sizes[0] and report.unit_zip_total == sum(sizes[1:])
    assert sum(sizes) <= whole + 600 * len(sizes), (sizes, whole)
    # Search: the shared index has the shared pages and names each unit's script of entries.
    with zipfile.ZipFile(site / package.SHARED_ZIP) as z:
        index_js = z.read("mau/search/search_index.js").decode("utf-8")
    first, listed = index_js.splitlines()
    index = json.loads(first[first.index("=") + 1:].strip().rstrip(";"))
    assert [d["location"] for d in index["docs"]] == ["index.html", "ke-hoach.html"]
    assert listed == f'var {package.UNIT_SCRIPTS_VAR} = ["search/don-vi/a.js","search/don-vi/b.js"];'
    with zipfile.ZipFile(site / package.UNIT_ZIP_DIR / "b.zip") as z:
        script = z.read("mau/search/don-vi/b.js").decode("utf-8")
    assert script.startswith('(window.__viUnitDocs = window.__viUnitDocs || {})["search/don-vi/b.js"] = ')
    assert '"location":"don-vi/b.html#x"' in script and "don-vi/a.html" not in script
    # Each unit page links both packages with their sizes and says how to use them.
    page = str(package.unit_line(packages, groups[0]))
    assert f'href="../../{package.UNIT_ZIP_DIR}/a.zip"' in page and f"(ZIP, {files.size_text(sizes[1])})" in page
    assert f'href="../../{package.SHARED_ZIP}"' in page and f"(ZIP, {files.size_text(sizes[0])})" in page
    assert "0,0 MB" not in page  # a package of a few KB says so (1,000 units: 48 KB each)
    said = " ".join("".join(refs(page).text).split())
    assert "giải nén cả hai vào cùng một chỗ" in said and "mau" in said and "index.html" in said
    # the packages are not in the service worker's lists (like the whole ZIP)
    sw = (site / "sw.js").read_text(encoding="utf-8")
    assert "goi-don-vi/a.zip" not in sw and package.SHARED_ZIP not in sw


def test_split_packages_search_the_units_unpacked_beside_the_shared_one(site, browser, tmp_path):
    """The real site's file:// copy (its whole ZIP) split as above the cap: the shared
    package and one unit's, unpacked into one folder and opened from disk. Search finds
    that unit's page; another unit (its package not unpacked) is not offered."""
    from pathlib import Path

    from macros.loader import load_website
    from macros.offline import units
    from tests.browser import reader
    from tests.sitebuild import ROOT

    whole = next((site / "tai-ve").glob("*.zip"))
    top = whole.name.removesuffix(".zip")
    with zipfile.ZipFile(whole) as z:
        z.extractall(tmp_path / "whole")
    root = tmp_path / "whole" / top
    members = {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
    plan = load_website(ROOT).plans[0]
    groups = units.unit_groups(plan)
    sizes = package.unit_packages(tmp_path / "out", members, groups, top, archive.DEFAULT_DATE)
    assert len(sizes) == len(groups) + 1
    first, other = groups[0], groups[-1]
    for rel in (package.SHARED_ZIP, package.unit_package_path(first.slug)):
        with zipfile.ZipFile(tmp_path / "out" / rel) as z:
            z.extractall(tmp_path / "here")
    folder = tmp_path / "here" / top
    assert (folder / first.copy_page).exists() and not (folder / other.copy_page).exists()
    box = reader(browser).search_box((folder / "index.html").as_uri(), 360, 740)
    try:
        found = [urlparse(r["href"]).path for r in box.search(plan.units[0].ten)]
        assert (folder / first.copy_page).as_posix() in found, found
        missing = [urlparse(r["href"]).path for r in box.search(plan.units[-1].ten)]
        assert (folder / other.copy_page).as_posix() not in missing, missing
        assert all(Path(p).exists() for p in found + missing), found + missing
        assert not box.errors, box.errors
    finally:
        box.close()


def test_pages_offering_the_packages_are_rendered_again_not_spliced(monkeypatch):
    """Issue 22: no mark put into a finished page and replaced after the build. Once the
    packages exist, the home page and (above the cap) each unit page are built again by
    MkDocs with the packages' facts, which the theme's template puts in (overrides/main.html):
    the home page's `offline_line`, the unit page's line from `unit_offline_lines`. Issue 24:
    only their template is rendered again; their Markdown, converted once, is not (a unit
    page above the cap was converted twice)."""
    from types import SimpleNamespace as NS

    from macros.adapters import build_state, offline_hooks

    groups = [package.UnitGroup(u, f"don-vi/{u}/index.html", f"don-vi/{u}.html", ()) for u in "ab"]

    def page(dest, home=False):
        return NS(is_homepage=home, file=NS(dest_uri=dest), name=dest)

    pages = [page("index.html", True), page("ke-hoach/index.html")] + [page(g.page) for g in groups]
    doc_files = [NS(page=p, dest_uri=p.file.dest_uri) for p in pages]
    state = NS(theme_env=NS(globals={"unit_offline_lines": {}}), nav="nav",
               files=NS(documentation_pages=lambda inclusion: doc_files),
               unit_groups={g.page: g for g in groups}, offline_packages=None, page_cache=None,
               settings=NS(serving=False, offline=True))
    config = NS(use_directory_urls=True)
    build_state.attach(config, state)
    done = []
    monkeypatch.setattr(offline_hooks, "_populate_page", lambda p, c, f: done.append(("source", p.name)),
                        raising=False)
    monkeypatch.setattr(offline_hooks, "_build_page", lambda p, c, d, nav, env: done.append(("page", p.name)))

    whole = package.Packages(900_000, "tai-ve/mau.zip")
    offline_hooks.show_packages(config, whole)
    assert done == [("page", "index.html")]  # the home page only, its Markdown not converted again
    assert "Tải toàn bộ website (ZIP, 0,9 MB)" in state.theme_env.globals["offline_line"]
    assert state.theme_env.globals["unit_offline_lines"] == {}

    done.clear()
    split = package.Packages(20_000_000, None, shared=(package.SHARED_ZIP, 500_000),
                             units={"a": ("tai-ve/goi-don-vi/a.zip", 53_000), "b": ("tai-ve/goi-don-vi/b.zip", 9)})
    offline_hooks.show_packages(config, split)
    assert done == [("page", "index.html"), ("page", "don-vi/a/index.html"), ("page", "don-vi/b/index.html")]
    assert "vượt giới hạn 15,0 MB" in state.theme_env.globals["offline_line"]
    lines = state.theme_env.globals["unit_offline_lines"]
    assert sorted(lines) == ["don-vi/a/index.html", "don-vi/b/index.html"]  # unit pages only
    shown = str(lines["don-vi/a/index.html"])
    assert shown.startswith('<p class="vi-goi">') and 'href="../../tai-ve/goi-don-vi/a.zip"' in shown
    assert "(ZIP, 53 KB)" in shown


def test_above_the_cap_the_whole_zip_is_measured_not_written_twice(tmp_path, monkeypatch):
    """Issue 24: above its cap the whole-site ZIP was written in full only to learn its
    size (the home page says it), then every file compressed again for the packages. Now
    it stops at the cap and its size comes from the packages' entries: the same size to
    the byte as writing it."""
    site, copy, groups, app = _tiny_site(tmp_path)
    main_files = ["tai-ve/lich/a.ics", "tai-ve/lich/b.ics"]
    members = package.zip_members(site, copy, ["vi"], main_files)
    whole = archive.write_zip(tmp_path / "whole.zip", members, archive.DEFAULT_DATE, top="mau")
    added = []
    real_add = archive.add
    monkeypatch.setattr(archive, "add", lambda z, name, *a, **k: (added.append(z.filename), real_add(z, name, *a, **k)))
    report = package.package(site, copy, zip_rel="tai-ve/mau.zip", langs=["vi"], app=app, cap=whole // 3,
                             main_files=main_files, groups=groups)
    assert report.zip_size == whole and report.unit_zips == 2
    assert not (site / "tai-ve/mau.zip").exists()
    in_whole = [f for f in added if f.endswith("mau.zip")]
    assert 0 < len(in_whole) < len(members), (len(in_whole), len(members))


@pytest.mark.parametrize("cap", [package.ZIP_CAP, 0])
def test_packages_made_before_are_copied_not_compressed_again(tmp_path, monkeypatch, cap):
    """Issue 24: the offline ZIPs (the whole one, or the shared and per-unit packages) were
    compressed again by every build, with nothing changed. Now kept by the hash of their
    entries (names and bytes), top folder and date: the same bytes, no file compressed;
    a changed file remakes only the packages holding it."""
    main_files = ["tai-ve/lich/a.ics", "tai-ve/lich/b.ics"]

    def build(n, change=False):
        site, copy, groups, app = _tiny_site(tmp_path / n)
        if change:  # one unit's calendar changed
            (site / "tai-ve/lich/b.ics").write_text("BEGIN:VCALENDAR\nX-CHANGED:1\nEND:VCALENDAR\n", encoding="utf-8")
        report = package.package(site, copy, zip_rel="tai-ve/mau.zip", langs=["vi"], app=app, cap=cap,
                                 main_files=main_files, groups=groups, store=package.ZipCache(tmp_path / "cache"))
        return report, {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.zip")}

    first, made = build("1")
    assert made and (cap == 0) == (package.SHARED_ZIP in made)
    added = []
    real_add = archive.add
    monkeypatch.setattr(archive, "add", lambda z, name, *a, **k: (added.append((Path(z.filename).name, name)),
                                                                 real_add(z, name, *a, **k)))
    assert build("2") == (first, made) and added == []
    if cap == 0:  # its package alone is made again
        build("3", change=True)
        # (the whole ZIP, its entries changed, is written up to its cap to learn that it is above it)
        assert sorted({name for zip_name, name in added if zip_name != "mau.zip"}) == [
            "mau/don-vi/b.html", "mau/pdf/don-vi/b.pdf", "mau/search/don-vi/b.js", "mau/tai-ve/lich/b.ics"], added
