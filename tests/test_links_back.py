"""Issue 23 (5, 6): links that travel and paper that leads back.

Every page carries Open Graph / Twitter card tags with its own title, description and
a 1200 × 630 preview image made at build time; when the site's address is known
(site_url), its canonical address, and its printouts (web print and PDFs) a QR code
to that address with the address beneath it; when it is not, no QR, no og:url and
no placeholder. The real build (`site`) has no address; the build with fixture
results (`fixture_site`, tests/test_results_site.py) has one."""

import io
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pdfplumber
import pytest
import segno
from PIL import Image

from macros import preview, qr
from macros.pdf import documents, writer
from tests.results_fixtures import SITE
from tests.test_results_site import SITE_ADDRESS, UNIT_PAGES, fixture_site  # noqa: F401 - shared build

A4_H = 841.89
MM = 72 / 25.4


class Head(HTMLParser):
    """<title>, meta tags by property/name, the canonical link, the QR blocks."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.meta, self.title, self.canonical, self.qr_paths, self.qr_urls = {}, "", None, [], []
        self._in_title = self._in_url = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a.get("name")] = a.get("content")
        elif tag == "title":
            self._in_title = True
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "path" and self._svg_qr:
            self.qr_paths.append(a["d"])
        elif tag == "span" and a.get("class") == "vi-qr__url":
            self._in_url = True
        if tag == "svg":
            self._svg_qr = "vi-qr__code" in (a.get("class") or "")

    _svg_qr = False

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "span":
            self._in_url = False
        elif tag == "svg":
            self._svg_qr = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._in_url:
            self.qr_urls.append(data)
            self._in_url = False


def matrix_of_path(d: str, size: int) -> list[list[int]]:
    """The modules drawn by segno's SVG path (M/m moves, h runs of dark modules)."""
    grid = [[0] * size for _ in range(size)]
    x = y = 0.0
    for cmd, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", d):
        if cmd == "M":
            x, y = float(a), float(b)
        elif cmd == "m":
            x, y = x + float(a), y + float(b)
        else:
            for i in range(int(float(a))):
                grid[int(y)][int(x) + i] = 1
            x += float(a)
    return grid


def decodes_to(svg_path: str, viewbox: int, url: str) -> bool:
    code = segno.make(url, error=qr.ERROR, micro=False)
    return matrix_of_path(svg_path, viewbox) == [list(map(int, row)) for row in code.matrix]


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.name == "404.html")


# -- in-process ---------------------------------------------------------------------------------

def test_qr_svg_is_the_code_of_the_url():
    url = SITE_ADDRESS + "don-vi/huyen-dak-glei/"
    svg = str(qr.svg(url))
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    assert decodes_to(re.search(r' d="([^"]+)"', svg).group(1), size, url)
    assert not decodes_to(re.search(r' d="([^"]+)"', svg).group(1), size, url + "x")
    assert "http" not in svg  # the code only: no request, no data in the markup
    assert qr.block(None) == "" and qr.block("") == ""
    # A PDF document takes its page's address as a parameter (pdf/documents.py, document.html):
    # the code first in <body> (a running element comes before the pages it runs on), none without.
    code = SITE.units[0].ma
    html = documents.handout_document(SITE, code)
    assert documents.handout_document(SITE, code, None) == html and "vi-qr" not in html
    with_qr = documents.handout_document(SITE, code, url)
    body = with_qr.index("<body")
    assert body < with_qr.index("vi-qr--pdf") < with_qr.index(">", body) + 40
    assert with_qr.replace(str(qr.pdf_block(url)), "", 1).replace("\n\n", "\n", 1) == html


def test_description_is_the_pages_own_first_paragraph():
    content = ('<h1>Tiêu đề</h1><div class="trang-thai"><p>Thông báo của website về trạng thái kế hoạch.</p></div>'
               '<p class="pdf-download"><a href="x.pdf">Tải PDF</a></p>'
               '<p>Chọn đơn vị để xem ban phối hợp, kinh phí, các bước và thời hạn &amp; hơn nữa.</p>')
    assert preview.description(content, None, "dự phòng") == ("Chọn đơn vị để xem ban phối hợp, kinh phí, "
                                                             "các bước và thời hạn & hơn nữa.")
    assert preview.description('<div class="admonition note"><p>một hai ba bốn năm sáu bảy</p></div>'
                               '<table><tr><td><p>tám chín mười mười một mười hai mười ba</p></td></tr></table>',
                               None, "Mô tả website") == "Mô tả website"
    facts = '<div class="unit-facts"><ul><li><b>Ban:</b> Ban Dân vận</li><li><b>Kinh phí:</b> 5.000.000đ</li><li>c</li></ul></div>'
    assert preview.description(facts, None, "x") == "Ban: Ban Dân vận; Kinh phí: 5.000.000đ."
    assert preview.description(content, "Mô tả riêng", "x") == "Mô tả riêng"
    # never cut (data shown whole or not at all): a long paragraph gives its first sentence…
    text = "Câu đầu tiên của trang này. Câu thứ hai " + "dài " * 100 + "."
    assert preview.description(f"<p>{text}</p>", None, "Mô tả website") == "Câu đầu tiên của trang này."
    # never a bare list marker as the «first sentence» (review r19: og:description «1.»)
    assert preview.description("<p>1. Mục tiêu a) Ra quân dọn vệ sinh ở " + "mọi tổ " * 60 + "</p>", None,
                               "Mô tả kế hoạch") == "Mô tả kế hoạch"
    # …or, without a short one, the site's description
    assert preview.description("<p>" + "từ " * 200 + "</p>", None, "Mô tả website") == "Mô tả website"


def test_preview_image_is_1200x630_named_by_content_and_cached(tmp_path):
    if not preview.fonts_available():
        pytest.skip("fonts-liberation2 missing")
    cache = tmp_path / "cache"
    a = preview.write_image(tmp_path / "site", "Huyện Ia H’Drai", "Kế hoạch năm 2023", cache=cache)
    b = preview.write_image(tmp_path / "site", "Huyện Ia H’Drai", "Kế hoạch năm 2023", cache=cache)
    c = preview.write_image(tmp_path / "site2", "Huyện Đăk Glei", "Kế hoạch năm 2023", cache=cache)
    assert a == b != c and a.startswith(preview.FOLDER) and len(list(cache.iterdir())) == 2
    with Image.open(tmp_path / "site" / a) as img:
        assert img.size == (1200, 630) and img.format == "PNG"
    assert (tmp_path / "site" / a).read_bytes() == preview.card_png("Huyện Ia H’Drai", "Kế hoạch năm 2023")


def test_page_tags_hook_with_and_without_an_address(tmp_path):
    from macros.adapters import preview_hooks
    from macros.adapters.build_state import Settings

    page = SimpleNamespace(is_homepage=False, title="Huyện Đăk Glei", meta={}, url="don-vi/huyen-dak-glei/",
                           content="<h1>x</h1><p>Ban phối hợp của tỉnh và kinh phí của đơn vị trong kế hoạch.</p>",
                           canonical_url=SITE_ADDRESS + "don-vi/huyen-dak-glei/")
    config = SimpleNamespace(site_name="Kế hoạch", site_description="Mô tả", site_dir=str(tmp_path),
                             site_url=SITE_ADDRESS, use_directory_urls=True, extra={})
    context = {}
    preview_hooks.page_tags(context, page, config, Settings(), config.site_name)
    head = Head(context["og_tags"])
    assert head.meta["og:url"] == page.canonical_url and head.meta["og:image"].startswith(SITE_ADDRESS + "assets/og/")
    assert "vi-qr" in page.content and page.canonical_url in page.content
    page.content, page.canonical_url, config.site_url = "<p>x</p>", None, None
    preview_hooks.page_tags(context, page, config, Settings(), config.site_name)
    head = Head(context["og_tags"])
    assert "og:url" not in head.meta and head.meta["og:image"].startswith("../../assets/og/")
    assert page.content == "<p>x</p>"


def _bottom_margin_text(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [page.crop((0, page.height - 20 * MM, page.width, page.height)).extract_text() or ""
                for page in doc.pages]


def test_pdf_carries_the_qr_in_its_bottom_margin_only_with_an_address(tmp_path):
    if writer.unavailable_reason():
        pytest.skip("WeasyPrint cannot run here")
    unit = SITE.units[1]
    url = SITE_ADDRESS + "don-vi/x/"
    from tests import pdfcheck
    printer = pdfcheck.printer(SITE)  # this process's (issue 22)
    meta = documents.handout_metadata(SITE, unit.ma)
    printer.write(documents.handout_document(SITE, unit.ma, url), "handout", meta, tmp_path / "with.pdf")
    printer.write(documents.handout_document(SITE, unit.ma), "handout", meta, tmp_path / "without.pdf")
    with_qr, without = _bottom_margin_text(tmp_path / "with.pdf"), _bottom_margin_text(tmp_path / "without.pdf")
    assert len(with_qr) == len(without) == 1  # the handout keeps to its one sheet
    assert url in with_qr[0].replace("\n", "") and without == [""]
    # poppler reads the same margin (test_no_address_no_qr_in_the_pdfs uses it on the site's PDFs)
    assert url in "".join(_bottom_margin_text_poppler(tmp_path / "with.pdf")[0].split())
    assert _bottom_margin_text_poppler(tmp_path / "without.pdf") == [""]
    with pdfplumber.open(tmp_path / "with.pdf") as doc:
        page = doc.pages[0]
        margin = page.height - 20 * MM
        marks = [r for r in page.rects + page.lines + page.curves + page.images if r["top"] > margin]
        assert marks  # the code is drawn in the bottom margin…
        # …and nothing but its address is written there: the document's body stays above it
        assert "".join(c["text"] for c in page.chars if c["top"] > margin).replace(" ", "") == url


# -- the two shared builds ----------------------------------------------------------------------

def test_every_page_has_its_own_link_preview(site):
    images, own = set(), set()
    for path in html_pages(site):
        head = Head(path.read_text(encoding="utf-8"))
        m = head.meta
        assert m.get("og:locale") == "vi_VN" and m.get("og:type") == "website", path
        home = path == site / "index.html"  # the home page: the site's name, not «Trang chủ»
        assert m.get("og:title") and (head.title.startswith(m["og:title"]) or home), (path, head.title)
        # its own short description, or the site's (Material's meta description)
        assert m.get("og:description") and (len(m["og:description"]) <= preview.DESCRIPTION_MAX
                                            or m["og:description"] == m["description"]), path
        own.add(m.get("og:description"))
        assert m.get("twitter:card") == "summary_large_image"
        assert (m.get("og:image:width"), m.get("og:image:height")) == ("1200", "630")
        image = (path.parent / m["og:image"]).resolve()
        assert image.is_file() and "http" not in m["og:image"], path
        images.add(image)
        # no address known: no og:url, no canonical, no QR, no placeholder
        assert "og:url" not in m and head.canonical is None and not head.qr_paths, path
        assert "vi-qr" not in path.read_text(encoding="utf-8"), path
    assert len(own) >= 10  # pages describe themselves, not all with the site's description
    for image in images:
        with Image.open(image) as img:
            assert img.size == (1200, 630)
    unit = Head((site / UNIT_PAGES["610"]).read_text(encoding="utf-8")).meta
    assert unit["og:title"] == "Huyện Đăk Glei" and unit["og:description"] != Head(
        (site / "index.html").read_text(encoding="utf-8")).meta["og:description"]
    # what the page holds for the unit, not its first links («Mẫu báo cáo kết quả Danh sách đơn vị»)
    assert unit["og:description"] == ("Huyện Đăk Glei: ban phối hợp Ban Dân chủ - Pháp luật; kinh phí 5.000.000đ; "
                                      "từ tháng 4/2023 đến 30/11/2023."), unit["og:description"]


def _bottom_margin_text_poppler(pdf: Path) -> list[str]:
    """_bottom_margin_text read by poppler's pdftotext (cropped to the bottom 20 mm of each
    page): the same text at a tenth of pdfplumber's CPU, for the site's many PDF pages."""
    import shutil
    import subprocess

    import pypdf

    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is required in CI")
        return _bottom_margin_text(pdf)
    # One pdftotext call for each run of pages of one size (the crop box is the same on each):
    # one call a PDF on the site (all A4), not one a page (issue 22).
    sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in pypdf.PdfReader(pdf).pages]
    texts, first = [], 0
    while first < len(sizes):
        last = first
        while last + 1 < len(sizes) and sizes[last + 1] == sizes[first]:
            last += 1
        width, height = sizes[first]
        out = subprocess.run(["pdftotext", "-q", "-f", str(first + 1), "-l", str(last + 1), "-x", "0",
                              "-y", str(int(height - 20 * MM)), "-W", str(int(width) + 1), "-H", str(int(20 * MM) + 1),
                              str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        pages = out.split("\f")[:-1]  # each page ends with a form feed
        assert len(pages) == last - first + 1, (pdf, first, last, len(pages))
        texts += [text.strip() for text in pages]
        first = last + 1
    return texts


def test_no_address_no_qr_in_the_pdfs(site):
    pdfs = sorted(site.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        assert not any("http" in t for t in _bottom_margin_text_poppler(pdf)), pdf


def test_with_an_address_each_page_has_its_url_and_qr(fixture_site):  # noqa: F811
    for path in html_pages(fixture_site):
        head = Head(path.read_text(encoding="utf-8"))
        rel = path.relative_to(fixture_site).as_posix()
        url = SITE_ADDRESS + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        assert head.canonical == url and head.meta.get("og:url") == url, rel
        assert head.meta["og:image"].startswith(SITE_ADDRESS + "assets/og/"), rel
        assert head.qr_urls == [url] and len(head.qr_paths) == 1, rel
        size = int(re.search(r'<svg viewBox="0 0 (\d+) \d+" class="vi-qr__code"', path.read_text(encoding="utf-8")).group(1))
        assert decodes_to(head.qr_paths[0], size, url), rel


def test_qr_prints_only_and_the_unit_page_keeps_to_one_sheet(fixture_site, browser):  # noqa: F811
    from tests.browser import reader

    page = reader(browser).page(360, 740)
    page.goto(reader(browser).base(fixture_site) + UNIT_PAGES["610"].removesuffix("index.html"))
    assert page.evaluate("getComputedStyle(document.querySelector('.vi-qr')).display") == "none"
    page.emulate_media(media="print")
    box = page.evaluate("(() => { const r = document.querySelector('.vi-qr__code').getBoundingClientRect();"
                        " return [r.width, r.height] })()")
    assert 48 <= box[0] <= 58 and box[0] == box[1]  # a 14 mm square (53 px), printed
    pdf = page.pdf(format="A4", print_background=False)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == 1
        text = doc.pages[0].extract_text().replace("\n", "")
        assert SITE_ADDRESS + "don-vi/" in text
