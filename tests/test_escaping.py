"""Every string from data/ reaches the page escaped. The validator refuses tags,
javascript: and on…= (see the corpus); this injects what it lets through —
entities, Markdown, Jinja, stray < and > — into fields shown on many pages and
asserts that the rendered HTML holds no element, link or emphasis made from data."""

import re

import pytest

from macros.site import load_site
from tests.sitebuild import PAYLOADS, mutated_project, page_text


@pytest.fixture(scope="module")
def poisoned(mutated_site):
    """The real build of the project with the payloads (tests/sitebuild.py: mutate_data)."""
    return mutated_site


def test_payloads_pass_validation(tmp_path):
    # The validator lets these through: this is what escaping must handle.
    load_site(mutated_project(tmp_path / "project"))


def articles(site):
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
        yield path.relative_to(site).as_posix(), (match.group(1) if match else html)


def test_no_markup_from_data_reaches_a_page(poisoned):
    seen = 0
    for page, html in articles(poisoned):
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert not [u for u in re.findall(r'(?:href|src)="([^"]*)"', html) if "example.invalid" in u], page
        assert "<strong>đậm" not in html and "<em>nghiêng" not in html and "<code>mã" not in html, page
        seen += "đậm" in html
    assert seen >= 3  # the payloads were shown somewhere, escaped


def test_payloads_are_shown_as_typed(poisoned):
    budget = page_text(poisoned, "kinh-phi/index.html")
    assert PAYLOADS["ent"] in budget  # the reader sees the entity text, not a tag
    plan = page_text(poisoned, "ke-hoach/index.html")
    assert PAYLOADS["md"] in plan and PAYLOADS["jinja"] in plan
    # The local committees' name heads their part on the assignments page (the plan page
    # shows the plan's own heading, "…, thành phố:", from its tieu_de).
    assert PAYLOADS["auto"] in page_text(poisoned, "phan-cong/index.html")
    assert "49 jinja" not in plan  # Jinja in data is not run
    topic = page_text(poisoned, "so-tay/mo-hinh-hay/index.html")
    assert PAYLOADS["cmp"] in topic
    unit = page_text(poisoned, "don-vi/huyen-kon-plong/index.html")
    assert PAYLOADS["cmp"] in unit
