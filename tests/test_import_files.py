"""Issue 21, items 8 and 2: the Excel import as offices really use it. Every case is a
real file built here: .xlsx by openpyxl, .ods and .xls by LibreOffice (one soffice
call), a password-protected .xlsx by msoffcrypto, a truncated file, a CSV, merged
cells, formulas without a value, TRUE in a count, a real date cell, a changed code,
a huge cell and too many rows. Each ends in a Vietnamese message about the actual
problem, or imports to the same YAML as the hand-written file."""

import datetime as dt
import io
import re
import shutil
import time
import zipfile

import openpyxl
import pytest

from macros import import_report, limits, plausibility
from macros.errors import DataErrors
from macros.exports import template as T
from macros.results.model import UnitResults
from macros.yamlsrc import read_yaml
from tests import sheets
from tests.results_fixtures import FIXTURES, ON_TIME, SITE, fixture_text
from tests.sitebuild import ROOT
from tests.test_results_exports import fill_template


def _res(code=ON_TIME) -> UnitResults:
    return UnitResults.model_validate(read_yaml(FIXTURES / f"{code}.yaml", "x").data)


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """Unit 610's report filled in as an office does, saved as .xlsx, and converted by
    LibreOffice to .ods (its own format) and .xls (old Excel)."""
    out = tmp_path_factory.mktemp("bao-cao")
    wb = fill_template(_res(), out / "bao-cao.xlsx", "24/11/2023")
    wb[T.CONFERENCES]["C2"] = "=100+20"  # openpyxl saves no computed value; LibreOffice saves 120
    wb.save(out / "cong-thuc.xlsx")
    sheets.convert([out / "bao-cao.xlsx", out / "cong-thuc.xlsx"], "ods", out / "ods")
    sheets.convert([out / "bao-cao.xlsx"], "xls", out / "xls")
    return out


def _messages(path) -> list[str]:
    with pytest.raises(DataErrors) as info:
        import_report.import_report(path)
    text = [str(e) for e in info.value.errors]
    assert not any("Traceback" in t or "Error" in t for t in text), text
    return text


def _edited(filled, tmp_path, edit, name="sua.xlsx"):
    wb = openpyxl.load_workbook(filled / "bao-cao.xlsx")
    edit(wb)
    wb.save(tmp_path / name)
    return tmp_path / name


@pytest.mark.parametrize("sub,ext", [("ods", "ods"), ("xls", "xls")])
def test_libreoffice_and_old_excel_files_import_like_xlsx(filled, sub, ext):
    code, text, _ = import_report.import_report(filled / sub / f"bao-cao.{ext}")
    assert code == ON_TIME and text == fixture_text(ON_TIME)


def test_an_xls_file_named_xlsx_is_read_by_its_bytes(filled, tmp_path):
    shutil.copy(filled / "xls" / "bao-cao.xls", tmp_path / "nham-duoi.xlsx")
    assert import_report.import_report(tmp_path / "nham-duoi.xlsx")[1] == fixture_text(ON_TIME)


def test_a_csv_says_how_to_save(tmp_path):
    (tmp_path / "bao-cao.csv").write_text("Mã đơn vị,610\nĐơn vị,Huyện Đăk Glei\n", encoding="utf-8-sig")
    (message,) = _messages(tmp_path / "bao-cao.csv")
    assert "Tệp CSV" in message and "Lưu thành" in message and "«Sổ làm việc Excel (.xlsx)»" in message


def test_a_truncated_file_is_named_as_such(filled, tmp_path):
    data = (filled / "bao-cao.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    (message,) = _messages(tmp_path / "cut.xlsx")
    assert "cut.xlsx: Tệp bị hỏng hoặc không trọn vẹn" in message
    # A whole zip whose sheet is cut short (the ParseError of issue 21).
    with zipfile.ZipFile(filled / "bao-cao.xlsx") as src, zipfile.ZipFile(tmp_path / "xml.xlsx", "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            dst.writestr(info.filename, body[: len(body) // 2] if info.filename == "xl/worksheets/sheet3.xml" else body)
    (message,) = _messages(tmp_path / "xml.xlsx")
    assert "Tệp bị hỏng hoặc không trọn vẹn" in message


def test_a_password_protected_file_says_to_remove_the_password(filled, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(filled / "bao-cao.xlsx", "rb") as f, open(tmp_path / "mat-khau.xlsx", "wb") as out:
        OOXMLFile(f).encrypt("matkhau", out)
    (message,) = _messages(tmp_path / "mat-khau.xlsx")
    assert "Tệp có đặt mật khẩu" in message and "xóa mật khẩu" in message and "BadZipFile" not in message


def test_a_word_file_and_an_empty_file(tmp_path):
    with zipfile.ZipFile(tmp_path / "van-ban.xlsx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert "tệp văn bản (Word hoặc Writer)" in _messages(tmp_path / "van-ban.xlsx")[0]
    (tmp_path / "rong.xlsx").write_bytes(b"")
    assert "Tệp rỗng" in _messages(tmp_path / "rong.xlsx")[0]


def test_merged_date_cells_are_named(filled, tmp_path):
    def edit(wb):
        ws = wb[T.CONFERENCES]
        ws["A3"] = None
        ws.merge_cells("A2:A3")
    messages = _messages(_edited(filled, tmp_path, edit))
    assert len(messages) == 1, messages  # the empty date of row 3 is not reported again
    assert "trang «Hội nghị», dòng 2, cột A" in messages[0] and "Các ô A2:A3 đã bị gộp (merge)" in messages[0]


def test_a_formula_without_its_value_is_named(filled, tmp_path):
    def edit(wb):
        wb[T.CONFERENCES]["C2"] = "=100+20"  # openpyxl saves no computed value, like many programs
    (message,) = _messages(_edited(filled, tmp_path, edit))
    assert "dòng 2, cột C («Số người dự»): Ô có công thức nhưng tệp không lưu kết quả" in message
    assert "=100+20" in message


def test_a_formula_with_its_value_reads_the_value(filled):
    assert import_report.import_report(filled / "ods" / "cong-thuc.ods")[1] == fixture_text(ON_TIME)


def test_true_in_a_count_is_named(filled, tmp_path):
    (message,) = _messages(_edited(filled, tmp_path, lambda wb: wb[T.CONFERENCES].__setitem__("D3", True)))
    assert "dòng 3, cột D («Trong đó người DTTS»): Ô chứa giá trị đúng/sai" in message


def test_a_changed_code_with_the_old_name_is_refused(filled, tmp_path):
    def edit(wb):
        wb[T.INFO].cell(T.INFO_KEYS["don_vi"].row, 2, "611")
    messages = _messages(_edited(filled, tmp_path, edit))
    assert any("dòng 4, cột B" in m and "Mã đơn vị «611» là Huyện Ngọc Hồi, nhưng ô B5 (tên đơn vị) «Huyện Đăk Glei» "
               "(mã 610): mã và tên không khớp" in m and "sửa mã thành «610»" in m for m in messages), messages


def test_a_real_date_cell_that_could_be_swapped_is_flagged(filled, tmp_path):
    def edit(wb):
        wb[T.CONFERENCES]["A2"] = dt.datetime(2023, 10, 6)  # «10/06/2023» typed in a US-locale LibreOffice
        wb[T.CONFERENCES]["A3"] = dt.datetime(2023, 7, 22)  # day > 12: cannot be swapped
    (message,) = _messages(_edited(filled, tmp_path, edit))
    assert "dòng 2, cột A" in message and "có thể bị đảo ngày với tháng" in message and "'06/10/2023" in message


def test_template_date_cells_are_text_and_refuse_a_real_date(tmp_path):
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(SITE, ON_TIME, dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))))
    conf, info = wb[T.CONFERENCES], wb[T.INFO]
    assert conf.column_dimensions["A"].number_format == "@" and conf["A2"].number_format == "@"
    assert info["B7"].number_format == "@" and info["B8"].number_format == "@"
    rules = [(str(v.sqref), v.formula1) for ws in (conf, info) for v in ws.data_validations.dataValidation
             if v.type == "custom"]
    assert ("A2:A61", "ISTEXT(A2)") in rules and any("B7" in r and f.startswith("ISTEXT(B7)") for r, f in rules), rules


def test_dependent_errors_come_with_the_field_errors_and_name_columns(filled, tmp_path):
    def edit(wb):
        ws = wb[T.CONFERENCES]
        ws["C2"], ws["D2"] = 50, 60  # more minority attendees than attendees
        ws["C3"] = "nhiều"  # and a field error in the same sheet
        wb[T.SPENDING]["A2"] = 9_000_000  # overspending, no note: not an error (the plan requires none)
    messages = _messages(_edited(filled, tmp_path, edit))
    joined = "\n".join(messages)
    assert "dòng 3, cột C («Số người dự»): Cần một số nguyên" in joined
    assert "dòng 2, cột D («Trong đó người DTTS»): Số người dân tộc thiểu số (60) lớn hơn tổng số người dự (50)" in joined
    assert "cột D trang «Hội nghị» («Trong đó người DTTS») là một phần của cột C trang «Hội nghị» («Số người dự»)" in joined
    assert "vượt kinh phí" not in joined
    assert "so_nguoi" not in joined and "giai_trinh" not in joined


# -- item 2: bounded reading, and never «Đã ghi» for a file the data check refuses ------------
def _zip_with_cell(tmp_path, text_len: int, name: str):
    """A valid template whose survey cell holds `text_len` characters, written into the
    file's shared strings directly (Excel and openpyxl stop at 32,767 characters a cell;
    a hostile file need not). It compresses to little."""
    path = tmp_path / name
    marker = "CHO-DE-THAY-BANG-CHU-DAI"
    fill_template(_res(), tmp_path / "ngan.xlsx", "24/11/2023")
    wb = openpyxl.load_workbook(tmp_path / "ngan.xlsx")
    wb[T.INFO].cell(T.INFO_KEYS["khao_sat_ket_qua"].row, 2, marker)
    wb.save(tmp_path / "ngan.xlsx")
    with zipfile.ZipFile(tmp_path / "ngan.xlsx") as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if marker.encode() in body:
                body = body.replace(marker.encode(), b"a" * text_len)
            dst.writestr(info.filename, body)
    return path


def test_a_small_file_holding_a_huge_cell_ends_at_once(tmp_path):
    path = _zip_with_cell(tmp_path, 100 * 1024 * 1024, "lon.xlsx")
    assert path.stat().st_size < 1024 * 1024  # about 100 kB on disk, 100 MB unpacked
    started = time.monotonic()
    (message,) = _messages(path)
    assert time.monotonic() - started < 5
    assert "Tệp chứa quá nhiều dữ liệu" in message


def test_a_cell_over_the_limit_is_named(tmp_path):
    path = _zip_with_cell(tmp_path, plausibility.MAX_CELL_CHARS + 10, "o-lon.xlsx")
    (message,) = _messages(path)
    assert "trang «Thông tin», dòng 9, cột B" in message and "một ô đọc tối đa 3.145.728 ký tự" in message


def test_too_many_rows_are_refused_before_reading_them(tmp_path):
    path = tmp_path / "nhieu-dong.xlsx"
    fill_template(_res(), path, "24/11/2023")
    wb = openpyxl.load_workbook(path)
    wb[T.AREAS].cell(plausibility.MAX_ROWS + 5, 1, "Xã Thừa")
    wb.save(path)
    (message,) = _messages(path)
    assert "trang «Địa bàn»: Trang có dữ liệu trải đến dòng 50.005, cột " in message and "quá lớn cho một mẫu báo cáo" in message


def test_the_import_never_writes_what_the_data_check_refuses(tmp_path, capsys):
    """A 2.5 MB survey text passes the cell limit, but the data check refuses a paragraph
    that long (macros/limits.py): the import names the cell, says so and writes nothing."""
    root = tmp_path / "du-an"
    shutil.copytree(ROOT / "data", root / "data")
    path = _zip_with_cell(tmp_path, 2_500_000, "dai.xlsx")
    assert import_report.main([str(path), "--goc", str(root)]) == 1
    captured = capsys.readouterr()
    assert "Đã ghi" not in captured.out and "chưa ghi tệp nào" in captured.err
    assert "dòng 9, cột B" in captured.err and f"{limits.MAX_PARAGRAPH_CHARS:,}".replace(",", ".") in captured.err
    assert not (root / "data" / "ke-hoach-2023" / "ket-qua" / "610.yaml").exists()


def test_a_formula_whose_value_is_an_error_is_named(filled, tmp_path):
    path = _edited(filled, tmp_path, lambda wb: wb[T.CONFERENCES].__setitem__("C2", "CHO-CONG-THUC"), "a.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp_path / "loi.xlsx", "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/sharedStrings.xml" or b"CHO-CONG-THUC" not in body:
                dst.writestr(info.filename, body)
                continue
            dst.writestr(info.filename, re.sub(rb'<c r="C2"[^>]*>.*?</c>', b'<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>', body))
    (message,) = _messages(tmp_path / "loi.xlsx")
    assert "dòng 2, cột C («Số người dự»): Công thức trong ô cho kết quả lỗi #DIV/0!" in message and "=1/0" in message


def test_office_habits_that_mean_the_same_are_read(filled, tmp_path):
    """An apostrophe LibreOffice keeps before a typed code or date, a date with dots."""
    def edit(wb):
        wb[T.INFO].cell(T.INFO_KEYS["don_vi"].row, 2, "'610")
        wb[T.CONFERENCES]["A3"] = "22.7.2023"
        wb[T.CONFERENCES]["A4"] = "'14/9/2023"
    assert import_report.import_report(_edited(filled, tmp_path, edit))[1] == fixture_text(ON_TIME)


def test_a_binary_excel_file_says_how_to_save(tmp_path):
    with zipfile.ZipFile(tmp_path / "nhi-phan.xlsb", "w") as z:
        z.writestr("xl/workbook.bin", b"\x00")
    (message,) = _messages(tmp_path / "nhi-phan.xlsb")
    assert "Tệp Excel nhị phân (.xlsb)" in message and "Lưu thành" in message


def test_a_cell_typed_far_away_does_not_blow_up_the_read(tmp_path):
    path = tmp_path / "xa.xlsx"
    fill_template(_res(), path, "24/11/2023")
    wb = openpyxl.load_workbook(path)
    wb[T.CONFERENCES]["XFD2000"] = "ghi chú"
    wb.save(path)
    started = time.monotonic()
    (message,) = _messages(path)
    assert time.monotonic() - started < 1  # refused from the cell references, before a 2,000 x 16,384 grid is built
    assert "trang «Hội nghị»: Trang có dữ liệu trải đến dòng 2.000, cột XFD: quá lớn cho một mẫu báo cáo" in message


def test_sheet_names_saved_decomposed_or_with_spaces_are_found(filled, tmp_path):
    import unicodedata

    def edit(wb):
        wb[T.CONFERENCES].title = unicodedata.normalize("NFD", T.CONFERENCES) + " "
        wb[T.INFO].title = " " + T.INFO
    assert import_report.import_report(_edited(filled, tmp_path, edit))[1] == fixture_text(ON_TIME)


def test_the_import_never_writes_through_a_symlink(filled, tmp_path, capsys):
    root = tmp_path / "du-an"
    shutil.copytree(ROOT / "data", root / "data")
    outside = tmp_path / "ngoai.yaml"  # a valid results file outside the project
    outside.write_text(fixture_text(ON_TIME) + "# ngoài dự án\n", encoding="utf-8")
    folder = root / "data" / "ke-hoach-2023" / "ket-qua"
    folder.mkdir()
    (folder / f"{ON_TIME}.yaml").symlink_to(outside)
    assert import_report.main([str(filled / "bao-cao.xlsx"), "--goc", str(root)]) == 1
    err = capsys.readouterr().err
    assert "symlink" in err and "Đã ghi" not in err  # here, or refused earlier by the data check
    assert outside.read_text(encoding="utf-8") == fixture_text(ON_TIME) + "# ngoài dự án\n"


def test_broken_data_is_named_as_such_not_as_errors_of_the_report(filled, tmp_path, capsys):
    root = tmp_path / "du-an"
    shutil.copytree(ROOT / "data", root / "data")
    plan = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("dinh_muc: 5000000", "dinh_muc: nhiều"), encoding="utf-8")
    assert import_report.main([str(filled / "bao-cao.xlsx"), "--goc", str(root)]) == 1
    err = capsys.readouterr().err
    assert "Dữ liệu trong data/ đang có lỗi nên chưa nhập được báo cáo" in err and "Mẫu báo cáo có" not in err
