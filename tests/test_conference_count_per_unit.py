"""A unit's number of conferences against the number the plan sets for each unit (issue 19, defect 1 of the
last reviews: checks.py said "No per-unit check of the conference count", so a unit reporting more conferences
than «mỗi thôn, làng tổ chức từ 01 đến 02 hội nghị» allows went unseen).

Where the plan sets a number per unit (cac_buoc › hoi_nghi › moi_don_vi: true), a unit over the most, or under
the fewest once the plan's period is over, is a note (a warning, never a refusal: the unit reports what it
held) on the progress page, the unit's page and the compiled report, with the plan's words. The 2023 plan
writes «Tổ chức từ 02 đến 04 hội nghị … tại các khu dân cư», a number for the whole plan: nothing is flagged.
In-process, on the 2023 plan's model with its count made per unit, and the fixture results (610: three
conferences, the last on 14/9/2023; the plan's period ends 30/11/2023)."""

import datetime as dt
from dataclasses import replace

from macros.results.load import load_results
from macros.render import progress, report
from tests.results_fixtures import SITE, fixture_text, with_results
from tests.test_structured_verbatim import _words

AFTER = dt.date(2023, 12, 15)  # the plan's period is over
DURING = dt.date(2023, 11, 27)  # after 610 reported (24/11), before the period ends (30/11)


def _per_unit(site, fewest: int, most: int, per_unit: bool = True):
    steps = site.plan.cac_buoc
    count = steps.hoi_nghi.model_copy(update={"toi_thieu": fewest, "toi_da": most, "moi_don_vi": per_unit})
    section = steps.model_copy(update={"hoi_nghi": count})
    plan = site.plan.model_copy(update={"muc": [section if s is steps else s for s in site.plan.muc]})
    return replace(site, plan=plan)


def _results(tmp_path, site, today):
    return load_results(with_results(tmp_path, {"610.yaml": fixture_text("610")}), site, today)


def _count_notes(results):
    return [w for w in results.warnings if "số hội nghị kế hoạch giao cho mỗi" in w.message]


def test_a_count_for_the_whole_plan_flags_no_unit(tmp_path):
    """The 2023 plan: «từ 02 đến 04» for the plan, not per unit; 610's three, or one, or six, are no unit's
    breach of it."""
    assert not SITE.plan.cac_buoc.hoi_nghi.moi_don_vi
    for fewest, most in ((2, 4), (1, 2), (4, 5)):
        site = _per_unit(SITE, fewest, most, per_unit=False)
        results = _results(tmp_path / f"{fewest}-{most}", site, AFTER)
        assert not _count_notes(results) and not results.conference_notes, results.warnings


def test_more_than_the_most_per_unit_is_a_note_with_the_plans_words(tmp_path):
    site = _per_unit(SITE, 1, 2)
    results = _results(tmp_path, site, DURING)  # over the most: seen at once, the period not yet over
    [note] = _count_notes(results)
    assert note.file.endswith("ket-qua/610.yaml") and note.field == "hoi_nghi", note
    for said in ("Báo cáo ghi 03 hội nghị, nhiều hơn số hội nghị kế hoạch giao cho mỗi huyện, thành phố "
                 "(từ 01 đến 02).", "Kế hoạch (mục III", "«Tổ chức từ 01 đến 02 hội nghị tuyên truyền"):
        assert said in note.message, (said, note.message)
    assert results.conference_notes == {"610": note.message}
    page = _words(progress.progress_page(site, results))
    assert "Huyện Đăk Glei: Báo cáo ghi 03 hội nghị, nhiều hơn" in page, page
    assert "nhiều hơn số hội nghị kế hoạch giao" in _words(progress.unit_section(site, results, "610"))
    document = _words(str(report.document_html(site, results)))
    assert "Huyện Đăk Glei : Báo cáo ghi 03 hội nghị, nhiều hơn" in document.replace("Glei:", "Glei :"), document


def test_fewer_than_the_fewest_is_a_note_once_the_period_is_over(tmp_path):
    site = _per_unit(SITE, 4, 5)
    assert not _count_notes(_results(tmp_path / "during", site, DURING))  # the unit may still hold them
    results = _results(tmp_path / "after", site, AFTER)
    [note] = _count_notes(results)
    assert "Báo cáo ghi 03 hội nghị, ít hơn số hội nghị kế hoạch giao cho mỗi huyện, thành phố (từ 04 đến 05), " \
           "khi thời gian thực hiện (" in note.message, note.message
    assert "ít hơn số hội nghị" in _words(str(report.document_html(site, results)))


def test_within_the_count_is_no_note(tmp_path):
    results = _results(tmp_path, _per_unit(SITE, 2, 4), AFTER)
    assert not _count_notes(results) and not results.conference_notes


def test_a_commune_plan_per_village_quotes_its_own_words(tmp_path):
    """The commune plan of tests/fixtures/ke-hoach-xa-cau-truc, its count made per village («mỗi thôn, làng tổ
    chức từ 01 đến 02 hội nghị», the section's own words in `doan`): a village reporting three is noted with that
    sentence as the document writes it (the fixture names its units with the default «đơn vị»)."""
    from macros.loader import load_website
    from tests.test_structured_verbatim import _project

    def per_village(data):
        next(s for s in data["muc"] if s.get("loai") == "cac_buoc")["hoi_nghi"]["moi_don_vi"] = True
    root = _project(tmp_path, per_village)
    folder = root / "data" / "ke-hoach-xa" / "ket-qua"
    folder.mkdir()
    held = "".join(f'  - ngay: "{d}/10/2026"\n    dia_diem: Nhà rông\n    so_nguoi: 40\n    noi_dung: [mo-hinh-hay]\n'
                   for d in ("05", "12", "19"))
    (folder / "kon-klor.yaml").write_text(f'don_vi: "kon-klor"\nhoi_nghi:\n{held}', encoding="utf-8")
    site = load_website(root).plans[0]
    results = load_results(root, site, dt.date(2026, 10, 20))
    [note] = _count_notes(results)
    assert note.message == ("Báo cáo ghi 03 hội nghị, nhiều hơn số hội nghị kế hoạch giao cho mỗi đơn vị (từ 01 đến "
                            "02). Kế hoạch (mục III.2) ghi: «Tổ chức hội nghị tuyên truyền tại các thôn, làng từ ngày "
                            "01/10/2026 đến ngày 31/10/2026; mỗi thôn, làng tổ chức từ 01 đến 02 hội nghị.»"), note.message
