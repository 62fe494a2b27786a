"""Review r19p (held-out plans of the Đoàn, the Hội and the Front's central committee): a subject written over
several lines, hidden text, numbering through a list style, an altChunk, Đoàn-style number lines and headers,
a text box after the signature, and file-kind messages. Every .docx is built here with our own wording."""

import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml

from macros.import_plan import import_file
from tests.test_import_word_parts import _rewrite

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'




def _centred(doc, text: str, bold: bool = True):
    p = doc.add_paragraph()
    p.add_run(text).bold = bold
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _header(doc, left=("HỘI NÔNG DÂN VIỆT NAM", "BCH HUYỆN SA THẦY", "Số: 17-KH/HND"),
            right=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "Sa Thầy, ngày 04 tháng 6 năm 2026")) -> None:
    t = doc.add_table(rows=1, cols=2)
    for cell, lines in zip(t.rows[0].cells, (left, right)):
        for i, line in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.add_run(line).bold = line.isupper()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _body(doc) -> None:
    doc.add_paragraph("Thực hiện chương trình công tác năm 2026, Ban Thường vụ xây dựng kế hoạch như sau:")
    doc.add_paragraph().add_run("I. MỤC ĐÍCH, YÊU CẦU").bold = True
    doc.add_paragraph("1. Động viên hội viên tham gia giữ gìn vệ sinh đường làng.")
    doc.add_paragraph().add_run("II. TỔ CHỨC THỰC HIỆN").bold = True
    doc.add_paragraph("Các chi hội báo cáo kết quả trước ngày 15/9/2026./.")


def _words(result) -> str:
    return repr({k: v for k, v in result.plan.items() if k != "nhap_tu_dong"}) + repr(result.org)


SUBJECT = ["Ra quân làm sạch đường làng, ngõ xóm", "hưởng ứng Ngày Môi trường thế giới",
           "(05/6/2026 - 30/6/2026)"]


def _opening() -> Document:
    """A plan's first lines: the header, the kind line, a one-line subject and the opening sentence."""
    doc = Document()
    _header(doc)
    _centred(doc, "KẾ HOẠCH")
    _centred(doc, SUBJECT[0])
    doc.add_paragraph("Thực hiện chương trình công tác năm 2026, Ban Thường vụ xây dựng kế hoạch như sau:")
    return doc


def test_subject_over_several_centred_lines_is_read_whole(tmp_path):
    for breaks in (False, True):
        doc = Document()
        _header(doc)
        _centred(doc, "KẾ HOẠCH")
        if breaks:  # one paragraph, its lines parted by Shift+Enter
            p = _centred(doc, SUBJECT[0])
            for line in SUBJECT[1:]:
                r = p.add_run()
                r.add_break()
                r.bold = True
                p.add_run(line).bold = True
        else:
            for line in SUBJECT:
                _centred(doc, line)
        _body(doc)
        path = tmp_path / f"subject-{breaks}.docx"
        doc.save(str(path))
        got = import_file(path)
        assert got.plan["van_ban"]["trich_yeu"] == " ".join(SUBJECT), breaks
        rest = repr({k: v for k, v in got.plan.items() if k not in ("nhap_tu_dong", "van_ban")})
        assert SUBJECT[1] not in rest and SUBJECT[2] not in rest and "Thực hiện chương trình" in rest


def test_hidden_text_is_left_out_and_listed(tmp_path):
    doc = _opening()
    doc.add_paragraph().add_run("I. MỤC ĐÍCH, YÊU CẦU").bold = True
    p = doc.add_paragraph("1. Động viên hội viên tham gia giữ gìn vệ sinh đường làng.")
    p.add_run(" ghi chú nội bộ chưa duyệt").font.hidden = True
    doc.add_paragraph().add_run("II. TỔ CHỨC THỰC HIỆN").bold = True
    doc.add_paragraph("Các chi hội báo cáo kết quả trước ngày 15/9/2026./.")
    path = tmp_path / "hidden.docx"
    doc.save(str(path))
    got = import_file(path)
    assert "ghi chú nội bộ" not in _words(got) and "giữ gìn vệ sinh đường làng." in _words(got)
    said = [c for c in got.checklist if "chữ ẩn" in c]
    assert len(said) == 1 and "«ghi chú nội bộ chưa duyệt»" in said[0]


def _list_style_numbering(doc) -> None:
    """A list drawn through a list style, as Word writes a multilevel list saved as a style: the paragraphs'
    num points to an abstractNum that only names the style (w:numStyleLink); the style (styles.xml, type
    numbering) points to a num whose abstractNum defines the levels (w:styleLink)."""
    from docx.oxml.ns import nsdecls, qn

    numbering = doc.part.numbering_part.element

    def lvl(i, fmt, text):
        return (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                '</w:lvl>')

    first_num = numbering.find(qn("w:num"))
    for xml in (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70"><w:numStyleLink w:val="DanhSachKH"/>'
                '</w:abstractNum>',
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="71"><w:styleLink w:val="DanhSachKH"/>'
                + lvl(0, "upperRoman", "%1.") + lvl(1, "decimal", "%2.") + "</w:abstractNum>"):
        el = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="701"><w:abstractNumId w:val="70"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="702"><w:abstractNumId w:val="71"/></w:num>'))
    doc.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="numbering" w:customStyle="1" w:styleId="DanhSachKH">'
        '<w:name w:val="Danh sach KH"/><w:pPr><w:numPr><w:numId w:val="702"/></w:numPr></w:pPr></w:style>'))


def test_numbering_through_a_list_style(tmp_path):
    from docx.oxml.ns import nsdecls

    doc = _opening()
    _list_style_numbering(doc)
    for text, ilvl, bold in (("MỤC ĐÍCH, YÊU CẦU", 0, True), ("Động viên hội viên giữ gìn đường làng.", 1, False),
                             ("Mỗi chi hội nhận một đoạn đường.", 1, False), ("TỔ CHỨC THỰC HIỆN", 0, True),
                             ("Các chi hội báo cáo kết quả trước ngày 15/9/2026./.", 1, False)):
        p = doc.add_paragraph()
        p.add_run(text).bold = bold
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="701"/></w:numPr>'))
    path = tmp_path / "liststyle.docx"
    doc.save(str(path))
    got = import_file(path)
    words = _words(got)
    sections = got.plan["muc"]
    assert [(s.get("so"), s.get("tieu_de")) for s in sections[-2:]] == [("I", "MỤC ĐÍCH, YÊU CẦU"),
                                                                         ("II", "TỔ CHỨC THỰC HIỆN")], sections
    assert [x.get("ky_hieu") for x in sections[-2]["doan"]] == ["1.", "2."], sections[-2]
    assert "Mỗi chi hội nhận một đoạn đường." in words


def _with_chunks(path: Path, chunks: dict[str, str]) -> None:
    """The document's «CHUNK:name» paragraphs replaced by w:altChunk elements showing word/name (HTML)."""

    def edit(files):
        xml = files["word/document.xml"].decode()
        rels = files["word/_rels/document.xml.rels"].decode()
        for i, (name, html) in enumerate(chunks.items()):
            start = xml.index(f"CHUNK:{name}")
            p_start, p_end = xml.rindex("<w:p>", 0, start), xml.index("</w:p>", start) + len("</w:p>")
            xml = xml[:p_start] + f'<w:altChunk r:id="rIdChunk{i}"/>' + xml[p_end:]
            files[f"word/{name}"] = html.encode()
            rels = rels.replace("</Relationships>", (
                f'<Relationship Id="rIdChunk{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                f'relationships/aFChunk" Target="{name}"/></Relationships>'))
        files["word/document.xml"] = xml.encode()
        files["word/_rels/document.xml.rels"] = rels.encode()
        types = files["[Content_Types].xml"].decode()
        files["[Content_Types].xml"] = types.replace("</Types>", '<Default Extension="htm" ContentType="text/html"/>'
                                                                 "</Types>").encode()

    _rewrite(path, edit)


def test_alt_chunk_text_is_read_or_listed(tmp_path):
    doc = _opening()
    doc.add_paragraph().add_run("I. MỤC ĐÍCH, YÊU CẦU").bold = True
    doc.add_paragraph("1. Động viên hội viên giữ gìn đường làng.")
    doc.add_paragraph("CHUNK:a.htm")
    doc.add_paragraph("CHUNK:b.htm")
    doc.add_paragraph().add_run("II. TỔ CHỨC THỰC HIỆN").bold = True
    doc.add_paragraph("Các chi hội báo cáo kết quả trước ngày 15/9/2026./.")
    path = tmp_path / "chunk.docx"
    doc.save(str(path))
    _with_chunks(path, {
        "a.htm": '<html><head><meta charset="utf-8"><title>x</title></head><body><p>2. Mỗi chi hội <b>nhận một '
                 'đoạn</b>\n   đường.</p><p>3. Trồng cây xanh hai bên đường.</p></body></html>',
        "b.htm": "<html><body><table><tr><td>Chi hội Tân Lập</td></tr></table></body></html>"})
    got = import_file(path)
    section = got.plan["muc"][-2]
    assert [x["van_ban"] if isinstance(x["van_ban"], str) else "".join(
        r if isinstance(r, str) else r["chu"] for r in x["van_ban"]) for x in section["doan"]] == [
        "Động viên hội viên giữ gìn đường làng.", "Mỗi chi hội nhận một đoạn đường.", "Trồng cây xanh hai bên đường."]
    said = [c for c in got.checklist if "altChunk" in c]
    assert len(said) == 2 and "đã chép 2 đoạn" in said[0] and "a.htm" in said[0]
    assert "b.htm" in said[1] and "<table>" in said[1] and "Tân Lập" not in _words(got)


def test_doan_header_and_number_line_as_written(tmp_path):
    """A Đoàn plan's header: the issuing body left with «***» under it (printed there), «ĐOÀN TNCS HỒ CHÍ MINH» right (where a
    Front plan has the national name), the number line «Số: 09 - KH/ĐTN»; a Hội's «Số 31-KH/HLHTN»."""
    import shutil

    from tests.test_import_plan import ROOT, load, rendered, run

    project = tmp_path / "p"
    (project / "data").mkdir(parents=True)
    for f in (ROOT / "data").glob("*.yaml"):
        shutil.copy(f, project / "data" / f.name)
    for number, so, ky_hieu in (("Số: 09 - KH/ĐTN", "09", "KH/ĐTN"), ("Số 31-KH/HLHTN", "31", "KH/HLHTN")):
        doc = Document()
        _header(doc, left=("BAN CHẤP HÀNH ĐOÀN XÃ HÒA BÌNH", "***", number),
                right=("ĐOÀN TNCS HỒ CHÍ MINH", "", "Hòa Bình, ngày 04 tháng 6 năm 2026"))
        _centred(doc, "KẾ HOẠCH")
        _centred(doc, SUBJECT[0])
        _body(doc)
        path = tmp_path / f"doan-{so}.docx"
        doc.save(str(path))
        got = import_file(path)
        van_ban = got.plan["van_ban"]
        assert (van_ban["so"], van_ban["ky_hieu"], van_ban["dong_so"]) == (so, ky_hieu, number)
        assert got.org["quoc_hieu"] == "ĐOÀN TNCS HỒ CHÍ MINH"
        assert got.org["co_quan_ban_hanh"] == "BAN CHẤP HÀNH ĐOÀN XÃ HÒA BÌNH"
        # the «***» under the body kept as written and printed, no longer listed (session 11)
        assert got.org["dong_duoi_co_quan_ban_hanh"] == "***"
        assert not any("«***»" in c for c in got.checklist) and any("van_ban.dong_so" in c for c in got.checklist)
        assert run(project, path, "--thu-muc", f"doan-{so}") == 0
        assert load(project, f"doan-{so}")["van_ban"]["dong_so"] == number
        page = rendered(project, f"doan-{so}")
        assert number in page and f"{so}/{ky_hieu}" not in page and "không có số" not in page and " *** " in page


def test_text_box_after_the_signature_is_not_the_signer(tmp_path):
    doc = Document()
    _header(doc)
    _centred(doc, "KẾ HOẠCH")
    _centred(doc, SUBJECT[0])
    _body(doc)
    doc.add_paragraph().add_run("Nơi nhận:").bold = True
    doc.add_paragraph("- Các chi hội;")
    doc.add_paragraph("- Lưu: VP.")
    doc.add_paragraph().add_run("TM. BAN THƯỜNG VỤ").bold = True
    doc.add_paragraph().add_run("CHỦ TỊCH").bold = True
    p = doc.add_paragraph()
    p._p.append(parse_xml(
        f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape id="k1" style="width:180pt;height:24pt" '
        'type="#_x0000_t202"><v:textbox><w:txbxContent><w:p><w:r><w:t>Dấu đỏ của Hội</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    path = tmp_path / "box.docx"
    doc.save(str(path))
    got = import_file(path)
    assert got.plan["chu_ky"]["nguoi_ky"] == "" and got.plan["chu_ky"]["chuc_vu"] == "CHỦ TỊCH"
    assert "Dấu đỏ của Hội" in repr(got.plan.get("phu_luc"))
    assert any("text box" in c and "«Dấu đỏ của Hội»" in c and "người ký" in c for c in got.checklist)


def test_file_kind_read_from_content(tmp_path):
    """An .odt renamed .docx is read as .odt and the rename said; an RTF file, under any name, is refused with the
    way to convert it (review r19p defect 11)."""
    import pytest

    from macros.plan_import.blocks import NotAPlan
    from tests.test_import_odt import HEAD, TAIL, _odt, _p

    body = HEAD + _p("I. MỤC ĐÍCH, YÊU CẦU") + _p("1. Nâng cao nhận thức.") + TAIL
    odt = _odt(tmp_path / "ke-hoach.odt", body)
    renamed = tmp_path / "ke-hoach.docx"
    renamed.write_bytes(odt.read_bytes())
    want, got = import_file(odt), import_file(renamed)
    assert got.plan == want.plan
    assert any("là tệp OpenDocument" in c and "đã đọc như tệp .odt" in c for c in got.checklist)
    for name in ("ke-hoach.rtf", "ke-hoach-rtf.docx"):
        path = tmp_path / name
        path.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0 K\\'ea ho\\'e1ch}")
        with pytest.raises(NotAPlan) as err:
            import_file(path)
        assert "RTF" in str(err.value) and "Lưu thành" in str(err.value) and ".docx" in str(err.value)


def test_merged_cells_of_the_header_table_are_named_as_the_header(tmp_path):
    doc = Document()
    _header(doc)
    t = doc.tables[0]
    row = t.add_row()
    row.cells[0].merge(row.cells[1]).paragraphs[0].text = ""
    _centred(doc, "KẾ HOẠCH")
    _centred(doc, SUBJECT[0])
    _body(doc)
    path = tmp_path / "merged.docx"
    doc.save(str(path))
    got = import_file(path)
    said = [c for c in got.checklist if "gộp" in c]
    assert len(said) == 1 and "đầu văn bản" in said[0] and "o_gop" not in said[0], said


def test_subject_over_several_centred_lines_of_an_odt(tmp_path):
    import zipfile

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"')
    styles = ('<office:automatic-styles><style:style style:name="C" style:family="paragraph">'
              '<style:paragraph-properties fo:text-align="center"/></style:style></office:automatic-styles>')

    def p(text: str, style: str = "") -> str:
        named = f' text:style-name="{style}"' if style else ""
        return f"<text:p{named}>{text}</text:p>"

    body = ("".join(p(x) for x in ("HỘI NÔNG DÂN XÃ HÒA BÌNH", "Số: 17/KH-HND", "Hòa Bình, ngày 04 tháng 6 năm 2026"))
            + "".join(p(x, "C") for x in ["KẾ HOẠCH", *SUBJECT])
            + p("Thực hiện chương trình công tác năm 2026, Ban Thường vụ xây dựng kế hoạch như sau:")
            + p("I. MỤC ĐÍCH, YÊU CẦU") + p("1. Động viên hội viên giữ gìn đường làng."))
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ns}>{styles}'
               f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
    path = tmp_path / "subject.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    assert import_file(path).plan["van_ban"]["trich_yeu"] == " ".join(SUBJECT)


def test_hidden_text_of_an_odt_is_left_out_and_listed(tmp_path):
    import zipfile

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"')
    styles = ('<office:automatic-styles><style:style style:name="An" style:family="text">'
              '<style:text-properties text:display="none"/></style:style></office:automatic-styles>')
    body = "".join(f"<text:p>{x}</text:p>" for x in (
        "HỘI NÔNG DÂN XÃ HÒA BÌNH", "Số: 17/KH-HND", "Hòa Bình, ngày 04 tháng 6 năm 2026", "KẾ HOẠCH", SUBJECT[0],
        "I. MỤC ĐÍCH, YÊU CẦU",
        '1. Động viên hội viên giữ gìn đường làng.<text:span text:style-name="An"> ghi chú nội bộ</text:span> Xong.'))
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ns}>{styles}'
               f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
    path = tmp_path / "hidden.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    got = import_file(path)
    assert "ghi chú nội bộ" not in _words(got) and "giữ gìn đường làng. Xong." in _words(got)
    assert any("chữ ẩn" in c and "«ghi chú nội bộ»" in c for c in got.checklist)
