"""The number of conferences (cac_buoc › hoi_nghi) is what the plan writes (review r19n, defect 1).

The plan says «mỗi thôn, làng tổ chức từ 01 đến 02 hội nghị»; an editor wrote toi_da: 3. The check passed
and the unit page, its PDF and the report form printed «Kế hoạch (…) ghi: «…từ 01 đến 03 hội nghị.»» — a
quote the plan never wrote, made by filling {so_hoi_nghi} into the step's text. In-process, on the commune
plan of tests/fixtures/ke-hoach-xa-cau-truc (its section keeps the document's words in `doan`)."""

import pytest

from macros.errors import DataErrors
from macros.loader import load_website
from tests.test_structured_verbatim import _project


def _steps(data):
    return next(s for s in data["muc"] if s.get("loai") == "cac_buoc")


def _errors(tmp_path, change) -> str:
    with pytest.raises(DataErrors) as caught:
        load_website(_project(tmp_path, change))
    return str(caught.value)


def test_count_other_than_the_plans_words_is_refused(tmp_path):
    def change(data):
        _steps(data)["hoi_nghi"]["toi_da"] = 3
    text = _errors(tmp_path, change)
    assert "ke-hoach.yaml" in text and "hoi_nghi › toi_da" in text, text
    assert "Kế hoạch ghi «" in text and "từ 01 đến 02 hội nghị" in text and "«từ 01 đến 03»" in text, text


def test_literal_count_in_a_step_must_match(tmp_path):
    """The step writes the count itself (no {so_hoi_nghi}): the fields still must say the same."""
    def change(data):
        section = _steps(data)
        for step in section["buoc"]:
            step["noi_dung"] = step["noi_dung"].replace("{so_hoi_nghi}", "từ 01 đến 02")
        section["hoi_nghi"]["toi_thieu"] = 2
        section["hoi_nghi"]["toi_da"] = 4
    text = _errors(tmp_path, change)
    assert "hoi_nghi › toi_da" in text and "«từ 01 đến 02 hội nghị»" in text and "«từ 02 đến 04»" in text, text


def test_step_not_in_the_sections_words_is_refused(tmp_path):
    """The step's text, filled, is no sentence of `doan`: a quote would be the site's words."""
    def change(data):
        section = _steps(data)
        step = next(s for s in section["buoc"] if "{so_hoi_nghi}" in s["noi_dung"])
        step["noi_dung"] = "Mỗi thôn, làng tổ chức {so_hoi_nghi} hội nghị tuyên truyền lớn."
    text = _errors(tmp_path, change)
    assert "buoc › mục 2 › noi_dung" in text and "không có trong lời văn của mục" in text, text
