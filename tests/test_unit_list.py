"""The list of units: every unit, its department and money, without script; with
script, a filter by department and by name typed without diacritics. Unit pages
are reached from it, not from every page's sidebar."""

import re

from tests.browser import reader
from tests.sitebuild import sidebar_targets


def test_list_works_without_script(site):
    html = (site / "don-vi/index.html").read_text(encoding="utf-8")
    assert re.search(r'<form class="unit-filter" hidden', html)  # shown by the script only
    rows = re.findall(r'<tr data-ban="([a-z-]+)" data-ten="([^"]+)">\s*<td[^>]*><a href="([^"]+)"', html)
    assert len(rows) == 10
    glei = next(r for r in rows if r[2] == "huyen-dak-glei/")
    assert glei[0] == "ban-dan-chu-phap-luat" and "huyen dak glei" in glei[1]


def test_unit_pages_are_not_in_the_sidebar(site):
    for page in ("index.html", "ke-hoach/index.html", "don-vi/huyen-dak-glei/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        nav = html.split('<div class="md-content"', 1)[0]
        assert "huyen-ngoc-hoi" not in nav, page


def test_every_sidebar_link_leads_to_its_page_from_every_page(site):
    """The sidebar is written once for all pages outside it (macros/adapters/nav_cache.py):
    from each page, unit pages and the 404 page included, it lists the same pages, and
    each of its links, relative to that page, leads to a built page."""
    seen = sidebar_targets(site)
    units = [p for p in seen if p.startswith("don-vi/") and p != "don-vi/index.html"]
    assert len(units) == 10 and all(seen[p] == seen[units[0]] for p in units)
    assert set(seen[units[0]]) == set(seen["ke-hoach/index.html"]) and "ke-hoach" in seen[units[0]]


def test_filter_by_name_without_diacritics_and_by_department(site, browser):
    page = reader(browser).page(360, 740)
    page.goto(reader(browser).base(site) + "don-vi/")
    form = page.locator("form.unit-filter")
    assert form.is_visible()
    visible = lambda: [t.strip() for t in page.locator(".unit-index tbody tr:visible td:first-child").all_inner_texts()]  # noqa: E731
    assert len(visible()) == 10
    page.fill("form.unit-filter input[name=ten]", "dak")
    assert sorted(visible()) == ["Huyện Đăk Glei", "Huyện Đăk Hà", "Huyện Đăk Tô"]
    page.fill("form.unit-filter input[name=ten]", "ĐĂK GLEI")
    assert visible() == ["Huyện Đăk Glei"]
    page.fill("form.unit-filter input[name=ten]", "")
    page.select_option("form.unit-filter select[name=ban]", "ban-phong-trao")
    assert sorted(visible()) == ["Huyện Ia H’Drai", "Huyện Sa Thầy", "Huyện Tu Mơ Rông", "Huyện Đăk Tô"]
    assert "4/10" in page.locator(".unit-filter__count").inner_text()
