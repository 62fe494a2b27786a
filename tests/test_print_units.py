"""Pure parts of printing: header lines, nav sections, article cleaning, the skip path."""

import logging
import posixpath
import re
from html import unescape
from html.parser import HTMLParser
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


class _Nav(HTMLParser):
    """(href, text) of every link in a built page's primary sidebar, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.links, self._a = 0, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "nav" and (self.depth or "md-nav--primary" in (a.get("class") or "").split()):
            self.depth += 1
        elif tag == "a" and self.depth and a.get("href"):
            self._a = [a["href"], ""]

    def handle_data(self, data):
        if self._a is not None:
            self._a[1] += data

    def handle_endtag(self, tag):
        if tag == "nav" and self.depth:
            self.depth -= 1
        elif tag == "a" and self._a is not None:
            self.links.append((self._a[0], " ".join(self._a[1].split())))
            self._a = None


def _handbook_nav(site: Path) -> list[str]:
    """The handbook pages as readers' sidebar lists them (read from the built page), in order."""
    parser = _Nav()
    parser.feed((site / "so-tay" / "index.html").read_text(encoding="utf-8"))
    out = []
    for href, _ in parser.links:
        if href.startswith("#"):
            continue
        target = posixpath.normpath(posixpath.join("so-tay", href))
        if target.startswith("so-tay") and target not in out:
            out.append(target)
    return out


def _title(site: Path, target: str) -> str:
    page = (site / target / "index.html") if (site / target / "index.html").exists() else site / target
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", "", unescape(h1)).split()).rstrip("¶").strip()


def in_nav_order(nav_titles: list[str], printed_titles: list[str]) -> bool:
    """Every page of the sidebar's section is printed, in the sidebar's order."""
    at = -1
    for title in nav_titles:  # each after the one before (a heading such as «Văn bản tham khảo» recurs)
        if title not in printed_titles[at + 1:]:
            return False
        at = printed_titles.index(title, at + 1)
    return True


def test_handbook_pdf_prints_the_sidebar_section_in_its_order(site):
    """The handbook PDF prints the pages the readers' sidebar lists under «Sổ tay», in
    that order. Both read from the built site (sidebar of the page; the PDF's outline),
    not from the function that makes both (pages.handbook_section)."""
    pytest.importorskip("pypdf")
    nav = _handbook_nav(site)
    assert len(nav) == len(pages.handbook_section(DATA)) and nav[0] == "so-tay"
    titles = [_title(site, t) for t in nav]
    pdf = site / "pdf" / f"so-tay-{DATA.plan.van_ban.nam}.pdf"
    if not pdf.exists():
        pytest.skip("no handbook PDF in this build")
    import pypdf

    def flat(items):
        for item in items:
            if isinstance(item, list):
                yield from flat(item)
            else:
                yield " ".join(item.title.split())
    printed = list(flat(pypdf.PdfReader(str(pdf)).outline))
    assert in_nav_order(titles, printed), (titles, printed)
    assert not in_nav_order(list(reversed(titles)), printed)  # the check can fail


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
    # Default settings: a KONTUM_PDF=0 in the shell does not skip the PDFs silently (no environment read here).
    state = build_state.BuildState(ROOT, load_website(ROOT))  # the answer is asked once per build, on its state
    yield SimpleNamespace(write_pdfs=lambda config: pdf_output.write_pdfs(config, state), state=state)


def test_without_weasyprint_the_site_builds_and_says_why(no_weasyprint, monkeypatch, caplog, tmp_path):
    with caplog.at_level(logging.WARNING, logger="kontum.print"):
        no_weasyprint.write_pdfs({"site_dir": str(tmp_path), "nav": []})
    assert "Không tạo các tệp PDF" in caplog.text and "PDFs skipped" in caplog.text and "pango" in caplog.text
    assert not (tmp_path / "pdf").exists()


def test_without_weasyprint_ci_fails(no_weasyprint, monkeypatch, tmp_path):
    from mkdocs.exceptions import PluginError

    from macros.adapters.build_state import Settings

    no_weasyprint.state.settings = Settings(pdf_required=True)  # the plugin's require_pdf (CI=true)
    with pytest.raises(PluginError, match="PDFs skipped"):
        no_weasyprint.write_pdfs({"site_dir": str(tmp_path), "nav": []})


def test_plan_page_links_its_pdf(site):
    page = (site / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    assert 'href="../pdf/ke-hoach-2023.pdf"' in page
    assert (site / "pdf" / "ke-hoach-2023.pdf").stat().st_size > 10_000
    assert not Path(site / "pdf" / "ke-hoach-2023.pdf").read_bytes().startswith(b"<")
