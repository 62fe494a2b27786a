"""Which step of the plan the survey serves is data (bo-cong-cu.yaml › khao_sat › buoc), not the
2023 plan's «bước 2» written in code: the survey form, the toolkit's list and the results'
warning name the step the data names, or none; a number the plan has no step for is a message
naming the file, the line and the field. In-process, on the plan's model."""

from dataclasses import replace

from macros.render import toolkit
from macros.results.checks import _steps_of
from tests.test_data_errors import errors_for
from tests.test_level_words import SITE


def _with_step(n):
    kit = SITE.toolkit.model_copy(update={"khao_sat": SITE.toolkit.khao_sat.model_copy(update={"buoc": n})})
    return replace(SITE, extra={**SITE.extra, "toolkit": kit})


def test_the_survey_quotes_the_step_the_data_names():
    steps = SITE.plan.cac_buoc.buoc
    assert SITE.toolkit.khao_sat.buoc == 2
    page = toolkit.form_page(SITE, "phieu-khao-sat")
    assert "Bước 2 của kế hoạch: Tổ chức khảo sát" in page and "(bước 2 của kế hoạch; mỗi hộ" in page
    third = toolkit.form_page(_with_step(3), "phieu-khao-sat")
    assert f"Bước 3 của kế hoạch: {SITE.fill(steps[2].noi_dung)[:20]}" in third and "Bước 2" not in third
    assert "bước 3 của kế hoạch; mỗi hộ" in toolkit.toolkit_index(_with_step(3))
    none = _with_step(None)
    assert "của kế hoạch:" not in toolkit.form_page(none, "phieu-khao-sat")
    assert "bước" not in toolkit.toolkit_index(none).split("phieu-khao-sat.md)")[1].split("\n")[0]


def test_the_results_warning_names_the_steps_from_data():
    assert _steps_of(SITE) == (2, 3)
    assert _steps_of(_with_step(None)) == (None, 3)


def test_a_step_the_plan_lacks_is_a_message(tmp_path):
    messages = errors_for(tmp_path, "bo-cong-cu.yaml", "  buoc: 2", "  buoc: 7")
    assert any("data/ke-hoach-2023/bo-cong-cu.yaml:40:" in m and "khao_sat › buoc" in m
               and "Kế hoạch không có bước 7" in m and "cac_buoc có 3 bước" in m for m in messages), messages


def test_the_survey_citing_another_step_is_a_message(tmp_path):
    # review bad11 v06: «buoc: 3» printed the conference step as the survey form's basis
    messages = [m for m in errors_for(tmp_path, "bo-cong-cu.yaml", "  buoc: 2", "  buoc: 3") if "khao_sat › buoc" in m]
    assert len(messages) == 1 and "có phải bước 2?" in messages[0] and "PHIẾU KHẢO SÁT" in messages[0], messages
