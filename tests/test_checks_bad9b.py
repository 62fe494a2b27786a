"""Review bad9b's remaining messages (issue 19): bad input gets one clear Vietnamese message at the field the
editor changed, listed first; nothing true is refused.

- w7: a capital of convention (a document's kind cited as a title, «Nghị quyết số …»; a common word the plans
  write in lower case, «Ban Thường trực») is no proper name in the website's name or description; a year in a
  cited document's number and symbol («12/2023/NQ-HĐND») is that document's, not a plan's;
- n4, n5: a receiver code mistyped is said once, at noi_nhan, not as a department «không được giao đơn vị
  nào»; an empty receiver is said once;
- s1: a step's day that differs from its words is said once (not again as «outside the plan's period»);
- c4: the campaign's name (cuoc_van_dong › ten) is the plan's words;
- p13b, p13l: a period field is quoted as written; a missing ket_thuc is offered as the words write it.
In-process: the functions on strings, or macros.check on a copy of the commune fixture."""

import re

import pytest

from macros.crosschecks import _named_words, _website_years
from tests.test_bad_input_new_fields import XA_PLAN, _accepted, _refused, _xa, _xa_change
from tests.test_bad_input_corpus import run_check


def _errors(report: str) -> list[str]:
    return [e for e in report.split("\n\n") if re.match(r"\d+\. ", e)]


# --- w7: capitals of convention are no proper names ------------------------------------------------

PLAN_WORDS = "Ban Thường trực Ủy ban MTTQ Việt Nam xã\nthường trực ủy ban\nthôn Kon Klor\nnộp thuế và phí"


@pytest.mark.parametrize("text", [
    "Kế hoạch theo Nghị quyết số 12/2023/NQ-HĐND",
    "Thực hiện Chỉ thị số 05-CT/TW và Quyết định số 1719/QĐ-TTg",
    "Triển khai Thông báo kết luận, Hướng dẫn và Công văn của cấp trên",
    "Tài liệu của Ban Thường trực",
    "Thực hiện chủ trương của Đảng, chính sách của Nhà nước, vì lợi ích của Nhân dân",
])
def test_a_capital_of_convention_is_no_proper_name(text):
    assert [w for w in _named_words(text, PLAN_WORDS) if w not in PLAN_WORDS] == []


@pytest.mark.parametrize("text, name", [
    ("Kế hoạch tuyên truyền trên địa bàn tỉnh Kon Tum năm 2026", "Kon Tum"),
    ("Kế hoạch theo Nghị quyết của thành phố Huế và tỉnh Gia Lai", "Huế"),
    ("Kế hoạch của xã Đăk Pxi", "Đăk Pxi"),
])
def test_a_proper_name_is_still_one(text, name):
    assert name in _named_words(text, PLAN_WORDS)


def test_a_year_in_a_cited_documents_number_is_not_a_plans_year():
    kinds = {"KH"}
    assert _website_years("Kế hoạch theo Nghị quyết số 12/2023/NQ-HĐND", kinds) == []
    # the plans' own kind («…/2023/KH-…»: another plan), a date's year and a bare year stay years
    assert _website_years("Kế hoạch số 45/2023/KH-MTTQ", kinds) == ["2023"]
    assert _website_years("Nghị quyết ngày 12/5/2023", kinds) == ["2023"]
    assert _website_years("Kế hoạch năm 2023", kinds) == ["2023"]


def test_w7_a_description_citing_a_resolution_is_accepted(tmp_path, capsys):
    root = _xa(tmp_path)
    path = root / "data" / "website.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "mo_ta: Kế hoạch mẫu", "mo_ta: Kế hoạch theo Nghị quyết số 12/2023/NQ-HĐND"), encoding="utf-8")
    _accepted(root, capsys)


# --- n4, n5: a receiver mistyped is one error, at noi_nhan ------------------------------------------

@pytest.mark.parametrize("value, said", [
    ("BanThuongTruc", "Không có ban mã «BanThuongTruc»"),
    ('""', "Không được để trống"),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam xã", "ghi bằng mã ban"),
])
def test_a_receiver_mistake_is_one_error_at_noi_nhan(tmp_path, capsys, value, said):
    root = _xa(tmp_path)
    _xa_change(root, "    noi_nhan: ban-thuong-truc\n", f"    noi_nhan: {value}\n")
    report = _refused(root, capsys, f"{XA_PLAN}:142:", "«to_chuc_thuc_hien › bao_cao › noi_nhan»", said)
    assert len(_errors(report)) == 1, report


# --- s1: a step's day its words contradict is one error ---------------------------------------------

def test_s1_a_step_day_its_words_contradict_is_one_error(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "hoàn thành trước ngày 30/9/2026.\n", "hoàn thành trước ngày 30/9/2026.\n    thoi_gian:\n"
               '      van_ban: trước ngày 30/9/2026\n      truoc_ngay: "30/9/2025"\n')
    report = _refused(root, capsys, f"{XA_PLAN}:69:", "truoc_ngay", 'truoc_ngay: "30/9/2026"')
    assert len(_errors(report)) == 1, report


# --- c4: the campaign's name is the one the plan quotes ---------------------------------------------

CAMPAIGN = "  ten: Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh\n"


@pytest.mark.parametrize("name", ["Toàn dân đoàn kết xây dựng nông thôn mới",
                                  "Toàn dân đoàn kết xây dựng đô thị văn minh"])
def test_c4_a_campaign_name_unlike_the_quoted_one_is_refused(tmp_path, capsys, name):
    root = _xa(tmp_path)
    _xa_change(root, CAMPAIGN, f"  ten: {name}\n")
    report = _refused(root, capsys, f"{XA_PLAN}:22:", "«cuoc_van_dong › ten»",
                      "ten: Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh")
    assert len(_errors(report)) == 1, report


def test_c4_the_quoted_name_is_accepted_and_an_unquoted_plan_is_not_compared(tmp_path, capsys):
    _accepted(_xa(tmp_path), capsys)
    root = _xa(tmp_path / "b")
    text = (root / XA_PLAN).read_text(encoding="utf-8")
    (root / XA_PLAN).write_text(text.replace("“", "").replace("”", ""), encoding="utf-8")
    _accepted(root, capsys)


# --- p13b, p13l: a period field as written; a missing end offered as the words write it ---------------

PERIOD = "  bat_dau: Quý III/2026\n  ket_thuc: 31/12/2026\n  doan:\n  - Kế hoạch thực hiện từ Quý III/2026 đến hết ngày 31/12/2026.\n"


def test_p13b_a_period_field_is_quoted_as_its_line_writes_it(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, PERIOD, "  bat_dau: 7/2026\n  ket_thuc: 31/12/2026\n  doan:\n"
                             "  - Kế hoạch thực hiện từ tháng 8 năm 2026 đến hết ngày 31/12/2026.\n")
    report = _refused(root, capsys, f"{XA_PLAN}:83:", "«thoi_gian_dia_diem › bat_dau»", "«từ tháng 8 năm 2026",
                      "(«7/2026»)", "Giá trị đang ghi: 7/2026\n", 'bat_dau: "8/2026"')
    assert "tháng 7/2026" not in report, report
    assert len(_errors(report)) == 1, report


def test_p13l_a_missing_end_is_offered_as_the_words_write_it(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, PERIOD, '  bat_dau: 01/7/2026\n  doan:\n  - "Thời gian thực hiện: từ 01/7/2026 - 31/12/2026."\n')
    report = _refused(root, capsys, "«thoi_gian_dia_diem › ket_thuc»", "thiếu trường bắt buộc",
                      'ket_thuc: "31/12/2026"', "«từ 01/7/2026 - 31/12/2026»")
    assert len(_errors(report)) == 1, report


# --- b23, b43: the budget page says beside its figures that the document's own figure differs -------

from macros.check import main as check_main  # noqa: E402
from macros.loader import load_website  # noqa: E402
from macros.render import budget as budget_render  # noqa: E402
from tests.sitebuild import ROOT  # noqa: E402
from tests.test_bad_input_corpus import change, data_copy  # noqa: E402

NOTE_TITLE = "Số liệu trong văn bản khác số website tính"




def test_b23_a_table_total_not_its_rows_sum_is_said_beside_the_figures(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, '      - Tổng cộng\n      - "10.500.000"\n', '      - Tổng cộng\n      - "10.000.000"\n')
    site = load_website(root).plans[0]
    page = budget_render.budget_page(site)
    note = page[page.index(NOTE_TITLE):page.index("## Theo đơn vị")].replace("\\", "")  # Markdown escapes
    assert "«10.000.000»" in note and "10.500.000 đồng" in note and "10.500.000đ" in note, note
    assert "website cộng" in note and "nguyên văn" in note, note
    code, report = run_check(root, capsys)
    assert code == 0, report
    lưu_ý = [line for line in report.splitlines() if "Dòng tổng của bảng" in line]
    assert lưu_ý and "10.000.000" in lưu_ý[0] and "10.500.000đ" in lưu_ý[0], report


def test_b43_words_counting_other_units_are_said_beside_the_figures(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "    dinh_muc: 5000000\n", "    dinh_muc: 5000000\n    doan:\n"
           '    - "Từ kinh phí Cuộc vận động năm 2023."\n'  # the source (kinh_phi › nguon) as the words write it
           '    - "Mỗi huyện, thành phố 5.000.000 đồng x 9 huyện = 45.000.000 đồng."\n')
    site = load_website(root).plans[0]
    page = budget_render.budget_page(site)
    note = page[page.index(NOTE_TITLE):page.index("## Theo đơn vị")].replace("\\", "")  # Markdown escapes
    for said in ("«Mỗi huyện, thành phố 5.000.000 đồng x 9 huyện = 45.000.000 đồng.»", "9 đơn vị",
                 "có 10 huyện, thành phố", "50.000.000 đồng", "website tính"):
        assert said in note, (said, note)
    code, report = run_check(root, capsys)
    assert code == 0, report
    lưu_ý = [line for line in report.splitlines() if "Lời văn ghi tổng" in line]
    assert lưu_ý and all(x in lưu_ý[0] for x in ("45.000.000 đồng", "9 đơn vị", "10 đơn vị", "50.000.000đ")), report


def test_a_budget_whose_words_agree_has_no_note():
    site = load_website(ROOT).plans[0]
    assert NOTE_TITLE not in budget_render.budget_page(site)
