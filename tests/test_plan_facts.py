"""Every fact of the source plan, read from the rendered HTML of the built site.

Expected values are written here from source/ke-hoach-2023.txt, not
taken from data/, so a wrong transcription or a wrong render both fail.
"""

import re
import unicodedata
from pathlib import Path

import pytest

from tests.sitebuild import ROOT, page_text
from tests.sitebuild import unname_text

SOURCE = ROOT / "source" / "ke-hoach-2023.txt"  # the plan's text, kept in the repository

# unit page, unit title, department (section VI of the source)
ASSIGNED = [
    ("huyen-ia-hdrai", "Huyện Ia H’Drai", "Ban Phong trào"),  # the plan's spelling, one apostrophe
    ("huyen-tu-mo-rong", "Huyện Tu Mơ Rông", "Ban Phong trào"),
    ("huyen-dak-to", "Huyện Đăk Tô", "Ban Phong trào"),
    ("huyen-sa-thay", "Huyện Sa Thầy", "Ban Phong trào"),
    ("thanh-pho-kon-tum", "Thành phố Kon Tum", "Văn phòng"),
    ("huyen-dak-ha", "Huyện Đăk Hà", "Văn phòng"),
    ("huyen-kon-plong", "Huyện Kon Plông", "Ban Tổ chức – Tuyên giáo"),
    ("huyen-kon-ray", "Huyện Kon Rẫy", "Ban Tổ chức – Tuyên giáo"),
    ("huyen-ngoc-hoi", "Huyện Ngọc Hồi", "Ban Dân chủ - Pháp luật"),
    ("huyen-dak-glei", "Huyện Đăk Glei", "Ban Dân chủ - Pháp luật"),
]


@pytest.fixture(scope="module")
def real_data():
    """The real data's plan, loaded once: the 8 unit pages and the folded notice read its notice lines,
    never change it (the file 3.5 -> 3.1 CPU-s; issue 22, medians of 3)."""
    from macros.loader import load_site

    return load_site(ROOT)


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.mark.parametrize("slug,title,department", ASSIGNED)
def test_unit_page_shows_its_department_budget_and_deadlines(site, real_data, slug, title, department):
    from macros.changes_model import Kind
    from macros.render import notice

    data = real_data
    text = page_text(site, f"don-vi/{slug}/index.html")
    # The site's notice first (issue 20: one line on top of every page), then the page itself.
    assert text.startswith(notice.one_line(data, Kind.REFERENCE))
    text = text.split(notice.as_of_sentence(data), 1)[1].strip()
    assert text.startswith(title)
    assert f"Ban phối hợp của tỉnh: {department}" in text
    assert "Kinh phí: 5.000.000đ" in text and "Năm triệu" not in text  # no words the plan does not write (r19q #10)
    assert "từ tháng 4/2023 đến 30/11/2023" in text
    # The Bans and the Văn phòng report to Ban Phong trào, which compiles (issue 11).
    assert "báo cáo kết quả về Ban Phong trào trước ngày 30/11/2023" in text
    assert "Ban Phong trào tổng hợp báo cáo kết quả trên địa bàn toàn tỉnh" in text
    assert "Tổ chức từ 02 đến 04 hội nghị tuyên truyền, vận động thực hiện Cuộc vận động tại các khu dân cư" in text
    for step in ("Sau khi thống nhất", "Tổ chức khảo sát", "Tổ chức từ 02 đến 04 hội nghị"):
        assert step in text


def test_there_is_one_page_per_unit_and_no_other(site):
    pages = sorted(p.name for p in (site / "don-vi").iterdir() if p.is_dir())
    assert pages == sorted(slug for slug, _, _ in ASSIGNED)


@pytest.mark.parametrize("page", ["phan-cong/index.html", "kinh-phi/index.html", "don-vi/index.html"])
def test_tables_pair_each_unit_with_its_department(site, page):
    text = page_text(site, page)
    for _, title, department in ASSIGNED:
        assert re.search(re.escape(title) + r" " + re.escape(department) + r" 5\.000\.000", text), title


def test_budget_total_and_words(site):
    text = page_text(site, "kinh-phi/index.html")
    assert "Tổng cộng: 50.000.000đ" in text
    assert "Bằng chữ: Năm mươi triệu đồng chẵn" in text
    assert "Tổng cộng 50.000.000 đồng" in text
    assert "Nguồn kinh phí: Từ kinh phí Cuộc vận động năm 2023" in text


def test_plan_page_carries_every_line_of_the_source(site):
    """Nothing left out: each paragraph of the original appears in the rendered plan."""
    text = norm(page_text(site, "ke-hoach/index.html"))
    source = SOURCE.read_text(encoding="utf-8")
    body = source.split("Nơi nhận:")[0]
    missing = []
    for line in body.splitlines():
        line = norm(line).removeprefix("* ").rstrip(":").strip()
        if not line or set(line) <= {"_"}:
            continue
        line = line.replace("Ghi chú: ", "Ghi chú: ")
        if line not in text:
            missing.append(line)
    assert not missing, "\n".join(missing)


def test_plan_header_recipients_and_signature(site):
    text = norm(page_text(site, "ke-hoach/index.html"))
    for expected in [
        "ỦY BAN MTTQ VIỆT NAM TỈNH KON TUM", "BAN THƯỜNG TRỰC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Nơi nhận:",
        "- Đ/c Chủ tịch, Phó Chủ tịch UBMTTQVN tỉnh;(B/c)",  # as the source writes them
        "- BTT Ủy ban MTTQVN các huyện,TP; (P/h, T/h)",
        "- Các Ban, Văn phòng UBMTTQVN tỉnh; (T/h)",
        "- Lưu VT, VP, BPT.",
        "TM. BAN THƯỜNG TRỰC PHÓ CHỦ TỊCH (Đã Ký) Nguyễn Thị Lan",
        "Căn cứ Kế hoạch số 357/KH-MTTQ-BTT, ngày 08/02/2023",
    ]:
        assert expected in text, expected
    # The source has no number and no date: blanks, as on an unsigned draft.
    assert re.search(r"Số: \s*/KH-MTTQ-BTT", text)
    assert re.search(r"Kon Tum, ngày\s+tháng\s+năm 2023", text)


def test_home_page_at_a_glance(site):
    text = page_text(site, "index.html")
    for expected in ["10/10 huyện, thành phố", "Từ tháng 4/2023 đến 30/11/2023",
                     "5.000.000đ mỗi đơn vị; tổng 50.000.000đ (Năm mươi triệu đồng chẵn)",
                     "trước ngày 30/11/2023", "Tổ chức từ 02 đến 04 hội nghị"]:
        assert expected in text, expected
    html = (site / "index.html").read_text(encoding="utf-8")
    for slug, _, _ in ASSIGNED:
        assert f'href="don-vi/{slug}/"' in html


def test_timeline_places_the_deadline_and_lists_the_steps(site):
    html = (site / "tien-do/index.html").read_text(encoding="utf-8")
    text = page_text(site, "tien-do/index.html")
    months = re.findall(r'class="tl-month">Th(\d+)<', html)
    assert months == ["4", "5", "6", "7", "8", "9", "10", "11"]
    # «trước ngày 30/11/2023»: the marker is on 29/11, the last day (day 243 of 244), as in the .ics (issue 20)
    assert 'style="left: 99.59%"' in html
    assert "Bước 1. Thống nhất" in text and "Bước 3. Tổ chức hội nghị" in text


def test_handbook_has_the_five_topics_of_section_two(site):
    text = page_text(site, "so-tay/index.html")
    for topic in ["Chủ trương, chính sách, pháp luật", "Mô hình hay", "nguồn vốn", "Chuyển đổi cây trồng",
                  "Hợp tác xã"]:
        assert topic in text
    # One page per topic (besides the campaign chapter and the references page).
    topics = {"chu-truong-chinh-sach", "mo-hinh-hay", "su-dung-nguon-luc", "chuyen-doi-cay-trong", "hop-tac-xa-trong-rung"}
    pages = {p.name for p in (site / "so-tay").iterdir() if p.is_dir()}
    assert topics <= pages and pages - topics == {"cuoc-van-dong", "van-ban"}


def test_vietnamese_anchors_keep_d(site):
    html = (site / "phan-cong/index.html").read_text(encoding="utf-8")
    assert 'id="ban-dan-chu-phap-luat"' in html
    assert 'id="theo-don-vi"' in html


def test_no_request_to_another_host(site):
    """No fonts, scripts or styles from a CDN: readers may be offline."""
    offenders = []
    for page in Path(site).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # "Sửa trang này" (rel="edit") is a link an editor follows, not a request the page makes.
        edit_links = set(re.findall(r'href="(https?://[^"]+)" rel="edit"', html))
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            if url in edit_links:
                continue
            if not url.startswith("https://squidfunk.github.io/mkdocs-material/"):  # footer credit link
                offenders.append((page.name, url))
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert not offenders, offenders


def test_all_text_is_nfc(site):
    for page in Path(site).rglob("*.html"):
        assert unicodedata.is_normalized("NFC", page.read_text(encoding="utf-8")), page


def test_the_folded_notice_says_the_names_changed_not_only_that_the_plan_ended(real_data, tmp_path):
    """Review of issue 20: on a phone and on paper only the folded line shows; it said the
    plan had ended but nothing of 2025, when its districts and issuing body ceased."""
    import shutil

    from macros.changes_model import Kind
    from macros.loader import load_site
    from macros.render import notice

    line = notice.one_line(real_data, Kind.REFERENCE)
    assert line.endswith("kế hoạch đã kết thúc ngày 30/11/2023; có thay đổi hành chính từ ngày 01/7/2025.")
    # A plan with no later change says nothing of one.
    copy = tmp_path / "du-an"
    shutil.copytree(ROOT / "data", copy / "data")
    unname_text(copy)  # its words are changed below
    (copy / "data" / "ke-hoach-2023" / "thay-doi-hanh-chinh.yaml").unlink()
    assert "thay đổi hành chính" not in notice.one_line(load_site(copy), Kind.PLAN)
