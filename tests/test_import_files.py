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
from tests.sitebuild import unname_text


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
    wb[T.CONFERENCES]["C2"] = 120
    wb[T.CONFERENCES].row_dimensions[3].hidden = True  # data LibreOffice keeps hidden in its .ods
    wb[T.SPENDING].column_dimensions["C"].hidden = True
    wb.save(out / "an.xlsx")
    sheets.convert([out / "bao-cao.xlsx", out / "cong-thuc.xlsx", out / "an.xlsx"], "ods", out / "ods")
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
    wb[T.INFO].cell(plausibility.MAX_ROWS + 5, 1, "Ghi chú")
    wb.save(path)
    (message,) = _messages(path)
    assert "trang «Thông tin»: Trang có dữ liệu trải đến dòng 50.005, cột " in message and "quá lớn cho một mẫu báo cáo" in message


def test_the_import_never_writes_what_the_data_check_refuses(tmp_path, capsys):
    """A 2.5 MB survey text passes the cell limit, but the data check refuses a paragraph
    that long (macros/limits.py): the import names the cell, says so and writes nothing."""
    root = tmp_path / "du-an"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
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
    wb[T.CONFERENCES]["XFD400"] = "ghi chú"  # within the row limit: the columns alone are too many
    wb.save(path)
    started = time.monotonic()
    (message,) = _messages(path)
    assert time.monotonic() - started < 1  # refused from the cell references, before a 400 x 16,384 grid is built
    assert "trang «Hội nghị»: Trang có dữ liệu trải đến dòng 400, cột XFD: quá lớn cho một mẫu báo cáo" in message


def test_sheet_names_saved_decomposed_or_with_spaces_are_found(filled, tmp_path):
    import unicodedata

    def edit(wb):
        wb[T.CONFERENCES].title = unicodedata.normalize("NFD", T.CONFERENCES) + " "
        wb[T.INFO].title = " " + T.INFO
    assert import_report.import_report(_edited(filled, tmp_path, edit))[1] == fixture_text(ON_TIME)


def test_the_import_never_writes_through_a_symlink(filled, tmp_path, capsys):
    root = tmp_path / "du-an"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
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
    unname_text(root)  # its words are changed below
    plan = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("dinh_muc: 5000000", "dinh_muc: nhiều"), encoding="utf-8")
    assert import_report.main([str(filled / "bao-cao.xlsx"), "--goc", str(root)]) == 1
    err = capsys.readouterr().err
    assert "Dữ liệu trong data/ đang có lỗi nên chưa nhập được báo cáo" in err and "Mẫu báo cáo có" not in err


# -- issue 21, round three: the template's plan and topics, hidden data, overwriting, sizes --------
TWO_PLANS = "  - thu_muc: ke-hoach-mau\n    duong_dan: ke-hoach-mau/\n    ten: Kế hoạch mẫu dùng để kiểm thử (năm 2026)\n"
STAMP = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory):
    """A project whose website has the 2023 plan and the test fixture plan (tests/fixtures/ke-hoach-mau)."""
    root = tmp_path_factory.mktemp("hai-ke-hoach")
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    shutil.copytree(ROOT / "tests" / "fixtures" / "ke-hoach-mau", root / "data" / "ke-hoach-mau")
    website = root / "data" / "website.yaml"
    website.write_text(website.read_text(encoding="utf-8") + TWO_PLANS, encoding="utf-8")
    return root


def _without_record(wb):
    """A template made before the plan and topics were recorded in it."""
    for key in T.RECORD_KEYS:
        wb[T.INFO].cell(T.INFO_KEYS[key].row, 1).value = None
        wb[T.INFO].cell(T.INFO_KEYS[key].row, 2).value = None


def test_a_template_of_the_second_plan_imports_into_that_plan(two_plans, tmp_path, capsys):
    from macros.loader import load_website

    second = load_website(two_plans).plans[1]
    code = second.units[0].ma
    path = tmp_path / "mau-2.xlsx"
    path.write_bytes(T.template_xlsx(second, code, STAMP))
    assert openpyxl.load_workbook(path)[T.INFO]["B11"].value == "ke-hoach-mau"  # visible, labelled
    assert import_report.main([str(path), "--goc", str(two_plans)]) == 0
    assert f"Đã ghi data/ke-hoach-mau/ket-qua/{code}.yaml" in capsys.readouterr().out
    assert (two_plans / "data" / "ke-hoach-mau" / "ket-qua" / f"{code}.yaml").is_file()
    assert not (two_plans / "data" / "ke-hoach-2023" / "ket-qua" / f"{code}.yaml").exists()


def test_a_template_of_a_plan_not_on_the_website_or_of_no_plan_is_refused(two_plans, filled, tmp_path, capsys):
    other = _edited(filled, tmp_path, lambda wb: wb[T.INFO].__setitem__("B11", "ke-hoach-2019"), "khac.xlsx")
    assert import_report.main([str(other), "--goc", str(two_plans)]) == 1
    err = capsys.readouterr().err
    assert "trang «Thông tin», dòng 11, cột B: Mẫu báo cáo thuộc kế hoạch «ke-hoach-2019», nhưng website không có" in err
    old = _edited(filled, tmp_path, _without_record, "cu.xlsx")
    assert import_report.main([str(old), "--goc", str(two_plans)]) == 1
    err = capsys.readouterr().err
    assert "không ghi nó thuộc kế hoạch nào" in err and "«ke-hoach-2023»" in err and "«ke-hoach-mau»" in err
    assert not (two_plans / "data" / "ke-hoach-2023" / "ket-qua" / f"{ON_TIME}.yaml").exists()
    # With one plan on the website, an older template goes to it, with a word on its topic numbers.
    _, text, warnings = import_report.import_report(old)
    assert text == fixture_text(ON_TIME)
    assert any("Mẫu báo cáo cũ, không ghi số thứ tự 1, 2, 3… ứng với nội dung nào" in str(w) for w in warnings), warnings


def test_a_template_whose_topics_were_reordered_since_is_refused(filled, tmp_path):
    codes = [t.ma for t in SITE.plan.noi_dung.muc]
    then = "; ".join(f"{n}={c}" for n, c in enumerate([codes[1], codes[0], *codes[2:]], 1))
    messages = _messages(_edited(filled, tmp_path, lambda wb: wb[T.INFO].__setitem__("B12", then)))
    assert any("dòng 12, cột B" in m and "theo thứ tự khác bây giờ" in m and "tải mẫu báo cáo mới" in m
               for m in messages), messages


def test_data_in_a_hidden_row_or_column_is_refused(filled, tmp_path):
    def edit(wb):
        wb[T.CONFERENCES].row_dimensions[3].hidden = True
        wb[T.SPENDING].column_dimensions["C"].hidden = True
    messages = _messages(_edited(filled, tmp_path, edit))
    assert any("trang «Hội nghị», dòng 3: Dòng này đang bị ẩn nhưng có dữ liệu" in m for m in messages), messages
    assert any("trang «Kinh phí», cột C: Cột này đang bị ẩn nhưng có dữ liệu" in m for m in messages), messages


def test_data_in_a_hidden_row_or_column_of_an_ods_is_refused(filled):
    messages = _messages(filled / "ods" / "an.ods")
    assert any("trang «Hội nghị», dòng 3: Dòng này đang bị ẩn nhưng có dữ liệu" in m for m in messages), messages
    assert any("trang «Kinh phí», cột C: Cột này đang bị ẩn nhưng có dữ liệu" in m for m in messages), messages


def test_a_hidden_sheet_beside_a_visible_copy_is_refused(filled, tmp_path):
    def edit(wb):
        copy = wb.copy_worksheet(wb[T.CONFERENCES])
        copy.title = "Hội nghị (2)"
        wb[T.CONFERENCES].sheet_state = "hidden"
    messages = _messages(_edited(filled, tmp_path, edit))
    assert any("trang «Hội nghị»: Trang này đang bị ẩn" in m for m in messages), messages
    assert any("trang «Hội nghị (2)»: Trang này không có trong mẫu báo cáo nhưng có dữ liệu" in m
               and "phải ở trang «Hội nghị»" in m for m in messages), messages


def test_an_empty_extra_sheet_is_fine(filled, tmp_path):
    assert import_report.import_report(_edited(filled, tmp_path, lambda wb: wb.create_sheet("Sheet1")))[1] == \
        fixture_text(ON_TIME)


def test_reimport_over_a_hand_edited_file_asks_first_and_keeps_a_backup(filled, tmp_path, capsys):
    from macros.loader import load_website

    root = tmp_path / "du-an"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    assert import_report.main([str(filled / "bao-cao.xlsx"), "--goc", str(root)]) == 0
    out = root / "data" / "ke-hoach-2023" / "ket-qua" / f"{ON_TIME}.yaml"
    edited = out.read_text(encoding="utf-8").replace("so_nguoi: 120", "so_nguoi: 121")
    assert edited != out.read_text(encoding="utf-8")
    out.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert import_report.main([str(filled / "bao-cao.xlsx"), "--goc", str(root)]) == 1
    err = capsys.readouterr().err
    assert "Chưa ghi: data/ke-hoach-2023/ket-qua/610.yaml đã có" in err and "--ghi-de" in err
    assert "\n  -    so_nguoi: 121\n  +    so_nguoi: 120\n" in err
    assert out.read_text(encoding="utf-8") == edited
    assert import_report.main([str(filled / "bao-cao.xlsx"), "--goc", str(root), "--ghi-de"]) == 0
    said = capsys.readouterr().out
    assert "so_nguoi: 121" in said and "Đã ghi đè data/ke-hoach-2023/ket-qua/610.yaml; bản cũ giữ ở " in said
    assert out.read_text(encoding="utf-8") == fixture_text(ON_TIME)
    assert (out.parent / ".610.yaml.bak").read_text(encoding="utf-8") == edited
    load_website(root)  # the backup does not make the data check fail


def test_a_workbook_of_many_sheets_is_refused_at_once(tmp_path):
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(SITE, ON_TIME, STAMP)))
    for i in range(60):
        wb.create_sheet(f"Trang {i}")
    wb.save(tmp_path / "nhieu-trang.xlsx")
    started = time.monotonic()
    (message,) = _messages(tmp_path / "nhieu-trang.xlsx")
    assert time.monotonic() - started < 2
    assert "Tệp có 65 trang; mẫu báo cáo có 5 trang (đọc tối đa 50 trang)" in message


def test_more_rows_than_a_results_file_holds_are_refused_by_sheet_and_row(tmp_path):
    path = tmp_path / "nhieu-hoi-nghi.xlsx"
    wb = fill_template(_res(), path, "24/11/2023")
    for row in range(2, 2_200):  # the data check's list limit is 500 (macros/limits.py)
        wb[T.CONFERENCES].cell(row, 1, "10/6/2023")
    wb.save(path)
    started = time.monotonic()
    (message,) = _messages(path)
    assert time.monotonic() - started < 5
    assert "nhieu-hoi-nghi.xlsx, trang «Hội nghị», dòng 502: Trang có dữ liệu đến dòng 2.199; một trang danh sách" in message
    assert "tối đa 500 dòng" in message and "ket-qua" not in message


def test_rows_that_make_too_big_a_results_file_are_named_as_the_workbook(tmp_path):
    """Within the row limit, long texts can still make more than a results file holds: the
    message speaks of the workbook, not of a line of a 610.yaml that does not exist."""
    path = tmp_path / "dai.xlsx"
    wb = fill_template(_res(), path, "24/11/2023")
    # 220 rows, within the list limit (500), each text within a paragraph's (10.000 letters):
    # ~2.6 MB of text, past a results file's 2 MiB (twice the rows cost twice the time: issue 22).
    for row in range(2, 222):
        for col, value in enumerate((100_000, f"PC-{row}", "Chi in tài liệu tuyên truyền. " * 330), 1):
            wb[T.SPENDING].cell(row, col, value)
    wb.save(path)
    messages = _messages(path)
    assert any(m.startswith("dai.xlsx: Số liệu trong mẫu quá nhiều cho một tệp kết quả "
                            "(data/ke-hoach-2023/ket-qua/610.yaml, chưa ghi): Tệp quá lớn") for m in messages), messages
