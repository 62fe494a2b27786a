"""One A4 page per unit, generated from data, written by the build."""

import pdfplumber
import pypdf
import pytest

from macros.model import Unit
from macros.numbers import format_money
from macros.pdf import documents, paths
from macros.render import links
from macros.loader import load_site
from tests.pdfcheck import require_weasyprint, A4_H, A4_W, BOTTOM, LEFT, RIGHT, TOL, fonts, squash
from tests.sitebuild import ROOT


@pytest.fixture(autouse=True, scope="module")
def _pdfs_can_be_made():
    require_weasyprint()


DATA = load_site(ROOT)


@pytest.mark.parametrize("unit", DATA.units, ids=lambda u: u.ma)
def test_each_unit_handout_is_one_full_a4_page(site, unit: Unit):
    path = site / paths.handout_pdf(unit)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        assert abs(page.width - A4_W) < 1 and abs(page.height - A4_H) < 1
        for c in page.chars:
            if c["text"].strip():
                assert LEFT - TOL <= c["x0"] and c["x1"] <= page.width - RIGHT + TOL, c["text"]
                assert c["bottom"] <= page.height - BOTTOM + TOL, c["text"]
        text = squash(page.extract_text())
    a = DATA.assignment_of(unit.ma)
    for expected in [links.unit_title(unit).upper(), DATA.department(a.ban).ten, format_money(DATA.amount(unit.ma)),
                     "trước ngày 30/11/2023", "Xã được chọn:", "Ngày hội nghị:", "Người liên hệ:", "Điện thoại:",
                     "Tài liệu tham khảo", *[s.ten_ngan for s in DATA.plan.cac_buoc.buoc]]:
        assert expected in text, expected
    # The department's own task, word for word (it wraps across lines in the PDF).
    assert squash(a.nhiem_vu).replace(" ", "") in text.replace(" ", "")


def test_handout_fonts_and_metadata(site):
    unit = DATA.units[0]
    path = site / paths.handout_pdf(unit)
    found = fonts(path)
    assert found and all(found.values()), found
    reader = pypdf.PdfReader(str(path))
    assert links.unit_title(unit) in reader.metadata["/Title"]
    # Reference material: its compiler, never the issuing body (issue 11).
    assert reader.metadata["/Author"] == DATA.extra["editorial"].bien_soan != DATA.org.ten_day_du
    assert reader.trailer["/Root"]["/Lang"] == "vi"


def test_handout_escapes_data():
    evil = DATA.department(DATA.assignment_of(DATA.units[0].ma).ban).model_copy(update={"ten": "<b>X</b> & Y"})
    site = DATA.__class__(DATA.root, DATA.units_file,
                          DATA.org.model_copy(update={"ban": [evil if d.ma == evil.ma else d for d in DATA.departments]}),
                          DATA.plan, DATA.sources, DATA.extra)
    html = documents.handout_document(site, DATA.units[0].ma)
    assert "&lt;b&gt;X&lt;/b&gt; &amp; Y" in html and "<b>X" not in html


def test_unit_page_links_its_handout(site):
    unit = DATA.units[1]
    page = (site / links.unit_page(unit).removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert f'href="../../{paths.handout_pdf(unit)}"' in page and "Tải PDF" in page
