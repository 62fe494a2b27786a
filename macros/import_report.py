"""Read a unit's filled Excel report template and write its results file.

    .venv/bin/python -m macros.import_report BAO-CAO.xlsx          # writes data/<plan>/ket-qua/<mã>.yaml
    .venv/bin/python -m macros.import_report BAO-CAO.xlsx --xem    # only prints the YAML
    .venv/bin/python -m macros.import_report BAO-CAO.xlsx --ghi-de # replaces an existing results file

The template is offered on each unit's page (macros/exports/template.py). The
values are checked with the same rules as a hand-written file (the model and
macros/results/checks.py); an error names the sheet, the row and the column.
The YAML written is what an editor writes by hand (macros/results/yamlout.py).
Exit 0 when written, 1 on errors (nothing written), 2 on a bad command line
or an internal error.

Files as offices make them: .xlsx (Excel), .ods (LibreOffice's own format) and
.xls (old Excel) are read with python-calamine; the kind is told by the file's
bytes, not its name. A CSV, a Word file, a truncated or a password-protected
file gets a Vietnamese message saying how to save it. Reading is bounded
(plausibility.MAX_ROWS rows a sheet, MAX_CELL_CHARS characters a cell, the
workbook's unpacked size) so a small file holding a huge cell ends at once; and
the YAML about to be written is read back through the data check itself
(read_yaml and the same model and rules) before it is written, so the import
never writes a file that `python -m macros.check` then refuses.

Cells an office fills in a way the model cannot understand are named for what
they are: merged cells, a formula saved without its value, TRUE/FALSE in a
count, a real date cell whose day and month could be swapped (a US-locale
LibreOffice reads 10/06/yyyy as 6 October), a unit code changed without its name,
data in a hidden row, column or sheet, and a sheet the template lacks that holds data.

The template records its plan (thu_muc) and the topic codes its numbers stand for
(«Thông tin» B11, B12): the import writes into that plan and refuses a template
whose topics have since changed. An existing results file is replaced only with
--ghi-de (the lines replaced are printed; the old file is kept as .<code>.yaml.bak,
a hidden name the loader ignores).
"""

import argparse
import datetime as dt
import html
import re
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from . import limits as limits_file
from . import plausibility as limits
from .errors import DataError, DataErrors, field_path, with_details
from .exports import template as T
from .guards import InternalError, reading
from .results import load, yamlout
from .loader import load_site, load_website
from .numbers import format_number
from .render import links
from .sections import section_number
from .text import fold
from .yamlsrc import read_yaml
from .results.model import has_selection, has_survey

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class SheetError(DataError):
    """A DataError in a spreadsheet: sheet, row and column instead of line and column."""

    sheet: str = ""
    header: str = ""

    def __str__(self) -> str:
        where = f"{self.file}, trang «{self.sheet}»" if self.sheet else self.file
        if self.line:
            where += f", dòng {self.line}"
        if self.column:
            where += f", cột {get_column_letter(self.column)}"
            if self.header:
                where += f" («{self.header}»)"
        text = f"{where}: {self.message}"
        return with_details(text, self.found, self.hint)


@dataclass
class SheetSource:
    """Like yamlsrc.YamlSource (data, positions, error()), positioned in a workbook:
    positions[path] = (sheet, row, column, header)."""

    path: str
    data: dict = field(default_factory=dict)
    positions: dict = field(default_factory=dict)
    coerced: dict = field(default_factory=dict)
    read_errors: list = field(default_factory=list)  # cells that could not be read (numbers, topic numbers)
    covered: set = field(default_factory=set)  # (sheet, row, column) already explained (merged, formula)

    def position(self, path: tuple):
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return ("", 0, 0, "")

    def error(self, path: tuple, message: str, found: str = "", hint: str = "") -> SheetError:
        sheet, row, col, header = self.position(path)
        return SheetError(self.path, row, col, field_path(path), message, found, hint, sheet=sheet, header=header)

    def label(self, path: tuple) -> str:
        """How a message names a field to a clerk: its column (or cell) and header,
        not the YAML key (results/checks.py asks for this when the source has it)."""
        sheet, row, col, header = self.position(path)
        if not col:
            return f"trang «{sheet}»" if sheet else field_path(path)
        where = f"ô {get_column_letter(col)}{row} trang «{sheet}»" if sheet == T.INFO else \
            f"cột {get_column_letter(col)} trang «{sheet}»"
        return f"{where} («{header}»)" if header else where


def _empty(value) -> bool:
    return value is None or value == ""


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    # '610: the apostrophe that keeps a typed value text (LibreOffice keeps it in a text cell).
    return " ".join(str(value).split()).removeprefix("'").strip()


def _date(value, errors: list, src: "SheetSource", path: tuple) -> str:
    """A date cell as the text the model reads ("10/6/yyyy"), from a text or a real date.
    A real date cell (not text) whose day is 12 or less could be day and month swapped:
    a LibreOffice or Excel set to US English stores «10/06/yyyy» as 6 October."""
    if isinstance(value, (dt.datetime, dt.date)):
        if value.day <= 12 and value.day != value.month:
            errors.append(src.error(path, f"Ô ngày này là ngày kiểu Excel (không phải chữ) và có thể bị đảo ngày với tháng: "
                                          f"đọc được là ngày {value.day} tháng {value.month} năm {value.year}, nhưng máy "
                                          f"đặt kiểu Mỹ (tháng/ngày) sẽ lưu «{value.month:02d}/{value.day:02d}/{value.year}» "
                                          f"như vậy.",
                                    found=f"{value.day:02d}/{value.month:02d}/{value.year}",
                                    hint=f"gõ lại ngày dạng chữ, có dấu nháy đơn ở đầu: '{value.day:02d}/{value.month:02d}/"
                                         f"{value.year} (hoặc '{value.month:02d}/{value.day:02d}/{value.year} nếu ý là ngày "
                                         f"{value.month} tháng {value.day}); ô ngày trong mẫu là ô chữ."))
        return f"{value.day}/{value.month}/{value.year}"
    text = _text(value)
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", text):
        text = text.replace(".", "/")  # 22.7.yyyy: day first, as Vietnamese dates are written
    return text


def _number(value, errors: list, src: SheetSource, path: tuple):
    """An integer from a number cell or a text like "5.000.000" / "5000000"; else None
    with an error naming what the cell holds."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        errors.append(src.error(path, "Ô chứa giá trị đúng/sai (TRUE/FALSE hay ĐÚNG/SAI), không phải một số.",
                                found=_text(value), hint="gõ số (ví dụ 120); không gõ TRUE, x hay dấu tích."))
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        errors.append(src.error(path, "Cần một số nguyên, không có phần lẻ.", found=str(value).replace(".", ",")))
        return None
    if isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        errors.append(src.error(path, "Ô số này đang ở định dạng ngày/giờ, không phải một số.", found=str(value),
                                hint="đặt lại định dạng ô là Số rồi gõ lại số."))
        return None
    text = _text(value).replace(" ", "").removesuffix("đồng").removesuffix("đ")
    if re.fullmatch(r"\d+|\d{1,3}(\.\d{3})+", text):
        return int(text.replace(".", ""))
    errors.append(src.error(path, "Cần một số nguyên (ví dụ 120, hoặc 5.000.000 cho số tiền).", found=_text(value)))
    return None


# -- reading the workbook ------------------------------------------------------------
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and an encrypted .xlsx
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream of a password-protected .xlsx
HOW_TO_SAVE = ("mở tệp bằng Excel hoặc LibreOffice, chọn Tệp › Lưu thành (Save As), kiểu «Sổ làm việc Excel (.xlsx)» "
               "hoặc «Bảng tính ODF (.ods)», rồi nhập tệp vừa lưu.")


@dataclass
class Sheet:
    """One sheet as read: values by (row, column), both from 1; merged ranges
    (row1, col1, row2, col2); formulas saved without a value {(row, column): formula}."""

    name: str
    rows: list
    merged: list = field(default_factory=list)
    uncached: dict = field(default_factory=dict)  # (row, col) -> (formula, error value or None)
    hidden_rows: set = field(default_factory=set)  # .xlsx: rows hidden in the file
    hidden_cols: set = field(default_factory=set)

    def value(self, row: int, col: int):
        if row - 1 < len(self.rows) and col - 1 < len(self.rows[row - 1]):
            value = self.rows[row - 1][col - 1]
            return None if value == "" else value
        return None

    @property
    def max_row(self) -> int:
        return len(self.rows)


def _refuse(display: str, message: str, hint: str = "", sheet: str = "", row: int = 0, col: int = 0) -> DataErrors:
    return DataErrors([SheetError(display, row, col, "", message, hint=hint, sheet=sheet)])


_TAG = {"sheet": re.compile(rb"<sheet\b([^>]*)>"), "rel": re.compile(rb"<Relationship\b([^>]*)>")}


def _attr(attrs: bytes, name: bytes) -> bytes:
    found = re.search(rb'(?:^|\s)' + re.escape(name) + rb'="([^"]*)"', attrs)
    return found.group(1) if found else b""


_CELL_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_HIDDEN_COL = re.compile(rb'<col\b[^>]*?\bhidden="(?:1|true)"[^>]*>')

# A workbook of the template has five sheets; a few more (a copy, a note) are fine.
MAX_SHEETS = 50
# Rows of one list sheet (Địa bàn, Hội nghị, Kinh phí): what a list of a results file
# may hold (macros/limits.py MAX_RESULT_ITEMS, the data check's own limit), checked
# before the rows are read (49,000 filled rows took 56 s before they were refused).
MAX_LIST_ROWS = limits_file.MAX_RESULT_ITEMS


def _sheet_key(name: str) -> str:
    """A sheet name as another program may save it: decomposed accents, spaces around, another case."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def _too_many_rows(display: str, sheet: str, rows: int) -> DataErrors:
    return _refuse(display, f"Trang có dữ liệu đến dòng {format_number(rows)}; một trang danh sách của mẫu báo cáo "
                            f"đọc tối đa {format_number(MAX_LIST_ROWS)} dòng (dòng 2 đến dòng "
                            f"{format_number(MAX_LIST_ROWS + 1)}), vì một tệp kết quả không chứa được nhiều hơn.",
                   hint="xóa các dòng thừa hay dán nhầm ở cuối trang (Ctrl+End để tìm ô cuối); nếu thật có nhiều "
                        "dòng như vậy, gửi cho người quản lý website.", sheet=sheet, row=MAX_LIST_ROWS + 2)


def _xlsx_extent(path: Path, display: str) -> dict:
    """The used area of every sheet of an .xlsx, from its cell references, before any
    reader builds it: a note typed in XFD2000 makes a 2,000 x 16,384 grid (calamine
    builds it whole, seconds and hundreds of MB), so it is refused first, by name; so
    are more than MAX_SHEETS sheets and a list sheet longer than MAX_LIST_ROWS.
    Returns {sheet key: (hidden rows, hidden columns)} (see _sheet_key)."""
    from openpyxl.utils import column_index_from_string

    hidden: dict = {}
    lists = {_sheet_key(n) for n in T.COLUMNS}
    try:
        with zipfile.ZipFile(path) as archive:
            parts = set(archive.namelist())  # once: a set, not a list per sheet (30,000 sheets)
            book = archive.read("xl/workbook.xml")
            rels = archive.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in parts else b""
            targets = {_attr(a, b"Id"): _attr(a, b"Target").decode() for a in _TAG["rel"].findall(rels)}
            entries = _TAG["sheet"].findall(book)
            if len(entries) > MAX_SHEETS:
                raise _too_many_sheets(display, len(entries))
            for name, rid in ((_attr(a, b"name"), _attr(a, b"r:id")) for a in entries):
                target = targets.get(rid, "")
                part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                if part not in parts:
                    continue
                rows = cols = 0
                hidden_rows, hidden_cols = set(), set()
                with archive.open(part) as f:
                    tail = b""
                    while chunk := f.read(1 << 20):
                        data = tail + chunk
                        for col, row in _CELL_REF.findall(data):
                            rows, cols = max(rows, int(row)), max(cols, column_index_from_string(col.decode()))
                        for tag in _HIDDEN_ROW.findall(data):
                            if (r := _attr(tag, b"r")).isdigit():
                                hidden_rows.add(int(r))
                        for tag in _HIDDEN_COL.findall(data):
                            lo, hi = _attr(tag, b"min"), _attr(tag, b"max")
                            if lo.isdigit() and hi.isdigit():
                                hidden_cols.update(range(int(lo), min(int(hi), 64) + 1))
                        tail = data[-512:]
                sheet = " ".join(name.decode("utf-8", "replace").split())
                hidden[_sheet_key(sheet)] = (hidden_rows, hidden_cols)
                if _sheet_key(sheet) in lists and rows > MAX_LIST_ROWS + 1:
                    raise _too_many_rows(display, sheet, rows)
                if rows > limits.MAX_ROWS or rows * cols > limits.MAX_CELLS:
                    raise _refuse(display, f"Trang có dữ liệu trải đến dòng {format_number(rows)}, cột "
                                           f"{get_column_letter(min(cols, 16384))}: quá lớn cho một mẫu báo cáo (tối đa "
                                           f"{format_number(limits.MAX_ROWS)} dòng, {format_number(limits.MAX_CELLS)} ô).",
                                  hint="xóa các ô ghi nhầm ở xa bên phải hoặc xa phía dưới (Ctrl+End để tìm ô cuối).",
                                  sheet=sheet)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, NotImplementedError):
        return hidden  # the reader says what is wrong with the file
    return hidden


_ODS_TAG = re.compile(rb'<table:(table-row|table-column|table)(?=[\s/>])([^>]*)>')


def _ods_hidden(path: Path) -> dict:
    """{sheet key: (hidden rows, hidden columns)} of an .ods (table:visibility="collapse"
    or "filter" on a row or column), counted through number-rows/columns-repeated."""
    hidden: dict = {}
    try:
        with zipfile.ZipFile(path) as archive:
            content = archive.read("content.xml")  # bounded: _kind checked the unpacked size
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, NotImplementedError):
        return hidden
    rows = cols = None
    row = col = 0
    for found in _ODS_TAG.finditer(content):
        kind, attrs = found.group(1), found.group(2)
        if kind == b"table":
            name = _attr(attrs, b"table:name").decode("utf-8", "replace")
            rows, cols = hidden.setdefault(_sheet_key(html.unescape(name)), (set(), set()))
            row = col = 0
            continue
        if rows is None:
            continue
        repeat = _attr(attrs, b"table:number-rows-repeated" if kind == b"table-row" else b"table:number-columns-repeated")
        count = int(repeat) if repeat.isdigit() else 1
        shut = _attr(attrs, b"table:visibility") in (b"collapse", b"filter")
        if kind == b"table-row":
            if shut and row < limits.MAX_ROWS:
                rows.update(range(row + 1, min(row + count, limits.MAX_ROWS) + 1))
            row += count
        else:
            if shut and col < 64:
                cols.update(range(col + 1, min(col + count, 64) + 1))
            col += count
    return hidden


def _too_many_sheets(display: str, count: int) -> DataErrors:
    return _refuse(display, f"Tệp có {format_number(count)} trang; mẫu báo cáo có 5 trang (đọc tối đa {MAX_SHEETS} trang).",
                   hint="dùng mẫu báo cáo tải từ website; xóa các trang thừa.")


def _kind(path: Path, display: str) -> tuple[str, dict]:
    """("xlsx", "ods" or "xls", told by the bytes; hidden rows and columns of an .xlsx
    by sheet); anything else is refused with how to save it."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise _refuse(display, f"Không mở được tệp ({exc.strerror or type(exc).__name__}).") from None
    if size == 0:
        raise _refuse(display, "Tệp rỗng (0 byte).", hint="tải lại hoặc lưu lại tệp báo cáo.")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                infos = archive.infolist()
                names = {i.filename for i in infos}
                unpacked = sum(i.file_size for i in infos)
                mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
                manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
        except (zipfile.BadZipFile, EOFError, OSError, KeyError, ValueError, NotImplementedError):
            raise _refuse(display, "Tệp bị hỏng hoặc không trọn vẹn (có thể tải về hay chép chưa xong).",
                          hint="mở tệp gốc bằng Excel hoặc LibreOffice và lưu lại; nếu không mở được, xin đơn vị gửi lại tệp.") from None
        if unpacked > limits.MAX_UNPACKED_BYTES:
            raise _refuse(display, f"Tệp chứa quá nhiều dữ liệu ({unpacked // 1_000_000} MB khi giải nén); một mẫu báo cáo "
                                   f"chỉ vài chục kB.", hint="kiểm tra có ô nào bị dán nhầm cả một văn bản dài; "
                                                         "dùng mẫu báo cáo tải từ website.")
        if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
            if b"encryption-data" in manifest:
                raise _refuse(display, "Tệp có đặt mật khẩu, chương trình không đọc được.",
                              hint="mở bằng LibreOffice, bỏ mật khẩu (Tệp › Thuộc tính › Bảo mật, hoặc Lưu thành, bỏ chọn "
                                   "«Lưu với mật khẩu»), lưu lại rồi nhập.")
            return "ods", _ods_hidden(path)
        if "xl/workbook.xml" in names:
            return "xlsx", _xlsx_extent(path, display)
        if "xl/workbook.bin" in names:
            raise _refuse(display, "Tệp Excel nhị phân (.xlsb) chưa đọc được.", hint=HOW_TO_SAVE)
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text") or "word/document.xml" in names:
            raise _refuse(display, "Đây là tệp văn bản (Word hoặc Writer), không phải bảng tính theo mẫu báo cáo.",
                          hint="điền số liệu vào mẫu báo cáo Excel tải từ trang của đơn vị trên website.")
        raise _refuse(display, "Tệp nén này không phải bảng tính Excel hay LibreOffice.", hint=HOW_TO_SAVE)
    if head.startswith(OLE_MAGIC):
        with path.open("rb") as f:
            data = f.read(min(size, limits.MAX_UNPACKED_BYTES))
        if ENCRYPTED in data:
            raise _refuse(display, "Tệp có đặt mật khẩu, chương trình không đọc được.",
                          hint="mở bằng Excel, chọn Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật "
                               "khẩu, lưu lại rồi nhập (LibreOffice: Lưu thành, bỏ chọn «Lưu với mật khẩu»).")
        if size > limits.MAX_UNPACKED_BYTES:
            raise _refuse(display, f"Tệp quá lớn ({size // 1_000_000} MB); một mẫu báo cáo chỉ vài chục kB.")
        return "xls", {}
    sample = head.lower()
    if path.suffix.lower() in (".csv", ".txt") or sample[:1].isalnum() or sample.startswith(b"\xef\xbb\xbf"):
        raise _refuse(display, "Tệp CSV (chữ thuần) chỉ giữ được một trang, còn mẫu báo cáo có nhiều trang "
                               "(Thông tin, Địa bàn, Hội nghị, Kinh phí).",
                      hint="điền vào mẫu báo cáo Excel tải từ trang của đơn vị, rồi " + HOW_TO_SAVE)
    raise _refuse(display, "Tệp này không phải bảng tính Excel (.xlsx, .xls) hay LibreOffice (.ods).", hint=HOW_TO_SAVE)


def _calamine_errors():
    import python_calamine as c

    return tuple(getattr(c, name) for name in ("CalamineError", "PasswordError", "XmlError", "ZipError",
                                                "WorksheetNotFound", "WorkbookClosed") if hasattr(c, name))


def _formula_cells(path: Path, sheets: dict, actual: dict) -> None:
    """xlsx: formulas saved without their computed value (a file written by a program,
    never opened in Excel) or whose value is an error (#DIV/0!). calamine reads an
    empty cell there; openpyxl sees the formula and the value saved with it."""
    from openpyxl import load_workbook

    found: dict = {}
    try:
        for data_only in (False, True):
            if data_only and not found:
                break  # no formula: the workbook is loaded once
            wb = load_workbook(path, read_only=True, data_only=data_only)
            try:
                for name in sheets:
                    if actual[name] not in wb.sheetnames:
                        continue
                    for row in wb[actual[name]].iter_rows(max_row=limits.MAX_ROWS + 1):
                        for cell in row:
                            if not hasattr(cell, "row"):
                                continue  # an EmptyCell of a read-only sheet
                            key = (name, cell.row, cell.column)
                            if not data_only and getattr(cell, "data_type", None) == "f":
                                found[key] = [str(cell.value)[:80], None]
                            elif data_only and key in found:
                                found[key][1] = cell.value
            finally:
                wb.close()
    except Exception:  # noqa: BLE001 - calamine has read the file; this is a second look only
        return
    for (name, row, col), (formula, cached) in found.items():
        if _empty(sheets[name].value(row, col)):
            sheets[name].uncached[(row, col)] = (formula, cached if isinstance(cached, str) and cached.startswith("#") else None)


def read_book(path: Path, display: str, names) -> dict:
    """The sheets `names` of the workbook (those present), bounded; raises DataErrors
    with a Vietnamese message for a file that is not a readable spreadsheet."""
    kind, hidden = _kind(path, display)
    from python_calamine import CalamineWorkbook

    errors = _calamine_errors()
    with path.open("rb") as f:
        sheets = _read_sheets(CalamineWorkbook, f, path, display, names, kind, errors)
    for name, sheet in sheets.items():
        sheet.hidden_rows, sheet.hidden_cols = hidden.get(_sheet_key(name), (set(), set()))
    return sheets


def _hidden_and_extra_sheets(book, present: list, names, display: str, errors) -> list:
    """A hidden sheet the import would read (the clerk worked in a visible copy), and a
    sheet the template does not have that holds data: refused, by name."""
    wanted = {_sheet_key(n) for n in names} | {_sheet_key(T.GUIDE)}
    out = []
    try:
        visible = {m.name: str(m.visible).rsplit(".", 1)[-1] == "Visible" for m in book.sheets_metadata}
    except (AttributeError, *errors):
        visible = {}
    for actual in present:
        key = _sheet_key(actual)
        if key in wanted and key != _sheet_key(T.GUIDE) and not visible.get(actual, True):
            out.append(SheetError(display, 0, 0, "", "Trang này đang bị ẩn: chương trình đọc nó, nhưng người điền "
                                                     "không thấy nó (có thể đã điền vào một bản sao của trang).",
                                  hint="hiện trang (chuột phải vào tên trang › Hiện/Unhide), kiểm tra số liệu trong "
                                       "đó là số liệu cần gửi; xóa các bản sao.", sheet=actual))
        if key in wanted:
            continue
        try:
            ws = book.get_sheet_by_name(actual)
            # Row by row, to the first value: 50 sheets of a million empty cells stay quick.
            has_data = bool(ws.end) and any(any(not _empty(v) for v in row) for row in ws.iter_rows())
        except errors:
            has_data = True
        if has_data:
            near = next((n for n in (*names, ) if _sheet_key(n) in key), None)
            out.append(SheetError(display, 0, 0, "", "Trang này không có trong mẫu báo cáo nhưng có dữ liệu; chương "
                                                     "trình không đọc nó."
                                  + (f" Số liệu phải ở trang «{near}»." if near else ""),
                                  hint="chép số liệu cần gửi vào đúng trang của mẫu rồi xóa trang này.", sheet=actual))
    return out


def _read_sheets(CalamineWorkbook, f, path, display, names, kind, errors) -> dict:
    try:
        book = CalamineWorkbook.from_filelike(f)  # the format told by the bytes, as _kind did
        present = list(book.sheet_names)
    except errors as exc:
        if type(exc).__name__ == "PasswordError":
            raise _refuse(display, "Tệp có đặt mật khẩu, chương trình không đọc được.",
                          hint="bỏ mật khẩu trong Excel hoặc LibreOffice, lưu lại rồi nhập.") from None
        raise _refuse(display, "Tệp bị hỏng hoặc không trọn vẹn (có thể tải về hay chép chưa xong).",
                      hint="mở tệp gốc bằng Excel hoặc LibreOffice và lưu lại; nếu không mở được, xin đơn vị gửi lại tệp.") from None
    except (OSError, ValueError, EOFError):
        raise _refuse(display, "Tệp bị hỏng hoặc không trọn vẹn (có thể tải về hay chép chưa xong).",
                      hint="mở tệp gốc bằng Excel hoặc LibreOffice và lưu lại.") from None
    if len(present) > MAX_SHEETS:
        raise _too_many_sheets(display, len(present))
    sheets = {}
    problems = _hidden_and_extra_sheets(book, present, names, display, errors)
    by_key = {_sheet_key(n): n for n in present}
    for name in names:
        actual = by_key.get(name.casefold())
        if actual is None:
            continue
        try:
            ws = book.get_sheet_by_name(actual)
            height, width = ((ws.end[0] + 1), (ws.end[1] + 1)) if ws.end else (0, 0)
            if name in T.COLUMNS and height > MAX_LIST_ROWS + 1:
                problems += _too_many_rows(display, name, height).errors
                continue
            if height > limits.MAX_ROWS:
                problems.append(SheetError(display, 0, 0, "", f"Trang có {format_number(height)} dòng; mẫu báo cáo đọc "
                                                              f"tối đa {format_number(limits.MAX_ROWS)} dòng.",
                                           hint="xóa các dòng thừa ở cuối trang (chọn các dòng trống, Xóa dòng).", sheet=name))
                continue
            if height * width > limits.MAX_CELLS:
                problems.append(SheetError(display, 0, 0, "", f"Trang có dữ liệu trải đến dòng {format_number(height)}, "
                                                              f"cột {get_column_letter(min(width, 16384))}: quá rộng cho một "
                                                              f"mẫu báo cáo (tối đa {format_number(limits.MAX_CELLS)} ô).",
                                           hint="xóa các ô ghi nhầm ở xa bên phải hoặc xa phía dưới (Ctrl+End để tìm ô cuối).",
                                           sheet=name))
                continue
            rows = ws.to_python(skip_empty_area=False, nrows=limits.MAX_ROWS)
        except errors:
            raise _refuse(display, "Tệp bị hỏng hoặc không trọn vẹn (có thể tải về hay chép chưa xong).",
                          hint="mở tệp gốc bằng Excel hoặc LibreOffice và lưu lại.", sheet=name) from None
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if isinstance(value, str) and len(value) > limits.MAX_CELL_CHARS:
                    problems.append(SheetError(display, r, c, "", f"Ô chứa {format_number(len(value))} ký tự; một ô "
                                                                  f"đọc tối đa {format_number(limits.MAX_CELL_CHARS)} ký tự.",
                                               hint="chỉ ghi tóm tắt; xóa phần văn bản dán nhầm.", sheet=name))
                    row[c - 1] = ""
        merged = [(a[0] + 1, a[1] + 1, b[0] + 1, b[1] + 1) for a, b in (ws.merged_cell_ranges or [])]
        sheets[name] = Sheet(name, rows, merged)
    if problems:
        raise DataErrors(problems)
    if kind == "xlsx":
        _formula_cells(path, sheets, {name: by_key[_sheet_key(name)] for name in sheets})
    return sheets


def _range(r1, c1, r2, c2) -> str:
    return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"


def _cell_problems(sheet: Sheet, display: str, rows: range, cols: range, headers: dict, covered: set) -> list:
    """Merged cells and formulas without a value inside the area the import reads."""
    out = []
    for r1, c1, r2, c2 in sheet.merged:
        if r2 < rows.start or r1 >= rows.stop or c2 < cols.start or c1 >= cols.stop:
            continue
        header = headers.get(c1, "")
        out.append(SheetError(display, r1, c1, "", f"Các ô {_range(r1, c1, r2, c2)} đã bị gộp (merge) thành một ô: chỉ ô "
                                                   f"đầu có giá trị, các dòng và cột còn lại thành trống.",
                              hint="bỏ gộp ô (Excel: Trang đầu › Gộp và căn giữa › Bỏ gộp; LibreOffice: Định dạng › Gộp ô › "
                                   "Bỏ gộp) rồi ghi giá trị vào từng ô, kể cả khi nhiều dòng cùng một ngày.",
                              sheet=sheet.name, header=header))
        covered.update((sheet.name, r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1))
    for (r, c), (formula, error) in sorted(sheet.uncached.items()):
        if r in rows and c in cols:
            if error:
                message, hint = (f"Công thức trong ô cho kết quả lỗi {error}, không phải một giá trị.",
                                 "sửa công thức, hoặc gõ giá trị thay cho công thức.")
            else:
                message, hint = ("Ô có công thức nhưng tệp không lưu kết quả tính của công thức (tệp được tạo "
                                 "bằng chương trình không tính công thức).",
                                 "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại (để tính công thức), hoặc gõ giá "
                                 "trị thay cho công thức.")
            out.append(SheetError(display, r, c, "", message, found=formula, hint=hint,
                                  sheet=sheet.name, header=headers.get(c, "")))
            covered.add((sheet.name, r, c))
    return out


def _unit_name_matches(text: str, unit) -> bool:
    names = {fold(links.unit_title(unit)), fold(unit.ten), fold(unit.ten_chinh_thuc),
             *(fold(n) for n in unit.ten_khac), *(fold(f"{unit.cap} {n}") for n in unit.ten_khac)}
    return fold(text) in names


def _topics(value, site, errors, src, path) -> list[str]:
    """"1; 3" (numbers of section II) or topic codes -> codes."""
    codes = [t.ma for t in site.plan.noi_dung.muc]
    out = []
    for part in [p.strip() for p in re.split(r"[;,]", _text(value)) if p.strip()]:
        if part.isdigit() and 1 <= int(part) <= len(codes):
            out.append(codes[int(part) - 1])
        elif part.isdigit():
            errors.append(src.error(path, f"Mục {section_number(site, 'noi_dung')} của kế hoạch chỉ có nội dung 1 đến {len(codes)}.", found=part))
        else:
            out.append(part)  # a code (or a near miss the checks name)
    return out


def _sender(site):
    """Who sends a unit's report as the plan's data says (bao_cao › nguoi_gui): "ban", "don_vi" or None."""
    org = site.plan.to_chuc_thuc_hien
    return org.bao_cao.nguoi_gui if org is not None and org.bao_cao is not None else None


def _department(value: str, site) -> str:
    """A department written by name ("Ban Phong trào") or code -> its code."""
    for d in site.departments:
        if fold(value) in (fold(d.ten), fold(d.ma)) or (d.viet_tat and fold(value) == fold(d.viet_tat)):
            return d.ma
    return value


NAMES = (T.INFO, *T.COLUMNS)
REFRESH = "tải mẫu báo cáo mới từ trang của đơn vị trên website, chép số liệu sang rồi nhập lại."


def read_workbook(path: Path) -> dict:
    """The template's sheets, read once (raises DataErrors: unreadable file, missing sheet)."""
    display = Path(path).name
    book = read_book(Path(path), display, NAMES)
    # «Địa bàn» only in the template of a plan whose units choose places (T.template_workbook): read_template
    # asks for it when the plan has them.
    missing = [name for name in NAMES if name not in book and name != T.AREAS]
    if missing:
        raise DataErrors([SheetError(display, 0, 0, "", f"Thiếu trang «{name}» của mẫu báo cáo.",
                                     hint="dùng đúng mẫu tải từ trang của đơn vị; không đổi tên các trang.")
                          for name in missing])
    return book


def _record(book: dict, key: str) -> tuple[str, int]:
    row = T.INFO_KEYS[key].row
    label = _text(book[T.INFO].value(row, 1))
    # An older template has no such row: its label cell is not the label.
    return (_text(book[T.INFO].value(row, 2)) if label == T.INFO_KEYS[key].label else None), row


def plan_of(book: dict, website, display: str):
    """The plan the template was made for (its «Kế hoạch của mẫu» cell); an older template
    without it goes to the only plan, and is refused when the website has several."""
    recorded, row = _record(book, "ke_hoach")
    plans = website.plans
    listed = "; ".join(f"«{s.key}» ({s.entry.ten})" if s.entry else f"«{s.key}»" for s in plans)
    if recorded is None or recorded == "":
        if len(plans) == 1:
            return plans[0]
        raise _refuse(display, f"Mẫu báo cáo không ghi nó thuộc kế hoạch nào (mẫu cũ, hoặc ô B{row} bị xóa), mà website "
                               f"có {len(plans)} kế hoạch: {listed}.", hint=REFRESH, sheet=T.INFO, row=row, col=2)
    found = next((s for s in plans if s.key == recorded), None)
    if found is None:
        raise _refuse(display, f"Mẫu báo cáo thuộc kế hoạch «{recorded}», nhưng website không có kế hoạch này (các kế "
                               f"hoạch trên website: {listed}).", hint=REFRESH, sheet=T.INFO, row=row, col=2)
    return found


def _topic_record_errors(book: dict, site, display: str) -> list:
    """The template's numbers 1, 2, 3… mean the topics recorded in it; refused when the plan
    has since reordered, added or removed topics (a «1» would mean another topic)."""
    recorded, row = _record(book, "ma_noi_dung")
    if recorded is None or recorded == T.topic_record(site):
        return []
    return [SheetError(display, row, 2, "", f"Mẫu báo cáo được tạo khi mục {section_number(site, 'noi_dung')} của kế hoạch có "
                                            "các nội dung khác hoặc theo thứ tự khác bây giờ: số thứ tự ở cột "
                                            f"«{T.contents_header(site.plan)}» sẽ chỉ sai nội dung.",
                       found=recorded, hint=f"hiện nay là: {T.topic_record(site)}. " + REFRESH, sheet=T.INFO,
                       header=T.INFO_KEYS["ma_noi_dung"].label)]


def _hidden_errors(book: dict, display: str) -> list:
    """Data in a hidden row or column the import reads: the clerk does not see what is sent."""
    out = []
    for name in (n for n in NAMES if n in book):
        ws = book[name]
        if name == T.INFO:
            rows = [r.row for r in T.INFO_ROWS if r.key not in T.RECORD_KEYS]
            cols = [2]
        else:
            rows, cols = list(range(2, ws.max_row + 1)), list(range(1, len(T.COLUMNS[name]) + 1))
        for r in sorted(set(rows) & ws.hidden_rows):
            if any(not _empty(ws.value(r, c)) for c in cols):
                out.append(SheetError(display, r, 0, "", "Dòng này đang bị ẩn nhưng có dữ liệu: chương trình đọc nó, "
                                                         "người xem tệp thì không thấy.",
                                      hint="hiện dòng (chọn các dòng quanh nó, chuột phải › Hiện/Unhide), rồi giữ "
                                           "hoặc xóa dữ liệu trong đó.", sheet=name))
        for c in sorted(set(cols) & ws.hidden_cols):
            if any(not _empty(ws.value(r, c)) for r in rows):
                out.append(SheetError(display, 0, c, "", "Cột này đang bị ẩn nhưng có dữ liệu: chương trình đọc nó, "
                                                         "người xem tệp thì không thấy.",
                                      hint="hiện cột (chuột phải vào tên cột › Hiện/Unhide) và kiểm tra.", sheet=name))
    return out


def read_template(path: Path, site, book: dict | None = None) -> SheetSource:
    """The workbook as the dict a hand-written results file would give, with positions."""
    display = path.name
    src = SheetSource(display)
    book = book if book is not None else read_workbook(path)
    recorded, row = _record(book, "ke_hoach")
    if recorded and site.key and recorded != site.key:
        raise _refuse(display, f"Mẫu báo cáo thuộc kế hoạch «{recorded}», không phải kế hoạch «{site.key}».",
                      hint=REFRESH, sheet=T.INFO, row=row, col=2)
    errors: list[DataError] = _hidden_errors(book, display) + _topic_record_errors(book, site, display)
    headed = T.sheet_columns(site.plan, site.units_file)  # the headers with the plan's words, as its template writes them
    info = book[T.INFO]
    first, last = min(r.row for r in T.INFO_ROWS), max(r.row for r in T.INFO_ROWS)
    errors += _cell_problems(info, display, range(first, last + 1), range(2, 3),
                             {2: ""}, src.covered)

    def cell(key):
        r = T.INFO_KEYS[key]
        return info.value(r.row, 2), (T.INFO, r.row, 2, r.label)

    data: dict = {}
    value, pos = cell("don_vi")
    data["don_vi"] = _text(value)
    src.positions[("don_vi",)] = pos
    # The code cell says whose report this is; the name cell must say the same
    # (a template copied from another unit with only the code changed).
    name, pos_name = cell("ten")
    codes = {u.ma: u for u in site.units}
    if data["don_vi"] in codes:
        unit = codes[data["don_vi"]]
        if not _unit_name_matches(_text(name), unit):
            other = next((u for u in site.units if _text(name) and _unit_name_matches(_text(name), u)), None)
            said = f"«{_text(name)}»" + (f" (mã {other.ma})" if other else "") if _text(name) else "để trống"
            errors.append(SheetError(display, pos[1], 2, "", f"Mã đơn vị «{unit.ma}» là {links.unit_title(unit)}, nhưng ô "
                                                            f"B{pos_name[1]} (tên đơn vị) {said}: mã và tên không khớp.",
                                     found=unit.ma, sheet=T.INFO, header=pos[3],
                                     hint=(f"nếu đây là báo cáo của {links.unit_title(other)}, sửa mã thành «{other.ma}»; "
                                           if other else "") + "tốt nhất dùng mẫu tải từ đúng trang của đơn vị, không sửa "
                                                              "ô mã và ô tên."))

    # Lists: one row per item, empty rows skipped.
    def rows(sheet):
        ws = book[sheet]
        columns = headed[sheet]
        kept = {key for _, key, _ in columns}  # the columns this plan's template has (T.sheet_columns)
        patterns = [c for c in T.COLUMNS[sheet] if c[1] in kept]
        for (header, _, _), (pattern, _, _), i in zip(columns, patterns, range(1, len(columns) + 1)):
            found = ws.value(1, i)
            # Other words in a header the plan words (a template made before they changed) are fine.
            if _text(found) != header and not T.header_fits(pattern, _text(found)):
                errors.append(SheetError(display, 1, i, "", f"Tiêu đề cột đã bị đổi: cần «{header}».",
                                         found=_text(found), sheet=sheet, header=header))
        errors.extend(_cell_problems(ws, display, range(2, ws.max_row + 1), range(1, len(columns) + 1),
                                     {i: h for i, (h, _, _) in enumerate(columns, 1)}, src.covered))
        for row in range(2, ws.max_row + 1):
            values = [ws.value(row, i) for i in range(1, len(columns) + 1)]
            if all(_text(v) == "" for v in values) and not any((sheet, row, c) in src.covered
                                                               for c in range(1, len(columns) + 1)):
                continue
            yield row, values

    areas = []
    if T.AREAS not in book and has_selection(site):
        errors.append(SheetError(display, 0, 0, "", f"Thiếu trang «{T.AREAS}» của mẫu báo cáo.",
                                 hint="dùng đúng mẫu tải từ trang của đơn vị; không đổi tên các trang."))
    for row, values in rows(T.AREAS) if T.AREAS in book else ():
        path = ("dia_ban", len(areas))
        item = {"xa": _text(values[0])}
        src.positions[path] = (T.AREAS, row, 1, headed[T.AREAS][0][0])
        src.positions[path + ("xa",)] = (T.AREAS, row, 1, headed[T.AREAS][0][0])
        kdc = [p.strip() for p in _text(values[1]).split(";") if p.strip()]
        if kdc:
            item["khu_dan_cu"] = kdc
            src.positions[path + ("khu_dan_cu",)] = (T.AREAS, row, 2, headed[T.AREAS][1][0])
            for j in range(len(kdc)):
                src.positions[path + ("khu_dan_cu", j)] = (T.AREAS, row, 2, headed[T.AREAS][1][0])
        areas.append(item)
    if areas:
        data["dia_ban"] = areas
        src.positions[("dia_ban",)] = (T.AREAS, 2, 1, "")

    for key, path in (("khao_sat_ngay", ("khao_sat", "ngay")), ("khao_sat_ket_qua", ("khao_sat", "ket_qua")),
                      ("giai_trinh", ("kinh_phi", "giai_trinh")), ("ngay_gui", ("bao_cao", "ngay_gui")),
                      ("ban", ("bao_cao", "ban"))):
        src.positions[path] = cell(key)[1]  # named in messages even while empty
    day, pos_day = cell("khao_sat_ngay")
    found, pos_found = cell("khao_sat_ket_qua")
    if (_text(day) or _text(found)) and has_survey(site):  # no survey step: its rows are not the template's
        src.positions[("khao_sat",)] = pos_day
        src.positions[("khao_sat", "ngay")] = pos_day
        data["khao_sat"] = {"ngay": _date(day, errors, src, ("khao_sat", "ngay")), "ket_qua": _text(found)}
        src.positions[("khao_sat", "ngay")] = pos_day
        src.positions[("khao_sat", "ket_qua")] = pos_found

    confs = []
    cols = headed[T.CONFERENCES]
    for row, values in rows(T.CONFERENCES):
        path = ("hoi_nghi", len(confs))
        src.positions[path] = (T.CONFERENCES, row, 1, cols[0][0])
        for i, (header, key, _) in enumerate(cols, 1):
            src.positions[path + (key,)] = (T.CONFERENCES, row, i, header)
        at = {key: i for i, (_, key, _) in enumerate(cols)}  # no count apart when the plan names no group
        item = {"ngay": _date(values[at["ngay"]], errors, src, path + ("ngay",)), "dia_diem": _text(values[at["dia_diem"]]),
                "so_nguoi": _number(values[at["so_nguoi"]], errors, src, path + ("so_nguoi",))}
        if "so_nguoi_dtts" in at:
            item["so_nguoi_dtts"] = _number(values[at["so_nguoi_dtts"]], errors, src, path + ("so_nguoi_dtts",))
        item["noi_dung"] = _topics(values[at["noi_dung"]], site, errors, src, path + ("noi_dung",))
        for j in range(len(item["noi_dung"])):
            src.positions[path + ("noi_dung", j)] = (T.CONFERENCES, row, at["noi_dung"] + 1, cols[at["noi_dung"]][0])
        confs.append(item)
    if confs:
        data["hoi_nghi"] = confs
        src.positions[("hoi_nghi",)] = (T.CONFERENCES, 2, 1, "")

    spending: dict = {}
    items = []
    cols = headed[T.SPENDING]
    for row, values in rows(T.SPENDING):
        path = ("kinh_phi", "chi", len(items))
        src.positions[path] = (T.SPENDING, row, 1, cols[0][0])
        for i, (header, key, _) in enumerate(cols, 1):
            src.positions[path + (key,)] = (T.SPENDING, row, i, header)
        item = {"so_tien": _number(values[0], errors, src, path + ("so_tien",)), "chung_tu": _text(values[1])}
        if _text(values[2]):
            item["noi_dung"] = _text(values[2])
        items.append(item)
    if items:
        spending["chi"] = items
        src.positions[("kinh_phi", "chi")] = (T.SPENDING, 2, 1, "")
        src.positions[("kinh_phi",)] = (T.SPENDING, 2, 1, "")
    note, pos = cell("giai_trinh")
    if _text(note):
        spending["giai_trinh"] = _text(note)
        src.positions[("kinh_phi", "giai_trinh")] = pos
    if spending:
        data["kinh_phi"] = spending

    sent, pos_sent = cell("ngay_gui")
    dept, pos_dept = cell("ban")
    if _text(sent):
        src.positions[("bao_cao",)] = pos_sent
        src.positions[("bao_cao", "ngay_gui")] = pos_sent
        data["bao_cao"] = {"ngay_gui": _date(sent, errors, src, ("bao_cao", "ngay_gui"))}
        # The cell is the Ban (the person) the plan gives the unit, pre-filled: the sender only where the plan's data
        # says the Bans report (review r19o #8: a Phó Chủ tịch recorded as sender where the khu phố's Ban reports).
        if _sender(site) == "ban":
            data["bao_cao"]["ban"] = _department(_text(dept), site)
        src.positions[("bao_cao", "ngay_gui")] = pos_sent
        src.positions[("bao_cao", "ban")] = pos_dept
    src.data = data
    src.read_errors = errors
    return src


def _round(src: SheetSource, errors: list) -> list:
    """The errors of one import, each cell once: a cell already explained (unreadable,
    merged, a formula without value) is not reported again by the model or the rules."""
    seen = {(e.sheet, e.line, e.column) for e in src.read_errors}
    seen |= set(src.covered)
    return src.read_errors + [e for e in errors if (e.sheet, e.line, e.column) not in seen]


def import_report(path: Path, root: Path = ROOT, site=None):
    """(unit code, YAML text, warnings) from a filled template; raises DataErrors."""
    return import_into(path, root, site)[1:]


def import_into(path: Path, root: Path = ROOT, site=None, website=None):
    """(plan's Site, unit code, YAML text, warnings): the plan is the template's own
    (plan_of), or `site` when given (a template of another plan is refused)."""
    path = Path(path)
    book = read_workbook(path)
    if site is None:
        site = plan_of(book, website if website is not None else load_website(root), path.name)
    if not site.has_report_templates:  # its topics column is the structured content section's (review r19k)
        raise DataErrors([SheetError(path.name, 0, 0, "", f"Kế hoạch «{site.title}» không có mẫu báo cáo kết quả "
                                                           "(website không tạo mẫu cho kế hoạch này): chưa có trang đơn vị, "
                                                           "hoặc mục nội dung còn chép nguyên văn.",
                                     hint="ghi mục nội dung (loai: noi_dung) dạng có cấu trúc trong ke-hoach.yaml, "
                                          "rồi cho đơn vị tải mẫu mới.")])
    src = read_template(path, site, book)
    res, errors, warnings = load.validate_unit(site, src, None)
    if _record(book, "ma_noi_dung")[0] is None and any(c.get("noi_dung") for c in src.data.get("hoi_nghi", [])):
        warnings = [*warnings, SheetError(path.name, 0, 0, "", "Mẫu báo cáo cũ, không ghi số thứ tự 1, 2, 3… ứng với "
                                                               f"nội dung nào; đã hiểu theo thứ tự hiện nay "
                                                               f"({T.topic_record(site)}).",
                                          hint="nếu mục nội dung của kế hoạch đã đổi sau khi đơn vị tải mẫu, kiểm tra "
                                               f"cột «{T.contents_header(site.plan)}», hoặc xin đơn vị điền mẫu mới.",
                                          sheet=T.CONFERENCES)]
    if src.data.get("bao_cao") and _sender(site) is None:
        row = T.INFO_KEYS["ban"].row
        warnings = [*warnings, SheetError(path.name, row, 2, "", "Kế hoạch không ghi ai gửi báo cáo kết quả (ke-hoach.yaml, "
                                                                 "to_chuc_thuc_hien › bao_cao › nguoi_gui để trống): ô "
                                                                 f"B{row} là {site.partner_label.lower()} được giao, không "
                                                                 "phải người gửi; bao_cao › ban để trống.",
                                          hint="người biên tập xem kế hoạch: nếu các ban gửi báo cáo, ghi nguoi_gui: ban rồi "
                                               "nhập lại; nếu mỗi đơn vị tự gửi, ghi nguoi_gui: don_vi.",
                                          sheet=T.INFO)]
    if src.read_errors or errors:
        raise DataErrors(_round(src, errors))
    text = yamlout.dump(site, res)
    # The file about to be written, read back through the data check itself: what
    # `python -m macros.check` would say of it is said now, before anything is written.
    shown = f"{load.results_folder(site)}/{res.don_vi}.yaml"
    with tempfile.TemporaryDirectory(prefix="nhap-bao-cao-") as tmp:
        written = Path(tmp) / f"{res.don_vi}.yaml"
        written.write_text(text, encoding="utf-8")
        try:
            source = read_yaml(written, shown)  # raises DataErrors (size, depth…)
        except DataErrors as exc:
            # The file does not exist yet: say it of the workbook, not of a line of «610.yaml».
            raise DataErrors([SheetError(src.path, 0, 0, "", f"Số liệu trong mẫu quá nhiều cho một tệp kết quả "
                                                              f"({shown}, chưa ghi): {e.message}", hint=e.hint)
                              for e in exc.errors]) from None
        again, errors, _ = load.validate_unit(site, source, res.don_vi)
    if errors or again is None:
        raise DataErrors(errors)
    return site, res.don_vi, text, warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.import_report",
                                     description="Nhập mẫu báo cáo Excel của một đơn vị vào data/<kế hoạch>/ket-qua/<mã>.yaml.")
    parser.add_argument("tep", type=Path, help="tệp bảng tính (.xlsx, .ods, .xls) theo mẫu báo cáo đã điền")
    parser.add_argument("--goc", type=Path, default=ROOT, help="thư mục dự án (mặc định: thư mục chứa data/)")
    parser.add_argument("--xem", action="store_true", help="chỉ in nội dung YAML, không ghi tệp")
    parser.add_argument("--ghi-de", dest="ghi_de", action="store_true",
                        help="ghi đè tệp kết quả đã có (giữ bản cũ ở .<mã>.yaml.bak cùng thư mục)")
    args = parser.parse_args(argv)
    if not args.tep.is_file():
        print(f"Không tìm thấy tệp {args.tep}." if not args.tep.exists() else f"{args.tep} không phải một tệp.",
              file=sys.stderr)
        return 1
    try:
        with reading("data/"):
            website = load_website(args.goc)
    except (DataErrors, InternalError) as exc:
        print("Dữ liệu trong data/ đang có lỗi nên chưa nhập được báo cáo. Hãy sửa trước "
              "(xem: .venv/bin/python -m macros.check):", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
    try:
        with reading(args.tep.name):
            site, code, text, warnings = import_into(args.tep, args.goc, website=website)
    except InternalError as exc:
        print(exc, file=sys.stderr)
        return 2
    except DataErrors as exc:
        print(f"Mẫu báo cáo có {len(exc.errors)} lỗi, chưa ghi tệp nào. Hãy sửa rồi chạy lại:", file=sys.stderr)
        for i, e in enumerate(exc.errors, 1):
            print(f"\n{i}. {e}", file=sys.stderr)
        return 1
    for w in warnings:
        print(f"Lưu ý: {w}", file=sys.stderr)
    if args.xem:
        sys.stdout.write(text)
        return 0
    folder = load.results_folder(site)
    out = args.goc / folder / f"{code}.yaml"
    # Never through a link: a results file or folder that is a symlink would write outside data/.
    links_on_way = [p for p in (out, *out.parents) if p.is_symlink() and p.is_relative_to(args.goc)]
    if links_on_way or (out.exists() and not out.is_file()):
        print(f"Chưa ghi: {folder}/{code}.yaml (hoặc thư mục chứa nó) là liên kết (symlink) hay không phải tệp "
              "thường; chỉ ghi vào tệp thật trong data/. Hãy xóa liên kết đó rồi chạy lại.", file=sys.stderr)
        return 1
    rel = out.relative_to(args.goc).as_posix() if out.is_relative_to(args.goc) else str(out)
    if out.exists():
        old = out.read_text(encoding="utf-8", errors="replace")
        if old == text:
            print(f"{rel} đã có đúng nội dung này; không ghi lại.")
            return 0
        changes = _changes(old, text, rel)
        if not args.ghi_de:
            print(f"Chưa ghi: {rel} đã có (có thể đã được sửa tay). Nhập mẫu này sẽ thay các dòng sau "
                  "(- là dòng đang có, + là dòng mới):\n" + changes + "\nNếu đúng là muốn thay, chạy lại với --ghi-de "
                  f"(bản đang có được giữ ở {_backup(out).name} cùng thư mục).", file=sys.stderr)
            return 1
        backup = _backup(out)
        backup.write_text(old, encoding="utf-8")
        print(f"Thay trong {rel} (- là dòng cũ, + là dòng mới):\n{changes}")
        print(f"Đã ghi đè {rel}; bản cũ giữ ở {backup.relative_to(args.goc).as_posix() if backup.is_relative_to(args.goc) else backup} "
              "(website không đọc tệp này; xóa khi không cần). Kiểm tra lại bằng: .venv/bin/python -m macros.check")
        out.write_text(text, encoding="utf-8")
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print("Đã ghi " + rel + ". Kiểm tra lại bằng: .venv/bin/python -m macros.check")
    return 0


def _backup(out: Path) -> Path:
    """.610.yaml.bak beside 610.yaml: a hidden name the loader ignores (macros/datafiles.py)."""
    return out.with_name(f".{out.name}.bak")


def _changes(old: str, new: str, rel: str, most: int = 60) -> str:
    import difflib

    lines = [line.rstrip("\n") for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
             if not line.startswith(("---", "+++"))]
    hunk = re.compile(r"@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@")
    shown = [f"  (tệp đang có từ dòng {m[1]}, tệp mới từ dòng {m[2]})" if (m := hunk.match(line)) else f"  {line}"
             for line in lines[:most]]
    if len(lines) > most:
        shown.append(f"  … và {len(lines) - most} dòng khác.")
    return "\n".join(shown)


if __name__ == "__main__":
    sys.exit(main())
