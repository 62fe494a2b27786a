"""Issue 14 without a browser: the manifest, icons, service worker list and the
ZIP of the built site (session fixture), and the pure helpers behind them."""

import io
import json
import posixpath
import zipfile
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from PIL import Image

from macros.offline import archive, files, filemode, icons, precache

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


def _zip(site) -> zipfile.ZipFile:
    (archive_path,) = (site / "tai-ve").glob("*.zip")
    return zipfile.ZipFile(archive_path)


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
    for asset in site.glob("assets/**/*.*"):
        rel = asset.relative_to(site).as_posix()
        assert (rel in urls) == files.needed(rel, ["vi"]) or rel.endswith("file-worker.js"), rel
    assert not any(u.endswith((".zip", ".map")) or u == "sw.js" for u in urls)
    # Each listed hash is the content of the file on disk.
    listed = {url: short for url, short in data["files"]}
    on_disk = {files.url_of(p): p for p in files.site_files(site, ["vi"])}
    for url, short in listed.items():
        assert files.entries(site, [on_disk[url]])[0].sha[:16] == short, url
    assert data["bytes"] == sum((site / on_disk[u]).stat().st_size for u in listed)
    assert data["bytes"] <= LIMIT
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


# --- pure helpers ------------------------------------------------------------


def test_page_urls_are_the_ones_the_site_links_to():
    assert files.url_of("index.html") == "./"
    assert files.url_of("ke-hoach/index.html") == "ke-hoach/"
    assert files.url_of("pdf/ke-hoach-2023.pdf") == "pdf/ke-hoach-2023.pdf"
    assert files.url_of("404.html") == "404.html"
    assert files.megabytes(4_160_000) == "4,2 MB"


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
    assert data["onRequest"] == [["pdf/x.pdf", 9_000_000]] and data["bytes"] == 100


def test_zip_is_byte_identical_for_the_same_files(tmp_path):
    (tmp_path / "b.html").write_text("b", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    members = {"b.html": tmp_path / "b.html", "a.txt": tmp_path / "a.txt"}
    archive.write_zip(tmp_path / "1.zip", members)
    (tmp_path / "a.txt").touch()  # a newer mtime changes nothing
    archive.write_zip(tmp_path / "2.zip", dict(reversed(members.items())))
    assert (tmp_path / "1.zip").read_bytes() == (tmp_path / "2.zip").read_bytes()
    assert zipfile.ZipFile(tmp_path / "1.zip").namelist() == ["a.txt", "b.html"]
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


def test_first_visit_pays_at_most_5_kb_gzip_for_offline(site):
    """The inline registration and manifest link on the page, and sw.js (the one
    extra request, made after the load event) together stay within 5 KB gzip."""
    import gzip

    html = (site / "index.html").read_text(encoding="utf-8")
    parser = _Scripts()
    parser.feed(html)
    (inline,) = [s for s in parser.inline if "serviceWorker" in s]
    link = '<link rel="manifest" href="manifest.webmanifest">'
    added = gzip.compress((inline + link).encode(), 9)
    worker = gzip.compress((site / "sw.js").read_bytes(), 9)
    assert len(added) + len(worker) <= 5 * 1024, (len(added), len(worker))
