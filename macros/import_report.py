"""Read a unit's filled Excel report template and write its results file.

    .venv/bin/python -m macros.import_report BAO-CAO.xlsx          # writes data/<plan>/ket-qua/<mã>.yaml
    .venv/bin/python -m macros.import_report BAO-CAO.xlsx --xem    # only prints the YAML

The template is offered on each unit's page (macros/exports/template.py). The
values are checked with the same rules as a hand-written file (the model and
macros/results/checks.py); an error names the sheet, the row and the column.
The YAML written is what an editor writes by hand (macros/results/yamlout.py).
Exit 0 when written, 1 on errors (nothing written), 2 on a bad command line.
"""

import argparse
import datetime as dt
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from .errors import DataError, DataErrors, field_path, with_details
from .exports import template as T
from .results import load, yamlout
from .loader import load_site
from .text import fold

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

    def position(self, path: tuple):
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return ("", 0, 0, "")

    def error(self, path: tuple, message: str, found: str = "", hint: str = "") -> SheetError:
        sheet, row, col, header = self.position(path)
        return SheetError(self.path, row, col, field_path(path), message, found, hint, sheet=sheet, header=header)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return " ".join(str(value).split())


def _date(value) -> str:
    """A date cell as the text the model reads ("10/6/yyyy"), from a text or a real date."""
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value.day}/{value.month}/{value.year}"
    return _text(value)


def _number(value, errors: list, src: SheetSource, path: tuple):
    """An integer from a number cell or a text like "5.000.000" / "5000000"; else the
    raw value (the model then says what is wrong)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    text = _text(value).replace(" ", "").removesuffix("đ").removesuffix("đồng")
    if re.fullmatch(r"\d+|\d{1,3}(\.\d{3})+", text):
        return int(text.replace(".", ""))
    errors.append(src.error(path, "Cần một số nguyên (ví dụ 120, hoặc 5.000.000 cho số tiền).", found=_text(value)))
    return None


def _topics(value, site, errors, src, path) -> list[str]:
    """"1; 3" (numbers of section II) or topic codes -> codes."""
    codes = [t.ma for t in site.plan.noi_dung.muc]
    out = []
    for part in [p.strip() for p in re.split(r"[;,]", _text(value)) if p.strip()]:
        if part.isdigit() and 1 <= int(part) <= len(codes):
            out.append(codes[int(part) - 1])
        elif part.isdigit():
            errors.append(src.error(path, f"Mục II của kế hoạch chỉ có nội dung 1 đến {len(codes)}.", found=part))
        else:
            out.append(part)  # a code (or a near miss the checks name)
    return out


def _department(value: str, site) -> str:
    """A department written by name ("Ban Phong trào") or code -> its code."""
    for d in site.departments:
        if fold(value) in (fold(d.ten), fold(d.ma)) or (d.viet_tat and fold(value) == fold(d.viet_tat)):
            return d.ma
    return value


def read_template(path: Path, site) -> SheetSource:
    """The workbook as the dict a hand-written results file would give, with positions."""
    from openpyxl import load_workbook

    display = path.name
    src = SheetSource(display)
    try:
        wb = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise DataErrors([SheetError(display, 0, 0, "", f"Không đọc được tệp Excel ({type(exc).__name__}).",
                                     hint="lưu tệp dạng Excel (.xlsx) từ mẫu báo cáo trên website.")]) from None
    missing = [name for name in (T.INFO, *T.COLUMNS) if name not in wb.sheetnames]
    if missing:
        raise DataErrors([SheetError(display, 0, 0, "", f"Thiếu trang «{name}» của mẫu báo cáo.",
                                     hint="dùng đúng mẫu tải từ trang của đơn vị; không đổi tên các trang.")
                          for name in missing])
    errors: list[DataError] = []
    info = wb[T.INFO]

    def cell(key):
        r = T.INFO_KEYS[key]
        return info.cell(r.row, 2).value, (T.INFO, r.row, 2, r.label)

    data: dict = {}
    value, pos = cell("don_vi")
    data["don_vi"] = _text(value)
    src.positions[("don_vi",)] = pos

    # Lists: one row per item, empty rows skipped.
    def rows(sheet):
        ws = wb[sheet]
        columns = T.COLUMNS[sheet]
        for (header, _, _), i in zip(columns, range(1, len(columns) + 1)):
            found = ws.cell(1, i).value
            if _text(found) != header:
                errors.append(SheetError(display, 1, i, "", f"Tiêu đề cột đã bị đổi: cần «{header}».",
                                         found=_text(found), sheet=sheet, header=header))
        for row in range(2, ws.max_row + 1):
            values = [ws.cell(row, i).value for i in range(1, len(columns) + 1)]
            if all(_text(v) == "" for v in values):
                continue
            yield row, values

    areas = []
    for row, values in rows(T.AREAS):
        path = ("dia_ban", len(areas))
        item = {"xa": _text(values[0])}
        src.positions[path] = (T.AREAS, row, 1, T.COLUMNS[T.AREAS][0][0])
        src.positions[path + ("xa",)] = (T.AREAS, row, 1, T.COLUMNS[T.AREAS][0][0])
        kdc = [p.strip() for p in _text(values[1]).split(";") if p.strip()]
        if kdc:
            item["khu_dan_cu"] = kdc
            src.positions[path + ("khu_dan_cu",)] = (T.AREAS, row, 2, T.COLUMNS[T.AREAS][1][0])
            for j in range(len(kdc)):
                src.positions[path + ("khu_dan_cu", j)] = (T.AREAS, row, 2, T.COLUMNS[T.AREAS][1][0])
        areas.append(item)
    if areas:
        data["dia_ban"] = areas
        src.positions[("dia_ban",)] = (T.AREAS, 2, 1, "")

    day, pos_day = cell("khao_sat_ngay")
    found, pos_found = cell("khao_sat_ket_qua")
    if _text(day) or _text(found):
        data["khao_sat"] = {"ngay": _date(day), "ket_qua": _text(found)}
        src.positions[("khao_sat",)] = pos_day
        src.positions[("khao_sat", "ngay")] = pos_day
        src.positions[("khao_sat", "ket_qua")] = pos_found

    confs = []
    cols = T.COLUMNS[T.CONFERENCES]
    for row, values in rows(T.CONFERENCES):
        path = ("hoi_nghi", len(confs))
        src.positions[path] = (T.CONFERENCES, row, 1, cols[0][0])
        for i, (header, key, _) in enumerate(cols, 1):
            src.positions[path + (key,)] = (T.CONFERENCES, row, i, header)
        item = {"ngay": _date(values[0]), "dia_diem": _text(values[1]),
                "so_nguoi": _number(values[2], errors, src, path + ("so_nguoi",)),
                "so_nguoi_dtts": _number(values[3], errors, src, path + ("so_nguoi_dtts",)),
                "noi_dung": _topics(values[4], site, errors, src, path + ("noi_dung",))}
        for j in range(len(item["noi_dung"])):
            src.positions[path + ("noi_dung", j)] = (T.CONFERENCES, row, 5, cols[4][0])
        confs.append(item)
    if confs:
        data["hoi_nghi"] = confs
        src.positions[("hoi_nghi",)] = (T.CONFERENCES, 2, 1, "")

    spending: dict = {}
    items = []
    cols = T.COLUMNS[T.SPENDING]
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
        data["bao_cao"] = {"ngay_gui": _date(sent), "ban": _department(_text(dept), site)}
        src.positions[("bao_cao",)] = pos_sent
        src.positions[("bao_cao", "ngay_gui")] = pos_sent
        src.positions[("bao_cao", "ban")] = pos_dept
    src.data = data
    src.read_errors = errors
    return src


def import_report(path: Path, root: Path = ROOT):
    """(unit code, YAML text, warnings) from a filled template; raises DataErrors."""
    site = load_site(root)
    src = read_template(Path(path), site)
    res, errors, warnings = load.validate_unit(site, src, None)
    if src.read_errors or errors:
        # A cell already reported as unreadable is not reported again by the model.
        seen = {(e.sheet, e.line, e.column) for e in src.read_errors}
        raise DataErrors(src.read_errors + [e for e in errors if (e.sheet, e.line, e.column) not in seen])
    return res.don_vi, yamlout.dump(site, res), warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.import_report",
                                     description="Nhập mẫu báo cáo Excel của một đơn vị vào data/<kế hoạch>/ket-qua/<mã>.yaml.")
    parser.add_argument("tep", type=Path, help="tệp Excel (.xlsx) theo mẫu báo cáo đã điền")
    parser.add_argument("--goc", type=Path, default=ROOT, help="thư mục dự án (mặc định: thư mục chứa data/)")
    parser.add_argument("--xem", action="store_true", help="chỉ in nội dung YAML, không ghi tệp")
    args = parser.parse_args(argv)
    if not args.tep.exists():
        print(f"Không tìm thấy tệp {args.tep}.", file=sys.stderr)
        return 1
    try:
        code, text, warnings = import_report(args.tep, args.goc)
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
    out = args.goc / load.results_folder(load_site(args.goc)) / f"{code}.yaml"
    existed = out.exists()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    rel = out.relative_to(args.goc).as_posix() if out.is_relative_to(args.goc) else str(out)
    print(("Đã ghi đè " if existed else "Đã ghi ") + rel + ". Kiểm tra lại bằng: .venv/bin/python -m macros.check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
