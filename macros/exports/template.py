"""The Excel report template of one unit, and its layout, shared with the
import (macros/import_report.py): what is written here is what is read there.

Sheets: «Thông tin» (one value per row, column B), «Địa bàn», «Hội nghị»,
«Kinh phí» (one item per row from row 2), «Hướng dẫn». Date cells are text
cells ("dd/mm/yyyy"): typed as text, a date means the same in every locale. The
guide's example date is the plan's own report deadline (Site.sample_date).
«Thông tin» also records, for the import, the plan (its thu_muc) and the topic
codes the numbers 1, 2, 3… stand for (RECORD_KEYS): a template of another plan,
or made before the topics changed, is refused instead of misread.
"""

import datetime as dt
import re
from copy import copy
from dataclasses import dataclass

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..dates import format_date
from ..numbers import format_money
from ..results import progress as pg
from ..results.model import counted_group
from ..site import Site
from ..render import links, notice
from ..render.plan import conference_rule, section_number
from ..render.units import report_sentence
from . import xlsx

INFO = "Thông tin"
AREAS = "Địa bàn"
CONFERENCES = "Hội nghị"
SPENDING = "Kinh phí"
GUIDE = "Hướng dẫn"
ROWS = 60  # rows prepared (formats) in each list sheet


@dataclass(frozen=True)
class InfoRow:
    row: int
    label: str
    key: str  # what the import reads it as


INFO_ROWS = (
    InfoRow(4, "Mã đơn vị (không sửa)", "don_vi"),
    InfoRow(5, "Đơn vị", "ten"),
    InfoRow(6, "Ban phối hợp", "ban"),  # the sheet says the level: site.org.partner_label
    InfoRow(7, "Ngày gửi báo cáo (ngày/tháng/năm; để trống nếu chưa gửi)", "ngay_gui"),
    InfoRow(8, "Ngày khảo sát (ngày/tháng/năm)", "khao_sat_ngay"),
    InfoRow(9, "Kết quả khảo sát (tóm tắt)", "khao_sat_ket_qua"),
    InfoRow(10, "Ghi chú về kinh phí (nếu có)", "giai_trinh"),
    # What the template was made for, read back by the import (issue 21): the plan
    # (its folder in data/, as data/website.yaml lists it) and the topic codes its
    # numbers 1, 2, 3… stand for, in the plan's order when the template was made.
    InfoRow(11, "Kế hoạch của mẫu (thư mục dữ liệu; không sửa)", "ke_hoach"),
    InfoRow(12, "Mã các nội dung theo số thứ tự 1, 2, 3… (không sửa)", "ma_noi_dung"),
)
RECORD_KEYS = ("ke_hoach", "ma_noi_dung")  # filled by the template, never by the unit
INFO_KEYS = {r.key: r for r in INFO_ROWS}

# List sheets: (header, field key, kind). Kinds: text, date, int, money, list, topics.
# Two headers name things as the plan calls them (sheet_columns fills them): {noi} the places
# chosen in each commune (ke-hoach.yaml › ten_goi_khu_dan_cu), {doi_tuong} those counted apart
# (cuoc_van_dong › doi_tuong_viet_tat). The import accepts a header with other words there
# (header_fits): a template made before the plan's words changed, or by an older version.
COLUMNS = {
    AREAS: (("Xã (phường, thị trấn)", "xa", "text"),
            ("{noi} được chọn (cách nhau dấu ;)", "khu_dan_cu", "list")),
    CONFERENCES: (("Ngày (ngày/tháng/năm)", "ngay", "date"),
                  ("Địa điểm", "dia_diem", "text"),
                  ("Số người dự", "so_nguoi", "int"),
                  ("Trong đó người {doi_tuong}", "so_nguoi_dtts", "int"),
                  ("Nội dung đã tuyên truyền (số thứ tự, cách nhau dấu ;)", "noi_dung", "topics")),
    SPENDING: (("Số tiền (đồng)", "so_tien", "money"),
               ("Số chứng từ", "chung_tu", "text"),
               ("Nội dung chi", "noi_dung", "text")),
}
WIDTHS = {AREAS: (30, 50), CONFERENCES: (16, 34, 12, 14, 30), SPENDING: (16, 18, 40)}
FILL = PatternFill("solid", fgColor="FFF2CC")


def plan_words(plan) -> dict[str, str]:
    """The words COLUMNS' headers take from the plan (plain ones when it has none)."""
    places = plan.ten_goi_khu_dan_cu or "nơi"
    return {"noi": places[:1].upper() + places[1:], "doi_tuong": counted_group(plan)[1]}


def sheet_columns(plan) -> dict[str, tuple]:
    """COLUMNS with the plan's words in their headers."""
    words = plan_words(plan)
    return {sheet: tuple((header.format(**words), key, kind) for header, key, kind in columns)
            for sheet, columns in COLUMNS.items()}


def header_fits(pattern: str, found: str) -> bool:
    """`found` is the header `pattern` (of COLUMNS) with some words in its {…} places."""
    parts = re.split(r"\{[a-z_]+\}", pattern)
    return re.fullmatch(".+".join(map(re.escape, parts)), found) is not None
BOLD = Font(bold=True)


DATE_KEYS = ("ngay_gui", "khao_sat_ngay")  # the date rows of «Thông tin»


def _text_dates(ws, ranges: list[str], sample: dt.date) -> None:
    """Date cells are text cells (format "@"), and a date typed as a real date is
    refused on entry: a LibreOffice or Excel set to US English would store
    «10/06/yyyy» as 6 October. ISTEXT() is the same function in Excel and LibreOffice.
    `sample`: a date of the plan (Site.sample_date) shown as the example."""
    if not ranges:
        return
    first = ranges[0].split(":")[0]
    rule = DataValidation(type="custom", formula1=f"ISTEXT({first})", allow_blank=True, showErrorMessage=True,
                          errorTitle="Ngày phải gõ dạng chữ",
                          error=f"Gõ ngày dạng ngày/tháng/năm, có dấu nháy đơn ở đầu: '{sample:%d/%m/%Y}. "
                                "Máy đặt kiểu Mỹ (tháng/ngày) sẽ hiểu sai ngày gõ không có dấu nháy.")
    for r in ranges:
        rule.add(r)
    ws.add_data_validation(rule)


def topic_record(site: Site) -> str:
    """"1=chu-truong-chinh-sach; 2=…": the topic codes the template's numbers stand for."""
    return "; ".join(f"{n}={t.ma}" for n, t in enumerate(site.plan.noi_dung.muc, 1))


def template_xlsx(site: Site, code: str, stamp: dt.datetime) -> bytes:
    unit = site.unit(code)
    dept = site.department(site.assignment_of(code).ban)
    plan = site.plan
    wb = xlsx.new_workbook(site, f"Mẫu báo cáo kết quả – {links.unit_title(unit)}", stamp)
    ws = wb.active
    ws.title = INFO
    ws["A1"] = f"MẪU BÁO CÁO KẾT QUẢ – {links.unit_title(unit).upper()}"
    ws["A1"].font = Font(bold=True, size=13)
    # Who reports to whom, as the plan's note says; the receiving Ban does not report to itself.
    ws["A2"] = f"{plan.van_ban.trich_yeu}. Điền các ô nền vàng. {report_sentence(site, dept.ma)}"
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A2:B2")
    ws.row_dimensions[2].height = 48
    # What the file is and where the plan stands (issue 20), under the title: the form
    # is the compiler's reference material, made after the plan ended.
    ws["A3"] = notice.file_notice(site)
    ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws["A3"].font = Font(italic=True, size=9)
    ws.merge_cells("A3:B3")
    ws.row_dimensions[3].height = 110
    values = {"don_vi": unit.ma, "ten": links.unit_title(unit), "ban": dept.ten, "ke_hoach": site.key,
              "ma_noi_dung": topic_record(site)}
    for r in INFO_ROWS:
        ws.cell(r.row, 1, site.org.partner_label if r.key == "ban" else r.label).font = BOLD
        ws.cell(r.row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        cell = ws.cell(r.row, 2, values.get(r.key))
        cell.number_format = "@"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if r.key in RECORD_KEYS:
            cell.font = Font(size=9, color="595959")
        elif r.key not in ("don_vi", "ten"):
            cell.fill = FILL
    _text_dates(ws, [f"B{INFO_KEYS[k].row}" for k in DATE_KEYS], site.sample_date)
    ws.row_dimensions[INFO_KEYS["khao_sat_ket_qua"].row].height = 90
    ws.row_dimensions[INFO_KEYS["giai_trinh"].row].height = 45
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = 70
    for sheet, columns in sheet_columns(plan).items():
        s = wb.create_sheet(sheet)
        for i, (header, _, kind) in enumerate(columns, 1):
            c = s.cell(1, i, header)
            c.font = BOLD
            c.alignment = Alignment(wrap_text=True, vertical="top")
            s.column_dimensions[get_column_letter(i)].width = WIDTHS[sheet][i - 1]
            first = s.cell(2, i)
            first.fill = FILL
            first.number_format = xlsx.MONEY if kind == "money" else ("0" if kind == "int" else "@")
            for row in range(3, ROWS + 2):  # the same style ids as the first (openpyxl 3.1, pinned): no hashing per cell
                s.cell(row, i)._style = copy(first._style)
        s.freeze_panes = "A2"
        dates = [get_column_letter(i) for i, (_, _, kind) in enumerate(columns, 1) if kind == "date"]
        for col in dates:
            s.column_dimensions[col].number_format = "@"  # rows past the prepared ones too
        _text_dates(s, [f"{col}2:{col}{ROWS + 1}" for col in dates], site.sample_date)
        # The import reads rows from 2 (macros/import_report.py): the notice sits beside the header.
        note = s.cell(1, len(columns) + 2, notice.file_notice_short(site))
        note.font = Font(italic=True, size=9)
        note.alignment = Alignment(wrap_text=True, vertical="top")
        s.column_dimensions[get_column_letter(len(columns) + 2)].width = 60
        if sheet in (CONFERENCES, SPENDING):
            numbers = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                                     error="Nhập số nguyên, không âm.", errorTitle="Số không hợp lệ")
            cols = [i for i, (_, _, kind) in enumerate(columns, 1) if kind in ("int", "money")]
            for i in cols:
                numbers.add(f"{get_column_letter(i)}2:{get_column_letter(i)}{ROWS + 1}")
            s.add_data_validation(numbers)
    g = wb.create_sheet(GUIDE)
    lines = [
        "CÁCH ĐIỀN MẪU BÁO CÁO",
        "Mỗi hội nghị, mỗi khoản chi, mỗi xã ghi một dòng. "
        f"Ngày viết ngày/tháng/năm, ví dụ {format_date(site.sample_date)}.",
        conference_rule(site),
        f"Kinh phí của {links.unit_title(unit)} theo kế hoạch: {format_money(site.amount(code))}.",
        f"Cột «Nội dung đã tuyên truyền» ghi số thứ tự nội dung (mục {section_number(site, 'noi_dung')} của kế hoạch) "
        "đã tuyên truyền, cách nhau dấu ; (ví dụ: 1; 3):",
    ]
    lines += [f"{n}. {name}" for n, name in pg.topic_names(site).values()]
    lines += ["Số tiền ghi số, không ghi chữ «đ». Ngày gửi báo cáo để trống khi chưa gửi.",
              "Không đổi tên các trang, không thêm hay xóa cột."]
    for i, text in enumerate(lines, 1):
        g.cell(i, 1, text).alignment = Alignment(wrap_text=True, vertical="top")
    g["A1"].font = BOLD
    g.cell(len(lines) + 2, 1, notice.file_notice(site)).alignment = Alignment(wrap_text=True, vertical="top")
    g.cell(len(lines) + 2, 1).font = Font(italic=True, size=9)
    g.column_dimensions["A"].width = 110
    return xlsx.save(wb, stamp)
