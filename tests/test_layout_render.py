"""Render-layer checks of issue 13 that need no browser: other names of a unit,
column labels on table cells. The browser side is in tests/test_accessibility.py."""

from html.parser import HTMLParser

from macros.model import Unit
from macros.render.tables import label_table_cells
from macros.render.units import other_names
from tests.sitebuild import page_text


def unit(**changes) -> Unit:
    data = {"ma": "999", "cap": "huyện", "ten": "Sa Thầy", "ten_chinh_thuc": "Huyện Sa Thầy", "ten_khac": []}
    data.update(changes)
    return Unit(**data)


def test_other_names_that_only_repeat_the_title_are_not_shown():
    assert other_names(unit()) == []
    # case, diacritics, apostrophes and the level in front fold away
    assert other_names(unit(ten="Đăk Hà", ten_chinh_thuc="Huyện Đắk Hà", ten_khac=["Đắk Hà", "Dak Ha", "DAK HA"])) == []
    assert other_names(unit(ten="Ia H'Drai", ten_chinh_thuc="Huyện Ia H' Drai",
                            ten_khac=["Ia H’Drai", "Ia H' Drai", "Ia HDrai"])) == ["Huyện Ia H' Drai"]


def test_other_names_that_differ_are_shown_once_in_order():
    names = other_names(unit(ten="Kon Tum", cap="thành phố", ten_chinh_thuc="Thành phố Kon Tum",
                             ten_khac=["TP Kon Tum", "tp kon tum", "Kontum"]))
    assert names == ["TP Kon Tum", "Kontum"]


def test_unit_pages_do_not_repeat_their_title(site):
    text = page_text(site, "don-vi/huyen-sa-thay/index.html")
    assert "Mã đơn vị: 616" in text and "Tên gọi khác" not in text
    assert "Tên gọi khác: Huyện Ia H' Drai" in page_text(site, "don-vi/huyen-ia-hdrai/index.html")


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.tables = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "td":
            self.cells.append(dict(attrs).get("data-label"))
        if tag == "table":
            self.tables.append(dict(attrs))


def cells(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    return parser


def test_body_cells_get_their_column_name():
    html = ('<table>\n<thead>\n<tr><th style="text-align: right;"><abbr title="số thứ tự">STT</abbr></th>'
            '<th>Đơn vị &amp; "ban"</th><th colspan="2">Kinh phí</th></tr>\n</thead>\n<tbody>\n'
            '<tr><td style="text-align: right;">1</td><td><a href="x">Kon Tum</a></td><td>a</td>'
            '<td>5.000.000 đồng</td></tr>\n</tbody>\n</table>')
    out = label_table_cells(html)
    parsed = cells(out)
    assert parsed.cells == ["STT", 'Đơn vị & "ban"', "Kinh phí", "Kinh phí"]
    assert "data-stack" in parsed.tables[0]
    # nothing else changes
    assert out.replace(" data-stack", "").replace(' data-label="STT"', "").replace(
        ' data-label="Đơn vị &amp; &quot;ban&quot;"', "").replace(' data-label="Kinh phí"', "") == html


def test_forms_and_headless_tables_are_left_alone():
    html = ('<table class="tk-table"><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
            "<table><tr><td>no header</td></tr></table><p>x</p>")
    assert label_table_cells(html) == html


def test_every_body_cell_of_the_site_s_markdown_tables_is_labelled(site):
    for path in ["kinh-phi/index.html", "phan-cong/index.html", "don-vi/index.html", "thuat-ngu/index.html"]:
        parsed = cells((site / path).read_text(encoding="utf-8"))
        assert parsed.cells and all(parsed.cells), path


def test_no_page_says_made_with_in_english(site):
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert "Made with" not in html and "squidfunk" not in html, path
