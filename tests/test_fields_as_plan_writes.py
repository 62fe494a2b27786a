"""Fields printed as the plan's words are the plan's words (review bad9 items 7, 8, 10, 11, 13; review r19o 9).
Each case built a silently wrong site, or steered the editor wrong; the check now stops with a Vietnamese
message naming file:line:column and the field:

- to_chuc_thuc_hien › quan_he («Phụ trách: <người>» on every unit page) is a word of the section's text;
- bao_cao › noi_nhan: a code-like value is a code; a department's own name is written by its code; any other
  name is written by the plan; a name is no «unknown code» when another error stops validation;
- numbers as written: a topic's `so` gets the checks of the others; no Markdown heading mark «#»; where the
  section keeps its words, a step's or topic's `so` is the mark the words write before its text;
- a true/false field takes only «true» or «false» (YAML 1.1 also reads True, TRUE, yes as true).
In-process: macros.check on a copy of the real data, or of the commune fixture."""

import pytest

from tests.test_bad_input_corpus import change, data_copy
from tests.test_bad_input_new_fields import XA_PLAN, _accepted, _refused, _xa, _xa_change

PLAN = "data/ke-hoach-2023/ke-hoach.yaml"


# --- quan_he --------------------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["giúp đỡ", "phu trach"])
def test_a_relation_word_the_section_does_not_write_is_refused(tmp_path, capsys, word):
    root = _xa(tmp_path)
    _xa_change(root, "  quan_he: phụ trách\n", f"  quan_he: {word}\n")
    _refused(root, capsys, f"{XA_PLAN}:151:", "«to_chuc_thuc_hien › quan_he»", f"«{word}»", "phụ trách")


def test_the_relation_word_the_section_writes_is_accepted(tmp_path, capsys):
    _accepted(_xa(tmp_path), capsys)


def test_a_relation_word_on_a_plan_that_never_says_it_is_refused(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "      nguoi_gui: ban\n", "      nguoi_gui: ban\n    quan_he: phụ trách\n")
    _refused(root, capsys, f"{PLAN}:", "«to_chuc_thuc_hien › quan_he»", "«phụ trách»")


# --- bao_cao › noi_nhan ---------------------------------------------------------------------------

def test_a_code_like_receiver_is_read_as_a_code(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "noi_nhan: ban-phong-trao", "noi_nhan: Ban-Phong-Trao")
    _refused(root, capsys, f"{PLAN}:196:", "«to_chuc_thuc_hien › bao_cao › noi_nhan»", "Không có ban mã «Ban-Phong-Trao»",
             "ban-phong-trao")


def test_a_departments_name_as_receiver_asks_for_its_code(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "noi_nhan: ban-phong-trao", "noi_nhan: Ban Phong trào Ủy ban MTTQ Việt Nam tỉnh")
    _refused(root, capsys, f"{PLAN}:196:", "«to_chuc_thuc_hien › bao_cao › noi_nhan»", "Ban Phong trào",
             "noi_nhan: ban-phong-trao")


def test_a_receiver_name_the_plan_never_writes_is_refused(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "noi_nhan: ban-phong-trao", "noi_nhan: Ban Dân vận Tỉnh ủy")
    _refused(root, capsys, f"{PLAN}:196:", "«to_chuc_thuc_hien › bao_cao › noi_nhan»", "không có trong lời kế hoạch")


def test_a_receiver_name_is_no_unknown_code_beside_another_error(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "    noi_nhan: ban-thuong-truc\n", "    noi_nhan: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh\n")
    _xa_change(root, "    han: 15/11/2026\n", "    han: 31/11/2026\n")
    report = _refused(root, capsys, f"{XA_PLAN}:143:", "«to_chuc_thuc_hien › bao_cao › han»")
    assert "Không có ban mã" not in report, report


# --- numbers as written ---------------------------------------------------------------------------

def test_a_topic_number_in_markdown_bold_is_refused(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "      - ma: chu-truong-chinh-sach\n",
           "      - ma: chu-truong-chinh-sach\n        so: \"**1.**\"\n")
    _refused(root, capsys, f"{PLAN}:90:", "«noi_dung › muc › mục 1 › so»", "**1.**", 'so: "1."')


def test_a_section_number_with_a_heading_mark_is_refused(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "- so: II\n", "- so: \"# II\"\n")
    _refused(root, capsys, f"{XA_PLAN}:41:", "«#»", 'so: "II"')


def test_a_topic_number_the_words_do_not_write_is_refused(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "  - ma: chu-truong-chinh-sach\n", "  - ma: chu-truong-chinh-sach\n    so: '5.'\n")
    _refused(root, capsys, f"{XA_PLAN}:46:", "«noi_dung › muc › mục 1 › so»", "«5.»", "«-»", "bỏ dòng so")


def test_a_step_number_the_words_do_not_write_is_refused(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "  - ten_ngan: 'Bước 1: Khảo sát, nắm tình hình'\n",
               "  - ten_ngan: 'Bước 1: Khảo sát, nắm tình hình'\n    so: 'Bước 5:'\n")
    _refused(root, capsys, f"{XA_PLAN}:66:", "«cac_buoc › buoc › mục 1 › so»", "«Bước 5:»", "«Bước 1:»")


def test_the_step_number_the_words_write_is_accepted(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "  - ten_ngan: 'Bước 1: Khảo sát, nắm tình hình'\n",
               "  - ten_ngan: 'Bước 1: Khảo sát, nắm tình hình'\n    so: 'Bước 1:'\n")
    _accepted(root, capsys)


# --- true/false ---------------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["yes", "True", "TRUE"])
def test_confirmed_takes_only_true(tmp_path, capsys, word):
    root = _xa(tmp_path)
    _xa_change(root, "  da_doi_chieu: true\n", f"  da_doi_chieu: {word}\n")
    _refused(root, capsys, f"{XA_PLAN}:11:", "«nhap_tu_dong › da_doi_chieu»", f"«{word}»", "true")


# --- messages (review bad9, 12) -------------------------------------------------------------------

def test_a_changed_deadline_is_named_at_its_field_with_the_date_the_words_write(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "    han: 15/11/2026\n", "    han: 14/11/2026\n")
    _refused(root, capsys, f"{XA_PLAN}:143:", "«to_chuc_thuc_hien › bao_cao › han»", "«15/11/2026»", "«14/11/2026»")


def test_a_changed_receiver_is_named_at_its_field(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "    noi_nhan: ban-thuong-truc\n", "    noi_nhan: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh\n")
    org = root / "data/ke-hoach-xa/co-quan.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace(
        "  - ma: ban-thuong-truc\n    ten: Ban Thường trực Ủy ban MTTQ Việt Nam xã\n", ""), encoding="utf-8")
    _refused(root, capsys, f"{XA_PLAN}:142:", "«to_chuc_thuc_hien › bao_cao › noi_nhan»",
             "«Ban Thường trực Ủy ban MTTQ Việt Nam xã»", "«Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh»")


def test_a_quoted_true_asks_to_drop_the_quotes(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "  da_doi_chieu: true\n", '  da_doi_chieu: "true"\n')
    _refused(root, capsys, f"{XA_PLAN}:11:", "«nhap_tu_dong › da_doi_chieu»", "bỏ dấu nháy")


@pytest.mark.parametrize("value", ["đơn vị", '""', "[ban]"])
def test_a_sender_outside_the_list_names_the_list(tmp_path, capsys, value):
    root = _xa(tmp_path)
    _xa_change(root, "    han: 15/11/2026\n", f"    han: 15/11/2026\n    nguoi_gui: {value}\n")
    _refused(root, capsys, f"{XA_PLAN}:144:", "«to_chuc_thuc_hien › bao_cao › nguoi_gui»", "ban, don_vi")


def test_an_unquoted_line_with_a_colon_asks_for_quotes(tmp_path, capsys):
    root = _xa(tmp_path)
    path = root / XA_PLAN
    lines = path.read_text(encoding="utf-8").split("\n")
    k = next(n for n, line in enumerate(lines) if line.startswith("- so: IV"))
    k = next(n for n in range(k, len(lines)) if lines[n].startswith("  - ") and "doan" in lines[n - 1])
    lines[k] = "  - Thời gian thực hiện: Quý III/2026 - 30/12/2026."
    path.write_text("\n".join(lines), encoding="utf-8")
    _refused(root, capsys, f"{XA_PLAN}:{k + 1}:", "«thoi_gian_dia_diem › doan › mục 1»", "dấu nháy",
             "'Thời gian thực hiện: Quý III/2026 - 30/12/2026.'")


def test_a_period_in_the_plans_words_is_not_said_to_be_as_the_plan_writes(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", 'bat_dau: "4/2023"', 'bat_dau: "tháng 4 năm 2023"')
    report = _refused(root, capsys, f"{PLAN}:", "«thoi_gian_dia_diem › bat_dau»", '"4/…"')
    assert "đúng như kế hoạch ghi" not in report, report


def test_two_topics_with_one_number_are_refused(tmp_path, capsys):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "      - ma: chu-truong-chinh-sach\n",
           "      - ma: chu-truong-chinh-sach\n        so: \"1.\"\n")
    change(root, "ke-hoach.yaml", "      - ma: mo-hinh-hay\n", "      - ma: mo-hinh-hay\n        so: \"1.\"\n")
    _refused(root, capsys, f"{PLAN}:96:", "«noi_dung › muc › mục 2 › so»", "Hai nội dung cùng số «1.»")
