"""What a page costs on first load from an empty cache: a fresh Chromium
context opens it from a local server that sends the site's .gz copies (as
nginx's gzip_static does) and counts what it sends: every request of the page
and of its workers, with its bytes on the wire (status line, headers and
encoded body). data: URLs never reach the network and are not counted."""

import time
from dataclasses import dataclass

# One page of each kind (home, plan, unit, chapter, form, and the others).
PAGES = {
    "trang chủ": "",
    "kế hoạch": "ke-hoach/",
    "đơn vị": "don-vi/huyen-dak-glei/",
    "danh sách đơn vị": "don-vi/",
    "chương Sổ tay": "so-tay/cuoc-van-dong/",
    "Sổ tay": "so-tay/",
    "bộ công cụ": "bo-cong-cu/",
    "mẫu in": "bo-cong-cu/phieu-khao-sat/",
    "kinh phí": "kinh-phi/",
    "phân công": "phan-cong/",
    "tiến độ": "tien-do/",
    "chữ viết tắt": "thuat-ngu/",
}


@dataclass
class Load:
    path: str
    requests: list[tuple[str, int]]  # (path requested, bytes sent)

    @property
    def count(self) -> int:
        return len(self.requests)

    @property
    def bytes(self) -> int:
        return sum(n for _, n in self.requests)


def first_load(browser, base: str, log: list, path: str, width: int = 360, then=None) -> Load:
    """Open base+path in a fresh context (empty cache) and wait until the
    network is idle; `then(page)` may act afterwards (open search…), and its
    requests are counted too. `log` is the list given to tests.browser.serve."""
    # Service workers blocked: the offline copy (issue 14) is fetched by the
    # service worker in the background after the page has loaded; it is a
    # reader's opt-in cost, not the page's first load (see its own tests).
    context = browser.new_context(viewport={"width": width, "height": 740}, service_workers="block")
    try:
        page = context.new_page()
        del log[:]
        page.goto(base + path, wait_until="networkidle")
        # Chromium asks for the favicon on its own schedule, sometimes after
        # the network went idle: wait for it (a bounded wait on the request).
        icon = page.evaluate("() => { const l = document.querySelector('link[rel~=icon]');"
                             " return l ? new URL(l.href).pathname : null }")
        deadline = time.monotonic() + 3
        while icon and not any(p.split("?")[0] == icon for p, _ in log) and time.monotonic() < deadline:
            time.sleep(0.05)
        if then:
            then(page)
            page.wait_for_load_state("networkidle")
        return Load(path, list(log))
    finally:
        context.close()


class ColdLoads:
    """first_load() for many pages at the cost of one context (tests/test_weight.py): one
    page with the browser cache disabled (DevTools' "Disable cache": every request of
    the page goes to the network, the memory cache too) and the origin's storage and
    cookies cleared before each load. A fresh context per page costs three times the CPU.
    What one context would hide: Chromium fetches a site's favicon once per context (its
    favicon store is not the HTTP cache), so a page whose icon this context already
    fetched is charged that fetch as recorded (path and bytes on the wire).
    page: a tab to borrow (service workers blocked; tests/browser.py: Reader.page) instead
    of a context of its own (a new tab costs ~0.8 CPU-s, issue 22); its cache is enabled
    again by close(). `base` is a server of its own: its origin's storage is cleared."""

    def __init__(self, browser, base: str, log: list, width: int = 360, page=None):
        self.base, self.log, self.icons = base, log, {}
        if page is None:
            self.context = browser.new_context(viewport={"width": width, "height": 740}, service_workers="block")
            self.page = self.context.new_page()
        else:
            self.context, self.page = None, page
            page.set_viewport_size({"width": width, "height": 740})
        self.cdp = self.page.context.new_cdp_session(self.page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def load(self, path: str, then=None) -> Load:
        page, log = self.page, self.log
        page.goto("about:blank")
        self.cdp.send("Storage.clearDataForOrigin", {"origin": self.base.rstrip("/"), "storageTypes": "all"})
        self.page.context.clear_cookies()
        del log[:]
        page.goto(self.base + path, wait_until="networkidle")
        icon = page.evaluate("() => { const l = document.querySelector('link[rel~=icon]');"
                             " return l ? new URL(l.href).pathname : null }")
        fetched = lambda: [(p, n) for p, n in log if p.split("?")[0] == icon]  # noqa: E731
        if icon and icon not in self.icons:  # not fetched yet in this context: wait for it, as first_load
            deadline = time.monotonic() + 3
            while not fetched() and time.monotonic() < deadline:
                time.sleep(0.05)
            if fetched():
                self.icons[icon] = fetched()[0]
        requests = list(log)
        if icon in self.icons and not fetched():
            requests.append(self.icons[icon])
        if then:
            seen = len(log)
            then(page)
            page.wait_for_load_state("networkidle")
            requests += log[seen:]
        return Load(path, requests)

    def close(self):
        if self.context is not None:
            self.context.close()
            return
        self.page.goto("about:blank")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        self.cdp.detach()
