"""Review bad10's message defects (issue 19): one mistake, one clear Vietnamese message at the field the
editor changed, with the value written and the fix.

- r8 (#7): a step's time cut short («Quý IV» of «Quý IV/2026») is said cut short, with the step's own
  whole phrase offered (not a fixed example from another plan);
- c2 (#8): the campaign block removed is one error at cuoc_van_dong, naming the toolkit and handbook;
- N40–N42 (#9): a topic without its optional ten_ngan is titled by the plan's words: no error at the
  untouched chapter;
- #11: a blank optional value offers to leave the line out; a key written twice is named as other
  messages name the field; a very long value is shortened;
- s6, r6, q1, x6, p13e: one change, one error.
In-process: macros.check on a copy of data/ or of the commune fixture."""

import re

import pytest

from tests.test_bad_input_corpus import change, data_copy, run_check
from tests.test_bad_input_new_fields import XA_PLAN, _refused, _xa, _xa_change


def _errors(report: str) -> list[str]:
    return [e for e in report.split("\n\n") if re.match(r"\d+\. ", e)]


STEP3 = "    noi_dung: Sơ kết, đánh giá kết quả trong Quý IV/2026; các thôn, làng gửi báo cáo trước ngày 15/11/2026.\n"


def test_r8_a_step_time_cut_short_offers_the_steps_whole_phrase(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, STEP3, STEP3 + '    thoi_gian:\n      van_ban: Quý IV\n      tu_ngay: "01/10/2026"\n'
                                    '      den_ngay: "31/12/2026"\n')
    report = _refused(root, capsys, f"{XA_PLAN}:73:", "thoi_gian › van_ban", "Giá trị đang ghi: Quý IV",
                      "chép thiếu", 'van_ban: "Quý IV/2026"')
    assert "30/9" not in report, report
    assert len(_errors(report)) == 1, report


# --- c2 (#8): the campaign removed is one error, at cuoc_van_dong, naming what needs it ----------------

def test_c2_removing_the_campaign_is_one_error_naming_it(tmp_path, capsys):
    root = data_copy(tmp_path)
    path = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"^cuoc_van_dong:\n(?:[ #].*\n|\n)*?(?=^\S)", text, re.M)
    path.write_text(text.replace(block.group(0), "", 1), encoding="utf-8")
    code, report = run_check(root, capsys)
    assert code == 1, report
    assert len(_errors(report)) == 1, report
    assert "trường «cuoc_van_dong»" in report and "bo-cong-cu.yaml" in report and "so-tay/" in report, report


# --- N40–N42 (#9): a topic's optional ten_ngan removed is no error at an untouched chapter ------------

def test_n40_removing_every_ten_ngan_is_accepted(tmp_path, capsys):
    root = data_copy(tmp_path)
    path = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    text = path.read_text(encoding="utf-8")
    shorter = re.sub(r"^ {4,}ten_ngan: .*\n", "", text, flags=re.M)
    assert shorter.count("\n") == text.count("\n") - 5  # the five topics
    path.write_text(shorter, encoding="utf-8")
    code, report = run_check(root, capsys)
    assert code == 0, report


def test_a_chapter_name_other_than_the_topics_ten_ngan_is_still_said(tmp_path, capsys):
    root = data_copy(tmp_path)
    path = root / "data" / "ke-hoach-2023" / "so-tay" / "mo-hinh-hay.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("ten: Mô hình hay, cách làm hiệu quả", "ten: Mô hình hay", 1), encoding="utf-8")
    code, report = run_check(root, capsys)
    assert code == 1 and "so-tay/mo-hinh-hay.yaml:" in report and "ten_ngan: «Mô hình hay, cách làm hiệu quả»" in report, report


# --- #11: a blank optional value offers to leave the line out ------------------------------------------

@pytest.mark.parametrize("old, new, field", [
    ("        ten_ngan: Mô hình hay, cách làm hiệu quả\n", '        ten_ngan: ""\n', "ten_ngan"),
    ("ten_goi_noi_dung: các nội dung trọng tâm\n", 'ten_goi_noi_dung: ""\n', "ten_goi_noi_dung"),
])
def test_a_blank_optional_value_offers_to_leave_the_line_out(tmp_path, capsys, old, new, field):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", old, new)
    code, report = run_check(root, capsys)
    assert code == 1 and "Không được để trống" in report, report
    assert f"hoặc bỏ dòng này («{field}: …», trường không bắt buộc)" in report, report
    assert len(_errors(report)) == 1, report


def test_a_blank_required_value_does_not_offer_to_leave_it_out(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "  ten_ngan: Cuộc vận động\n", '  ten_ngan: ""\n')
    code, report = run_check(root, capsys)
    assert code == 1 and "Không được để trống" in report and "không bắt buộc" not in report, report


# --- #11: a key written twice is named as other messages name the field ---------------------------------

def test_a_key_written_twice_is_named_by_its_sections_kind(tmp_path, capsys):
    root = data_copy(tmp_path)
    line = "        ten_ngan: Mô hình hay, cách làm hiệu quả\n"
    change(root, "ke-hoach.yaml", line, line + line)
    code, report = run_check(root, capsys)
    assert code == 1 and "trường «noi_dung › muc › mục 2 › ten_ngan»: Trường «ten_ngan» được ghi hai lần" in report, report


# --- #11: a very long value is shortened in messages ----------------------------------------------------

def test_a_long_value_is_shortened_in_the_message():
    from macros.errors import DataError
    long = "Tổng hợp kết quả " + "và " * 1500
    text = str(DataError("data/a.yaml", 3, 5, "loi_van", f"Không có câu «{long}».", found=long, hint=f"chép «{long}»"))
    assert len(text) < 1000, len(text)
    assert text.count("…") == 3 and "«Tổng hợp kết quả và" in text, text
    short = str(DataError("data/a.yaml", 3, 5, "loi_van", "Không có câu «Tổng hợp».", found="Tổng hợp"))
    assert "…" not in short


# --- #5: s6, r6 — one change to a step's time, one error ------------------------------------------------

STEP1 = "    noi_dung: Khảo sát, nắm tình hình Nhân dân tại các thôn, làng; hoàn thành trước ngày 30/9/2026.\n"
STEP2 = "      {so_hoi_nghi} hội nghị.\n"


def test_s6_a_day_under_another_field_is_one_error_naming_both(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, STEP1, STEP1 + '    thoi_gian:\n      van_ban: trước ngày 30/9/2026\n      tu_ngay: "30/9/2026"\n')
    report = _refused(root, capsys, f"{XA_PLAN}:69:", "thoi_gian › tu_ngay", "Giá trị đang ghi: 30/9/2026",
                      "đổi tên dòng «tu_ngay» thành «truoc_ngay»")
    assert len(_errors(report)) == 1, report


def test_r6_days_the_words_do_not_give_are_one_error(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, STEP2, STEP2 + '    thoi_gian:\n      van_ban: 01/10/2026\n      tu_ngay: "01/10/2026"\n'
                                    '      den_ngay: "01/10/2026"\n')
    report = _refused(root, capsys, f"{XA_PLAN}:72:", "thoi_gian › tu_ngay", "(tu_ngay, den_ngay)",
                      "bỏ các dòng tu_ngay, den_ngay")
    assert len(_errors(report)) == 1, report


# --- #5: q1 — quan_he removed is one error at quan_he, naming every person assigned ----------------------

def test_q1_removing_quan_he_is_one_error_at_it(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "  quan_he: phụ trách\n", "")
    report = _refused(root, capsys, "trường «to_chuc_thuc_hien › quan_he»", "phan_cong › mục 1", "phan_cong › mục 2",
                      "ghi quan_he")
    assert len(_errors(report)) == 1, report


# --- #5: x6 — one list written wrong is one error at the list --------------------------------------------

def test_x6_a_list_of_wrong_items_is_one_error_at_the_list(tmp_path, capsys):
    root = _xa(tmp_path)
    path = root / XA_PLAN
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(120, "    o_gop: [1, 2]\n")  # the probe's line 121, in kinh_phi › doan › mục 2
    path.write_text("".join(lines), encoding="utf-8")
    report = _refused(root, capsys, f"{XA_PLAN}:121:", "o_gop»", "2 mục của danh sách", "Giá trị đang ghi: 1, 2")
    assert len(_errors(report)) == 1, report


# --- #5: p13e — the period's words differing from both points is one error ------------------------------

def test_p13e_the_periods_words_against_both_points_is_one_error(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "  - Kế hoạch thực hiện từ Quý III/2026 đến hết ngày 31/12/2026.\n",
               "  - Kế hoạch thực hiện trong năm 2026.\n")
    report = _refused(root, capsys, "thoi_gian_dia_diem › bat_dau", "khác bat_dau («Quý III/2026») và ket_thuc "
                      "(«31/12/2026»)", 'bat_dau: "năm 2026" và ket_thuc: "năm 2026"')
    assert len(_errors(report)) == 1, report
