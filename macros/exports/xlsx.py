"""Spreadsheets (.xlsx, openpyxl): the assignment table, the budget, the results.

Vietnamese headers; amounts are numbers (not text) formatted '#,##0'. In an
Excel format code "," means "the thousands separator of the reader's locale",
so a Vietnamese Excel or LibreOffice shows 5.000.000 and an English one
5,000,000: the number stays a number that sums and sorts. The workbook is
marked Vietnamese (core property language vi-VN). Dates are dd/mm/yyyy.

Deterministic: created/modified come from the caller (the commit's time) and
every zip entry gets that same timestamp, so one commit builds the same bytes.
A name that starts with "=" stays a name: save() stores every text as text
(macros/exports/cells.py, OWASP CSV injection).
"""

import datetime as dt
import io
import math
import struct
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.writer.excel import ExcelWriter

from ..results import progress as pg
from ..results.load import Results
from ..results.model import contents_done, counted_group, counts_group
from ..site import Site
from ..render import links, notice
from ..render.budget import DIFFERENCES_TITLE, difference_notes, document_totals, total_label
from . import cells

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
    """The workbook's bytes, the same for the same content and stamp. Every text
    cell is written as text, never as a formula (cells.py), and every sheet is
    made printable first (print_setup)."""
    cells.text_cells(wb)
    for ws in wb.worksheets:
        print_setup(ws)
    when = stamp.astimezone(dt.timezone.utc).timetuple()[:6]
    when = max(when, (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    modified = wb.properties.modified
    # One pass: each part goes into the archive with the stamp's date as openpyxl writes it
    # (the same bytes as writing it first and copying every entry with fixed dates).
    ExcelWriter(wb, _StampedZip(out, when)).save()  # closes the archive
    wb.properties.modified = modified
    return out.getvalue()


class _StampedZip(zipfile.ZipFile):
    """A ZIP whose every entry has date `when`, mode 0600 and deflate, whatever the
    writer passes (openpyxl writes names and, for the sheets, temporary files)."""

    def __init__(self, file, when: tuple):
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self._when = when

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo) else zinfo_or_arcname
        fixed = zipfile.ZipInfo(name, date_time=self._when)
        fixed.compress_type = zipfile.ZIP_DEFLATED
        fixed.external_attr = 0o600 << 16
        super().writestr(fixed, data.encode("utf-8") if isinstance(data, str) else data)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        with open(filename, "rb") as src:
            self.writestr(arcname if arcname is not None else filename, src.read())


def copy_deflated(dst, buffer, fixed, info, workbook: bytes) -> None:
    """One unchanged member, its compressed bytes copied as they are (the same content
    deflated the same way gives the same bytes): written as stored, then its headers say
    what it is (deflated, its CRC and size). Much cheaper than deflating it again."""
    name_len, extra_len = struct.unpack("<HH", workbook[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    raw = workbook[start:start + info.compress_size]
    fixed.compress_type = zipfile.ZIP_STORED
    dst.writestr(fixed, raw)
    fixed.compress_type = zipfile.ZIP_DEFLATED
    fixed.CRC, fixed.file_size, fixed.compress_size = info.CRC, info.file_size, len(raw)
    end = buffer.tell()
    buffer.seek(fixed.header_offset)
    buffer.write(fixed.FileHeader(False))  # the same length: the same name, no extra field
    buffer.seek(end)


def _appended(ws, last: int):
    """The cells of the row just appended, columns 1..`last` (ws[ws.max_row] without the scans)."""
    r = ws._current_row  # openpyxl 3.1 (pinned): the row append() wrote
    return [ws.cell(r, c) for c in range(1, last + 1)]


def table_sheet(ws, headers: list[str], rows: list[list], money_cols=(), date_cols=(), widths=None,
                total: list | None = None) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = max(1, len(headers))  # ws.max_column, kept here: asking the sheet scans every cell (quadratic)
    for row in rows:
        ws.append(row)
        last = max(last, len(row))
        for cell in _appended(ws, last):  # long names and contents wrap within their column (print)
            cell.alignment = Alignment(wrap_text=isinstance(cell.value, str), vertical="top")
    if total is not None:
        ws.append(total)
        last = max(last, len(total))
        for cell in _appended(ws, last):
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


# -- print (issue 23): A4, fitted to the page width, header rows repeated, rows tall enough ----
# Cells print in Arial: LibreOffice draws it with Liberation Sans (same metrics), the
# font the row heights are measured for; openpyxl's default Calibri is missing there
# and was replaced by a wider font, and rows kept Excel's 15 pt, which cut off
# stacked diacritics («MẪU» printed as «MAU») and let wrapped labels run into the next row.
PRINT_FONT = "Arial"
PAGE = (595.0, 842.0)  # A4 in points
MARGIN = 0.5  # inches, left and right
MARGIN_TB = 0.6  # inches, top and bottom (the footer sits in the bottom one)
UNIT_PT = 5.6  # points per unit of column width (generous: a wrapped line estimate errs long)
DEFAULT_WIDTH = 8.43
MIN_SCALE = 0.6  # below this a long sheet is fitted to the width only and runs on


def _lines(text: str, chars: float) -> int:
    return sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))


def column_widths(ws) -> dict[int, float]:
    last = ws.max_column
    return {i: ws.column_dimensions[get_column_letter(i)].width or DEFAULT_WIDTH for i in range(1, last + 1)}


def line_height(size: float) -> float:
    """Points per line of text of `size` pt: room for Vietnamese stacked diacritics (Ẫ, Ể)."""
    return size * 1.5


def cell_spans(ws, widths: dict[int, float]) -> dict[tuple[int, int], float]:
    """(row, column) of each merged range's first cell -> the width of the columns it spans."""
    spans = {}
    for merged in ws.merged_cells.ranges:
        c1, r1, c2, _ = range_boundaries(str(merged))
        spans[(r1, c1)] = sum(widths.get(c, DEFAULT_WIDTH) for c in range(c1, c2 + 1))
    return spans


def cell_lines(text: str, width: float, size: float, bold, wrap) -> int:
    """The lines a cell's text takes in a column `width` wide, at `size` pt (bold or not),
    wrapped or not: what its row's height is made from (fit_row_heights)."""
    chars = max(1.0, width * 1.0 * 11 / size * (0.92 if bold else 1.0))
    return _lines(text, chars) if wrap else 1


def fit_row_heights(ws) -> None:
    """Each row as tall as its tallest cell needs: wrapped text by its column (or merged
    columns) width, each line with room above for stacked diacritics. A height set
    before (room to write in) is kept when it is taller."""
    widths = column_widths(ws)
    spans = cell_spans(ws, widths)
    printed = {}  # font id -> the id of its PRINT_FONT twin: each distinct font hashed once, not per cell
    for row in ws.iter_rows():
        need = 0.0
        for cell in row:
            if cell.value is None:
                continue
            font_id = cell._style.fontId  # openpyxl 3.1 (pinned): the cell's index into wb._fonts
            if font_id in printed:
                cell._style.fontId = printed[font_id]
            else:
                font = cell.font
                if font.name != PRINT_FONT:
                    cell.font = Font(name=PRINT_FONT, sz=font.sz, b=font.b, i=font.i, color=font.color)
                printed[font_id] = cell._style.fontId
            size = float(cell.font.sz or 11)
            text = cell.value if isinstance(cell.value, str) else "0" * 12
            width = spans.get((cell.row, cell.column), widths.get(cell.column, DEFAULT_WIDTH))
            lines = cell_lines(text, width, size, cell.font.b, cell.alignment.wrap_text)
            need = max(need, lines * line_height(size) + 4)
        if need:
            r = row[0].row
            have = ws.row_dimensions[r].height if r in ws.row_dimensions else None
            ws.row_dimensions[r].height = round(max(need, have or 0), 1)


def print_setup(ws, title_rows: int | None = None) -> None:
    """A4; landscape when the columns are too wide for portrait; fitted to the page
    width, and to one page when the sheet fits at a readable scale (else it runs on,
    fitToHeight=0, with its header row repeated on every page); the print area is
    the written cells; the sheet's name and page number in the footer.
    `title_rows`: rows repeated on each page; by default the frozen header rows."""
    fit_row_heights(ws)
    widths = column_widths(ws)
    wide = sum(w * UNIT_PT for w in widths.values())
    heights = {r: d.height for r, d in ws.row_dimensions.items() if d.height}
    tall = sum(heights.get(r, 15) for r in range(1, ws.max_row + 1))
    portrait_w = PAGE[0] - 2 * 72 * MARGIN
    landscape = wide > portrait_w * 1.1
    page_w, page_h = (PAGE[1], PAGE[0]) if landscape else PAGE
    page_w -= 2 * 72 * MARGIN
    page_h -= 2 * 72 * MARGIN_TB + 14
    scale = min(1.0, page_w / wide, page_h / tall)
    ps = ws.page_setup
    ps.paperSize = ws.PAPERSIZE_A4
    ps.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ps.fitToWidth = 1
    ps.fitToHeight = 1 if scale >= MIN_SCALE else 0
    m = ws.page_margins
    m.left = m.right = MARGIN
    m.top = m.bottom = MARGIN_TB
    m.header = m.footer = 0.3
    ws.print_area = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
    if title_rows is None and ws.freeze_panes:
        title_rows = int("".join(ch for ch in ws.freeze_panes if ch.isdigit())) - 1
    if title_rows:
        ws.print_title_rows = f"1:{title_rows}"
        # A table prints its grid: the template's empty rows are filled in by hand on paper.
        ws.print_options.gridLines = True
    ws.oddFooter.center.text = "&A – trang &P/&N"
    ws.oddFooter.center.size = 9
    ws.oddFooter.center.font = PRINT_FONT


# -- the three tables (rows shared with the CSV files) -------------------------------
def assignment_rows(site: Site) -> tuple[list[str], list[list]]:
    """No structured budget (Site.has_budget): no money column (review r19n, defect 5)."""
    money = site.has_budget
    head = ["STT", "Đơn vị", "Mã đơn vị", site.partner_label, *(["Kinh phí (đồng)"] if money else [])]
    rows = [[i, links.unit_title(u), u.ma, site.department(site.assignment_of(u.ma).ban).ten,
             *([site.amount(u.ma)] if money else [])]
            for i, u in enumerate(site.units, 1)]
    return head, rows


def budget_rows(site: Site) -> tuple[list[str], list[list], list]:
    assigned = site.units_assigned  # else no assignee column
    head = ["STT", "Đơn vị", *([site.partner_label] if assigned else []), "Kinh phí (đồng)"]
    rows = [[i, links.unit_title(u), *([site.department_of(u.ma).ten] if assigned else []), site.amount(u.ma)]
            for i, u in enumerate(site.units, 1)]
    # «(website cộng)»: the site's own sum; none when the plan's total holds more than its units (r19n, defect 3)
    return head, rows, None if site.total_beyond_units else [None, total_label(site), *([None] if assigned else []),
                                                             site.total]


def budget_document_rows(site: Site) -> tuple[list[list], list[list]]:
    """Below the site's «Tổng cộng»: each total the document writes that differs from it (its figure, in
    đồng), then the note the budget page shows beside its figures, in the same words (render/budget.py:
    difference_notes). ([], []) when the document and the site agree."""
    gap = [None] if site.units_assigned else []  # the assignee's column (budget_rows)
    figures = [[None, label, *gap, value] for label, value in document_totals(site)]
    notes = [[None, f"{DIFFERENCES_TITLE}: {note}", *gap, None] for note in difference_notes(site)]
    return figures, notes


def results_rows(site: Site, results: Results) -> tuple[list[str], list[list]]:
    """No structured budget (Site.has_budget): no column «Kinh phí được giao» (review r19n, defect 5)."""
    budget, counted = site.has_budget, counts_group(site.plan)  # no count apart when the plan names no group
    conf = pg.conferences_shown(site, results)  # a plan with no conferences: no such columns (r19q #5)
    counted = counted and conf
    progress = pg.all_progress(site, results)
    # the plan gives its units to no body: no assignee column; asks for no report and none is recorded: no date sent
    assigned, sent = site.units_assigned, site.report is not None or any(p.sent for p in progress)
    head = ["STT", "Đơn vị", "Mã đơn vị", *([site.partner_label] if assigned else []), "Trạng thái",
            *(["Số hội nghị", "Người dự"] if conf else []),
            *([f"Trong đó người {counted_group(site.plan)[1]}"] if counted else []),
            *(["Kinh phí được giao (đồng)"] if budget else []),
            "Đã chi (đồng)", *([SENT_HEAD] if sent else [])]
    rows = []
    for i, p in enumerate(progress, 1):
        rows.append([i, links.unit_title(p.unit), p.unit.ma, *([p.department.ten] if assigned else []), p.label,
                     *([p.conferences, p.attendance] if conf else []), *([p.minority] if counted else []),
                     *([p.budget] if budget else []), p.spent, *([p.sent] if sent else [])])
    return head, rows


SENT_HEAD = "Ngày gửi báo cáo"
# The results sheet's columns, by their head (results_rows): width; money and date columns by name.
_RESULT_WIDTHS = {"STT": 6, "Đơn vị": 24, "Mã đơn vị": 11, "Trạng thái": 18, "Số hội nghị": 12, "Người dự": 11,
                  "Kinh phí được giao (đồng)": 18, "Đã chi (đồng)": 16, SENT_HEAD: 14}
_RESULT_MONEY = ("Kinh phí được giao (đồng)", "Đã chi (đồng)")


def conference_rows(site: Site, results: Results) -> tuple[list[str], list[list]]:
    topics = pg.topic_names(site)
    counted = counts_group(site.plan)  # no count apart when the plan names no group
    head = ["Đơn vị", "Ngày", "Địa điểm", "Người dự", *([f"Trong đó người {counted_group(site.plan)[1]}"] if counted else []),
            f"Nội dung đã {contents_done(site.plan)}"]  # «tuyên truyền» only where the plan says so (r19o)
    rows = [[links.unit_title(site.unit(code)), c.ngay, c.dia_diem, c.so_nguoi, *([c.so_nguoi_dtts] if counted else []),
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
    table_sheet(ws, head, rows, money_cols=(5,) if site.has_budget else (), widths=[6, 24, 11, 30, 18][:len(head)])
    notice_row(ws, site, len(head))
    return save(wb, stamp)


def budget_xlsx(site: Site, stamp: dt.datetime) -> bytes:
    wb = new_workbook(site, f"Kinh phí thực hiện kế hoạch năm {site.plan.van_ban.nam}", stamp)
    ws = wb.active
    ws.title = "Kinh phí"
    head, rows, total = budget_rows(site)
    assigned = len(head) == 4  # the assignee's column (budget_rows)
    table_sheet(ws, head, rows, money_cols=(len(head),), widths=[6, 24, 30, 18] if assigned else [6, 24, 18], total=total)
    figures, notes = budget_document_rows(site)
    for row in figures:
        ws.append(row)
        ws.cell(ws._current_row, len(head)).number_format = MONEY  # openpyxl 3.1 (pinned): the row append() wrote
        ws.cell(ws._current_row, 2).alignment = Alignment(wrap_text=True, vertical="top")
    first_note = ws._current_row + 1
    for row in notes:
        ws.append(row)
        ws.cell(ws._current_row, 2).alignment = Alignment(wrap_text=True, vertical="top")
    notice_row(ws, site, len(head))
    for r in range(first_note + 1, first_note + 1 + len(notes)):  # below the notice row inserted on top
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=len(head))
    return save(wb, stamp)


def results_xlsx(site: Site, results: Results, stamp: dt.datetime) -> bytes:
    wb = new_workbook(site, f"Kết quả thực hiện kế hoạch năm {site.plan.van_ban.nam}", stamp)
    ws = wb.active
    ws.title = "Kết quả"
    head, rows = results_rows(site, results)
    counted = counts_group(site.plan)  # else no «Trong đó người …» column (results_rows, conference_rows)
    minority = [14] if counted else []
    # each column found by its head: the assignee's, the conferences', the money's and the date's come and go
    table_sheet(ws, head, rows, money_cols=tuple(i for i, h in enumerate(head, 1) if h in _RESULT_MONEY),
                date_cols=tuple(i for i, h in enumerate(head, 1) if h == SENT_HEAD),
                widths=[_RESULT_WIDTHS.get(h, 26 if i == 4 else 14) for i, h in enumerate(head, 1)])
    notice_row(ws, site, len(head))
    head, rows = conference_rows(site, results)
    table_sheet(ws := wb.create_sheet("Hội nghị"), head, rows, date_cols=(2,), widths=[24, 12, 30, 11, *minority, 50])
    notice_row(ws, site, len(head))
    head, rows = expense_rows(site, results)
    table_sheet(ws := wb.create_sheet("Kinh phí đã chi"), head, rows, money_cols=(2,), widths=[24, 16, 18, 40])
    notice_row(ws, site, len(head))
    return save(wb, stamp)
