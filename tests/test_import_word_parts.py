"""Text a Word file keeps outside the body's flow of paragraphs (review r19f): footnotes and endnotes,
text boxes, the page header, header and signature lines aligned with tabs, and a non-breaking hyphen
typed as a character. Each test builds its own small .docx (our text) and edits its XML where
python-docx has no writer for the part."""

import re
import zipfile
from pathlib import Path

from docx import Document
from docx.shared import Cm

from tests.test_import_plan import imported, load, project, run  # noqa: F401 - the fixture

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _rewrite(path: Path, edit) -> None:
    """The .docx at `path` with its members passed through edit(dict name -> bytes) (in place)."""
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    edit(files)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in files.items():
            z.writestr(n, data)


def _header_table(doc, number="Số: 12/HD-MTTQ-BTT", place="Ngọc Hồi, ngày 05 tháng 3 năm 2026"):
    t = doc.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].text = "ỦY BAN MTTQ VIỆT NAM HUYỆN NGỌC HỒI"
    left.add_paragraph("BAN THƯỜNG TRỰC")
    left.add_paragraph(number)
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph(place)


def _body(doc, with_header=True, extra=""):
    if with_header:
        _header_table(doc)
    doc.add_paragraph().add_run("HƯỚNG DẪN").bold = True
    doc.add_paragraph().add_run("Tổ chức Ngày hội Đại đoàn kết ở khu dân cư năm 2026").bold = True
    doc.add_paragraph("Căn cứ Hướng dẫn số 05/HD-MTTQ-BTT của Ban Thường trực Ủy ban MTTQ tỉnh FN1;")
    doc.add_paragraph("Căn cứ Chương trình phối hợp năm 2026;")
    doc.add_paragraph("Ban Thường trực hướng dẫn như sau:")
    doc.add_paragraph().add_run("I. NỘI DUNG").bold = True
    doc.add_paragraph("1. Phần lễ: báo cáo kết quả Cuộc vận động FN2; biểu dương hộ tiêu biểu.")
    doc.add_paragraph("2. Phần hội: văn nghệ, thể thao.")
    if extra:
        doc.add_paragraph(extra)
    doc.add_paragraph().add_run("II. TỔ CHỨC THỰC HIỆN").bold = True
    doc.add_paragraph("Các Ban Công tác Mặt trận báo cáo kết quả trước ngày 25/11/2026./.")


def _signature(doc):
    doc.add_paragraph().add_run("Nơi nhận:").bold = True
    doc.add_paragraph("- Như trên;")
    doc.add_paragraph("- Lưu: VT.")
    doc.add_paragraph().add_run("TM. BAN THƯỜNG TRỰC").bold = True
    doc.add_paragraph().add_run("CHỦ TỊCH").bold = True
    doc.add_paragraph("A Thị Hoa")


NOTES = {1: "Ngày truyền thống MTTQ Việt Nam: 18/11/1930.", 2: "Cuộc vận động “Toàn dân đoàn kết”."}


def with_notes(path: Path, kind: str = "footnote") -> None:
    """A guide whose căn cứ and one item carry a footnote (or endnote): marks FN1, FN2 in the text
    become w:footnoteReference runs, word/footnotes.xml holds their text."""
    doc = Document()
    _body(doc)
    _signature(doc)
    doc.save(str(path))
    part = f"{kind}s"

    def edit(files):
        xml = files["word/document.xml"].decode()
        for i in NOTES:
            xml = xml.replace(f" FN{i}", f'</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                         f'<w:{kind}Reference w:id="{i}"/></w:r><w:r><w:t xml:space="preserve">')
        files["word/document.xml"] = xml.encode()
        notes = "".join(f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {t}'
                        f'</w:t></w:r></w:p></w:{kind}>' for i, t in NOTES.items())
        files[f"word/{part}.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{part} {W}>'
                                     f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                                     f'</w:{kind}>{notes}</w:{part}>').encode()
        rels = files["word/_rels/document.xml.rels"].decode()
        files["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
            f'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'{part}" Target="{part}.xml"/></Relationships>')).encode()
        types = files["[Content_Types].xml"].decode()
        files["[Content_Types].xml"] = types.replace("</Types>", (
            f'<Override PartName="/word/{part}.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            f'wordprocessingml.{part}+xml"/></Types>')).encode()

    _rewrite(path, edit)


def _all_text(plan: dict) -> list[str]:
    out = []

    def walk(x):
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            if "chu" in x and isinstance(x["chu"], str):
                out.append(x["chu"])
                return
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            if x and all(isinstance(v, str) or (isinstance(v, dict) and "chu" in v) for v in x):
                out.append("".join(v if isinstance(v, str) else v["chu"] for v in x))
            else:
                for v in x:
                    walk(v)

    walk({k: v for k, v in plan.items() if k != "nhap_tu_dong"})
    return out


def test_footnotes_kept_as_marks_and_notes(project, tmp_path, capsys):
    """Review r19f A1: both footnotes were dropped with no word on the checklist. The mark stays where it
    stands («[1]»), the note's text follows as a paragraph «[1] …»: a căn cứ's note under the căn cứ list
    (the list stays whole), an item's note in that item."""
    plan = imported(project, tmp_path, capsys, with_notes, "hd-chu-thich")
    can_cu = [c["van_ban"] for c in plan["can_cu"]]
    assert can_cu == ["Căn cứ Hướng dẫn số 05/HD-MTTQ-BTT của Ban Thường trực Ủy ban MTTQ tỉnh[1];",
                      "Căn cứ Chương trình phối hợp năm 2026;", f"[1] {NOTES[1]}"], can_cu
    texts = _all_text(plan)
    item = next(t for t in texts if "Phần lễ" in t)
    assert "Cuộc vận động[2]; biểu dương" in item, item
    assert texts.index(f"[2] {NOTES[2]}") > texts.index(item)
    assert texts.index(f"[2] {NOTES[2]}") < next(i for i, t in enumerate(texts) if "Phần hội" in t)
    assert any("2 chú thích cuối trang (footnote)" in c for c in plan["nhap_tu_dong"]["can_xac_nhan"])


def test_endnotes_kept_too(project, tmp_path, capsys):
    plan = imported(project, tmp_path, capsys, lambda p: with_notes(p, "endnote"), "hd-chu-thich-cuoi")
    texts = _all_text(plan)
    assert f"[i] {NOTES[1]}" in texts and f"[ii] {NOTES[2]}" in texts
    assert any("chú thích cuối văn bản (endnote)" in c for c in plan["nhap_tu_dong"]["can_xac_nhan"])


def _box(lines: list[str], x_emu: int, n: int) -> str:
    paras = "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>' for t in lines)
    return (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
        '2006/wordprocessingDrawing" behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" locked="0" '
        'layoutInCell="1" allowOverlap="1" relativeHeight="2"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{x_emu}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="2700000" cy="700000"/><wp:wrapTopAndBottom/><wp:docPr id="{n}" name="Khung{n}"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.'
        'microsoft.com/office/word/2010/wordprocessingShape"><wps:cNvSpPr txBox="1"/><wps:spPr/>'
        f'<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>'
        '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-'
        f'microsoft-com:vml" style="position:absolute;margin-left:{x_emu / 12700}pt"><v:textbox><w:txbxContent>'
        f'{paras}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>')


LEFT = ["ỦY BAN MTTQ VIỆT NAM HUYỆN SA THẦY", "ỦY BAN MTTQ VIỆT NAM XÃ YA XIÊR", "Số: 41/BC-MTTQ"]
RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Ya Xiêr, ngày 25 tháng 9 năm 2026"]


def text_box_header(path: Path) -> None:
    """A header in two text boxes side by side, both anchored in the first paragraph (the right one first
    in the file: read by position), each with its VML fallback, as LibreOffice writes a frame to .docx."""
    doc = Document()
    doc.add_paragraph("BOXES")
    _body(doc, with_header=False)
    _signature(doc)
    doc.save(str(path))

    def edit(files):
        xml = files["word/document.xml"].decode()
        boxes = f"<w:r>{_box(RIGHT, 2880000, 2)}{_box(LEFT, -180000, 1)}</w:r>"
        xml = re.sub(r"<w:r>(?:(?!<w:r>).)*?BOXES</w:t></w:r>", boxes, xml, count=1, flags=re.S)
        files["word/document.xml"] = xml.replace(" FN1", "").replace(" FN2", "").encode()

    _rewrite(path, edit)


def test_text_box_header_is_read_in_two_columns(project, tmp_path, capsys):
    """Review r19f B1: the header in two text boxes was dropped and counted as 4 images; the site then said
    the report had no number or date. Read as the two columns of a header table."""
    plan = imported(project, tmp_path, capsys, text_box_header, "bc-khung-chu")
    org = load(project, "bc-khung-chu", "co-quan.yaml")
    assert org["co_quan_cap_tren"] == LEFT[0] and org["co_quan_ban_hanh"] == LEFT[1], org
    assert (org["quoc_hieu"], org["tieu_ngu"], org["dia_danh"]) == (RIGHT[0], RIGHT[1], "Ya Xiêr"), org
    doc = plan["van_ban"]
    assert (doc["so"], doc["ky_hieu"], doc["ngay_ban_hanh"]) == ("41", "BC-MTTQ", "25/9/2026"), doc
    checklist = plan["nhap_tu_dong"]["can_xac_nhan"]
    assert not any("hình ảnh" in c for c in checklist), checklist
    assert any("2 khung chữ (text box)" in c for c in checklist), checklist


def first_page_header(path: Path) -> None:
    """The header table only in Word's first-page header (titlePg); a PAGE field in the other pages' header."""
    doc = Document()
    _body(doc, with_header=False)
    _signature(doc)
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    first = sec.first_page_header
    first.is_linked_to_previous = False
    t = first.add_table(rows=1, cols=2, width=Cm(16))
    left, right = t.rows[0].cells
    left.paragraphs[0].text = "ỦY BAN MTTQ VIỆT NAM TỈNH KON TUM"
    left.add_paragraph("BAN THƯỜNG TRỰC")
    left.add_paragraph("Số: 05/CTr-MTTQ-BTT")
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Kon Tum, ngày 08 tháng 01 năm 2027")
    sec.header.is_linked_to_previous = False
    sec.header.paragraphs[0].text = "PAGEFIELD"
    doc.save(str(path))

    def edit(files):
        for name in files:
            if name.startswith("word/header") and b"PAGEFIELD" in files[name]:
                files[name] = re.sub(
                    rb"<w:r>(?:(?!<w:r>).)*?PAGEFIELD</w:t></w:r>",
                    b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
                    b'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
                    b'<w:r><w:fldChar w:fldCharType="end"/></w:r>', files[name], flags=re.S)
        files["word/document.xml"] = files["word/document.xml"].replace(b" FN1", b"").replace(b" FN2", b"")

    _rewrite(path, edit)


def test_first_page_header_is_the_documents_header(project, tmp_path, capsys):
    """Review r19f C1: the header table in Word's first-page header was ignored (no number, no date, issuer
    «BAN THƯỜNG TRỰC»). Read as the document's header when the body has none; the page number field of the
    other pages is not text, and the checklist says both."""
    plan = imported(project, tmp_path, capsys, first_page_header, "ctr-dau-trang")
    org = load(project, "ctr-dau-trang", "co-quan.yaml")
    assert org["co_quan_cap_tren"] == "ỦY BAN MTTQ VIỆT NAM TỈNH KON TUM", org
    doc = plan["van_ban"]
    assert (doc["so"], doc["ky_hieu"], doc["ngay_ban_hanh"]) == ("05", "CTr-MTTQ-BTT", "08/01/2027"), doc
    checklist = plan["nhap_tu_dong"]["can_xac_nhan"]
    assert any("phần đầu trang (header) trang đầu" in c for c in checklist), checklist
    assert any("số trang (trường PAGE" in c for c in checklist), checklist
    assert "2" not in [t.strip() for t in _all_text(plan)]


def tab_aligned(path: Path) -> None:
    """Header and signature written as lines aligned with tabs (no table), as many offices type them;
    one body line with a tab that is no header («Tổng cộng:⇥…»)."""
    doc = Document()
    for left, right in (("ỦY BAN MTTQ VIỆT NAM HUYỆN ĐĂK HÀ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                        ("BAN THƯỜNG TRỰC", "Độc lập - Tự do - Hạnh phúc"),
                        ("Số: 27/HD-MTTQ-BTT", "Đăk Hà, ngày 02 tháng 10 năm 2026")):
        doc.add_paragraph(f"{left}\t{right}")
    _body(doc, with_header=False, extra="Tổng cộng:\t5.000.000 đồng")
    doc.add_paragraph("Nơi nhận:\tTM. BAN THƯỜNG TRỰC")
    doc.add_paragraph("- Ban Thường trực UB MTTQ tỉnh;\tPHÓ CHỦ TỊCH")
    doc.add_paragraph("- Thường trực Huyện ủy;")
    doc.add_paragraph("- Lưu: VT.")
    doc.add_paragraph("")
    doc.add_paragraph("\t\tY Thị Hờ Lan")
    doc.save(str(path))
    _rewrite(path, lambda files: files.update({"word/document.xml": files["word/document.xml"].replace(
        b" FN1", b"").replace(b" FN2", b"")}))


def test_tab_aligned_header_and_signature_read_as_columns(project, tmp_path, capsys):
    """Review r19f A2, A3: «LEFT⇥RIGHT» header lines gave a body name with the national name in it and
    the number inside the place line; «Nơi nhận:⇥TM. …» put the authority among the recipients. Split at
    the tabs into the two columns a header or signature table has."""
    plan = imported(project, tmp_path, capsys, tab_aligned, "hd-tab")
    org = load(project, "hd-tab", "co-quan.yaml")
    assert (org["co_quan_cap_tren"], org["co_quan_ban_hanh"]) == ("ỦY BAN MTTQ VIỆT NAM HUYỆN ĐĂK HÀ",
                                                                  "BAN THƯỜNG TRỰC"), org
    assert (org["quoc_hieu"], org["tieu_ngu"], org["dia_danh"]) == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Đăk Hà"), org
    doc = plan["van_ban"]
    assert (doc["so"], doc["ky_hieu"], doc["ngay_ban_hanh"]) == ("27", "HD-MTTQ-BTT", "02/10/2026"), doc
    assert plan["noi_nhan"]["dong"] == ["- Ban Thường trực UB MTTQ tỉnh;", "- Thường trực Huyện ủy;", "- Lưu: VT."]
    sig = plan["chu_ky"]
    assert (sig["quyen_han"], sig["chuc_vu"], sig["nguoi_ky"]) == ("TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH",
                                                                   "Y Thị Hờ Lan"), sig
    assert any(t.replace("\t", " ") == "Tổng cộng: 5.000.000 đồng" for t in _all_text(plan))


def nb_hyphen(path: Path) -> None:
    """U+2011 (non-breaking hyphen) typed as a character in the text and in a table cell."""
    doc = Document()
    _header_table(doc)
    doc.add_paragraph().add_run("HƯỚNG DẪN").bold = True
    doc.add_paragraph().add_run("Tổ chức Ngày hội Đại đoàn kết ở khu dân cư năm 2026").bold = True
    doc.add_paragraph().add_run("I. NỘI DUNG").bold = True
    doc.add_paragraph("1. Kinh phí: 2.000.000 đồng/khu dân cư (nguồn ngân sách huyện\u2011xã).")
    t = doc.add_table(rows=2, cols=2)
    for r, (a, b) in enumerate((("Ngày", "Nội dung"), ("18\u201111", "Ngày hội"))):
        t.rows[r].cells[0].text, t.rows[r].cells[1].text = a, b
    doc.add_paragraph().add_run("II. TỔ CHỨC THỰC HIỆN").bold = True
    doc.add_paragraph("Các Ban Công tác Mặt trận báo cáo kết quả trước ngày 25/11/2026./.")
    _signature(doc)
    doc.save(str(path))


def test_non_breaking_hyphen_character_does_not_refuse_the_file(project, tmp_path, capsys):
    """Review r19f C2: a U+2011 typed in the text made the import refuse the whole file (the PDF fonts have
    no glyph for it). Written «-», as Word's own w:noBreakHyphen already imports, and listed."""
    plan = imported(project, tmp_path, capsys, nb_hyphen, "hd-gach-noi")
    texts = _all_text(plan)
    assert any("ngân sách huyện-xã" in t for t in texts), texts
    assert not any("\u2011" in t for t in texts)
    assert "'18-11'" in str(plan) and "\u2011" not in str(plan)
    assert any("2 ký tự U+2011 (gạch nối" in c for c in plan["nhap_tu_dong"]["can_xac_nhan"])


def test_odt_notes_and_tab_aligned_lines(tmp_path):
    """The .odt reader dropped text:note (footnotes, endnotes) silently and read tab-aligned header lines
    as one line, as the .docx reader did (review r19f): same placement, same two columns."""
    from macros.plan_import.blocks import Table
    from macros.plan_import.odt import read_odt

    content = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:text>
 <text:p>ỦY BAN MTTQ VIỆT NAM HUYỆN ĐĂK HÀ<text:tab/>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p>
 <text:p>Số: 27/HD-MTTQ-BTT<text:tab/>Đăk Hà, ngày 02 tháng 10 năm 2026</text:p>
 <text:p>Căn cứ Hướng dẫn số 18/HD-MTTW-BTT<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Ngày truyền thống: 18/11/1930.</text:p></text:note-body></text:note>;</text:p>
 <text:p>Căn cứ Chương trình năm 2026;</text:p>
 <text:p>Ban Thường trực hướng dẫn như sau:</text:p>
</office:text></office:body></office:document-content>
"""
    src = tmp_path / "hd.odt"
    with zipfile.ZipFile(src, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    blocks, facts = read_odt(src, 10**6)
    assert isinstance(blocks[0], Table)
    assert blocks[0].rows == [["ỦY BAN MTTQ VIỆT NAM HUYỆN ĐĂK HÀ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                              ["Số: 27/HD-MTTQ-BTT", "Đăk Hà, ngày 02 tháng 10 năm 2026"]]
    assert [b.text for b in blocks[1:]] == ["Căn cứ Hướng dẫn số 18/HD-MTTW-BTT[1];", "Căn cứ Chương trình năm 2026;",
                                            "[1] Ngày truyền thống: 18/11/1930.", "Ban Thường trực hướng dẫn như sau:"]
    assert any("1 chú thích cuối trang" in x for x in facts["reader_notes"])


def test_odt_text_frames_read_as_header_columns(tmp_path):
    """An .odt header in two frames (draw:frame › draw:text-box, how LibreOffice users place it) was lost and
    counted as images, like the .docx text boxes (review r19f B1): read as two columns, left to right."""
    from macros.plan_import.blocks import Table
    from macros.plan_import.odt import read_odt

    def frame(x, lines):
        ps = "".join(f"<text:p>{line}</text:p>" for line in lines)
        return (f'<draw:frame text:anchor-type="paragraph" svg:x="{x}" svg:y="0cm" svg:width="8cm">'
                f"<draw:text-box>{ps}</draw:text-box></draw:frame>")

    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
<office:body><office:text>
 <text:p>{frame("9cm", RIGHT)}{frame("-0.5cm", LEFT)}</text:p>
 <text:p>BÁO CÁO</text:p>
</office:text></office:body></office:document-content>
"""
    src = tmp_path / "bc.odt"
    with zipfile.ZipFile(src, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    blocks, facts = read_odt(src, 10**6)
    assert isinstance(blocks[0], Table) and blocks[0].rows == [["\n".join(LEFT), "\n".join(RIGHT)]], blocks[0]
    assert [b.text for b in blocks[1:] if b.text.strip()] == ["BÁO CÁO"]
    assert facts["images"] == 0 and any("2 khung chữ" in x for x in facts["reader_notes"])


def table_after_closing(path: Path, closing: str) -> None:
    doc = Document()
    _header_table(doc)
    doc.add_paragraph().add_run("HƯỚNG DẪN").bold = True
    doc.add_paragraph().add_run("Tổ chức Ngày hội Đại đoàn kết ở khu dân cư năm 2026").bold = True
    doc.add_paragraph().add_run("I. NỘI DUNG").bold = True
    doc.add_paragraph("1. Phần lễ, phần hội.")
    doc.add_paragraph(closing)
    t = doc.add_table(rows=2, cols=2)
    for r, (a, b) in enumerate((("Khu dân cư", "Ngày tổ chức"), ("Thôn Kon Klốc", "18/11/2026"))):
        t.rows[r].cells[0].text, t.rows[r].cells[1].text = a, b
    _signature(doc)
    doc.save(str(path))


def test_table_after_the_closing_paragraph_is_kept(project, tmp_path, capsys):
    """Found while testing U+2011 (review r19f follow-up): a table between the closing paragraph («…/.» or
    «Trên đây là …») and «Nơi nhận» was dropped silently. Kept after the closing, in order."""
    for n, closing in enumerate(("Đề nghị các Ban Công tác Mặt trận thực hiện./.",
                                 "Trên đây là Hướng dẫn tổ chức Ngày hội năm 2026.")):
        plan = imported(project, tmp_path, capsys, lambda p: table_after_closing(p, closing), f"hd-bang-cuoi-{n}")
        text = str({k: v for k, v in plan.items() if k != "nhap_tu_dong"})
        assert "Thôn Kon Klốc" in text and "18/11/2026" in text, (closing, plan["muc"], plan["ket_luan"])
        assert text.find(closing) < text.find("Thôn Kon Klốc"), closing


def test_cell_of_several_lines_prints_its_lines(project, tmp_path, capsys):
    """Review r19f B3: a cell of two paragraphs (or a nested table's rows) is stored with a line break, but the
    plan page (and the PDF made from it) ran its lines together: «Tiền mặt: 12.000.000 Hiện vật: 3.500.000»."""
    from macros.loader import load_plan
    from macros.render.plan import plan_page

    def make(path):
        doc = Document()
        _header_table(doc)
        doc.add_paragraph().add_run("BÁO CÁO").bold = True
        doc.add_paragraph().add_run("Kết quả vận động Quỹ năm 2026").bold = True
        doc.add_paragraph().add_run("I. KẾT QUẢ").bold = True
        doc.add_paragraph("Kết quả vận động như sau:")
        t = doc.add_table(rows=2, cols=2)
        t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Thôn", "Chi tiết"
        t.rows[1].cells[0].text = "Thôn Kà Bầy"
        t.rows[1].cells[1].text = "Tiền mặt: 12.000.000"
        t.rows[1].cells[1].add_paragraph("Hiện vật: 3.500.000")
        doc.add_paragraph().add_run("II. PHƯƠNG HƯỚNG").bold = True
        doc.add_paragraph("Tiếp tục vận động./.")
        _signature(doc)
        doc.save(str(path))

    imported(project, tmp_path, capsys, make, "bc-o-nhieu-dong")
    page = plan_page(load_plan(project, "bc-o-nhieu-dong"))
    assert re.search(r"Tiền mặt: 12\.000\.000<br>\s*Hiện vật: 3\.500\.000", page), \
        page[page.find("Tiền mặt") - 80:page.find("Tiền mặt") + 120]


def test_paragraph_left_of_a_word_list_follows_the_list(project, tmp_path, capsys):
    """Review r19f B3: a paragraph and a table after a Word-numbered list were filed under its last item.
    When the paragraph sits left of the list's text (Word's list indent, here «List Number»: 0.5 inch), it
    and what follows are the section's, after the list; a paragraph indented like the item's text stays in it."""
    def make(path):
        doc = Document()
        _header_table(doc)
        doc.add_paragraph().add_run("BÁO CÁO").bold = True
        doc.add_paragraph().add_run("Kết quả công tác Mặt trận năm 2026").bold = True
        doc.add_paragraph().add_run("I. TỒN TẠI").bold = True
        doc.add_paragraph("Ban Công tác Mặt trận thôn chưa chủ động.", style="List Number")
        doc.add_paragraph("Việc nắm bắt tình hình có lúc chưa kịp thời.", style="List Number")
        inner = doc.add_paragraph("Nhất là ở các thôn xa.")
        inner.paragraph_format.left_indent = Cm(1.27)
        doc.add_paragraph("Kết quả vận động Quỹ theo từng thôn:")
        t = doc.add_table(rows=2, cols=2)
        t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Thôn", "Số tiền (đồng)"
        t.rows[1].cells[0].text, t.rows[1].cells[1].text = "Thôn Kà Bầy", "15.500.000"
        doc.add_paragraph().add_run("II. PHƯƠNG HƯỚNG").bold = True
        doc.add_paragraph("Tiếp tục vận động./.")
        _signature(doc)
        doc.save(str(path))

    plan = imported(project, tmp_path, capsys, make, "bc-sau-danh-sach")
    doan = plan["muc"][0]["doan"]
    assert [d.get("ky_hieu") if isinstance(d, dict) else d for d in doan[:2]] == ["1.", "2."], doan
    assert doan[1].get("doan") == ["Nhất là ở các thôn xa."], doan[1]
    assert doan[2] == "Kết quả vận động Quỹ theo từng thôn:", doan
    assert "bang" in doan[3], doan


def test_text_box_in_a_table_cell_read_once(tmp_path):
    """A text box inside a table cell (with its VML fallback) gave its text twice in the cell."""
    from macros.plan_import.docx import read_docx

    path = tmp_path / "o.docx"
    doc = Document()
    t = doc.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text = "Thôn"
    t.rows[0].cells[1].text = "BOXES"
    doc.add_paragraph("Hết.")
    doc.save(str(path))

    def edit(files):
        xml = files["word/document.xml"].decode()
        xml = re.sub(r"<w:r>(?:(?!<w:r>).)*?BOXES</w:t></w:r>", f"<w:r>{_box(['Ghi trong khung'], 0, 1)}</w:r>",
                     xml, count=1, flags=re.S)
        files["word/document.xml"] = xml.encode()

    _rewrite(path, edit)
    blocks, _ = read_docx(path, 10**6)
    assert blocks[0].rows == [["Thôn", "Ghi trong khung"]], blocks[0].rows


def test_odt_first_page_header_is_the_documents_header(tmp_path):
    """The .odt form of review r19f C1: the header table only in the first page's header (styles.xml,
    style:header-first) was ignored; read as the document's header when the body has none."""
    from macros.plan_import.blocks import Table
    from macros.plan_import.odt import read_odt

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')

    def cell(lines):
        return "<table:table-cell>" + "".join(f"<text:p>{x}</text:p>" for x in lines) + "</table:table-cell>"

    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ns} office:version="1.3">'
              '<office:master-styles><style:master-page style:name="Standard">'
              '<style:header><text:p>Trang <text:page-number>2</text:page-number></text:p></style:header>'
              '<style:header-first><table:table><table:table-column table:number-columns-repeated="2"/>'
              f'<table:table-row>{cell(LEFT)}{cell(RIGHT)}</table:table-row></table:table></style:header-first>'
              '</style:master-page></office:master-styles></office:document-styles>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.3">'
               '<office:body><office:text><text:p>BÁO CÁO</text:p><text:p>Kết quả năm 2026</text:p>'
               '</office:text></office:body></office:document-content>')
    src = tmp_path / "bc.odt"
    with zipfile.ZipFile(src, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("styles.xml", styles)
    blocks, facts = read_odt(src, 10**6)
    assert isinstance(blocks[0], Table) and blocks[0].rows == [["\n".join(LEFT), "\n".join(RIGHT)]], blocks[0]
    assert [b.text for b in blocks[1:]] == ["BÁO CÁO", "Kết quả năm 2026"]
    assert any("phần đầu trang (header)" in x for x in facts["reader_notes"])


def test_comments_are_listed_not_copied(tmp_path):
    """Review r19f A (minor): a Word comment was (rightly) not copied, but nothing told the editor it was there."""
    from macros.plan_import.docx import read_docx

    path = tmp_path / "c.docx"
    doc = Document()
    doc.add_paragraph("Phần lễ COMMENT; phần hội.")
    doc.save(str(path))
    _rewrite(path, lambda files: files.update({"word/document.xml": files["word/document.xml"].replace(
        b" COMMENT", b'</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve">')}))
    blocks, facts = read_docx(path, 10**6)
    assert blocks[0].text == "Phần lễ; phần hội."
    assert any("1 lời bình (comment)" in x for x in facts["reader_notes"]), facts["reader_notes"]
