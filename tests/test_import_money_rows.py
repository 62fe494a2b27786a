"""Money written in a table row whose header names it («Kinh phí hỗ trợ (đồng)» | 7.500.000 | 9.000.000).

Amounts under a column headed «Số tiền (đồng)» were on the import's checklist, but the same amounts laid out
in a row headed as money were not. Each is listed as written, with its row and column, never summed; a row
headed «Hội đồng …» or «Hoạt động …» is not money.
"""

from macros.plan_import.structure import money_lines


def _section(rows: list[list[str]], header_rows: int = 1) -> dict:
    return {"so": "II", "tieu_de": "KINH PHÍ", "doan": [{"bang": rows, "dong_tieu_de": header_rows}]}


def test_amounts_in_a_row_headed_as_money_are_listed_with_row_and_column():
    lines = money_lines(_section([
        ["STT", "Nội dung", "Thôn Đăk Pxi", "Thôn Đăk Mar"],
        ["1", "Kinh phí hỗ trợ (đồng)", "7.500.000", "9.000.000"],
        ["2", "Hội đồng thi đua (người)", "5", "7"],
        ["3", "Hoạt động văn nghệ (tiết mục)", "12", "10"],
        ["4", "HỘI ĐỒNG NHÂN DÂN", "3", "4"],
    ]))
    money = [c for c in lines if "số tiền" in c]
    assert money == [
        "mục II ghi số tiền «7.500.000» (bảng, dòng «Kinh phí hỗ trợ (đồng)», cột «Thôn Đăk Pxi»): kiểm tra; "
        "website không tự tính từ bảng chép nguyên văn",
        "mục II ghi số tiền «9.000.000» (bảng, dòng «Kinh phí hỗ trợ (đồng)», cột «Thôn Đăk Mar»): kiểm tra; "
        "website không tự tính từ bảng chép nguyên văn",
    ]
    assert not any("16.500.000" in c for c in lines)  # never summed


def test_a_row_table_without_header_row_and_a_money_column_are_each_listed_once():
    # one row only (read as the header row): the row still names its amounts
    only = money_lines(_section([["Kinh phí (đồng)", "7.500.000", "9.000.000"]], 0))
    assert [c.split(" (bảng")[0] for c in only] == ["mục II ghi số tiền «7.500.000»", "mục II ghi số tiền «9.000.000»"]
    assert all("dòng «Kinh phí (đồng)»" in c and "cột" not in c for c in only)
    # years heading the columns are not amounts; the amounts under them are
    years = money_lines(_section([["Kinh phí (đồng)", "2025", "2026"], ["Kinh phí (đồng)", "7.500.000", "9.000.000"]]))
    assert [c.split(": kiểm tra")[0] for c in years] == [
        "mục II ghi số tiền «7.500.000» (bảng, dòng «Kinh phí (đồng)», cột «2025»)",
        "mục II ghi số tiền «9.000.000» (bảng, dòng «Kinh phí (đồng)», cột «2026»)"]
    # a money row crossing a money column: the amount once, as the column lists it (unchanged)
    both = money_lines(_section([["Khoản", "Số tiền (đồng)"], ["Tiền thưởng", "700.000"]]))
    assert both == ["mục II ghi số tiền «700.000» (bảng, cột «Số tiền (đồng)», dòng «Tiền thưởng»): kiểm tra; "
                    "website không tự tính từ bảng chép nguyên văn"]
