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


# --- the count is optional (bad9 #4, review r19o #1): a plan that writes none gets none -------------------

NO_COUNT = "Tổ chức hội nghị tuyên truyền tại các thôn, làng từ ngày 01/10/2026 đến ngày 31/10/2026."


def _without_count(data):
    """The commune plan as a plan that writes no number of conferences (bad9 h12): no hoi_nghi, the step and
    the section's words say none."""
    section = _steps(data)
    del section["hoi_nghi"]
    step = next(s for s in section["buoc"] if "{so_hoi_nghi}" in s["noi_dung"])
    step["noi_dung"] = NO_COUNT
    section["doan"][1] = "Bước 2: " + NO_COUNT


def test_a_plan_without_a_count_needs_no_hoi_nghi_and_no_page_states_one(tmp_path):
    from macros.render import units
    site = load_website(_project(tmp_path, _without_count)).plans[0]
    assert site.plan.cac_buoc.hoi_nghi is None and "so_hoi_nghi" not in site.placeholders
    for unit in site.units:
        page = units.unit_page(site, unit.ma)
        assert "Số hội nghị" not in page and "từ 01 đến 02" not in page and "Hội nghị:" not in page, page


def test_placeholder_without_a_count_is_refused_naming_the_field(tmp_path):
    """{so_hoi_nghi} kept in the step while hoi_nghi is gone: the site has no count to fill in."""
    def change(data):
        del _steps(data)["hoi_nghi"]
    text = _errors(tmp_path, change)
    assert "buoc › mục 2 › noi_dung" in text and "{so_hoi_nghi}" in text and "hoi_nghi" in text, text
    assert "thiếu trường bắt buộc" not in text, text


def test_toolkit_forms_state_no_count_the_plan_does_not_write(tmp_path):
    """The 2023 plan with no count (its step text and handbook chapter say «các hội nghị»): the conference
    forms say nothing about a number (bad9 site-B2 printed «tổ chức từ 02 đến 04 hội nghị»)."""
    import yaml
    from macros.render import toolkit
    from tests.test_bad_input_corpus import change, data_copy
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "Tổ chức {so_hoi_nghi} hội nghị", "Tổ chức các hội nghị")
    path = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del _steps(data)["hoi_nghi"]
    path.write_text(yaml.dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    chapter = root / "data" / "ke-hoach-2023" / "so-tay" / "cuoc-van-dong.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("{so_hoi_nghi}", "các"), encoding="utf-8")
    site = load_website(root).plans[0]
    for slug in ("bien-ban-hoi-nghi", "chuong-trinh-hoi-nghi", "danh-sach-dai-bieu"):
        page = toolkit.form_page(site, slug)
        assert "từ 02 đến 04" not in page and "None" not in page, page


# --- the count's other written forms (bad9 #3) ------------------------------------------------------------

@pytest.mark.parametrize("words", ["từ 01 đến 03 cuộc hội nghị", "từ 01 - 03 hội nghị", "từ 01 – 03 hội nghị",
                                   "01 đến 03 hội nghị", "từ một đến ba hội nghị", "từ 01 đến 03 buổi hội nghị"])
@pytest.mark.parametrize("placeholder", [True, False], ids=["placeholder", "literal"])
def test_other_forms_of_the_count_are_compared(tmp_path, words, placeholder):
    """The words say 1 to 3, the fields 1 to 2 (toi_da: 2): refused at hoi_nghi, the hint giving the words' numbers."""
    def change(data):
        section = _steps(data)
        step = next(s for s in section["buoc"] if "{so_hoi_nghi}" in s["noi_dung"])
        if placeholder:  # the step keeps {so_hoi_nghi} where the words write the count, and their «cuộc»/«buổi»
            kind = words.split()[-3]
            step["noi_dung"] = step["noi_dung"].replace(
                "{so_hoi_nghi} hội nghị", "{so_hoi_nghi} " + (kind + " " if kind in ("cuộc", "buổi") else "") + "hội nghị")
        else:
            step["noi_dung"] = step["noi_dung"].replace("{so_hoi_nghi} hội nghị", words)
        section["doan"][1] = section["doan"][1].replace("từ 01 đến 02 hội nghị", words)
    text = _errors(tmp_path, change)
    assert "hoi_nghi › toi_da" in text and "toi_thieu: 1, toi_da: 3" in text, text


@pytest.mark.parametrize("words", ["từ 01 đến 02 cuộc hội nghị", "từ 01 - 02 hội nghị", "từ một đến hai hội nghị"])
def test_other_forms_with_the_fields_count_are_accepted(tmp_path, words):
    def change(data):
        section = _steps(data)
        step = next(s for s in section["buoc"] if "{so_hoi_nghi}" in s["noi_dung"])
        step["noi_dung"] = step["noi_dung"].replace("{so_hoi_nghi} hội nghị", words)
        section["doan"][1] = section["doan"][1].replace("từ 01 đến 02 hội nghị", words)
    load_website(_project(tmp_path, change))


def test_a_count_no_words_write_is_refused(tmp_path):
    """bad9 h12: the plan writes no count, the editor gave hoi_nghi (moi_don_vi: true) all the same; the unit
    pages said «Số hội nghị của mỗi đơn vị: từ 01 đến 02», a number the plan never wrote."""
    def change(data):
        _without_count(data)
        _steps(data)["hoi_nghi"] = {"toi_thieu": 1, "toi_da": 2, "moi_don_vi": True}
    text = _errors(tmp_path, change)
    assert "hoi_nghi" in text and "Kế hoạch không ghi số hội nghị" in text and "bỏ cả nhóm hoi_nghi" in text, text
