"""Drive the real search box of a built site in headless Chromium.

One page is opened once and reused for every query: the box is cleared and
the query typed with real key events, as a reader would.
"""

import unicodedata

# Count the queries the page sends to the search worker and the results it
# has rendered: after a RESULT message, the next task runs once Material's own
# listener has drawn the list (it draws synchronously on the message).
_COUNT_WORKER_MESSAGES = """(() => {
  const W = window.Worker
  if (!W || window.__searchTest) return
  const state = window.__searchTest = { sent: 0, drawn: 0, last: null }
  window.Worker = class extends W {
    constructor(url, options) {
      super(url, options)
      this.addEventListener("message", ev => {
        if (ev.data && ev.data.type === 3) setTimeout(() => { state.drawn++ })
      })
    }
    postMessage(msg, ...rest) {
      if (msg && msg.type === 2) { state.sent++; state.last = msg.data }
      return super.postMessage(msg, ...rest)
    }
  }
})()"""

# The results shown are those of what the box holds now: the worker answered
# every query the page sent, the last one being the box's value.
_ANSWERED = """() => {
  const s = window.__searchTest, box = document.querySelector('.md-search__input')
  return !!s && s.sent > 0 && s.last === box.value && s.drawn === s.sent
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


class SearchBox:
    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.errors: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.add_init_script(_COUNT_WORKER_MESSAGES)
        self.open()

    def open(self, path: str = "") -> None:
        """Load a page of the site (the search index loads when search is first focused)."""
        self.page.goto(self.base_url + path)
        self.page.wait_for_function("() => !!document.querySelector('.md-search__input')")

    def search(self, query: str) -> list[dict]:
        """Type `query` into the search box; the rendered results, in order."""
        page = self.page
        box = page.locator(".md-search__input")
        button = page.locator('label.md-header__button[for="__search"]')
        if not page.is_checked("#__search") and button.is_visible():
            button.click()  # on a phone the box hides behind this button
        box.click()
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        page.wait_for_function(f"() => {_META}.startsWith('Nhập')")
        page.keyboard.type(query)
        # keyboard.type() inserts letters that a US layout lacks ("ỷ") without
        # key events; Material reads the box on keyup, so end with a real key.
        page.keyboard.press("End")
        page.wait_for_function(f"() => {_META} !== '' && !{_META}.startsWith('Nhập')", timeout=10000)
        page.wait_for_function(_ANSWERED, timeout=10000)
        return page.evaluate(_RESULTS)

    def first_hits(self, query: str, n: int = 6) -> list[str]:
        """The pages of the first `n` results (the page each result group belongs to)."""
        return [r["href"] for r in self.search(query)[:n]]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)
