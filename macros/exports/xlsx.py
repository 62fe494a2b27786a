"""Spreadsheets (.xlsx, openpyxl): the assignment table, the budget, the results.

Vietnamese headers; amounts are numbers (not text) formatted '#,##0'. In an
Excel format code "," means "the thousands separator of the reader's locale",
so a Vietnamese Excel or LibreOffice shows 5.000.000 and an English one
5,000,000: the number stays a number that sums and sorts. The workbook is
marked Vietnamese (core property language vi-VN). Dates are dd/mm/yyyy.

Deterministic: created/modified come from the caller (the commit's time) and
every zip entry gets that same timestamp, so one commit builds the same bytes.
"""

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from ..results import progress as pg
from ..results.load import Results
from ..site import Site
from ..render import links, notice

MONEY = "#,##0"
DATE = "dd/mm/yyyy"
BOLD = Font(bold=True)


def new_workbook(site: Site, title: str, stamp: dt.datetime) -> Workbook:
    wb = Workbook()
    props = wb.properties
    naive = stamp.astimezone(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = naive
    # Made by the compiler of the reference material (data/bien-soan.yaml), not by the
    # office that issued the plan; what it is and where the plan stands in its properties.
    props.creator = props.lastModifiedBy = notice.compiler(site)
    props.title = title
    props.subject = f"{notice.PROVENANCE_REFERENCE}, không phải văn bản chính thức; {notice.ended_clause(site)}"
    props.description = notice.file_notice(site)
    props.language = "vi-VN"
    return wb


def notice_row(ws, site: Site, columns: int) -> None:
    """The notice as a visible first line of a table sheet (header below it, frozen with it)."""
    ws.insert_rows(1)
    cell = ws.cell(1, 1, notice.file_notice(site))
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    cell.font = Font(italic=True, size=9)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(columns, 1))
    ws.row_dimensions[1].height = 96
    ws.freeze_panes = "A3"


def save(wb: Workbook, stamp: dt.datetime) -> bytes:
    """The workbook's bytes, the same for the same content and stamp."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        modified = wb.properties.modified
        ExcelWriter(wb, archive).save()
        wb.properties.modified = modified
    when = stamp.astimezone(dt.timezone.utc).timetuple()[:6]
    when = max(when, (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=when)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def table_sheet(ws, headers: list[str], rows: list[list], money_cols=(), date_cols=(), widths=None,
                total: list | None = None) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append(row)
    if total is not None:
        ws.append(total)
        for cell in ws[ws.max_row]:
            cell.font = BOLD
    for col in money_cols:
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = MONEY
    for col in date_cols:
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = DATE
    for i, width in enumerate(widths or [], 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


# -- the three tables (rows shared with the CSV files) -------------------------------
def assignment_rows(site: Site) -> tuple[list[str], list[list]]:
    head = ["STT", "Đơn vị", "Mã đơn vị", "Ban phối hợp của tỉnh", "Kinh phí (đồng)"]
    rows = [[i, links.unit_title(u), u.ma, site.department(site.assignment_of(u.ma).ban).ten, site.amount(u.ma)]
            for i, u in enumerate(site.units, 1)]
    return head, rows


def budget_rows(site: Site) -> tuple[list[str], list[list], list]:
    head = ["STT", "Đơn vị", "Ban phối hợp của tỉnh", "Kinh phí (đồng)"]
    rows = [[i, links.unit_title(u), site.department(site.assignment_of(u.ma).ban).ten, site.amount(u.ma)]
            for i, u in enumerate(site.units, 1)]
    return head, rows, [None, "Tổng cộng", None, site.total]


def results_rows(site: Site, results: Results) -> tuple[list[str], list[list]]:
    head = ["STT", "Đơn vị", "Mã đơn vị", "Ban phối hợp của tỉnh", "Trạng thái", "Số hội nghị", "Người dự",
            "Trong đó người DTTS", "Kinh phí được giao (đồng)", "Đã chi (đồng)", "Ngày gửi báo cáo"]
    rows = []
    for i, p in enumerate(pg.all_progress(site, results), 1):
        rows.append([i, links.unit_title(p.unit), p.unit.ma, p.department.ten, p.label, p.conferences,
                     p.attendance, p.minority, p.budget, p.spent, p.sent])
    return head, rows


def conference_rows(site: Site, results: Results) -> tuple[list[str], list[list]]:
    topics = pg.topic_names(site)
    head = ["Đơn vị", "Ngày", "Địa điểm", "Người dự", "Trong đó người DTTS", "Nội dung (mục II)"]
    rows = [[links.unit_title(site.unit(code)), c.ngay, c.dia_diem, c.so_nguoi, c.so_nguoi_dtts,
             "; ".join(f"{topics[t][0]}. {topics[t][1]}" for t in c.noi_dung)]
            for code, res in results.by_unit.items() for c in res.hoi_nghi]
    return head, rows


def expense_rows(site: Site, results: Results) -> tuple[list[str], list[list]]:
    head = ["Đơn vị", "Số tiền (đồng)", "Chứng từ", "Nội dung chi"]
    rows = [[links.unit_title(site.unit(code)), e.so_tien, e.chung_tu, e.noi_dung]
            for code, res in results.by_unit.items() for e in res.kinh_phi.chi]
    return head, rows


# -- workbooks --------------------------------------------------------------------------
def assignment_xlsx(site: Site, stamp: dt.datetime) -> bytes:
    wb = new_workbook(site, f"Phân công thực hiện kế hoạch năm {site.plan.van_ban.nam}", stamp)
    ws = wb.active
    ws.title = "Phân công"
    head, rows = assignment_rows(site)
    table_sheet(ws, head, rows, money_cols=(5,), widths=[6, 24, 11, 30, 18])
    notice_row(ws, site, len(head))
    return save(wb, stamp)


def budget_xlsx(site: Site, stamp: dt.datetime) -> bytes:
    wb = new_workbook(site, f"Kinh phí thực hiện kế hoạch năm {site.plan.van_ban.nam}", stamp)
    ws = wb.active
    ws.title = "Kinh phí"
    head, rows, total = budget_rows(site)
    table_sheet(ws, head, rows, money_cols=(4,), widths=[6, 24, 30, 18], total=total)
    notice_row(ws, site, len(head))
    return save(wb, stamp)


def results_xlsx(site: Site, results: Results, stamp: dt.datetime) -> bytes:
    wb = new_workbook(site, f"Kết quả thực hiện kế hoạch năm {site.plan.van_ban.nam}", stamp)
    ws = wb.active
    ws.title = "Kết quả"
    head, rows = results_rows(site, results)
    table_sheet(ws, head, rows, money_cols=(9, 10), date_cols=(11,), widths=[6, 24, 11, 26, 18, 12, 11, 14, 18, 16, 14])
    notice_row(ws, site, len(head))
    head, rows = conference_rows(site, results)
    table_sheet(ws := wb.create_sheet("Hội nghị"), head, rows, date_cols=(2,), widths=[24, 12, 30, 11, 14, 50])
    notice_row(ws, site, len(head))
    head, rows = expense_rows(site, results)
    table_sheet(ws := wb.create_sheet("Kinh phí đã chi"), head, rows, money_cols=(2,), widths=[24, 16, 18, 40])
    notice_row(ws, site, len(head))
    return save(wb, stamp)
