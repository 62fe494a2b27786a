"""The editor guide is CONTRIBUTING.md, shown as a page of the site, and what it
shows from data/ is true of the real data."""

from macros.loader import load_site
from tests.sitebuild import ROOT, page_text

GUIDE = ROOT / "CONTRIBUTING.md"


def guide_body() -> str:
    return GUIDE.read_text(encoding="utf-8").split("\n", 2)[2]


def test_contributing_is_the_guide(site):
    """One text, two places: the page of the site shows every section of CONTRIBUTING.md."""
    text = page_text(site, "huong-dan-bien-tap/index.html")
    headings = [line.lstrip("#").strip() for line in guide_body().splitlines() if line.startswith("## ")]
    assert len(headings) >= 5
    for heading in headings:
        assert heading.replace("`", "") in text, heading
    assert not (ROOT / "docs" / "huong-dan-bien-tap.md").exists()  # no second copy to drift


def test_guide_is_in_the_nav_and_rendered(site):
    text = page_text(site, "huong-dan-bien-tap/index.html")
    assert "Mỗi thông tin nằm ở đâu" in text and "{so_hoi_nghi}" in text
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="huong-dan-bien-tap/"' in home


def test_guide_examples_match_the_data():
    site = load_site(ROOT)
    body = guide_body()
    plan_text = (ROOT / "data" / "ke-hoach-2023" / "ke-hoach.yaml").read_text(encoding="utf-8")
    units_text = (ROOT / "data" / "ke-hoach-2023" / "don-vi.yaml").read_text(encoding="utf-8")
    for quoted in ('han: "30/11/2023"', "dinh_muc: 5000000", "ma: mo-hinh-hay", 'bat_dau: "4/2023"'):
        assert quoted in body and quoted in plan_text, quoted
    assert 'ma: "610"\n    cap: huyện\n    ten: Đăk Glei' in body and 'ma: "610"\n    cap: huyện\n    ten: Đăk Glei' in units_text
    assert site.placeholders["so_hoi_nghi"] in body  # "từ 02 đến 04"
    assert site.placeholders["noi_nhan_bao_cao"] in body and site.placeholders["han_bao_cao"] in body
