"""The handbook (Sổ tay) as a reader sees it: every part of every chapter, real
references only, the editor slot where a model household would go."""

import re

import pytest
import yaml

from macros.errors import DataErrors
from macros.loader import load_site
from tests.sitebuild import ROOT, page_text
from tests.test_data_errors import project_with

CHAPTERS = sorted(p.stem for p in (ROOT / "data" / "ke-hoach-2023" / "so-tay").glob("*.yaml"))
# The five content topics of section II (source) and the chapter on the campaign.
EXPECTED_CHAPTERS = sorted(["cuoc-van-dong", "chu-truong-chinh-sach", "mo-hinh-hay", "su-dung-nguon-luc",
                            "chuyen-doi-cay-trong", "hop-tac-xa-trong-rung"])
# The topics the issue calls practical: each needs step-by-step guidance.
PRACTICAL = ["su-dung-nguon-luc", "chuyen-doi-cay-trong", "hop-tac-xa-trong-rung"]
PARTS = ["Mục đích", "Thông điệp tuyên truyền (đọc tại hội nghị)",
         "Câu hỏi gợi ý thảo luận", "Văn bản tham khảo"]


def raw_chapter(stem: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "ke-hoach-2023" / "so-tay" / f"{stem}.yaml").read_text(encoding="utf-8"))


def norm(text: str) -> str:
    return " ".join(text.split())


def test_there_is_a_chapter_for_each_topic_and_for_the_campaign():
    assert CHAPTERS == EXPECTED_CHAPTERS


@pytest.mark.parametrize("stem", EXPECTED_CHAPTERS)
def test_chapter_page_shows_every_part(site, stem):
    text = page_text(site, f"so-tay/{stem}/index.html")
    data = raw_chapter(stem)
    positions = [text.find(p) for p in PARTS]
    assert all(p >= 0 for p in positions), [p for p, at in zip(PARTS, positions) if at < 0]
    assert positions == sorted(positions), "parts out of order"
    for key in ("muc_dich", "thong_diep", "cau_hoi"):
        assert data[key], key
        for item in data[key]:
            if "{" not in item:
                assert norm(item) in text, item
    for section in data.get("huong_dan", []):
        assert norm(section["tieu_de"]) in text
        for step in section["buoc"]:
            assert norm(step) in text, step
    # No real example yet: the part is absent for readers (no editor box, no field name).
    if not data.get("guong_dien_hinh"):
        assert "Gương điển hình" not in text and "guong_dien_hinh" not in text


@pytest.mark.parametrize("stem", PRACTICAL)
def test_practical_chapters_have_steps(site, stem):
    assert "Hướng dẫn thực hiện" in page_text(site, f"so-tay/{stem}/index.html")
    assert raw_chapter(stem)["huong_dan"]


def test_topic_pages_still_quote_the_plan(site):
    text = page_text(site, "so-tay/chuyen-doi-cay-trong/index.html")
    assert "Nội dung 4, mục II của kế hoạch" in text
    assert "gắn với Đề án mỗi xã một sản phẩm" in text


def test_campaign_chapter_states_its_basis_and_roles(site):
    text = page_text(site, "so-tay/cuoc-van-dong/index.html")
    # Only what the plan says: its basis (Kế hoạch 357); no unverified founding act or standing body.
    assert "Kế hoạch số 357/KH-MTTQ-BTT ngày 08/02/2023" in text
    assert "08-KL/TU" not in text and "cơ quan thường trực" not in text
    for who in ("Cán bộ, đảng viên", "Già làng, người uy tín", "điển hình tiên tiến"):
        assert who in text
    # Placeholders filled from the plan.
    assert "từ 02 đến 04 hội nghị" in text and "Ban Phong trào trước ngày 30/11/2023" in text


def test_handbook_index_links_every_chapter(site):
    html = (site / "so-tay" / "index.html").read_text(encoding="utf-8")
    for stem in EXPECTED_CHAPTERS:
        assert f'href="{stem}/"' in html, stem
    assert 'href="van-ban/"' in html and 'href="../thuat-ngu/"' in html and 'href="../bo-cong-cu/"' in html


# --- data errors ------------------------------------------------------------

def _errors(tmp_path, file, old, new):
    with pytest.raises(DataErrors) as info:
        load_site(project_with(tmp_path, file, old, new))
    return [str(e) for e in info.value.errors]


def test_unknown_reference_id_is_an_error_naming_file_line_and_field(tmp_path):
    errors = _errors(tmp_path, "so-tay/chuyen-doi-cay-trong.yaml", "tai_lieu: [qd-919-2022", "tai_lieu: [qd-919-2023")
    assert len(errors) == 1
    assert re.match(r"data/ke-hoach-2023/so-tay/chuyen-doi-cay-trong\.yaml:\d+:\d+: trường «tai_lieu › mục 1»", errors[0])
    assert "Không có văn bản mã «qd-919-2023»" in errors[0] and "có phải «qd-919-2022»?" in errors[0]


def test_unknown_topic_is_an_error(tmp_path):
    errors = _errors(tmp_path, "so-tay/mo-hinh-hay.yaml", "chu_de: mo-hinh-hay", "chu_de: mo-hinh-hya")
    assert any("chu_de" in e and "có phải «mo-hinh-hay»?" in e for e in errors), errors


def test_html_in_a_chapter_is_an_error(tmp_path):
    errors = _errors(tmp_path, "so-tay/mo-hinh-hay.yaml", "  - Các gia đình ở địa phương đã làm được",
                     "  - <b>Các</b> gia đình ở địa phương đã làm được")
    assert any("thong_diep › mục 1" in e and "mã HTML" in e for e in errors), errors


def test_plan_basis_must_be_a_listed_document(tmp_path):
    errors = _errors(tmp_path, "van-ban.yaml", "so: 357/KH-MTTQ-BTT", "so: 358/KH-MTTQ-BTT")
    assert any("data/ke-hoach-2023/ke-hoach.yaml" in e and "357/KH-MTTQ-BTT" in e and "chưa có trong data/van-ban.yaml" in e
               for e in errors), errors


def test_misspelt_placeholder_in_a_chapter_is_an_error(tmp_path):
    errors = _errors(tmp_path, "so-tay/cuoc-van-dong.yaml", "{so_hoi_nghi}", "{so_hoi_ngi}")
    assert any("cuoc-van-dong.yaml" in e and "có phải «{so_hoi_nghi}»?" in e for e in errors), errors
