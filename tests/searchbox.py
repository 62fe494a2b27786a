"""Drive the real search box of a built site in headless Chromium.

One page is opened once and reused for every query: the box is cleared and
the query typed with real key events, as a reader would.
"""

import unicodedata

# Material talks to its search worker by messages: QUERY (type 2) out, RESULT
# (type 3) back, in order. Count both on the page, so a search waits for the
# answer to the query now in the box, however slow the worker is (a quiet-time
# heuristic read the results of an earlier prefix, "sa t", on a busy machine).
_COUNT_WORKER_MESSAGES = """(() => {
  window.__search = {sent: 0, received: 0, last: null}
  function counting(Native) {
    const Counting = function (url, options) {
      const worker = new Native(url, options)
      const post = worker.postMessage.bind(worker)
      worker.postMessage = (msg, ...rest) => {
        if (msg && msg.type === 2) { window.__search.sent++; window.__search.last = msg.data }
        return post(msg, ...rest)
      }
      // Added before Material's listener: count after it has rendered the results.
      worker.addEventListener("message", (ev) => {
        if (ev.data && ev.data.type === 3) setTimeout(() => window.__search.received++, 0)
      })
      return worker
    }
    Counting.prototype = Native.prototype
    return Counting
  }
  // The downloaded copy puts its own Worker in place for file:// (file-worker.js):
  // count that one's messages too.
  let current = counting(window.Worker)
  Object.defineProperty(window, "Worker", {
    configurable: true,
    get: () => current,
    set: (value) => { current = counting(value) },
  })
})()"""

# The answer to the box's current text has been received and rendered.
_ANSWERED = """() => {
  const s = window.__search, box = document.querySelector('.md-search__input')
  return !!s && !!box && s.sent > 0 && s.last === box.value && s.received === s.sent
}"""

_RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(li => ({
  href: new URL(li.querySelector('a').href).pathname,
  title: li.querySelector('h1, h2').textContent.trim(),
  score: Math.max(...[...li.querySelectorAll('[data-md-score]')].map(a => +a.dataset.mdScore)),
  marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
  html: li.innerHTML,
  text: li.textContent,
}))"""

_META = "document.querySelector('.md-search-result__meta').textContent"

# Each query put in the box in turn, as search(query, typed=False) puts it (the box's value
# set and its input event, then a key released: Material reads the box on keyup), in one
# call into the page instead of ~5 round trips to Chromium per query (issue 22); the answer
# to each is awaited as _ANSWERED awaits it. -> [[the box's value, its results], ...]
_SEARCH_EACH = """async (queries) => {
  const box = document.querySelector('.md-search__input'), s = window.__search
  const results = %s
  const out = []
  for (const query of queries) {
    box.value = query
    box.dispatchEvent(new Event('input', {bubbles: true}))
    box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', code: 'End', bubbles: true}))
    const start = performance.now()
    while (!(s.sent > 0 && s.last === box.value && s.received === s.sent)) {
      if (performance.now() - start > 15000) throw new Error('no answer from the search worker to ' + query)
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    out.push([box.value, results()])
  }
  return out
}""" % _RESULTS

# The search box is open and has the keyboard (what the clicks below would make it).
_OPEN_AND_FOCUSED = """() => document.querySelector('#__search').checked
  && document.activeElement === document.querySelector('.md-search__input')"""


class SearchBox:
    def __init__(self, page, base_url: str, counted: bool = False):
        """counted: the page counts the worker's messages already (count_worker_messages:
        tests/browser.py Reader.search_box, a tab shared by the modules that search)."""
        self.page = page
        self.base_url = base_url
        self.errors: list[str] = []
        self._on_error = lambda e: self.errors.append(str(e))
        page.on("pageerror", self._on_error)
        if not counted:
            self.count_worker_messages(page)
        self.open()

    @staticmethod
    def count_worker_messages(page) -> None:
        page.add_init_script(_COUNT_WORKER_MESSAGES)

    def close(self) -> None:
        """Stop collecting this box's page errors (its page may serve the next box)."""
        self.page.remove_listener("pageerror", self._on_error)

    def open(self, path: str = "") -> None:
        """Load a page of the site (the search index loads when search is first focused)."""
        self.page.goto(self.base_url + path)
        self.page.wait_for_function("() => !!document.querySelector('.md-search__input')")

    def search(self, query: str, typed: bool = True) -> list[dict]:
        """Type `query` into the search box; the rendered results, in order.
        typed=False puts the whole query in the box at once (as a phone keyboard's
        suggestion or a paste does) and ends with one real key: one search instead of
        one per letter, six times faster for the tables of queries (tests/test_search.py
        checks on a sample that both ways give the same results)."""
        page = self.page
        box = page.locator(".md-search__input")
        button = page.locator('.md-header__button[data-for="__search"]')
        # One round trip instead of three when the box is open and has the focus already
        # (the tables of queries search ~160 times on one page: issue 22).
        if not page.evaluate(_OPEN_AND_FOCUSED):
            if not page.is_checked("#__search") and button.is_visible():
                button.click()  # on a phone the box hides behind this button
            box.click()
        if typed:
            page.keyboard.press("Control+A")
            page.keyboard.press("Delete")
            page.wait_for_function(_ANSWERED)
            page.wait_for_function(f"() => {_META}.startsWith('Nhập')")
            page.keyboard.type(query)
        else:
            box.fill(query)
        # keyboard.type() inserts letters that a US layout lacks ("ỷ") without
        # key events; Material reads the box on keyup, so end with a real key.
        page.keyboard.press("End")
        page.wait_for_function(_ANSWERED, timeout=15000)
        value, results = page.evaluate(f"() => [document.querySelector('.md-search__input').value, ({_RESULTS})()]")
        assert value == query
        return results

    def search_each(self, queries) -> dict[str, list[dict]]:
        """query -> its rendered results, as search(query, typed=False) gives them, for many
        queries in one call into the page (tests/test_search.py checks on a sample that
        this, typing and search(typed=False) give the same results)."""
        queries = list(dict.fromkeys(queries))
        answers = {queries[0]: self.search(queries[0], typed=False)}  # opens and focuses the box
        for query, (value, results) in zip(queries[1:], self.page.evaluate(_SEARCH_EACH, queries[1:])):
            assert value == query
            answers[query] = results
        return answers

    def first_hits(self, query: str, n: int = 6) -> list[str]:
        """The pages of the first `n` results (the page each result group belongs to)."""
        return [r["href"] for r in self.search(query)[:n]]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)
