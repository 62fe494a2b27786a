"""A light first load on a cheap phone (issue 13): every kind of page, opened
in Chromium from an empty cache through a server that sends the .gz copies
(as nginx's gzip_static does), costs at most BUDGET_KB and BUDGET_REQUESTS;
search loads only when the reader opens it, and answers soon after."""

import brotli
import gzip
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pathlib import Path

from macros import compress
from tests.browser import SLOW_4G, reader, serve
from tests.pageweight import PAGES, ColdLoads

ROOT = Path(__file__).resolve().parents[1]
BUDGET_KB = 85
BUDGET_REQUESTS = 10
SEARCH_ONLY = ("search_index.json", "vi-fold.js", "vi-search.js", "search.", "lunr")


@pytest.fixture(scope="module")
def server(site):
    log: list = []
    with serve(site, log=log) as base:
        yield base, log


@pytest.fixture(scope="module")
def cold(browser, server):
    """First loads from an empty cache, in the worker's reading tab (tests/pageweight.py)."""
    loads = ColdLoads(browser, *server, page=reader(browser).page(360, 740))
    yield loads
    loads.close()


@pytest.mark.parametrize("name,path", list(PAGES.items()), ids=list(PAGES.values()))
def test_first_load_within_budget(cold, name, path):
    load = cold.load(path)
    urls = [u for u, _ in load.requests]
    assert load.count <= BUDGET_REQUESTS, (name, urls)
    assert load.bytes <= BUDGET_KB * 1024, (name, load.bytes, load.requests)
    assert len(set(urls)) == len(urls), urls  # nothing fetched twice
    # Search waits; the unit list's filter (issue 10) folds names with vi-fold.js, on that page only.
    unit_list = path == "don-vi/"
    waits = [s for s in SEARCH_ONLY if not (unit_list and s == "vi-fold.js")]
    assert not [u for u in urls if any(s in u for s in waits)], urls
    assert any("unit-filter.js?v=" in u for u in urls) == unit_list, urls
    assert not [u for u in urls if "print.css" in u or "results.css" in u], urls  # they ride in site.css
    assert any("/assets/site.css?v=" in u for u in urls)
    assert any("toolkit.css" in u for u in urls) == path.startswith("bo-cong-cu/"), urls


def _open_search(page):
    page.locator('.md-header__button[data-for="__search"]').click()
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")


def _search(page):
    _open_search(page)
    page.keyboard.type("tien do")
    page.keyboard.press("End")
    page.wait_for_function("() => !!document.querySelector('.md-search-result__item')")


def test_opening_search_loads_it(cold):
    load = cold.load("tien-do/", then=_search)
    urls = [u for u, _ in load.requests]
    for part in ("search_index.json", "vi-search.js"):
        assert sum(part in u for u in urls) == 1, (part, urls)
    # The worker as served carries vi-fold.js, Material's worker and lunr's
    # languages (macros/searchworker.py): fetched one by one, they cost four
    # round trips after the index (0.8 s on slow 4G).
    for part in ("vi-fold.js", "workers/search.", "lunr"):
        assert not [u for u in urls if part in u], (part, urls)


# Issue 13 asks for results within 300 ms after the index arrives. The worker
# comes in one request while the index downloads (macros/searchworker.py); what
# is left is mostly CPU: the worker builds the lunr index (with the folded twin
# of every word) and answers. Measured with scripts/bench_search.py on the
# 2-core test machine (load average about 2): median 162 ms at full CPU speed
# (stock Material 416 ms), 0.8 s before the worker was one file. This bound
# only catches a broken pipeline (a query lost while the index loads) on a
# machine shared by several test runs; the figures come from the benchmark.
AFTER_INDEX_MS = 5000

_WATCH_RESULTS = """() => {
  window.__firstResult = null
  const list = document.querySelector('.md-search-result__list')
  new MutationObserver((_, obs) => {
    if (list.querySelector('.md-search-result__item')) { window.__firstResult = performance.now(); obs.disconnect() }
  }).observe(list, { childList: true })
}"""
_INDEX_END = """() => {
  const e = performance.getEntriesByType('resource').find(e => e.name.includes('search_index.json'))
  return e ? e.responseEnd : null
}"""


def test_first_results_follow_the_index_quickly_on_slow_4g(cold):
    """In the module's cold tab (cache disabled, storage cleared, a new tab costs ~0.8 CPU-s:
    issue 22), throttled for this test only."""
    page, cdp, base = cold.page, cold.cdp, cold.base
    page.goto("about:blank")
    cdp.send("Storage.clearDataForOrigin", {"origin": base.rstrip("/"), "storageTypes": "all"})
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    try:
        page.goto(base + "kinh-phi/", wait_until="load")
        page.evaluate(_WATCH_RESULTS)
        _open_search(page)
        page.keyboard.type("kinh phi")  # typed while the index downloads
        page.keyboard.press("End")
        page.wait_for_function("() => window.__firstResult !== null", timeout=30000)
        index_end = page.evaluate(_INDEX_END)
        assert index_end is not None
        waited = page.evaluate("() => window.__firstResult") - index_end
        print(f"first results {waited:.0f} ms after the index arrived (slow 4G)")
        assert waited <= AFTER_INDEX_MS, f"first results {waited:.0f} ms after the index arrived"
        first = page.locator(".md-search-result__item a").first.get_attribute("href")
        assert "kinh-phi/" in first
    finally:
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                      "uploadThroughput": -1})


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stylesheets = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets.append(a.get("href", ""))


def test_served_site_css_carries_the_print_and_results_rules(site):
    parser = _Links()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    own = [h for h in parser.stylesheets if "assets/stylesheets/" not in h]  # not Material's
    assert len(own) == 1 and own[0].startswith("assets/site.css?v="), parser.stylesheets
    served = (site / "assets" / "site.css").read_text(encoding="utf-8")
    printed = (site / "assets" / "print.css").read_text(encoding="utf-8")
    results = (ROOT / "docs" / "assets" / "results.css").read_text(encoding="utf-8")
    # the order the browser had them in as three files: the same rules win
    assert served.index(printed.strip()) < served.index(results.strip()) and served.endswith(results)
    assert "@page" in served and not (site / "assets" / "results.css").exists()


def test_every_text_file_has_its_compressed_copies(site):
    texts = [p for p in sorted(site.rglob("*")) if p.is_file() and compress.is_text(p)]
    assert len(texts) > 30
    brotli_count = 0
    for path in texts:
        data = path.read_bytes()
        gz = path.with_name(path.name + ".gz")
        if gz.exists():
            assert gzip.decompress(gz.read_bytes()) == data, path
        if len(data) > 1024:  # tiny files may not gain (MkDocs' own sitemap.xml.gz stays)
            packed = gz.read_bytes()
            assert packed[4:8] == b"\0\0\0\0", path  # no timestamp: builds stay identical
            assert len(packed) < len(data)
        br = path.with_name(path.name + ".br")
        if br.exists():
            brotli_count += 1
            assert brotli.decompress(br.read_bytes()) == data, path
    assert brotli_count > 30
    # the files a reader downloads first all have both
    for name in ("index.html", "assets/site.css", "search/search_index.json"):
        assert (site / (name + ".gz")).exists() and (site / (name + ".br")).exists(), name


def test_gzip_output_is_deterministic():
    data = "Kế hoạch tuyên truyền, vận động năm 2023".encode() * 50
    assert compress.gzip_bytes(data) == compress.gzip_bytes(data)
    assert gzip.decompress(compress.gzip_bytes(data)) == data
    assert not compress.pays(1000, 990) and compress.pays(1000, 900) and not compress.pays(1000, None)


def test_compressing_on_several_threads_writes_the_same_files(tmp_path):
    """compress_tree runs one thread per core: the copies it writes, and what it reports,
    are those of one file after another (pages at gzip 6 and brotli 7, the rest at 9 and 11)."""
    for run in ("one", "many"):
        folder = tmp_path / run
        for i in range(12):
            (folder / f"p{i}").mkdir(parents=True)
            (folder / f"p{i}" / "index.html").write_text(f"<p>Trang {i} – đơn vị</p>\n" * (40 + i), encoding="utf-8")
            (folder / f"p{i}" / "x.js").write_text(f"var a{i} = 'Kế hoạch';\n" * (30 + i), encoding="utf-8")
        written = compress.compress_tree(folder, cache=tmp_path / f"cache-{run}", workers=1 if run == "one" else 4)
        assert [w.path.relative_to(folder) for w in written] == sorted(w.path.relative_to(folder) for w in written)
    one, many = ({p.relative_to(tmp_path / run): p.read_bytes() for p in (tmp_path / run).rglob("*") if p.is_file()}
                 for run in ("one", "many"))
    assert one == many and len(one) == 12 * 2 * 3  # each file with its .gz and .br
    page = (tmp_path / "one" / "p3" / "index.html").read_bytes()
    assert one[Path("p3/index.html.gz")] == compress.gzip_bytes(page, compress.GZIP_LEVEL_PAGES)
    script = (tmp_path / "one" / "p3" / "x.js").read_bytes()
    assert one[Path("p3/x.js.gz")] == compress.gzip_bytes(script, compress.GZIP_LEVEL)
    assert brotli.decompress(one[Path("p3/index.html.br")]) == page


def test_unchanged_files_are_not_compressed_again(tmp_path, monkeypatch):
    """A build with nothing changed reads each file's .gz and .br copies from the cache by
    the file's bytes (issue 24: ~1,400 files gzipped again on every build), and writes the
    same bytes as a build from an empty cache."""
    def site(folder):
        for i in range(4):
            (folder / f"p{i}").mkdir(parents=True)
            (folder / f"p{i}" / "index.html").write_text(f"<p>Trang {i} – đơn vị</p>\n" * 40, encoding="utf-8")
            (folder / f"p{i}" / "x.js").write_text(f"var a{i} = 'Kế hoạch';\n" * 30, encoding="utf-8")
        return folder

    cache = tmp_path / "cache"
    compress.compress_tree(site(tmp_path / "cold"), cache=cache, workers=1)

    def packed_again(*args, **kwargs):
        raise AssertionError("compressed again although its bytes are in the cache")

    monkeypatch.setattr(compress.gzip, "compress", packed_again)
    monkeypatch.setattr(compress.brotli, "compress", packed_again)
    compress.compress_tree(site(tmp_path / "warm"), cache=cache, workers=1)
    cold, warm = ({p.relative_to(tmp_path / run): p.read_bytes() for p in (tmp_path / run).rglob("*") if p.is_file()}
                  for run in ("cold", "warm"))
    assert cold == warm and len(cold) == 4 * 2 * 3


def test_toolkit_stylesheet_follows_plan_prefixes():
    """toolkit.css goes with the toolkit of every plan, whatever its address prefix
    (data/website.yaml duong_dan), and with no other page."""
    from macros.stylesheets import is_toolkit_page

    prefixes = ["", "ke-hoach-2026/"]
    assert is_toolkit_page("bo-cong-cu/index.md", prefixes)
    assert is_toolkit_page("ke-hoach-2026/bo-cong-cu/phieu-khao-sat.md", prefixes)
    assert not is_toolkit_page("ke-hoach-2026/don-vi/huyen-dak-glei.md", prefixes)
    assert not is_toolkit_page("so-tay/bo-cong-cu.md", prefixes)
    assert not is_toolkit_page("ke-hoach-2027/bo-cong-cu/index.md", prefixes)


def test_the_compression_cache_drops_what_no_build_used_for_a_day(tmp_path):
    """Issue 24: the cache of .gz/.br copies (shared by the builds of a machine, or kept between CI
    runs) does not grow for ever: after a build, the entries no build used for PRUNE_AFTER go; what
    this build read (an entry written long ago) or wrote stays, and is the same bytes."""
    import os
    import time

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>Kế hoạch – đơn vị</p>\n" * 60, encoding="utf-8")
    cache = tmp_path / "cache"
    compress.compress_tree(site, cache=cache, workers=1)
    used = sorted(p.name for p in cache.iterdir())
    assert len(used) == 2  # the page's .gz and .br
    old = time.time() - compress.PRUNE_AFTER - 3600
    for name in used:
        os.utime(cache / name, (old, old))
    for name in ("stale-gz6", "left.123.tmp", "recent-q7"):
        (cache / name).write_bytes(b"x")
    for name in ("stale-gz6", "left.123.tmp"):
        os.utime(cache / name, (old, old))
    compress.compress_tree(site, cache=cache, workers=1)
    assert sorted(p.name for p in cache.iterdir()) == sorted(used + ["recent-q7"])
    assert (site / "index.html.gz").read_bytes() == compress.gzip_bytes((site / "index.html").read_bytes(),
                                                                       compress.GZIP_LEVEL_PAGES)
