"""Units named by a number (review r19q #1): a table row is a unit's row only when a whole cell is that unit's
name, and the total row is never a unit's. Before, «ten: "10"» was found in «Tổng cộng | 10.500.000» (the
figure «10.500.000» begins with 10), the unit's own row was set aside (its «1.500.000» holds another unit's
name «1»), and the check asked for the total as the unit's amount. In-process, on the commune fixture."""

from tests.test_bad_input_new_fields import XA_PLAN, _accepted, _refused, _xa, _xa_change


def _numbered(tmp_path):
    root = _xa(tmp_path)
    units = root / "data" / "ke-hoach-xa" / "don-vi.yaml"
    text = units.read_text(encoding="utf-8")
    for old, new in (("ten: Kon Klor\n", 'ten: "1"\n'), ("ten_chinh_thuc: Thôn Kon Klor\n", "ten_chinh_thuc: Thôn 1\n"),
                     ("ten: Đăk Hưng\n", 'ten: "10"\n'), ("ten_chinh_thuc: Thôn Đăk Hưng\n", "ten_chinh_thuc: Thôn 10\n")):
        assert old in text, old
        text = text.replace(old, new)
    units.write_text(text, encoding="utf-8")
    plan = root / XA_PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("Kon Klor", "1").replace("Đăk Hưng", "10"),
                    encoding="utf-8")
    return root


def test_a_unit_named_by_a_number_keeps_its_own_row(tmp_path, capsys):
    """«Thôn 10 | 1.500.000» is the unit's row; «Tổng cộng | 10.500.000» is nobody's."""
    _accepted(_numbered(tmp_path), capsys)


def test_a_wrong_amount_of_a_unit_named_by_a_number_is_still_refused(tmp_path, capsys):
    root = _numbered(tmp_path)
    _xa_change(root, "    dak-hung: 1500000\n", "    dak-hung: 2500000\n")
    _xa_change(root, "    kon-ro-bang-1: 2500000\n", "    kon-ro-bang-1: 1500000\n")
    report = _refused(root, capsys, f"{XA_PLAN}:", "«kinh_phi › rieng › dak-hung»", "1.500.000")
    assert "10.500.000 (dòng" not in report, report
