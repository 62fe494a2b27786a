"""Four plans of other shapes than the 2023 one, written as .docx by python-docx (issue 19).

The text is ours, modelled on real Front plans: a plan with no budget section, one whose
assignments are a table, one numbered by Word's automatic numbering (numbering.xml), and a
commune plan whose units are villages. Each builder returns the paragraphs of the document
body in order (what the plan page must show), each as it reads (marker and text).
"""

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def _header_table(doc, left: list[str], right: list[str]) -> None:
    t = doc.add_table(rows=1, cols=2)
    for cell, lines in zip(t.rows[0].cells, (left, right)):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            p = cell.add_paragraph()
            p.add_run(line).bold = line.isupper()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _title(doc, kind: str, subject: str) -> None:
    p = doc.add_paragraph()
    p.add_run(kind).bold = True
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph()
    p.add_run(subject).bold = True
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("______").alignment = WD_ALIGN_PARAGRAPH.CENTER


def _closing_table(doc, recipients: list[str], signature: list[str]) -> None:
    t = doc.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    for line in recipients:
        left.add_paragraph(line)
    right.paragraphs[0].add_run(signature[0]).bold = True
    for line in signature[1:]:
        right.add_paragraph(line)


def _para(doc, body: list[str], text: str, bold: bool = False) -> None:
    p = doc.add_paragraph()
    p.add_run(text).bold = bold
    body.append(text)


def no_budget(path: Path) -> list[str]:
    """A guide-like plan of four sections, no budget; bold and italic inside paragraphs."""
    doc, body = Document(), []
    _header_table(doc, ["ỦY BAN MTTQ VIỆT NAM", "HUYỆN ĐĂK HÀ", "BAN THƯỜNG TRỰC", "Số: 41/KH-MTTQ-BTT"],
                  [NATION, MOTTO, "Đăk Hà, ngày 12 tháng 3 năm 2024"])
    _title(doc, "KẾ HOẠCH", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2024")
    _para(doc, body, "Căn cứ Hướng dẫn số 12/HD-MTTQ-BTT ngày 05/02/2024 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh;")
    _para(doc, body, "Ban Thường trực Ủy ban MTTQ Việt Nam huyện xây dựng kế hoạch như sau:")
    _para(doc, body, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _para(doc, body, "1. Phát huy truyền thống đoàn kết, tương thân tương ái của nhân dân ở khu dân cư.")
    p = doc.add_paragraph("2. Ngày hội tổ chức ")
    p.add_run("thiết thực, tiết kiệm").bold = True
    p.add_run(", tránh ")
    p.add_run("phô trương, hình thức").italic = True
    p.add_run(".")
    body.append("2. Ngày hội tổ chức thiết thực, tiết kiệm, tránh phô trương, hình thức.")
    _para(doc, body, "II. NỘI DUNG", bold=True)
    _para(doc, body, "1. Phần lễ:")
    _para(doc, body, "a) Ôn lại truyền thống 94 năm Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam;")
    _para(doc, body, "b) Biểu dương hộ gia đình tiêu biểu;")
    _para(doc, body, "- Mỗi khu dân cư chọn không quá 03 hộ;")
    _para(doc, body, "- Tặng giấy khen của Ban Thường trực.")
    _para(doc, body, "2. Phần hội: các hoạt động văn hóa, văn nghệ, thể thao truyền thống.")
    _para(doc, body, "III. HÌNH THỨC TỔ CHỨC", bold=True)
    _para(doc, body, "Tổ chức tại nhà văn hóa thôn, tổ dân phố; gắn với bữa cơm đoàn kết.")
    _para(doc, body, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    _para(doc, body, "1. Ban Thường trực Ủy ban MTTQ Việt Nam các xã, thị trấn chỉ đạo Ban Công tác Mặt trận ở khu "
                     "dân cư xây dựng kế hoạch, báo cáo kết quả trước ngày 20/11/2024.")
    _para(doc, body, "2. Các tổ chức thành viên phối hợp vận động hội viên, đoàn viên tham gia.")
    _para(doc, body, "Trên đây là Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024 của Ban Thường trực "
                     "Ủy ban MTTQ Việt Nam huyện Đăk Hà.")
    _closing_table(doc, ["- BTT UBMTTQVN tỉnh (b/c);", "- Các xã, thị trấn (t/h);", "- Lưu VT."],
                   ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "(Đã ký)", "Y Hiền"])
    doc.save(path)
    return body


def assignment_table(path: Path) -> list[str]:
    """A plan whose assignments are a table; a budget section; header as paragraphs, no table."""
    doc, body = Document(), []
    for line in ("ỦY BAN MTTQ VIỆT NAM TỈNH GIA LAI", "BAN THƯỜNG TRỰC", "Số:    /KH-MTTQ-BTT", NATION, MOTTO,
                 "Gia Lai, ngày    tháng    năm 2025"):
        doc.add_paragraph(line)
    _title(doc, "KẾ HOẠCH", "Giám sát việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo năm 2025")
    _para(doc, body, "Căn cứ Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị;")
    _para(doc, body, "Căn cứ Chương trình phối hợp số 05/CTPH-MTTQ-UBND ngày 20/01/2025;")
    _para(doc, body, "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh ban hành kế hoạch giám sát như sau:")
    _para(doc, body, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _para(doc, body, "- Đánh giá đúng kết quả hỗ trợ nhà ở cho hộ nghèo;")
    _para(doc, body, "- Kiến nghị sửa đổi những bất cập (nếu có).")
    _para(doc, body, "II. NỘI DUNG, THỜI GIAN GIÁM SÁT", bold=True)
    _para(doc, body, "1. Nội dung: việc bình xét, công khai danh sách hộ được hỗ trợ.")
    _para(doc, body, "2. Thời gian: trong tháng 6/2025.")
    _para(doc, body, "III. KINH PHÍ", bold=True)
    _para(doc, body, "Kinh phí giám sát: 12.000.000 đồng, từ nguồn kinh phí hoạt động năm 2025 của Ủy ban MTTQ Việt Nam tỉnh.")
    _para(doc, body, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    _para(doc, body, "Phân công như sau:")
    rows = [["TT", "Đơn vị", "Nội dung", "Thời hạn"],
            ["1", "Ban Dân chủ - Pháp luật", "Chủ trì, xây dựng đề cương báo cáo", "15/5/2025"],
            ["2", "Văn phòng", "Bảo đảm kinh phí, phương tiện", "31/5/2025"],
            ["3", "huyện Chư Sê", "Báo cáo theo đề cương", "10/6/2025"]]
    t = doc.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = t.rows[r].cells[c]
            cell.paragraphs[0].add_run(text).bold = r == 0
    body += [c for row in rows for c in row]
    _para(doc, body, "* Ghi chú: Đoàn giám sát báo cáo kết quả về Ban Thường trực trước ngày 30/6/2025.")
    _para(doc, body, "Trên đây là Kế hoạch giám sát năm 2025 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.")
    doc.add_paragraph("Nơi nhận:")
    for line in ("- Thường trực Tỉnh ủy (b/c);", "- Như phân công;", "- Lưu: VT, DCPL."):
        doc.add_paragraph(line)
    for line in ("KT. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "Rơ Mah Hiền"):
        doc.add_paragraph(line)
    doc.save(path)
    return body


def _numbering(doc) -> dict[str, str]:
    """Three lists in numbering.xml: sections (I.), items (1. / a) / -), and the items again
    under a second num restarting at 1 (w:startOverride), as Word writes «Restart numbering»."""
    numbering = doc.part.numbering_part.element

    def lvl(i, fmt, text, start=1):
        return (f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')

    abstracts = [
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">' + lvl(0, "upperRoman", "%1.") + "</w:abstractNum>",
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">' + lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "%2)")
        + lvl(2, "bullet", "\uf0b7") + "</w:abstractNum>",
    ]
    first_num = numbering.find(qn("w:num"))
    for a in abstracts:
        el = parse_xml(a)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    nums = {"roman": 901, "items": 902, "items2": 903}
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="901"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="902"><w:abstractNumId w:val="91"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="903"><w:abstractNumId w:val="91"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return {k: str(v) for k, v in nums.items()}


def _numbered(doc, body: list[str], shown: str, text: str, num_id: str, ilvl: int = 0, bold: bool = False) -> None:
    p = doc.add_paragraph()
    p.add_run(text).bold = bold
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    body.append(f"{shown} {text}")


def word_numbering(path: Path) -> list[str]:
    """Every number drawn by Word (w:numPr), none typed: sections I., II., III.; items 1., a), •."""
    doc, body = Document(), []
    n = _numbering(doc)
    _header_table(doc, ["ỦY BAN MTTQ VIỆT NAM", "TỈNH QUẢNG NGÃI", "BAN THƯỜNG TRỰC", "Số: 88/KH-MTTQ-BTT"],
                  [NATION, MOTTO, "Quảng Ngãi, ngày 02 tháng 10 năm 2025"])
    _title(doc, "KẾ HOẠCH", "Tuyên truyền sắp xếp đơn vị hành chính cấp xã trong đồng bào dân tộc thiểu số")
    _para(doc, body, "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh xây dựng kế hoạch tuyên truyền như sau:")
    _numbered(doc, body, "I.", "MỤC ĐÍCH", n["roman"], bold=True)
    _numbered(doc, body, "1.", "Giúp đồng bào hiểu việc sắp xếp xã, thôn sau ngày 01/7/2025.", n["items"])
    _numbered(doc, body, "2.", "Nắm bắt tâm tư, nguyện vọng của nhân dân.", n["items"])
    _numbered(doc, body, "II.", "NỘI DUNG TUYÊN TRUYỀN", n["roman"], bold=True)
    _numbered(doc, body, "1.", "Tên gọi, trụ sở của xã mới.", n["items2"])
    _numbered(doc, body, "a)", "Tên xã, địa chỉ trụ sở;", n["items2"], 1)
    _numbered(doc, body, "•", "bộ phận một cửa;", n["items2"], 2)
    _numbered(doc, body, "•", "số điện thoại đường dây nóng.", n["items2"], 2)
    _numbered(doc, body, "b)", "Giấy tờ của người dân không phải đổi.", n["items2"], 1)
    _numbered(doc, body, "2.", "Quyền lợi của người dân không thay đổi.", n["items2"])
    _numbered(doc, body, "a)", "Chế độ, chính sách giữ nguyên.", n["items2"], 1)
    _numbered(doc, body, "III.", "TỔ CHỨC THỰC HIỆN", n["roman"], bold=True)
    _para(doc, body, "Ban Thường trực Ủy ban MTTQ Việt Nam các xã tổ chức tuyên truyền tại khu dân cư; "
                     "hoàn thành trước ngày 31/12/2025.")
    _para(doc, body, "Trên đây là Kế hoạch tuyên truyền của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.")
    _closing_table(doc, ["- Ban Thường trực UBTƯ MTTQ Việt Nam (b/c);", "- Lưu VT."],
                   ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Nguyễn Văn Bình"])
    doc.save(path)
    return body


def commune_villages(path: Path) -> list[str]:
    """A commune Front committee's plan: units are villages, named in the organisation section."""
    doc, body = Document(), []
    _header_table(doc, ["ỦY BAN MTTQ VIỆT NAM", "XÃ ĐĂK PXI", "BAN THƯỜNG TRỰC", "Số: 07/KH-BTT"],
                  [NATION, MOTTO, "Đăk Pxi, ngày 15 tháng 4 năm 2026"])
    _title(doc, "KẾ HOẠCH", "Vận động xây dựng nông thôn mới ở các thôn đồng bào dân tộc thiểu số năm 2026")
    _para(doc, body, "Căn cứ Kế hoạch số 15/KH-MTTQ-BTT ngày 20/3/2026 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh;")
    _para(doc, body, "Ban Thường trực Ủy ban MTTQ Việt Nam xã xây dựng kế hoạch như sau:")
    _para(doc, body, "1. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _para(doc, body, "Vận động nhân dân hiến đất làm đường, chỉnh trang nhà cửa, giữ vệ sinh môi trường.")
    _para(doc, body, "2. NỘI DUNG", bold=True)
    _para(doc, body, "- Mỗi thôn làm ít nhất 01 tuyến đường hoa;")
    _para(doc, body, "+ Trồng hoa hai bên đường;")
    _para(doc, body, "+ Mỗi hộ tự quản 50 m đường.")
    _para(doc, body, "- Xóa nhà tạm, nhà dột nát.")
    _para(doc, body, "3. THỜI GIAN", bold=True)
    _para(doc, body, "Từ tháng 5/2026 đến 30/10/2026.")
    _para(doc, body, "4. KINH PHÍ", bold=True)
    _para(doc, body, "Mỗi thôn 2.000.000đ từ nguồn kinh phí hoạt động của Ủy ban MTTQ Việt Nam xã.")
    _para(doc, body, "5. TỔ CHỨC THỰC HIỆN", bold=True)
    _para(doc, body, "Ban Công tác Mặt trận thôn Kon Klor, thôn Đăk Rơ Wa, thôn Kon Jơ Ri và làng Plei Đôn tổ chức "
                     "họp dân, báo cáo kết quả về Ban Thường trực trước ngày 05/11/2026.")
    _para(doc, body, "Trên đây là Kế hoạch của Ban Thường trực Ủy ban MTTQ Việt Nam xã Đăk Pxi.")
    doc.add_paragraph("Nơi nhận:")
    for line in ("- BTT UBMTTQVN tỉnh;", "- Đảng ủy xã;", "- Các thôn, làng;", "- Lưu."):
        doc.add_paragraph(line)
    for line in ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "A Thuyên"):
        doc.add_paragraph(line)
    doc.save(path)
    return body


PLANS = {"khong-kinh-phi": no_budget, "bang-phan-cong": assignment_table, "danh-so-word": word_numbering,
         "cap-xa": commune_villages}


def _lines(cell_or_doc, lines: list[str], bold: bool = False, centred: bool = False):
    """One paragraph whose lines are separated by w:br (Shift+Enter)."""
    p = cell_or_doc.add_paragraph() if not hasattr(cell_or_doc, "paragraphs") or not hasattr(
        cell_or_doc, "merge") else cell_or_doc.paragraphs[0]
    run = p.add_run(lines[0])
    run.bold = bold
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)
    if centred:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def line_breaks(path: Path) -> None:
    """A plan whose header, signature and body lines are broken with Shift+Enter
    (tests/test_import_line_breaks.py)."""
    doc = Document()
    left, right = doc.add_table(rows=1, cols=2).rows[0].cells
    _lines(left, ["ỦY BAN MTTQ VIỆT NAM XÃ NGỌK BAY", "BAN THƯỜNG TRỰC"], bold=True, centred=True)
    left.add_paragraph("Số: 12/KH-MTTQ-BTT")
    _lines(right, [NATION, MOTTO], bold=True, centred=True)
    right.add_paragraph("Ngọk Bay, ngày 15 tháng 6 năm 2026")
    for text in ("KẾ HOẠCH", "Tổ chức Ngày hội Đại đoàn kết năm 2026"):
        p = doc.add_paragraph()
        p.add_run(text).bold = True
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("______").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU").runs[0].bold = True
    _lines(doc, ["1. Phát huy đoàn kết ở khu dân cư;", "gắn với phong trào thi đua."])
    doc.add_paragraph("II. TỔ CHỨC THỰC HIỆN").runs[0].bold = True
    doc.add_paragraph("1. Các thôn xây dựng kế hoạch.")
    left, right = doc.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    _lines(left, ["- BTT UBMTTQVN huyện (b/c);", "- Lưu VT."])
    _lines(right, ["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "", "A Thiên"], bold=True, centred=True)
    doc.save(path)


MERGED_ROWS = [["TT", "Nội dung công việc", "Đơn vị thực hiện"],
               ["1", "Tổ chức Lễ kỷ niệm cấp xã", "Ban Phong trào"],
               ["2", "Kiểm tra, giám sát", ""],
               ["3", "Tổng kết, báo cáo", ""]]


def merged_cells(path: Path) -> None:
    """The commune plan with a task table whose cells are merged down two rows and across two
    columns (tests/test_import_merged_cells.py)."""
    commune_villages(path)
    doc = Document(path)
    at = next(p for p in doc.paragraphs if p.text.startswith("Ban Công tác Mặt trận thôn"))
    table = doc.add_table(rows=len(MERGED_ROWS), cols=3)
    for r, row in enumerate(MERGED_ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Ban Phong trào"  # vertical: rows 2-3 (vMerge)
    table.cell(3, 1).merge(table.cell(3, 2)).text = "Tổng kết, báo cáo (các ban)"  # horizontal (gridSpan)
    at._p.addnext(table._tbl)
    doc.save(path)


def dashed_numbers(path: Path) -> None:
    """tests/test_import_r19s.py's plan with its «I-»/«1-» numbers drawn by Word (_dashed_docx, auto)."""
    from tests.test_import_r19s import _dashed_docx

    _dashed_docx(path, auto=True)


# The documents the import tests also read as LibreOffice saves them (.odt): file stem -> builder.
# conftest.saved_as_odt writes them all and converts them in one soffice call for the run.
SAVED_AS_ODT = {**PLANS, "ngat-dong": line_breaks, "xa": merged_cells, "danh-so-gach": dashed_numbers}


def front_abc(path: Path) -> None:
    """A district plan as the Front writes it (truth review): the right-hand heading is «MẶT TRẬN
    TỔ QUỐC VIỆT NAM», a partly blank date, no rule under the title, sections A./B./C. with 1/
    items, a table whose amounts read as numbers, and a closing that is not «Trên đây là …»."""
    doc = Document()
    _header_table(doc, ["ỦY BAN MTTQ VIỆT NAM", "HUYỆN ĐÔNG SƠN", "BAN THƯỜNG TRỰC", "Số: 07/KH-MT"],
                  ["MẶT TRẬN TỔ QUỐC VIỆT NAM", "Đông Sơn, ngày      tháng 4 năm 2026"])
    for text in ("KẾ HOẠCH", "Vận động ủng hộ Quỹ “Vì người nghèo” năm 2026"):
        p = doc.add_paragraph()
        p.add_run(text).bold = True
    for text in ("A. YÊU CẦU", "1/ Vận động đúng đối tượng, tự nguyện.", "2/ Tiền ủng hộ nộp kịp thời.",
                 "B. CHỈ TIÊU VÀ ĐỐI TƯỢNG VẬN ĐỘNG", "1/ Cán bộ, công chức: tối thiểu 01 ngày lương.",
                 "2/ Doanh nghiệp trên địa bàn: tùy tâm.", "Các xã vận động theo danh sách sau:"):
        doc.add_paragraph(text)
    t = doc.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate((("Xã", "Chỉ tiêu (đồng)"), ("Đông Hòa", "40.000.000"), ("Đông Khê", "1.5"))):
        t.cell(r, 0).text, t.cell(r, 1).text = a, b
    for text in ("C. THỜI GIAN", "+ Đợt 1: tháng 01/2026.", "+ Đợt 2: tháng 10/2026.",
                 "Ban Thường trực đề nghị các xã, cơ quan, đơn vị triển khai thực hiện./."):
        doc.add_paragraph(text)
    _closing_table(doc, ["- Lưu VT."], ["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "Lê Văn Thắng"])
    doc.save(path)


def _table(doc, rows: list[list[str]]) -> None:
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).paragraphs[0].add_run(text).bold = r == 0


def ward_arabic(path: Path, titles: tuple[str, str, str] = ("Chỉ tiêu", "Thời gian", "Tổ chức thực hiện")) -> None:
    """A ward plan (review r19, plan C's shape): the two header lines are one body's name, sections
    numbered 1., 2., … in bold whose first title names no part of a plan, items a)/-/+ under it,
    and a signature «TM. …» / «KT. CHỦ TỊCH» / «PHÓ CHỦ TỊCH» / name in the closing table."""
    doc = Document()
    _header_table(doc, ["ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG HÒA BÌNH", "Số: 12/KH-MTTQ"],
                  [NATION, MOTTO, "Hòa Bình, ngày 09 tháng 3 năm 2026"])
    _title(doc, "KẾ HOẠCH", "Tổ chức ngày chủ nhật xanh tại các tổ dân phố năm 2026")
    for text, bold in ((f"1. {titles[0]}", True), ("a) Mỗi tổ dân phố ra quân ít nhất 02 lần;", False),
                       ("b) Mỗi tổ dân phố có một đoạn đường sạch:", False), ("- Quét dọn lòng đường;", False),
                       ("+ Tổ dân phố 1, 2 trồng hoa;", False), ("+ Tổ dân phố 4 sơn lại cột điện.", False),
                       ("- Gom rác về điểm tập kết.", False), (f"2. {titles[1]}", True),
                       ("Ra quân ngày 15/3/2026 và ngày 19/4/2026.", False), (f"3. {titles[2]}", True),
                       ("- Ban Công tác Mặt trận các tổ dân phố chủ trì ra quân.", False)):
        doc.add_paragraph().add_run(text).bold = bold
    _closing_table(doc, ["- Đảng ủy phường (b/c);", "- Lưu: VT."],
                   ["TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Mai"])
    doc.save(path)


def village_assignment(path: Path, title: str = "PHÂN CÔNG THỰC HIỆN") -> None:
    """A commune plan (review r19, plan A's shape) whose assignments section is «PHÂN CÔNG THỰC HIỆN»
    with a table naming its villages under «Địa bàn theo dõi»."""
    doc = Document()
    _header_table(doc, ["ỦY BAN MTTQ VIỆT NAM", "XÃ IA TƠI", "BAN THƯỜNG TRỰC", "Số: 05/KH-BTT"],
                  [NATION, MOTTO, "Ia Tơi, ngày 06 tháng 5 năm 2026"])
    _title(doc, "KẾ HOẠCH", "Vận động làm đường bê tông nội thôn năm 2026")
    for text in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Phát huy vai trò tự quản của cộng đồng dân cư.",
                 f"II. {title}", "Ban Thường trực phân công theo dõi các thôn, làng như sau:"):
        doc.add_paragraph(text)
    _table(doc, [["TT", "Người phụ trách", "Địa bàn theo dõi"],
                 ["1", "Đ/c Rơ Châm Hia – Chủ tịch", "Thôn Ia Pao, làng Ia Lâm"],
                 ["2", "Đ/c Nguyễn Văn Sơn – Phó Chủ tịch", "Thôn Tân Lập, thôn Bình Minh"]])
    _closing_table(doc, ["- Lưu VT."], ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Rơ Châm Hia"])
    doc.save(path)


def guide_tasks(path: Path, closing: str = "Hướng dẫn này thay thế Hướng dẫn số 01/HD-MTTQ-BTT ngày 20/3/2024.",
                note: bool = True) -> None:
    """A guide (Hướng dẫn, review r19 plan B's shape): typed task numbers, a closing paragraph
    after the last task that is no part of it, bold-italic runs."""
    doc = Document()
    for text in ("ỦY BAN MTTQ VIỆT NAM HUYỆN SA THẦY", "BAN THƯỜNG TRỰC", "Số: 04/HD-MTTQ-BTT", NATION, MOTTO,
                 "Sa Thầy, ngày 10 tháng 4 năm 2026"):
        doc.add_paragraph(text)
    _title(doc, "HƯỚNG DẪN", "Ghi sổ theo dõi hoạt động của Ban Công tác Mặt trận năm 2026")
    doc.add_paragraph().add_run("Thực hiện Chương trình phối hợp số 02/CTr-MTTQ ngày 05/01/2026;").italic = True
    p = doc.add_paragraph()
    p.add_run("Ban Thường trực hướng dẫn ")
    r = p.add_run("ba việc")
    r.italic = True
    p.add_run(" sau đây:")
    for i, text in enumerate(("Mở sổ theo mẫu thống nhất.", "Ghi danh sách thành viên.", "Ghi kết quả hòa giải: "), 1):
        p = doc.add_paragraph()
        p.add_run(f"{i}. ").bold = True
        p.add_run(text)
        if i == 3:
            r = p.add_run("thành")
            r.bold = r.italic = True
            p.add_run(" hay không.")
    if note:
        p = doc.add_paragraph()
        r = p.add_run("* Ghi chú:")
        r.bold = r.italic = True
        p.add_run(" Sổ ghi bằng mực không phai.").italic = True
    doc.add_paragraph(closing)
    doc.add_paragraph("Nơi nhận:")
    doc.add_paragraph("- Lưu VT.")
    for text in ("TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "A Blưh"):
        doc.add_paragraph(text)
    doc.save(path)


def ward_table_units(path: Path) -> None:
    """A ward plan (review r19c, plan (a)'s shape): a budget table whose amounts carry no «đồng» (the column
    header «Số tiền (đồng)» says so) and an organisation table naming its units, one by number only."""
    doc = Document()
    _header_table(doc, ["UỶ BAN MTTQ VIỆT NAM", "PHƯỜNG AN PHÚ", "BAN THƯỜNG TRỰC", "Số: 08/KH-MTTQ-BTT"],
                  [NATION, MOTTO, "An Phú, ngày 02 tháng 10 năm 2026"])
    _title(doc, "KẾ HOẠCH", "Tổ chức Ngày hội Đại đoàn kết ở khu dân cư năm 2026")
    for text in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Phát huy truyền thống đoàn kết của cộng đồng dân cư.",
                 "II. KINH PHÍ", "Mỗi khu dân cư được hỗ trợ 2.000.000 đồng từ ngân sách phường."):
        doc.add_paragraph(text)
    _table(doc, [["Khoản chi", "Số tiền (đồng)", "Ghi chú"], ["Hỗ trợ 2 khu dân cư", "4.000.000", "2.000.000 đồng/khu"],
                 ["Khen thưởng", "700.000", ""], ["Cộng", "4.700.000", "Bốn triệu bảy trăm nghìn đồng"]])
    _table(doc, [["Nội dung", "Kinh phí (đồng)", "Thành tiền"], ["Khánh tiết", "300.000", "600.000"],
                 ["Nước uống", "150.000", "450.000"]])
    doc.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    _table(doc, [["Đơn vị", "Nhiệm vụ", "Thời hạn"], ["Tổ dân phố Hòa Thuận", "Tổ chức ngày hội", "trước ngày 15/11/2026"],
                 ["Thôn Plei Kần", "Tổ chức ngày hội", "trước ngày 18/11/2026"],
                 ["Tổ dân phố số 4", "Báo cáo kết quả", "chậm nhất ngày 25/11/2026"]])
    doc.add_paragraph("Trên đây là kế hoạch của Ban Thường trực Ủy ban MTTQ Việt Nam phường An Phú.")
    _closing_table(doc, ["- Lưu VT."], ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Lê Thị Hoa"])
    doc.save(path)


def joint_programme(path: Path, opening: tuple[str, ...] = ()) -> None:
    """A joint programme (Chương trình phối hợp, review r19c plan B's shape): two bodies in the header
    separated by a «—» line, parts written as articles «Điều 1. …», a closing paragraph after the last
    article, two signature blocks side by side. `opening`: paragraphs before the first article."""
    doc = Document()
    t = doc.add_table(rows=1, cols=2)
    left, right = t.cell(0, 0), t.cell(0, 1)
    left.paragraphs[0].text = "UỶ BAN MTTQ VIỆT NAM XÃ IA CHIM"
    for text in ("BAN THƯỜNG TRỰC", "—", "ĐOÀN THANH NIÊN XÃ IA CHIM"):
        left.add_paragraph(text)
    right.paragraphs[0].text = NATION
    right.add_paragraph(MOTTO)
    right.add_paragraph("Ia Chim, ngày 12 tháng 5 năm 2026")
    doc.add_paragraph("Số: 03/CTPH-MTTQ-ĐTN")
    doc.add_paragraph("CHƯƠNG TRÌNH PHỐI HỢP")
    doc.add_paragraph("Về vận động thanh niên giữ gìn vệ sinh môi trường ở khu dân cư năm 2026")
    for text in opening:
        doc.add_paragraph(text)
    for text in ("Điều 1. Mục đích", "Nâng cao ý thức của đoàn viên về giữ gìn vệ sinh nơi ở.",
                 "Điều 2. Nội dung phối hợp", "1. Ra quân dọn vệ sinh đường làng mỗi tháng một lần.",
                 "2. Cùng tuyên truyền phân loại rác tại nhà văn hoá.",
                 "Điều 3. Tổ chức thực hiện", "Mỗi quý hai bên gặp nhau một lần để đánh giá.",
                 "Chương trình có hiệu lực kể từ ngày ký."):
        doc.add_paragraph(text)
    st = doc.add_table(rows=1, cols=2)
    for col, lines in enumerate((("TM. BAN CHẤP HÀNH", "ĐOÀN THANH NIÊN XÃ", "BÍ THƯ", "", "Rmah Thuận"),
                                 ("TM. BAN THƯỜNG TRỰC", "UỶ BAN MTTQ VIỆT NAM XÃ", "CHỦ TỊCH", "", "Ksor Blanh"))):
        cell = st.cell(0, col)
        cell.paragraphs[0].text = lines[0]
        for text in lines[1:]:
            cell.add_paragraph(text)
    for text in ("Nơi nhận:", "- Thường trực Đảng uỷ xã;", "- Lưu: VT."):
        doc.add_paragraph(text)
    doc.save(path)
