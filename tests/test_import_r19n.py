"""Review r19n (a commune's plan, Ia Phú): the header's two bodies split as the file breaks them (defect 9);
units, departments and temporary codes (defect 10); the check's word on a verbatim budget section (defect 10);
a hint that ended with an empty list (defect 11). Small documents made here in the review's shapes."""

from tests.test_import_plan import imported, load, project  # noqa: F401 - project is a fixture

HEADER = ["ỦY BAN MTTQ VIỆT NAM TỈNH GIA LAI", "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM", "XÃ IA PHÚ"]


def _cells(cell, lines, bold=()):
    cell.paragraphs[0].text = ""
    for i, text in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.add_run(text).bold = i in bold


def commune_plan(path, header=HEADER, org_section=None, org_table=None, budget=None):
    """The review's layout: the header in a 2×2 table (the body's lines in one cell, the superior plain, the
    issuing body bold), «KẾ HOẠCH», a subject, sections I…, «Nơi nhận» and the signature in a table."""
    from docx import Document

    d = Document()
    head = d.add_table(rows=2, cols=2)
    _cells(head.cell(0, 0), header, bold=tuple(range(1, len(header))))
    _cells(head.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], bold=(0, 1))
    _cells(head.cell(1, 0), ["Số: 07/KH-MTTQ-BTT"])
    _cells(head.cell(1, 1), ["Ia Phú, ngày 20 tháng 3 năm 2026"])
    for t in ("KẾ HOẠCH", "Tổ chức thực hiện Cuộc vận động trên địa bàn xã năm 2026", "-----",
              "I. MỤC ĐÍCH, YÊU CẦU", "- Nâng cao nhận thức của Nhân dân."):
        d.add_paragraph(t)
    if budget is not None:
        d.add_paragraph("II. KINH PHÍ")
        for t in budget:
            d.add_paragraph(t)
    d.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    for t in org_section or ["Các thôn, tổ dân phố thực hiện."]:
        d.add_paragraph(t)
    if org_table is not None:
        table = d.add_table(rows=len(org_table), cols=len(org_table[0]))
        for i, row in enumerate(org_table):
            for j, v in enumerate(row):
                table.cell(i, j).text = v
    d.add_paragraph("Trên đây là Kế hoạch của Ban Thường trực Ủy ban MTTQ Việt Nam xã Ia Phú./.")
    sign = d.add_table(rows=1, cols=2)
    _cells(sign.cell(0, 0), ["Nơi nhận:", "- Đảng ủy xã (b/c);", "- Lưu: VT."], bold=(0,))
    _cells(sign.cell(0, 1), ["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "(Đã ký)", "Rơ Mah H’Linh"], bold=(0, 1, 3))
    d.save(str(path))


def _checklist(plan: dict) -> str:
    return "\n".join(plan["nhap_tu_dong"]["can_xac_nhan"])


# --- defect 9: the header ------------------------------------------------------------------------------------

def test_a_standing_committee_over_its_commune_is_the_issuing_body_under_its_superior(project, tmp_path, capsys):
    """«ỦY BAN MTTQ VIỆT NAM TỈNH GIA LAI» (plain) over «BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM» / «XÃ IA PHÚ»
    (bold): the superior is the first line, the issuing body the two below, and its name in a sentence is read
    from those words (was: superior «… TỈNH GIA LAI BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM», issuer «XÃ IA PHÚ»)."""
    from macros.loader import load_plan
    from macros.render.plan import issuer_lines, parent_lines

    plan = imported(project, tmp_path, capsys, commune_plan, "ia-phu")
    org = load(project, "ia-phu", "co-quan.yaml")
    assert org["co_quan_cap_tren"] == "ỦY BAN MTTQ VIỆT NAM TỈNH GIA LAI"
    assert org["co_quan_ban_hanh"] == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ IA PHÚ"
    assert org["ten_day_du"] == "Ban Thường trực Ủy ban MTTQ Việt Nam xã Ia Phú" and org["cap"] == "xã"
    assert "dong_in_dam" not in org  # the usual: the issuing body bold, its superior plain
    site = load_plan(project, "ia-phu")
    assert [x for x in parent_lines(site.org) if x] == HEADER[:1] and issuer_lines(site.org) == HEADER[1:]
    assert "không đọc được tên cơ quan ban hành" not in _checklist(plan)


def test_a_body_of_a_body_without_its_place_is_not_glued_to_its_superiors_name():
    """The standing committee's line as the last line under the province's: its own Front committee has no
    place written, so the name is not read (never «… Việt Nam Ủy ban MTTQ Việt Nam tỉnh Gia Lai»)."""
    from macros.plan_import.names import issuer_line_count, running_name
    from macros.plan_import.structure import LEVELS

    assert running_name(HEADER[:2], LEVELS) == "" and issuer_line_count(HEADER[:2], LEVELS) == 1
    assert running_name(["BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ IA PHÚ"], LEVELS) == \
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã Ia Phú"
    assert running_name(["ỦY BAN MTTQ VIỆT NAM XÃ NGỌK BAY BAN THƯỜNG TRỰC"], LEVELS) == ""


# --- defect 10: units, departments, temporary codes ----------------------------------------------------------

ASSIGNED = ["1. Văn phòng: phối hợp Ban Công tác Mặt trận thôn Plei Ơi, thôn Tân Bình, thôn Ia Sol tổ chức hội nghị "
            "tuyên truyền tại các thôn.",
            "2. Bộ phận Phong trào: phối hợp Ban Công tác Mặt trận tổ dân phố 1, tổ dân phố 2 tổ chức hội nghị tuyên "
            "truyền tại các tổ dân phố; tổng hợp báo cáo kết quả toàn xã.",
            "3. Ban Công tác Mặt trận các thôn, tổ dân phố: lựa chọn địa điểm; mỗi thôn, tổ dân phố 02 hội nghị; "
            "báo cáo kết quả về Bộ phận Phong trào trước ngày 25/10/2026."]

TABLE = [["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"],
         ["1", "Xây dựng, ban hành kế hoạch; hướng dẫn các thôn, tổ dân phố", "Ban Thường trực Ủy ban MTTQ Việt Nam xã",
          "Các tổ chức chính trị - xã hội xã", "Tháng 3/2026"],
         ["2", "Tổ chức hội nghị tuyên truyền tại thôn Plei Ơi, thôn Tân Bình, thôn Ia Sol",
          "Ban Công tác Mặt trận các thôn", "Chi hội Phụ nữ, Chi đoàn thanh niên thôn", "Quý II/2026"],
         ["3", "Tổ chức hội nghị tuyên truyền tại tổ dân phố 1, tổ dân phố 2", "Ban Công tác Mặt trận các tổ dân phố",
          "Chi hội Cựu chiến binh tổ dân phố", "Từ tháng 6/2026 đến tháng 8/2026"],
         ["4", "Tổ chức phiên chợ hàng Việt tại trung tâm xã", "Ban Thường trực Ủy ban MTTQ Việt Nam xã",
          "Hội Nông dân xã, Hợp tác xã Ia Phú", "Tháng 9/2026"],
         ["5", "Tổng hợp, báo cáo kết quả", "Ban Công tác Mặt trận các thôn, tổ dân phố",
          "Văn phòng Ủy ban MTTQ Việt Nam xã", "Trước ngày 25/10/2026"]]

UNITS = "«thôn Plei Ơi», «thôn Tân Bình», «thôn Ia Sol», «tổ dân phố 1», «tổ dân phố 2»."


def test_departments_given_work_at_the_head_of_an_item_and_units_listed_by_number(project, tmp_path, capsys):
    """«1. Văn phòng: …», «2. Bộ phận Phong trào: …» are the body's departments (was: «không nêu ban nào»);
    «tổ dân phố 1, tổ dân phố 2 tổ chức …» names two units (was: the second missed); a count
    («mỗi thôn, tổ dân phố 02 hội nghị») names none."""
    plan = imported(project, tmp_path, capsys, lambda p: commune_plan(p, org_section=ASSIGNED), "ia-phu-b")
    org = load(project, "ia-phu-b", "co-quan.yaml")
    assert [(b["ma"], b["ten"]) for b in org["ban"]] == [("van-phong", "Văn phòng"),
                                                         ("bo-phan-phong-trao", "Bộ phận Phong trào")]
    checklist = _checklist(plan)
    assert "không nêu ban nào" not in checklist
    assert f"mục III nêu 5 đơn vị: {UNITS}" in checklist, checklist


def test_organisations_in_a_table_are_no_units_and_a_cooperative_is_no_commune(project, tmp_path, capsys):
    """The assignment table's «Đơn vị chủ trì / phối hợp» columns name bodies («Chi hội Phụ nữ», «Các tổ chức
    chính trị - xã hội xã»…), never units to confirm (was: 7 offered); «Hợp tác xã Ia Phú» is a cooperative,
    not «xã Ia Phú»; a temporary code is cut where a word ends (was «van-phong-uy-ban-mttq-viet-nam-x»)."""
    plan = imported(project, tmp_path, capsys, lambda p: commune_plan(p, org_section=[], org_table=TABLE), "ia-phu")
    checklist = _checklist(plan)
    assert "có thể là một đơn vị" not in checklist, checklist
    assert f"mục III nêu 5 đơn vị: {UNITS}" in checklist, checklist
    org = load(project, "ia-phu", "co-quan.yaml")
    assert [(b["ma"], b["ten"]) for b in org["ban"]] == [("van-phong-uy-ban-mttq-viet-nam", "Văn phòng Ủy ban MTTQ Việt Nam xã")]


def test_a_temporary_code_is_cut_at_a_word_and_stays_unique():
    from macros.plan_import.structure import temporary_code

    taken: set[str] = set()
    long = "Ban Tuyên giáo và Dân vận Ủy ban MTTQ Việt Nam"
    assert temporary_code(long + " xã", taken) == "ban-tuyen-giao-va-dan-van-uy-ban"
    assert temporary_code(long + " tỉnh", taken) == "ban-tuyen-giao-va-dan-van-uy-2"
    assert temporary_code("Văn phòng", taken) == "van-phong" and temporary_code("Văn phòng", taken) == "van-phong-2"
    assert temporary_code("Tổnghợpbáocáokếtquảcủatấtcảcácthôntrongxã", taken) == "tonghopbaocaoketquacuatatcacacth"
    assert temporary_code("★", taken, "don-vi") == "don-vi"


# --- defect 10: the check's summary of a verbatim budget section --------------------------------------------

BUDGET = ["1. Nguồn ngân sách xã: 25.000.000 đồng (Hai mươi lăm triệu đồng).",
          "2. Nguồn xã hội hóa: dự kiến 10.000.000 đồng (Mười triệu đồng).",
          "Tổng cộng: 35.000.000 đồng (Ba mươi lăm triệu đồng)."]


def test_the_check_says_a_budget_section_copied_as_written_has_no_budget_page(project, tmp_path, capsys):
    """Review r19n: «không có mục kinh phí» for a plan whose section V KINH PHÍ is on its page word for word.
    The summary says what is true: the section is there, kept as written, so no budget page."""
    from macros import check
    from macros.loader import load_plan

    imported(project, tmp_path, capsys, lambda p: commune_plan(p, budget=BUDGET), "ia-phu")
    said = check.budget_summary(load_plan(project, "ia-phu"))
    assert said == "mục II «KINH PHÍ» chép nguyên văn (chưa ghi dạng có cấu trúc): không có trang kinh phí", said
    imported(project, tmp_path, capsys, commune_plan, "khong-kinh-phi")
    assert check.budget_summary(load_plan(project, "khong-kinh-phi")) == "không có mục kinh phí"


# --- defect 11: a hint with nothing to offer -----------------------------------------------------------------

def test_a_code_hint_with_no_code_to_offer_says_so_in_words():
    """Review r19n: «Cách sửa: dùng mã trong …/don-vi.yaml: .» when don-vi.yaml has no unit (a fresh import)."""
    from macros.crosschecks import _suggest_department, _suggest_unit, near_miss
    from macros.model import OrgFile, UnitsFile

    org = OrgFile(co_quan_cap_tren="", co_quan_ban_hanh="X", ten_day_du="", dia_danh="", quoc_hieu="", tieu_ngu="")
    hints = [_suggest_unit("to-dan-pho-2", UnitsFile(), "data/ia-phu/don-vi.yaml"),
             _suggest_department("van-phong", org, "data/ia-phu/co-quan.yaml"), near_miss("abc", [], "noi_dung › muc")]
    for hint in hints:
        assert not hint.rstrip().endswith(": .") and "chưa có mã nào" in hint, hint
    assert hints[0] == ("data/ia-phu/don-vi.yaml chưa có mã nào: thêm đơn vị có mã này vào đó (ma, cap, ten, "
                        "ten_chinh_thuc), hoặc xóa mã này."), hints[0]


def test_the_default_folder_is_cut_where_a_word_ends():
    """The folder a plan is written to without --thu-muc: at most a code's length, never ending mid-word
    («chuong-trinh-phoi-hop-va-thong-n»)."""
    from pathlib import Path
    from types import SimpleNamespace

    from macros.import_plan import default_folder

    doc = {"loai": "Chương trình phối hợp và thống nhất hành động", "nam": 2026}
    assert default_folder(SimpleNamespace(plan={"van_ban": doc}), Path("x.docx")) == "chuong-trinh-phoi-hop-va-thong"
    assert default_folder(SimpleNamespace(plan={"van_ban": {"loai": "", "nam": None}}), Path("★.docx")) == "ke-hoach-moi"


def test_a_place_named_like_a_body_is_still_offered_as_a_unit():
    """The bodies left out of a «Đơn vị» column are told by their kind: «Trường Tiểu học …», «Trạm y tế …» are
    bodies, «Trường Sơn», «Trạm Tấu» are places (a first version of the fix dropped them too)."""
    from macros.plan_import.structure import find_units

    rows = [["TT", "Đơn vị", "Kinh phí"], ["1", "Trường Sơn", "1"], ["2", "Trường Tiểu học Kim Đồng", "2"],
            ["3", "Trạm Tấu", "3"], ["4", "Trạm y tế xã", "4"], ["5", "Chi hội Phụ nữ, Đăk Pxi", "5"]]
    assert [u["ten"] for u in find_units([], [rows])] == ["Trường Sơn", "Trạm Tấu"]
