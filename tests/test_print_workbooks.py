"""Issue 23: every workbook the build writes prints through LibreOffice on A4, one page
per sheet, with its Vietnamese text whole (no cut-off diacritics, no label running
into the next row). One soffice call converts them all."""

import datetime as dt
import io
import subprocess
import unicodedata
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from macros.exports import xlsx
from macros.exports.downloads import download_bytes
from tests import sheets
from tests.results_fixtures import SITE, results_of, with_results

STAMP = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
A4 = {(595, 842), (842, 595)}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """{file name: (workbook bytes, PDF path)}: what the build writes for the real plan,
    and the results workbook of the fixture results (conferences and spending filled in)."""
    books = {Path(rel).name: data for rel, data in download_bytes(SITE).items() if rel.endswith(".xlsx")}
    results = results_of(with_results(tmp_path_factory.mktemp("kq")))
    books["ket-qua-mau-du-lieu.xlsx"] = xlsx.results_xlsx(SITE, results, STAMP)
    folder = tmp_path_factory.mktemp("print")
    for name, data in books.items():
        (folder / name).write_bytes(data)
    sheets.convert([folder / n for n in books], "pdf", folder)  # one soffice call for all of them
    return {n: (data, folder / n.replace(".xlsx", ".pdf")) for n, data in books.items()}


@pytest.fixture(scope="module")
def pages(printed):
    """{file name: [(width, height, text, words) of each printed page]}: each PDF read once
    by pdfplumber for the tests below (reading them twice cost ~10 s: issue 22)."""
    out = {}
    for name, (_, pdf) in printed.items():
        with pdfplumber.open(pdf) as doc:
            out[name] = [(page.width, page.height, unicodedata.normalize("NFC", page.extract_text()),
                          page.extract_words(keep_blank_chars=False)) for page in doc.pages]
    return out


def test_the_build_writes_templates_and_tables(printed):
    names = set(printed)
    assert len([n for n in names if n.startswith("mau-bao-cao-")]) == len(SITE.units)
    assert {f"{k}-{SITE.plan.van_ban.nam}.xlsx" for k in ("phan-cong", "kinh-phi", "ket-qua")} <= names


def test_each_sheet_prints_on_one_a4_page(printed, pages):
    for name, (data, pdf) in printed.items():
        sheets = openpyxl.load_workbook(io.BytesIO(data)).sheetnames
        assert len(pages[name]) == len(sheets), f"{name}: {len(pages[name])} pages for {len(sheets)} sheets"
        for (width, height, text, _), sheet in zip(pages[name], sheets):
            assert (round(width), round(height)) in A4, name
            # the footer names the sheet: one page each, in order
            assert f"{sheet} – trang {sheets.index(sheet) + 1}/{len(sheets)}" in text, (name, sheet)


def _overlaps(a, b, tol=0.5) -> bool:
    return (a["x0"] < b["x1"] - tol and b["x0"] < a["x1"] - tol
            and a["top"] < b["bottom"] - tol and b["top"] < a["bottom"] - tol)


def test_no_printed_words_run_into_each_other(pages):
    """A wrapped label taller than its row was drawn over the next row (row 7 over row 8)."""
    for name, printed_pages in pages.items():
        for number, (*_, words) in enumerate(printed_pages, 1):
            # Every pair, in order of their tops: once a word starts below a's bottom, so do
            # the rest, and none of them can overlap a.
            words = sorted(words, key=lambda w: w["top"])
            for i, a in enumerate(words):
                for b in words[i + 1:]:
                    if b["top"] >= a["bottom"] - 0.5:
                        break
                    assert not _overlaps(a, b), f"{name} p.{number}: «{a['text']}» over «{b['text']}»"


def test_rows_are_tall_enough_for_stacked_diacritics(printed):
    """The title «MẪU BÁO CÁO KẾT QUẢ» (13 pt) in a 15 pt row lost its upper marks in
    LibreOffice: every row with text is at least 1.45 × its largest font tall."""
    for name, (data, pdf) in printed.items():
        wb = openpyxl.load_workbook(io.BytesIO(data))
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                sizes = [float(c.font.sz or 11) for c in row if c.value is not None]
                if sizes:
                    height = ws.row_dimensions[row[0].row].height
                    assert height is not None and height >= 1.45 * max(sizes), (name, ws.title, row[0].row, height)
    for name, (_, pdf) in printed.items():
        if name.startswith("mau-bao-cao-"):
            text = unicodedata.normalize("NFC", subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"],
                                                               capture_output=True, text=True).stdout)
            assert "MẪU BÁO CÁO KẾT QUẢ" in text and "Ngày gửi báo cáo" in text, name


def test_page_setup_is_a4_fitted_with_print_area_and_titles(printed):
    for name, (data, _) in printed.items():
        wb = openpyxl.load_workbook(io.BytesIO(data))
        for ws in wb.worksheets:
            assert int(ws.page_setup.paperSize) == 9 and ws.sheet_properties.pageSetUpPr.fitToPage
            assert ws.page_setup.orientation in ("portrait", "landscape") and ws.page_setup.fitToWidth == 1
            assert ws.print_area, (name, ws.title)
            if ws.freeze_panes == "A2":  # a table: its header row on every printed page
                assert ws.print_title_rows == "$1:$1", (name, ws.title)
                # ... and its grid, so the template's empty rows can be filled in by hand on paper
                assert ws.print_options.gridLines, (name, ws.title)


def test_a_long_table_runs_on_fitted_to_the_width(tmp_path):
    """332 units do not fit one page at a readable size: width only, header repeated."""
    wb = openpyxl.Workbook()
    ws = wb.active
    xlsx.table_sheet(ws, ["STT", "Đơn vị"], [[i, f"Xã số {i}"] for i in range(1, 333)], widths=[6, 30])
    xlsx.print_setup(ws)
    assert ws.page_setup.fitToHeight == 0 and ws.page_setup.fitToWidth == 1 and ws.print_title_rows == "$1:$1"
