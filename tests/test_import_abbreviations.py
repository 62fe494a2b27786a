"""Abbreviations a plan uses that the glossary does not explain are listed at import (review r19n, defect 11).

A commune plan's nơi nhận writes «UBND xã», «Ban CTMT các thôn, TDP»; data/thuat-ngu.yaml has none of them
and the «Chữ viết tắt» page silently lacked them. Their meanings are not verified facts the site may
write: the import lists them for the editor to explain as the plan uses them. In-process."""

from macros.abbreviations import unexplained
from tests.plan_docx_fixtures import assignment_table
from tests.sitebuild import imported_checklist


def test_unexplained_abbreviations_found_in_sentences_only():
    data = {"noi_nhan": ["- UBND xã (p/h);", "- Ban CTMT các thôn, TDP;", "- Lưu: VT."],
            "muc": [{"so": "II", "tieu_de": "NỘI DUNG VÀ HÌNH THỨC"}, "TM. BAN THƯỜNG TRỰC"]}
    assert unexplained(data, ["VT", "MTTQ"]) == ["UBND", "CTMT", "TDP"]


def test_import_lists_them_to_explain(tmp_path):
    line = next((c for c in imported_checklist(tmp_path, assignment_table) if "viết tắt" in c), None)
    assert line is not None and "«UBND»" in line and "thuat-ngu.yaml" in line and "«MTTQ»" not in line, line
