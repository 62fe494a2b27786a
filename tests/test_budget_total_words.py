"""A total the plan never writes, and amounts in words as the plan writes them (review r19n, defect 4).

The plan gives each thôn, làng «3.000.000 đồng (Ba triệu đồng)» and raises more from other sources; it
writes no total. The budget page, the home page and the kinh-phi workbook said «Tổng cộng: 12.000.000đ»
without saying the website added it up, and the unit page and its PDF printed «(Ba triệu đồng chẵn)» for
the plan's «(Ba triệu đồng)». In-process, on tests/fixtures/ke-hoach-xa-cau-truc with that budget."""

import pytest

from macros.exports import xlsx
from macros.loader import load_website
from macros.pdf import documents
from macros.render import budget, home, units
from tests.test_structured_verbatim import _project, _words

SAID = ("Từ nguồn ngân sách xã năm 2026, hỗ trợ mỗi thôn, làng 3.000.000 đồng (Ba triệu đồng) để tổ chức hội "
        "nghị tuyên truyền. Ngoài ra, Ban Thường trực vận động nguồn xã hội hóa để tổ chức phiên chợ.")


def _each_three_million(data):
    section = next(s for s in data["muc"] if s.get("loai") == "kinh_phi")
    section.pop("rieng")
    section["dinh_muc"] = 3000000
    section["nguon"] = "Từ nguồn ngân sách xã năm 2026"
    section["doan"] = [SAID]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return load_website(_project(tmp_path_factory.mktemp("kp"), _each_three_million)).plans[0]


def test_total_not_written_says_the_site_added_it(site):
    assert site.total == 12000000 and site.total_is_sum
    page = _words(budget.budget_page(site))
    assert "Tổng cộng:** 12.000.000đ (website cộng" in page, page
    front = _words(home.home_page(site))
    assert "tổng do website cộng: 12.000.000đ" in front and "có mức riêng" not in front, front
    assert xlsx.budget_rows(site)[2][1] == "Tổng cộng (website cộng)"


def test_amount_words_are_the_plans(site):
    code = site.units[0].ma
    for name, text in (("page", units.unit_page(site, code)), ("pdf", documents.handout_document(site, code))):
        words = _words(text)
        assert "(Ba triệu đồng)" in words and "Ba triệu đồng chẵn" not in words, (name, words)


def test_progress_chart_does_not_call_the_sum_the_plans_budget(site):
    from macros.render import progress
    from macros.results.load import results_of
    from macros.results.progress import all_progress

    chart = progress.spending_chart(site, all_progress(site, results_of(site)))
    assert "kinh phí cả kế hoạch" not in chart.description and "(website cộng) 12.000.000đ" in chart.description


def test_progress_page_does_not_call_the_sum_the_plans_budget(tmp_path):
    from macros.render import progress
    from macros.results.load import results_of

    root = _project(tmp_path, _each_three_million)
    site = load_website(root).plans[0]
    folder = root / "data" / "ke-hoach-xa" / "ket-qua"
    folder.mkdir()
    (folder / f"{site.units[0].ma}.yaml").write_text(
        f'don_vi: "{site.units[0].ma}"\nkinh_phi:\n  chi:\n    - so_tien: 1000000\n      chung_tu: PC-01\n'
        "      noi_dung: Nước uống\n", encoding="utf-8")
    site = load_website(root).plans[0]
    page = _words(progress.progress_page(site, results_of(site)))
    assert "cả kế hoạch" not in page and "website cộng: 12.000.000đ" in page, page
