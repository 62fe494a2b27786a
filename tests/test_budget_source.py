"""`kinh_phi › nguon` (review r19q #2): optional, and when a structured budget keeps its words (`doan`), the
source it names must be in those words. Before, a plan naming no source could not be entered (the field was
required, blank refused) and «nguon: Ngân sách phường năm 2026» passed and was printed «Nguồn kinh phí: …» on
the budget page. In-process, on the commune fixture."""

from macros.loader import load_site
from macros.render.budget import budget_page
from tests.test_bad_input_new_fields import XA_PLAN, _accepted, _refused, _xa, _xa_change

NGUON = ("  nguon: Kinh phí thực hiện từ nguồn ngân sách xã cấp cho hoạt động của Ủy ban MTTQ Việt Nam xã "
         "năm 2026\n")


def test_a_plan_naming_no_source_has_no_source_line(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, NGUON, "")
    _accepted(root, capsys)
    assert "Nguồn kinh phí" not in budget_page(load_site(root))


def test_a_source_the_budget_words_do_not_write_is_refused(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, NGUON, "  nguon: Ngân sách phường năm 2026\n")
    _refused(root, capsys, f"{XA_PLAN}:90:", "«kinh_phi › nguon»", "Ngân sách phường năm 2026")


def test_a_source_in_the_budget_words_is_printed(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, NGUON, "  nguon: nguồn ngân sách xã\n")
    _accepted(root, capsys)
    assert "Nguồn kinh phí:** nguồn ngân sách xã" in budget_page(load_site(root))
