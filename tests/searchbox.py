"""Drive the real search box of a built site in headless Chromium.

One page is opened once and reused for every query: the box is cleared and
the query typed with real key events, as a reader would.
"""

import unicodedata

# Wait until the result list has been quiet for `quiet` ms: the last query's
# results are rendered (earlier prefixes of the query may render first).
_WAIT_QUIET = """(quiet) => new Promise(resolve => {
  const root = document.querySelector('.md-search-result')
  let timer = setTimeout(done, quiet)
  const obs = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quiet) })
  obs.observe(root, {childList: true, subtree: true, characterData: true})
  function done() { obs.disconnect(); resolve() }
})"""

_RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(li => ({
  href: new URL(li.querySelector('a').href).pathname,
  title: li.querySelector('h1, h2').textContent.trim(),
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
        self.open()

    def open(self, path: str = "") -> None:
        """Load a page of the site (the search index loads with it)."""
        self.page.goto(self.base_url + path)
        self.page.wait_for_function("() => !!document.querySelector('.md-search__input')")

    def search(self, query: str, quiet_ms: int = 150) -> list[dict]:
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
        page.evaluate(_WAIT_QUIET, quiet_ms)
        return page.evaluate(_RESULTS)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)
