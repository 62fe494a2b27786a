"""Bad input on the fields added for imported plans (review bad8, issue 19), each a mistake that built a
silently wrong site: the check now stops with a Vietnamese message naming file:line:column and the field.

- a structured budget's own words (`doan`) say another amount than its fields (dinh_muc, rieng, tong);
- `bao_cao › nguoi_gui` says other senders than the report note's words;
- a bold row (`dong_in_dam`) beyond the table is named at its own line, not at `bang`'s;
- `moi_don_vi: yes` (YAML 1.1 reads it as true) is refused with the form expected;
- a 1×1 merged cell, a bold row written twice, two steps with one number;
- a step number wrapped in Markdown bold («**Bước 2:**»);
- several plans: an internal error in one plan does not hide the other plans' data errors.
In-process: macros.check on a copy of the real data, or of the commune fixture (tests/fixtures/ke-hoach-xa-cau-truc)."""

import shutil
from pathlib import Path

import pytest

from macros import check, loader
from macros.guards import INTERNAL_EXIT
from tests.sitebuild import ROOT, one_plan_project
from tests.test_bad_input_corpus import ENGLISH, change, data_copy, run_check

XA = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"
XA_PLAN = "data/ke-hoach-xa/ke-hoach.yaml"


def _xa(tmp_path: Path) -> Path:
    return one_plan_project(tmp_path / "xa", XA, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")


def _xa_change(root: Path, old: str, new: str) -> None:
    path = root / XA_PLAN
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _refused(root: Path, capsys, *fragments: str) -> str:
    code, report = run_check(root, capsys)
    assert code == 1, report
    assert "Traceback" not in report and "Lỗi nội bộ" not in report, report
    assert not [w for w in ENGLISH if w in report], report
    entries = report.split("\n\n")
    assert any(all(f in entry for f in fragments) for entry in entries), report
    return report


def _accepted(root: Path, capsys) -> str:
    code, report = run_check(root, capsys)
    assert code == 0, report
    return report


# --- 1. the budget's own words against its fields -----------------------------------------------

BUDGET_WORDS = "  dinh_muc: 5000000\n"


def _budget_words(root: Path, *lines: str, fields: str = "") -> None:
    # These words name no source: the plan's `nguon` would be refused as not in them (review r19q #2).
    change(root, "ke-hoach.yaml", "    nguon: Từ kinh phí Cuộc vận động năm 2023\n", "")
    change(root, "ke-hoach.yaml", BUDGET_WORDS, BUDGET_WORDS + fields + "    doan:\n"
           + "".join(f"      - {line}\n" for line in lines))


def test_budget_words_saying_another_rate_are_refused(tmp_path, capsys):
    root = data_copy(tmp_path)
    _budget_words(root, "Mỗi đơn vị 7.000.000 đồng.")
    _refused(root, capsys, "data/ke-hoach-2023/ke-hoach.yaml:149:", "«kinh_phi › dinh_muc»", "5.000.000đ",
             "7.000.000 đồng")


@pytest.mark.parametrize("words", ["Mỗi đơn vị 5.000.000đ.", "Mỗi đơn vị 5.000.000 đồng.", "Mỗi đơn vị 5 triệu đồng.",
                                   "Mỗi đơn vị được hỗ trợ năm triệu đồng.", "Mỗi đơn vị 5.000.000 VNĐ."])
def test_budget_words_saying_the_rate_are_accepted(tmp_path, capsys, words):
    root = data_copy(tmp_path)
    _budget_words(root, words)
    _accepted(root, capsys)


def test_a_units_own_amount_and_a_total_not_in_the_words_are_refused(tmp_path, capsys):
    root = data_copy(tmp_path)
    _budget_words(root, "Mỗi đơn vị 5.000.000đ; tổng cộng 50.000.000đ.",
                  fields='    rieng:\n      "610": 4000000\n    tong: 49000000\n')
    report = _refused(root, capsys, "«kinh_phi › rieng › 610»", "4.000.000đ")
    assert "«kinh_phi › tong»" in report and "49.000.000đ" in report, report


def test_amounts_in_a_table_of_the_words_are_read(tmp_path, capsys):
    """The commune plan's budget table («Kinh phí (đồng)», bare «3.000.000») gives each unit's amount."""
    _accepted(_xa(tmp_path / "a"), capsys)
    root = _xa(tmp_path / "b")
    _xa_change(root, "    kon-klor: 3000000\n", "    kon-klor: 3200000\n")
    _refused(root, capsys, f"{XA_PLAN}:92:", "«kinh_phi › rieng › kon-klor»", "3.200.000đ")


# --- 2. who reports, against the report note's words ---------------------------------------------

def test_units_said_to_report_where_the_note_names_the_departments(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "nguoi_gui: ban", "nguoi_gui: don_vi")
    _refused(root, capsys, "«to_chuc_thuc_hien › bao_cao › nguoi_gui»", "Đề nghị các Ban, Văn phòng")


def test_departments_said_to_report_where_the_note_names_the_units(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "Đề nghị các Ban, Văn phòng báo cáo",
           "Đề nghị Ban Thường trực Uỷ ban MTTQ Việt Nam các huyện, thành phố báo cáo")
    _refused(root, capsys, "«to_chuc_thuc_hien › bao_cao › nguoi_gui»", "Ban Thường trực Uỷ ban MTTQ Việt Nam các huyện")
    change(root, "ke-hoach.yaml", "nguoi_gui: ban", "nguoi_gui: don_vi")
    _accepted(root, capsys)


def test_the_commune_note_naming_its_villages_takes_each_unit(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "    han: 15/11/2026\n", "    han: 15/11/2026\n    nguoi_gui: don_vi\n")
    _accepted(root, capsys)
    _xa_change(root, "nguoi_gui: don_vi", "nguoi_gui: ban")
    _refused(root, capsys, "«to_chuc_thuc_hien › bao_cao › nguoi_gui»", "thôn Kon Klor")


# --- 3, 5. tables: bold rows and merged cells -----------------------------------------------------

def test_a_bold_row_beyond_the_table_is_named_at_its_own_line(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "    dong_in_dam:\n    - 6\n", "    dong_in_dam:\n    - 6\n    - 9\n")
    _refused(root, capsys, f"{XA_PLAN}:121:", "dong_in_dam › mục 2", "dòng 9", "6 dòng")


def test_a_bold_row_written_twice_is_refused(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "    dong_in_dam:\n    - 6\n", "    dong_in_dam:\n    - 6\n    - 6\n")
    _refused(root, capsys, f"{XA_PLAN}:121:", "dong_in_dam › mục 2", "dòng 6", "hai lần")


def test_a_merged_cell_merging_nothing_is_refused(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "    dong_tieu_de: 1\n    dong_in_dam:",
               "    dong_tieu_de: 1\n    o_gop:\n    - dong: 6\n      cot: 1\n    dong_in_dam:")
    _refused(root, capsys, f"{XA_PLAN}:120:", "o_gop › mục 1", "không gộp", "so_dong")


# --- 4. a YAML 1.1 yes where true/false is written -----------------------------------------------

def test_yes_for_a_true_or_false_field_is_refused(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "      toi_da: 4\n", "      toi_da: 4\n      moi_don_vi: yes\n")
    change(root, "ke-hoach.yaml", "toi_thieu: 2", "toi_thieu: 5")  # a check across fields, said in the same run
    report = _refused(root, capsys, "data/ke-hoach-2023/ke-hoach.yaml:140:", "«cac_buoc › hoi_nghi › moi_don_vi»",
                      "«yes»", "true", "false")
    assert "lớn hơn tối đa" in report, report
    change(root, "ke-hoach.yaml", "toi_thieu: 5", "toi_thieu: 2")
    change(root, "ke-hoach.yaml", "moi_don_vi: yes", "moi_don_vi: true")
    _accepted(root, capsys)


# --- 5, 6. step numbers ---------------------------------------------------------------------------

def _numbered(root: Path, second: str) -> None:
    change(root, "ke-hoach.yaml", "      - ten_ngan: Khảo sát đời sống đồng bào\n",
           f'      - so: "{second}"\n        ten_ngan: Khảo sát đời sống đồng bào\n')
    change(root, "ke-hoach.yaml", "      - ten_ngan: Thống nhất, chọn xã và khu dân cư\n",
           '      - so: "Bước 1:"\n        ten_ngan: Thống nhất, chọn xã và khu dân cư\n')


def test_two_steps_with_one_number_are_refused(tmp_path, capsys):
    root = data_copy(tmp_path)
    _numbered(root, "Bước 1:")
    _refused(root, capsys, "data/ke-hoach-2023/ke-hoach.yaml:127:", "«cac_buoc › buoc › mục 2 › so»", "«Bước 1:»",
             "bước 1")


def test_a_step_number_in_markdown_bold_is_refused(tmp_path, capsys):
    root = data_copy(tmp_path)
    _numbered(root, "**Bước 2:**")
    _refused(root, capsys, "data/ke-hoach-2023/ke-hoach.yaml:127:", "«cac_buoc › buoc › mục 2 › so»", "**",
             'so: "Bước 2:"')
    change(root, "ke-hoach.yaml", "**Bước 2:**", "Bước 2:")
    _accepted(root, capsys)


# --- 7, 8. every error at once --------------------------------------------------------------------

def test_an_impossible_date_and_a_wrong_unit_code_are_reported_together(tmp_path, capsys):
    """Review r19l N8, re-checked on main: both in one run."""
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", 'han: "30/11/2023"', 'han: "31/9/2023"')
    change(root, "ke-hoach.yaml", 'don_vi: ["611", "610"]', 'don_vi: ["611", "61O"]')
    report = _refused(root, capsys, "«to_chuc_thuc_hien › bao_cao › han»", "Không có ngày 31 tháng 9")
    assert "Không có đơn vị mã «61O»" in report, report


def test_an_internal_error_in_one_plan_does_not_hide_another_plans_data_errors(tmp_path, capsys, monkeypatch):
    root = data_copy(tmp_path)
    shutil.copytree(XA, root / "data" / "ke-hoach-xa")
    website = root / "data" / "website.yaml"
    website.write_text(website.read_text(encoding="utf-8")
                       + '  - thu_muc: ke-hoach-xa\n    duong_dan: "xa/"\n    ten: Kế hoạch của xã\n', encoding="utf-8")
    _xa_change(root, "toi_da: 2", "toi_da: 5\n    toi_thieu_x: 1")  # a data error in the second plan
    real = loader.load_plan

    def broken(root_, folder, *args, **kwargs):
        if folder == "ke-hoach-2023":
            with loader.reading(f"data/{folder}/ke-hoach.yaml"):
                raise KeyError("lỗi giả")
        return real(root_, folder, *args, **kwargs)

    monkeypatch.setattr(loader, "load_plan", broken)
    code = check.main(["--goc", str(root)])
    out = capsys.readouterr()
    report = out.out + out.err
    assert code == INTERNAL_EXIT, report
    assert "Lỗi nội bộ khi đọc data/ke-hoach-2023/ke-hoach.yaml" in report and "Traceback" not in report, report
    assert "toi_thieu_x" in report and "data/ke-hoach-xa/ke-hoach.yaml" in report, report


# --- the reader of amounts the budget check uses --------------------------------------------------

def test_amounts_are_read_as_written():
    from macros.numbers import amounts_in, words_name_amount
    assert [n for n, _ in amounts_in("5.000.000đ; 5.000.000 đồng; 5 triệu đồng; 1,5 triệu; 3.000.000; 800000 VNĐ")] \
        == [5_000_000, 5_000_000, 3_000_000, 800_000, 5_000_000, 1_500_000]
    assert amounts_in("ngày 30/9/2026, 15 người, từ 02 đến 04 hội nghị, mục 1.2") == []
    # the short «triệu» of notes and tables, and thousands grouped before «nghìn»/«triệu»: a rate written so
    # must be readable, or the check would refuse a budget whose words are right and leave no way out
    assert [n for n, _ in amounts_in("mỗi thôn 5 tr.đ; 3tr đồng; 2 trđ; 1,5 tr")] == [5_000_000, 3_000_000, 2_000_000, 1_500_000]
    assert (5_000_000, "5.000 nghìn đồng") in amounts_in("5.000 nghìn đồng")
    assert amounts_in("trận đấu, 5 trận") == []
    assert words_name_amount("(Bằng chữ: Mười triệu năm trăm nghìn đồng chẵn)", 10_500_000)
    assert not words_name_amount("hai trăm năm mươi triệu đồng", 50_000_000)  # a part of another reading
    assert not words_name_amount("Nam trieu dong", 5_000_000)  # diacritics count (review bad8)


def test_a_table_in_millions_gives_its_amounts(tmp_path, capsys):
    """A column «Kinh phí (triệu đồng)» writes «3» for 3.000.000đ: read with its header's unit."""
    root = _xa(tmp_path)
    _xa_change(root, "      - Kinh phí (đồng)\n", "      - Kinh phí (triệu đồng)\n")
    for old, new in (('"3.000.000"', "'3'"), ('"2.500.000"', "'2,5'"), ('"3.500.000"', "'3,5'"),
                     ('"1.500.000"', "'1,5'")):
        _xa_change(root, old, new)
    _accepted(root, capsys)
    _xa_change(root, "    kon-klor: 3000000\n", "    kon-klor: 3200000\n")
    _refused(root, capsys, "«kinh_phi › rieng › kon-klor»", "3.200.000đ")


def test_handbook_chapters_that_no_page_shows_are_named(tmp_path, capsys):
    """Review bad9b c5: without the campaign (which the handbook needs) the six chapters in so-tay/
    vanished from the site, and the check and the build said nothing."""
    root = data_copy(tmp_path)
    path = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("cuoc_van_dong:\n")
    path.write_text(text[:start] + text[text.index("\ncan_cu:\n", start) + 1:], encoding="utf-8")
    (root / "data" / "ke-hoach-2023" / "bo-cong-cu.yaml").unlink()
    _refused(root, capsys, "data/ke-hoach-2023/so-tay/", "6 chương", "trường «cuoc_van_dong»", "không tạo Sổ tay")
