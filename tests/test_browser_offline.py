"""In a real browser, every page asks only the site's own host for anything."""

from urllib.parse import urlparse

from tests.browser import serve

PAGES = ["", "ke-hoach/", "don-vi/huyen-dak-glei/", "tien-do/", "kinh-phi/", "so-tay/"]


def test_pages_load_without_other_hosts(site, browser):
    with serve(site) as base:
        context = browser.new_context()
        hosts = set()
        context.on("request", lambda r: hosts.add(urlparse(r.url).netloc))
        page = context.new_page()
        for path in PAGES:
            response = page.goto(base + path)
            assert response.ok, path
            assert page.locator("article h1, article .vb-kind").first.is_visible()
        page.wait_for_timeout(300)  # let the search worker fetch its index
        context.close()
    assert hosts == {urlparse(base).netloc}, hosts


def test_phone_layout_has_no_horizontal_scroll(site, browser):
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        for path in PAGES:
            page.goto(base + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, (path, overflow)
        page.close()
