"""Headless Chromium (Debian's /usr/bin/chromium) through Playwright, and a
static server for a built site. Browser downloads are impossible here, so
Playwright always gets the system browser by path."""

import contextlib
import functools
import http.server
import io
import os
import shutil
import threading
import weakref
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]

# Chromium's DevTools throttling, like Lighthouse's mobile "slow 4G" (150 ms round
# trip, 1.6 Mbit/s down, 750 kbit/s up): tests/test_weight.py, scripts/bench_search.py.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _PrecompressedHandler(_QuietHandler):
    """Like a real static server (nginx gzip_static): a file's .gz copy, sent
    with Content-Encoding: gzip, when the client accepts gzip and it exists.
    A text file without its copy goes out uncompressed, and a weight budget
    measured through this server then catches it."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if accepts and os.path.isfile(path) and os.path.isfile(path + ".gz"):
            with open(path + ".gz", "rb") as f:
                data = f.read()
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return io.BytesIO(data)
        return super().send_head()


class _CountingWriter:
    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class _LoggingHandler(_PrecompressedHandler):
    """Records each request's path and the bytes sent for it (status line,
    headers and body as they went on the wire) into self.server.log."""

    def setup(self):
        super().setup()
        self.wfile = _CountingWriter(self.wfile)

    def handle_one_request(self):
        self.wfile.count = 0
        super().handle_one_request()
        if getattr(self, "command", None) and self.wfile.count:
            self.server.log.append((self.path, self.wfile.count))


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser closing a connection early is not a test failure


@contextlib.contextmanager
def serve(root: Path, precompressed: bool = False, log: list | None = None):
    """Serve `root` on a free loopback port; yields the base URL ("http://127.0.0.1:P/").
    precompressed: send the site's .gz copies, as nginx's gzip_static does.
    log: a list that receives (path, bytes sent) for every request (implies precompressed)."""
    cls = _LoggingHandler if log is not None else _PrecompressedHandler if precompressed else _QuietHandler
    handler = functools.partial(cls, directory=str(root))
    server = _QuietServer(("127.0.0.1", 0), handler)
    server.log = log
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def launch():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError("Chromium not found (install Debian's chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            shared = _READERS.pop(browser, None)
            if shared is not None:
                shared.close()
            browser.close()


class Reader:
    """One browser page and one static server per built site for the whole worker
    (tests/browser.py: reader(browser)), for the tests that only read pages of a built
    site: opening a page in a fresh tab costs ~0.8 CPU-s more than loading it in a tab
    already open, and a site served at one address keeps Chromium's cache and compiled
    scripts from one test to the next (issue 22). The offline copy's service worker is
    blocked in this tab (its own tests use their own contexts; it would otherwise fetch
    the whole site in the background and answer every later load). page() gives the tab
    back as a fresh one would be: the viewport asked for and no emulated media."""

    def __init__(self, browser):
        self.browser = browser
        self._stack = contextlib.ExitStack()
        self._bases: dict[Path, str] = {}
        self._page = None
        self._search = None

    def base(self, root: Path) -> str:
        """The base URL of the worker's server of the built site `root`."""
        root = Path(root).resolve()
        if root not in self._bases:
            self._bases[root] = self._stack.enter_context(serve(root))
        return self._bases[root]

    def page(self, width: int = 1280, height: int = 720):
        if self._page is None or self._page.is_closed():
            context = self.browser.new_context(service_workers="block")
            self._stack.callback(context.close)
            self._page = context.new_page()
        self._page.emulate_media(media="null")
        self._page.set_viewport_size({"width": width, "height": height})
        return self._page

    def search_box(self, base: str, width: int = 1280, height: int = 720):
        """A SearchBox (tests/searchbox.py) on the worker's searching tab, opened at `base`
        (a site's base URL, or a file:// page): one tab for every module that searches
        (tests/test_search.py, test_guide.py, test_offline.py), its counting of the search
        worker's messages added once, the offline copy's service worker blocked as in page().
        A new tab and a context cost ~0.8 CPU-s each (issue 22). Close the box after use
        (its error listener)."""
        from tests.searchbox import SearchBox

        if self._search is None or self._search.is_closed():
            context = self.browser.new_context(service_workers="block")
            self._stack.callback(context.close)
            self._search = context.new_page()
            SearchBox.count_worker_messages(self._search)
        self._search.set_viewport_size({"width": width, "height": height})
        return SearchBox(self._search, base, counted=True)

    def close(self):
        self._stack.close()


_READERS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def reader(browser) -> Reader:
    """The worker's Reader of this browser (one per browser, closed with it by launch())."""
    if browser not in _READERS:
        _READERS[browser] = Reader(browser)
    return _READERS[browser]


# Chromium's print to PDF as the print tests make it: A4 from print.css (@page size wins
# over the default Letter), no backgrounds, like a reader's "Save as PDF".
PRINT_OPTIONS = {"prefer_css_page_size": True, "print_background": False}


class PrintedPages:
    """page.pdf() of the pages of built sites, each made once for the whole test run and
    shared by every test that reads it (tests/conftest.py: printed): the worker's Reader
    tab prints them all (1280 × 720, as a new tab opens), and the PDFs are kept in `cache`, a folder all pytest-xdist workers
    share (a file lock per PDF: one worker prints it, the others read it)."""

    def __init__(self, browser, cache: Path):
        self.browser, self.cache = browser, cache

    def __call__(self, root: Path, path: str) -> bytes:
        import fcntl
        import hashlib

        name = hashlib.sha1(f"{Path(root).resolve()}\n{path}".encode()).hexdigest()[:20]
        self.cache.mkdir(parents=True, exist_ok=True)
        pdf = self.cache / (name + ".pdf")
        with open(self.cache / (name + ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not pdf.exists():
                data = self._print(Path(root), path)
                pdf.with_suffix(".part").write_bytes(data)
                pdf.with_suffix(".part").replace(pdf)
        return pdf.read_bytes()

    def _print(self, root: Path, path: str) -> bytes:
        shared = reader(self.browser)
        page = shared.page()
        page.goto(shared.base(root) + path)
        return page.pdf(**PRINT_OPTIONS)

    def close(self):
        pass  # the Reader is closed with its browser
