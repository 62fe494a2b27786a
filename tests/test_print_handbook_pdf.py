"""The handbook PDF: cover, table of contents, every handbook page from a new page."""

import re

import pdfplumber
import pytest

from macros.pdf import paths
from macros.render import pages
from macros.loader import load_site
from tests.pdfcheck import require_weasyprint, TOP, fonts, squash
from tests.sitebuild import ROOT


@pytest.fixture(autouse=True, scope="module")
def _pdfs_can_be_made():
    require_weasyprint()


DATA = load_site(ROOT)


@pytest.fixture(scope="module")
def pdf(site):
    with pdfplumber.open(site / paths.handbook_pdf(DATA)) as doc:
        yield doc


def chapter_titles(site) -> list[str]:
    """The h1 of every page of the handbook section, in nav order, as the site shows them."""
    titles = []
    for src in pages.handbook_section(DATA):
        built = site / (src.removesuffix("index.md") if src.endswith("index.md") else src.removesuffix(".md") + "/")
        html = (built / "index.html").read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        titles.append(squash(re.sub(r"<[^>]+>", "", h1)))
    return titles


def first_line(page) -> str:
    lines = [ln for ln in page.extract_text_lines() if ln["top"] >= TOP - 1]
    return squash(lines[0]["text"]) if lines else ""


def test_toc_lists_every_chapter_with_its_page(site, pdf):
    titles = chapter_titles(site)
    assert len(titles) >= 2
    toc = squash(pdf.pages[1].extract_text())
    assert "MỤC LỤC" in toc
    starts = {}
    for title in titles:
        match = re.search(re.escape(title) + r"[ .]*(\d+)", toc)
        assert match, title
        starts[title] = int(match.group(1))
    # Each chapter starts its own page, at the page the TOC gives.
    for title, number in starts.items():
        assert first_line(pdf.pages[number - 1]) == title, (title, number)
    assert len(set(starts.values())) == len(titles)


def test_cover_and_fonts(site, pdf):
    cover = squash(pdf.pages[0].extract_text())
    # Reference material compiled from the plan: no issuing body on the cover (issue 11).
    assert "BAN THƯỜNG TRỰC" not in cover and "SỔ TAY" in cover.upper()
    assert cover.startswith("Tài liệu tham khảo")
    found = fonts(site / paths.handbook_pdf(DATA))
    assert found and all(found.values())


def test_handbook_index_links_the_pdf(site):
    page = (site / "so-tay" / "index.html").read_text(encoding="utf-8")
    assert f'href="../{paths.handbook_pdf(DATA)}"' in page


def test_metadata_says_reference_material(site):
    """Not the «Sổ tay tuyên truyền thực hiện Cuộc vận động» the plan says was issued (issue 20)."""
    import pypdf
    path = next((site / "pdf").glob("so-tay-*.pdf"))
    meta = pypdf.PdfReader(str(path)).metadata
    for field in ("/Title", "/Subject"):
        assert "tài liệu tham khảo do website tổng hợp" in meta[field].lower(), (field, meta[field])
