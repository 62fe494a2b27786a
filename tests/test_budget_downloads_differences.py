"""The budget's downloads say what the budget page says when the document's own total differs from the
site's sum (issue 19, defect 2 of the last reviews): the page printed «Số liệu trong văn bản khác số website
tính» beside its figures, but kinh-phi.xlsx and kinh-phi.csv printed only the site's total, so a leader who
took the file had a figure the document does not write and no word of it. Both now print the document's
figure below the site's «Tổng cộng», and the page's note in the same words. In-process, on the commune plan
(a table whose total row is not its rows' sum, review bad9b b23) and the 2023 plan with a sentence counting
9 units (b43)."""

import csv
import io
import datetime as dt

from openpyxl import load_workbook

from macros.exports import csv as csv_export
from macros.exports import xlsx
from macros.loader import load_website
from macros.render import budget as budget_render
from tests.sitebuild import ROOT
from tests.test_bad_input_corpus import change, data_copy
from tests.test_bad_input_new_fields import _xa, _xa_change

TITLE = "Số liệu trong văn bản khác số website tính"
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


def _files(site):
    """(rows of the .xlsx's sheet as values, rows of the .csv) of the budget."""
    ws = load_workbook(io.BytesIO(xlsx.budget_xlsx(site, STAMP))).active
    sheet = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    table = list(csv.reader(io.StringIO(csv_export.budget_csv(site).decode("utf-8-sig"))))
    return sheet, table


def _page_note(site) -> str:
    page = budget_render.budget_page(site)
    return page[page.index(TITLE):page.index("## Theo đơn vị")].replace("\\", "")  # Markdown escapes


def test_a_table_total_not_its_rows_sum_is_in_both_files(tmp_path):
    root = _xa(tmp_path)
    _xa_change(root, '      - Tổng cộng\n      - "10.500.000"\n', '      - Tổng cộng\n      - "10.000.000"\n')
    site = load_website(root).plans[0]
    assert "«10.000.000»" in _page_note(site)
    sheet, table = _files(site)
    for rows, figure in ((sheet, 10_000_000), (table, "10000000")):
        cells = [c for row in rows for c in row if c is not None]
        assert figure in cells, rows  # the document's figure, a number in đồng as every figure of the file
        labels = [row[1] for row in rows if row[3] == figure]
        assert labels and "văn bản ghi" in labels[0] and "dòng tổng của bảng" in labels[0], labels
        notes = [c for c in cells if isinstance(c, str) and c.startswith(TITLE)]
        assert len(notes) == 1, rows
        for said in ("«10.000.000»", "10.500.000 đồng", "website cộng kinh phí của từng đơn vị", "nguyên văn",
                     "trong tệp này (10.500.000đ)"):
            assert said in notes[0], (said, notes[0])
    assert 10_500_000 in [c for row in sheet for c in row]  # the site's total stays, labelled as before


def test_words_counting_other_units_are_in_both_files(tmp_path):
    root = data_copy(tmp_path)
    change(root, "ke-hoach.yaml", "    dinh_muc: 5000000\n", "    dinh_muc: 5000000\n    doan:\n"
           '    - "Từ kinh phí Cuộc vận động năm 2023."\n'
           '    - "Mỗi huyện, thành phố 5.000.000 đồng x 9 huyện = 45.000.000 đồng."\n')
    site = load_website(root).plans[0]
    sheet, table = _files(site)
    for rows, figure in ((sheet, 45_000_000), (table, "45000000")):
        assert any(row[3] == figure and "lời văn" in row[1] for row in rows), rows
        [note] = [row[1] for row in rows if isinstance(row[1], str) and row[1].startswith(TITLE)]
        for said in ("«Mỗi huyện, thành phố 5.000.000 đồng x 9 huyện = 45.000.000 đồng.»", "9 đơn vị",
                     "có 10 huyện, thành phố", "50.000.000 đồng", "website tính"):
            assert said in note, (said, note)


def test_a_budget_whose_words_agree_prints_no_such_rows():
    site = load_website(ROOT).plans[0]
    sheet, table = _files(site)
    assert not any(TITLE in str(c) or "văn bản ghi" in str(c) for rows in (sheet, table) for row in rows for c in row)
