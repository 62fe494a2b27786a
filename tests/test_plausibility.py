"""Issue 21, item 4: well-formed numbers that are not believable are refused with the
reason and the plan's own bound (its period, its budget, a conference's size)."""

import datetime as dt

import pytest

from macros import plausibility
from macros.errors import DataErrors
from macros.loader import load_site
from tests.results_fixtures import ON_TIME, SITE, fixture_text, results_of, with_results
from tests.test_data_errors import errors_for, project_with
from tests.sitebuild import ROOT
from tests.sitebuild import unname_text

ROOT_DATA = ROOT / "data" / "ke-hoach-2023"

BASE = fixture_text(ON_TIME)
SOURCE_SENTENCE = ("Từ kinh phí Cuộc vận động năm 2023, cụ thể: 5.000.000đ/01 đơn vị x 10 huyện, thành phố "
                   "= 50.000.000đ (Năm mươi triệu đồng chẵn)")


def _errors(tmp_path, text: str) -> list[str]:
    with pytest.raises(DataErrors) as info:
        results_of(with_results(tmp_path, {"610.yaml": text}))
    return [str(e) for e in info.value.errors]


RESULTS = [
    ("    so_nguoi: 120", "    so_nguoi: 999999",
     ["610.yaml:20:5", "hoi_nghi › mục 1 › so_nguoi", "999.999 người dự một hội nghị", "tại khu dân cư", "10.000"]),
    ("    so_nguoi: 120", "    so_nguoi: yes", ["hoi_nghi › mục 1 › so_nguoi", "không phải true/false"]),
    ("    so_nguoi: 120", "    so_nguoi: 0120", ["hoi_nghi › mục 1 › so_nguoi", "«0120»", "hãy viết «120»"]),
    ("    so_nguoi_dtts: 104", "    so_nguoi_dtts: on", ["so_nguoi_dtts", "không phải true/false"]),
    ('  ngay_gui: "24/11/2023"', '  ngay_gui: "24/11/2032"',
     ["bao_cao › ngay_gui", "Ngày gửi báo cáo 24/11/2032 chưa đến", "có phải năm 2023?"]),
    ('  ngay_gui: "24/11/2023"', '  ngay_gui: "24/11/2025"',
     ["bao_cao › ngay_gui", "sau khi kế hoạch kết thúc (30/11/2023) hơn một năm", "có phải năm 2023?"]),
    ("    - so_tien: 1800000", "    - so_tien: 5",
     ["kinh_phi › chi › mục 2 › so_tien", "Khoản chi 5đ nhỏ hơn 1.000đ", "có phải 5.000đ?"]),
]


@pytest.mark.parametrize("old,new,fragments", RESULTS)
def test_implausible_results_are_refused_with_the_reason(tmp_path, old, new, fragments):
    assert old in BASE
    messages = _errors(tmp_path, BASE.replace(old, new, 1))
    assert any(all(f in m for f in fragments) for m in messages), messages


def test_spending_below_a_thousand_dong_a_person_is_refused(tmp_path):
    # review bad11 r52: «3.000» is read as three thousand đồng, not three million, for 295 people at 3 conferences
    text = BASE.replace("so_tien: 3000000", "so_tien: 3.000", 1).replace("so_tien: 1800000", "so_tien: 1.800", 1)
    messages = _errors(tmp_path, text)
    assert any(all(f in m for f in ("kinh_phi › chi", "Tổng các khoản chi 4.800đ (Bốn nghìn tám trăm đồng)",
                                    "295 người", "chưa đến 1.000đ một người", "4.800.000đ?")) for m in messages), messages


def test_little_spending_or_many_people_is_a_note_not_a_refusal(tmp_path):
    """Review bad12 n16, n17, n14: a conference paid mostly from other sources (500.000đ for 850 people) and a
    conference of 1.200 people are true reports: accepted, each with a note the progress page shows."""
    text = (BASE.replace("so_tien: 3000000", "so_tien: 150.000", 1).replace("so_tien: 1800000", "so_tien: 100.000", 1)
            .replace("    so_nguoi: 120", "    so_nguoi: 1200", 1))
    results = results_of(with_results(tmp_path, {"610.yaml": text}))
    notes = [w.message for w in results.warnings]
    assert any("chưa đến 1.000đ một người" in n for n in notes), notes
    assert any("1.200 người dự một hội nghị" in n for n in notes), notes


def test_spending_of_a_real_size_is_accepted(tmp_path):
    text = BASE.replace("so_tien: 3000000", "so_tien: 300.000", 1).replace("so_tien: 1800000", "so_tien: 1.000", 1)
    results_of(with_results(tmp_path, {"610.yaml": text}))  # 1.000đ a person or more: no error


def test_a_late_report_within_a_year_is_still_late_not_refused(tmp_path):
    results = results_of(with_results(tmp_path, {"610.yaml": BASE.replace('"24/11/2023"', '"15/3/2024"')}))
    assert results.of(ON_TIME).bao_cao.ngay_gui == dt.date(2024, 3, 15)


def test_today_bounds_a_report_date(tmp_path):
    res = results_of(with_results(tmp_path, {"610.yaml": BASE})).of(ON_TIME)

    class Src:
        def error(self, path, message, found="", hint=""):
            return message

    errors, _ = plausibility.check_results(SITE, res, Src(), today=dt.date(2023, 11, 1))
    assert errors == ["Ngày gửi báo cáo 24/11/2023 chưa đến (hôm nay là 01/11/2023)."]


PLAN = [
    # dinh_muc: 5.000 is read as 5000 (Vietnamese thousands), not five million.
    ("ke-hoach.yaml", "  dinh_muc: 5000000", "  dinh_muc: 5.000",
     ["kinh_phi › dinh_muc", "Kinh phí mỗi đơn vị 5.000đ không đủ cho 02 hội nghị", "có phải 5.000.000đ?"]),
    ("ke-hoach.yaml", "  dinh_muc: 5000000", "  dinh_muc: 5000000\n    rieng:\n      \"610\": 50000",
     ["kinh_phi › rieng › 610", "Kinh phí riêng của đơn vị 610 50.000đ"]),
    # review bad11 a18: three zeros too many reach every budget page
    ("ke-hoach.yaml", "  dinh_muc: 5000000", "  dinh_muc: 50000000000",
     ["kinh_phi › dinh_muc", "Kinh phí mỗi đơn vị 50.000.000.000đ (Năm mươi tỷ đồng chẵn)", "04 hội nghị",
      "có phải 50.000.000đ?", "Nếu đúng như vậy", "kinh_phi › tong"]),
    ("ke-hoach.yaml", "  dinh_muc: 5000000", "  dinh_muc: 5000000\n    rieng:\n      \"610\": 5000000000",
     ["kinh_phi › rieng › 610", "Kinh phí riêng của đơn vị 610 5.000.000.000đ"]),
    # The source's sentence kept after the amount changed.
    ("ke-hoach.yaml", "  nguon: Từ kinh phí Cuộc vận động năm 2023\n    # Mức kinh phí cho mỗi đơn vị (đồng). Tổng và số tiền bằng chữ do website tự tính.\n    dinh_muc: 5000000",
     f"  nguon: \"{SOURCE_SENTENCE}\"\n    dinh_muc: 4000000",
     ["kinh_phi › nguon", "Câu này ghi số tiền 5.000.000đ", "tổng 40.000.000đ"]),
]


@pytest.mark.parametrize("file,old,new,fragments", PLAN)
def test_implausible_plan_amounts_are_refused(tmp_path, file, old, new, fragments):
    messages = errors_for(tmp_path, file, old, new)
    assert any(all(f in m for f in fragments) for m in messages), messages


def test_a_large_but_believable_amount_per_unit_is_accepted(tmp_path):
    site = load_site(project_with(tmp_path, "ke-hoach.yaml", "  dinh_muc: 5000000", "  dinh_muc: 500000000"))
    assert site.total == 5_000_000_000


def test_a_stale_total_and_words_are_each_named(tmp_path):
    old = "  nguon: Từ kinh phí Cuộc vận động năm 2023\n    # Mức kinh phí cho mỗi đơn vị (đồng). Tổng và số tiền bằng chữ do website tự tính.\n    dinh_muc: 5000000"
    sentence = SOURCE_SENTENCE.replace("5.000.000đ/01", "4.000.000đ/01")
    messages = errors_for(tmp_path, "ke-hoach.yaml", old, f"  nguon: \"{sentence}\"\n    dinh_muc: 4000000")
    assert len(messages) == 2, messages
    assert "Câu này ghi số tiền 50.000.000đ" in messages[0] and "tổng 40.000.000đ" in messages[0]
    assert "«Năm mươi triệu đồng chẵn» không khớp" in messages[1] and "Bốn mươi triệu đồng chẵn" in messages[1]


def test_the_plans_own_sentence_is_accepted_while_it_is_true(tmp_path):
    old = "  nguon: Từ kinh phí Cuộc vận động năm 2023"
    site = load_site(project_with(tmp_path, "ke-hoach.yaml", old, f"  nguon: \"{SOURCE_SENTENCE}\""))
    assert site.total == 50_000_000


def test_an_amount_elsewhere_is_checked_only_when_it_states_the_total(tmp_path):
    old = "        Tổ chức khảo sát đánh giá về tình hình đời sống các mặt"
    ok = load_site(project_with(tmp_path / "a", "ke-hoach.yaml", old,
                                "        Hộ có thu nhập dưới 30.000.000 đồng. " + old.strip()))
    assert ok.total == 50_000_000
    messages = errors_for(tmp_path / "b", "ke-hoach.yaml", old,
                          "        Tổng kinh phí: 45.000.000đ. " + old.strip())
    assert any("cac_buoc › buoc › mục 2 › noi_dung" in m and "Câu này ghi số tiền 45.000.000đ" in m for m in messages), messages


def test_a_compiled_report_issued_in_the_future_is_refused(tmp_path):
    root = with_results(tmp_path, {"610.yaml": BASE})
    report = (ROOT_DATA / "bao-cao.yaml").read_text(encoding="utf-8")
    report = report.replace('so: ""', 'so: "12/BC-MTTQ-BTT"').replace('ngay_ban_hanh: ""', 'ngay_ban_hanh: "15/12/2032"')
    report = report.replace("da_ban_hanh: false", "da_ban_hanh: true")
    (root / "data" / "ke-hoach-2023" / "bao-cao.yaml").write_text(report, encoding="utf-8")
    with pytest.raises(DataErrors) as info:
        results_of(root)
    assert any("«ngay_ban_hanh»" in str(e) and "Ngày ban hành 15/12/2032 chưa đến" in str(e) for e in info.value.errors)


def test_today_is_the_builds_date_not_the_clock(tmp_path):
    """check_results read date.today(): the same data, built with the same SOURCE_DATE_EPOCH, passed
    or failed by the day it was built. Now «today» is the build's date (Settings.source_date_epoch)."""
    import shutil

    from macros.adapters import build_state
    from macros.errors import DataErrors
    from macros.results.load import load_results
    from tests.results_fixtures import SITE, with_results
    from tests.sitebuild import ROOT

    shutil.copytree(ROOT / "data", tmp_path / "data")

    unname_text(tmp_path)  # its words are changed below
    root = with_results(tmp_path)  # 612 sent its report on 06/12/2023
    load_results(root, SITE)  # by the clock (after 2023): no error
    with pytest.raises(DataErrors) as exc:
        load_results(root, SITE, today=dt.date(2023, 12, 1))
    assert "chưa đến (hôm nay là 01/12/2023)" in str(exc.value)

    class Config(dict):
        pass

    epoch = int(dt.datetime(2023, 12, 1, 5, tzinfo=dt.timezone.utc).timestamp())  # 12:00 in Vietnam
    with pytest.raises(DataErrors) as exc:
        build_state.start(Config(use_directory_urls=True), root, build_state.Settings(source_date_epoch=epoch, pdf="0"))
    assert "chưa đến (hôm nay là 01/12/2023)" in str(exc.value)


def test_a_village_written_twice_is_refused(tmp_path):
    # review bad11 x04: the compiled report printed «(Thôn Mẫu 1, Thôn Mẫu 1)»
    messages = _errors(tmp_path, BASE.replace("[Thôn Mẫu 1, Thôn Mẫu 2]", "[Thôn Mẫu 1, thôn  Mẫu 1]", 1))
    assert any("dia_ban › mục 1 › khu_dan_cu › mục 2" in m and "«thôn Mẫu 1» ghi hai lần" in m for m in messages), messages


def test_the_bounds_leave_an_amount_the_documents_text_confirms(monkeypatch):
    """Review bad12 n25: a plan naming its document's text (van_ban_goc) has its figures compared with that text
    (macros/plan_words.py), so «150.000đ/01 đơn vị» written in the document is the plan's amount: the bounds for a
    slip apply only to a plan typed by hand. (The bound raised so that the 2023 amount falls below it.)"""
    site = load_site(ROOT)
    monkeypatch.setattr(plausibility, "MIN_PER_CONFERENCE", 10_000_000)
    assert site.plan.van_ban_goc
    assert plausibility.check_plan(site.units_file, site.plan, site.sources["plan"]) == []
    by_hand = site.plan.model_copy(update={"van_ban_goc": None})
    messages = [str(e) for e in plausibility.check_plan(site.units_file, by_hand, site.sources["plan"])]
    assert any("không đủ cho 02 hội nghị" in m for m in messages), messages
