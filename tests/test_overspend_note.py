"""The plan has no rule that a unit explain spending over its budget: `kinh_phi ›
giai_trinh` is the unit's optional note, and a missing note refuses nothing (review of
issue 20). Spending over the budget stays a warning, quoting the note when there is one."""

import json

from macros.results.load import load_results
from tests.results_fixtures import SITE, fixture_text, with_results
from tests.sitebuild import ROOT


def test_overspending_without_a_note_is_a_warning_not_an_error(tmp_path):
    text = fixture_text("610").replace("    - so_tien: 1800000", "    - so_tien: 2800000")
    assert "giai_trinh" not in text
    results = load_results(with_results(tmp_path, {"610.yaml": text}), SITE)  # raises on an error
    assert results.by_unit["610"].spent == 5_800_000
    [warning] = [w for w in results.warnings if "vượt kinh phí" in w.message]
    assert "Tổng chi 5.800.000đ vượt kinh phí được giao 5.000.000đ" in warning.message


def test_the_schema_calls_the_note_optional():
    schema = (ROOT / "schema" / "ket-qua.schema.json").read_text(encoding="utf-8")
    assert "Bắt buộc khi tổng chi" not in schema
    assert "Ghi chú của đơn vị về kinh phí, nếu có" in json.loads(schema).__repr__()
