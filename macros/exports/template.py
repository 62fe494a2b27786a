"""The Excel report template of one unit, and its layout, shared with the
import (macros/import_report.py): what is written here is what is read there.

Sheets: «Thông tin» (one value per row, column B), «Địa bàn» (only for a plan whose
units choose places: has_selection), «Hội nghị», «Kinh phí» (one item per row from
row 2), «Hướng dẫn». Date cells are text
cells ("dd/mm/yyyy"): typed as text, a date means the same in every locale. The
guide's example date is the plan's own report deadline (Site.sample_date).
«Thông tin» also records, for the import, the plan (its thu_muc) and the topic
codes the numbers 1, 2, 3… stand for (RECORD_KEYS): a template of another plan,
or made before the topics changed, is refused instead of misread.
"""

import datetime as dt
import io
import re
from copy import copy
from dataclasses import dataclass

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..dates import format_date
from ..numbers import format_money
from ..results import progress as pg
from ..results.model import contents_done, counted_group, counts_group, has_selection, has_survey
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
    InfoRow(6, "Ban phối hợp", "ban"),  # the sheet says the level: site.partner_label
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
# Four headers name things as the plan calls them (sheet_columns fills them): {dia_ban} the level
# each unit chooses (don-vi.yaml › dia_ban_chon), {noi} the places chosen there (ke-hoach.yaml ›
# ten_goi_khu_dan_cu), {doi_tuong} those counted apart (cuoc_van_dong › doi_tuong_viet_tat), {lam} what
# was done with the plan's contents (results.model.contents_done: «tuyên truyền» only where the plan's
# contents section says so, else «thực hiện»). The import
# accepts a header with other words there (header_fits): a template made before the plan's words
# changed, or by an older version.
COLUMNS = {
    AREAS: (("{dia_ban}", "xa", "text"),
            ("{noi} được chọn (cách nhau dấu ;)", "khu_dan_cu", "list")),
    CONFERENCES: (("Ngày (ngày/tháng/năm)", "ngay", "date"),
                  ("Địa điểm", "dia_diem", "text"),
                  ("Số người dự", "so_nguoi", "int"),
                  ("Trong đó người {doi_tuong}", "so_nguoi_dtts", "int"),
                  ("Nội dung đã {lam} (số thứ tự, cách nhau dấu ;)", "noi_dung", "topics")),
    SPENDING: (("Số tiền (đồng)", "so_tien", "money"),
               ("Số chứng từ", "chung_tu", "text"),
               ("Nội dung chi", "noi_dung", "text")),
}
WIDTHS = {AREAS: (30, 50), CONFERENCES: (16, 34, 12, 14, 30), SPENDING: (16, 18, 40)}
FILL = PatternFill("solid", fgColor="FFF2CC")


def plan_words(plan, units_file=None) -> dict[str, str]:
    """The words COLUMNS' headers take from the plan (plain ones when it has none): the level the
    units choose only as don-vi.yaml says it (none: «Địa bàn», the sheet's own name)."""
    places = plan.ten_goi_khu_dan_cu or "nơi"
    chosen = units_file.dia_ban_chon if units_file is not None else ""
    return {"noi": places[:1].upper() + places[1:], "doi_tuong": counted_group(plan)[1],
            "dia_ban": chosen[:1].upper() + chosen[1:] if chosen else AREAS, "lam": contents_done(plan)}


def contents_header(plan) -> str:
    """The conference column of the plan's contents, as its template heads it («Nội dung đã tuyên truyền»)."""
    return f"Nội dung đã {contents_done(plan)}"


def _asked(plan, key: str) -> bool:
    """Whether the plan's template asks for this column: no count apart when the plan names
    no group to count (results.model.counts_group; review r19o, defect 3)."""
    return key != "so_nguoi_dtts" or counts_group(plan)


def sheet_columns(plan, units_file=None) -> dict[str, tuple]:
    """COLUMNS with the plan's words in their headers (`units_file`: don-vi.yaml's, for the level chosen),
    without those the plan does not ask for (_asked)."""
    words = plan_words(plan, units_file)
    return {sheet: tuple((header.format(**words), key, kind) for header, key, kind in columns if _asked(plan, key))
            for sheet, columns in COLUMNS.items()}


def sheet_widths(plan) -> dict[str, tuple]:
    """WIDTHS of the columns sheet_columns keeps."""
    return {sheet: tuple(w for (_, key, _), w in zip(COLUMNS[sheet], WIDTHS[sheet]) if _asked(plan, key))
            for sheet in COLUMNS}


def header_fits(pattern: str, found: str) -> bool:
    """`found` is the header `pattern` (of COLUMNS) with some words in its {…} places."""
    parts = re.split(r"\{[a-z_]+\}", pattern)
    return re.fullmatch(".+".join(map(re.escape, parts)), found) is not None
BOLD = Font(bold=True)


DATE_KEYS = ("ngay_gui", "khao_sat_ngay")  # the date rows of «Thông tin»
SURVEY_KEYS = ("khao_sat_ngay", "khao_sat_ket_qua")  # only in a plan with a survey step (results.model.has_survey)


def _text_dates(ws, ranges: list[str], sample: dt.date) -> None:
    """Date cells are text cells (format "@"), and a date typed as a real date is
    refused on entry: a LibreOffice or Excel set to US English would store
    «10/06/yyyy» as 6 October. ISTEXT() is the same function in Excel and LibreOffice.
    `sample`: a date of the plan (Site.sample_date) shown as the example; None (a plan that writes no date: no
    report asked, no structured period, no date of issue): no example, never a date the plan does not write."""
    if not ranges:
        return
    first = ranges[0].split(":")[0]
    rule = DataValidation(type="custom", formula1=f"ISTEXT({first})", allow_blank=True, showErrorMessage=True,
                          errorTitle="Ngày phải gõ dạng chữ",
                          error="Gõ ngày dạng ngày/tháng/năm, có dấu nháy đơn ở đầu"
                                + (f": '{sample:%d/%m/%Y}. " if sample is not None else ". ")
                                + "Máy đặt kiểu Mỹ (tháng/ngày) sẽ hiểu sai ngày gõ không có dấu nháy.")
    for r in ranges:
        rule.add(r)
    ws.add_data_validation(rule)


def topic_record(site: Site) -> str:
    """"1=chu-truong-chinh-sach; 2=…": the topic codes the template's numbers stand for."""
    return "; ".join(f"{n}={t.ma}" for n, t in enumerate(site.plan.noi_dung.muc, 1))


def unit_values(site: Site, code: str) -> dict[str, str]:
    """Every text of one unit's template that is the unit's own (the rest is the plan's):
    the document's title, the sheet's heading and lead, its code, name and Ban, the line of
    its budget in the guide. TemplateMaker puts them into a template made for another unit."""
    unit = site.unit(code)
    dept = site.department_of(code)  # None: the plan gives the unit to no body (no such row)
    title = links.unit_title(unit)
    # Who reports to whom, as the plan's note says; the receiving Ban does not report to itself. None: no report asked.
    reports = report_sentence(site, dept.ma if dept is not None else None)
    return {
        "title": f"Mẫu báo cáo kết quả – {title}",
        "heading": f"MẪU BÁO CÁO KẾT QUẢ – {title.upper()}",
        "intro": f"{site.plan.van_ban.trich_yeu}. Điền các ô nền vàng." + (f" {reports}" if reports is not None else ""),
        "don_vi": unit.ma,
        "ten": title,
        **({"ban": dept.ten} if dept is not None else {}),
        # its money only from a structured budget (Site.has_budget); without one, no such line (review r19n, defect 5)
        **({"amount": f"Kinh phí của {title} theo kế hoạch: {format_money(site.amount(code))}."}
           if site.has_budget else {}),
    }


def _units_report(site: Site) -> bool:
    """The plan says the units send the report (bao_cao › nguoi_gui: don_vi; review r19o, defect 8)."""
    return site.report is not None and site.report.nguoi_gui == "don_vi"


def _info_rows(site: Site, unit: dict[str, str]) -> list[InfoRow]:
    """The «Thông tin» rows the plan asks for: the survey's only with a survey step (has_survey), the assignee's
    only when the plan gives the unit to a body, the date sent only when it asks for a report (Site.report). A row
    left out stays empty: the import reads none there (import_report: its label is not in its cell)."""
    survey = has_survey(site)
    return [r for r in INFO_ROWS if (survey or r.key not in SURVEY_KEYS) and (r.key != "ban" or "ban" in unit)
            and (r.key != "ngay_gui" or site.report is not None)]


def template_xlsx(site: Site, code: str, stamp: dt.datetime) -> bytes:
    """One unit's template, made with openpyxl (TemplateMaker makes the same bytes faster)."""
    return xlsx.save(template_workbook(site, unit_values(site, code), stamp), stamp)


def template_workbook(site: Site, unit: dict[str, str], stamp: dt.datetime):
    """The workbook of the unit whose own texts are `unit` (unit_values), not yet saved."""
    plan = site.plan
    wb = xlsx.new_workbook(site, unit["title"], stamp)
    ws = wb.active
    ws.title = INFO
    ws["A1"] = unit["heading"]
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = unit["intro"]
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
    values = {"don_vi": unit["don_vi"], "ten": unit["ten"], "ban": unit.get("ban"), "ke_hoach": site.key,
              "ma_noi_dung": topic_record(site)}
    survey = has_survey(site)  # a plan without a survey step: its rows stay empty (the import reads none)
    rows = _info_rows(site, unit)
    for r in rows:
        ws.cell(r.row, 1, site.partner_label if r.key == "ban" else r.label).font = BOLD
        ws.cell(r.row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        cell = ws.cell(r.row, 2, values.get(r.key))
        cell.number_format = "@"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if r.key in RECORD_KEYS:
            cell.font = Font(size=9, color="595959")
        elif r.key == "ban" and _units_report(site):
            pass  # who is assigned, as a record: the plan's senders are the units, not a yellow cell to fill

        elif r.key not in ("don_vi", "ten"):
            cell.fill = FILL
    _text_dates(ws, [f"B{r.row}" for r in rows if r.key in DATE_KEYS], site.sample_date)
    if survey:
        ws.row_dimensions[INFO_KEYS["khao_sat_ket_qua"].row].height = 90
    ws.row_dimensions[INFO_KEYS["giai_trinh"].row].height = 45
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = 70
    widths = sheet_widths(plan)
    for sheet, columns in sheet_columns(plan, site.units_file).items():
        if sheet == AREAS and not has_selection(site):
            continue  # the plan's units choose no places: no such sheet (review r19o, defect 3)
        s = wb.create_sheet(sheet)
        for i, (header, _, kind) in enumerate(columns, 1):
            c = s.cell(1, i, header)
            c.font = BOLD
            c.alignment = Alignment(wrap_text=True, vertical="top")
            s.column_dimensions[get_column_letter(i)].width = widths[sheet][i - 1]
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
    rows = "Mỗi hội nghị, mỗi khoản chi" + (f", mỗi {site.units_file.chosen_level or AREAS.lower()}"
                                            if has_selection(site) else "")
    lines = [
        "CÁCH ĐIỀN MẪU BÁO CÁO",
        f"{rows} ghi một dòng. Ngày viết ngày/tháng/năm"
        + (f", ví dụ {format_date(site.sample_date)}." if site.sample_date is not None else "."),
        *filter(None, (conference_rule(site), unit.get("amount"))),
        f"Cột «{contents_header(plan)}» ghi số thứ tự nội dung (mục {section_number(site, 'noi_dung')} của kế "
        f"hoạch) đã {contents_done(plan)}, cách nhau dấu ; (ví dụ: 1; 3):",
    ]
    lines += [f"{n}. {name}" for n, name in pg.topic_names(site).values()]
    lines += ["Số tiền ghi số, không ghi chữ «đ»." + (" Ngày gửi báo cáo để trống khi chưa gửi." if site.report is not None
                                                     else ""),
              "Không đổi tên các trang, không thêm hay xóa cột."]
    for i, text in enumerate(lines, 1):
        g.cell(i, 1, text).alignment = Alignment(wrap_text=True, vertical="top")
    g["A1"].font = BOLD
    g.cell(len(lines) + 2, 1, notice.file_notice(site)).alignment = Alignment(wrap_text=True, vertical="top")
    g.cell(len(lines) + 2, 1).font = Font(italic=True, size=9)
    g.column_dimensions["A"].width = 110
    return wb


# -- every unit's template from one made with openpyxl (issue 24) --------------------------
# Units' templates differ only in the unit's own texts (unit_values) and in the heights of
# the rows that hold them. openpyxl (31 ms a workbook) makes the template of a unit whose
# texts take as many lines as another's once; the other's file is that one with its texts
# put in their places (an inline string cell, the title in docProps/core.xml): the same
# bytes as openpyxl writes, about a tenth of the time. Anything that may be written
# otherwise (spaces at either end, control characters) is made with openpyxl.


def _xml_text(text) -> str | None:
    """`text` as openpyxl writes an element's text (&, <, > escaped), or None when it may
    write it otherwise (xml:space="preserve", control characters, an empty cell)."""
    if not isinstance(text, str) or not text or text != text.strip() or any(ch < " " for ch in text):
        return None
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class _Part:
    """One member of the workbook: its compressed bytes as they are, or its text cut at the unit's texts."""
    info: object  # zipfile.ZipInfo in the workbook made with openpyxl
    pieces: list | None = None  # [text, field, text, field, …, text] when it holds some of the unit's texts


class _Skeleton:
    """A unit's template, ready to take another unit's texts (None from make(): not usable)."""

    def __init__(self, data: bytes, parts: list[_Part]):
        self.data, self.parts = data, parts
        self.fields = {p for part in parts if part.pieces is not None for p in part.pieces[1::2]}

    @classmethod
    def make(cls, data: bytes, values: dict[str, str]) -> "_Skeleton | None":
        import zipfile

        texts = {f: _xml_text(v) for f, v in values.items()}
        if None in texts.values() or len(set(texts.values())) != len(texts):
            return None
        found = dict.fromkeys(texts, 0)
        parts = []
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            for info in src.infolist():
                body = src.read(info.filename).decode("utf-8")
                hits = sorted((m.start(), f) for f, t in texts.items()
                              for m in re.finditer(re.escape(f">{t}<"), body))
                if not hits:
                    parts.append(_Part(info))
                    continue
                pieces, at = [], 0
                for start, f in hits:
                    found[f] += 1
                    pieces += [body[at:start + 1], f]
                    at = start + 1 + len(texts[f])
                parts.append(_Part(info, pieces + [body[at:]]))
        if any(n != 1 for n in found.values()):  # a text of the plan's equal to the unit's: not told apart
            return None
        return cls(data, parts)

    def fill(self, values: dict[str, str]) -> bytes | None:
        """This template with the unit's texts `values`; None if one may be written otherwise,
        or if the unit has other texts than this template's (a unit given to no body, without
        the Ban's row, where this one has it)."""
        import zipfile

        texts = {f: _xml_text(v) for f, v in values.items()}
        if None in texts.values() or texts.keys() != self.fields:
            return None
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for part in self.parts:
                info = part.info
                fixed = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                fixed.compress_type = zipfile.ZIP_DEFLATED
                fixed.external_attr = info.external_attr
                if part.pieces is None:
                    xlsx.copy_deflated(dst, out, fixed, info, self.data)
                else:
                    body = "".join(texts[p] if i % 2 else p for i, p in enumerate(part.pieces))
                    dst.writestr(fixed, body.encode("utf-8"))
        return out.getvalue()


class TemplateMaker:
    """Every unit's template of one plan, dated `stamp`: the same bytes as template_xlsx.
    One per build (on the caller's object, not in this module): it keeps a template made
    with openpyxl for each shape of the units' texts (the lines each takes, xlsx.cell_lines)."""

    def __init__(self, site: Site, stamp: dt.datetime):
        self.site, self.stamp = site, stamp
        self.cells: dict[str, tuple] | None = None  # field -> (width, size, bold, wrap) of its cell
        self.skeletons: dict[tuple, _Skeleton | None] = {}
        self.made_with_openpyxl = 0

    def _shape(self, values: dict[str, str]) -> tuple:
        return tuple(xlsx.cell_lines(values[f], *cell) for f, cell in sorted(self.cells.items()))

    def make(self, code: str) -> bytes:
        values = unit_values(self.site, code)
        if self.cells is not None and self.cells.keys() <= values.keys():
            skeleton = self.skeletons.get(self._shape(values))
            done = skeleton.fill(values) if skeleton is not None else None
            if done is not None:
                return done
        wb = template_workbook(self.site, values, self.stamp)
        data = xlsx.save(wb, self.stamp)
        self.made_with_openpyxl += 1
        skeleton = _Skeleton.make(data, values)
        if skeleton is not None:
            cells = self._cells(wb, values)
            if self.cells is None:
                self.cells = cells
            if cells == self.cells:
                self.skeletons.setdefault(self._shape(values), skeleton)
        return data

    @staticmethod
    def _cells(wb, values: dict[str, str]) -> dict[str, tuple]:
        """Where each unit's text sits, as the row heights see it (xlsx.fit_row_heights)."""
        by_text = {v: f for f, v in values.items()}
        cells = {}
        for ws in wb.worksheets:
            widths = xlsx.column_widths(ws)
            spans = xlsx.cell_spans(ws, widths)
            for row in ws.iter_rows():
                for cell in row:
                    field = by_text.get(cell.value) if isinstance(cell.value, str) else None
                    if field is not None:
                        width = spans.get((cell.row, cell.column), widths.get(cell.column, xlsx.DEFAULT_WIDTH))
                        cells[field] = (width, float(cell.font.sz or 11), cell.font.b, cell.alignment.wrap_text)
        return cells
