"""Pure parts of printing: header lines, nav sections, article cleaning, the skip path."""

import logging
from pathlib import Path

import pytest

from macros.pdf import article, paths
from macros.render import links, pages, plan
from macros.loader import load_site
from tests.sitebuild import ROOT

DATA = load_site(ROOT)


def test_body_name_lines_break_before_the_territory():
    assert plan.body_name_lines("ỦY BAN MTTQ VIỆT NAM TỈNH KON TUM") == ["ỦY BAN MTTQ VIỆT NAM", "TỈNH KON TUM"]
    assert plan.body_name_lines("ỦY BAN MTTQ VIỆT NAM XÃ ĐĂK PXI") == ["ỦY BAN MTTQ VIỆT NAM", "XÃ ĐĂK PXI"]
    assert plan.body_name_lines("BAN THƯỜNG TRỰC") == ["BAN THƯỜNG TRỰC"]
    assert plan.body_name_lines("MỘT TÊN RẤT DÀI KHÔNG CÓ ĐỊA DANH") == ["MỘT TÊN RẤT DÀI KHÔNG CÓ ĐỊA DANH"]


def test_blank_number_survives_escaping():
    html = plan.header_html(DATA)
    assert "Số: " + "\u00a0" * 6 + "/KH-MTTQ-BTT" in html


def _flatten(items) -> list[str]:
    out = []
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out += _flatten(value)
    return out


def test_section_pages_follow_the_nav():
    """The handbook PDF prints the pages of the nav's handbook section, in nav order."""
    section = next(v for entry in pages.nav(DATA) for k, v in entry.items() if k == "Sổ tay")
    real = pages.handbook_section(DATA)
    assert real == _flatten(section)
    assert real[0] == links.HANDBOOK
    assert {links.topic_page(t) for t in DATA.plan.noi_dung.muc} <= set(real)
    assert links.PLAN not in real and links.UNITS not in real


def test_article_drops_screen_parts_and_internal_addresses(tmp_path):
    page = ('<html><nav>menu</nav><article class="md-content__inner md-typeset">'
            '<a href="e" class="md-content__button md-icon">sửa</a><h1 id="x">Tiêu đề<a class="headerlink" href="#x">¶</a></h1>'
            '<p class="pdf-download"><a href="a.pdf">Tải PDF</a></p>'
            '<p><a href="../ke-hoach/">kế hoạch</a> <a href="https://example.org/">ngoài</a>'
            '<img src="anh.png"></p></article></html>')
    body = article.article_html(page)
    assert "menu" not in body and "sửa" not in body and "¶" not in body and "Tải PDF" not in body
    printed = article.printable(body, tmp_path / "so-tay" / "index.html")
    assert "<a>kế hoạch</a>" in printed and 'href="https://example.org/"' in printed
    assert f'src="{(tmp_path / "so-tay" / "anh.png").as_uri()}"' in printed
    assert article.first_heading(body) == "Tiêu đề"


def test_every_printout_has_a_page_that_links_it():
    targets = paths.pdf_for_page(DATA)
    assert targets[links.PLAN] == "pdf/ke-hoach-2023.pdf"
    assert targets[links.HANDBOOK] == "pdf/so-tay-2023.pdf"
    assert {targets[links.unit_page(u)] for u in DATA.units} == {paths.handout_pdf(u) for u in DATA.units}


@pytest.fixture
def no_weasyprint(monkeypatch):
    from types import SimpleNamespace

    from macros.adapters import build_state, pdf_output
    from macros.loader import load_website

    monkeypatch.setattr(pdf_output.writer, "unavailable_reason", lambda: "OSError: cannot load library 'pango'")
    monkeypatch.delenv("PDF", raising=False)
    state = build_state.BuildState(ROOT, load_website(ROOT))  # the answer is asked once per build, on its state
    yield SimpleNamespace(write_pdfs=lambda config: pdf_output.write_pdfs(config, state))


def test_without_weasyprint_the_site_builds_and_says_why(no_weasyprint, monkeypatch, caplog, tmp_path):
    monkeypatch.delenv("CI", raising=False)
    with caplog.at_level(logging.WARNING, logger="kontum.print"):
        no_weasyprint.write_pdfs({"site_dir": str(tmp_path), "nav": []})
    assert "Không tạo các tệp PDF" in caplog.text and "PDFs skipped" in caplog.text and "pango" in caplog.text
    assert not (tmp_path / "pdf").exists()


def test_without_weasyprint_ci_fails(no_weasyprint, monkeypatch, tmp_path):
    from mkdocs.exceptions import PluginError

    monkeypatch.setenv("CI", "true")
    with pytest.raises(PluginError, match="PDFs skipped"):
        no_weasyprint.write_pdfs({"site_dir": str(tmp_path), "nav": []})


def test_plan_page_links_its_pdf(site):
    page = (site / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    assert 'href="../pdf/ke-hoach-2023.pdf"' in page
    assert (site / "pdf" / "ke-hoach-2023.pdf").stat().st_size > 10_000
    assert not Path(site / "pdf" / "ke-hoach-2023.pdf").read_bytes().startswith(b"<")
