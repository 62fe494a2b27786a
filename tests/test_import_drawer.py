"""The mobile drawer's title (Material's partials/nav.html) names the page's own plan on a website of
several, as the header's title does (review r19e): it showed the website's name on every plan's page."""

import re

from tests.test_import_plan import PLANS, imported_site  # noqa: F401 - the shared build


def _text(pattern: str, html: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(pattern, html, re.S).group(1)).strip()


def test_the_drawer_title_names_the_pages_own_plan(imported_site):
    site, _ = imported_site
    names = set()
    for name in sorted(PLANS):
        html = (site / name / "ke-hoach" / "index.html").read_text(encoding="utf-8")
        header = _text(r'<div class="md-header__topic">\s*<span class="md-ellipsis">(.*?)</span>', html)
        drawer = _text(r'<label class="md-nav__title" for="__drawer">(.*?)</label>', html)
        assert drawer == header, (name, drawer, header)
        names.add(drawer)
    assert len(names) == len(PLANS), names  # each plan's own name, not one website name
