"""The plan as the build's PDF: an official A4 document (Nghị định 30/2020/NĐ-CP)."""

import re

import pdfplumber
import pypdf
import pytest

from macros.render import plan
from macros.loader import load_site
from tests.pdfcheck import (A4_H, A4_W, BOTTOM, CSS_RIGHT, LEFT, MM, RIGHT, TOL, TOP, body_chars, font_family,
                            fonts, nospace, region, require_weasyprint, squash)
from tests.sitebuild import ROOT


@pytest.fixture(autouse=True, scope="module")
def _pdfs_can_be_made():
    require_weasyprint()


@pytest.fixture(scope="module")
def data():
    return load_site(ROOT)


@pytest.fixture(scope="module")
def plan_path(site, data):
    path = site / "pdf" / f"ke-hoach-{data.plan.van_ban.nam}.pdf"
    assert path.exists(), "the build wrote no plan PDF"
    return path


@pytest.fixture(scope="module")
def pdf(plan_path):
    with pdfplumber.open(plan_path) as doc:
        yield doc


def header(pdf):
    """Left and right header columns of page 1 (42 % / 58 % of the text width)."""
    page = pdf.pages[0]
    split = LEFT + 0.42 * (page.width - LEFT - CSS_RIGHT)
    bottom = TOP + 40 * MM
    # From the top margin down: above it, page 1 holds the website's note on the header.
    return region(page, 0, split, TOP - TOL, bottom), region(page, split, page.width, TOP - TOL, bottom)


def test_at_most_three_a4_pages(pdf):
    assert 1 <= len(pdf.pages) <= 3
    for page in pdf.pages:
        assert abs(page.width - A4_W) < 1 and abs(page.height - A4_H) < 1


def test_no_blank_page(pdf):
    for page in pdf.pages:
        assert len(body_chars(page)) > 200, f"page {page.page_number} is (nearly) blank"


def test_every_character_inside_the_decree_margins(pdf):
    for page in pdf.pages:
        for c in page.chars:
            if not c["text"].strip():
                continue
            where = f'p{page.page_number} {c["text"]!r} at {c["x0"]:.1f},{c["top"]:.1f}'
            if c["top"] < TOP - TOL:  # the top margin: page 1 the website's note, then the page number
                assert page.page_number == 1 or c["text"].isdigit(), where
                continue
            assert c["x0"] >= LEFT - TOL, where
            assert c["x1"] <= page.width - RIGHT + TOL, where
            assert c["bottom"] <= page.height - BOTTOM + TOL, where


def test_page_numbers_centred_at_the_top_from_page_two(pdf):
    assert not any(c["text"].isdigit() for c in pdf.pages[0].chars if c["top"] < TOP and c["size"] > 10)
    for page in pdf.pages[1:]:
        number = [c for c in page.chars if c["top"] < TOP]
        assert "".join(c["text"] for c in number) == str(page.page_number)
        middle = (number[0]["x0"] + number[-1]["x1"]) / 2
        assert abs(middle - (LEFT + page.width - CSS_RIGHT) / 2) < 2
        assert round(number[0]["size"]) in (13, 14)


def test_page_one_says_first_that_the_header_is_the_websites(pdf):
    """Above the document, in page 1's top margin, small but legible (issue 20)."""
    page = pdf.pages[0]
    note = [c for c in page.chars if c["top"] < TOP - TOL and c["text"].strip()]
    text = nospace("".join(c["text"] for c in note))
    assert nospace("Phần đầu văn bản do website trình bày theo thể thức của Nghị định 30/2020") in text
    assert nospace("bản chép dùng làm căn cứ không có phần này, không có số, ngày ban hành") in text
    assert min(c["size"] for c in note) >= 8


def test_header_issuer_left_nation_right(pdf, data):
    left, right = header(pdf)
    assert left.startswith("ỦY BAN MTTQ VIỆT NAM TỈNH KON TUM BAN THƯỜNG TRỰC")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" in right


def test_number_and_place_date_lines_keep_their_blanks(pdf, data):
    left, right = header(pdf)
    # The plan has no number or date yet: the blanks are printed, to be written in by hand.
    assert "Số: /KH-MTTQ-BTT" in left
    assert "Kon Tum, ngày tháng năm 2023" in right
    page = pdf.pages[0]
    lines = {squash(line["text"]): line for line in page.extract_text_lines(return_chars=True)}
    line = next(v for k, v in lines.items() if k.startswith("Số:"))
    colon, slash = line["chars"][2], next(c for c in line["chars"] if c["text"] == "/")
    assert slash["x0"] - colon["x1"] > 5 * MM, "no room to write the number"


def test_number_and_date_share_a_line(pdf):
    page = pdf.pages[0]
    words = page.extract_words()
    number = next(w for w in words if w["text"].startswith("Số:"))
    date = next(w for w in words if w["text"] == "Kon")
    assert abs(number["bottom"] - date["bottom"]) < 2


def test_header_faces_and_sizes(pdf):
    page = pdf.pages[0]
    head = [c for c in page.chars if TOP - TOL <= c["top"] < TOP + 30 * MM and c["text"].strip()]
    bold = nospace("".join(c["text"] for c in head if "Bold" in c["fontname"]))
    italic = nospace("".join(c["text"] for c in head if "Italic" in c["fontname"]))
    regular = nospace("".join(c["text"] for c in head if font_family(c["fontname"]) == "Liberation-Serif"))
    assert "BANTHƯỜNGTRỰC" in bold and "CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM" in bold
    assert "ĐộclậpTựdoHạnhphúc" in bold.replace("-", "")
    assert "ỦYBANMTTQVIỆTNAM" in regular  # parent body not bold
    assert "KonTum,ngàythángnăm2023" in italic
    assert {round(c["size"]) for c in head} <= {12, 13, 14}


def test_header_rules(pdf):
    page = pdf.pages[0]
    rules = [o for o in page.lines + page.rects + page.edges if o["top"] < TOP + 30 * MM
             and abs(o["bottom"] - o["top"]) < 1.5 and o["x1"] - o["x0"] > 10]
    widths = [(o["x1"] - o["x0"]) / MM for o in rules]
    assert any(12 <= w <= 30 for w in widths), widths  # 1/3–1/2 under the issuing body
    assert any(w >= 45 for w in widths), widths  # the motto's full width


def test_title_and_body(pdf):
    text = squash(pdf.pages[0].extract_text())
    assert "KẾ HOẠCH Tuyên truyền, vận động thực hiện Cuộc vận động" in text
    assert "I. MỤC ĐÍCH, YÊU CẦU" in text


def test_body_in_the_serif_face_at_14pt(pdf):
    page = pdf.pages[1]
    body = body_chars(page)
    families = {font_family(c["fontname"]) for c in body}
    assert all(f.startswith("Liberation-Serif") for f in families), families
    sizes = [round(c["size"]) for c in body]
    assert sizes.count(14) > 0.9 * len(sizes)


def test_recipients_and_signature_side_by_side(pdf, data):
    page = pdf.pages[-1]
    words = page.extract_words()
    label = next(w for w in words if w["text"] == "Nơi")
    # The website's notice follows the document, below the signature (issue 11).
    # …after the site's small note on the header's layout (issue 20), which follows the signature.
    notice = next(w for i, w in enumerate(words[:-1]) if (w["text"], words[i + 1]["text"]) == ("Ghi", "chú")
                  and w["top"] > label["top"])
    middle = LEFT + 0.55 * (page.width - LEFT - CSS_RIGHT)
    left = region(page, 0, middle, label["top"] - 2, notice["top"] - 1)
    right = region(page, middle, page.width, label["top"] - 2, notice["top"] - 1)
    assert left.startswith("Nơi nhận:")
    for line in plan.recipients_lines(data):
        assert nospace(line) in nospace(left), line
    sig = data.plan.chu_ky
    assert right == squash(f"{sig.quyen_han} {sig.chuc_vu} ({sig.trang_thai}) {sig.nguoi_ky}")
    assert right.startswith("TM. BAN THƯỜNG TRỰC") and right.endswith("Nguyễn Thị Lan")


def test_every_font_embedded(plan_path):
    found = fonts(plan_path)
    assert found and all(found.values()), found
    assert all(re.search(r"Liberation-?Serif|Times|Tinos", name) for name in found), found


def test_metadata(plan_path, data):
    reader = pypdf.PdfReader(str(plan_path))
    assert reader.metadata["/Title"].startswith("Kế hoạch số …/KH-MTTQ-BTT: Tuyên truyền, vận động")
    assert reader.metadata["/Subject"].startswith("Bản chép toàn văn") and "để tham khảo" in reader.metadata["/Subject"]
    # The plan is the office's own text: the only PDF whose author is the issuing body.
    assert reader.metadata["/Author"] == data.org.ten_day_du == "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Kon Tum"
    assert reader.trailer["/Root"]["/Lang"] == "vi"
