"""Issue 23 in a real browser at 360 x 740: «đơn vị của tôi» chosen once and kept
(across pages, offline, from file://), and saving for offline that the reader can
see: progress while saving, a lasting state in the footer of every page, the
reader's own unit saved first, and a question first when the browser asks to save
data. Keyboard and headings: tests/test_accessibility.py."""

import re
import zipfile
from pathlib import Path
from urllib.parse import urlparse

from tests.browser import reader
from tests.test_accessibility import AXE, CONTRAST
from tests.test_offline_browser import Server, _budget_site, _cached, _wait_offline_state

PHONE = {"width": 360, "height": 740}
UNIT = "don-vi/huyen-tu-mo-rong/"
MY_UNIT_LINKS = ".my-unit a"
SAVED_LINE = re.compile(r"^Đã lưu để đọc khi không có mạng, cập nhật \d\d/\d\d/\d{4} \d\d:\d\d[.:]")


def _choose(page, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Chọn làm đơn vị của tôi").click()
    page.get_by_role("button", name="Bỏ chọn").wait_for()


def _my_links(page) -> dict[str, str]:
    return dict(page.evaluate(f"() => [...document.querySelectorAll('{MY_UNIT_LINKS}')].map(a => [a.textContent, a.href])"))


def _forget(page, base: str) -> None:
    """The shared tab leaves nothing stored for the address: the worker's other tests read it."""
    page.goto(base + "404.html")
    page.evaluate("localStorage.clear()")
    page.goto("about:blank")


def test_my_unit_is_chosen_once_and_opens_the_home_page(site, browser):
    """On the worker's reading tab (tests/browser.py: Reader), at the worker's address of the
    site, whose files Chromium has cached already (a server of its own sent each page's
    styles and scripts again, issue 22); its choice, kept by the browser for that origin, is
    cleared after (_forget), seen by no other test."""
    shared = reader(browser)
    base = shared.base(site)
    page = shared.page(**PHONE)
    errors = []
    on_error = lambda e: errors.append(str(e))  # noqa: E731
    page.on("pageerror", on_error)
    try:
        page.goto(base)
        assert page.locator(".my-unit").count() == 0  # nothing chosen: no block
        _choose(page, base + UNIT)
        page.goto(base + "kinh-phi/")  # another page, then home
        page.goto(base)
        block = page.locator(".my-unit")
        assert block.is_visible() and "Đơn vị của tôi: Huyện Tu Mơ Rông" in block.inner_text()
        # the block opens the page: right under its title, on the first screen
        assert page.evaluate("document.querySelector('article h1').nextElementSibling.className") == "my-unit"
        assert block.bounding_box()["y"] < PHONE["height"] / 2
        links = _my_links(page)
        assert set(links) >= {"Trang của đơn vị", "Mẫu báo cáo kết quả", "Mẫu báo cáo Excel", "Bản in PDF", "Đổi đơn vị"}
        for text, href in links.items():  # each one is a file this build made
            path = urlparse(href).path.lstrip("/")
            assert (site / path).is_file() or (site / path / "index.html").is_file(), (text, href)
        assert urlparse(links["Trang của đơn vị"]).path == "/" + UNIT
        # the chosen unit's own page says so, and can give the choice up
        page.goto(base + UNIT)
        assert "Đơn vị của tôi" in page.locator(".my-unit-pick").inner_text()
        page.get_by_role("button", name="Bỏ chọn").click()
        page.goto(base)
        assert page.locator(".my-unit").count() == 0
        # and from the home page too
        _choose(page, base + UNIT)
        page.goto(base)
        page.locator(".my-unit").get_by_role("button", name="Bỏ chọn").click()
        assert page.locator(".my-unit").count() == 0 and page.evaluate("localStorage.getItem('vi-my-unit')") is None
    finally:
        page.remove_listener("pageerror", on_error)
        _forget(page, base)
    assert not errors, errors


def test_without_script_nothing_is_shown(site, browser):
    """On the worker's reading tab with scripts off as a context without JavaScript has them
    (Playwright's java_script_enabled=False is this same DevTools call; a context and a tab
    of its own cost ~0.8 CPU-s, issue 22), on again after."""
    shared = reader(browser)
    base = shared.base(site)
    page = shared.page(**PHONE)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        page.goto(base + UNIT)
        assert not page.locator(".my-unit-pick").is_visible()
        assert page.locator(".my-unit-form").count() == 1 and not page.locator(".my-unit-form").is_visible()
        page.goto(base)
        assert page.locator(".my-unit, .vi-offline-state").count() == 0
    finally:
        cdp.send("Emulation.setScriptExecutionDisabled", {"value": False})
        cdp.detach()
        page.goto("about:blank")


def test_my_unit_from_the_zip_on_disk(site, browser, tmp_path):
    with zipfile.ZipFile(next((site / "tai-ve").glob("*.zip"))) as z:
        z.extractall(tmp_path)
        top = {name.split("/", 1)[0] for name in z.namelist()}
    assert len(top) == 1  # the ZIP unpacks into one folder (issue 23)
    tmp_path = tmp_path / top.pop()
    page = reader(browser).page(**PHONE)  # the worker's reading tab; file:// storage cleared after
    try:
        _choose(page, (tmp_path / "don-vi" / "huyen-tu-mo-rong.html").as_uri())
        page.goto((tmp_path / "index.html").as_uri())
        links = _my_links(page)
        assert links["Trang của đơn vị"] == (tmp_path / "don-vi" / "huyen-tu-mo-rong.html").as_uri()
        for href in links.values():
            assert Path(urlparse(href).path).is_file(), href
    finally:
        page.goto((tmp_path / "index.html").as_uri())
        page.evaluate("localStorage.clear()")
        page.goto("about:blank")


def _line(page) -> str:
    return page.evaluate("document.querySelector('.vi-offline-state')?.textContent || ''")


def test_saving_shows_progress_then_a_lasting_state_and_saves_my_unit_first(site, browser, tmp_path):
    # A budget that holds one unit: the reader's unit (the last) is saved only because it is theirs.
    root, _ = _budget_site(site, tmp_path / "site")
    mine = "don-vi/huyen-ia-hdrai/"
    server = Server()
    base = server.start(root)
    context = browser.new_context(viewport=PHONE)
    errors = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        _choose_before_saving = """localStorage.setItem('vi-my-unit', JSON.stringify({name: 'Huyện Ia H’Drai',
            page: 'don-vi/huyen-ia-hdrai/', pdf: 'pdf/don-vi/huyen-ia-hdrai.pdf', ics: 'tai-ve/lich/huyen-ia-hdrai.ics'}))"""
        page.add_init_script("if (!localStorage.getItem('vi-my-unit')) " + _choose_before_saving)
        page.add_init_script("""document.addEventListener('DOMContentLoaded', () => { window.__lines = []
          new MutationObserver(() => { const l = document.querySelector('.vi-offline-state')
            if (l && __lines[__lines.length - 1] !== l.textContent) __lines.push(l.textContent) })
            .observe(document.body, {subtree: true, childList: true, characterData: true}) })""")
        page.goto(base)
        _wait_offline_state(page, "saved")
        page.wait_for_function("() => /cập nhật/.test(document.querySelector('.vi-offline-state')?.textContent)")
        lines = page.evaluate("__lines")
        progress = [t for t in lines if t.startswith("Đang lưu để đọc khi không có mạng: ")]
        assert progress and re.search(r"\d+/\d+ tệp \(tổng \d+,\d MB\)", progress[0]), lines
        assert SAVED_LINE.match(_line(page)), _line(page)
        # the line is in the footer, on the page, covering nothing
        assert page.evaluate("!!document.querySelector('.md-footer .vi-offline-state')")
        # the saved line and the notice pass WCAG AA contrast and axe-core at a phone's and a
        # desktop's width (the pages of tests/test_accessibility.py are read without the worker)
        # (the notice hides itself 10 s after saving, maybe before this on a busy machine: shown again as it was)
        page.evaluate("document.querySelector('.vi-offline').hidden = false")
        assert page.locator(".vi-offline").is_visible() and "Đã lưu" in page.locator(".vi-offline").inner_text()
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
        page.add_script_tag(path=str(AXE))
        for width in (360, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            assert page.evaluate("document.querySelector('.vi-offline').checkVisibility()"), width
            failures = page.evaluate(CONTRAST)
            assert not failures, (width, failures)
            violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
              .violations.map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)""")
            assert not violations, (width, violations)
        page.set_viewport_size(PHONE)
        # my unit was saved first, and saved although it is over the budget
        sw = [p for p in server.paths if p.startswith(("/don-vi/", "/pdf/", "/tai-ve/", "/ke-hoach/"))]
        assert sw.index("/" + mine) < sw.index("/ke-hoach/"), sw
        assert _cached(page, base + mine) and _cached(page, base + "tai-ve/lich/huyen-ia-hdrai.ics")
        assert not _cached(page, base + "don-vi/huyen-dak-ha/")
        # every other page says so, offline too
        server.stop()
        page.goto(base + "kinh-phi/")
        page.wait_for_function("() => /cập nhật/.test(document.querySelector('.vi-offline-state')?.textContent)")
        assert SAVED_LINE.match(_line(page))
        assert page.goto(base + mine).from_service_worker
        # the choice is kept offline: the home page still opens with it
        page.goto(base)
        assert "Huyện Ia H’Drai" in page.locator(".my-unit").inner_text()
    finally:
        if server.server:
            server.stop()
        context.close()
    assert not errors, errors


def test_save_data_asks_first_and_says_how_big(site, browser):
    server = Server()
    base = server.start(site)
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true, effectiveType: '3g'}})")
        page.goto(base)
        page.wait_for_function("document.documentElement.dataset.offline === 'ask'")
        ask = page.locator(".vi-offline")
        ask.get_by_role("button", name=re.compile(r"^Lưu \(tối đa khoảng \d+,\d MB\)$")).wait_for()
        assert "tiết kiệm dữ liệu" in ask.inner_text()
        # closed, it is not asked again on the next page of the visit (the footer line still offers it)
        page.goto(base + "ke-hoach/")
        page.wait_for_function("document.documentElement.dataset.offline === 'ask'")
        page.locator(".vi-offline-state").get_by_role("button", name=re.compile("^Lưu")).wait_for()
        assert page.locator(".vi-offline").is_hidden()
        page.goto(base)
        page.wait_for_function("document.documentElement.dataset.offline === 'ask'")
        page.wait_for_timeout(1500)
        # nothing saved meanwhile: no worker, no file of the site fetched for it
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !r)")
        assert not [p for p in server.paths if p.endswith(".pdf")], server.paths
        page.locator(".vi-offline-state").get_by_role("button", name=re.compile("^Lưu")).click()
        _wait_offline_state(page, "saved")
        page.reload()  # agreed once: not asked again
        page.wait_for_function("() => /cập nhật/.test(document.querySelector('.vi-offline-state')?.textContent)")
        assert page.evaluate("document.documentElement.dataset.offline") == "saved"
    finally:
        server.stop()
        context.close()


def test_home_block_links_only_to_the_site_itself(site, browser):
    # What is stored is read back as data: a link elsewhere (or javascript:) is never made.
    # On the worker's reading tab, at the worker's address of the site (its storage cleared
    # after: _forget, seen by no other test).
    shared = reader(browser)
    base = shared.base(site)
    page = shared.page(**PHONE)
    try:
        page.goto(base + "404.html")  # the site's origin, before its home page reads the choice
        page.evaluate("""localStorage.setItem('vi-my-unit', JSON.stringify({name: '<b>x</b>', page: 'don-vi/huyen-tu-mo-rong/',
            pdf: 'javascript:alert(1)', template: 'https://example.invalid/a.xlsx', list: '//example.invalid/'}))""")
        page.goto(base)
        links = _my_links(page)
        assert list(links) == ["Trang của đơn vị"], links
        assert page.locator(".my-unit h2").inner_text() == "Đơn vị của tôi: <b>x</b>"
    finally:
        _forget(page, base)
