"""A unit's amount against the amount the budget's own words give THAT unit (review bad9 #1, #2, #13;
review r19o #5). Before, check_budget_words only asked that each field's amount occur somewhere in the
words: «rieng: kon-klor: 800000» passed because 800.000 is the printing line, swapped amounts passed, and
«riêng huyện Ia H’Drai 6.000.000đ» with no `rieng` passed (the budget page then listed 5.000.000 for that
unit right above the quote). A total written «45 triệu đồng» was not read; «5 triệu 500 nghìn đồng» was read
as two amounts. In-process, on the commune fixture and the 2023 data."""

from tests.test_bad_input_new_fields import (XA_PLAN, _accepted, _budget_words, _refused, _xa, _xa_change)
from tests.test_bad_input_corpus import data_copy


def test_a_units_amount_from_another_line_of_the_words_is_refused(tmp_path, capsys):
    """bad9 b24: 800.000 is the printing line's, not Kon Klor's (the table's row gives 3.000.000)."""
    root = _xa(tmp_path)
    _xa_change(root, "    kon-klor: 3000000\n", "    kon-klor: 800000\n")
    _refused(root, capsys, f"{XA_PLAN}:", "«kinh_phi › rieng › kon-klor»", "800.000đ", "3.000.000")


def test_swapped_unit_amounts_are_refused(tmp_path, capsys):
    """bad9 b21: both amounts are in the table, each in the other unit's row."""
    root = _xa(tmp_path)
    _xa_change(root, "    kon-klor: 3000000\n", "    kon-klor: 2500000\n")
    _xa_change(root, "    kon-ro-bang-1: 2500000\n", "    kon-ro-bang-1: 3000000\n")
    report = _refused(root, capsys, "«kinh_phi › rieng › kon-klor»", "2.500.000đ")
    assert "«kinh_phi › rieng › kon-ro-bang-1»" in report, report


def test_a_units_own_amount_in_a_sentence_needs_its_rieng(tmp_path, capsys):
    """bad9 b19, r19o #5: «riêng huyện Ia H’Drai 6.000.000đ» with no rieng: said at dinh_muc, with the fix."""
    root = data_copy(tmp_path)
    _budget_words(root, "Mỗi đơn vị 5.000.000 đồng, riêng huyện Ia H’Drai 6.000.000đ.")
    report = _refused(root, capsys, "«kinh_phi › dinh_muc»", "Ia H’Drai", "6.000.000đ")
    assert "rieng" in report and ": 6000000" in report, report


def test_a_units_own_amount_in_a_sentence_matching_rieng_is_accepted(tmp_path, capsys):
    root = data_copy(tmp_path)
    code = _ia_hdrai(root)
    _budget_words(root, "Mỗi đơn vị 5.000.000 đồng, riêng huyện Ia H’Drai 6.000.000đ.",
                  fields=f'    rieng:\n      "{code}": 6000000\n')
    _accepted(root, capsys)


def _ia_hdrai(root) -> str:
    import yaml
    units = yaml.safe_load((root / "data" / "ke-hoach-2023" / "don-vi.yaml").read_text(encoding="utf-8"))
    return next(u["ma"] for u in units["don_vi"] if "Drai" in u["ten"])


def test_a_total_in_millions_is_read_like_figures(tmp_path, capsys):
    """bad9 b42: «tổng kinh phí: 45 triệu đồng» with 10 × 5.000.000đ is read, as «45.000.000 đồng» is: the
    document's total below its units' amounts, a «Lưu ý» naming both (its words stay as written)."""
    for i, total in enumerate(("45 triệu đồng", "45.000.000 đồng")):
        root = data_copy(tmp_path / str(i))
        _budget_words(root, f'"Mỗi đơn vị 5.000.000 đồng; tổng kinh phí: {total}."')
        _noted(root, capsys, "ke-hoach.yaml:", total, "50.000.000")


def test_millions_and_thousands_read_as_one_amount(tmp_path, capsys):
    """bad9 b20: «5 triệu 500 nghìn đồng» is 5.500.000đ."""
    from macros.numbers import amounts_in
    assert [n for n, _ in amounts_in("mỗi đơn vị 5 triệu 500 nghìn đồng")] == [5_500_000]
    root = data_copy(tmp_path)
    _budget_words(root, "Mỗi đơn vị 5 triệu 500 nghìn đồng.")
    path = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  dinh_muc: 5000000\n", "  dinh_muc: 5500000\n", 1),
                    encoding="utf-8")
    _accepted(root, capsys)


# --- the document contradicting itself: a «Lưu ý», not a refusal; a field taking the wrong side: refused ---

def _noted(root, capsys, *fragments: str) -> str:
    report = _accepted(root, capsys)
    notes = [n for n in report.split("Lưu ý: ")[1:]]
    assert any(all(f in n for f in fragments) for n in notes), report
    return report


def test_a_table_total_that_is_not_its_rows_sum_is_noted(tmp_path, capsys):
    """bad9 b23: the table's «Tổng cộng» 10.000.000 while its rows add up to 10.500.000."""
    root = _xa(tmp_path)
    _xa_change(root, '"10.500.000"', '"10.000.000"')
    _noted(root, capsys, f"{XA_PLAN}:", "10.000.000", "10.500.000")


def test_amount_in_words_saying_another_amount_is_noted(tmp_path, capsys):
    """bad9 b22: «(Bằng chữ: Mười triệu đồng chẵn)» under a table whose total is 10.500.000."""
    root = _xa(tmp_path)
    _xa_change(root, "Mười triệu năm trăm nghìn đồng chẵn", "Mười triệu đồng chẵn")
    _noted(root, capsys, f"{XA_PLAN}:", "Mười triệu đồng chẵn", "10.500.000")


def test_a_field_taking_the_words_side_of_a_contradiction_is_refused(tmp_path, capsys):
    """bad9 b11: «5.000.000 đồng (Sáu triệu đồng)»: noted; dinh_muc 6000000 (the words' side) refused."""
    root = data_copy(tmp_path)
    _budget_words(root, "Mỗi đơn vị 5.000.000 đồng (Sáu triệu đồng).")
    _noted(root, capsys, "5.000.000 đồng", "Sáu triệu đồng")
    path = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  dinh_muc: 5000000\n", "  dinh_muc: 6000000\n", 1),
                    encoding="utf-8")
    _refused(root, capsys, "«kinh_phi › dinh_muc»", "Sáu triệu đồng", "5.000.000 đồng")


def test_the_documents_own_wrong_total_is_quoted_not_rewritten(tmp_path, capsys):
    """review r19o #5: «Tổng kinh phí: 10.000.000 đồng» while the table's rows give 10.500.000: before, the only
    way out was to change the plan's words. Now a «Lưu ý»; the site adds up its own sum, labelled as its own."""
    root = _xa(tmp_path)
    _xa_change(root, "  - Riêng kinh phí in ấn", '  - "Tổng kinh phí: 10.000.000 đồng."\n  - Riêng kinh phí in ấn')
    report = _noted(root, capsys, f"{XA_PLAN}:", "10.000.000 đồng", "10.500.000")
    assert "sửa câu" not in report, report
