"""An amount in words only where the plan writes one (review r19q #10): before, each unit page said
«3.000.000đ (Ba triệu đồng chẵn)» and the budget page «Bằng chữ: …» though the plan writes no such words
(the site read the figure aloud and printed it beside the plan's figure as if quoted). In-process, on the
commune fixture (its words write the total in words on a line of their own, «(Bằng chữ: …)», and no unit's)
and on the 2023 data (its sentence writes the total in words, never a unit's)."""

from macros.loader import load_site
from macros.render.budget import budget_page
from macros.render.units import unit_page
from tests.test_bad_input_corpus import data_copy
from tests.test_bad_input_new_fields import _xa, _xa_change

BANG_CHU = "  - '(Bằng chữ: Mười triệu năm trăm nghìn đồng chẵn)'\n"


def test_a_units_amount_has_no_words_the_plan_does_not_write(tmp_path):
    site = load_site(_xa(tmp_path))
    page = unit_page(site, "kon-klor")
    assert "3.000.000" in page and "Ba triệu" not in page and "chẵn" not in page, page


def test_the_total_in_words_is_the_plans_own_line(tmp_path):
    root = _xa(tmp_path)
    assert "Bằng chữ:** Mười triệu năm trăm nghìn đồng chẵn" in budget_page(load_site(root))
    _xa_change(root, BANG_CHU, "")
    page = budget_page(load_site(root))
    assert "10.500.000" in page and "Bằng chữ" not in page and "Mười triệu" not in page, page


def test_the_2023_unit_page_has_no_words_and_its_total_keeps_the_plans(tmp_path):
    site = load_site(data_copy(tmp_path))
    code = site.units[0].ma
    page = unit_page(site, code)
    assert "chẵn" not in page and "- **Kinh phí:** 5.000.000đ\n- " in page, page  # the next line stays a line
    assert "Năm mươi triệu đồng chẵn" in budget_page(site)
