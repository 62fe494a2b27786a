"""An imported plan's structured sections keep the document's words (review r19o, defect 1).

An editor structured a section of an imported plan without its `doan`, or added a structured section the
document does not have (r19o: a «CÁC BƯỚC» section on a giám sát plan with no steps, so that unit pages
exist): the plan page («Toàn văn»), its PDF and Word file then printed a section the document never wrote.
For a plan imported from a file (ke-hoach.yaml › nhap_tu_dong), every structured section must keep `doan`;
a hand-typed plan (no nhap_tu_dong, like the 2023 plan) writes its sections from the fields as before.
In-process, on the commune plan of tests/fixtures/ke-hoach-xa-cau-truc."""

import pytest

from macros.errors import DataErrors
from macros.loader import load_website
from tests.test_structured_verbatim import _project


def _errors(tmp_path, change):
    with pytest.raises(DataErrors) as caught:
        load_website(_project(tmp_path, change))
    return caught.value.errors


@pytest.mark.parametrize("checked", [True, False], ids=["checked", "draft"])
def test_a_structured_section_without_the_documents_words_is_refused(tmp_path, checked):
    def change(data):
        del next(s for s in data["muc"] if s.get("loai") == "cac_buoc")["doan"]
        data["nhap_tu_dong"]["da_doi_chieu"] = checked
    errors = _errors(tmp_path, change)
    [error] = [e for e in errors if "doan" in e.message]
    assert error.field == "muc › mục 3" and error.file.endswith("ke-hoach.yaml") and error.line, str(error)
    assert "ke-hoach-xa.docx" in error.message and "CÁC BƯỚC TRIỂN KHAI" in error.message, str(error)
    assert "doan" in error.hint and "xoá" in error.hint, str(error)


def test_a_structured_section_the_document_does_not_have_is_refused(tmp_path):
    """r19o: a steps section added (one step, a count) to a plan whose document has no steps."""
    def change(data):
        data["muc"] = [s for s in data["muc"] if s.get("loai") != "cac_buoc"]
        data["muc"].insert(2, {"tieu_de": "CÁC BƯỚC", "loai": "cac_buoc",
                               "buoc": [{"ten_ngan": "Giám sát", "noi_dung": "Giám sát việc thực hiện."}]})
    errors = _errors(tmp_path, change)
    [error] = [e for e in errors if "doan" in e.message]
    assert error.field == "muc › mục 3" and "CÁC BƯỚC" in error.message and "xoá" in error.hint, str(error)


def test_an_imported_plan_keeping_its_words_is_accepted(tmp_path):
    load_website(_project(tmp_path))
