"""Issue 23 (7): the progress page and the compiled report on a 360 × 740 phone, in the
build with the fixture results (tests/test_results_site.py fixture_site): no text of
the progress table or the charts below 14 px, all of it AA; the report's table cells
never touch («24/11/2023» ran into «Đã báo cáo»), nothing scrolls sideways."""

from pathlib import Path

import pytest

from tests.browser import reader
from tests.test_results_site import fixture_site  # noqa: F401 - the shared build with results

CONTRAST = (Path(__file__).resolve().parent / "js" / "contrast.js").read_text(encoding="utf-8")

# Rendered size of every text of the progress table and the charts (an SVG's text
# scales with the SVG: font-size × the SVG's scale on screen).
SIZES_JS = """() => {
  const out = []
  for (const el of document.querySelectorAll('table.kq-status :is(th, td, small, a, span), .kq-chart__table :is(th, td)')) {
    if (!el.textContent.trim() || !el.checkVisibility()) continue
    out.push([el.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(el).fontSize)])
  }
  for (const el of document.querySelectorAll('.kq-chart__svg text')) {
    const scale = el.getScreenCTM().a
    out.push([el.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(el).fontSize) * scale])
  }
  return out
}"""

# Every pair of neighbouring cells of a row: the text of one ends at least 6 px before
# the text of the next begins (measured on the text, not the cell boxes).
GAPS_JS = """() => {
  const text = (cell) => {
    const r = document.createRange(); r.selectNodeContents(cell)
    return [...r.getClientRects()].filter(b => b.width > 0)
  }
  const out = []
  for (const row of document.querySelectorAll('table.bc-table tr, table.kq-status tr')) {
    const cells = [...row.children]
    for (let i = 0; i + 1 < cells.length; i++) {
      const a = text(cells[i]), b = text(cells[i + 1])
      for (const x of a) for (const y of b) {
        const sameLine = x.top < y.bottom && y.top < x.bottom
        if (sameLine && y.left - x.right < 6)
          out.push(`«${cells[i].textContent.trim()}» | «${cells[i + 1].textContent.trim()}»: ${Math.round(y.left - x.right)} px`)
      }
    }
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
    out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px`)
  return out
}"""


@pytest.fixture
def phone(fixture_site, browser):  # noqa: F811
    """(page, base URL): the worker's reading tab at 360 × 740 (tests/browser.py: Reader)."""
    return reader(browser).page(360, 740), reader(browser).base(fixture_site)


@pytest.fixture(scope="module")
def progress_page(fixture_site, browser):  # noqa: F811
    """What the checks below read on the progress page at 360 × 740, the page loaded once
    for all of them (three loads before: issue 22); none of them changes the page."""
    page, base = reader(browser).page(360, 740), reader(browser).base(fixture_site)
    page.goto(base + "ket-qua/")
    return {"sizes": page.evaluate(SIZES_JS), "contrast": page.evaluate(CONTRAST), "gaps": page.evaluate(GAPS_JS),
            "values": page.evaluate("document.querySelectorAll('.kq-chart__svg text.kq-value').length"),
            "edges": page.evaluate(EDGES_JS)}


def test_progress_table_and_chart_text_is_at_least_14px_and_aa(progress_page):
    sizes = progress_page["sizes"]
    assert len(sizes) > 40
    small = [(t, round(s, 1)) for t, s in sizes if s < 14 - 0.05]
    assert not small, small
    failures = progress_page["contrast"]
    assert not failures, [(f["text"], f["where"], f["ratio"]) for f in failures]


def test_report_and_progress_tables_keep_cells_apart_at_360px(phone, progress_page):
    page, base = phone
    page.goto(base + "bao-cao-tong-hop/")
    problems = [f"/bao-cao-tong-hop/: {p}" for p in page.evaluate(GAPS_JS)]
    problems += [f"/ket-qua/: {p}" for p in progress_page["gaps"]]
    assert not problems, "\n".join(problems)


# Every text of every chart: its right edge (the ink, read from the glyphs' box) at least
# 3 px inside the chart on a 360 px phone («3 hội nghị», «chưa có số liệu» ran to the
# very edge and lost their last letter, issue 20).
EDGES_JS = """() => {
  const out = []
  for (const svg of document.querySelectorAll('.kq-chart__svg')) {
    const box = svg.getBoundingClientRect()
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect()
      if (r.right > box.right - 3 || r.left < box.left) out.push(`${t.textContent}: ${r.left}–${r.right} in ${box.left}–${box.right}`)
    }
  }
  return out
}"""


def test_chart_labels_fit_inside_the_chart_at_360px(progress_page):
    assert progress_page["values"] == 30
    assert not progress_page["edges"], progress_page["edges"]


def test_a_printed_unit_page_says_where_its_results_print(phone):
    """Field review: the printed page of a unit with results left them off without a word."""
    page, base = phone
    page.goto(base + "don-vi/huyen-dak-glei/")
    note = page.locator(".kq-print-note")
    assert note.count() == 1 and not note.is_visible()  # on screen the results themselves show
    page.emulate_media(media="print")
    try:
        assert note.is_visible() and "báo cáo tổng hợp" in note.inner_text()
        assert not page.locator(".kq-unit").is_visible()
    finally:
        page.emulate_media(media="null")
