"""A plain .txt pasted from Word keeps Word's columns as tabs (review r19k defect 11): the header's two
columns, a table's cells, Nơi nhận beside the signature. The .txt reader reads them as the .docx reader reads
the same plan (macros/plan_import/plaintext.py). In-process: each test writes its .txt (and .docx) itself."""

import unicodedata
from pathlib import Path

from docx import Document

from macros import import_plan

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
HEAD = [("ỦY BAN MTTQ VIỆT NAM", NATION), ("XÃ IA CHIM", MOTTO),
        ("Số: 07/KH-MTTQ", "Ia Chim, ngày 10 tháng 3 năm 2026")]
BODY = ["KẾ HOẠCH", "Tuyên truyền giữ gìn vệ sinh môi trường tại các thôn năm 2026",
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã Ia Chim xây dựng Kế hoạch như sau:",
        "I. MỤC ĐÍCH", "Nâng cao ý thức của Nhân dân các thôn.",
        "II. KINH PHÍ", "Kinh phí phân bổ cho các thôn như sau:"]
TABLE = [["TT", "Thôn", "Kinh phí (đồng)"], ["1", "Thôn Ia Bơr", "2.000.000"], ["2", "Thôn Plei Sar", "1.500.000"],
         ["", "Tổng cộng", "3.500.000"]]
AFTER = ["(Bằng chữ: Ba triệu năm trăm nghìn đồng)", "III. TỔ CHỨC THỰC HIỆN",
         "Ban Công tác Mặt trận các thôn tổ chức hội nghị, báo cáo trước ngày 15/11/2026./."]
SIGN = [("Nơi nhận:", "TM. BAN THƯỜNG TRỰC"), ("- BTT UBMTTQ VN tỉnh (B/c);", "CHỦ TỊCH"),
        ("- Lưu: VT.", "Rah Lan Hiếu")]


def _txt(path: Path) -> Path:
    lines = ["\t".join(r) for r in HEAD] + [""] + BODY + ["\t".join(r) for r in TABLE] + AFTER
    path.write_text("\n".join(lines + ["\t".join(r) for r in SIGN]) + "\n", encoding="utf-8")
    return path


def _docx(path: Path) -> Path:
    doc = Document()
    t = doc.add_table(rows=1, cols=2)
    for col, cell in enumerate(t.rows[0].cells):  # the issuing body bold, as usual (a .txt has no bold)
        cell.paragraphs[0].add_run(HEAD[0][col]).bold = True
        for row in HEAD[1:]:
            cell.add_paragraph().add_run(row[col]).bold = row[col].isupper()
    for text in BODY:
        doc.add_paragraph(text)
    t = doc.add_table(rows=len(TABLE), cols=3)
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            t.cell(r, c).paragraphs[0].add_run(text)
    for text in AFTER:
        doc.add_paragraph(text)
    t = doc.add_table(rows=1, cols=2)
    for col, cell in enumerate(t.rows[0].cells):
        cell.paragraphs[0].text = SIGN[0][col]
        for row in SIGN[1:]:
            cell.add_paragraph(row[col])
    doc.save(path)
    return path


def _without_file_name(result) -> dict:
    plan = dict(result.plan)
    plan.pop("nhap_tu_dong", None)
    return plan


def test_tab_aligned_header_table_and_signature_read_as_the_docx_reads_them(tmp_path):
    """Review r19k 11: co_quan_ban_hanh was «ỦY BAN MTTQ VIỆT NAM⇥CỘNG HÒA…», «XÃ …⇥Độc lập…» dropped, the
    number inside the place-and-date line, the table six tab-joined paragraphs, the signer in Nơi nhận."""
    txt = import_plan.import_file(_txt(tmp_path / "kh.txt"))
    docx = import_plan.import_file(_docx(tmp_path / "kh.docx"))
    assert txt.org == docx.org
    assert txt.org["co_quan_ban_hanh"] == "ỦY BAN MTTQ VIỆT NAM XÃ IA CHIM"
    assert txt.plan["van_ban"]["so"] == "07" and txt.plan["van_ban"]["ky_hieu"] == "KH-MTTQ"
    assert txt.plan["chu_ky"]["nguoi_ky"] == "Rah Lan Hiếu"
    assert txt.plan["noi_nhan"]["dong"] == ["- BTT UBMTTQ VN tỉnh (B/c);", "- Lưu: VT."]
    budget = txt.plan["muc"][1]["doan"]
    assert {"bang": TABLE, "dong_tieu_de": 1} in budget, budget
    assert _without_file_name(txt) == _without_file_name(docx)
    # the same checklist as the .docx: every amount of the table listed, nothing said unread
    assert txt.checklist == docx.checklist
    for amount in ("2.000.000", "1.500.000", "3.500.000"):
        assert any(f"«{amount}» (bảng" in c for c in txt.checklist), txt.checklist
    assert not any("chưa chép vào đâu" in c or "không tìm thấy số" in c for c in txt.checklist)


def _plain(rows: list[str]) -> list[str]:
    lines = ["\t".join(r) for r in HEAD] + BODY[:5]
    return lines + rows + ["III. TỔ CHỨC THỰC HIỆN", "Các thôn thực hiện."] + ["\t".join(r) for r in SIGN]


def test_what_the_txt_reader_cannot_place_stays_as_written_and_is_listed(tmp_path):
    """A lone tab-separated line stays one paragraph with its tab, named in the checklist; a table whose lines
    have different numbers of cells keeps every cell (short rows padded at their end), named too; a blank line
    parts two tables; Word's list items pasted as «marker⇥text» stay items, never a table."""
    src = tmp_path / "kh.txt"
    src.write_text("\n".join(_plain([
        "Tổng kinh phí:\t3.500.000 đồng", "Nội dung tuyên truyền:",
        "-\tGiữ vệ sinh chung;", "-\tPhân loại rác tại nhà.",
        "Thôn\tSố hộ\tGhi chú", "Ia Bơr\t120", "Plei Sar\t95\tthôn mới", "",
        "Thời gian\tĐịa điểm", "Tháng 4\tNhà văn hóa"])) + "\n", encoding="utf-8")
    result = import_plan.import_file(src)
    doan = result.plan["muc"][0]["doan"]
    assert doan[:5] == ["Nâng cao ý thức của Nhân dân các thôn.", "Tổng kinh phí:\t3.500.000 đồng",
                        "Nội dung tuyên truyền:", {"ky_hieu": "-", "van_ban": "Giữ vệ sinh chung;"},
                        {"ky_hieu": "-", "van_ban": "Phân loại rác tại nhà."}], doan
    tables = [b["bang"] for b in doan if isinstance(b, dict) and "bang" in b]
    assert tables == [[["Thôn", "Số hộ", "Ghi chú"], ["Ia Bơr", "120", ""], ["Plei Sar", "95", "thôn mới"]],
                      [["Thời gian", "Địa điểm"], ["Tháng 4", "Nhà văn hóa"]]], doan
    check = result.checklist
    assert any("«Tổng kinh phí: → 3.500.000 đồng» có dấu tab" in c for c in check), check
    assert any("«Thôn → Số hộ → Ghi chú»" in c and "3 dòng" in c and "(2 đến 3)" in c for c in check), check
    assert not any("Giữ vệ sinh" in c for c in check), check


def test_header_and_signature_aligned_with_spaces_read_as_two_columns(tmp_path):
    """The same plan with its header and signature lines aligned by spaces, not tabs («Số: 07/KH-MTTQ      Ia Chim,
    ngày …»): it imported as the tab-less paste did in review r19k 11 (number in the place-and-date line, «không
    tìm thấy số», a header line dropped, the signer in Nơi nhận). Now read as the two columns, said in the
    checklist; the title centred by spaces stays the title, the table's and the body's lines stay as written."""
    def spaced(rows):
        return [a.ljust(40) + b for a, b in rows]
    lines = (spaced(HEAD) + ["", "                    " + BODY[0]] + BODY[1:] + ["\t".join(r) for r in TABLE]
             + AFTER + spaced(SIGN[:2]) + ["   " + SIGN[2][0] + "      " + SIGN[2][1]])
    src = tmp_path / "kh.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    txt = import_plan.import_file(src)
    docx = import_plan.import_file(_docx(tmp_path / "kh.docx"))
    assert txt.org == docx.org
    assert _without_file_name(txt) == _without_file_name(docx)
    said = [c for c in txt.checklist if c not in docx.checklist]
    assert len(said) == 2 and all("căn bằng dấu cách" in c for c in said), said
    assert "«ỦY BAN MTTQ VIỆT NAM → CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»" in said[0], said
    assert "«Nơi nhận: → TM. BAN THƯỜNG TRỰC»" in said[1], said


def test_header_columns_joined_by_one_space_are_parted_at_the_national_name_motto_and_number(tmp_path):
    """The header pasted with its two columns joined by one space («XÃ IA CHIM Độc lập - Tự do - Hạnh phúc»,
    «Số: 07/KH-MTTQ Ia Chim, ngày …»): a line dropped («chưa chép vào đâu») and the number in the place-and-date
    line, so the page said the copy has no number. Now parted before the national name, the motto and the
    place-and-date, each line named in the checklist."""
    src = tmp_path / "kh.txt"
    src.write_text("\n".join([" ".join(r) for r in HEAD] + [""] + BODY + ["\t".join(r) for r in TABLE] + AFTER
                             + ["\t".join(r) for r in SIGN]) + "\n", encoding="utf-8")
    txt = import_plan.import_file(src)
    docx = import_plan.import_file(_docx(tmp_path / "kh.docx"))
    assert txt.org == docx.org
    assert _without_file_name(txt) == _without_file_name(docx)
    said = [c for c in txt.checklist if c not in docx.checklist]
    assert [c.split("»")[0] for c in said] == ["dòng «" + " ".join(r) for r in HEAD], said
    assert "tách thành «Số: 07/KH-MTTQ» và «Ia Chim, ngày 10 tháng 3 năm 2026»" in said[2], said
    # the same file saved in NFD (decomposed letters, as some Mac editors write): read the same
    src.write_text(unicodedata.normalize("NFD", src.read_text(encoding="utf-8")), encoding="utf-8")
    decomposed = import_plan.import_file(src)
    assert decomposed.org == txt.org
    recomposed = [c for c in decomposed.checklist if "Unicode tổ hợp" in c]
    assert [c for c in decomposed.checklist if c not in recomposed] == txt.checklist
    assert recomposed and recomposed[0].startswith("22 đoạn"), recomposed  # the six header cells counted too


def test_a_subject_in_capitals_naming_the_nation_is_not_parted(tmp_path):
    """Only the header above the kind line is parted where one space joins its columns: a subject in capitals
    that ends with the national name stays one line, as written."""
    subject = "TUYÊN TRUYỀN HIẾN PHÁP NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    src = tmp_path / "kh.txt"
    src.write_text("\n".join(["\t".join(r) for r in HEAD] + ["KẾ HOẠCH", subject] + BODY[2:] + AFTER) + "\n",
                   encoding="utf-8")
    result = import_plan.import_file(src)
    assert result.plan["van_ban"]["trich_yeu"] == subject
    assert not any("tách thành" in c for c in result.checklist), result.checklist


def test_recipients_with_their_dash_and_a_tab_stay_recipients(tmp_path):
    """Word's bullets pasted as text write «-⇥» before each recipient: «-⇥BTT UBMTTQ VN tỉnh (B/c);⇥CHỦ TỊCH» was
    cut into three cells, the dash alone in Nơi nhận and the recipient taken for the signer. The dash and its
    tab stay with the recipient's text, as written."""
    sign = [("Nơi nhận:", "TM. BAN THƯỜNG TRỰC"), ("-\tBTT UBMTTQ VN tỉnh (B/c);", "CHỦ TỊCH"),
            ("-\tĐảng ủy xã (B/c);", "Rah Lan Hiếu"), ("-\tLưu: VT.", "")]
    src = tmp_path / "kh.txt"
    src.write_text("\n".join(["\t".join(r) for r in HEAD] + BODY + AFTER
                             + ["\t".join(r).rstrip("\t") for r in sign]) + "\n", encoding="utf-8")
    plan = import_plan.import_file(src).plan
    assert plan["noi_nhan"]["dong"] == ["-\tBTT UBMTTQ VN tỉnh (B/c);", "-\tĐảng ủy xã (B/c);", "-\tLưu: VT."]
    assert (plan["chu_ky"]["quyen_han"], plan["chu_ky"]["chuc_vu"], plan["chu_ky"]["nguoi_ky"]) == (
        "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Rah Lan Hiếu")


def test_a_double_spaced_txt_keeps_its_table_and_a_tt_row_heads_it(tmp_path):
    """A .txt with a blank line after every line (as source/ke-hoach-2023.txt is written) cut its table into
    lone tab lines, each listed: a table whose first two rows stand a blank line apart goes on across blank
    lines. A first row opening with «TT»/«STT» names the columns even over one row («STT ⇥ Nội dung …»)."""
    lines = (["\t".join(r) for r in HEAD] + BODY + ["\t".join(r) for r in TABLE] + AFTER[:2]
             + ["STT\tNội dung\tThời gian", "1\tHọp dân tại nhà văn hóa thôn\tTháng 4/2026"] + AFTER[2:]
             + ["\t".join(r) for r in SIGN])
    src = tmp_path / "kh.txt"
    src.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    result = import_plan.import_file(src)
    tables = [b for s in result.plan["muc"] for b in s["doan"] if isinstance(b, dict) and "bang" in b]
    assert tables == [{"bang": TABLE, "dong_tieu_de": 1},
                      {"bang": [["STT", "Nội dung", "Thời gian"], ["1", "Họp dân tại nhà văn hóa thôn", "Tháng 4/2026"]],
                       "dong_tieu_de": 1}], tables
    assert not any("dấu tab" in c for c in result.checklist), result.checklist


def test_articles_and_steps_numbered_before_a_tab_are_no_table(tmp_path):
    """Word's numbering «Điều %1.» pasted as text writes «Điều 2.⇥…»: three such lines in a row became a
    two-column table. A line whose only tab follows such a label (Điều, Bước, Mục, Phần, Chương, Khoản) is a
    paragraph, read as the .docx reader reads the article."""
    src = tmp_path / "qd.txt"
    articles = ["Điều 1.\tThành lập Tổ tuyên truyền gồm 05 thành viên.",
                "Điều 2.\tQuyết định này có hiệu lực kể từ ngày ký.",
                "Điều 3.\tCác thành viên Tổ chịu trách nhiệm thi hành Quyết định này./."]
    src.write_text("\n".join(["\t".join(r) for r in HEAD] + ["QUYẾT ĐỊNH", "Về việc thành lập Tổ tuyên truyền",
                                                             "QUYẾT ĐỊNH:"] + articles
                             + ["\t".join(r) for r in SIGN]) + "\n", encoding="utf-8")
    result = import_plan.import_file(src)
    assert "bang" not in str(result.plan["muc"]), result.plan["muc"]
    assert not any("dấu tab" in c for c in result.checklist), result.checklist
    words = str(result.plan)
    assert all(a.split("\t")[1] in words for a in articles)
