"""Vietnamese search against stock Material search, on this very site.

    .venv/bin/python scripts/bench_search.py [ROUNDS]

Builds the project twice into a temp dir: as it is, and a copy with stock
search (no overrides/main.html, no search settings or search hook functions).
Prints, for both: the search index size (raw and gzip -9), the time from
the last keystroke to rendered results in headless Chromium, and how many
queries of tests/test_search.py find their page among the first 5.
Targets (issue 3): gzip at most 1.6x stock; results within 150 ms.
Also (issue 13): on an emulated slow 4G connection, from an empty cache, the
time from the index's arrival to the first rendered result, and from the
reader's first tap on search to that result, at full CPU speed and with the
CPU slowed 4x (Lighthouse's phone); target 300 ms after the index arrives.
"""

import gzip
import shutil
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.searchindex import size_figures  # noqa: E402
from tests.browser import SLOW_4G, launch, serve  # noqa: E402
from tests.searchbox import SearchBox  # noqa: E402
from tests.sitebuild import copy_project, mkdocs_build  # noqa: E402
from tests.test_search import CASES, TOP  # noqa: E402

QUERIES = ["thoat ngheo", "dong bao", "uỷ ban", "dak glei", "50.000.000", "thoát nghèo", "Ia H’Drai", "d"]

# Set the box to everything but the last character, let that settle, then
# type the last character (keyup, which is what Material listens to) and time
# until the result list stops changing: the last mutation is "rendered".
LATENCY_JS = """async (q) => {
  const input = document.querySelector('.md-search__input')
  const root = document.querySelector('.md-search-result')
  const settle = (ms) => new Promise(resolve => {
    let last = performance.now(), timer = setTimeout(done, ms)
    const obs = new MutationObserver(() => {
      last = performance.now(); clearTimeout(timer); timer = setTimeout(done, ms) })
    obs.observe(root, {childList: true, subtree: true, characterData: true})
    function done() { obs.disconnect(); resolve(last) }
  })
  input.value = q.slice(0, -1); input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}))
  await settle(200)
  input.value = q
  const t0 = performance.now()
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}))
  return (await settle(400)) - t0
}"""


def stock_copy(dest: Path) -> Path:
    """The project with Material's stock search: the baseline."""
    copy_project(dest)
    (dest / "overrides" / "main.html").unlink()
    shutil.rmtree(dest / "overrides" / "assets" / "javascripts")
    yml = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    yml = re.sub(r"(  - search:\n      lang: vi\n)(?:      .*\n)+", r"\1", yml)
    (dest / "mkdocs.yml").write_text(yml, encoding="utf-8")
    plugin = dest / "macros" / "adapters" / "plugin.py"
    text = plugin.read_text(encoding="utf-8")
    text = text.replace("        _check_search(config)\n", "").replace("        _search_worker_in_one_file(files, config)\n", "")
    # without on_env and on_post_build (the class's last two events): no search rewrite, no versions
    text = text[: text.index('    @_guarded("chuẩn bị giao diện")')] + text[text.index("\ndef html_titles"):]
    plugin.write_text(text, encoding="utf-8")
    # on_env went with the search hooks: the sidebar without its cache (nav_cache.py).
    base = dest / "overrides" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace(
        '{% call same_nav() %}{% include "partials/nav.html" %}{% endcall %}',
        '{% include "partials/nav.html" %}'), encoding="utf-8")
    return dest


def build(project: Path, out: Path) -> Path:
    result = mkdocs_build(project, out)
    if result.returncode != 0:
        sys.exit(result.stderr)
    return out


def latency(browser, site: Path, rounds: int) -> list[float]:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        box = SearchBox(page, base)
        box.search("kon")  # search open, index built in the worker
        times = [page.evaluate(LATENCY_JS, q) for _ in range(rounds) for q in QUERIES]
        page.close()
    return times


# The search opener: our <button> (overrides/main.html, issue 23), stock Material's <label>.
SEARCH_BUTTON = '.md-header__button[data-for="__search"], label.md-header__button[for="__search"]:not([hidden])'

FIRST_RESULT_JS = """() => {
  window.__first = null
  const list = document.querySelector('.md-search-result__list')
  new MutationObserver((_, obs) => {
    if (list.querySelector('.md-search-result__item')) { window.__first = performance.now(); obs.disconnect() }
  }).observe(list, { childList: true })
}"""
INDEX_END_JS = """() => {
  const e = performance.getEntriesByType('resource').find(e => e.name.includes('search_index.json'))
  return e ? e.responseEnd : null
}"""


def first_results(browser, site: Path, rounds: int, cpu: int) -> tuple[list[float], list[float], int]:
    """(ms from the index's arrival to the first result, ms from the tap on
    search to it, rounds where the query was typed only after the index had
    arrived) for `rounds` fresh phones on slow 4G, the reader tapping search
    once the page has loaded. Stock Material fetches its index and builds it on
    page load, so for it "after the index" is from the query typed; compare
    the times from the tap. (A tap while the page still loads waits for the
    page's own scripts too: about 450 ms after the index for both.)"""
    after, total, late = [], [], 0
    with serve(site, precompressed=True) as base:
        for _ in range(rounds):
            context = browser.new_context(viewport={"width": 360, "height": 740})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW_4G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
            page.goto(base + "kinh-phi/", wait_until="load")
            page.wait_for_selector(SEARCH_BUTTON)
            page.evaluate(FIRST_RESULT_JS)
            tap = page.evaluate("performance.now()")
            page.locator(SEARCH_BUTTON).click()
            typed = page.evaluate("performance.now()")
            page.fill(".md-search__input", "kinh phi")  # at once: slowed typing would be timed too
            page.keyboard.press("End")  # Material searches on keyup
            page.wait_for_function("() => window.__first !== null", timeout=60000)
            first, end = page.evaluate("window.__first"), page.evaluate(INDEX_END_JS)
            late += end < typed
            after.append(first - max(end, typed))
            total.append(first - tap)
            context.close()
    return after, total, late


def hit_rate(browser, site: Path) -> int:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        box = SearchBox(page, base)
        hits = 0
        for query, expected, marked in CASES:
            results = box.search(query)
            top = [r["href"] for r in results][:TOP]
            hits += expected in top and set(marked) <= set(results[top.index(expected)]["marks"])
        page.close()
    return hits


def main(rounds: int = 5) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-search-"))
    ours = build(ROOT, tmp / "ours")
    stock = build(stock_copy(tmp / "stock-project"), tmp / "stock")
    sizes = {name: size_figures((site / "search" / "search_index.json").read_text(encoding="utf-8"))
             for name, site in (("stock", stock), ("ours", ours))}
    # The worker as served carries vi-fold.js, Material's worker and lunr's languages.
    shim = (ours / "assets" / "javascripts" / "workers" / "vi-search.js").read_bytes()
    sections = len(json.loads((ours / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"])
    print(f"Search index of this site ({sections} sections):")
    for name, s in sizes.items():
        print(f"  {name:5}  raw {s['raw']:>7,} B   gzip {s['gzip']:>6,} B")
    ratio = sizes["ours"]["gzip"] / sizes["stock"]["gzip"]
    print(f"  gzip ours/stock = {ratio:.2f}  (target <= 1.6)")
    print(f"  + search worker as served {len(shim):,} B raw, {len(gzip.compress(shim, 9)):,} B gzip "
          "(one request; cached after first load)")

    with launch() as browser:
        for name, site in (("stock", stock), ("ours", ours)):
            t = latency(browser, site, rounds)
            print(f"Last keystroke -> results rendered, {name}: median {statistics.median(t):.1f} ms, "
                  f"p90 {sorted(t)[int(len(t) * 0.9)]:.1f} ms, max {max(t):.1f} ms "
                  f"({len(t)} samples; target <= 150 ms)")
        for cpu in (1, 4):
            for name, site in (("stock", stock), ("ours", ours)):
                after, total, late = first_results(browser, site, rounds, cpu)
                print(f"Slow 4G, CPU {cpu}x, {name}: first results {statistics.median(after):.0f} ms "
                      f"after the index arrived (median of {len(after)}; min {min(after):.0f}, "
                      f"max {max(after):.0f}; target <= 300 ms), {statistics.median(total):.0f} ms "
                      f"after the tap on search" + (f"; typed after the index came in {late}" if late else ""))
        for name, site in (("stock", stock), ("ours", ours)):
            print(f"Queries of tests/test_search.py finding their page in the first {TOP}, "
                  f"words highlighted, {name}: "
                  f"{hit_rate(browser, site)}/{len(CASES)}")
    print(f"(sites in {tmp})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
