"""The «Chữ viết tắt» page lists the abbreviations the plan's text uses, not those of the
editor's checklist (nhap_tu_dong › can_xac_nhan, never shown to readers): review r19p found
«MTTQ» and «TM» on the glossary of a draft Đoàn plan whose text has neither, because the
import's checklist gives «Ban Thường trực Ủy ban MTTQ Việt Nam …» and «TM., KT.» as examples."""

from pathlib import Path

from macros.glossary_use import used_glossary
from macros.loader import load_website
from tests.sitebuild import ROOT, one_plan_project

TEXT_ONLY = ROOT / "tests" / "fixtures" / "ke-hoach-nguyen-van"


def _terms(root: Path) -> set[str]:
    return {t.viet_tat for t in used_glossary(load_website(root).plans[0])}


def test_a_checklist_line_adds_no_abbreviation_but_the_file_name_shown_to_readers_does(tmp_path):
    before = _terms(one_plan_project(tmp_path / "a", TEXT_ONLY, "ke-hoach-a", "Kế hoạch mẫu"))
    assert "BTT" not in before
    project = one_plan_project(tmp_path / "b", TEXT_ONLY, "ke-hoach-a", "Kế hoạch mẫu")
    plan = project / "data" / "ke-hoach-a" / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace('    - "Không tìm thấy mục kinh phí', '    - "ví dụ «BTT …»"\n    - "Không tìm thấy mục kinh phí', 1)
    plan.write_text(text, encoding="utf-8")
    assert _terms(project) == before
    # the imported file's name is printed on every page of a draft («Bản nhập tự động từ tệp …»)
    plan.write_text(text.replace("tep: ke-hoach-xa-mau.docx", "tep: ke-hoach-BTT.docx"), encoding="utf-8")
    assert _terms(project) == before | {"BTT"}
