"""Printing from the browser (Chromium's print to PDF, A4 from print.css), and the
same plan page still readable on a phone."""

import io

import pypdf
import pytest

from tests.browser import PRINT_OPTIONS, reader, serve
from tests.pdfcheck import A4_H, A4_W, squash


@pytest.fixture(scope="module")
def base(site, browser):
    return reader(browser).base(site)


def print_pdf(browser, url: str) -> pypdf.PdfReader:
    """Chromium's print of `url`, in the worker's reading tab (tests/browser.py: Reader)."""
    page = reader(browser).page()
    page.goto(url)
    return pypdf.PdfReader(io.BytesIO(page.pdf(**PRINT_OPTIONS)))


def printed_page(printed, site, path: str) -> pypdf.PdfReader:
    """A page of the session site as printed once for the run (conftest: printed)."""
    return pypdf.PdfReader(io.BytesIO(printed(site, path)))


def page_texts(reader) -> list[str]:
    return [squash(p.extract_text()) for p in reader.pages]


def test_short_page_prints_on_one_a4_sheet(printed, site):
    reader = printed_page(printed, site, "don-vi/")
    texts = page_texts(reader)
    assert len(texts) == 1, f"{len(texts)} pages: {[t[:40] for t in texts]}"
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - A4_W) < 2 and abs(float(box.height) - A4_H) < 2
    assert "Các đơn vị thực hiện" in texts[0]
    assert "Tìm kiếm" not in texts[0]  # no search box, header or nav on paper


@pytest.mark.parametrize("path", ["", "phan-cong/", "don-vi/huyen-dak-glei/", "tien-do/", "kinh-phi/", "so-tay/",
                                  "so-tay/chu-truong-chinh-sach/"])
def test_no_page_prints_a_blank_sheet(printed, site, path):
    texts = page_texts(printed_page(printed, site, path))
    # A sheet holding only its page number is a wasted sheet at a conference.
    assert all(len(t) > 100 for t in texts), [len(t) for t in texts]
    assert "Tải PDF" not in " ".join(texts)


def test_plan_prints_in_the_official_layout(printed, site):
    texts = page_texts(printed_page(printed, site, "ke-hoach/"))
    assert 1 <= len(texts) <= 3, len(texts)
    assert all(len(t) > 200 for t in texts), [len(t) for t in texts]
    first, last = texts[0], texts[-1]
    for expected in ["ỦY BAN MTTQ VIỆT NAM", "BAN THƯỜNG TRỰC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"]:
        assert expected in first, expected
    assert "Nơi nhận:" in last and "Nguyễn Thị Lan" in last
    assert "Trang chủ" not in first  # no navigation


def test_plan_page_on_a_phone_has_no_sideways_scroll(browser, base):
    # (a screenshot into tmp_path that no check read is no longer taken: issue 22)
    page = reader(browser).page(390, 844)
    page.goto(base + "ke-hoach/")
    width = page.evaluate("document.documentElement.scrollWidth")
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.vb-document p:not([class])')).fontSize)")
    assert width <= 390
    assert size >= 14  # readable body text on screen (print sizes do not leak)


def test_collapsed_blocks_print_open_and_internal_addresses_do_not(browser, tmp_path):
    from tests.sitebuild import ROOT

    (tmp_path / "print.css").write_text((ROOT / "docs/assets/print.css").read_text(encoding="utf-8"))
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="stylesheet" href="print.css">'
        '</head><body><article class="md-typeset"><h1>Thử in</h1>'
        '<details><summary>Bấm để mở</summary><p>Nội dung ẩn khi đóng</p></details>'
        '<p><a href="../ke-hoach/">xem kế hoạch</a> · <a href="https://example.org/x">nguồn</a></p>'
        "</article></body></html>", encoding="utf-8")
    with serve(tmp_path) as url:
        text = page_texts(print_pdf(browser, url))[0]
    assert "Nội dung ẩn khi đóng" in text
    assert "ke-hoach" not in text and "xem kế hoạch" in text
    assert "(https://example.org/x)" in text
