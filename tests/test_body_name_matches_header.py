"""Review bad11 v05: a typo in the issuing body's name (co-quan.yaml › ten_day_du, «Kom Tum») reached the
footer of every page. The name must say what the document's header says (co_quan_ban_hanh, co_quan_cap_tren
or the joint bodies), letter case, spaces and the tone placement «Uỷ/Ủy» folded; an abbreviation of the header
(«MTTQ») may be written out in the sentence («Mặt trận Tổ quốc»)."""

import pytest

from macros.loader import load_site
from tests.test_data_errors import errors_for, project_with

NAME = "ten_day_du: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Kon Tum"


def test_a_typo_in_the_body_name_is_refused_naming_both_places(tmp_path):
    messages = [m for m in errors_for(tmp_path, "co-quan.yaml", NAME, NAME.replace("Kon Tum", "Kom Tum"))
                if "ten_day_du" in m]
    assert len(messages) == 1, messages
    [message] = messages
    assert message.startswith("data/ke-hoach-2023/co-quan.yaml:10:"), message
    assert "«Kom»" in message and "co_quan_cap_tren" in message and "dòng 8" in message, message
    assert "ỦY BAN MTTQ VIỆT NAM TỈNH KON TUM" in message and "có phải «Kon»?" in message, message


@pytest.mark.parametrize("written", [
    "ten_day_du: ban thường  trực Uỷ ban MTTQ Việt Nam tỉnh Kon Tum",  # case, spaces, tone placement
    "ten_day_du: Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum",  # the abbreviation written out
])
def test_the_same_name_written_otherwise_is_accepted(tmp_path, written):
    load_site(project_with(tmp_path, "co-quan.yaml", NAME, written))


# --- review bad11 x01: a unit's level changed in one field only moves its page and renames it on 13 pages ---
def test_a_level_that_contradicts_the_official_name_is_refused(tmp_path):
    old = "    cap: huyện\n    ten: Đăk Glei"
    messages = [m for m in errors_for(tmp_path, "don-vi.yaml", old, old.replace("cap: huyện", "cap: thành phố"))
                if "«cap»" in m or "› cap" in m]
    assert len(messages) == 1, messages
    assert messages[0].startswith("data/ke-hoach-2023/don-vi.yaml:20:"), messages
    assert "«thành phố»" in messages[0] and "«Huyện Đắk Glei»" in messages[0] and "dòng 22" in messages[0], messages


def test_a_level_the_official_name_agrees_with_is_accepted(tmp_path):
    old = "    cap: huyện\n    ten: Đăk Glei\n    ten_chinh_thuc: Huyện Đắk Glei"
    load_site(project_with(tmp_path, "don-vi.yaml", old, "    cap: thị xã\n    ten: Đăk Glei\n"
                                                        "    ten_chinh_thuc: Thị xã Đắk Glei"))


def test_words_the_sentence_adds_are_accepted(tmp_path):
    load_site(project_with(tmp_path, "co-quan.yaml", NAME, NAME + " (cơ quan thường trực)"))


def test_an_official_name_one_slip_from_the_units_name_is_refused(tmp_path):
    # review bad11 x02: «Huyện Ngọc Hồ» was shown under the unit's title
    messages = [m for m in errors_for(tmp_path, "don-vi.yaml", "ten_chinh_thuc: Huyện Ngọc Hồi",
                                      "ten_chinh_thuc: Huyện Ngọc Hồ") if "ten_chinh_thuc" in m]
    assert len(messages) == 1 and "«Ngọc Hồi»" in messages[0] and "«Huyện Ngọc Hồ»" in messages[0], messages
