"""Review r19o #8 (import side): the results import took the template's pre-filled «Ban phối hợp» cell (the person
or Ban the plan assigns to the unit) as the report's sender (bao_cao › ban), though the plan says the unit's own
Ban Công tác Mặt trận reports. The sender is recorded only where the plan's data says the Bans report
(bao_cao › nguoi_gui: ban); otherwise it stays blank, and where the data says nothing the editor is told."""

import dataclasses

import pytest

from macros import import_report
from macros.results.model import UnitResults
from macros.yamlsrc import read_yaml
from tests.results_fixtures import FIXTURES, ON_TIME, SITE
from tests.test_results_exports import fill_template


def _site(sender):
    org = SITE.plan.to_chuc_thuc_hien
    report = org.bao_cao.model_copy(update={"nguoi_gui": sender})
    muc = [org.model_copy(update={"bao_cao": report}) if m is org else m for m in SITE.plan.muc]
    plan = SITE.plan.model_copy(update={"muc": muc})
    return dataclasses.replace(SITE, plan=plan)


@pytest.mark.parametrize("sender", ["don_vi", None])
def test_the_partner_cell_is_no_sender_unless_the_plan_says_the_bans_report(tmp_path, sender):
    res = UnitResults.model_validate(read_yaml(FIXTURES / f"{ON_TIME}.yaml", "x").data)
    fill_template(res, tmp_path / "t.xlsx", "24/11/2023")
    site = _site(sender)
    _, code, text, warnings = import_report.import_into(tmp_path / "t.xlsx", site=site)
    assert "ngay_gui: \"24/11/2023\"" in text and "  ban:" not in text, text
    said = [w.message + (w.hint or "") for w in warnings if "nguoi_gui" in w.message + (w.hint or "")]
    assert bool(said) == (sender is None), said
    # the written file is read back as the plan's results: the unit's progress has the date, no Ban named
    _, code_b, text_b, _ = import_report.import_into(tmp_path / "t.xlsx", site=_site("ban"))
    assert "  ban: " in text_b
