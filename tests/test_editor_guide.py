"""The editor guide is for editors only: CONTRIBUTING.md in the repository, not a
page of the site (issue 11); what it shows from data/ is true of the real data."""

from macros.loader import load_site
from tests.sitebuild import ROOT

GUIDE = ROOT / "CONTRIBUTING.md"


def guide_body() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_guide_is_not_a_page_of_the_site(site):
    assert not (ROOT / "docs" / "huong-dan-bien-tap.md").exists()
    assert not (site / "huong-dan-bien-tap").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "huong-dan-bien-tap" not in home and "Hướng dẫn biên tập" not in home
    assert "Mỗi thông tin nằm ở đâu" in guide_body() and "{so_hoi_nghi}" in guide_body()


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
