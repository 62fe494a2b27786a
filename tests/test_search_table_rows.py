"""The search index separates a table's cells and rows (issue 19, defect 4 of the last reviews): Material's
search keeps no table, its text ran the cells together («Tổ dân phố 31.500.000», «Tổng cộng31.500.000» where a
template writes cells without a line break), so a search for a figure showed no readable row. The page the
search reads (never the reader's) has « · » between the cells of a row that hold text and «; » between rows
(searchindex.table_rows_for_search, applied by the plugin before the search and undone after it)."""

import json
import re

import markdown
from material.plugins.search.plugin import Parser

from macros.render import budget
from macros.render.tables import label_table_cells
from macros.searchindex import CELL_SEPARATOR, ROW_SEPARATOR, table_rows_for_search
from tests.results_fixtures import SITE


def _indexed(page_html: str) -> str:
    """The text Material's search indexes for a page of one section."""
    parser = Parser()
    parser.feed(page_html)
    parser.close()
    return "".join("".join(s.text) for s in parser.data)


def test_a_commune_row_reads_as_a_row():
    page = ('<p>Kinh phí:</p>\n<table>\n<thead>\n<tr>\n<th>STT</th>\n<th>Đơn vị</th>\n<th>Kinh phí</th>\n</tr>\n'
            '</thead>\n<tbody>\n<tr>\n<td>5</td>\n<td><a href="x/">Tổ dân phố</a><br><small>Văn phòng</small></td>\n<td>31.500.000</td>\n</tr>\n'
            '<tr><td></td><td><strong>Tổng cộng</strong></td><td>31.500.000</td></tr>\n</tbody>\n</table><p>Sau bảng.</p>')
    text = _indexed(table_rows_for_search(page))
    assert text == ("<p>Kinh phí:</p> STT · Đơn vị · Kinh phí; 5 · Tổ dân phố Văn phòng · 31.500.000; "
                    "Tổng cộng · 31.500.000 <p>Sau bảng.</p>"), text
    assert "Tổ dân phốVăn phòng 31.500.000" in _indexed(page)  # what the index held before


def test_the_2023_budget_table_as_the_site_renders_it():
    page = label_table_cells(markdown.markdown(budget.budget_table(SITE), extensions=["tables"]))
    text = _indexed(table_rows_for_search(page))
    first = SITE.units[0]
    assert f"1{CELL_SEPARATOR}" in text and f"{ROW_SEPARATOR}2{CELL_SEPARATOR}" in text, text
    assert re.search(rf"{first.ten} · [^·;]+ · 5\.000\.000 đồng; 2 · ", text), text
    assert text.endswith("Tổng cộng · 50.000.000 đồng"), text


def test_a_page_without_a_table_is_not_touched():
    page = "<h1 id='a'>A</h1>\n<p>Không có bảng · nào.</p>\n"
    assert table_rows_for_search(page) is page


def test_built_index_separates_rows_and_the_page_keeps_its_table(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    table = next(d["text"] for d in docs if d["location"] == "kinh-phi/#theo-don-vi")
    assert table.startswith("STT · Đơn vị · ") and "; 2 · Huyện Đăk Glei · " in table, table
    page = (site / "kinh-phi" / "index.html").read_text(encoding="utf-8")
    assert "</td> · <td" not in page and "</tr>; <tr" not in page and "<tr>; <td" not in page
